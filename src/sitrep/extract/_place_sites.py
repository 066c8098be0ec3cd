"""Sites inside a town: streets, buildings, bases and other named places a gazetteer of towns and regions lacks.

"a car bomb on Haifa Street", "the Seoul Central District Court", "Baghdad International Airport": the name of a
site ends in a word such as Street, Court or Airport.  Such a name is one mention, not a town plus some words
("Douglas" in "Marjory Stoneman Douglas High School" is a person), and its point is the town that opens the name
or follows its "of" ("Baghdad International Airport"), else, and always for a street, the town the article names
there.  Its precision is
``near``: the site is in or beside that point, not on it.
"""

from __future__ import annotations

from collections.abc import Callable

from sitrep.extract._place_cues import embedded_runs
from sitrep.extract.common.text import sentence_index_at
from sitrep.model import Annotations

# Last word of a site's name.  Rivers, lakes, mountains and islands are not here: they lie outside any one town.
SITE_WORDS = frozenset({
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive", "highway", "square",
    "plaza", "parade", "bridge", "canal", "airport", "airfield", "airbase", "station", "terminal", "port", "harbour",
    "harbor", "hospital", "clinic", "school", "academy", "college", "university", "institute", "library", "museum",
    "cathedral", "church", "chapel", "mosque", "shrine", "temple", "synagogue", "basilica", "monastery",
    "court", "courthouse", "prison", "jail", "penitentiary", "embassy", "consulate", "palace", "castle", "tower",
    "stadium", "arena", "centre", "center", "hall", "market", "bazaar", "mall", "hotel", "estate", "gardens",
    "cemetery", "camp", "base", "barracks", "checkpoint", "compound", "complex", "office", "headquarters",
    "ministry", "refinery", "factory", "plant", "dam", "mine", "village", "quarter", "park", "club", "zoo",
})
# Words a gazetteer knows as places but that, opening a site's name, describe it ("Central Mental Hospital",
# "Federal University of Technology", "South Kilburn Estate") rather than locate it.
_GENERIC = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower",
    "federal", "national", "royal", "new", "old", "grand", "great", "saint", "st", "mount", "fort", "union",
    "international", "regional", "metropolitan", "memorial", "state", "city", "county", "general", "liberty",
    "independence", "freedom", "victory", "unity", "peace", "pleasant", "golden", "green", "white", "red", "black",
    "area", "region", "district", "zone", "island", "islands", "valley", "hills", "lake", "river", "town", "village",
    "coast", "bay", "beach", "point", "metro", "historic", "downtown", "uptown", "midtown", "politics", "building",
    "sea", "ocean", "strait", "straits", "channel", "gulf", "cape", "peninsula",
})
_THOROUGHFARES = frozenset({"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive",
                           "highway", "parade"})
_JOINERS = frozenset({"of", "the", "de", "al", "el"})  # not "and" (two sites), nor "'s" ("Russia's Foreign Ministry")
MAX_SITE = 8


def site_extent(ann: Annotations, start: int, end: int) -> tuple[int, int] | None:
    """The whole name of the site around tokens ``[start, end)``, when the capitalised words there end in a site
    word: "Seoul Central District Court" around "Seoul"; None when the name is not a site's."""
    toks = ann.tokens
    sentence_start, sentence_end = _sentence_bounds(ann, start)
    lo = start
    while lo > sentence_start and end - lo < MAX_SITE and toks[lo - 1].end + 1 >= toks[lo].start:
        if _name_word(ann, lo - 1):
            lo -= 1
        elif toks[lo - 1].text.lower() in _JOINERS and lo - 2 >= sentence_start and _name_word(ann, lo - 2):
            lo -= 2  # "University of Alberta" around "Alberta"
        else:
            break
    hi = end
    while hi < sentence_end and hi - lo < MAX_SITE and toks[hi].start <= toks[hi - 1].end + 1 and (
            _name_word(ann, hi) or (toks[hi].text.lower() in _JOINERS and hi + 1 < sentence_end and _name_word(ann, hi + 1))):
        hi += 1
    while lo < hi and toks[lo].text.lower() in _JOINERS:
        lo += 1
    # the site word closes the name: "Florida Highway Patrol" is an agency, "Robinson College Cambridge" a town's
    if hi - lo < 2 or toks[hi - 1].text.lower() not in SITE_WORDS or not toks[hi - 1].text[:1].isupper():
        return None
    return lo, hi


def site_town(ann: Annotations, start: int, end: int, contains: Callable[[str], bool]) -> tuple[int, int] | None:
    """The town that locates a site: the known name opening it or following its "of" ("Baghdad International
    Airport", "University of Alberta"); never a describing word ("Central"), nor a name with "'s" (a saint's or a
    founder's: "St. Peter's Basilica")."""
    toks = ann.tokens
    if toks[end - 1].text.lower().rstrip(".") in _THOROUGHFARES:
        return None  # a street named after a town is rarely in it: "Haifa Street" is in Baghdad
    for s, e in embedded_runs(ann, start, end, contains):
        words = [t.text.lower().rstrip(".") for t in toks[s:e]]
        if all(w in _GENERIC or w in SITE_WORDS for w in words):
            continue
        if e < len(toks) and toks[e].text in ("'s", "’s", "'", "’"):
            continue
        if s > start and toks[s - 1].text.lower() not in ("of", "the"):
            continue  # a known name in the middle of a site's name is someone's: "Marjory Stoneman Douglas High School"
        return s, e
    return None


def inner_names(ann: Annotations, start: int, end: int, contains: Callable[[str], bool], *,
                tail: bool = True) -> list[tuple[int, int]]:
    """Known names inside a span the gazetteer does not know as a whole: the one opening it or following an "of"
    ("Montgomery County" in "Montgomery County Democrats") and, with ``tail``, the one closing it ("Italy" in
    "Greece Italy"; not for a facility: "Combat Outpost Munoz" is named after a person); describing words alone
    ("Eastern", "Area") do not count."""
    toks = ann.tokens
    runs = embedded_runs(ann, start, end, contains)
    for i in range(max(start + 1, end - MAX_SITE), end if tail else start):
        if contains(ann.text[toks[i].start : toks[end - 1].end]):
            runs.append((i, end))  # the longest known tail
            break
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(runs)):
        words = toks[s:e]
        if all(t.text.lower().rstrip(".") in _GENERIC or t.text.lower() in SITE_WORDS for t in words) or not all(
                t.text[:1].isupper() or t.text.lower() in _JOINERS for t in words):
            continue
        if not any(s < o_e and o_s < e for o_s, o_e in out):
            out.append((s, e))
    return out


def _name_word(ann: Annotations, i: int) -> bool:
    t = ann.tokens[i]
    return t.text[:1].isupper() and (t.pos in ("PROPN", "NOUN", "ADJ") or t.text.lower() in SITE_WORDS)


def _sentence_bounds(ann: Annotations, i: int) -> tuple[int, int]:
    if not ann.sentences:
        return 0, len(ann.tokens)
    sentence = ann.sentences[sentence_index_at(ann, ann.tokens[i].start)]
    return sentence.token_start, sentence.token_end


__all__ = ["SITE_WORDS", "inner_names", "site_extent", "site_town"]
