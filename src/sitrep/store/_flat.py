"""The one flattening of an event into ACLED-like columns, shared by the exports and the store's events table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sitrep.model import Actor, Document, Event, Evidence, Role, Time

# The first twenty follow ACLED's names so existing scripts keep working; the rest are sitrep's own.
CSV_COLUMNS = (
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "plover", "actor1", "actor2",
    "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "fatalities", "injuries",
    "detentions", "source", "source_url", "notes",
    "date_evidence", "place_evidence", "actor1_evidence", "fatalities_evidence", "asserted_by", "hedge", "negated",
    "confidence", "document_id",
)

# DuckDB types of the flat columns, for Parquet files that pandas and R read with the right dtypes.
COLUMN_TYPES = {
    "event_date": "DATE", "latitude": "DOUBLE", "longitude": "DOUBLE", "fatalities": "INTEGER",
    "injuries": "INTEGER", "detentions": "INTEGER", "negated": "BOOLEAN", "confidence": "DOUBLE",
}

# Joins the texts of several evidence spans in one cell; an elision mark reads as "text left out".
EVIDENCE_JOINER = " […] "


def iso_day(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` day of an ISO value, or None when it is coarser ("2015-05") or not a date."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def event_day(time: Time | None) -> str | None:
    """The day an event is filed under: its date for day precision, else the first day of its range."""
    if time is None:
        return None
    if str(time.precision) == "day":
        return iso_day(time.value) or iso_day(time.start)
    return iso_day(time.start) or iso_day(time.value)


def first_actor(event: Event, role: Role) -> Actor | None:
    return next((a for a in event.actors if a.role == role), None)


def actor_label(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.canonical or actor.name


def join_evidence(items: Iterable[Evidence]) -> str | None:
    texts = [ev.text for ev in items]
    return EVIDENCE_JOINER.join(texts) if texts else None


def flat_row(event: Event, document: Document | None = None) -> dict[str, Any]:
    """One event as ACLED-like flat columns (``CSV_COLUMNS`` order); ``document`` gives source and URL."""
    place, killed, injured = event.place, event.killed, event.injured
    actor1 = first_actor(event, Role.INITIATOR)
    asserted = event.asserted_by
    asserted_name = asserted.name
    if asserted_name is None and str(asserted.kind) == "outlet" and document is not None:
        asserted_name = document.outlet
    if document is not None:
        document_id: str | None = document.id
    else:
        document_id = event.document_ids[0] if event.document_ids else None
    return {
        "event_id": event.id,
        "event_date": event_day(event.date),
        "time_precision": str(event.date.precision) if event.date else None,
        "event_type": event.type,
        "sub_event_type": event.subtype,
        "plover": event.plover,
        "actor1": actor_label(actor1),
        "actor2": actor_label(first_actor(event, Role.TARGET)),
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": str(place.precision) if place else None,
        "fatalities": killed.best if killed else None,
        "injuries": injured.best if injured else None,
        "detentions": event.detained.best if event.detained else None,
        "source": document.outlet if document else None,
        "source_url": document.url if document else None,
        "notes": join_evidence(event.evidence),
        "date_evidence": join_evidence(event.date.evidence) if event.date else None,
        "place_evidence": join_evidence(place.evidence) if place else None,
        "actor1_evidence": join_evidence(actor1.evidence) if actor1 else None,
        "fatalities_evidence": join_evidence(killed.evidence) if killed else None,
        "asserted_by": asserted_name,
        "hedge": str(event.hedge) if event.hedge else None,
        "negated": event.negated,
        "confidence": event.confidence,
        "document_id": document_id,
    }
