import { useT } from '../i18n.js';

/**
 * A chart's note where editions part widely: what it is, then each year as an item of its own (a
 * run of them in one sentence is hard to read on a phone), then why. The spaces and separators
 * inside the elements keep the text whole where the note is drawn into the chart's image.
 */
export function GapsNote({ lead, gaps, why }: { lead: string; gaps: readonly string[]; why: string }) {
  const t = useT();
  if (gaps.length === 0) return null;
  return (
    <div className="chart__note chart__gaps">
      <p>{lead} </p>
      <ul>
        {gaps.map((gap, i) => (
          <li key={gap}>
            {gap}
            {i < gaps.length - 1 ? t.semicolon : '. '}
          </li>
        ))}
      </ul>
      <p>{why}</p>
    </div>
  );
}
