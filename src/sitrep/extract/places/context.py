"""Document context: which countries, and which first-level regions (states, provinces), an article is about.

Countries: the named countries, places that exist in one country only, demonyms ("the Turkish border") and the
dateline.  Regions: a local paper writes "Paris" for the Paris of its own state; the other places it names (the
state itself, its counties, towns that exist only there) say which state that is.  A name never vouches for
itself, in any of its mentions: five "Georgia"s in an article about Athens and Oconee County do not make it about
the Caucasus, and "Minnesota" must not favour the village of Minnesota.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sitrep.extract.places.records import Context, EntryLike, GazetteerLike, Mention, Toponym

# admin1 populations are sums over their towns, so their prior is lower than a city's to even that out
_FEATURE_PRIOR = {"country": 1.5, "region": 0.5, "landmark": 0.5, "admin1": 0.1, "city": 0.3, "admin2": -0.2}
# An article about Israel names Gaza as its own scene: a partner country gets this share of the country's weight.
_PARTNER_SHARE = 0.8
# "the Turkish border" says less about where things happen than a place name; a dateline says more.
_DEMONYM_WEIGHT = 0.25
_DATELINE_WEIGHT = 3
# A region named outright ("Texas", "Henry County") says more than a town that happens to exist in one region only.
_NAMED_WEIGHT = 1.0
_TOWN_WEIGHT = 0.5


def document_context(toponyms: list[Toponym], demonyms: Counter, gazetteer: GazetteerLike,
                     dateline_country: str | None) -> list[Context]:
    """For each toponym, the countries and regions the rest of the article is about."""
    countries = country_context(toponyms, demonyms, gazetteer, dateline_country)
    regions = region_context(((t.key, t.mention.weak, t.candidates) for t in toponyms), gazetteer.normalize)
    return [Context(countries=c, regions=r) for c, r in zip(countries, regions, strict=True)]


def country_context(toponyms: list[Toponym], demonyms: Counter, gazetteer: GazetteerLike,
                    dateline_country: str | None) -> list[dict[str, float]]:
    """For each toponym, how strongly the rest of the document is about each country (ISO code -> [0, 1])."""
    fixed: Counter = Counter()
    for country, n in demonyms.items():
        fixed[country] += _DEMONYM_WEIGHT * n
    if dateline_country:
        fixed[dateline_country.upper()] += _DATELINE_WEIGHT
    votes = [(t.key, _country_vote(t.mention, t.key, t.candidates, gazetteer)) for t in toponyms]
    weights = _without_own(votes, fixed)
    partners = getattr(gazetteer, "context_partners", None)
    if partners is None:
        return weights
    out = []
    for w in weights:
        shared = {p: _PARTNER_SHARE * v for c, v in w.items() for p in partners(c)}
        out.append({**w, **{p: max(v, w.get(p, 0.0)) for p, v in shared.items()}} if shared else w)
    return out


def region_context(mentions: Iterable[tuple[str, bool, Sequence[Any]]],
                   normalize: Callable[[str], str]) -> list[dict[tuple[str, str], float]]:
    """For each mention (given as ``(key, weak, candidates)``), (country, admin1) -> weight in [0, 1] from the
    mentions of *other* names (three "Arlington"s must not vote for Arlington County, Virginia)."""
    votes = []
    for key, weak, candidates in mentions:
        region = _region_of(key, candidates, normalize)
        votes.append((key, None if region is None else (region[0], region[1] * (0.5 if weak else 1.0))))
    return _without_own(votes, Counter())


def _country_vote(m: Mention, key: str, candidates: Sequence[EntryLike],
                  gazetteer: GazetteerLike) -> tuple[str, float] | None:
    if not candidates:
        return None
    share = 0.5 if m.weak else 1.0  # a name the model did not tag counts for less
    countries = {c.country for c in candidates if c.country}
    exact_country = [c for c in candidates if c.feature == "country" and gazetteer.normalize(c.name) == key]
    hinted = {c.country for c in candidates if m.hint and c.feature == m.hint}
    if exact_country:
        return exact_country[0].country, 2 * share
    if len(hinted) == 1:
        return hinted.pop(), share  # "the Donetsk region": only one country has a region of that name
    if len(countries) == 1:
        return countries.pop(), share
    ranked = sorted(candidates, key=lambda c: -_prior(c))
    if len(ranked) > 1 and _prior(ranked[0]) - _prior(ranked[1]) > 0.6 and ranked[0].country:
        return ranked[0].country, 0.5 * share
    return None


def _prior(c: EntryLike) -> float:
    return 0.12 * math.log10(c.population + 1) + _FEATURE_PRIOR.get(c.feature, 0.0)


def _without_own(votes: Sequence[tuple[str, tuple[Any, float] | None]], fixed: Counter) -> list[dict]:
    total: Counter = Counter(fixed)
    by_key: dict[str, Counter] = {}
    for key, vote in votes:
        if vote is not None:
            total[vote[0]] += vote[1]
            by_key.setdefault(key, Counter())[vote[0]] += vote[1]
    cache: dict[str, dict] = {}
    out = []
    for key, _ in votes:
        if key not in cache:
            w = Counter(total)
            w.subtract(by_key.get(key, Counter()))
            top = max(w.values(), default=0)
            cache[key] = {r: v / top for r, v in w.items() if v > 1e-9} if top > 1e-9 else {}
        out.append(cache[key])
    return out


def _region_of(key: str, candidates: Sequence[Any], normalize: Callable[[str], str]) -> tuple[tuple[str, str], float] | None:
    """The one region a mention points to, and how strongly: named outright, or the only region of its towns."""
    named = {(c.country, c.admin1) for c in candidates
             if c.feature in ("admin1", "admin2") and c.country and c.admin1 and _same_name(c, key, normalize)}
    if len(named) == 1:
        return named.pop(), _NAMED_WEIGHT
    regions = {(c.country, c.admin1) for c in candidates if c.country and c.admin1}
    if candidates and len(regions) == 1 and all(c.admin1 for c in candidates):
        return regions.pop(), _TOWN_WEIGHT
    return None


def _same_name(c: Any, key: str, normalize: Callable[[str], str]) -> bool:
    if normalize(c.name) == key:
        return True
    return key in {normalize(a) for a in getattr(c, "alternates", ())}


__all__ = ["country_context", "document_context", "region_context"]
