"""The API's read queries: pages of events in a stable order, whatever the page size, order, filters and ties."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from factories import dated, event_in
from sitrep.model import Document, Hedge, Report
from sitrep.store.duckdb import DuckDBStore
from sitrep.store.queries import EventFilter, StoreReader

DAYS = ["2024-03-10", "2024-03-11", "2024-03-11", "2024-03-11", "2024-05-02", None, "2023-12-31", None]


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    # three documents with the same event ids (the document breaks the tie), many events on one day, undated
    # events, and some that the default list leaves out
    reports = []
    for d in range(3):
        doc = Document.create(f"Report {d}: shelling hit the town.", url=f"https://x.example/{d}", published="2024-06-01")
        events = tuple(
            replace(event_in(doc, id=f"ev_{i:02d}", date=dated(day) if day else None,
                             hedge=Hedge.HISTORICAL if (i + d) % 5 == 0 else None, confidence=0.2 + (i % 4) / 5),
                    negated=(i * d) % 7 == 3)
            for i, day in enumerate(DAYS * 2))
        reports.append(Report(document=doc, events=events))
    with DuckDBStore(tmp_path_factory.mktemp("q") / "q.duckdb") as store:
        store.save_reports(reports)
        yield StoreReader(store, cache_size=0)


def _all_pages(reader, filters, *, limit, order):
    seen, cursor = [], None
    while True:
        page = reader.events_page(filters, limit=limit, cursor=cursor, order=order)
        seen += [(json.loads(r)["document_ids"][0], json.loads(r)["id"]) for r in page.records]
        assert len(page.records) <= limit
        if page.next_cursor is None:
            return seen
        cursor = page.next_cursor


@pytest.mark.parametrize("order", ["asc", "desc"])
@pytest.mark.parametrize("limit", [1, 2, 5, 7, 50])
@pytest.mark.parametrize("news", [False, True])
def test_pages_walk_every_matching_event_once_in_date_id_document_order(reader, order, limit, news):
    filters = EventFilter(news_only=news, min_confidence=0.3 if news else None, view="reports")
    where, params = filters.where()  # the rule itself, not the stored column: an independent reference
    rows = reader.store._connection().execute(f"SELECT event_date, id, document_id FROM events WHERE {where}",
                                              params).fetchall()
    dated_rows = sorted(((d, i, doc) for d, i, doc in rows if d is not None), reverse=order == "desc")
    undated = sorted(((d, i, doc) for d, i, doc in rows if d is None), key=lambda r: r[1:], reverse=order == "desc")
    expected = [(doc, i) for _, i, doc in dated_rows + undated]
    assert len(expected) == 48 if not news else 10 < len(expected) < 48  # pages cross ties and the undated
    assert _all_pages(reader, filters, limit=limit, order=order) == expected


@pytest.mark.parametrize("q", ["shelling", "TOWN", "report 2:", "explosions_remote", "hit the town\x1fexplosions",
                               "no such words"])
def test_the_search_column_finds_what_the_columns_themselves_hold(reader, q):
    stored = EventFilter(q=q, view="reports")
    con = reader.store._connection()
    found = {}
    for precomputed in (True, False):
        where, params = stored.where(precomputed=precomputed)
        found[precomputed] = sorted(con.execute(f"SELECT document_id, id FROM events WHERE {where}", params).fetchall())
    assert reader.store.derived and found[True] == found[False]
    # a query holding the separator never matches across two columns
    expected = {"shelling": 48, "TOWN": 48, "report 2:": 16, "explosions_remote": 48}.get(q, 0)
    assert len(found[True]) == expected
