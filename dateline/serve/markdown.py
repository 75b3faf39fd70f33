"""The ``.md`` twins of the pages.

Event and day pages are in the digest format of the seeds (``dateline.export.markdown``:
date line, headline, ``### Source:``, ``### Related:`` with ``_Context: …_``). The other
pages (front, topic, search, topics, document) are lists of events in the same style: one
dated headline a line, linked to its event page.
"""

from __future__ import annotations

from ..export import markdown as digest


def event_markdown_page(record: dict, related: list[dict], documents: list[dict]) -> str:
    """The event in the digest page format; ``related`` and ``documents`` are the page's lists
    (related events with their titles, dates and topics; documents with titles and URLs)."""
    return digest.event_markdown(record, related={r["id"]: r for r in related},
                                 documents={d["id"]: d for d in documents})


def day_markdown(day: str, events: list[dict]) -> str:
    """The day's index page in the digest format; ``events`` carry id, title, date and topics."""
    return digest.day_index_markdown(day, events)


def _esc(text: str) -> str:
    """Text inside a Markdown link label: brackets and newlines would end it."""
    return " ".join((text or "").replace("[", "(").replace("]", ")").split())


def _line(e: dict, *, with_date: bool = True) -> str:
    where = ", ".join(x for x in (e.get("place_name"), e.get("country")) if x)
    tail = []
    if where:
        tail.append(where)
    if e.get("killed"):
        tail.append(f"{e['killed']:,} killed")
    context = f" _Context: {', '.join(e['topics'])}_" if e.get("topics") else ""
    date = f"{e.get('date') or 'undated'}: " if with_date else ""
    extra = f" ({'; '.join(tail)})" if tail else ""
    return f"- {date}[{_esc(e['title'])}]({e['url']}){extra}{context}"


def front_markdown(data: dict) -> str:
    out = ["# Dateline: the latest events", ""]
    for day in data["days"]:
        out += [f"## [{day['date']}]({day['url']})", ""]
        out += [_line(e, with_date=False) for e in day["events"]]
        out.append("")
    return "\n".join(out)


def topic_markdown(data: dict) -> str:
    t = data["topic"]
    out = [f"# {t['name']}", "", f"{data['count']:,} events (page {data['page']} of {data['pages']})", ""]
    if data["parents"]:
        out += ["Part of: " + ", ".join(f"[{_esc(p['name'])}]({p['url']})" for p in data["parents"]), ""]
    out += [_line(e) for e in data["events"]]
    return "\n".join(out) + "\n"


def search_markdown(data: dict) -> str:
    q = ", ".join(f"{k}={v}" for k, v in data["query"].items()) or "everything"
    out = [f"# Search: {q}", "", f"{data['count']:,} events (page {data['page']} of {data['pages']})", ""]
    out += [_line(e) for e in data["events"]]
    if data.get("next"):
        out += ["", f"[Next page]({data['next']})"]
    return "\n".join(out) + "\n"


def topics_markdown(data: dict) -> str:
    out = ["# Topics", ""]
    out += [f"- [{_esc(t['name'])}]({t['url']}) ({t['events']:,} events)" for t in data["topics"]]
    return "\n".join(out) + "\n"


def document_markdown(data: dict) -> str:
    d = data["document"]
    out = [f"# {_esc(d['title'] or d['id'])}", ""]
    meta = [x for x in (d.get("published"), d.get("url")) if x]
    if meta:
        out += [" · ".join(meta), ""]
    out += ["### Events:", ""]
    out += [_line(e) for e in data["events"]]
    out += ["", "### Text:", "", *(f"> {line}" if line else ">" for line in d["text"].splitlines())]
    return "\n".join(out) + "\n"
