-- Event mentions extracted from documents, with their casualty claims, actors and people.
CREATE TABLE mentions (
    id TEXT PRIMARY KEY,                 -- "<doc_id>#<ord>"
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    item_id TEXT REFERENCES digest_items(id),   -- set when the mention is a digest item
    lead INTEGER NOT NULL DEFAULT 0,     -- 1 for a document's main event
    sentences TEXT NOT NULL,             -- JSON [[start, end], ...] offsets into documents.text
    date TEXT,
    date_end TEXT,
    date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year')),
    date_basis TEXT,
    place TEXT,                          -- JSON of the Place, or NULL
    place_relation TEXT,
    event_type TEXT,
    sub_event_type TEXT,
    type_trigger TEXT,
    UNIQUE (doc_id, ord)
);
CREATE INDEX mentions_item ON mentions(item_id);
CREATE INDEX mentions_date ON mentions(date);

CREATE TABLE claims (
    mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('killed', 'wounded', 'captured')),
    low INTEGER,
    best INTEGER,
    high INTEGER,
    who TEXT,
    side TEXT,
    claimed_by TEXT,
    tally INTEGER NOT NULL DEFAULT 0,
    vague INTEGER NOT NULL DEFAULT 0,        -- "dozens", "several": a vague quantity, not a count
    trigger TEXT,                            -- the word that set the kind: "killed", "shot", "critical" ...
    start INTEGER,
    "end" INTEGER,
    quote TEXT NOT NULL,
    PRIMARY KEY (mention_id, ord)
);

CREATE TABLE mention_actors (
    mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    side TEXT,
    PRIMARY KEY (mention_id, name)
);

CREATE TABLE mention_people (
    mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT,
    status TEXT,
    PRIMARY KEY (mention_id, ord)
);

-- which documents have been extracted, and from what (content + publication date + extractor version)
CREATE TABLE extraction_state (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    key TEXT NOT NULL
);
