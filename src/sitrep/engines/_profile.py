"""Where ``sitrep ingest`` spends its time: exclusive wall time per stage, for ``sitrep bench --profile``.

``StageClock`` wraps the functions that make up each stage (ingest, spaCy, each extraction stage, the
store's rows and writes, linking) for the duration of a ``with`` block and puts them back afterwards, so
the measured run is the ordinary code path, not a copy of it. Time is exclusive: a timed function called
inside another (the Doc → Annotations conversion inside the spaCy stream) counts for itself only, so the
shares add up to the run's wall time, with the rest named "other" (reading inputs, the batch loop).
A wrapper costs about a microsecond a call, a few hundred calls per document.
"""

from __future__ import annotations

import importlib
import inspect
import time
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

# (module, attribute, stage): the functions each stage is made of, looked up where their callers find them
# (``pipeline.report_from_annotations`` imports the extraction stages when it runs, so their own modules).
STAGES: tuple[tuple[str, str, str], ...] = (
    ("sitrep.engines._worker", "prepare", "ingest: clean text"),
    ("sitrep.nlp.spacy_adapter", "annotate_many", "annotate: spaCy"),
    ("sitrep.nlp.spacy_adapter", "annotations_from_doc", "annotate: Doc to Annotations"),
    ("sitrep.extract.times", "find_times", "extract: times"),
    ("sitrep.pipeline", "dateline_date", "extract: times"),
    ("sitrep.extract.places", "extract_places", "extract: places"),
    ("sitrep.extract.actors", "extract_actors", "extract: actors"),
    ("sitrep.pipeline", "actors_not_places", "extract: actors"),
    ("sitrep.extract.casualties", "extract_casualties", "extract: casualties"),
    ("sitrep.extract.citations", "extract_citations", "extract: citations"),
    ("sitrep.extract.claims", "extract_claims", "extract: claims"),
    ("sitrep.extract.claims", "find_scare_quotes", "extract: claims"),
    ("sitrep.extract.common.layout", "page_layout", "extract: events"),
    ("sitrep.extract.events", "extract_events", "extract: events"),
    ("sitrep.extract.events", "extract_aggregates", "extract: aggregates"),
    ("sitrep.pipeline", "check_evidence", "extract: evidence check"),
    ("sitrep.pipeline", "checked_report", "extract: report assembly"),
    ("sitrep.store.duckdb", "prepare_report", "store: rows (JSON, hash)"),
    ("sitrep.store.duckdb:DuckDBStore", "_write", "store: writes"),
    ("sitrep.store.duckdb:DuckDBStore", "save_failure", "store: writes"),
    ("sitrep.store.linking", "best_cluster", "linking: scoring"),
    ("sitrep.store.linking", "link_new", "linking: queries and rewrite"),
)
OTHER = "other (reading inputs, batching)"


def _owner(path: str) -> Any:
    module, _, cls = path.partition(":")
    owner = importlib.import_module(module)
    return getattr(owner, cls) if cls else owner


class StageClock:
    """Exclusive seconds and calls per stage while the ``with`` block runs (one thread: the batch runner's)."""

    def __init__(self, stages: tuple[tuple[str, str, str], ...] = STAGES) -> None:
        self.stages = stages
        self.seconds: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()
        self.wall = 0.0
        self._inner: list[float] = []  # per open call: time spent in timed calls nested inside it
        self._saved: list[tuple[Any, str, Any]] = []
        self._started = 0.0

    def __enter__(self) -> StageClock:
        for path, name, stage in self.stages:
            owner = _owner(path)
            original = owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name)
            self._saved.append((owner, name, original))
            setattr(owner, name, self._wrap(original, stage))
        self._started = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall += time.perf_counter() - self._started
        for owner, name, original in reversed(self._saved):
            setattr(owner, name, original)
        self._saved.clear()

    def _enter(self) -> float:
        self._inner.append(0.0)
        return time.perf_counter()

    def _leave(self, stage: str, started: float) -> None:
        elapsed = time.perf_counter() - started
        self.seconds[stage] += elapsed - self._inner.pop()
        if self._inner:
            self._inner[-1] += elapsed

    def _wrap(self, fn: Callable[..., Any], stage: str) -> Callable[..., Any]:
        if inspect.isgeneratorfunction(fn):  # a stream (spaCy's): each item's production is one timed call

            def timed_stream(*args: Any, **kwargs: Any) -> Iterator[Any]:
                stream = fn(*args, **kwargs)
                while True:
                    started = self._enter()
                    try:
                        item = next(stream)
                    except StopIteration:
                        return
                    finally:
                        self._leave(stage, started)
                    self.calls[stage] += 1
                    yield item

            return timed_stream

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = self._enter()
            try:
                return fn(*args, **kwargs)
            finally:
                self._leave(stage, started)
                self.calls[stage] += 1

        return timed

    def shares(self) -> dict[str, dict[str, float]]:
        """Seconds and share of the wall time per stage, in pipeline order, with "other" the rest."""
        order = list(dict.fromkeys(stage for _, _, stage in self.stages))
        out = {stage: self.seconds[stage] for stage in order}
        out[OTHER] = max(0.0, self.wall - sum(out.values()))
        return {stage: {"seconds": round(s, 3), "share": round(s / self.wall, 4) if self.wall else 0.0,
                        "calls": self.calls[stage]} for stage, s in out.items()}


__all__ = ["OTHER", "STAGES", "StageClock"]
