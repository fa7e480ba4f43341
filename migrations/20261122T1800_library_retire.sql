-- A published item can be retired by a reviewer, with a reason: taken out of the library (no longer shown to readers, searched, counted or exported), its working copy and whole history kept. Submitted for review again, it can be published again.
ALTER TABLE library_item DROP CONSTRAINT library_item_state_check;
ALTER TABLE library_item ADD CONSTRAINT library_item_state_check
  CHECK (state IN ('draft', 'in_review', 'published', 'returned', 'retired'));

ALTER TABLE library_revision DROP CONSTRAINT library_revision_action_check;
ALTER TABLE library_revision ADD CONSTRAINT library_revision_action_check
  CHECK (action IN ('load', 'create', 'edit', 'submit', 'publish', 'return', 'withdraw', 'restore', 'retire'));
