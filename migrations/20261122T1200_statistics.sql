-- The evidence data hub in the SDMX spirit: datasets (one per publisher edition) → series (indicator × dimensions) → observations with attributes; publisher aggregates become areas of kind 'aggregate'.

-- Aggregates the publishers computed (World, regions, income groups) are areas too, so every
-- observation has a reference area, but they are marked and named after their publisher.
ALTER TABLE area DROP CONSTRAINT area_kind_check;
ALTER TABLE area ADD CONSTRAINT area_kind_check CHECK (kind IN ('country', 'non_iso', 'former', 'residual', 'aggregate'));
ALTER TABLE area DROP CONSTRAINT area_code_check;
ALTER TABLE area ADD CONSTRAINT area_code_check CHECK (code ~ '^[A-Z][A-Z0-9]{2}$' OR (kind = 'aggregate' AND code ~ '^[A-Z]+_[A-Z0-9_]+$'));
ALTER TABLE area ADD COLUMN aggregate_publisher text;
ALTER TABLE area ADD CONSTRAINT area_aggregate_publisher_check CHECK ((kind = 'aggregate') = (aggregate_publisher IS NOT NULL));

CREATE TABLE dataset (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
  family text NOT NULL,
  title text NOT NULL,
  publisher text NOT NULL,
  edition text NOT NULL,
  release_date date,
  licence text NOT NULL,
  source_url text,
  citation text NOT NULL,
  method_notes text,
  caveats text,
  provenance text NOT NULL,
  checksum text NOT NULL,
  observation_count integer NOT NULL DEFAULT 0,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dataset_family_idx ON dataset (family);

CREATE TABLE indicator (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9_]+$'),
  name text NOT NULL,
  unit text NOT NULL,
  description text NOT NULL,
  -- 'stock' values are summed over dimensions (migrants, money); 'rate' values are not (percent).
  measure_type text NOT NULL CHECK (measure_type IN ('stock', 'flow', 'rate')),
  topic text NOT NULL
);

-- One series per dataset, indicator and dimension values; `dims` holds the dimensions a source
-- needs beyond area, counterpart and sex (education level, refugee group, transfer amount…).
CREATE TABLE series (
  id serial PRIMARY KEY,
  dataset_id text NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
  indicator_id text NOT NULL REFERENCES indicator (id),
  ref_area text NOT NULL REFERENCES area (code),
  counterpart_area text REFERENCES area (code),
  sex text NOT NULL DEFAULT '_T' CHECK (sex IN ('_T', 'M', 'F')),
  freq text NOT NULL CHECK (freq IN ('A', 'S', 'Q')),
  dims_key text NOT NULL DEFAULT '',
  dims jsonb NOT NULL DEFAULT '{}',
  UNIQUE NULLS NOT DISTINCT (dataset_id, indicator_id, ref_area, counterpart_area, sex, freq, dims_key)
);
CREATE INDEX series_indicator_area_idx ON series (indicator_id, ref_area);
CREATE INDEX series_indicator_counterpart_idx ON series (indicator_id, counterpart_area);

-- Observation attributes follow SDMX: status A normal, E estimated, P provisional, I imputed,
-- F forecast; `flags` keeps the source's own type-of-data codes as printed.
CREATE TABLE observation (
  series_id integer NOT NULL REFERENCES series (id) ON DELETE CASCADE,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}(-(Q[1-4]|S[12]))?$'),
  period_start date NOT NULL,
  value float8 NOT NULL,
  status text NOT NULL DEFAULT 'A' CHECK (status IN ('A', 'E', 'P', 'I', 'F')),
  flags text,
  PRIMARY KEY (series_id, period)
);
