"""Stand-ins for the places stage's tests: a gazetteer of hand-made entries and annotations built by hand, so a test
says exactly which candidates and which parse the stage sees."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.model import Annotations, Span, Token


@dataclass(frozen=True)
class FakeEntry:
    geonames_id: int | None
    name: str
    feature: str
    country: str | None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0


class FakeGazetteer:
    def __init__(self, *entries: FakeEntry, aliases: dict[str, list[FakeEntry]] | None = None) -> None:
        self.names: dict[str, list[FakeEntry]] = {}
        for e in entries:
            self.names.setdefault(self.normalize(e.name), []).append(e)
        for alias, found in (aliases or {}).items():
            self.names.setdefault(self.normalize(alias), []).extend(found)

    def normalize(self, name: str) -> str:
        return " ".join(name.casefold().replace("-", " ").split())

    def lookup(self, name: str) -> list[FakeEntry]:
        return sorted(self.names.get(self.normalize(name), []), key=lambda e: -e.population)

    def contains(self, name: str) -> bool:
        return self.normalize(name) in self.names


PREPOSITIONS = frozenset({"in", "near", "of", "from", "at"})


def hand_annotations(text: str, places: list[str], label: str = "GPE",
                     prepositions: frozenset[str] = PREPOSITIONS) -> Annotations:
    """Tokens split on words; each listed place becomes a one-entity span (listed twice, its first two occurrences);
    prepositions head the next word."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]
    tokens = []
    for i, (s, e) in enumerate(words):
        w = text[s:e]
        prev = text[words[i - 1][0] : words[i - 1][1]].lower() if i else ""
        pos = "ADP" if w.lower() in prepositions else ("PROPN" if w[:1].isupper() and i else "NOUN")
        dep, head = ("pobj", i - 1) if prev in prepositions else ("dep", i)
        tokens.append(Token(i=i, start=s, end=e, text=w, lemma=w.lower(), pos=pos, tag="", dep=dep, head=head))
    entities = []
    after: dict[str, int] = {}  # a place listed again is its next occurrence
    for place in places:
        s = text.index(place, after.get(place, 0))
        after[place] = s + len(place)
        first = next(t.i for t in tokens if t.start == s)
        last = next(t.i for t in tokens if t.end == s + len(place))
        entities.append(Span(start=s, end=s + len(place), token_start=first, token_end=last + 1, label=label))
    children = tuple(tuple(t.i for t in tokens if t.head == h.i and t.i != h.i) for h in tokens)
    sentence = Span(start=0, end=len(text), token_start=0, token_end=len(tokens))
    return Annotations(text=text, tokens=tuple(tokens), sentences=(sentence,), entities=tuple(entities),
                       children=children)


class CountryGazetteer(FakeGazetteer):
    """A fake gazetteer that also answers ``country(code)`` (the story's map anchors a dateline's country)."""

    def __init__(self, *entries: FakeEntry, aliases: dict[str, list[FakeEntry]] | None = None) -> None:
        super().__init__(*entries, aliases=aliases)
        self.countries = {e.country: e for e in entries if e.feature == "country"}

    def country(self, code: str) -> FakeEntry | None:
        return self.countries.get(code)
