import { sql } from 'kysely';
import { SearchQuery } from '../src/core/library.js';
import {
  INSTRUMENTS,
  INTERVENTIONS,
  KNOMAD_THEMES,
  ORGANISATION_TYPES,
  RECORD_KINDS,
  SECTORS,
  STAGES,
  STUDY_DESIGNS,
  type Term,
} from '../src/core/library-vocab.js';
import type { Database } from '../src/server/db/database.js';
import { rebuildSearchIndex, reindexItems } from '../src/server/search/search.indexer.js';
import { search } from '../src/server/search/search.service.js';
import { freshDatabase, type BenchEngine } from './engines.js';

/**
 * Search over a generated library of 100,000 items. The corpus is SYNTHETIC: titles and
 * summaries are drawn by a seeded generator from fixed word lists (migration and development
 * terms plus common English, French and Spanish words, with a Zipf-like frequency), and the
 * facets from the real vocabularies and country codes. It is not real content; it has the size
 * and the word statistics that make a full-text search work hard.
 */
export const CORPUS_SIZE = 100_000;
const ROUNDS = 10;

// ---- the generator ----------------------------------------------------------------------

/** mulberry32: a small seeded PRNG, so every run indexes the same corpus. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DOMAIN_EN = `migration development diaspora remittances remittance migrants migrant return reintegration
  labour skills recruitment integration policy programme investment transfer costs corridor workers
  circular mobility partnership origin destination host communities knowledge brain drain gain
  entrepreneurship savings bonds financial inclusion hometown associations co-development governance
  capacity cooperation bilateral agreement regional dialogue data statistics census survey refugees
  displacement climate environment urbanisation rural agriculture health education training
  employment protection rights gender youth women children families households poverty income
  entrepreneurs enterprises banks mobile money microfinance housing pensions portability consular
  recognition qualifications certification apprenticeship seasonal temporary permanent visa
  citizenship naturalisation trafficking smuggling border asylum resettlement humanitarian
  municipal local national federal ministry agency council network platform fund facility
  initiative strategy framework guideline institution mechanism evaluation impact outcomes`
  .split(/\s+/)
  .filter(Boolean);

const COMMON_EN = `the of and to in for with on by from that this which their its as at is are was were be
  been has have had more most new other such between within through across support supports
  provides promotes strengthens improves helps builds links brings offers aims seeks uses
  country countries people government governments private public sector sectors access services
  information small large first second three five ten year years number part level levels
  role work working based led joint local long short term terms main key wider better lower
  higher safe orderly regular fair ethical decent sustainable inclusive effective evidence`
  .split(/\s+/)
  .filter(Boolean);

const DOMAIN_FR = `migration développement diaspora envois fonds migrants retour réintégration travail
  compétences recrutement intégration politique programme investissement transfert coûts couloir
  travailleurs mobilité partenariat origine destination accueil communautés connaissances fuite
  cerveaux épargne inclusion financière associations codéveloppement gouvernance capacités
  coopération accord dialogue données réfugiés climat environnement agriculture santé éducation
  formation emploi protection droits genre jeunesse femmes enfants familles ménages pauvreté revenu
  entreprises banques logement retraites reconnaissance qualifications saisonniers visa citoyenneté
  traite frontières asile municipal ministère réseau plateforme stratégie évaluation résultats`
  .split(/\s+/)
  .filter(Boolean);

const COMMON_FR = `le la les de des du et à en pour avec sur par dans une un qui que leur leurs plus entre
  pays personnes gouvernement secteur privé public accès services nouveau nouvelle soutien appui
  renforce améliore favorise local national durable sûre ordonnée régulière`
  .split(/\s+/)
  .filter(Boolean);

const DOMAIN_ES = `migración desarrollo diáspora remesas migrantes retorno reintegración trabajo competencias
  contratación integración política programa inversión transferencia costos corredor trabajadores
  movilidad asociación origen destino acogida comunidades conocimientos ahorro inclusión financiera
  clubes codesarrollo gobernanza cooperación acuerdo diálogo datos refugiados clima agricultura
  salud educación formación empleo protección derechos género jóvenes mujeres familias hogares
  pobreza ingresos empresas bancos vivienda pensiones reconocimiento frontera asilo municipal`
  .split(/\s+/)
  .filter(Boolean);

const COMMON_ES = `el la los las de del y en para con por un una que su sus más entre país países personas
  gobierno sector privado público acceso servicios nuevo apoyo fortalece mejora promueve local nacional`
  .split(/\s+/)
  .filter(Boolean);

/**
 * Made-up words for the long tail of a vocabulary (real text has thousands of rare words): two to
 * four syllables, so they read as words and are plainly not real ones.
 */
function pseudoWords(count: number, random: () => number, syllables: string[]): string[] {
  const words = new Set<string>();
  while (words.size < count) {
    const n = 2 + Math.floor(random() * 3);
    words.add(Array.from({ length: n }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
  }
  return [...words];
}

const SYLLABLES =
  'ba be bi bo bu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu dra tre pli sko gan mel tor vin'.split(
    ' ',
  );

/**
 * A vocabulary ranked by frequency: the domain terms spread over the first ranks (every fourth
 * word, so "migration" is very common, "apprenticeship" rare) and made-up words everywhere else.
 */
function rankedVocabulary(domain: string[], tail: string[]): string[] {
  const out: string[] = [];
  let d = 0;
  let t = 0;
  while (d < domain.length || t < tail.length) {
    const takeDomain = d < domain.length && (out.length % 4 === 2 || t >= tail.length);
    out.push(takeDomain ? (domain[d++] ?? '') : (tail[t++] ?? ''));
  }
  return out;
}

/** Picks words with a Zipf frequency (s = 1): the first words of a list are the most common. */
function zipfPicker(words: string[], random: () => number) {
  const cumulative: number[] = [];
  let sum = 0;
  words.forEach((_, i) => cumulative.push((sum += 1 / (i + 1))));
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo] ?? '';
  };
}

/** The words of one language: content words by Zipf rank, function words from their own list. */
function language(domain: string[], common: string[], random: () => number, accents: string[] = []) {
  const tail = pseudoWords(6000, random, [...SYLLABLES, ...accents]);
  return { content: zipfPicker(rankedVocabulary(domain, tail), random), common: zipfPicker(common, random) };
}
type Language = ReturnType<typeof language>;

interface GeneratedItem {
  id: string;
  type: 'record' | 'organisation' | 'study';
  data: unknown;
}

/**
 * The synthetic library: 94 % records, 3 % organisations, 3 % studies; a third of the items
 * translated into French, a fifth into Spanish; one to three countries each.
 */
export function generateCorpus(size: number, countryCodes: string[]): GeneratedItem[] {
  const random = prng(20261122);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const some = (list: readonly Term[], min: number, max: number) => [
    ...new Set(Array.from({ length: int(min, max) }, () => pick(list).code)),
  ];
  const en = language(DOMAIN_EN, COMMON_EN, random);
  const fr = language(DOMAIN_FR, COMMON_FR, random, ['dé', 'ré', 'è', 'çon']);
  const es = language(DOMAIN_ES, COMMON_ES, random, ['ñu', 'ción', 'á']);
  /** A sentence-like run of words: 40 % function words, as in real prose. */
  const text = (words: Language, n: number, contentShare = 0.6) => {
    const out = Array.from({ length: n }, () => (random() < contentShare ? words.content() : words.common()));
    const first = out[0] ?? '';
    out[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${out.join(' ')}.`;
  };
  const title = (words: Language) => text(words, int(3, 7), 0.85).slice(0, -1);
  const multilingual = (make: (w: Language) => string) => ({
    en: make(en),
    ...(random() < 0.33 ? { fr: make(fr) } : {}),
    ...(random() < 0.2 ? { es: make(es) } : {}),
  });
  const countries = () => [...new Set(Array.from({ length: int(1, 3) }, () => pick(countryCodes)))];
  const source = [{ title: 'Synthetic benchmark corpus (generated, not real content)' }];

  const items: GeneratedItem[] = [];
  const organisationIds: string[] = [];
  for (let i = 0; i < size; i++) {
    const roll = random();
    const id = `bench-${String(i)}`;
    if (roll < 0.03) {
      organisationIds.push(id);
      items.push({
        id,
        type: 'organisation',
        data: {
          name: multilingual(title),
          acronym: Array.from({ length: int(2, 5) }, () => String.fromCharCode(65 + int(0, 25))).join(''),
          type: pick(ORGANISATION_TYPES).code,
          countries: countries(),
          summary: multilingual((w) => text(w, int(15, 30))),
          sources: source,
        },
      });
    } else if (roll < 0.06) {
      items.push({
        id,
        type: 'study',
        data: {
          title: multilingual(title),
          summary: multilingual((w) => text(w, int(30, 60))),
          authors: [`Author ${String(int(1, 500))}`],
          year: int(1995, 2025),
          design: pick(STUDY_DESIGNS).code,
          population: text(en, 6),
          places: countries(),
          outcomes: [{ outcome: 'income', effect: 'positive' }],
          independence: 'independent',
          appraisal: {},
          citation: source[0],
          records: [],
        },
      });
    } else {
      items.push({
        id,
        type: 'record',
        data: {
          kind: pick(RECORD_KINDS).code,
          title: multilingual(title),
          ...(random() < 0.3 ? { acronym: `P${String(int(10, 9999))}` } : {}),
          summary: multilingual((w) => text(w, int(30, 60))),
          ...(random() < 0.3 ? { description: multilingual((w) => text(w, int(40, 90))) } : {}),
          countries: countries().map((code) => ({ code, role: pick(['origin', 'transit', 'destination']) })),
          organisations:
            organisationIds.length && random() < 0.4 ? [{ id: pick(organisationIds), role: 'implementing' }] : [],
          status: 'active',
          instruments: some(INSTRUMENTS, 1, 2),
          themes: some(KNOMAD_THEMES, 1, 3),
          stages: some(STAGES, 0, 2),
          sectors: some(SECTORS, 0, 3),
          interventions: some(INTERVENTIONS, 1, 2),
          sources: source,
          related: [],
        },
      });
    }
  }
  return items;
}

// ---- the queries ------------------------------------------------------------------------

/** What people type, by kind; each is run ROUNDS times. */
export const SEARCH_QUERIES: { kind: string; query: Record<string, string> }[] = [
  { kind: 'single word', query: { q: 'diaspora' } },
  { kind: 'single word', query: { q: 'remittances' } },
  { kind: 'single word', query: { q: 'apprenticeship' } },
  { kind: 'single word', query: { q: 'migration' } },
  { kind: 'multi-word', query: { q: 'diaspora investment bonds' } },
  { kind: 'multi-word', query: { q: 'return and reintegration of migrant workers' } },
  { kind: 'multi-word', query: { q: 'remittance transfer costs corridor' } },
  { kind: 'prefix', query: { q: 'remit' } },
  { kind: 'prefix', query: { q: 'entrepreneurs micro' } },
  { kind: 'prefix', query: { q: 'qualif' } },
  { kind: 'typo', query: { q: 'diaspra' } },
  { kind: 'typo', query: { q: 'recruitmnet agencies' } },
  { kind: 'typo', query: { q: 'remitances savings' } },
  { kind: 'French', query: { q: 'développement', lang: 'fr' } },
  { kind: 'French', query: { q: 'envois de fonds', lang: 'fr' } },
  { kind: 'French', query: { q: 'reintegration des migrants', lang: 'fr' } },
  { kind: 'facet filters', query: { q: 'diaspora', theme: 'remittances', region: '002' } },
  { kind: 'facet filters', query: { q: 'skills', type: 'record', kind: 'programme,policy', stage: 'return' } },
  { kind: 'facet filters', query: { type: 'record', kind: 'programme', country: 'PHL,MEX' } },
  { kind: 'empty query (browse)', query: {} },
  { kind: 'empty query (browse)', query: { type: 'record' } },
  { kind: 'empty query (browse)', query: { type: 'record', theme: 'diaspora', offset: '40' } },
];

// ---- the benchmark ----------------------------------------------------------------------

export interface SearchBenchResult {
  engine: string;
  items: number;
  documents: number;
  /** Seconds to insert the generated items into library_item (COPY). */
  insertSeconds: number;
  /** Seconds for rebuildSearchIndex: every document, countries, datasets, the lexicon. */
  indexSeconds: number;
  /** Median milliseconds of reindexItems for one item (a publication), lexicon included. */
  reindexOneMs: number;
  /** Every answer computed (the service's answer cache off), by kind of query, in milliseconds. */
  kinds: { kind: string; queries: number; runs: number; p50: number; p95: number; max: number }[];
  overall: { runs: number; p50: number; p95: number; max: number };
  /** The same queries answered from the cache kept per index generation (a repeated search). */
  cached: { runs: number; p50: number; p95: number };
  /** Matches of each query, to show how much work each one is (an estimate when `approximate`). */
  totals: { kind: string; query: string; total: number; approximate: boolean; corrected: string | null }[];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function csvField(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

export async function insertCorpus(database: Database, items: GeneratedItem[]): Promise<void> {
  const batch = 10_000;
  for (let start = 0; start < items.length; start += batch) {
    const csv = items
      .slice(start, start + batch)
      .map((item) => {
        const json = csvField(JSON.stringify(item.data));
        return [item.id, item.type, 'published', '1', json, json, '1'].join(',');
      })
      .join('\n');
    await database.withRawSession((s) =>
      s.copyFrom(
        'library_item',
        ['id', 'type', 'state', 'version', 'data', 'published_data', 'published_version'],
        `${csv}\n`,
      ),
    );
  }
}

/** Generates and indexes the corpus on one engine, then times every query ROUNDS times. */
export async function benchSearch(
  engine: BenchEngine,
  options: { size?: number; rounds?: number } = {},
): Promise<SearchBenchResult> {
  const size = options.size ?? CORPUS_SIZE;
  const rounds = options.rounds ?? ROUNDS;
  const { database, version, drop } = await freshDatabase(engine);
  const db = database.db;
  try {
    const { rows: areas } = await sql<{ code: string }>`
      SELECT code FROM area WHERE kind = 'country' ORDER BY code`.execute(db);
    const items = generateCorpus(
      size,
      areas.map((a) => a.code),
    );
    let t = performance.now();
    await insertCorpus(database, items);
    const insertSeconds = (performance.now() - t) / 1000;
    await sql`ANALYZE library_item`.execute(db);

    t = performance.now();
    await rebuildSearchIndex(db);
    const indexSeconds = (performance.now() - t) / 1000;
    await sql`ANALYZE search_document`.execute(db);
    await sql`ANALYZE search_word`.execute(db);
    const { rows: count } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM search_document`.execute(db);

    const reindexTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const id = `bench-${String(1000 + i * 7919)}`;
      t = performance.now();
      await db.transaction().execute((trx) => reindexItems(trx, [id]));
      reindexTimes.push(performance.now() - t);
    }

    const parsed = SEARCH_QUERIES.map((s) => ({ ...s, parsed: SearchQuery.parse(s.query) }));
    const totals: SearchBenchResult['totals'] = [];
    for (const s of parsed) {
      const r = await search(db, s.parsed, { cache: false }); // warm-up, and what each query finds
      totals.push({
        kind: s.kind,
        query: new URLSearchParams(s.query).toString() || '(none)',
        total: r.total,
        approximate: r.approximate,
        corrected: r.correctedQuery,
      });
    }
    const byKind = new Map<string, number[]>();
    for (let round = 0; round < rounds; round++) {
      for (const s of parsed) {
        const started = performance.now();
        await search(db, s.parsed, { cache: false });
        const ms = performance.now() - started;
        byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), ms]);
      }
    }
    const cachedTimes: number[] = [];
    for (const s of parsed) await search(db, s.parsed); // fills the cache
    for (let round = 0; round < rounds; round++) {
      for (const s of parsed) {
        const started = performance.now();
        await search(db, s.parsed);
        cachedTimes.push(performance.now() - started);
      }
    }
    const all = [...byKind.values()].flat();
    return {
      engine: version,
      items: size,
      documents: count[0]?.n ?? 0,
      insertSeconds,
      indexSeconds,
      reindexOneMs: percentile(reindexTimes, 50),
      kinds: [...byKind].map(([kind, times]) => ({
        kind,
        queries: parsed.filter((s) => s.kind === kind).length,
        runs: times.length,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        max: Math.max(...times),
      })),
      overall: { runs: all.length, p50: percentile(all, 50), p95: percentile(all, 95), max: Math.max(...all) },
      cached: { runs: cachedTimes.length, p50: percentile(cachedTimes, 50), p95: percentile(cachedTimes, 95) },
      totals,
    };
  } finally {
    await drop();
  }
}
