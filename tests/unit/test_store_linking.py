"""Linking inside the store: incremental, idempotent, and rebuilt when a document is re-extracted."""

from __future__ import annotations

from dataclasses import replace

import pytest

from factories import DAQUQ, MOSUL
from factories import strike_report as report
from sitrep.model import Count, to_dict
from sitrep.store.duckdb import SCHEMA_VERSION, DuckDBStore
from sitrep.store.linking import link_new, linked_event, linked_events, members

WIRE = report("Four civilians were killed when a drone struck a market near Daquq.", "Northern Wire",
              day="2024-03-10", place=DAQUQ, killed=4)
LOCAL = report("A drone hit the Daquq market, killing six people.", "Kirkuk Now", day="2024-03-10", place=DAQUQ,
               killed=6)
MOSUL_STRIKE = report("A drone struck a car in Mosul, killing three fighters.", "Mosul Eye Daily", day="2024-03-10",
                      place=MOSUL, killed=3)


@pytest.fixture()
def store(tmp_path):
    with DuckDBStore(tmp_path / "s.duckdb") as s:
        yield s


def test_reports_of_one_event_merge_and_others_stay_apart(store):
    store.save_reports([WIRE, LOCAL, MOSUL_STRIKE])
    summary = link_new(store)
    assert (summary.new_events, summary.joined, summary.created) == (3, 1, 2)
    merged = {e.place.name: e for e in linked_events(store)}
    assert sorted(merged["Daquq"].sources) == ["Kirkuk Now", "Northern Wire"] and merged["Daquq"].corroboration == 2
    assert merged["Daquq"].contested == {"killed": {"Northern Wire": 4, "Kirkuk Now": 6}}
    # members in the order they joined, which is the order merged.members records
    assert [e.id for e in members(store, merged["Daquq"].id)] == list(merged["Daquq"].members)
    assert sorted(merged["Daquq"].members) == sorted([WIRE.events[0].id, LOCAL.events[0].id])
    assert merged["Mosul"].corroboration == 1


def test_linking_is_incremental_and_idempotent(store):
    store.save_reports([WIRE])
    link_new(store)
    first = linked_events(store)
    store.save_reports([LOCAL])
    summary = link_new(store)
    assert (summary.new_events, summary.joined) == (1, 1)
    assert [e.id for e in linked_events(store)] == [first[0].id]  # the merged id stays put
    assert link_new(store).to_dict() == {"new_events": 0, "joined": 0, "created": 0, "rewritten": 0}


def test_re_extracted_document_is_relinked(store):
    store.save_reports([WIRE, LOCAL])
    link_new(store)
    changed = replace(LOCAL, events=(replace(LOCAL.events[0], id="ev_changed",
                                             killed=Count(best=7, low=7, high=7)),))
    store.save_reports([changed])
    link_new(store)
    (merged,) = linked_events(store)
    assert merged.killed.high == 7 and "ev_changed" in merged.members
    assert linked_event(store, merged.id) == merged


def test_filters_apply_to_merged_events(store):
    store.save_reports([WIRE, LOCAL, MOSUL_STRIKE])
    link_new(store)
    assert len(linked_events(store, country="IQ")) == 2
    assert linked_events(store, country="SY") == []
    assert len(linked_events(store, limit=1)) == 1


def test_a_version_1_store_is_upgraded_on_open(tmp_path):
    path = tmp_path / "old.duckdb"
    with DuckDBStore(path) as s:
        s.save_reports([WIRE])
        link_new(s)
        con = s._connection()
        con.execute("ALTER TABLE events DROP COLUMN detentions")
        con.execute("ALTER TABLE linked_events DROP COLUMN detentions")
        con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with DuckDBStore(path) as s:
        assert s._connection().execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        s.save_reports([LOCAL])  # writes the new column
        assert link_new(s).joined == 1


def test_events_of_one_batch_link_as_if_each_had_been_stored_before_the_next(tmp_path, monkeypatch):
    # one candidate query per batch: events earlier in the batch must count as candidates exactly like stored
    # ones, so one event per batch and all of them in one batch give the same links, in the same order
    import sitrep.store.linking as linking

    radio = report("Radio Daquq said a drone killed five at the market.", "Radio Daquq", day="2024-03-11",
                   place=DAQUQ, killed=5)
    later = report("A drone struck Mosul again, killing two.", "Mosul Eye Daily", day="2024-05-02", place=MOSUL,
                   killed=2)
    outcomes = []
    for batch in (1, 2, 512):
        monkeypatch.setattr(linking, "BATCH", batch)
        with DuckDBStore(tmp_path / f"b{batch}.duckdb") as s:
            s.save_reports([WIRE, LOCAL, MOSUL_STRIKE, radio, later])
            summary = link_new(s)
            links = s._connection().execute(
                "SELECT event_id, linked_id, seq, score FROM event_links ORDER BY seq").fetchall()
            outcomes.append((summary.to_dict(), links, [to_dict(e) for e in linked_events(s)]))
    assert outcomes[0] == outcomes[1] == outcomes[2]
    summary, links, merged = outcomes[0]
    assert (summary["joined"], summary["created"]) == (2, 3)  # the radio and the local report join the wire's
    assert sorted(len(m["members"]) for m in merged) == [1, 1, 3]
