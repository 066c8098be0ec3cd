"""The store's DuckDB connection, with every DuckDB error turned into one line that names the file.

A damaged file (cut short, a bad checksum) shows itself only when a query reaches the broken block, which
can be half-way through an export: every query of the store goes through ``GuardedConnection``, so the
user reads what is wrong and what to do instead of DuckDB's traceback.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import duckdb

from sitrep.errors import StoreError

# Error kinds that mean the file itself is unreadable; a bad checksum comes as a bare duckdb.Error.
_DAMAGE = (duckdb.IOException, duckdb.FatalException, duckdb.InternalException)


def store_error(path: str, exc: BaseException) -> StoreError:
    """The StoreError for a DuckDB error on the store at ``path``: one line, what is wrong, what to do."""
    first = next((line.strip() for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
    if isinstance(exc, _DAMAGE) or type(exc) is duckdb.Error or "corrupt" in first.lower():
        return StoreError(f"the store {path} cannot be read ({first[:300]}): the file looks damaged; restore it "
                          f"from a copy, or salvage what still reads with `sitrep events --db {path} --reports "
                          "--format jsonl --out salvage.jsonl`", code="store_damaged")
    return StoreError(f"the store {path} refused an operation: {first[:300]}")


@contextlib.contextmanager
def guarded(path: str) -> Iterator[None]:
    try:
        yield
    except duckdb.Error as exc:
        raise store_error(path, exc) from exc


class GuardedConnection:
    """A DuckDB connection (or cursor) whose queries raise ``StoreError`` instead of DuckDB's errors."""

    __slots__ = ("_con", "path")

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self._con = con
        self.path = path

    def execute(self, sql: str, params: Any = None) -> GuardedConnection:
        with guarded(self.path):
            self._con.execute(sql) if params is None else self._con.execute(sql, params)
        return self

    def executemany(self, sql: str, params: Any) -> GuardedConnection:
        with guarded(self.path):
            self._con.executemany(sql, params)
        return self

    def fetchone(self) -> Any:
        with guarded(self.path):
            return self._con.fetchone()

    def fetchall(self) -> list[Any]:
        with guarded(self.path):
            return self._con.fetchall()

    def df(self) -> Any:
        with guarded(self.path):
            return self._con.df()

    def cursor(self) -> GuardedConnection:
        with guarded(self.path):
            return GuardedConnection(self._con.cursor(), self.path)

    def rollback(self) -> None:
        """Roll back the open transaction; a connection that DuckDB has already given up on is left as it is."""
        with contextlib.suppress(duckdb.Error):
            self._con.execute("ROLLBACK")

    def close(self) -> None:
        with contextlib.suppress(duckdb.Error):
            self._con.close()


__all__ = ["GuardedConnection", "guarded", "store_error"]
