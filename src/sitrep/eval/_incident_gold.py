"""Incident gold (``DIR/gold.jsonl`` + ``DIR/texts/<id>.txt``): the loader, validated line by line.

The layout and the coding conventions are in ../shared/datasets/INCIDENTS.md.  Every line becomes a
``GoldArticle`` or a ``ConfigError`` that names the file, the line and the field, so a typo in an
annotation is found when the set is read, not as a strange figure later.  Dates become closed ranges
of ``datetime.date`` here, once, so the matcher only compares ranges.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sitrep.errors import ConfigError

FAMILIES = ("battles", "explosions_remote_violence", "violence_against_civilians", "protests", "riots",
            "strategic_developments")
STATUSES = ("news", "background", "denied", "threatened")
PLACE_PRECISIONS = ("town", "district", "province", "country")
COARSE_PRECISIONS = ("province", "country")  # matched by country and 300 km, not 50 km

_VALUE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Toll:
    low: int
    high: int | None  # None: no upper bound was coded

    def holds(self, n: int) -> bool:
        return self.low <= n and (self.high is None or n <= self.high)


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldEvent:
    family: str
    status: str
    subtype: str | None = None
    day: str | None = None  # the date's value when it is a single day ("2017-08-11"), else None
    date_text: str | None = None  # the value or range as coded, for listings
    first: date | None = None  # the gold range (not yet widened); None: the text gives no date
    last: date | None = None
    place_name: str | None = None
    country: str | None = None
    lat: float | None = None  # None: the text gives no place
    lon: float | None = None
    precision: str = "town"
    killed: Toll | None = None
    injured: Toll | None = None
    asserted_by: tuple[str, ...] = ()
    evidence: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldArticle:
    id: str
    line: int
    text_path: Path
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    source: str | None = None
    events: tuple[GoldEvent, ...] = ()
    speakers: tuple[str, ...] = ()  # one per gold claim, as written


def gold_path(path: str | Path) -> Path:
    """``DIR/gold.jsonl`` for a DIR, or the file itself when given."""
    p = Path(path)
    target = p / "gold.jsonl" if p.is_dir() else p
    if not target.is_file():
        raise ConfigError(f"{target} not found: sitrep-incidents reads DIR/gold.jsonl and DIR/texts/<id>.txt "
                          "(see ../shared/datasets/INCIDENTS.md)")
    return target


def load_gold(path: str | Path) -> Iterator[GoldArticle]:
    """The articles of one layout, in file order; a bad line or a missing text raises ``ConfigError``."""
    gold = gold_path(path)
    seen: set[str] = set()
    with open(gold, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = f"{gold}:{n}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{where}: not JSON ({exc})") from exc
            article = article_from_dict(row, where=where, texts=gold.parent / "texts", line=n)
            if article.id in seen:
                raise ConfigError(f"{where}: id {article.id!r} appears twice; ids name the texts and must be unique")
            seen.add(article.id)
            if not article.text_path.is_file():
                raise ConfigError(f"{where}: the text of article {article.id!r} is missing ({article.text_path}); "
                                  "lay the texts out first (tools/lay_out_incidents.py)")
            yield article


def article_from_dict(row: Any, *, where: str, texts: Path, line: int = 0) -> GoldArticle:
    if not isinstance(row, Mapping):
        raise ConfigError(f"{where}: a gold line is a JSON object, not {type(row).__name__}")
    art_id = row.get("id")
    if not isinstance(art_id, str) or not art_id.strip() or "/" in art_id:
        raise ConfigError(f"{where}: 'id' must be a non-empty string without '/', got {art_id!r}")
    where = f"{where} (id {art_id!r})"
    published = row.get("published")
    if published is not None:  # a day, or only the month when that is all the page tells (as ingest takes it)
        published = str(published).strip()
        if re.fullmatch(r"\d{4}-\d{2}", published) is None or value_range(published) is None:
            _day(published, where, "published")
    events, claims = row.get("events"), row.get("claims", [])
    if not isinstance(events, list) or not isinstance(claims, list):
        raise ConfigError(f"{where}: 'events' and 'claims' must be lists")
    speakers = []
    for i, claim in enumerate(claims):
        if not isinstance(claim, Mapping) or not isinstance(claim.get("speaker") or "", str):
            raise ConfigError(f"{where}: claims[{i}] must be an object with a 'speaker' string")
        speakers.append(claim.get("speaker") or "")
    return GoldArticle(id=art_id, line=line, text_path=texts / f"{art_id}.txt", url=_str(row, "url", where),
                       outlet=_str(row, "outlet", where), published=published, source=_str(row, "source", where),
                       events=tuple(event_from_dict(e, where=f"{where} events[{i}]") for i, e in enumerate(events)),
                       speakers=tuple(speakers))


def event_from_dict(ev: Any, *, where: str) -> GoldEvent:
    if not isinstance(ev, Mapping):
        raise ConfigError(f"{where}: an event is a JSON object")
    family, status = ev.get("family"), ev.get("status")
    if family not in FAMILIES:
        raise ConfigError(f"{where}: family {family!r} is not one of {', '.join(FAMILIES)}")
    if status not in STATUSES:
        raise ConfigError(f"{where}: status {status!r} is not one of {', '.join(STATUSES)}")
    asserted = ev.get("asserted_by") or []
    if isinstance(asserted, str):
        asserted = [asserted]
    if not isinstance(asserted, list) or not all(isinstance(a, str) for a in asserted):
        raise ConfigError(f"{where}: 'asserted_by' must be a list of strings")
    first, last, day, date_text = _date_range(ev.get("date"), where)
    place = _place(ev.get("place"), where)
    return GoldEvent(family=family, status=status, subtype=_str(ev, "subtype", where), day=day, date_text=date_text,
                     first=first, last=last, **place, killed=_toll(ev.get("killed"), f"{where} killed"),
                     injured=_toll(ev.get("injured"), f"{where} injured"), asserted_by=tuple(asserted),
                     evidence=_str(ev, "evidence", where) or "")


def value_range(value: str) -> tuple[date, date] | None:
    """The days a reduced ISO value covers: a day, a whole month or a whole year; None when it is not one."""
    m = _VALUE.match(value.strip())
    if not m:
        return None
    year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    try:
        if day:
            return date(year, month, day), date(year, month, day)
        if month:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def _date_range(d: Any, where: str) -> tuple[date | None, date | None, str | None, str | None]:
    if d is None:
        return None, None, None, None
    if not isinstance(d, Mapping):
        raise ConfigError(f"{where}: 'date' must be an object {{value, earliest, latest}} or null")
    value = d.get("value")
    covered = None
    if value is not None:
        covered = value_range(value) if isinstance(value, str) else None
        if covered is None:
            raise ConfigError(f"{where}: date value {value!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    first = _day(d.get("earliest"), where, "earliest") or (covered[0] if covered else None)
    last = _day(d.get("latest"), where, "latest") or (covered[1] if covered else None)
    if first is None and last is None:  # {"value": null, ...}: coded as undated, like a null date
        return None, None, None, None
    first, last = first or last, last or first
    if first > last:  # type: ignore[operator]
        raise ConfigError(f"{where}: date earliest {first} is after latest {last}")
    if value is None:  # a range coded without a value: a day when it is one day long
        return first, last, first.isoformat() if first == last else None, f"{first}..{last}"  # type: ignore[union-attr]
    return first, last, value if covered[0] == covered[1] else None, value  # type: ignore[index]


def _day(value: Any, where: str, field: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ConfigError(f"{where}: {field} {value!r} is not a YYYY-MM-DD date") from exc


def _place(p: Any, where: str) -> dict[str, Any]:
    if p is None:
        return {}
    if not isinstance(p, Mapping):
        raise ConfigError(f"{where}: 'place' must be an object or null")
    precision = p.get("precision") or "town"
    if precision not in PLACE_PRECISIONS:
        raise ConfigError(f"{where}: place precision {precision!r} is not one of {', '.join(PLACE_PRECISIONS)}")
    lat, lon = p.get("lat"), p.get("lon")
    if (lat is None) != (lon is None):
        raise ConfigError(f"{where}: the place has only one of lat/lon")
    if lat is not None and not (all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lat, lon))
                                and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ConfigError(f"{where}: place lat/lon {lat!r}, {lon!r} are not coordinates in degrees")
    country = p.get("country")
    return {"place_name": _str(p, "name", where), "country": country.upper() if isinstance(country, str) else None,
            "lat": float(lat) if lat is not None else None, "lon": float(lon) if lon is not None else None,
            "precision": precision}


def _toll(t: Any, where: str) -> Toll | None:
    if t is None:
        return None
    if not isinstance(t, Mapping):
        raise ConfigError(f"{where}: a toll is {{low, high}} or null, got {t!r}")
    low, high = t.get("low"), t.get("high")
    if not _is_count(low) or not (high is None or _is_count(high)) or (high is not None and high < low):
        raise ConfigError(f"{where}: a toll needs integers 0 <= low <= high, got {dict(t)!r}")
    return Toll(low=low, high=high)


def _is_count(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


def _str(row: Mapping[str, Any], key: str, where: str) -> str | None:
    v = row.get(key)
    if v is not None and not isinstance(v, str):
        raise ConfigError(f"{where}: {key!r} must be a string or null, got {v!r}")
    return v
