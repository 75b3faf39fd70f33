"""Shared by the web-site tests: a database of the seeds plus a hostile article, and a real
uvicorn server on 127.0.0.1 (a free port) running in a thread of the test process."""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from dateline.ingest import ingest
from dateline.serve import create_app
from dateline.store import open_store

# An article whose title and text hold HTML and script: every page must show it as text.
HOSTILE_ID = "hostile_article"
HOSTILE_TEXT = """Three killed in Memphis shooting <script>alert(1)</script>

MEMPHIS, Tenn., Jan. 8, 2017 (AP) -- Three people were killed and two wounded when gunmen opened fire \
outside a nightclub in Memphis, Tennessee on Sunday, police said. <b>Witnesses</b> said the attackers \
fled <img src=x onerror="alert(2)"> in a car.

Police spokesman <a href="javascript:alert(3)">John Smith</a> said an investigation is under way.
"""
SEED_EVENT = "ev-df9d6617e9c37c25"  # seed 000: 58 Islamic State militants killed in Deir ez-Zor, 8 Nov 2015
SEED_TITLE = ("Syrian state news reports clashes between Syrian Armed Forces and the Islamic State in eastern "
              "Syria's Deir ez-Zor province result in the deaths of 58 militants.")


def build_site_db(seeds: Path, tmp: Path) -> Path:
    extra = tmp / "extra"
    extra.mkdir(parents=True, exist_ok=True)
    (extra / f"{HOSTILE_ID}.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    db = tmp / "site.db"
    with open_store(db) as store:
        report = ingest([seeds, extra], store)
    assert not report.problems, report.problems
    return db


def free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@contextmanager
def running_server(db: Path, **app_options):
    """A real uvicorn server for ``db`` on 127.0.0.1; yields (base URL, app)."""
    app = create_app(db, **app_options)
    sock = free_socket()
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}", app
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        app.state.reader.close()
