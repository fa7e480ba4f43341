import { useT } from '../i18n.js';

/** What the reviewer wrote when returning an item, under its own heading; nothing when there is none. */
export function ReviewComment({ comment }: { comment: string | null }) {
  const t = useT();
  if (!comment) return null;
  return (
    <div className="review-comment">
      <p className="review-comment__title">{t.reviewerComment}</p>
      <p>{comment}</p>
    </div>
  );
}
