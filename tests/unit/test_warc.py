"""WARC crawls: HTML responses become inputs with their URL and crawl date; damage is a failure, not a crash."""

from __future__ import annotations

import io

import pytest

from sitrep.ingest.sources import RawInput, read_inputs
from sitrep.model import Failure

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

PAGE = b"<html><body><article><p>Shelling hit the market in the town on Friday, residents said.</p></article></body></html>"


def write_warc(path, *, gzip=True):
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for n, (kind, body) in enumerate([("text/html; charset=utf-8", PAGE), ("image/png", b"\x89PNG...."),
                                          ("text/html", PAGE.replace(b"Friday", b"Saturday"))]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://news.example.com/{n}", "response", payload=io.BytesIO(body),
                                               length=len(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2024-03-15T12:00:00Z"})
            writer.write_record(record)
        request = b"GET / HTTP/1.1\r\n\r\n"
        writer.write_record(writer.create_warc_record("https://news.example.com/0", "request",
                                                      payload=io.BytesIO(request), length=len(request)))


@pytest.mark.parametrize("name,gzip", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_html_responses_become_inputs_with_url_and_crawl_date(tmp_path, name, gzip):
    write_warc(tmp_path / name, gzip=gzip)
    out = list(read_inputs([str(tmp_path / name)]))
    assert all(isinstance(o, RawInput) for o in out)
    assert [o.meta["url"] for o in out] == ["https://news.example.com/0", "https://news.example.com/2"]
    assert out[0].data == PAGE and out[0].meta["crawled"] == "2024-03-15"
    assert len({o.source for o in out}) == 2  # each record has its own stable source (path#offset)


def test_a_truncated_warc_keeps_earlier_records_and_ends_with_a_failure(tmp_path):
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.75)])
    out = list(read_inputs([str(cut)]))
    assert isinstance(out[0], RawInput) and out[0].meta["url"] == "https://news.example.com/0"
    assert isinstance(out[-1], Failure) and out[-1].code == "bad_warc"


def test_a_file_that_is_not_a_warc_is_a_failure(tmp_path):
    bad = tmp_path / "junk.warc"
    bad.write_bytes(b"this is not a WARC file\n" * 10)
    [failure] = list(read_inputs([str(bad)]))
    assert isinstance(failure, Failure) and failure.code == "bad_warc"


@pytest.mark.slow
def test_the_crawl_date_is_a_fallback_for_the_publication_date(tmp_path):
    from sitrep.engines.local import prepare

    write_warc(tmp_path / "c.warc.gz")
    doc = prepare(next(iter(read_inputs([str(tmp_path / "c.warc.gz")]))))
    assert doc.published == "2024-03-15" and doc.url == "https://news.example.com/0"
