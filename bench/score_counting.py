"""GVA counting questions: how many shooting incidents killed / injured someone, by city and month.

usage: python bench/score_counting.py [--workers N] [--db FILE] [--out FILE]

The questions are built from the gold incidents of ``../shared/bench/gva/incidents.jsonl``
that the corpus has articles for (``docs.jsonl`` labels each article with its incident;
articles whose incident is not in ``incidents.jsonl`` are left out of the corpus, so the
gold can answer for everything ingested). For every (city, state, month) of those
incidents, three questions, as a researcher would ask them:

- ``killing``: incidents in which someone was killed (``num_killed`` >= 1), answered with
  ``dateline count --type killing --place "City, State" --month YYYY-MM``;
- ``injuring``: incidents in which someone was injured (``num_injured`` >= 1), ``--type injuring``;
- ``any``: incidents in which someone was killed or injured (events answering either).

and the same three per (state, year) (``--state S --year Y``). The articles are ingested
with gold labels stripped (the reference ``make_inputs.py``); each question is answered by
the library's :func:`dateline.query.count.count` over the stored events, as ``dateline
count`` answers by default (events only mentioned in passing in an article left out).
Reported per question kind: exact-count accuracy (answer == gold), RMSE and mean absolute
error, with the mean gold count; the same with in-passing events counted too; and two
baselines on the same questions: counting the *articles* that report the matching events
instead of the events (what keyword counting does: every incident counted once per
report), and answering 0.

A city given by GVA as "Cartersville (Euharlee)" is asked as Cartersville; a county
("Noble County") is asked as written, which the gazetteer of towns rarely knows.
"""

from __future__ import annotations

import argparse
import json
import math
import tempfile
import time
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

from common import SHARED, emit, make_inputs

from dateline.ingest import ingest
from dateline.query import EventQuery
from dateline.query.count import count
from dateline.query.events import event_ids
from dateline.store import open_store

KINDS = ("killing", "injuring", "any")


def corpus(tmp: Path, gva: Path, incidents: dict) -> Path:
    """The articles whose incident the gold knows, gold labels stripped."""
    kept = tmp / "docs_known.jsonl"
    with open(gva / "docs.jsonl") as src, kept.open("w") as out:
        for line in src:
            if json.loads(line)["incident"] in incidents:
                out.write(line)
    return make_inputs("gva", kept, tmp / "gva_in.jsonl")


def questions(incidents: dict, used: set[str]) -> list[dict]:
    """Gold counts per (city, state, month) and (state, year) of the incidents with articles."""
    groups: dict[tuple, Counter] = defaultdict(Counter)
    for iid in used:
        inc = incidents[iid]
        d = datetime.strptime(inc["date"], "%B %d, %Y").date()
        city = inc["city_or_county"].split(" (")[0].strip()
        kinds = {"killing": inc["num_killed"] > 0, "injuring": inc["num_injured"] > 0,
                 "any": inc["num_killed"] > 0 or inc["num_injured"] > 0}
        for key in (("city_month", f"{city}, {inc['state']}", f"{d:%Y-%m}"), ("state_year", inc["state"], f"{d:%Y}")):
            groups[key]["_"] += 0
            for k, v in kinds.items():
                groups[key][k] += v
    out = []
    for (scope, where, period), gold in sorted(groups.items()):
        for kind in KINDS:
            out.append({"scope": scope, "where": where, "period": period, "kind": kind, "gold": gold[kind]})
    return out


def answer(store, q: dict, *, in_passing: bool | None) -> tuple[int, int]:
    """(events, articles) answering the question: the library's count, and the documents behind it.

    ``in_passing=False`` is what ``dateline count`` asks by default (events only mentioned in
    passing left out); ``None`` counts every event.
    """
    where = {"place": q["where"]} if q["scope"] == "city_month" else {"admin1": q["where"]}
    base = dict(date_from=q["period"], date_to=q["period"], in_passing=in_passing, **where)
    if q["kind"] != "any":
        field = "min_killed" if q["kind"] == "killing" else "min_wounded"
        r = count(store, EventQuery(**base, **{field: 1}), limit=0)
        return r.events, r.documents
    # killed or injured: the union of the two answers, each event once
    ids = set(event_ids(store, EventQuery(**base, min_killed=1))) | set(event_ids(store, EventQuery(**base, min_wounded=1)))
    if not ids:
        return 0, 0
    marks = ",".join("?" for _ in ids)
    docs = store.conn.execute(f"SELECT count(DISTINCT doc_id) FROM event_documents WHERE event_id IN ({marks})",
                              list(ids)).fetchone()[0]
    return len(ids), docs


def scores(pairs: list[tuple[int, int]]) -> dict:
    n = len(pairs)
    if not n:
        return {}
    return {"questions": n, "exact": round(sum(a == g for a, g in pairs) / n, 3),
            "rmse": round(math.sqrt(sum((a - g) ** 2 for a, g in pairs) / n), 3),
            "mae": round(sum(abs(a - g) for a, g in pairs) / n, 3),
            "over": round(sum(a > g for a, g in pairs) / n, 3), "under": round(sum(a < g for a, g in pairs) / n, 3),
            "mean_gold": round(sum(g for _, g in pairs) / n, 3)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--db", type=Path, default=None,
                    help="keep the database here (and reuse it when it exists: no ingest)")
    ap.add_argument("--out", type=Path, default=None, help="also write the JSON here")
    args = ap.parse_args()
    gva = SHARED / "bench" / "gva"
    incidents = {r["incident_id"]: r for r in map(json.loads, open(gva / "incidents.jsonl"))}
    used = {d["incident"] for d in map(json.loads, open(gva / "docs.jsonl"))} & set(incidents)
    qs = questions(incidents, used)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = args.db or tmp / "gva.db"
        t = time.perf_counter()
        ingest_seconds = None
        if not db.exists():
            inp = corpus(tmp, gva, incidents)
            with open_store(db) as store:
                ingest([inp], store, workers=args.workers)
            ingest_seconds = round(time.perf_counter() - t, 1)
        with open_store(db) as store:
            t = time.perf_counter()
            for q in qs:
                q["events"], q["articles"] = answer(store, q, in_passing=False)
            answer_seconds = time.perf_counter() - t
            for q in qs:
                q["all_events"], _ = answer(store, q, in_passing=None)
            n_events = store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
            n_docs = store.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    res: dict = {"incidents": len(used), "articles": n_docs, "events": n_events, "ingest_seconds": ingest_seconds,
                 "ms_per_question": round(1000 * answer_seconds / len(qs), 2)}
    for scope in ("city_month", "state_year"):
        for kind in KINDS:
            sel = [q for q in qs if q["scope"] == scope and q["kind"] == kind]
            res[f"{scope}_{kind}"] = {"events": scores([(q["events"], q["gold"]) for q in sel]),
                                      "events_with_in_passing": scores([(q["all_events"], q["gold"]) for q in sel]),
                                      "articles_baseline": scores([(q["articles"], q["gold"]) for q in sel]),
                                      "zero_baseline": scores([(0, q["gold"]) for q in sel])}
    emit(res, args.out)


if __name__ == "__main__":
    main()
