"""HRDsAttack dev: country, city, year, month, day of each article's event, with the reference scorer.

usage: python bench/score_hrd.py [--split dev|train]
Prints the reference scorer's JSON: accuracy on stated fields and correct "not stated" shares.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
from pathlib import Path

from common import SHARED, make_inputs, reference_score, run_pipeline

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]


def tolerant_month(v):
    """The gold month, reading misspellings ("Novermber") as the closest month and placeholders as unknown."""
    import difflib
    if v in (None, "None", "", "unknown", "n//a", "n/a"):
        return None
    t = str(v).strip().lower()
    try:
        return int(float(t))
    except ValueError:
        close = difflib.get_close_matches(t, MONTHS, n=1, cutoff=0.6)
        return MONTHS.index(close[0]) + 1 if close else None


PLACEHOLDERS = {"unknown", "n//a", "n/a", "na", "none", ""}


def cleaned_gold(src: Path, out: Path) -> int:
    """A copy of the gold where placeholders become None and misspelt months their month.

    score.py crashes on these ("Novermber", "unknown", "n//a"); returns how many fields changed.
    """
    items = json.loads(src.read_text())
    changed = 0
    for it in items:
        g = it["merged_sample"]
        for key in ("year", "month", "date"):
            v = g.get(key)
            if v is None or v == "None":
                continue
            t = str(v).strip().lower()
            if t in PLACEHOLDERS:
                g[key], changed = None, changed + 1
            elif key == "month":
                m = tolerant_month(v)
                if m is not None and str(v) != str(m) and t not in MONTHS:
                    g[key], changed = str(m), changed + 1
            else:
                try:
                    float(t)
                except ValueError:
                    g[key], changed = None, changed + 1
    out.write_text(json.dumps(items))
    return changed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    args = ap.parse_args()
    src = SHARED / "bench" / "hrd" / f"{args.split}.json"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        inp = make_inputs("hrd", src, tmp / "hrd_in.jsonl")
        run = run_pipeline([inp], tmp / "hrd.db", tmp / "events.jsonl")
        try:
            res, _ = reference_score("hrd", tmp / "events.jsonl", src)
            note = "reference scorer"
        except subprocess.CalledProcessError:
            n = cleaned_gold(src, tmp / "gold.json")
            res, _ = reference_score("hrd", tmp / "events.jsonl", tmp / "gold.json")
            note = f"reference scorer on the gold with {n} unparseable fields cleaned (it crashes on them)"
    print(json.dumps({**res, "split": args.split, "problems": run["problems"], "scored_by": note}))


if __name__ == "__main__":
    main()
