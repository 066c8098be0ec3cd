"""Events: triggers, types, roles, casualties, date/place choice, attribution, status, coreference.

These run the whole pipeline on short texts written for the tests, because an event is only as
good as the stages it combines; each test asserts the event fields that the behaviour is about.
"""

from __future__ import annotations

import pytest

from sitrep.errors import ConfigError
from sitrep.extract.events.taxonomy import make_taxonomy, taxonomy_from_data, trigger_key
from sitrep.model import AssertedKind, Hedge, Role

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extract():
    from sitrep.pipeline import extract_one

    return extract_one


def only(report, **where):
    found = [e for e in report.events if all(getattr(e, k) == v for k, v in where.items())]
    assert len(found) == 1, f"expected one event with {where}, got {[(e.subtype, e.trigger.text) for e in report.events]}"
    return found[0]


def names(event, role):
    return sorted((a.canonical or a.name or "") for a in event.actors if a.role == role and a.name)


def test_drone_strike_has_counts_date_place_and_source(extract):
    r = extract("Two civilians were killed and five wounded on Sunday when a drone struck a market near Daquq, "
                "police said.", published="2024-03-12")
    e = only(r, subtype="air_drone_strike")
    assert (e.killed.best, e.injured.best) == (2, 5)
    assert e.date.value == "2024-03-10" and e.date_rule == "sentence"
    assert e.place.name == "Daquq" and e.place.country == "IQ" and e.place.precision.value == "near"
    assert e.asserted_by.kind == AssertedKind.SPEAKER and e.asserted_by.name.lower() == "police"
    assert e.plover == "ASSAULT"


def test_coordinated_subjects_are_all_initiators(extract):
    r = extract("Iraqi army units and popular forces retook the town of Husaybah on Wednesday after heavy fighting.",
                published="2016-01-29")
    e = only(r, subtype="government_regains_territory")
    initiators = names(e, Role.INITIATOR)
    assert len(initiators) == 2
    assert any("Popular Mobilization" in n for n in initiators)
    assert e.date.value == "2016-01-27"


def test_nominal_event_takes_modifier_as_initiator(extract):
    r = extract("Coalition airstrikes killed 22 militants near Mosul on Friday.", published="2015-06-01")
    e = only(r, subtype="air_drone_strike")
    assert names(e, Role.INITIATOR) == ["US-led coalition"]
    assert e.killed.best == 22


def test_passive_agent_is_the_initiator(extract):
    r = extract("Five soldiers were killed by Taliban fighters in an ambush in Kandahar province on Monday.",
                published="2012-05-02")
    e = r.events[0]
    assert "Taliban" in names(e, Role.INITIATOR)
    assert e.killed.best == 5
    assert e.type == "battles"


def test_generic_strike_typed_by_its_subject(extract):
    r = extract("Warplanes bombed a fuel depot outside Idlib on Tuesday, destroying several tankers.",
                published="2019-07-10")
    assert only(r, subtype="air_drone_strike").place.country == "SY"


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        ("Three fighters were killed by an air weapons team near Sangin on Monday.", "air_drone_strike"),
        ("A landmine hit an army truck near Kidal on Monday, wounding two soldiers.", "remote_explosive"),
        # what was hit is no weapon: a car attacked is no car bomb
        ("A man attacked a parked car in Lagos on Monday and injured a child inside.", "attack"),
        # a clause hung on the agent tells nothing of the weapon
        ("A teenager was shot dead by police officers answering a call about a car alarm in Ohio on Monday.", "attack"),
        # what it was done with is its instrument
        ("Soldiers attacked the militants with rockets near Kidal on Monday.", "shelling_artillery_missile"),
        ("Gunmen attacked the village with machetes on Monday, killing four people.", "attack"),
    ],
)
def test_generic_trigger_typed_by_its_instrument_not_its_object(extract, text, subtype):
    r = extract(text, published="2020-03-04")
    assert [e.subtype for e in r.events if e.type != "strategic_developments"] == [subtype]


@pytest.mark.parametrize(
    ("text", "subtypes"),
    [
        ("Soldiers searched a farm near Kandahar on Monday. The cache held six rifles, 36 grenades and two mines.",
         ["disrupted_weapons_use"]),
        ("Police found a bomb under a parked car in Kirkuk on Monday.", ["disrupted_weapons_use"]),
        # something went off: the device is the attack's, whatever else was found
        ("A bomb exploded near a market in Kirkuk on Monday after police found a second device.", ["remote_explosive"]),
        # a device that did something went off, though a word of holding lists its victims
        ("A homemade bomb wounded six people in Kirkuk on Monday, including two policemen.", ["remote_explosive"]),
        ("The cache found in Kirkuk on Monday included a bomb and two rifles.", ["disrupted_weapons_use"]),
    ],
)
def test_devices_found_in_a_cache_or_a_search_are_a_seizure(extract, text, subtypes):
    r = extract(text, published="2020-03-04")
    assert sorted({e.subtype for e in r.events}) == subtypes


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        ("A suicide bomber blew himself up at a checkpoint in Baghdad on Monday, killing seven people.", "suicide_bomb"),
        ("A roadside bomb struck a police patrol near Kirkuk on Monday, wounding three officers.", "remote_explosive"),
        ("Rebels shelled government positions near Aleppo on Monday, killing four soldiers.", "shelling_artillery_missile"),
        ("Gunmen abducted two aid workers near Gao on Monday.", "abduction_forced_disappearance"),
        ("Police arrested 15 protesters in Harare on Monday.", "arrests"),
        ("Troops captured a senior Taliban commander in Kandahar on Monday.", "arrests"),
        ("Soldiers seized a large cache of weapons in Mosul on Monday.", "disrupted_weapons_use"),
        ("Thousands of people marched through Bamako on Monday to protest against fuel prices.", "peaceful_protest"),
    ],
)
def test_event_subtypes(extract, text, subtype):
    r = extract(text, published="2020-03-04")
    assert subtype in [e.subtype for e in r.events]


def test_denial_is_negated(extract):
    r = extract("The army denied that it had carried out an airstrike on the village of Tal Abyad.",
                published="2019-10-12")
    assert r.events and all(e.negated for e in r.events if e.subtype == "air_drone_strike")


def test_threat_is_hypothetical(extract):
    r = extract("The group threatened to attack the city of Erbil if the government did not release its fighters.",
                published="2019-10-12")
    assert all(e.hedge == Hedge.HYPOTHETICAL for e in r.events)


def test_what_someone_was_ordered_to_do_is_hypothetical_but_an_attack_they_ordered_is_not(extract):
    r = extract("The governor ordered the police to restore calm and arrest the gunmen who attacked the market.",
                published="2019-10-12")
    arrests = [e for e in r.events if e.subtype == "arrests"]
    assert arrests and all(e.hedge == Hedge.HYPOTHETICAL for e in arrests)
    r = extract("The commander who ordered the attack on the convoy was killed on Monday.", published="2019-10-12")
    assert r.events and not any(e.hedge == Hedge.HYPOTHETICAL for e in r.events)


def test_reportedly_is_a_hedge(extract):
    r = extract("Militants reportedly attacked a checkpoint near Tikrit on Monday, killing two policemen.",
                published="2015-01-14")
    assert r.events[0].hedge == Hedge.REPORTED
    assert r.events[0].asserted_by.kind == AssertedKind.OUTLET


def test_headline_and_lead_are_one_event(extract):
    text = ("Car bomb kills nine in Kirkuk\n"
            "A car bomb went off beside a busy bus station in Kirkuk on Monday, killing nine people and wounding "
            "20, police said.\n"
            "The car bomb exploded at rush hour, witnesses said.")
    r = extract(text, published="2017-02-14")
    bombs = [e for e in r.events if e.subtype == "remote_explosive"]
    assert len(bombs) == 1
    assert bombs[0].killed.best == 9 and bombs[0].injured.best == 20
    assert bombs[0].date.value == "2017-02-13"


def test_two_strikes_in_different_places_stay_apart(extract):
    text = ("A car bomb exploded in Kirkuk on Monday, killing three people.\n"
            "On Wednesday a drone strike hit a convoy near Mosul, killing five fighters.")
    r = extract(text, published="2017-02-16")
    assert sorted(e.subtype for e in r.events) == ["air_drone_strike", "remote_explosive"]
    by_type = {e.subtype: e for e in r.events}
    assert by_type["remote_explosive"].killed.best == 3
    assert by_type["air_drone_strike"].killed.best == 5


def test_event_without_a_time_is_dated_by_publication_day(extract):
    # the rule of _event_dates (times@2): a publication date known to the day dates the event to that day
    r = extract("Gunmen attacked a police station in the town of Baiji, killing two officers.", published="2015-03-18")
    e = r.events[0]
    assert e.date_rule == "publication" and e.date.basis.value == "publication"
    assert e.date.end == "2015-03-18" and e.date.start == "2015-03-18"


def test_no_publication_date_leaves_the_date_open(extract):
    r = extract("Gunmen attacked a police station in the town of Baiji, killing two officers.")
    assert r.events[0].date is None and r.events[0].date_rule == "none"


def test_every_evidence_span_matches_the_text(extract):
    r = extract("Two civilians were killed on Sunday when a drone struck a market near Daquq, police said. "
                "\u201cIt was a massacre,\u201d a witness told Reuters. \U0001F4A5 Later, rebels shelled Kirkuk.",
                published="2024-03-12")
    spans = list(r.all_evidence())
    assert spans and all(r.document.text[s.start:s.end] == s.text for s in spans)


def test_event_ids_are_stable(extract):
    text = "Rebels shelled government positions near Aleppo on Monday, killing four soldiers."
    assert [e.id for e in extract(text, published="2020-03-04").events] == \
           [e.id for e in extract(text, published="2020-03-04").events]


def test_taxonomy_keys_ignore_spaces_and_hyphens():
    tax = make_taxonomy()
    assert trigger_key("air-strike") == trigger_key("air strike") == trigger_key("airstrike")
    assert tax.nouns[trigger_key("air strike")].subtype == "air_drone_strike"
    assert tax.verbs["retake"].subtype == "government_regains_territory"
    assert tax.irregular["retook"] == "retake"
    assert tax.verbs["attack"] is None  # generic
    assert {"air", "airstrike", "suicide", "cease"} <= tax.starts and "market" not in tax.starts


def test_taxonomy_rejects_incomplete_subtypes():
    with pytest.raises(ConfigError):
        taxonomy_from_data({"types": {"battles": {"subtypes": {"armed_clash": {"verbs": ["clash"]}}}}})


# --------------------------------------------------------------------------- events@2


def test_lead_toll_told_again_in_detail_is_counted_once(extract):
    text = ("Soldiers killed three militants in Marja on Monday.\n"
            "The patrol came under fire from a compound. The soldiers returned fire, killing three militants.")
    r = extract(text, published="2024-05-07")
    killed = [e.killed.best for e in r.events if e.killed is not None and not e.negated]
    assert killed == [3]


def test_separate_operation_keeps_its_own_toll(extract):
    text = ("Soldiers killed three militants in Marja on Monday.\n"
            "In a separate operation, soldiers killed two militants.")
    r = extract(text, published="2024-05-07")
    assert sorted(e.killed.best for e in r.events if e.killed is not None) == [2, 3]


@pytest.mark.parametrize(("text", "plover", "initiator"), [
    ("Norway demanded that Sweden withdraw its ambassador.", "DEMAND", "Norway"),
    ("Chile rejected the proposal on Tuesday.", "REJECT", "Chile"),
    ("The foreign ministers of Chile and Peru met in Geneva on Monday.", "CONSULT", None),
    ("Kenya threatened to strike rebel camps in the north.", "THREATEN", "Kenya"),
])
def test_political_interactions_get_their_plover_type(extract, text, plover, initiator):
    r = extract(text, published="2024-05-07")
    assert r.events and r.events[0].plover == plover
    if initiator:
        assert initiator in [a.name for a in r.events[0].actors if a.role == Role.INITIATOR]


def test_threat_to_strike_makes_the_strike_hypothetical(extract):
    r = extract("Kenya threatened to strike rebel camps in the north.", published="2024-05-07")
    strikes = [e for e in r.events if e.plover != "THREATEN"]
    assert all(e.hedge == Hedge.HYPOTHETICAL for e in strikes)


def test_interaction_words_do_not_split_a_violent_sentence(extract):
    r = extract("Government forces, supported by allied aircraft, killed four rebels near Marja on Monday.",
                published="2024-05-07")
    assert [e.plover for e in r.events] == ["FIGHT"]


def test_opinion_paragraph_produces_no_event(extract):
    text = ("Peace will not come from more weapons. Leaders on every side should think about what their "
            "people need, and history will judge them by it.")
    assert extract(text, published="2024-05-07").events == ()


def test_clash_between_armed_parties_is_fight_and_strike_on_civilians_is_assault(extract):
    fight = extract("Rebels clashed with the army near Marja on Monday.", published="2024-05-07").events
    assault = extract("An airstrike killed five civilians in Marja on Monday.", published="2024-05-07").events
    assert fight[0].plover == "FIGHT"
    assert assault[0].plover == "ASSAULT"


def test_dateline_is_neither_the_event_place_nor_a_party(extract):
    r = extract("Drone strike on market near Daquq kills two\nKIRKUK, Iraq - Two civilians were killed on Sunday "
                "when a drone struck a market near Daquq, police said.", published="2024-03-12")
    (e,) = r.events
    assert e.place.name == "Daquq"
    assert "KIRKUK" not in [a.name for a in e.actors]
    assert any(p.name == "KIRKUK" and p.country == "IQ" for p in r.places)  # still a place of the report


def test_a_town_is_not_a_party_to_the_event(extract):
    r = extract("Iraqi army units and popular forces retook the town of Husaybah on Wednesday.", published="2016-01-29")
    assert all(a.name != "Husaybah" for e in r.events for a in e.actors)


def test_evidence_never_starts_or_ends_on_whitespace(extract):
    r = extract("Drone strike near Daquq kills two\nTwo civilians were killed on Sunday, police said.",
                published="2024-03-12")
    assert all(ev.text == ev.text.strip() for ev in r.all_evidence())


# --------------------------------------------------------------------------- events@3


def test_restated_toll_joins_its_event_across_other_events(extract):
    text = ("Troops killed several insurgents in Sangin on Monday.\n"
            "The patrol received machine gun fire and requested artillery support, engaging the enemy position "
            "and killing several insurgents.")
    r = extract(text, published="2024-05-07")
    assert [e.killed.best for e in r.events if e.killed is not None and not e.negated] == [3]


def test_arrest_carries_the_number_detained(extract):
    r = extract("Soldiers detained four suspected insurgents in Khost on Monday.", published="2024-05-07")
    e = only(r, subtype="arrests")
    assert e.detained is not None and e.detained.best == 4
    assert e.detained.evidence[0].text in r.document.text


def test_custody_without_an_arrest_word_is_an_arrest(extract):
    r = extract("In the night operation, border guards took two smugglers into custody.", published="2024-05-07")
    assert only(r, subtype="arrests").detained.best == 2


@pytest.mark.parametrize(("text", "plover"), [
    ("Norway will give Chile a loan of 20 million dollars.", "AGREE"),  # intent to aid
    ("Peru said it would boycott the regional summit.", "THREATEN"),  # intent to protest
    ("Chile will not accept the proposal.", "REJECT"),  # intent not to cooperate
    ("Teachers began a four-day strike over unpaid wages on Monday.", "PROTEST"),  # a labour strike, not an air strike
    ("Hungry prisoners began a hunger strike in Kandahar.", "PROTEST"),
    ("Rebels declared a unilateral ceasefire in the north.", "RETREAT"),
])
def test_stated_intentions_and_strikes_get_their_plover_type(extract, text, plover):
    r = extract(text, published="2024-05-07")
    assert r.events and r.events[0].plover == plover


def test_pronoun_in_a_reported_clause_is_the_speaker(extract):
    r = extract("Norway said it had suspended military aid to Chile.", published="2024-05-07")
    assert r.events[0].plover == "SANCTION"
    assert names(r.events[0], Role.INITIATOR) == ["Norway"]


def test_main_clause_interaction_is_reported_before_violence_in_a_subordinate_clause(extract):
    r = extract("Japan announced a suspension of flights to Serbia on Monday, a day after rebels shot down a helicopter.",
                published="2024-05-07")
    assert r.events[0].plover == "SANCTION"


def test_restated_toll_merges_when_the_later_place_is_only_guessed(extract):
    text = ("Troops killed several insurgents in Nawah district, Ghazni province, on Monday.\n"
            "The soldiers searched a compound in the district. Gunmen opened fire on them as they approached, "
            "and the soldiers shot back, killing several insurgents.")
    r = extract(text, published="2024-05-07")
    assert [e.killed.best for e in r.events if e.killed is not None and not e.negated] == [3]


def test_running_total_is_not_the_toll_of_the_event(extract):
    text = ("Soldiers killed two insurgents in Faryab province on Monday. "
            "Their commander is among more than 50 fighters the army says it has killed since January.")
    r = extract(text, published="2024-05-07")
    assert [e.killed.best for e in r.events if e.killed is not None] == [2]


def test_description_of_a_person_is_less_confident_than_the_event_told(extract):
    r = extract("Soldiers detained a Taliban leader in Khost on Monday. The leader is responsible for "
                "roadside bombings that targeted army convoys near the city.", published="2024-05-07")
    arrest = only(r, subtype="arrests")
    background = [e for e in r.events if e.subtype == "remote_explosive"]
    assert background and all(e.confidence < arrest.confidence for e in background)


def test_dateline_does_not_place_events_of_later_paragraphs(extract):
    r = extract("KABUL, Afghanistan (Jan. 25, 2013)\nA security force killed two insurgents in Helmand province "
                "yesterday.\nDuring the operation, the force also seized two rifles and a quantity of explosives.")
    seized = [e for e in r.events if e.trigger and e.trigger.text == "seized"]
    assert seized and seized[0].place.name == "Helmand province" and seized[0].place_rule == "document"


# --------------------------------------------------------------------------- historical background


def test_event_dated_years_before_publication_is_historical(extract):
    r = extract("Residents recalled that in 2003 the US invaded the country.", published="2025-06-02")
    e = only(r, subtype="armed_clash")
    assert e.hedge == Hedge.HISTORICAL and e.date.value == "2003"


def test_recent_event_in_the_same_report_stays_news(extract):
    r = extract("Rebels shelled the town of Marib on Monday. The group seized the town in 2019.", published="2025-06-04")
    shelling = only(r, subtype="shelling_artillery_missile")
    seizure = only(r, subtype="non_state_actor_takes_territory")
    assert shelling.hedge is None
    assert seizure.hedge == Hedge.HISTORICAL
    assert seizure.confidence < shelling.confidence


def test_relative_clause_told_last_year_is_historical_and_its_clause_event_is_separate(extract):
    r = extract("The militia, which seized the town last year, attacked a checkpoint on Monday.",
                published="2025-06-04")
    seizure = only(r, subtype="non_state_actor_takes_territory")
    attack = only(r, subtype="armed_clash")
    assert seizure.hedge == Hedge.HISTORICAL and seizure.date.value == "2024"
    assert attack.hedge is None and attack.date.value == "2025-06-02"


def test_past_perfect_relative_clause_on_the_doer_is_historical_not_on_the_victims(extract):
    doer = extract("The militia, which had seized the town, attacked a checkpoint on Monday.", published="2025-06-04")
    assert only(doer, subtype="non_state_actor_takes_territory").hedge == Hedge.HISTORICAL
    victims = extract("Soldiers evacuated two people who had been wounded.", published="2025-06-04")
    assert all(e.hedge != Hedge.HISTORICAL for e in victims.events)


def test_bare_past_year_without_a_report_date_is_historical_but_a_planned_one_is_not(extract):
    past = extract("Insurgents bombed the embassy in 1998.")
    assert [e.hedge for e in past.events] == [Hedge.HISTORICAL]
    plan = extract("The rebels will attack the city in 2031.")
    assert all(e.hedge == Hedge.HYPOTHETICAL for e in plan.events)


def test_event_weeks_before_the_dateline_is_historical(extract):
    r = extract("KABUL, Afghanistan (Sept. 17, 2012)\nForces killed the insurgent behind the May 11 attack on a "
                "checkpoint in Kunar province.")
    assert any(e.hedge == Hedge.HISTORICAL and e.date.value == "2012-05-11" for e in r.events)


def test_since_clause_is_historical(extract):
    r = extract("Thousands have fled since rebels attacked the town.", published="2025-06-04")
    assert [e.hedge for e in r.events] == [Hedge.HISTORICAL]


def test_deeds_that_describe_a_party_are_background_and_the_arrest_stands_apart(extract):
    r = extract("Forces arrested a Taliban leader who led IED attacks in the district.", published="2025-06-04")
    arrest = only(r, subtype="arrests")
    bombs = only(r, subtype="remote_explosive")
    assert arrest.hedge is None and arrest.detained.best == 1
    assert bombs.hedge == Hedge.HISTORICAL
    described = extract("The commander is responsible for roadside bomb attacks against police.")
    assert [e.hedge for e in described.events] == [Hedge.HISTORICAL]


def test_relative_clause_that_carries_the_story_on_or_names_victims_is_news(extract):
    story = extract("Insurgents fired on the patrol, which returned fire, killing two insurgents.",
                    published="2025-06-04")
    assert all(e.hedge != Hedge.HISTORICAL for e in story.events)
    assert sum(e.killed.best for e in story.events if e.killed) == 2
    victims = extract("Police rescued two farmers that were taken hostage.", published="2025-06-04")
    assert [e.hedge for e in victims.events] == [None]


def test_a_sea_named_after_a_town_is_a_place_not_an_actor(extract):
    r = extract("Russian warships fired missiles from the Sea of Azov on Monday, officials said.",
                published="2023-11-07")
    assert [p.name for p in r.places] == ["Sea of Azov"]
    assert "Azov Regiment" not in [a.canonical for a in r.actors]
    fighters = extract("Fighters from Azov held out in Mariupol on Monday.", published="2023-11-07")
    assert "Azov Regiment" in [a.canonical for a in fighters.actors]
    assert [p.name for p in fighters.places] == ["Mariupol"]


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # a bare "strike" after a labour strike is that strike, not an air strike
        ("Unions held a nationwide general strike in Athens on Wednesday. Despite the strike, ministers met on "
         "Wednesday.", "peaceful_protest", "air_drone_strike"),
        # after an air strike, it is the air strike
        ("A drone strike hit a compound near Mir Ali on Wednesday. The strike killed four militants.",
         "air_drone_strike", "peaceful_protest"),
    ],
)
def test_a_bare_strike_means_what_the_strike_before_it_was(extract, text, expected, absent):
    subtypes = {e.subtype for e in extract(text, published="2010-05-06").events}
    assert expected in subtypes and absent not in subtypes


def test_a_protest_verb_in_its_other_sense_is_no_protest(extract):
    holed_up = extract("Police surrounded the house on Monday. Two of the gunmen were barricaded in a room.",
                       published="2021-05-06")
    assert [e.type for e in holed_up.events if e.type == "protests"] == []
    shows = extract("The recount in Kisumu demonstrates that the tallying system is not infallible.",
                    published="2021-05-06")
    assert shows.events == ()
    road = extract("The main road to Kisumu was blocked by protesters on Monday.", published="2021-05-06")
    assert [e.type for e in road.events] == ["protests"]  # a road blocked is still a protest


def test_a_find_destroyed_by_the_force_is_no_destruction_of_property(extract):
    found = extract("Troops seized 200 kilograms of opium near Sangin on Monday. The narcotics were safely destroyed "
                    "on site.", published="2011-05-24")
    assert [e.subtype for e in found.events if e.subtype == "looting_property_destruction"] == []
    burned = extract("Unknown men destroyed two shops near Sangin on Monday.", published="2011-05-24")
    assert [e.subtype for e in burned.events] == ["looting_property_destruction"]


@pytest.mark.parametrize(("text", "subtype"), [
    ("Russian troops attacked Ukrainian positions near Avdiivka on Sunday, the military said.", "armed_clash"),
    ("Gunmen attacked a police checkpoint in Kano on Sunday.", "armed_clash"),
    ("Des hommes armés ont attaqué un poste militaire près de Gao dimanche.", "armed_clash"),
    ("Gunmen attacked a village near Kano on Sunday, killing two farmers.", "attack"),
    # those who lost their lives are the targets: armed men, a clash; villagers, an attack
    ("About a dozen policemen lost their lives in an ambush by bandits near Gusau on Sunday.", "armed_clash"),
    ("Nine soldiers have lost their lives in an attack by militants on a border post on Sunday.", "armed_clash"),
    ("Nine villagers lost their lives in an attack by bandits near Gusau on Sunday.", "attack"),
])
def test_an_attack_on_armed_men_or_a_place_they_hold_is_a_clash(extract, text, subtype):
    assert [e.subtype for e in extract(text, published="2023-03-06").events] == [subtype]


@pytest.mark.parametrize(("text", "subtypes"), [
    ("The two cartels went to war on Sunday, armed with rifles and grenades.", []),
    ("Bandits armed with machetes and grenades stormed a village near Gusau on Sunday.", ["attack"]),
    ("Des assaillants armés de fusils et de grenades ont pris d'assaut un village dimanche.", ["attack"]),
    ("Militants threw grenades at a police post near Gusau on Sunday.", ["grenade"]),
])
def test_weapons_a_party_is_armed_with_did_not_go_off(extract, text, subtypes):
    assert [e.subtype for e in extract(text, published="2023-03-06").events] == subtypes


@pytest.mark.parametrize(("text", "subtypes"), [
    ("Police stormed the Vila Nova slum on Thursday, killing nine suspects, as residents woke to explosions and "
     "gunfire.", ["attack"]),
    ("Residents heard explosions in Vila Nova on Thursday night.", ["remote_explosive"]),  # nothing else told
])
def test_explosions_heard_during_an_act_are_how_it_sounded(extract, text, subtypes):
    assert [e.subtype for e in extract(text, published="2021-05-08").events] == subtypes


def test_engaged_in_something_is_taking_part_not_fighting(extract):
    assert extract("The defendants persuaded women to travel to Boston to engage in prostitution.",
                   published="2021-09-14").events == ()
    fight = extract("Troops engaged the insurgents near Sangin on Monday, killing three.", published="2021-09-14")
    assert [e.subtype for e in fight.events] == ["armed_clash"]


def test_a_vigilante_is_a_person_and_a_vigilante_attack_is_mob_violence(extract):
    victims = extract("A bomb went off at a checkpoint on Saturday, targeting the vigilantes who guard the market.",
                      published="2015-08-08")
    assert "mob_violence" not in [e.subtype for e in victims.events]
    mob = extract("A vigilante attack killed two suspected thieves in Lagos on Monday.", published="2015-08-08")
    assert [e.subtype for e in mob.events] == ["mob_violence"]


def test_who_did_it_says_what_an_attack_was(extract):
    # an arsonist's attack on a building is property destruction, not violence against people
    fire = extract("The mosque in Harlow was attacked by an arsonist on Sunday night, police said.",
                   published="2019-03-12")
    assert [(e.type, e.subtype) for e in fire.events] == [
        ("strategic_developments", "looting_property_destruction")]
    assert [e.subtype for e in extract("An arson attack damaged a school in Harlow on Monday.",
                                       published="2019-03-12").events] == ["looting_property_destruction"]


def test_a_country_naming_whose_vehicle_or_troops_is_not_where(extract):
    report = extract("Gunmen attacked a U.S. convoy on Monday, killing two soldiers, officials in Kandahar said.",
                     published="2011-06-14")
    assert report.events and all(e.place is None or e.place.country != "US" for e in report.events)
    # a name after its noun names the thing: "le lac Tchad" is Lake Chad, where the attack was
    lake = extract("Des combattants de Boko Haram, utilisant des bateaux pour traverser le lac Tchad à partir du "
                   "Nigeria, ont attaqué vendredi pour la première fois le Tchad, faisant 5 morts.", published="2015-02-14")
    assert [e.place.country for e in lake.events] == ["TD"]


def test_an_event_told_as_the_cause_of_what_followed_keeps_its_own_day(extract):
    report = extract("A bomb exploded at a bank in Woodburn on Friday, killing two officers.\n\n"
                     "The highway in Woodburn was to remain closed most of the weekend due to the explosion, police "
                     "said.",
                     published="2008-12-14")
    assert [(e.subtype, e.date.value) for e in report.events] == [("remote_explosive", "2008-12-12")]


def test_people_evacuated_from_a_building_are_no_force_leaving_ground(extract):
    bank = extract("The bank was evacuated on Monday while police searched it, and staff were evacuated too.",
                   published="2008-12-14")
    assert "non_violent_transfer_of_territory" not in [e.subtype for e in bank.events]
    town = extract("Government troops evacuated the town of Kidal on Monday.", published="2008-12-14")
    assert [e.subtype for e in town.events] == ["non_violent_transfer_of_territory"]


def test_a_petrol_bomb_is_a_crowds_weapon_not_a_remote_explosive(extract):
    r = extract("Youths attacked a police station with petrol bombs in central Athens on Saturday.",
                published="2008-12-14")
    assert r.events and "remote_explosive" not in [e.subtype for e in r.events]
    assert [e.type for e in r.events] == ["riots"]


def test_a_url_that_files_the_article_under_a_month_dates_the_report(extract):
    report = extract("Gunmen killed two villagers in Kidal on 15 March, local officials said.",
                     url="https://news.example.org/2021/03/mali-villagers-killed")
    assert report.document.published == "2021-03"
    ev = only(report, type="violence_against_civilians")
    # a day inside the publication month is no day after publication: it happened
    assert (ev.date.value, ev.hedge) == ("2021-03-15", Hedge.REPORTED)


def test_with_only_the_month_known_an_earlier_weekday_in_the_past_perfect_stays_apart(extract):
    text = ("A soldier was killed on Wednesday when a roadside bomb exploded under his vehicle near Fada N'Gourma, a "
            "security source said.\n\nOn Friday, three soldiers had been killed by two roadside bombs in the north of "
            "the country.")
    report = extract(text, url="https://news.example.org/2021/07/burkina-soldier-killed")
    news = [e for e in report.events if e.hedge is not Hedge.HISTORICAL]
    # both weekdays read as ranges of the month, which overlap: the tense tells the earlier one apart
    assert [(e.killed.best if e.killed else None) for e in news] == [1]


@pytest.mark.parametrize("text", [
    "Police shot dead two protesters on Monday during a rally against a sand mine in Faraba, witnesses said.",
    "Des hommes armés ont attaqué une mine d'or près de Djibo lundi, tuant cinq orpailleurs.",
])
def test_a_mine_named_by_what_is_dug_from_it_is_no_explosive(text):
    from sitrep.pipeline import extract_one

    events = extract_one(text, published="2018-06-23").events
    assert events and not any(e.type == "explosions_remote_violence" for e in events)
    # a mine that explodes is one (a guard)
    events = extract_one("A mine exploded under a bus near Djibo on Monday, killing five passengers.",
                         published="2018-06-23").events
    assert [e.type for e in events] == ["explosions_remote_violence"]
