"""Gazetteer look-up: every entry a mention's name may be.

The gazetteer folds the name (case, accents, an Arabic article) and returns its entries most populous first; a
mention whose own words end in its kind ("Anbar province") is also looked up without that word, since the gazetteer
may know the province only as "Anbar".
"""

from __future__ import annotations

from sitrep.extract.places.records import EntryLike, GazetteerLike, Mention, Toponym, mention_text
from sitrep.extract.places.words import PlaceWords
from sitrep.model import Annotations


def look_up(ann: Annotations, mentions: list[Mention], gazetteer: GazetteerLike, w: PlaceWords) -> list[Toponym]:
    return [toponym(ann, m, gazetteer, w) for m in mentions]


def toponym(ann: Annotations, m: Mention, gazetteer: GazetteerLike, w: PlaceWords,
            candidates: tuple[EntryLike, ...] | None = None) -> Toponym:
    """The mention with its entries (``candidates`` when they are already known, else looked up)."""
    text = mention_text(ann, m)
    if candidates is None:
        candidates = candidates_of(ann, m, gazetteer, w)
    return Toponym(mention=m, text=text, key=gazetteer.normalize(text), candidates=candidates)


def candidates_of(ann: Annotations, m: Mention, gazetteer: GazetteerLike, w: PlaceWords) -> tuple[EntryLike, ...]:
    found = list(gazetteer.lookup(mention_text(ann, m)))
    if m.hint and ann.tokens[m.end - 1].text.lower() in w.admin_words and m.end - m.start > 1:
        bare = ann.text[ann.tokens[m.start].start : ann.tokens[m.end - 2].end]
        seen = {id(e) for e in found}
        found += [e for e in gazetteer.lookup(bare) if id(e) not in seen]
    return tuple(found)


__all__ = ["candidates_of", "look_up", "toponym"]
