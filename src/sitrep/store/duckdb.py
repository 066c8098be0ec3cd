"""The DuckDB event store: one file, one writer; reports are saved idempotently and read back as records.

Each report becomes a document row plus event, claim, citation, place, time and actor rows (built in
``_rows``), each with flat columns for filtering and the full record as JSON. The schema lives in
``schema.sql``. Any Unicode text is stored as given, NUL included; lone surrogates (not Unicode) are refused.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from sitrep.errors import StoreError
from sitrep.model import Document, Event, Failure, Report, event_from_dict
from sitrep.store._derived import derived_are_current, fill_derived, refresh_derived
from sitrep.store._guard import GuardedConnection, connect
from sitrep.store._order import ROW_GROUP_SIZE, keep_sorted, note_written
from sitrep.store._rows import (
    CHILD_TABLES,
    DOCUMENT_COLUMNS,
    Prepared,
    document_from_row,
    insert_rows,
    prepare_report,
    utc_now,
)
from sitrep.store._shown import bound as _bound
from sitrep.store._shown import shown_conditions
from sitrep.store.export import write_events

log = logging.getLogger(__name__)

SCHEMA_VERSION = 4
# Each step upgrades a store from the version before it; opening a writable store runs the missing ones.
MIGRATIONS = {
    2: ["ALTER TABLE events ADD COLUMN IF NOT EXISTS detentions INTEGER"],  # Event.detained, flat column
    3: ["ALTER TABLE events ADD COLUMN IF NOT EXISTS shown BOOLEAN",  # store._derived, filled on open
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS search VARCHAR"],
    4: [],  # event rows kept in the listing order (store._order): the tables are rewritten in order below
}
_SEEN_TABLE = ("CREATE TABLE IF NOT EXISTS seen (feed VARCHAR NOT NULL, key VARCHAR NOT NULL, document_id VARCHAR, "
               "seen_at TIMESTAMP, PRIMARY KEY (feed, key))")


# --------------------------------------------------------------------------- the store


class DuckDBStore:
    """A sitrep store in one DuckDB file (``":memory:"`` for a throwaway one)."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._con: GuardedConnection | None = self._connect()
        self.derived = False  # whether the derived columns (shown, search) follow this version (store._derived)
        try:
            self._types = self._init_schema()
        except BaseException:
            self.close()
            raise

    # ---------------------------------------------------------------- opening and closing

    def _connect(self) -> GuardedConnection:
        if self.read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"there is no store at {self.path}: check the path, or save reports into it first",
                             code="store_missing")
        return connect(self.path, read_only=self.read_only, row_group_size=ROW_GROUP_SIZE)

    def _init_schema(self) -> dict[str, dict[str, str]]:
        con = self._connection()
        tables = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        if "meta" in tables:
            row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            version = int(row[0]) if row else 0
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.path} has store schema {version}, newer than this sitrep reads "
                                 f"({SCHEMA_VERSION}): upgrade sitrep", code="store_version")
            if version < SCHEMA_VERSION and not self.read_only:
                self._migrate(con, version, tables)
        elif tables:
            raise StoreError(f"{self.path} is a DuckDB database but not a sitrep store: use another file",
                             code="store_foreign")
        elif self.read_only:
            raise StoreError(f"{self.path} is an empty database, not a sitrep store", code="store_missing")
        else:
            schema = resources.files("sitrep.store").joinpath("schema.sql").read_text(encoding="utf-8")
            con.execute(schema)
            con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        self.derived = derived_are_current(con)
        if not self.derived and not self.read_only:  # a new store, an upgraded one, another taxonomy
            refresh_derived(con)
            self.derived = True
        types: dict[str, dict[str, str]] = {}
        for table, column, kind in con.execute(
                "SELECT table_name, column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position").fetchall():
            types.setdefault(table, {})[column] = kind
        return types

    def _migrate(self, con: GuardedConnection, version: int, tables: set[str]) -> None:
        """Bring an older store up to this schema in one transaction (merged events follow the events table)."""
        try:
            con.execute("BEGIN TRANSACTION")
            for step in range(version + 1, SCHEMA_VERSION + 1):
                for sql in MIGRATIONS.get(step, []):
                    con.execute(sql)
                    if "linked_events" in tables and sql.startswith("ALTER TABLE events"):
                        con.execute(sql.replace("ALTER TABLE events", "ALTER TABLE linked_events", 1))
            if version < 4:
                keep_sorted(con, force=True)
            con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
            con.execute("COMMIT")
        except StoreError as exc:
            con.rollback()
            raise StoreError(f"upgrading {self.path} from store schema {version} failed: {exc}",
                             code="store_version") from exc
        log.info("upgraded %s from store schema %d to %d", self.path, version, SCHEMA_VERSION)

    def _connection(self) -> GuardedConnection:
        if self._con is None:
            raise StoreError(f"the store at {self.path} is closed", code="store_closed")
        return self._con

    def _writable(self) -> GuardedConnection:
        if self.read_only:
            raise StoreError(f"the store at {self.path} is open read-only", code="store_read_only")
        return self._connection()

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> DuckDBStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        state = "closed" if self._con is None else mode
        return f"DuckDBStore({self.path!r}, {state})"

    # ---------------------------------------------------------------- writing

    def save_report(self, report: Report) -> str:
        """Save one report: "inserted", "unchanged" (same content saved before) or "updated" (rows replaced)."""
        return self._write([prepare_report(report)])[0]

    def save_reports(self, reports: Iterable[Report], *, batch_size: int = 500,
                     on_progress: Callable[[int], None] | None = None) -> dict[str, int]:
        """Save many reports, one transaction per batch; returns how many were inserted, unchanged, updated, failed.

        A report that cannot be stored (evidence not matching its text, repeated ids) becomes a failure
        with code "store_rejected" and the batch goes on.
        """
        self._writable()
        totals = Counter({"inserted": 0, "unchanged": 0, "updated": 0, "failed": 0})
        batch: dict[str, Prepared] = {}
        rejected: list[Failure] = []
        done = 0

        def flush() -> None:
            nonlocal done
            if batch:
                totals.update(self._write(list(batch.values())))
            for failure in rejected:
                self.save_failure(failure)
            done += len(batch) + len(rejected)
            batch.clear()
            rejected.clear()
            if on_progress is not None:
                on_progress(done)

        for report in reports:
            doc_id = report.document.id
            if doc_id in batch:  # a later version of a document in the same batch: write the earlier first
                flush()
            try:
                batch[doc_id] = prepare_report(report)
            except StoreError as exc:
                log.warning("not storing document %s: %s", doc_id, exc)
                totals["failed"] += 1
                rejected.append(Failure(source=report.document.source or report.document.url or doc_id,
                                        code="store_rejected", message=str(exc), document_id=doc_id, stage="store"))
            if len(batch) + len(rejected) >= batch_size:
                flush()
        flush()
        return dict(totals)

    def _write(self, prepared: list[Prepared]) -> list[str]:
        con = self._writable()
        ids = [p.document.id for p in prepared]
        try:
            con.execute("BEGIN TRANSACTION")
            existing = dict(con.execute("SELECT id, report_sha256 FROM documents WHERE id IN "
                                        "(SELECT unnest(?::VARCHAR[]))", [ids]).fetchall())
            statuses = []
            todo = []
            for p in prepared:
                if p.document.id not in existing:
                    statuses.append("inserted")
                elif existing[p.document.id] == p.fingerprint:
                    statuses.append("unchanged")
                    continue
                else:
                    statuses.append("updated")
                todo.append(p)
            # only updated documents have rows to remove: a transaction never leaves children without a document
            todo_ids = [p.document.id for p in todo if p.document.id in existing]
            if todo_ids:
                for table in ("documents", *CHILD_TABLES, "failures"):
                    key = "id" if table == "documents" else "document_id"
                    con.execute(f'DELETE FROM "{table}" WHERE "{key}" IN (SELECT unnest(?::VARCHAR[]))', [todo_ids])
            if todo:
                for table in ("documents", *CHILD_TABLES):
                    insert_rows(con, table, [row for p in todo for row in p.rows[table]], self._types[table])
                fill_derived(con, "events")
                note_written(con, "events", sum(len(p.rows["events"]) for p in todo))
                keep_sorted(con)  # now and then, when enough rows sit out of order
                self._upsert_failures(con, [f for p in todo for f in p.failures])
            con.execute("COMMIT")
        except (duckdb.Error, StoreError, UnicodeError) as exc:
            con.rollback()
            raise StoreError(f"saving {len(ids)} reports into {self.path} failed, nothing was written: {exc}",
                             code=getattr(exc, "code", "store")) from exc
        except BaseException:
            con.rollback()
            raise
        return statuses

    def _upsert_failures(self, con: GuardedConnection, failures: Iterable[Failure]) -> None:
        latest = {(f.source, f.code): f for f in failures}
        for f in latest.values():
            con.execute(
                "INSERT INTO failures VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source, code) DO UPDATE SET "
                "message = excluded.message, document_id = excluded.document_id, stage = excluded.stage",
                [f.source, f.code, f.message, f.document_id, f.stage, utc_now()])

    def save_failure(self, failure: Failure) -> None:
        """Record an input that did not become a report; saving the same (source, code) again replaces it."""
        con = self._writable()
        try:
            self._upsert_failures(con, [failure])
        except StoreError as exc:
            raise StoreError(f"saving the failure of {failure.source!r} into {self.path} failed: {exc}",
                             code=exc.code) from exc

    # ---------------------------------------------------------------- reading

    def _event_filter(self, *, country: str | None = None, since: str | dt.date | None = None,
                      until: str | dt.date | None = None, type: str | None = None,
                      actor: str | None = None, news_only: bool = False,
                      min_confidence: float | None = None) -> tuple[str, list[Any]]:
        where, params = shown_conditions(news_only=news_only, min_confidence=min_confidence,
                                         precomputed=self.derived)
        if country:
            where.append("upper(country) = upper(?)")
            params.append(country.strip())
        if since:
            where.append("event_date >= ?::DATE")
            params.append(_bound(since, end=False))
        if until:
            where.append("event_date <= ?::DATE")
            params.append(_bound(until, end=True))
        if type:
            where.append("(lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?))")
            params += [type.strip(), type.strip()]
        if actor:
            # actor_names holds every actor's name and canonical name, so actor1 and actor2 are in it too
            where.append("contains(lower(coalesce(actor_names, '')), lower(?))")
            params.append(actor.strip())
        return (" WHERE " + " AND ".join(where) if where else ""), params

    def events(self, *, country: str | None = None, since: str | dt.date | None = None,
               until: str | dt.date | None = None, type: str | None = None,
               actor: str | None = None, limit: int | None = None, news_only: bool = False,
               min_confidence: float | None = None) -> list[Event]:
        """Events matching every filter given, ordered by date then id (undated events last). ``news_only``
        leaves out background, plans, denied events and verbal interactions (``store._shown``)."""
        where, params = self._event_filter(country=country, since=since, until=until, type=type, actor=actor,
                                           news_only=news_only, min_confidence=min_confidence)
        sql = f"SELECT record FROM events{where} ORDER BY event_date NULLS LAST, id, document_id"
        if limit is not None:
            if limit < 0:
                raise StoreError(f"limit={limit} must be zero or more", code="bad_filter")
            sql += " LIMIT ?"
            params.append(int(limit))
        rows = self._connection().execute(sql, params).fetchall()
        return [event_from_dict(json.loads(r[0])) for r in rows]

    def event(self, event_id: str) -> Event | None:
        row = self._connection().execute(
            "SELECT record FROM events WHERE id = ? ORDER BY document_id LIMIT 1", [event_id]).fetchone()
        return event_from_dict(json.loads(row[0])) if row else None

    def documents(self, ids: Iterable[str]) -> dict[str, Document]:
        """The stored documents with these ids, by id (ids not in the store are left out)."""
        rows = self._connection().execute(
            f"SELECT {', '.join(DOCUMENT_COLUMNS)} FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [list(dict.fromkeys(ids))]).fetchall()
        return {row[0]: document_from_row(row) for row in rows}

    def document(self, doc_id: str) -> Document | None:
        return self.documents([doc_id]).get(doc_id)

    def records(self, table: str, *, document_id: str | None = None) -> list[dict[str, Any]]:
        """The stored JSON records of one table ("claims", "citations", "places", "times", "actors", "events")."""
        if table not in CHILD_TABLES:
            raise StoreError(f"no records table {table!r}: use one of " + ", ".join(CHILD_TABLES), code="bad_table")
        order = "seq" if table in ("places", "times", "actors") else "id"
        where, params = ("", []) if document_id is None else (" WHERE document_id = ?", [document_id])
        rows = self._connection().execute(
            f'SELECT record FROM "{table}"{where} ORDER BY document_id, {order}', params).fetchall()
        return [json.loads(r[0]) for r in rows]

    def counts(self) -> dict[str, int]:
        """Rows per table: documents, events, claims, citations, places, times, actors, failures."""
        con = self._connection()
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                for t in ("documents", *CHILD_TABLES, "failures")}

    def failures(self) -> list[Failure]:
        rows = self._connection().execute(
            "SELECT source, code, message, document_id, stage FROM failures ORDER BY recorded_at, source, code"
        ).fetchall()
        return [Failure(source=s, code=c, message=m, document_id=d, stage=st) for s, c, m, d, st in rows]

    # ---------------------------------------------------------------- watched feeds (what `sitrep watch` has seen)

    def _seen_table(self) -> GuardedConnection:
        con = self._connection()
        if not self.read_only:  # stores made before the table existed get it on first use
            con.execute(_SEEN_TABLE)
        return con

    def seen_keys(self, feed: str, keys: Iterable[str]) -> set[str]:
        """Which of ``keys`` (feed entry ids or URLs) were already handled for ``feed``."""
        keys = list(keys)
        if not keys:
            return set()
        con = self._seen_table()
        rows = con.execute("SELECT key FROM seen WHERE feed = ? AND key IN (SELECT unnest(?::VARCHAR[]))",
                           [feed, keys]).fetchall()
        return {r[0] for r in rows}

    def mark_seen(self, feed: str, items: Iterable[tuple[str, str | None]]) -> int:
        """Remember ``(key, document_id or None)`` pairs as handled for ``feed``, in one transaction."""
        rows = [[feed, key, doc_id, utc_now()] for key, doc_id in items]
        if not rows:
            return 0
        con = self._seen_table()
        if self.read_only:
            raise StoreError(f"the store at {self.path} is open read-only", code="store_read_only")
        try:
            con.execute("BEGIN TRANSACTION")
            con.executemany("INSERT INTO seen VALUES (?, ?, ?, ?) ON CONFLICT (feed, key) DO NOTHING", rows)
            con.execute("COMMIT")
        except StoreError as exc:
            con.rollback()
            raise StoreError(f"remembering {len(rows)} feed items in {self.path} failed: {exc}") from exc
        return len(rows)

    # ---------------------------------------------------------------- analysis

    def to_pandas(self, **filters: Any) -> Any:
        """The events' flat columns as a pandas DataFrame (needs pandas), with the same filters as ``events``."""
        if importlib.util.find_spec("pandas") is None:
            raise StoreError("to_pandas needs pandas: pip install pandas (or use to_parquet)", code="missing_pandas")
        where, params = self._event_filter(**filters)
        sql = f"SELECT * EXCLUDE (record, actor_names, shown, search) FROM events{where} ORDER BY event_date NULLS LAST, id"
        return self._connection().execute(sql, params).df()

    def to_parquet(self, path: str | Path, **filters: Any) -> int:
        """Write the matching events to a Parquet file (flat columns + record JSON); returns how many."""
        events = self.events(**filters)
        docs = self.documents(d for e in events for d in e.document_ids)
        return write_events(events, "parquet", path, documents=docs).written


__all__ = ["SCHEMA_VERSION", "DuckDBStore", "insert_rows"]
