"""The seed events and links: ingest ../shared/seeds and score with the reference scorer.

usage: python bench/score_seeds.py [--failures]
Prints the reference scorer's JSON (found, all_fields_ok, links_ok, per-field accuracy).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from common import SHARED, reference_score, run_pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--failures", action="store_true", help="also print the scorer's list of misses")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        run = run_pipeline([SHARED / "seeds"], tmp / "seeds.db", tmp / "events.jsonl", workers=1)
        res, failures = reference_score("seeds", tmp / "events.jsonl", SHARED / "acceptance")
    if args.failures:
        print("\n".join(failures))
    print(json.dumps({**res, "events": run["events"], "mentions": run["mentions"]}))


if __name__ == "__main__":
    main()
