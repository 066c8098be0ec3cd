"""Table rows of the store: a checked report becomes document, event, claim, citation, place, time and actor rows,
and a document row becomes a ``Document`` again.

Each row holds flat columns for filtering and the full record as JSON; the report's fingerprint tells a
changed report from one saved before.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import duckdb

from sitrep.errors import StoreError
from sitrep.model import Document, Event, Failure, Report, Role, check_evidence, to_dict
from sitrep.store._flat import event_day, first_actor, flat_row, iso_day

_SMALL_INSERT = 8  # rows; below this a VALUES list beats unnesting column lists (measured)
CHILD_TABLES = ("events", "claims", "citations", "places", "times", "actors")
# The columns ``document_from_row`` reads, in this order.
DOCUMENT_COLUMNS = ("id", "url", "title", "outlet", "author", "published", "published_text", "language", "text",
                    "text_sha256", "source")


@dataclasses.dataclass(slots=True)
class Prepared:
    """One report as the rows to write, with the fingerprint that tells whether it changed."""

    document: Document
    fingerprint: str
    rows: dict[str, list[dict[str, Any]]]
    failures: list[Failure]


def to_json(value: Any) -> str:
    # NaN is not JSON, and DuckDB's JSON type would refuse it later with a vaguer message
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def int_or_none(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    return int(text) if text.isdigit() else None


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Mapping[str, Any]],
                types: Mapping[str, str]) -> int:
    """Insert dict rows (all with the same keys) in one statement.

    ``executemany`` runs one statement per row (about 4k rows/s here); unnesting one list parameter per column
    is ~100× faster for many rows, while a plain VALUES list costs less to plan for a handful.
    """
    if not rows:
        return 0
    cols = list(rows[0])
    names = ", ".join(f'"{c}"' for c in cols)
    if len(rows) <= _SMALL_INSERT:
        one = "(" + ", ".join(f"?::{types[c]}" for c in cols) + ")"
        con.execute(f'INSERT INTO "{table}" ({names}) VALUES ' + ", ".join([one] * len(rows)),
                    [row[c] for row in rows for c in cols])
    else:
        values = ", ".join(f"unnest(?::{types[c]}[])" for c in cols)
        con.execute(f'INSERT INTO "{table}" ({names}) SELECT {values}', [[row[c] for row in rows] for c in cols])
    return len(rows)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def check_report(report: Report) -> None:
    """Raise StoreError when a report cannot be stored as it is (no id, bad text, repeated ids, wrong evidence)."""
    doc = report.document
    if not doc.id:
        raise StoreError("a report's document has an empty id: build documents with Document.create", code="bad_report")
    try:
        doc.text.encode("utf-8")
    except UnicodeEncodeError as exc:
        # lone surrogates: not Unicode text, so not storable (ingest should never produce them)
        raise StoreError(f"document {doc.id} text has a lone surrogate at offset {exc.start}: not valid Unicode",
                         code="bad_text") from exc
    for kind, records in (("event", report.events), ("claim", report.claims), ("citation", report.citations)):
        seen = Counter(r.id for r in records)
        dupes = [i for i, n in seen.items() if n > 1]
        if dupes:
            raise StoreError(f"report for document {doc.id} has {len(dupes)} repeated {kind} ids, e.g. {dupes[0]!r}",
                             code="duplicate_id")
    # Linked events may carry evidence from other documents, which cannot be checked against this text.
    local = tuple(e for e in report.events if set(e.document_ids) <= {doc.id})
    problems = check_evidence(doc.text, dataclasses.replace(report, events=local).all_evidence())
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise StoreError(f"report for document {doc.id} has evidence that does not match its text: {problems[0]}{more}",
                         code="bad_evidence")


def document_row(doc: Document, *, extractors: str, fingerprint: str, format_version: int) -> dict[str, Any]:
    day = iso_day(doc.published)
    return {
        "id": doc.id, "url": doc.url, "title": doc.title, "outlet": doc.outlet, "author": doc.author,
        "published": day, "published_text": doc.published if doc.published != day else None,
        "language": doc.language, "text": doc.text, "text_sha256": doc.text_sha256, "source": doc.source,
        "ingested_at": utc_now(), "extractors": extractors, "report_sha256": fingerprint,
        "format_version": format_version,
    }


def document_from_row(row: Sequence[Any]) -> Document:
    """The ``Document`` of a row of ``DOCUMENT_COLUMNS``; a publication value that was not a plain day comes back
    as written."""
    doc_id, url, title, outlet, author, published, published_text, language, text, sha, source = row
    return Document(id=doc_id, text=text, text_sha256=sha, url=url, title=title, outlet=outlet, author=author,
                    published=published_text or (published.isoformat() if published else None),
                    language=language, source=source)


def event_row(event: Event, record: str, doc: Document) -> dict[str, Any]:
    """The events-table row of one event (``record`` is its JSON), told by ``doc``."""
    flat = flat_row(event, doc)
    date, place, killed = event.date, event.place, event.killed
    actor1, actor2 = first_actor(event, Role.INITIATOR), first_actor(event, Role.TARGET)
    names = dict.fromkeys(n for a in event.actors for n in (a.name, a.canonical) if n)
    return {
        "id": event.id, "document_id": doc.id, "event_date": event_day(date),
        "date_start": iso_day(date.start) if date else None, "date_end": iso_day(date.end) if date else None,
        "time_precision": flat["time_precision"], "date_basis": str(date.basis) if date else None,
        "event_type": event.type, "sub_event_type": event.subtype, "plover": event.plover,
        "actor1": flat["actor1"], "actor1_kind": actor1.kind if actor1 else None,
        "actor2": flat["actor2"], "actor2_kind": actor2.kind if actor2 else None,
        "actor_names": " | ".join(names) or None,
        "country": flat["country"], "admin1": flat["admin1"], "admin2": flat["admin2"], "location": flat["location"],
        "geonames_id": int_or_none(place.geonames_id) if place else None,
        "latitude": flat["latitude"], "longitude": flat["longitude"], "geo_precision": flat["geo_precision"],
        "fatalities": flat["fatalities"], "fatalities_low": killed.low if killed else None,
        "fatalities_high": killed.high if killed else None, "injuries": flat["injuries"],
        "detentions": flat["detentions"],
        "asserted_by_kind": str(event.asserted_by.kind), "asserted_by": flat["asserted_by"],
        "hedge": flat["hedge"], "negated": event.negated, "confidence": event.confidence,
        "evidence_text": event.evidence[0].text if event.evidence else None,
        "source_url": doc.url, "outlet": doc.outlet, "extractor": event.extractor, "record": record,
    }


def prepare_report(report: Report) -> Prepared:
    """Check a report and turn it into table rows; raises StoreError when it cannot be stored as it is."""
    check_report(report)
    doc = report.document
    try:
        data = to_dict(report)
        parts = {name: [to_json(d) for d in data[name]] for name in (*CHILD_TABLES, "failures")}
        # where the document was read from is not its content: the same file reached through another path
        # spelling ("./a.txt", "dir/../a.txt", a link) is "unchanged"; the first spelling stays stored
        doc_json = to_json({k: v for k, v in data["document"].items() if k != "source"})
    except (TypeError, ValueError) as exc:
        raise StoreError(f"report for document {doc.id} cannot be written as JSON: {exc}", code="bad_report") from exc
    digest = hashlib.sha256(doc_json.encode("utf-8", "surrogatepass"))
    for name, items in parts.items():
        digest.update(f"\x1e{name}".encode())
        for item in items:
            digest.update(b"\x1f" + item.encode("utf-8", "surrogatepass"))
    extractors = sorted({r.extractor for name in CHILD_TABLES for r in getattr(report, name) if r.extractor})
    rows: dict[str, list[dict[str, Any]]] = {
        "documents": [document_row(doc, extractors=",".join(extractors), fingerprint=digest.hexdigest(),
                                   format_version=report.format_version)],
        "events": [event_row(e, rec, doc) for e, rec in zip(report.events, parts["events"], strict=True)],
        "claims": [{"id": c.id, "document_id": doc.id, "speaker": c.speaker.name, "speaker_kind": str(c.speaker.kind),
                    "cue": c.cue.text, "content": c.content.text, "direct": c.direct, "medium": c.medium,
                    "citation_id": c.citation_id, "extractor": c.extractor, "record": rec}
                   for c, rec in zip(report.claims, parts["claims"], strict=True)],
        "citations": [{"id": c.id, "document_id": doc.id, "title": c.title, "outlet": c.outlet, "author": c.author,
                       "date": c.date, "extractor": c.extractor, "record": rec}
                      for c, rec in zip(report.citations, parts["citations"], strict=True)],
        "places": [{"document_id": doc.id, "seq": i, "id": p.id or None, "name": p.name,
                    "geonames_id": int_or_none(p.geonames_id), "feature": p.feature, "country": p.country,
                    "admin1": p.admin1, "admin2": p.admin2, "latitude": p.lat, "longitude": p.lon,
                    "precision": str(p.precision), "extractor": p.extractor, "record": rec}
                   for i, (p, rec) in enumerate(zip(report.places, parts["places"], strict=True))],
        "times": [{"document_id": doc.id, "seq": i, "id": t.id or None, "value": t.value,
                   "precision": str(t.precision), "date_start": iso_day(t.start), "date_end": iso_day(t.end),
                   "basis": str(t.basis), "text": t.text, "extractor": t.extractor, "record": rec}
                  for i, (t, rec) in enumerate(zip(report.times, parts["times"], strict=True))],
        "actors": [{"document_id": doc.id, "seq": i, "id": a.id or None, "name": a.name, "canonical": a.canonical,
                    "kind": a.kind, "country": a.country, "extractor": a.extractor, "record": rec}
                   for i, (a, rec) in enumerate(zip(report.actors, parts["actors"], strict=True))],
    }
    failures = [dataclasses.replace(f, document_id=f.document_id or doc.id) for f in report.failures]
    return Prepared(document=doc, fingerprint=digest.hexdigest(), rows=rows, failures=failures)


__all__ = ["CHILD_TABLES", "DOCUMENT_COLUMNS", "Prepared", "check_report", "document_from_row", "document_row",
           "event_row", "insert_rows", "int_or_none", "prepare_report", "to_json", "utc_now"]
