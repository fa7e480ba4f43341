/**
 * Classification vocabularies and helpers without any dependency, so the UI can import them
 * without pulling zod into its bundle.
 */

/** World Bank income groups, as the World Bank abbreviates them in its historical classification. */
export const INCOME_GROUPS = ['L', 'LM', 'UM', 'H'] as const;
export type IncomeGroup = (typeof INCOME_GROUPS)[number];

/** Fiscal years covered by the bundled World Bank classification (OGHIST, FY89–FY25). */
export const FIRST_FISCAL_YEAR = 1989;
export const LAST_FISCAL_YEAR = 2025;

/**
 * What an area is. `country`: has an ISO 3166-1 code. `non_iso`: a territory the data sources
 * report on that ISO does not code (Kosovo, Channel Islands). `former`: a state that no longer
 * exists but appears in historical series (USSR, Yugoslavia). `residual`: a statistical category
 * rather than a place (unknown origin, stateless). `aggregate`: a group a publisher computed figures
 * for (World, a region, an income group), named after that publisher.
 */
export const AREA_KINDS = ['country', 'non_iso', 'former', 'residual', 'aggregate'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** "FY25", "fy2025", "2025" → 2025. Returns null when the text is not a fiscal year. */
export function parseFiscalYear(text: string): number | null {
  const m = /^(?:fy)?(\d{2}|\d{4})$/i.exec(text.trim());
  if (!m?.[1]) return null;
  const n = Number(m[1]);
  const year = m[1].length === 4 ? n : n >= 50 ? 1900 + n : 2000 + n;
  return year >= FIRST_FISCAL_YEAR && year <= LAST_FISCAL_YEAR ? year : null;
}

/** 2025 → "FY25", the World Bank's own label. */
export function fiscalYearLabel(year: number): string {
  return `FY${String(year % 100).padStart(2, '0')}`;
}

/** The World Bank's own names of its income groups. */
export const INCOME_GROUP_NAMES: Record<IncomeGroup, string> = {
  L: 'Low income',
  LM: 'Lower middle income',
  UM: 'Upper middle income',
  H: 'High income',
};
