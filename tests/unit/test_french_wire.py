"""French wire copy as it really runs (AFP, RFI, Radio Okapi styles), in sentences written for the tests: the
constructions where the French parse or phrasing differs from English and a general rule reads it right."""

from __future__ import annotations

import pytest

from sitrep.lang import load_lexicon

pytestmark = pytest.mark.slow
FR = load_lexicon("fr")


def _ann(text):
    from sitrep.nlp.spacy_adapter import annotate

    return annotate(text, language="fr")


def _counts(text):
    from sitrep.extract.casualties import extract_casualties

    return [(c.kind, c.count.best, c.count.low, c.count.high) for c in extract_casualties(_ann(text), lexicon=FR)]


@pytest.mark.parametrize(("text", "expected"), [
    # the parser makes the number the subject and the noun its adjective
    ("Au moins soixante civils ont été tués dans la nuit.", ("killed", 60, 60, None)),
    ("Au moins dix-neuf civils ont été blessés dans la nuit.", ("injured", 19, 19, None)),
    ("Au moins vingt-huit militaires ont été blessés dans la nuit.", ("injured", 28, 28, None)),
    # a headline's participle hangs on a noun tagged as an adjective
    ("Burkina : au moins 25 civils tués par des jihadistes dans le Nord", ("killed", 25, 25, None)),
    # "Plus" parsed as an adverb of the verb and the counted noun as the object of its "de"
    ("Plus de 200 soldats ont été tués dans ce conflit.", ("killed", 201, 201, None)),
    ("Plus de 200 soldats ont perdu la vie.", ("killed", 201, 201, None)),
])
def test_a_count_the_french_parser_splits_is_read_whole(text, expected):
    assert expected in _counts(text)


@pytest.mark.parametrize(("text", "day"), [
    ("Mali : un village attaqué\n\nMopti, 14 mars 2024 (AFP) - Des hommes armés ont attaqué un village.",
     "2024-03-14"),
    ("Ituri : des maisons incendiées\n\nBunia, le 3 novembre 2023 - Des miliciens ont incendié des maisons.",
     "2023-11-03"),
])
def test_a_dateline_in_ordinary_case_with_its_date_is_the_filing_day(text, day):
    from sitrep.extract.times import find_dateline

    found = find_dateline(text, lexicon=FR)
    assert found is not None and found.date.isoformat() == day


def test_a_dated_dateline_neither_dates_nor_places_the_event():
    from sitrep.pipeline import extract_one

    report = extract_one("Mali : une embuscade contre l'armée\n\nBamako, 14 mars 2024 (AFP) - Au moins neuf soldats "
                         "ont été tués mardi dans une embuscade près de Douentza, selon des sources sécuritaires.\n")
    [event] = [e for e in report.events if not e.verbal]
    assert (event.date.value, event.place.name) == ("2024-03-12", "Douentza")


def test_a_place_closing_a_headline_is_named_without_the_line_break():
    from sitrep.pipeline import extract_one

    report = extract_one("Haïti : cinq personnes enlevées par un gang à Port-au-Prince\n\nCinq personnes ont été "
                         "enlevées jeudi par des hommes armés, a indiqué la police.\n", published="2024-03-15")
    assert {p.name for p in report.places} >= {"Port-au-Prince"}
    assert not any(p.name != p.name.strip() for p in report.places)


@pytest.mark.parametrize(("text", "expected"), [
    ("Cinq civils ont été tués lors d'une attaque menée entre samedi et dimanche 14 avril.",
     ("entre samedi et dimanche 14 avril", "2024-04-13")),
    ("Le village a été attaqué entre lundi et mardi.", ("entre lundi et mardi", "2024-04-15")),
])
def test_an_attack_between_two_days_is_dated_by_the_first(text, expected):
    from sitrep.extract.times import extract_times

    assert [(t.text, t.value) for t in extract_times(_ann(text), published="2024-04-17", lexicon=FR)] == [expected]


def test_two_days_joined_without_between_stay_two_days():
    from sitrep.extract.times import extract_times

    times = extract_times(_ann("Des attaques ont eu lieu samedi et dimanche."), published="2024-04-17", lexicon=FR)
    assert [t.value for t in times] == ["2024-04-13", "2024-04-14"]


def test_hundreds_of_protesters_are_one_crowd_not_hundreds_of_protests():
    from sitrep.pipeline import extract_one

    report = extract_one("Kinshasa (AFP) - La police a utilisé des gaz lacrymogènes et des canons à eau pour disperser "
                         "des centaines de manifestants réunis devant le Parlement.\n", published="2024-05-09")
    [event] = [e for e in report.events if not e.verbal]
    assert (event.type, event.hedge) == ("protests", None)


def test_a_toll_noun_with_an_article_is_no_dead_person():
    assert [c for c in _counts("Un bilan provisoire fait aussi état de neuf blessés.") if c[0] == "killed"] == []


def test_a_count_hung_on_the_tolls_adjective_is_news_not_a_description():
    from sitrep.pipeline import extract_one

    report = extract_one("Des soldats ont été tués samedi lors d'une attaque contre un poste de l'armée près de Djibo. "
                         "Des sources locales évoquaient un «lourd bilan» provisoire d'au moins six morts.\n",
                         published="2024-03-10")
    events = [e for e in report.events if not e.verbal]
    assert [(e.hedge, e.killed.best) for e in events] == [(None, 6)]


def test_arrests_between_days_further_apart_span_those_days():
    from sitrep.extract.times import extract_times

    times = extract_times(_ann("Douze suspects ont été interpellés entre lundi et jeudi."), published="2024-04-19",
                          lexicon=FR)
    assert [(t.text, t.value) for t in times] == [("entre lundi et jeudi", "2024-04-15/2024-04-18")]


def test_a_revised_toll_is_dated_by_its_attack_not_by_the_announcement():
    from sitrep.pipeline import extract_one

    report = extract_one("Le bilan de l'embuscade tendue dimanche soir contre une patrouille près de Djibo s'est alourdi "
                         "à 31 morts, a annoncé mercredi l'armée.\n", published="2024-03-13")
    [event] = [e for e in report.events if not e.verbal]
    assert event.date.value == "2024-03-10"


@pytest.mark.parametrize(("text", "best"), [
    # the weekday parsed as the object, the victims as a modifier of the verb
    ("Des jihadistes ont tué au moins 37 civils lundi dans le département de Banibangou.", 37),
    ("Kidal (AFP) - Des assaillants ont tué au moins 14 civils mardi lors d'attaques contre deux hameaux du cercle "
     "de Ménaka, a annoncé jeudi le gouverneur.", 14),
])
def test_victims_the_parser_hangs_on_the_verb_are_counted(text, best):
    assert ("killed", best, best, None) in _counts(text)


def test_a_passive_subject_keeps_its_count_beside_a_numbered_noun():
    counts = _counts("Un gendarme a été tué et quatre autres blessés mardi soir près de Djenné.")
    assert ("killed", 1, 1, 1) in counts


def test_a_dates_day_after_the_verb_is_no_count_of_victims():
    from sitrep.extract.casualties import extract_casualties
    from sitrep.nlp.spacy_adapter import annotate

    counts = extract_casualties(annotate("The convicted man is set to die Feb. 26 in Huntsville."))
    assert all(c.count.best != 26 for c in counts)


@pytest.mark.parametrize(("text", "killed"), [
    ("Quatre gendarmes ont été tués lors d'une attaque contre leur poste près de Kaya. L'attaque, survenue dimanche "
     "soir, a aussi coûté la vie à onze assaillants, selon une source sécuritaire.", 15),
    ("Four policemen were killed in an attack on their post near Kaya. The assault on Sunday evening also killed "
     "eleven attackers, a security source said.", 15),
    # the same dead told again are no more dead
    ("Quatre gendarmes ont été tués lors d'une attaque contre leur poste près de Kaya. L'attaque, survenue dimanche "
     "soir, a aussi coûté la vie à quatre gendarmes, selon une source sécuritaire.", 4),
])
def test_another_group_of_dead_told_as_more_adds_to_the_toll(text, killed):
    from sitrep.pipeline import extract_one

    report = extract_one(text, published="2024-03-11")
    [event] = [e for e in report.events if not e.verbal]
    assert event.killed.best == killed


def test_a_place_the_gazetteer_does_not_know_does_not_split_an_incident():
    from sitrep.pipeline import extract_one

    report = extract_one("RDC : la police disperse une marche de l'opposition à Kinshasa\n\nKinshasa (AFP) - La "
                         "police a dispersé samedi à coups de gaz lacrymogènes une marche de l'opposition à Kinshasa, "
                         "faisant au moins trois blessés, selon les organisateurs.\n\nDes centaines de militants "
                         "s'étaient rassemblés dans la commune de Limete pour protester contre la vie chère.\n",
                         published="2024-03-16")
    protests = [e for e in report.events if e.type == "protests" and not e.verbal and e.hedge is None]
    assert len(protests) == 1


def test_barricades_of_burning_tyres_are_the_day_s_riot_not_a_kind_of_happening():
    from sitrep.model import Hedge
    from sitrep.pipeline import extract_one

    report = extract_one("Dans la capitale, des barricades de pneus enflammés ont été érigées lundi à Delmas par des "
                         "manifestants en colère.", published="2022-08-30")
    assert [e.hedge for e in report.events if e.type in ("riots", "protests")] != []
    assert all(e.hedge != Hedge.HISTORICAL for e in report.events if e.type in ("riots", "protests"))


@pytest.mark.parametrize(("text", "arrests"), [
    ("Le gouvernement a décidé samedi d'arrêter les poursuites contre les militants de l'opposition.", 0),
    ("L'ONU appelle les belligérants à arrêter les combats à Goma.", 0),
    ("La police a arrêté 12 manifestants dimanche à Bamako.", 1),
])
def test_arreter_with_a_thing_that_stops_is_no_arrest(text, arrests):
    from sitrep.pipeline import extract_one

    report = extract_one(text, published="2018-12-10")
    assert sum(e.subtype == "arrests" for e in report.events) == arrests
