-- Full-text rows for new articles and quotes are added by the importer, one
-- statement per batch, instead of by a trigger per row: a trigger makes
-- every INSERT a statement transaction, and FTS5 flushes its pending index
-- at each one, writing thousands of tiny segments and merging them again.
-- Updates and deletes keep the index in step by their triggers, as before.
DROP TRIGGER articles_fts_insert;
DROP TRIGGER quotes_fts_insert;
