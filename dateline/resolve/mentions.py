"""The facts of each stored mention that resolution compares, loaded in one pass."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from ..export.figures import ClaimRow, event_figures
from .words import opening_words, strong_keys


@dataclass
class MentionFacts:
    id: str
    doc_id: str
    doc_kind: str
    item_id: str | None
    lead: bool
    day: date | None  # the mention's date when known to the day
    published: date | None  # the document's publication day: where ``day`` is unknown, the event is near it
    month: str | None  # YYYY-MM when known to the month or day
    country: str | None
    admin1: str | None
    city: str | None  # place name at city/point precision
    event_type: str | None
    killed: int | None
    wounded: int | None
    text: str  # the first sentence (the title for a lead mention)
    people: set[str] = field(default_factory=set)
    words: frozenset[str] = frozenset()  # an article lead's opening words (title, first paragraphs)
    # an article lead's victims and suspects by full name, and its street blocks (city first)
    keys: frozenset[str] = frozenset()


def _day(value: str | None, precision: str | None) -> date | None:
    if value and precision == "day" and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _keys(names: set[str], text: str | None, city: str | None) -> frozenset[str]:
    found = strong_keys(text) if text else frozenset()
    # a street block tells incidents apart only within its city
    return frozenset(names) | {k if not k.startswith("block ") else f"{city} {k}" for k in found
                               if city or not k.startswith("block ")}


def load_mentions(c: sqlite3.Connection) -> list[MentionFacts]:
    claims: dict[str, list[ClaimRow]] = defaultdict(list)
    for mid, *row, tally, vague, trig in c.execute(
            "SELECT mention_id, kind, low, best, high, side, claimed_by, tally, vague, trigger FROM claims"):
        claims[mid].append(ClaimRow(*row, bool(tally), bool(vague), trig))
    people: dict[str, set[str]] = defaultdict(set)
    named: dict[str, set[str]] = defaultdict(set)
    for mid, name, role in c.execute("SELECT mention_id, name, role FROM mention_people"):
        people[mid].add(name.lower())
        if role != "official" and " " in name.strip():
            named[mid].add(name.lower())
    texts = dict(c.execute("SELECT d.id, d.text FROM documents d JOIN mentions m ON m.doc_id = d.id "
                           "WHERE m.lead = 1 AND d.kind = 'article'"))
    openings = opening_words(texts)
    out = []
    for mid, doc_id, kind, item_id, lead, sents, d, prec, place, etype, pub, pub_prec, text in c.execute(
            "SELECT m.id, m.doc_id, d.kind, m.item_id, m.lead, m.sentences, m.date, m.date_precision, m.place, "
            "m.event_type, d.published, d.published_precision, "
            "substr(d.text, json_extract(m.sentences, '$[0][0]') + 1, "
            "json_extract(m.sentences, '$[0][1]') - json_extract(m.sentences, '$[0][0]')) "
            "FROM mentions m JOIN documents d ON d.id = m.doc_id ORDER BY m.id"):
        p = json.loads(place) if place else {}
        figs = event_figures(claims.get(mid, []))
        k, w = figs["killed"].total, figs["wounded"].total
        out.append(MentionFacts(
            id=mid, doc_id=doc_id, doc_kind=kind, item_id=item_id, lead=bool(lead), day=_day(d, prec),
            published=_day(pub, pub_prec),
            month=d[:7] if d and prec in ("day", "month") else None, country=p.get("country"),
            admin1=p.get("admin1"), city=p.get("name") if p.get("precision") in ("city", "point") else None,
            event_type=etype, killed=k.best if k else None, wounded=w.best if w else None, text=text or "",
            people=people.get(mid, set()), words=openings.get(doc_id, frozenset()) if lead else frozenset(),
            keys=_keys(named.get(mid, set()), texts.get(doc_id), p.get("name")) if lead else frozenset()))
    return out
