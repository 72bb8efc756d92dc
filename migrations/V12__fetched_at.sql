-- When a page was fetched, as its web archive says (WARC-Date): a crawl
-- date, which is not the publication date and is kept apart from it.
ALTER TABLE articles ADD COLUMN fetched_at TEXT;
