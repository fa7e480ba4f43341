import { Fragment } from 'react';

/** A search snippet: the words that matched the query are marked. */
export function Snippet({ segments }: { segments: readonly { text: string; hit: boolean }[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.hit ? <mark key={index}>{segment.text}</mark> : <Fragment key={index}>{segment.text}</Fragment>,
      )}
    </>
  );
}

/**
 * A word diff: removed words struck out in <del>, added ones in <ins>. Both elements are named
 * by screen readers in most browsers; the visually hidden words make sure of it.
 */
export function WordDiff({
  words,
  addedLabel,
  removedLabel,
}: {
  words: readonly { value: string; added: boolean; removed: boolean }[];
  addedLabel: string;
  removedLabel: string;
}) {
  return (
    <>
      {words.map((word, index) =>
        word.added ? (
          <ins key={index}>
            <span className="visually-hidden">[{addedLabel}: </span>
            {word.value}
            <span className="visually-hidden">]</span>
          </ins>
        ) : word.removed ? (
          <del key={index}>
            <span className="visually-hidden">[{removedLabel}: </span>
            {word.value}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <Fragment key={index}>{word.value}</Fragment>
        ),
      )}
    </>
  );
}
