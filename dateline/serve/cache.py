"""A small in-memory cache of rendered pages, emptied whenever the database changes.

Pages are pure functions of the database (and of the path and query string that name
them), so a rendered page stays right until the next ingest commits; ``Reader.generation``
notices that commit (``PRAGMA data_version``) on the next request, and every page rendered
before it is dropped. Page handlers store what they render (:meth:`PageCache.respond`);
:class:`CachedPages`, in front of the whole app, answers a cached page before routing.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from fastapi import Request
from fastapi.responses import Response

from .reader import Reader

MAX_BODY_BYTES = 512 * 1024  # larger pages (a long document) are rendered every time
HOST_DEPENDENT = ("/feed.rss",)  # pages with absolute links: cached per Host header


class PageCache:
    def __init__(self, reader: Reader, *, max_pages: int):
        self.reader = reader
        self.max_pages = max_pages
        self._pages: OrderedDict[tuple, tuple[bytes, int, bytes]] = OrderedDict()
        self._generation = -1
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    @staticmethod
    def key(scope) -> tuple:
        path = scope["path"]
        host = b""
        if path in HOST_DEPENDENT:
            host = next((v for k, v in scope["headers"] if k == b"host"), b"")
        return path, scope.get("query_string", b""), host

    def _current(self) -> int:
        """The database generation, emptying the cache when it moved on."""
        generation = self.reader.generation()
        with self._lock:
            if generation != self._generation:
                self._pages.clear()
                self._generation = generation
        return generation

    def lookup(self, scope) -> tuple[bytes, int, bytes] | None:
        if self.max_pages <= 0:
            return None
        self._current()
        key = self.key(scope)
        with self._lock:
            hit = self._pages.get(key)
            if hit is not None:
                self._pages.move_to_end(key)
                self.hits += 1
        return hit

    def respond(self, request: Request, build: Callable[[], Response]) -> Response:
        """The page ``build`` renders, kept for the next request for the same path and query."""
        if self.max_pages <= 0:
            return build()
        generation = self._current()
        response = build()
        self.misses += 1
        if response.status_code == 200 and len(response.body) <= MAX_BODY_BYTES:
            entry = (bytes(response.body), response.status_code, response.headers["content-type"].encode("latin-1"))
            with self._lock:
                if generation == self._generation:  # not rendered from a database that changed since
                    self._pages[self.key(request.scope)] = entry
                    while len(self._pages) > self.max_pages:
                        self._pages.popitem(last=False)
        return response


class CachedPages:
    """ASGI middleware: a GET for a cached page is answered before routing and validation."""

    def __init__(self, app, cache: PageCache):
        self.app = app
        self.cache = cache

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "GET":
            hit = self.cache.lookup(scope)
            if hit is not None:
                body, status, content_type = hit
                await send({"type": "http.response.start", "status": status,
                            "headers": [(b"content-type", content_type),
                                        (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
