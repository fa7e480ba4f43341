import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { UiLanguage } from '../../core/languages.js';
import { formatNumber, formatTick, formatUsd } from '../format.js';
import { LanguageContext } from '../i18n.js';
import { DATAHUB_MESSAGES } from '../i18n-datahub.js';
import { fiscalYearLabel } from '../../core/classifications.js';
import { SDG_10C } from '../../core/statistics-terms.js';
import { BarChart } from './BarChart.js';
import { IncomeHistoryChart } from './IncomeHistoryChart.js';
import { ChartWidthContext } from './chartWidth.js';
import { LineChart, type LineSeries } from './LineChart.js';
import { textWidth } from './layout.js';
import { markerPath, seriesStyle } from './palette.js';

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

  it('keeps the labels of SDG 10.c’s two lines apart where a high cost squeezes the lines together', () => {
    // A country's mean cost by quarter reaching 53.57 % (the Syrian Arab Republic, Q4 2022, in the
    // explorer's default chart over time): 3 % and 5 % a few pixels apart.
    const quarters = Array.from(
      { length: 36 },
      (_, i) => `${String(2016 + Math.floor(i / 4))}-Q${String((i % 4) + 1)}`,
    );
    const costs: LineSeries[] = [
      {
        key: 'SYR',
        label: 'SYR',
        points: quarters.map((period, i) => ({ period, value: i === 27 ? 53.57 : 4 + (i % 5) })),
      },
      { key: 'MLI', label: 'MLI', points: quarters.map((period, i) => ({ period, value: 1 + (i % 7) * 3 })) },
    ];
    for (const lang of ['en', 'fr', 'es'] as const) {
      const t = DATAHUB_MESSAGES[lang];
      for (const width of [390, 720]) {
        const markup = render(
          createElement(LineChart, {
            series: costs,
            label: 'Cost',
            description: 'Cost',
            formatTick: String,
            formatValue: String,
            referenceLines: [
              { value: SDG_10C.averageBelowPct, label: t.sdgTarget3 },
              { value: SDG_10C.corridorCeilingPct, label: t.sdgCeiling5 },
            ],
          }),
          lang,
          width,
        );
        // The dashed lines, then their labels' boxes (11 px bold, as drawn).
        const lineYs = [...markup.matchAll(/<line [^>]*y1="([\d.]+)"[^>]*stroke="#7f1d1d"/g)].map((m) => Number(m[1]));
        expect(lineYs).toHaveLength(2);
        expect(Math.abs((lineYs[0] ?? 0) - (lineYs[1] ?? 0))).toBeLessThan(11);
        const labels = texts(markup)
          .filter((x) => x.attrs['font-weight'] === '600')
          .map((x) => {
            const left = Number(x.attrs.x);
            const baseline = Number(x.attrs.y);
            return {
              left,
              right: left + textWidth(x.text, 11, true),
              top: baseline - 0.8 * 11,
              bottom: baseline + 0.25 * 11,
            };
          });
        expect(labels).toHaveLength(2);
        const [a, b] = labels;
        if (!a || !b) throw new Error('no labels');
        expect(
          a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top,
          `${lang} ${String(width)}`,
        ).toBe(true);
        // No dashed line runs through a label, and each stays within the chart.
        for (const label of labels) {
          for (const y of lineYs) expect(y <= label.top || y >= label.bottom, `${lang} ${String(width)}`).toBe(true);
          expect(label.right).toBeLessThanOrEqual(width);
        }
      }
    }
  });

  it('draws the marker of a value no line reaches: a series’ only value, or one between gaps', () => {
    // As UNHCR's groups on a corridor: "others of concern" in one year of 35, refugees in most of them.
    const years = Array.from({ length: 35 }, (_, i) => String(1990 + i));
    const lines: LineSeries[] = [
      { key: 'refugee', label: 'Refugees', points: years.map((period, i) => ({ period, value: 100 + i })) },
      {
        key: 'other',
        label: 'Others',
        points: years.map((period) => ({ period, value: period === '2000' ? 3341 : null })),
      },
      // A single series with a single value (one period in all), as a chart of one year.
      { key: 'one', label: 'One', points: [{ period: '2001', value: 7 }] },
    ];
    const markup = render(
      createElement(LineChart, {
        series: lines,
        label: 'L',
        description: 'L',
        formatTick: String,
        formatValue: (v: number) => formatNumber(v, 'en'),
      }),
      'en',
      720,
    );
    const marker = (title: string) => new RegExp(`<path d="([^"]*)"[^>]*><title>${title}</title>`).exec(markup)?.[1];
    expect(marker('Others, 2000: 3,341')).toBe(markerPath(seriesStyle(1).marker, 8));
    expect(marker('One, 2001: 7')).toBe(markerPath(seriesStyle(2).marker, 8));
    // The long series keeps its markers every few points (not at 1991).
    expect(marker('Refugees, 1991: 101')).toBe(markerPath(seriesStyle(0).marker, 0.1));
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

  it('sets a group’s coverage on more lines on a phone rather than cutting it, in every language', () => {
    // KNOMAD's inflows of 2023 by sub-region (US$ millions, as /api/rankings answers): long value
    // labels leave the names little room, where "44 de 53 con datos" was cut to "44 de 53 con dat…".
    const groups = [
      { key: '015', label: 'Afrique septentrionale', value: 41800, withData: 5, inGroup: 7 },
      { key: '202', label: 'Afrique subsaharienne', value: 52978.96274814, withData: 44, inGroup: 53 },
      { key: '419', label: 'Amérique latine et Caraïbes', value: 157609.430371396, withData: 35, inGroup: 52 },
      { key: '034', label: 'Asie du Sud', value: 188779.710815907, withData: 8, inGroup: 9 },
    ];
    for (const lang of ['fr', 'es', 'en'] as const) {
      const usd = (v: number) => formatUsd(v * 1e6, lang);
      const bars = groups.map((g) => ({ ...g, detail: DATAHUB_MESSAGES[lang].coverage(g.withData, g.inGroup) }));
      const markup = render(
        createElement(BarChart, { bars, label: 'G', description: 'G', formatValue: usd, formatTick: usd }),
        lang,
        320,
      );
      const details = texts(markup).filter((t) => t.attrs['font-size'] === '10');
      expect(details).toHaveLength(bars.length);
      expect(details.filter((d) => d.text.includes('…'))).toEqual([]);
      const lines = [...markup.matchAll(/<tspan x="([\d.]+)" dy="([\d.]+)">([^<]*)<\/tspan>/g)].map((m) => ({
        x: Number(m[1]),
        text: decode(m[3] ?? ''),
      }));
      expect(lines.map((l) => l.text).join(' ')).toBe(bars.map((b) => b.detail).join(' '));
      for (const l of lines) expect(l.x - textWidth(l.text, 10)).toBeGreaterThanOrEqual(0);
    }
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
