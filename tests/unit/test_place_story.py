"""The story's map (extract/places/story.py): a hamlet's namesake far from every firm place of the article is no
answer, while a famous place, a neighbour, the kind of place the text names and a dateline always stay."""

from __future__ import annotations

import pytest

from place_fakes import CountryGazetteer, FakeEntry, hand_annotations
from sitrep.extract.places import extract_places
from sitrep.extract.places.story import OFF_MAP_KM, km
from sitrep.model import Annotations


def annotated(text: str, places: list[str]) -> Annotations:
    """Tokens split on words; each listed place a GPE entity; "in"/"near" head the next word."""
    return hand_annotations(text, places, prepositions=frozenset({"in", "near"}))


FREEDONIA = FakeEntry(1, "Freedonia", "country", "FD", lat=0.0, lon=25.0, population=5_000_000)
OSTRA = FakeEntry(2, "Ostra", "city", "FD", "North", lat=1.9, lon=30.5, population=40_000)
# hamlets of the same names in a country 5,000 km away
BULE_ABROAD = FakeEntry(3, "Bule", "city", "SV", "Alps", lat=46.6, lon=7.0, population=900)
PLAINE_ABROAD = FakeEntry(4, "Plaine", "city", "SV", "Alps", lat=46.9, lon=7.1, population=800)


def resolved(text: str, names: list[str], *entries: FakeEntry, **gazetteer_options) -> dict[str, str | None]:
    places = extract_places(annotated(text, names), gazetteer=CountryGazetteer(*entries, **gazetteer_options))
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
    big = FakeEntry(2, "Ostra", "city", "FD", "North", lat=1.9, lon=30.5, population=400_000)
    assert resolved("Gunmen attacked Bule, then Ostra.", ["Bule", "Ostra"], big, BULE_ABROAD) == {
        "Bule": None, "Ostra": "FD"}


@pytest.mark.parametrize(("entry", "why"), [
    (FakeEntry(3, "Bule", "city", "SV", "Alps", lat=46.6, lon=7.0, population=250_000), "a famous city"),
    (FakeEntry(3, "Bule", "city", "SV", "Alps", lat=46.6, lon=7.0, population=40_000), "a town by its own name"),
    (FakeEntry(3, "Bule", "city", "NB", "East", lat=3.0, lon=33.0, population=900), "a hamlet in a neighbour"),
    (FakeEntry(3, "Bule", "country", "BL", lat=46.6, lon=7.0, population=900_000), "a country"),
])
def test_a_candidate_abroad_stays_when_it_is(entry: FakeEntry, why: str) -> None:
    assert resolved("Gunmen attacked Bule in Freedonia.", ["Bule", "Freedonia"], FREEDONIA, entry)["Bule"] == (
        entry.country), why


def test_a_namesake_by_another_of_its_names_is_obscure_whatever_its_size_but_not_its_first_word() -> None:
    bulle = FakeEntry(3, "Bulle", "city", "SV", "Alps", lat=46.6, lon=7.0, population=40_000)
    assert resolved("Gunmen attacked Bule in Freedonia.", ["Bule", "Freedonia"], FREEDONIA, bulle,
                    aliases={"Bule": [bulle]})["Bule"] is None
    on_sea = FakeEntry(3, "Bule-on-Sea", "city", "SV", "Alps", lat=46.6, lon=7.0, population=40_000)
    assert resolved("Gunmen attacked Bule in Freedonia.", ["Bule", "Freedonia"], FREEDONIA, on_sea,
                    aliases={"Bule": [on_sea]})["Bule"] == "SV"


def test_a_great_city_named_by_another_of_its_names_does_not_draw_its_country_on_a_map_drawn_elsewhere() -> None:
    # "Otawa", a village of the story, is also one of a great city's other names; that city must not vouch for a
    # hamlet near it ("Plaine") in a story firmly in Freedonia
    great = FakeEntry(7, "Ottava", "city", "SV", "Alps", lat=46.5, lon=6.9, population=1_200_000)
    text = "Gunmen killed eight in Otawa and four in Plaine in Freedonia."
    places = resolved(text, ["Otawa", "Plaine", "Freedonia"], FREEDONIA, great, PLAINE_ABROAD,
                      aliases={"Otawa": [great]})
    assert places["Plaine"] is None and places["Freedonia"] == "FD"
    # with nothing else firm, the great city still places the story: its hamlet stays
    assert resolved("Gunmen killed eight in Otawa and four in Plaine.", ["Otawa", "Plaine"], great, PLAINE_ABROAD,
                    aliases={"Otawa": [great]})["Plaine"] == "SV"


def test_a_dateline_is_where_the_report_was_filed_whatever_else_the_article_names() -> None:
    assert resolved("BULE - Gunmen attacked a market in Freedonia.", ["BULE", "Freedonia"], FREEDONIA,
                    BULE_ABROAD)["BULE"] == "SV"


def test_the_distances_are_great_circle_kilometres() -> None:
    assert round(km(0.0, 0.0, 0.0, 1.0)) == 111
    assert km(BULE_ABROAD.lat, BULE_ABROAD.lon, OSTRA.lat, OSTRA.lon) > OFF_MAP_KM > km(3.0, 33.0, 1.9, 30.5)


def test_the_text_calling_it_a_village_does_not_make_a_namesake_abroad_the_village() -> None:
    text = "Gunmen attacked the village of Bule in Freedonia."
    assert resolved(text, ["Bule", "Freedonia"], FREEDONIA, BULE_ABROAD) == {"Bule": None, "Freedonia": "FD"}


def test_a_namesake_without_coordinates_lies_where_its_country_does() -> None:
    # a parish the gazetteer lists without a point still belongs to a country 5,000 km from the story
    sylvania = FakeEntry(5, "Sylvania", "country", "SV", lat=46.8, lon=8.2, population=8_000_000)
    parish = FakeEntry(3, "Bule", "admin2", "SV", "Alps", population=0)
    text = "Gunmen attacked Bule in Freedonia."
    assert resolved(text, ["Bule", "Freedonia"], FREEDONIA, sylvania, parish) == {"Bule": None, "Freedonia": "FD"}


def test_a_small_town_in_the_dateline_draws_the_map_as_a_famous_one_does() -> None:
    # only Freedonia is famous, but the paper files from Ostra: another small town of Ostra's region stays
    near = FakeEntry(6, "Plaine", "city", "SV", "Alps", lat=46.7, lon=7.2, population=800)
    home = FakeEntry(7, "Ostra", "city", "SV", "Alps", lat=46.6, lon=7.1, population=3_000)
    text = "OSTRA - A man from Freedonia was charged in Plaine."
    assert resolved(text, ["OSTRA", "Freedonia", "Plaine"], FREEDONIA, near, home)["Plaine"] == "SV"


# a country of states: a famous city in the North, a small town of the same name in the North and in the South
CAPITAL = FakeEntry(8, "Capitol", "city", "FD", "North", lat=2.0, lon=30.0, population=900_000)
HUB_SOUTH = FakeEntry(9, "Hub", "city", "FD", "South", lat=-8.0, lon=22.0, population=7_000)
HUB_NEAR = FakeEntry(10, "Hub", "city", "FD", "North", lat=2.5, lon=30.3, population=3_000)


def test_a_small_town_of_another_state_far_from_the_story_is_no_answer() -> None:
    # a paper writes a town out of its area with its state ("Hub, South"): "Hub" alone in a Capitol story is not
    # the southern one, 1,300 km away
    text = "A man from Capitol was stabbed near Hub on Monday."
    assert resolved(text, ["Capitol", "Hub"], CAPITAL, HUB_SOUTH)["Hub"] is None
    assert resolved(text, ["Capitol", "Hub"], CAPITAL, HUB_SOUTH, HUB_NEAR)["Hub"] == "FD"


def test_the_town_a_story_is_about_stays_however_far_the_famous_place_it_names() -> None:
    text = "A man died in Hub on Monday. He had lived in Capitol. Hub was quiet."
    assert resolved(text, ["Hub", "Capitol", "Hub"], CAPITAL, HUB_SOUTH)["Hub"] == "FD"


def test_a_small_town_of_a_state_the_story_places_other_names_in_stays() -> None:
    ridge = FakeEntry(11, "Ridge", "city", "FD", "South", lat=-8.1, lon=22.1, population=15_000)
    text = "A man from Capitol was stabbed near Hub on Monday. He was arrested in Ridge. Ridge is quiet."
    assert resolved(text, ["Capitol", "Hub", "Ridge", "Ridge"], CAPITAL, HUB_SOUTH, ridge)["Hub"] == "FD"


def test_a_large_city_of_another_state_stays_by_any_of_its_names() -> None:
    # "Dohuk" for Dahuk: a city of 300,000 is known in its own country whatever name the story uses
    city = FakeEntry(12, "Hubstadt", "city", "FD", "South", lat=-8.0, lon=22.0, population=300_000)
    text = "A man from Capitol was stabbed near Hub on Monday."
    assert resolved(text, ["Capitol", "Hub"], CAPITAL, city, aliases={"Hub": [city]})["Hub"] == "FD"



def test_of_a_names_candidates_those_off_the_map_drop_out_and_the_ranking_chooses_among_the_rest() -> None:
    far = FakeEntry(3, "Bule", "city", "SV", "Alps", lat=46.6, lon=7.0, population=9_000)
    near = FakeEntry(5, "Bule", "city", "NB", "East", lat=3.0, lon=33.0, population=300)
    assert resolved("Gunmen attacked Bule in Freedonia.", ["Bule", "Freedonia"], FREEDONIA, far, near) == {
        "Bule": "NB", "Freedonia": "FD"}


def test_a_name_the_text_calls_a_village_is_no_district_of_that_name_abroad() -> None:
    district = FakeEntry(5, "Bule", "admin2", "NB", "East", lat=3.0, lon=33.0, population=0)
    text = "Gunmen attacked Bule village in Freedonia."
    assert resolved(text, ["Bule", "Freedonia"], FREEDONIA, district) == {"Bule": None, "Freedonia": "FD"}


def test_a_name_placed_in_the_articles_country_is_that_place_wherever_else_it_is_written() -> None:
    home = FakeEntry(6, "Palma", "admin2", "FD", "North", lat=1.0, lon=29.0, population=0)
    abroad = FakeEntry(7, "Palma", "city", "SV", "Alps", lat=46.6, lon=7.0, population=30_000)
    # "town" draws the second mention to the city abroad; the article has already placed Palma at home
    text = "Gunmen attacked the road to Palma in Freedonia. A village near Palma town was burned."
    places = extract_places(annotated(text, ["Palma", "Freedonia", "Palma"]),
                            gazetteer=CountryGazetteer(FREEDONIA, home, abroad))
    assert [p.country for p in places if p.name == "Palma"] == ["FD", "FD"]
