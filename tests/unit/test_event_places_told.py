"""Where an incident happened, as a story tells it around its acts: not where the one telling it sits ("said Nur
Hassan, a police officer from Afgoye"; "Speaking to reporters in Mogadishu, the army chief said"), and where a
later sentence says it took place ("It took place ... on the outskirts of Marka")."""

from __future__ import annotations

import pytest

from sitrep.extract.events.pointers import pointed_happenings
from sitrep.extract.events.taxonomy import make_taxonomy
from sitrep.extract.events.words import event_words
from sitrep.lang import default_lexicon


@pytest.fixture(scope="module")
def extract():
    from sitrep.pipeline import extract_one

    return extract_one


def places_of(report) -> list[str | None]:
    return [e.place.name if e.place else None for e in report.events]


def test_the_town_a_speakers_title_names_is_where_the_speaker_is(extract) -> None:
    r = extract("Gunmen stormed a military base in Middle Shabelle region on Wednesday.\n\n"
                "Twelve soldiers were killed in the attack, said Nur Hassan, a police officer from Afgoye.",
                published="2019-09-22")
    assert places_of(r) == ["Middle Shabelle region"]
    assert r.events[0].killed.best == 12


@pytest.mark.parametrize("text", [
    "Gunmen crept into a village in Upper Nile state early on Saturday and sprayed it with bullets, killing 23 "
    "people, Dak Tap Chuol, commissioner for the nearby town of Malakal, said yesterday.",
    "Gunmen stormed a cattle camp in Upper Nile state on Saturday and opened fire, killing 23 people, John Chol, "
    "commissioner for the nearby town of Malakal, said on Sunday.",
])
def test_the_title_of_a_name_before_said_is_the_speakers_however_it_is_parsed(extract, text) -> None:
    # the parser hangs the name and its title on "people", the object of "killing"
    assert places_of(extract(text, published="2021-05-10")) == ["Upper Nile"]


def test_a_place_in_the_clause_of_speaking_is_where_the_speaker_was(extract) -> None:
    r = extract("Gunmen stormed a military base in Bay region on Sunday.\n\nSpeaking to reporters in the capital "
                "Mogadishu, the army chief said five soldiers were killed in the assault.", published="2019-09-22")
    assert places_of(r) == ["Bay region"]
    # unless the happening is told in that clause: the rally was where the speaking was
    r = extract("Speaking at a rally in Novi, Michigan, on Friday, the senator said the protest would go on.",
                published="2019-09-22")
    assert places_of(r) == ["Novi"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Government troops killed 40 rebels in an air strike in northern Chad, the army said on Monday.\n\n"
     "The president announced on Saturday in Kinshasa that 12 more rebels had been killed by the army.", "Chad"),
    ("L'armée a annoncé lundi avoir tué 40 rebelles lors d'une frappe aérienne dans le nord du Tchad.\n\n"
     "Le président avait annoncé samedi à Kinshasa que 12 autres rebelles avaient été tués par l'armée.", "Tchad"),
])
def test_where_a_verb_of_reporting_was_said_places_no_event(extract, text, expected) -> None:
    # not the event told in the clause after it, nor, by the article's places, any other event
    assert set(places_of(extract(text, published="2019-12-24"))) == {expected}


def test_a_reporting_verb_with_an_object_keeps_the_place_hung_on_it(extract) -> None:
    # the parser may hang the clashes' place on "reported": with an object of its own, the verb tells what and where
    r = extract("Officials reported clashes yesterday in Marawi.", published="2019-12-24")
    assert "Marawi" in places_of(r)


@pytest.mark.parametrize(("text", "expected"), [
    # a place that opens the clause told, with the verb of reporting after it
    ("On Sunday, in Maiduguri, a homemade bomb injured at least seven people, including a soldier who later died, "
     "state television said.", "Maiduguri"),
    # where the news came from
    ("Fresh violence was reported from Maiduguri on Sunday as gunmen torched houses.", "Maiduguri"),
])
def test_a_place_told_before_or_from_is_where_it_happened(extract, text, expected) -> None:
    assert places_of(extract(text, published="2019-12-24")) == [expected]


def test_a_place_before_the_speaker_of_a_verb_of_reporting_is_where_it_happened(extract) -> None:
    r = extract("Separately, in Pakistan's northwestern Khyber Pakhtunkhwa province, the army said security forces "
                "killed four suspected militants in operations on Saturday.", published="2019-12-24")
    assert places_of(r) == ["Khyber Pakhtunkhwa province"]


def test_where_it_took_place_is_where_the_incident_just_told_was(extract) -> None:
    r = extract("Militants stormed a military base in southern Somalia on Saturday, killing five soldiers.\n\n"
                "Officials said the fighting lasted two hours. It took place in the Lower Shabelle region, on the "
                "outskirts of Marka.", published="2019-09-22")
    assert places_of(r) == ["Marka"]
    assert r.events[0].killed.best == 5


@pytest.mark.parametrize(("text", "found"), [
    ("It took place near the market.", 1),
    ("It happened on Friday.", 1),
    ("It was a cowardly act.", 0),
    # a relative pronoun tells of the noun before it
    ("They asked about a shooting that had taken place the previous day.", 0),
])
def test_a_pointing_pronoun_is_a_detail_trigger_only_as_the_subject_of_happening(annotate, text, found) -> None:
    ann = annotate(text)
    lex = default_lexicon()
    triggers = [t for si, s in enumerate(ann.sentences)
                for t in pointed_happenings(ann, s, si, set(), make_taxonomy(lex), event_words(lex))]
    assert len(triggers) == found
    assert all(t.kind == "noun" and t.subtype is None for t in triggers)


def test_the_regions_of_somalia_are_known_by_their_english_names(extract) -> None:
    r = extract("It took place in the Lower Shabelle province, on the outskirts of the regional capital Marka.",
                published="2019-09-22")
    found = {p.name: (p.country, p.feature) for p in r.places}
    assert found["Lower Shabelle province"] == ("SO", "admin1")
    # the model leaves Marka untagged here; "the regional capital" before it says it is a place
    assert found["Marka"] == ("SO", "city")


@pytest.mark.parametrize("text, place", [
    ("Gunmen raided a boarding school in Kisoro district near the border with Rwanda on Friday night, killing "
     "nine pupils.", "Kisoro"),
    ("Militants attacked a police post near Kenya's border with Somalia on Tuesday, killing four officers.", "Kenya"),
    ("Nine pupils were killed when gunmen raided a boarding school near the border with the Democratic Republic of "
     "Congo on Friday night.", None),
])
def test_the_country_a_border_adjoins_is_not_where_the_attack_was(extract, text, place) -> None:
    events = extract(text, published="2022-06-04").events
    assert events and all(e.place is None or e.place.country not in ("RW", "SO", "CD") for e in events)
    if place:
        assert place in events[0].place.name


def test_where_the_attackers_fled_to_is_not_where_they_struck(extract) -> None:
    events = extract("Six villagers were abducted by the gunmen, who fled across the border into Congo after the raid "
                     "on Friday night.", published="2022-06-04").events
    assert events and all(e.place is None or e.place.country != "CD" for e in events)


@pytest.mark.parametrize("name", ["Pacific", "Sandaun province"])
def test_a_place_in_the_possessor_of_a_speakers_title_is_where_the_speaker_is(extract, annotate, name) -> None:
    from sitrep.extract.events.not_where import speakers_place

    text = ("\"They were shot by a group of young men,\" acting Provincial Police Commander in the South Pacific island "
            "nation's Sandaun province Peter Wama told Radio New Zealand on Friday.")
    place = next(p for p in extract(text, published="2024-07-19").places if p.name == name)
    assert speakers_place(annotate(text), place, event_words(default_lexicon()))


def test_a_continent_that_qualifies_a_noun_in_the_events_sentence_is_no_place(extract) -> None:
    events = extract("Three border guards were killed in a shootout in Tajikistan on Monday, the latest clash between "
                     "Central Asia's two poorest nations.", published="2018-05-15").events
    assert [e.place.name for e in events] == ["Tajikistan"]
