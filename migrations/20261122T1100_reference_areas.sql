-- Countries and areas with their codes, UN M49 classification, names in the UN languages and World Bank income groups: the reference every dataset joins to.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- The key a name is searched by: accents, case and punctuation (including typographic quotes) ignored.
-- Declared IMMUTABLE so it can be indexed; unaccent's dictionary does not change under us.
CREATE FUNCTION bridges_search_key(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, t)),
                                     '[[:space:][:punct:]’‘“”«»–—]+', ' ', 'g')) $$;

CREATE TABLE m49_region (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{3}$'),
  name_en text NOT NULL,
  level text NOT NULL CHECK (level IN ('region', 'subregion', 'intermediate')),
  parent_code text REFERENCES m49_region (code)
);

CREATE TABLE area (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9]{2}$'),
  kind text NOT NULL CHECK (kind IN ('country', 'non_iso', 'former', 'residual')),
  iso2 text UNIQUE CHECK (iso2 ~ '^[A-Z]{2}$'),
  iso_numeric text CHECK (iso_numeric ~ '^[0-9]{3}$'),
  m49 text CHECK (m49 ~ '^[0-9]{3}$'),
  name_en text NOT NULL,
  region_code text REFERENCES m49_region (code),
  subregion_code text REFERENCES m49_region (code),
  intermediate_code text REFERENCES m49_region (code),
  wb_region text,
  is_ldc boolean NOT NULL DEFAULT false,
  is_lldc boolean NOT NULL DEFAULT false,
  is_sids boolean NOT NULL DEFAULT false,
  note text
);
CREATE INDEX area_region_idx ON area (region_code);
CREATE INDEX area_subregion_idx ON area (subregion_code);

-- Every name of an area: the short and formal names in each UN language, and other names sources use.
CREATE TABLE area_name (
  area_code text NOT NULL REFERENCES area (code) ON DELETE CASCADE,
  lang text NOT NULL CHECK (lang IN ('en', 'fr', 'es', 'ar', 'zh', 'ru')),
  name_type text NOT NULL CHECK (name_type IN ('short', 'formal', 'other')),
  name text NOT NULL,
  search_key text GENERATED ALWAYS AS (bridges_search_key(name)) STORED,
  PRIMARY KEY (area_code, lang, name_type, name)
);
CREATE INDEX area_name_key_trgm_idx ON area_name USING gin (search_key gin_trgm_ops);

-- Other codes the publishers use for an area (the World Bank's CHI for the Channel Islands).
-- Keyed by source: the World Bank's income history says YUG for Serbia and Montenegro, while YUG is
-- ISO 3166-3's code for the former Yugoslavia.
CREATE TABLE area_code_alias (
  source text NOT NULL,
  alias text NOT NULL,
  area_code text NOT NULL REFERENCES area (code) ON DELETE CASCADE,
  PRIMARY KEY (source, alias)
);

-- World Bank analytical income classification, one row per area and Bank fiscal year.
CREATE TABLE income_classification (
  area_code text NOT NULL REFERENCES area (code) ON DELETE CASCADE,
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 1980 AND 2100),
  gni_year integer,
  income_group text CHECK (income_group IN ('L', 'LM', 'UM', 'H')),
  source_value text,
  PRIMARY KEY (area_code, fiscal_year)
);
CREATE INDEX income_classification_year_group_idx ON income_classification (fiscal_year, income_group);

-- What was loaded from which bundled file, so a restart loads only what changed.
CREATE TABLE reference_load (
  source text PRIMARY KEY,
  checksum text NOT NULL,
  row_count integer NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
