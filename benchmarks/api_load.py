"""Load test of ``GET /events``: requests/s and p50/p99 latency at N concurrent clients, on loopback only.

    .venv/bin/python benchmarks/api_load.py [--events 100000] [--clients 50] [--requests 5000] [--seconds 60] [--vary]

Builds a store with ``--events`` synthetic events (copies of one real record with new ids, dates, places and
counts, spread over 2015-2024 and six countries), starts ``sitrep serve`` on 127.0.0.1 in a subprocess,
and sends at most ``--requests`` requests for at most ``--seconds`` (bounded; it stops by itself). The
requests mix the first page, filtered pages (country, date range, type, bbox, text) and next pages by
cursor; ``--vary`` gives every request its own date window, so the server's page cache cannot answer it.
Target (issue 8): p99 < 200 ms at 50 clients with 100k events.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT = ("Two civilians were killed and five wounded on Sunday when a drone struck a market near Daquq, "
        "police said.")
QUERIES = [
    {}, {"country": "IQ"}, {"country": "SY", "since": "2020-01-01"}, {"since": "2018-01", "until": "2018-06"},
    {"type": "battles"}, {"bbox": "35,30,45,38"}, {"q": "market"}, {"order": "desc"}, {"min_confidence": "0.7"},
    {"actor": "civilians", "country": "AF"},
]


def build_store(path: Path, n: int) -> None:
    """One real report saved through the store, then ``n`` copies of its event row with varied columns."""
    from sitrep.model import (
        AssertedBy,
        AssertedKind,
        Count,
        Document,
        Event,
        Evidence,
        GeoPrecision,
        Place,
        Precision,
        Report,
        Time,
        TimeBasis,
    )
    from sitrep.store.duckdb import DuckDBStore

    doc = Document.create(TEXT, url="https://load.example/1", outlet="Load Wire", published="2024-03-12")
    event = Event(
        id="ev_template", type="explosions_remote_violence", subtype="air_drone_strike", plover="ASSAULT",
        date=Time(value="2024-03-10", precision=Precision.DAY, start="2024-03-10", end="2024-03-10",
                  basis=TimeBasis.RELATIVE, evidence=(Evidence.of(TEXT, 43, 52),)),
        place=Place(name="Daquq", country="IQ", admin1="Kirkuk", lat=35.14, lon=44.45, precision=GeoPrecision.NEAR,
                    evidence=(Evidence.of(TEXT, 87, 92),)),
        actors=(), killed=Count(best=2, low=2, high=2, evidence=(Evidence.of(TEXT, 0, 25),)),
        injured=Count(best=5, low=5, high=5, evidence=(Evidence.of(TEXT, 30, 42),)),
        asserted_by=AssertedBy(kind=AssertedKind.SPEAKER, name="police"), hedge=None, negated=False,
        confidence=0.85, evidence=(Evidence.of(TEXT, 0, len(TEXT)),), document_ids=(doc.id,), extractor="events@1")
    with DuckDBStore(path) as store:
        store.save_report(Report(document=doc, events=(event,)))
        con = store._connection()
        con.execute("""
            INSERT INTO events
            SELECT printf('ev_%016x', i) AS id, t.document_id,
                   DATE '2015-01-01' + CAST(i % 3650 AS INTEGER) AS event_date, NULL, NULL,
                   t.time_precision, t.date_basis,
                   ['battles', 'explosions_remote_violence', 'protests', 'riots'][1 + i % 4] AS event_type,
                   t.sub_event_type, t.plover, t.actor1, t.actor1_kind, t.actor2, t.actor2_kind,
                   ['civilians | police', 'army | rebels', 'protesters'][1 + i % 3] AS actor_names,
                   ['IQ', 'SY', 'AF', 'UA', 'ML', 'YE'][1 + i % 6] AS country, t.admin1, t.admin2, t.location,
                   t.geonames_id, 10 + (i * 7919 % 3000) / 100.0 AS latitude, 20 + (i * 104729 % 5000) / 100.0,
                   t.geo_precision, CAST(i % 13 AS INTEGER) AS fatalities, NULL, NULL, CAST(i % 7 AS INTEGER),
                   t.asserted_by_kind, t.asserted_by, t.hedge, t.negated, 0.4 + (i % 60) / 100.0 AS confidence,
                   CASE WHEN i % 5 = 0 THEN t.evidence_text ELSE 'Shelling hit the town' END, t.source_url,
                   t.outlet, t.extractor,
                   json_merge_patch(t.record, json_object('id', printf('ev_%016x', i))) AS record
            FROM range(?) r(i), (SELECT * FROM events WHERE id = 'ev_template') t
        """, [n - 1])
        print(f"store: {store.counts()['events']} events in {path}", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(base: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with code {proc.returncode}")
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("the server did not start in time")


async def hammer(base: str, *, clients: int, requests: int, seconds: float, vary: bool = False) -> dict:
    import httpx

    latencies: list[float] = []
    errors = 0
    sent = 0
    cursors: list[str] = []
    stop_at = time.monotonic() + seconds
    rng = random.Random(8)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
        async def client() -> None:
            nonlocal errors, sent
            while sent < requests and time.monotonic() < stop_at:
                sent += 1
                params = dict(rng.choice(QUERIES))
                if vary:  # a different date window each time: the server's page cache does not help
                    year, month = rng.randint(2015, 2024), rng.randint(1, 12)
                    params["since"] = f"{year}-{month:02d}-{rng.randint(1, 28):02d}"
                if cursors and rng.random() < 0.2:
                    params = {"cursor": rng.choice(cursors)}
                t0 = time.perf_counter()
                response = await http.get("/events", params={"limit": 50, **params})
                latencies.append(time.perf_counter() - t0)
                if response.status_code != 200:
                    errors += 1
                    continue
                nxt = response.json().get("next_cursor")
                if nxt and len(cursors) < 200 and "cursor" not in params and not params:
                    cursors.append(nxt)

        started = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(clients)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies), "errors": errors, "clients": clients, "seconds": round(elapsed, 2),
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(1000 * statistics.median(latencies), 1),
        "p99_ms": round(1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))], 1),
        "max_ms": round(1000 * latencies[-1], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--vary", action="store_true", help="vary every query's date window (no cache hits)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sitrep-load-"))
    db = folder / "load.duckdb"
    t0 = time.perf_counter()
    build_store(db, args.events)
    print(f"built in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    port = free_port()
    base = f"http://127.0.0.1:{port}"  # loopback only
    sitrep = str(Path(sys.executable).with_name("sitrep"))
    env = {k: v for k, v in os.environ.items() if k != "SITREP_API_TOKEN"}
    proc = subprocess.Popen([sitrep, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)], env=env)
    try:
        wait_up(base, proc)
        asyncio.run(hammer(base, clients=5, requests=100, seconds=10))  # warm-up
        result = asyncio.run(hammer(base, clients=args.clients, requests=args.requests, seconds=args.seconds,
                                    vary=args.vary))
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    print(json.dumps({"events_in_store": args.events, "endpoint": "/events?limit=50", "vary": args.vary, **result}))


if __name__ == "__main__":
    main()
