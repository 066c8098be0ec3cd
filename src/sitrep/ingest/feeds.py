"""RSS and Atom feeds (feedparser): one item per entry, with its link, title, date and any embedded body.

A feed entry becomes a raw input in one of two ways: its article page is fetched (when a fetcher
is given and the entry has a link), or its embedded ``content``/``summary`` is used when that holds
a whole article.  A malformed feed yields the entries feedparser could still read; one it cannot
read at all is an ``IngestError`` with code ``bad_feed``.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sitrep.errors import IngestError, SitrepError
from sitrep.ingest._raw import RawInput, input_from_fetched
from sitrep.model import Failure

_FEED_SNIFF = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>")
_SCRIPTS = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCKS = re.compile(r"<(?:/?(?:p|div|h[1-6]|li|blockquote|tr)\b[^>]*|br\s*/?)>", re.IGNORECASE)
# An embedded body this long is an article, not a teaser: no need to fetch the page.
FULL_CONTENT_WORDS = 150


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed."""

    key: str  # the entry's id (guid), else its link, else a hash of its title and body: what "seen" remembers
    link: str | None
    title: str | None
    published: str | None
    body: str  # embedded HTML or text, possibly only a summary
    feed: str  # the feed it came from

    @property
    def body_words(self) -> int:
        return len(_TAGS.sub(" ", self.body).split())


def looks_like_feed(data: bytes) -> bool:
    return bool(_FEED_SNIFF.search(data[:4096]))


def parse_feed(data: bytes | str, *, source: str) -> list[FeedItem]:
    """The entries of an RSS/Atom document, in feed order."""
    import feedparser

    parsed = feedparser.parse(data if isinstance(data, bytes) else data.encode("utf-8"))
    entries = parsed.get("entries") or []
    if not entries and (parsed.get("bozo") or not parsed.get("feed")):
        reason = parsed.get("bozo_exception")
        raise IngestError(f"{source} is not a readable RSS/Atom feed ({reason or 'no entries'})", code="bad_feed")
    items = []
    for entry in entries:
        body = _entry_body(entry)
        link = entry.get("link") or None
        key = entry.get("id") or link or "sha256:" + hashlib.sha256(
            f"{entry.get('title', '')}\n{body}".encode()).hexdigest()[:32]
        items.append(FeedItem(key=str(key), link=link, title=entry.get("title") or None,
                              published=_entry_date(entry), body=body, feed=source))
    return items


def _entry_body(entry: Any) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value") or "" for c in contents), key=len, default="")
    summary = entry.get("summary") or ""
    return best if len(best) >= len(summary) else summary


def _entry_date(entry: Any) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    return f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"


def inputs_from_items(items: list[FeedItem], *, fetcher: Any = None) -> Iterator[Any]:
    """A ``RawInput`` per entry (its page fetched when needed), or a ``Failure`` saying why not."""
    for item in items:
        meta = {k: v for k, v in (("url", item.link), ("title", item.title), ("published", item.published)) if v}
        source = item.link or f"{item.feed}#{item.key}"
        if fetcher is not None and item.link and item.body_words < FULL_CONTENT_WORDS:
            try:
                page = fetcher.fetch(item.link)
            except SitrepError as exc:
                if item.body_words >= 3:  # the page is out of reach: the feed's own summary is better than nothing
                    yield RawInput(source=source, data=_as_text(item.body), meta=meta)
                else:
                    yield Failure(source=source, code=exc.code, message=str(exc), stage="fetch")
                continue
            yield input_from_fetched(page, meta=meta)
        elif item.body_words:
            yield RawInput(source=source, data=_as_text(item.body), meta=meta)
        else:
            yield Failure(source=source, code="empty", message="the feed entry has no text and no link to fetch",
                          stage="ingest")


def _as_text(body: str) -> str:
    """Plain text of a feed body (an HTML fragment or text): blocks become lines, scripts and styles vanish.

    Fragments are too short for a page extractor, which looks for the main block of a whole page."""
    body = _SCRIPTS.sub(" ", body)
    body = _BLOCKS.sub("\n", body)
    return html.unescape(_TAGS.sub("", body)).strip()
