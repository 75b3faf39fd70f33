"""How many GVA incidents any reader of the articles' text could date to the day: an upper bound.

usage: python bench/gva_date_ceiling.py [--out bench/results/gva_date_ceiling.json]

DESIGN.md: "An unknown date is unknown, never today": an article that never says when its
shooting happened gets no day, not its publication day. So the per-incident date accuracy a
text reader can reach is bounded by the incidents where some member article states the gold
day in a form resolvable from the article's publication date. This counts an incident as
reachable when any of its articles (title and body, anywhere, whatever event the words are
about, so generously) contains one of:

- the gold month and day ("June 19", "Jun. 19", "19 June", "6/19");
- the gold day's weekday name, the article published 0-6 days after it;
- "today", "tonight", "this morning/afternoon/evening", the article published that day;
- "yesterday", "last night", the article published the day after;
- "overnight", "early morning", "late night", published that day or the day after;
- a holiday whose date is the gold day ("Christmas", "Fourth of July", "Thanksgiving", ...).

It prints the share of incidents reachable, which caps what any extractor that follows the
design can score on the reference scorer's per-incident date (the target of issue 4 is 0.92).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

from common import SHARED, emit

from dateline.extract.dates_calendar import holiday_date
from dateline.extract.dates_terms import load_terms

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]


def cues(text: str, gold: date, published: date | None) -> set[str]:
    """The kinds of expression in ``text`` that could resolve to ``gold``."""
    low = text.lower().replace("’", "'")
    found = set()
    month = MONTHS[gold.month - 1]
    if re.search(rf"\b(?:{month}|{month[:3]}\.?)\s+{gold.day}(?:st|nd|rd|th)?\b", low) \
            or re.search(rf"\b{gold.day}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{month}|{month[:3]})\b", low) \
            or re.search(rf"(?<![\d/])0?{gold.month}/0?{gold.day}\b", low):
        found.add("month and day")
    for name, h in load_terms().holidays.items():
        if name in low and holiday_date(h, gold.year) == gold:
            found.add("holiday")
    if published is None:
        return found
    lag = (published - gold).days
    if 0 <= lag <= 6 and re.search(rf"\b{gold.strftime('%A').lower()}\b", low):
        found.add("weekday")
    if lag == 0 and re.search(r"\b(?:today|tonight|this (?:morning|afternoon|evening)|earlier today)\b", low):
        found.add("today")
    if lag == 1 and re.search(r"\b(?:yesterday|last night)\b", low):
        found.add("yesterday")
    if lag in (0, 1) and re.search(r"\b(?:overnight|early morning|late night)\b", low):
        found.add("overnight")
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=None, help="also write the JSON here")
    args = ap.parse_args()
    gva = SHARED / "bench" / "gva"
    incidents = {r["incident_id"]: r for r in map(json.loads, open(gva / "incidents.jsonl"))}
    members: dict[str, list[dict]] = defaultdict(list)
    for doc in map(json.loads, open(gva / "docs.jsonl")):
        members[doc["incident"]].append(doc)
    kinds: Counter[str] = Counter()
    n = reachable = 0
    for inc, docs in members.items():
        r = incidents.get(inc)
        if r is None:
            continue
        n += 1
        gold = datetime.strptime(r["date"], "%B %d, %Y").date()
        found: set[str] = set()
        for d in docs:
            published = date.fromisoformat(d["dct"][:10]) if d.get("dct") else None
            found |= cues(f"{d.get('title', '')}\n{d.get('content', '')}", gold, published)
        reachable += bool(found)
        kinds.update(found)
    emit({"incidents": n, "reachable": reachable, "ceiling": round(reachable / n, 3),
          "by_expression": {k: round(v / n, 3) for k, v in kinds.most_common()}}, args.out)


if __name__ == "__main__":
    main()
