-- Summaries read narrow indexes, never the wide rows.
--
-- An article's row holds its body and a quotation's row its text, so
-- reading an outlet, a date or a speaker through the row pulls in a page
-- of prose for a few bytes. Past the page cache (about 20k articles) the
-- summary refresh spent most of its time doing that: at 100k articles the
-- outlets' summary took 3.8 s and the speakers' 1.6 s of a 98 s import.
-- These indexes carry what the summaries count, so the refresh reads
-- only them. Two replace indexes on the same leading column; `articles_meta`
-- is read by joins from a quotation to its article (`INDEXED BY`: the
-- planner would otherwise take the rowid, which is the wide row).

DROP INDEX articles_outlet;
CREATE INDEX articles_outlet ON articles(outlet_id, published_at, word_count, language);
CREATE INDEX articles_meta ON articles(id, outlet_id, published_at);

DROP INDEX quotes_article;
CREATE INDEX quotes_article ON quotes(article_id, speaker_id, region, kind);
DROP INDEX quotes_speaker;
CREATE INDEX quotes_speaker ON quotes(speaker_id, article_id, region, kind);
