"""Write events as files for other tools: ACLED-like CSV, JSON Lines, GeoJSON and Parquet.

``flat_row`` (in ``_flat``) is the one flattening of an event; the CSV, GeoJSON and Parquet writers and the
store all use it.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import logging
import math
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sitrep.errors import StoreError
from sitrep.model import Document, Event, to_dict
from sitrep.store._flat import COLUMN_TYPES, CSV_COLUMNS, event_day, flat_row, iso_day
from sitrep.store._rows import insert_rows

log = logging.getLogger(__name__)

FORMATS = ("csv", "jsonl", "geojson", "parquet")

@dataclass(frozen=True, slots=True)
class ExportResult:
    """How many events went into the file, and how many were left out (GeoJSON: no coordinates)."""

    fmt: str
    written: int
    skipped: int = 0


def _document_of(event: Event, documents: Mapping[str, Document] | None) -> Document | None:
    if not documents:
        return None
    return next((documents[d] for d in event.document_ids if d in documents), None)


def _rows(events: Iterable[Event], documents: Mapping[str, Document] | None) -> Iterator[tuple[Event, dict[str, Any]]]:
    for event in events:
        yield event, flat_row(event, _document_of(event, documents))


# --------------------------------------------------------------------------- writers


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        # lower case is read as boolean by pandas, R and DuckDB alike
        return "true" if value else "false"
    if isinstance(value, str) and value[:1] in _FORMULA_STARTS and not _NUMBER.match(value):
        # text from a news page opened in a spreadsheet must not run as a formula ("=HYPERLINK(…)")
        return "'" + value
    return value


_FORMULA_STARTS = frozenset("=+-@\t\r")
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def _write_csv(events: Iterable[Event], out: IO[str], documents: Mapping[str, Document] | None) -> ExportResult:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    n = 0
    for _event, row in _rows(events, documents):
        writer.writerow([_csv_cell(row[c]) for c in CSV_COLUMNS])
        n += 1
    return ExportResult("csv", n)


def _write_jsonl(events: Iterable[Event], out: IO[str], documents: Mapping[str, Document] | None) -> ExportResult:
    n = 0
    for event in events:
        out.write(json.dumps(to_dict(event), ensure_ascii=False, default=str))
        out.write("\n")
        n += 1
    return ExportResult("jsonl", n)


def _has_coordinates(row: Mapping[str, Any]) -> bool:
    lat, lon = row["latitude"], row["longitude"]
    if lat is None or lon is None:
        return False
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


def _write_geojson(events: Iterable[Event], out: IO[str], documents: Mapping[str, Document] | None) -> ExportResult:
    # Written feature by feature so a large export does not build the whole collection in memory.
    out.write('{"type": "FeatureCollection", "features": [')
    n = skipped = 0
    for event, row in _rows(events, documents):
        if not _has_coordinates(row):
            skipped += 1
            continue
        feature = {
            "type": "Feature",
            "id": event.id,
            "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
            "properties": row,
        }
        out.write(",\n" if n else "\n")
        out.write(json.dumps(feature, ensure_ascii=False, default=str))
        n += 1
    out.write("\n]}\n")
    if skipped:
        log.info("GeoJSON export left out %d events without coordinates", skipped)
    return ExportResult("geojson", n, skipped)


def _write_parquet(events: Iterable[Event], path: Path, documents: Mapping[str, Document] | None,
                   *, chunk_size: int = 5000) -> ExportResult:
    import duckdb

    types = {c: COLUMN_TYPES.get(c, "VARCHAR") for c in CSV_COLUMNS} | {"record": "VARCHAR"}
    con = duckdb.connect(":memory:")
    try:
        con.execute("CREATE TABLE export (" + ", ".join(f'"{c}" {t}' for c, t in types.items()) + ")")
        chunk: list[dict[str, Any]] = []
        n = 0
        for event, row in _rows(events, documents):
            chunk.append({**row, "record": json.dumps(to_dict(event), ensure_ascii=False, default=str)})
            if len(chunk) >= chunk_size:
                n += insert_rows(con, "export", chunk, types)
                chunk = []
        n += insert_rows(con, "export", chunk, types)
        con.table("export").write_parquet(str(path))
    except duckdb.Error as exc:
        raise StoreError(f"cannot write parquet to {str(path)!r}: {exc}") from exc
    finally:
        con.close()
    return ExportResult("parquet", n)


_TEXT_WRITERS = {"csv": _write_csv, "jsonl": _write_jsonl, "geojson": _write_geojson}


def _check_format(fmt: str) -> str:
    name = fmt.lower().strip()
    if name == "table":
        raise StoreError("the 'table' format is drawn by the CLI; write_events writes " + ", ".join(FORMATS),
                         code="unknown_format")
    if name not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}: use one of " + ", ".join(FORMATS), code="unknown_format")
    return name


def write_events(events: Iterable[Event], fmt: str, out: IO[Any] | str | os.PathLike[str], *,
                 documents: Mapping[str, Document] | None = None) -> ExportResult:
    """Write events to ``out`` (a path or an open file) as csv, jsonl, geojson or parquet.

    ``documents`` (by id) fills the source and source_url columns. Text formats want a text stream and
    parquet a binary one; a path is opened (and closed) here, in UTF-8.
    """
    name = _check_format(fmt)
    if name == "parquet":
        if isinstance(out, (str, os.PathLike)):
            return _write_parquet(events, Path(out), documents)
        return _parquet_to_stream(events, out, documents)
    writer = _TEXT_WRITERS[name]
    if isinstance(out, (str, os.PathLike)):
        try:
            with open(out, "w", encoding="utf-8", newline="") as fh:
                return writer(events, fh, documents)
        except OSError as exc:
            raise StoreError(f"cannot write {name} to {os.fspath(out)!r}: {exc.strerror}") from exc
    if isinstance(out, (io.RawIOBase, io.BufferedIOBase)):
        raise StoreError(f"{name} is text: pass a text stream or a path, not a binary stream")
    return writer(events, out, documents)


def _parquet_to_stream(events: Iterable[Event], out: IO[Any], documents: Mapping[str, Document] | None) -> ExportResult:
    # DuckDB writes Parquet to paths only, so go through a temporary file.
    target = getattr(out, "buffer", out)  # sys.stdout carries bytes in .buffer
    if isinstance(target, io.TextIOBase):
        raise StoreError("parquet is binary: pass a path or a binary stream, not a text stream")
    with tempfile.TemporaryDirectory(prefix="sitrep-export-") as tmp:
        path = Path(tmp) / "events.parquet"
        result = _write_parquet(events, path, documents)
        with open(path, "rb") as fh:
            shutil.copyfileobj(fh, target)
    with contextlib.suppress(AttributeError, ValueError):
        target.flush()
    return result


__all__ = ["CSV_COLUMNS", "FORMATS", "ExportResult", "event_day", "flat_row", "iso_day", "write_events"]
