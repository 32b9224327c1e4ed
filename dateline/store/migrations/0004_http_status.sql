-- The HTTP status of the response an article came from (dateline fetch, WARC records);
-- NULL for files and stdin.
ALTER TABLE articles ADD COLUMN http_status INTEGER;
