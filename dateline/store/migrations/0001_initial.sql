-- dateline schema, version 1. Offsets are [start, end) characters into articles.text.
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    source TEXT NOT NULL,
    url TEXT,
    title TEXT,
    date TEXT,
    publisher TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    agencies TEXT NOT NULL DEFAULT '[]',
    language TEXT,
    text TEXT NOT NULL,
    paragraphs TEXT NOT NULL DEFAULT '[]',
    analysed INTEGER NOT NULL DEFAULT 1,
    note TEXT,
    fetched_at TEXT,
    cluster_id TEXT,
    pipeline_version TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_date ON articles(date);
CREATE INDEX articles_hash ON articles(content_hash);

CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    role TEXT,
    organisation TEXT,
    mentions TEXT NOT NULL DEFAULT '[]',
    pipeline_version TEXT NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX entities_name ON entities(name);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    speaker TEXT,
    speaker_entity TEXT,
    speaker_mention TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    cue TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    stance TEXT NOT NULL,
    kind TEXT NOT NULL,
    content TEXT NOT NULL,
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL,
    content_spans TEXT NOT NULL,
    sentence_start INTEGER,
    sentence_end INTEGER,
    confidence REAL NOT NULL,
    pipeline_version TEXT NOT NULL,
    UNIQUE (article_id, seq)
);
CREATE INDEX quotes_speaker ON quotes(speaker);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    category TEXT NOT NULL,
    mode TEXT,
    cameo TEXT,
    actor TEXT NOT NULL,
    recipient TEXT NOT NULL,
    trigger TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    negated INTEGER NOT NULL,
    hypothetical INTEGER NOT NULL,
    reported_by TEXT,
    date TEXT,
    location TEXT,
    context TEXT NOT NULL DEFAULT '[]',
    confidence REAL NOT NULL,
    pipeline_version TEXT NOT NULL,
    UNIQUE (article_id, seq)
);
CREATE INDEX events_category ON events(category);
CREATE INDEX events_date ON events(date);

-- One row per actor or recipient, so events can be filtered by country, sector or name.
CREATE TABLE event_actors (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    side TEXT NOT NULL,
    name TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    entity TEXT
);
CREATE INDEX event_actors_country ON event_actors(country, side);
CREATE INDEX event_actors_event ON event_actors(event_id);

CREATE TABLE skipped (
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    doc_id TEXT,
    first_seen TEXT NOT NULL,
    PRIMARY KEY (source, reason)
);
