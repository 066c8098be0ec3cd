"""Merge the reports of one real-world event into one event that keeps every source and shows disagreement.

The merged event takes the most precise date and place any report gives, the union of actors, and
killed/injured as the range across reports (``best`` is the median report, rounded down: one outlier
neither inflates nor deflates it).  Fields on which outlets disagree are listed in ``contested``,
value by outlet.  Its ``evidence`` is that of the first report; every report's own evidence stays on
the per-report events listed in ``members`` (evidence offsets belong to one document's text).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sitrep.model import (
    GEO_PRECISION_RANK,
    PRECISION_RANK,
    Count,
    Document,
    Event,
    Precision,
    Role,
    TimeBasis,
    stable_id,
)


def merged_id(first_member_id: str) -> str:
    """The id of a merged event follows its first report, so it stays put as later reports join."""
    return stable_id("lk", first_member_id)


def merge_reports(events: Sequence[Event], documents: dict[str, Document] | None = None) -> Event:
    """One event from the reports of it, in the order they joined (the first gives identity)."""
    if not events:
        raise ValueError("merge_reports needs at least one event")
    docs = documents or {}
    first = events[0]
    outlet = {e.id: _outlet(e, docs) for e in events}
    dated = [e for e in events if e.date and e.date.basis != TimeBasis.PUBLICATION] or [e for e in events if e.date]
    placed = [e for e in events if e.place and e.place.geonames_id is not None] or [e for e in events if e.place]
    best_date = min(dated, key=lambda e: PRECISION_RANK[e.date.precision]).date if dated else None  # type: ignore[union-attr]
    best_place = min(placed, key=lambda e: GEO_PRECISION_RANK[e.place.precision]).place if placed else None  # type: ignore[union-attr]
    subtype = Counter(e.subtype for e in events).most_common(1)[0][0]
    typed = next(e for e in events if e.subtype == subtype)
    sources = tuple(dict.fromkeys(o for o in outlet.values() if o))
    return replace(
        first,
        id=merged_id(first.id),
        type=typed.type,
        subtype=subtype,
        plover=typed.plover,
        date=best_date,
        place=best_place,
        actors=_union_actors(events),
        killed=_range([e.killed for e in events]),
        injured=_range([e.injured for e in events]),
        document_ids=tuple(dict.fromkeys(d for e in events for d in e.document_ids)),
        confidence=round(min(0.99, max(e.confidence for e in events) + 0.05 * (len(sources) - 1)), 2),
        members=tuple(e.id for e in events),
        sources=sources,
        corroboration=max(1, len(sources)),
        contested=_contested(events, outlet),
    )


def _outlet(e: Event, docs: dict[str, Document]) -> str:
    for d in e.document_ids:
        if d in docs and docs[d].outlet:
            return docs[d].outlet or ""
    return e.asserted_by.name if e.asserted_by.kind.value == "outlet" and e.asserted_by.name else (
        e.document_ids[0] if e.document_ids else e.id)


def _union_actors(events: Sequence[Event]) -> tuple:
    seen: dict[tuple[Any, str], Any] = {}
    for e in events:
        for a in e.actors:
            key = (a.role, (a.canonical or a.name or "").lower())
            if a.name and key not in seen:
                seen[key] = a
    unnamed = [a for a in events[0].actors if not a.name and not any(k[0] == a.role for k in seen)]
    return tuple(seen.values()) + tuple(unnamed)


def _range(counts: Sequence[Count | None]) -> Count | None:
    known = sorted((c for c in counts if c is not None), key=lambda c: c.best)
    if not known:
        return None
    median = known[(len(known) - 1) // 2]
    highs = [c.high if c.high is not None else c.best for c in known]
    return replace(median, low=min(c.low for c in known), high=max(highs))


def _contested(events: Sequence[Event], outlet: dict[str, str]) -> dict[str, dict[str, Any]]:
    values: dict[str, dict[str, Any]] = {
        "killed": {outlet[e.id]: e.killed.best for e in events if e.killed},
        "injured": {outlet[e.id]: e.injured.best for e in events if e.injured},
        "perpetrator": {outlet[e.id]: sorted({a.canonical or a.name for a in e.actors
                                              if a.role == Role.INITIATOR and a.name})
                        for e in events if any(a.role == Role.INITIATOR and a.name for a in e.actors)},
        "date": {outlet[e.id]: e.date.value for e in events
                 if e.date and e.date.precision == Precision.DAY and e.date.basis != TimeBasis.PUBLICATION},
    }
    out = {}
    for name, by_outlet in values.items():
        distinct = {repr(v) for v in by_outlet.values()}
        if len(distinct) > 1:
            out[name] = by_outlet
    return out
