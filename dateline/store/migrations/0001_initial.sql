-- Documents as read, digest items (the events digest pages state), their citations and topics.
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('digest', 'article', 'reference')),
    format TEXT NOT NULL,
    title TEXT,
    url TEXT,
    url_key TEXT,                    -- normalised URL, for matching citations
    title_key TEXT,                  -- normalised title slug, for matching citation URL slugs
    published TEXT,                  -- effective publication date (after linking)
    published_precision TEXT CHECK (published_precision IN ('day', 'month', 'year')),
    published_basis TEXT,
    own_published TEXT,              -- what the document itself (text or metadata) says
    own_precision TEXT CHECK (own_precision IN ('day', 'month', 'year')),
    own_basis TEXT,
    dateline TEXT,                   -- JSON of the story's dateline, or NULL
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    source_path TEXT NOT NULL,
    meta TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX documents_kind ON documents(kind);
CREATE INDEX documents_url_key ON documents(url_key);
CREATE INDEX documents_title_key ON documents(title_key);

CREATE TABLE sections (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    heading TEXT,
    level INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (doc_id, ord)
);

CREATE TABLE infobox_fields (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (doc_id, ord)
);

CREATE TABLE digest_items (
    id TEXT PRIMARY KEY,             -- content-derived: date + normalised headline
    date TEXT,
    headline TEXT NOT NULL,
    path TEXT,
    summary TEXT
);
CREATE INDEX digest_items_date ON digest_items(date);

CREATE TABLE item_listings (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    item_id TEXT NOT NULL REFERENCES digest_items(id),
    role TEXT NOT NULL CHECK (role IN ('main', 'related', 'item')),
    category TEXT,
    start INTEGER,
    "end" INTEGER,
    PRIMARY KEY (doc_id, ord)
);
CREATE INDEX item_listings_item ON item_listings(item_id);

CREATE TABLE citations (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL REFERENCES digest_items(id),
    ord INTEGER NOT NULL,
    name TEXT NOT NULL,
    url TEXT,
    url_key TEXT,
    cited_doc_id TEXT,               -- the ingested document this citation points to, once linked
    PRIMARY KEY (doc_id, item_id, ord)
);
CREATE INDEX citations_item ON citations(item_id);
CREATE INDEX citations_cited ON citations(cited_doc_id);

CREATE TABLE topics (
    id TEXT PRIMARY KEY,             -- slug of the name
    name TEXT NOT NULL
);

CREATE TABLE item_topics (
    item_id TEXT NOT NULL REFERENCES digest_items(id),
    topic_id TEXT NOT NULL REFERENCES topics(id),
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (item_id, topic_id, doc_id)
);
CREATE INDEX item_topics_topic ON item_topics(topic_id);

CREATE TABLE document_topics (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    topic_id TEXT NOT NULL REFERENCES topics(id),
    PRIMARY KEY (doc_id, topic_id)
);
