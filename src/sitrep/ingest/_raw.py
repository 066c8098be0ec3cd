"""Raw inputs and the bounded reading every reader shares: one document's bytes, its metadata, its size cap.

Every reader (files, JSON Lines, feeds, WARC records) reads at most ``max_input_bytes`` (``Settings``,
env ``SITREP_MAX_INPUT_BYTES``) of one document once decompressed, and a line of JSON Lines no longer than
that: a gzip bomb or an endless line becomes a ``too_large`` failure with memory bounded by the cap.
"""

from __future__ import annotations

import gzip
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sitrep.config import Settings

_SKIP_CHUNK = 1 << 20  # bytes read at a time while skipping the rest of an over-long line


@dataclass(slots=True)
class RawInput:
    """One document's raw content and the metadata that came with it."""

    source: str
    data: str | bytes
    meta: dict[str, Any] = field(default_factory=dict)


def max_input_bytes(value: int | None = None) -> int:
    """The cap on one document's decompressed bytes: ``value`` when given, else the setting."""
    return value if value is not None else Settings().max_input_bytes


def input_from_fetched(page: Any, *, meta: dict[str, Any] | None = None) -> RawInput:
    """A RawInput from a ``Fetched`` page, decoded with the charset its server declared (when that works)."""
    data: str | bytes = page.data
    if page.charset:
        try:
            data = page.data.decode(page.charset)
        except (LookupError, UnicodeDecodeError):
            data = page.data  # a wrong declaration: let the decoder sniff
    return RawInput(source=page.url, data=data, meta={**(meta or {}), "url": page.url})


def open_maybe_gzip(path: Path) -> io.BufferedIOBase:
    """The file, decompressed on the fly when it is gzip (by its magic bytes, not its name)."""
    with path.open("rb") as probe:
        magic = probe.read(2)
    return gzip.open(path, "rb") if magic == b"\x1f\x8b" else path.open("rb")  # type: ignore[return-value]


def read_line(fh: io.BufferedIOBase, limit: int) -> tuple[bytes, bool]:
    """The next line of ``fh`` and whether it was longer than ``limit`` bytes.

    An over-long line is read to its end in chunks and dropped, so it never sits in memory whole; the
    returned bytes are then empty.  ``b"", False`` is the end of the file."""
    line = fh.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, False
    while chunk := fh.readline(_SKIP_CHUNK):
        if chunk.endswith(b"\n"):
            break
    return b"", True


def iso_date(value: Any) -> str | None:
    """An ISO date string from a date, datetime or string; None when it cannot be read unambiguously."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    return None
