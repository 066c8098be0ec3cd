"""``sitrep eval events``: event typing, actors and casualty counts scored on gold data.

Three layouts are read (see ../shared/datasets/README.md):

- ``isaf``: ISAF press releases, one JSON record per line ``{text, gold: {event_type, min_killed, ...}}``;
  scored per release (``_isaf.py`` holds the sitrep → ISAF category table).
- ``plover``: the PLOVER gold-standard records, a JSON list of ``{text, event, source, target, dead}``;
  scored per sentence (``_plover.py`` holds the CAMEO → PLOVER table).
- ``petrarch``: the PETRARCH2 unit-test XML; invented sentences, a check of coding logic rather than a
  quality figure.

Every document goes through the whole pipeline (``report_from_annotations``), as ``sitrep extract`` would.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sitrep.errors import ConfigError
from sitrep.eval import _isaf, _plover
from sitrep.model import Document, Failure, Report

log = logging.getLogger(__name__)

FORMATS = ("isaf", "plover", "petrarch")


def evaluate(paths: list[str], *, fmt: str, limit: int | None = None,
             progress: Callable[[Any], None] | None = None) -> dict[str, Any]:
    """Score the events stage on the gold files in ``paths`` (layout ``fmt``); one JSON-ready dict."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown events format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "isaf":
        items = _limited((r for p in paths for r in _isaf.load_isaf(p)), limit)
        pairs = _with_reports(items, lambda r: r.text, progress)
        return _isaf.score_isaf(pairs)
    loader = _plover.load_plover if fmt == "plover" else _plover.load_petrarch
    items = _limited((r for p in paths for r in loader(p)), limit)
    pairs = _with_reports(items, lambda r: r.text, progress)
    return _plover.score_plover(pairs, fmt=fmt)


def _limited(items: Iterable[Any], limit: int | None) -> list[Any]:
    out = []
    for item in items:
        if limit is not None and len(out) >= limit:
            break
        out.append(item)
    return out


def _with_reports(items: list[Any], text_of: Callable[[Any], str],
                  progress: Callable[[Any], None] | None) -> Iterator[tuple[Any, Report]]:
    """Each gold item with sitrep's report of its text (annotated in batches)."""
    from sitrep.nlp.spacy_adapter import annotate_many
    from sitrep.pipeline import make_resources, report_from_annotations

    resources = make_resources()
    docs = [Document.create(text_of(item)) for item in items]
    for item, doc, ann in zip(items, docs, annotate_many([d.text for d in docs]), strict=True):
        try:
            report = report_from_annotations(doc, ann, resources)
        except Exception as exc:  # a batch runner: one document's failure is scored as "no events", and logged
            log.warning("eval events: document %s failed: %s: %s", doc.id, type(exc).__name__, exc)
            report = Report(document=doc, failures=(Failure(source=doc.id, code="internal_error", message=str(exc)),))
        if progress:
            progress(item)
        yield item, report
