"""Resolution time and how it grows with the input: 10%, 25%, 50%, 100% of the mentions.

usage: python bench/resolve_speed.py [--gva-db FILE] [--ce-db FILE]

Builds (or reuses) a database of the GVA articles and one of the current-events digests,
then times loading the mentions and clustering them (dateline.resolve) on growing prefixes
of the mentions (sorted by id, so each prefix is a fixed sample). Prints JSON: per corpus
and fraction, mentions, events and seconds, and the ratio of time per mention at 100% to
time per mention at 10% (near 1 means near-linear).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
import time
from pathlib import Path

from common import SHARED, make_inputs

from dateline.ingest import ingest
from dateline.resolve.cluster import cluster
from dateline.resolve.mentions import load_mentions
from dateline.store import open_store

FRACTIONS = (0.1, 0.25, 0.5, 1.0)


def build(db: Path, inputs: list[Path]) -> None:
    if not db.exists():
        with open_store(db) as store:
            ingest(inputs, store)


def measure(db: Path) -> dict:
    c = sqlite3.connect(db)
    t = time.perf_counter()
    mentions = load_mentions(c)
    load_s = time.perf_counter() - t
    cited = c.execute("SELECT item_id, cited_doc_id FROM citations WHERE cited_doc_id IS NOT NULL").fetchall()
    rows = []
    for f in FRACTIONS:
        part = mentions[: int(len(mentions) * f)]
        t = time.perf_counter()
        events = cluster(part, cited)
        rows.append({"fraction": f, "mentions": len(part), "events": len(events),
                     "cluster_seconds": round(time.perf_counter() - t, 3)})
    per = [r["cluster_seconds"] / max(1, r["mentions"]) for r in rows]
    return {"load_seconds_all": round(load_s, 2), "runs": rows,
            "time_per_mention_100_vs_10": round(per[-1] / per[0], 2) if per[0] else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gva-db", type=Path, default=None)
    ap.add_argument("--ce-db", type=Path, default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        gva_db = args.gva_db or tmp / "gva.db"
        ce_db = args.ce_db or tmp / "ce.db"
        build(gva_db, [make_inputs("gva", SHARED / "bench/gva/docs.jsonl", tmp / "gva_in.jsonl")])
        build(ce_db, [SHARED / "bench/current_events"])
        print(json.dumps({"gva": measure(gva_db), "current_events": measure(ce_db)}))


if __name__ == "__main__":
    main()
