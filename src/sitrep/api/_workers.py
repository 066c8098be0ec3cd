"""``sitrep serve --workers N``: N server processes reading one store, none writing it.

DuckDB lets one process open a file for writing, or many processes open it read-only, never both at once. So
with more than one worker every worker opens the store read-only: reads (pages, exports, charts) run in N
processes side by side, each with its own page cache (exact, since nothing can change the file while they
hold it), and ``POST /documents`` answers 403 ``writes_disabled``. New documents reach the store through a
separate writer (``sitrep ingest`` or ``sitrep watch``) while no server holds the file: stop the server, or
write into a copy and serve the copy. One worker keeps the single process of ``serve``, which may also write.

uvicorn starts the workers from an import string, so their settings travel in one environment variable.
"""

from __future__ import annotations

import json
import os
from typing import Any

_ENV = "SITREP_SERVE_WORKER"  # the settings of every worker, as JSON (set by serve_workers, read by worker_app)


def serve_workers(db_path: str, *, host: str, port: int, workers: int, protect_reads: bool, max_body: int) -> None:
    """Run ``workers`` uvicorn processes, each serving ``db_path`` read-only (returns when the server stops)."""
    import uvicorn

    from sitrep.store.duckdb import DuckDBStore

    DuckDBStore(db_path, read_only=True).close()  # a missing, locked or damaged store fails here, once, clearly
    os.environ[_ENV] = json.dumps({"db": db_path, "protect_reads": protect_reads, "max_body": max_body})
    uvicorn.run("sitrep.api._workers:worker_app", factory=True, host=host, port=port, workers=workers,
                log_level="warning")


def worker_app() -> Any:
    """The app of one worker process: the store opened read-only, the settings ``serve_workers`` passed."""
    from sitrep.api.app import ApiSettings, create_app
    from sitrep.store.duckdb import DuckDBStore

    given = json.loads(os.environ[_ENV])
    store = DuckDBStore(given["db"], read_only=True)  # closed when the process ends
    return create_app(store, ApiSettings(token=os.environ.get("SITREP_API_TOKEN") or None,
                                         protect_reads=given["protect_reads"], max_body=given["max_body"]))


__all__ = ["serve_workers", "worker_app"]
