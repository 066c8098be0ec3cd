"""What a user's event list shows by default: incidents told as news, above a confidence threshold.

A stored report keeps every event it found, so nothing is lost: background ("in 2003 the US invaded"), plans
and threats, denied events and verbal interactions (condemn, demand, meet) stay in the store and are one flag
away (``--all`` on the command line, ``include=all`` in the API). The default list leaves them out, and leaves
out events whose confidence is below ``config.DEFAULT_MIN_CONFIDENCE`` (its origin is documented there).

Whether an event is told as news is kept in the ``shown`` column of ``events`` and ``linked_events``, computed
by the one SQL rule below when rows are written, so the default list filters on one boolean instead of three
tests with fifteen strings (a third of a query's scan on 100k events). The column was computed with the
taxonomy of its day: the store records which rule (``meta.shown_rule``), recomputes the column when it opens a
store for writing under another, and a store read under another rule falls back to the rule itself.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import Any

from sitrep.config import load_yaml

RULE_KEY = "shown_rule"  # the meta key naming the rule the stored column was computed with
TABLES = ("events", "linked_events")


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


def rule_id() -> str:
    """A short name of the rule as this version of sitrep and its taxonomy state it."""
    return hashlib.sha256(json.dumps(news_rule()).encode()).hexdigest()[:16]


def shown_conditions(*, news_only: bool, min_confidence: float | None,
                     precomputed: bool = False) -> tuple[list[str], list[Any]]:
    """SQL conditions (and parameters) over the flat event columns for the default list; ``precomputed`` when
    the table's ``shown`` column holds the current rule."""
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


def fill_shown(con: Any, table: str, *, everything: bool = False) -> None:
    """Compute ``shown`` for the rows written without it (each batch's new rows), or for every row."""
    rule, params = news_rule()
    con.execute(f'UPDATE "{table}" SET shown = ({rule})' + ("" if everything else " WHERE shown IS NULL"), params)


def shown_is_current(con: Any) -> bool:
    """Whether the store's ``shown`` columns were computed with this version's rule."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", [RULE_KEY]).fetchone()
    return bool(row) and row[0] == rule_id()


def refresh_shown(con: Any, tables: set[str]) -> None:
    """Recompute ``shown`` in every table of ``tables`` that has it, and record the rule (inside a transaction)."""
    for table in TABLES:
        if table in tables:
            fill_shown(con, table, everything=True)
    con.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [RULE_KEY, rule_id()])


__all__ = ["RULE_KEY", "fill_shown", "news_rule", "refresh_shown", "rule_id", "shown_conditions",
           "shown_is_current", "verbal_subtypes"]
