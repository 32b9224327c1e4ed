-- Full-text search over article text and quotes (SQLite FTS5, external content).
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
CREATE VIRTUAL TABLE quotes_fts USING fts5(speaker, content, content='quotes', content_rowid='id');
