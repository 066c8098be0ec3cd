"""RSS/Atom feeds: entries, embedded bodies, fetched pages, malformed feeds."""

from __future__ import annotations

import httpx
import pytest

from sitrep.errors import IngestError
from sitrep.ingest.feeds import FULL_CONTENT_WORDS, inputs_from_items, looks_like_feed, parse_feed
from sitrep.ingest.fetch import Fetcher
from sitrep.ingest.sources import RawInput, read_inputs
from sitrep.model import Failure

LONG = " ".join(["Militants attacked a police post near the border, officials said."] * 20)

RSS = f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Frontline Wire</title>
<item><guid>wire-1</guid><title>Teaser only</title><link>https://news.example.com/1</link>
  <pubDate>Tue, 12 Mar 2024 08:00:00 GMT</pubDate><description>Short teaser of the story.</description></item>
<item><guid>wire-2</guid><title>Whole story</title><link>https://news.example.com/2</link>
  <description><![CDATA[<p>{LONG}</p><script>alert('x')</script>]]></description></item>
</channel></rss>""".encode()

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>
<entry><id>urn:a:1</id><title>Clashes</title><link href="https://news.example.com/atom/1"/>
<updated>2024-03-10T10:00:00Z</updated><content type="html">&lt;p&gt;Clashes broke out in the city on Sunday, police said.&lt;/p&gt;</content></entry>
</feed>"""

PAGE = ("<html><head><title>Attack</title></head><body><article><p>" + LONG + "</p></article></body></html>").encode()


def test_rss_entries_keep_key_link_title_and_date():
    items = parse_feed(RSS, source="wire.rss")
    assert [i.key for i in items] == ["wire-1", "wire-2"]
    assert items[0].link == "https://news.example.com/1" and items[0].title == "Teaser only"
    assert items[0].published == "2024-03-12" and items[1].published is None
    assert items[1].body_words >= FULL_CONTENT_WORDS


def test_atom_entries_are_read():
    [item] = parse_feed(ATOM, source="wire.atom")
    assert (item.key, item.link, item.published) == ("urn:a:1", "https://news.example.com/atom/1", "2024-03-10")
    assert "Clashes broke out" in item.body


def test_a_feed_that_is_not_a_feed_fails_with_bad_feed():
    with pytest.raises(IngestError) as err:
        parse_feed(b"\x00\x01 this is not xml at all", source="x.rss")
    assert err.value.code == "bad_feed"


def test_a_truncated_feed_keeps_the_entries_read_before_the_damage():
    items = parse_feed(RSS[: RSS.index(b"<item><guid>wire-2")] + b"<item><title>cut", source="cut.rss")
    assert items[0].key == "wire-1"


def test_teasers_are_fetched_and_whole_bodies_used_as_they_are():
    fetched = []

    def handler(request):
        fetched.append(request.headers["host"] + request.url.path)  # the URL holds the pinned address
        return httpx.Response(200, content=PAGE, headers={"content-type": "text/html"})

    fetcher = Fetcher(transport=httpx.MockTransport(handler), delay=0, resolver=lambda h, p: ["93.184.216.34"])
    out = list(inputs_from_items(parse_feed(RSS, source="wire.rss"), fetcher=fetcher))
    assert fetched == ["news.example.com/1"]
    assert [type(o) for o in out] == [RawInput, RawInput]
    assert out[0].data == PAGE and out[0].meta["published"] == "2024-03-12"
    assert "alert" not in out[1].data and out[1].data.startswith("Militants attacked")


def test_an_unreachable_page_falls_back_to_the_feed_summary_or_fails():
    fetcher = Fetcher(transport=httpx.MockTransport(lambda r: httpx.Response(404)), delay=0,
                      resolver=lambda h, p: ["93.184.216.34"])
    items = parse_feed(RSS, source="wire.rss")
    teaser = next(iter(inputs_from_items(items[:1], fetcher=fetcher)))
    assert isinstance(teaser, RawInput) and teaser.data == "Short teaser of the story."
    bare = items[0].__class__(key="k", link="https://news.example.com/gone", title=None, published=None, body="",
                              feed="wire.rss")
    [failure] = inputs_from_items([bare], fetcher=fetcher)
    assert isinstance(failure, Failure) and failure.code == "fetch_status"


def test_feed_files_are_read_as_feeds_without_a_fetcher(tmp_path):
    (tmp_path / "wire.rss").write_bytes(RSS)
    (tmp_path / "feed.xml").write_bytes(ATOM)
    out = list(read_inputs([str(tmp_path)]))
    assert sum(isinstance(o, RawInput) for o in out) == 3
    assert looks_like_feed(ATOM) and not looks_like_feed(PAGE)
