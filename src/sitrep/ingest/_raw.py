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
from urllib.parse import urlsplit

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
    """An ISO date string from a date, datetime or string: a day ``YYYY-MM-DD``, or a month ``YYYY-MM`` when only
    the month is given; None when it cannot be read unambiguously."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    if m:
        return _day(m[1], m[2], m[3])
    m = re.fullmatch(r"\s*(\d{4})-(\d{2})\s*", str(value))
    return _month(m[1], m[2]) if m else None


# A date in a URL's path, as news sites file their articles: /2021/03/15/, /2021-03-15-slug, /20210315-slug,
# /2021/03/ (a month).
_URL_DAY = re.compile(r"/((?:19|20)\d\d)(?:([/_-])([01]?\d)\2([0-3]?\d)|(\d\d)(\d\d))(?=[/_.-]|$)")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/([01]?\d)(?=/)")


def url_date(url: str | None) -> str | None:
    """The publication date a news URL files its article under: the day of ``/2021/03/15/``, ``/2021-03-15-title``
    or ``/20210315-title``, else the month of ``/2021/03/`` (``YYYY-MM``); None when the path names none. Only the
    path is read, never the query ("?page=2019")."""
    if not url:
        return None
    path = urlsplit(url.strip()).path
    if m := _URL_DAY.search(path):
        return _day(m[1], m[3] or m[5], m[4] or m[6])
    if m := _URL_MONTH.search(path):
        return _month(m[1], m[2])
    return None


def _day(year: str, month: str, day: str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _month(year: str, month: str) -> str | None:
    return f"{int(year):04d}-{int(month):02d}" if 1 <= int(month) <= 12 else None
