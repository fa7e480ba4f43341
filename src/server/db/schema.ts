import type { Generated } from 'kysely';

/** The tables as Kysely sees them; kept in step with migrations/ by hand (reviewed together). */
export interface DB {
  m49_region: M49RegionTable;
  area: AreaTable;
  area_name: AreaNameTable;
  area_code_alias: AreaCodeAliasTable;
  income_classification: IncomeClassificationTable;
  reference_load: ReferenceLoadTable;
  bridges_migration: MigrationTable;
}

export interface M49RegionTable {
  code: string;
  name_en: string;
  level: 'region' | 'subregion' | 'intermediate';
  parent_code: string | null;
}

export interface AreaTable {
  code: string;
  kind: 'country' | 'non_iso' | 'former' | 'residual';
  iso2: string | null;
  iso_numeric: string | null;
  m49: string | null;
  name_en: string;
  region_code: string | null;
  subregion_code: string | null;
  intermediate_code: string | null;
  wb_region: string | null;
  is_ldc: boolean;
  is_lldc: boolean;
  is_sids: boolean;
  note: string | null;
}

export interface AreaNameTable {
  area_code: string;
  lang: string;
  name_type: 'short' | 'formal' | 'other';
  name: string;
  search_key: Generated<string>;
}

export interface AreaCodeAliasTable {
  alias: string;
  area_code: string;
  source: string;
}

export interface IncomeClassificationTable {
  area_code: string;
  fiscal_year: number;
  gni_year: number | null;
  income_group: 'L' | 'LM' | 'UM' | 'H' | null;
  source_value: string | null;
}

export interface ReferenceLoadTable {
  source: string;
  checksum: string;
  row_count: number;
  loaded_at: Generated<Date>;
}

export interface MigrationTable {
  name: string;
  applied_at: Generated<Date>;
}
