"""Shared helpers for the benchmark scripts: run the pipeline, call the reference scorers."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from dateline.ingest import ingest
from dateline.resolve.store_events import stored_events
from dateline.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "scoring" / "score.py"
MAKE_INPUTS = SHARED / "scoring" / "make_inputs.py"


def make_inputs(kind: str, src: Path, out: Path) -> Path:
    """Strip gold labels with the reference make_inputs.py."""
    subprocess.run([sys.executable, str(MAKE_INPUTS), kind, str(src), str(out)], check=True)
    return out


def run_pipeline(inputs: list[Path], db: Path, events_out: Path, *, workers: int | None = None) -> dict:
    """Ingest ``inputs`` into a new database, export events as JSONL; returns timings and counts."""
    t = time.perf_counter()
    with open_store(db) as store:
        report = ingest(inputs, store, workers=workers)
        t_ingest = time.perf_counter() - t
        n = 0
        with events_out.open("w") as out:
            for record in stored_events(store):  # what `dateline events --format jsonl` prints
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
    return {"documents": report.documents_read, "problems": len(report.problems),
            "mentions": report.extraction.mentions if report.extraction else 0, "events": n,
            "ingest_seconds": round(t_ingest, 2), "total_seconds": round(time.perf_counter() - t, 2)}


def reference_score(kind: str, *args: Path | str) -> tuple[dict, list[str]]:
    """Run the reference scorer; returns its JSON figures and the lines it printed before them."""
    out = subprocess.run([sys.executable, str(SCORER), kind, *map(str, args)], check=True,
                         capture_output=True, text=True).stdout.strip().splitlines()
    return json.loads(out[-1]), out[:-1]


def emit(result: dict, out: Path | None = None) -> None:
    """Print a benchmark's figures as one JSON line, and also write them to ``out`` when given."""
    line = json.dumps(result)
    print(line)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(line + "\n")
