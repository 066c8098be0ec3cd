"""Expand paths, folders, globs and URLs into a stream of raw inputs, one per document.

Files: ``.txt``, ``.html``/``.htm`` and ``.json``/``.jsonl`` (one document per
line: ``text`` or ``html``, plus ``url``, ``title``, ``published``, ``outlet``,
``author``), each also gzipped (``.jsonl.gz``); WARC crawls (``.warc``,
``.warc.gz``); RSS/Atom feeds (``.rss``, ``.atom``, or ``.xml`` that holds a
feed); and ``http(s)://`` URLs of pages or feeds, fetched by a ``Fetcher``.
Everything streams: a JSON Lines file is read line by line, never whole.
Problems that concern one input become ``Failure`` records in the stream; the
stream never stops on bad input.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError
from sitrep.model import Failure

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc", ".arc"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES
MAX_FILE_BYTES = 50_000_000
_META_KEYS = ("url", "title", "published", "outlet", "author", "language")


@dataclass(slots=True)
class RawInput:
    """One document's raw content and the metadata that came with it."""

    source: str
    data: str | bytes
    meta: dict[str, Any] = field(default_factory=dict)


def expand_paths(paths: Iterable[str]) -> Iterator[Path | Failure]:
    """Files named by paths, folders (recursively, supported suffixes only) and glob patterns, sorted."""
    for raw in paths:
        if any(ch in raw for ch in "*?["):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield Failure(source=raw, code="not_found", message=f"no file matches the pattern {raw!r}")
            for m in matches:
                if os.path.isfile(m):
                    yield Path(m)
            continue
        p = Path(raw)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and kind_suffix(f) in SUPPORTED)
            if not files:
                yield Failure(source=raw, code="not_found", message=f"folder {raw!r} has no .txt, .html or .jsonl files")
            yield from files
        elif p.is_file():
            yield p
        else:
            yield Failure(source=raw, code="not_found", message=f"{raw!r} does not exist")


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def kind_suffix(path: Path) -> str:
    """The suffix that says what a file holds, looking through ``.gz`` (``a.jsonl.gz`` → ``.jsonl``)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        return suffixes[-2] if len(suffixes) > 1 else ".gz"
    return suffixes[-1] if suffixes else ""


def read_inputs(paths: Iterable[str], *, fetcher: Any = None) -> Iterator[RawInput | Failure]:
    """Every document found under ``paths`` (files, folders, globs, URLs), or a Failure for what could not be read.

    URLs, and the links of feed entries without a whole article in them, are fetched with ``fetcher``
    (an ``ingest.fetch.Fetcher``); without one, URLs fail with code ``fetch_disabled``."""
    for raw in paths:
        if is_url(raw):
            yield from read_url(raw, fetcher=fetcher)
            continue
        for item in expand_paths([raw]):
            if isinstance(item, Failure):
                yield item
            else:
                yield from read_file(item, fetcher=fetcher)


def read_url(url: str, *, fetcher: Any = None) -> Iterator[RawInput | Failure]:
    """A fetched page, or every entry of a fetched feed."""
    from sitrep.ingest import feeds

    if fetcher is None:
        yield Failure(source=url, code="fetch_disabled", message=f"{url}: fetching URLs is turned off", stage="fetch")
        return
    try:
        page = fetcher.fetch(url)
    except SitrepError as exc:
        yield Failure(source=url, code=exc.code, message=str(exc), stage="fetch")
        return
    if page.is_feed or feeds.looks_like_feed(page.data):
        yield from read_feed(page.data, source=url, fetcher=fetcher)
    else:
        yield input_from_fetched(page)


def input_from_fetched(page: Any, *, meta: dict[str, Any] | None = None) -> RawInput:
    """A RawInput from a ``Fetched`` page, decoded with the charset its server declared (when that works)."""
    data: str | bytes = page.data
    if page.charset:
        try:
            data = page.data.decode(page.charset)
        except (LookupError, UnicodeDecodeError):
            data = page.data  # a wrong declaration: let the decoder sniff
    return RawInput(source=page.url, data=data, meta={**(meta or {}), "url": page.url})


def read_feed(data: bytes, *, source: str, fetcher: Any = None) -> Iterator[RawInput | Failure]:
    from sitrep.ingest import feeds

    try:
        items = feeds.parse_feed(data, source=source)
    except SitrepError as exc:
        yield Failure(source=source, code=exc.code, message=str(exc), stage="ingest")
        return
    yield from feeds.inputs_from_items(items, fetcher=fetcher)


def open_maybe_gzip(path: Path) -> io.BufferedIOBase:
    """The file, decompressed on the fly when it is gzip (by its magic bytes, not its name)."""
    with path.open("rb") as probe:
        magic = probe.read(2)
    return gzip.open(path, "rb") if magic == b"\x1f\x8b" else path.open("rb")  # type: ignore[return-value]


def read_file(path: Path, *, fetcher: Any = None) -> Iterator[RawInput | Failure]:
    from sitrep.ingest import feeds, warc

    source = str(path)
    suffix = kind_suffix(path)
    if warc.is_warc(path):
        yield from warc.read_warc(path)
        return
    if suffix in JSON_SUFFIXES:
        yield from read_jsonl(path)
        return
    try:
        with open_maybe_gzip(path) as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        yield Failure(source=source, code="unreadable", message=f"cannot read {source}: {reason}", stage="ingest")
        return
    if len(data) > MAX_FILE_BYTES:
        yield Failure(source=source, code="too_large", message=f"{source} is over {MAX_FILE_BYTES:,} bytes",
                      stage="ingest")
        return
    if suffix in (".rss", ".atom") or (suffix not in TEXT_SUFFIXES | HTML_SUFFIXES and feeds.looks_like_feed(data)):
        yield from read_feed(data, source=source, fetcher=fetcher)
        return
    yield RawInput(source=source, data=data)


def read_jsonl(path: Path) -> Iterator[RawInput | Failure]:
    """One document per line (a file holding a single JSON object or a JSON list also works); gzip is read too."""
    try:
        fh = open_maybe_gzip(path)
    except OSError as exc:
        yield Failure(source=str(path), code="unreadable", message=f"cannot read {path}: {exc.strerror}")
        return
    lineno = 0
    try:
        with fh:
            if fh.peek(1)[:1] == b"[":  # a JSON list of documents: small files only, it is read whole
                yield from _records_from_list(path, fh.read(MAX_FILE_BYTES))
                return
            for lineno, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                yield record_input(line, source=f"{path}:{lineno}")
    except (OSError, EOFError, zlib.error) as exc:
        # a truncated .gz: every complete line before the damage was yielded
        yield Failure(source=f"{path}:{lineno + 1}", code="unreadable",
                      message=f"{path} is damaged after line {lineno}: {exc}", stage="ingest")


def _records_from_list(path: Path, data: bytes) -> Iterator[RawInput | Failure]:
    try:
        items = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        yield Failure(source=str(path), code="bad_json", message=f"{path} is not valid JSON: {exc}")
        return
    for n, obj in enumerate(items, start=1):
        yield input_from_record(obj, source=f"{path}#{n}")


def record_input(line: bytes | str, *, source: str) -> RawInput | Failure:
    """A RawInput from one JSON Lines line."""
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return Failure(source=source, code="bad_json", message=f"line is not valid JSON: {exc}")
    return input_from_record(obj, source=source)


def input_from_record(obj: Any, *, source: str) -> RawInput | Failure:
    if not isinstance(obj, dict):
        return Failure(source=source, code="bad_json", message="expected a JSON object with 'text' or 'html'")
    body = obj.get("html") or obj.get("text")
    if not isinstance(body, str) or not body.strip():
        return Failure(source=source, code="empty", message="the record has no 'text' or 'html' string")
    meta = {k: obj[k] for k in _META_KEYS if isinstance(obj.get(k), str) and obj[k].strip()}
    return RawInput(source=source, data=body, meta=meta)
