"""``sitrep eval events``: event typing, actors and casualty counts scored on gold data.

Three layouts are read (see ../shared/datasets/README.md):

- ``isaf``: ISAF press releases, one JSON record per line ``{line, text, gold: {event_type, min_killed, ...}}``;
  scored per release (``_isaf.py`` holds the sitrep → ISAF category table).  Key for ``--part``: ``line``.
- ``plover``: the PLOVER gold-standard records, a JSON list of ``{id, text, event, source, target, dead}``;
  scored per sentence (``_plover.py`` holds the CAMEO → PLOVER table).  Key for ``--part``: ``id``.
- ``petrarch``: the PETRARCH2 unit-test XML; invented sentences, a check of coding logic rather than a
  quality figure.  Key for ``--part``: the sentence id.

Every document goes through the whole pipeline (``report_from_annotations``), as ``sitrep extract`` would.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

from sitrep.errors import ConfigError
from sitrep.eval import _isaf, _plover, select
from sitrep.model import Document, Failure, Report

log = logging.getLogger(__name__)

FORMATS = ("isaf", "plover", "petrarch")


def evaluate(paths: list[str], *, fmt: str, limit: int | None = None, part: str = "all",
             progress: Callable[[Any], None] | None = None) -> dict[str, Any]:
    """Score the events stage on the gold files in ``paths`` (layout ``fmt``); one JSON-ready dict."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown events format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "isaf":
        releases = select((r for p in paths for r in _isaf.load_isaf(p)), lambda r: str(r.line), part=part,
                          limit=limit)
        return {"format": fmt, "part": part, **_isaf.score_isaf(_with_reports(releases, progress))}
    loader = _plover.load_plover if fmt == "plover" else _plover.load_petrarch
    sentences = select((r for p in paths for r in loader(p)), lambda r: r.id, part=part, limit=limit)
    return {"format": fmt, "part": part, **_plover.score_plover(_with_reports(sentences, progress), fmt=fmt)}


def _with_reports(items: list[Any], progress: Callable[[Any], None] | None) -> Iterator[tuple[Any, Report]]:
    """Each gold item with sitrep's report of its text (annotated in batches)."""
    from sitrep.nlp.spacy_adapter import annotate_many
    from sitrep.pipeline import make_resources, report_from_annotations

    resources = make_resources()
    docs = [Document.create(item.text) for item in items]
    for item, doc, ann in zip(items, docs, annotate_many([d.text for d in docs]), strict=True):
        try:
            report = report_from_annotations(doc, ann, resources)
        except Exception as exc:  # a batch runner: one document's failure is scored as "no events", and logged
            log.warning("eval events: document %s failed: %s: %s", doc.id, type(exc).__name__, exc)
            report = Report(document=doc, failures=(Failure(source=doc.id, code="internal_error", message=str(exc)),))
        if progress:
            progress(item)
        yield item, report
