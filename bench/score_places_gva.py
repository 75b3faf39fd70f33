"""Place extraction on the GVA gun-violence articles: city and state of each article's main place.

usage: python bench/score_places_gva.py [--shared ../shared] [--country-hint "United States"]
                                        [--limit N] [--errors FILE] [--out FILE]

For every article of ``bench/gva/docs.jsonl`` the system sees only ``id``, ``title``,
``content`` and ``dct``: it splits ``title + "\\n\\n" + content`` into sentences, finds the
dateline as the article reader does, runs :class:`PlaceFinder`, and takes the article's main
place (:func:`main_place`, then :func:`parent_city`: a neighbourhood or suburb named beside its
big city counts as that city, as the gold does). The ``incident`` key is read only to fetch
the gold incident from ``incidents.jsonl`` for scoring, which follows ``shared/scoring/score.py`` gva():
city ok when ``norm(city_or_county) == norm(name)`` or ``norm(name)`` is inside it; state ok
when ``norm(state) == norm(admin1)``; plus the share within 25 km of the gold ``lat_long``.
Articles whose incident is missing from incidents.jsonl are not scored (as in score.py).

Prints one JSON object (also written to ``--out``); ``--errors`` writes the misses as JSON lines.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

from dateline.extract.main_place import km, main_place, parent_city, site_suffix_start
from dateline.extract.places import PlaceFinder
from dateline.extract.sentences import split_sentences
from dateline.gazetteer import Gazetteer
from dateline.readers.datelines import find_dateline

ROOT = Path(__file__).resolve().parents[1]
def norm(s: str | None) -> str:
    """score.py's norm(), copied so the bench needs nothing from shared/ but data."""
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    drop = {"al", "el", "as", "ad", "ar", "az", "ash", "governorate", "province", "city", "of", "the"}
    return " ".join(w for w in s.split() if w not in drop)


def run(shared: Path, *, country_hint: str | None, limit: int | None, errors_path: Path | None,
        parent: bool = True) -> dict:
    gva = shared / "bench" / "gva"
    incidents = {}
    with open(gva / "incidents.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            incidents[r["incident_id"]] = r
    docs = []
    with open(gva / "docs.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            docs.append(d)
            if limit and len(docs) >= limit:
                break
    t = time.perf_counter()
    gaz = Gazetteer.load()
    finder = PlaceFinder(gaz)
    load_s = time.perf_counter() - t

    tally: Counter[str] = Counter()
    finder_s = total_s = 0.0
    words = 0
    errors = []
    for d in docs:
        gold_label = d.get("incident")  # used below only to fetch the gold incident for scoring
        title, content = d.get("title") or "", d.get("content") or ""
        t0 = time.perf_counter()
        text = title + "\n\n" + content
        sentences = split_sentences(text)
        dateline = find_dateline([p for p in content.split("\n\n") if p.strip()])
        t1 = time.perf_counter()
        per = finder.places_by_sentence(text, sentences, dateline=dateline, country_hint=country_hint)
        t2 = time.perf_counter()
        main = main_place(per, sentences, site_suffix_start(title), len(title), finder)
        if main is not None and parent:
            main = parent_city(main, per, gaz)
        total_s += time.perf_counter() - t0
        finder_s += t2 - t1
        words += len(text.split())
        tally["docs"] += 1
        gold = incidents.get(gold_label)
        if gold is None:
            continue
        tally["scored"] += 1
        p = main.place if main else None
        name, admin1 = norm(p.name) if p else "", norm(p.admin1) if p else ""
        g_city, g_state = norm(gold["city_or_county"]), norm(gold["state"])
        city_ok = g_city == name or (bool(name) and name in g_city)
        state_ok = g_state == admin1
        tally["city"] += city_ok
        tally["state"] += state_ok
        tally["no_place"] += p is None
        if p is not None and p.lat is not None and gold.get("lat_long"):
            tally["within_25km"] += km(p.lat, p.lon, *gold["lat_long"]) <= 25
        if errors_path and not (city_ok and state_ok):
            errors.append({"id": d["id"], "title": title, "gold": [gold["city_or_county"], gold["state"]],
                           "got": [p.name, p.admin1, main.relation, main.text] if p else None})
    n = tally["scored"] or 1
    result = {
        "docs": tally["docs"], "scored": tally["scored"], "country_hint": country_hint,
        "city_acc": round(tally["city"] / n, 3), "state_acc": round(tally["state"] / n, 3),
        "within_25km": round(tally["within_25km"] / n, 3), "no_place": round(tally["no_place"] / n, 3),
        "docs_per_s": round(tally["docs"] / total_s, 1),
        "places_ms_per_doc": round(1000 * finder_s / max(1, tally["docs"]), 3),
        "words_per_doc": round(words / max(1, tally["docs"])),
        "gazetteer_load_s": round(load_s, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    if errors_path:
        with open(errors_path, "w", encoding="utf-8") as fh:
            for e in errors:
                fh.write(json.dumps(e) + "\n")
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--country-hint", default=None, help='a country the corpus is about, e.g. "United States"')
    ap.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    ap.add_argument("--errors", type=Path, default=None, help="write the misses here as JSON lines")
    ap.add_argument("--out", type=Path, default=None, help="also write the JSON result here")
    args = ap.parse_args()
    if not (args.shared / "bench" / "gva" / "docs.jsonl").exists():
        print(f"GVA data not found under {args.shared}/bench/gva: pass --shared", file=sys.stderr)
        return 2
    result = run(args.shared, country_hint=args.country_hint, limit=args.limit, errors_path=args.errors)
    line = json.dumps(result)
    print(line)
    if args.out:
        args.out.write_text(line + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
