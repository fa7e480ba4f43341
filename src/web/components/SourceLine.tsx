import type { Citation } from '../../core/statistics.js';
import { useT } from '../i18n.js';
import { LangLink } from '../links.js';

/**
 * The visible source line under a chart or a figure: for each dataset its publisher, title
 * (linked to the publisher's page), edition and licence, and a link to its catalogue entry
 * (provenance, method notes, caveats), unless the data is reference data outside the catalogue.
 */
export function SourceLine({ citations, catalogued = true }: { citations: readonly Citation[]; catalogued?: boolean }) {
  const t = useT();
  if (citations.length === 0) return null;
  return (
    <p className="source-line">
      <span className="source-line__label">{citations.length > 1 ? t.sourcesPrefix : t.sourcePrefix}</span>{' '}
      {citations.map((c, index) => (
        <span key={c.dataset}>
          {index > 0 && t.semicolon}
          {/* Titles, publishers and editions come from the API in English. */}
          <span lang="en">
            {c.publisher}, {c.sourceUrl ? <a href={c.sourceUrl}>{c.title}</a> : c.title}, {c.edition}
          </span>{' '}
          (<span lang="en">{c.licence}</span>)
          {catalogued && (
            <>
              {' · '}
              <LangLink to={`/datasets/${c.dataset}`} className="source-line__about">
                {t.aboutDataset}
              </LangLink>
            </>
          )}
        </span>
      ))}
      .
    </p>
  );
}
