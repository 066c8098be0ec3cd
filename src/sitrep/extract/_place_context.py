"""Document context below the country: which first-level regions (states, provinces) an article is about.

A local paper writes "Paris" for the Paris of its own state; the other places it names (the state itself,
its counties, towns that exist only there) say which state that is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

# A region named outright ("Texas", "Henry County") says more than a town that happens to exist in one region only.
_NAMED_WEIGHT = 1.0
_TOWN_WEIGHT = 0.5


def region_context(mentions: Iterable[tuple[str, bool, Sequence[Any]]], normalize: Any) -> list[dict[tuple[str, str], float]]:
    """For each mention (given as ``(key, weak, candidates)``), (country, admin1) -> weight in [0, 1] from the
    mentions of *other* names: a name never vouches for itself, in any of its mentions ("Minnesota" must not
    favour the village of Minnesota; three "Arlington"s must not vote for Arlington County, Virginia)."""
    votes = []
    for key, weak, candidates in mentions:
        region = _region_of(key, candidates, normalize)
        votes.append((key, None if region is None else (region[0], region[1] * (0.5 if weak else 1.0))))
    return _without_own(votes, Counter())


def country_context(votes: Sequence[tuple[str, tuple[str, float] | None]], fixed: Counter) -> list[dict[str, float]]:
    """For each mention given as ``(key, vote)``, country -> weight in [0, 1] from ``fixed`` (dateline, demonyms)
    and the votes of mentions of other names."""
    return _without_own(votes, fixed)


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


def _region_of(key: str, candidates: Sequence[Any], normalize: Any) -> tuple[tuple[str, str], float] | None:
    """The one region a mention points to, and how strongly: named outright, or the only region of its towns."""
    named = {(c.country, c.admin1) for c in candidates
             if c.feature in ("admin1", "admin2") and c.country and c.admin1 and _same_name(c, key, normalize)}
    if len(named) == 1:
        return named.pop(), _NAMED_WEIGHT
    regions = {(c.country, c.admin1) for c in candidates if c.country and c.admin1}
    if candidates and len(regions) == 1 and all(c.admin1 for c in candidates):
        return regions.pop(), _TOWN_WEIGHT
    return None


def _same_name(c: Any, key: str, normalize: Any) -> bool:
    if normalize(c.name) == key:
        return True
    return key in {normalize(a) for a in getattr(c, "alternates", ())}
