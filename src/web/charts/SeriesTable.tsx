import type { UiLanguage } from '../../core/languages.js';
import { comparePeriods, formatPeriod } from '../format.js';
import { useLang, useT, type Messages } from '../i18n.js';
import { DataTable } from '../components/DataTable.js';
import type { Bar } from './BarChart.js';
import type { LineSeries } from './LineChart.js';

/** Line series as a table: one row per period, one column per series. */
export function SeriesTable({
  caption,
  series,
  formatValue,
}: {
  caption: string;
  series: readonly LineSeries[];
  formatValue: (value: number) => string;
}) {
  const t = useT();
  const lang = useLang();
  const periods = [...new Set(series.flatMap((s) => s.points.map((p) => p.period)))].sort(comparePeriods);
  return (
    <DataTable
      caption={caption}
      columns={[
        { key: 'period', label: t.colPeriod },
        ...series.map((s) => ({ key: s.key, label: s.label, numeric: true })),
      ]}
      rows={periods.map((period) => ({
        key: period,
        cells: Object.fromEntries([
          ['period', formatPeriod(period, lang)],
          ...series.map((s) => {
            const value = s.points.find((p) => p.period === period)?.value;
            return [s.key, value === null || value === undefined ? '—' : formatValue(value)];
          }),
        ]),
      }))}
    />
  );
}

/** One sentence per series: where it starts and where it ends. */
export function describeLines(
  series: readonly LineSeries[],
  formatValue: (v: number) => string,
  t: Messages,
  lang: UiLanguage,
): string {
  return series
    .map((s) => {
      const points = [...s.points].filter((p) => p.value !== null).sort((a, b) => comparePeriods(a.period, b.period));
      const first = points[0];
      const last = points.at(-1);
      if (!first || !last || first.value === null || last.value === null) return `${s.label}${t.colon}${t.noValues}`;
      return t.seriesSummary(
        s.label,
        formatPeriod(first.period, lang),
        formatValue(first.value),
        formatPeriod(last.period, lang),
        formatValue(last.value),
      );
    })
    .join(' ');
}

/** The bars in words, in their order. */
export function describeBars(bars: readonly Bar[], formatValue: (v: number) => string, t: Messages): string {
  return bars
    .map(
      (b) =>
        `${b.label}${b.detail ? ` (${b.detail})` : ''}${t.colon}${formatValue(b.value)}${b.flag ? ` (${b.flag})` : ''}`,
    )
    .join('; ');
}
