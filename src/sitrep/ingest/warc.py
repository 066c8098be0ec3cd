"""WARC and WARC.gz crawls (warcio): one raw input per HTML response, with the record's URL and date.

Requests, metadata, redirects and non-HTML responses are skipped.  A truncated or corrupt crawl
keeps every record read before the damage and ends with one ``bad_warc`` failure naming the offset,
wherever the cut falls (in a record's WARC or HTTP headers, or in its body).
"""

from __future__ import annotations

import gzip
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitrep.ingest._raw import RawInput
from sitrep.model import Failure

log = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_RECORD_BYTES = 50_000_000
_DRAIN = 1 << 16  # bytes read at a time from a record that is skipped


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _html_body(record: Any, *, max_bytes: int) -> bytes | None:
    """The payload of a successful HTML response (at most ``max_bytes + 1`` bytes), else None."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    kind = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if not status.startswith("2") or kind not in HTML_TYPES:
        return None
    return record.content_stream().read(max_bytes + 1)


def _check_complete(record: Any) -> None:
    """Raise EOFError when the file ends inside this record, in its headers or its body, whatever its type.

    A record cut inside its HTTP headers may lose its Content-Type and look like one to skip: only the
    bytes still owed to its declared length tell that the file was cut there."""
    stream = record.raw_stream
    while stream.read(_DRAIN):
        pass
    if record.length is None or getattr(stream, "limit", 0) > 0:
        uri = record.rec_headers.get_header("WARC-Target-URI") or "a record"
        raise EOFError(f"the record for {uri} is cut short")


def read_warc(path: Path, *, max_bytes: int = MAX_RECORD_BYTES) -> Iterator[Any]:
    """``RawInput`` per HTML response record (source ``path#offset``), then a ``Failure`` if the file is damaged."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    offset = 0
    try:
        with path.open("rb") as fh:
            head = fh.peek(2)[:2]
            magic = gzip.GzipFile(fileobj=fh).read(8) if head == b"\x1f\x8b" else fh.read(8)
            if not magic.startswith((b"WARC/", b"filedesc")):
                yield Failure(source=str(path), code="bad_warc", message=f"{path} is not a WARC or ARC file "
                              f"(it starts with {magic[:8]!r})", stage="ingest")
                return
            fh.seek(0)
            records = ArchiveIterator(fh)
            for record in records:
                body = _html_body(record, max_bytes=max_bytes)
                if body is None or len(body) <= max_bytes:  # an over-long body is skipped by the iterator
                    _check_complete(record)
                offset = records.get_record_offset()  # known once the record has been read
                if body is None:
                    continue
                source = f"{path}#{offset}"
                if len(body) > max_bytes:
                    yield Failure(source=source, code="too_large", message=f"WARC record at offset {offset} is over "
                                  f"{max_bytes:,} bytes", stage="ingest")
                    continue
                meta = {"url": record.rec_headers.get_header("WARC-Target-URI")}
                crawled = (record.rec_headers.get_header("WARC-Date") or "")[:10]
                if crawled:
                    # the crawl date bounds the publication date; the page's own date wins when it has one
                    meta["crawled"] = crawled
                yield RawInput(source=source, data=body, meta={k: v for k, v in meta.items() if v})
    except OSError as exc:
        yield Failure(source=str(path), code="unreadable", message=f"cannot read {path}: {exc.strerror or exc}")
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, AttributeError) as exc:
        # AttributeError: warcio reads a record whose headers were cut before its target URI as a URI of None
        log.warning("damaged WARC %s after offset %d: %s", path, offset, exc)
        yield Failure(source=f"{path}#{offset}", code="bad_warc",
                      message=f"{path} is truncated or damaged after offset {offset}: {exc}", stage="ingest")
