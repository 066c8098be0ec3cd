"""French language data (sitrep/lang/fr/) at work on sentences written for the tests: dates, tolls, trigger
words, attribution and parties. Each table of lang/fr is exercised here; the parse is the French model's."""

from __future__ import annotations

import pytest

from sitrep.lang import load_lexicon

pytestmark = pytest.mark.slow
FR = load_lexicon("fr")


def _ann(text):
    from sitrep.nlp.spacy_adapter import annotate

    return annotate(text, language="fr")


def _triggers(text):
    """The event triggers the French tables find in ``text``, sentence by sentence."""
    from sitrep.extract.events.taxonomy import make_taxonomy
    from sitrep.extract.events.triggers import find_triggers
    from sitrep.extract.events.words import event_words

    ann = _ann(text)
    tax, words = make_taxonomy(FR), event_words(FR)
    return [t for si, s in enumerate(ann.sentences) for t in find_triggers(ann, s, si, tax, words)]


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("L'attaque a eu lieu jeudi 6 novembre près de Ménaka.", "2019-11-08", [("jeudi 6 novembre", "2019-11-06")]),
    ("Le 6 novembre 2019, des hommes armés ont attaqué.", "2020-01-10", [("Le 6 novembre 2019", "2019-11-06")]),
    ("Hier, deux soldats ont été tués.", "2019-11-08", [("Hier", "2019-11-07")]),
    ("Un civil a été enlevé avant-hier.", "2019-11-08", [("avant-hier", "2019-11-06")]),
    ("Dans la nuit de samedi à dimanche, le camp a été attaqué.", "2019-11-08",
     [("Dans la nuit de samedi à dimanche", "2019-11-02")]),
    ("La semaine dernière, une embuscade a fait cinq morts.", "2019-11-08", [("La semaine dernière", "2019-W44")]),
    ("Les combats ont repris mi-mars.", "2019-11-08", [("mi-mars", "2019-03-11/2019-03-20")]),
    ("Les combats ont repris début avril.", "2019-11-08", [("début avril", "2019-04-01/2019-04-10")]),
    ("Le 3 courant, une patrouille a sauté sur une mine.", "2019-11-08", [("Le 3 courant", "2019-11-03")]),
    ("En 2019, le groupe a multiplié les attaques.", "2021-02-01", [("2019", "2019")]),
    ("Le 6 novembre dernier, trois enseignants ont été enlevés.", "2019-11-20", [("Le 6 novembre dernier",
                                                                                  "2019-11-06")]),
    ("Il y a deux jours, une attaque a visé le poste.", "2019-11-08", [("Il y a deux jours", "2019-11-06")]),
    ("Il y a quelques mois, le village avait été pillé.", "2019-11-08", [("Il y a quelques mois", "2019-06/2019-09")]),
    ("Dans la nuit d'hier à aujourd'hui, ils ont attaqué.", "2019-11-08",
     [("Dans la nuit d'hier à aujourd'hui", "2019-11-07")]),
    # a night between two days, each with its weekday
    ("Le camp a été attaqué dans la nuit du samedi 12 au dimanche 13 avril 2025.", "2025-04-20",
     [("du samedi 12 au dimanche 13 avril 2025", "2025-04-12/2025-04-13")]),
    # a feast on a fixed day of the year
    ("Des hommes armés ont attaqué une église le jour de Noël.", "2021-01-02", [("le jour de Noël", "2020-12-25")]),
])
def test_french_dates_are_read_and_resolved(text, published, expected):
    from sitrep.extract.times import extract_times

    times = extract_times(_ann(text), published=published, lexicon=FR)
    assert [(t.text, t.value) for t in times] == expected


def test_a_bare_clock_time_is_on_the_day_named_before_it():
    from sitrep.extract.times import extract_times

    times = extract_times(_ann("Mardi, des milliers de personnes se sont rassemblées. Les heurts ont commencé vers "
                               "06h00 GMT."), published="2020-08-12", lexicon=FR)
    assert [(t.text, t.value) for t in times] == [("Mardi", "2020-08-11"), ("06h00 GMT", "2020-08-11")]


def test_ete_the_participle_is_no_summer():
    from sitrep.extract.times import extract_times

    assert extract_times(_ann("Deux soldats ont été tués."), published="2019-11-08", lexicon=FR) == []


@pytest.mark.parametrize(("text", "kind", "best", "low", "high"), [
    ("Une vingtaine de civils ont été tués cette semaine.", "killed", 20, 20, 20),
    ("Au moins 16 soldats ont été tués.", "killed", 16, 16, None),
    ("L'attaque a fait plusieurs dizaines de morts.", "killed", 20, 20, None),
    ("Des centaines de personnes ont été blessées.", "injured", 200, 200, None),
    ("Une dizaine de personnes ont été enlevées.", "detained", 10, 10, 10),
    ("Six soldats ont trouvé la mort.", "killed", 6, 6, 6),
    ("L'attaque a coûté la vie à dix-sept assaillants.", "killed", 17, 17, 17),
    ("Le bilan provisoire fait état de 12 morts.", "killed", 12, 12, 12),
    ("Trois personnes sont portées disparues et deux autres ont été tuées.", "killed", 2, 2, 2),
    ("Les affrontements ont provoqué lundi au moins cinq morts et plus de 30 blessés.", "killed", 5, 5, None),
    ("Les affrontements ont provoqué lundi au moins cinq morts et plus de 30 blessés.", "injured", 31, 31, None),
    # digits grouped by thousands with a space, a no-break space or a dot
    ("Les combats ont fait 1 240 morts et 3 105 blessés dans la province.", "killed", 1240, 1240, 1240),
    ("Les combats ont fait 1 240 morts et 3 105 blessés dans la province.", "injured", 3105, 3105, 3105),
    ("Le bilan s'élève à 2\u202f316 morts.", "killed", 2316, 2316, 2316),
    ("Au moins 1.508 personnes ont été tuées.", "killed", 1508, 1508, None),
])
def test_french_tolls_are_counted(text, kind, best, low, high):
    from sitrep.extract.casualties import extract_casualties

    counts = [(c.kind, c.count.best, c.count.low, c.count.high) for c in extract_casualties(_ann(text), lexicon=FR)]
    assert (kind, best, low, high) in counts


@pytest.mark.parametrize(("words", "expected"), [
    ("1 240", (1240, 1240, 1240)),
    ("12\u00a0000", (12000, 12000, 12000)),
    ("1.508", (1508, 1508, 1508)),
    ("2 300 000", (2_300_000, 2_300_000, 2_300_000)),
    ("1,5 million", (1_500_000, 1_500_000, 1_500_000)),
    ("au moins 3 105", (3105, 3105, None)),
])
def test_french_digits_are_grouped_by_thousands(words, expected):
    from sitrep.extract.casualties import parse_quantity

    assert parse_quantity(words, lexicon=FR) == expected


def test_a_year_beside_a_count_is_not_one_number():
    from sitrep.extract.casualties import extract_casualties

    found = extract_casualties(_ann("En 2019 120 soldats ont été tués."), lexicon=FR)
    assert [c.count.best for c in found if c.kind == "killed"] == [120]


def test_a_date_is_never_a_toll():
    from sitrep.extract.casualties import extract_casualties

    found = extract_casualties(_ann("Deux soldats ont été tués le 11 septembre 2021 à Chouame."), lexicon=FR)
    assert [c.count.best for c in found if c.kind == "killed"] == [2]


@pytest.mark.parametrize(("text", "subtype"), [
    ("Un attentat kamikaze a frappé le marché.", "suicide_bomb"),
    ("Des affrontements ont éclaté entre l'armée et les rebelles.", "armed_clash"),
    ("Un accrochage a eu lieu près du camp.", "armed_clash"),
    ("L'enlèvement de trois enseignants a choqué la ville.", "abduction_forced_disappearance"),
    ("Une manifestation a rassemblé des milliers de personnes.", "peaceful_protest"),
    ("Une émeute a éclaté dans la prison.", "violent_demonstration"),
    ("Une frappe aérienne a visé le convoi.", "air_drone_strike"),
    ("Le véhicule a sauté sur un engin explosif improvisé.", "remote_explosive"),
])
def test_french_trigger_words_name_their_subtype(text, subtype):
    assert subtype in [t.subtype.subtype for t in _triggers(text) if t.subtype is not None]


def test_police_firing_tear_gas_is_no_attack():
    found = [(t.subtype.subtype if t.subtype else None)
             for t in _triggers("La police a tiré des gaz lacrymogènes pour disperser les manifestants.")]
    assert None not in found and "protest_with_intervention" in found


@pytest.mark.parametrize(("text", "subtype"), [
    ("Des hommes armés ont tué douze villageois lundi près de Gusau.", "attack"),
    ("Une attaque contre un poste de l'armée près de Gusau a tué deux personnes lundi.", "armed_clash"),
])
def test_armed_doers_do_not_make_a_clash_their_target_does(text, subtype):
    from sitrep.pipeline import extract_one

    report = extract_one(text, published="2024-06-06")
    assert [e.subtype for e in report.events] == [subtype]


@pytest.mark.parametrize(("text", "regained"), [
    ("Des proches ont réclamé la libération des détenus.", False),
    ("Les soldats ont achevé la libération de la ville.", True),
    ("La reprise du pays par les rebelles a surpris.", True),
])
def test_people_freed_are_no_ground_taken(text, regained):
    found = [t.subtype.subtype for t in _triggers(text) if t.subtype is not None]
    assert ("government_regains_territory" in found) == regained


@pytest.mark.parametrize(("text", "aimed"), [
    ("Les gendarmes ont tiré en l'air devant la mairie.", False),
    ("Les soldats ont effectué des tirs de sommation près du camp.", False),
    ("Des hommes armés ont tiré sur deux commerçants près du marché.", True),
])
def test_shots_aimed_at_nobody_are_no_attack(text, aimed):
    assert bool(_triggers(text)) == aimed


@pytest.mark.parametrize(("text", "speaker", "cue", "direct"), [
    ("Deux soldats ont été tués, a indiqué l'armée.", "armée", "indiqué", False),
    ("Le ministre a déclaré que la situation était sous contrôle.", "ministre", "déclaré", False),
    ("Selon une source sécuritaire, le camp a été attaqué.", "source sécuritaire", "Selon", False),
    ("D'après des témoins, les assaillants sont arrivés à moto.", "témoins", "D'après", False),
    ("« Nous avons repoussé l'attaque », a affirmé le colonel Diarra.", "Diarra", "affirmé", True),
    ("Le camp a été attaqué, a-t-on appris de source sécuritaire.", "source sécuritaire", "de source", False),
])
def test_french_attribution_finds_speaker_and_cue(text, speaker, cue, direct):
    from sitrep.extract.claims import extract_claims

    claims = extract_claims(_ann(text), lexicon=FR)
    assert (speaker, cue, direct) in [(c.speaker.name, c.cue.text, c.direct) for c in claims]


@pytest.mark.parametrize(("text", "canonical", "kind"), [
    ("Les FAMa ont repoussé l'attaque.", "Malian Armed Forces", "state_forces"),
    ("Le JNIM a revendiqué l'embuscade.", "JNIM", "rebels"),
    ("L'EIGS est actif dans la zone.", "Islamic State in the Greater Sahara", "rebels"),
    ("Les rebelles du M23 ont pris la ville.", "M23", "rebels"),
    ("Les ADF ont tué des civils.", "Allied Democratic Forces", "rebels"),
    ("Les FARDC ont riposté.", "Armed Forces of the Democratic Republic of the Congo", "state_forces"),
    ("Des soldats maliens ont été tués.", "soldats maliens", "state_forces"),
    ("Des hommes armés ont attaqué le village.", "gunmen", "unknown"),
])
def test_french_parties_are_known(text, canonical, kind):
    from sitrep.extract.actors import extract_actors
    from sitrep.resolve.actor_table import make_actor_table

    actors = extract_actors(_ann(text), table=make_actor_table(), lexicon=FR)
    assert (canonical, kind) in [(a.canonical, a.kind) for a in actors]


def test_a_purpose_clause_tells_no_happening():
    from sitrep.pipeline import extract_one

    report = extract_one("Des habitants ont demandé mardi des renforts pour passer à l'offensive contre les rebelles "
                         "qui menacent le village, a indiqué un élu local.", published="2024-03-14")
    assert [e.hedge.value for e in report.events if e.type == "battles"] in ([], ["hypothetical"])


def test_a_page_that_opens_with_a_month_dates_its_events_within_it():
    from sitrep.extract.times import find_dateline, find_times

    text = "date 2023-02 Une attaque rebelle mardi a fait trois morts dans le nord du pays."
    dateline = find_dateline(text, lexicon=FR)
    assert dateline is not None and dateline.kind == "header_month" and dateline.month == (2023, 2)
    (tuesday,) = [t for t in find_times(_ann(text), lexicon=FR).times if t.text == "mardi"]
    assert (tuesday.start, tuesday.end) == ("2023-01-31", "2023-02-28")  # some Tuesday of that February


def test_a_town_inside_an_armed_partys_name_is_no_place():
    from sitrep.pipeline import extract_one

    report = extract_one("Des combattants de Boko Haram ont attaqué vendredi le village de Ngouboua, au Tchad, "
                         "faisant cinq morts, a indiqué une source sécuritaire.", published="2015-02-14")
    assert not any(p.name in ("Boko", "Haram") for p in report.places)


def test_a_village_the_gazetteer_lacks_is_not_its_namesake_abroad():
    # "Bule" is also a name of Bulle, in Switzerland; "la ville de Mann" one of the Isle of Man
    from sitrep.pipeline import extract_one

    report = extract_one("Des hommes armés ont tué quatre civils dimanche à Bule, un village du territoire de Djugu, "
                         "dans la province de l'Ituri, ont indiqué des sources locales.", published="2023-05-08")
    assert {p.name: p.country for p in report.places} == {"Bule": None, "Djugu": "CD", "Ituri": "CD"}
    assert [e.place.country for e in report.events] == ["CD"]
    report = extract_one("La ville de Mann, en Centrafrique, est tombée mardi aux mains des rebelles, à 500 km de "
                         "Bangui.", published="2023-05-08")
    assert {p.name: p.country for p in report.places} == {"Mann": None, "Centrafrique": "CF", "Bangui": "CF"}


@pytest.mark.parametrize(("text", "beside"), [
    ("Des hommes armés ont attaqué samedi le village de Tinkélé, situé à une quinzaine de km de Niafunké.", "Niafunké"),
    ("Des hommes armés ont attaqué samedi Tinkélé, à 12 kilomètres au nord de Niafunké.", "Niafunké"),
    ("Des hommes armés ont attaqué samedi le village de Tinkélé, près de Niafunké.", "Niafunké"),
    ("Des hommes armés ont attaqué samedi le village de Tinkélé, situé à 150 km de Mopti.", None),
    ("Des hommes armés ont attaqué samedi Tinkélé et ont fui vers Niafunké.", None),
])
def test_a_village_the_gazetteer_lacks_is_placed_beside_the_town_it_is_measured_from(text, beside):
    from sitrep.pipeline import extract_one

    places = {p.name: p for p in extract_one(text, published="2023-05-08").places}
    village = places.get("Tinkélé")
    if beside is None:
        assert village is None or village.lat is None
    else:
        assert (village.lat, village.lon) == (places[beside].lat, places[beside].lon)
        assert village.precision.value == "near" and village.evidence[0].text == "Tinkélé"


@pytest.mark.parametrize("text", [
    # a border: the attack was in Mali, beside Burkina Faso and Niger
    "Mali : dix soldats tués à Tessit\n\nUne attaque jihadiste a tué dix soldats maliens lundi près des frontières du "
    "Burkina Faso et du Niger, a indiqué l'armée. Un bilan précédent faisait état de cinq morts.",
    # an origin: the fighters came from Sudan, the town attacked is Birao
    "Un camp militaire de Birao a été attaqué dimanche.\nDes combattants venus du Soudan ont attaqué la ville, faisant "
    "trois morts, selon les autorités.",
])
def test_a_border_or_an_origin_is_not_where_the_event_happened(text):
    from sitrep.pipeline import extract_one

    report = extract_one(text, published="2023-05-10")
    assert report.events and {e.place.name for e in report.events} <= {"Tessit", "Birao"}


def test_the_town_a_village_is_measured_from_is_not_the_events_place():
    from sitrep.pipeline import extract_one

    (event,) = extract_one("Des hommes armés ont attaqué samedi le village de Tinkélé, situé à une quinzaine de km de "
                           "Niafunké, tuant deux civils.", published="2023-05-10").events
    assert (event.place.name, event.place.precision.value) == ("Tinkélé", "near")


@pytest.mark.parametrize(("text", "place"), [
    ("Deux soldats maliens ont été tués lundi dans le nord du Mali, selon l'armée. Le village de Tinkélé, situé à une "
     "vingtaine de km de Niafunké, a subi le passage des assaillants vers minuit.", "Tinkélé"),
    # the next paragraph is another story
    ("Deux soldats maliens ont été tués lundi dans le nord du Mali, selon l'armée.\n\nLe village de Tinkélé, situé à "
     "une vingtaine de km de Niafunké, a reçu la visite du gouverneur.", "Mali"),
    # a town outside the country told first is no detail of it
    ("Deux soldats maliens ont été tués lundi dans le nord du Mali, selon l'armée. Le ministre se trouvait alors à "
     "Niamey.", "Mali"),
])
def test_a_country_wide_place_yields_to_the_village_the_next_sentence_names_inside_it(text, place):
    from sitrep.pipeline import extract_one

    (event,) = extract_one(text, published="2023-05-10").events
    assert event.place.name == place


@pytest.mark.parametrize(("text", "site", "town"), [
    # the name after the site word is a town: the site is beside it
    ("Une bombe a explosé mardi au marché de Sévaré, faisant trois morts.", "Sévaré", "Sévaré"),
    ("Des obus sont tombés sur l'aéroport de Gao lundi.", "Gao", "Gao"),
    # a square named after an idea is in the town the article names there
    ("La marche devait commencer place de la Liberté, dans le centre de Bamako, mais la police l'a dispersée.",
     "place de la Liberté", "Bamako"),
    ("La manifestation partie de la Place de la Constitution a été émaillée d'incidents à Port-au-Prince.",
     "Place de la Constitution", "Port-au-Prince"),
])
def test_a_french_site_opens_with_its_word_and_is_placed_by_its_town(text, site, town):
    from sitrep.pipeline import extract_one

    places = extract_one(text, published="2023-05-10").places
    (found,) = [p for p in places if p.evidence[0].text == site]
    assert (found.precision.value, found.candidates[0]["name"].lower()) == ("near", town.lower())
    assert all(p.country in ("ML", "HT") for p in places)


def test_a_locality_the_gazetteer_lacks_is_not_a_town_abroad_that_lists_its_name():
    # GeoNames lists "Shari" among the names of Shirley, in the United States
    from sitrep.pipeline import extract_one

    places = extract_one("Des miliciens ont incendié dimanche des maisons dans la localité de Shari, en Ituri, dans le "
                         "nord-est de la RDC.", published="2023-05-10").places
    assert {p.name: p.country for p in places}.get("Shari") is None


def test_the_seat_of_power_names_the_power_not_a_place():
    from sitrep.pipeline import extract_one

    r = extract_one("De source proche de l'Élysée, trois jihadistes ont été tués mardi par une frappe de drone près "
                    "de Gao.", published="2020-03-05")
    assert [p.name for p in r.places] == ["Gao"]


def test_a_news_medium_run_into_a_name_is_no_place():
    from sitrep.pipeline import extract_one

    report = extract_one("« On dit qu'elle n'est pas autorisée, c'est faux », a déclaré à l'AFP Moussa Kanté, un "
                         "étudiant participant au rassemblement à Bamako jeudi.", published="2018-01-12")
    assert [p.name for p in report.places] == ["Bamako"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Deux soldats ont été tués à Gao, trois à Kidal et un près de Ménaka dimanche, selon l'armée.",
     [("Gao", 2), ("Kidal", 3), ("Ménaka", 1)]),
    ("Des hommes armés ont tué sept civils à Djibo et cinq autres près d'Arbinda dimanche.", [("Arbinda", 5), ("Djibo", 7)]),
])
def test_a_french_list_of_tolls_by_place_is_one_event_per_place(text, expected):
    from sitrep.pipeline import extract_one

    events = extract_one(text, published="2023-05-10").events
    assert sorted((e.place.name, e.killed.best) for e in events) == expected


def test_a_french_list_of_counts_hung_on_the_first_place_is_one_count_per_place():
    from sitrep.extract.casualties import extract_casualties

    ann = _ann("Des hommes armés ont tué huit personnes à Kano et cinq à Kaduna jeudi, selon la police.")
    found = [(m.count.evidence[0].text, m.count.best, m.listed) for m in extract_casualties(ann, lexicon=FR)]
    assert found == [("tué huit personnes", 8, False), ("cinq à Kaduna", 5, True)]


@pytest.mark.parametrize("text", [
    "Le bilan de l'attaque contre le marché de Dakwa lundi 10 juin par des hommes armés passe de 12 à 20 morts.",
    "Le bilan de l'embuscade tendue à une patrouille près de Dakwa lundi 10 juin s'alourdit à 20 morts.",
])
def test_a_day_inside_the_tolls_own_phrase_dates_the_attack_not_the_toll(text):
    # the day hangs on the toll's noun phrase, not on its verb: it is the attack's ("the toll rose on Sunday" is not)
    from sitrep.pipeline import extract_one

    report = extract_one(text, published="2024-06-14")
    assert [e.date.value for e in report.events] == ["2024-06-10"]


def test_what_a_toll_is_of_is_no_count():
    from sitrep.extract.casualties import extract_casualties

    text = "Le bilan de l'attaque contre le marché de Dakwa lundi 10 juin par des hommes armés passe de 12 à 20 morts."
    found = [(c.kind, c.count.best, c.count.low, c.count.high) for c in extract_casualties(_ann(text), lexicon=FR)]
    assert found == [("killed", 12, 12, 20)]


def test_wounded_with_a_count_of_their_own_are_not_the_dead_counted_again():
    # the parser hangs "plusieurs" on "blessé": still the wounded's own count, not a figure shared with the dead
    from sitrep.extract.casualties import extract_casualties

    found = extract_casualties(_ann("Le kamikaze a tué sur le coup deux individus et blessé plusieurs."), lexicon=FR)
    assert sorted((c.kind, c.count.best, c.count.low, c.count.high) for c in found) == [
        ("injured", 3, 2, None), ("killed", 2, 2, 2)]


def test_an_elided_word_with_a_typographic_apostrophe_has_its_lemma():
    # the model lemmatises "d'" (de) but not "d’", which web pages mostly write
    ann = _ann("La ville a été la cible d’une attaque qu’on n’attendait pas aujourd’hui.")
    assert {t.text: t.lemma for t in ann.tokens if "\u2019" in t.text} == {
        "d’": "de", "qu’": "que", "n’": "ne", "aujourd’hui": "aujourd'hui"}


def test_the_target_of_an_attack_is_read_whichever_apostrophe_the_page_writes():
    from sitrep.pipeline import extract_one

    for text in ("La ville de Kounbali a été la cible d'une attaque dimanche.",
                 "La ville de Kounbali a été la cible d’une attaque dimanche."):
        report = extract_one(text, published="2025-04-01")
        assert [(e.type, e.date.value) for e in report.events] == [("violence_against_civilians", "2025-03-30")], text


def test_prisoners_on_the_run_are_no_detention():
    from sitrep.extract.casualties import extract_casualties
    from sitrep.pipeline import extract_one

    report = extract_one("Prisonniers en fuite et gardiens de l'établissement débordés", published="2025-04-01")
    assert [e.subtype for e in report.events if e.subtype == "arrests"] == []
    # escaped prisoners arrested again are people taken (a guard)
    found = extract_casualties(_ann("La police a arrêté dix détenus évadés lundi."), lexicon=FR)
    assert [c.count.best for c in found if c.kind == "detained"] == [10]


@pytest.mark.parametrize("text", [
    # the model takes the region and the count for one place name: the count is still people
    "Kivu - 7 morts dans l'attaque d'une milice à Vessiat",
    "Tanganyika - 7 morts dans l'attaque de rebelles à Vessiat",
])
def test_a_headline_count_the_model_tags_as_a_place_is_still_counted(text):
    from sitrep.pipeline import extract_one

    assert [e.killed.best for e in extract_one(text, published="2023-05-19").events] == [7]


def test_the_dead_of_an_attack_they_died_by_are_its_toll_on_its_day():
    from sitrep.pipeline import extract_one

    # "mortes" is an adjective here: dying "à la suite d'" an attack does not describe a party, and the day of the
    # deaths is the attack's
    [e] = extract_one("Sept personnes sont mortes à la suite d'une attaque perpétrée, mardi 16 mai, par des rebelles au "
                      "village de Vessiat.", published="2023-05-19").events
    assert (e.hedge, e.date.value, e.killed.best) == (None, "2023-05-16", 7)


@pytest.mark.parametrize(("text", "family"), [
    # tear gas against armed men: the forces fought them, no crowd was there
    ("Les policiers ont repoussé les hommes armés du gang de Vessiat avec des gaz lacrymogènes.", "battles"),
    ("Les policiers ont repoussé l'assaut des hommes armés de Vessiat avec des gaz lacrymogènes, jeudi soir.", "battles"),
    # (a guard) tear gas against a crowd is a demonstration met by the forces
    ("Les policiers ont dispersé les manifestants avec des gaz lacrymogènes à Vessiat jeudi.", "protests"),
])
def test_crowd_weapons_against_armed_men_are_a_fight(text, family):
    from sitrep.pipeline import extract_one

    assert [e.type for e in extract_one(text, published="2023-08-25").events] == [family]
