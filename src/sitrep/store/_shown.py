"""Event filters shared by the store and the API: date bounds, and what a user's event list shows by default: incidents told as news, above a confidence threshold.

A stored report keeps every event it found, so nothing is lost: background ("in 2003 the US invaded"), plans
and threats, denied events and verbal interactions (condemn, demand, meet) stay in the store and are one flag
away (``--all`` on the command line, ``include=all`` in the API). The default list leaves them out, and leaves
out events whose confidence is below ``config.DEFAULT_MIN_CONFIDENCE`` (its origin is documented there).

Whether an event is told as news is also kept in the ``shown`` column, computed by ``news_rule`` when rows are
written (``store._derived``), so the default list filters on one boolean where the column is current.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from sitrep.config import load_yaml
from sitrep.errors import StoreError


@lru_cache(maxsize=1)
def verbal_subtypes() -> tuple[str, ...]:
    """The taxonomy's verbal interactions (``verbal: true``), which are claims more than incidents."""
    types = (load_yaml("taxonomy.yaml") or {}).get("types") or {}
    return tuple(sorted(name for t in types.values() for name, sub in (t.get("subtypes") or {}).items()
                        if sub.get("verbal")))


def news_rule() -> tuple[str, list[Any]]:
    """The SQL test (and its parameters) over an event row's flat columns: told as news, not background, not a
    plan, not denied, not a verbal interaction."""
    tests = ["NOT coalesce(negated, FALSE)", "coalesce(hedge, '') NOT IN ('hypothetical', 'historical')"]
    verbal = verbal_subtypes()
    if verbal:
        tests.append(f"coalesce(sub_event_type, '') NOT IN ({', '.join('?' for _ in verbal)})")
    return " AND ".join(tests), list(verbal)


def shown_conditions(*, news_only: bool, min_confidence: float | None,
                     precomputed: bool = False) -> tuple[list[str], list[Any]]:
    """SQL conditions (and parameters) over the flat event columns for the default list; ``precomputed`` when
    the table's ``shown`` column holds the current rule (``store._derived``)."""
    where: list[str] = []
    params: list[Any] = []
    if news_only:
        if precomputed:
            where.append("shown")
        else:
            rule, rule_params = news_rule()
            where.append(rule)
            params += rule_params
    if min_confidence is not None:
        where.append("confidence >= ?")
        params.append(float(min_confidence))
    return where, params


def bound(value: str | dt.date, *, end: bool) -> str:
    """An ISO day from "2024", "2024-03" or "2024-03-10"; coarse values cover their whole year or month."""
    if isinstance(value, dt.date):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    text = str(value).strip()
    try:
        if len(text) == 4:
            return f"{text}-12-31" if end else f"{int(text):04d}-01-01"
        if len(text) == 7:
            first = dt.date.fromisoformat(f"{text}-01")
            if not end:
                return first.isoformat()
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return (following - dt.timedelta(days=1)).isoformat()
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    which = "until" if end else "since"
    raise StoreError(f"{which}={value!r} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY", code="bad_filter")


__all__ = ["bound", "news_rule", "shown_conditions", "verbal_subtypes"]
