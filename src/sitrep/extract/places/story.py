"""The story's map: where an article is, on firm evidence, and the candidates that lie far off it.

A village the gazetteer does not know often shares its name with a hamlet abroad: "Bule" in Ituri is also an other
name of Bulle in Switzerland, "la ville de Mann" in Centrafrique one of the Isle of Man.  When the rest of the
article is firmly in Congo, such a namesake is no answer at all; the mention is better left unresolved (an event
there then takes the area the text puts around it) than placed 5,000 km away.

Firm evidence is what a reader would go by: a country named, a region named as one ("le territoire de Djugu",
"Anbar province") or a state by its name, a city that is known abroad, a landmark, the dateline; not a demonym ("a
Japanese man" killed in Dundalk says nothing of where Dundalk is).  A hamlet's namesake is no evidence, so two of
them cannot vouch for each other ("Bule" in Switzerland, "Plaine" in France).  A candidate is off the map when it
is obscure (a hamlet, or named by another of its names), its country is not among the firm ones and it lies farther
than ``OFF_MAP_KM`` from every firm point, or the text names another kind of place (a district abroad for "Ilala
village").  Candidates off the map drop out and the ranking chooses among the rest; a name whose candidates are all
off the map is left unresolved.  No words here.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace

from sitrep.extract.common.text import is_dateline_span
from sitrep.extract.places.cues import is_upper_dateline
from sitrep.extract.places.records import EntryLike, GazetteerLike, Mention, Ranked, Toponym
from sitrep.model import Annotations

# Far enough that a namesake there is in another part of the world than every firm place of the article, and more
# than a neighbour left unnamed (a Nigerien village in a story about Mali lies within 1,000 km of Mali's centre):
# set by hand.
OFF_MAP_KM = 1500.0
# A city this populous is known abroad by its own name; by any of its names ("Pékin"), from a million.
FAMOUS_POPULATION = 100_000
FAMOUS_BY_ANY_NAME = 1_000_000
# A namesake this small by its own name is a hamlet: it could be anywhere.  Set by hand, below the towns a local
# paper names without their state (Zionsville, 14,000 people, is no hamlet); a namesake by another of its names
# only ("Bule" for Bulle) is obscure whatever its size below FAMOUS_BY_ANY_NAME.
HAMLET_POPULATION = 20_000
# Farther than a metropolitan area and the counties around it, which a local paper names without their state (Gary,
# Indiana, from Chicago: 40 km); nearer than the next state's towns it would qualify: set by hand.
OTHER_STATE_KM = 250.0
_STATES = ("country", "admin1", "region")
_AREAS = ("admin1", "admin2", "region")

Point = tuple[float, float]


@dataclass(frozen=True)
class Anchor:
    """A firm place of the story: its country, its state (none for a country), its point and how often it is named."""

    country: str | None
    admin1: str | None
    point: Point
    named: int  # how many times the article names it


def on_the_map(ann: Annotations, ranked: list[Ranked], gazetteer: GazetteerLike,
               dateline_country: str | None) -> list[Ranked]:
    """Each toponym's candidates without the obscure ones off the story's map, as the article's other names (as
    ranked) and its dateline draw it."""
    fixed = [] if not dateline_country else [
        Anchor(dateline_country.upper(), None, p, 1) for p in [_country_point(dateline_country, gazetteer)] if p]
    starts = {sent.token_start for sent in ann.sentences}
    # the dateline is the paper's word for where the story is, however small the town ("BANTAM —")
    firm = _fitting([(r.toponym, r.scored[0][1]) for r in ranked if r.scored and (
        _firm(r.toponym, r.scored[0][1], gazetteer) or _dateline(ann, r.toponym.mention, starts))], gazetteer)
    named = Counter(r.toponym.key for r in ranked)
    states = Counter((r.scored[0][1].country, r.scored[0][1].admin1) for r in ranked if r.scored)
    out = []
    for r in ranked:
        anchors = [Anchor(c.country, None if c.feature == "country" else c.admin1, (c.lat, c.lon), named[key])
                   for key, c in firm if key != r.toponym.key if c.lat is not None and c.lon is not None] + fixed
        if not anchors or _dateline(ann, r.toponym.mention, starts):
            out.append(r)
            continue
        # a name with nothing on the map is left unresolved; of the others, a candidate off the map abroad drops out
        # and which of the rest fits is the ranking's call (a town in another state of the story's country stays: it
        # is still nearer the story than a namesake abroad)
        times, countries = named[r.toponym.key], {a.country for a in anchors}
        off = [_off_map(c, r.toponym, anchors, countries, gazetteer, times, states[(c.country, c.admin1)])
               for _, c in r.scored]
        kept = () if all(off) else tuple(sc for sc, gone in zip(r.scored, off, strict=True)
                                         if not (gone and sc[1].country not in countries))
        out.append(replace(r, scored=kept) if len(kept) < len(r.scored) else r)
    return _one_place_per_name(out, {c.country for _, c in firm} | {a.country for a in fixed})


def _fitting(firm: list[tuple[Toponym, EntryLike]], gazetteer: GazetteerLike) -> list[tuple[str, EntryLike]]:
    """The firm places that draw the map: a great city named by another of its names ("Pékin") only where the
    places named by their own names leave room for it (none, or one in its country or within ``OFF_MAP_KM``).
    "Otawa", a village of a story about Zamfara State, is one of Ottawa's other names; it must not draw Canada on
    the map and vouch for "Barin" as a Berlin in New Hampshire."""
    def by_other_name(t: Toponym, c: EntryLike) -> bool:
        return c.feature == "city" and not _own_name(c, t, gazetteer)

    own = [c for t, c in firm if not by_other_name(t, c)]
    countries = {c.country for c in own}

    def fits(c: EntryLike) -> bool:
        return not own or c.country in countries or (c.lat is not None and c.lon is not None and any(
            o.lat is not None and o.lon is not None and km(c.lat, c.lon, o.lat, o.lon) <= OFF_MAP_KM for o in own))

    return [(t.key, c) for t, c in firm if not by_other_name(t, c) or fits(c)]


def _one_place_per_name(ranked: list[Ranked], countries: set[str | None]) -> list[Ranked]:
    """A name the article places in one of its firm countries is that place wherever else it writes it: "the road
    to Palma" in a Cabo Delgado story and, later, "25 km from Palma town" are one Palma, not a town in Spain."""
    home: dict[str, EntryLike] = {}
    for r in ranked:
        if r.scored and r.scored[0][1].country in countries:
            home.setdefault(r.toponym.key, r.scored[0][1])
    out = []
    for r in ranked:
        own = home.get(r.toponym.key)
        if own is not None and r.scored and r.scored[0][1].country not in countries:
            same = [sc for sc in r.scored if sc[1].geonames_id == own.geonames_id]
            if same:
                r = replace(r, scored=(same[0], *(sc for sc in r.scored if sc is not same[0])))
        out.append(r)
    return out


def _dateline(ann: Annotations, m: Mention, sentence_starts: set[int]) -> bool:
    """Where the report was filed ("PLEASANTON, Calif. --"): its own evidence, whatever else the article names."""
    start, end = ann.tokens[m.start].start, ann.tokens[m.end - 1].end
    return is_upper_dateline(ann, m.start, m.end, sentence_starts) or is_dateline_span(ann, start, end)


def _firm(t: Toponym, c: EntryLike, gazetteer: GazetteerLike) -> bool:
    """Whether ``t`` resolved to ``c`` places the article for a reader: a famous place, or a region named as one."""
    if t.mention.weak and not t.mention.hint and not (c.feature == "country" and _own_name(c, t, gazetteer)):
        return False  # a name the model did not call a place is no firm evidence, unless a country's own name
    return famous(c, t, gazetteer) or _fits_hint(c, t)


def _fits_hint(c: EntryLike, t: Toponym) -> bool:
    """The text names the kind of place the entry is ("le territoire de Djugu", "Boone County", "la ville de X")."""
    hint = t.mention.hint
    return (hint in _AREAS and c.feature in _AREAS) or (hint == "city" and c.feature == "city")


def famous(c: EntryLike, t: Toponym, gazetteer: GazetteerLike) -> bool:
    """A country, a state or a landmark of the reviewed table ("the Kremlin"), unless the text calls it a town ("la
    ville de Mann" is no Isle of Man), or a city known abroad: by its own name from ``FAMOUS_POPULATION``, by any
    from ``FAMOUS_BY_ANY_NAME``."""
    if c.feature in _STATES or c.feature == "landmark":
        return t.mention.hint != "city"
    if c.feature != "city":
        return False
    return c.population >= FAMOUS_BY_ANY_NAME or (c.population >= FAMOUS_POPULATION and _own_name(c, t, gazetteer))


def _obscure(c: EntryLike, t: Toponym, gazetteer: GazetteerLike) -> bool:
    """A place the mention names only by one of its other names, or a one-word namesake of a hamlet; never the
    kind of district or region the text names.  A name of several words that is the entry's own ("Licking County": GeoNames
    gives districts no population) is no chance match."""
    if famous(c, t, gazetteer) or (t.mention.hint in _AREAS and c.feature in _AREAS):
        return False  # "le territoire de Djugu", "Boone County"; "la localité de Shari" is no Shirley, Texas
    if not _own_name(c, t, gazetteer):
        return True
    return " " not in t.key and c.population < HAMLET_POPULATION


def _own_name(c: EntryLike, t: Toponym, gazetteer: GazetteerLike) -> bool:
    """The entry's own name, or its first words ("Clacton" for Clacton-on-Sea), as the mention writes it."""
    name = gazetteer.normalize(c.name)
    return name == t.key or name.startswith(t.key + " ")


def _off_map(c: EntryLike, t: Toponym, anchors: list[Anchor], countries: set[str | None], gazetteer: GazetteerLike,
             times: int, in_state: int) -> bool:
    """Whether candidate ``c`` of a name the article gives ``times`` times lies off the map ``anchors`` (in
    ``countries``) draw; ``in_state`` is how many of the article's names (this one's included) are placed in ``c``'s
    state."""
    if not _obscure(c, t, gazetteer):
        return False
    if c.country not in countries and (t.mention.hint in _AREAS and c.feature not in _AREAS or (
            "city" in (t.mention.hint, t.mention.kind) and c.feature in _AREAS)):
        # "the eastern Shaab district" of a Baghdad story is no village of that name abroad, and "Ilala village" of a
        # Mozambique story no district of that name abroad
        return True
    # an entry without coordinates (a parish of Jamaica) is as far as its country
    point = (c.lat, c.lon) if c.lat is not None and c.lon is not None else _country_point(c.country or "", gazetteer)
    if point is None:
        return False
    if c.country in countries:
        # a hamlet of another state, far from every firm town or state of its country the story names: a paper
        # names a town out of its own area with the town's state ("Hubbard, Ohio"), so "Hubbard" in a Chicago story
        # is no town in Ohio; but the town a story is about, named more often than any firm place of its country,
        # is the story's own ("Laconia" six times, "Alaska" twice), and so is a state the article places other
        # names in ("Kanawha City" beside Charleston, West Virginia)
        local = [a for a in anchors if a.country == c.country and a.admin1]
        if not local or times > max(a.named for a in local) or in_state > times or c.population >= FAMOUS_POPULATION:
            return False  # a city that large is known in its own country by any of its names ("Dohuk" for Dahuk)
        return c.admin1 not in {a.admin1 for a in local} and all(km(*point, *a.point) > OTHER_STATE_KM for a in local)
    return all(km(*point, *a.point) > OFF_MAP_KM for a in anchors)


def _country_point(code: str, gazetteer: GazetteerLike) -> Point | None:
    entry = getattr(gazetteer, "country", lambda _code: None)(code)
    if entry is None or entry.lat is None or entry.lon is None:
        return None
    return entry.lat, entry.lon


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    dlat, dlon = math.radians(lat2 - lat1), math.radians(lon2 - lon1)
    h = math.sin(dlat / 2) ** 2 + math.cos(math.radians(lat1)) * math.cos(math.radians(lat2)) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


__all__ = ["FAMOUS_BY_ANY_NAME", "FAMOUS_POPULATION", "HAMLET_POPULATION", "OFF_MAP_KM", "OTHER_STATE_KM", "famous", "km", "on_the_map"]
