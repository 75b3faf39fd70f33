"""Events as digest pages in the seeds' Markdown format (seeds 000 and 002), and daily index pages.

An event page::

    ### [2015-11-8](/news/2015/11/08/index.md)      the event's date, linking to its day
    # Headline.                                      the event's title
    ### Source:
    1. [UPI](http://www.upi.com/...)                 the sources a digest cites; else the documents
    ### Related:
    1. [Headline](/news/2017/08/28/ev-….md) _Context: Topic A, Topic B_

Pages live at :func:`event_path` (``/news/YYYY/MM/DD/<event id>.md``), day indexes at
:func:`day_path`; links are site-absolute, as on the digest site. The functions here are
pure: the caller passes the related events' records (and the documents' titles and URLs)
it wants shown. A date known only to the month or year is written ``2011-7`` or ``2011``;
an undated event ``undated``; the digest reader reads all four back, with their precision.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def _date_parts(date: str | None) -> list[str]:
    return date.split("-") if date else []


def date_label(date: str | None) -> str:
    """The date as the digest site writes it: ``2015-11-8`` (no leading zeros)."""
    parts = _date_parts(date)
    return "-".join([parts[0], *(str(int(p)) for p in parts[1:])]) if parts else "undated"


def day_path(date: str | None) -> str:
    """The site path of the index page of a day (or month, year; ``undated``)."""
    parts = _date_parts(date)
    return "/news/" + ("/".join(parts) if parts else "undated") + "/index.md"


def event_path(record: Mapping) -> str:
    """The site path of an event's page: ``/news/2015/11/08/ev-….md``."""
    parts = _date_parts(record.get("date"))
    return "/news/" + ("/".join(parts) if parts else "undated") + f"/{record['id']}.md"


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _label(text: str) -> str:
    """Link text that cannot end the link early."""
    return _one_line(text).replace("](", "] (")


def _item_line(n: int, record: Mapping) -> str:
    line = f"{n}. [{_label(record.get('title') or record['id'])}]({event_path(record)})"
    topics = record.get("topics") or []
    return line + (f" _Context: {', '.join(topics)}_" if topics else "")


def event_markdown(record: Mapping, *, related: Mapping[str, Mapping] | None = None,
                   documents: Mapping[str, Mapping] | None = None) -> str:
    """The digest page of one event.

    ``related`` maps event ids to records: the event's related events found there are listed
    (in the record's order) with their titles, pages and contexts; others are left out.
    ``documents`` maps document ids to ``{"title", "url"}``: when the event has no cited
    sources (it comes from articles, not a digest), its documents are listed as sources.
    """
    date = record.get("date")
    out = [f"### [{date_label(date)}]({day_path(date)})", "", f"# {_one_line(record.get('title'))}", ""]
    sources = [(s["name"], s.get("url") or "") for s in record.get("sources") or []]
    if not sources:
        docs = documents or {}
        for d in record.get("documents") or []:
            meta = docs.get(d) or {}
            sources.append((meta.get("title") or d, meta.get("url") or ""))
    if sources:
        out += ["### Source:", ""]
        out += [f"{i}. [{_label(name)}]({url})" if url else f"{i}. {_label(name)}"  # no link without a URL
                for i, (name, url) in enumerate(sources, 1)]
        out.append("")
    rel = [related[r] for r in record.get("related") or [] if related and r in related]
    if rel:
        out += ["### Related:", ""]
        out += [_item_line(i, r) for i, r in enumerate(rel, 1)]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def day_index_markdown(date: str | None, records: Iterable[Mapping]) -> str:
    """The index page of a day: every event of that day, in the order given, with its context.

    An index page has no digest date line and holds no event of its own: ingesting an export's
    folder reads the event pages and leaves index pages out (:mod:`dateline.readers.export_index`).
    """
    lines = [f"# {date_label(date)}", ""]
    lines += [_item_line(i, r) for i, r in enumerate(records, 1)]
    return "\n".join(lines).rstrip("\n") + "\n"
