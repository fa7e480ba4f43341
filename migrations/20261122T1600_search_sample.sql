-- Search bounded in cost whatever the size of the match (src/server/search): a large match is counted over a sample and ranked among a bounded set of candidates, both taken in one fixed pseudo-random order of the documents; a document's words stay in its row; titles that start with the query are found whatever the database's collation.

-- What every search reads stays in the row: the words (tsv), the facets and the title key are
-- compressed in place before anything else moves out, and the summaries and titles, read only for
-- the page shown, are the first to go to the TOAST table. (By default the words, the largest
-- column, went there in most rows, and reading them cost two to three times as much.)
ALTER TABLE search_document
  ALTER COLUMN tsv SET STORAGE MAIN,
  ALTER COLUMN facets SET STORAGE MAIN,
  ALTER COLUMN title_key SET STORAGE MAIN;

-- The order: a hash of the document's key. hashtext is the hash stored by PostgreSQL's hash
-- indexes, which survive upgrades, so it does not change between versions; PGlite computes the
-- same values. "The first n documents by sample_key" is a uniform sample, the same on every engine.
-- (Adding the column rewrites the table, so existing rows take the storage above.)
ALTER TABLE search_document
  ADD COLUMN sample_key int NOT NULL GENERATED ALWAYS AS (hashtext(type || ':' || id)) STORED;
CREATE INDEX search_document_sample_key ON search_document (sample_key, type, id);

-- Titles that start with the query, by a range of bytes (search_document_title_key follows the
-- database's collation, in which a prefix is not always a range).
CREATE INDEX search_document_title_prefix ON search_document ((title_key COLLATE "C"), type, id);
