import { describe, expect, it } from 'vitest';
import { GCM_OBJECTIVES, SDG_TARGETS, termLabel, type Term } from './library-vocab.js';

/** The English title or target text after a label's "n. " or "code " prefix. */
function englishText(term: Term): string {
  return term.label.en.replace(/^\S+ /, '');
}

/**
 * Objectives whose official French or Spanish title was not found to check against, so their label keeps
 * the English title (see GCM_TITLES). A title added there must leave this list too.
 */
const GCM_STILL_ENGLISH = {
  fr: ['gcm18'],
  es: Array.from({ length: 21 }, (_, i) => `gcm${String(i + 3)}`),
};

describe('Global Compact for Migration objectives in French and Spanish', () => {
  it('labels objectives with the French and Spanish titles of A/RES/73/195', () => {
    expect(termLabel('gcm', 'gcm20', 'fr')).toBe(
      '20. Rendre les envois de fonds plus rapides, plus sûrs et moins coûteux et favoriser l’inclusion financière des migrants',
    );
    expect(termLabel('gcm', 'gcm5', 'fr')).toBe(
      '5. Faire en sorte que les filières de migration régulière soient accessibles et plus souples',
    );
    expect(termLabel('gcm', 'gcm1', 'es')).toBe(
      '1. Recopilar y utilizar datos exactos y desglosados para formular políticas con base empírica',
    );
    expect(termLabel('gcm', 'gcm2', 'es')).toBe(
      '2. Minimizar los factores adversos y estructurales que obligan a las personas a abandonar su país de origen',
    );
    expect(termLabel('gcm', 'gcm20', 'en')).toBe(
      '20. Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants',
    );
  });

  it('keeps the English title only for the objectives whose official wording was not found', () => {
    expect(GCM_OBJECTIVES).toHaveLength(23);
    for (const lang of ['fr', 'es'] as const) {
      const stillEnglish = GCM_OBJECTIVES.filter((t) => t.label[lang].includes(englishText(t))).map((t) => t.code);
      expect(stillEnglish, lang).toEqual(GCM_STILL_ENGLISH[lang]);
    }
    expect(termLabel('gcm', 'gcm18', 'fr')).toBe(
      'Objectif 18 : Invest in skills development and facilitate mutual recognition of skills, qualifications and competences',
    );
  });

  it('numbers every objective the same way in the three languages', () => {
    GCM_OBJECTIVES.forEach((t, i) => {
      const n = String(i + 1);
      expect(t.code).toBe(`gcm${n}`);
      expect(t.label.en.startsWith(`${n}. `)).toBe(true);
      for (const lang of ['fr', 'es'] as const) {
        const fallback = lang === 'fr' ? `Objectif ${n} : ` : `Objetivo ${n}: `;
        expect(t.label[lang].startsWith(`${n}. `) || t.label[lang].startsWith(fallback), t.label[lang]).toBe(true);
      }
    });
  });
});

describe('SDG targets in French and Spanish', () => {
  it('labels targets with the words of A/RES/70/1 in each language', () => {
    expect(termLabel('sdg', 'sdg10.c', 'en')).toBe(
      '10.c By 2030, reduce to less than 3 per cent the transaction costs of migrant remittances and eliminate remittance corridors with costs higher than 5 per cent',
    );
    expect(termLabel('sdg', 'sdg10.c', 'fr')).toBe(
      '10.c D’ici à 2030, faire baisser au-dessous de 3 pour cent les coûts de transaction des envois de fonds effectués par les migrants et éliminer les circuits d’envois de fonds dont les coûts sont supérieurs à 5 pour cent',
    );
    expect(termLabel('sdg', 'sdg10.c', 'es')).toBe(
      '10.c De aquí a 2030, reducir a menos del 3% los costos de transacción de las remesas de los migrantes y eliminar los corredores de remesas con un costo superior al 5%',
    );
    expect(termLabel('sdg', 'sdg10.7', 'fr')).toBe(
      '10.7 Faciliter la migration et la mobilité de façon ordonnée, sûre, régulière et responsable, notamment par la mise en œuvre de politiques migratoires planifiées et bien gérées',
    );
    expect(termLabel('sdg', 'sdg10.7', 'es')).toBe(
      '10.7 Facilitar la migración y la movilidad ordenadas, seguras, regulares y responsables de las personas, incluso mediante la aplicación de políticas migratorias planificadas y bien gestionadas',
    );
  });

  it('shows no English text in a French or Spanish label, and cuts a long target at the same places in every language', () => {
    expect(SDG_TARGETS.map((t) => t.code)).toEqual([
      'sdg3.c',
      'sdg4.b',
      'sdg5.2',
      'sdg8.7',
      'sdg8.8',
      'sdg10.7',
      'sdg10.c',
      'sdg16.2',
      'sdg16.9',
      'sdg17.3',
      'sdg17.18',
    ]);
    for (const t of SDG_TARGETS) {
      const code = t.code.replace(/^sdg/, '');
      const english = englishText(t);
      const cuts = english.split('…').length;
      for (const lang of ['en', 'fr', 'es'] as const) {
        expect(t.label[lang].startsWith(`${code} `), t.label[lang]).toBe(true);
        expect(t.label[lang].split('…').length, `${t.code} ${lang}`).toBe(cuts);
      }
      for (const lang of ['fr', 'es'] as const) {
        expect(t.label[lang]).not.toContain(english);
        // No English clause either: the English text's first six words.
        expect(t.label[lang]).not.toContain(english.split(' ').slice(0, 6).join(' '));
      }
    }
  });
});
