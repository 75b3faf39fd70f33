"""Paths of the site. Every page answers at its path (HTML) and at the same path with ``.json``,
``.md`` or ``.xml``; both routes call one handler, which builds the page once."""

from __future__ import annotations

import inspect
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from . import pages, rss
from .errors import BadParameter, ErrorBody, NotFound
from .formats import FORMAT_PATTERN, FORMATS, MEDIA_TYPES, render

router = APIRouter()

ERRORS = {404: {"model": ErrorBody, "description": "No such page"},
          422: {"model": ErrorBody, "description": "A parameter is malformed"},
          500: {"model": ErrorBody, "description": "Internal error"}}
FORMAT = Annotated[str, Path(pattern=FORMAT_PATTERN, description="json, md or xml")]


def page_route(path: str, *, twin: str | None = None, summary: str, tags: list[str]):
    """Register ``handler(request, fmt, ...)`` at ``path`` (HTML) and ``twin`` (``path`` + ``.{fmt}``)."""

    def register(handler):
        sig = inspect.signature(handler)
        html_params = [p for p in sig.parameters.values() if p.name != "fmt"]

        def html(**kwargs):
            return handler(fmt="html", **kwargs)

        html.__signature__ = sig.replace(parameters=html_params)
        html.__name__ = handler.__name__ + "_html"
        html.__doc__ = handler.__doc__
        # the suffixed route first: the plain one's {param} would also match "x.json"
        router.add_api_route(twin or f"{path}.{{fmt}}", handler, methods=["GET"], summary=f"{summary} (JSON, Markdown or XML)",
                             description=handler.__doc__, tags=tags, response_class=Response,
                             responses={200: {"content": {MEDIA_TYPES[f].split(";")[0]: {} for f in ("json", "md", "xml")},
                                              "description": "The page's data as JSON, Markdown or XML"}, **ERRORS})
        router.add_api_route(path, html, methods=["GET"], summary=summary, description=handler.__doc__, tags=tags,
                             response_class=Response,
                             responses={200: {"content": {"text/html": {}}, "description": "The page"}, **ERRORS})
        return handler

    return register


def _reader(request: Request):
    return request.app.state.reader


def _respond(request: Request, fmt: str, build):
    return request.app.state.cache.respond(request, lambda: render(request, build(), fmt))


@page_route("/", twin="/index.{fmt}", summary="Front page: the latest days", tags=["pages"])
def front(request: Request, fmt: FORMAT):
    """The latest days with their events, a map of them and casualties over the last 30 days."""
    return _respond(request, fmt, lambda: pages.front_page(_reader(request)))


@page_route("/days/{day}", summary="One day's events", tags=["pages"])
def day(request: Request, fmt: FORMAT,
        day: Annotated[str, Path(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")]):
    """Every event of a day, grouped by type, on a map, with links to the days before and after."""
    return _respond(request, fmt, lambda: pages.day_page(_reader(request), day))


@page_route("/events/{event_id}", summary="One event with its evidence", tags=["pages"])
def event(request: Request, fmt: FORMAT, event_id: Annotated[str, Path(description="Event id, e.g. ev-0123abcd…")]):
    """An event: title, date with precision, place on a map, actors, people, casualties per side with
    every claim and who makes it, its sources with the evidence sentences highlighted, topics and
    related events. ``.json`` holds the event record of DESIGN.md."""
    return _respond(request, fmt, lambda: pages.event_page(_reader(request), event_id))


@page_route("/documents/{doc_id}", summary="One source document", tags=["pages"])
def document(request: Request, fmt: FORMAT, doc_id: Annotated[str, Path(description="Document id")]):
    """A source document's text (always shown as text) with the sentences that state events
    highlighted and linked to them."""
    return _respond(request, fmt, lambda: pages.document_page(_reader(request), doc_id))


@page_route("/topics", summary="Topics", tags=["pages"])
def topics(request: Request, fmt: FORMAT,
           q: Annotated[str | None, Query(max_length=200, description="Only topics whose name contains this")] = None):
    """The topics (contexts) events belong to, most used first."""
    return _respond(request, fmt, lambda: pages.topics_page(_reader(request), q))


@page_route("/topics/{topic_id}", summary="One topic's timeline", tags=["pages"])
def topic(request: Request, fmt: FORMAT, topic_id: Annotated[str, Path(description="Topic id (slug of its name)")],
          page: Annotated[int, Query(ge=1, le=100_000, description="Timeline page")] = 1):
    """A topic's events as a timeline (its sub-topics included), casualties by month as a chart,
    and a map."""
    return _respond(request, fmt, lambda: pages.topic_page(_reader(request), topic_id, page))


@page_route("/search", summary="Search events", tags=["pages"])
def search(request: Request, fmt: FORMAT,
           q: Annotated[str | None, Query(max_length=500, description="Words in the title or evidence; \"phrases\", prefix*")] = None,
           date_from: Annotated[str | None, Query(max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD, inclusive")] = None,
           date_to: Annotated[str | None, Query(max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD, inclusive")] = None,
           place: Annotated[str | None, Query(max_length=200, description="Place, region or country (and what is inside it)")] = None,
           actor: Annotated[str | None, Query(max_length=200, description="Actor name or alias")] = None,
           side: Annotated[str | None, Query(max_length=200, description="Side (\"civilians\", \"Islamic State\")")] = None,
           type: Annotated[str | None, Query(max_length=100, description="Event type or sub-event type")] = None,
           min_killed: Annotated[str | None, Query(max_length=9, description="At least this many killed (a whole number; empty: any)")] = None,
           topic: Annotated[str | None, Query(max_length=200, description="Topic name (sub-topics included)")] = None,
           person: Annotated[str | None, Query(max_length=200, description="Named person")] = None,
           page: Annotated[int, Query(ge=1, le=100_000, description="Result page")] = 1,
           per_page: Annotated[int, Query(ge=1, le=pages.MAX_PAGE_SIZE, description="Results per page")] = pages.SEARCH_PAGE):
    """Full-text search over event titles and evidence, with filters; newest first, paged."""
    params = pages.SearchParams(q=q, date_from=date_from, date_to=date_to, place=place, actor=actor, side=side,
                                type=type, min_killed=_whole_number("min_killed", min_killed), topic=topic, person=person, page=page,
                                per_page=per_page)
    return _respond(request, fmt, lambda: pages.search_page(_reader(request), params))


def _whole_number(name: str, value: str | None) -> int | None:
    """A form field for a number: empty means "any" (a browser sends ``min_killed=``)."""
    if value is None or not value.strip():
        return None
    if not value.strip().isdigit():
        raise BadParameter(f"{name} must be a whole number of 0 or more, not {value!r}")
    return int(value)


@router.get("/news/{rest:path}", summary="The digest site's paths", tags=["pages"], response_class=Response,
            responses={200: {"content": {"text/markdown": {}, "application/json": {}, "application/xml": {}},
                             "description": "The day's or event's page"},
                       301: {"description": "To the HTML page"}, **ERRORS})
def news(request: Request, rest: Annotated[str, Path(description="YYYY/MM/DD/index.md or YYYY/MM/DD/<event id>.md")]):
    """The paths of the digest site, which the ``.md`` pages link to: ``/news/2015/11/8/index.md`` is
    the day's page and ``/news/2015/11/08/<event id>.md`` the event's (also ``.json``, ``.xml``;
    without a suffix, a redirect to the HTML page)."""
    parts = [p for p in rest.split("/") if p]
    if not parts:
        raise NotFound("no page at /news/: use /news/YYYY/MM/DD/index.md or /news/YYYY/MM/DD/<event id>.md")
    name, dot, suffix = parts[-1].rpartition(".")
    if not dot or suffix not in FORMATS:
        name, suffix = parts[-1], "html"
    if name == "index":
        try:
            y, m, d = (int(x) for x in parts[:-1])
            day = f"{y:04d}-{m:02d}-{d:02d}"
        except ValueError:
            raise NotFound(f"no day at /news/{rest}: use /news/YYYY/MM/DD/index.md") from None
        if suffix == "html":
            return RedirectResponse(pages.day_url(day), status_code=301)
        return _respond(request, suffix, lambda: pages.day_page(_reader(request), day))
    if suffix == "html":
        return RedirectResponse(pages.event_url(name), status_code=301)
    return _respond(request, suffix, lambda: pages.event_page(_reader(request), name))


@router.get("/feed.rss", summary="RSS feed of the latest events", tags=["feeds"], response_class=Response,
            responses={200: {"content": {"application/rss+xml": {}}, "description": "RSS 2.0"}})
def feed(request: Request):
    """The latest events, newest first, as RSS 2.0."""
    return request.app.state.cache.respond(request, lambda: rss.feed_response(request, _reader(request)))
