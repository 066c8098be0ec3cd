"""The order event rows are kept in on disk: the API's listing order (date, undated last, then id and document),
in row groups small enough that DuckDB's min-max zone maps skip most of a table.

An ``/events`` page is a top-N over the filtered rows. DuckDB prunes whole row groups with their min-max
statistics, both for a date window (``since``/``until``) and for the top-N's own bound once it holds a full
page. That pays only when the rows of a row group cover a narrow span of dates: rows stored in the listing
order, in groups of ``ROW_GROUP_SIZE`` (DuckDB's default is 122,880, which puts a 100k-event store in one
group and prunes nothing). Rows appended later sit in groups that span every date; the table is rewritten
in order when they reach a tenth of it (``keep_sorted``), so writing stays amortised O(rows). A rewrite leaves
the old blocks free inside the file for later writes (DuckDB does not shrink a file): 100k synthetic events take
51 MB written once and 96 MB after a rewrite.
"""

from __future__ import annotations

from typing import Any

# 16,384 rows: one uncached page of 100k events in order 2.7 ms -> in 122,880-row groups 4.8 ms, in 4,096-row
# groups 2.4 ms (one DuckDB thread, loaded 2-core machine); smaller groups only add metadata.
ROW_GROUP_SIZE = 16_384
LISTING_ORDER = "event_date NULLS LAST, id, document_id"
SORTED_TABLES = ("events", "linked_events")
# Rewrite when the rows written since the last rewrite are over this share of the table: rows appended out of
# order sit in groups that span every date and are read by every page (100k events in order plus 30k appended:
# server CPU per uncached page 3.5-4.0 -> 4.8-5.3 ms). A tenth keeps that small; the rewrites, one per tenth of
# growth, add up to about ten times the rows of the final table over its life (100k events: ~3-6 s each).
UNSORTED_SHARE = 0.1
UNSORTED_MIN = ROW_GROUP_SIZE  # and over one row group (a smaller table is one group, in any order)
_KEY = "unsorted_rows:{table}"  # the meta key counting rows written to a table since it was last put in order


def note_written(con: Any, table: str, rows: int) -> None:
    """Count ``rows`` written to ``table`` out of order (inside the writer's transaction)."""
    if rows:
        con.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
                    "CAST(CAST(meta.value AS BIGINT) + CAST(excluded.value AS BIGINT) AS VARCHAR)",
                    [_KEY.format(table=table), str(rows)])


def unsorted_rows(con: Any, table: str) -> int:
    """Rows written to ``table`` since it was last put in order."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", [_KEY.format(table=table)]).fetchone()
    return int(row[0]) if row else 0


def sort_table(con: Any, table: str) -> None:
    """Rewrite ``table`` in the listing order (inside the caller's transaction; keys and constraints kept)."""
    con.execute(f'CREATE TEMP TABLE _sitrep_sorted AS SELECT * FROM "{table}" ORDER BY {LISTING_ORDER}')
    con.execute(f'DELETE FROM "{table}"')
    con.execute(f'INSERT INTO "{table}" SELECT * FROM _sitrep_sorted ORDER BY {LISTING_ORDER}')
    con.execute("DROP TABLE _sitrep_sorted")
    con.execute("DELETE FROM meta WHERE key = ?", [_KEY.format(table=table)])


def keep_sorted(con: Any, *, force: bool = False) -> list[str]:
    """Put back in order every table whose rows written since its last rewrite are over ``UNSORTED_SHARE`` of it
    and over ``UNSORTED_MIN`` (every table with ``force``); returns the tables rewritten. Inside the caller's
    transaction."""
    present = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                         "WHERE table_catalog = current_database()").fetchall()}
    done = []
    for table in SORTED_TABLES:
        if table not in present:
            continue
        written = unsorted_rows(con, table)
        if not force and written <= UNSORTED_MIN:
            continue
        total = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        if force or written > UNSORTED_SHARE * total:
            sort_table(con, table)
            done.append(table)
    return done


__all__ = ["LISTING_ORDER", "ROW_GROUP_SIZE", "SORTED_TABLES", "keep_sorted", "note_written", "sort_table",
           "unsorted_rows"]
