import type { Generated, GeneratedAlways } from 'kysely';

/** The tables as Kysely sees them; kept in step with migrations/ by hand (reviewed together). */
export interface DB {
  m49_region: M49RegionTable;
  area: AreaTable;
  area_name: AreaNameTable;
  area_code_alias: AreaCodeAliasTable;
  income_classification: IncomeClassificationTable;
  reference_load: ReferenceLoadTable;
  bridges_migration: MigrationTable;
  dataset: DatasetTable;
  indicator: IndicatorTable;
  series: SeriesTable;
  observation: ObservationTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  sign_in_failure: SignInFailureTable;
  library_item: LibraryItemTable;
  library_revision: LibraryRevisionTable;
  search_document: SearchDocumentTable;
  search_word: SearchWordTable;
  search_lexeme: SearchLexemeTable;
  search_index_state: SearchIndexStateTable;
}

export interface M49RegionTable {
  code: string;
  name_en: string;
  level: 'region' | 'subregion' | 'intermediate';
  parent_code: string | null;
}

export interface AreaTable {
  code: string;
  kind: 'country' | 'non_iso' | 'former' | 'residual' | 'aggregate';
  aggregate_publisher: Generated<string | null>;
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

export interface DatasetTable {
  id: string;
  family: string;
  title: string;
  publisher: string;
  edition: string;
  release_date: string | null;
  licence: string;
  source_url: string | null;
  citation: string;
  method_notes: string | null;
  caveats: string | null;
  provenance: string;
  checksum: string;
  /** A user's file: the absolute paths of its data file and mapping; null for bundled datasets. */
  loaded_from: string | null;
  observation_count: number;
  loaded_at: Generated<Date>;
}

export interface IndicatorTable {
  id: string;
  name: string;
  unit: string;
  description: string;
  measure_type: 'stock' | 'flow' | 'rate';
  topic: string;
}

export interface SeriesTable {
  id: Generated<number>;
  dataset_id: string;
  indicator_id: string;
  ref_area: string;
  counterpart_area: string | null;
  sex: '_T' | 'M' | 'F';
  freq: 'A' | 'S' | 'Q';
  dims_key: string;
  dims: Record<string, string>;
}

export interface ObservationTable {
  series_id: number;
  period: string;
  period_start: string;
  value: number;
  status: 'A' | 'E' | 'P' | 'I' | 'F';
  flags: string | null;
}

export interface AppUserTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: 'viewer' | 'contributor' | 'reviewer' | 'admin';
  password_hash: string;
  created_at: Generated<Date>;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Date;
}

/** Wrong passwords per account key (SHA-256 of the e-mail typed) in the window that started at window_start. */
export interface SignInFailureTable {
  account_key: string;
  window_start: Date;
  failures: number;
}

export type ItemTypeColumn = 'record' | 'organisation' | 'study';
export type ItemStateColumn = 'draft' | 'in_review' | 'published' | 'returned' | 'retired';
export type RevisionAction =
  'load' | 'create' | 'edit' | 'submit' | 'publish' | 'return' | 'withdraw' | 'restore' | 'retire';

export interface LibraryItemTable {
  id: string;
  type: ItemTypeColumn;
  state: ItemStateColumn;
  version: number;
  /** jsonb: the working copy (validated by the item type's zod schema before it is written). */
  data: unknown;
  /** jsonb: what everyone sees; null until first published. */
  published_data: unknown;
  published_version: number | null;
  review_comment: string | null;
  content_file: string | null;
  content_hash: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

export interface LibraryRevisionTable {
  item_id: string;
  version: number;
  action: RevisionAction;
  state: ItemStateColumn;
  data: unknown;
  author_id: number | null;
  author_label: string;
  comment: string | null;
  created_at: Generated<Date>;
}

export interface SearchDocumentTable {
  type: ItemTypeColumn | 'country' | 'dataset';
  id: string;
  title_en: string;
  title_fr: string | null;
  title_es: string | null;
  summary_en: string | null;
  summary_fr: string | null;
  summary_es: string | null;
  subtitle: unknown;
  facets: string[];
  title_key: string;
  tsv: string;
  /** hashtext(type:id): one fixed pseudo-random order, for samples and bounded ranking. */
  sample_key: GeneratedAlways<number>;
  /** A record's or an organisation's acronyms in every language, as bridges_search_key() writes them. */
  acronym_keys: Generated<string[]>;
}

export interface SearchWordTable {
  word: string;
  ndoc: number;
}

/** The lexemes of search_document.tsv, kept by triggers (migrations/20261122T1700_search_lexemes.sql). */
export interface SearchLexemeTable {
  lexeme: string;
  ndoc: number;
}

/** One row: bumped with every change to search_document, so cached answers know when they are stale. */
export interface SearchIndexStateTable {
  singleton: boolean;
  generation: string;
}
