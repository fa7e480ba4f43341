import type { SourceCitation } from '../../core/countries.js';
import { useT } from '../i18n.js';

/** One line citing the datasets behind a view: title (linked), publisher and licence of each. */
export function SourcesLine({ sources }: { sources: readonly SourceCitation[] }) {
  const t = useT();
  if (sources.length === 0) return null;
  return (
    <p className="sources-line">
      <span className="sources-line__label">
        {t.sourcesLabel}
        {t.colon}
      </span>
      {sources.map((source, index) => (
        <span key={source.id}>
          {index > 0 && '; '}
          {/* Titles, publishers and licences come from the API in English. */}
          <span lang="en">{source.url ? <a href={source.url}>{source.title}</a> : source.title}</span>,{' '}
          <span lang="en">{source.publisher}</span> ({t.licence} <span lang="en">{source.licence}</span>)
        </span>
      ))}
      .
    </p>
  );
}
