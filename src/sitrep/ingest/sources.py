"""Expand paths, folders and globs into a stream of raw inputs, one per document.

Files: ``.txt``, ``.html``/``.htm`` and ``.json``/``.jsonl`` (one document per
line: ``text`` or ``html``, plus ``url``, ``title``, ``published``, ``outlet``,
``author``).  Problems that concern one input become ``Failure`` records in
the stream; the stream never stops on bad input.
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.model import Failure

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
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
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED)
            if not files:
                yield Failure(source=raw, code="not_found", message=f"folder {raw!r} has no .txt, .html or .jsonl files")
            yield from files
        elif p.is_file():
            yield p
        else:
            yield Failure(source=raw, code="not_found", message=f"{raw!r} does not exist")


def read_inputs(paths: Iterable[str]) -> Iterator[RawInput | Failure]:
    """Every document found under ``paths``, or a Failure for what could not be read."""
    for item in expand_paths(paths):
        if isinstance(item, Failure):
            yield item
        else:
            yield from read_file(item)


def read_file(path: Path) -> Iterator[RawInput | Failure]:
    source = str(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield Failure(source=source, code="unreadable", message=f"cannot read {source}: {exc.strerror}")
        return
    if suffix in JSON_SUFFIXES:
        yield from read_jsonl(path)
        return
    if size > MAX_FILE_BYTES:
        yield Failure(source=source, code="too_large", message=f"{source} is {size:,} bytes, over {MAX_FILE_BYTES:,}")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(source=source, code="unreadable", message=f"cannot read {source}: {exc.strerror}")
        return
    yield RawInput(source=source, data=data)


def read_jsonl(path: Path) -> Iterator[RawInput | Failure]:
    """One document per line (a file holding a single JSON object or a JSON list also works)."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Failure(source=str(path), code="unreadable", message=f"cannot read {path}: {exc.strerror}")
        return
    with fh:
        first = fh.read(1)
        fh.seek(0)
        if first == b"[":  # a JSON list of documents: small files only, it is read whole
            yield from _records_from_list(path, fh.read())
            return
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            yield record_input(line, source=f"{path}:{lineno}")


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
