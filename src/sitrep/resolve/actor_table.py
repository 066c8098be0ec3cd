"""The actor table: canonical actors with their aliases, from the reviewed ``data/actors.yaml``.

Aliases are indexed by a normalised key (casefold, no leading "the", hyphens as spaces) so a
look-up is one dict access; short acronyms keep their case so the verb "is" never means IS.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sitrep.config import load_yaml
from sitrep.errors import ConfigError

log = logging.getLogger(__name__)

KINDS = frozenset({
    "state_forces", "foreign_forces", "coalition", "rebels", "militia", "political", "civilians", "protesters",
    "media", "government", "international", "unknown",
})

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_DASHES = re.compile(r"[\u2010-\u2015\-_/]+")
_LEADING_THE = re.compile(r"^the\s+")
_ACRONYM_MAX = 5  # "IS", "ISIL", "PMF", "YPG", "ANSF": short enough to be confused with words


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorEntry:
    """One reviewed actor of the table."""

    canonical: str
    kind: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    generic: bool = False


@lru_cache(maxsize=65536)  # the same words and word runs recur in every document
def alias_key(text: str) -> str:
    """The look-up form of a name: "the US-led Coalition" and "US led coalition" give the same key."""
    text = text.translate(_APOSTROPHES).casefold()
    text = text.replace(".", "")
    text = _DASHES.sub(" ", text)
    text = re.sub(r"\s+'", "'", text)  # tokens joined with spaces: "People 's" → "People's"
    text = re.sub(r"\s+", " ", text).strip(" ,;:()\"'")
    return _LEADING_THE.sub("", text)


def _needs_case(alias: str) -> bool:
    """Single words written with capitals must be capitalised in the text too ("Fars", "IS", "Amnesty")."""
    return " " not in alias.strip() and alias != alias.casefold()


def _case_fits(alias: str, text: str) -> bool:
    letters_alias = re.sub(r"[^A-Za-z]", "", alias)
    letters_text = re.sub(r"[^A-Za-z]", "", text)
    if letters_alias.isupper() and len(letters_alias) <= _ACRONYM_MAX:
        return letters_text == letters_alias
    return bool(letters_text) and letters_text[0].isupper()


def _first_piece(key: str) -> str:
    return re.split(r"[ ']", key, maxsplit=1)[0]


class ActorTable:
    """Canonical actors indexed by alias key, with longest-match search over token sequences."""

    def __init__(self, entries: Iterable[ActorEntry]) -> None:
        self.entries = tuple(entries)
        self._index: dict[str, list[tuple[str, ActorEntry]]] = {}
        self._lengths: dict[str, int] = {}  # first word of a key -> longest key in words starting with it
        for entry in self.entries:
            for alias in (entry.canonical, *entry.aliases):
                key = alias_key(alias)
                if not key:
                    continue
                self._index.setdefault(key, []).append((alias, entry))
                first = _first_piece(key)
                self._lengths[first] = max(self._lengths.get(first, 0), len(key.split(" ")))

    @classmethod
    def from_records(cls, records: Sequence[Mapping[str, Any]], *, source: str = "actor table") -> ActorTable:
        """Build a table from plain records (the parsed YAML), checking each one."""
        entries = []
        for n, rec in enumerate(records):
            canonical, kind = rec.get("canonical"), rec.get("kind")
            if not canonical or kind not in KINDS:
                raise ConfigError(f"{source}: entry {n} ({canonical!r}) needs a canonical name and a kind in {sorted(KINDS)}")
            aliases = tuple(str(a) for a in rec.get("aliases") or ())
            entries.append(ActorEntry(canonical=str(canonical), kind=kind, country=rec.get("country"),
                                      aliases=aliases, generic=bool(rec.get("generic", False))))
        return cls(entries)

    def key(self, text: str) -> str:
        return alias_key(text)

    def match(self, text: str) -> ActorEntry | None:
        """The actor a whole name refers to, or None ("Daesh" → Islamic State; "is" → None)."""
        for alias, entry in self._index.get(alias_key(text), ()):
            if not _needs_case(alias) or _case_fits(alias, text):
                return entry
        return None

    def find(self, words: Sequence[str]) -> list[tuple[int, int, ActorEntry]]:
        """Longest non-overlapping matches over a token sequence as ``(start, end, entry)``, end exclusive."""
        keys = [alias_key(w) for w in words]
        out = []
        i = 0
        while i < len(words):
            longest = self._lengths.get(_first_piece(keys[i]), 0) if keys[i] and keys[i] != "the" else 0
            hit = None
            # A key of k words can span more tokens than k ("US - led"), so allow a little slack.
            for j in range(min(len(words), i + 2 * longest + 1), i, -1):
                if not keys[j - 1]:
                    continue
                entry = self.match(" ".join(words[i:j]))
                if entry is not None:
                    hit = (i, j, entry)
                    break
            if hit:
                out.append(hit)
                i = hit[1]
            else:
                i += 1
        return out


@lru_cache(maxsize=1)
def make_actor_table() -> ActorTable:
    """The packaged actor table, built once per process."""
    records = load_yaml("actors.yaml")
    if not isinstance(records, list):
        raise ConfigError("data file 'actors.yaml' must be a list of actor entries: reinstall sitrep")
    table = ActorTable.from_records(records, source="actors.yaml")
    log.debug("actor table: %d actors, %d alias keys", len(table.entries), len(table._index))
    return table


__all__ = ["KINDS", "ActorEntry", "ActorTable", "alias_key", "make_actor_table"]
