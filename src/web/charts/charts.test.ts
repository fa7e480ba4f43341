import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { UiLanguage } from '../../core/languages.js';
import { formatNumber, formatTick, formatUsd } from '../format.js';
import { LanguageContext } from '../i18n.js';
import { DATAHUB_MESSAGES } from '../i18n-datahub.js';
import { fiscalYearLabel } from '../../core/classifications.js';
import { BarChart } from './BarChart.js';
import { IncomeHistoryChart } from './IncomeHistoryChart.js';
import { ChartWidthContext } from './chartWidth.js';
import { LineChart, type LineSeries } from './LineChart.js';
import { textWidth } from './layout.js';

function render(chart: ReactElement, lang: UiLanguage, width: number): string {
  return renderToStaticMarkup(
    createElement(
      LanguageContext.Provider,
      { value: lang },
      createElement(ChartWidthContext.Provider, { value: width }, chart),
    ),
  );
}

const decode = (text: string) =>
  text.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&#x27;', "'");

/** The <text> elements of a rendered chart: attributes and text content (titles left out). */
function texts(markup: string): { attrs: Record<string, string>; text: string }[] {
  return [...markup.matchAll(/<text([^>]*)>(.*?)<\/text>/g)].map((m) => {
    const attrs = Object.fromEntries([...(m[1] ?? '').matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
    const text = decode((m[2] ?? '').replace(/<title>.*?<\/title>/g, '').replace(/<[^>]+>/g, ''));
    return { attrs, text };
  });
}

const remittances: LineSeries[] = [
  {
    key: 'in',
    label: 'Remesas recibidas — World Bank WDI gdidata-2025',
    points: Array.from({ length: 34 }, (_, i) => ({ period: String(1990 + i), value: 1e9 + i * 1.17e9 })),
  },
  {
    key: 'fdi',
    label: 'Entradas de IED — World Bank WDI gdidata-2025',
    points: [
      { period: '2010', value: -0.14e9 },
      { period: '2023', value: 9e9 },
    ],
  },
];

function remittanceChart(lang: UiLanguage, width: number): string {
  const usd = (v: number) => formatUsd(v, lang);
  return render(
    createElement(LineChart, {
      series: remittances,
      label: 'Remesas',
      description: 'Remesas',
      formatTick: usd,
      formatValue: usd,
    }),
    lang,
    width,
  );
}

/** Y tick labels (right-aligned at the left margin) and the x they end at. */
function yTicks(markup: string) {
  return texts(markup).filter((t) => t.attrs['text-anchor'] === 'end' && t.attrs['dominant-baseline'] === 'central');
}

describe('LineChart', () => {
  it('fits the widest y tick label in the left margin, in every language', () => {
    const margins: Record<string, number> = {};
    for (const lang of ['en', 'fr', 'es'] as const) {
      const ticks = yTicks(remittanceChart(lang, 720));
      expect(ticks.length).toBeGreaterThan(2);
      for (const tick of ticks) expect(Number(tick.attrs.x) - textWidth(tick.text, 11)).toBeGreaterThanOrEqual(0);
      margins[lang] = Number(ticks[0]?.attrs.x);
    }
    expect(yTicks(remittanceChart('es', 720)).map((t) => t.text)).toContain('40.000\u00a0M\u00a0US$');
    expect(margins.es).toBeGreaterThan(margins.en ?? Infinity);
  });

  it('does not stretch the axis to a whole step below zero for a small negative value', () => {
    const markup = remittanceChart('en', 720);
    const labels = yTicks(markup).map((t) => t.text);
    expect(labels).toContain('US$ 0');
    expect(labels.some((l) => l.startsWith('US$ -'))).toBe(false);
  });

  it('labels the last period and keeps the years apart on a phone', () => {
    for (const width of [300, 720]) {
      const xLabels = texts(remittanceChart('es', width)).filter((t) => t.attrs['text-anchor'] === 'middle');
      expect(xLabels.at(-1)?.text).toBe('2023');
      const xs = xLabels.map((t) => Number(t.attrs.x));
      for (let i = 1; i < xs.length; i += 1)
        expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeGreaterThan(textWidth('2000', 11));
    }
  });

  it('writes a reference line’s label over the series, so that a line crossing it leaves it readable', () => {
    const markup = render(
      createElement(LineChart, {
        series: remittances,
        label: 'Remesas',
        description: 'Remesas',
        formatTick: String,
        formatValue: String,
        referenceLines: [{ value: 5e9, label: 'tope 5\u00a0%' }],
      }),
      'es',
      390,
    );
    const label = markup.indexOf('>tope 5');
    const lastSeries = markup.lastIndexOf('<path d="M');
    expect(label).toBeGreaterThan(-1);
    expect(label).toBeGreaterThan(lastSeries);
  });

  it('keeps every legend line within the chart on a phone', () => {
    const markup = remittanceChart('es', 300);
    const lines = [...markup.matchAll(/<tspan x="([\d.]+)"[^>]*>([^<]*)<\/tspan>/g)];
    // The two labels, one of them at least wrapped over two lines.
    expect(lines.length).toBeGreaterThan(remittances.length);
    for (const m of lines) expect(Number(m[1]) + textWidth(decode(m[2] ?? ''), 12)).toBeLessThanOrEqual(300);
  });
});

describe('BarChart', () => {
  const bars = [
    { key: 'CHN', label: 'China', value: 27_676 },
    { key: 'USA', label: 'United States of America', value: 1793 },
    { key: 'GBR', label: 'United Kingdom of Great Britain and Northern Ireland', value: 436 },
  ];

  function barChart(width: number): string {
    return render(
      createElement(BarChart, {
        bars,
        label: 'Displaced',
        description: 'Displaced',
        formatValue: (v: number) => formatNumber(v, 'en'),
        formatTick: (v: number) => formatTick(v, 'persons', 'en'),
      }),
      'en',
      width,
    );
  }

  it('keeps the full name of a shortened category in a tooltip on its label', () => {
    const markup = barChart(320);
    const label = texts(markup).find((t) => t.text.startsWith('United Kingdom'));
    expect(label?.text.endsWith('…')).toBe(true);
    expect(markup).toContain('<title>United Kingdom of Great Britain and Northern Ireland</title>');
  });

  it('sets a name too long for its room on two lines, clear of the next row, rather than cutting it', () => {
    // OECD DIOC's levels of education in French, with their shares under them, in a half-width card
    // (Mexico, DIOC 2015/16), where the first two were cut to "Faible (premier cycle du seco…".
    const names = DATAHUB_MESSAGES.fr.dioc.education;
    const levels = [
      { key: '1', label: names.low, detail: '53,7 %', value: 6_284_405 },
      { key: '2', label: names.medium, detail: '36,6 %', value: 4_281_265 },
      { key: '3', label: names.tertiary, detail: '9,7 %', value: 1_135_877 },
    ];
    const markup = render(
      createElement(BarChart, {
        bars: levels,
        label: 'DIOC',
        description: 'DIOC',
        formatValue: (v: number) => formatNumber(v, 'fr'),
        formatTick: (v: number) => formatTick(v, 'persons', 'fr'),
      }),
      'fr',
      500,
    );
    const lines = [...markup.matchAll(/<tspan x="([\d.]+)" y="([\d.]+)">([^<]*)<\/tspan>/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      text: decode(m[3] ?? ''),
    }));
    expect(lines.slice(0, 2).map((l) => l.text)).toHaveLength(2);
    expect(
      lines
        .slice(0, 2)
        .map((l) => l.text)
        .join(' '),
    ).toBe(levels[0]?.label);
    expect(
      lines
        .slice(2, 4)
        .map((l) => l.text)
        .join(' '),
    ).toBe(levels[1]?.label);
    expect(lines[4]?.text).toBe('Supérieur');
    for (const l of lines) expect(l.x - textWidth(l.text, 12)).toBeGreaterThanOrEqual(0);
    // Every line of text at the left, names and shares, at least a line apart from the others.
    const details = texts(markup)
      .filter((t) => /%$/.test(t.text))
      .map((t) => Number(t.attrs.y));
    const ys = [...lines.map((l) => l.y), ...details].sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect((ys[i] ?? 0) - (ys[i - 1] ?? 0)).toBeGreaterThanOrEqual(11);
  });

  it('writes names in full when the chart is wide enough', () => {
    const names = texts(barChart(720)).map((t) => t.text);
    expect(names).toContain('United States of America');
  });

  it('writes the value axis in one style', () => {
    const ticks = texts(barChart(720))
      .filter((t) => t.attrs['text-anchor'] === 'middle')
      .map((t) => t.text);
    expect(ticks.length).toBeGreaterThan(2);
    // Ticks at 0, 5,000, 10,000 …: written "5K", like "10K", not "5,000".
    expect(ticks).toContain('5K');
    expect(ticks.filter((t) => t !== '0').every((t) => t.endsWith('K'))).toBe(true);
  });
});

describe('IncomeHistoryChart', () => {
  // A made-up history, FY89–FY25, through every group and a year without a classification.
  const groups = ['L', 'LM', 'UM', 'H', null] as const;
  const history = Array.from({ length: 37 }, (_, i) => ({
    fiscalYear: 1989 + i,
    fiscalYearLabel: fiscalYearLabel(1989 + i),
    gniYear: 1987 + i,
    group: groups[Math.floor(i / 8)] ?? null,
    sourceValue: groups[Math.floor(i / 8)] ?? '..',
  }));
  const chart = (lang: UiLanguage, width: number) =>
    render(createElement(IncomeHistoryChart, { history, label: 'Income', description: 'Income' }), lang, width);
  const viewBox = (markup: string) => (/viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(markup) ?? []).slice(1).map(Number);

  it('names every row in full at its left and keeps the names clear of the cells, in every language', () => {
    for (const lang of ['en', 'fr', 'es'] as const)
      for (const width of [320, 720]) {
        const markup = chart(lang, width);
        const lines = [...markup.matchAll(/<tspan x="([\d.]+)"[^>]*>([^<]*)<\/tspan>/g)];
        const firstCell = Math.min(...[...markup.matchAll(/<rect x="([\d.]+)"/g)].map((m) => Number(m[1])));
        for (const m of lines) {
          expect(Number(m[1]) - textWidth(decode(m[2] ?? ''), 11, true)).toBeGreaterThanOrEqual(-1);
          expect(Number(m[1])).toBeLessThan(firstCell);
        }
        const names = lines.map((m) => decode(m[2] ?? '')).join(' ');
        if (lang === 'fr') expect(names).toContain('tranche supérieure');
        expect(names).toContain(lang === 'en' ? 'Not classified' : lang === 'fr' ? 'Non classé' : 'Sin clasificar');
      }
  });

  it('draws one cell per fiscal year inside the drawing, and year labels that do not touch', () => {
    // The World Bank's "FY89" in English; the year in French and Spanish, where "FY" is no word.
    for (const [lang, firstYear, lastYear] of [
      ['en', 'FY89', 'FY25'],
      ['fr', '1989', '2025'],
      ['es', '1989', '2025'],
    ] as const)
      for (const width of [320, 720]) {
        const markup = chart(lang, width);
        const [w = 0] = viewBox(markup);
        const cells = [...markup.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)];
        expect(cells).toHaveLength(37);
        for (const m of cells) expect(Number(m[1]) + Number(m[2])).toBeLessThanOrEqual(w);
        const ticks = texts(markup).filter((t) => t.attrs['text-anchor'] === 'middle');
        expect(ticks[0]?.text).toBe(firstYear);
        expect(ticks.at(-1)?.text).toBe(lastYear);
        expect(markup).not.toMatch(lang === 'en' ? /<title>\d{4}/ : /FY\d/);
        const xs = ticks.map((t) => Number(t.attrs.x));
        for (let i = 1; i < xs.length; i += 1)
          expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeGreaterThan(textWidth(firstYear, 11));
      }
  });
});
