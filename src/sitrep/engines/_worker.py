"""What a worker does with one chunk of raw inputs: ingest each, annotate them together (per language, each with
its own pipeline), run the stages.

It runs wherever the chunk was sent (this process, a local pool's worker, a Dask worker), so it imports
nothing of the engines that send it; ``warm_up`` is each worker's initializer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

from sitrep.errors import SitrepError
from sitrep.ingest._raw import RawInput
from sitrep.ingest.documents import document_from_input
from sitrep.model import Document, Failure, Report

log = logging.getLogger(__name__)


def warm_up() -> None:
    """Load the spaCy model, the language identifier and the resources in this process (a worker's initializer).
    Other languages' pipelines load on their first document."""
    from sitrep.ingest._language import warm_up as load_identifier
    from sitrep.nlp.spacy_adapter import load_pipeline
    from sitrep.pipeline import make_resources

    load_pipeline()
    load_identifier()
    make_resources()


def process_chunk(chunk: list[RawInput | Failure], defaults: dict[str, str] | None = None,
                  batch_size: int = 32) -> list[Report | Failure]:
    """One chunk of inputs → a Report or a Failure each, in order.  Runs in whichever process holds the chunk."""
    from sitrep.nlp.spacy_adapter import annotate_many
    from sitrep.pipeline import checked_report, make_resources

    resources = make_resources()
    prepared: list[Document | Failure] = [prepare(item, defaults) for item in chunk]
    annotated = annotate_by_language([d for d in prepared if isinstance(d, Document)], annotate_many, batch_size)
    out: list[Report | Failure] = []
    for item in prepared:
        if isinstance(item, Failure):
            out.append(item)
            continue
        ann = next(annotated)
        try:
            out.append(checked_report(item, ann, resources))
        except SitrepError as exc:  # a stage that crashed comes back as a StageError too: one line, no traceback
            out.append(Failure(source=item.source or item.id, code=exc.code, message=str(exc), document_id=item.id,
                               stage="extract"))
    return out


def annotate_by_language(docs: list[Document], annotate_many: Callable[..., Iterator[Any]],
                         batch_size: int) -> Iterator[Any]:
    """The annotations of ``docs`` in their order, each language's documents read together by its own pipeline
    (one ``nlp.pipe`` per language present in the chunk)."""
    groups: dict[str | None, list[int]] = {}  # None: the default language
    for i, doc in enumerate(docs):
        groups.setdefault(doc.language, []).append(i)
    done: list[Any] = [None] * len(docs)
    for language, positions in groups.items():
        texts = [docs[i].text for i in positions]
        for i, ann in zip(positions, annotate_many(texts, language=language, batch_size=batch_size), strict=True):
            done[i] = ann
    return iter(done)


def prepare(item: RawInput | Failure, defaults: dict[str, str] | None = None) -> Document | Failure:
    """Ingest one raw input into a Document, or a Failure saying why not."""
    if isinstance(item, Failure):
        return item
    meta = {**(defaults or {}), **item.meta}
    try:
        return document_from_input(item.data, source=item.source, **meta)
    except SitrepError as exc:
        return Failure(source=item.source, code=exc.code, message=str(exc), stage="ingest")
    except (ValueError, RecursionError, MemoryError, LookupError) as exc:  # a page that breaks the HTML parser
        log.warning("ingest crashed on %s: %s", item.source, exc)
        return Failure(source=item.source, code="internal_error", message=f"{type(exc).__name__}: {exc}",
                       stage="ingest")
