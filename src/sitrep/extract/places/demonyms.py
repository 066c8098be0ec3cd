"""A people's adjective on a noun of place names that place's country: "two southern Lebanese villages", "a Syrian
town", "crossing into Israeli territory". Such a phrase is often all a story says of where its event was ("Israeli
strikes on two southern Lebanese villages killed six"), and the attacker's country is the only other one it names.
A demonym on anything else ("Israeli strikes", "Afghan forces") names who, never where: it makes no place.

The nouns are the language's settlement titles, its kinds of areas (``admin_words``) and the parts of a country that
are no area of their own (``country_parts``: coast, territory; not border: "near the Turkish border" is often in
Syria)."""

from __future__ import annotations

from sitrep.extract.places.build import EXTRACTOR
from sitrep.extract.places.names import demonym_country
from sitrep.extract.places.records import GazetteerLike
from sitrep.extract.places.words import PlaceWords
from sitrep.model import Annotations, GeoPrecision, Place, stable_id


def demonym_places(ann: Annotations, gazetteer: GazetteerLike, w: PlaceWords, taken: set[int]) -> list[Place]:
    """One country-level ``Place`` per demonym that modifies a noun of place, outside the tokens already ``taken``
    by other place mentions; its evidence is the demonym as written, its name the country's."""
    nouns = w.settlement_titles | set(w.admin_words) | w.country_parts
    country_of = getattr(gazetteer, "country", None)
    if country_of is None:
        return []
    out: list[Place] = []
    for ent in ann.entities:
        if ent.label != "NORP" or ent.token_end - ent.token_start != 1 or ent.token_start in taken:
            continue
        tok = ann.tokens[ent.token_start]
        head = ann.tokens[tok.head]
        if tok.dep not in ("amod", "compound") or head.i == tok.i or (head.lemma or head.text).lower() not in nouns:
            continue
        code = demonym_country(tok.text, gazetteer, w)
        entry = country_of(code) if code else None
        if entry is None:
            continue
        out.append(Place(
            name=entry.name, geonames_id=entry.geonames_id, feature=entry.feature, country=entry.country,
            admin1=None, admin2=None, lat=entry.lat, lon=entry.lon, precision=GeoPrecision.COUNTRY,
            evidence=(ann.evidence(tok.start, tok.end),), id=stable_id("pl", tok.start, tok.end, entry.geonames_id),
            extractor=EXTRACTOR,
        ))
    return out


__all__ = ["demonym_places"]
