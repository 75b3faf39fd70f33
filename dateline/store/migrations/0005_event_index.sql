-- What event queries (dateline/query) read instead of the wide event rows: a narrow row of each
-- event's filter and sort columns, its actors, sides and topics, and full text of its title,
-- evidence sentences and people's names (FTS5). Every table is keyed by the event row's rowid.
--
-- They are derived from the stored row and record by triggers, so they change in the same
-- transaction as the event (dateline/resolve/store_events.py replaces a changed event by
-- DELETE + INSERT; an UPDATE of an event row is refused, as it would leave the index stale).

-- the event's filter and sort columns, one narrow row per event (rid = events.rowid): filtering and
-- sorting read these instead of the wide rows that carry the JSON record
CREATE TABLE event_keys (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    date TEXT,
    date_precision TEXT,
    event_type TEXT COLLATE NOCASE,
    sub_event_type TEXT COLLATE NOCASE,
    place_name TEXT COLLATE NOCASE,
    admin1 TEXT COLLATE NOCASE,
    country TEXT COLLATE NOCASE,
    lat REAL,
    lon REAL,
    killed INTEGER,
    wounded INTEGER,
    captured INTEGER,
    in_passing INTEGER                  -- 1: only mentioned in passing in articles (record key in_passing)
);
-- oldest first with undated last, and newest first with undated last
CREATE INDEX event_keys_order_asc ON event_keys(date IS NULL, date, id);
CREATE INDEX event_keys_order_desc ON event_keys(date IS NOT NULL, date, id);
CREATE INDEX event_keys_date ON event_keys(date);
CREATE INDEX event_keys_country ON event_keys(country);
CREATE INDEX event_keys_admin1 ON event_keys(admin1);
CREATE INDEX event_keys_place ON event_keys(place_name);
CREATE INDEX event_keys_type ON event_keys(event_type);
CREATE INDEX event_keys_sub_type ON event_keys(sub_event_type);
CREATE INDEX event_keys_killed ON event_keys(killed);
CREATE INDEX event_keys_wounded ON event_keys(wounded);

CREATE TABLE event_actors (
    name TEXT NOT NULL COLLATE NOCASE,
    rid INTEGER NOT NULL,
    side TEXT,
    PRIMARY KEY (name, rid)
) WITHOUT ROWID;
CREATE INDEX event_actors_rid ON event_actors(rid);

-- every side the event concerns: its actors' sides, its claims' sides, its figures' by_side keys
CREATE TABLE event_sides (
    side TEXT NOT NULL COLLATE NOCASE,
    rid INTEGER NOT NULL,
    PRIMARY KEY (side, rid)
) WITHOUT ROWID;
CREATE INDEX event_sides_rid ON event_sides(rid);

CREATE TABLE event_topics (
    name TEXT NOT NULL COLLATE NOCASE,
    rid INTEGER NOT NULL,
    PRIMARY KEY (name, rid)
) WITHOUT ROWID;
CREATE INDEX event_topics_rid ON event_topics(rid);

-- title and evidence sentences, stemmed ("killing" finds "killed"); people's names, unstemmed
CREATE VIRTUAL TABLE event_text USING fts5(title, evidence, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE event_names USING fts5(names, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER events_index_insert AFTER INSERT ON events BEGIN
    INSERT INTO event_keys (rid, id, date, date_precision, event_type, sub_event_type, place_name, admin1, country,
                            lat, lon, killed, wounded, captured, in_passing)
        VALUES (new.rowid, new.id, new.date, new.date_precision, new.event_type, new.sub_event_type, new.place_name,
                new.admin1, new.country, new.lat, new.lon, new.killed, new.wounded, new.captured,
                json_extract(new.record, '$.in_passing'));
    INSERT OR IGNORE INTO event_actors (name, rid, side)
        SELECT json_extract(a.value, '$.name'), new.rowid, json_extract(a.value, '$.side')
        FROM json_each(new.record, '$.actors') a WHERE json_extract(a.value, '$.name') IS NOT NULL;
    INSERT OR IGNORE INTO event_sides (side, rid)
        SELECT json_extract(a.value, '$.side'), new.rowid FROM json_each(new.record, '$.actors') a
        WHERE json_extract(a.value, '$.side') IS NOT NULL
        UNION SELECT json_extract(c.value, '$.side'), new.rowid FROM json_each(new.record, '$.claims') c
        WHERE json_extract(c.value, '$.side') IS NOT NULL
        UNION SELECT s.key, new.rowid FROM json_each(new.record, '$.killed.by_side') s WHERE s.key IS NOT NULL
        UNION SELECT s.key, new.rowid FROM json_each(new.record, '$.wounded.by_side') s WHERE s.key IS NOT NULL
        UNION SELECT s.key, new.rowid FROM json_each(new.record, '$.captured.by_side') s WHERE s.key IS NOT NULL;
    INSERT OR IGNORE INTO event_topics (name, rid)
        SELECT t.value, new.rowid FROM json_each(new.record, '$.topics') t WHERE t.value IS NOT NULL;
    INSERT INTO event_text (rowid, title, evidence)
        SELECT new.rowid, new.title, (SELECT group_concat(json_extract(m.value, '$.text'), ' ')
                                      FROM json_each(new.record, '$.mentions') m);
    INSERT INTO event_names (rowid, names)
        SELECT new.rowid, (SELECT group_concat(json_extract(p.value, '$.name'), ' ; ')
                           FROM json_each(new.record, '$.people') p)
        WHERE json_array_length(new.record, '$.people') > 0;
END;

CREATE TRIGGER events_index_delete AFTER DELETE ON events BEGIN
    DELETE FROM event_keys WHERE rid = old.rowid;
    DELETE FROM event_actors WHERE rid = old.rowid;
    DELETE FROM event_sides WHERE rid = old.rowid;
    DELETE FROM event_topics WHERE rid = old.rowid;
    DELETE FROM event_text WHERE rowid = old.rowid;
    DELETE FROM event_names WHERE rowid = old.rowid;
END;

CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN
    SELECT RAISE(ABORT, 'event rows are replaced (DELETE then INSERT), never updated: the query index follows inserts and deletes');
END;

-- index the events stored before this migration: take them out and put them back (same rowids)
CREATE TEMP TABLE migrate_events AS SELECT rowid AS rid, * FROM events;
CREATE TEMP TABLE migrate_event_documents AS SELECT * FROM event_documents;
DELETE FROM events;
INSERT INTO events (rowid, id, date, date_end, date_precision, event_type, sub_event_type, place_name, admin1,
                    country, lat, lon, killed, wounded, captured, title, record, record_hash)
    SELECT rid, id, date, date_end, date_precision, event_type, sub_event_type, place_name, admin1,
           country, lat, lon, killed, wounded, captured, title, record, record_hash FROM migrate_events;
INSERT OR IGNORE INTO event_documents SELECT * FROM migrate_event_documents;
DROP TABLE migrate_events;
DROP TABLE migrate_event_documents;
