import { describe, expect, it } from 'vitest';
import { SourceFormatError } from './source-error.js';

describe('SourceFormatError', () => {
  it('names the file, line and column', () => {
    expect(new SourceFormatError('a.csv', '"x" is not a number', { line: 4, column: 'value' }).message).toBe(
      'a.csv (line 4, column "value"): "x" is not a number',
    );
    expect(new SourceFormatError('a.csv', 'is empty').message).toBe('a.csv: is empty');
  });

  it('shortens a huge quoted value to its start and length, keeping the rest of the message', () => {
    const name = 'Freedonia'.repeat(30_000);
    const message = new SourceFormatError('a.csv', `unknown area name "${name}": add it to "areaNames"`, {
      line: 2,
    }).message;
    expect(message.length).toBeLessThan(300);
    expect(message).toBe(
      `a.csv (line 2): unknown area name "${name.slice(0, 80)}…" (270000 characters): add it to "areaNames"`,
    );
  });
});
