"""Ingest throughput on real data: the GVA news articles and the current-events digests.

usage: python bench/ingest_speed.py [--shared ../shared] [--out bench/results/ingest_speed.json]

Prints one JSON object: documents (and digest items) per second for a first ingest into
a new SQLite file, the time of a second, no-op ingest of the same inputs, and whether the
row counts stayed identical. Gold labels are stripped first with the reference
make_inputs.py, so the reader never sees them.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import emit

from dateline.ingest import ingest
from dateline.store import open_store

ROOT = Path(__file__).resolve().parents[1]


def timed_ingest(paths: list[Path], db: Path) -> dict:
    with open_store(db) as store:
        t = time.perf_counter()
        report = ingest(paths, store)
        first = time.perf_counter() - t
        counts = store.counts()
        t = time.perf_counter()
        again = ingest(paths, store)
        second = time.perf_counter() - t
        same = store.counts() == counts
    docs = report.documents_read
    return {"documents": docs, "problems": len(report.problems), "digest_items": counts["digest_items"],
            "seconds": round(first, 2), "docs_per_s": round(docs / first, 1),
            "items_per_s": round(counts["digest_items"] / first, 1) if counts["digest_items"] else None,
            "reingest_seconds": round(second, 2), "reingest_unchanged": sum(
                n for (_k, outcome), n in again.written.items() if outcome == "unchanged") == docs,
            "row_counts_identical": same}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=None, help="also write the JSON here")
    args = ap.parse_args()
    res = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        gva_in = tmp / "gva_in.jsonl"
        subprocess.run([sys.executable, str(args.shared / "scoring/make_inputs.py"), "gva",
                        str(args.shared / "bench/gva/docs.jsonl"), str(gva_in)], check=True)
        res["gva_jsonl"] = timed_ingest([gva_in], tmp / "gva.db")
        res["current_events_yaml"] = timed_ingest([args.shared / "bench/current_events"], tmp / "ce.db")
        res["seeds"] = timed_ingest([args.shared / "seeds"], tmp / "seeds.db")
    res["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    emit(res, args.out)


if __name__ == "__main__":
    main()
