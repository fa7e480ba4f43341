-- An item's acronyms in every language (IOM, OIM), as bridges_search_key() writes them, kept in its
-- search document: a search that is one of them ranks the item as a title that is the query, read
-- from the row (as the title key is) rather than from library_item for every document matched.
ALTER TABLE search_document ADD COLUMN acronym_keys text[] NOT NULL DEFAULT '{}';
ALTER TABLE search_document ALTER COLUMN acronym_keys SET STORAGE MAIN;

UPDATE search_document d
SET acronym_keys = ARRAY(
  SELECT DISTINCT bridges_search_key(a.acronym)
  FROM library_item i
  CROSS JOIN LATERAL (VALUES (i.published_data ->> 'acronym'), (i.published_data #>> '{acronyms,fr}'),
                             (i.published_data #>> '{acronyms,es}')) a(acronym)
  WHERE i.id = d.id AND a.acronym IS NOT NULL
  ORDER BY 1)
WHERE d.type IN ('record', 'organisation');
