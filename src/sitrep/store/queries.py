"""Read queries for the API and the web page: filtered, cursor-paginated events, claims, actors and chart counts.

A ``StoreReader`` wraps an open ``DuckDBStore`` and gives each thread its own DuckDB cursor, so a threaded
server can read while the store's own connection writes (DuckDB connections are not shared across threads).
Records come back as the stored JSON strings, so a page of events is spliced into a response without being
parsed and serialised again.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

import duckdb

from sitrep.errors import StoreError
from sitrep.model import Document
from sitrep.store._derived import search_condition
from sitrep.store._shown import bound as _bound
from sitrep.store._shown import shown_conditions
from sitrep.store.duckdb import DuckDBStore

ORDERS = ("asc", "desc")
ASSERTED_KINDS = ("outlet", "speaker")


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """Every event filter of the CLI, plus the ones a map and a search box need; unset fields do not filter."""

    country: str | None = None
    admin1: str | None = None
    since: str | None = None
    until: str | None = None
    type: str | None = None
    actor: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    q: str | None = None
    min_confidence: float | None = None
    news_only: bool = False  # leave out background, plans, denied events and verbal interactions (store._shown)
    asserted_by: str | None = None
    document_id: str | None = None
    view: str = "merged"  # "merged": one row per real event (linked across documents); "reports": per document

    def where(self, *, precomputed: bool = False) -> tuple[str, list[Any]]:
        """The SQL conditions (joined with AND, "TRUE" when empty) and their parameters; ``precomputed`` when the
        store's derived columns follow this version (``DuckDBStore.derived``)."""
        where, params = shown_conditions(news_only=self.news_only, min_confidence=self.min_confidence,
                                         precomputed=precomputed)
        if self.country:
            where.append("upper(country) = upper(?)")
            params.append(self.country.strip())
        if self.admin1:
            where.append("lower(admin1) = lower(?)")
            params.append(self.admin1.strip())
        if self.since:
            where.append("event_date >= ?::DATE")
            params.append(_bound(self.since, end=False))
        if self.until:
            where.append("event_date <= ?::DATE")
            params.append(_bound(self.until, end=True))
        if self.type:
            where.append("(lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?))")
            params += [self.type.strip(), self.type.strip()]
        if self.actor:
            where.append("contains(lower(coalesce(actor_names, '')), lower(?))")
            params.append(self.actor.strip())
        if self.bbox is not None:
            west, south, east, north = self.bbox
            where.append("latitude BETWEEN ? AND ?")
            params += [south, north]
            # a box crossing the antimeridian (west > east) covers both ends of the longitude range
            where.append("(longitude BETWEEN ? AND ?)" if west <= east else "(longitude >= ? OR longitude <= ?)")
            params += [west, east]
        if self.q:
            test, more = search_condition(self.q.strip(), precomputed=precomputed)
            where.append(test)
            params += more
        if self.asserted_by:
            where.append("asserted_by_kind = lower(?)")
            params.append(self.asserted_by.strip())
        if self.document_id:
            where.append("document_id = ?")
            params.append(self.document_id)
        return (" AND ".join(where) or "TRUE"), params


@dataclasses.dataclass(frozen=True, slots=True)
class Page:
    """One page of stored JSON records and the cursor of the next page (None on the last one)."""

    records: list[str]
    next_cursor: str | None


def encode_cursor(values: list[Any]) -> str:
    raw = json.dumps(values, separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, *, size: int) -> list[Any]:
    """The key values a cursor holds; StoreError (code "bad_cursor") when it is not one this store made."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (binascii.Error, ValueError) as exc:
        raise StoreError(f"cursor {cursor[:40]!r} is not valid: pass the next_cursor of an earlier page",
                         code="bad_cursor") from exc
    if not isinstance(values, list) or len(values) != size or not all(v is None or isinstance(v, str) for v in values):
        raise StoreError(f"cursor {cursor[:40]!r} is not valid: pass the next_cursor of an earlier page",
                         code="bad_cursor")
    return values


def _after(keys: tuple[str, ...], values: list[Any], *, desc: bool) -> tuple[str, list[Any]]:
    """Keyset condition "row comes after values" for ORDER BY keys (first key may be NULL, sorted last)."""
    op = "<" if desc else ">"
    first, rest = keys[0], keys[1:]

    def ties(i: int) -> tuple[str, list[Any]]:
        if i == len(rest) - 1:
            return f"{rest[i]} {op} ?", [values[i + 1]]
        inner, params = ties(i + 1)
        return f"({rest[i]} {op} ? OR ({rest[i]} = ? AND {inner}))", [values[i + 1], values[i + 1], *params]

    tail, tail_params = ties(0)
    if values[0] is None:
        return f"({first} IS NULL AND {tail})", tail_params
    if first == "event_date":
        try:
            values = [dt.date.fromisoformat(values[0]), *values[1:]]
        except ValueError as exc:
            raise StoreError("the cursor's date is not valid: pass the next_cursor of an earlier page",
                             code="bad_cursor") from exc
    # the first conjunct repeats the bound on the date alone, in a form DuckDB tests against each row group's
    # min-max and so skips the groups before the cursor (the exact condition is the second)
    return (f"({first} {op}= ? OR {first} IS NULL) AND ({first} {op} ? OR ({first} = ? AND {tail}) OR {first} IS NULL)",
            [values[0], values[0], values[0], *tail_params])


class StoreReader:
    """Read-only queries over a store, safe to call from many threads at once.

    Pages and chart counts are cached (``cache_size`` entries, least recently used dropped). That is exact
    because of DuckDB's single-writer rule: while the server holds the file no other process can write it,
    and the server's own writes call ``invalidate``.
    """

    def __init__(self, store: DuckDBStore, *, cache_size: int = 512, max_page: int = 500,
                 duckdb_threads: int | None = 1) -> None:
        self.store = store
        self._max_page = max_page
        if duckdb_threads:
            # A page reads a few row groups: DuckDB's own parallelism costs more than it gives to a query that
            # small, and a server runs several queries side by side anyway. Server CPU per uncached page
            # (benchmarks/api_load.py --vary, alternating) 4.1-4.4 ms with DuckDB's default of one thread a core
            # -> 3.7-3.8 ms. The setting holds for the whole store (the server's own writes are single documents).
            store._connection().execute(f"SET threads = {int(duckdb_threads)}")
        self._local = threading.local()
        self._cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._cache_size = cache_size
        self._cache_lock = threading.Lock()

    def invalidate(self) -> None:
        """Forget cached results (after a write)."""
        with self._cache_lock:
            self._cache.clear()

    def _cached(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        if self._cache_size <= 0:
            return compute()
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        value = compute()
        with self._cache_lock:
            self._cache[key] = value
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return value

    def peek(self, key: tuple[Any, ...]) -> Any:
        """A cached result, or None: lets an async server answer a cache hit without a thread hop."""
        with self._cache_lock:
            return self._cache.get(key)

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        cur = getattr(self._local, "cursor", None)
        if cur is None:
            cur = self.store._connection().cursor()
            # DuckDB reads the wide columns (the record) after the top-N only for LIMITs up to this (default 50)
            cur.execute(f"SET late_materialization_max_rows = {self._max_page + 1}")
            self._local.cursor = cur
        return cur

    def _fetch(self, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        try:
            return self._cursor().execute(sql, params).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"reading {self.store.path} failed: {exc}") from exc

    # ---------------------------------------------------------------- events

    def events_page(self, filters: EventFilter, *, limit: int = 50, cursor: str | None = None,
                    order: str = "asc") -> Page:
        """Events by date (undated last), then id and document; ``cursor`` continues where a page ended."""
        return self._cached(self.page_key(filters, limit=limit, cursor=cursor, order=order),
                            lambda: self._events_page(filters, limit=limit, cursor=cursor, order=order))

    @staticmethod
    def page_key(filters: EventFilter, *, limit: int = 50, cursor: str | None = None,
                 order: str = "asc") -> tuple[Any, ...]:
        """The cache key of ``events_page`` with these arguments (for ``peek``)."""
        return ("events", filters, limit, cursor, order)

    def _events_page(self, filters: EventFilter, *, limit: int, cursor: str | None, order: str) -> Page:
        if order not in ORDERS:
            raise StoreError(f"order={order!r}: use asc or desc", code="bad_filter")
        desc = order == "desc"
        keys = ("event_date", "id", "document_id")
        where, params = filters.where(precomputed=self.store.derived)
        if cursor:
            cond, more = _after(keys, decode_cursor(cursor, size=3), desc=desc)
            where, params = f"{where} AND {cond}", [*params, *more]
        direction = "DESC" if desc else "ASC"
        order_by = f"ORDER BY event_date {direction} NULLS LAST, id {direction}, document_id {direction}"
        table = self._table(filters)
        # One top-N over rows stored in this order (store._order): DuckDB skips the row groups outside the date
        # window or before the cursor, and those after the page once it holds one; the records are read for the
        # page's rows only (late materialisation, allowed up to the largest page in _cursor).
        # Server CPU per uncached page (benchmarks/api_load.py --vary): 4.4-4.6 ms with two queries over one
        # unordered row group -> 3.5 ms.
        rows = self._fetch(f"SELECT record, event_date, id, document_id FROM {table} WHERE {where} {order_by} LIMIT ?",
                           [*params, limit + 1])
        nxt = None
        if len(rows) > limit:
            rows = rows[:limit]
            last = rows[-1]
            nxt = encode_cursor([last[1].isoformat() if last[1] else None, last[2], last[3]])
        return Page([r[0] for r in rows], nxt)

    def _table(self, filters: EventFilter) -> str:
        """Merged events when asked for and the store has been linked; per-report events otherwise."""
        if filters.view != "merged" or filters.document_id:
            return "events"
        linked = self._cached(("linked?",), lambda: self._fetch(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'linked_events'", [])[0][0] > 0
            and self._fetch("SELECT count(*) FROM linked_events", [])[0][0] > 0)
        return "linked_events" if linked else "events"

    def event(self, event_id: str) -> tuple[str, str] | None:
        """The stored record of an event (per report, or merged for lk_ ids) and the document it was stored
        with (for a merged event: its first report's)."""
        table = "linked_events" if event_id.startswith("lk_") and self._table(EventFilter()) == "linked_events" \
            else "events"
        rows = self._fetch(f"SELECT record, document_id FROM {table} WHERE id = ? ORDER BY document_id LIMIT 1",
                           [event_id])
        return (rows[0][0], rows[0][1]) if rows else None

    def reports_of(self, linked_id: str) -> list[tuple[str, str]]:
        """The per-report events (record, document id) of a merged event, in the order they joined it."""
        return [(r, d) for r, d in self._fetch(
            "SELECT e.record, e.document_id FROM event_links l JOIN events e ON l.document_id = e.document_id "
            "AND l.event_id = e.id WHERE l.linked_id = ? ORDER BY l.seq", [linked_id])]

    def count_events(self, filters: EventFilter) -> int:
        where, params = filters.where(precomputed=self.store.derived)
        return self._fetch(f"SELECT count(*) FROM {self._table(filters)} WHERE {where}", params)[0][0]

    # ---------------------------------------------------------------- documents and claims

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """A stored document as the published record (text included), with its counts of events and claims."""
        rows = self._fetch(
            "SELECT id, url, title, outlet, author, coalesce(published_text, CAST(published AS VARCHAR)), language, "
            "text, text_sha256, source, CAST(ingested_at AS VARCHAR), "
            "(SELECT count(*) FROM events e WHERE e.document_id = d.id), "
            "(SELECT count(*) FROM claims c WHERE c.document_id = d.id) FROM documents d WHERE id = ?", [doc_id])
        if not rows:
            return None
        names = ("id", "url", "title", "outlet", "author", "published", "language", "text", "text_sha256", "source",
                 "ingested_at", "event_count", "claim_count")
        return dict(zip(names, rows[0], strict=True))

    def documents(self, ids: Iterable[str]) -> dict[str, Document]:
        """The stored documents with these ids as records, by id (for exports that name their source)."""
        rows = self._fetch(
            "SELECT id, url, title, outlet, author, coalesce(published_text, CAST(published AS VARCHAR)), language, "
            "text, text_sha256, source FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [list(dict.fromkeys(ids))])
        names = ("id", "url", "title", "outlet", "author", "published", "language", "text", "text_sha256", "source")
        return {r[0]: Document(**dict(zip(names, r, strict=True))) for r in rows}

    def document_records(self, table: str, doc_id: str) -> list[str]:
        """The stored JSON records of one document in "events", "claims" or "citations", in id order."""
        if table not in ("events", "claims", "citations"):
            raise StoreError(f"no records table {table!r}", code="bad_table")
        return [r[0] for r in self._fetch(f'SELECT record FROM "{table}" WHERE document_id = ? ORDER BY id', [doc_id])]

    def claims_page(self, *, speaker: str | None = None, medium: str | None = None, q: str | None = None,
                    document_id: str | None = None, limit: int = 50, cursor: str | None = None) -> Page:
        """Claims with their document's title, outlet, URL and date, by document then claim id."""
        where, params = ["TRUE"], []
        for column, value in (("c.speaker", speaker), ("c.medium", medium)):
            if value:
                where.append(f"contains(lower(coalesce({column}, '')), lower(?))")
                params.append(value.strip())
        if q:
            where.append("contains(lower(concat_ws(' ', c.speaker, c.cue, c.content, c.medium)), lower(?))")
            params.append(q.strip())
        if document_id:
            where.append("c.document_id = ?")
            params.append(document_id)
        if cursor:
            doc, cid = decode_cursor(cursor, size=2)
            where.append("(c.document_id > ? OR (c.document_id = ? AND c.id > ?))")
            params += [doc, doc, cid]
        rows = self._fetch(
            "SELECT json_object('claim', c.record, 'document', json_object('id', d.id, 'title', d.title, "
            "'outlet', d.outlet, 'url', d.url, 'published', coalesce(d.published_text, CAST(d.published AS VARCHAR)))),"
            " c.document_id, c.id FROM claims c JOIN documents d ON d.id = c.document_id "
            f"WHERE {' AND '.join(where)} ORDER BY c.document_id, c.id LIMIT ?", [*params, limit + 1])
        nxt = None
        if len(rows) > limit:
            rows = rows[:limit]
            nxt = encode_cursor([rows[-1][1], rows[-1][2]])
        return Page([r[0] for r in rows], nxt)

    # ---------------------------------------------------------------- actors and charts

    def actors(self, *, q: str | None = None, kind: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Actors by canonical name (or name as written), most mentioned first."""
        where, params = ["TRUE"], []
        if q:
            where.append("contains(lower(concat_ws(' ', name, canonical)), lower(?))")
            params.append(q.strip())
        if kind:
            where.append("lower(kind) = lower(?)")
            params.append(kind.strip())
        rows = self._fetch(
            "SELECT coalesce(canonical, name) AS actor, kind, any_value(country), count(*), count(DISTINCT document_id),"
            " list(DISTINCT name ORDER BY name) FROM actors "
            f"WHERE {' AND '.join(where)} AND coalesce(canonical, name) IS NOT NULL "
            "GROUP BY actor, kind ORDER BY count(*) DESC, actor, kind LIMIT ?", [*params, limit])
        return [{"name": a, "kind": k, "country": c, "mentions": n, "documents": d, "written_as": w}
                for a, k, c, n, d, w in rows]

    def stats(self, filters: EventFilter) -> dict[str, Any]:
        """Counts for charts: events and fatalities by month, week, type and country, over the filtered events."""
        return self._cached(("stats", filters), lambda: self._stats(filters))

    def _stats(self, filters: EventFilter) -> dict[str, Any]:
        where, params = filters.where(precomputed=self.store.derived)
        base = f"FROM {self._table(filters)} WHERE {where}"

        def grouped(key: str, *, by_key: bool) -> list[dict[str, Any]]:
            order = "key" if by_key else "events DESC, key"
            rows = self._fetch(f"SELECT {key} AS key, count(*) AS events, coalesce(sum(fatalities), 0) {base} "
                               f"AND {key} IS NOT NULL GROUP BY key ORDER BY {order}", params)
            return [{"key": k, "events": n, "fatalities": int(f)} for k, n, f in rows]

        total = self._fetch(f"SELECT count(*), coalesce(sum(fatalities), 0), coalesce(sum(injuries), 0), "
                            f"count(event_date), min(event_date), max(event_date) {base}", params)[0]
        return {
            "events": total[0], "fatalities": int(total[1]), "injuries": int(total[2]), "dated": total[3],
            "first": total[4].isoformat() if total[4] else None, "last": total[5].isoformat() if total[5] else None,
            "by_month": grouped("strftime(event_date, '%Y-%m')", by_key=True),
            "by_week": grouped("strftime(date_trunc('week', event_date), '%Y-%m-%d')", by_key=True),
            "by_type": grouped("event_type", by_key=False),
            "by_country": grouped("country", by_key=False),
            "by_asserted_by": grouped("asserted_by_kind", by_key=False),
        }


__all__ = ["ASSERTED_KINDS", "ORDERS", "EventFilter", "Page", "StoreReader", "decode_cursor", "encode_cursor"]
