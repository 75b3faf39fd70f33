"""The application factory: ``create_app(db_path)`` gives the ASGI app ``dateline serve`` runs."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import __version__
from ..store import open_store
from ..store.keys import topic_id
from . import errors, pages
from .cache import CachedPages, PageCache
from .reader import Reader
from .routes import router

CACHE_PAGES = 2000  # rendered pages kept in memory (about 30 KB each)

DESCRIPTION = """\
Dateline's event site and its API. Every page answers at its path as HTML and at the same
path with `.json`, `.md` (the digest Markdown format) or `.xml` (the front page's twins are
`/index.json`, `/index.md`, `/index.xml`). Every error has the body
`{"ok": false, "status": …, "error": "…", "code": …}`. JSON pages carry `"ok": true` and
`"kind"`; event records follow DESIGN.md. Clients should ignore keys they do not know.
"""


def _package_dir(name: str) -> Path:
    return Path(str(resources.files("dateline.serve") / name))


def templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(str(_package_dir("templates"))),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(event_url=pages.event_url, topic_url=pages.topic_url, day_url=pages.day_url,
                       search_url=pages.search_url, date_text=pages.date_text, figure_text=pages.figure_text,
                       topic_id=topic_id, version=__version__)
    env.filters["num"] = lambda v: "" if v is None else f"{v:,}"
    return Jinja2Templates(env=env)


def create_app(db_path: str | Path, *, cache_pages: int = CACHE_PAGES) -> FastAPI:
    """The site over the database at ``db_path``. The database is migrated once if it is older than
    this version (as every ``dateline`` command does); after that the site only reads it."""
    open_store(db_path, create=False).close()  # missing file: StoreError with what to run
    reader = Reader(db_path)
    app = FastAPI(title="Dateline", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None)  # the interactive docs load scripts from a CDN: not here
    app.state.reader = reader
    app.state.templates = templates()
    app.state.cache = PageCache(reader, max_pages=cache_pages)
    app.add_middleware(CachedPages, cache=app.state.cache)
    errors.install(app)
    app.mount("/static", StaticFiles(directory=str(_package_dir("static"))), name="static")
    app.include_router(router)
    return app


def app_from_env() -> FastAPI:
    """The app for ``uvicorn --factory`` worker processes: the database path is in DATELINE_SERVE_DB,
    the page cache size in DATELINE_SERVE_CACHE_PAGES (default CACHE_PAGES)."""
    import os

    return create_app(os.environ["DATELINE_SERVE_DB"],
                      cache_pages=int(os.environ.get("DATELINE_SERVE_CACHE_PAGES", CACHE_PAGES)))
