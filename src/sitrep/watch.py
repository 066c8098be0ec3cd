"""``sitrep watch``: poll feeds and pages, extract only what is new, store it, survive restarts.

Sources are feed URLs, page URLs, local feed files, or text files listing such URLs (one per line,
``#`` comments).  The store remembers every entry handled (its id, else its link) per feed, in the
``seen`` table.  An entry is marked seen only *after* its report or its failure is written, so a
crash between the two makes the next cycle redo that entry (saving is idempotent: no duplicate),
and nothing is skipped (no gap).  Entries whose fetch failed for a passing reason (timeout, HTTP
5xx, DNS) are not marked, so they are retried next cycle.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.engines.local import Executor, RunSummary, WorkerPool, process
from sitrep.errors import ConfigError, SitrepError
from sitrep.ingest import feeds
from sitrep.ingest.sources import is_url
from sitrep.model import Failure, Report

log = logging.getLogger(__name__)

# Failures worth retrying on the next cycle: the page may well be there next time.
RETRY_CODES = frozenset({"fetch_timeout", "fetch_error", "fetch_dns", "fetch_status", "worker_crashed"})
_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)


def parse_every(value: str) -> float:
    """Seconds from "90", "30s", "15m", "2h" or "1d"."""
    m = _EVERY.match(value)
    if not m:
        raise ConfigError(f"--every {value!r}: give a number with s, m, h or d (e.g. 15m)")
    return float(m[1]) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m[2].lower()]


def expand_sources(args: list[str]) -> list[str]:
    """URLs and feed files as given; a text file of URLs becomes its URLs."""
    out: list[str] = []
    for arg in args:
        path = Path(arg)
        if not is_url(arg) and path.is_file() and path.suffix.lower() in (".txt", ".list", ".urls", ""):
            lines = [line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines()]
            out.extend(line for line in lines if line)
        else:
            out.append(arg)
    return out


@dataclass
class CycleSummary:
    """One polling round: items new and handled per source, and the run summary of their extraction."""

    sources: int = 0
    new: int = 0
    skipped_seen: int = 0
    retry_later: int = 0
    source_failures: list[Failure] = field(default_factory=list)
    run: RunSummary = field(default_factory=RunSummary)

    def to_dict(self) -> dict[str, Any]:
        return {"sources": self.sources, "new": self.new, "already_seen": self.skipped_seen,
                "retry_later": self.retry_later, "source_failures": len(self.source_failures), **self.run.to_dict()}


def source_items(source: str, *, fetcher: Any) -> list[feeds.FeedItem]:
    """The entries of a feed (fetched or read from a file), or a single page as one item keyed by its URL."""
    if is_url(source):
        page = fetcher.fetch(source)
        if page.is_feed or feeds.looks_like_feed(page.data):
            return feeds.parse_feed(page.data, source=source)
        return [feeds.FeedItem(key=source, link=source, title=None, published=None, body="", feed=source)]
    try:
        data = Path(source).read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the feed {source}: {exc.strerror}") from exc
    return feeds.parse_feed(data, source=source)


def poll_once(sources: list[str], *, store: Any, fetcher: Any, executor: Executor | None = None, batch_size: int = 16,
              progress: Callable[[Report | Failure], None] | None = None) -> CycleSummary:
    """One round over every source: new entries are extracted, stored, then remembered."""
    cycle = CycleSummary()
    for source in sources:
        cycle.sources += 1
        try:
            items = source_items(source, fetcher=fetcher)
        except SitrepError as exc:
            failure = Failure(source=source, code=exc.code, message=str(exc), stage="watch")
            cycle.source_failures.append(failure)
            store.save_failure(failure)
            log.warning("%s", exc)
            continue
        seen = store.seen_keys(source, [i.key for i in items])
        new = list({i.key: i for i in items if i.key not in seen}.values())
        cycle.skipped_seen += len(items) - len(new)
        cycle.new += len(new)
        for chunk_start in range(0, len(new), batch_size):
            chunk = new[chunk_start:chunk_start + batch_size]
            _handle(chunk, source=source, store=store, fetcher=fetcher, executor=executor, cycle=cycle,
                    progress=progress)
    return cycle


def _handle(items: list[feeds.FeedItem], *, source: str, store: Any, fetcher: Any, executor: Executor | None,
            cycle: CycleSummary, progress: Callable[[Report | Failure], None] | None) -> None:
    # one input and one result per item, in order (inputs_from_items and process both keep order)
    results = list(process(feeds.inputs_from_items(items, fetcher=fetcher), executor=executor))
    reports = [r for r in results if isinstance(r, Report)]
    if reports:
        for outcome, n in store.save_reports(reports).items():
            if n:
                cycle.run.stored[outcome] += n
    done: list[tuple[str, str | None]] = []
    for item, result in zip(items, results, strict=True):
        cycle.run.inputs += 1
        if isinstance(result, Report):
            cycle.run.add_report(result)
            done.append((item.key, result.document.id))
        else:
            cycle.run.add_failure(result)
            store.save_failure(result)
            if result.code in RETRY_CODES:
                cycle.retry_later += 1
            else:
                done.append((item.key, None))
        if progress:
            progress(result)
    store.mark_seen(source, done)


def watch(sources: list[str], *, store: Any, fetcher: Any, every: float, cycles: int | None = None,
          workers: int = 1, on_cycle: Callable[[CycleSummary], None] | None = None,
          sleep: Callable[[float], None] = time.sleep) -> Iterator[CycleSummary]:
    """Poll every ``every`` seconds (``cycles`` rounds, or forever); yields each round's summary."""
    done = 0
    pool = WorkerPool(workers) if workers > 1 else None  # started once: workers keep their model between rounds
    try:
        while cycles is None or done < cycles:
            started = time.monotonic()
            cycle = poll_once(sources, store=store, fetcher=fetcher, executor=pool)
            cycle.run.seconds = time.monotonic() - started
            if on_cycle:
                on_cycle(cycle)
            yield cycle
            done += 1
            if cycles is None or done < cycles:
                sleep(max(0.0, every - (time.monotonic() - started)))
    finally:
        if pool is not None:
            pool.shutdown()
