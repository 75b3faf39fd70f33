"""Latency of `dateline serve` under 200 concurrent clients, on a database of 50,000+ real events.

usage: python bench/serve_latency.py [--db out/bench/serve.db] [--clients 200] [--seconds 30]
                                     [--workers 2] [--cache-pages 2000] [--out bench/results/serve_latency.json]

1. The database: the current-events digests (44,485 items) are not 50,000 events alone, so
   the other real bench corpora are added, gold labels stripped by the reference
   make_inputs.py: GVA news articles, HRDsAttack train + dev, CASE 2021 snippets, and the
   seeds. Nothing is duplicated. The database is kept in --db and brought up to date by a
   normal `ingest` (a no-op of a few seconds when nothing changed).
2. The server: `dateline serve`'s app under uvicorn in a subprocess on 127.0.0.1, --workers
   processes.
3. The clients: --clients asyncio clients, each on its own keep-alive connection, for
   --seconds (after a warm-up), in two phases:
   - "browsing": each client asks for a page, then waits 0.5–1.5 s (a person reading; the
     usual load-test model of a concurrent user), so 200 clients offer ~200 pages/s;
   - "saturation": no waiting: every client asks again as soon as it has its answer, so the
     latency is mostly queueing (200 / throughput).
   Pages are drawn at random: event pages of random events (50%), day pages of random days
   (20%), topic pages of the 300 most used topics (15%), searches built from the data (15%).
   The client is raw asyncio HTTP/1.1 (cheap, so the two cores go to the server).

Prints p50/p95/p99 per page kind and phase, throughput and errors as one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlencode

from common import MAKE_INPUTS, ROOT, SHARED, emit

from dateline.ingest import ingest
from dateline.store import open_store

MIN_EVENTS = 50_000
KIND_WEIGHTS = {"event": 50, "day": 20, "topic": 15, "search": 15}
THINK_SECONDS = (0.5, 1.5)
WARMUP_SECONDS = 3.0
SEARCH_WORDS = ["killed", "protest", "bomb", "earthquake", "election", "attack", "shooting", "flood", "arrested",
                "clashes", "airstrike", "refugees", "ceasefire", "explosion", "hostages", "police", "storm", "riot"]


# --- the database ------------------------------------------------------------------------------

def bench_inputs(work: Path) -> list[Path]:
    """The real corpora as Dateline inputs, gold labels stripped (written once, then unchanged)."""
    work.mkdir(parents=True, exist_ok=True)
    inputs = [SHARED / "bench" / "current_events", SHARED / "seeds"]
    for kind, src, name in (("gva", SHARED / "bench/gva/docs.jsonl", "gva.jsonl"),
                            ("hrd", SHARED / "bench/hrd/train.json", "hrd_train.jsonl"),
                            ("hrd", SHARED / "bench/hrd/dev.json", "hrd_dev.jsonl"),
                            ("case", SHARED / "bench/case2021/event_types.tsv", "case.jsonl")):
        out = work / name
        if not out.exists():
            subprocess.run([sys.executable, str(MAKE_INPUTS), kind, str(src), str(out)], check=True)
        inputs.append(out)
    return inputs


def build_db(db: Path) -> dict:
    db.parent.mkdir(parents=True, exist_ok=True)
    inputs = bench_inputs(db.parent / "inputs")
    t = time.perf_counter()
    with open_store(db) as store:
        report = ingest(inputs, store)
        events = store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
        documents = store.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    if events < MIN_EVENTS:
        raise SystemExit(f"only {events} events in {db}: the benchmark needs {MIN_EVENTS}")
    return {"path": str(db), "events": events, "documents": documents, "problems": len(report.problems),
            "ingest_seconds": round(time.perf_counter() - t, 1),
            "inputs": [str(p.relative_to(SHARED)) if p.is_relative_to(SHARED) else p.name for p in inputs]}


def sample_paths(db: Path, rng: random.Random) -> dict[str, list[str]]:
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    ids = [r[0] for r in c.execute("SELECT id FROM events")]
    days = [r[0] for r in c.execute("SELECT DISTINCT date FROM events WHERE length(date) = 10")]
    topics = [r[0] for r in c.execute(
        "SELECT t.value, count(*) n FROM events, json_each(events.record, '$.topics') t GROUP BY t.value "
        "ORDER BY n DESC LIMIT 300")]
    countries = [r[0] for r in c.execute(
        "SELECT country, count(*) n FROM events WHERE country IS NOT NULL GROUP BY country ORDER BY n DESC LIMIT 40")]
    types = [r[0] for r in c.execute("SELECT DISTINCT event_type FROM events WHERE event_type IS NOT NULL")]
    c.close()
    from dateline.store.keys import topic_id

    searches = []
    for _ in range(400):
        p: dict[str, str] = {}
        shape = rng.randrange(5)
        if shape in (0, 1, 4):
            p["q"] = rng.choice(SEARCH_WORDS)
        if shape in (1, 2):
            p["place"] = rng.choice(countries)
        if shape in (2, 3):
            p["type"] = rng.choice(types)
        if shape in (3, 4):
            year = rng.randrange(2011, 2020)
            p["date_from"], p["date_to"] = f"{year}", f"{year}"
        if shape == 4 or rng.random() < 0.2:
            p["min_killed"] = str(rng.choice([1, 5, 10]))
        if rng.random() < 0.2:
            p["page"] = str(rng.randrange(2, 4))
        searches.append("/search?" + urlencode(p))
    return {"event": [f"/events/{quote(i, safe='')}" for i in ids], "day": [f"/days/{d}" for d in days],
            "topic": [f"/topics/{topic_id(t)}" for t in topics], "search": searches}


# --- the server --------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, *, workers: int, cache_pages: int) -> subprocess.Popen:
    env = {**os.environ, "DATELINE_SERVE_DB": str(db), "DATELINE_SERVE_CACHE_PAGES": str(cache_pages)}
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "dateline.serve.app:app_from_env", "--factory",
                             "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
                             "--log-level", "warning", "--no-access-log"], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall(b"GET /index.json HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
                if s.recv(12).startswith(b"HTTP/1.1 200"):
                    return proc
        except OSError:
            time.sleep(0.2)
        if proc.poll() is not None:
            raise SystemExit("the server exited at start")
    proc.terminate()
    raise SystemExit("the server did not answer within 60 s")


# --- the clients -------------------------------------------------------------------------------

async def fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: bench\r\nAccept: text/html\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
    await reader.readexactly(length)
    return status


async def client(port: int, paths: dict, rng: random.Random, until: float, record_from: float, think: bool,
                 out: list, max_requests: int) -> None:
    kinds = list(KIND_WEIGHTS)
    weights = [KIND_WEIGHTS[k] for k in kinds]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        if think:  # people arrive spread over the first think time, not all at once
            await asyncio.sleep(rng.uniform(0, THINK_SECONDS[1]))
        while time.monotonic() < until and len(out) < max_requests:
            kind = rng.choices(kinds, weights)[0]
            path = rng.choice(paths[kind])
            t = time.monotonic()
            status = await fetch(reader, writer, path)
            done = time.monotonic()
            if t >= record_from:
                out.append((kind, (done - t) * 1000, status))
            if think:
                await asyncio.sleep(rng.uniform(*THINK_SECONDS))
    finally:
        writer.close()


async def phase(port: int, paths: dict, *, clients: int, seconds: float, think: bool, seed: int,
                max_requests: int) -> tuple[list, float]:
    start = time.monotonic()
    record_from = start + WARMUP_SECONDS
    until = record_from + seconds
    out: list = []
    await asyncio.gather(*(client(port, paths, random.Random(seed * 1000 + i), until, record_from, think, out,
                                  max_requests) for i in range(clients)))
    return out, min(seconds, time.monotonic() - record_from)


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(round(p / 100 * (len(sorted_values) - 1))))]


def summarize(samples: list, seconds: float) -> dict:
    out = {"requests": len(samples), "per_second": round(len(samples) / seconds, 1),
           "errors": sum(1 for _, _, s in samples if s != 200)}
    for kind in [*KIND_WEIGHTS, "all"]:
        ms = sorted(m for k, m, _ in samples if kind in (k, "all"))
        out[kind] = {"n": len(ms), "p50_ms": round(percentile(ms, 50), 1), "p95_ms": round(percentile(ms, 95), 1),
                     "p99_ms": round(percentile(ms, 99), 1)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, default=ROOT / "out" / "bench" / "serve.db")
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=30.0, help="measured seconds per phase (after a 3 s warm-up)")
    ap.add_argument("--workers", type=int, default=2, help="server processes")
    ap.add_argument("--cache-pages", type=int, default=2000, help="rendered pages each server process keeps")
    ap.add_argument("--max-requests", type=int, default=200_000, help="stop a phase after this many")
    ap.add_argument("--phases", default="browsing,saturation")
    ap.add_argument("--build-only", action="store_true", help="build or update the database, then stop")
    ap.add_argument("--out", type=Path, default=None, help="also write the JSON here")
    args = ap.parse_args()
    database = build_db(args.db)
    if args.build_only:
        emit({"database": database})
        return
    result = {"database": database, "clients": args.clients, "workers": args.workers,
              "cache_pages": args.cache_pages, "seconds": args.seconds, "think_seconds": list(THINK_SECONDS),
              "cores": os.cpu_count()}
    rng = random.Random(5)
    paths = sample_paths(args.db, rng)
    port = free_port()
    server = start_server(args.db, port, workers=args.workers, cache_pages=args.cache_pages)
    try:
        for i, name in enumerate(args.phases.split(",")):
            samples, seconds = asyncio.run(phase(port, paths, clients=args.clients, seconds=args.seconds,
                                                 think=name == "browsing", seed=i + 1,
                                                 max_requests=args.max_requests))
            result[name] = summarize(samples, seconds)
            print(f"{name}: " + ", ".join(f"{k} p50 {v['p50_ms']} p95 {v['p95_ms']} ms" for k, v in result[name].items()
                                           if isinstance(v, dict)) + f"; {result[name]['per_second']}/s",
                  file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=30)
    emit(result, args.out)


if __name__ == "__main__":
    main()
