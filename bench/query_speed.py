"""Event query latency at serving scale: count + one page of 50 records, over ~50,000 events.

usage: python bench/query_speed.py --db GVA_DB [--copies 6]

Takes a database of ingested GVA articles (e.g. the one ``bench/score_counting.py --db FILE``
keeps), copies it, and replicates its events ``--copies`` times in total (ids suffixed, years
shifted back five years per copy, so dates, places, actors and text keep their real
distribution), then times every query of a fixed list, oldest-first and newest-first: one
``count_events`` plus one ``find_events(limit=50)``, best of three. Prints p50 / p95 / max in ms.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from common import emit

from dateline.query import EventQuery, count_events, find_events
from dateline.store import open_store

QUERIES = [
    EventQuery(), EventQuery(place="Memphis, Tennessee", date_from="2017-01", date_to="2017-01", min_killed=1),
    EventQuery(admin1="TX", date_from="2017", date_to="2017", min_wounded=1),
    EventQuery(person="John", date_from="2017", date_to="2017"), EventQuery(text="shot dead"), EventQuery(text="police"),
    EventQuery(place="United States"), EventQuery(min_killed=5), EventQuery(min_killed=1), EventQuery(place="Chicago"),
    EventQuery(side="police"), EventQuery(actor="police"), EventQuery(event_type="Crime"),
    EventQuery(event_type="Shooting", place="Texas"), EventQuery(date_from="2016", date_to="2016"),
    EventQuery(date_from="2015-06-01", date_to="2015-06-01"), EventQuery(text="funeral", place="Illinois"),
]


def replicate(db: Path, copies: int) -> int:
    with open_store(db) as store, store.transaction() as c:
        for k in range(1, copies):
            c.execute("""INSERT INTO events SELECT id || ?, CASE WHEN date IS NULL THEN NULL
                ELSE printf('%04d', CAST(substr(date, 1, 4) AS INTEGER) - ?) || substr(date, 5) END,
                date_end, date_precision, event_type, sub_event_type, place_name, admin1, country, lat, lon,
                killed, wounded, captured, title, record, record_hash FROM events WHERE id NOT LIKE '%~%'""",
                      (f"~{k}", k * 5))
        return c.execute("SELECT count(*) FROM events").fetchone()[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, required=True, help="a database of ingested GVA articles (left unchanged)")
    ap.add_argument("--copies", type=int, default=6)
    ap.add_argument("--out", type=Path, default=None, help="also write the JSON here")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "big.db"
        shutil.copy(args.db, db)
        n = replicate(db, args.copies)
        times = []
        with open_store(db, readonly=True) as store:
            count_events(store, EventQuery(admin1="TX"))  # loads the gazetteer once, as a server would
            for q in QUERIES:
                for newest in (False, True):
                    for passing in (None, False):
                        qq = replace(q, in_passing=passing)
                        best = float("inf")
                        for _ in range(3):
                            t = time.perf_counter()
                            count_events(store, qq)
                            find_events(store, qq, limit=50, newest_first=newest)
                            best = min(best, time.perf_counter() - t)
                        times.append(best * 1000)
    times.sort()
    emit({"events": n, "queries": len(times), "p50_ms": round(statistics.median(times), 1),
          "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1), "max_ms": round(times[-1], 1)}, args.out)


if __name__ == "__main__":
    main()
