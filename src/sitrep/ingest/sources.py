"""Expand paths, folders, globs and URLs into a stream of raw inputs, one per document.

Files: ``.txt``, ``.html``/``.htm`` and ``.json``/``.jsonl`` (one document per
line: ``text`` or ``html``, plus ``url``, ``title``, ``published``, ``outlet``,
``author``), each also gzipped (``.jsonl.gz``); WARC crawls (``.warc``,
``.warc.gz``); RSS/Atom feeds (``.rss``, ``.atom``, or ``.xml`` that holds a
feed); and ``http(s)://`` URLs of pages or feeds, fetched by a ``Fetcher``.
Everything streams: a JSON Lines file is read line by line, never whole, and no
document may pass ``max_input_bytes`` once decompressed (``_raw``).  Globs and
folders are walked without following directory links, each file once.
Problems that concern one input become ``Failure`` records in the stream; the
stream never stops on bad input.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError
from sitrep.ingest import feeds, warc
from sitrep.ingest._raw import RawInput, input_from_fetched, max_input_bytes, open_maybe_gzip, read_line
from sitrep.model import Failure

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc", ".arc"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES
MAX_FILE_BYTES = 50_000_000  # the default of Settings.max_input_bytes
_META_KEYS = ("url", "title", "published", "outlet", "author", "language")
_MAGIC = re.compile(r"[*?[]")

__all__ = ["MAX_FILE_BYTES", "SUPPORTED", "RawInput", "expand_paths", "input_from_fetched", "is_url", "kind_suffix",
           "read_file", "read_inputs", "read_jsonl", "read_url", "record_input"]


def expand_paths(paths: Iterable[str], *, seen: set[str] | None = None) -> Iterator[Path | Failure]:
    """Files named by paths, folders (recursively, supported suffixes only) and glob patterns, sorted.

    Directory links are not followed (a ``sub/up -> ..`` link would make the walk endless), and a file
    reached twice (through a link, another spelling, or in ``seen``, the real paths given before) is given once."""
    seen = set() if seen is None else seen
    for raw in paths:
        if _MAGIC.search(raw):
            matches = _glob(raw)
            if not matches:
                yield Failure(source=raw, code="not_found", message=f"no file matches the pattern {raw!r}")
            yield from _once(matches, seen)
            continue
        p = Path(raw)
        if p.is_dir():
            files = [f for f in _walk(p) if kind_suffix(f) in SUPPORTED]
            if not files:
                yield Failure(source=raw, code="not_found", message=f"folder {raw!r} has no .txt, .html or .jsonl files")
            yield from _once(files, seen)
        elif p.is_file():
            yield from _once([p], seen)
        else:
            yield Failure(source=raw, code="not_found", message=f"{raw!r} does not exist")


def _once(files: list[Path], seen: set[str]) -> Iterator[Path]:
    for f in files:
        real = os.path.realpath(f)
        if real not in seen:
            seen.add(real)
            yield f


def _walk(root: Path) -> list[Path]:
    """Every file under ``root``, sorted; links to directories are not entered."""
    found = []
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs.sort()
        found.extend(Path(folder) / n for n in names if os.path.isfile(os.path.join(folder, n)))
    return sorted(found)


def _glob(pattern: str) -> list[Path]:
    """The files matching a glob pattern (``**`` spans folders), found by a walk that does not follow links."""
    parts = pattern.replace(os.sep, "/").split("/")
    fixed = next(i for i, part in enumerate(parts) if _MAGIC.search(part))
    root = Path("/".join(parts[:fixed]) or ("/" if pattern.startswith("/") else "."))
    if not root.is_dir():
        return []
    wanted = [part for part in parts[fixed:] if part]
    return [path for path in _walk(root) if _glob_match(path.relative_to(root).parts, wanted)]


def _glob_match(names: tuple[str, ...], pattern: list[str]) -> bool:
    """Whether path segments match pattern segments; ``**`` stands for any number of folders.

    Like the shell, a wildcard does not match a name's leading dot."""
    # reach[j]: the first i segments can match the first j pattern segments (i grows one segment per step)
    reach = [True] + [False] * len(pattern)
    for j, pat in enumerate(pattern):
        reach[j + 1] = reach[j] and pat == "**"
    for name in names:
        step = [False] * (len(pattern) + 1)
        for j, pat in enumerate(pattern):
            if pat == "**":
                step[j + 1] = step[j] or reach[j + 1] or reach[j]
            elif reach[j] and fnmatch.fnmatchcase(name, pat) and (pat.startswith(".") or not name.startswith(".")):
                step[j + 1] = True
        reach = step
    return reach[-1]


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def kind_suffix(path: Path) -> str:
    """The suffix that says what a file holds, looking through ``.gz`` (``a.jsonl.gz`` → ``.jsonl``)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        return suffixes[-2] if len(suffixes) > 1 else ".gz"
    return suffixes[-1] if suffixes else ""


def read_inputs(paths: Iterable[str], *, fetcher: Any = None, max_bytes: int | None = None
                ) -> Iterator[RawInput | Failure]:
    """Every document found under ``paths`` (files, folders, globs, URLs), or a Failure for what could not be read.

    URLs, and the links of feed entries without a whole article in them, are fetched with ``fetcher``
    (an ``ingest.fetch.Fetcher``); without one, URLs fail with code ``fetch_disabled``.  ``max_bytes`` caps
    one document once decompressed (default: ``Settings().max_input_bytes``)."""
    cap = max_input_bytes(max_bytes)
    seen: set[str] = set()  # real paths read so far: a file named twice is read once
    for raw in paths:
        if is_url(raw):
            yield from read_url(raw, fetcher=fetcher)
            continue
        for item in expand_paths([raw], seen=seen):
            if isinstance(item, Failure):
                yield item
            else:
                yield from read_file(item, fetcher=fetcher, max_bytes=cap)


def read_url(url: str, *, fetcher: Any = None) -> Iterator[RawInput | Failure]:
    """A fetched page, or every entry of a fetched feed."""
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


def read_feed(data: bytes, *, source: str, fetcher: Any = None) -> Iterator[RawInput | Failure]:
    try:
        items = feeds.parse_feed(data, source=source)
    except SitrepError as exc:
        yield Failure(source=source, code=exc.code, message=str(exc), stage="ingest")
        return
    yield from feeds.inputs_from_items(items, fetcher=fetcher)


def _too_large(source: str, cap: int, what: str = "") -> Failure:
    return Failure(source=source, code="too_large", stage="ingest",
                   message=f"{what or source} is over {cap:,} bytes once decompressed: split it "
                           "(the cap is SITREP_MAX_INPUT_BYTES)")


def read_file(path: Path, *, fetcher: Any = None, max_bytes: int | None = None) -> Iterator[RawInput | Failure]:
    cap = max_input_bytes(max_bytes)
    source = str(path)
    suffix = kind_suffix(path)
    if warc.is_warc(path):
        yield from warc.read_warc(path, max_bytes=cap)
        return
    if suffix in JSON_SUFFIXES:
        yield from read_jsonl(path, max_bytes=cap)
        return
    try:
        with open_maybe_gzip(path) as fh:
            data = fh.read(cap + 1)
    except (OSError, EOFError, zlib.error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        yield Failure(source=source, code="unreadable", message=f"cannot read {source}: {reason}", stage="ingest")
        return
    if len(data) > cap:
        yield _too_large(source, cap)
        return
    if suffix in (".rss", ".atom") or (suffix not in TEXT_SUFFIXES | HTML_SUFFIXES and feeds.looks_like_feed(data)):
        yield from read_feed(data, source=source, fetcher=fetcher)
        return
    yield RawInput(source=source, data=data)


def read_jsonl(path: Path, *, max_bytes: int | None = None) -> Iterator[RawInput | Failure]:
    """One document per line (a file holding a single JSON object or a JSON list also works); gzip is read too.

    A line longer than ``max_bytes`` is a ``too_large`` failure, skipped without being held in memory."""
    cap = max_input_bytes(max_bytes)
    try:
        fh = open_maybe_gzip(path)
    except OSError as exc:
        yield Failure(source=str(path), code="unreadable", message=f"cannot read {path}: {exc.strerror}")
        return
    lineno = 0
    try:
        with fh:
            if fh.peek(1)[:1] == b"[":  # a JSON list of documents: small files only, it is read whole
                data = fh.read(cap + 1)
                if len(data) > cap:
                    yield _too_large(str(path), cap, f"{path}, a JSON list,")
                    return
                yield from _records_from_list(path, data)
                return
            while True:
                line, cut = read_line(fh, cap)
                if not line and not cut:
                    break
                lineno += 1
                if cut:
                    yield _too_large(f"{path}:{lineno}", cap, f"line {lineno} of {path}")
                elif line.strip():
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
