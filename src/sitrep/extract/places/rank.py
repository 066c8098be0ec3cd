"""Ranking: each toponym's candidates scored by their named features (``scoring.py``) in the article's context.

Two passes: the first ranks with the countries and regions the other names vote for; the second adds the article's
home region, the states and provinces of the other places as the first pass resolved them, and whether a candidate
lies near the other towns the first pass found (a story's places are usually within a day's drive of each other).  A place written
right after another with a comma qualifies it ("Alexandria, Louisiana"), and a bare "Kirkuk" is the city at
least as much as the governorate named after it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from sitrep.extract.places.context import region_context
from sitrep.extract.places.links import admin_links
from sitrep.extract.places.names import kind_after
from sitrep.extract.places.records import Context, EntryLike, GazetteerLike, Ranked, Toponym
from sitrep.extract.places.scoring import candidate_features, log_pop, score
from sitrep.extract.places.words import PlaceWords
from sitrep.model import Annotations

Scored = list[tuple[float, EntryLike]]
# Towns and sites have points that say where a story is; a country's or a province's centre does not.
_POINT_FEATURES = ("city", "admin2", "landmark")
# A candidate this close to another town of the article fits its map (a district and its town, two villages of one
# valley); set by hand, about a day's drive.
_NEAR_KM = 150.0
# A city (with a tenth of its region's people or more) scores this much above the region named like it.
_CITY_OVER_NAMESAKE = 0.05


def rank(ann: Annotations, toponyms: list[Toponym], contexts: list[Context], gazetteer: GazetteerLike,
         w: PlaceWords) -> list[Ranked]:
    links = admin_links([(t.key, t.candidates) for t in toponyms], gazetteer.normalize)
    first = [_scored(ann, toponyms, i, contexts[i], None, links[i], gazetteer, w) for i in range(len(toponyms))]
    # the states and provinces of the other places as first resolved (the article's home region); a country says
    # nothing about a region
    home = region_context(((t.key, t.mention.weak, [sc[0][1]] if sc and sc[0][1].feature != "country" else [])
                           for t, sc in zip(toponyms, first, strict=True)), gazetteer.normalize)
    # and the points of the other towns and sites as first resolved: a candidate near them fits the story's map
    points = [(t.key, sc[0][1].lat, sc[0][1].lon) for t, sc in zip(toponyms, first, strict=True)
              if sc and sc[0][1].feature in _POINT_FEATURES and sc[0][1].lat is not None and sc[0][1].lon is not None]
    return [Ranked(toponym=t, context=contexts[i],
                   scored=tuple(_scored(ann, toponyms, i, contexts[i], home[i], links[i], gazetteer, w,
                                        points=[(la, lo) for k, la, lo in points if k != t.key])))
            for i, t in enumerate(toponyms)]


def _scored(ann: Annotations, toponyms: list[Toponym], i: int, context: Context,
            home: Mapping[tuple[str, str], float] | None, linked: set[int], gazetteer: GazetteerLike,
            w: PlaceWords, points: list[tuple[float, float]] | None = None) -> Scored:
    t = toponyms[i]
    qualifier = _qualifier(ann, toponyms, i, w)
    qualifying = i > 0 and bool(_qualifier(ann, toponyms, i - 1, w))
    top = max((log_pop(c) for c in t.candidates if c.population), default=0.0)
    country_named = any(c.feature == "country" and gazetteer.normalize(c.name) == t.key for c in t.candidates)
    scored = [(_score(t, c, context, qualifier, gazetteer, w, qualifying=qualifying, top_log_pop=top, home=home,
                      linked=k in linked, country_named=country_named, near=_near(c, points)), c)
              for k, c in enumerate(t.candidates)]
    if not (t.mention.hint or t.mention.kind):
        scored = _prefer_city_over_its_namesake(scored)
    scored.sort(key=lambda sc: -sc[0])
    return scored


def _qualifier(ann: Annotations, toponyms: list[Toponym], i: int, w: PlaceWords) -> tuple[EntryLike, ...]:
    """Candidates of a place written right after this one with a comma ("Alexandria, Louisiana"), also after the
    words of its kind, and then with "of" too ("Bassa local government area, Plateau", "Wase Local Government Area
    of Plateau")."""
    if i + 1 >= len(toponyms):
        return ()
    toks = ann.tokens
    end = toponyms[i].mention.end
    after = kind_after(ann, end, w)
    if after >= len(toks) or not (toks[after].text == "," or (after > end and toks[after].text.lower() in w.of_words)):
        return ()
    nxt = toponyms[i + 1]
    return nxt.candidates if nxt.mention.start == after + 1 else ()


def _near(c: EntryLike, points: list[tuple[float, float]] | None) -> bool:
    """Whether the candidate lies within ``_NEAR_KM`` of another town or site of the article (as first resolved)."""
    if not points or c.lat is None or c.lon is None or c.feature not in _POINT_FEATURES:
        return False
    return any(_km(c.lat, c.lon, la, lo) <= _NEAR_KM for la, lo in points)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat, dlon = math.radians(lat2 - lat1), math.radians(lon2 - lon1)
    h = math.sin(dlat / 2) ** 2 + math.cos(math.radians(lat1)) * math.cos(math.radians(lat2)) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _score(t: Toponym, c: EntryLike, context: Context, qualifier: tuple[EntryLike, ...], gazetteer: GazetteerLike,
           w: PlaceWords, *, qualifying: bool, top_log_pop: float, home: Mapping[tuple[str, str], float] | None,
           linked: bool, country_named: bool, near: bool = False) -> float:
    m = t.mention
    own = _bare(gazetteer.normalize(c.name), w) == _bare(t.key, w)
    if own and c.feature == "city" and country_named and gazetteer.normalize(c.name) != t.key:
        own = False  # "Mexico" names the country; Mexico City is its own name only for "Gaza" and the like
    region = home_region = 0.0
    if c.feature in ("city", "admin1", "admin2", "landmark") and c.admin1:
        region = context.regions.get((c.country, c.admin1), 0.0) if context.regions else 0.0
        home_region = home.get((c.country, c.admin1), 0.0) if home else 0.0
    f = candidate_features(c, own_name=own, hint=m.hint or m.kind, label=m.label, qualifying=qualifying,
                           country_ctx=context.countries.get(c.country, 0.0) if c.country else 0.0,
                           region_ctx=region, qualifier_match=any(_qualifies(q, c) for q in qualifier),
                           top_log_pop=top_log_pop, home_region=home_region, admin_link=linked, near_others=near,
                           mention=m)
    return score(f)


def _qualifies(q: EntryLike, c: EntryLike) -> bool:
    """Whether ``q`` written after ``c`` ("Alexandria, Louisiana") names c's country or state."""
    if q.feature == "country":
        return q.country == c.country
    return q.feature in ("admin1", "region") and q.country == c.country and bool(c.admin1) and q.admin1 == c.admin1


def _prefer_city_over_its_namesake(scored: Scored) -> Scored:
    """A bare "Kirkuk" is the city more often than the governorate around it: the city scores at least as high."""
    out = []
    for s, c in scored:
        if c.feature == "city":
            # only a city that is a large part of its region: "Kirkuk", not the village of Minnesota, Minnesota
            namesakes = [s2 for s2, a in scored if a.feature in ("admin1", "admin2") and a.country == c.country
                         and a.admin1 == c.admin1 and c.population * 10 >= a.population]
            s = max([s, *(s2 + _CITY_OVER_NAMESAKE for s2 in namesakes)])
        out.append((s, c))
    return out


def _bare(key: str, w: PlaceWords) -> str:
    """A name without its article or a trailing "city": "Gaza" is Gaza City's own name, not an alternate."""
    for article in w.own_name_articles:
        if key.startswith(article):
            key = key[len(article) :]
            break
    for suffix in w.own_name_suffixes:
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            return key[: -len(suffix)]
    return key


__all__ = ["rank"]
