import type { SourceRef } from '../../core/library.js';
import { useT } from '../i18n.js';
import { sourceDocumentUrl } from '../library-api.js';

/** One citation: a bundled source document and its section (linked to its text), or an outside publication. */
export function SourceRefText({ source }: { source: SourceRef }) {
  const t = useT();
  if (source.document) {
    return (
      <>
        <a href={sourceDocumentUrl(source.document)} type="text/plain">
          {t.sourceDocument(source.document)}
        </a>
        {source.section && (
          <>
            {', '}
            {t.sourceSection}
            {t.colon}
            <span lang="en">{source.section}</span>
          </>
        )}
        {source.note && <span className="source-list__meta">{source.note}</span>}
      </>
    );
  }
  return (
    <>
      {source.url ? (
        <a href={source.url} lang="en">
          {source.title}
        </a>
      ) : (
        <span lang="en">{source.title}</span>
      )}
      {source.doi && (
        <>
          {' · '}
          <a href={`https://doi.org/${source.doi}`}>doi:{source.doi}</a>
        </>
      )}
      {source.note && <span className="source-list__meta">{source.note}</span>}
    </>
  );
}

/** The sources of an item, one per line. */
export function SourceRefList({ sources }: { sources: readonly SourceRef[] }) {
  return (
    <ul className="source-list">
      {sources.map((source, index) => (
        <li key={index}>
          <SourceRefText source={source} />
        </li>
      ))}
    </ul>
  );
}
