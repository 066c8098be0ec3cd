"""What the actors stage needs from an actor table (``sitrep.resolve.actor_table.ActorTable`` fits).

The table of parties (names and aliases, ``data/actors.yaml``) is a resource the pipeline builds once and
passes in; names are names, so it is not language data.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class ActorEntryLike(Protocol):
    canonical: str
    kind: str
    country: str | None
    generic: bool


class ActorTableLike(Protocol):
    """Look-ups by normalised key, by whole name, and longest matches over a run of words."""

    def key(self, text: str) -> str: ...

    def match(self, text: str) -> ActorEntryLike | None: ...

    def find(self, words: Sequence[str]) -> Sequence[tuple[int, int, ActorEntryLike]]: ...
