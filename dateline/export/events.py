"""Event records from the store.

Mentions are grouped into events by :mod:`dateline.resolve.cluster` (every mention of the
same digest item, a cited article's lead with the citing item, and reports of one incident
across documents). Figures come from the claims by the rule in
:mod:`dateline.export.figures`.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import asdict

from ..model import Actor, CasualtyCount, Claim, EventRecord, Mention, Person, Place, Source
from ..store import Store
from ..resolve.cluster import cluster
from ..resolve.mentions import load_mentions
from ..enrich.related import rank_related
from ..enrich.titles import event_title
from .figures import ClaimRow, died_of_wounds, event_figures, report_totals, report_votes

KINDS = ("killed", "wounded", "captured")
PRECISION_RANK = {"country": 1, "admin1": 2, "city": 3, "point": 4}


def _grouped(c, sql: str, params: tuple = ()) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = defaultdict(list)
    for row in c.execute(sql, params):
        out[row[0]].append(row[1:])
    return out


def _digest_context(c) -> tuple[dict, dict, dict, dict]:
    listings = _grouped(c, "SELECT l.item_id, l.doc_id, l.start, l.\"end\", "
                           "substr(d.text, l.start + 1, l.\"end\" - l.start) FROM item_listings l "
                           "JOIN documents d ON d.id = l.doc_id ORDER BY l.doc_id, l.ord")
    topics = _grouped(c, "SELECT DISTINCT it.item_id, t.name FROM item_topics it JOIN topics t ON t.id = it.topic_id "
                         "ORDER BY t.name")
    sources = _grouped(c, "SELECT item_id, name, url, cited_doc_id FROM citations ORDER BY doc_id, ord")
    # items on the same digest page are related: the page's own item and those listed under Related
    page_items = _grouped(c, "SELECT doc_id, item_id, role FROM item_listings l "
                             "WHERE doc_id IN (SELECT doc_id FROM item_listings WHERE role = 'main')")
    related: dict[str, set[str]] = defaultdict(set)
    for rows in page_items.values():
        main = [i for i, role in rows if role == "main"]
        others = [i for i, role in rows if role == "related"]
        for m in main:
            related[m].update(others)
            for o in others:
                related[o].add(m)
    return listings, topics, sources, related


def _refines(inner: Place, outer: Place) -> bool:
    """Whether ``inner`` is a more specific place within ``outer`` (a city in the province named)."""
    if PRECISION_RANK.get(inner.precision, 0) <= PRECISION_RANK.get(outer.precision, 0):
        return False
    if outer.precision == "country":
        return inner.country == outer.country
    return outer.precision == "admin1" and inner.country == outer.country and inner.admin1 == outer.admin1


class ReportVotes:
    """The day and the city most of an event's reports give, one vote per document.

    Several articles on one incident disagree when one of them misreads its date ("Sunday"
    in a story published a week later) or its town. Each document votes with its first
    mention that gives a day (a city). With two or more documents voting, the voted day that
    most of the event's documents name anywhere (``doc_days``: in any of their mentions, also
    those of other events) wins over the first mention's (then: the most votes, then the
    earliest day). A city wins when two or more documents give it and more give it than the
    first mention's city, or, tied with that city, when more of the documents name it anywhere
    (``doc_cities``; GVA per incident city 0.766 -> 0.771). A lone report's day refines an
    event dated only to its year (no report stated more) when it falls within it; otherwise a
    lone report leaves the event as it is.
    """

    def __init__(self, doc_days: dict[str, set[str]], doc_cities: dict[str, set[tuple]] | None = None) -> None:
        self.doc_days = doc_days  # document -> every day (ISO) its mentions give
        self.doc_cities = doc_cities or {}  # document -> every city (_city_key) its mentions give
        self.days: dict[str, tuple] = {}
        self.cities: dict[str, Place] = {}

    def add(self, doc_id: str, date: tuple, place: Place | None) -> None:
        if date[0] and date[2] == "day" and doc_id not in self.days:
            self.days[doc_id] = date
        if place is not None and place.precision in ("city", "point") and doc_id not in self.cities:
            self.cities[doc_id] = place

    def apply(self, ev: EventRecord) -> None:
        if len(self.days) == 1 and ev.date_precision == "year":
            (day,) = self.days.values()  # "2015" in one report, "June 7" in another: the day, within it
            if day[0].startswith(ev.date or "\0"):
                ev.date, ev.date_end, ev.date_precision, ev.date_basis = day
        if len(self.days) >= 2:
            votes = Counter(d[0][:10] for d in self.days.values())
            named = Counter(day for doc in self.days for day in self.doc_days.get(doc, ()) if day in votes)
            # GVA, 888 incidents with two or more dated reports: by votes then the earliest day
            # 727 right; by the documents naming the day anywhere first, 751
            day = min(votes, key=lambda d: (-named[d], -votes[d], d))
            if (ev.date or "")[:10] != day:
                ev.date, ev.date_end, ev.date_precision, ev.date_basis = next(
                    d for d in self.days.values() if d[0][:10] == day)
        if len(self.cities) >= 2:
            votes = Counter(_city_key(p) for p in self.cities.values())
            winner, n = votes.most_common(1)[0]
            mine = _city_key(ev.place) if ev.place is not None else None
            have = votes.get(mine, 0) if mine else 0
            if n >= 2 and n > have:
                ev.place = next(p for p in self.cities.values() if _city_key(p) == winner)
            elif have == n:  # a tie with the event's city: the one more documents name anywhere
                named = {k: sum(1 for doc in self.cities if k in self.doc_cities.get(doc, ()))
                         for k, v in votes.items() if v == n}
                best = max(named, key=lambda k: (named[k], k == mine))
                if named[best] > named[mine]:
                    ev.place = next(p for p in self.cities.values() if _city_key(p) == best)


def _city_key(p: Place) -> tuple:
    return p.name, p.admin1, p.country


def mention_event_id(mention_id: str) -> str:
    return "ev-" + hashlib.sha1(mention_id.encode()).hexdigest()[:16]


def resolved_event_ids(c) -> dict[str, str]:
    """mention id -> event id, after resolution (dateline.resolve): a cluster holding a digest item
    takes the item's id, any other cluster the id derived from its first mention."""
    mentions = load_mentions(c)
    cited = c.execute("SELECT item_id, cited_doc_id FROM citations WHERE cited_doc_id IS NOT NULL").fetchall()
    out = {}
    for group in cluster(mentions, cited):
        items = sorted(m.item_id for m in group if m.item_id)
        eid = items[0] if items else mention_event_id(min(m.id for m in group))
        for m in group:
            out[m.id] = eid
    return out


def iter_events(store: Store) -> Iterator[EventRecord]:
    """Every event, computed from the mentions, ordered by date then id (undated last)."""
    yield from compute_events(store)


def compute_events(store: Store) -> list[EventRecord]:
    """Resolve the stored mentions into event records (what ``dateline.resolve.store_events`` stores)."""
    c = store.conn
    listings, topics, sources, related = _digest_context(c)
    claims = _grouped(c, 'SELECT mention_id, kind, low, best, high, who, side, claimed_by, tally, vague, trigger, quote '
                         "FROM claims ORDER BY mention_id, ord")
    actors = _grouped(c, "SELECT mention_id, name, side FROM mention_actors ORDER BY mention_id, name")
    people = _grouped(c, "SELECT mention_id, name, role, status FROM mention_people ORDER BY mention_id, ord")
    texts: dict[str, str] = {}
    event_of = resolved_event_ids(c)
    groups: dict[str, list[tuple]] = defaultdict(list)
    doc_days: dict[str, set[str]] = defaultdict(set)  # every day, and every city, each document's mentions give
    doc_cities: dict[str, set[tuple]] = defaultdict(set)
    for row in c.execute("SELECT id, doc_id, item_id, lead, sentences, date, date_end, date_precision, date_basis, "
                         "place, event_type, sub_event_type FROM mentions ORDER BY lead DESC, doc_id, ord"):
        doc_id, date, prec, place = row[1], row[5], row[7], row[9]
        place = Place(**json.loads(place)) if place else None  # parsed once, here
        if date and prec == "day":
            doc_days[doc_id].add(date[:10])
        if place is not None and place.precision in ("city", "point"):
            doc_cities[doc_id].add(_city_key(place))
        groups[event_of[row[0]]].append((*row[:9], place, *row[10:]))
    items = {r[0]: r[1:] for r in c.execute("SELECT id, date, headline FROM digest_items")}
    doc_titles = dict(c.execute("SELECT id, title FROM documents WHERE kind != 'digest'"))
    published = dict(c.execute("SELECT id, substr(published, 1, 10) FROM documents WHERE published_precision = 'day'"))
    records = []
    for eid, rows in groups.items():
        ev = EventRecord(id=eid, title="")
        all_claims: list[ClaimRow] = []
        doc_claims: dict[str, list[ClaimRow]] = {}
        reports = ReportVotes(doc_days, doc_cities)
        for (mid, doc_id, _item, _lead, sents, date, date_end, prec, basis, place, etype, sub) in rows:
            if doc_id not in texts:
                texts.clear()
                texts[doc_id] = c.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
            text = texts[doc_id]
            for s, e in json.loads(sents):
                ev.mentions.append(Mention(doc=doc_id, start=s, end=e, text=text[s:e]))
            if doc_id not in ev.documents:
                ev.documents.append(doc_id)
            if ev.date is None and date:
                ev.date, ev.date_end, ev.date_precision, ev.date_basis = date, date_end, prec, basis
            if place is not None and (ev.place is None or _refines(place, ev.place)):
                ev.place = place  # the first mention's place, made more specific by a later one inside it
            reports.add(doc_id, (date, date_end, prec, basis), place)
            if ev.event_type is None and etype:
                ev.event_type, ev.sub_event_type = etype, sub
            for kind, low, best, high, who, side, by, tally, vague, trig, quote in claims.get(mid, []):
                ev.claims.append(Claim(kind=kind, low=low, high=high if high is not None else best, who=who,
                                       side=side, claimed_by=by, doc=doc_id, quote=quote))
                all_claims.append(ClaimRow(kind, low, best, high, side, by, bool(tally), bool(vague), trig))
                doc_claims.setdefault(doc_id, []).append(all_claims[-1])
            for name, side in actors.get(mid, []):
                if all(a.name != name for a in ev.actors):
                    ev.actors.append(Actor(name, side))
            for name, role, status in people.get(mid, []):
                ev.people.append(Person(name, role, status))
        reports.apply(ev)
        votes: dict[str, int] = {}
        if len(doc_claims) >= 2:  # each report's totals, computed once for rules 7 and 8
            totals = {d: report_totals(cl) for d, cl in doc_claims.items()}
            votes = report_votes(list(totals.values()))
            update = died_of_wounds([(published.get(d), t) for d, t in totals.items()])
            if update is not None:
                votes["killed"], votes["wounded"] = update
        for kind, f in event_figures(all_claims).items():
            voted = votes.get(kind)
            if voted is not None and f.total is not None and voted != f.total.best:
                low, high = f.total.low, f.total.high
                setattr(ev, kind, CasualtyCount(min(voted, low if low is not None else voted), voted,
                                                max(voted, high if high is not None else voted), f.by_side,
                                                True, f.tally))
            elif f.total is not None:
                setattr(ev, kind, CasualtyCount(f.total.low, f.total.best, f.total.high, f.by_side,
                                                f.disputed, f.tally))
        if eid in items:
            _add_digest_context(ev, eid, items[eid], listings, topics, sources, related)
        elif ev.mentions:
            first_doc = ev.mentions[0].doc
            ev.title = event_title([m.text for m in ev.mentions if m.doc == first_doc],
                                   document_title=doc_titles.get(first_doc))
        records.append(ev)
    for iid, (date, headline) in items.items():
        if iid not in groups:  # a digest item not extracted yet
            ev = EventRecord(id=iid, title=headline, date=date, date_precision="day" if date else None,
                             date_basis="digest date" if date else None)
            _add_digest_context(ev, iid, (date, headline), listings, topics, sources, related)
            for doc_id, start, end, text in listings.get(iid, []):
                ev.mentions.append(Mention(doc=doc_id, start=start, end=end, text=text))
            records.append(ev)
    _add_document_topics(c, records)
    rank_related(records)
    records.sort(key=lambda e: (e.date is None, e.date or "", e.id))
    return records


def topic_ancestors(c) -> dict[str, list[str]]:
    """Topic name -> the names of every topic it is part of (infobox "Part of" chains)."""
    names = dict(c.execute("SELECT id, name FROM topics"))
    parents: dict[str, set[str]] = defaultdict(set)
    for child, parent in c.execute("SELECT DISTINCT child_id, parent_id FROM topic_parents"):
        parents[child].add(parent)
    out: dict[str, list[str]] = {}
    for tid in parents:
        seen, stack = [], list(parents[tid])
        while stack:
            p = stack.pop()
            if p not in seen and p != tid:
                seen.append(p)
                stack.extend(parents.get(p, ()))
        out[names[tid]] = [names[p] for p in seen]
    return out


def _add_document_topics(c, records: list[EventRecord]) -> None:
    """An event is also about its documents' topics (an encyclopedia article's title) and their ancestors."""
    doc_topics = _grouped(c, "SELECT d.doc_id, t.name FROM document_topics d JOIN topics t ON t.id = d.topic_id "
                             "JOIN documents x ON x.id = d.doc_id WHERE x.kind = 'reference'")
    ancestors = topic_ancestors(c)
    for ev in records:
        extra = [t for d in ev.documents for (t,) in doc_topics.get(d, [])]
        for t in list(ev.topics) + extra:
            for name in [t, *ancestors.get(t, [])]:
                if all(name.lower() != x.lower() for x in ev.topics):
                    ev.topics.append(name)


def _add_digest_context(ev: EventRecord, iid: str, item: tuple, listings, topics, sources, related) -> None:
    date, headline = item
    ev.title = headline
    ev.date, ev.date_precision, ev.date_basis, ev.date_end = date, "day" if date else None, \
        "digest date" if date else None, None
    for doc_id, *_ in listings.get(iid, []):
        if doc_id not in ev.documents:
            ev.documents.append(doc_id)
    for name, url, cited in sources.get(iid, []):
        s = Source(name=name, url=url)
        if s not in ev.sources:
            ev.sources.append(s)
        if cited and cited not in ev.documents:
            ev.documents.append(cited)
    ev.topics = [t for (t,) in topics.get(iid, [])]
    ev.related = sorted(related.get(iid, set()) - {iid})


def event_dict(ev: EventRecord) -> dict:
    return asdict(ev)
