"""HRDsAttack dev: country, city, year, month, day of each article's event, with the reference scorer.

usage: python bench/score_hrd.py [--split dev|train]
Prints the reference scorer's JSON: accuracy on stated fields and correct "not stated" shares.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from common import SHARED, make_inputs, reference_score, run_pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    args = ap.parse_args()
    src = SHARED / "bench" / "hrd" / f"{args.split}.json"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        inp = make_inputs("hrd", src, tmp / "hrd_in.jsonl")
        run = run_pipeline([inp], tmp / "hrd.db", tmp / "events.jsonl")
        res, _ = reference_score("hrd", tmp / "events.jsonl", src)
    print(json.dumps({**res, "split": args.split, "problems": run["problems"]}))


if __name__ == "__main__":
    main()
