import { describe, expect, it } from 'vitest';
import { formatCompact, formatPercent, formatTick, formatUsd } from '../format.js';
import {
  axisLabelWidth,
  axisTickLabels,
  barLayout,
  fitText,
  fittingTicks,
  labelRows,
  legendLayout,
  niceDomain,
  referenceLabelPlaces,
  spreadMarks,
  textWidth,
  timeTicks,
  wrapText,
  wrapTextEvenly,
  wrapWords,
} from './layout.js';

describe('text width estimates', () => {
  it('grow with the text and the font size, and count digits wider than spaces', () => {
    expect(textWidth('40.000 M US$', 11)).toBeGreaterThan(textWidth('US$ 40 bn', 11));
    expect(textWidth('2024', 22)).toBeCloseTo(2 * textWidth('2024', 11));
    expect(textWidth('0000', 11)).toBeGreaterThan(textWidth('0  0', 11));
    // Rendered in DejaVu Sans at 11 px, "40.000 M US$" is 77 px wide: the estimate must not fall short.
    expect(textWidth('40.000\u00a0M\u00a0US$', 11)).toBeGreaterThanOrEqual(77);
  });

  it('shorten text to a width with an ellipsis, leaving text that fits alone', () => {
    expect(fitText('Canada', 100, 12)).toBe('Canada');
    const short = fitText('United Kingdom of Great Britain and Northern Ireland', 120, 12);
    expect(short.endsWith('…')).toBe(true);
    expect(textWidth(short, 12)).toBeLessThanOrEqual(120);
    expect('United Kingdom of Great Britain and Northern Ireland'.startsWith(short.slice(0, -1))).toBe(true);
  });

  it('wrap words to a width, as a source line to the image width', () => {
    expect(wrapWords('one two three four', 9, (l) => l.length)).toEqual(['one two', 'three', 'four']);
    expect(wrapWords('  one  two ', 9, (l) => l.length)).toEqual(['one two']);
  });

  it('never break a line at a no-break space, as French puts before a semicolon', () => {
    // A French coverage: the semicolon stays with its word, and the no-break space with both.
    const coverage = '44 sur 46 avec données\u00a0; 7 non comptés';
    const lines = wrapWords(coverage, 10, (l) => l.length);
    expect(lines).toContain('données\u00a0;');
    expect(lines.join(' ')).toBe(coverage);
    expect(wrapWords('US$\u00a0125\u202fbn', 3, (l) => l.length)).toEqual(['US$\u00a0125\u202fbn']);
  });

  it('wrap a name to at most so many lines, the last shortened when the name goes on', () => {
    const name = 'Faible (premier cycle du secondaire ou moins)';
    expect(wrapText(name, 1000, 12, 2)).toEqual([name]);
    const two = wrapText(name, 200, 12, 2);
    expect(two).toHaveLength(2);
    expect(two.join(' ')).toBe(name);
    for (const line of two) expect(textWidth(line, 12)).toBeLessThanOrEqual(200);
    const cut = wrapText('United Kingdom of Great Britain and Northern Ireland', 100, 12, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]?.endsWith('…')).toBe(true);
    expect(textWidth(cut[1] ?? '', 12)).toBeLessThanOrEqual(100);
  });

  it('wrap a detail in lines of even length, as few as the width allows', () => {
    const coverage = '44 de 53 con datos';
    const width = textWidth('44 de 53 con', 10);
    expect(wrapText(coverage, width, 10)).toEqual(['44 de 53 con', 'datos']);
    expect(wrapTextEvenly(coverage, width, 10)).toEqual(['44 de 53', 'con datos']);
    expect(wrapTextEvenly(coverage, 1000, 10)).toEqual([coverage]);
    // Text that must be cut to its lines is cut as wrapText cuts it.
    expect(wrapTextEvenly(coverage, width / 2, 10, 2)).toEqual(wrapText(coverage, width / 2, 10, 2));
  });
});

describe('the y axis of a line chart', () => {
  const ticks = [0, 10e9, 20e9, 30e9, 40e9];
  const margin = (lang: 'en' | 'fr' | 'es') =>
    axisLabelWidth(
      ticks.map((v) => formatUsd(v, lang)),
      11,
    );

  it('leaves room at the left for the widest tick label, in every language', () => {
    // "40.000 M US$" in Spanish is the longest of the three ways of writing US$ 40 bn.
    expect(margin('es')).toBeGreaterThan(margin('en'));
    expect(margin('es')).toBeGreaterThan(margin('fr'));
    for (const lang of ['en', 'fr', 'es'] as const) {
      for (const v of ticks) expect(margin(lang)).toBeGreaterThanOrEqual(textWidth(formatUsd(v, lang), 11) + 8);
    }
  });

  it('keeps a small negative excursion small', () => {
    const [low, high] = niceDomain(-0.14e9, 40e9);
    expect(low).toBeLessThan(-0.14e9);
    expect(low).toBeGreaterThanOrEqual(-1e9);
    expect(high).toBe(40e9);
    // …and the mirror image, a series of losses barely above zero.
    const [low2, high2] = niceDomain(-40e9, 0.14e9);
    expect(low2).toBe(-40e9);
    expect(high2).toBeGreaterThan(0.14e9);
    expect(high2).toBeLessThanOrEqual(1e9);
  });

  it('gives a substantial negative part a whole tick step, as before', () => {
    expect(niceDomain(-8e9, 40e9)).toEqual([-10e9, 40e9]);
    expect(niceDomain(0, 37)).toEqual([0, 40]);
    expect(niceDomain(3.2, 7.9)).toEqual([3, 8]);
  });

  it('writes all ticks of an axis in one style', () => {
    const compact = (v: number) => formatCompact(v, 'en');
    const persons = (v: number) => formatTick(v, 'persons', 'en');
    expect(persons(5000)).toBe('5,000');
    expect(axisTickLabels([0, 5000, 10000, 15000], persons, compact)).toEqual(['0', '5K', '10K', '15K']);
    // Small counts stay in full, and other units keep their own formatter.
    expect(axisTickLabels([0, 2000, 4000], persons, compact)).toEqual(['0', '2,000', '4,000']);
    const usd = (v: number) => formatUsd(v, 'en');
    expect(axisTickLabels([0, 20e9, 40e9], usd, compact)).toEqual(['US$ 0', 'US$ 20 bn', 'US$ 40 bn']);
  });
});

describe('the time axis', () => {
  it('labels the latest period even when it is not a round year', () => {
    const ticks = timeTicks([1990, 2024], 600, { value: 2024, label: '2024' });
    expect(ticks.at(-1)).toEqual({ value: 2024, label: '2024' });
    expect(ticks.map((t) => t.label)).toContain('1990');
    const quarters = timeTicks([2011, 2025], 900, { value: 2025, label: '2025-Q1' });
    expect(quarters.at(-1)?.label).toBe('2025-Q1');
    expect(quarters.filter((t) => t.value === 2025)).toHaveLength(1);
  });

  it('thins the years out on a narrow chart so no two labels touch', () => {
    for (const width of [150, 240, 400, 1000]) {
      const ticks = timeTicks([1977, 2023], width, { value: 2023, label: '2023' });
      const px = (v: number) => ((v - 1977) / (2023 - 1977)) * width;
      for (let i = 1; i < ticks.length; i += 1) {
        const a = ticks[i - 1];
        const b = ticks[i];
        if (!a || !b) continue;
        const room = (textWidth(a.label, 11) + textWidth(b.label, 11)) / 2;
        expect(px(b.value) - px(a.value)).toBeGreaterThan(room);
      }
      expect(ticks.at(-1)?.label).toBe('2023');
    }
    expect(timeTicks([1977, 2023], 150, { value: 2023, label: '2023' }).length).toBeLessThan(
      timeTicks([1977, 2023], 1000, { value: 2023, label: '2023' }).length,
    );
  });

  it('labels where a line stops short of the others, without labels running into each other', () => {
    // A phone's plot: Revision 2020 ends on 2020 beside Revision 2024 on 2024, five years apart
    // on the axis's regular ticks, and 2020 was the tick that gave way to 2024.
    const last = { value: 2024, label: '2024' };
    for (const width of [240, 290, 330, 600]) {
      const ticks = timeTicks([1990, 2024], width, last, 11, 10, [{ value: 2020, label: '2020' }]);
      expect(ticks.map((t) => t.label)).toEqual(expect.arrayContaining(['2020', '2024']));
      // Each label's middle (moved a little off its tick where it makes room), and its tick under it.
      const px = (t: { value: number; dx?: number }) => ((t.value - 1990) / (2024 - 1990)) * width + (t.dx ?? 0);
      for (let i = 1; i < ticks.length; i += 1) {
        const a = ticks[i - 1];
        const b = ticks[i];
        if (!a || !b) continue;
        expect(px(b) - px(a)).toBeGreaterThan((textWidth(a.label, 11) + textWidth(b.label, 11)) / 2);
      }
      for (const t of ticks) expect(Math.abs(t.dx ?? 0)).toBeLessThan(textWidth(t.label, 11) / 2);
    }
    // Ends too close for both labels: the axis's own end wins, and nothing overlaps.
    const crowded = timeTicks([1990, 2024], 290, last, 11, 10, [{ value: 2023, label: '2023' }]);
    expect(crowded.map((t) => t.label)).not.toContain('2023');
    expect(crowded.at(-1)).toEqual(last);
    // A quarter's end is labelled as the language writes it.
    const quarters = timeTicks([2011, 2025], 320, { value: 2025, label: 'Q1 2025' }, 11, 10, [
      { value: 2020.5, label: 'Q3 2020' },
    ]);
    expect(quarters.map((t) => t.label)).toEqual(expect.arrayContaining(['Q3 2020', 'Q1 2025']));
  });
});

describe('the legend', () => {
  it('wraps a label too long for the width rather than running off the chart', () => {
    const labels = ['Remesas recibidas — KNOMAD 2023-12', 'Remesas recibidas — World Bank WDI gdidata-2025'];
    const { items, height } = legendLayout(labels, 280, 12, 20, 15);
    for (const item of items) {
      for (const line of item.lines) expect(34 + textWidth(line, 12)).toBeLessThanOrEqual(280);
    }
    expect(items[1]?.lines.join(' ')).toBe(labels[1]);
    expect(height).toBeGreaterThan(2 * 20);
    // On a wide chart, both fit side by side on one row.
    expect(legendLayout(labels, 1000, 12, 20, 15).height).toBe(20);
  });

  it('gives a map’s long class labels the room they need: no label runs into the next swatch', () => {
    // The remittance map's classes, whose labels ran over each other in slots of one width.
    const thresholds = [15e6, 73e6, 380e6, 820e6];
    for (const lang of ['en', 'fr', 'es'] as const) {
      const usd = (v: number) => formatUsd(v, lang);
      const labels = [
        `< ${usd(15e6)}`,
        ...thresholds.slice(1).map((high, i) => `${usd(thresholds[i] ?? 0)}–${usd(high)}`),
        `≥ ${usd(820e6)}`,
        'No data',
      ];
      for (const width of [884, 400]) {
        const { items, height } = legendLayout(labels, width, 11, 18, 14, 23);
        const ends = items.map((item) => item.x + 23 + Math.max(...item.lines.map((l) => textWidth(l, 11))));
        items.forEach((item, i) => {
          expect(ends[i]).toBeLessThanOrEqual(width);
          const next = items[i + 1];
          if (next && next.y === item.y) expect(next.x).toBeGreaterThan(ends[i] ?? Infinity);
        });
        const rows = new Set(items.map((item) => item.y)).size;
        expect(height).toBe(rows * 18);
        if (width === 400) expect(rows).toBeGreaterThan(1);
      }
    }
  });
});

describe('bar chart layout', () => {
  const names = ['United States of America', 'Syrian Arab Republic', 'Yemen'].map((label) => ({ label }));
  const values = [244, 195, 189].map((value) => ({ value, text: String(value) }));

  it('gives names the room they need when the chart has it', () => {
    const layout = barLayout({ width: 520, labels: names, values, domainMax: 250, tickHalfWidth: 10 });
    expect(layout.labelWidth).toBeGreaterThanOrEqual(textWidth('United States of America', 12) + 8);
    // The value labels still fit after their bars.
    const end = layout.labelWidth + (244 / 250) * (layout.plotRight - layout.labelWidth);
    expect(end + 6 + textWidth('244', 12)).toBeLessThanOrEqual(520);
  });

  it('shortens flags to their mark, then narrows the names, on a narrow chart', () => {
    const flagged = [
      { value: 6.03, text: '6,03 %', flag: 'por encima del 5 %' },
      { value: 5.1, text: '5,1 %', flag: 'por encima del 5 %' },
    ];
    const wide = barLayout({ width: 1000, labels: names, values: flagged, domainMax: 8, tickHalfWidth: 10 });
    expect(wide.fullFlags).toBe(true);
    const narrow = barLayout({ width: 320, labels: names, values: flagged, domainMax: 8, tickHalfWidth: 10 });
    expect(narrow.fullFlags).toBe(false);
    expect(narrow.plotRight - narrow.labelWidth).toBeGreaterThanOrEqual(320 * 0.35);
  });

  it('leaves a phone’s chart room for each name on two lines before cutting one', () => {
    // The Philippines' top senders of 2021 in Spanish, on a 390 px phone (a chart 326 px wide).
    const senders = [
      'Estados Unidos de América',
      'Emiratos Árabes Unidos',
      'Reino Unido de Gran Bretaña e Irlanda del Norte',
    ];
    const amounts = [12_837, 3_469, 958].map((value) => ({ value, text: `${value.toLocaleString('es')} M US$` }));
    const layout = barLayout({
      width: 326,
      labels: senders.map((label) => ({ label })),
      values: amounts,
      domainMax: 15_000,
      tickHalfWidth: 30,
    });
    expect(layout.plotRight - layout.labelWidth).toBeGreaterThanOrEqual(326 * 0.35);
    const lines = (name: string) => wrapText(name, layout.labelWidth - 14, 12, 2);
    expect(lines('Estados Unidos de América').join(' ')).toBe('Estados Unidos de América');
    expect(lines('Emiratos Árabes Unidos').join(' ')).toBe('Emiratos Árabes Unidos');
    // The longest is still cut on its second line, its full name in a tooltip.
    expect(
      lines(senders[2] ?? '')
        .at(-1)
        ?.endsWith('…'),
    ).toBe(true);
  });

  it('puts reference-line labels that would collide on separate rows', () => {
    const rows = labelRows(
      [
        { x: 100, width: 80 },
        { x: 130, width: 60 },
        { x: 300, width: 60 },
      ],
      400,
    );
    expect(rows.map((r) => r.row)).toEqual([0, 1, 0]);
    // Kept inside the chart.
    expect(labelRows([{ x: 395, width: 60 }], 400)[0]?.x).toBe(370);
  });

  it('chooses no more ticks than their labels have room for', () => {
    const pct = (ticks: readonly number[]) => ticks.map((v) => formatPercent(v, 'es', 0));
    const narrow = fittingTicks([0, 8], 120, pct, 11);
    const wide = fittingTicks([0, 8], 700, pct, 11);
    expect(narrow.ticks.length).toBeLessThan(wide.ticks.length);
    const spacing = (120 * ((narrow.ticks[1] ?? 0) - (narrow.ticks[0] ?? 0))) / 8;
    expect(spacing).toBeGreaterThan(Math.max(...narrow.labels.map((l) => textWidth(l, 11))));
  });

  it('keeps the axis’s end where d3’s ticks are too crowded, not a lone 0', () => {
    const millions = (ticks: readonly number[]) => ticks.map((v) => `${String(v / 1e6)}M`);
    // 0, 20M, 40M do not fit in 60 px; d3's sparsest set is 0 alone.
    expect(fittingTicks([0, 40e6], 60, millions, 11)).toEqual({ ticks: [0, 40e6], labels: ['0M', '40M'] });
    // Where even the ends run into each other, the start alone.
    expect(fittingTicks([0, 40e6], 30, millions, 11).ticks).toEqual([0]);
    expect(fittingTicks([0, 0], 60, millions, 11).ticks).toEqual([0]);
  });

  it('never prints two ticks alike: an axis over values that are all zero (0 to 1 US$) reads 0 and 1', () => {
    const usd = (ticks: readonly number[]) => ticks.map((v) => formatUsd(v, 'en'));
    // d3's ticks 0, 0.2, … 1 print as US$ 0, US$ 0, US$ 0, US$ 1, US$ 1, US$ 1.
    expect(new Set(usd([0, 0.2, 0.4, 0.6, 0.8, 1])).size).toBeLessThan(6);
    const { ticks, labels } = fittingTicks([0, 1], 600, usd, 11);
    expect(new Set(labels).size).toBe(labels.length);
    expect(ticks).toEqual([0, 1]);
  });
});

describe('marks on a map', () => {
  it('keep clear of each other, the smaller country’s moving, and stay put where nothing is near', () => {
    // Centroids of Rwanda, Uganda and Kenya as the map projects them, twice Rwanda, and Bolivia far off.
    const points = [
      { x: 650, y: 370, weight: 2 },
      { x: 658, y: 357, weight: 20 },
      { x: 675, y: 360, weight: 50 },
      { x: 650, y: 370, weight: 1 },
      { x: 370, y: 430, weight: 90 },
    ];
    const places = spreadMarks(points, 12);
    for (const [i, a] of places.entries())
      for (const b of places.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(12);
    expect(places[4]).toEqual({ x: 370, y: 430 });
    const moved = places.map((p, i) => Math.hypot(p.x - (points[i]?.x ?? 0), p.y - (points[i]?.y ?? 0)));
    expect(moved[2]).toBeLessThan(moved[0] ?? 0);
    expect(moved[2]).toBeLessThan(2);
    expect(spreadMarks(points, 12)).toEqual(places);
  });
});

describe('labels of reference lines across a line chart', () => {
  // SDG 10.c's 5 % ceiling and 3 % target, as the explorer labels them in French, bold at 11 px.
  const ceiling = textWidth('plafond 5\u00a0%', 11, true);
  const target = textWidth('ODD 10.c\u00a0: 3\u00a0%', 11, true);
  const plot = { left: 56, right: 700, bottom: 300 };
  /** A label's box around its baseline, as referenceLabelPlaces reckons it. */
  const box = (p: { x: number; y: number }, width: number) => ({
    left: p.x,
    right: p.x + width,
    top: p.y - 0.8 * 11,
    bottom: p.y + 0.25 * 11,
  });
  const apart = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) =>
    a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;

  it('sit above their lines at the left where the lines are far apart', () => {
    const places = referenceLabelPlaces(
      [
        { y: 200, width: target },
        { y: 150, width: ceiling },
      ],
      plot,
      11,
    );
    expect(places).toEqual([
      { x: 56, y: 195 },
      { x: 56, y: 145 },
    ]);
  });

  it('keep apart where the lines are close, each beside its own line', () => {
    // 3 % and 5 % on a scale to 70 %, 280 px high: 8 px apart.
    const lines = [
      { y: 260, width: target },
      { y: 252, width: ceiling },
    ];
    const places = referenceLabelPlaces(lines, plot, 11);
    const [low, high] = places.map((p, i) => box(p, lines[i]?.width ?? 0));
    if (!low || !high) throw new Error('no places');
    expect(apart(low, high)).toBe(true);
    // The upper line's label above it, the lower one's under it: no other line runs through either.
    expect(high.bottom).toBeLessThanOrEqual(252);
    expect(low.top).toBeGreaterThanOrEqual(260);
    // With no room under the lower line (the axis right below), side by side above both lines.
    const cramped = referenceLabelPlaces(lines, { ...plot, bottom: 265 }, 11);
    const [a, b] = cramped.map((p, i) => box(p, lines[i]?.width ?? 0));
    if (!a || !b) throw new Error('no places');
    expect(apart(a, b)).toBe(true);
    expect(Math.max(a.bottom, b.bottom)).toBeLessThanOrEqual(252);
    expect(Math.max(a.right, b.right)).toBeLessThanOrEqual(plot.right);
  });
});
