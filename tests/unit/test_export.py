"""Exports: ACLED-like CSV columns and quoting, JSON Lines records, GeoJSON points, Parquet read back by DuckDB."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest

from sitrep.errors import SitrepError, StoreError
from sitrep.model import (
    Actor,
    AssertedBy,
    AssertedKind,
    Count,
    Document,
    Event,
    Evidence,
    GeoPrecision,
    Place,
    Precision,
    Role,
    Time,
    TimeBasis,
    event_from_dict,
    to_dict,
)
from sitrep.store.export import CSV_COLUMNS, flat_row, write_events

MOSUL = ('Gunmen opened fire on a checkpoint in Mosul, killing three soldiers, "a heavy toll", an army officer said,\n'
         "adding that the attackers fled.")
GAZA = "An airstrike hit a house in Khan Younis on 4 May, killing 11 people, health officials said."


def ev(text: str, phrase: str) -> Evidence:
    start = text.index(phrase)
    return Evidence.of(text, start, start + len(phrase))


def make_doc(text: str, **meta: str) -> Document:
    return Document.create(text, url=meta.pop("url", "https://news.example/a"), outlet="Example, Daily", **meta)


def make_event(doc: Document, *, place: str | None, lat: float | None = None, lon: float | None = None,
               precision: Precision = Precision.DAY, value: str = "2024-05-04", initiator: str | None = None,
               canonical: str | None = None, killed: int | None = None, killed_phrase: str | None = None,
               asserted: str | None = None) -> Event:
    text = doc.text
    actors = (Actor(name=initiator, canonical=canonical, kind="rebels", role=Role.INITIATOR,
                    evidence=(ev(text, initiator),)),) if initiator else ()
    return Event(
        id=f"ev_{doc.id}", type="violence_against_civilians", subtype="attack", plover="ASSAULT",
        date=Time(value=value, precision=precision, start="2024-05-01" if precision != Precision.DAY else value,
                  end="2024-05-31", basis=TimeBasis.ABSOLUTE),
        place=Place(name=place, country="IQ", admin1="Nineveh", lat=lat, lon=lon, precision=GeoPrecision.EXACT,
                    evidence=(ev(text, place),)) if place else None,
        actors=actors,
        killed=Count(best=killed, low=killed, high=killed, evidence=(ev(text, killed_phrase),))
        if killed is not None else None,
        injured=None,
        asserted_by=AssertedBy(kind=AssertedKind.SPEAKER, name=asserted) if asserted
        else AssertedBy(kind=AssertedKind.OUTLET),
        hedge=None, negated=False, confidence=0.75,
        evidence=(Evidence.of(text, 0, len(text)),), document_ids=(doc.id,), extractor="events@1",
    )


@pytest.fixture()
def mosul() -> tuple[Document, Event]:
    doc = make_doc(MOSUL)
    return doc, make_event(doc, place="Mosul", lat=36.34, lon=43.13, initiator="Gunmen", canonical="Unidentified Gunmen",
                           killed=3, killed_phrase="killing three soldiers", asserted="an army officer")


# --------------------------------------------------------------------------- flat rows


def test_flat_row_fills_acled_like_columns(mosul: tuple[Document, Event]) -> None:
    doc, event = mosul
    row = flat_row(event, doc)
    assert list(row) == list(CSV_COLUMNS)
    assert {k: row[k] for k in ("event_date", "actor1", "location", "latitude", "fatalities", "source",
                                "fatalities_evidence", "actor1_evidence", "place_evidence", "asserted_by",
                                "document_id")} == {
        "event_date": "2024-05-04", "actor1": "Unidentified Gunmen", "location": "Mosul", "latitude": 36.34,
        "fatalities": 3, "source": "Example, Daily", "fatalities_evidence": "killing three soldiers",
        "actor1_evidence": "Gunmen", "place_evidence": "Mosul", "asserted_by": "an army officer",
        "document_id": doc.id}


@pytest.mark.parametrize(("precision", "value", "expected"), [
    (Precision.DAY, "2024-05-04", "2024-05-04"),
    (Precision.MONTH, "2024-05", "2024-05-01"),
    (Precision.YEAR, "2024", "2024-05-01"),
])
def test_flat_row_files_coarse_dates_under_their_first_day(precision: Precision, value: str, expected: str) -> None:
    doc = make_doc(GAZA)
    row = flat_row(make_event(doc, place="Khan Younis", precision=precision, value=value))
    assert (row["event_date"], row["time_precision"]) == (expected, precision.value)


def test_flat_row_without_document_takes_the_event_document_id_and_outlet_voice() -> None:
    doc = make_doc(GAZA)
    row = flat_row(make_event(doc, place=None))
    assert (row["document_id"], row["source"], row["location"], row["asserted_by"]) == (doc.id, None, None, None)
    assert flat_row(make_event(doc, place=None), doc)["asserted_by"] == "Example, Daily"


# --------------------------------------------------------------------------- CSV


def test_csv_quotes_commas_quotes_and_newlines(mosul: tuple[Document, Event]) -> None:
    doc, event = mosul
    out = io.StringIO()
    result = write_events([event], "csv", out, documents={doc.id: doc})
    assert result.written == 1
    header, row = list(csv.reader(io.StringIO(out.getvalue())))
    assert header == list(CSV_COLUMNS)
    values = dict(zip(header, row, strict=True))
    assert values["notes"] == MOSUL
    assert values["source"] == "Example, Daily"
    assert (values["negated"], values["injuries"], values["hedge"]) == ("false", "", "")


def test_csv_file_loads_in_duckdb_with_the_same_values(mosul: tuple[Document, Event], tmp_path: Path) -> None:
    doc, event = mosul
    path = tmp_path / "events.csv"
    write_events([event], "csv", path, documents={doc.id: doc})
    row = duckdb.connect().execute(
        f"SELECT notes, fatalities, negated, latitude FROM read_csv('{path}', header=true)").fetchone()
    assert row == (MOSUL, 3, False, 36.34)


def test_csv_of_no_events_is_just_the_header() -> None:
    out = io.StringIO()
    assert write_events([], "csv", out).written == 0
    assert out.getvalue() == ",".join(CSV_COLUMNS) + "\r\n"


# --------------------------------------------------------------------------- JSON Lines and GeoJSON


def test_jsonl_holds_one_full_record_per_line(mosul: tuple[Document, Event]) -> None:
    doc, event = mosul
    other = make_event(make_doc(GAZA), place="Khan Younis")
    out = io.StringIO()
    write_events([event, other], "jsonl", out)
    lines = out.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == [to_dict(event), to_dict(other)]
    assert event_from_dict(json.loads(lines[0])) == event


def test_geojson_points_are_lon_lat_and_events_without_coordinates_are_counted(mosul: tuple[Document, Event]) -> None:
    doc, event = mosul
    nowhere = make_event(make_doc(GAZA), place="Khan Younis")
    out = io.StringIO()
    result = write_events([nowhere, event], "geojson", out, documents={doc.id: doc})
    assert (result.written, result.skipped) == (1, 1)
    data = json.loads(out.getvalue())
    assert data["type"] == "FeatureCollection"
    [feature] = data["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [43.13, 36.34]}
    assert feature["id"] == event.id
    assert feature["properties"]["location"] == "Mosul"
    assert feature["properties"]["source"] == "Example, Daily"


def test_geojson_of_no_events_is_an_empty_collection() -> None:
    out = io.StringIO()
    write_events([], "geojson", out)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


# --------------------------------------------------------------------------- Parquet


def test_parquet_reads_back_in_duckdb_with_typed_columns(mosul: tuple[Document, Event], tmp_path: Path) -> None:
    doc, event = mosul
    path = tmp_path / "events.parquet"
    assert write_events([event], "parquet", path, documents={doc.id: doc}).written == 1
    con = duckdb.connect()
    types = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{path}'))"
                             ).fetchall())
    assert list(types) == [*CSV_COLUMNS, "record"]
    assert (types["event_date"], types["fatalities"], types["negated"]) == ("DATE", "INTEGER", "BOOLEAN")
    cursor = con.execute(f"SELECT * FROM read_parquet('{path}')")
    row = dict(zip(list(types), cursor.fetchone(), strict=True))
    assert (row["notes"], row["location"], row["event_date"].isoformat()) == (MOSUL, "Mosul", "2024-05-04")
    assert event_from_dict(json.loads(row["record"])) == event


def test_parquet_goes_to_a_binary_stream(mosul: tuple[Document, Event], tmp_path: Path) -> None:
    _, event = mosul
    buffer = io.BytesIO()
    write_events([event], "parquet", buffer)
    path = tmp_path / "copy.parquet"
    path.write_bytes(buffer.getvalue())
    assert buffer.getvalue()[:4] == b"PAR1"
    assert duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchone() == (1,)


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(("fmt", "message"), [
    ("xml", "unknown export format 'xml': use one of csv, jsonl, geojson, parquet"),
    ("table", "drawn by the CLI"),
])
def test_unknown_formats_raise_a_sitrep_error(fmt: str, message: str) -> None:
    with pytest.raises(SitrepError, match=message) as info:
        write_events([], fmt, io.StringIO())
    assert info.value.code == "unknown_format"


def test_text_formats_refuse_a_binary_stream_and_parquet_a_text_stream() -> None:
    with pytest.raises(StoreError, match="text stream"):
        write_events([], "csv", io.BytesIO())
    with pytest.raises(StoreError, match="parquet is binary"):
        write_events([], "parquet", io.StringIO())


def test_format_names_ignore_case(mosul: tuple[Document, Event]) -> None:
    out = io.StringIO()
    assert write_events([mosul[1]], "JSONL", out).fmt == "jsonl"


def test_csv_cells_cannot_run_as_spreadsheet_formulas():
    from sitrep.store.export import _csv_cell

    assert _csv_cell('=HYPERLINK("http://x","click")') == '\'=HYPERLINK("http://x","click")'
    assert _csv_cell("@SUM(A1)") == "'@SUM(A1)" and _csv_cell("-cmd") == "'-cmd"
    assert _csv_cell("-3") == "-3" and _csv_cell("Daquq") == "Daquq" and _csv_cell(5) == 5
