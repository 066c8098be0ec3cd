"""Columns computed from an event row's flat columns when it is written, so the API's filters test one column.

- ``shown``: the default list's rule (``store._shown``: told as news, not background, a plan, a denial or a
  verbal interaction): one boolean instead of three tests with fifteen strings.
- ``search``: the text the ``q`` filter looks in (evidence, place, actors, source, type), lower-cased and joined
  with a separator no query can hold, so a search is one ``contains`` instead of lower-casing eight columns of
  every row (100k events, uncompressed: 31 ms -> 3 ms).

Both follow definitions that can change (a new taxonomy, another column list): the store records which ones
its columns were computed with (``meta.derived_columns``), recomputes them when it opens a store for writing
under others, and a store read under others is filtered by the definitions themselves (``DuckDBStore.derived``).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sitrep.errors import StoreError
from sitrep.store._shown import news_rule

KEY = "derived_columns"  # the meta key naming the definitions the stored columns were computed with
TABLES = ("events", "linked_events")
TEXT_COLUMNS = ("evidence_text", "location", "admin1", "actor_names", "asserted_by", "outlet", "event_type",
                "sub_event_type")
SEPARATOR = "\x1f"  # between the columns in ``search``: a query holding it is tested column by column
SEARCH = f"lower(concat_ws(chr({ord(SEPARATOR)}), {', '.join(TEXT_COLUMNS)}))"


def definitions_id() -> str:
    """A short name of the definitions as this version of sitrep and its taxonomy state them."""
    return hashlib.sha256(json.dumps([news_rule(), SEARCH]).encode()).hexdigest()[:16]


def fill_derived(con: Any, table: str, *, everything: bool = False) -> None:
    """Compute the derived columns of the rows written without them (a batch's new rows), or of every row."""
    rule, params = news_rule()
    con.execute(f'UPDATE "{table}" SET shown = ({rule}), search = {SEARCH}'
                + ("" if everything else " WHERE shown IS NULL OR search IS NULL"), params)


def derived_are_current(con: Any) -> bool:
    """Whether the store's derived columns were computed with this version's definitions."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", [KEY]).fetchone()
    return bool(row) and row[0] == definitions_id()


def refresh_derived(con: Any) -> None:
    """Recompute the derived columns of every table that has them, and record the definitions, in one
    transaction (a store opened for writing whose columns follow other definitions)."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.columns "
                                        "WHERE table_schema = 'main' AND column_name = 'search'").fetchall()}
    try:
        con.execute("BEGIN TRANSACTION")
        for table in TABLES:
            if table in tables:
                fill_derived(con, table, everything=True)
        con.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [KEY, definitions_id()])
        con.execute("COMMIT")
    except StoreError:
        con.rollback()
        raise


def search_condition(q: str, *, precomputed: bool) -> tuple[str, list[Any]]:
    """The ``q`` filter: words in the evidence, place, actors, source or type (literal, any case)."""
    if precomputed and SEPARATOR not in q:
        return "contains(search, lower(?))", [q]
    # one test per column is ~6x faster than one over their concatenation built at query time, and contains()
    # needs no escaping: ILIKE with an ESCAPE clause loses DuckDB's fast path (100k events: 20 ms -> 2.5 ms)
    return "(" + " OR ".join(f"contains(lower({c}), lower(?))" for c in TEXT_COLUMNS) + ")", [q] * len(TEXT_COLUMNS)


__all__ = ["KEY", "SEARCH", "TEXT_COLUMNS", "definitions_id", "derived_are_current", "fill_derived",
           "refresh_derived", "search_condition"]
