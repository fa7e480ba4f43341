import type { ReactNode } from 'react';
import { useT } from '../i18n.js';

/** A titled section; labelled by its heading, so it is a landmark screen readers can jump to. */
export function Section({
  id,
  title,
  lead,
  children,
}: {
  id: string;
  title: string;
  lead?: ReactNode;
  children: ReactNode;
}) {
  const headingId = `${id}-heading`;
  return (
    <section className="section" id={id} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {lead && <p className="section__lead">{lead}</p>}
      {children}
    </section>
  );
}

/** What a block says when none of the bundled datasets has data for it, rather than disappearing. */
export function NoData({ what }: { what?: string }) {
  const t = useT();
  return <p className="empty">{what ? `${what}${t.colon}${t.noBundledData}` : t.noBundledData}</p>;
}

/** A row of key figures, each with its label, value and a small note (period, method). */
export function KeyFigures({
  label,
  items,
}: {
  label: string;
  items: readonly { key: string; label: string; value: string; note?: string }[];
}) {
  return (
    <dl className="key-figures" aria-label={label}>
      {items.map((item) => (
        <div key={item.key} className="key-figures__item">
          <dt>{item.label}</dt>
          <dd>
            <span className="key-figures__value">{item.value}</span>
            {item.note && <span className="key-figures__note">{item.note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
