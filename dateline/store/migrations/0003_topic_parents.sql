-- Topic hierarchy: an encyclopedia article's infobox "Part of" chain ("the Deir ez-Zor Governorate
-- campaign of the Syrian civil war") makes its title a child of the campaign, and the campaign
-- a child of the war. Rows belong to the document that stated them.
CREATE TABLE topic_parents (
    child_id TEXT NOT NULL REFERENCES topics(id),
    parent_id TEXT NOT NULL REFERENCES topics(id),
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (child_id, parent_id, doc_id)
);
CREATE INDEX topic_parents_parent ON topic_parents(parent_id);
