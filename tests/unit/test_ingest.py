"""Ingest: raw text, HTML and files become clean Documents or clear failures."""

from __future__ import annotations

import json

import pytest

from sitrep.errors import ExtractionError, IngestError
from sitrep.ingest._raw import url_date
from sitrep.ingest.documents import (
    clean_text,
    decode_bytes,
    document_from_html,
    document_from_input,
    document_from_text,
    iso_date,
)
from sitrep.ingest.sources import read_inputs
from sitrep.model import Failure

ARTICLE_HTML = """<!DOCTYPE html><html><head><title>Clashes near Kirkuk | Tigris Post</title>
<meta property="og:site_name" content="Tigris Post"><meta name="author" content="Lina Daoud">
<meta property="article:published_time" content="2021-06-02T10:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="cookie-banner">We use cookies. Accept all cookies</div>
<article><h1>Clashes near Kirkuk leave four dead</h1>
<p>Four fighters were killed on Tuesday in clashes between security forces and gunmen near Kirkuk, officials said.</p>
<p>The fighting lasted several hours and ended when reinforcements arrived from the city, a police officer told the agency.</p>
<p>Residents said the gunmen had fled towards the hills south of the town before dawn.</p></article>
<div class="share">Share on Facebook Share on Twitter</div><aside>Subscribe to our channel for daily news</aside>
<section class="comments"><p>First! Great article</p></section><footer>Copyright Tigris Post. Privacy policy</footer>
</body></html>"""


def test_html_keeps_article_and_reads_metadata():
    doc = document_from_html(ARTICLE_HTML, source="t.html")
    assert "Four fighters were killed on Tuesday" in doc.text
    assert doc.published == "2021-06-02"
    assert doc.outlet == "Tigris Post"
    assert doc.author == "Lina Daoud"
    assert doc.title and "Clashes near Kirkuk" in doc.title


@pytest.mark.parametrize("boilerplate", ["Subscribe to our channel", "Accept all cookies", "Share on Facebook",
                                         "Privacy policy", "First! Great article", "Sport"])
def test_html_drops_boilerplate(boilerplate):
    assert boilerplate not in document_from_html(ARTICLE_HTML).text


def test_explicit_metadata_wins_over_page_metadata():
    doc = document_from_html(ARTICLE_HTML, published="2021-06-03", title="Given title")
    assert doc.published == "2021-06-03"
    assert doc.title == "Given title"


def test_page_without_date_has_no_published_date():
    html = ARTICLE_HTML.replace('<meta property="article:published_time" content="2021-06-02T10:00:00Z">', "")
    assert document_from_html(html).published is None


def test_document_id_is_stable_and_depends_on_text_and_url():
    a = document_from_text("Gunmen attacked a checkpoint in the north of the country on Monday.", url="u1")
    b = document_from_text("Gunmen attacked a checkpoint in the north of the country on Monday.", url="u1")
    c = document_from_text("Gunmen attacked a checkpoint in the north of the country on Monday.", url="u2")
    assert a.id == b.id != c.id
    assert a.text_sha256 == b.text_sha256 == c.text_sha256


def test_clean_text_normalises_whitespace_and_keeps_paragraphs():
    assert clean_text("  One\u00a0 two\r\n\r\n\r\n\tthree  ") == "One two\n\nthree"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"   \n ", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"\xff\xfe\xfa broken \x81\x8d\x8f\x90\x9d", "encoding"),
        ("Die Armee hat gestern die Stadt nach schweren Kämpfen mit den Rebellen wieder eingenommen, sagte ein Sprecher "
         "der Regierung in der Hauptstadt.".encode(), "language"),
    ],
)
def test_bad_input_fails_with_a_code(data, code):
    with pytest.raises(IngestError) as info:
        document_from_input(data, source="x")
    assert info.value.code == code


def test_huge_text_is_refused():
    with pytest.raises(IngestError) as info:
        document_from_text("word " * 50, max_chars=100)
    assert info.value.code == "too_large"


def test_html_without_article_text_is_an_extraction_error():
    with pytest.raises(ExtractionError):
        document_from_html("<html><body><nav><a href='/'>Home</a></nav></body></html>")


def test_cp1252_bytes_are_decoded():
    assert decode_bytes("Caf\u00e9 \u2013 news".encode("cp1252")) == "Café – news"


@pytest.mark.parametrize(("value", "expected"), [("2016-01-29", "2016-01-29"), ("2016-01-29T09:30:00Z", "2016-01-29"),
                                                 ("2016-02-30", None), ("yesterday", None), (None, None),
                                                 ("2016-01", "2016-01"), ("2016-13", None), ("2016-1", None)])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


@pytest.mark.parametrize(("url", "expected"), [
    ("https://news.example.org/2019/04/07/clashes-in-the-north/", "2019-04-07"),
    ("https://news.example.org/world/2019-04-07-clashes-in-the-north", "2019-04-07"),
    ("https://www.example.fr/afrique/20190407-affrontements-dans-le-nord", "2019-04-07"),
    ("http://example.net/actualite/2008/1/9/x.html", "2008-01-09"),
    ("https://example.com/2019/04/affrontements-dans-le-nord.html", "2019-04"),  # only the month
    ("https://example.com/2019/04/page/3", "2019-04"),
    ("https://example.com/2019/02/30/x", None),  # no such day
    ("https://example.com/2019/13/x", None),
    ("https://example.com/1419598/politics/x", None),  # an article number, not a year
    ("https://example.com/x/2019115-y", None),  # run together with a one-digit month or day: ambiguous
    ("https://example.com/news?date=2019/04/07", None),  # a query is not where the article is filed
    ("https://example.com/2019/", None),
    ("", None), (None, None),
])
def test_url_date_reads_the_day_or_month_a_news_url_files_under(url, expected):
    assert url_date(url) == expected


def test_read_inputs_streams_files_jsonl_lines_and_failures(tmp_path):
    (tmp_path / "a.txt").write_text("Militants attacked a police post in the town on Friday, officials said.")
    (tmp_path / "b.html").write_text(ARTICLE_HTML)
    (tmp_path / "skip.pdf").write_bytes(b"%PDF")
    lines = [json.dumps({"text": "Troops clashed with rebels near the border on Monday.", "published": "2020-01-06"}),
             "{not json", json.dumps({"title": "no body"}), ""]
    (tmp_path / "c.jsonl").write_text("\n".join(lines))
    items = list(read_inputs([str(tmp_path), str(tmp_path / "missing.txt")]))
    failures = [i for i in items if isinstance(i, Failure)]
    inputs = [i for i in items if not isinstance(i, Failure)]
    assert sorted(f.code for f in failures) == ["bad_json", "empty", "not_found"]
    assert len(inputs) == 3
    jsonl = [i for i in inputs if i.source.endswith("c.jsonl:1")]
    assert jsonl and jsonl[0].meta == {"published": "2020-01-06"}


def test_glob_with_no_match_is_a_failure(tmp_path):
    (failure,) = list(read_inputs([str(tmp_path / "*.txt")]))
    assert isinstance(failure, Failure) and failure.code == "not_found"
