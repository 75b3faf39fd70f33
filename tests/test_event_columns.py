"""The events table's figure columns (what filters, charts and sums read) hold an event's own
count; a cumulative tally stays in the record, flagged, and out of the columns."""

import json

from dateline.ingest import ingest
from dateline.store import open_store


def test_a_tally_stays_in_the_record_but_not_in_the_killed_column(tmp_path):
    src = tmp_path / "news.jsonl"
    rows = [
        {"id": "a1", "title": "Talks on Syria open in Vienna", "published": "2015-10-30",
         "text": "VIENNA — Diplomats met in Vienna on Friday over Syria's civil war that has killed more than "
                 "250,000 people, officials said."},
        {"id": "a2", "title": "Car bomb kills 12 in Baghdad", "published": "2015-10-30",
         "text": "BAGHDAD — A car bomb killed 12 people at a market in Baghdad on Friday, police said."},
    ]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    with open_store(tmp_path / "t.db") as store:
        ingest([src], store)
        got = {}
        for killed, record in store.conn.execute("SELECT killed, record FROM events"):
            rec = json.loads(record)
            got[rec["documents"][0]] = (killed, rec.get("killed"))
    killed, figure = got["a1"]
    assert killed is None and figure["best"] == 250000 and figure["tally"] is True
    killed, figure = got["a2"]
    assert killed == 12 and figure["best"] == 12 and not figure["tally"]
