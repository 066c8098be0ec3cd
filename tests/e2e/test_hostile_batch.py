"""One hostile batch (issue 17): good articles mixed with bombs, an endless line, a link loop, a cut crawl, odd
text, a crashing stage, binary and UTF-16 files.  Every good article is stored, every bad input is a coded
failure, and nothing prints a traceback."""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.store.duckdb import DuckDBStore

pytestmark = pytest.mark.slow

CAP = 200_000  # SITREP_MAX_INPUT_BYTES for the run: the bombs are 25 times that, the articles far below

ARTICLES = {
    "a.txt": "Two civilians were killed and five wounded on Sunday when a drone struck a market near Daquq, police said.",
    "b.html": "Militants attacked a checkpoint in the north of the province on Monday, killing three soldiers, "
              "officials said.",
    "c1": "A car bomb exploded near a bus station in the city on Tuesday, wounding eleven people, a witness said.",
    "c2": "Government forces shelled villages in the valley for a second day, and residents said four people died.",
    "d.txt": "Protesters marched to the ministry on Friday and police fired tear gas at them, the organisers said.",
    "warc0": "Gunmen abducted two aid workers on the road to the border town on Wednesday, their agency said.",
    "warc1": "An air strike hit a fuel depot outside the port at dawn and started a fire, the coastguard said.",
    "bomb1": "Clashes between two armed groups in the old market left six fighters dead, a local official said.",
}
CRASH = "Shelling hit the eastern districts on Saturday and CRASHME the hospital said it treated nine people."


def _page(text: str) -> bytes:
    return f"<html><head><title>News</title></head><body><article><p>{text}</p></article></body></html>".encode()


def _warc_cut_in_headers(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for n, text in enumerate([ARTICLES["warc0"], ARTICLES["warc1"], "A third page that the cut loses."]):
        body = _page(text)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://news.example.com/{n}", "response",
                                                      payload=io.BytesIO(body), length=len(body),
                                                      http_headers=headers))
    data = buffer.getvalue()
    third = data.rindex(b"WARC/1.")
    path.write_bytes(data[: data.index(b"HTTP/1.1 200", third) + 20])  # cut inside the HTTP headers


def _batch(root: Path) -> None:
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLES["a.txt"])
    (root / "b.html").write_bytes(_page(ARTICLES["b.html"]))
    (root / "sub" / "c.jsonl").write_text("\n".join(json.dumps({"text": ARTICLES[k]}) for k in ("c1", "c2")) + "\n")
    (root / "sub" / "d.txt").write_bytes(ARTICLES["d.txt"].encode("utf-16"))  # with a byte-order mark
    _warc_cut_in_headers(root / "sub" / "crawl.warc")
    with gzip.open(root / "bomb.jsonl.gz", "wb") as fh:  # a good line, then one line of 5 MB
        fh.write(json.dumps({"text": ARTICLES["bomb1"]}).encode() + b"\n" + b'{"text": "')
        for _ in range(5):
            fh.write(b"a" * 1_000_000)
        fh.write(b'"}\n')
    with gzip.open(root / "bomb.txt.gz", "wb") as fh:
        for _ in range(5):
            fh.write(b"word " * 200_000)
    (root / "odd.txt").write_text(("the.drone.struck.a.market.near.the.town.and.police.said." * 2000)[:100_000])
    (root / "crash.txt").write_text(CRASH)
    (root / "blob.txt").write_bytes(bytes(range(256)) * 40)
    os.symlink("..", root / "sub" / "up")  # a loop for the glob below


@pytest.fixture()
def crashing_places(monkeypatch):
    """The places stage crashes on one document, as deep recursion on odd text once did."""
    import sitrep.extract.places as places

    real = places.extract_places

    def extract_places(ann, **kwargs):
        if "CRASHME" in ann.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(ann, **kwargs)

    extract_places.__module__ = places.__name__
    monkeypatch.setattr(places, "extract_places", extract_places)


def test_a_hostile_batch_stores_every_good_article_and_codes_every_bad_input(tmp_path, monkeypatch, caplog,
                                                                              crashing_places):
    monkeypatch.setenv("SITREP_MAX_INPUT_BYTES", str(CAP))
    root = tmp_path / "in"
    _batch(root)
    db = tmp_path / "events.duckdb"
    with caplog.at_level(logging.DEBUG, logger="sitrep"):
        result = CliRunner().invoke(main, ["ingest", f"{root}/**/*", "--db", str(db), "-q"], catch_exceptions=False)
    assert result.exit_code == 1, result.output  # something failed, and the batch went on
    assert "Traceback" not in result.output
    assert not [r for r in caplog.records if r.exc_info and r.levelno > logging.DEBUG]
    with DuckDBStore(db, read_only=True) as store:
        failures = {(Path(f.source.split("#")[0].rsplit(":", 1)[0]).name, f.code) for f in store.failures()}
    con = duckdb.connect(str(db), read_only=True)
    texts = [text for (text,) in con.execute("SELECT text FROM documents").fetchall()]
    con.close()
    for name, article in ARTICLES.items():
        assert any(article in text for text in texts), f"good article {name} was not stored"
    assert failures == {("bomb.jsonl.gz", "too_large"), ("bomb.txt.gz", "too_large"), ("crawl.warc", "bad_warc"),
                        ("crash.txt", "internal_error"), ("blob.txt", "binary")}
    assert len(texts) == len(ARTICLES) + 1  # the good ones and the odd text, each once despite the link loop


def test_extract_on_a_crashing_stage_prints_one_line_and_exits_1(tmp_path, crashing_places):
    path = tmp_path / "crash.txt"
    path.write_text(CRASH)
    result = CliRunner().invoke(main, ["extract", str(path)], catch_exceptions=False)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: the places stage failed") and "[internal_error]" in lines[0]


def test_commands_on_a_damaged_store_print_one_line_and_exit_2(tmp_path):
    from factories import DAQUQ, strike_report

    db = tmp_path / "events.duckdb"
    with DuckDBStore(db) as store:
        for i in range(200):
            text = f"Report {i}: {ARTICLES['a.txt']}" + " More words follow here." * 150
            report = strike_report(text, f"Outlet {i}", day="2024-03-10", place=DAQUQ, killed=2)
            store.save_report(report)
    last = report.events[0].id
    size = db.stat().st_size
    with db.open("r+b") as fh:  # a bad disk: data blocks overwritten, header and catalog intact
        for offset in range(size // 3, size - 4096, 8192):
            fh.seek(offset)
            fh.write(b"\xde\xad\xbe\xef" * 64)
    runner = CliRunner()
    for args in (["events", "--db", str(db), "--reports", "--format", "csv"], ["show", last, "--db", str(db)],
                 ["link", "--db", str(db)]):
        result = runner.invoke(main, args, catch_exceptions=False)
        lines = [line for line in result.output.splitlines() if line.startswith("error:")]
        assert result.exit_code == 2, (args, result.output[-500:])
        assert len(lines) == 1 and str(db) in lines[0] and "restore it from a copy" in lines[0], args
        assert "Traceback" not in result.output
