"""CASE 2021 event types through the whole pipeline and the reference scorer.

usage: python bench/score_case_pipeline.py
Each snippet is ingested as a document; its main event's sub_event_type is mapped to the CASE
label by the reference scorer. (bench/score_case.py scores the classifier alone, per snippet.)
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from common import SHARED, make_inputs, reference_score, run_pipeline


def main() -> None:
    src = SHARED / "bench" / "case2021" / "event_types.tsv"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        inp = make_inputs("case", src, tmp / "case_in.jsonl")
        run = run_pipeline([inp], tmp / "case.db", tmp / "events.jsonl", workers=1)
        res, _ = reference_score("case", tmp / "events.jsonl", src)
    print(json.dumps({**res, "problems": run["problems"]}))


if __name__ == "__main__":
    main()
