"""The records the places stage's passes hand to each other, and what it needs of a gazetteer.

A ``Mention`` is where the text names a place (token indices, and what the words around it say); a ``Toponym`` is a
mention with the gazetteer entries of its name; a ``Ranked`` toponym has those entries scored in the context of the
whole article.  Only the last pass turns them into ``Place`` records (``sitrep.model``), the stage's output.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from sitrep.model import Annotations

# spaCy's entity labels for places: countries, cities, states (GPE), other locations (LOC), buildings, airports,
# roads (FAC).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


class EntryLike(Protocol):
    geonames_id: int | None
    name: str
    feature: str
    country: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int


class GazetteerLike(Protocol):
    def lookup(self, name: str) -> Sequence[EntryLike]: ...

    def contains(self, name: str) -> bool: ...

    def normalize(self, name: str) -> str: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    start: int  # token indices, end exclusive
    end: int
    hint: str | None = None  # feature the text names ("Anbar province" -> admin1)
    kind: str | None = None  # feature a lower-case word after it names, for ranking only ("Kaduna state")
    weak: bool = False  # found without the NER calling it a place: needs context to be kept
    near: bool = False  # "near X", "the outskirts of X": the place is beside its point
    label: str = ""  # the NER label, when the model tagged it
    embedded: bool = False  # part of an organisation's name ("the Texas Forest Service")
    civic: bool = False  # embedded and named as the place an institution serves ("Athens Police Department")
    site: bool = False  # a street, building or base inside a town ("Baghdad International Airport")


def mention_text(ann: Annotations, m: Mention) -> str:
    return ann.text[ann.tokens[m.start].start : ann.tokens[m.end - 1].end]


@dataclass(frozen=True, slots=True, kw_only=True)
class Toponym:
    """A mention and the gazetteer entries its name may be, most populous first."""

    mention: Mention
    text: str  # the mention's words as written
    key: str  # ... and as the gazetteer folds them ("al-Anbar" -> "al anbar"): one name, one key
    candidates: tuple[EntryLike, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """What the rest of the article says about where one toponym is (never counting that toponym's own name)."""

    countries: Mapping[str, float]  # ISO code -> weight in [0, 1]
    regions: Mapping[tuple[str, str], float]  # (country, admin1) -> weight in [0, 1]


@dataclass(frozen=True, slots=True, kw_only=True)
class Ranked:
    """A toponym's candidates with their scores, best first, and the context they were scored in."""

    toponym: Toponym
    scored: tuple[tuple[float, EntryLike], ...]
    context: Context


__all__ = ["PLACE_LABELS", "Context", "EntryLike", "GazetteerLike", "Mention", "Ranked", "Toponym", "mention_text"]
