"""Event rows kept in the listing order on disk (store/_order.py), and pages that stay exact over row groups in
order and an out-of-order tail, undated events and ties included."""

from __future__ import annotations

import json

import pytest

from factories import dated, event_in
from sitrep.model import Document, Report
from sitrep.store import _order
from sitrep.store import duckdb as store_module
from sitrep.store._order import keep_sorted, unsorted_rows
from sitrep.store.duckdb import SCHEMA_VERSION, DuckDBStore
from sitrep.store.queries import EventFilter, StoreReader

GROUP = 2048  # DuckDB's smallest row group: many groups from a few thousand rows


@pytest.fixture
def small_groups(monkeypatch):
    monkeypatch.setattr(store_module, "ROW_GROUP_SIZE", GROUP)
    monkeypatch.setattr(_order, "UNSORTED_MIN", GROUP)


def _report(n: int, *, first_day: int) -> Report:
    """One document with ``n`` events whose days run backwards (stored out of order)."""
    doc = Document.create(f"Report {first_day}: shelling hit the town.", url=f"https://o.example/{first_day}",
                          published="2024-06-01")
    days = [f"2020-{1 + (first_day + k) % 12:02d}-{1 + (n - k) % 28:02d}" for k in range(n)]
    return Report(document=doc, events=tuple(event_in(doc, id=f"ev_{k:04d}", date=dated(day))
                                            for k, day in enumerate(days)))


def _physical_order_is_listing_order(store: DuckDBStore, table: str = "events") -> bool:
    con = store._connection()
    stored = con.execute(f"SELECT event_date, id, document_id FROM {table} ORDER BY rowid").fetchall()
    ordered = con.execute(f"SELECT event_date, id, document_id FROM {table} ORDER BY {_order.LISTING_ORDER}").fetchall()
    return stored == ordered


def test_rows_written_out_of_order_are_put_in_order_once_they_pass_a_tenth_of_the_table_and_a_group(tmp_path, small_groups):
    with DuckDBStore(tmp_path / "o.duckdb") as store:
        con = store._connection()
        store.save_report(_report(GROUP + 100, first_day=0))  # over one group: put in order at once
        assert unsorted_rows(con, "events") == 0 and _physical_order_is_listing_order(store)
        store.save_report(_report(300, first_day=1))  # 300 of 2448 rows: over a tenth but under a group, left as written
        assert unsorted_rows(con, "events") == 300 and not _physical_order_is_listing_order(store)
        store.save_report(_report(GROUP, first_day=2))  # 2348 of 4796: over a tenth and over a group
        assert unsorted_rows(con, "events") == 0 and _physical_order_is_listing_order(store)
        groups = con.execute("SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('events')").fetchone()[0]
        assert groups >= 3  # 4,796 rows in groups of 2,048, not one group of DuckDB's default 122,880
        assert store.counts()["events"] == 2 * GROUP + 400


def test_a_version_3_store_is_put_in_order_when_opened_for_writing(tmp_path, small_groups):
    path = tmp_path / "v3.duckdb"
    with DuckDBStore(path) as store:
        store.save_report(_report(500, first_day=3))  # under a group: stays as written
        assert not _physical_order_is_listing_order(store)
        store._connection().execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    with DuckDBStore(path, read_only=True) as store:  # read-only: cannot upgrade, reads as it is
        assert not _physical_order_is_listing_order(store)
    with DuckDBStore(path) as store:
        version = store._connection().execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        assert version == str(SCHEMA_VERSION) and _physical_order_is_listing_order(store)


@pytest.fixture(scope="module")
def mixed_store(tmp_path_factory):
    """4,000 events put in order in small groups, then 1,500 more left out of order; every 9th undated, and
    many events to a day (ties broken by id, then document)."""
    mp = pytest.MonkeyPatch()
    mp.setattr(store_module, "ROW_GROUP_SIZE", GROUP)
    path = tmp_path_factory.mktemp("order") / "mixed.duckdb"
    with DuckDBStore(path) as store:
        for doc_no in range(2):
            doc = Document.create(f"Report {doc_no}: shelling hit the town.", url=f"https://m.example/{doc_no}",
                                  published="2024-06-01")
            store.save_report(Report(document=doc, events=(event_in(doc, id="ev_template", date=dated("2021-01-01")),)))
        con = store._connection()

        def copies(first: int, count: int) -> None:
            # the copies' days cycle over 200 days, backwards; both documents hold every id (the tie-breaker)
            con.execute("""
                INSERT INTO events BY NAME SELECT t.* REPLACE (
                    printf('ev_%05d', i) AS id,
                    CASE WHEN i % 9 = 0 THEN NULL ELSE DATE '2021-01-01' + CAST(200 - i % 200 AS INTEGER) END
                        AS event_date,
                    ['IQ', 'SY', 'AF'][1 + i % 3] AS country,
                    json_merge_patch(t.record, json_object('id', printf('ev_%05d', i))) AS record)
                FROM range(?, ?) r(i), (SELECT * FROM events WHERE id = 'ev_template') t""", [first, first + count])

        con.execute("BEGIN TRANSACTION")
        copies(0, 2000)
        keep_sorted(con, force=True)
        con.execute("COMMIT")
        copies(2000, 750)
    mp.undo()
    with DuckDBStore(path, read_only=True) as store:
        yield StoreReader(store, cache_size=0)


def _walk(reader, filters, *, limit, order):
    seen, cursor = [], None
    while True:
        page = reader.events_page(filters, limit=limit, cursor=cursor, order=order)
        seen += [(json.loads(r)["id"], json.loads(r)["document_ids"][0]) for r in page.records]
        if page.next_cursor is None:
            return seen
        cursor = page.next_cursor


@pytest.mark.parametrize("order", ["asc", "desc"])
@pytest.mark.parametrize("limit", [97, 500])
@pytest.mark.parametrize("since", [None, "2021-05-01"])
def test_pages_over_ordered_groups_and_an_unordered_tail_list_every_event_once_in_order(mixed_store, order, limit,
                                                                                         since):
    filters = EventFilter(view="reports", since=since, country="IQ" if since else None)
    where, params = filters.where()
    rows = mixed_store.store._connection().execute(
        f"SELECT event_date, id, document_id FROM events WHERE {where}", params).fetchall()
    desc = order == "desc"
    dated_rows = sorted((r for r in rows if r[0] is not None), reverse=desc)
    undated = sorted((r for r in rows if r[0] is None), key=lambda r: r[1:], reverse=desc)
    expected = [(i, doc) for _, i, doc in dated_rows + undated]
    assert len(expected) > 3 * limit if since is None else len(expected) > limit
    assert _walk(mixed_store, filters, limit=limit, order=order) == expected


def test_a_reader_runs_pages_on_one_duckdb_thread_and_reads_records_after_the_top_n_up_to_its_largest_page(
        tmp_path):
    with DuckDBStore(tmp_path / "r.duckdb") as store:
        store.save_report(_report(400, first_day=4))
        reader = StoreReader(store, cache_size=0, max_page=300)
        reader.events_page(EventFilter(view="reports"), limit=10)
        cursor = reader._cursor()
        settings = dict(cursor.execute("SELECT name, value FROM duckdb_settings() WHERE name IN "
                                       "('threads', 'late_materialization_max_rows')").fetchall())
        assert settings == {"threads": "1", "late_materialization_max_rows": "301"}
        # the plan of a full page reads the records after the top-N (a join back to the table), not for every row
        where, params = EventFilter(view="reports").where()
        plan = cursor.execute(f"EXPLAIN SELECT record, event_date, id, document_id FROM events WHERE {where} "
                              f"ORDER BY {_order.LISTING_ORDER} LIMIT 301", params).fetchall()[0][1]
        assert "Top: 301" in plan and "rowid = rowid" in plan
