"""Loaders for the geoparsing gold layouts: LGL (and corpora in its schema), GeoWebNews ``GWN.xml`` and GeoVirus.

Each loader yields ``GoldDoc`` records whose toponym offsets have been checked against the text: a toponym whose
offsets do not cover its phrase is searched for near the given offset (GeoVirus offsets are off by one, LGL-schema
corpora drift by a few characters) and counted as ``unaligned`` when it cannot be found.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.errors import ConfigError
from sitrep.eval import select

# How far from the given offset a toponym's phrase may be found; drift in the LGL-schema corpora is a few
# characters, and a wider window would start matching other mentions of the same name.
ALIGN_WINDOW = 40


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    country: str | None = None  # a country name as the gold writes it ("United States"), when given
    kind: str | None = None  # GeoWebNews type (Literal, Metonymic, ...)


@dataclass(slots=True)
class GoldDoc:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)
    unaligned: list[str] = field(default_factory=list)  # phrases whose offsets could not be repaired


def align(text: str, start: int, end: int, phrase: str, *, window: int = ALIGN_WINDOW) -> tuple[int, int] | None:
    """The offsets of ``phrase`` at or nearest to ``start`` in ``text``, or None when it is not within ``window``."""
    if not phrase:
        return None
    if text[start:end] == phrase:
        return start, end
    lo = max(0, start - window)
    hi = min(len(text), start + len(phrase) + window)
    best = None
    pos = text.find(phrase, lo, hi)
    while pos != -1:
        if best is None or abs(pos - start) < abs(best - start):
            best = pos
        pos = text.find(phrase, pos + 1, hi)
    return None if best is None else (best, best + len(phrase))


def _float(text: str | None) -> float | None:
    text = (text or "").strip()
    return float(text) if text else None


def _int(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


def _add(doc: GoldDoc, start: str | None, end: str | None, phrase: str, **values) -> None:
    try:
        s, e = int((start or "").strip()), int((end or "").strip())
    except ValueError:
        doc.unaligned.append(phrase)
        return
    found = align(doc.text, s, e, phrase)
    if found is None:
        doc.unaligned.append(phrase)
    else:
        doc.toponyms.append(GoldToponym(start=found[0], end=found[1], phrase=phrase, **values))


def read_lgl(path: str | Path) -> Iterator[GoldDoc]:
    """``<article docid><text><toponyms><toponym><start><end><phrase><gaztag geonameid><lat><lon><country>``.

    Toponyms without a gaztag stay in the gold for recognition and have no coordinates.
    """
    for i, art in enumerate(_parse(path).iter("article")):
        doc = GoldDoc(id=art.get("docid") or str(i), text=art.findtext("text") or "")
        for t in art.iter("toponym"):
            gaz = t.find("gaztag")
            values: dict = {}
            if gaz is not None:
                values = {"lat": _float(gaz.findtext("lat")), "lon": _float(gaz.findtext("lon")),
                          "geonames_id": _int(gaz.get("geonameid")), "country": gaz.findtext("country")}
            _add(doc, t.findtext("start"), t.findtext("end"), (t.findtext("phrase") or "").strip(), **values)
        yield doc


def read_gwn(path: str | Path) -> Iterator[GoldDoc]:
    """``GWN.xml``: ``<article file><text><toponym><extractedName><type><start><end><geonamesID><latitude>…``.

    Only toponyms with coordinates are gold: the layout also marks expressions ("the city") and non-toponyms,
    which have none.
    """
    for i, art in enumerate(_parse(path).iter("article")):
        doc = GoldDoc(id=art.get("file") or str(i), text=art.findtext("text") or "")
        for t in art.iter("toponym"):
            lat, lon = _float(t.findtext("latitude")), _float(t.findtext("longitude"))
            if lat is None or lon is None:
                continue
            _add(doc, t.findtext("start"), t.findtext("end"), (t.findtext("extractedName") or "").strip(),
                 lat=lat, lon=lon, geonames_id=_int(t.findtext("geonamesID")), kind=t.findtext("type"))
        doc.toponyms.sort(key=lambda g: g.start)
        yield doc


def read_geovirus(path: str | Path) -> Iterator[GoldDoc]:
    """``<articles><article><source><text><locations><location><name><start><end><lat><lon><page>``."""
    for i, art in enumerate(_parse(path).iter("article")):
        doc = GoldDoc(id=(art.findtext("source") or "").strip() or str(i), text=art.findtext("text") or "")
        for loc in art.iter("location"):
            _add(doc, loc.findtext("start"), loc.findtext("end"), (loc.findtext("name") or "").strip(),
                 lat=_float(loc.findtext("lat")), lon=_float(loc.findtext("lon")))
        doc.toponyms.sort(key=lambda g: g.start)
        yield doc


READERS = {"lgl": read_lgl, "gwn": read_gwn, "geovirus": read_geovirus}


def read_gold(paths: list[str], *, fmt: str, limit: int | None = None, part: str = "all") -> list[GoldDoc]:
    """Documents of every file in ``paths`` in the layout ``fmt`` that belong to ``part`` (keyed by the LGL
    docid, the GeoWebNews file attribute, the GeoVirus source URL), at most ``limit`` of them."""
    reader = READERS.get(fmt)
    if reader is None:
        raise ConfigError(f"unknown geoparsing format {fmt!r}; use one of {', '.join(READERS)}")
    return select((doc for path in paths for doc in reader(path)), lambda d: d.id, part=part, limit=limit)


def _parse(path: str | Path) -> ET.Element:
    p = Path(path)
    if p.is_dir():
        raise ConfigError(f"{p} is a folder: give the XML file itself (lgl.xml, GWN.xml, GeoVirus.xml)")
    try:
        return ET.parse(p).getroot()
    except (OSError, ET.ParseError) as exc:
        raise ConfigError(f"cannot read {p} as geoparsing gold XML: {exc}") from exc
