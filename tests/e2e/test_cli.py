"""The sitrep command end to end on a temporary store, with the bundled samples and bad inputs."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main

pytestmark = pytest.mark.slow
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("store") / "events.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(SAMPLES), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_ingest_reports_every_input(store):
    result = run("ingest", str(SAMPLES), "--db", str(store), "-q")
    assert "8 inputs: 8 ok, 0 failed" in result.output  # seven English reports and a French one
    assert "unchanged=8" in result.output  # re-running changes nothing


def test_events_table_lists_the_sample_events(store):
    result = run("events", "--db", str(store))
    assert result.exit_code == 0
    assert "air_drone_strike" in result.output and "Daquq" in result.output
    assert "lk_" in result.output and "ev_" not in result.output  # merged across documents by default
    assert "ev_" in run("events", "--db", str(store), "--reports").output


def test_show_merged_event_lists_its_reports(store):
    jsonl = [json.loads(line) for line in run("events", "--db", str(store), "--format", "jsonl").output.splitlines()]
    merged = next(e for e in jsonl if e["place"] and e["place"]["name"] == "Daquq")
    # the wire and Kirkuk Now report the same strike with different tolls
    assert merged["id"].startswith("lk_") and sorted(merged["sources"]) == ["Kirkuk Now", "Northern Wire"]
    assert merged["corroboration"] == 2 and set(merged["contested"]["killed"].values()) == {2, 3}
    out = " ".join(run("show", merged["id"], "--db", str(store)).output.split())
    assert "2 reports from 2 outlets" in out and all(m in out for m in merged["members"])


def test_events_filters_by_country_and_date(store):
    rows = list(csv.DictReader(io.StringIO(run("events", "--db", str(store), "--format", "csv", "--country", "IQ",
                                               "--since", "2016-01-01").output)))
    assert rows and all(r["country"] == "IQ" and r["event_date"] >= "2016-01-01" for r in rows)


def test_events_export_formats(store, tmp_path):
    jsonl = [json.loads(line) for line in run("events", "--db", str(store), "--format", "jsonl").output.splitlines()]
    assert jsonl and all(e["evidence"] for e in jsonl)
    geo = json.loads(run("events", "--db", str(store), "--format", "geojson").output)
    assert geo["type"] == "FeatureCollection" and geo["features"]
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    out = tmp_path / "events.parquet"
    assert run("events", "--db", str(store), "--format", "parquet", "--out", str(out)).exit_code == 0
    import duckdb

    assert duckdb.connect().execute(f"select count(*) from read_parquet('{out}')").fetchone()[0] == len(jsonl)


def test_show_highlights_the_evidence(store):
    jsonl = [json.loads(line) for line in run("events", "--db", str(store), "--format", "jsonl",
                                              "--type", "air_drone_strike").output.splitlines()]
    daquq = next(e for e in jsonl if e["place"] and e["place"]["name"] == "Daquq")
    result = run("show", daquq["id"], "--db", str(store))
    assert result.exit_code == 0
    assert "Two civilians were killed" in result.output
    assert "police" in result.output


def test_show_unknown_event_is_a_clear_error(store):
    result = CliRunner().invoke(main, ["show", "ev_nope", "--db", str(store)])
    assert result.exit_code == 2 and "no event 'ev_nope'" in result.output


def test_extract_reads_stdin_and_prints_the_report():
    text = "Gunmen killed three villagers in an attack near Maiduguri on Monday, police said."
    result = run("extract", "-", "--published", "2021-05-05", "--compact", input=text)
    report = json.loads(result.output)
    assert report["document"]["published"] == "2021-05-05"
    (event,) = report["events"]
    assert event["killed"]["best"] == 3 and event["date"]["value"] == "2021-05-03"
    for ev in event["evidence"]:
        assert report["document"]["text"][ev["start"]:ev["end"]] == ev["text"]


def test_bad_inputs_become_failures_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Rebels attacked an army base near Goma on Monday, killing four soldiers.")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03 binary")
    (folder / "lines.jsonl").write_text('{"text": "Protesters marched in Nairobi on Friday."}\n{broken\n')
    db = tmp_path / "x.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "-q"])
    assert result.exit_code == 1  # something failed
    assert "5 inputs: 2 ok, 3 failed" in result.output
    assert "bad_json=1" in result.output and "binary=1" in result.output and "empty=1" in result.output
    import sitrep

    with sitrep.open_store(str(db), read_only=True) as s:
        assert s.counts()["documents"] == 2 and len(s.failures()) == 3


def test_events_without_store_says_what_to_do(tmp_path):
    result = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "sitrep ingest" in result.output


def test_installed_entry_point_runs():
    exe = shutil.which("sitrep") or str(Path(sys.executable).parent / "sitrep")
    out = subprocess.run([exe, "--help"], capture_output=True, text=True, check=True).stdout
    for command in ("extract", "ingest", "events", "show"):
        assert command in out


def test_eval_prints_the_part_and_its_size_and_writes_predictions(tmp_path):
    body = "The ferry left the harbour at dawn with forty passengers and returned before noon without trouble."
    (tmp_path / "ground-truth.json").write_text(json.dumps({k: {"articleBody": body, "url": None}
                                                            for k in ("1", "2", "3", "4")}))
    out = tmp_path / "pred.json"
    result = run("eval", "text", str(tmp_path), "--format", "aeb", "--part", "check", "--predictions", str(out), "-q")
    metrics = json.loads(result.output)
    assert (metrics["part"], metrics["n"]) == ("check", 3)  # part_of: "1", "3" and "4" are check, "2" tune
    assert sorted(json.loads(out.read_text())) == ["1", "3", "4"]
    refused = CliRunner().invoke(main, ["eval", "places", str(tmp_path), "--format", "lgl", "--predictions", str(out)])
    assert refused.exit_code == 2 and "eval places has no --predictions" in refused.output
    wrong = CliRunner().invoke(main, ["eval", "text", str(tmp_path), "--format", "aeb", "--part", "dev"])
    assert wrong.exit_code == 2 and "'dev' is not one of 'tune', 'check', 'all'" in wrong.output


def test_show_lists_the_figures_each_source_of_one_report_gives(tmp_path):
    text = tmp_path / "raid.txt"
    text.write_text("Bandits raided a cattle market near Gusau on Monday. Police said four traders were killed, "
                    "but residents said nine traders died.\n", encoding="utf-8")
    db = tmp_path / "one.duckdb"
    assert run("ingest", str(text), "--db", str(db), "-q").exit_code == 0
    [event] = [json.loads(line) for line in run("events", "--db", str(db), "--all", "--reports", "--format",
                                                 "jsonl").output.splitlines()]
    assert {k.split()[0].lower(): v for k, v in event["contested"]["killed"].items()} == {"police": 4, "residents": 9}
    out = " ".join(run("show", event["id"], "--db", str(db)).output.split())
    assert "contested killed: Police: 4; residents: 9" in out and "9 (4–9)" in out
