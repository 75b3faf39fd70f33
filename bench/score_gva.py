"""GVA (SemEval-2018 Task 5 gun-violence news): per-article extraction accuracy and speed.

usage: python bench/score_gva.py [--workers N] [--limit N]

Ingests the 4,759 articles (gold labels stripped by the reference make_inputs.py), then for
each article takes its lead event mention (the event the title and lead report) and checks
it against the gold incident: killed and injured exact (nothing stated counts as 0), date
(exact day), city and state (compared like the reference scorer), within 25 km. Also the
share of articles where nothing was extracted (no date, no place and no figure), the
reference scorer's cluster figures on the exported events, MUC / B-cubed / CEAF-e and their mean
(CoNLL F1) for all articles, the GVC subset and the all-singletons baseline, and documents per second with
peak memory (the ingest includes reading, linking and extraction).
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

from common import SHARED, emit, make_inputs, reference_score, run_pipeline

from dateline.export.figures import ClaimRow, event_figures
from dateline.store import open_store

sys.path.insert(0, str(SHARED / "scoring"))
from coref_metrics import conll  # noqa: E402
from score import doc_assignment, load_events, norm  # noqa: E402  (the reference scorer's own functions)


def lead_mentions(db: Path) -> dict[str, dict]:
    with open_store(db) as store:
        c = store.conn
        out = {}
        for mid, doc, date, prec, place in c.execute(
                "SELECT id, doc_id, date, date_precision, place FROM mentions WHERE lead = 1"):
            claims = [ClaimRow(*r, bool(t), bool(v), trig) for *r, t, v, trig in c.execute(
                "SELECT kind, low, best, high, side, claimed_by, tally, vague, trigger FROM claims "
                "WHERE mention_id = ?", (mid,))]
            figs = event_figures(claims)
            k, w = figs["killed"].total, figs["wounded"].total
            out[doc] = {"date": date if prec == "day" else None, "place": json.loads(place) if place else None,
                        "killed": k.best if k else None, "wounded": w.best if w else None}
        return out


def km(a, b) -> float:
    (la1, lo1), (la2, lo2) = a, b
    h = math.sin(math.radians(la2 - la1) / 2) ** 2 + math.cos(math.radians(la1)) * math.cos(
        math.radians(la2)) * math.sin(math.radians(lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--out", type=Path, default=None, help="also write the JSON here")
    args = ap.parse_args()
    gva = SHARED / "bench" / "gva"
    incidents = {r["incident_id"]: r for r in map(json.loads, open(gva / "incidents.jsonl"))}
    gold = {d["id"]: d["incident"] for d in map(json.loads, open(gva / "docs.jsonl"))}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        inp = make_inputs("gva", gva / "docs.jsonl", tmp / "gva_in.jsonl")
        if args.limit:
            lines = inp.read_text().splitlines()[: args.limit]
            inp.write_text("\n".join(lines) + "\n")
            gold = {json.loads(x)["id"]: gold[json.loads(x)["id"]] for x in lines}
        t = time.perf_counter()
        run = run_pipeline([inp], tmp / "gva.db", tmp / "events.jsonl", workers=args.workers)
        leads = lead_mentions(tmp / "gva.db")
        ref, _ = reference_score("gva", tmp / "events.jsonl", gva / "docs.jsonl", gva / "incidents.jsonl",
                                 gva / "gvc_doc_to_event.csv") if not args.limit else ({}, [])
        assign = doc_assignment(load_events(str(tmp / "events.jsonl")))
        gvc = {r.split(",")[0]: r.split(",")[1] for r in (gva / "gvc_doc_to_event.csv").read_text().split()[1:]}
        coref = {"all": conll(assign, gold), "gvc": conll(assign, {d: e for d, e in gvc.items() if d in gold}),
                 "singletons": conll({}, gold)}
    t_all = time.perf_counter() - t
    n = Counter()
    for doc, inc_id in gold.items():
        inc = incidents.get(inc_id)
        if inc is None:
            continue
        n["articles"] += 1
        m = leads.get(doc)
        if not m or (m["date"] is None and m["place"] is None and m["killed"] is None and m["wounded"] is None):
            n["nothing"] += 1
        m = m or {"date": None, "place": None, "killed": None, "wounded": None}
        n["killed"] += (m["killed"] or 0) == inc["num_killed"]
        n["injured"] += (m["wounded"] or 0) == inc["num_injured"]
        n["both"] += (m["killed"] or 0) == inc["num_killed"] and (m["wounded"] or 0) == inc["num_injured"]
        gdate = datetime.strptime(inc["date"], "%B %d, %Y").date().isoformat()
        n["date"] += m["date"] == gdate
        p = m["place"] or {}
        pname = norm(p.get("name"))
        n["city"] += bool(pname) and (pname == norm(inc["city_or_county"]) or pname in norm(inc["city_or_county"]))
        n["state"] += norm(inc["state"]) == norm(p.get("admin1"))
        if p.get("lat") is not None and inc.get("lat_long"):
            n["within_25km"] += km((p["lat"], p["lon"]), inc["lat_long"]) <= 25
    a = n["articles"]
    res = {"articles": a, **{f"{k}_acc": round(n[k] / a, 3) for k in
                            ("killed", "injured", "both", "date", "city", "state", "within_25km")},
           "nothing_extracted": round(n["nothing"] / a, 3),
           "docs_per_s": round(run["documents"] / run["ingest_seconds"], 1),
           "ingest_seconds": run["ingest_seconds"], "mentions": run["mentions"], "events": run["events"],
           "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
           "peak_rss_workers_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
           "seconds_total": round(t_all, 1), "reference": ref, "coref": coref}
    emit(res, args.out)


if __name__ == "__main__":
    main()
