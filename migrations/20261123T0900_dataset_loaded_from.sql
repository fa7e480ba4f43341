-- Where a user's own file was imported from: the absolute paths of its data file and mapping. Another
-- file under the same dataset id (the same names in another folder, or a mapping that sets its own
-- provenance) replaces that edition only with --force. NULL for the bundled datasets.
ALTER TABLE dataset ADD COLUMN loaded_from text;
-- Users' files imported before this was recorded: marked as such, so that any file under their id
-- asks for --force once.
UPDATE dataset SET loaded_from = 'an earlier import (' || provenance || ')'
WHERE provenance LIKE 'Imported from the user''s file %';
