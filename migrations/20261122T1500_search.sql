-- Search at the scale of a large library (measured on 100,000 items, see docs/BENCHMARKS.md): title matches found by index, browsing by title without a sort, and a generation number that lets a server keep answers until the index changes.

-- The title, acronym and name lexemes alone (weight A): which documents hold every query word in
-- a title is answered from this index, without reading each matching document's whole tsvector.
CREATE INDEX search_document_title_lexemes ON search_document USING gin (ts_filter(tsv, '{a}'));

-- An empty query lists everything by title.
CREATE INDEX search_document_title_key ON search_document (title_key, type, id);

-- Bumped in the same transaction as every change to search_document: an answer computed at one
-- generation is valid until it changes, whichever process changed it.
CREATE TABLE search_index_state (
  singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  generation bigint NOT NULL
);
INSERT INTO search_index_state (generation) VALUES (0);
