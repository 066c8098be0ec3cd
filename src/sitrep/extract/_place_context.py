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
    *other* mentions: a name never vouches for itself ("Minnesota" must not favour the village of Minnesota)."""
    weights: Counter = Counter()
    own: list[tuple[tuple[str, str], float] | None] = []
    for key, weak, candidates in mentions:
        region = _region_of(key, candidates, normalize)
        share = 0.5 if weak else 1.0
        if region is None:
            own.append(None)
            continue
        weights[region[0]] += region[1] * share
        own.append((region[0], region[1] * share))
    top = max(weights.values(), default=0)
    if not top:
        return [{} for _ in own]
    out = []
    for mine in own:
        w = dict(weights)
        if mine is not None:
            w[mine[0]] -= mine[1]
        out.append({r: v / top for r, v in w.items() if v > 0})
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
