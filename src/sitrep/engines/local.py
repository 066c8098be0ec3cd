"""Run the pipeline over a stream of inputs on this machine, in batches, never stopping on a bad input.

Memory stays bounded: inputs are pulled ``batch_size`` at a time, annotated with
``nlp.pipe`` and handed on before the next batch is read.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from sitrep.errors import SitrepError
from sitrep.ingest.documents import document_from_input
from sitrep.ingest.sources import RawInput
from sitrep.model import Document, Failure, Report

log = logging.getLogger(__name__)


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


def process(inputs: Iterable[RawInput | Failure], *, batch_size: int = 32,
            defaults: dict[str, str] | None = None) -> Iterator[Report | Failure]:
    """Turn each input into a Report or a Failure, in input order."""
    from sitrep.nlp.spacy_adapter import annotate_many
    from sitrep.pipeline import make_resources, report_from_annotations

    resources = make_resources()
    it = iter(inputs)
    while True:
        chunk = list(islice(it, batch_size))
        if not chunk:
            return
        prepared: list[Document | Failure] = [prepare(item, defaults) for item in chunk]
        docs = [d for d in prepared if isinstance(d, Document)]
        annotated = iter(annotate_many([d.text for d in docs], batch_size=batch_size))
        for item in prepared:
            if isinstance(item, Failure):
                yield item
                continue
            ann = next(annotated)
            try:
                yield report_from_annotations(item, ann, resources)
            except SitrepError as exc:
                yield Failure(source=item.source or item.id, code=exc.code, message=str(exc), document_id=item.id,
                              stage="extract")
            except Exception as exc:  # a bug in a stage must not stop the batch; it is recorded and logged
                log.exception("stage crashed on %s", item.source or item.id)
                yield Failure(source=item.source or item.id, code="internal_error",
                              message=f"{type(exc).__name__}: {exc}", document_id=item.id, stage="extract")


def prepare(item: RawInput | Failure, defaults: dict[str, str] | None = None) -> Document | Failure:
    """Ingest one raw input into a Document, or a Failure saying why not."""
    if isinstance(item, Failure):
        return item
    meta = {**(defaults or {}), **item.meta}
    try:
        return document_from_input(item.data, source=item.source, **meta)
    except SitrepError as exc:
        return Failure(source=item.source, code=exc.code, message=str(exc), stage="ingest")


def run(inputs: Iterable[RawInput | Failure], *, sink: Callable[[list[Report]], dict[str, int]] | None = None,
        on_failure: Callable[[Failure], None] | None = None, progress: Callable[[Report | Failure], None] | None = None,
        batch_size: int = 32, write_batch: int = 64, defaults: dict[str, str] | None = None) -> RunSummary:
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
        pending.clear()

    for result in process(inputs, batch_size=batch_size, defaults=defaults):
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
