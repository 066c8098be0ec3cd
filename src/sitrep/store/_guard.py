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

_DATABASE = "store"  # the store's name in its connection (attached, to choose its row group size)
_LOCKED = "{path} is open in another process (DuckDB allows one writer): stop it or use --db with another file"
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

    __slots__ = ("_con", "database", "path")

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, *, database: str | None = None) -> None:
        self._con = con
        self.path = path
        self.database = database  # the attached store a cursor must USE (a new cursor starts in the default one)

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
            cur = self._con.cursor()
            if self.database:
                cur.execute(f'USE "{self.database}"')
            return GuardedConnection(cur, self.path, database=self.database)

    def rollback(self) -> None:
        """Roll back the open transaction; a connection that DuckDB has already given up on is left as it is."""
        with contextlib.suppress(duckdb.Error):
            self._con.execute("ROLLBACK")

    def close(self) -> None:
        with contextlib.suppress(duckdb.Error):
            self._con.close()


def connect(path: str, *, read_only: bool, row_group_size: int) -> GuardedConnection:
    """A connection to the store file at ``path``; rows it writes go in row groups of ``row_group_size``.

    The file is attached rather than opened, the one way DuckDB takes a row group size (store._order)."""
    options = "READ_ONLY" if read_only else f"ROW_GROUP_SIZE {int(row_group_size)}"
    quoted = path.replace("'", "''")
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH '{quoted}' AS {_DATABASE} ({options})")
        con.execute(f"USE {_DATABASE}")
        return GuardedConnection(con, path, database=_DATABASE)
    except duckdb.Error as exc:
        con.close()
        if "lock" in str(exc).lower():
            raise StoreError(_LOCKED.format(path=path), code="store_locked") from exc
        error = store_error(path, exc)
        if error.code == "store_damaged":
            raise error from exc
        raise StoreError(f"cannot open the store at {path}: {' '.join(str(exc).split())}") from exc


__all__ = ["GuardedConnection", "connect", "guarded", "store_error"]
