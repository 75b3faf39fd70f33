"""The RSS 2.0 feed of the latest events."""

from __future__ import annotations

from datetime import date, datetime, timezone
from email.utils import format_datetime
from xml.sax.saxutils import escape

from fastapi import Request
from fastapi.responses import Response

from .pages import event_url, feed_items
from .reader import Reader

FEED_ITEMS = 50


def _rfc822(day: str) -> str | None:
    try:
        d = date.fromisoformat(day[:10])
    except ValueError:
        return None
    return format_datetime(datetime(d.year, d.month, d.day, 12, tzinfo=timezone.utc))


def _description(summary, record: dict) -> str:
    parts = []
    place = ", ".join(x for x in (summary.place_name, summary.country) if x)
    if place:
        parts.append(place)
    for kind in ("killed", "wounded", "captured"):
        v = getattr(summary, kind)
        if v:
            parts.append(f"{v:,} {kind}")
    sources = [s.get("name") for s in record.get("sources") or [] if s.get("name")]
    if sources:
        parts.append("sources: " + ", ".join(sources))
    if record.get("topics"):
        parts.append("context: " + ", ".join(record["topics"]))
    return ". ".join(parts)


def feed_xml(base: str, items) -> str:
    base = base.rstrip("/")
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>',
           "<title>Dateline: latest events</title>",
           f"<link>{escape(base)}/</link>",
           f'<atom:link href="{escape(base)}/feed.rss" rel="self" type="application/rss+xml"/>',
           "<description>The latest events in the Dateline database, with places, casualties and sources."
           "</description>", "<language>en</language>"]
    for summary, record in items:
        link = base + event_url(summary.id)
        out.append("<item>")
        out.append(f"<title>{escape(summary.title)}</title>")
        out.append(f"<link>{escape(link)}</link>")
        out.append(f'<guid isPermaLink="true">{escape(link)}</guid>')
        when = _rfc822(summary.date or "")
        if when:
            out.append(f"<pubDate>{when}</pubDate>")
        if summary.event_type:
            out.append(f"<category>{escape(summary.event_type)}</category>")
        for t in record.get("topics") or []:
            out.append(f"<category>{escape(t)}</category>")
        out.append(f"<description>{escape(_description(summary, record))}</description>")
        out.append("</item>")
    out.append("</channel></rss>")
    return "\n".join(out) + "\n"


def feed_response(request: Request, reader: Reader) -> Response:
    xml = feed_xml(str(request.base_url), feed_items(reader, FEED_ITEMS))
    return Response(xml, media_type="application/rss+xml; charset=utf-8")
