/**
 * A name in the reader's language where the UI has it (an indicator, a unit), else the English
 * text it came with, marked as English so a screen reader reads it as such.
 */
export function Translated({ text, english }: { text: string | undefined; english: string }) {
  return text ? <>{text}</> : <span lang="en">{english}</span>;
}
