-- Full-text search over article text and quotes (PostgreSQL text search, English stemming).
-- Expression indexes keep the tables' columns the same as in every other dialect; queries
-- repeat these expressions exactly so the planner uses the indexes.
CREATE INDEX articles_fts ON articles USING GIN (to_tsvector('english'::regconfig, COALESCE(title, '') || ' ' || text));
CREATE INDEX quotes_fts ON quotes USING GIN (to_tsvector('english'::regconfig, COALESCE(speaker, '') || ' ' || content));
