-- The practice & evidence library: accounts and sessions, library items with their editorial
-- state and every revision, and the one search index of the platform.

-- Accounts. Passwords are stored as scrypt hashes with their parameters; sessions by the SHA-256
-- of their token (a stolen table does not yield a usable cookie).
CREATE TABLE app_user (
  id            serial PRIMARY KEY,
  email         text NOT NULL UNIQUE CHECK (email = lower(email)),
  name          text NOT NULL,
  role          text NOT NULL CHECK (role IN ('viewer', 'contributor', 'reviewer', 'admin')),
  password_hash text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_session (
  token_hash text PRIMARY KEY,
  user_id    int NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX user_session_user ON user_session (user_id);

-- A record (programme, policy, agreement, institution, guideline), an organisation or a study.
-- `data` is the working copy editors see; `published_data` what everyone sees (null until the
-- first publication). `version` grows with every change and guards against silent overwrites.
CREATE TABLE library_item (
  id                text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  type              text NOT NULL CHECK (type IN ('record', 'organisation', 'study')),
  state             text NOT NULL CHECK (state IN ('draft', 'in_review', 'published', 'returned')),
  version           int NOT NULL CHECK (version >= 1),
  data              jsonb NOT NULL,
  published_data    jsonb,
  published_version int,
  review_comment    text,
  -- The repository file the item was loaded from, and the hash of its content at the last load.
  content_file      text,
  content_hash      text,
  created_by        int REFERENCES app_user (id) ON DELETE SET NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_by        int REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK ((published_data IS NULL) = (published_version IS NULL))
);
CREATE INDEX library_item_type_state ON library_item (type, state);
-- Studies are found by the records they evaluate.
CREATE INDEX library_item_study_records ON library_item USING gin ((published_data -> 'records'));

-- Every change, kept: the whole data as it was after the change, who made it and why.
CREATE TABLE library_revision (
  item_id      text NOT NULL REFERENCES library_item (id) ON DELETE CASCADE,
  version      int NOT NULL,
  action       text NOT NULL CHECK (action IN ('load', 'create', 'edit', 'submit', 'publish', 'return', 'withdraw', 'restore')),
  state        text NOT NULL,
  data         jsonb NOT NULL,
  author_id    int REFERENCES app_user (id) ON DELETE SET NULL,
  -- The author's name when the change was made (kept if the account goes), or 'content file'.
  author_label text NOT NULL,
  comment      text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_id, version)
);

-- Full-text configurations per UI language, accent-insensitive (unaccent before stemming), and a
-- language-neutral one for names and acronyms.
CREATE TEXT SEARCH CONFIGURATION bridges_en (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION bridges_en
  ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION bridges_fr (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION bridges_fr
  ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION bridges_es (COPY = pg_catalog.spanish);
ALTER TEXT SEARCH CONFIGURATION bridges_es
  ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, spanish_stem;
CREATE TEXT SEARCH CONFIGURATION bridges_simple (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION bridges_simple
  ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, simple;

-- One search over everything: published library items, countries and datasets. Rebuilt from
-- their tables by src/server/search; never edited by hand.
CREATE TABLE search_document (
  type       text NOT NULL CHECK (type IN ('record', 'organisation', 'study', 'country', 'dataset')),
  id         text NOT NULL,
  title_en   text NOT NULL,
  title_fr   text,
  title_es   text,
  summary_en text,
  summary_fr text,
  summary_es text,
  -- Kind, publisher or region shown under the title, per language.
  subtitle   jsonb,
  -- 'type:record', 'kind:programme', 'theme:diaspora', 'region:002', 'country:GHA', …
  facets     text[] NOT NULL DEFAULT '{}',
  -- Titles unaccented and lower-cased: a title match ranks first.
  title_key  text NOT NULL,
  tsv        tsvector NOT NULL,
  PRIMARY KEY (type, id)
);
CREATE INDEX search_document_tsv ON search_document USING gin (tsv);
CREATE INDEX search_document_facets ON search_document USING gin (facets);
CREATE INDEX search_document_title_trgm ON search_document USING gin (title_key gin_trgm_ops);

-- The words of the index, for typo correction by trigram similarity.
CREATE TABLE search_word (
  word  text PRIMARY KEY,
  ndoc  int NOT NULL
);
CREATE INDEX search_word_trgm ON search_word USING gin (word gin_trgm_ops);
