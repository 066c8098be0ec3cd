"""Incidents of the day (issue 13): what a user's table gets from an article, one row per incident.

Every text here is written for the test. Each test states one rule of ``extract/events/incidents.py`` or of
the event-of-the-day rules in ``extract/events`` and runs the whole pipeline, because a rule only matters
through what the user finally sees.
"""

from __future__ import annotations

import pytest

from sitrep.extract.events.incidents import places_fit, toll_range
from sitrep.model import AssertedKind, Count, GeoPrecision, Hedge, Place

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extract():
    from sitrep.pipeline import extract_one

    return extract_one


def news(report):
    """The events a default export shows: told as news, not verbal."""
    return [e for e in report.events if not e.verbal and not e.negated
            and e.hedge not in (Hedge.HYPOTHETICAL, Hedge.HISTORICAL)]


def test_headline_lead_and_detail_are_one_incident_with_evidence_from_each(extract):
    text = ("Car bomb kills nine at market in Kirkuk\n"
            "A car bomb exploded at a crowded market in Kirkuk on Tuesday, killing nine people, police said.\n"
            "The blast destroyed several shops and set cars on fire.\n"
            "Witnesses said the explosion could be heard across the city.")
    events = news(extract(text, published="2021-06-09"))
    assert len(events) == 1, [(e.subtype, e.evidence[0].text) for e in events]
    [e] = events
    assert e.type == "explosions_remote_violence" and e.place.name == "Kirkuk" and e.date.value == "2021-06-08"
    assert e.killed.best == 9
    assert len(e.evidence) >= 2  # the headline and the lead at least


def test_a_list_of_places_is_one_incident_per_place(extract):
    text = ("Gunmen killed two villagers in Kandahar on Monday. In a separate attack, three soldiers were killed near "
            "Kunduz on Monday, the army said.")
    events = news(extract(text, published="2022-02-08"))
    assert sorted(e.place.name for e in events) == ["Kandahar", "Kunduz"]
    assert sorted(e.killed.best for e in events) == [2, 3]


@pytest.mark.parametrize("text", [
    "Gunmen killed eight people in Kano and eight in Kaduna on Thursday, police said.",
    "Des hommes armés ont tué huit personnes à Kano et huit à Kaduna jeudi, selon la police.",
])
def test_a_list_of_counts_is_one_incident_per_place_even_when_the_counts_are_equal(extract, text):
    events = news(extract(text, published="2018-07-20"))
    assert sorted((e.place.name, e.killed.best) for e in events) == [("Kaduna", 8), ("Kano", 8)]


def test_a_list_of_villages_the_gazetteer_lacks_is_one_incident_each_in_the_area_around_them(extract):
    # the villages are invented: the gazetteer knows none of them, so each is placed at the district the lead
    # names; the lead's 19 dead are the three villages' told again, not a fourth incident
    text = ("Gunmen killed 19 people in raids on villages in Maradun local government area of Zamfara State on "
            "Thursday, police said.\nHe said seven people were killed in Gyaladde; five in Kakkadawa; and seven in "
            "Zurmadde.")
    events = news(extract(text, published="2018-07-20"))
    assert [(e.place.name, e.killed.best) for e in events] == [("Gyaladde", 7), ("Kakkadawa", 5), ("Zurmadde", 7)]
    assert {(e.place.country, e.place.admin2 or e.place.admin1, e.date.value) for e in events} == {
        ("NG", events[0].place.admin2 or events[0].place.admin1, "2018-07-19")}
    assert all(e.place.lat is not None and abs(e.place.lat - 12.57) < 0.1 for e in events)  # Maradun's area


def test_a_separate_incident_in_the_same_town_stays_apart(extract):
    text = ("A roadside bomb killed two policemen in Mosul on Sunday. In a separate incident, gunmen shot dead a "
            "shopkeeper in Mosul on Sunday.")
    assert len(news(extract(text, published="2019-03-12"))) == 2


def test_revised_toll_is_one_incident_with_a_range(extract):
    text = ("Militants attacked an army post in Diffa on Friday, killing at least 10 soldiers, officials said.\n"
            "The toll from the attack on the army post later rose to 13, a military source said.")
    [e] = news(extract(text, published="2020-05-02"))
    assert e.killed.low == 10 and e.killed.best in (10, 13)


@pytest.mark.parametrize("text", [
    "Bandits raided a cattle market near Gusau on Monday. Police said four traders were killed, but residents said "
    "nine traders died.",
    "Bandits raided a cattle market near Gusau on Monday. Police said four traders were killed in the raid.\n"
    "Residents of the town said nine traders died.",
])
def test_two_sources_figures_for_one_toll_are_one_range_and_contested(extract, text):
    [e] = news(extract(text, published="2023-08-15"))
    assert (e.killed.low, e.killed.high, e.killed.best) == (4, 9, 9)
    by = {name.split()[0].lower(): n for name, n in e.contested["killed"].items()}
    assert by == {"police": 4, "residents": 9}
    quoted = " ".join(ev.text for ev in e.killed.evidence)
    assert "four traders" in quoted and "nine traders" in quoted


def test_whoever_puts_a_toll_at_a_figure_gives_it_as_a_source(extract):
    r = extract("Militants stormed an army base near Barire on Friday.\n\nAn army officer put the number of the dead "
                "at 15. The militants said they killed 21 soldiers.", published="2019-09-22")
    [ev] = news(r)
    assert (ev.killed.low, ev.killed.high, ev.killed.best) == (15, 21, 21)
    assert ev.contested == {"killed": {"army officer": 15, "militants": 21}}


def test_a_toll_raised_a_day_later_is_the_incidents_toll(extract):
    r = extract("Eight soldiers have been killed in a militant attack in the north of the country, security sources "
                "said.\n\nMilitants ambushed the troops on Monday close to the border near Sebba, leaving four dead and "
                "four others missing, a source said.\n\n\"The bodies of the missing soldiers have been found during a "
                "search raising the death toll to eight,\" the source said late Tuesday.", published="2020-05-13")
    assert [(e.date.value, e.killed.best) for e in news(r)] == [("2020-05-11", 8)]


def test_one_sources_two_figures_for_other_people_are_no_contest(extract):
    text = ("Bandits raided a cattle market near Gusau on Monday. Police said four policemen were killed and nine "
            "traders died.")
    [e] = news(extract(text, published="2023-08-15"))
    assert not e.contested


def test_dead_told_as_more_add_to_the_toll(extract):
    text = ("Bandits raided a cattle market near Gusau on Monday, killing four traders, police said.\n"
            "Two more traders died of their wounds in hospital, a nurse said.")
    [e] = news(extract(text, published="2023-08-16"))
    assert e.killed.best == 6


def test_other_dead_told_as_also_killed_add_to_an_open_toll(extract):
    # "at least four" is a toll with no upper bound: the attackers killed too still add to it
    text = ("At least four police officers were killed when gunmen ambushed their patrol near Gusau on Monday, "
            "police said.\nTwo of the gunmen were also killed in the shootout, a spokesman said.")
    [e] = news(extract(text, published="2023-08-16"))
    assert (e.killed.best, e.killed.low, e.killed.high) == (6, 6, None)


@pytest.mark.parametrize(("second", "killed"), [
    ("The army said nine of the attackers were killed in the fighting that followed.", 21),  # the other side's dead
    ("The army said 14 troops were killed in the attack.", 14),  # the same side told again: a revised toll
    ("Earlier this month, nine militants were killed near Tessit.", 12),  # dead with a day of their own
])
def test_the_dead_of_the_other_side_told_in_another_sentence_add_up(extract, second, killed):
    text = "At least 12 soldiers were killed when militants stormed an army post near Tessit on Friday.\n" + second
    [e] = news(extract(text, published="2024-05-18"))
    assert e.killed.best == killed


@pytest.mark.parametrize(("second", "killed"), [
    ("More than a dozen other fighters were also killed in the strike.", 14),  # an open count of the same kind adds
    ("A local resident also said one fighter had been killed in the strike.", 1),  # the same one told again
    ("More than 20 fighters and guards were killed in the strike.", 21),  # "more than" bounds, it adds nothing
])
def test_more_of_the_same_kind_told_as_also_killed_add_to_the_toll(extract, second, killed):
    text = ("A militia commander was killed in a drone strike near Jilib on Monday, the army said.\n" + second)
    [e] = news(extract(text, published="2023-08-16"))
    assert e.killed.best == killed


def test_dead_of_two_groups_in_one_sentence_add_up_when_one_happening_killed_both(extract):
    text = ("Fighters stormed a border post near Tessit on Friday, killing nine soldiers, while six of the assailants "
            "were killed as the garrison fought back, the army said.")
    assert [e.killed.best for e in news(extract(text, published="2024-05-18"))] == [15]


@pytest.mark.parametrize(("text", "most"), [
    # a count inside a clause on a noun, or of what came before, is another happening's
    ("Soldiers on Friday killed the commander behind the ambush that killed nine soldiers near Tessit, the army "
     "said.", 9),
    ("A soldier died in a clash with fighters near Tessit on Friday, a day after six herders were killed in the "
     "area, the army said.", 6),
])
def test_dead_of_another_happening_in_the_sentence_are_not_added(extract, text, most):
    assert all(e.killed.best <= most for e in news(extract(text, published="2024-05-18")) if e.killed)


def test_the_day_a_cited_report_came_out_does_not_date_the_incident(extract):
    text = ("Gunmen on Friday attacked the village of Kibati, in the territory of Rutshuru, murdering at least four "
            "farmers, according to a report in Monday's edition of a regional weekly.")
    [e] = news(extract(text, published="2021-06-14"))
    assert e.date.value == "2021-06-11"


@pytest.mark.parametrize(("text", "published"), [
    ("Gunmen ambushed a bus on the highway between Kaduna and Abuja on Sunday, killing four passengers.", "2019-12-09"),
    ("Des hommes armés ont attaqué un car sur l'axe entre Gao et Ansongo dimanche.", "2019-12-09"),
])
def test_a_road_between_two_towns_is_one_incident_not_one_per_town(extract, text, published):
    assert len(news(extract(text, published=published))) == 1


def test_toll_range_keeps_the_figure_cited_most():
    counts = [Count(best=20, low=20, high=20), Count(best=8, low=8, high=8), Count(best=20, low=20, high=20)]
    merged = toll_range(counts, counts[0])
    assert (merged.best, merged.low, merged.high) == (20, 8, 20)


@pytest.mark.parametrize("text", [
    "Five soldiers were killed in Kech district of Balochistan province on Saturday, the army said.",
    ("At least five soldiers were killed when a bomb hit their vehicle in southwestern Balochistan province, the "
     "army said.\nThe incident happened on Saturday in Kech district."),
])
def test_a_district_without_a_point_is_the_place_rather_than_its_province(extract, text):
    # GeoNames has Kech District with no coordinates: it keeps its name and takes the province's point
    [e] = news(extract(text, published="2024-01-14"))
    assert e.place.name == "Kech district" and e.place.admin1 == "Balochistan" and e.place.lat is not None


def test_a_nationality_is_never_the_place(extract):
    [e] = news(extract("Two U.S. soldiers were killed on Sunday when a roadside bomb exploded near their patrol "
                       "in Helmand province.", published="2011-05-03"))
    assert e.place is not None and e.place.country == "AF"


@pytest.mark.parametrize("text", [
    # the victims' country told by its adjective
    "Israeli strikes on two southern Lebanese villages killed six people, the health ministry said on Saturday.\n"
    "Earlier this week, Israel threatened to resume the war.",
    # a country that is the subject of the act did it
    "Since Friday, Israel has been shelling a series of villages in southern Lebanon, killing two farmers.",
    # nor is one side of its fight where it happened
    "Fighting between Israel and Hezbollah killed two shepherds in southern Lebanon on Sunday.",
])
def test_the_place_is_the_victims_country_not_the_attackers(extract, text):
    [e] = news(extract(text, published="2024-06-02"))
    assert e.place.country == "LB"


def test_a_country_that_is_the_subject_of_something_else_stays_a_place(extract):
    # a country that is the subject of something else stays a place of the story
    text = "Greece faces a debt deadline on Friday. Three people died when rioters burned a bank in Greece."
    assert [e.place.country for e in news(extract(text, published="2010-05-05"))] == ["GR"]


def test_a_name_the_gazetteer_lacks_is_a_place_only_where_written_as_one(extract):
    text = ("Government shelling killed three civilians in Idlib province on Saturday, a monitor said. A shell also "
            "struck the home of a volunteer for the White Helmets, killing his two children.")
    events = news(extract(text, published="2021-07-03"))
    assert [e.place.name for e in events] == ["Idlib province"]
    # "in" before it, or a kind of place after it, writes it as a place
    [e] = news(extract("Gunmen killed four herders in Tolleri on Saturday, a local official said.",
                       published="2021-07-03"))
    assert e.place.name == "Tolleri"


def test_the_dateline_is_not_the_place_of_an_incident_told_elsewhere(extract):
    text = ("KABUL, Afghanistan (AP) — A roadside bomb killed three policemen on Sunday in Kandahar province, "
            "officials said.")
    [e] = news(extract(text, published="2012-04-02"))
    assert e.place.name.startswith("Kandahar")


@pytest.mark.parametrize("text", [
    "Gunmen killed three traders in Bama on Sunday. The raid came a week after gunmen killed five farmers in Konduga.",
    "Militants attacked a military base near Baidoa on Friday, killing seven soldiers. The attack came two days "
    "after the United States said it had killed the chief of the group's intelligence wing.",
    "Four protesters were shot dead in the capital on Thursday. It comes a day after two bank clerks died in a "
    "petrol bomb attack as a march turned violent.",
])
def test_what_the_news_came_days_after_is_background(extract, text):
    r = extract(text, published="2019-09-22")
    assert len(news(r)) == 1
    # without a time between, what the deaths came after may be the incident itself
    r = extract("Twelve people died in Bama on Sunday. The deaths came after gunmen opened fire on a crowd.",
                published="2019-09-22")
    assert news(r) and not any(e.hedge == Hedge.HISTORICAL for e in r.events if e.place and e.place.name == "Bama")


@pytest.mark.parametrize(("text", "language"), [
    # "after" as a preposition, the time between on it ("a day after the killing of")
    ("Gunmen killed three traders in Bama on Sunday. The raid comes a day after the killing of two farmers in "
     "Konduga.", "en"),
    # ... or a clause the parser joins to the verb "after" hangs on
    ("Gunmen killed three traders in Bama on Sunday. The raid comes a day after two farmers were killed in "
     "Konduga.", "en"),
    # ... or the time between on the verb, right before the marker; the dead are in the phrase after it
    ("Des hommes armés ont tué trois commerçants à Bama dimanche. Cette attaque survient deux semaines après la "
     "mort de deux autres agriculteurs à Konduga.", "fr"),
])
def test_what_the_news_came_days_after_is_background_whatever_the_parse(extract, text, language):
    assert [(e.place.name, e.killed.best) for e in news(extract(text, published="2019-09-22"))] == [("Bama", 3)]


def test_a_time_pointed_at_before_after_is_no_time_between(extract):
    # "this week" says when they fled, not how long after the shelling: the shelling is the news
    text = "Hundreds of families fled the villages south of Bama this week after three days of shelling by militias."
    assert [e.type for e in news(extract(text, published="2019-09-22"))] == ["explosions_remote_violence"]


@pytest.mark.parametrize("text", [
    "Shells killed two people in Kupiansk on Saturday, the governor said.\n\nFile photo of firefighters at a school "
    "destroyed by a missile strike in Lviv.",
    "Des obus ont tué deux personnes à Kupiansk samedi, selon le gouverneur.\n\nPhoto d'archives de pompiers devant "
    "une école détruite par une frappe de missile à Lviv.",
])
def test_the_caption_of_an_old_picture_shows_no_incident_of_the_day_nor_its_place(extract, text):
    [e] = news(extract(text, published="2024-09-15"))
    assert (e.place.name, e.killed.best) == ("Kupiansk", 2)
    # and what the caption shows places no mention that names no place of its own
    r = extract("Shelling killed seven people across the region on Saturday.\n\nFile photo of firefighters at a "
                "school destroyed by a missile strike in Lviv.", published="2024-09-15")
    assert [e.place.name if e.place else None for e in news(r)] != ["Lviv"]


def test_a_lead_that_counts_its_attacks_sums_up_the_towns_told_after_it(extract):
    text = ("At least 7 killed as Russia shells four Ukraine regions, governors say\n\n"
            "Shelling killed at least seven people in four attacks on the south and east of Ukraine on Saturday, "
            "governors said.\n\n"
            "In the Zaporizhzhia region, the governor said shells struck a farm in the town of Huliaipole, killing "
            "three people.\n\n"
            "A missile attack on the suburbs of Odesa killed a man and a woman.")
    tolls = {(e.place.name, e.killed.best) for e in news(extract(text, published="2024-09-15"))}
    assert {("Huliaipole", 3), ("Odesa", 2)} <= tolls


@pytest.mark.parametrize("text", [
    "Gunmen stormed a police post in Bama, killing four officers, police said on Sunday, a week after the same gang "
    "killed nine traders at a market in Konduga.",
    "Militants fired on a police post in Bama, killing four officers, police said Sunday, a week after the same gang "
    "killed 26 people at a bus station.",
])
def test_what_came_days_before_the_telling_is_background(extract, text):
    # the clause of "after" hangs on the verb of telling, not on "came": its dead are not the day's
    assert [e.killed.best for e in news(extract(text, published="2019-09-22"))] == [4]


def test_a_death_told_before_what_came_a_day_before_is_the_news_and_keeps_its_toll(extract):
    # the gunbattle is the day before's; the soldier's death, which names no act of its own, is the news
    text = ("A soldier died in an encounter with militants in Anantnag on Tuesday, a day after an army major was "
            "killed during a gunbattle in the district.")
    r = extract(text, published="2019-06-18")
    assert sorted((e.hedge == Hedge.HISTORICAL, e.killed.best) for e in r.events) == [(False, 1), (True, 1)]


def test_a_similar_attack_with_no_day_of_its_own_is_one_from_before(extract):
    text = ("Gunmen shot dead four policemen at a checkpoint in Bama on Sunday. The army sent troops to the town, "
            "following a similar attack in which two soldiers were killed near Konduga.")
    assert [e.killed.best for e in news(extract(text, published="2019-09-22"))] == [4]
    # with a day of its own, a second incident of the day
    text = ("Gunmen shot dead four policemen at a checkpoint in Bama on Sunday. In a similar attack on Sunday, "
            "gunmen killed two farmers near Konduga.")
    assert sorted(e.killed.best for e in news(extract(text, published="2019-09-22"))) == [2, 4]


def test_a_count_for_the_same_period_as_a_running_total_is_no_toll(extract):
    text = ("Gunmen killed two policemen in an ambush near Gadchiroli on Saturday, police said.\n"
            "State records show 40 policemen have been killed in the district since January. During the same "
            "period, 57 civilians were also killed.")
    assert [e.killed.best for e in news(extract(text, published="2020-03-21"))] == [2]


def test_a_village_the_gazetteer_lacks_fits_the_district_the_lead_names(extract):
    # "Bodli" is unknown: it sits somewhere in the state, so it may be in the district, and it is the ambush told;
    # the incident keeps the village's name, placed where the district is
    text = ("Two policemen were killed in an ambush by Maoists in Bastar district on Saturday, police said.\n"
            "The team was guarding road works near Bodli village when a bomb went off, the inspector general said.")
    events = news(extract(text, published="2020-03-21"))
    assert [(e.place.name, e.place.precision, e.killed.best) for e in events] == [("Bodli", GeoPrecision.ADMIN2, 2)]


def test_an_area_blocked_off_is_a_cordon_not_a_protest(extract):
    text = ("A bomb killed ten worshippers at a mosque in Kabul on Friday. The spokesman gave no details, and the area "
            "was blocked off by security forces.")
    assert [e.type for e in news(extract(text, published="2022-04-29"))] == ["explosions_remote_violence"]
    # protesters blocking a road still protest
    assert [e.type for e in news(extract("Protesters blocked the main road to the airport in Kabul on Monday.",
                                         published="2022-04-29"))] == ["protests"]


@pytest.mark.parametrize(("text", "types"), [
    ("Two bombs killed two rangers in Yala on Saturday, police said, the latest unrest in the region.",
     ["explosions_remote_violence"]),
    ("The province has faced unrest for two decades over the sharing of its gas revenue.", []),
])
def test_unrest_is_a_state_of_things_not_an_incident(extract, text, types):
    assert [e.type for e in news(extract(text, published="2011-04-02"))] == types


@pytest.mark.parametrize("text", [
    "Six months of fighting in the region have left at least 300 people dead, most of them civilians, a monitor said.",
    "Two years of war have killed at least 4,000 people in the province, according to a local tally.",
])
def test_the_dead_of_a_span_of_time_of_something_are_a_total(extract, text):
    r = extract(text, published="2024-06-02")
    assert not news(r) and r.aggregates
    # a few days of fighting are one episode, the news itself
    r = extract("Two days of heavy fighting between troops and rebels near Goma ended on Saturday with 17 dead, the "
                "army said.", published="2024-06-02")
    assert [e.killed.best for e in news(r)] == [17]


def test_a_crime_told_through_its_charge_is_background(extract):
    r = extract("A 30-year-old man was charged on Monday with the murder of his neighbour in Leeds.",
                published="2019-11-05")
    assert news(r) == []


def test_a_deed_behind_a_plea_a_verdict_or_a_charge_is_background(extract):
    plea = extract("The driver pleaded guilty to the murder of a shop owner in Dayton.", published="2019-11-05")
    assert news(plea) == []
    verdict = extract("The guard was found guilty last month of murder and arson.", published="2019-11-05")
    assert news(verdict) == []
    charge = extract("Prosecutors dropped a kidnapping charge against the guard.", published="2019-11-05")
    assert news(charge) == []
    explosives = extract("Troops seized 40 pounds of explosive device charges on Monday.", published="2019-11-05")
    device = [e for e in explosives.events if e.trigger.text == "explosive device"]
    assert device and device[0].hedge != Hedge.HISTORICAL  # charges of explosive, not a case in court


def test_dead_told_with_an_arrest_join_the_act_that_killed_them(extract):
    text = ("Seven Insurgents Killed, One Detained in Dangam District\n"
            "Afghan and coalition forces searched a compound in Dangam district of Kunar province on Tuesday. "
            "As the force approached, armed men opened fire and the force called in an air strike.")
    [e] = [e for e in news(extract(text, published="2011-04-20")) if not e.verbal]
    assert (e.subtype, e.killed.best, e.detained.best) == ("air_drone_strike", 7, 1)
    assert e.date.value == "2011-04-19" and e.place.name == "Dangam District"


def test_a_later_word_for_the_act_types_a_killing_told_by_its_parties(extract):
    # "soldiers killed four militants" is typed from its parties (a clash); "the helicopter strike" names the act
    text = ("Soldiers killed four militants in a village near Dori on Tuesday, the army said. "
            "The helicopter strike killed four militants, an army spokesman added.")
    [e] = news(extract(text, published="2021-06-09"))
    assert (e.subtype, e.killed.best, e.date.value) == ("air_drone_strike", 4, "2021-06-08")
    # a killing told with an arrest: the arrest's word does not make the incident an arrest once the act is named
    both = ("Troops killed two insurgents and detained a third near Dori on Tuesday, the army said. "
            "The air strike killed the two insurgents as they fled.")
    [b] = news(extract(both, published="2021-06-09"))
    assert (b.subtype, b.killed.best) == ("air_drone_strike", 2)


def test_a_detail_told_before_the_first_incident_gives_it_its_day(extract):
    # the assault's day is told before its toll, in a sentence that is no incident of its own
    text = ('Colonel Ali Sow, chief of staff of the guard, described the Wednesday evening assault on one of the most '
            'fortified army positions as a "very hard blow."\n'
            "A security source told reporters that 28 soldiers were killed in northern Benin.")
    [e] = news(extract(text, published="2025-01-10"))
    assert (e.date.value, e.killed.best) == ("2025-01-08", 28)


def test_the_attack_told_again_gives_the_incident_its_own_day(extract):
    text = ("Gunmen stormed a police post in Gao, killing four officers, the army said on Tuesday. "
            "The attack took place on Sunday night.")
    [e] = news(extract(text, published="2021-05-06"))
    assert (e.date.value, e.date_rule, e.killed.best, len(e.evidence)) == ("2021-05-02", "clause", 4, 2)
    french = ("Des hommes armés ont tué quatre policiers à Gao, a annoncé l'armée mardi. "
              "L'attaque a eu lieu dimanche soir.")
    [f] = news(extract(french, published="2021-05-06"))
    assert f.date.value == "2021-05-02"


def test_the_attack_told_on_another_day_or_alone_makes_no_event(extract):
    other_day = ("Gunmen stormed a police post in Gao on Monday, killing four officers. "
                 "The attack took place on Sunday night in Kidal.")
    [e] = news(extract(other_day, published="2021-05-06"))
    assert (e.date.value, e.place.name, len(e.evidence)) == ("2021-05-03", "Gao", 1)
    assert news(extract("The attack took place on Sunday night in Kidal.", published="2021-05-06")) == []


def test_a_verb_with_an_object_is_an_act_not_a_disaster(extract):
    [e] = news(extract("Gunmen stormed a police post in Gao on Monday, killing four officers.",
                       published="2021-05-06"))
    assert e.killed.best == 4
    assert news(extract("A motorcycle wreck killed a passenger on Sunday.", published="2021-05-06")) == []
    assert news(extract("Two fishermen drowned when a storm hit their boat on Monday.", published="2021-05-06")) == []


def test_where_someone_lived_is_not_where_the_event_was(extract):
    [e] = news(extract("A teacher who lived in Leeds was shot dead in Salisbury on Monday.", published="2021-05-06"))
    assert e.place.name == "Salisbury"


def test_a_demonstration_with_clashes_that_name_no_armed_group_is_one_riot(extract):
    text = ("Thousands of people protested in Nairobi on Monday against the new tax. Clashes broke out when police "
            "fired tear gas.")
    [e] = news(extract(text, published="2021-05-06"))
    assert (e.type, len(e.evidence)) == ("riots", 2)
    french = ("La police a utilisé des gaz lacrymogènes pour disperser des centaines de manifestants à Bamako mardi. "
              "Les heurts ont commencé vers 6 heures.")
    assert [e.type for e in news(extract(french, published="2021-05-06"))] == ["riots"]
    battle = extract("Soldiers clashed with rebels near Goma on Monday.", published="2021-05-06")
    assert [e.type for e in news(battle)] == ["battles"]


def test_a_violent_mention_tells_the_violent_incident_before_it_not_an_arrest_told_last(extract):
    text = ("Militants die in police raid in Gao\n\n"
            "Three militants blew themselves up during a police raid on Tuesday, officials said, as authorities "
            "arrested two other suspects elsewhere and tightened security.\n\n"
            "“They refused to surrender and threw grenades at our forces,” a police spokesman said.")
    types = sorted(e.type for e in news(extract(text, published="2024-05-08")))
    assert types == ["explosions_remote_violence", "strategic_developments"]  # the arrest is not retyped


def test_a_speaker_with_no_name_does_not_replace_the_outlet(extract):
    text = ("Des hommes armés ont tué cinq villageois près de Gao lundi.\n\n"
            "« Les assaillants ont brûlé des maisons et tué cinq personnes », a-t-il ajouté.")
    [e] = news(extract(text, published="2024-05-08"))
    assert e.asserted_by.kind == AssertedKind.OUTLET


def test_a_shooting_told_beside_a_demonstration_is_not_part_of_it(extract):
    # "the shooting" alone is a detail, "a gunman opened fire" is typed by its parties: neither joins the rally
    text = ("The shooting happened on Harbour Road, a busy street in Haifa. The city was crowded on Friday night as "
            "rallies against the reform were taking place in the city.\n\n"
            "A gunman opened fire on a busy street in Haifa late Friday, wounding two people before he was shot "
            "dead, police said.")
    events = news(extract(text, published="2024-05-11"))
    assert sorted((e.type, e.injured.best if e.injured else None) for e in events) == [
        ("protests", None), ("violence_against_civilians", 2)]
    # force met by the crowd is still the demonstration's
    crowd = ("Thousands of people protested in Kano on Monday against the new levy. Police opened fire on the "
             "crowd, killing two people, witnesses said.")
    [e] = news(extract(crowd, published="2024-05-07"))
    assert (e.type, e.killed.best) == ("protests", 2)
    # a gunman the forces then killed, and a battle of the forces with armed men, are not the crowd's
    text = ("Rallies against the reform were taking place in Haifa on Friday night.\n\n"
            "A gunman opened fire on a busy street in the city, wounding two people before security forces killed "
            "him, police said. Earlier on Friday, three militants were killed in a shootout with troops in Jenin.")
    assert sorted(e.type for e in news(extract(text, published="2024-05-11"))) == [
        "battles", "protests", "violence_against_civilians"]


def test_an_event_placed_by_its_paragraph_takes_the_finest_place_of_the_last_chain(extract):
    text = ("In Sangin district, Helmand province, troops spotted insurgents planting a roadside bomb. "
            "The troops engaged them with small arms fire, killing three insurgents.")
    [e] = news(extract(text, published="2011-05-06"))
    assert (e.place.name, e.place_rule) == ("Sangin district", "paragraph")


def test_a_district_the_gazetteer_lacks_is_no_village_of_that_name_abroad(extract):
    r = extract("Insurgents attacked a police checkpoint in Chak district on Monday, officials in Kabul said.",
                published="2009-03-26")
    assert [p.country for p in r.places if p.name == "Chak district"] == [None]  # not the Chak of Pakistan


def test_a_district_the_gazetteer_lacks_lies_in_the_town_named_before_it(extract):
    text = ("A car bomb exploded near a market in Baghdad on Thursday, killing 20 people. The car was parked near a "
            "bus terminal in the eastern Shaab district when it blew up shortly after noon.")
    [e] = news(extract(text, published="2009-03-26"))
    assert (e.place.name, e.place.country, len(e.evidence)) == ("Baghdad", "IQ", 2)


def test_a_planned_or_upcoming_event_is_not_news(extract):
    for text in ("Police said they were not linking the arrests to the planned protests.",
                 "The upcoming rally in Kisumu worries officials.",
                 "La manifestation prévue samedi à Bamako a été interdite."):
        assert [e.type for e in news(extract(text, published="2021-05-06")) if e.type == "protests"] == [], text
    potential = extract("Firefighters described the blaze at the church in Wasilla as potential arson.",
                        published="2021-05-06")
    assert [e.subtype for e in news(potential)] == ["looting_property_destruction"]  # uncertain, not planned


def test_labelled_links_to_other_stories_yield_no_events(extract):
    text = ("Gunmen kill five in attack on village near Gao\n\nGAO, Mali (Reuters) - Gunmen killed five villagers "
            "in an attack on a village near Gao on Tuesday, a local official said.\n\n"
            "READ MORE: Suicide bomber kills 12 at Kabul wedding\n\nVideo: Police clash with protesters in Nairobi")
    assert [(e.place.name, e.killed.best) for e in news(extract(text, published="2021-05-06"))] == [("Gao", 5)]


@pytest.mark.parametrize(("text", "family"), [
    ("An army patrol fell into an ambush near Gao on Monday.", "battles"),
    ("The soldiers were caught in an ambush near Gao on Monday.", "battles"),
    ("A police patrol came under attack near Gao on Monday.", "battles"),
    ("The wedding party came under attack near Gao on Monday.", "violence_against_civilians"),
    ("Une patrouille de l'armée est tombée dans une embuscade près de Gao lundi.", "battles"),
    ("Une patrouille a essuyé des tirs près de Gao lundi.", "battles"),
    ("Le marché a été la cible d'une attaque près de Gao lundi.", "violence_against_civilians"),
])
def test_a_happening_that_befell_its_subject_is_told_though_no_doer_is_named(extract, text, family):
    [e] = news(extract(text, published="2024-06-05"))
    assert (e.type, e.date.value, e.place.name) == (family, "2024-06-03", "Gao")


@pytest.mark.parametrize("text", [
    "The singer died in Gao on Monday, nine days after suffering a heart attack.",
    "The singer fell victim to a heart attack in Gao on Monday.",
    # told again, not a new happening: the arrest stays the only event
    "Police arrested a man in Gao on Monday. They said the victim of the assault was a woman.",
])
def test_what_befell_is_no_attack_when_it_is_an_illness_or_told_again(extract, text):
    assert [e.type for e in news(extract(text, published="2024-06-05"))] in ([], ["strategic_developments"]), text


def test_happenings_told_with_how_often_they_come_are_background(extract):
    for text in ("The rebels have been staging daily attacks on army posts in the east, officials said on Monday.",
                 "Les rebelles mènent des attaques quotidiennes contre les postes de l'armée, a indiqué lundi un élu."):
        assert news(extract(text, published="2024-06-05")) == [], text
    # the noun's own clause gives the day: that day's happening
    one_day = extract("Repeated attacks on the base near Gao on Monday killed 12 soldiers.", published="2024-06-05")
    assert [e.killed.best for e in news(one_day)] == [12]


def test_a_kind_of_deed_someone_will_not_have_is_no_incident(extract):
    text = "“We will not allow attacks on journalists to go unpunished,” the minister said in Kingston on Monday."
    assert news(extract(text, published="2024-06-05")) == []
    # one attack, with its article, is still told
    one = "“We will not allow the attack on the journalists to go unpunished,” the minister said on Monday."
    assert [e.hedge for e in extract(one, published="2024-06-05").events] != [Hedge.HYPOTHETICAL]


def test_what_is_forbidden_did_not_happen(extract):
    for text in ("The government last week banned protests in the capital.",
                 "Le gouvernement a interdit les manifestations dans la capitale la semaine dernière."):
        assert news(extract(text, published="2024-06-05")) == [], text


def test_a_kind_of_happening_done_again_and_again_is_background(extract):
    for text in ("Militants have attacked the town several times in recent months.",
                 "The group has carried out dozens of bombings across the region.",
                 "Jihadists regularly ambush army convoys in the area.",
                 "Les jihadistes attaquent régulièrement les convois de l'armée."):
        assert news(extract(text, published="2024-06-05")) == [], text
    one_day = extract("Russian forces repeatedly shelled Kharkiv on Tuesday, wounding seven civilians.",
                      published="2024-06-05")
    assert [e.injured.best for e in news(one_day)] == [7]  # its own day: Tuesday's incident
    arrest = extract("Afghan forces detained dozens of suspected insurgents in Kandahar on Monday.",
                     published="2024-06-05")
    assert [e.subtype for e in news(arrest)] == ["arrests"]  # a count of people, not of happenings
    cache = extract("Troops searched a compound near Kandahar on Monday and confiscated several grenades.",
                    published="2024-06-05")
    assert [e.subtype for e in news(cache)] == ["disrupted_weapons_use"]  # a count of things


def test_a_sentence_summing_up_separate_operations_is_no_incident(extract):
    for text in ("Several insurgents were killed and others detained during separate operations in the south over "
                 "the past 24 hours, the coalition said.",
                 "Des soldats ont été tués lors d'attaques distinctes dans le nord du pays."):
        assert news(extract(text, published="2011-01-24")) == [], text
    one = extract("In a separate operation, troops detained two suspected insurgents in Kandahar on Sunday.",
                  published="2011-01-24")
    assert [e.subtype for e in news(one)] == ["arrests"]  # one operation told apart: an incident


def test_what_a_force_is_able_to_do_is_no_happening(extract):
    for text in ("The police showed their capability to protect the town and fight for its people.",
                 "La police a montré sa capacité à protéger la ville et à combattre pour ses habitants."):
        assert news(extract(text, published="2011-10-20")) == [], text


def test_the_past_perfect_of_a_main_clause_tells_what_came_before(extract):
    for text in ("Five soldiers had been killed in a similar ambush near the town.",
                 "Le 16 février, cinq soldats du même détachement avaient été tués lors d'une embuscade similaire."):
        assert news(extract(text, published="2020-03-05")) == [], text
    recent = extract("Five soldiers had been killed in an ambush near Gao on Tuesday, the army said.",
                     published="2020-03-05")
    assert [e.killed.best for e in news(recent)] == [5]  # dated two days before the report: news


def test_an_attack_on_a_list_of_towns_is_one_incident_per_town(extract):
    r = extract("Militants attacked army posts in Gao, Kidal and Menaka on Sunday, killing five soldiers.",
                published="2021-09-14")
    got = sorted((e.place.name, e.killed.best if e.killed else None) for e in news(r))
    assert got == [("Gao", 5), ("Kidal", None), ("Menaka", None)]  # the toll is not split: it stays with the first


def test_a_dateline_with_a_colon_is_where_the_report_was_filed(extract):
    text = ("LOS ANGELES: A man smashed the windows of a car with a child inside, police said.\n"
            "The attack happened on Wednesday in Beverly Hills, where officers arrested the man.")
    events = news(extract(text, published="2018-04-06"))
    assert events and all(e.place.name == "Beverly Hills" for e in events)


def test_another_attack_is_an_incident_of_its_own_and_several_raids_are_background(extract):
    text = ("Gunmen killed twelve villagers in Sanakadougou on Friday, residents said. There were also reports of "
            "another attack on the neighbouring town of Djibo on Sunday morning. The previous week 50 people were "
            "killed in several raids.")
    got = sorted((e.place.name, e.killed.best if e.killed else None) for e in news(extract(text, published="2023-01-29")))
    assert ("Djibo", None) in got and all(k != 50 for _, k in got)
    french = "Une nouvelle attaque a frappé le village de Seytenga dimanche."
    assert [e.place.name for e in news(extract(french, published="2023-01-30"))] == ["Seytenga"]


def test_an_attack_in_the_same_area_on_another_day_is_another_incident(extract):
    text = ("Gunmen kill 100 villagers during raids across Burkina Faso\n\n"
            "No fewer than 100 villagers have been killed during gunmen attacks in northern Burkina Faso, officials "
            "said.\n\nArmed men killed 11 military police in the same area last Thursday.")
    got = sorted(e.killed.best for e in news(extract(text, published="2022-06-14")))
    assert got == [11, 100]  # two incidents, not one with a toll of 11 to 100


def test_a_dateline_in_ordinary_case_with_its_agency_is_no_place_of_the_event(extract):
    text = ("Maiduguri, (Reuters) – A suicide bomber killed three people near a market in the northeastern "
            "state of Borno on Saturday, police said.")
    [e] = news(extract(text, published="2015-08-08"))
    assert e.place.name == "Borno"


def test_where_a_named_person_lives_is_not_where_the_event_was(extract):
    [e] = news(extract("Ana Diaz, 34, of Tucson, Arizona, was shot dead at a bar in Phoenix on Monday.",
                       published="2021-05-06"))
    assert e.place.name == "Phoenix" and e.killed.best == 1  # a name given an age is one person


def test_a_name_given_an_age_is_a_person_not_a_place(extract):
    r = extract("The death of Reyes, 43, has shaken the town of Tucson.", published="2021-05-06")
    assert [p.name for p in r.places] == ["Tucson"]


def test_a_party_linked_to_an_attack_is_not_news_of_that_attack(extract):
    text = ("Troops detained a militant commander in Paktiya province on Saturday. The commander was linked to a "
            "bombing that killed four soldiers last year.")
    events = news(extract(text, published="2010-09-06"))
    assert [e.subtype for e in events] == ["arrests"]


def test_a_demonstration_whose_marchers_smash_windows_is_a_riot(extract):
    [e] = news(extract("Thousands of people marched through the centre of Patras on Wednesday and some youths "
                       "smashed shop windows.", published="2010-05-06"))
    assert e.type == "riots"


def test_words_used_in_another_sense_make_no_event(extract):
    assert news(extract("The police demonstrated their capability to protect the city on Tuesday.",
                        published="2011-11-10")) == []
    r = extract("Soldiers spotted two men emplacing an improvised explosive device near Lashkar Gah and arrested "
                "them on Monday.", published="2011-03-02")
    assert [e.subtype for e in news(r)] == ["arrests"]


def test_a_role_named_by_a_trigger_word_is_no_event(extract):
    r = extract("Security forces detained an IED facilitator in Kandahar on Friday.", published="2011-03-05")
    assert [e.subtype for e in news(r)] == ["arrests"]


@pytest.mark.parametrize("text", [
    "Two infantry fighting vehicles were parked outside the governor's office in Kirkuk on Tuesday.",
    "Un véhicule de combat était garé devant la mairie de Gao mardi.",
])
def test_kit_named_for_fighting_is_no_fight(extract, text):
    assert news(extract(text, published="2011-03-02")) == []


def test_a_person_named_by_a_trigger_word_is_the_deed_only_as_its_doer(extract):
    # what a verb or a preposition acts on: a person, not a bombing
    for text in ("Troops captured a militant commander suspected of supplying rifles and suicide bombers near Kunduz "
                 "on Friday.", "Police detained a man accused of recruiting suicide bombers in Kunduz on Friday."):
        assert [e.subtype for e in news(extract(text, published="2011-03-05"))] == ["arrests"]
    # the doer, or the agent after "by": the bombing
    for text in ("A suicide bomber blew himself up at a checkpoint in Kunduz on Friday, killing six people.",
                 "Six people were killed by a suicide bomber at a checkpoint in Kunduz on Friday."):
        [e] = news(extract(text, published="2011-03-05"))
        assert (e.subtype, e.killed.best) == ("suicide_bomb", 6)


def test_a_relative_clause_on_a_time_tells_the_happening(extract):
    # "Friday when a bomb exploded": the clause hangs on a day, it describes no one; the bomb is what killed them
    [e] = news(extract("Two other people were killed Friday when a roadside bomb exploded in the Kirkuk neighborhood "
                       "of Rahimawa.", published="2010-06-12"))
    assert (e.subtype, e.killed.best, e.date.value) == ("remote_explosive", 2, "2010-06-11")


def test_a_town_a_distance_is_measured_from_is_not_where_the_event_was(extract):
    for text, place in (
            ("A car bomb struck a police patrol near Baquba, about 35 miles northeast of Baghdad, on Friday.", "Baquba"),
            ("A roadside bomb hit a convoy in Logar province, 40 miles south of Kabul, on Friday.", "Logar province")):
        [e] = news(extract(text, published="2010-06-12"))
        assert e.place.name == place
    # a distance alone is the event's place, moved from the town
    [alone] = news(extract("A car bomb struck a police patrol 35 miles northeast of Baghdad on Friday.",
                           published="2010-06-12"))
    assert alone.place.name == "Baghdad" and alone.place.lat > 33.6


def test_a_relative_clause_on_an_age_describes_someone(extract):
    # "the 11-month-old whose parents fought a battle with the courts": an age, not a time the happening took place
    r = extract("The case recalls that of a British 11-month-old whose parents fought a long battle with the courts to "
                "take him abroad for treatment.", published="2018-04-26")
    assert [e.type for e in news(r) if not e.verbal] == []


def test_people_who_tried_to_do_something_are_not_on_trial(extract):
    # "try" is a legal step ("tried for murder"), but before an infinitive it is an attempt
    [e] = news(extract("Hundreds of protesters tried to storm the parliament in Kathmandu on Friday.",
                       published="2025-03-29"))
    assert (e.type, e.date.value) == ("protests", "2025-03-28")


def test_the_story_s_own_happening_named_in_a_relative_clause_is_a_mention_of_it(extract):
    # "a journalist who was covering the rally": the rally of the story, not a past one describing the journalist
    r = extract("Police fired tear gas at a rally in Kathmandu on Friday. The dead included a journalist who was "
                "covering the rally.", published="2025-03-29")
    assert [(e.subtype, e.hedge) for e in r.events] == [("protest_with_intervention", None)]


def test_the_happenings_a_running_total_counts_are_no_incident(extract):
    r = extract("Riot police fired tear gas at protesters in Khartoum on Sunday. Officials say at least 19 people have "
                "been killed in clashes during the demonstrations so far.", published="2019-01-07")
    assert [(e.subtype, e.killed) for e in news(r)] == [("protest_with_intervention", None)]
    # an act of the day told with the running total it adds to is that day's incident
    [e] = news(extract("Gunmen attacked a village near Jos on Sunday, killing five people and bringing the number of "
                       "people killed in the state this year to 300.", published="2019-01-07"))
    assert (e.killed.best, e.date.value) == (5, "2019-01-06")


def test_a_later_mention_joins_the_happening_of_its_own_kind(extract):
    # "the bomb" fits both earlier happenings; it is the roadside bomb's, not the separate suicide bombing's
    r = extract("A roadside bomb killed two soldiers on Tuesday. In a separate attack, three soldiers were wounded in "
                "a suicide car bombing.\n\nThe vehicle was on patrol in Nangarhar province when the bomb exploded, a "
                "spokeswoman said.", published="2006-05-31")
    assert [(e.subtype, len(e.evidence)) for e in news(r)] == [("remote_explosive", 2), ("suicide_bomb", 1)]


def test_a_modifier_naming_a_finer_kind_refines_a_trigger_noun(extract):
    [e] = news(extract("Three soldiers were wounded in a suicide car bombing in Khost on Tuesday.", published="2006-05-31"))
    assert e.subtype == "suicide_bomb"


def test_a_happening_announced_as_another_restates_no_toll(extract):
    r = extract("Fighters stormed an army base in Somalia on Friday, officials said. An officer put the number of the "
                "dead at 12. The group claimed 30 had been killed.\nMeanwhile, a car bomb blast has killed four people "
                "in the port city of Kismayo, ending weeks of calm there.", published="2017-06-09")
    assert [(e.type, e.killed.best) for e in news(r)] == [("battles", 30), ("explosions_remote_violence", 4)]


def test_in_another_village_is_another_happening(extract):
    r = extract("Russian shelling killed a man in Kherson on Sunday, the governor said. In another village, a tractor "
                "driver was injured when he hit a mine.", published="2023-09-18")
    assert [(e.subtype, e.killed and e.killed.best, e.injured and e.injured.best) for e in news(r)] == [
        ("shelling_artillery_missile", 1, None), ("remote_explosive", None, 1)]


def test_a_verb_in_the_simple_present_is_a_state_of_affairs_not_the_news(extract):
    # "as the country battles a revolt" gives the killing no type of its own; a headline's present is news
    r = extract("Gunmen kill nine in raid on Sahel village\nGunmen killed nine civilians in a village near Dori on "
                "Saturday, local sources said, as the country battles an insurgency.", published="2019-04-02")
    [e] = news(r)
    assert (e.type, e.killed.best, e.date.value) == ("violence_against_civilians", 9, "2019-03-30")


def test_a_weekend_that_ends_last_month_is_no_past_month(extract):
    # told on 1 April, "over the weekend" (30-31 March) is the news, not a killing of last month
    [e] = news(extract("Gunmen killed nine civilians in a village near Dori over the weekend, local sources said "
                       "on Monday.", published="2019-04-01"))
    assert (e.killed.best, e.date.start) == (9, "2019-03-30")


def test_coming_back_is_no_release(extract):
    assert extract("The gunmen returned to the village on Sunday morning and fired in the air.",
                   published="2019-04-01").events == ()
    [e] = extract("The rebels returned 20 prisoners to the government in Goma on Sunday.", published="2019-04-01").events
    assert e.subtype == "release"


def test_a_nationwide_toll_of_a_kind_of_attack_is_no_incident(extract):
    r = extract("Gunmen killed nine villagers near Dori on Sunday, officials said.\nThe attacks, typically raids on "
                "villages and road mines, have claimed around 500 lives nationally, according to a tally.",
                published="2019-04-02")
    assert [e.killed.best for e in news(r)] == [9]


def test_a_toll_compared_with_a_superlative_is_no_running_total(extract):
    # "in one of the deadliest ambushes in recent years": the phrase compares this ambush, it sums nothing up
    [e] = news(extract("Fourteen policemen were gunned down by rebels in Sukma on Sunday in one of the deadliest "
                       "ambushes in recent years.", published="2020-03-23"))
    assert (e.killed.best, e.date.value) == (14, "2020-03-22")


def test_what_a_toll_adds_to_since_a_month_is_a_total(extract):
    r = extract("Two soldiers and a rebel were killed in a gunbattle near Kenyam, the army said on Friday, adding to more "
                "than 40 deaths in the conflict since January.", published="2019-03-09")
    assert [(e.killed.best, e.date.value) for e in news(r)] == [(3, "2019-03-08")]
    assert [a.killed.best for a in r.aggregates] == [41]


def test_crowd_control_gear_is_no_explosion(extract):
    for text in ("Police fired stun grenades at protesters in Athens on Wednesday.",
                 "La police a tiré des grenades lacrymogènes sur les manifestants à Dakar mercredi."):
        assert [e.subtype for e in news(extract(text, published="2010-05-06"))] == ["protest_with_intervention"]


def test_a_similar_attack_is_another_happening(extract):
    r = extract("Militants attacked a police checkpoint in northern Pakistan late Saturday, killing two officers and "
                "wounding another, authorities said.\n\nPolice said the gunmen fled after shooting three officers at "
                "the post in Charsadda district. Two of the officers died before reaching the hospital.\n\nThe "
                "shooting came two days after a similar attack in Bannu district that killed four police officers and "
                "wounded two.", published="2023-01-22")
    first = [e for e in news(r) if e.date is not None and e.date.value == "2023-01-21"]
    assert [(e.place.name, e.killed.best) for e in first] == [("Charsadda district", 2)]


def test_a_barrage_of_gunfire_is_no_shelling(extract):
    r = extract("Militants killed three policemen at a check post in Karak district on Thursday, police said. The "
                "attackers launched a barrage of gunfire at the post.", published="2025-02-06")
    assert [e.type for e in news(r)] == ["battles"]
    rockets = extract("Rebels fired a barrage of rockets at the town of Goma on Thursday.", published="2025-02-06")
    assert [e.subtype for e in news(rockets)] == ["shelling_artillery_missile"]


def test_verbal_interactions_are_kept_but_marked(extract):
    r = extract("The United Nations condemned the attack on Tuesday.", published="2020-01-08")
    assert news(r) == [] and any(e.verbal for e in r.events)


def test_an_unknown_village_falls_back_to_its_province(extract):
    [e] = news(extract("An airstrike hit the village of Qalat-e Bala in Helmand province on Saturday, killing "
                       "four insurgents.", published="2012-05-07"))
    assert e.place is not None and e.place.lat is not None and e.place.country == "AF"


@pytest.mark.parametrize(("a", "b", "fits"), [
    (("Gao", "ML", 16.27, -0.04, GeoPrecision.EXACT, "07"), ("Kidal", "ML", 18.44, 1.41, GeoPrecision.EXACT, "08"), False),
    (("Mosul", "IQ", 36.34, 43.13, GeoPrecision.EXACT, "15"), ("Nineveh", "IQ", 36.2, 42.7, GeoPrecision.ADMIN1, "15"), True),
    (("Mosul", "IQ", 36.34, 43.13, GeoPrecision.EXACT, "15"), ("Anbar", "IQ", 33.0, 42.0, GeoPrecision.ADMIN1, "01"), False),
    (("Bartella", "IQ", 36.35, 43.38, GeoPrecision.EXACT, "15"), ("Mosul", "IQ", 36.34, 43.13, GeoPrecision.EXACT, "15"), True),
])
def test_places_fit_one_incident_when_inside_or_near_each_other(a, b, fits):
    def place(name, country, lat, lon, precision, admin1):
        return Place(name=name, country=country, lat=lat, lon=lon, precision=precision, admin1=admin1,
                     geonames_id=hash(name) % 10_000)

    assert places_fit(place(*a), place(*b)) is fits


def test_a_village_placed_by_its_distance_from_a_town_fits_the_region_around_it():
    # "a forest 150 km north-west of Mopti": far from the town, but inside the region the article names
    forest = Place(name="Dagaba forest", feature="unlocated", country="ML", admin1="Mopti", lat=15.44, lon=-5.17,
                   precision=GeoPrecision.NEAR)
    region = Place(name="Mopti", feature="admin1", country="ML", admin1="Mopti", lat=14.6, lon=-4.0,
                   precision=GeoPrecision.ADMIN1, geonames_id=2453347)
    town = Place(name="Mopti", feature="city", country="ML", admin1="Mopti", lat=14.49, lon=-4.19,
                 precision=GeoPrecision.EXACT, geonames_id=2453348)
    assert places_fit(forest, region) and not places_fit(forest, town)


@pytest.mark.parametrize(("text", "name", "country", "lat", "lon"), [
    # the town is only where the distance is measured from; the place the gazetteer lacks is where it happened,
    # that far along the bearing (Bangui is at 4.4 N 18.6 E, Baghdad at 33.3 N 44.4 E)
    ("Dimanche, les rebelles ont attaqué la ville de Kounbali, à 300 km au nord-ouest de la capitale Bangui.",
     "Kounbali", "CF", 6.3, 16.6),
    ("Gunmen attacked the village of Dakwa, 80 km north of the capital Baghdad, on Sunday.",
     "Dakwa", "IQ", 34.1, 44.4),
])
def test_a_place_the_gazetteer_lacks_measured_from_a_town_lies_that_far_from_it(extract, text, name, country, lat, lon):
    [e] = news(extract(text, published="2021-12-20"))
    assert (e.place.name, e.place.country, e.place.precision) == (name, country, GeoPrecision.NEAR)
    assert abs(e.place.lat - lat) < 0.2 and abs(e.place.lon - lon) < 0.2

def test_a_war_wide_figure_is_an_aggregate_not_an_incident(extract):
    text = ("The conflict has killed more than 300,000 people, the monitor said on Monday. "
            "On Sunday an airstrike killed four civilians in Idlib.")
    r = extract(text, published="2021-03-16")
    [e] = news(r)
    assert e.subtype == "air_drone_strike" and e.killed.best == 4
    [agg] = r.aggregates
    assert agg.killed.best == 300_001 and "conflict" in agg.evidence[0].text


@pytest.mark.parametrize(("text", "published", "tolls", "totals"), [
    ("Security forces killed two militants near Kunduz on Friday. More than 50 militants have been killed in the "
     "province so far this year, officials said.", "2013-04-13", [2], [51]),
    # a count in the present perfect with a "since" clause
    ("A drone strike killed two people in Khan Younis on Thursday, medics said.\n\nThe army says three of its soldiers "
     "have been killed by gunmen in the area since the truce began.", "2026-02-26", [2], [3]),
    # the "since" clause after a second verb joined to the count's
    ("A drone strike killed two people in Khan Younis on Thursday, medics said.\n\nMore than 900 people have been "
     "killed and 40,000 have left their homes since the offensive began.", "2026-02-26", [2], [901]),
    # a year's count, and the dead of several attacks
    ("Three rebels were killed in a gunfight in Kupwara on Tuesday, police said.\n\nSecurity forces have killed 190 "
     "rebels this year in various operations.", "2017-11-07", [3], [190]),
    ("Two soldiers were killed in a gunfight in Kishtwar on Friday.\n\nThe region has seen many attacks since June. "
     "In these attacks, many soldiers have been killed.", "2024-09-13", [2], [3]),
    # a toll of a war's scale, and a toll given for the same total beside one
    ("A drone strike killed two people in El Fasher on Friday.\n\nA university study estimates the war's death "
     "toll at around 130,000.", "2024-05-10", [2], [130_000]),
    ("Police shot dead two protesters in Omdurman on Friday.\n\nOfficials say 19 people have been killed in the "
     "protests so far, but a rights group has put the death toll at 37.", "2024-05-10", [2], [37]),
    # a whole war's dead told through the verb of the count's object, in the present perfect
    ("Gunmen killed a village guard in Bamenda on Sunday.\n\nMore than 200 soldiers have lost their lives in this "
     "conflict, according to a research group.", "2018-12-10", [1], [201]),
    ("Des hommes armés ont tué un garde dimanche à Bamenda.\n\nPlus de 200 soldats ont perdu la vie dans ce conflit, "
     "selon un groupe de recherche.", "2018-12-10", [1], [201]),
    # the dead counted over a span of weeks or months
    ("Gunmen killed 12 villagers in Dogon Kawo on Monday.\n\nAt least 79 civilians have been killed in two weeks, "
     "residents said.", "2024-06-14", [12], [79]),
    ("Des hommes armés ont tué 12 villageois à Beni lundi.\n\nAu moins 79 civils ont été tués en deux semaines, "
     "selon la société civile.", "2024-06-14", [12], [79]),
    ("A roadside bomb killed three soldiers near Kunduz on Monday.\n\nMore than 60 soldiers have died in the "
     "province within the past three months, officials said.", "2024-06-14", [3], [61]),
    # a running total taken apart after a colon
    ("A shell killed a man in Dolyna on Monday.\n\nSince the beginning of the day, 14 people have been hurt in the "
     "shelling: four people were killed and ten others were injured.", "2024-01-15", [1], [4]),
])
def test_a_running_total_is_never_an_incident_toll(extract, text, published, tolls, totals):
    r = extract(text, published=published)
    assert [e.killed.best for e in news(r)] == tolls
    assert [a.killed.best for a in r.aggregates] == totals


def test_tens_of_thousands_is_never_an_incidents_toll(extract):
    r = extract("Tens of thousands have died in the fighting in Darfur.", published="2006-02-01")
    assert all(e.killed is None or e.killed.best < 1000 for e in r.events)
    assert [a.killed.best for a in r.aggregates] == [20_000]


def test_deaths_in_an_accident_are_not_a_conflict_event(extract):
    r = extract("Three soldiers died on Tuesday when their truck overturned in a road accident near Gao.",
                published="2019-09-05")
    assert news(r) == []


def test_explosives_in_a_cache_are_a_cache_not_an_explosion(extract):
    r = extract("Police found a large weapons and IED cache near Kandahar city on Monday.", published="2011-01-25")
    assert [e.subtype for e in news(r)] == ["disrupted_weapons_use"]


def test_destruction_that_hurts_people_is_an_attack_on_them(extract):
    [e] = news(extract("A man smashed the windows of a parked car in Glendale on Tuesday, injuring a child inside.",
                       published="2018-04-05"))
    assert (e.type, e.injured.best) == ("violence_against_civilians", 1)


def test_a_deed_beside_a_thwarted_attack_happened(extract):
    r = extract("The navy thwarted an attack on a tanker off Aden on Thursday, apprehending 26 pirates.",
                published="2011-11-11")
    assert [e.subtype for e in news(r)] == ["arrests"]  # the attack was thwarted; the arrest took place


def test_a_violent_demonstration_is_a_riot(extract):
    for text in ("Violent protests broke out in Conakry on Monday, leaving three dead.",
                 "Cette manifestation violente déclenchée lundi à Conakry a fait trois morts."):
        assert [e.type for e in news(extract(text, published="2017-02-21"))] == ["riots"], text


def test_an_event_noun_named_as_a_topic_is_no_incident(extract):
    for text in ("A member of the march said on Saturday that she cares about issues of sexual violence.",
                 "Une conférence sur le terrorisme s'est tenue samedi à Bamako."):
        assert news(extract(text, published="2009-03-22")) == [], text


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen killed seven people in Kandahar and five others near Kunduz on Monday, officials said.",
     [("Kandahar", 7), ("Kunduz", 5)]),
    ("Two soldiers were killed in Kandahar, three in Kunduz and one near Herat on Monday.",
     [("Herat", 1), ("Kandahar", 2), ("Kunduz", 3)]),
    ("The raids on Monday killed 12 civilians in Kandahar and four in Kunduz.", [("Kandahar", 12), ("Kunduz", 4)]),
    ("Two people were killed in the city of Kandahar and two in the town of Kunduz on Monday.",
     [("Kandahar", 2), ("Kunduz", 2)]),
    # a place's words may open with an adjective: "the northern town of", "northern Kunduz"
    ("Two policemen were killed in Kandahar, three in the northern town of Kunduz and one in northern Herat on "
     "Monday.", [("Herat", 1), ("Kandahar", 2), ("Kunduz", 3)]),
])
def test_a_list_of_tolls_by_place_is_one_incident_per_place_with_its_own_toll(extract, text, expected):
    events = news(extract(text, published="2022-02-08"))
    assert sorted((e.place.name, e.killed.best) for e in events) == expected


def test_counts_joined_at_one_place_are_one_incident(extract):
    events = news(extract("Militants killed three soldiers and two civilians in Kunduz on Monday.",
                          published="2022-02-08"))
    assert [(e.place.name, e.killed.best) for e in events] == [("Kunduz", 5)]


def test_a_claim_of_responsibility_for_the_attack_is_part_of_the_incident(extract):
    text = ("A bomb killed four people at a market in Kirkuk on Saturday, police said.\n"
            "The Islamic State group claimed responsibility for the attack in a statement.")
    events = [e for e in extract(text, published="2021-06-08").events if not e.verbal]
    assert len(events) == 1, [(e.hedge, e.evidence[0].text) for e in events]
    assert len(events[0].evidence) == 2


def test_responsibility_for_attacks_at_large_describes_a_party(extract):
    text = "Police arrested a commander with responsibility for attacks on convoys in Kirkuk on Saturday."
    events = news(extract(text, published="2021-06-08"))
    assert [e.subtype for e in events] == ["arrests"]


def test_a_dated_dateline_is_when_the_story_was_filed_not_when_it_happened(extract):
    text = "KIRKUK, March 6 - A car bomb killed nine people at a market in Kirkuk on Saturday, police said."
    [e] = news(extract(text, published="2023-03-06"))
    assert e.date.value == "2023-03-04"


def test_a_strike_in_retaliation_for_an_earlier_attack_is_the_news_not_background(extract):
    text = ("Warplanes struck two militia depots near Mosul on Thursday in retaliation for a drone attack that wounded "
            "nine soldiers at a base near Erbil, officials said.")
    events = news(extract(text, published="2023-10-28"))
    assert [(e.subtype, e.date.value, e.place.name) for e in events] == [("air_drone_strike", "2023-10-26", "Mosul")]


def test_victims_counted_in_the_strikes_far_down_belong_to_the_strikes(extract):
    text = ("Warplanes hit militia depots in Syria\n\n"
            "Warplanes struck two militia depots in eastern Syria on Thursday, the ministry said.\n\n"
            "The strikes near the town of Al Bukamal targeted a weapons store and a training site, the ministry said.\n\n"
            "A monitoring group said eight militia fighters were killed in the strikes.\n\n"
            "A drone struck the Rumeilan base in Hasakah province on Monday, officials said.")
    events = news(extract(text, published="2023-10-28"))
    assert sorted((e.date.value, e.killed and e.killed.best) for e in events) == [("2023-10-23", None), ("2023-10-26", 8)]


def test_a_sentencing_story_retelling_the_crime_has_no_incident_of_the_day(extract):
    text = ("A man who opened fire inside a crowded bar in Tulsa two years ago, killing three people and wounding eight, "
            "was sentenced to life in prison on Thursday.\n\n"
            "Prosecutors said he shot the victims after being thrown out of the bar following an argument.\n\n"
            '"He took three lives for nothing," the judge said as she read the sentence.')
    assert news(extract(text, published="2023-11-03")) == []


def test_a_headline_about_bomb_networks_in_capitals_tells_no_bombing(extract):
    text = ("Forces Further Disrupt Explosive Device Networks in Zabul\n"
            "Afghan and coalition forces detained two suspected insurgents in Qalat district on Monday.")
    assert [e.subtype for e in news(extract(text, published="2010-12-21"))] == ["arrests"]


@pytest.mark.parametrize("text", [
    "Police arrested a 35-year-old man in Tulsa on Monday on a charge of aggravated sexual assault of a child.",
    "Police arrested a 35-year-old man in Tulsa on Monday on a charge of aggravated sexual assault of a child. "
    "Sgt. Dan Lee said the man was arrested without incident. Few details of the alleged sexual assault were released.",
])
def test_an_arrest_on_a_charge_is_the_news_and_the_deed_background(extract, text):
    assert [(e.subtype, e.date.value) for e in news(extract(text, published="2009-03-18"))] == [("arrests", "2009-03-16")]


def test_a_deed_in_a_paragraph_about_an_old_month_is_background(extract):
    text = ("A Charleston man was sentenced to life in prison on Monday.\n\n"
            "In June 2008, police were called to a restaurant on Patrick Street. "
            "The gunman opened fire inside, wounding a waitress, police said.")
    assert news(extract(text, published="2009-03-18")) == []


def test_pleading_guilty_to_murder_is_no_murder_of_the_day(extract):
    assert news(extract("A Tulsa man pleaded guilty on Monday to murder.", published="2023-11-08")) == []


@pytest.mark.parametrize("text", [
    "Police detained a man who directed the placement of roadside bombs near Kandahar, officials said on Monday.",
    "Police detained a man on Monday near Kandahar. He constructed and distributed roadside bombs, officials said.",
])
def test_a_bomb_maker_arrested_is_an_arrest_not_a_bombing(extract, text):
    assert [e.subtype for e in news(extract(text, published="2012-06-14"))] == ["arrests"]


def test_a_planned_ied_attack_is_no_attack(extract):
    text = "Fayez Jan was planning to launch an IED attack against coalition convoys in the area."
    assert news(extract(text, published="2012-06-14")) == []


@pytest.mark.parametrize(("text", "detained"), [
    ("Afghan forces arrested a Taliban leader in Khost province on Friday. The force also detained one suspected "
     "insurgent during the operation.", 2),
    ("Afghan forces captured a Taliban leader in Khost province on Friday. Two additional suspects were detained "
     "during the operation.", 3),
    # the same people again, or words that are not about more people
    ("Afghan forces detained several suspects in Khost province on Friday. After questioning at the scene, the force "
     "detained several suspects for further questioning.", 3),
])
def test_people_detained_in_addition_add_up(extract, text, detained):
    [e] = news(extract(text, published="2012-12-08"))
    assert e.detained.best == detained


def test_no_arrests_is_no_arrest_and_a_victims_wounds_are_no_wounded(extract):
    text = ("A 23-year-old man was shot and killed early Sunday on West Elm Street in Rockford, police said.\n\n"
            "Officers found the victim lying in the street with several gunshot wounds.\n\n"
            "No arrests have been made.")
    events = news(extract(text, published="2023-03-06"))
    assert [(e.subtype, e.killed.best, e.injured) for e in events] == [("attack", 1, None)]


def test_clashes_that_broke_out_the_night_before_are_one_incident(extract):
    text = ("Fighting between two rival armed groups in Tripoli killed at least 12 people on Tuesday, the health "
            "ministry said.\n\n"
            "The clashes between the two brigades broke out late Monday and continued into Tuesday afternoon.")
    events = news(extract(text, published="2023-08-16"))
    assert [(e.type, e.date.value, e.killed.best) for e in events] == [("battles", "2023-08-15", 12)]


@pytest.mark.parametrize(("text", "km_south", "km_east"), [
    ("A roadside bomb struck an army patrol about 80 km south of Kirkuk on Wednesday, killing five soldiers.", 80, 0),
    ("A roadside bomb struck a police patrol 20 miles (32 km) north-west of Kirkuk on Wednesday, killing two.",
     -32 * 0.7071, -32 * 0.7071),
    ("Une bombe a tué deux soldats à 80 km au sud de Kirkouk mercredi, selon l'armée irakienne.", 80, 0),
    ("Clashes broke out in the north of Kirkuk on Wednesday, killing two.", 0, 0),  # a part of the town, not a distance
    # the town's title between the direction and its name
    ("Gunmen ambushed a convoy 40 km south of the provincial capital Kirkuk on Wednesday, killing two drivers.", 40, 0),
])
def test_an_incident_a_distance_and_a_direction_from_a_town_is_placed_there(extract, text, km_south, km_east):
    from math import cos, radians

    report = extract(text, published="2023-03-10")
    [e] = news(report)
    town = next(p for p in report.places if p.name in ("Kirkuk", "Kirkouk"))
    assert (e.place.precision.value, town.precision.value) == ("near", "near")
    assert abs((town.lat - e.place.lat) * 111.2 - km_south) < 1
    assert abs((e.place.lon - town.lon) * 111.2 * cos(radians(town.lat)) - km_east) < 1


def test_a_separate_attack_far_down_is_not_merged_into_the_story_before_it(extract):
    text = ("Bandits kill 15 in northwest Nigeria village raid\n\n"
            "Armed bandits killed 15 people in an overnight raid on the village of Kasuwan Magani in Kaduna state, "
            "police said on Friday.\n\n"
            "The gunmen arrived on motorcycles and opened fire on residents, a police spokesman said. Houses were set "
            "on fire and dozens of people were abducted, residents said.\n\n"
            "In a separate attack on Thursday, gunmen killed four farmers near Birnin Gwari, also in Kaduna state.")
    events = news(extract(text, published="2023-03-10"))
    assert sorted(e.killed.best for e in events) == [4, 15]
    # the raid's own details (the gunmen, the abductions) stay with the raid
    assert [(e.date.value, e.subtype) for e in events if e.killed.best == 4] == [("2023-03-09", "attack")]


def test_strikes_told_one_by_one_under_a_total_are_incidents_of_their_own(extract):
    text = ("Strikes kill at least 25 in Gaza\n\n"
            "Israeli strikes across the Gaza Strip killed at least 25 people overnight and on Tuesday, health officials "
            "said.\n\n"
            "An airstrike on a house in Deir al-Balah killed nine members of one family, according to a hospital. "
            "Another strike hit a tent camp near Khan Younis, killing six people, medics said.")
    events = news(extract(text, published="2024-08-20"))
    assert sorted(e.killed.best for e in events) == [6, 9, 25]


def test_a_killing_dated_days_before_the_arrest_news_is_not_folded_into_the_arrest(extract):
    text = ("Police arrest four over attacks in Kaduna\n"
            "Police in Nigeria's Kaduna state have arrested four men suspected of taking part in deadly attacks on "
            "farming villages, a police spokesman said.\n"
            "On May 20, gunmen killed 20 people in raids on two villages in the area.")
    events = news(extract(text, published="2024-05-29"))
    arrests = [e for e in events if e.subtype == "arrests"]
    raids = [e for e in events if e.type == "violence_against_civilians"]
    assert len(arrests) == 1 and arrests[0].killed is None, [(e.subtype, e.killed) for e in events]
    assert len(raids) == 1 and raids[0].date.value == "2024-05-20" and raids[0].killed.best == 20


def test_a_killing_dated_only_by_a_past_month_is_background(extract):
    text = ("Police arrest four over attacks in Kaduna\n"
            "Police in Nigeria's Kaduna state have arrested four men suspected of taking part in deadly attacks on "
            "farming villages, a police spokesman said on Sunday.\n"
            "Last month, gunmen killed 20 people in raids on two villages in Kauru.")
    report = extract(text, published="2024-06-03")
    assert [e.subtype for e in news(report)] == ["arrests"], [(e.subtype, e.date) for e in news(report)]
    [raid] = [e for e in report.events if e.type == "violence_against_civilians"]
    assert raid.hedge == Hedge.HISTORICAL and raid.date.value == "2024-05" and raid.killed.best == 20


def test_the_victims_of_an_attack_buried_on_sunday_were_not_killed_on_sunday(extract):
    text = ("Hundreds of mourners gathered on Sunday to bury 14 worshippers killed when gunmen stormed a church in "
            "Nigeria's Kaduna state, a pastor said.\n"
            "The gunmen arrived on motorcycles during a morning service on Thursday and opened fire in the village of "
            "Kauru, residents said. At least 14 people were killed and 22 wounded.")
    events = news(extract(text, published="2024-06-09"))
    assert len(events) == 1, [(e.subtype, e.date.value, e.evidence[0].text) for e in events]
    assert events[0].date.value == "2024-06-06" and events[0].killed.best == 14 and events[0].place.name == "Kauru"


@pytest.mark.parametrize("noun", ["shootout", "shoot-out"])
def test_a_shootout_is_a_clash(extract, noun):
    events = news(extract(f"A three-hour {noun} on Thursday near the border left four gunmen and a policeman dead.",
                          published="2024-06-09"))
    assert [e.type for e in events] == ["battles"]


def test_drones_shot_down_are_no_attack_and_their_launcher_is_no_place(extract):
    text = ("Air defences shot down 17 of 20 drones launched by Russia overnight, the air force said.\n"
            "Soldiers shot down a helicopter near Kupiansk on Friday.")
    events = news(extract(text, published="2023-09-09"))
    assert [(e.type, e.place.name) for e in events] == [("battles", "Kupiansk")], [
        (e.type, e.place and e.place.name, e.evidence[0].text) for e in events]
    report = extract("Three drones launched by Russia hit a power station in the Sumy region.", published="2023-09-09")
    assert [e.place.name for e in news(report)] == ["Sumy region"]


def test_a_count_the_tagger_runs_into_a_town_name_does_not_hide_the_town(extract):
    text = "In the southern Kherson region, Russian forces shelled the city of Kherson 43 times, wounding two people."
    [event] = news(extract(text, published="2023-09-09"))
    assert (event.place.name, event.place.precision) == ("Kherson", GeoPrecision.EXACT)


def test_a_regions_toll_told_again_town_by_town_is_not_one_more_incident(extract):
    text = ("Russian strikes kill five in Kharkiv region\n"
            "Russian shelling and drone attacks killed five civilians in Ukraine's Kharkiv region on Friday, the "
            "governor said.\n"
            "A woman was killed when a shell hit her house in the village of Kupiansk-Vuzlovyi, he said. Four men died "
            "in a drone strike on their car near Vovchansk.")
    events = news(extract(text, published="2023-09-09"))
    assert sorted((e.place.name, e.killed.best) for e in events) == [("Kupiansk-Vuzlovyi", 1), ("Vovchansk", 4)], [
        (e.place.name, e.killed) for e in events]


def test_bodies_found_are_the_dead_of_a_killing_and_a_body_of_men_is_not(extract):
    text = ("The bodies of nine men were found dumped beside a highway near Uruapan on Tuesday, prosecutors said. "
            "The men had been shot.")
    [event] = news(extract(text, published="2023-05-24"))
    assert (event.type, event.killed.best, event.date.value) == ("violence_against_civilians", 9, "2023-05-23")
    assert news(extract("A body of armed men crossed the river near Uruapan on Tuesday.", published="2023-05-24")) == []


def test_a_kind_of_happening_after_of_is_no_incident(extract):
    text = "The state has long been the scene of turf battles between rival cartels, officials said on Monday."
    assert news(extract(text, published="2023-05-24")) == []
    crowd = news(extract("Thousands of demonstrators marched through Bamako on Saturday.", published="2022-08-14"))
    assert [(e.type, e.date.value) for e in crowd] == [("protests", "2022-08-13")]


@pytest.mark.parametrize("text", ["The patrol came under attack near Sangin on Monday and returned fire.",
                                  "Troops and rebels exchanged fire near Sangin on Monday."])
def test_returning_or_exchanging_fire_is_fighting_not_a_release(extract, text):
    events = news(extract(text, published="2023-03-28"))
    assert [e.subtype for e in events if e.type == "strategic_developments"] == []
    assert [e.type for e in events] == ["battles"]


def test_a_toll_that_rises_days_later_is_the_toll_of_the_attack_told_after_it(extract):
    text = ("Toll from Mogadishu hotel siege rises to 21\n"
            "The death toll from a siege by militants at a hotel in Mogadishu rose to 21 on Sunday, the health "
            "minister said.\n"
            "Gunmen stormed the hotel on Friday evening after blasting their way in with car bombs.\n"
            "Police said on Saturday that 15 people had been killed.")
    events = news(extract(text, published="2022-08-21"))
    assert len(events) == 1, [(e.type, e.date.value, e.evidence[0].text) for e in events]
    [event] = events
    assert (event.date.value, event.place.name, event.killed.best) == ("2022-08-19", "Mogadishu", 21)


def test_a_district_without_a_point_lies_in_the_state_the_article_names(extract):
    text = ("Gunmen kidnapped about 80 pupils from a school in Nigeria's northwestern Kebbi state on Thursday, police "
            "said.\n"
            "A policeman was shot dead during the attack on the college in Yauri, a police spokesman said.")
    events = news(extract(text, published="2021-06-18"))
    assert len(events) == 1, [(e.type, e.place.name, e.evidence[0].text) for e in events]
    # Yauri, a district GeoNames holds without a point, keeps its name and takes Kebbi's point
    assert (events[0].place.name, events[0].place.admin1) == ("Yauri", "Kebbi") and events[0].place.lat is not None
    assert events[0].killed.best == 1


def test_a_roundup_is_its_incidents_one_per_place_dated_by_its_lead(extract):
    text = ("Attacks across Iraq kill 14\n"
            "A string of attacks across Iraq killed 14 people on Wednesday, officials said.\n"
            "In the deadliest attack, a car bomb exploded near a police checkpoint in Kirkuk, killing six people.\n"
            "Gunmen shot dead four members of a family in their home in Tuz Khormato.\n"
            "In Baghdad, a roadside bomb struck an army patrol, killing two soldiers. Two more people were killed by a "
            "bomb in a market in Mosul.")
    events = news(extract(text, published="2013-05-16"))
    assert sorted((e.place.name, e.killed.best, e.date.value) for e in events) == [
        ("Baghdad", 2, "2013-05-15"), ("Kirkuk", 6, "2013-05-15"), ("Mosul", 2, "2013-05-15"),
        ("Tuz Khormato", 4, "2013-05-15")], [(e.place.name, e.killed, e.date.value) for e in events]


def test_clashes_in_a_story_of_demonstrations_are_a_riot_not_a_battle(extract):
    text = ("Students protesting job quotas clashed with police in Dhaka on Tuesday, officials said.\n"
            "In the northern city of Rangpur, a student was killed during clashes near the university, police said.")
    events = news(extract(text, published="2024-07-16"))
    assert {e.type for e in events} == {"riots"}, [(e.type, e.place.name) for e in events]
    battle = news(extract("Soldiers and rebels clashed near Rangpur on Tuesday, killing two.", published="2024-07-16"))
    assert [e.type for e in battle] == ["battles"]


def test_a_military_base_is_news_only_when_it_is_set_up(extract):
    attack = news(extract("Militants attacked a military base near Bariire on Wednesday, killing seven soldiers.",
                          published="2023-05-24"))
    assert [e.subtype for e in attack if e.type == "strategic_developments"] == []
    built = news(extract("The army set up a military base near Bariire on Monday.", published="2023-05-24"))
    assert [e.subtype for e in built] == ["headquarters_base_established"]


def test_the_day_of_the_saying_gives_way_to_the_incidents_own_day(extract):
    # the lead dates the strike only by when villagers spoke; the body tells the day it happened
    r = extract("A military air strike on a village killed nine farmers, villagers said on Friday.\n\nA jet dropped "
                "two bombs on the market of Djibo on Thursday evening, a farmer said.", published="2024-03-08")
    assert [(e.date.value, e.place.name, e.killed.best) for e in news(r)] == [("2024-03-07", "Djibo", 9)]


def test_bodies_burned_are_the_dead_told_again(extract):
    r = extract("An air strike killed seven villagers in Djibo on Sunday, witnesses said.\n\nSeven villagers were "
                "killed, with some bodies burned beyond recognition, while at least five others were injured.",
                published="2024-03-11")
    assert [(e.subtype, e.killed.best, e.injured.best) for e in news(r)] == [("air_drone_strike", 7, 5)]


def test_houses_destroyed_with_no_one_named_are_the_damage_of_the_attack(extract):
    r = extract("A drone strike killed three people in Djibo on Sunday.\n\nDozens of houses were destroyed, "
                "residents said.", published="2024-03-11")
    assert [(e.type, e.killed.best) for e in news(r)] == [("explosions_remote_violence", 3)]
    arson = extract("Militants burned dozens of houses in Djibo on Sunday.", published="2024-03-11")
    assert [e.subtype for e in news(arson)] == ["looting_property_destruction"]


@pytest.mark.parametrize("headline", ["Two Taliban Leaders Captured in Kandahar",
                                      "Kandahar-based Taliban Leaders Captured"])
def test_leaders_captured_in_a_headline_are_an_arrest(extract, headline):
    r = extract(f"{headline}\n\nThe operation took place on Monday.", published="2010-09-07")
    assert [e.subtype for e in news(r)] == ["arrests"]


def test_the_deed_of_people_hunted_for_it_is_news(extract):
    r = extract("Police are searching for gunmen who ambushed a patrol near Djibo on Thursday, killing six soldiers.",
                published="2024-03-09")
    assert [(e.date.value, e.killed.best) for e in news(r)] == [("2024-03-07", 6)]


def test_things_abandoned_are_no_ground_handed_over(extract):
    r = extract("Troops clashed with gunmen near Djibo on Thursday. Some vehicles abandoned by the attackers were "
                "found later.", published="2024-03-09")
    assert [e.type for e in news(r)] == ["battles"]
    town = extract("Government troops abandoned the town of Djibo on Sunday.", published="2024-03-11")
    assert [e.subtype for e in news(town)] == ["non_violent_transfer_of_territory"]


@pytest.mark.parametrize("text", ["Residents abandoned the town of Djibo on Sunday as the raiders approached.",
                                  "Fear spread and the community and people have abandoned the town of Djibo."])
def test_people_leaving_their_homes_hand_no_ground_over(extract, text):
    assert not [e for e in news(extract(text, published="2024-03-11")) if e.type == "strategic_developments"]


def test_a_party_named_in_apposition_after_by_is_the_attacker(extract):
    r = extract("At least 20 civilians were killed and 30 others wounded in an attack by the paramilitary Rapid "
                "Support Forces on a village near Djibo on Sunday, doctors said.", published="2024-03-11")
    [ev] = news(r)
    assert ev.type == "violence_against_civilians"
    assert [a.name for a in ev.actors if a.role.value == "initiator"] == ["Rapid Support Forces"]


def test_people_counted_before_their_ages_are_the_dead(extract):
    r = extract("The regional health office said four people aged 20 to 31 were killed during the army's early morning "
                "raid on the northern town of Djibo.", published="2024-03-13")
    assert [e.killed.best for e in news(r)] == [4]


def test_occupied_ground_is_a_state_not_a_taking(extract):
    r = extract("Soldiers shot dead five men in the occupied territory on Monday, health officials said.",
                published="2024-03-12")
    assert [(e.type, e.killed.best) for e in news(r)] == [("violence_against_civilians", 5)]


def test_what_the_news_came_after_is_another_happening(extract):
    r = extract("Soldiers killed five villagers in Djibo on Monday, officials said.\n\nThe deaths came a day after five "
                "villagers were killed by army fire during a military incursion into the region.", published="2024-03-13")
    assert [(e.type, e.killed.best) for e in news(r)] == [("violence_against_civilians", 5)]
    # the day before's killing is another happening, told for context: background, not a second incident
    assert [e.killed.best for e in r.events if e.hedge == Hedge.HISTORICAL] == [5]


def test_where_the_speaker_sits_is_not_where_it_happened(extract):
    r = extract("Troops raided Djibo on Tuesday, killing seven people.\n\nThe health ministry in Ouagadougou said nine "
                "people had been wounded.", published="2024-03-13")
    assert [(e.place.name, e.killed.best, e.injured.best) for e in news(r)] == [("Djibo", 7, 9)]


def test_suspected_describing_the_dead_hedges_nothing(extract):
    r = extract("At least 28 suspected gang members were killed in clashes with police in Djibo on Tuesday.",
                published="2024-03-13")
    assert [e.hedge for e in news(r)] == [None]


def test_what_happened_where_a_relative_clause_says_is_news(extract):
    r = extract("Gangs launched a new attack on Djibo early Tuesday, targeting a wealthy district where gunmen clashed "
                "with residents who fought alongside police.", published="2024-03-13")
    assert [e.type for e in news(r)] == ["battles"]


def test_munitions_seized_are_no_ground_taken(extract):
    r = extract("Gangs attacked Djibo early Tuesday.\n\nAt least 20 suspected gang members were killed and hundreds of "
                "munitions seized, according to a police spokesman.", published="2024-03-13")
    assert "non_state_actor_takes_territory" not in [e.subtype for e in news(r)]


def test_what_someone_is_accused_of_retypes_no_incident(extract):
    r = extract("Gangs attacked Djibo early Tuesday, killing four people, police said.\n\nLate on Tuesday, a charity "
                "accused police officers in Djibo of abuses against its staff, including rape.", published="2024-03-13")
    assert [(e.subtype, e.killed.best) for e in news(r)] == [("attack", 4)]


def test_an_abduction_with_dead_is_an_attack(extract):
    r = extract("Rebels raided villages near Djibo on Saturday, killing at least eight people and abducting many more, "
                "officials said.", published="2024-03-11")
    assert [e.subtype for e in news(r)] == ["attack"]
    taken = extract("Gunmen abducted twelve farmers near Djibo on Saturday, officials said.", published="2024-03-11")
    assert [e.subtype for e in news(taken)] == ["abduction_forced_disappearance"]


@pytest.mark.parametrize(("total", "best"), [
    ("The agency says the conflict has cost more than 4,000 lives.", 4001),
    ("Several hundred thousand people have died in the conflict.", 100_000),
])
def test_a_wars_dead_told_as_lives_cost_or_as_died_in_it_are_an_aggregate(extract, total, best):
    r = extract(f"Rebels attacked a checkpoint in Galim on Sunday, killing at least seven people, residents said.\n\n"
                f"{total}", published="2020-03-09")
    assert [e.killed.best for e in news(r)] == [7]
    assert [a.killed.best for a in r.aggregates] == [best]


def test_in_protest_says_why_it_is_no_demonstration(extract):
    r = extract("Several lawmakers walked out of parliament in Nairobi on Monday in protest at the vote.",
                published="2024-03-12")
    assert [e.type for e in news(r)] == []
    march = extract("Students marched in protest against the fee rise in Lagos on Monday.", published="2024-03-12")
    assert [e.type for e in news(march)] == ["protests"]


def test_a_later_own_day_replaces_the_day_a_toll_was_reported(extract):
    r = extract("The defence ministry reported on Saturday that at least ten soldiers were killed in an ambush by "
                "armed men in northern Burkina Faso, near the border.\nAccording to a ministry statement, 16 soldiers "
                "are still missing and 13 soldiers were hurt in the attack on Friday, so the toll could rise.",
                published="2024-03-10")
    assert [(e.date.value, e.killed.best, e.injured.best) for e in news(r)] == [("2024-03-08", 10, 13)]


def test_groups_engaged_in_murders_are_described_not_news(extract):
    r = extract("Twenty soldiers were killed in an ambush in northern Burkina Faso, the army said.\n\nThe raids were "
                "designed to protect villagers targeted by armed groups engaged in murders and cattle theft, the army "
                "said.\n\nA further 17 soldiers were wounded.", published="2024-03-10")
    assert [(e.killed.best, e.injured.best) for e in news(r)] == [(20, 17)]


def test_a_hyphenated_participle_is_a_state_not_a_happening(extract):
    r = extract("Djibo lies near the jihadist-invaded north of the country, residents said on Monday.",
                published="2024-03-10")
    assert news(r) == []


def test_another_sides_dead_are_no_incidents_toll(extract):
    r = extract("A missile attack killed over a dozen people in Djibo on Thursday.\n\nThe army said it had killed 95 "
                "rebels in an operation near Djibo on Thursday.\n\nAt least 12 people were killed and 20 wounded in "
                "the missile attack on Djibo.", published="2024-03-08")
    tolls = sorted((e.subtype, e.killed.best) for e in news(r))
    assert tolls == [("armed_clash", 95), ("shelling_artillery_missile", 13)]


def test_the_incident_alone_makes_no_event(extract):
    r = extract("The incident happened on Tuesday near the market, a police spokesman said.\n\nHe said five "
                "people were arrested in connection with the incident.", published="2021-06-10")
    assert [e.type for e in news(r) if e.type not in ("arrests", "strategic_developments")] == []


@pytest.mark.parametrize(("text", "published", "tolls"), [
    # "latest" is a superlative of time: it compares nothing, and "in all" sums the phase up
    ("Gunmen killed 11 villagers near Tari on Monday, the governor said.\nHe said that in all, 30 people had been "
     "killed in the latest round of violence.", "2019-07-10", [11]),
    # what happened some months ago is background
    ("Gunmen killed six farmers in Riyom on Sunday, police said.\n\nRaiders killed at least 60 people in Riyom some "
     "months ago, residents recalled.", "2021-06-10", [6]),
])
def test_only_the_days_toll_is_news_not_a_phase_summed_up_or_months_ago(extract, text, published, tolls):
    assert [e.killed.best for e in news(extract(text, published=published))] == tolls


def test_an_air_raid_alert_is_a_warning_not_an_air_strike(extract):
    r = extract("Rockets hit a depot in Lviv on Friday, injuring three workers, as air raid alerts sounded across the "
                "country.", published="2024-06-08")
    assert [(e.subtype, e.injured.best) for e in news(r)] == [("shelling_artillery_missile", 3)]


def test_an_event_noun_said_of_what_was_told_is_no_new_incident(extract):
    r = extract("Shells hit a market in Kramatorsk on Monday, killing seven people.\n\n\"This is a massacre of "
                "civilians,\" the mayor said on Tuesday.", published="2024-06-05")
    assert [(e.subtype, e.killed.best) for e in news(r)] == [("shelling_artillery_missile", 7)]
    told = extract("This was a suicide bombing, police said of the blast in Quetta on Monday that killed 12 people.",
                   published="2024-06-05")
    assert [(e.subtype, e.killed.best) for e in news(told)] == [("suicide_bomb", 12)]


def test_a_country_in_its_own_words_draws_the_map_though_the_model_missed_it(extract):
    # the model does not call "Mali" a place here; "Boni" is also an old name of Bonn, a city far off that map
    r = extract("The president of Mali spoke in Boni, where 26 people were killed on Thursday when their bus struck "
                "a landmine.", published="2018-01-27")
    assert {e.place.country for e in news(r)} == {"ML"}


def test_the_incident_with_a_generic_word_is_still_only_a_detail(extract):
    r = extract("Police are looking into the market incident. It is unclear how the two traders in the incident were "
                "killed.", published="2024-06-06")
    assert "incident" not in [e.trigger.text for e in r.events if e.trigger is not None]


def test_a_plural_event_noun_read_as_a_verb_is_still_the_event_word(extract):
    r = extract("Army airstrikes on a wedding party killed 12 people in Saw township, villagers said on Friday.",
                published="2024-05-10")
    assert [(e.subtype, e.killed.best) for e in news(r)] == [("air_drone_strike", 12)]


def test_what_is_done_at_times_is_no_incident(extract):
    r = extract("The army has pounded the valley for weeks, at times shelling villages and killing civilians, "
                "residents said.", published="2024-05-10")
    assert news(r) == []


def test_where_a_strike_came_from_is_not_where_it_struck(extract):
    r = extract("Villagers in Sagaing said jets attacked from an air base in Meiktila on Thursday, killing four people.",
                published="2024-05-10")
    assert [e.place.name for e in news(r)] == ["Sagaing"]


def test_projectiles_that_came_down_are_the_strike_they_name(extract):
    fell = extract("Two rockets fell on a market in Erbil on Tuesday, wounding a child.", published="2021-12-08")
    assert [(e.subtype, e.injured.best) for e in news(fell)] == [("shelling_artillery_missile", 1)]
    landed = extract("Rockets landed near a base in Erbil on Tuesday.", published="2021-12-08")
    assert [e.subtype for e in news(landed)] == ["shelling_artillery_missile"]
    plane = extract("The plane landed in Erbil on Tuesday.", published="2021-12-08")
    assert news(plane) == []


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Bandits killed four herders near Zurak in Plateau State, police said.\n\nA police spokesman said the incident "
     "happened on Tuesday evening.", "2021-06-10", [(4, "2021-06-08")]),
    ("Gunmen killed 12 villagers in Ituri, officials said on Thursday.\n\nThe violence took place on Tuesday near the "
     "village of Mamove.", "2022-12-01", [(12, "2022-11-29")]),
])
def test_the_incident_or_the_violence_told_with_its_day_dates_the_story_s_incident(extract, text, published, expected):
    assert [(e.killed.best, e.date.value) for e in news(extract(text, published=published))] == expected


# What one sentence of news reports, as the subtypes of its events told as news (own sentences, each for a rule of
# docs/event-rules.md: raids, projectiles, recovered bodies, broken agreements).
@pytest.mark.parametrize(("text", "published", "subtypes"), [
    # a verb of war whose object is where people live is a raid; a country invaded stays a battle
    ("Gunmen invaded the village of Tafi on Sunday night and killed the village head.", "2021-06-10", ["attack"]),
    ("Army units invaded the neighbouring country on Sunday, the government said.", "2021-06-10", ["armed_clash"]),
    # bodies pulled out of rubble are the dead recovered, not a force leaving ground
    ("Rescuers said bodies were pulled out of the rubble of two homes in Rafah on Monday.", "2024-05-06", []),
    ("Government troops pulled out of the town of Kassab on Monday.", "2024-05-06",
     ["non_violent_transfer_of_territory"]),
    # a projectile launched at something is the strike it names; with no aim it may be a test or a search
    ("Militants fired rockets at Sderot on Thursday.", "2024-06-06", ["shelling_artillery_missile"]),
    ("The army launched drones at rebel positions near Goma on Friday.", "2024-06-08", ["air_drone_strike"]),
    ("The company fired its chief executive in Lagos on Monday.", "2024-06-06", []),
    ("The navy fired two missiles into the sea off the coast on Monday in a test.", "2024-06-06", []),
    ("A search vessel launched two underwater drones near Perth on Monday.", "2024-06-06", []),
    # an agreement told as broken is none
    ("The army accused the rebels of breaching a ceasefire near Goma on Thursday.", "2022-12-01", []),
    ("Both sides reported violations of the truce in Idlib on Thursday.", "2022-12-01", []),
    ("The two sides signed a ceasefire in Doha on Thursday.", "2022-12-01", ["agreement"]),
    # attacks made more frequent are a trend, not an incident
    ("The group has recently increased its attacks on the army in the north.", "2021-12-07", []),
    # shots into the air and warning shots are aimed at nobody; tear gas at a crowd is still the intervention
    ("Police shot in the air outside the court in Nairobi on Monday.", "2024-06-06", []),
    ("Soldiers fired warning shots near the camp in Goma on Friday.", "2024-06-08", []),
    ("Soldiers fired shots into the air near the camp in Goma on Friday.", "2024-06-08", []),
    ("Police shot in the air and fired tear gas at students in Nairobi on Monday.", "2024-06-06",
     ["protest_with_intervention"]),
    ("Gunmen shot two traders in Nairobi on Monday.", "2024-06-06", ["attack"]),
    # armed doers say nothing of whom they attacked: people are violence against civilians, a post of the forces
    # is a clash
    ("Armed men killed 12 villagers near Gusau on Monday.", "2024-06-06", ["attack"]),
    ("Armed bandits attacked a village near Gusau on Monday.", "2024-06-06", ["attack"]),
    ("An attack on an army checkpoint near Gusau on Monday killed two people.", "2024-06-06", ["armed_clash"]),
    ("Gunmen attacked a military camp near Gao on Sunday.", "2019-03-19", ["armed_clash"]),
    ("Gunmen attacked the camp of the army near Gao on Sunday.", "2019-03-19", ["armed_clash"]),
    ("Gunmen attacked a camp for displaced people near Gao on Sunday.", "2019-03-19", ["attack"]),
    # arrests made during a demonstration are its intervention, not a development of their own
    ("Police arrested 60 people during a protest against the curfew in Durban on Sunday.", "2024-06-10",
     ["protest_with_intervention"]),
    ("Police arrested 60 people during riots in Durban on Sunday.", "2024-06-10", ["violent_demonstration"]),
    ("Police arrested 60 people in the course of the march in Durban on Sunday.", "2024-06-10",
     ["protest_with_intervention"]),
    ("Une soixantaine de personnes ont été arrêtées lors de la manifestation contre le couvre-feu dimanche à Durban.",
     "2024-06-10", ["protest_with_intervention"]),
    ("Dix personnes ont été interpellées au cours de la manifestation dimanche à Durban.", "2024-06-10",
     ["protest_with_intervention"]),
    ("Police announced on Friday the arrest of a man in the shooting of a protester during a clash in Durban.",
     "2024-06-10", ["arrests"]),
    # one day's happening spread over several places is not a kind of happening done again and again
    ("Police arrested several opposition supporters in different areas of Durban.", "2024-06-10", ["arrests"]),
    # destruction by a demonstration's people is a riot
    ("Two police vehicles were burned by demonstrators in Ajdir on Thursday.", "2017-07-21", ["violent_demonstration"]),
    ("Protesters set fire to two police vehicles in Ajdir on Thursday.", "2017-07-21", ["violent_demonstration"]),
    ("Des manifestants ont mis le feu à deux véhicules de police jeudi à Ajdir.", "2017-07-21",
     ["violent_demonstration"]),
    ("Militants set fire to a school in Ajdir on Thursday.", "2017-07-21", ["looting_property_destruction"]),
    # two happenings of one kind, each at a place of its own, are two
    ("Some 500 students joined a demonstration in Patras on Sunday, and another 300 marched in Larissa.",
     "2008-12-15", ["peaceful_protest", "peaceful_protest"]),
    # a thing or a unit attacked is a happening though no doer and no toll are named; floods are not attacks
    ("A checkpoint was attacked near Kaya on Monday.", "2023-06-28", ["armed_clash"]),
    ("A bus was attacked near Kaya on Monday.", "2023-06-28", ["attack"]),
    ("Une patrouille a été attaquée lundi près de Kaya.", "2023-06-28", ["armed_clash"]),
    ("The region was hit by floods on Monday.", "2023-06-28", []),
    # a struggle against a state of affairs is no battle; fighting an enemy is
    ("The West African nation is battling a violent insurgency with links to foreign groups.", "2023-02-24", []),
    ("The movement says it is fighting a revolution against a corrupt government.", "2023-02-24", []),
    ("Troops fought the rebels near Gao on Monday.", "2023-02-24", ["armed_clash"]),
    # what has happened since, told together, is background
    ("The rebels have since spread into the neighbouring provinces, seizing several towns along the way.",
     "2023-02-24", []),
    ("Since then the rebels have seized several towns in the north.", "2023-02-24", []),
    # people freed are no ground taken; a town is, and so is a country
    ("Relatives called for the liberation of the prisoners in Gao on Monday.", "2024-03-06", []),
    ("Soldiers completed the liberation of the town of Gao on Monday.", "2024-03-06",
     ["government_regains_territory"]),
])
def test_what_a_sentence_reports(extract, text, published, subtypes):
    assert [e.subtype for e in news(extract(text, published=published))] == subtypes


def test_a_village_named_after_a_famous_city_is_not_that_city(extract):
    r = extract("Bandits kidnapped 30 people in Tudun Cali village, in Zamfara State, on Saturday.",
                published="2020-09-21")
    assert {e.place.country for e in news(r)} == {"NG"}


def test_a_ship_s_flag_is_no_place(extract):
    r = extract("A missile struck a Liberia-flagged tanker off Hodeidah on Tuesday, the agency said.",
                published="2024-02-07")
    assert "Liberia" not in [p.name for p in r.places]


@pytest.mark.parametrize("text", [
    "At least four gendarmes were killed on Sunday in an attack in the Tillaberi region of Niger.\n\nAt least 43 "
    "soldiers died in attacks between October 2016 and February 2017 in the two regions.",
    "Au moins quatre gendarmes ont été tués dimanche lors d'une attaque dans la région de Tillabéri.\n\nAu moins 43 "
    "soldats ont péri dans des attaques entre octobre 2016 et février 2017 dans ces deux régions.",
])
def test_happenings_in_the_plural_over_months_written_out_are_background(extract, text):
    r = extract(text, published="2017-03-07")
    assert [e.killed.best for e in news(r)] == [4]


@pytest.mark.parametrize(("text", "published", "url"), [
    # a few days' fighting is one episode
    ("Clashes between March 1 and March 5 killed 20 people in Kidal.", "2017-03-07", None),
    # a weekday read in a report known only to its month spans about five weeks: no span the text wrote
    ("Des attaques ont tué quatre gendarmes dans la nuit de dimanche à lundi dans la région de Tillabéri.", None,
     "https://news.example.org/2017/03/niger-gendarmes"),
])
def test_happenings_in_the_plural_over_a_short_or_uncertain_span_stay_news(extract, text, published, url):
    assert len(news(extract(text, published=published, url=url))) == 1


def test_a_people_named_like_a_region_is_no_place(extract):
    text = ("Gunmen killed 12 civilians in the village of Gida in Oromia on Monday, witnesses said. "
            "The administrator on Tuesday confirmed the killing of ethnic Amhara people in the village but put the "
            "death toll at eight.")
    report = extract(text, published="2021-04-07")
    assert "Amhara" not in [p.name for p in report.places]
    assert [e.place.name for e in news(report)] == ["Oromia"], [(e.place.name, e.evidence[0].text) for e in news(report)]


@pytest.mark.parametrize("revision", ["cut the death toll to eight", "put the death toll at eight"])
def test_a_smaller_toll_told_anew_is_the_low_end_of_the_range(extract, revision):
    text = ("Gunmen killed 12 civilians in the village of Gida in Oromia on Monday, witnesses said. "
            f"The administrator on Tuesday confirmed the killing but {revision}.")
    [event] = news(extract(text, published="2021-04-07"))
    assert (event.killed.low, event.killed.high) == (8, 12)


@pytest.mark.parametrize(("text", "published"), [
    ("Gunmen killed eight people in the village of Gida, Nigeria, on Monday night, police said. A group of militants "
     "armed with machetes attacked the village and killed and wounded residents, the statement said.", "2021-04-07"),
    ("Des hommes armés ont tué huit personnes lundi soir dans le village de Gida, au Nigeria, selon la police. Un "
     "groupe de miliciens armés de machettes a attaqué le village et a tué et blessé des habitants, selon le "
     "communiqué.", "2021-04-07"),
])
def test_a_mention_with_no_target_does_not_retype_a_killing_of_people(extract, text, published):
    [event] = news(extract(text, published=published))
    assert (event.type, event.killed.best) == ("violence_against_civilians", 8)


@pytest.mark.parametrize(("text", "place"), [
    ("At least 38 people were killed in a cattle raid in South Sudan’s Jonglei state on Thursday.", "Jonglei"),
    ("Gunmen killed 12 people in the Central African Republic’s Ouham prefecture on Monday.", "Ouham prefecture"),
])
def test_a_place_after_a_curly_possessive_is_its_own(extract, text, place):
    [event] = news(extract(text, published="2024-06-08"))
    assert event.place.name == place


def test_a_war_wide_toll_told_by_its_quantity_noun_is_an_aggregate(extract):
    text = ("Des miliciens ont tué 17 civils dans le village de Chabusiku, en Ituri, lundi. La milice dit défendre "
            "une communauté de la province. Ces violences ont fait plus d'un millier de morts.")
    report = extract(text, published="2021-11-16")
    assert [e.killed.best for e in news(report)] == [17]
    assert [a.killed.best for a in report.aggregates] == [1000]


def test_where_someone_came_back_from_is_not_where_it_happened(extract):
    [event] = news(extract("A supply convoy returning from Djibo was the target of an ambush on Monday.",
                           published="2023-06-28"))
    assert event.place is None or event.place.name != "Djibo"


def test_a_summary_whose_parts_include_a_village_the_gazetteer_lacks_is_no_incident(extract):
    text = ("Nine people were killed by Israeli strikes on villages in southern Lebanon on Tuesday, security sources "
            "said, as Israel said it was responding to rocket fire.\n\n"
            "The two sides have traded fire across the border for months.\n\n"
            "A farmer and his two daughters were killed in an Israeli strike on the village of Kfar Tamrin, two "
            "security sources said.\n\n"
            "A strike on a house in Nabatieh killed four more children and two women, according to the town's hospital.")
    events = [e for e in news(extract(text, published="2024-02-14")) if e.type == "explosions_remote_violence"]
    assert sorted((e.place.name, e.killed.best, e.date.value) for e in events) == [
        ("Kfar Tamrin", 3, "2024-02-13"), ("Nabatieh", 6, "2024-02-13")]


def test_the_dead_a_relative_clause_dates_apart_are_not_the_protests_toll(extract):
    # the mourners' march is the day's news; the miners died earlier in the week, a happening of its own
    text = ("Police fired tear gas in La Paz on Thursday to break up a march of mourners carrying the coffins of five "
            "miners who died earlier this week.")
    [e] = news(extract(text, published="2019-11-22"))
    assert (e.type, e.killed) == ("protests", None)
    # nor is where they died the march's place
    text = ("Police in La Paz fired tear gas on Thursday to break up a march of mourners carrying the coffins of five "
            "miners who died earlier this week in Llallagua.")
    [e] = news(extract(text, published="2019-11-22"))
    assert (e.place.name, e.killed) == ("La Paz", None)


@pytest.mark.parametrize(("text", "subtype"), [
    # the forces' violence met a peaceful crowd
    ("Police killed two protesters at a rally in Faraba on Monday.", "protest_with_intervention"),
    # people hurt by no one's force leave it peaceful (a guard)
    ("Thousands marched peacefully in Faraba on Monday; two protesters were injured when a wall collapsed.",
     "peaceful_protest"),
])
def test_a_peaceful_protest_where_the_forces_kill_or_wound_is_met_with_intervention(extract, text, subtype):
    assert [e.subtype for e in news(extract(text, published="2018-06-23"))] == [subtype]


@pytest.mark.parametrize(("text", "n"), [
    # "arrested separately" says how, one at a time: the lead's arrests told again
    ("Police in Vessiat on Monday arrested a union leader and a reporter ahead of a planned strike.\n\n"
     "The two were arrested separately in Vessiat in what lawyers called a coordinated sweep.", 1),
    # "Separately," opening the sentence announces another happening (a guard)
    ("Police in Vessiat on Monday arrested a union leader and a reporter ahead of a planned strike.\n\n"
     "Separately, police in Vessiat arrested two traders accused of hoarding fuel.", 2),
])
def test_separately_announces_another_happening_only_at_the_sentences_start(extract, text, n):
    assert len(news(extract(text, published="2020-07-21"))) == n


@pytest.mark.parametrize(("text", "killed"), [
    # an ordinal says which, not how many: "a sixth person" is one more dead
    ("Shelling killed a sixth person in Vessiat on Saturday, the governor said.", 1),
    # (a guard) a number after an ordinal still counts
    ("The first two soldiers were killed in Vessiat on Saturday.", 2),
])
def test_an_ordinal_is_no_count(extract, text, killed):
    assert [e.killed.best for e in news(extract(text, published="2024-09-15"))] == [killed]
