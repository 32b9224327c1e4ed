-- Near-duplicate clustering: a MinHash signature per article and its LSH band keys.
-- articles.cluster_id (from 0001) holds the id of the first article of the cluster.
CREATE TABLE article_signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    shingles INTEGER NOT NULL,
    minhash TEXT NOT NULL  -- hex of 128 little-endian uint32 MinHash values
);
CREATE TABLE article_bands (
    band INTEGER NOT NULL,
    key BIGINT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, key, article_id)
);
CREATE INDEX article_bands_article ON article_bands(article_id);
CREATE INDEX articles_cluster ON articles(cluster_id);
