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
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import duckdb

from sitrep.errors import StoreError
from sitrep.link.events import Signature, best_cluster, signature
from sitrep.link.merge import merge_reports, merged_id
from sitrep.model import Event, event_from_dict, to_dict
from sitrep.store._rows import event_row

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
    """Link every event that has no link yet; returns what was done."""
    if store.read_only:
        raise StoreError(f"the store at {store.path} is open read-only: linking writes", code="store_read_only")
    con = store._connection()
    ensure_tables(con)
    summary = LinkSummary()
    con.execute("BEGIN TRANSACTION")
    try:
        touched = _drop_stale_links(con)
        pending = con.execute(
            "SELECT e.record FROM events e LEFT JOIN event_links l "
            "ON l.document_id = e.document_id AND l.event_id = e.id WHERE l.event_id IS NULL "
            "ORDER BY e.date_start NULLS LAST, e.id, e.document_id").fetchall()
        docs = store.documents({d for (r,) in pending for d in json.loads(r)["document_ids"][:1]})
        seq = con.execute("SELECT coalesce(max(seq), 0) FROM event_links").fetchone()[0]
        known: dict[tuple[str, str], Signature] = {}  # linked events' signatures, each parsed once per run
        for n, (record,) in enumerate(pending, start=1):
            event = event_from_dict(json.loads(record))
            sig = signature(event, docs.get(event.document_ids[0]))
            target, score = _same_as(con, sig, event, known)
            known[(sig.document_id, event.id)] = sig
            if target is None:
                target = merged_id(event.id)
                summary.created += 1
            else:
                summary.joined += 1
            seq += 1
            con.execute("INSERT INTO event_links VALUES (?, ?, ?, ?, ?)",
                        [sig.document_id, event.id, target, seq, score])
            touched.add(target)
            summary.new_events += 1
            if progress:
                progress(n)
        summary.rewritten = _rewrite(store, con, touched)
        con.execute("COMMIT")
    except (duckdb.Error, StoreError) as exc:
        con.rollback()
        raise StoreError(f"linking events in {store.path} failed, nothing was changed: {exc}",
                         code=getattr(exc, "code", "store")) from exc
    return summary


def _drop_stale_links(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Links of events that were re-extracted away; their merged events must be rewritten."""
    stale = con.execute(
        "SELECT l.document_id, l.event_id, l.linked_id FROM event_links l LEFT JOIN events e "
        "ON l.document_id = e.document_id AND l.event_id = e.id WHERE e.id IS NULL").fetchall()
    for doc_id, event_id, _ in stale:
        con.execute("DELETE FROM event_links WHERE document_id = ? AND event_id = ?", [doc_id, event_id])
    return {linked for _, _, linked in stale}


def _same_as(con: duckdb.DuckDBPyConnection, sig: Signature, event: Event,
             known: dict[tuple[str, str], Signature]) -> tuple[str | None, float | None]:
    """The merged event this one is "same" as (best score), or None; candidates come from a SQL pre-filter."""
    where, params = ["e.event_type = ?"], [event.type]
    if sig.start and sig.end:
        where.append("(e.date_start IS NULL OR (e.date_start <= ?::DATE AND e.date_end >= ?::DATE))")
        params += [(sig.end + timedelta(days=WINDOW_DAYS)).isoformat(),
                   (sig.start - timedelta(days=WINDOW_DAYS)).isoformat()]
    if sig.country:
        where.append("(e.country IS NULL OR e.country = ?)")
        params.append(sig.country)
    rows = con.execute(
        "SELECT l.linked_id, l.document_id, l.event_id FROM events e JOIN event_links l "
        f"ON l.document_id = e.document_id AND l.event_id = e.id WHERE {' AND '.join(where)} ORDER BY l.seq",
        params).fetchall()
    missing = [(d, e) for _, d, e in rows if (d, e) not in known]
    if missing:
        for doc_id, record in con.execute(
                "SELECT document_id, record FROM events WHERE (document_id, id) IN "
                "(SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]))",
                [[d for d, _ in missing], [e for _, e in missing]]).fetchall():
            member = event_from_dict(json.loads(record))
            known[(doc_id, member.id)] = signature(member)
    members: dict[str, list[Signature]] = {}
    for linked, doc_id, event_id in rows:
        members.setdefault(linked, []).append(known[(doc_id, event_id)])
    best, decision, score = best_cluster(sig, members.items())
    return (best, score) if decision == "same" else (None, None)


def _rewrite(store: DuckDBStore, con: duckdb.DuckDBPyConnection, linked_ids: set[str]) -> int:
    """Recompute the merged records of these merged events from their members."""
    written = 0
    for linked in sorted(linked_ids):
        con.execute("DELETE FROM linked_events WHERE id = ?", [linked])
        rows = con.execute(
            "SELECT e.record FROM event_links l JOIN events e ON l.document_id = e.document_id "
            "AND l.event_id = e.id WHERE l.linked_id = ? ORDER BY l.seq", [linked]).fetchall()
        if not rows:
            continue
        members = [event_from_dict(json.loads(r)) for (r,) in rows]
        docs = store.documents({d for e in members for d in e.document_ids})
        merged = replace(merge_reports(members, docs), id=linked)
        first_doc = docs.get(members[0].document_ids[0])
        if first_doc is None:
            continue
        row = event_row(merged, json.dumps(to_dict(merged), ensure_ascii=False), first_doc)
        row.update(corroboration=merged.corroboration, n_reports=len(members))
        cols = list(row)
        con.execute(f"INSERT INTO linked_events ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                    [row[c] for c in cols])
        written += 1
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

