"""Cross-document linking inside the store: every per-report event joins a merged event.

``link_new`` is incremental: it takes the events that have no link yet (new or re-extracted
documents), compares each with the merged events already stored that could match it (same type,
a date window, the same country: a SQL pre-filter before ``sitrep.link.events`` scores the pair),
and either joins the best "same" one or starts a new merged event.  Only touched merged events are
rewritten, so adding a document never reprocesses the store, and running it again changes nothing.

Tables (created on first use): ``event_links`` (document_id, event_id → linked_id, in join order) and
``linked_events`` (the merged records, with the same flat columns as ``events`` plus corroboration).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import duckdb

from sitrep.errors import StoreError
from sitrep.link.events import Signature, best_cluster, signature
from sitrep.link.merge import merge_reports, merged_id
from sitrep.model import Event, event_from_dict, to_dict
from sitrep.store._derived import fill_derived
from sitrep.store._order import keep_sorted, note_written
from sitrep.store._rows import event_row, insert_rows

if TYPE_CHECKING:
    from sitrep.store.duckdb import DuckDBStore

_TABLES = """
CREATE TABLE IF NOT EXISTS event_links (
    document_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    linked_id VARCHAR NOT NULL,
    seq BIGINT NOT NULL,          -- join order: the first member gives the merged event its identity
    score DOUBLE,
    PRIMARY KEY (document_id, event_id)
);
CREATE TABLE IF NOT EXISTS linked_events AS
    SELECT *, 0::INTEGER AS corroboration, 0::INTEGER AS n_reports FROM events LIMIT 0;
"""
WINDOW_DAYS = 31  # SQL pre-filter only; the scored match decides
BATCH = 512  # pending events per candidate query, merged events per rewrite query


@dataclass(slots=True)
class LinkSummary:
    new_events: int = 0
    joined: int = 0  # joined an existing merged event
    created: int = 0  # started a new merged event
    rewritten: int = 0  # merged records written

    def to_dict(self) -> dict[str, int]:
        return {"new_events": self.new_events, "joined": self.joined, "created": self.created,
                "rewritten": self.rewritten}


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(_TABLES)


def link_new(store: DuckDBStore, *, progress: Callable[[int], None] | None = None) -> LinkSummary:
    """Link every event that has no link yet; returns what was done.

    Pending events are taken in date order, ``BATCH`` at a time, with a handful of queries per batch rather
    than a few per event: one reads the batch's documents, one finds the stored members that could match any
    event of the batch (``_candidates``), one fetches the records of those not parsed yet, one inserts the
    batch's links. Events of the same batch linked before an event are its candidates too, filtered by the
    same rule in memory and in the same order, as if each had been stored before the next was looked up."""
    if store.read_only:
        raise StoreError(f"the store at {store.path} is open read-only: linking writes", code="store_read_only")
    con = store._connection()
    ensure_tables(con)
    summary = LinkSummary()
    con.execute("BEGIN TRANSACTION")
    try:
        touched = _drop_stale_links(con)
        pending = con.execute(
            "SELECT e.document_id, e.id, e.event_type, e.date_start, e.date_end, e.country, e.record FROM events e "
            "LEFT JOIN event_links l ON l.document_id = e.document_id AND l.event_id = e.id WHERE l.event_id IS NULL "
            "ORDER BY e.date_start NULLS LAST, e.id, e.document_id").fetchall()
        seq = con.execute("SELECT coalesce(max(seq), 0) FROM event_links").fetchone()[0]
        known: dict[tuple[str, str], Signature] = {}  # linked events' signatures, each parsed once per run
        for first in range(0, len(pending), BATCH):
            batch = _parsed(store, pending[first:first + BATCH])
            stored = _candidates(con, batch, known)
            links = []
            for i, p in enumerate(batch):
                rows = stored.get(i, []) + [(q.linked, q.sig.document_id, q.event.id) for q in batch[:i]
                                            if q.sig.document_id == q.document_id and _may_match(q, p.sig)]
                target, score = _same_as(p.sig, rows, known)
                known[(p.sig.document_id, p.event.id)] = p.sig
                if target is None:
                    target = merged_id(p.event.id)
                    summary.created += 1
                else:
                    summary.joined += 1
                seq += 1
                p.linked = target
                links.append((p.sig.document_id, p.event.id, target, seq, score))
                touched.add(target)
                summary.new_events += 1
                if progress:
                    progress(summary.new_events)
            _insert_links(con, links)
        summary.rewritten = _rewrite(store, con, touched)
        note_written(con, "linked_events", summary.rewritten)
        keep_sorted(con)  # now and then, when enough merged rows sit out of order
        con.execute("COMMIT")
    except (duckdb.Error, StoreError) as exc:
        con.rollback()
        raise StoreError(f"linking events in {store.path} failed, nothing was changed: {exc}",
                         code=getattr(exc, "code", "store")) from exc
    return summary


@dataclass(slots=True)
class _Pending:
    """An event not linked yet: its row's key and filter columns, the event, its signature, the link it gets."""

    document_id: str
    type: str | None
    date_start: date | None
    date_end: date | None
    country: str | None
    event: Event
    sig: Signature
    linked: str = ""


def _parsed(store: DuckDBStore, rows: Sequence[tuple[Any, ...]]) -> list[_Pending]:
    """Pending rows (document id, id, type, start, end, country, record) parsed, with their documents read in
    one query (a batch at a time, so a large run never holds every pending document at once)."""
    events = [event_from_dict(json.loads(row[6])) for row in rows]
    docs = store.documents({d for e in events for d in e.document_ids[:1]})
    return [_Pending(doc_id, kind, start, end, country, e, signature(e, docs.get(e.document_ids[0])))
            for (doc_id, _, kind, start, end, country, _), e in zip(rows, events, strict=True)]


def _window(sig: Signature) -> tuple[date | None, date | None]:
    """The date window a candidate's stored dates must meet (None, None: any date)."""
    if sig.start and sig.end:
        return sig.start - timedelta(days=WINDOW_DAYS), sig.end + timedelta(days=WINDOW_DAYS)
    return None, None


def _may_match(row: _Pending, sig: Signature) -> bool:
    """The SQL pre-filter of ``_candidates`` for a row still in memory: same type, date window, same country."""
    if sig.type is None or row.type != sig.type:
        return False
    low, high = _window(sig)
    if low is not None and row.date_start is not None and not (
            row.date_end is not None and row.date_start <= high and row.date_end >= low):
        return False
    return not (sig.country and row.country is not None and row.country != sig.country)


def _candidates(con: duckdb.DuckDBPyConnection, batch: list[_Pending],
                known: dict[tuple[str, str], Signature]) -> dict[int, list[tuple[str, str, str]]]:
    """For each event of the batch (by position), the linked events stored so far that could be the same, as
    (linked id, document id, event id) in join order: same type, a date window, the same country."""
    windows = [_window(p.sig) for p in batch]
    rows = con.execute(
        "SELECT p.i, l.linked_id, l.document_id, l.event_id FROM (SELECT unnest(?::INTEGER[]) AS i, "
        "unnest(?::VARCHAR[]) AS type, unnest(?::DATE[]) AS low, unnest(?::DATE[]) AS high, "
        "unnest(?::VARCHAR[]) AS country) p JOIN events e ON e.event_type = p.type JOIN event_links l "
        "ON l.document_id = e.document_id AND l.event_id = e.id "
        "WHERE (p.low IS NULL OR e.date_start IS NULL OR (e.date_start <= p.high AND e.date_end >= p.low)) "
        "AND (p.country IS NULL OR e.country IS NULL OR e.country = p.country) ORDER BY p.i, l.seq",
        [list(range(len(batch))), [p.sig.type for p in batch], [w[0] for w in windows], [w[1] for w in windows],
         [p.sig.country or None for p in batch]]).fetchall()
    found: dict[int, list[tuple[str, str, str]]] = {}
    for i, linked, doc_id, event_id in rows:
        found.setdefault(i, []).append((linked, doc_id, event_id))
    missing = list({(d, e) for _, d, e in (r[1:] for r in rows)} - known.keys())
    if missing:
        for doc_id, record in con.execute(
                "SELECT document_id, record FROM events WHERE (document_id, id) IN "
                "(SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]))",
                [[d for d, _ in missing], [e for _, e in missing]]).fetchall():
            member = event_from_dict(json.loads(record))
            known[(doc_id, member.id)] = signature(member)
    return found


def _insert_links(con: duckdb.DuckDBPyConnection, links: list[tuple[str, str, str, int, float | None]]) -> None:
    if links:
        con.execute("INSERT INTO event_links SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
                    "unnest(?::VARCHAR[]), unnest(?::BIGINT[]), unnest(?::DOUBLE[])", [list(c) for c in zip(*links, strict=True)])


def _drop_stale_links(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Links of events that were re-extracted away; their merged events must be rewritten."""
    stale = con.execute(
        "SELECT l.document_id, l.event_id, l.linked_id FROM event_links l LEFT JOIN events e "
        "ON l.document_id = e.document_id AND l.event_id = e.id WHERE e.id IS NULL").fetchall()
    if stale:
        con.execute("DELETE FROM event_links WHERE (document_id, event_id) IN "
                    "(SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]))", [[d for d, _, _ in stale],
                                                                           [e for _, e, _ in stale]])
    return {linked for _, _, linked in stale}


def _same_as(sig: Signature, rows: list[tuple[str, str, str]],
             known: dict[tuple[str, str], Signature]) -> tuple[str | None, float | None]:
    """The merged event this one is "same" as (best score) among the candidates' clusters, or None."""
    clusters: dict[str, list[Signature]] = {}
    for linked, doc_id, event_id in rows:
        clusters.setdefault(linked, []).append(known[(doc_id, event_id)])
    best, decision, score = best_cluster(sig, clusters.items())
    return (best, score) if decision == "same" else (None, None)


def _rewrite(store: DuckDBStore, con: duckdb.DuckDBPyConnection, linked_ids: set[str]) -> int:
    """Recompute the merged records of these merged events from their members, ``BATCH`` merged events per
    query: delete them, read their members, write them again in one insert."""
    types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                             "WHERE table_schema = 'main' AND table_name = 'linked_events'").fetchall())
    ordered = sorted(linked_ids)
    written = 0
    for first in range(0, len(ordered), BATCH):
        chunk = ordered[first:first + BATCH]
        con.execute("DELETE FROM linked_events WHERE id IN (SELECT unnest(?::VARCHAR[]))", [chunk])
        grouped: dict[str, list[Event]] = {}
        for linked, record in con.execute(
                "SELECT l.linked_id, e.record FROM event_links l JOIN events e ON l.document_id = e.document_id "
                "AND l.event_id = e.id WHERE l.linked_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY l.linked_id, l.seq",
                [chunk]).fetchall():
            grouped.setdefault(linked, []).append(event_from_dict(json.loads(record)))
        docs = store.documents({d for events in grouped.values() for e in events for d in e.document_ids})
        rows = []
        for linked, events in grouped.items():
            first_doc = docs.get(events[0].document_ids[0])
            if first_doc is None:
                continue
            merged = replace(merge_reports(events, docs), id=linked)
            row = event_row(merged, json.dumps(to_dict(merged), ensure_ascii=False), first_doc)
            row.update(corroboration=merged.corroboration, n_reports=len(events))
            rows.append(row)
        written += insert_rows(con, "linked_events", rows, types)
    fill_derived(con, "linked_events")
    return written


def linked_events(store: DuckDBStore, *, limit: int | None = None, **filters: Any) -> list[Event]:
    """Merged events with the same filters as ``DuckDBStore.events``, ordered by date then id."""
    con = store._connection()
    if not _has_tables(con):
        return []
    where, params = store._event_filter(**filters)
    sql = f"SELECT record FROM linked_events{where} ORDER BY event_date NULLS LAST, id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [event_from_dict(json.loads(r)) for (r,) in con.execute(sql, params).fetchall()]


def linked_event(store: DuckDBStore, linked_id: str) -> Event | None:
    con = store._connection()
    if not _has_tables(con):
        return None
    row = con.execute("SELECT record FROM linked_events WHERE id = ?", [linked_id]).fetchone()
    return event_from_dict(json.loads(row[0])) if row else None


def members(store: DuckDBStore, linked_id: str) -> Sequence[Event]:
    """The per-report events of a merged event, in join order."""
    con = store._connection()
    if not _has_tables(con):
        return []
    rows = con.execute(
        "SELECT e.record FROM event_links l JOIN events e ON l.document_id = e.document_id AND l.event_id = e.id "
        "WHERE l.linked_id = ? ORDER BY l.seq", [linked_id]).fetchall()
    return [event_from_dict(json.loads(r)) for (r,) in rows]


def _has_tables(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'linked_events'")
                .fetchone()[0])

