"""Name keys of the gazetteer: how a place name is folded for look-up, and the other keys it is also found under."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Arabic article forms: "Al Fallujah" is written "Fallujah" as often as not.
ARTICLES = ("al ", "el ", "ar ", "as ", "ad ", "an ", "at ", "az ", "ash ", "adh ", "ath ")
# Countries whose place names carry the Arabic article; elsewhere "El Paso" must not become "Paso".
_ARTICLE_COUNTRIES = frozenset(
    ["AE", "BH", "DZ", "EG", "EH", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SO", "SY", "TN", "YE", "TD", "IL"]
)
ADMIN_SUFFIXES = re.compile(
    r" (governorate|province|oblast|region|state|prefecture|muhafazah|wilayah|wilayat|krai|kray|county|district|department|republic|respublika)$"
)
_APOSTROPHES = dict.fromkeys(map(ord, "'’‘ʿʾ`´ʼʻ\".,"), None)
_DASHES = dict.fromkeys(map(ord, "-‐‑‒–—―_/"), " ")
_KEY_OK = re.compile(r"[a-z ]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)  # the same names recur across documents
def normalize_name(name: str) -> str:
    """The look-up key of a name: casefolded, without accents, apostrophes or hyphens."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.casefold().translate(_APOSTROPHES).translate(_DASHES)
    return _SPACES.sub(" ", bare).strip()


# GeoNames writes a compass point in a region's name as two words ("North-West", "South West") where news often
# writes one ("the Northwest region"), and the other way round: each form is also looked up as the other.
_COMPASS = re.compile(r"\b(north|south)\s?(east|west)\b")


def compass_variant(key: str) -> str | None:
    """``key`` with its compass point written the other way ("northwest" <-> "north west"), if it has one."""
    match = _COMPASS.search(key)
    if match is None:
        return None
    joined = " " not in match.group(0)
    point = f"{match.group(1)} {match.group(2)}" if joined else f"{match.group(1)}{match.group(2)}"
    return key[: match.start()] + point + key[match.end() :]


def name_variants(key: str, country: str | None, *, admin: bool = False) -> list[str]:
    """Extra keys under which a place is also written (without the article, without "province")."""
    out = []
    if country in _ARTICLE_COUNTRIES:
        for article in ARTICLES:
            if key.startswith(article) and len(key) > len(article) + 2:
                out.append(key[len(article) :])
                break
    if admin:
        for k in [key, *out]:
            stripped = ADMIN_SUFFIXES.sub("", k)
            if stripped != k and len(stripped) > 2:
                out.append(stripped)
    return out


def usable_key(key: str) -> bool:
    # Latin-script names only: the pipeline reads English text.
    return len(key) >= 2 and _KEY_OK.fullmatch(key) is not None


def not_codes(names: Iterable[str]) -> list[str]:
    # GeoNames lists airport codes ("OSM" for Mosul) among a city's alternate names.
    return [n for n in names if not (n.isupper() and len(n) <= 4)]


def ascii_name(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_APOSTROPHES).strip()


__all__ = ["ADMIN_SUFFIXES", "ARTICLES", "ascii_name", "name_variants", "normalize_name", "not_codes", "usable_key"]
