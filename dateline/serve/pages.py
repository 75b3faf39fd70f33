"""The pages of the site, each built as one :class:`~dateline.serve.formats.Page` from the database.

A builder takes the :class:`~dateline.serve.reader.Reader` and the page's parameters and
returns the page's data (the ``.json`` body), its template and its Markdown; it knows
nothing of HTTP. ``routes.py`` maps paths to builders.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date, timedelta
from urllib.parse import quote, urlencode

from ..export.events import KINDS
from ..model import iso_precision
from ..query.events import EventQuery, count_events, event_ids, find_events
from ..store.keys import topic_id
from . import charts, evidence, markdown
from .errors import BadParameter, NotFound
from .formats import Page
from .maps import Point, group_points, map_view
from .reader import EventSummary, Reader

FRONT_DAYS = 3  # days on the front page
CHART_DAYS = 30  # the front page's chart: casualties over the last 30 days
TIMELINE_PAGE = 100  # events per page of a topic timeline
SEARCH_PAGE = 25  # default results per search page
MAX_PAGE_SIZE = 200
MAP_MAX_EVENTS = 5000  # a map of a search or topic shows at most the latest 5,000 matching events
RELATED_NEAR_DEG = 10.0  # related events this close show on the event's map


def event_url(eid: str) -> str:
    return f"/events/{quote(eid, safe='')}"


def topic_url(name: str) -> str:
    return f"/topics/{topic_id(name)}"


def day_url(day: str) -> str:
    return f"/days/{day}"


def search_url(**params) -> str:
    params = {k: v for k, v in params.items() if v not in (None, "")}
    return "/search" + ("?" + urlencode(params) if params else "")


def _place_label(s: EventSummary) -> str:
    return ", ".join(x for x in (s.place_name, s.admin1 if s.admin1 != s.place_name else None, s.country) if x)


def _points(summaries: list[EventSummary], *, role: str = "event") -> list[Point]:
    return group_points(
        [(s.lat, s.lon, s.place_name or s.country or "", s.title, s.id, s.killed) for s in summaries],
        href_one=event_url, href_many=lambda place: search_url(place=place),
        label_many=lambda place, n, killed: f"{place}: {n} events" + (f", {killed:,} killed" if killed else ""),
        role_one=role)


def summary_dict(s: EventSummary, topics: list[str] | None = None) -> dict:
    d = s.as_dict()
    d["url"] = event_url(s.id)
    if topics is not None:
        d["topics"] = topics
    return d


# --- front page and days ----------------------------------------------------------------------

def front_page(r: Reader) -> Page:
    days = r.latest_days(FRONT_DAYS)
    sections = []
    all_events: list[EventSummary] = []
    for d in days:
        evs = r.events_on(d)
        all_events.extend(evs)
        sections.append((d, evs))
    topics = r.topics_of([e.id for e in all_events])
    chart = None
    if days:
        last = days[0]
        first = (Date.fromisoformat(last) - timedelta(days=CHART_DAYS - 1)).isoformat()
        chart = charts.bar_chart(charts.by_day(r.daily_totals(first, last), first, last), width=480, height=260)
    counts = r.counts()
    data = {
        "days": [{"date": d, "url": day_url(d), "events": [summary_dict(e, topics.get(e.id, [])) for e in evs]}
                 for d, evs in sections],
        "totals": counts,
        "chart": {"unit": "day", "buckets": [{"key": b.key, "killed": b.killed, "wounded": b.wounded,
                                              "events": b.events} for b in chart.bars]} if chart else None,
    }
    return Page(
        kind="front", title="Dateline: the latest events", data=data, template="front.html",
        markdown=lambda: markdown.front_markdown(data), canonical="/",
        context={"sections": sections, "topics": topics, "chart": chart,
                 "map": map_view(_points(all_events), world=len({e.country for e in all_events}) > 3),
                 "totals": counts})


def day_page(r: Reader, day: str) -> Page:
    try:
        Date.fromisoformat(day)
    except ValueError:
        raise BadParameter(f"day: {day!r} is not a date: use YYYY-MM-DD, e.g. /days/2015-11-08") from None
    evs = r.events_on(day)
    prev, nxt = r.neighbour_days(day)
    if not evs and not (prev or nxt):
        raise NotFound(f"no events on {day}")
    topics = r.topics_of([e.id for e in evs])
    groups: dict[str, list[EventSummary]] = {}
    for e in evs:
        groups.setdefault(e.event_type or "Other", []).append(e)
    data = {"date": day, "previous": prev, "next": nxt,
            "events": [summary_dict(e, topics.get(e.id, [])) for e in evs]}
    return Page(
        kind="day", title=f"Events of {date_text(day, 'day')}", data=data, template="day.html",
        markdown=lambda: markdown.day_markdown(day, data["events"]), canonical=day_url(day),
        context={"day": day, "groups": sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])),
                 "topics": topics, "prev": prev, "next": nxt, "map": map_view(_points(evs))})


# --- event pages ------------------------------------------------------------------------------

@dataclass
class ClaimRow:
    side: str
    kind: str
    figure: str
    who: str | None
    claimed_by: str | None
    doc: str
    doc_title: str
    quote: str
    anchor: str | None


def event_page(r: Reader, eid: str) -> Page:
    rec = r.event_record(eid)
    if rec is None:
        raise NotFound(f"no event {eid!r}: search for events at /search")
    related = r.summaries(rec.get("related") or [])
    related_topics = r.topics_of([x.id for x in related])
    docs = r.documents(rec.get("documents") or [])
    spans = evidence.spans_by_doc(rec.get("mentions") or [])
    sources = []
    for d in docs:
        ev = evidence.SourceEvidence(d.id, d.kind, d.title, d.url, d.published)
        for group in evidence.windows(spans.get(d.id, [])):
            start = max(0, group[0][0] - evidence.CONTEXT_CHARS)
            ex = r.excerpt(d.id, start, group[-1][1] + evidence.CONTEXT_CHARS)
            if ex is not None:
                ev.passages.append(evidence.passage(d.id, group, ex.text, ex.start))
                ev.sentences += len(group)
        sources.append(ev)
    titles = {d.id: d.title or d.id for d in docs}
    claims = _claim_rows(rec, spans, titles)
    place = rec.get("place")
    points = []
    if place and place.get("lat") is not None:
        points.append(Point(place["lat"], place["lon"], rec["title"], None, 1, 0, "main", place.get("name")))
        near = [x for x in related if x.lat is not None and abs(x.lat - place["lat"]) <= RELATED_NEAR_DEG
                and abs(x.lon - place["lon"]) <= RELATED_NEAR_DEG]
    else:
        near = []
    related_points = _points(near, role="related")
    emap = map_view(points, focus_country=place.get("country") if place else None)
    rmap = map_view(points + related_points, focus_country=place.get("country") if place else None) \
        if related_points else None
    data = {
        "event": rec,
        "related": [summary_dict(x, related_topics.get(x.id, [])) for x in related],
        "documents": [{"id": d.id, "kind": d.kind, "title": d.title, "url": d.url, "published": d.published,
                       "url_here": f"/documents/{quote(d.id, safe='')}"} for d in docs],
    }
    sides = _side_table(rec)
    return Page(
        kind="event", title=rec["title"], data=data, template="event.html",
        markdown=lambda: markdown.event_markdown_page(rec, data["related"], data["documents"]),
        canonical=event_url(eid),
        context={"ev": rec, "related": related, "related_topics": related_topics, "sources": sources,
                 "claims": claims, "sides": sides, "map": rmap or emap, "place": place})


def _claim_rows(rec: dict, spans: dict, titles: dict) -> list[ClaimRow]:
    mentions = rec.get("mentions") or []
    rows = []
    for c in rec.get("claims") or []:
        anchor = None
        quote_text = (c.get("quote") or "").strip()
        for m in mentions:
            if m["doc"] != c["doc"] or m.get("start") is None:
                continue
            text = (m.get("text") or "").strip()
            if text and (text == quote_text or text in quote_text or quote_text in text):
                for s, e in spans.get(m["doc"], []):
                    if s <= m["start"] < e:
                        anchor = evidence.anchor_id(m["doc"], s)
                        break
                break
        rows.append(ClaimRow(side=c.get("side") or "unspecified", kind=c["kind"],
                             figure=figure_text(c.get("low"), c.get("high")), who=c.get("who"),
                             claimed_by=c.get("claimed_by"), doc=c["doc"], doc_title=titles.get(c["doc"], c["doc"]),
                             quote=c.get("quote") or "", anchor=anchor))
    rows.sort(key=lambda x: (x.side == "unspecified", x.side, KINDS.index(x.kind) if x.kind in KINDS else 9))
    return rows


def _side_table(rec: dict) -> dict:
    """{"sides": [side...], "rows": [(side, {kind: figure text})], "total": {kind: text}, "disputed": {...}}"""
    sides: list[str] = []
    for k in KINDS:
        for s in ((rec.get(k) or {}).get("by_side") or {}):
            if s not in sides:
                sides.append(s)
    rows = []
    for s in sides:
        row = {}
        for k in KINDS:
            f = ((rec.get(k) or {}).get("by_side") or {}).get(s)
            row[k] = figure_text(f.get("low"), f.get("high"), f.get("best")) if f else ""
        rows.append((s, row))
    total = {}
    disputed = {}
    for k in KINDS:
        f = rec.get(k)
        total[k] = figure_text(f.get("low"), f.get("high"), f.get("best")) if f else ""
        disputed[k] = bool(f and f.get("disputed"))
    return {"rows": rows, "total": total, "disputed": disputed,
            "any": any(total.values())}


def figure_text(low, high, best=None) -> str:
    if low is None and high is None:
        return "" if best is None else f"{best:,}"
    if low is None or high is None or low == high:
        v = low if low is not None else high
        return f"{v:,}"
    mid = f" (best {best:,})" if best is not None and best not in (low, high) else ""
    return f"{low:,}–{high:,}{mid}"


# --- documents --------------------------------------------------------------------------------

def document_page(r: Reader, doc_id: str) -> Page:
    infos = r.documents([doc_id])
    if not infos:
        raise NotFound(f"no document {doc_id!r}")
    d = infos[0]
    text = r.document_text(doc_id) or ""
    evs = r.document_events(doc_id)
    records = r.event_records([e.id for e in evs])
    marks: list[tuple[int, int, str]] = []
    for rec in records:
        for m in rec.get("mentions") or []:
            if m["doc"] == doc_id and m.get("start") is not None:
                marks.append((int(m["start"]), int(m["end"]), rec["id"]))
    marks.sort()
    segments: list[tuple[str, str | None]] = []  # (text, event id or None)
    pos = 0
    for s, e, eid in marks:
        if s < pos:
            continue
        if s > pos:
            segments.append((text[pos:s], None))
        segments.append((text[s:e], eid))
        pos = e
    segments.append((text[pos:], None))
    data = {"document": {"id": d.id, "kind": d.kind, "format": d.format, "title": d.title, "url": d.url,
                         "published": d.published, "published_precision": d.published_precision, "text": text},
            "events": [summary_dict(e) for e in evs],
            "cited_by": [{"name": n, "url": u} for n, u in r.citing_sources(doc_id)]}
    return Page(kind="document", title=d.title or d.id, data=data, template="document.html",
                markdown=lambda: markdown.document_markdown(data), canonical=f"/documents/{quote(doc_id, safe='')}",
                context={"doc": d, "segments": segments, "events": evs})


# --- topics -----------------------------------------------------------------------------------

def topics_page(r: Reader, q: str | None) -> Page:
    rows = r.topic_counts(contains=q.strip() if q and q.strip() else None)
    data = {"q": q, "topics": [{"id": topic_id(n), "name": n, "events": c, "url": topic_url(n)} for n, c in rows]}
    return Page(kind="topics", title="Topics", data=data, template="topics.html",
                markdown=lambda: markdown.topics_markdown(data), canonical="/topics", context={"q": q or ""})


def topic_page(r: Reader, tid: str, page: int) -> Page:
    found = r.topic(tid)
    if found is None:
        raise NotFound(f"no topic {tid!r}: see /topics for every topic")
    tid, name = found
    q = EventQuery(topic=name)
    ids = event_ids(r.store(), q)
    total = len(ids)
    pages = max(1, -(-total // TIMELINE_PAGE))
    if page > pages:
        raise NotFound(f"topic {name!r} has {pages} page(s) of events, not {page}")
    shown_ids = ids[(page - 1) * TIMELINE_PAGE: page * TIMELINE_PAGE]
    shown = r.summaries(shown_ids)
    aggregate = r.summaries(ids[-MAP_MAX_EVENTS:]) if total > len(shown) else shown
    chart = charts.bar_chart(charts.by_month([(s.date, s.killed, s.wounded) for s in aggregate]))
    months: list[tuple[str, list[EventSummary]]] = []
    for s in shown:
        key = (s.date or "undated")[:7]
        if not months or months[-1][0] != key:
            months.append((key, []))
        months[-1][1].append(s)
    parents, children = r.topic_parents(tid), r.topic_children(tid)
    data = {"topic": {"id": tid, "name": name, "url": f"/topics/{tid}"},
            "parents": [{"id": i, "name": n, "url": f"/topics/{i}"} for i, n in parents],
            "children": [{"id": i, "name": n, "url": f"/topics/{i}"} for i, n in children],
            "count": total, "page": page, "pages": pages,
            "events": [summary_dict(s) for s in shown],
            "casualties_by_month": [{"month": b.key, "killed": b.killed, "wounded": b.wounded, "events": b.events}
                                    for b in chart.bars]}
    return Page(kind="topic", title=name, data=data, template="topic.html",
                markdown=lambda: markdown.topic_markdown(data),
                canonical=f"/topics/{tid}" + (f"?page={page}" if page > 1 else ""),
                context={"name": name, "months": months, "chart": chart, "map": map_view(_points(aggregate)),
                         "parents": parents, "children": children, "total": total, "page_no": page,
                         "pages": pages, "aggregate_capped": total > MAP_MAX_EVENTS})


# --- search -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class SearchParams:
    q: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    place: str | None = None
    actor: str | None = None
    side: str | None = None
    type: str | None = None
    min_killed: int | None = None
    topic: str | None = None
    person: str | None = None
    page: int = 1
    per_page: int = SEARCH_PAGE

    def query(self) -> EventQuery:
        def v(x):
            return x.strip() if isinstance(x, str) and x.strip() else None
        return EventQuery(date_from=v(self.date_from), date_to=v(self.date_to), place=v(self.place),
                          actor=v(self.actor), side=v(self.side), event_type=v(self.type),
                          min_killed=self.min_killed, topic=v(self.topic), person=v(self.person), text=v(self.q))

    def form(self) -> dict:
        return {k: ("" if getattr(self, k) is None else getattr(self, k))
                for k in ("q", "date_from", "date_to", "place", "actor", "side", "type", "min_killed", "topic",
                          "person")}

    def url(self, page: int) -> str:
        return search_url(**self.form(), page=page if page > 1 else None,
                          per_page=self.per_page if self.per_page != SEARCH_PAGE else None)


def search_page(r: Reader, p: SearchParams) -> Page:
    query = p.query()
    store = r.store()
    total = count_events(store, query)
    pages = max(1, -(-total // p.per_page))
    records = find_events(store, query, limit=p.per_page, offset=(p.page - 1) * p.per_page, newest_first=True)
    shown = r.summaries([x["id"] for x in records])
    topics = {x["id"]: x.get("topics") or [] for x in records}
    data = {"query": {k: v for k, v in p.form().items() if v != ""}, "count": total, "page": p.page,
            "pages": pages, "per_page": p.per_page,
            "events": [summary_dict(s, topics.get(s.id, [])) for s in shown],
            "next": p.url(p.page + 1) if p.page < pages else None,
            "previous": p.url(p.page - 1) if p.page > 1 else None}
    return Page(kind="search", title="Search" + (f": {p.q}" if p.q else ""), data=data, template="search.html",
                markdown=lambda: markdown.search_markdown(data), canonical=p.url(p.page),
                context={"form": p.form(), "shown": shown, "topics": topics, "params": p, "total": total,
                         "pages": pages, "map": map_view(_points(shown)) if shown else None,
                         "event_types": EVENT_TYPES})


EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Strategic developments",
               "Protests", "Riots", "Natural disaster", "Man-made disaster", "Diplomacy", "Organized crime", "Crime")


# --- feed -------------------------------------------------------------------------------------

def feed_items(r: Reader, n: int) -> list[tuple[EventSummary, dict]]:
    latest = r.latest_events(n)
    records = {x["id"]: x for x in r.event_records([e.id for e in latest])}
    return [(e, records.get(e.id, {})) for e in latest]


# --- text helpers shared with the templates ---------------------------------------------------

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def date_text(d: str | None, precision: str | None = None, end: str | None = None) -> str:
    """'Sunday, 8 November 2015', 'November 2015', '2015', '29–31 October 2011'; 'date unknown'."""
    if not d:
        return "date unknown"
    precision = precision or iso_precision(d) or "day"
    try:
        if precision == "day" and len(d) >= 10:
            x = Date.fromisoformat(d[:10])
            text = f"{x.strftime('%A')}, {x.day} {MONTHS[x.month - 1]} {x.year}"
            if end and len(end) >= 10 and end != d:
                y = Date.fromisoformat(end[:10])
                if (y.year, y.month) == (x.year, x.month):
                    text = f"{x.day}–{y.day} {MONTHS[x.month - 1]} {x.year}"
                else:
                    text = f"{x.day} {MONTHS[x.month - 1]} {x.year} – {y.day} {MONTHS[y.month - 1]} {y.year}"
            return text
        if precision == "month" and len(d) >= 7:
            return f"{MONTHS[int(d[5:7]) - 1]} {d[:4]}"
        return d[:4]
    except (ValueError, IndexError):
        return d
