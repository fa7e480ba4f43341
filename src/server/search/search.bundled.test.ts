import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../core/library.js';
import { testEngines } from '../../../tests/helpers/database.js';
import { startBundledLibrary } from '../../../tests/helpers/library.js';

/**
 * The search over the library's real content (content/library) and the reference data, as a
 * fresh start loads them: typo corrections, stop words and place names in the three languages.
 */
describe.each(testEngines())('search of the bundled library on %s', (engine) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await startBundledLibrary(engine));
  }, 60_000);
  afterAll(() => close());

  async function q(text: string, lang: 'en' | 'fr' | 'es' = 'en', rest = ''): Promise<SearchResponse> {
    const url = `/api/search?q=${encodeURIComponent(text)}&lang=${lang}&limit=100${rest}`;
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json<SearchResponse>();
  }
  const ids = (r: SearchResponse) => r.results.map((h) => h.id).sort();
  const hits = (r: SearchResponse) => r.results.flatMap((h) => h.snippet.filter((s) => s.hit).map((s) => s.text));

  describe('typo corrections', () => {
    it('offers no correction that matches nothing as a whole ("brain drain" is not "brain draw")', async () => {
      const r = await q('brain drain');
      expect(r.correctedQuery).toBeNull();
      // The word that is found is: the results are those of "brain", none of "draw".
      expect(r.total).toBeGreaterThan(0);
      expect(ids(r)).toContain('brain-gain-return-migration-model');
      expect(hits(r).join(' ')).not.toMatch(/draw/i);

      const fr = await q('fuite des cerveaux', 'fr');
      expect(fr.correctedQuery).toBeNull(); // not "fuerte cerveaux", a Spanish word that finds nothing with them
      expect(ids(fr)).toContain('brain-gain-return-migration-model');
      expect(hits(fr).join(' ')).not.toMatch(/fuerte/i);
    });

    it('offers a correction only when the corrected words, searched as they are, all match', async () => {
      for (const [text, lang] of [
        ['diaspra', 'en'],
        ['remitance', 'en'],
        ['brain drain', 'en'],
        ['devlopement', 'en'],
        ['devlopement', 'fr'],
        ['desarollo', 'es'],
        ['fuite des cerveaux', 'en'],
        ['fuite des cerveaux', 'fr'],
        ['fuga de cerebors', 'es'],
        ['migrans', 'es'],
      ] as const) {
        const r = await q(text, lang);
        if (r.correctedQuery === null) continue;
        expect(r.total, `${text} (${lang})`).toBeGreaterThan(0);
        const said = `${text} → ${r.correctedQuery} (${lang})`;
        const corrected = await q(r.correctedQuery, lang);
        expect(corrected.correctedQuery, said).toBeNull();
        expect(corrected.total, said).toBe(r.total);
        // Every word of it is in every result: no more results than its rarest word has alone
        // (the any-word fallback would have as many as its commonest, or more).
        for (const word of r.correctedQuery.split(' ').filter((w) => w.length > 3)) {
          expect(corrected.total, `${said}: ${word}`).toBeLessThanOrEqual((await q(word, lang)).total);
        }
      }
    });

    it("prefers a word of the request's language, keeping the query's other words", async () => {
      // "developpement" is the closer spelling, but a French word: English readers get "development".
      expect((await q('devlopement', 'en')).correctedQuery).toBe('development');
      expect((await q('devlopement', 'fr')).correctedQuery).toBe('developpement');
      expect((await q('desarollo', 'es')).correctedQuery).toBe('desarrollo');
      // A word found in every language is corrected in any of them.
      for (const lang of ['en', 'fr', 'es'] as const)
        expect((await q('diaspra', lang)).correctedQuery).toBe('diaspora');
      // Stop words stay in the corrected query as typed.
      expect((await q('gain de cervaux', 'fr')).correctedQuery).toBe('gain de cerveaux');
    });
  });

  describe('stop words of any of the three languages', () => {
    it('are not required words, whatever the language of the interface', async () => {
      const diaspora = await q('diaspora');
      expect(diaspora.total).toBeGreaterThan(8);
      for (const lang of ['en', 'fr', 'es'] as const) {
        const la = await q('la diaspora', lang);
        expect(ids(la), lang).toEqual(ids(await q('diaspora', lang)));
      }
      const spanish = await q('fuga de cerebros', 'es');
      expect(ids(spanish)).toContain('brain-gain-return-migration-model');
      for (const lang of ['en', 'fr'] as const) {
        // NOTE: not always all of Spanish's: a summary is indexed by its own language's stems,
        // and "cerebros" is searched as itself and by the English and French stems only.
        const r = await q('fuga de cerebros', lang);
        expect(ids(r), lang).toContain('brain-gain-return-migration-model');
        expect(r.total, lang).toBeLessThanOrEqual(spanish.total);
      }
      const french = await q('fuite des cerveaux', 'fr');
      for (const lang of ['en', 'es'] as const) {
        const r = await q('fuite des cerveaux', lang);
        expect(ids(r), lang).toContain('brain-gain-return-migration-model');
        expect(r.total, lang).toBeLessThanOrEqual(french.total);
        expect(r.correctedQuery, lang).toBeNull();
      }
      expect(french.total).toBeLessThan(5);
    });

    it('still count in titles: a title holding them all ranks first', async () => {
      // "estados" is a Spanish stop word: "unidos" finds the Emirates and the Kingdom too.
      for (const lang of ['en', 'fr', 'es'] as const) {
        const r = await q('Estados Unidos', lang, '&type=country');
        expect(r.results[0]?.id, lang).toBe('USA');
      }
    });

    it('stay required where they are words of the request language ("Sur", "EU")', async () => {
      // "sur" is a French stop word, and the Spanish for south.
      expect(ids(await q('Corea del Sur', 'es', '&type=country'))).toEqual(['KOR']);
      // "eu" is a French stop word (past participle of avoir), and the European Union in English.
      const eu = await q('EU integration');
      expect(eu.total).toBeGreaterThan(0);
      expect(eu.total).toBeLessThan((await q('integration')).total);
      // A query of stop words alone is still searched as written: "in" finds India by its code.
      expect((await q('IN', 'en', '&type=country')).results[0]?.id).toBe('IND');
      expect((await q('la', 'en')).total).toBeGreaterThan(0);
    });
  });

  describe('acronyms of library items', () => {
    // NOTE: the French and Spanish acronyms are the content's own (content/library, `acronyms`).
    const ORGANISATIONS = [
      ['iom', 'IOM', 'OIM'],
      ['undp', 'UNDP', 'PNUD'],
      ['oecd', 'OECD', 'OCDE'],
      ['imf', 'IMF', 'FMI'],
    ] as const;

    it('find an organisation first by its French or Spanish acronym, whatever the interface language', async () => {
      for (const [id, english, local] of ORGANISATIONS) {
        for (const acronym of [local, local.toLowerCase(), english]) {
          for (const lang of ['en', 'fr', 'es'] as const) {
            const r = await q(acronym, lang);
            expect(r.results[0], `${acronym} (${lang})`).toMatchObject({ type: 'organisation', id });
            expect(r.correctedQuery, `${acronym} (${lang})`).toBeNull();
          }
        }
      }
    });

    it('find a record by its French or Spanish acronym too (FMMD is the GFMD, AGCS the GATS)', async () => {
      for (const lang of ['en', 'fr', 'es'] as const) {
        expect((await q('FMMD', lang)).results[0]?.id, lang).toBe('gfmd');
        expect((await q('AGCS', lang)).results[0]?.id, lang).toBe('gats-skilled-mobility');
      }
    });
  });

  describe('places of library items', () => {
    it('are found by the names people type in English, French and Spanish', async () => {
      for (const name of ['Turkey', 'Turquie', 'Turquía', 'Turquia', 'Türkiye']) {
        for (const lang of ['en', 'fr', 'es'] as const) {
          const r = await q(name, lang);
          expect(ids(r), `${name} (${lang})`).toContain('graduate-emigration-developing-countries');
          expect(r.results[0]?.id, `${name} (${lang})`).toBe('TUR');
        }
      }
    });
  });

  describe('countries by their codes', () => {
    it('rank a country first when the query is its code ("USA" is the United States before any record)', async () => {
      for (const code of ['USA', 'usa', 'PHL', 'MEX']) {
        const r = await q(code);
        expect(r.results[0]?.id, code).toBe(code.toUpperCase());
        expect(r.results[0]?.type, code).toBe('country');
      }
    });
  });

  describe('countries by their M49 numbers', () => {
    it('are a 400 naming the code to use in the country filter ("608" is the Philippines, PHL)', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/search?q=remittances&country=MEX,608' });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { details: unknown[] } }>().error.details).toEqual([
        { field: 'country', message: '608 is the M49 code of the Philippines: Bridges uses PHL' },
      ]);
    });
  });

  describe('corridors a query names', () => {
    const corridorOf = async (text: string, lang: 'en' | 'fr' | 'es' = 'en') => {
      const { corridor } = await q(text, lang);
      return corridor && `${corridor.from.code}→${corridor.to.code}`;
    };

    it('are read from two countries by name in any language, or by code in capitals, in the order typed', async () => {
      expect(await corridorOf('Philippines USA')).toBe('PHL→USA');
      expect(await corridorOf('PHL→USA')).toBe('PHL→USA');
      expect(await corridorOf('Mexico United States remittances')).toBe('MEX→USA');
      expect(await corridorOf('de Filipinas a Estados Unidos', 'es')).toBe('PHL→USA');
      expect(await corridorOf('Côte d’Ivoire France', 'fr')).toBe('CIV→FRA');
      // The longest name is read: "United States of America", not "United States" and "America".
      expect(await corridorOf('India to United States of America')).toBe('IND→USA');
      // A lower-case code is a word: "per" is not Peru, "can" not Canada.
      expect(await corridorOf('remittances per capita to Canada')).toBeNull();
    });

    it('are turned round when a word says which is the origin ("USA from the Philippines")', async () => {
      expect(await corridorOf('USA from the Philippines')).toBe('PHL→USA');
      expect(await corridorOf('to Spain from Morocco')).toBe('MAR→ESP');
      expect(await corridorOf('España desde Marruecos', 'es')).toBe('MAR→ESP');
      expect(await corridorOf('les États-Unis depuis les Philippines', 'fr')).toBe('PHL→USA');
    });

    it('are named in the request language, with the pages of both ways', async () => {
      const { corridor } = await q('Philippines USA', 'es');
      expect(corridor).toEqual({
        from: { code: 'PHL', name: 'Filipinas' },
        to: { code: 'USA', name: 'Estados Unidos de América' },
        url: '/corridors/PHL/USA',
        reverseUrl: '/corridors/USA/PHL',
      });
    });

    it('are not read from one country, three, or the same one twice', async () => {
      expect(await corridorOf('Philippines')).toBeNull();
      expect(await corridorOf('Philippines Mexico USA')).toBeNull();
      expect(await corridorOf('USA United States')).toBeNull();
      expect(await corridorOf('')).toBeNull();
    });
  });
});
