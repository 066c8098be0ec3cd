"""The story's map (extract/places/story.py): a hamlet's namesake far from every firm place of the article is no
answer, while a famous place, a neighbour, the kind of place the text names and a dateline always stay."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from sitrep.extract.places import extract_places
from sitrep.extract.places.story import OFF_MAP_KM, km
from sitrep.model import Annotations, Span, Token


@dataclass(frozen=True)
class Entry:
    geonames_id: int
    name: str
    feature: str
    country: str
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0


class Gazetteer:
    def __init__(self, *entries: Entry, aliases: dict[str, list[Entry]] | None = None) -> None:
        self.names: dict[str, list[Entry]] = {}
        for e in entries:
            self.names.setdefault(self.normalize(e.name), []).append(e)
        for alias, found in (aliases or {}).items():
            self.names.setdefault(self.normalize(alias), []).extend(found)
        self.countries = {e.country: e for e in entries if e.feature == "country"}

    def normalize(self, name: str) -> str:
        return " ".join(name.casefold().replace("-", " ").split())

    def lookup(self, name: str) -> list[Entry]:
        return sorted(self.names.get(self.normalize(name), []), key=lambda e: -e.population)

    def contains(self, name: str) -> bool:
        return self.normalize(name) in self.names

    def country(self, code: str) -> Entry | None:
        return self.countries.get(code)


def annotated(text: str, places: list[str]) -> Annotations:
    """Tokens split on words; each listed place a GPE entity; "in"/"near" head the next word."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]
    tokens = []
    for i, (s, e) in enumerate(words):
        w = text[s:e]
        prev = text[words[i - 1][0] : words[i - 1][1]].lower() if i else ""
        pos = "ADP" if w.lower() in ("in", "near") else ("PROPN" if w[:1].isupper() and i else "NOUN")
        dep, head = ("pobj", i - 1) if prev in ("in", "near") else ("dep", i)
        tokens.append(Token(i=i, start=s, end=e, text=w, lemma=w.lower(), pos=pos, tag="", dep=dep, head=head))
    entities = []
    for place in places:
        s = text.index(place)
        first = next(t.i for t in tokens if t.start == s)
        last = next(t.i for t in tokens if t.end == s + len(place))
        entities.append(Span(start=s, end=s + len(place), token_start=first, token_end=last + 1, label="GPE"))
    children = tuple(tuple(t.i for t in tokens if t.head == h.i and t.i != h.i) for h in tokens)
    return Annotations(text=text, tokens=tuple(tokens), sentences=(Span(start=0, end=len(text), token_start=0,
                                                                          token_end=len(tokens)),),
                       entities=tuple(entities), children=children)


FREEDONIA = Entry(1, "Freedonia", "country", "FD", lat=0.0, lon=25.0, population=5_000_000)
OSTRA = Entry(2, "Ostra", "city", "FD", "North", lat=1.9, lon=30.5, population=40_000)
# hamlets of the same names in a country 5,000 km away
BULE_ABROAD = Entry(3, "Bule", "city", "SV", "Alps", lat=46.6, lon=7.0, population=900)
PLAINE_ABROAD = Entry(4, "Plaine", "city", "SV", "Alps", lat=46.9, lon=7.1, population=800)


def resolved(text: str, names: list[str], *entries: Entry, **gazetteer_options) -> dict[str, str | None]:
    places = extract_places(annotated(text, names), gazetteer=Gazetteer(*entries, **gazetteer_options))
    return {p.name: p.country for p in places}


def test_a_hamlets_namesake_far_from_the_country_the_article_names_is_left_unresolved() -> None:
    text = "Gunmen attacked Bule in Freedonia."
    assert resolved(text, ["Bule", "Freedonia"], FREEDONIA, BULE_ABROAD) == {"Bule": None, "Freedonia": "FD"}


def test_with_nothing_firm_on_the_map_the_only_candidate_stays() -> None:
    assert resolved("Gunmen attacked Bule on Monday.", ["Bule"], BULE_ABROAD) == {"Bule": "SV"}


def test_two_namesakes_abroad_do_not_vouch_for_each_other() -> None:
    text = "Gunmen attacked Bule and Plaine in Freedonia."
    places = resolved(text, ["Bule", "Plaine", "Freedonia"], FREEDONIA, BULE_ABROAD, PLAINE_ABROAD)
    assert places == {"Bule": None, "Plaine": None, "Freedonia": "FD"}


def test_a_famous_town_of_the_article_draws_the_map_a_small_one_does_not() -> None:
    # no country named: Ostra of 40,000 people says little to a reader abroad, of 400,000 it places the story
    assert resolved("Gunmen attacked Bule, then Ostra.", ["Bule", "Ostra"], OSTRA, BULE_ABROAD) == {
        "Bule": "SV", "Ostra": "FD"}
    big = Entry(2, "Ostra", "city", "FD", "North", lat=1.9, lon=30.5, population=400_000)
    assert resolved("Gunmen attacked Bule, then Ostra.", ["Bule", "Ostra"], big, BULE_ABROAD) == {
        "Bule": None, "Ostra": "FD"}


@pytest.mark.parametrize(("entry", "why"), [
    (Entry(3, "Bule", "city", "SV", "Alps", lat=46.6, lon=7.0, population=250_000), "a famous city"),
    (Entry(3, "Bule", "city", "SV", "Alps", lat=46.6, lon=7.0, population=40_000), "a town by its own name"),
    (Entry(3, "Bule", "city", "NB", "East", lat=3.0, lon=33.0, population=900), "a hamlet in a neighbour"),
    (Entry(3, "Bule", "country", "BL", lat=46.6, lon=7.0, population=900_000), "a country"),
])
def test_a_candidate_abroad_stays_when_it_is(entry: Entry, why: str) -> None:
    assert resolved("Gunmen attacked Bule in Freedonia.", ["Bule", "Freedonia"], FREEDONIA, entry)["Bule"] == (
        entry.country), why


def test_a_namesake_by_another_of_its_names_is_obscure_whatever_its_size_but_not_its_first_word() -> None:
    bulle = Entry(3, "Bulle", "city", "SV", "Alps", lat=46.6, lon=7.0, population=40_000)
    assert resolved("Gunmen attacked Bule in Freedonia.", ["Bule", "Freedonia"], FREEDONIA, bulle,
                    aliases={"Bule": [bulle]})["Bule"] is None
    on_sea = Entry(3, "Bule-on-Sea", "city", "SV", "Alps", lat=46.6, lon=7.0, population=40_000)
    assert resolved("Gunmen attacked Bule in Freedonia.", ["Bule", "Freedonia"], FREEDONIA, on_sea,
                    aliases={"Bule": [on_sea]})["Bule"] == "SV"


def test_a_dateline_is_where_the_report_was_filed_whatever_else_the_article_names() -> None:
    assert resolved("BULE - Gunmen attacked a market in Freedonia.", ["BULE", "Freedonia"], FREEDONIA,
                    BULE_ABROAD)["BULE"] == "SV"


def test_the_distances_are_great_circle_kilometres() -> None:
    assert round(km(0.0, 0.0, 0.0, 1.0)) == 111
    assert km(BULE_ABROAD.lat, BULE_ABROAD.lon, OSTRA.lat, OSTRA.lon) > OFF_MAP_KM > km(3.0, 33.0, 1.9, 30.5)


def test_the_text_calling_it_a_village_does_not_make_a_namesake_abroad_the_village() -> None:
    text = "Gunmen attacked the village of Bule in Freedonia."
    assert resolved(text, ["Bule", "Freedonia"], FREEDONIA, BULE_ABROAD) == {"Bule": None, "Freedonia": "FD"}
