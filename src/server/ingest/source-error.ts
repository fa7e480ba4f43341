/**
 * A publisher's file that cannot be read as expected. The message names the file and, where
 * known, the line (1-based, as an editor shows it), the column and the field, so a person can
 * open the file and find the fault.
 */
export class SourceFormatError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly where: { line?: number; column?: string } = {},
  ) {
    const at = [
      where.line !== undefined ? `line ${String(where.line)}` : null,
      where.column !== undefined ? `column "${where.column}"` : null,
    ]
      .filter(Boolean)
      .join(', ');
    super(`${file}${at ? ` (${at})` : ''}: ${shortenQuoted(problem)}`);
    this.name = 'SourceFormatError';
  }
}

/** A value quoted whole in a message stays readable: past 120 characters, its start and its length. */
function shortenQuoted(problem: string): string {
  return problem.replace(
    /"([^"\n]{121,})"/g,
    (_, value: string) => `"${value.slice(0, 80)}…" (${String(value.length)} characters)`,
  );
}
