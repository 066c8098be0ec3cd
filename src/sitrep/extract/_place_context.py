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


def region_context(mentions: Iterable[tuple[str, bool, Sequence[Any]]], normalize: Any) -> dict[tuple[str, str], float]:
    """(country, admin1) -> weight in [0, 1], from ``(mention key, weak, candidates)`` of each mention."""
    weights: Counter = Counter()
    for key, weak, candidates in mentions:
        if not candidates:
            continue
        share = 0.5 if weak else 1.0
        named = {(c.country, c.admin1) for c in candidates
                 if c.feature in ("admin1", "admin2") and c.country and c.admin1 and _same_name(c, key, normalize)}
        if len(named) == 1:
            weights[named.pop()] += _NAMED_WEIGHT * share
            continue
        regions = {(c.country, c.admin1) for c in candidates if c.country and c.admin1}
        if len(regions) == 1 and all(c.admin1 for c in candidates):
            weights[regions.pop()] += _TOWN_WEIGHT * share
    top = max(weights.values(), default=0)
    return {r: w / top for r, w in weights.items()} if top else {}


def _same_name(c: Any, key: str, normalize: Any) -> bool:
    if normalize(c.name) == key:
        return True
    return key in {normalize(a) for a in getattr(c, "alternates", ())}
