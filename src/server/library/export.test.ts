import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../core/errors.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../tests/helpers/database.js';
import { buildApp } from '../app.js';
import { cslName } from './export.service.js';
import { loadLibraryContent } from './load-content.js';

// Invented test content: the people, organisations and findings are made up; the documents cited
// are the bundled ones (content/sources/), whose facts the exports name.
const APPRAISAL = `appraisal: { question: yes, design: partly, data: no, comparison: no, measurement: no, bias: no, conclusions: partly, transparency: no }`;
const study = (fields: string) => `title:
  en: Invented finding on diaspora mentoring
  fr: Constat inventé sur le mentorat de la diaspora
  es: Hallazgo inventado sobre la mentoría de la diáspora
summary:
  en: An invented summary.
  fr: Un résumé inventé, accentué.
  es: Un resumen inventado, acentuado.
year: 2014
design: expert_opinion
population: Invented population
outcomes: [{ outcome: skills_transfer, effect: positive }]
independence: unknown
${APPRAISAL}
${fields}
`;
const CONTENT = {
  'organisations/lumen-partners.yaml': 'name: { en: Lumen Partners }\ntype: private_sector\n',
  // A talk known from the KNOMAD seminar's account: the speaker is its author.
  'studies/test-seminar-talk.yaml': study(`authors: [Ana María de la Cruz]
citation: { document: 002_93ee955995179cfa.txt, section: "Session 2: Invented, Ana María de la Cruz" }`),
  // A figure a keynote quoted from an organisation.
  'studies/test-quoted-figure.yaml': study(`authors: ["Invented Statistics Office (as cited by Kwame Mensah)"]
citation: { document: 002_93ee955995179cfa.txt, section: "Keynote Speech, Kwame Mensah" }`),
  // The Brussels conclusions' own judgement, and a report they cite.
  'studies/test-brussels-judgement.yaml': study(`authors: [Migration and Development Conference]
citation: { document: 004_356cef00a4ef66b7.txt, section: "4. Invented point" }`),
  'studies/test-brussels-cited-report.yaml': study(`authors: [Lumen Partners]
citation: { document: 004_356cef00a4ef66b7.txt, section: "1. Invented point" }`),
  // An outside publication with a DOI, of a kind the library does not record.
  'studies/test-outside-publication.yaml': study(`authors: [Lumen Partners, Jane Q. Public]
citation: { title: Invented Report on Mentoring, doi: 10.1596/978-1-4648-0319-2 }`),
  // Line breaks RIS readers may take for the end of a line, inside a title and a name.
  'studies/test-line-breaks.yaml': study(`authors: ["Doe\\rAU  - Injected, Author"]
citation: { title: "A report\\rUR  - http://evil.example\\u2028TY  - GEN" }`),
};

/** The variables of CSL-JSON (CSL 1.0.2, schemas/input/csl-data.json) these exports may use. */
const CSL_VARIABLES = new Set([
  'id',
  'type',
  'genre',
  'title',
  'author',
  'issued',
  'event-title',
  'event-place',
  'event-date',
  'organizer',
  'container-title',
  'publisher',
  'publisher-place',
  'abstract',
  'DOI',
  'URL',
  'note',
  'keyword',
  'source',
]);
const CSL_TYPES = new Set(['speech', 'paper-conference', 'report', 'document', 'article-journal']);
const CSL_NAME_PARTS = new Set(['family', 'given', 'non-dropping-particle', 'dropping-particle', 'suffix', 'literal']);

type CslItem = Record<string, unknown> & { id: string; type: string; author?: Record<string, string>[] };

/** One RIS record per study as tag → values, checked line by line against RIS's syntax. */
function parseRis(text: string): Map<string, Map<string, string[]>> {
  const records = new Map<string, Map<string, string[]>>();
  const blocks = text.split('\r\n\r\n').filter((b) => b.trim());
  for (const block of blocks) {
    const record = new Map<string, string[]>();
    const lines = block.split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^TY {2}- [A-Z]+$/);
    expect(lines.at(-1)).toBe('ER  - ');
    for (const line of lines.slice(0, -1)) {
      const m = /^([A-Z][A-Z0-9]) {2}- (.+)$/.exec(line);
      expect(m, line).not.toBeNull();
      const [, tag = '', value = ''] = m ?? [];
      record.set(tag, [...(record.get(tag) ?? []), value]);
    }
    records.set(record.get('ID')?.[0] ?? '', record);
  }
  return records;
}

describe.each(testEngines())('library exports on %s', (engine) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let dir: string;
  let csl: Map<string, CslItem>;
  let ris: Map<string, Map<string, string[]>>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bridges-export-'));
    for (const [name, text] of Object.entries(CONTENT)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    testDb = await createTestDatabase(engine);
    await loadLibraryContent(testDb.database, { dir });
    app = await buildApp({ database: testDb.database, logLevel: 'silent', webDir: '/nonexistent' });
    const cslRes = await app.inject({ url: '/api/library/studies/export?format=csl-json' });
    expect(cslRes.statusCode).toBe(200);
    csl = new Map((JSON.parse(cslRes.body) as CslItem[]).map((i) => [i.id, i]));
    const risRes = await app.inject({ url: '/api/library/studies/export?format=ris' });
    expect(risRes.statusCode).toBe(200);
    ris = parseRis(risRes.body);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await testDb.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes CSL-JSON with CSL variables only, names in CSL’s shape, dates as date-parts', () => {
    expect(csl.size).toBe(6);
    expect(ris.size).toBe(6);
    for (const record of ris.values()) expect(['CPAPER', 'CONF', 'GEN']).toContain(record.get('TY')?.[0]);
    for (const item of csl.values()) {
      for (const key of Object.keys(item)) expect(CSL_VARIABLES, `${item.id}: ${key}`).toContain(key);
      expect(CSL_TYPES).toContain(item.type);
      expect(typeof item.title).toBe('string');
      expect(item.issued).toEqual({ 'date-parts': [[expect.any(Number)]] });
      for (const name of [...(item.author ?? []), ...((item.organizer as Record<string, string>[] | undefined) ?? [])])
        for (const part of Object.keys(name)) expect(CSL_NAME_PARTS).toContain(part);
    }
  });

  it('cites a talk from seminar proceedings as a speech at the seminar, by its speaker, not as a report', () => {
    expect(csl.get('test-seminar-talk')).toMatchObject({
      type: 'speech',
      genre: 'Seminar presentation',
      // The talk's own title is not recorded: the library's description, in square brackets.
      title: '[Invented finding on diaspora mentoring]',
      author: [{ family: 'Cruz', given: 'Ana María', 'non-dropping-particle': 'de la' }],
      'event-title': 'KNOMAD public seminar',
      'event-place': 'Ottawa',
      URL: expect.stringMatching(/\/api\/library\/sources\/002_93ee955995179cfa\.txt$/),
    });
    expect(csl.get('test-seminar-talk')?.note).toContain('Session 2: Invented, Ana María de la Cruz');
    const talk = ris.get('test-seminar-talk');
    expect(talk?.get('TY')).toEqual(['CPAPER']);
    expect(talk?.get('TI')).toEqual(['[Invented finding on diaspora mentoring]']);
    expect(talk?.get('AU')).toEqual(['de la Cruz, Ana María']);
    expect(talk?.get('T2')).toEqual(['KNOMAD public seminar']);
    expect(talk?.get('CY')).toEqual(['Ottawa']);
  });

  it('credits a figure quoted "as cited by" someone to whoever quoted it, naming its origin in the note', () => {
    const quoted = csl.get('test-quoted-figure');
    expect(quoted).toMatchObject({ type: 'speech', genre: 'Keynote speech' });
    expect(quoted?.author).toEqual([{ family: 'Mensah', given: 'Kwame' }]);
    expect(quoted?.note).toContain('Invented Statistics Office, as cited by Kwame Mensah');
    expect(ris.get('test-quoted-figure')?.get('AU')).toEqual(['Mensah, Kwame']);
    for (const item of csl.values()) expect(JSON.stringify(item.author ?? [])).not.toMatch(/as cited/i);
  });

  it('cites the Brussels conclusions under their own title, as the conference’s, with its place and dates', () => {
    const conclusions = {
      type: 'paper-conference',
      genre: 'Conference conclusions',
      title: 'Conference Conclusions',
      author: [{ literal: 'Migration and Development Conference' }],
      issued: { 'date-parts': [[2006]] },
      'event-title': 'Migration and Development Conference',
      'event-place': 'Brussels',
      'event-date': {
        'date-parts': [
          [2006, 3, 15],
          [2006, 3, 16],
        ],
      },
      organizer: [
        { literal: 'Government of the Kingdom of Belgium' },
        { literal: 'International Organization for Migration' },
      ],
    };
    expect(csl.get('test-brussels-judgement')).toMatchObject(conclusions);
    expect(csl.get('test-brussels-judgement')?.note).toContain('Cited part: 4. Invented point.');
    // A report the conclusions cite: the conclusions are what the library read.
    expect(csl.get('test-brussels-cited-report')).toMatchObject(conclusions);
    expect(csl.get('test-brussels-cited-report')?.note).toContain(
      'Reports the work of Lumen Partners, as cited in this document.',
    );
    const record = ris.get('test-brussels-judgement');
    expect(record?.get('TY')).toEqual(['CONF']);
    expect(record?.get('TI')).toEqual(['Conference Conclusions']);
    expect(record?.get('AU')).toEqual(['Migration and Development Conference']);
    expect(record?.get('PY')).toEqual(['2006']);
    expect(record?.get('T2')).toEqual(['Migration and Development Conference']);
    expect(record?.get('CY')).toEqual(['Brussels']);
  });

  it('cites an outside publication by its title, its kind unrecorded, a library organisation’s name whole', () => {
    expect(csl.get('test-outside-publication')).toMatchObject({
      type: 'document',
      title: 'Invented Report on Mentoring',
      author: [{ literal: 'Lumen Partners' }, { family: 'Public', given: 'Jane Q.' }],
      DOI: '10.1596/978-1-4648-0319-2',
      URL: 'https://doi.org/10.1596/978-1-4648-0319-2',
    });
    const record = ris.get('test-outside-publication');
    expect(record?.get('TY')).toEqual(['GEN']);
    expect(record?.get('AU')).toEqual(['Lumen Partners', 'Public, Jane Q.']);
    // A carriage return or a line separator inside a value makes no line of its own (parseRis
    // checks every line's syntax): the value is one line, its breaks spaces.
    const broken = ris.get('test-line-breaks');
    expect(broken?.get('TI')).toEqual(['A report UR  - http://evil.example TY  - GEN']);
    expect(broken?.get('AU')).toEqual(['Doe AU  - Injected, Author']);
    expect(broken?.get('UR')?.join(' ')).not.toContain('evil');
    expect(broken?.get('TY')).toEqual(['GEN']);
    expect(record?.get('DO')).toEqual(['10.1596/978-1-4648-0319-2']);
  });

  it('gives the studies CSV every language of title and summary, like the records CSV', async () => {
    const res = await app.inject({ url: '/api/library/export?format=csv&type=study' });
    expect(res.statusCode).toBe(200);
    const [header = '', row = ''] = res.body.split('\r\n');
    expect(header.split(',').slice(0, 7)).toEqual([
      'id',
      'title_en',
      'title_fr',
      'title_es',
      'summary_en',
      'summary_fr',
      'summary_es',
    ]);
    expect(header).toContain('appraisal_question');
    expect(res.headers['content-disposition']).toBe('attachment; filename="bridges-library-studies.csv"');
    expect(row).toContain('Constat inventé sur le mentorat de la diaspora');
    expect(row).toContain('Un resumen inventado, acentuado.');
  });

  it('starts a library CSV with a byte-order mark when bom=true, as every CSV answer does', async () => {
    for (const url of [
      '/api/library/export?format=csv',
      '/api/library/export?format=csv&type=study',
      '/api/library/gap-map?format=csv&lang=fr',
    ]) {
      const plain = await app.inject({ url });
      const marked = await app.inject({ url: `${url}&bom=true` });
      expect(marked.statusCode, marked.body).toBe(200);
      expect(plain.body.startsWith('\uFEFF')).toBe(false);
      expect(marked.body).toBe(`\uFEFF${plain.body}`);
      expect(marked.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect((await app.inject({ url: `${url}&bom=false` })).body).toBe(plain.body);
    }
    const wrong = await app.inject({ url: '/api/library/export?format=csv&bom=yes' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<ErrorResponse>().error.details.map((d) => d.field)).toEqual(['bom']);
  });

  it('answers the library export in the format Accept asks for when format= is absent', async () => {
    const csv = await app.inject({ url: '/api/library/export?type=study', headers: { accept: 'text/csv' } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.startsWith('id,title_en,')).toBe(true);
    expect(csv.headers.vary).toContain('Accept');
    const json = await app.inject({ url: '/api/library/export', headers: { accept: 'application/json' } });
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.json()).toHaveProperty('studies');
    // format= wins over Accept; an Accept that takes neither is a 406 naming both.
    expect(
      (await app.inject({ url: '/api/library/export?format=json', headers: { accept: 'text/csv' } })).json(),
    ).toHaveProperty('records');
    const refused = await app.inject({ url: '/api/library/export', headers: { accept: 'application/xml' } });
    expect(refused.statusCode).toBe(406);
    expect(refused.json<ErrorResponse>().error.message).toContain('text/csv');
    // The gap map alike.
    const map = await app.inject({ url: '/api/library/gap-map?lang=fr', headers: { accept: 'text/csv' } });
    expect([map.statusCode, map.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    expect(map.body).toBe((await app.inject({ url: '/api/library/gap-map?lang=fr&format=csv' })).body);
    const mapJson = await app.inject({ url: '/api/library/gap-map', headers: { accept: 'application/json' } });
    expect(mapJson.json()).toHaveProperty('cells');
    const mapRefused = await app.inject({ url: '/api/library/gap-map', headers: { accept: 'image/png' } });
    expect(mapRefused.statusCode).toBe(406);
    // The API's description says what the library's CSV ends with (its source), and promises no 304.
    const doc = (await app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, { get: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    }>();
    const responses = doc.paths['/api/library/gap-map']?.get.responses;
    expect(JSON.stringify(responses?.['200']?.content?.['text/csv'])).toContain('each ending with its source');
    expect(responses?.['304']).toBeUndefined();
  });
});

describe('CSL names of the library’s authors', () => {
  it('splits personal names into family and given names, and keeps organisations whole', () => {
    expect(cslName('David A. Phillips')).toEqual({ family: 'Phillips', given: 'David A.' });
    expect(cslName('James Busumtwi-Sam')).toEqual({ family: 'Busumtwi-Sam', given: 'James' });
    expect(cslName('Ludwig van Beethoven')).toEqual({
      family: 'Beethoven',
      given: 'Ludwig',
      'non-dropping-particle': 'van',
    });
    // A suffix the parser would take for the family name: the name stays whole.
    expect(cslName('Martin Luther King Jr.')).toEqual({ literal: 'Martin Luther King Jr.' });
    for (const organisation of [
      'World Bank',
      'UN Population Division',
      'International Metropolis Project',
      'Migration and Development Conference',
      'Migration and Development Conference, Brussels 2006',
      'Brussels 2006',
      'IOM',
      'Wellesley College',
    ])
      expect(cslName(organisation)).toEqual({ literal: organisation });
    expect(cslName('Lumen Partners', new Set(['lumen partners']))).toEqual({ literal: 'Lumen Partners' });
  });
});
