-- Events as resolved from mentions, stored so that reading, serving and exporting them is a
-- query. Refreshed after every ingest that changed something: rows whose record changed are
-- updated, new ones added, vanished ones removed.
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    date TEXT,
    date_end TEXT,
    date_precision TEXT,
    event_type TEXT,
    sub_event_type TEXT,
    place_name TEXT,
    admin1 TEXT,
    country TEXT,
    lat REAL,
    lon REAL,
    killed INTEGER,
    wounded INTEGER,
    captured INTEGER,
    title TEXT NOT NULL,
    record TEXT NOT NULL,                -- the event record of DESIGN.md, as JSON
    record_hash TEXT NOT NULL
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_place ON events(country, admin1, place_name);
CREATE INDEX events_type ON events(event_type, sub_event_type);

CREATE TABLE event_documents (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL,
    PRIMARY KEY (event_id, doc_id)
);
CREATE INDEX event_documents_doc ON event_documents(doc_id);
