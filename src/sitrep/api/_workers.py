"""``sitrep serve --workers N``: N server processes reading one store, none writing it.

DuckDB lets one process open a file for writing, or many processes open it read-only, never both at once. So
with more than one worker every worker opens the store read-only: reads (pages, exports, charts) run in N
processes side by side, each with its own page cache (exact, since nothing can change the file while they
hold it), and ``POST /documents`` answers 403 ``writes_disabled``. New documents reach the store through a
separate writer (``sitrep ingest`` or ``sitrep watch``) while no server holds the file: stop the server, or
write into a copy and serve the copy. One worker keeps the single process of ``serve``, which may also write.

Each worker listens on its own socket bound with ``SO_REUSEPORT``, so the kernel spreads new connections over
the workers. With one socket shared by every worker (uvicorn's ``workers=N``) the worker that last waited
takes most of them: 50 keep-alive clients came out 40 to 10 (20 to 30 with a socket each), and the busier
worker set the p99 (benchmarks/api_load.py --vary --workers 2, alternating, load 3.7-8.4: 720-774 -> 448-506
ms). Where the system has no ``SO_REUSEPORT``, uvicorn's shared socket serves instead.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import socket
from typing import Any

from sitrep.errors import ConfigError

_ENV = "SITREP_SERVE_WORKER"  # the settings of every worker, as JSON (set by serve_workers, read by worker_app)


def _listening_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)  # only sockets of the same user may share it
    sock.bind((host, port))
    return sock


def _run_worker(host: str, port: int, settings: str) -> None:
    """One worker process: its own listening socket on the shared port, uvicorn serving ``worker_app``."""
    import uvicorn

    os.environ[_ENV] = settings
    sock = _listening_socket(host, port)
    sock.listen(2048)
    server = uvicorn.Server(uvicorn.Config("sitrep.api._workers:worker_app", factory=True, log_level="warning"))
    server.run(sockets=[sock])


def serve_workers(db_path: str, *, host: str, port: int, workers: int, protect_reads: bool, max_body: int) -> None:
    """Run ``workers`` processes, each serving ``db_path`` read-only (returns when the server stops)."""
    from sitrep.store.duckdb import DuckDBStore

    DuckDBStore(db_path, read_only=True).close()  # a missing, locked or damaged store fails here, once, clearly
    if hasattr(socket, "SO_REUSEPORT"):
        try:  # a port in use fails here too, before any worker starts
            _listening_socket(host, port).close()
        except OSError as exc:
            raise ConfigError(f"cannot listen on {host}:{port} ({exc.strerror}): choose another --port or --host",
                              code="port_unavailable") from exc
    settings = json.dumps({"db": db_path, "protect_reads": protect_reads, "max_body": max_body})
    if not hasattr(socket, "SO_REUSEPORT"):
        import uvicorn

        os.environ[_ENV] = settings
        uvicorn.run("sitrep.api._workers:worker_app", factory=True, host=host, port=port, workers=workers,
                    log_level="warning")
        return
    context = multiprocessing.get_context("spawn")
    procs = [context.Process(target=_run_worker, args=(host, port, settings), name=f"sitrep-worker-{i}")
             for i in range(workers)]
    stopping = False

    def stop(signum: int, _frame: Any) -> None:
        nonlocal stopping
        stopping = True
        for proc in procs:
            if proc.is_alive():
                os.kill(proc.pid, signal.SIGTERM)  # uvicorn finishes its open requests, then exits

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        for proc in procs:
            proc.start()
        for proc in procs:
            proc.join()
            if not stopping:  # one worker ended by itself: stop the others rather than serve on with fewer
                stop(signal.SIGTERM, None)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        for proc in procs:
            proc.join(timeout=30)
            if proc.is_alive():
                proc.kill()


def worker_app() -> Any:
    """The app of one worker process: the store opened read-only, the settings ``serve_workers`` passed."""
    from sitrep.api.app import ApiSettings, create_app
    from sitrep.store.duckdb import DuckDBStore

    given = json.loads(os.environ[_ENV])
    store = DuckDBStore(given["db"], read_only=True)  # closed when the process ends
    return create_app(store, ApiSettings(token=os.environ.get("SITREP_API_TOKEN") or None,
                                         protect_reads=given["protect_reads"], max_body=given["max_body"]))


__all__ = ["serve_workers", "worker_app"]
