"""The DuckDB store: idempotent saves, replaced updates, filters, round trips, failures and the one-writer lock."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from factories import dated, event_in, exact_count, named_place, parties, said_claim, span
from sitrep.errors import SitrepError, StoreError
from sitrep.model import (
    AssertedBy,
    AssertedKind,
    Citation,
    Document,
    Event,
    Evidence,
    Failure,
    Hedge,
    Precision,
    Report,
    to_dict,
)
from sitrep.store import duckdb as store_module
from sitrep.store.duckdb import SCHEMA_VERSION, DuckDBStore

DAQUQ = ("Two civilians were killed and five wounded on Sunday when a drone struck a market near Daquq, "
         "police said. The Islamic State claimed the attack, the Amaq agency reported.")
ALEPPO = ("Government forces shelled rebel positions in Aleppo on 3 May 2023, killing at least seven fighters, "
          "the Syrian Observatory for Human Rights said.")
KHARKIV = "Russian missiles hit an apartment block in Kharkiv in early June, wounding 12 people, officials said."


# --------------------------------------------------------------------------- factory


def make_event(doc: Document, *, key: str = "a", sentence: str | None = None, date: str | None = "2024-03-10",
               precision: Precision = Precision.DAY, date_phrase: str | None = None, place: str | None = "Daquq",
               country: str | None = "IQ", lat: float | None = 35.14, lon: float | None = 44.45,
               initiator: str | None = None, initiator_canonical: str | None = None, target: str | None = "civilians",
               killed: int | None = 2, killed_phrase: str | None = None, injured: int | None = None,
               type: str = "explosions_remote_violence", subtype: str | None = "air_drone_strike",
               plover: str | None = "ASSAULT", asserted: str | None = "police") -> Event:
    text = doc.text
    return event_in(
        doc, id=f"ev_{doc.id}_{key}", type=type, subtype=subtype, plover=plover,
        date=dated(date, text=text, phrase=date_phrase, precision=precision) if date else None,
        place=named_place(text, place, country=country, admin1="Kirkuk", lat=lat, lon=lon, geonames_id=99131)
        if place else None,
        actors=parties(text, initiator=initiator, target=target, initiator_kind="rebels", canonical=initiator_canonical),
        killed=exact_count(killed, text=text, phrase=killed_phrase, who=target) if killed is not None else None,
        injured=exact_count(injured) if injured is not None else None,
        asserted_by=AssertedBy(kind=AssertedKind.SPEAKER, name=asserted) if asserted else None,
        hedge=Hedge.REPORTED, evidence=span(text, sentence) if sentence else None,
    )


def make_report(text: str = DAQUQ, *, url: str = "https://news.example/daquq", published: str | None = "2024-03-12",
                events: list[dict] | None = None, failures: tuple[Failure, ...] = ()) -> Report:
    doc = Document.create(text, url=url, title="Drone strike near Daquq", outlet="Example News",
                          published=published, source=url)
    built = tuple(make_event(doc, **{"key": str(i), **kw}) for i, kw in enumerate(events if events is not None else [{}]))
    claim = said_claim(text, "police", id=f"cl_{doc.id}", content_chars=20, cited=False)
    return Report(
        document=doc, events=built, claims=(claim,),
        citations=(Citation(id=f"ci_{doc.id}", outlet="Example News", extractor="citations@1"),),
        places=tuple(e.place for e in built if e.place),
        times=tuple(e.date for e in built if e.date),
        actors=tuple(a for e in built for a in e.actors),
        failures=failures,
    )


@pytest.fixture()
def store(tmp_path: Path):
    with DuckDBStore(tmp_path / "events.duckdb") as s:
        yield s


# --------------------------------------------------------------------------- saving


def test_saving_the_same_report_twice_changes_nothing(store: DuckDBStore) -> None:
    report = make_report()
    assert store.save_report(report) == "inserted"
    before = store.counts()
    assert store.save_report(report) == "unchanged"
    assert store.counts() == before
    assert before == {"documents": 1, "events": 1, "claims": 1, "citations": 1, "places": 1, "times": 1,
                      "actors": 1, "failures": 0}


def test_changed_report_replaces_all_rows_of_its_document(store: DuckDBStore) -> None:
    store.save_report(make_report(events=[{}, {"key": "b", "place": "market", "country": "IQ"}]))
    other = make_report(ALEPPO, url="https://news.example/aleppo", events=[{"place": "Aleppo", "country": "SY",
                                                                            "target": "rebel positions"}])
    store.save_report(other)
    assert store.counts()["events"] == 3

    assert store.save_report(make_report(events=[{"killed": 3}])) == "updated"
    counts = store.counts()
    assert (counts["documents"], counts["events"], counts["places"]) == (2, 2, 2)
    daquq = [e for e in store.events() if e.place and e.place.name == "Daquq"]
    assert [e.killed.best for e in daquq] == [3]
    assert store.events(country="SY")[0].id == other.events[0].id


def test_failed_save_leaves_the_previous_version_whole(store: DuckDBStore, monkeypatch: pytest.MonkeyPatch) -> None:
    store.save_report(make_report())
    real = store_module.insert_rows

    def crash_on_events(con, table, rows, types):
        if table == "events":
            raise duckdb.IOException("disk full (simulated)")
        return real(con, table, rows, types)

    monkeypatch.setattr(store_module, "insert_rows", crash_on_events)
    with pytest.raises(StoreError, match="nothing was written"):
        store.save_report(make_report(events=[{"killed": 9}, {"key": "x"}]))
    monkeypatch.undo()
    assert store.counts()["events"] == 1
    assert store.events()[0].killed.best == 2


def test_save_reports_batches_and_reports_statuses(store: DuckDBStore) -> None:
    reports = [make_report(f"Clashes in Sirte left {i} fighters dead, officials said.", url=f"https://n.example/{i}",
                           events=[{"place": "Sirte", "country": "LY", "target": None}]) for i in range(12)]
    progress: list[int] = []
    assert store.save_reports(reports, batch_size=5, on_progress=progress.append) == {
        "inserted": 12, "unchanged": 0, "updated": 0, "failed": 0}
    assert progress == [5, 10, 12]
    assert store.save_reports(reports) == {"inserted": 0, "unchanged": 12, "updated": 0, "failed": 0}
    assert store.counts()["events"] == 12


def test_save_reports_keeps_the_last_version_of_a_repeated_document(store: DuckDBStore) -> None:
    first, second = make_report(events=[{"killed": 2}]), make_report(events=[{"killed": 4}])
    assert store.save_reports([first, second]) == {"inserted": 1, "unchanged": 0, "updated": 1, "failed": 0}
    assert [e.killed.best for e in store.events()] == [4]


def test_save_reports_turns_a_report_with_wrong_evidence_into_a_failure(store: DuckDBStore) -> None:
    good = make_report()
    bad_doc = Document.create(ALEPPO, url="https://news.example/bad", source="feed:bad")
    wrong = Evidence(start=0, end=10, text="Rebels hit")
    bad = Report(document=bad_doc, events=(replace(make_event(bad_doc, place="Aleppo", target=None), evidence=(wrong,)),))
    assert store.save_reports([bad, good]) == {"inserted": 1, "unchanged": 0, "updated": 0, "failed": 1}
    [failure] = store.failures()
    assert (failure.source, failure.code, failure.document_id) == ("feed:bad", "store_rejected", bad_doc.id)
    assert "does not match" in failure.message
    with pytest.raises(StoreError, match="does not match its text"):
        store.save_report(bad)


def test_report_with_repeated_event_ids_is_refused(store: DuckDBStore) -> None:
    report = make_report()
    twice = Report(document=report.document, events=report.events * 2)
    with pytest.raises(StoreError, match="repeated event ids"):
        store.save_report(twice)
    assert store.counts()["documents"] == 0


def test_saving_1000_small_reports_takes_seconds_not_minutes(store: DuckDBStore) -> None:
    reports = [make_report(f"A roadside bomb killed {i} soldiers near Kandahar on Monday, officials said.",
                           url=f"https://n.example/k{i}", events=[{"place": "Kandahar", "country": "AF",
                                                                    "target": "soldiers"}]) for i in range(1000)]
    started = time.perf_counter()
    assert store.save_reports(reports)["inserted"] == 1000
    elapsed = time.perf_counter() - started
    assert store.counts()["events"] == 1000
    assert elapsed < 5, f"saving 1000 reports took {elapsed:.1f}s"


# --------------------------------------------------------------------------- reading back


def test_events_round_trip_equal_the_original_records(store: DuckDBStore) -> None:
    report = make_report(events=[{"initiator": "The Islamic State", "initiator_canonical": "Islamic State",
                                  "killed_phrase": "Two civilians were killed", "date_phrase": "on Sunday",
                                  "injured": 5}])
    store.save_report(report)
    [back] = store.events()
    assert to_dict(back) == to_dict(report.events[0])
    assert back == report.events[0]
    assert store.event(report.events[0].id) == report.events[0]
    assert store.event("ev_missing") is None


@pytest.mark.parametrize("published", ["2024-03-12", "2024-03-12T08:30:00+00:00", "2024-03", None])
def test_documents_round_trip_with_their_publication_value(store: DuckDBStore, published: str | None) -> None:
    report = make_report(published=published)
    store.save_report(report)
    assert store.document(report.document.id) == report.document
    assert store.document("doc_unknown") is None


def test_flat_columns_follow_the_event(tmp_path: Path) -> None:
    path = tmp_path / "flat.duckdb"
    with DuckDBStore(path) as s:
        s.save_report(make_report(events=[{"initiator": "The Islamic State", "initiator_canonical": "Islamic State",
                                           "sentence": "The Islamic State claimed the attack"}]))
    con = duckdb.connect(str(path), read_only=True)
    row = con.execute("SELECT event_date, actor1, actor1_kind, actor2, location, country, fatalities, "
                      "fatalities_low, evidence_text, outlet, geonames_id, record->>'$.type' FROM events").fetchone()
    con.close()
    assert row[0].isoformat() == "2024-03-10"
    assert row[1:] == ("Islamic State", "rebels", "civilians", "Daquq", "IQ", 2, 2,
                       "The Islamic State claimed the attack", "Example News", 99131, "explosions_remote_violence")


@pytest.fixture()
def filled(store: DuckDBStore) -> DuckDBStore:
    store.save_report(make_report(events=[{"initiator": "The Islamic State", "initiator_canonical": "Islamic State"}]))
    store.save_report(make_report(ALEPPO, url="https://n.example/aleppo", events=[{
        "date": "2023-05-03", "place": "Aleppo", "country": "SY", "initiator": "Government forces",
        "initiator_canonical": "Military Forces of Syria", "target": "rebel positions", "killed": 7,
        "subtype": "shelling_artillery_missile_attack"}]))
    store.save_report(make_report(KHARKIV, url="https://n.example/kharkiv", events=[{
        "date": "2024-06", "precision": Precision.MONTH, "place": "Kharkiv", "country": "UA", "target": None,
        "initiator": "Russian missiles", "killed": None, "injured": 12,
        "subtype": "shelling_artillery_missile_attack"}]))
    return store


@pytest.mark.parametrize(("filters", "places"), [
    ({}, ["Aleppo", "Daquq", "Kharkiv"]),
    ({"country": "sy"}, ["Aleppo"]),
    ({"country": "FR"}, []),
    ({"since": "2024-01-01"}, ["Daquq", "Kharkiv"]),
    ({"until": "2024-03-10"}, ["Aleppo", "Daquq"]),
    ({"since": "2024-03-10", "until": "2024-03-10"}, ["Daquq"]),
    ({"since": "2024-06", "until": "2024-06"}, ["Kharkiv"]),
    ({"until": "2023"}, ["Aleppo"]),
    ({"type": "shelling_artillery_missile_attack"}, ["Aleppo", "Kharkiv"]),
    ({"type": "Explosions_Remote_Violence"}, ["Aleppo", "Daquq", "Kharkiv"]),
    ({"type": "battles"}, []),
    ({"actor": "islamic state"}, ["Daquq"]),
    ({"actor": "military forces"}, ["Aleppo"]),
    ({"actor": "government"}, ["Aleppo"]),
    ({"actor": "CIVILIANS"}, ["Daquq"]),
    ({"actor": "russian", "country": "UA"}, ["Kharkiv"]),
    ({"limit": 2}, ["Aleppo", "Daquq"]),
])
def test_events_filters(filled: DuckDBStore, filters: dict, places: list[str]) -> None:
    assert [e.place.name for e in filled.events(**filters)] == places


@pytest.mark.parametrize("bad", ["yesterday", "2024-13-01", "24-03-01"])
def test_events_refuses_a_since_that_is_not_a_date(filled: DuckDBStore, bad: str) -> None:
    with pytest.raises(StoreError, match="is not a date"):
        filled.events(since=bad)


def test_undated_events_come_last(store: DuckDBStore) -> None:
    store.save_report(make_report(events=[{"date": None}, {"key": "b", "date": "2024-03-09"}]))
    assert [e.date.value if e.date else None for e in store.events()] == ["2024-03-09", None]


def test_records_give_the_json_of_claims_and_places_per_document(filled: DuckDBStore) -> None:
    daquq = make_report()
    claims = filled.records("claims", document_id=daquq.document.id)
    assert [c["speaker"]["name"] for c in claims] == ["police"]
    assert sorted(p["name"] for p in filled.records("places")) == ["Aleppo", "Daquq", "Kharkiv"]
    with pytest.raises(StoreError, match="no records table 'documents'"):
        filled.records("documents")


def test_to_parquet_writes_the_stored_events(filled: DuckDBStore, tmp_path: Path) -> None:
    target = tmp_path / "ua.parquet"
    assert filled.to_parquet(target, country="UA") == 1
    rows = duckdb.sql(f"SELECT location, injuries, source FROM read_parquet('{target}')").fetchall()
    assert rows == [("Kharkiv", 12, "Example News")]


def test_to_pandas_without_pandas_says_what_to_install(filled: DuckDBStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(StoreError, match="pip install pandas"):
        filled.to_pandas()


# --------------------------------------------------------------------------- failures


def test_save_failure_is_idempotent_on_source_and_code(store: DuckDBStore) -> None:
    failure = Failure(source="https://n.example/paywalled", code="extraction", message="no text", stage="ingest")
    store.save_failure(failure)
    store.save_failure(failure)
    store.save_failure(Failure(source="https://n.example/paywalled", code="extraction", message="still no text"))
    store.save_failure(Failure(source="https://n.example/paywalled", code="fetch", message="HTTP 503"))
    assert [(f.code, f.message) for f in store.failures()] == [("extraction", "still no text"), ("fetch", "HTTP 503")]
    assert store.counts()["failures"] == 2


def test_report_failures_are_stored_with_their_document(store: DuckDBStore) -> None:
    report = make_report(failures=(Failure(source="feed:x", code="stage", message="claims stage crashed"),))
    store.save_report(report)
    assert store.failures() == [Failure(source="feed:x", code="stage", message="claims stage crashed",
                                        document_id=report.document.id)]
    store.save_report(make_report(events=[{"killed": 5}]))  # the reprocessed document no longer fails
    assert store.failures() == []


# --------------------------------------------------------------------------- opening


def test_a_second_writer_process_gets_a_clear_store_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.duckdb"
    script = (
        "import sys\n"
        "from sitrep.errors import StoreError\n"
        "from sitrep.store.duckdb import DuckDBStore\n"
        "try:\n"
        "    DuckDBStore(sys.argv[1])\n"
        "except StoreError as exc:\n"
        "    print(exc.code, exc)\n"
    )
    with DuckDBStore(path):
        result = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("store_locked ")
    assert "is open in another process (DuckDB allows one writer)" in result.stdout
    assert "use --db with another file" in result.stdout


def test_a_store_with_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.duckdb"
    DuckDBStore(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    con.close()
    with pytest.raises(StoreError, match="newer than this sitrep reads"):
        DuckDBStore(path)


def test_a_foreign_duckdb_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE prices (day DATE, close DOUBLE)")
    con.close()
    with pytest.raises(StoreError, match="not a sitrep store"):
        DuckDBStore(path)


def test_read_only_store_reads_but_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "ro.duckdb"
    with DuckDBStore(path) as s:
        s.save_report(make_report())
    with DuckDBStore(path, read_only=True) as ro:
        assert ro.counts()["events"] == 1
        with pytest.raises(StoreError, match="read-only"):
            ro.save_report(make_report())
    with pytest.raises(StoreError, match="there is no store"):
        DuckDBStore(tmp_path / "missing.duckdb", read_only=True)


def test_a_closed_store_raises_a_sitrep_error(tmp_path: Path) -> None:
    s = DuckDBStore(tmp_path / "c.duckdb")
    s.close()
    s.close()
    with pytest.raises(SitrepError, match="is closed"):
        s.events()


def test_a_text_with_a_lone_surrogate_is_refused(store: DuckDBStore) -> None:
    text = "Shelling hit Donetsk \ud800 overnight."
    doc = Document(id="doc_surrogate", text=text, text_sha256="0" * 64)
    with pytest.raises(StoreError, match="lone surrogate"):
        store.save_report(Report(document=doc))


# --------------------------------------------------------------------------- what the default list shows


def test_default_list_shows_incidents_told_as_news_above_the_threshold(store: DuckDBStore) -> None:
    report = make_report(events=[{}, {}, {}, {}, {}])
    news, verbal, past, unsure, denied = report.events
    report = replace(report, events=(
        news,
        replace(verbal, type="strategic_developments", subtype="disapproval", verbal=True),
        replace(past, hedge=Hedge.HISTORICAL),
        replace(unsure, confidence=0.1),
        replace(denied, negated=True),
    ))
    store.save_report(report)
    shown = store.events(news_only=True, min_confidence=0.3)
    assert [e.id for e in shown] == [news.id]
    assert len(store.events()) == 5  # nothing is lost: every event stays one flag away


def test_the_default_list_reads_a_stored_column_kept_to_the_current_rule(tmp_path: Path) -> None:
    # (the other derived column, search, is kept the same way: tests/unit/test_store_queries.py)
    from sitrep.store._derived import KEY, definitions_id

    path = tmp_path / "shown.duckdb"
    report = make_report(events=[{}, {}, {}, {}])
    news, verbal, past, denied = report.events
    report = replace(report, events=(news, replace(verbal, type="strategic_developments", subtype="disapproval"),
                                     replace(past, hedge=Hedge.HISTORICAL), replace(denied, negated=True)))

    def shown(s: DuckDBStore) -> dict[str, bool | None]:
        return dict(s._connection().execute("SELECT id, shown FROM events").fetchall())

    with DuckDBStore(path) as s:
        s.save_report(report)
        assert s.derived and shown(s) == {news.id: True, verbal.id: False, past.id: False, denied.id: False}
        # as if the column had been computed under another taxonomy, or written by a store of schema 2
        s._connection().execute("UPDATE events SET shown = TRUE")
        s._connection().execute("UPDATE meta SET value = 'another rule' WHERE key = ?", [KEY])
    with DuckDBStore(path, read_only=True) as s:  # cannot recompute it: the list falls back to the rule itself
        assert not s.derived
        assert [e.id for e in s.events(news_only=True)] == [news.id]
    with DuckDBStore(path) as s:  # opened for writing: recomputed under the current rule
        assert s.derived and shown(s)[news.id] and not any(v for k, v in shown(s).items() if k != news.id)
        assert s._connection().execute("SELECT value FROM meta WHERE key = ?", [KEY]).fetchone()[0] == definitions_id()
        assert [e.id for e in s.events(news_only=True)] == [news.id]


def test_a_version_2_store_gains_the_shown_column_on_open(tmp_path: Path) -> None:
    path = tmp_path / "v2.duckdb"
    report = make_report(events=[{}, {}])
    news, past = report.events
    with DuckDBStore(path) as s:
        s.save_report(replace(report, events=(news, replace(past, hedge=Hedge.HISTORICAL))))
        con = s._connection()
        con.execute("ALTER TABLE events DROP COLUMN shown")
        con.execute("ALTER TABLE events DROP COLUMN search")
        con.execute("DELETE FROM meta WHERE key <> 'schema_version'")
        con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    with DuckDBStore(path) as s:
        assert s._connection().execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(
            SCHEMA_VERSION)
        assert dict(s._connection().execute("SELECT id, shown FROM events").fetchall()) == {news.id: True,
                                                                                          past.id: False}
