"""sitrep watch: only new items are extracted, restarts neither duplicate nor skip, passing failures are retried."""

from __future__ import annotations

import httpx
import pytest

from sitrep.errors import ConfigError
from sitrep.ingest.fetch import Fetcher
from sitrep.store.duckdb import DuckDBStore
from sitrep.watch import expand_sources, parse_every, poll_once, watch

pytestmark = pytest.mark.slow

STORY = ("Two civilians were killed and five wounded on Sunday when a drone struck a market near Daquq, police "
         "said. The attack was the third in the district this month, according to local officials. ")


def rss(items):
    body = "".join(f"<item><guid>{key}</guid><title>{key}</title><link>https://news.example.com/{key}</link>"
                   f"<pubDate>Tue, 12 Mar 2024 08:00:00 GMT</pubDate><description>teaser</description></item>"
                   for key in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>w</title>{body}</channel></rss>'.encode()


class Site:
    """A fake news site behind httpx.MockTransport: a feed and one page per item."""

    def __init__(self, items):
        self.items = list(items)
        self.requests: list[str] = []
        self.down: set[str] = set()

    def handler(self, request):
        path = request.url.path.strip("/")
        self.requests.append(path)
        if path == "feed":
            return httpx.Response(200, content=rss(self.items), headers={"content-type": "application/rss+xml"})
        if path in self.down:
            return httpx.Response(503)
        html = f"<html><body><article><h1>{path}</h1><p>{STORY * 3}</p><p>Item {path}.</p></article></body></html>"
        return httpx.Response(200, content=html.encode(), headers={"content-type": "text/html"})

    def fetcher(self):
        return Fetcher(transport=httpx.MockTransport(self.handler), delay=0, resolver=lambda h, p: ["93.184.216.34"])


FEED = "https://news.example.com/feed"


def test_only_new_items_are_fetched_and_a_restart_remembers_them(tmp_path):
    db = tmp_path / "w.duckdb"
    site = Site(["a1", "a2"])
    with DuckDBStore(db) as store:
        first = poll_once([FEED], store=store, fetcher=site.fetcher())
        assert (first.new, first.run.ok, dict(first.run.stored)) == (2, 2, {"inserted": 2})
    site.items.append("a3")
    site.requests.clear()
    with DuckDBStore(db) as store:  # a restart: a new process would open the store like this
        second = poll_once([FEED], store=store, fetcher=site.fetcher())
        assert (second.new, second.skipped_seen) == (1, 2)
        assert site.requests == ["feed", "a3"]
        assert store.counts()["documents"] == 3


def test_a_crash_after_storing_but_before_remembering_redoes_the_item_without_duplicates(tmp_path):
    db = tmp_path / "w.duckdb"
    site = Site(["b1", "b2"])
    with DuckDBStore(db) as store:
        original = store.mark_seen
        store.mark_seen = lambda feed, items: (_ for _ in ()).throw(KeyboardInterrupt())  # killed right here
        with pytest.raises(KeyboardInterrupt):
            poll_once([FEED], store=store, fetcher=site.fetcher())
        store.mark_seen = original
        assert store.counts()["documents"] == 2
        again = poll_once([FEED], store=store, fetcher=site.fetcher())
        assert again.new == 2 and dict(again.run.stored) == {"unchanged": 2}
        assert store.counts()["documents"] == 2
        assert poll_once([FEED], store=store, fetcher=site.fetcher()).new == 0


def test_pages_that_are_down_are_retried_next_round(tmp_path):
    site = Site(["c1", "c2"])
    site.down.add("c2")
    with DuckDBStore(tmp_path / "w.duckdb") as store:
        first = poll_once([FEED], store=store, fetcher=site.fetcher())
        assert first.run.ok == 1 and first.retry_later == 1 and first.run.failed["fetch_status"] == 1
        site.down.clear()
        second = poll_once([FEED], store=store, fetcher=site.fetcher())
        assert second.new == 1 and second.run.ok == 1


def test_watch_runs_rounds_and_waits_between_them(tmp_path):
    site = Site(["d1"])
    waits: list[float] = []
    with DuckDBStore(tmp_path / "w.duckdb") as store:
        rounds = list(watch([FEED], store=store, fetcher=site.fetcher(), every=900, cycles=2, sleep=waits.append))
    assert [r.new for r in rounds] == [1, 0]
    assert len(waits) == 1 and 890 < waits[0] <= 900


def test_an_unreachable_feed_is_recorded_and_the_round_goes_on(tmp_path):
    site = Site(["e1"])
    with DuckDBStore(tmp_path / "w.duckdb") as store:
        cycle = poll_once(["http://10.0.0.1/feed", FEED], store=store, fetcher=site.fetcher())
        assert [f.code for f in cycle.source_failures] == ["fetch_blocked"] and cycle.run.ok == 1
        assert any(f.code == "fetch_blocked" for f in store.failures())


def test_every_and_url_lists_are_parsed(tmp_path):
    assert [parse_every(v) for v in ("90", "30s", "15m", "2h")] == [90, 30, 900, 7200]
    with pytest.raises(ConfigError):
        parse_every("soon")
    listing = tmp_path / "feeds.txt"
    listing.write_text("# monitored\nhttps://a.example/feed\n\nhttps://b.example/rss  # wire\n")
    assert expand_sources([str(listing), FEED]) == ["https://a.example/feed", "https://b.example/rss", FEED]
