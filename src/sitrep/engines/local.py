"""Run the pipeline over a stream of inputs on this machine, in batches, never stopping on a bad input.

Memory stays bounded: inputs are pulled ``batch_size`` at a time, annotated with
``nlp.pipe`` and handed on before the next batch is read.  With ``workers > 1``
chunks go to a pool of worker processes (each loads the spaCy model and the
gazetteer once, in its initializer) with at most ``2 × workers`` chunks in
flight, and results come back in input order; the caller (the driver) alone
writes to the store.  ``engines.dask`` plugs a Dask cluster into the same loop.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Protocol

from sitrep.engines._worker import prepare, process_chunk, warm_up
from sitrep.engines.dask import DaskEngine
from sitrep.errors import ConfigError
from sitrep.ingest._raw import RawInput
from sitrep.model import Failure, Report

log = logging.getLogger(__name__)

__all__ = ["Executor", "RunSummary", "WorkerPool", "chunks", "open_engine", "ordered_map", "prepare",
           "process", "process_chunk", "run", "warm_up"]


@dataclass(slots=True)
class RunSummary:
    """What a batch run did: every input is accounted for."""

    inputs: int = 0
    ok: int = 0
    failed: Counter[str] = field(default_factory=Counter)
    records: Counter[str] = field(default_factory=Counter)
    stored: Counter[str] = field(default_factory=Counter)  # inserted / updated / unchanged
    seconds: float = 0.0

    def add_report(self, report: Report) -> None:
        self.ok += 1
        for kind in ("events", "claims", "citations", "places", "times", "actors"):
            self.records[kind] += len(getattr(report, kind))

    def add_failure(self, failure: Failure) -> None:
        self.failed[failure.code] += 1

    def to_dict(self) -> dict[str, object]:
        return {"inputs": self.inputs, "ok": self.ok, "failed": dict(self.failed), "records": dict(self.records),
                "stored": dict(self.stored), "seconds": round(self.seconds, 2)}


class Executor(Protocol):
    """Anything with ``submit(fn, *args) -> future`` whose future has ``result()``: a process pool, a Dask client."""

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Any: ...


def chunks(inputs: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(inputs)
    while chunk := list(islice(it, size)):
        yield chunk


def process(inputs: Iterable[RawInput | Failure], *, batch_size: int = 32, defaults: dict[str, str] | None = None,
            workers: int = 1, executor: Executor | None = None, window: int | None = None
            ) -> Iterator[Report | Failure]:
    """Turn each input into a Report or a Failure, in input order.

    ``workers > 1`` runs a local process pool; ``executor`` (e.g. ``engines.dask.DaskEngine``) runs the
    chunks wherever it sends them.  Either way only ``window`` chunks are in flight at once."""
    if executor is not None:
        yield from ordered_map(executor, chunks(inputs, batch_size), defaults=defaults, batch_size=batch_size,
                               window=window or 4)
        return
    if workers <= 1:
        for chunk in chunks(inputs, batch_size):
            yield from process_chunk(chunk, defaults, batch_size)
        return
    pool = WorkerPool(workers)
    try:
        yield from ordered_map(pool, chunks(inputs, batch_size), defaults=defaults, batch_size=batch_size,
                               window=window or 2 * workers)
    finally:
        pool.shutdown()


class WorkerPool:
    """A process pool that replaces itself when a worker dies (the chunks in flight become failures).

    Workers start from a fork server, so no thread of the driver (DuckDB's, httpx's) is copied into them."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["sitrep.engines.local"])
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx, initializer=warm_up)

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Any:
        try:
            return self._pool.submit(fn, *args)
        except BrokenProcessPool:
            log.warning("a worker process died; starting a new pool")
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._start()
            return self._pool.submit(fn, *args)

    def pids(self) -> list[int]:
        """The worker processes' ids (for measuring their memory)."""
        return sorted(getattr(self._pool, "_processes", None) or {})

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def ordered_map(executor: Executor, batches: Iterable[list[RawInput | Failure]], *,
                defaults: dict[str, str] | None, batch_size: int, window: int) -> Iterator[Report | Failure]:
    """Submit chunks, at most ``window`` at a time, and yield their results in submission order.

    A chunk whose worker died (killed, out of memory) becomes one ``worker_crashed`` failure per input,
    so the summary still accounts for it and a re-run retries it."""
    pending: deque[tuple[list[RawInput | Failure], Any]] = deque()

    def collect() -> list[Report | Failure]:
        chunk, future = pending.popleft()
        try:
            return future.result()
        except Exception as exc:  # the worker or the chunk failed as a whole: every input in it is accounted for
            log.error("a worker failed on a chunk of %d inputs: %s", len(chunk), exc)
            return [item if isinstance(item, Failure) else
                    Failure(source=item.source, code="worker_crashed", message=f"{type(exc).__name__}: {exc}",
                            stage="engine") for item in chunk]

    for chunk in batches:
        pending.append((chunk, executor.submit(process_chunk, chunk, defaults, batch_size)))
        if len(pending) >= window:
            yield from collect()
    while pending:
        yield from collect()


@contextlib.contextmanager
def open_engine(engine: str = "local", *, workers: int = 1, scheduler: str | None = None) -> Iterator[Executor | None]:
    """The executor for ``run``: None (this process), a local ``WorkerPool``, or a ``DaskEngine``."""
    if engine == "dask" or scheduler:
        with DaskEngine(scheduler, workers=max(workers, 1)) as dask_engine:
            yield dask_engine
        return
    if engine != "local":
        raise ConfigError(f"unknown engine {engine!r}: use local or dask")
    if workers <= 1:
        yield None
        return
    pool = WorkerPool(workers)
    try:
        yield pool
    finally:
        pool.shutdown()


def run(inputs: Iterable[RawInput | Failure], *, sink: Callable[[list[Report]], dict[str, int]] | None = None,
        on_failure: Callable[[Failure], None] | None = None, progress: Callable[[Report | Failure], None] | None = None,
        batch_size: int = 32, write_batch: int = 64, defaults: dict[str, str] | None = None, workers: int = 1,
        executor: Executor | None = None) -> RunSummary:
    """Process every input; hand reports to ``sink`` in batches (e.g. ``DuckDBStore.save_reports``) and failures
    to ``on_failure``.  A crash loses at most the unwritten batch, which the next run redoes (saving is idempotent)."""
    summary = RunSummary()
    started = time.perf_counter()
    pending: list[Report] = []

    def flush() -> None:
        if sink and pending:
            for outcome, n in sink(pending).items():
                if n:
                    summary.stored[outcome] += n
            log.info("wrote a batch of %d reports (%d inputs so far)", len(pending), summary.inputs)
        pending.clear()

    for result in process(inputs, batch_size=batch_size, defaults=defaults, workers=workers, executor=executor):
        summary.inputs += 1
        if isinstance(result, Failure):
            summary.add_failure(result)
            if on_failure:
                on_failure(result)
        else:
            summary.add_report(result)
            pending.append(result)
            if len(pending) >= write_batch:
                flush()
        if progress:
            progress(result)
    flush()
    summary.seconds = time.perf_counter() - started
    return summary
