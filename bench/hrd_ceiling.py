"""What the HRDsAttack gold lets any article reader score: upper bounds for bench/score_hrd.py.

usage: python bench/hrd_ceiling.py [--split dev|train] [--out bench/results/hrd_ceiling.json]

Issue 3 aims at 85 / 60 / 85 / 75 / 60 on stated country / city / year / month / day and
at >= 90% correct "not stated". The reference scorer reads one event per article (the one
holding most of its mentions) and compares it field by field. This prints three bounds:

- ``gold_self_contradiction``: items whose gold leaves a field unstated while it states a finer
  one (no country but a city, no year but a month or day, no month but a day). An event record
  that gives the stated city has that city's country, and a date with a month or day has a
  year, so on these items "not stated" and the finer field cannot both be right. The share of
  not-stated items left after them is the most any reader can reach on "not stated" while
  answering the fields the gold states.
- ``best_event``: the article's events chosen with the gold in hand, each field on its own:
  how far choosing among what Dateline already extracts could go, if it knew which event the
  annotators meant (an attack on a human rights defender, often not the article's news).
- ``in_text``: the gold value is in the article at all (the city's name; the year in the text
  or the publication year; the country resolvable to an ISO code by the reference scorer).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from common import SHARED, emit, make_inputs, run_pipeline
from score_hrd import cleaned_gold

sys.path.insert(0, str(SHARED / "scoring"))
import score  # noqa: E402  the reference scorer's own readings of gold and prediction

FIELDS = ("country", "city", "year", "month", "day")
FINER = {"country": ("city",), "year": ("month", "day"), "month": ("day",)}


def gold_fields(g: dict) -> dict:
    """The gold item's fields as the reference scorer reads them (None: not stated)."""
    return {"year": None if g["year"] in (None, "None") else int(float(g["year"])),
            "month": score.month_number(g["month"]),
            "day": None if g["date"] in (None, "None") else int(float(g["date"])),
            "city": None if g["city"] in (None, "None") else score.norm(g["city"]),
            "country": score.country_code(g["country"]) if g.get("country") not in (None, "None") else None}


def event_fields(e: dict) -> dict:
    """An event record's fields as the reference scorer reads them."""
    d, p, prec = e.get("date") or "", e.get("place") or {}, e.get("date_precision")
    return {"year": int(d[:4]) if len(d) >= 4 else None,
            "month": int(d[5:7]) if len(d) >= 7 and prec in ("day", "month") else None,
            "day": int(d[8:10]) if len(d) >= 10 and prec == "day" else None,
            "city": (score.norm(p.get("name")) or None) if p.get("precision") in ("city", "point") else None,
            "country": score.country_code(p.get("country")) if p.get("country") else None}


def share(ok: int, n: int) -> float | None:
    return round(100 * ok / n, 1) if n else None


def ceilings(items: list[dict], inputs: dict[str, dict], events: list[dict]) -> dict:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for e in events:
        for doc in {m["doc"] for m in e.get("mentions", [])}:
            by_doc[doc].append(event_fields(e))
    t: Counter = Counter()
    for it in items:
        doc = str(it["sample"]["Input.GLOBALEVENTID"])
        gold = gold_fields(it["merged_sample"])
        preds = by_doc.get(doc, [])
        src = inputs.get(doc, {})
        text = src.get("title", "") + " " + re.sub(r"<[^>]+>", " ", html.unescape(src.get("html", "")))
        normed = f" {score.norm(text)} "
        for k in FIELDS:
            if gold[k] is None:
                t[f"{k}_none_n"] += 1
                t[f"{k}_none_best"] += any(p[k] is None for p in preds) or not preds
                t[f"{k}_none_contradicted"] += any(gold[f] is not None for f in FINER.get(k, ()))
                continue
            t[f"{k}_n"] += 1
            t[f"{k}_best"] += any(p[k] == gold[k] for p in preds)
        if gold["city"]:
            t["city_in_text"] += f" {gold['city']} " in normed
        if gold["country"]:
            t["country_in_text"] += bool(re.fullmatch(r"[A-Z]{2}", gold["country"]))
        if gold["year"]:
            published = src.get("published") or ""
            t["year_in_text"] += str(gold["year"]) in text or published[:4] == str(gold["year"])
    res: dict = {"items": len(items)}
    for k in FIELDS:
        res[k] = {"stated": t[f"{k}_n"], "not_stated": t[f"{k}_none_n"],
                  "best_event": share(t[f"{k}_best"], t[f"{k}_n"]),
                  "best_event_not_stated": share(t[f"{k}_none_best"], t[f"{k}_none_n"])}
        if k in FINER:
            res[k]["gold_self_contradiction"] = t[f"{k}_none_contradicted"]
            res[k]["not_stated_ceiling"] = share(t[f"{k}_none_n"] - t[f"{k}_none_contradicted"], t[f"{k}_none_n"])
        if k in ("country", "city", "year"):
            res[k]["in_text"] = share(t[f"{k}_in_text"], t[f"{k}_n"])
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    src = SHARED / "bench" / "hrd" / f"{args.split}.json"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        inp = make_inputs("hrd", src, tmp / "hrd_in.jsonl")
        run_pipeline([inp], tmp / "hrd.db", tmp / "events.jsonl")
        cleaned_gold(src, tmp / "gold.json")
        items = json.loads((tmp / "gold.json").read_text())
        inputs = {str(d["id"]): d for d in map(json.loads, inp.read_text().splitlines())}
        events = [json.loads(line) for line in (tmp / "events.jsonl").read_text().splitlines()]
    emit({"split": args.split, **ceilings(items, inputs, events)}, args.out)


if __name__ == "__main__":
    main()
