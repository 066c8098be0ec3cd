"""Containment between the places of one article: a town and the county it lies in vouch for each other.

A local paper writes "Huntsville" and "Walker County" without naming Texas; Huntsville, Alabama lies in Madison
County, Huntsville, Texas in Walker County, so the county named elsewhere in the article picks the town, and the
town picks the county.  The gazetteer gives each US town its county (from ZIP code data); elsewhere towns carry
none and nothing is linked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

# A name with more candidates than this (a "Washington", a "Springfield") is too vague to vouch for a county.
MAX_VOUCHING_CANDIDATES = 12


def admin_links(mentions: Sequence[tuple[str, Sequence[Any]]], normalize: Callable[[str], str]) -> list[set[int]]:
    """For each mention given as ``(key, candidates)``, the indices of its candidates that another name of the
    article contains or lies in: a town whose county is named, a county one of whose towns is named."""
    counties: dict[tuple, set[str]] = defaultdict(set)  # (country, state, county) -> keys naming that county
    towns: dict[tuple, set[str]] = defaultdict(set)  # (country, state, county) -> keys naming a town in it
    for key, candidates in mentions:
        for c in candidates:
            if c.feature == "admin2" and c.admin1:
                counties[(c.country, c.admin1, normalize(c.name))].add(key)
            elif c.feature == "city" and c.admin2 and len(candidates) <= MAX_VOUCHING_CANDIDATES:
                towns[(c.country, c.admin1, normalize(c.admin2))].add(key)
    out = []
    for key, candidates in mentions:
        linked = set()
        for i, c in enumerate(candidates):
            if c.feature == "city" and c.admin2:
                others = counties.get((c.country, c.admin1, normalize(c.admin2)), set())
            elif c.feature == "admin2" and c.admin1:
                others = towns.get((c.country, c.admin1, normalize(c.name)), set())
            else:
                continue
            if others - {key}:
                linked.add(i)
        out.append(linked)
    return out


__all__ = ["MAX_VOUCHING_CANDIDATES", "admin_links"]
