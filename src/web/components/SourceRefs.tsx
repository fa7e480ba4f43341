import type { SourceRef } from '../../core/library.js';
import { useT } from '../i18n.js';
import { useApi } from '../hooks.js';
import { listSourceDocuments, sourceDocumentUrl } from '../library-api.js';

/**
 * One citation: a bundled source document, named by what it is ("Conclusions of the Migration and
 * Development Conference (Brussels, 15–16 March 2006)"; its file name until that is known), and
 * its section, linked to its text; or an outside publication.
 */
export function SourceRefText({ source }: { source: SourceRef }) {
  const t = useT();
  const documents = useApi('source-documents', () => listSourceDocuments());
  if (source.document) {
    const label = documents.data?.documents.find((d) => d.file === source.document)?.label;
    return (
      <>
        <a href={sourceDocumentUrl(source.document)} type="text/plain">
          {label ? <span lang="en">{label}</span> : t.sourceDocument(source.document)}
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
