"""The gazetteer's on-disk layout: a few long strings and integer arrays, read with ``marshal`` in milliseconds.

Loading a pickled dict of 670,000 names costs half a second in every process, because each key becomes a Python
object.  Here the names stay in one sorted string with an offset array and are found by binary search
(about 20 string comparisons, no scan); entries stay tab-joined rows in one string, parsed on use.
"""

from __future__ import annotations

import marshal
import os
import tempfile
from array import array
from bisect import bisect_left
from pathlib import Path

# Bump when this layout changes, so old caches are ignored.
PACKED_FORMAT = 1
_NAMES_SEP = "\n"


class _Sorted:
    """The i-th key of a sorted blob, for ``bisect`` (a sequence view, nothing copied)."""

    __slots__ = ("_blob", "_off")

    def __init__(self, blob: str, off: array) -> None:
        self._blob, self._off = blob, off

    def __len__(self) -> int:
        return len(self._off) - 1

    def __getitem__(self, i: int) -> str:
        return self._blob[self._off[i] : self._off[i + 1] - 1]


def _offsets(parts: list[str]) -> array:
    off = array("I", [0])
    pos = 0
    for p in parts:
        pos += len(p) + 1
        off.append(pos)
    return off


def pack(rows: list[str], names: dict, admin1: dict, countries: dict, by_gid: dict, demonyms: dict) -> tuple:
    """The packed tables of an index built by ``build_index``."""
    keys = sorted(names)
    targets = array("I")
    tgt_off = array("I", [0])
    for k in keys:
        v = names[k]
        targets.extend((v,) if isinstance(v, int) else v)
        tgt_off.append(len(targets))
    gids = sorted(by_gid)
    return (PACKED_FORMAT, _NAMES_SEP.join(rows) + _NAMES_SEP, _offsets(rows).tobytes(),
            _NAMES_SEP.join(keys) + _NAMES_SEP, _offsets(keys).tobytes(), tgt_off.tobytes(), targets.tobytes(),
            array("q", gids).tobytes(), array("I", [by_gid[g] for g in gids]).tobytes(), admin1, countries, demonyms)


class PackedTables:
    """Look-ups over packed tables: rows by index, entry indices by name key, row index by GeoNames id."""

    def __init__(self, packed: tuple) -> None:
        (_, self._rows, row_off, self._keys, key_off, tgt_off, targets, gids, gid_rows,
         self.admin1, self.countries, self.demonyms) = packed
        self._row_off = _array("I", row_off)
        self._key_off = _array("I", key_off)
        self._tgt_off = _array("I", tgt_off)
        self._targets = _array("I", targets)
        self._gids = _array("q", gids)
        self._gid_rows = _array("I", gid_rows)
        self._sorted = _Sorted(self._keys, self._key_off)

    def __len__(self) -> int:
        return len(self._row_off) - 1

    def row(self, idx: int) -> str:
        return self._rows[self._row_off[idx] : self._row_off[idx + 1] - 1]

    def _key_index(self, key: str) -> int | None:
        i = bisect_left(self._sorted, key)
        return i if i < len(self._sorted) and self._sorted[i] == key else None

    def ids(self, key: str) -> list[int]:
        i = self._key_index(key)
        if i is None:
            return []
        return list(self._targets[self._tgt_off[i] : self._tgt_off[i + 1]])

    def has(self, key: str) -> bool:
        return "\n" not in key and self._key_index(key) is not None

    def by_gid(self, gid: int) -> int | None:
        i = bisect_left(self._gids, gid)
        return self._gid_rows[i] if i < len(self._gids) and self._gids[i] == gid else None


def _array(code: str, raw: bytes) -> array:
    out = array(code)
    out.frombytes(raw)
    return out


def read_packed(path: Path) -> tuple | None:
    """The packed tables in ``path``, or None when the file is missing, truncated or of another layout."""
    try:
        packed = marshal.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (EOFError, ValueError, TypeError):
        return None
    if not (isinstance(packed, tuple) and len(packed) == 12 and packed[0] == PACKED_FORMAT):
        return None
    return packed


def write_packed(path: Path, packed: tuple) -> None:
    """Write atomically: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps(packed))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


__all__ = ["PACKED_FORMAT", "PackedTables", "pack", "read_packed", "write_packed"]
