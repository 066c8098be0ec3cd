"""Where a distance and a direction from a town put something: "a roadside bomb struck a patrol about 80 km south
of Kirkuk", "à 80 km au sud de Kirkouk", "20 miles (32 km) north-west of Mosul". The town stays the toponym it is
(the places stage resolves "Kirkuk" to Kirkuk); what happened there is that far along that bearing. The words are
the language's (``places.yaml``: near_links, bearings, distance_units). Only digits are read as the distance, and
only a direction right before the link word counts, so "the north of Kirkuk" or "south Kirkuk" stay put.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from math import cos, radians, sin

from sitrep.model import Annotations

_KM_PER_DEGREE = 111.2
_NUMBER = re.compile(r"^\d{1,4}(?:[.,]\d+)?$")
_REACH = 9  # tokens looked at before the name


def offset_before(ann: Annotations, start: int, *, links: Collection[str], bearings: Mapping[str, float],
                  units: Mapping[str, float]) -> tuple[float, float] | None:
    """(distance in km, bearing in degrees clockwise from north) written right before the name at token
    ``start`` ("80 km south of" + name), or None."""
    toks = ann.tokens
    j = start - 1
    if j < 1 or toks[j].text.lower() not in links:
        return None
    j -= 1
    word = toks[j].text.lower()
    if j >= 2 and toks[j - 1].text == "-":  # "south-west" split by the tokenizer
        word, j = f"{toks[j - 2].text.lower()}-{word}", j - 2
    bearing = bearings.get(word)
    if bearing is None:
        return None
    for k in range(j - 1, max(0, start - _REACH), -1):
        unit = toks[k].text.lower()
        if unit in units and _NUMBER.match(toks[k - 1].text):
            return float(toks[k - 1].text.replace(",", ".")) * units[unit], bearing
    return None


def before_title(ann: Annotations, start: int, titles: Collection[str]) -> int:
    """Where the name at token ``start`` begins once the title in front of it is counted in: "the capital" of "80 km
    north of the capital Bangui", "the Central African Republic capital" (articles, adjectives, names and
    possessives before a settlement word of ``titles`` right before the name). ``start`` itself when there is no
    such title."""
    toks = ann.tokens
    if start < 2 or toks[start - 1].text.lower() not in titles:
        return start
    j = start - 1
    while j > 0 and start - j < _TITLE_REACH and toks[j - 1].pos in _TITLE_POS:
        j -= 1
    return j


# Parts of speech of the words of a title before a name ("the provincial capital", "Niger's northern town").
_TITLE_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "PART"})
_TITLE_REACH = 7


def moved(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) along ``bearing`` (flat steps: such distances are tens of km)."""
    b = radians(bearing)
    dlat = km * cos(b) / _KM_PER_DEGREE
    dlon = km * sin(b) / (_KM_PER_DEGREE * max(cos(radians(lat)), 0.01))
    return round(lat + dlat, 5), round(lon + dlon, 5)


__all__ = ["before_title", "moved", "offset_before"]
