import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import {
  decodeUtf8,
  parseCsv,
  readCsv,
  readSourceFile,
  readSourceStart,
  scanRecords,
  type SourceFile,
} from './read-source.js';

const file = (name: string, bytes: Buffer): SourceFile => ({ name, bytes, sha256: '' });
/** UTF-16 as Excel's "Unicode text" writes it: little-endian, a byte-order mark first. */
const utf16 = (text: string, { bom = true, bigEndian = false } = {}) => {
  const bytes = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  return bigEndian ? bytes.swap16() : bytes;
};
// Invented test data.
const CSV = 'country,year,value\nPhilippines,2020,1.5\n';

describe('readSourceFile', () => {
  it('gunzips a file named .gz in any case (Windows saves DATA.CSV.GZ)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bridges-gz-'));
    try {
      const upper = path.join(dir, 'DATA.CSV.GZ');
      writeFileSync(upper, gzipSync(CSV));
      expect(readSourceFile(upper).bytes.toString('utf8')).toBe(CSV);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('readSourceStart: the start of a file, to tell what it holds', () => {
  const KB = 2 ** 10;
  const MB = 2 ** 20;
  /** Lower-case letters in a fixed pseudo-random order (xorshift): text whose gzip is 0.6 as long. */
  const scrambled = (length: number) => {
    let x = 2_463_534_242;
    return Buffer.from(
      Array.from({ length }, () => {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        x >>>= 0;
        return 97 + (x % 26);
      }),
    );
  };
  /** Writes `bytes` as a plain and as a gzipped file, and calls `check` with each, in a folder removed after. */
  const asPlainAndGzip = (bytes: Buffer, check: (file: string) => void) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bridges-start-'));
    try {
      writeFileSync(path.join(dir, 'data.csv'), bytes);
      writeFileSync(path.join(dir, 'data.csv.gz'), gzipSync(bytes));
      check(path.join(dir, 'data.csv'));
      check(path.join(dir, 'data.csv.gz'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  /** The start read is the file's own first bytes (unzipped), as many as `at least` and `at most` say. */
  const expectStart = (start: { bytes: Buffer }, content: Buffer, least: number, most: number) => {
    expect(start.bytes.length).toBeGreaterThanOrEqual(least);
    expect(start.bytes.length).toBeLessThanOrEqual(most);
    expect(start.bytes.equals(content.subarray(0, start.bytes.length))).toBe(true);
  };

  it('reads a small file whole, and says so', () => {
    asPlainAndGzip(Buffer.from(CSV), (file) => {
      expect(readSourceStart(file)).toEqual({ name: path.basename(file), bytes: Buffer.from(CSV), whole: true });
    });
    asPlainAndGzip(Buffer.alloc(0), (file) => expect(readSourceStart(file).whole).toBe(true));
  });

  it('reads at least 64 KiB and the whole first line, not the rest of the file', () => {
    const header = Buffer.concat([Buffer.from('a,'), scrambled(100 * KB), Buffer.from('\n')]);
    const content = Buffer.concat([header, scrambled(2 * MB)]);
    asPlainAndGzip(content, (file) => {
      const start = readSourceStart(file);
      expect(start.whole).toBe(false);
      // (the gzip's runs double: up to twice what is needed, and some)
      expectStart(start, content, header.length, 4 * header.length);
    });
    // A short first line: 64 KiB all the same.
    const short = Buffer.concat([Buffer.from('a,b\n'), scrambled(MB)]);
    asPlainAndGzip(short, (file) => expectStart(readSourceStart(file), short, 64 * KB, 256 * KB));
  });

  it('reads no more than maxBytes, however long the first line or however much the gzip unzips to', () => {
    const x = (length: number) => Buffer.alloc(length, 'x');
    const cases: [content: Buffer, least: number][] = [
      // One line of 50 MB, in 50 KB of gzip.
      [Buffer.concat([x(50 * MB), Buffer.from('\n1\n')]), MB - 4 * KB],
      // A scrambled first line, then x: the run of gzip that holds the scrambled text, doubled,
      // unzips to megabytes of x, so the longest run within maxBytes is looked for.
      [Buffer.concat([scrambled(40 * KB), x(50 * MB)]), MB - 4 * KB],
      // The same looking, for a start with a short first line: 64 KiB is enough.
      [Buffer.concat([Buffer.from('a,b\n'), scrambled(60 * KB), x(50 * MB)]), 64 * KB],
    ];
    for (const [content, least] of cases) {
      asPlainAndGzip(content, (file) => {
        const start = readSourceStart(file, { maxBytes: MB });
        expect(start.whole).toBe(false);
        expectStart(start, content, least, MB);
      });
    }
    // A gzip header that names the file in 5 MB: not read to its end for the text after it.
    const dir = mkdtempSync(path.join(tmpdir(), 'bridges-start-'));
    try {
      const named = path.join(dir, 'named.csv.gz');
      const header = Buffer.from([0x1f, 0x8b, 8, 0b1000, 0, 0, 0, 0, 0, 3]); // deflate, FNAME
      const trailer = Buffer.alloc(8);
      trailer.writeUInt32LE(crc32(CSV), 0);
      trailer.writeUInt32LE(CSV.length, 4);
      writeFileSync(named, Buffer.concat([header, x(5 * MB), Buffer.from([0]), deflateRawSync(CSV), trailer]));
      expect(readSourceFile(named).bytes.toString()).toBe(CSV);
      expect(readSourceStart(named, { maxBytes: MB })).toEqual({
        name: 'named.csv.gz',
        bytes: Buffer.alloc(0),
        whole: false,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a corrupt gzip as readSourceFile does; one cut short after its start only when read whole', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bridges-start-'));
    const write = (name: string, bytes: Buffer) => {
      writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    };
    try {
      const cases: [string, Buffer, string][] = [
        ['plain.csv.gz', Buffer.from(CSV), 'incorrect header check'],
        ['empty.csv.gz', Buffer.alloc(0), 'unexpected end of file'],
        ['cut.csv.gz', gzipSync(CSV).subarray(0, 30), 'unexpected end of file'],
      ];
      for (const [name, bytes, fault] of cases) {
        const file = write(name, bytes);
        const message = `${name}: not a complete gzip file (${fault})`;
        expect(() => readSourceFile(file)).toThrow(message);
        expect(() => readSourceStart(file)).toThrow(message);
      }
      // Megabytes of rows cut short: their start is all there.
      const rows = `a,b\n${Array.from({ length: 200_000 }, (_, i) => `${String(i)},${String(i * 7)}\n`).join('')}`;
      const zipped = gzipSync(rows);
      const long = write('long-cut.csv.gz', zipped.subarray(0, zipped.length - 1000));
      expectStart(readSourceStart(long), Buffer.from(rows), 64 * KB, MB);
      expect(() => readSourceFile(long)).toThrow('long-cut.csv.gz: not a complete gzip file (unexpected end of file)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('decodeUtf8', () => {
  it('reads UTF-8 whatever its script, dropping a byte-order mark', () => {
    const text = 'country,year,value\nTürkiye,2020,1\nРоссийская Федерация,2020,2\n中国,2020,3\n';
    expect(decodeUtf8(file('a.csv', Buffer.from(text)))).toBe(text);
    expect(decodeUtf8(file('a.csv', Buffer.from(`\uFEFF${text}`)))).toBe(text);
  });

  it('names UTF-16, by its byte-order mark or, without one, by its NUL bytes', () => {
    const cases: [Buffer, string][] = [
      [utf16(CSV), 'UTF-16 (little-endian)'],
      [utf16(CSV, { bigEndian: true }), 'UTF-16 (big-endian)'],
      [utf16(CSV, { bom: false }), 'UTF-16 (little-endian, without a byte-order mark)'],
      [utf16(CSV, { bom: false, bigEndian: true }), 'UTF-16 (big-endian, without a byte-order mark)'],
      // Mostly Cyrillic: its characters have no NUL byte, the commas, digits and line breaks do.
      [utf16('Российская Федерация,2020,12.5\n', { bom: false }), 'UTF-16 (little-endian, without a byte-order mark)'],
    ];
    for (const [bytes, encoding] of cases) {
      expect(() => decodeUtf8(file('a.csv', bytes))).toThrow(
        `a.csv: is ${encoding} text, not UTF-8: save it as UTF-8 (in Excel "CSV UTF-8 (comma delimited)")`,
      );
    }
    expect(() => decodeUtf8(file('a.json.gz', utf16('{}')))).toThrow(
      'a.json.gz: is UTF-16 (little-endian) text, not UTF-8: save it as UTF-8 (in your editor, choose the encoding UTF-8)',
    );
  });

  it('refuses Latin-1 and NUL bytes, naming the line', () => {
    expect(() => decodeUtf8(file('a.csv', Buffer.from(`${CSV}C\xf4te d'Ivoire,2020,1\n`, 'latin1')))).toThrow(
      'a.csv (line 3, column "country"): is not valid UTF-8 text (save it as UTF-8; Latin-1 and Windows-1252 are not accepted)',
    );
    expect(() => decodeUtf8(file('a.csv', Buffer.from(`${CSV}Mexico,2020,1\u0000\n`)))).toThrow(
      'a.csv (line 3, column "value"): holds a NUL character (byte 0), which no text file has: is it a spreadsheet or another binary file?',
    );
  });
});

describe('the line of a record', () => {
  // Invented test data.
  const text = 'a,b,note\r\n1,2,"one\r\ntwo\r\nthree"\r\n\r\n3,4,"say ""hi"""\r\n5,6,x\r\n';

  it('is where the record starts, when a quoted field runs over lines or a line is blank', () => {
    expect(scanRecords(text)).toEqual({ starts: [1, 2, 6, 7], openQuoteLine: undefined, openQuoteField: undefined });
    const rows = parseCsv(file('a.csv', Buffer.from(text)), ['a']);
    expect(rows.map((r) => [r.get('a'), r.line])).toEqual([
      ['1', 2],
      ['3', 6],
      ['5', 7],
    ]);
  });

  it('names the line of a quote left open, not the end of the file', () => {
    const open = `a,b\n1,2\n3,"4\n${'5,6\n'.repeat(50)}`;
    expect(scanRecords(open)).toMatchObject({ openQuoteLine: 3, openQuoteField: 1 });
    expect(() => parseCsv(file('open.csv', Buffer.from(open)), ['a'])).toThrow(
      'open.csv (line 3, column "b"): a quote (") opened here, in column 2, is never closed: close it, or write a quote inside a value twice (""); as it is, the rest of the file would be one value',
    );
  });
});

describe('readCsv: a file read a batch at a time', () => {
  // Invented test data: more than a megabyte, so that the file is read in several batches.
  const rows = Array.from(
    { length: 80_000 },
    (_, i) => `PHL,${String(1900 + (i % 100))},"note ${String(i)}",${String(i)}`,
  );
  const big = `area,year,note,value\n${rows.join('\n')}\n`;

  it('gives the rows and their lines as parseCsv does, across batches, quotes and line breaks in fields', () => {
    expect(big.length).toBeGreaterThan(2 * (1 << 20));
    const plain = big.replaceAll('"', '').replace('PHL,1901,note 1,1\n', 'PHL,1901,note 1,1\n\n');
    // CRLF line ends, a blank line and a quoted field with a line break.
    const quoted = big
      .replace('"note 30000"', '"note\r\n30000"')
      .replace('PHL,1901,"note 1",1\n', 'PHL,1901,"note 1",1\n\n')
      .replaceAll('\n', '\r\n');
    // A quoted field of many lines across the end of the first batch (a megabyte): a batch ends
    // at a line break outside quotes only.
    const long = big.replace('"note 2"', `"${'a line of a long note\n'.repeat(60_000)}"`);
    for (const text of [plain, quoted, long]) {
      const reader = readCsv(file('big.csv', Buffer.from(text)), ['area']);
      expect(reader.header).toEqual(['area', 'year', 'note', 'value']);
      const streamed = [...reader.rows()].map((r) => [r.line, r.get('note'), r.get('value')]);
      const parsed = parseCsv(file('big.csv', Buffer.from(text)), ['area']).map((r) => [
        r.line,
        r.get('note'),
        r.get('value'),
      ]);
      expect(streamed).toEqual(parsed);
      expect(streamed).toHaveLength(80_000);
      expect(streamed.at(-1)).toEqual([
        text === long ? 140_001 : text === plain ? 80_002 : 80_003,
        'note 79999',
        '79999',
      ]);
    }
  });

  it('reads rows before it has read the whole file, and names the line of a fault in a later batch', () => {
    const text = big.replace('PHL,1999,"note 79999",79999', 'PHL,1999,"note 79999",79999,extra');
    const reader = readCsv(file('late.csv', Buffer.from(text)));
    let read = 0;
    expect(() => {
      for (const _row of reader.rows()) read++;
    }).toThrow('late.csv (line 80001): 5 columns where the header has 4');
    expect(read).toBe(79_999);
    const latin1 = Buffer.concat([Buffer.from(big), Buffer.from("C\xf4te d'Ivoire,2020,x,1\n", 'latin1')]);
    expect(() => [...readCsv(file('latin1.csv', latin1)).rows()]).toThrow(
      'latin1.csv (line 80002, column "area"): is not valid UTF-8 text',
    );
    const open = `${big}PHL,2020,"open,1\n${'x,y,z,w\n'.repeat(10)}`;
    expect(() => [...readCsv(file('open.csv', Buffer.from(open))).rows()]).toThrow(
      /^open\.csv \(line 80002, column "note"\): a quote \("\) opened here, in column 3, is never closed/,
    );
  });

  it('says a number with a decimal comma may be why a row has a column too many', () => {
    const text = 'area,year,value,note\nPHL,2020,1.5,x\nMEX,2020,3,25,x\n';
    expect(() => [...readCsv(file('comma.csv', Buffer.from(text))).rows()]).toThrow(
      'comma.csv (line 3): 5 columns where the header has 4: is "3,25" in column "value" a number with a decimal comma? The decimal separator must be a point (3.25)',
    );
  });
});

describe('line ends', () => {
  // Invented test data. Excel for Mac's "CSV (Macintosh)" ends lines with CR alone.
  const mac =
    'country,year,sex,value,note,channel\rPhilippines,2020,Total,11.5,,bank\rPhilippines,2020,Total,1,,bank\r';
  const refusal =
    'mac.csv: ends its lines with a carriage return alone (CR), as Excel for Mac\'s "CSV (Macintosh)" saves them: save it again in Excel as "CSV UTF-8 (comma delimited)", or in a text editor with LF or CRLF line ends';

  it('refuses a file whose lines end with a carriage return alone, saying how to save it again', () => {
    expect(() => readCsv(file('mac.csv', Buffer.from(mac)))).toThrow(refusal);
    expect(() => readCsv(file('mac.csv', Buffer.from(`\uFEFF${mac}`)))).toThrow(refusal);
    expect(() => parseCsv(file('mac.csv', Buffer.from(mac)), [])).toThrow(refusal);
    // A header alone, and a header with a quoted name, are told the same way.
    expect(() => readCsv(file('mac.csv', Buffer.from('"a\nb",c\r1,2\r')))).toThrow(refusal);
  });

  it('reads a carriage return inside a quoted field, with LF or CRLF line ends, at the right lines', () => {
    for (const end of ['\n', '\r\n']) {
      const text = ['a,b', '1,"x\ry"', '2,"x\r\ny"', '3,z', ''].join(end);
      const rows = [...readCsv(file('cr.csv', Buffer.from(text))).rows()].map((r) => [r.line, r.get('b')]);
      expect(rows).toEqual([
        [2, 'x\ry'],
        [3, 'x\r\ny'],
        [5, 'z'],
      ]);
      expect(parseCsv(file('cr.csv', Buffer.from(text)), ['a']).map((r) => [r.line, r.get('b')])).toEqual(rows);
    }
  });
});

describe('a file too large to be data', () => {
  const MB = 2 ** 20;
  const tooLong = (name: string, line: number) =>
    `${name} (line ${String(line)}): a row of more than 10 MB starts here: is this really a CSV file? A row of data is a few hundred characters long`;

  it('refuses a row of more than 10 MB, quoted or not, at the line it starts on', () => {
    // Just past the bound (the row read whole, then measured) and well past it (the bound found
    // before the row is decoded).
    for (const length of [10.5 * MB, 12 * MB]) {
      const plain = `a,b\n1,2\n3,${'x'.repeat(length)}\n4,5\n`;
      const quoted = `a,b\n1,"2"\n3,"${'a long note\n'.repeat(length / 12)}"\n4,5\n`;
      for (const text of [plain, quoted]) {
        expect(() => [...readCsv(file('long.csv', Buffer.from(text))).rows()]).toThrow(tooLong('long.csv', 3));
        expect(() => parseCsv(file('long.csv', Buffer.from(text)), ['a'])).toThrow(tooLong('long.csv', 3));
      }
    }
    // A quote never closed, past the bound: the quote is the fault, not the length.
    const open = `a,b\n1,2\n3,"${'x,y\n'.repeat(3 * MB)}`;
    expect(() => [...readCsv(file('open.csv', Buffer.from(open))).rows()]).toThrow(
      'open.csv (line 3, column "b"): a quote (") opened here, in column 2, is never closed',
    );
  });

  it('refuses a gzipped file that unzips to more than it reads, and a huge cell in one that does not', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bridges-gz-'));
    try {
      // A few kilobytes that unzip to megabytes of one cell, as a mistaken or hostile file would.
      const cell = path.join(dir, 'cell.csv.gz');
      writeFileSync(cell, gzipSync(`a,b\n1,${'x'.repeat(12 * MB)}\n`));
      expect(() => readSourceFile(cell, { maxBytes: MB })).toThrow(
        'cell.csv.gz: unzips to more than 1 MB, more than Bridges reads from one file: is it the right file?',
      );
      expect(() => [...readCsv(readSourceFile(cell)).rows()]).toThrow(tooLong('cell.csv.gz', 2));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to decode whole a text longer than a string can be', () => {
    // Allocated lazily: the pages are never written, so this costs no memory.
    expect(() => decodeUtf8(file('huge.json', Buffer.alloc(2 ** 29)))).toThrow(
      'huge.json: is too large to read at once (more than 511 MB of text): is it the right file?',
    );
  });
});

describe('faults csv-parse finds, in plain words', () => {
  const stray =
    'a quote (") in the middle of the value in column 1, after "Mex": put the whole value in quotes and write each quote inside it twice (5 "best" corridors as "5 ""best"" corridors"), or remove the quote';

  it('names the line, the column by number and name, and how to write a quote inside a value', () => {
    const text = `${CSV}"Mexico",2020,2\nMex"ico,2020,3\n`;
    expect(() => [...readCsv(file('a.csv', Buffer.from(text))).rows()]).toThrow(
      `a.csv (line 4, column "country"): ${stray}`,
    );
    expect(() => parseCsv(file('a.csv', Buffer.from(text)), [])).toThrow(`a.csv (line 4, column "country"): ${stray}`);
    // After a quoted field of several lines, the line of the quote, not of its record's start.
    const multiline = 'a,b,c\n1,"x\ny",3\n4,5,6 "best"\n';
    expect(() => parseCsv(file('b.csv', Buffer.from(multiline)), [])).toThrow(
      'b.csv (line 4, column "c"): a quote (") in the middle of the value in column 3, after "6 "',
    );
    const closing = 'a,b,note\n1,2,"x"\n1,2,"5 "best" corridors"\n';
    expect(() => [...readCsv(file('c.csv', Buffer.from(closing))).rows()]).toThrow(
      'c.csv (line 3, column "note"): a quote (") inside the quoted value in column 3 is followed by "b": a quote inside a quoted value is written twice (5 "best" corridors as "5 ""best"" corridors"); a single one ends the value, and a comma or the end of the line must follow it',
    );
    // In the header, the column has no name yet: its number alone.
    expect(() => readCsv(file('h.csv', Buffer.from('country,ye"ar,value\n1,2,3\n')))).toThrow(
      'h.csv (line 1): a quote (") in the middle of the value in column 2, after "ye"',
    );
  });

  it('names the line and column of a fault in a later batch', () => {
    const rows = Array.from(
      { length: 80_000 },
      (_, i) => `PHL,${String(1900 + (i % 100))},"note ${String(i)}",${String(i)}`,
    );
    const text = `area,year,note,value\n${rows.join('\n')}\nPHL,2020,"a ""quoted"" note",1\nPHL,2020,note,1"5\n`;
    expect(() => [...readCsv(file('late.csv', Buffer.from(text))).rows()]).toThrow(
      'late.csv (line 80003, column "value"): a quote (") in the middle of the value in column 4, after "1"',
    );
  });

  it('says where a record with a column too many starts, and why it may have one', () => {
    expect(() => parseCsv(file('d.csv', Buffer.from('a,b,c\n1,"x\ny",3,4\n')), [])).toThrow(
      'd.csv (line 2): 4 columns where the header has 3',
    );
    expect(() =>
      parseCsv(file('d.csv', Buffer.from('area,year,value,note\nPHL,2020,"1",x\nMEX,2020,3,25,x\n')), []),
    ).toThrow(
      'd.csv (line 3): 5 columns where the header has 4: is "3,25" in column "value" a number with a decimal comma?',
    );
  });
});
