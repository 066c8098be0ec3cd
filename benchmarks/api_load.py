"""Load test of ``GET /events``: requests/s and p50/p99 latency at N concurrent clients, on loopback only.

    .venv/bin/python benchmarks/api_load.py [--events 100000] [--clients 50] [--requests 5000] [--seconds 60]
        [--vary] [--workers N] [--client raw|httpx] [--db EXISTING.duckdb]

Builds a store with ``--events`` synthetic events (copies of one real record with new ids, dates, places and
counts, spread over 2015-2024 and six countries), starts ``sitrep serve`` on 127.0.0.1 in a subprocess,
and sends at most ``--requests`` requests for at most ``--seconds`` (bounded; it stops by itself). The
requests mix the first page, filtered pages (country, date range, type, bbox, text) and next pages by
cursor (following the unfiltered listing deeper, and with ``--vary`` each date window's); ``--vary`` gives every
first page its own date window, so the server's page cache cannot answer it; ``--workers N`` serves with N read-only processes
(``sitrep serve --workers N``). Each client is one keep-alive connection sending its next request
when the last one is answered (a closed loop: p50 is about clients / throughput).

The client shares the machine with the server: the default "raw" client costs ~0.1 ms of CPU a request,
httpx ~4 ms, which on 2 cores would measure httpx more than the server. The output names the load average
before and after, and the CPU seconds of the server and of the client (also per request).
Target (issue 8): p99 < 200 ms at 50 clients with 100k events.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

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
    from sitrep.store._derived import fill_derived
    from sitrep.store._order import keep_sorted, note_written
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
        # BY NAME with the template's columns replaced: stays right when the schema gains a column
        con.execute("""
            INSERT INTO events BY NAME
            SELECT t.* REPLACE (
                printf('ev_%016x', i) AS id,
                DATE '2015-01-01' + CAST(i % 3650 AS INTEGER) AS event_date,
                NULL::DATE AS date_start, NULL::DATE AS date_end,
                ['battles', 'explosions_remote_violence', 'protests', 'riots'][1 + i % 4] AS event_type,
                ['civilians | police', 'army | rebels', 'protesters'][1 + i % 3] AS actor_names,
                ['IQ', 'SY', 'AF', 'UA', 'ML', 'YE'][1 + i % 6] AS country,
                10 + (i * 7919 % 3000) / 100.0 AS latitude, 20 + (i * 104729 % 5000) / 100.0 AS longitude,
                CAST(i % 13 AS INTEGER) AS fatalities, NULL::INTEGER AS fatalities_low,
                NULL::INTEGER AS fatalities_high, CAST(i % 7 AS INTEGER) AS injuries,
                0.4 + (i % 60) / 100.0 AS confidence,
                CASE WHEN i % 5 = 0 THEN t.evidence_text ELSE 'Shelling hit the town' END AS evidence_text,
                json_merge_patch(t.record, json_object('id', printf('ev_%016x', i))) AS record)
            FROM range(?) r(i), (SELECT * FROM events WHERE id = 'ev_template') t
        """, [n - 1])
        fill_derived(con, "events", everything=True)  # the copies' own text and type, for the q filter
        note_written(con, "events", n - 1)  # as a batch of saved reports would: the store then puts them in order
        keep_sorted(con)
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


class _Plan:
    """The shared request mix: first pages, filtered pages and next pages by cursor, from one seeded stream."""

    def __init__(self, *, requests: int, seconds: float, vary: bool) -> None:
        self.left, self.stop_at, self.vary = requests, time.monotonic() + seconds, vary
        self.rng = random.Random(8)
        self.cursors: list[tuple[str, str]] = []  # (the page's query without its cursor, the next page's cursor)
        self.next_pages = 0  # how many of the requests were next pages

    def next_target(self) -> str | None:
        if self.left <= 0 or time.monotonic() >= self.stop_at:
            return None
        self.left -= 1
        if self.cursors and self.rng.random() < 0.2:
            query, cursor = self.rng.choice(self.cursors)  # a next page of a listing already asked for
            self.next_pages += 1
            return f"/events?{query}&" + urlencode({"cursor": cursor})
        params = dict(self.rng.choice(QUERIES))
        if self.vary:  # a different date window each time: the server's page cache does not help
            year, month = self.rng.randint(2015, 2024), self.rng.randint(1, 12)
            params["since"] = f"{year}-{month:02d}-{self.rng.randint(1, 28):02d}"
        return "/events?" + urlencode({"limit": 50, **params})

    def learn(self, target: str, body: bytes) -> None:
        # follow listings deeper and deeper (page 2, 3, ...): the unfiltered one, and with --vary each date window
        # (a next page of its own window is as uncached as its first); a regex, not a JSON parse of the page
        query = target.split("?", 1)[1].split("&cursor=", 1)[0]
        if self.vary or query == "limit=50":
            found = _NEXT.match(body)
            if found and len(self.cursors) < 200:
                self.cursors.append((query, found.group(1).decode()))


_NEXT = re.compile(rb'\{"next_cursor": "([A-Za-z0-9_-]+)"')


async def _raw_client(host: str, port: int, plan: _Plan, latencies: list[float]) -> int:
    """One keep-alive HTTP/1.1 connection sending requests one after another; returns its error count."""
    reader, writer = await asyncio.open_connection(host, port)
    errors = 0
    try:
        while (target := plan.next_target()) is not None:
            t0 = time.perf_counter()
            writer.write(f"GET {target} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            length = re.search(rb"(?i)\r\ncontent-length: *(\d+)", head)
            if length is None:
                raise SystemExit(f"response without content-length: {head[:200]!r}")
            body = await reader.readexactly(int(length.group(1)))
            latencies.append(time.perf_counter() - t0)
            if head[9:12] != b"200":
                errors += 1
                continue
            plan.learn(target, body)
    finally:
        writer.close()
    return errors


async def _httpx_clients(base: str, clients: int, plan: _Plan, latencies: list[float]) -> int:
    import httpx

    errors = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
        async def client() -> None:
            nonlocal errors
            while (target := plan.next_target()) is not None:
                t0 = time.perf_counter()
                response = await http.get(target)
                latencies.append(time.perf_counter() - t0)
                if response.status_code != 200:
                    errors += 1
                    continue
                plan.learn(target, response.content)

        await asyncio.gather(*(client() for _ in range(clients)))
    return errors


async def hammer(base: str, *, clients: int, requests: int, seconds: float, vary: bool = False,
                 client: str = "raw") -> dict:
    """Send the mix from ``clients`` concurrent connections; latency is measured per request at the client.

    The "raw" client writes HTTP/1.1 by hand (~0.1 ms of CPU a request), so on a shared machine the figures
    are the server's; httpx spends ~4 ms of CPU a request at 50 connections, which then dominates.
    """
    plan = _Plan(requests=requests, seconds=seconds, vary=vary)
    latencies: list[float] = []
    started = time.perf_counter()
    if client == "httpx":
        errors = await _httpx_clients(base, clients, plan, latencies)
    else:
        host, port = base.removeprefix("http://").rsplit(":", 1)
        errors = sum(await asyncio.gather(*(_raw_client(host, int(port), plan, latencies) for _ in range(clients))))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies), "next_pages": plan.next_pages, "errors": errors, "clients": clients,
        "seconds": round(elapsed, 2),
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(1000 * statistics.median(latencies), 1),
        "p99_ms": round(1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))], 1),
        "max_ms": round(1000 * latencies[-1], 1),
    }


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--vary", action="store_true", help="vary every query's date window (no cache hits)")
    parser.add_argument("--client", choices=("raw", "httpx"), default="raw", help="the load generator")
    parser.add_argument("--workers", type=int, default=1, help="server processes (sitrep serve --workers)")
    parser.add_argument("--db", help="an existing store to serve instead of building one (kept)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sitrep-load-"))
    try:
        db = Path(args.db) if args.db else folder / "load.duckdb"
        if not args.db:
            t0 = time.perf_counter()
            build_store(db, args.events)
            print(f"built in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
        result = run_server_and_load(db, args)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps({"events_in_store": args.events, "endpoint": "/events?limit=50", "vary": args.vary,
                      "server_workers": args.workers, **result}))


def run_server_and_load(db: Path, args: argparse.Namespace) -> dict:
    port = free_port()
    base = f"http://127.0.0.1:{port}"  # loopback only
    sitrep = str(Path(sys.executable).with_name("sitrep"))
    env = {k: v for k, v in os.environ.items() if k != "SITREP_API_TOKEN"}
    command = [sitrep, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port), "--workers",
               str(args.workers)]
    proc = subprocess.Popen(command, env=env)
    try:
        wait_up(base, proc)
        asyncio.run(hammer(base, clients=5, requests=100, seconds=10, client=args.client))  # warm-up
        server_pids = [proc.pid, *_children(proc.pid)]
        cpu0, own0, load0 = sum(_cpu_seconds(p) for p in server_pids), time.process_time(), _loadavg()
        result = asyncio.run(hammer(base, clients=args.clients, requests=args.requests, seconds=args.seconds,
                                    vary=args.vary, client=args.client))
        server_cpu, client_cpu = sum(_cpu_seconds(p) for p in server_pids) - cpu0, time.process_time() - own0
        done = max(result["requests"], 1)
        # CPU per request, whatever else runs on the machine: with c free cores, throughput is at most
        # c / (server + client ms), and a closed loop's p50 about clients / throughput
        result |= {"client": args.client, "loadavg_before": load0,
                   "loadavg_after": _loadavg(),
                   "server_cpu_s": round(server_cpu, 2), "client_cpu_s": round(client_cpu, 2),
                   "server_cpu_ms_per_request": round(1000 * server_cpu / done, 2),
                   "client_cpu_ms_per_request": round(1000 * client_cpu / done, 2)}
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    return result


def _children(pid: int) -> list[int]:
    """Worker processes of the server (uvicorn --workers), to count their CPU time too."""
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(c) for c in found] + [g for c in found for g in _children(int(c))]


if __name__ == "__main__":
    main()
