"""Read every daily current-events digest and report counts and speed.

usage: python bench/read_current_events.py [FOLDER]

FOLDER defaults to ../shared/bench/current_events beside the repository. Files go through
the normal dispatch (decode, detect, read), so a file claimed by another reader shows up
in ``formats``. Prints one JSON object; exits 1 when some file could not be read.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from dateline.model import Document, Problem, Skipped
from dateline.readers.files import read_path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "bench" / "current_events"


def measure(folder: Path) -> dict:
    """Counts over all documents read from ``folder``, and the time it took."""
    files = sum(1 for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    formats: Counter[str] = Counter()
    items = with_sources = with_topic = 0
    topics: set[str] = set()
    problems: list[Problem] = []
    start = time.perf_counter()
    for result in read_path([folder]):
        if isinstance(result, Problem):
            problems.append(result)
            continue
        if isinstance(result, Skipped):
            continue
        assert isinstance(result, Document)
        formats[result.format] += 1
        topics.update(result.topics)
        for item in result.items:
            items += 1
            with_sources += bool(item.sources)
            with_topic += bool(item.topics)
    seconds = time.perf_counter() - start
    return {
        "folder": str(folder),
        "files": files,
        "documents": sum(formats.values()),
        "formats": dict(formats),
        "items": items,
        "items_with_sources": with_sources,
        "items_with_topic": with_topic,
        "distinct_topics": len(topics),
        "problems": len(problems),
        "problem_examples": [f"{p.where()}: {p.reason}" for p in problems[:5]],
        "seconds": round(seconds, 2),
        "items_per_second": round(items / seconds) if seconds else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT,
                        help=f"folder of YYYY/MM/YYYY-MM-DD.yaml digests (default {DEFAULT})")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"error: no folder {args.folder}: pass the current_events folder", file=sys.stderr)
        return 2
    result = measure(args.folder)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 1 if result["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
