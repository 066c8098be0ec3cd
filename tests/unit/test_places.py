"""Tests of the places stage: toponym recognition and resolution against the gazetteer."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from importlib import resources

import pytest

from place_fakes import FakeEntry, FakeGazetteer, hand_annotations
from sitrep.errors import ConfigError
from sitrep.extract.places import extract_places
from sitrep.extract.places.filters import person_names
from sitrep.extract.places.words import place_words
from sitrep.lang import Lexicon, default_lexicon, languages, load_lexicon
from sitrep.model import Annotations, GeoPrecision, Place, Span, check_evidence

Annotate = Callable[[str], Annotations]


# --------------------------------------------------------------------------- hand-built annotations (place_fakes)

SPRINGFIELD_US = FakeEntry(1, "Springfield", "city", "US", "Illinois", population=116_000)
SPRINGFIELD_AU = FakeEntry(2, "Springfield", "city", "AU", "Queensland", population=20_000)


def test_unknown_toponym_comes_out_unresolved_with_exact_evidence() -> None:
    ann = hand_annotations("Gunmen attacked a checkpoint in Zarqawand on Monday.", ["Zarqawand"])
    [place] = extract_places(ann, gazetteer=FakeGazetteer(SPRINGFIELD_US))
    assert (place.name, place.geonames_id, place.precision) == ("Zarqawand", None, GeoPrecision.UNKNOWN)
    assert place.evidence[0].text == ann.text[place.evidence[0].start : place.evidence[0].end] == "Zarqawand"
    assert place.extractor == "places@6"


@pytest.mark.parametrize(("dateline", "country"), [(None, "US"), ("AU", "AU"), ("US", "US")])
def test_dateline_country_steers_an_ambiguous_name(dateline: str | None, country: str) -> None:
    ann = hand_annotations("Police said a man was shot in Springfield overnight.", ["Springfield"])
    gazetteer = FakeGazetteer(SPRINGFIELD_US, SPRINGFIELD_AU)
    [place] = extract_places(ann, gazetteer=gazetteer, dateline_country=dateline)
    assert place.country == country
    assert [c["country"] for c in place.candidates] == [country, ({"US", "AU"} - {country}).pop()]


def test_place_ids_are_stable_and_depend_on_the_span() -> None:
    text = "Shelling hit Springfield and later Springfield again."
    ann = hand_annotations(text, [])
    ann = Annotations(text=text, tokens=ann.tokens, sentences=ann.sentences, children=ann.children, entities=(
        Span(start=13, end=24, token_start=2, token_end=3, label="GPE"),
        Span(start=35, end=46, token_start=5, token_end=6, label="GPE"),
    ))
    gazetteer = FakeGazetteer(SPRINGFIELD_US)
    first = extract_places(ann, gazetteer=gazetteer)
    again = extract_places(ann, gazetteer=gazetteer)
    assert [p.id for p in first] == [p.id for p in again]
    assert len({p.id for p in first}) == 2
    assert all(p.id.startswith("pl_") for p in first)


def test_near_cue_gives_near_precision_for_a_town_but_not_for_a_country() -> None:
    country = FakeEntry(3, "Freedonia", "country", "FD", population=5_000_000)
    town = FakeEntry(4, "Ostra", "city", "FD", "North", population=30_000)
    ann = hand_annotations("A mine exploded near Ostra and near Freedonia.", ["Ostra", "Freedonia"])
    ostra, freedonia = extract_places(ann, gazetteer=FakeGazetteer(country, town))
    assert (ostra.precision, freedonia.precision) == (GeoPrecision.NEAR, GeoPrecision.COUNTRY)


def test_empty_annotations_give_no_places() -> None:
    ann = Annotations(text="", tokens=(), sentences=(), entities=())
    assert extract_places(ann, gazetteer=FakeGazetteer()) == []


# --------------------------------------------------------------------------- words come from the lexicon


def lexicon_with(section: str, **changes: object) -> Lexicon:
    """English with some keys of one section replaced or left out (``None``): a stand-in for another language."""
    en = default_lexicon()
    sections = {k: dict(v) for k, v in en.sections.items()}
    for key, value in changes.items():
        if value is None:
            sections[section].pop(key)
        else:
            sections[section][key] = value
    return Lexicon(code="xx", name="Test", model=en.model, sections=sections)


OSTRA = FakeEntry(4, "Ostra", "city", "FD", "North", population=30_000)


def test_a_locative_preposition_of_the_injected_lexicon_is_a_place_cue() -> None:
    # a name the model did not tag is a place only after a place cue: "dans" is one only in the lexicon that says so
    ann = hand_annotations("Fighting resumed dans Ostra yesterday.", [])
    english = default_lexicon().section("places")["locative_prepositions"]
    assert extract_places(ann, gazetteer=FakeGazetteer(OSTRA)) == []
    [place] = extract_places(ann, gazetteer=FakeGazetteer(OSTRA),
                             lexicon=lexicon_with("places", locative_prepositions=[*english, "dans"]))
    assert (place.name, place.geonames_id) == ("Ostra", 4)


def test_month_names_of_the_injected_calendar_keep_a_date_entity_a_date() -> None:
    # "in Ostra" tagged DATE holds no month, weekday or digit: the scan may read it as a place, unless the
    # lexicon's calendar names a month so
    ann = hand_annotations("Fighting resumed in Ostra yesterday.", ["Ostra"], label="DATE")
    assert [p.name for p in extract_places(ann, gazetteer=FakeGazetteer(OSTRA))] == ["Ostra"]
    months = {**default_lexicon().section("calendar")["months"], "ostra": 13}
    assert extract_places(ann, gazetteer=FakeGazetteer(OSTRA), lexicon=lexicon_with("calendar", months=months)) == []


def test_a_language_must_give_every_word_list_of_the_places_stage() -> None:
    ann = hand_annotations("Fighting resumed in Ostra yesterday.", ["Ostra"])
    with pytest.raises(ConfigError, match="site_words"):
        extract_places(ann, gazetteer=FakeGazetteer(OSTRA), lexicon=lexicon_with("places", site_words=None))


def test_every_key_of_a_places_yaml_is_documented_and_every_language_has_the_same_keys() -> None:
    english = set(load_lexicon("en").section("places"))
    for code in languages():
        path = resources.files("sitrep.lang").joinpath(code, "places.yaml")
        if not path.is_file():
            continue  # a language still being written; the stage refuses it (the test above)
        lines = path.read_text(encoding="utf-8").splitlines()
        undocumented = [line.split(":")[0] for i, line in enumerate(lines)
                        if re.match(r"[a-z_]+:", line) and not lines[i - 1].startswith("#")]
        assert undocumented == [], f"{code}/places.yaml: keys without a comment above them"
        assert set(load_lexicon(code).section("places")) == english
        assert place_words(load_lexicon(code)).admin_words  # builds, and says how it names units


# --------------------------------------------------------------------------- real model and gazetteer


@pytest.fixture(scope="session")
def gazetteer():
    from sitrep.resolve.gazetteer import make_gazetteer

    return make_gazetteer()


@pytest.fixture(scope="session")
def places_of(annotate: Annotate, gazetteer) -> Callable[..., list[Place]]:
    def run(text: str, **options) -> list[Place]:
        return extract_places(annotate(text), gazetteer=gazetteer, **options)

    return run


def by_name(places: list[Place]) -> dict[str, Place]:
    return {p.name: p for p in places}


@pytest.mark.slow
def test_near_tikrit_is_a_near_place_in_iraq(places_of) -> None:
    places = by_name(places_of("Clashes erupted on the outskirts of Tikrit on Tuesday, and a mortar fell near Baiji."))
    assert (places["Tikrit"].geonames_id, places["Tikrit"].precision) == (90150, GeoPrecision.NEAR)
    assert (places["Baiji"].country, places["Baiji"].precision) == ("IQ", GeoPrecision.NEAR)


@pytest.mark.slow
def test_daquq_in_the_design_example_resolves_to_the_town(places_of) -> None:
    [place] = places_of("Two civilians were killed and five wounded on Sunday when a drone struck a market near "
                        "Daquq, police said.")
    assert (place.name, place.geonames_id, place.country, place.admin1) == ("Daquq", 90220, "IQ", "Kirkuk")
    assert place.lat == pytest.approx(35.14, abs=0.01)
    assert place.precision == GeoPrecision.NEAR


@pytest.mark.slow
@pytest.mark.parametrize(("text", "name", "country"), [
    ("Rebels burned a village in northern Central African Republic on Thursday.", "Central African Republic", "CF"),
    ("Police fired tear gas at marchers in the Dominican Republic.", "Dominican Republic", "DO"),
])
def test_a_peoples_name_that_opens_a_countrys_name_is_the_country(places_of, text, name, country) -> None:
    # the model may tag "Central African" as a people and leave "Republic" alone: not Republic, Missouri
    [place] = places_of(text)
    assert (place.name, place.country, place.precision) == (name, country, GeoPrecision.COUNTRY)


@pytest.mark.slow
def test_a_name_after_a_verb_of_telling_that_ends_the_sentence_is_who_tells_it(places_of) -> None:
    places = places_of("Two policemen died on the spot and three were taken to hospital in Sukma, reported CNNNews18.")
    assert [p.name for p in places] == ["Sukma"]
    # as the subject before the verb, a place still names a place ("Illinois reported the largest increase")
    assert [p.name for p in places_of("Illinois reported the largest increase in cases.")] == ["Illinois"]


@pytest.mark.slow
def test_a_peoples_adjective_on_a_noun_of_place_names_its_country(places_of) -> None:
    [place] = places_of("Israeli strikes on two southern Lebanese villages killed six people.")
    assert (place.name, place.country, place.precision, place.evidence[0].text) == (
        "Lebanon", "LB", GeoPrecision.COUNTRY, "Lebanese")
    # on anything else it names who, not where; and a border is the neighbour's edge, not inside it
    assert places_of("Israeli strikes killed six people on Saturday.") == []
    assert [p.country for p in places_of("The bomb went off in Manbij near the Turkish border.")] == ["SY"]


@pytest.mark.slow
def test_alexandria_louisiana_is_the_us_city(places_of) -> None:
    places = by_name(places_of("A chemical plant in Alexandria, Louisiana, was evacuated after the blast."))
    assert (places["Alexandria"].country, places["Alexandria"].admin1) == ("US", "Louisiana")
    assert (places["Louisiana"].feature, places["Louisiana"].precision) == ("admin1", GeoPrecision.ADMIN1)


@pytest.mark.slow
def test_alexandria_in_an_article_about_egypt_is_the_egyptian_city(places_of) -> None:
    text = ("Egypt's interior ministry said security forces arrested 12 people in Alexandria after protests. "
            "Clashes were also reported in Cairo.")
    assert by_name(places_of(text))["Alexandria"].country == "EG"


@pytest.mark.slow
def test_alexandria_with_a_us_dateline_is_the_american_city(places_of) -> None:
    place = by_name(places_of("Protesters marched through Alexandria on Saturday.", dateline_country="US"))["Alexandria"]
    assert place.country == "US"


@pytest.mark.slow
def test_jordan_the_speaker_is_not_a_place_but_jordan_the_country_is(places_of) -> None:
    spoken = places_of("Jordan said the border with Syria would stay closed until further notice.")
    assert "Jordan" not in by_name(spoken)
    assert by_name(spoken)["Syria"].country == "SY"
    moved = by_name(places_of("Thousands of refugees crossed into Jordan last month."))
    assert (moved["Jordan"].country, moved["Jordan"].feature, moved["Jordan"].precision) == (
        "JO", "country", GeoPrecision.COUNTRY)


@pytest.mark.slow
def test_person_named_like_a_place_is_not_a_place(places_of) -> None:
    assert by_name(places_of("Jordan Peterson spoke to students in Toronto on Friday.")).keys() == {"Toronto"}


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Iraqi forces shelled the positions overnight.",
    "Syrian and Turkish troops exchanged fire.",
    "Ukrainian troops withdrew after heavy shelling.",
])
def test_demonyms_are_not_places(places_of, text: str) -> None:
    assert places_of(text) == []


@pytest.mark.slow
def test_anbar_province_is_the_iraqi_governorate(places_of) -> None:
    [place] = places_of("Airstrikes targeted militants in Anbar province on Monday.")
    assert (place.name, place.feature, place.country, place.geonames_id, place.precision) == (
        "Anbar province", "admin1", "IQ", 99592, GeoPrecision.ADMIN1)


@pytest.mark.slow
@pytest.mark.parametrize("text, name, feature", [
    ("Gunmen stormed a church in northern Nigeria's Kaduna state, killing 14 worshippers.", "Kaduna", "admin1"),
    ("Gunmen stormed a church in the city of Kaduna, killing 14 worshippers.", "Kaduna", "city"),
    ("The New York state attorney general opened an inquiry into the shooting.", "New York", "admin1"),
])
def test_a_kind_written_in_lower_case_after_a_name_picks_which_place_it_is(places_of, text, name, feature) -> None:
    place = by_name(places_of(text))[name]
    assert (place.feature, place.name) == (feature, name)


@pytest.mark.slow
def test_a_name_the_model_calls_an_organisation_is_a_place_when_its_kind_follows(places_of) -> None:
    place = by_name(places_of("Three drones hit a power station in the Sumy region on Friday."))["Sumy region"]
    assert (place.feature, place.country) == ("admin1", "UA")


@pytest.mark.slow
def test_a_state_in_lower_case_after_a_name_the_model_calls_an_organisation_makes_it_a_place(places_of) -> None:
    text = "Gunmen kidnapped about 80 pupils from a school in Nigeria's northwestern Kebbi state on Thursday."
    place = by_name(places_of(text))["Kebbi"]
    assert (place.feature, place.country) == ("admin1", "NG")


@pytest.mark.slow
def test_a_kind_after_a_word_does_not_make_it_a_place(places_of) -> None:
    assert "Battleground" not in by_name(places_of("Battleground states will decide it, she said in Ohio."))


@pytest.mark.slow
def test_towns_the_model_misses_are_found_through_the_gazetteer(places_of) -> None:
    places = by_name(places_of("Iraqi forces retook Amerli and Jurf al-Sakhar from Islamic State fighters last week."))
    assert (places["Amerli"].country, places["Amerli"].admin1, places["Amerli"].precision) == (
        "IQ", "Salah ad Din", GeoPrecision.EXACT)
    assert places["Jurf al-Sakhar"].country == "IQ"
    assert "Islamic State" not in places


@pytest.mark.slow
def test_capitalised_common_words_are_not_taken_for_towns(places_of) -> None:
    # "Hit" is an Iraqi town, "Police" a Polish one: neither is meant here
    assert places_of("Police said the blast hit a crowded market. Officials blamed insurgents.") == []


@pytest.mark.slow
def test_containment_picks_the_admin_qualified_town(places_of) -> None:
    places = by_name(places_of("Fighting was reported in Tikrit, Salahuddin province, late on Sunday."))
    assert places["Tikrit"].admin1 == "Salah ad Din"
    assert (places["Salahuddin province"].geonames_id, places["Salahuddin province"].feature) == (91695, "admin1")


@pytest.mark.slow
def test_a_place_after_a_units_kind_and_a_comma_says_where_the_unit_is(places_of) -> None:
    # Benin and Nigeria both have a Plateau, Germany a Bassa: the local government area and the state after it
    # are Nigeria's, though the model takes the state for a person
    places = by_name(places_of("Gunmen killed six people on Saturday in a village in Bassa local government area, "
                               "Plateau."))
    assert (places["Bassa"].country, places["Bassa"].feature, places["Bassa"].admin1) == ("NG", "admin2", "Plateau")
    assert places["Plateau"].country == "NG"


@pytest.mark.slow
def test_a_unit_named_with_its_kind_is_a_place_though_the_model_calls_it_an_organisation(places_of) -> None:
    places = by_name(places_of("Herders raided Kukawa community of Riyom Local Government Area of Plateau State, "
                               "police said."))
    assert (places["Riyom"].country, places["Riyom"].feature) == ("NG", "admin2")
    # the kind in lower case after a town's name chooses the unit over the town of that name
    places = by_name(places_of("Armed men attacked a market in Gwoza local government area, Borno, on Tuesday."))
    assert (places["Gwoza"].feature, places["Gwoza"].admin1) == ("admin2", "Borno")


def test_a_languages_kinds_in_several_words_need_a_known_class() -> None:
    with pytest.raises(ConfigError, match="local government area"):
        place_words(lexicon_with("places", admin_phrases={"local government area": "parish"}))


@pytest.mark.slow
def test_region_words_choose_the_region_over_the_city(places_of) -> None:
    places = by_name(places_of("Russian shelling continued in the Donetsk region. Shells also hit Donetsk on Friday."))
    assert places["Donetsk region"].feature == "admin1"
    assert (places["Donetsk"].feature, places["Donetsk"].country) == ("city", "UA")


ARTICLE = (
    "Iraqi security forces and allied militias launched an offensive on Sunday to retake Tikrit from Islamic State "
    "fighters, officials in Baghdad said. The operation, backed by airstrikes, began on the outskirts of Tikrit and "
    "advanced from Samarra in the south. A police officer in Kirkuk said two car bombs exploded near Daquq, killing "
    "five people and wounding twelve. In Anbar province, militants attacked Haditha and shelled positions near Ramadi, "
    "while families fled Fallujah towards Baghdad. In Syria, Kurdish fighters in Kobani reported clashes, and "
    "airstrikes hit Raqqa and Deir ez-Zor. Jordan said it would keep its border closed. "
)


@pytest.mark.slow
def test_every_place_evidence_is_exact_text(annotate: Annotate, gazetteer) -> None:
    ann = annotate(ARTICLE)
    places = extract_places(ann, gazetteer=gazetteer)
    assert {"Samarra", "Haditha", "Kobani", "Deir ez-Zor", "Anbar province"} <= {p.name for p in places}
    assert check_evidence(ann.text, [e for p in places for e in p.evidence]) == []
    assert all(p.name == p.evidence[0].text for p in places)
    assert {p.country for p in places if p.geonames_id} <= {"IQ", "SY"}


@pytest.mark.slow
def test_a_sea_tagged_loc_is_the_sea_not_the_namesake_province(places_of) -> None:
    places = by_name(places_of("The Houthis attacked a cargo ship in the Red Sea off Hodeidah, Yemen."))
    assert (places["Red Sea"].feature, places["Red Sea"].country) == ("region", None)
    assert (places["Hodeidah"].country, places["Hodeidah"].precision) == ("YE", GeoPrecision.EXACT)


# --------------------------------------------------------------------------- state context, names with directions


PARIS_FR = FakeEntry(10, "Paris", "city", "FR", "Ile-de-France", population=2_100_000)
PARIS_TX = FakeEntry(11, "Paris", "city", "US", "Texas", population=25_000)
PARIS_TN = FakeEntry(12, "Paris", "city", "US", "Tennessee", population=10_000)
TEXAS = FakeEntry(20, "Texas", "admin1", "US", "Texas", population=20_000_000)
LAMAR_COUNTY = FakeEntry(21, "Lamar County", "admin2", "US", "Texas", population=0)


def test_the_articles_state_picks_the_town_of_that_state() -> None:
    gazetteer = FakeGazetteer(PARIS_FR, PARIS_TX, PARIS_TN, TEXAS, LAMAR_COUNTY)
    ann = hand_annotations("Deputies in Lamar County and in Texas searched a house in Paris.",
                           ["Lamar County", "Texas", "Paris"])
    places = extract_places(ann, gazetteer=gazetteer)
    assert [(p.name, p.geonames_id) for p in places] == [("Lamar County", 21), ("Texas", 20), ("Paris", 11)]


def test_without_state_context_the_populous_namesake_wins() -> None:
    gazetteer = FakeGazetteer(PARIS_FR, PARIS_TX, PARIS_TN)
    places = extract_places(hand_annotations("Talks resumed in Paris.", ["Paris"]), gazetteer=gazetteer)
    assert places[0].geonames_id == 10


def test_a_direction_that_is_part_of_the_name_is_kept() -> None:
    west_bank = FakeEntry(30, "West Bank", "admin1", "PS", "West Bank", population=2_000_000)
    bank = FakeEntry(31, "Bank", "city", "IN", "Bihar", population=5_000)
    gazetteer = FakeGazetteer(west_bank, bank, FakeEntry(32, "Syria", "country", "SY", population=18_000_000))
    ann = hand_annotations("Raids in the West Bank and in northern Syria.", ["West Bank", "northern Syria"])
    assert [(p.name, p.geonames_id) for p in extract_places(ann, gazetteer=gazetteer)] == [("West Bank", 30),
                                                                                           ("Syria", 32)]


def test_a_village_named_after_its_state_does_not_beat_the_state() -> None:
    state = FakeEntry(40, "Minnesota", "admin1", "US", "Minnesota", population=4_000_000)
    village = FakeEntry(41, "Minnesota", "city", "US", "Minnesota", population=900)
    gazetteer = FakeGazetteer(state, village)
    places = extract_places(hand_annotations("Snow fell across Minnesota.", ["Minnesota"]), gazetteer=gazetteer)
    assert places[0].geonames_id == 40 and places[0].precision == GeoPrecision.ADMIN1


def test_a_state_named_inside_an_agency_is_a_place(places_of) -> None:
    text = "Farmers in Ohio asked the Ohio Department of Agriculture for help after the floods."
    found = [(p.name, p.feature, p.country) for p in places_of(text)]
    assert found.count(("Ohio", "admin1", "US")) == 2


def test_a_town_inside_an_organisation_counts_only_when_the_article_names_it(places_of) -> None:
    with_town = "Police in Gainesville, Georgia, said the Gainesville Riding Club stables burned on Monday."
    names = [p.name for p in places_of(with_town)]
    assert names.count("Gainesville") == 2
    alone = "Tickets for the Independence Seaport Museum gala sold out, organisers said."
    assert [p.name for p in places_of(alone)] == []


def test_a_town_modifying_man_or_police_is_a_place(places_of) -> None:
    text = "Police arrested a man on Friday. A Roselle man was charged, and Roselle police said more arrests may follow."
    found = [(p.name, p.country) for p in places_of(text, dateline_country="US")]
    assert ("Roselle", "US") in found


def test_an_upper_case_dateline_after_the_title_is_a_place(places_of) -> None:
    text = "Lawmakers weigh apology. HARTFORD — Connecticut legislators are considering an apology."
    found = {p.name: (p.country, p.admin1) for p in places_of(text)}
    assert found.get("HARTFORD") == ("US", "Connecticut")


GEORGIA_GE = FakeEntry(50, "Georgia", "country", "GE", population=3_700_000)
GEORGIA_US = FakeEntry(51, "Georgia", "admin1", "US", "Georgia", population=10_000_000)
OCONEE = FakeEntry(52, "Oconee County", "admin2", "US", "Georgia", population=0)
TBILISI = FakeEntry(53, "Tbilisi", "city", "GE", "Tbilisi", population=1_000_000)


@pytest.mark.parametrize(("other", "expected"), [("Oconee County", 51), ("Tbilisi", 50)])
def test_a_name_repeated_never_vouches_for_itself(other: str, expected: int) -> None:
    gazetteer = FakeGazetteer(GEORGIA_GE, GEORGIA_US, OCONEE, TBILISI)
    text = f"Georgia schools in {other} reopened. Georgia officials said Georgia would pay."
    places = extract_places(hand_annotations(text, ["Georgia", other]), gazetteer=gazetteer)
    georgias = {p.geonames_id for p in places if p.name == "Georgia"}
    assert georgias == {expected}


def test_a_country_beats_a_small_namesake_town_of_the_articles_country() -> None:
    china_me = FakeEntry(60, "China", "city", "US", "Maine", population=4_000)
    china = FakeEntry(61, "China", "country", "CN", population=1_400_000_000)
    gazetteer = FakeGazetteer(china_me, china, SPRINGFIELD_US)
    ann = hand_annotations("Springfield exports soybeans to China, and China buys more.", ["Springfield", "China"])
    assert {p.geonames_id for p in extract_places(ann, gazetteer=gazetteer) if p.name == "China"} == {61}


def test_candidate_features_follow_the_feature_names_and_population_gap() -> None:
    from types import SimpleNamespace

    from sitrep.extract.places.scoring import FEATURE_NAMES, WEIGHTS, candidate_features, score

    big = SimpleNamespace(feature="city", population=2_000_000, country="FR")
    small = SimpleNamespace(feature="city", population=2_000, country="US")
    sea = SimpleNamespace(feature="region", population=0, country=None)
    kw = {"hint": None, "label": "GPE", "qualifying": False, "region_ctx": 0.0, "qualifier_match": False,
          "top_log_pop": 6.301}
    fb = candidate_features(big, own_name=True, country_ctx=0.0, **kw)
    fs = candidate_features(small, own_name=True, country_ctx=0.0, **kw)
    fz = candidate_features(sea, own_name=True, country_ctx=0.0, **kw)
    assert set(WEIGHTS) == set(FEATURE_NAMES) == set(fb) == set(fs) == set(fz)
    assert fb["most_populous"] == 1.0 and fs["most_populous"] == 0.0
    assert round(fs["pop_gap"], 1) == -3.0
    assert fz["no_population"] == 1.0 and fz["pop_gap"] == 0.0
    # without any document context the capital outranks the village that shares its name
    big_score = score(candidate_features(big, own_name=True, country_ctx=0.0, **kw))
    assert big_score > score(candidate_features(small, own_name=True, country_ctx=0.0, **kw))
    # a town named in its state's context (region 1.0, country 1.0) near the story's other towns beats the
    # capital abroad
    local = score(candidate_features(small, own_name=True, country_ctx=1.0, near_others=True,
                                     **{**kw, "region_ctx": 1.0}))
    assert local > big_score


def test_a_county_named_inside_its_sheriffs_office_is_a_place(places_of) -> None:
    text = "The road reopened on Monday, the Madison County Sheriff's Department said."
    found = [(p.name, p.feature, p.country) for p in places_of(text)]
    assert ("Madison County", "admin2", "US") in found


def test_a_legislators_party_and_home_town_names_a_place(places_of) -> None:
    text = "The bill passed after Rep. Barbara Lee, D-Oakland, spoke against it."
    found = [(p.name, p.country) for p in places_of(text)]
    assert ("Oakland", "US") in found


def test_a_hamlet_sharing_an_english_word_is_not_a_civic_place(places_of) -> None:
    text = "Tamil Nadu moved the Supreme Court on Saturday over the water dispute."
    assert "Supreme" not in [p.name for p in places_of(text)]


def test_a_district_whose_last_word_the_model_took_for_a_person_is_found_whole(places_of) -> None:
    text = "Insurgents attacked a patrol in Nad-e Ali district of Helmand province on Tuesday."
    found = {p.name: (p.country, p.admin1) for p in places_of(text)}
    assert found.get("Nad-e Ali district") == ("AF", "Helmand") and "Ali" not in found


@pytest.mark.slow
def test_an_airport_named_after_its_city_is_placed_near_that_city(places_of) -> None:
    places = places_of("Gunmen attacked Baghdad International Airport on Monday, officials said.")
    airport = [p for p in places if p.evidence[0].text == "Baghdad"]
    assert len(airport) == 1
    assert (airport[0].country, airport[0].precision) == ("IQ", GeoPrecision.NEAR)


@pytest.mark.slow
def test_a_street_named_after_a_city_is_placed_in_the_town_of_the_article(places_of) -> None:
    places = by_name(places_of("A car bomb exploded on Haifa Street in Baghdad on Monday, police said."))
    street = places["Haifa Street"]
    assert (street.country, street.admin1, street.precision) == ("IQ", "Baghdad", GeoPrecision.NEAR)
    assert street.candidates[0]["via"] == "article context"


@pytest.mark.slow
@pytest.mark.parametrize("text, absent", [
    ("Students at Marjory Stoneman Douglas High School in Parkland, Florida, walked out.", "Douglas"),
    ("Patients at the Central Mental Hospital were moved on Friday.", "Central"),
])
def test_a_name_inside_a_sites_name_is_not_a_town_of_its_own(places_of, text, absent) -> None:
    assert absent not in [p.evidence[0].text for p in places_of(text)]


@pytest.mark.slow
def test_a_countrys_possessive_ministry_stays_the_country(places_of) -> None:
    places = places_of("Russia's Foreign Ministry said on Tuesday it would respond.")
    assert [(p.name, p.feature) for p in places] == [("Russia", "country")]


@pytest.mark.slow
@pytest.mark.parametrize("text, inside", [
    ("Ships waited outside the Port of Los Angeles on Monday.", ["Los Angeles"]),  # one LOC entity
    ("Flights between Greece Italy and Spain resumed.", ["Greece", "Italy", "Spain"]),  # one GPE entity, a typo
])
def test_a_place_entity_the_gazetteer_does_not_know_yields_the_places_inside_it(places_of, text, inside) -> None:
    places = places_of(text)
    assert [p.evidence[0].text for p in places] == inside
    assert all(p.lat is not None for p in places)


@pytest.mark.slow
def test_gaza_in_an_article_about_israel_is_the_palestinian_city(places_of) -> None:
    places = places_of("Israeli troops killed two men in Gaza on Monday, Israel's army said.")
    gaza = by_name(places)["Gaza"]
    assert (gaza.country, gaza.feature) == ("PS", "city")
    assert gaza.lat is not None


@pytest.mark.slow
def test_huntsville_and_walker_county_together_are_in_texas(places_of) -> None:
    places = places_of("Deputies from Walker County arrested a Huntsville man on Monday.")
    assert [(p.name, p.admin1) for p in places] == [("Walker County", "Texas"), ("Huntsville", "Texas")]
    alone = places_of("A man was shot in Huntsville on Monday, police said.")
    assert [(p.name, p.admin1) for p in alone] == [("Huntsville", "Alabama")]


@pytest.mark.slow
@pytest.mark.parametrize("text, absent", [
    ("Leaders in the West condemned the strike on Monday.", "West"),
    ("Gunmen attacked a checkpoint in Kirkuk on Monday.", "Gunmen"),
    ("Detectives in Region Two are looking for the driver, police in Guyana said.", "Region"),
])
def test_a_compass_word_or_a_common_noun_alone_is_not_a_place(places_of, text, absent) -> None:
    assert absent not in [p.evidence[0].text for p in places_of(text)]


@pytest.mark.slow
def test_a_name_that_qualifies_an_actor_is_no_place_whatever_the_model_tags_it(places_of) -> None:
    # the model tags "Saudi" of "Saudi-led" as a people, and "in" before it looked like a place's cue
    assert [p.evidence[0].text for p in places_of("Twelve die in Saudi-led raid on Saada market")] == ["Saada"]


@pytest.mark.slow
def test_a_name_with_its_distance_from_a_town_is_a_place(places_of) -> None:
    places = by_name(places_of("Fighters overran an army post and a village, Jowhar, 90 kilometers north of Mogadishu, "
                               "on Friday."))
    assert places["Jowhar"].country == "SO" and places["Mogadishu"].precision == GeoPrecision.NEAR


@pytest.mark.slow
def test_whom_a_report_cites_is_no_place_but_the_place_of_a_citing_institution_is(places_of, gazetteer) -> None:
    # "Punch" is a newspaper and a town in Kashmir: after "according to" it is the paper
    names = [p.evidence[0].text for p in places_of("According to Punch, the gunmen fled towards Kankara on Monday.")]
    assert "Punch" not in names and "Kankara" in names
    from sitrep.nlp.spacy_adapter import annotate

    french = extract_places(annotate("Selon Bamako, les assaillants ont fui vers Ménaka.", language="fr"),
                            gazetteer=gazetteer, lexicon=load_lexicon("fr"))
    assert [p.evidence[0].text for p in french] == ["Ménaka"]
    assert "Chicago" in [p.evidence[0].text for p in places_of("A man was stabbed, according to Chicago police.")]


@pytest.mark.slow
@pytest.mark.parametrize("text, name, feature, country", [
    ("Flooding hit Moncton, N.B., on Tuesday.", "N.B.", "admin1", "CA"),
    ("Veterans of the war in Afghanistan fought for the Soviet Union.", "Soviet Union", "country", "RU"),
    ("Ships from Trinidad docked in Caracas.", "Trinidad", "region", "TT"),
])
def test_reviewed_names_reach_their_place(places_of, text, name, feature, country) -> None:
    place = by_name(places_of(text))[name]
    assert (place.feature, place.country) == (feature, country)


@pytest.mark.slow
@pytest.mark.parametrize("text, name, country", [
    ("BEIRUT (AP) — Rescue teams searched the rubble of a collapsed building on Tuesday.", "BEIRUT", "LB"),
    ("Coalition advisers remained in Manbij with Kurdish units.", "Manbij", "SY"),  # tagged DATE
    ("Rebels held the last patch of eastern Ghouta on Monday, monitors said.", "Ghouta", "SY"),
])
def test_datelines_date_tagged_names_and_directed_names_are_found(places_of, text, name, country) -> None:
    assert by_name(places_of(text))[name].country == country


@pytest.mark.slow
def test_a_feast_tagged_date_is_not_a_town(places_of) -> None:
    assert [p.name for p in places_of("Attacks rose in Ramadan and at Christmas in Saudi Arabia.")] == ["Saudi Arabia"]


@pytest.mark.slow
def test_two_bases_joined_by_and_are_two_reviewed_landmarks(places_of) -> None:
    places = places_of("Rockets hit Kandahar Airfield and Bagram Airfield on Monday.")
    assert [(p.name, p.feature, p.admin1) for p in places] == [
        ("Kandahar Airfield", "landmark", "Kandahar"), ("Bagram Airfield", "landmark", "Parwan")]


@pytest.mark.slow
def test_a_surname_of_the_article_is_a_person_not_a_town(places_of) -> None:
    text = "Senator Mark Pruitt spoke on Tuesday. The governor was never a fan of Pruitt."
    assert "Pruitt" not in [p.evidence[0].text for p in places_of(text)]  # the model tags the second one GPE
    kept = places_of("The actor Michael B. Jordan flew to Jordan on Monday to visit a refugee camp.")
    assert [(p.evidence[0].text, p.feature) for p in kept] == [("Jordan", "country")]


@pytest.mark.slow
def test_seats_of_government_are_landmarks_not_namesake_towns(places_of) -> None:
    places = by_name(places_of("Protesters gathered outside the White House on Sunday, police said."))
    assert (places["White House"].feature, places["White House"].admin1) == ("landmark", "District of Columbia")


@pytest.mark.slow
def test_a_direction_is_trimmed_only_before_a_well_known_name(places_of) -> None:
    text = "Aides in the West Wing were nervous. Fighting raged in West Mosul and in Northern Israel."
    assert [p.evidence[0].text for p in places_of(text)] == ["Mosul", "Israel"]


@pytest.mark.slow
def test_acronyms_and_words_the_article_uses_as_words_are_not_towns(places_of) -> None:
    text = ("Ministers from NATO met in Brussels. Aid groups say there is little hope left. "
            "Officials gathered in Hope on Monday. Aid arrived from the US, which told us it would help.")
    found = [p.evidence[0].text for p in places_of(text)]
    assert "NATO" not in found and "Hope" not in found
    assert "Brussels" in found and "US" in found


@pytest.mark.slow
def test_a_lower_case_word_is_never_a_place(places_of) -> None:
    text = "Residents of the metro area say they don’t feel safe, officials in Jakarta said."
    assert [p.evidence[0].text for p in places_of(text)] == ["Jakarta"]


@pytest.mark.slow
def test_an_arabic_article_in_lower_case_keeps_the_name(places_of) -> None:
    place = by_name(places_of("Troops advanced in al-Anbar province on Sunday."))["al-Anbar province"]
    assert (place.country, place.feature) == ("IQ", "admin1")


@pytest.mark.slow
def test_an_actor_of_the_table_is_not_a_town_that_lists_its_name(places_of) -> None:
    from sitrep.pipeline import actor_name_test
    from sitrep.resolve.actor_table import make_actor_table

    is_actor = actor_name_test(make_actor_table())
    alone = "Fighters from the Taliban attacked a checkpoint."
    assert [p.evidence[0].text for p in places_of(alone)] == ["Taliban"]  # a Turkish village lists the name
    assert places_of(alone, is_actor=is_actor) == []
    text = "Fighters from the Taliban attacked a checkpoint in Kandahar. Officials in the Kremlin were silent."
    assert [p.evidence[0].text for p in places_of(text, is_actor=is_actor)] == ["Kandahar", "Kremlin"]
    # and a Turkish village is off the map of a story in Kandahar anyway
    assert "Taliban" not in [p.evidence[0].text for p in places_of(text)]


@pytest.mark.slow
@pytest.mark.parametrize("text, name, country", [
    ("M23 rebels advanced on Goma in eastern Congo on Monday.", "Congo", "CD"),
    ("Azerbaijani forces took control of Nagorno-Karabakh in September.", "Nagorno-Karabakh", "AZ"),
    ("Troops from the Netherlands arrived on Monday.", "Netherlands", "NL"),
    ("Refugees crossed into Turkiye on Friday.", "Turkiye", "TR"),
])
def test_the_short_names_news_uses_for_countries_and_contested_regions(places_of, text, name, country) -> None:
    assert by_name(places_of(text))[name].country == country


@pytest.mark.slow
def test_a_large_town_after_a_place_cue_is_the_town_whatever_label_the_model_gives(places_of) -> None:
    # the small model calls "Gao" a person; a regional capital named after "in" is the town, with no other context
    assert [(p.name, p.country) for p in places_of("Gunmen killed two villagers in Gao on Monday.")] == [("Gao", "ML")]


@pytest.mark.slow
def test_the_kind_word_closing_a_name_is_not_a_town(places_of) -> None:
    # "Bank" is also a village: the last word of "the Lakeshore Savings Bank" says what the place is, not where
    assert all(p.country != "IN" for p in places_of("A bomb exploded at the Lakeshore Savings Bank on Monday."))


@pytest.mark.slow
def test_a_name_suffix_is_never_a_place(places_of) -> None:
    assert "Sr" not in by_name(places_of("Gino Bassett, Sr., 56, was charged on Friday in Chicago."))


@pytest.mark.slow
def test_the_surname_closing_a_persons_name_is_not_a_town(places_of) -> None:
    # the model tags no person here, but "Terence Monahan" is a name: Monahan (a village abroad) is not meant
    found = places_of("Police shot a man in Crown Heights on Wednesday, according to Chief Terence Monahan.")
    assert [p.name for p in found] == ["Crown Heights"]


def test_a_name_after_a_ship_prefix_is_a_vessel_not_a_place():
    from sitrep.pipeline import extract_one

    r = extract_one("Pirates attacked a merchant ship in the Gulf of Aden on Friday. While two of their boats "
                    "managed to escape, INS Sukanya successfully intercepted the remaining three boats.",
                    published="2011-11-12")
    assert [p.name for p in r.places] == ["Gulf of Aden"]


def test_a_one_word_name_after_a_title_is_a_person() -> None:
    # "Governor Palin" names a person, so the same word the model tags a place later in the article is no town;
    # a one-word PERSON alone is not enough (the small model calls unfamiliar towns people)
    titled = hand_annotations("Governor Palin visited the church on Sunday.", ["Palin"], label="PERSON")
    assert person_names(titled, frozenset({"governor"})) == {"Palin"}
    bare = hand_annotations("Then Palin was quiet on Sunday.", ["Palin"], label="PERSON")
    assert person_names(bare, frozenset({"governor"})) == set()


def test_a_name_whose_apposition_is_a_title_is_a_person() -> None:
    # "Karim Nouri, a spokesman for the popular forces": the model may tag the name a place at a paragraph's start
    text = "Then Karim Nouri, a spokesman for the forces, spoke on Monday."
    ann = hand_annotations(text, ["Karim Nouri"], label="GPE")
    tokens = list(ann.tokens)
    # the hand parse: "Karim" a compound of "Nouri", "spokesman" its apposition
    tokens[1] = replace(tokens[1], dep="compound", head=2)
    tokens[3] = replace(tokens[3], dep="punct", head=2)
    tokens[4] = replace(tokens[4], dep="det", head=5)
    tokens[5] = replace(tokens[5], dep="appos", head=2)
    children = tuple(tuple(t.i for t in tokens if t.head == h.i and t.i != h.i) for h in tokens)
    ann = replace(ann, tokens=tuple(tokens), children=children)
    assert {"Nouri", "Karim Nouri"} <= person_names(ann, frozenset({"spokesman"}))
    assert person_names(ann, frozenset()) == set()


@pytest.mark.slow
def test_a_medium_written_as_a_word_may_open_a_place(places_of) -> None:
    # only an agency's acronym run into a name is set aside ("à l'AFP Moussa Kanté"); "channel" is a medium noun too
    text = "Ferries to the Channel Islands were cancelled on Monday after the storm."
    assert "Channel Islands" in [p.evidence[0].text for p in places_of(text)]


@pytest.mark.slow
def test_a_name_particle_alone_is_no_place(places_of) -> None:
    # the model may cut "Al" off "Al Jalwah"; "Al" alone names a town in Norway
    places = places_of("The rebels targeted five houses in Al Jalwah district on Thursday.")
    assert "Al" not in [p.evidence[0].text for p in places]


@pytest.mark.parametrize(("text", "mentions", "names"), [
    # "Kazakh" is also one of a city's other names: the phrase only describes the city named after "of"
    ("Police detained dozens of workers in the Kazakh city of Zhanaozen on Tuesday.", ["Kazakh city", "Zhanaozen"],
     ["Zhanaozen"]),
    # a village "of" a wider area is a name of its own
    ("Gunmen attacked Torba village of Guma Local Government Area on Monday.",
     ["Torba village", "Guma Local Government Area"], ["Torba village", "Guma"]),
])
def test_a_settlements_title_before_of_and_a_name_describes_that_name(text, mentions, names):
    city = FakeEntry(1, "Petropavl", "city", "KZ", "North", lat=54.9, lon=69.2, population=200_000)
    zhanaozen = FakeEntry(2, "Zhanaozen", "city", "KZ", "Mangystau", lat=43.3, lon=52.8, population=90_000)
    torba = FakeEntry(3, "Torba", "city", "NG", "Benue", lat=7.6, lon=8.6, population=5_000)
    guma = FakeEntry(4, "Guma", "admin2", "NG", "Benue", lat=7.9, lon=8.7, population=0)
    gazetteer = FakeGazetteer(city, zhanaozen, torba, guma, aliases={"Kazakh": [city]})
    found = extract_places(hand_annotations(text, mentions, prepositions=frozenset({"in", "of"})), gazetteer=gazetteer)
    assert [p.name for p in found] == names


@pytest.mark.slow
@pytest.mark.parametrize(("text", "medium"), [
    ("A police officer told Capital FM that gunmen attacked the village of Mpeketoni.", "Capital"),
    ("The state news agency Mehr reported that gunmen attacked a police post in Chabahar.", "Mehr"),
])
def test_a_broadcasters_or_papers_name_is_no_place(places_of, text, medium) -> None:
    names = [p.evidence[0].text for p in places_of(text)]
    assert medium not in names and names  # the place the report tells stays


@pytest.mark.slow
def test_a_place_next_to_a_media_noun_in_another_phrase_stays(places_of) -> None:
    # (guards) "a network Russia has financed", "the Gao agency" and "in Gao weekly" name no medium
    assert "Russia" in [p.name for p in places_of("He signed up with a network Russia has financed for years.")]
    assert "Gao" in [p.name for p in places_of("The aid agencies met in Gao weekly, led by the Gao agency.")]


@pytest.mark.slow
def test_a_datelines_dash_is_no_part_of_the_place(places_of) -> None:
    # the model may take the dash that opens the story into the dateline's entity
    text = "DHAKA - Police used batons and tear gas on a march of students Sunday, with two people hurt.\n\nShops stayed shut."
    assert [p.evidence[0].text for p in places_of(text)] == ["DHAKA"]
