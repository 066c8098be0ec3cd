"""The numbers stage: quantity words and casualty counts."""

from __future__ import annotations

import pytest

from sitrep.extract.casualties import extract_casualties, parse_quantity, vague_table
from sitrep.model import check_evidence

VAGUE = vague_table()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("two", (2, 2, 2)),
        ("Twelve", (12, 12, 12)),
        ("twenty-two", (22, 22, 22)),
        ("twenty two", (22, 22, 22)),
        ("ninety-nine", (99, 99, 99)),
        ("a hundred", (100, 100, 100)),
        ("two hundred and twenty-two", (222, 222, 222)),
        ("three thousand", (3000, 3000, 3000)),
        ("22", (22, 22, 22)),
        ("1,200", (1200, 1200, 1200)),
        ("1.5 million", (1_500_000, 1_500_000, 1_500_000)),
        ("12,450,000", (12_450_000, 12_450_000, 12_450_000)),
        ("1 240", None),  # English groups digits with commas only
        ("at least 22", (22, 22, None)),
        ("At least twelve", (12, 12, None)),
        ("no fewer than 8", (8, 8, None)),
        ("more than 30", (31, 31, None)),
        ("over 100", (101, 101, None)),
        ("more than a dozen", (13, 13, None)),
        ("up to 15", (15, 1, 15)),
        ("as many as 40", (40, 1, 40)),
        ("fewer than 10", (9, 1, 9)),
        ("between 10 and 15", (10, 10, 15)),
        ("10 to 15", (10, 10, 15)),
        ("10-15", (10, 10, 15)),
        ("nearly 40", (40, 40, 40)),
        ("about 50", (50, 50, 50)),
        ("some 50", (50, 50, 50)),
        ("an estimated 300", (300, 300, 300)),
        ("30 or more", (30, 30, None)),
        ("another eight", (8, 8, 8)),
        ("a dozen", (12, 12, 12)),
        ("two dozen", (24, 24, 24)),
        ("half a dozen", (6, 6, 6)),
        ("around half a million", (500_000, 500_000, 500_000)),  # not "a million" with "half" skipped
        ("a quarter of a million", (250_000, 250_000, 250_000)),
        ("dozens", (24, 24, None)),
        ("Dozens of", (24, 24, None)),
        ("scores", (40, 40, None)),
        ("hundreds", (200, 200, None)),
        ("tens of thousands", (20_000, 20_000, None)),
        ("several", (3, 2, None)),
        ("a few", (3, 2, None)),
        ("a handful", (3, 2, 5)),
        ("some", (2, 2, None)),
        ("an", (1, 1, 1)),
        ("one", (1, 1, 1)),
        ("no one", (0, 0, 0)),
        ("none", (0, 0, 0)),
        ("the", None),
        ("killed", None),
        ("", None),
        ("27 October 2015", None),
    ],
)
def test_parse_quantity_reads_numbers_and_vague_words(words, expected):
    assert parse_quantity(words) == expected


def test_vague_table_is_conservative():
    for words, (best, low, high) in VAGUE.items():
        assert low <= best, words
        assert high is None or best <= high, words


def _summary(ann):
    return [(m.kind, m.count.best, m.count.low, m.count.high, m.negated) for m in extract_casualties(ann)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The raid ended after killing six fighters and injuring another eight.",
         [("killed", 6, 6, 6, False), ("injured", 8, 8, 8, False)]),
        ("At least 12 people died in the blast.", [("killed", 12, 12, None, False)]),
        ("The death toll rose to 30 on Tuesday.", [("killed", 30, 30, 30, False)]),
        # what the toll is of is no one counted: its verb gives the figure
        ("The death toll of the attack rose to 30.", [("killed", 30, 30, 30, False)]),
        # a toll its giver puts at a figure, and a toll named by "the number of" the dead
        ("Officials put the death toll at 30 on Tuesday.", [("killed", 30, 30, 30, False)]),
        ("An army officer put the number of the dead at 15.", [("killed", 15, 15, 15, False)]),
        # a word of death on the injury or the shooting makes the count a toll
        ("One person sustained injuries incompatible with life.", [("killed", 1, 1, 1, False)]),
        ("Two guards suffered fatal injuries in the blast.", [("killed", 2, 2, 2, False)]),
        ("A soldier was mortally wounded near the bridge.", [("killed", 1, 1, 1, False)]),
        ("Police fatally shot two men outside the bank.", [("killed", 2, 2, 2, False)]),
        ("Dozens were wounded in the shelling.", [("injured", 24, 24, None, False)]),
        ("Several insurgents had been killed by the time the helicopters arrived.", [("killed", 3, 2, None, False)]),
        ("The car bomb left three dead and 10 injured.", [("killed", 3, 3, 3, False), ("injured", 10, 10, 10, False)]),
        ("No one was hurt in the attack.", [("injured", 0, 0, 0, True)]),
        ("The patrol struck a mine but the driver was not injured.", [("injured", 0, 0, 0, True)]),
        ("Coalition forces killed the individual after he opened fire.", [("killed", 1, 1, 1, False)]),
        ("An insurgent was killed during the operation.", [("killed", 1, 1, 1, False)]),
        ("More than 30 civilians were wounded.", [("injured", 31, 31, None, False)]),
        ("Between 10 and 15 soldiers were killed near the border.", [("killed", 10, 10, 15, False)]),
        ("Twenty-two people were killed and hundreds wounded.",
         [("killed", 22, 22, 22, False), ("injured", 200, 200, None, False)]),
        ("Police said 1,200 people had been killed since January.", [("killed", 1200, 1200, 1200, False)]),
        ("Three soldiers and two civilians were killed.", [("killed", 5, 5, 5, False)]),
        # the speakers after the count are no more victims; a named victim after the count is
        ("A bomb killed 15 people and wounded 30 others, a local official and a militia leader said.",
         [("killed", 15, 15, 15, False), ("injured", 30, 30, 30, False)]),
        ("Gunmen killed 10 soldiers and a policeman, officials said.", [("killed", 11, 11, 11, False)]),
        # a second object the parser hung on the verb
        ("A suicide bomber killed himself and 11 others at a mosque.", [("killed", 12, 12, 12, False)]),
        # a bare number with a place after it
        ("Gunmen killed three people and wounded five in Kano on Sunday.",
         [("killed", 3, 3, 3, False), ("injured", 5, 5, 5, False)]),
        ("The attack killed at least 12 in Kano.", [("killed", 12, 12, None, False)]),
        # a body's wounds are no wounded people
        ("Officers found the victim with several gunshot wounds.", []),
        ("The victim suffered two stab wounds to the chest.", [("injured", 1, 1, 1, False)]),
        ("Gunmen shot dead two policemen in Kirkuk.", [("killed", 2, 2, 2, False)]),
        # a verb of killing whose object is no person kills no one
        ("Agents executed a search warrant at a house near Monroe.", []),
        # a lead glued to its dateline
        ("Quetta, March 3 (APP) At least four policemen were killed when gunmen attacked a check post on Sunday.",
         [("killed", 4, 4, None, False)]),
        # "to death" after a verb of violence makes it a killing
        ("Rebels hacked to death at least 14 villagers near Beni overnight.", [("killed", 14, 14, None, False)]),
        ("A man was beaten to death by a mob in Lagos.", [("killed", 1, 1, 1, False)]),
        # the number hung by the parser on a modifier of the noun
        ("A mine killed two U.S.-led coalition soldiers Monday when it went off under their truck.",
         [("killed", 2, 2, 2, False)]),
        ("Militants executed 20 men and beheaded a journalist.",
         [("killed", 20, 20, 20, False), ("killed", 1, 1, 1, False)]),
        ("The blast claimed the lives of 12 people.", [("killed", 12, 12, 12, False)]),
        ("The attack caused 20 casualties.", [("injured", 20, 20, 20, False)]),
        ("The soldiers were killed in the ambush.", []),
        # the dead told as martyrs
        ("Six border guards were martyred when their post came under fire.", [("killed", 6, 6, 6, False)]),
        ("Three policemen embraced martyrdom in the attack.", [("killed", 3, 3, 3, False)]),
        # a family's size counts its people; a bare plural joined to a count is at least that count
        ("A shell killed a family of six in Beit Hanoun.", [("killed", 6, 6, 6, False)]),
        ("The raid killed farmers and their four sons.", [("killed", 4, 4, None, False)]),
        # a passive's auxiliary shared by the verb joined to it
        ("Six soldiers were killed and eight others wounded.", [("killed", 6, 6, 6, False), ("injured", 8, 8, 8, False)]),
        # animals listed with people are not counted with them
        ("Raiders shot dead two goats and a shepherd near the well.", [("killed", 1, 1, 1, False)]),
        ("The gunmen killed a herder and three camels.", [("killed", 1, 1, 1, False)]),
        # a number the parser hangs on the unit's name before the noun
        ("Three Border Security Force (BSF) personnel were killed in the ambush.", [("killed", 3, 3, 3, False)]),
        # "another" before a singular noun counts one person, as "a" does
        ("In a separate clash, another soldier, named as Corporal Ali Khan, was killed.", [("killed", 1, 1, 1, False)]),
    ],
)
def test_casualties_counts_from_real_sentences(annotate, text, expected):
    assert _summary(annotate(text)) == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "best"), [
    # the parser hangs the rest of a list on its first noun as an apposition: the list goes on
    ("A bomb went off near the market on Friday, killing two soldiers, a policeman and two shopkeepers.", 5),
    ("Troops detained a militia commander, a bomb maker and several of their guards.", 5),
    # an apposition with no more people says who they were
    ("The blast killed two people, a man and his wife.", 2),
    # between commas it restates the first, and what is listed after it adds
    ("Police detained the driver, a suspected arms smuggler, and two additional suspects in the district.", 3),
    # a list after "people" that holds no more says who the people were
    ("The blast killed four people, three soldiers and a civilian.", 4),
    # a number alone after a comma is an age
    ("The victim, 14, was wounded in the stabbing.", 1),
    # a name right after its noun restates it, and the next one adds
    ("His sister Maryam and mother Fatima Bello were found dead at their home in Kano.", 2),
    # appositions after a name describe that one person
    ("Amina Diallo, a longtime teacher at the school and a mother of four, was killed in the attack.", 1),
])
def test_a_list_the_parser_splits_counts_each_person_once(annotate, text, best):
    assert [m.count.best for m in extract_casualties(annotate(text))] == [best]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "There are nine guards wounded and four dead, the mayor said.",
    "Nine guards were wounded and four dead in the raid.",
])
def test_a_count_listed_with_its_own_word_of_another_kind_is_not_added(annotate, text):
    found = sorted((m.kind, m.count.best) for m in extract_casualties(annotate(text)))
    assert found == [("injured", 9), ("killed", 4)]


@pytest.mark.slow
def test_a_part_the_parser_makes_the_subject_still_counts_the_whole():
    from sitrep.pipeline import extract_one

    # the parse hangs "personnes" on the verb as a time modifier and makes "six gendarmes" the subject
    text = ("Nouvelle attaque au Burkina\n\nQuelque 41 personnes, dont six gendarmes, ont été tués, dimanche 9 mai, "
            "dans une attaque simultanée attribuée aux jihadistes contre deux villages de la province du Soum.")
    report = extract_one(text, published="2021-05-11")
    assert [e.killed.best for e in report.events if e.killed] == [41]


@pytest.mark.slow
def test_casualties_does_not_add_the_including_part_to_the_total(annotate):
    mentions = extract_casualties(annotate("Five people were killed, including two children, in the strike."))
    assert [(m.kind, m.count.best) for m in mentions] == [("killed", 5)]
    assert mentions[0].count.evidence[0].text == "Five people were killed"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("22 army and volunteer forces were killed in the clashes.", "army and volunteer forces"),
        ("Two members of the popular forces were killed.", "members of the popular forces"),
        ("Dozens of people were injured when the roof collapsed.", "people"),
        ("None of the soldiers were hurt.", "soldiers"),
        ("The death toll rose to 30.", None),
    ],
)
def test_casualties_names_who_was_counted(annotate, text, who):
    assert extract_casualties(annotate(text))[0].count.who == who


@pytest.mark.slow
def test_casualties_negates_no_casualties_for_both_kinds(annotate):
    mentions = extract_casualties(annotate("The convoy came under fire but there were no casualties."))
    assert sorted((m.kind, m.count.best, m.negated) for m in mentions) == [("injured", 0, True), ("killed", 0, True)]


@pytest.mark.slow
def test_casualties_skip_ambiguous_casualties_when_the_sentence_has_a_split(annotate):
    mentions = extract_casualties(annotate("The attack caused 20 casualties, including five dead."))
    assert [(m.kind, m.count.best) for m in mentions] == [("killed", 5)]


@pytest.mark.slow
def test_casualty_mentions_point_at_trigger_sentence_and_exact_evidence(annotate):
    text = "Police said the market was calm. Later two civilians were killed and five wounded."
    ann = annotate(text)
    mentions = extract_casualties(ann)
    assert [ann.tokens[m.token].text for m in mentions] == ["killed", "wounded"]
    assert {m.sentence for m in mentions} == {1}
    assert [m.count.evidence[0].text for m in mentions] == ["two civilians were killed", "five wounded"]
    assert check_evidence(text, [m.count.evidence[0] for m in mentions]) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police detained two suspected smugglers near the border.", [("detained", 2)]),
        ("One insurgent was arrested and the other escaped.", [("detained", 1)]),
        ("Two fishermen were taken into custody by the coast guard.", [("detained", 2)]),
        ("The force killed three insurgents and detained another nine.", [("killed", 3), ("detained", 9)]),
        ("Rebels captured the town of Kafr Nabl.", []),
        ("Troops launched an operation to detain a local commander.", []),
    ],
)
def test_casualties_count_people_detained(annotate, text, expected):
    assert [(m.kind, m.count.best) for m in extract_casualties(annotate(text))] == expected


@pytest.mark.slow
def test_passive_conjunct_counts_the_shared_subject(annotate):
    mentions = extract_casualties(annotate("He was engaged by the patrol and killed."))
    assert [(m.kind, m.count.best) for m in mentions] == [("killed", 1)]


def test_numerous_is_more_than_several():
    assert parse_quantity("numerous")[0] > parse_quantity("several")[0]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "killed"), [
    ("At least five people were shot dead outside parliament, a witness said.", 5),  # "dead" parsed on parliament
    ("Five people were shot dead on Tuesday.", 5),
    ("A man was found dead in his home.", 1),
])
def test_shot_dead_counts_through_the_verb_however_dead_is_parsed(text, killed):
    from sitrep.nlp.spacy_adapter import annotate

    assert [(c.kind, c.count.best) for c in extract_casualties(annotate(text))] == [("killed", killed)]


@pytest.mark.slow
@pytest.mark.parametrize("text", ["More than 20 people killed and wounded in a market bombing in Djibo",
                                  "Eight to 12 fighters were killed or injured in the strike."])
def test_one_figure_for_dead_and_wounded_gives_each_only_a_ceiling(annotate, text):
    counts = {m.kind: (m.count.best, m.count.low, m.count.high) for m in extract_casualties(annotate(text))}
    high = 21 if "20" in text else 12
    assert counts == {"killed": (0, 0, high), "injured": (0, 0, high)}


@pytest.mark.slow
@pytest.mark.parametrize("text", ["A bomb at the market killed and wounded 14 traders on Monday.",
                                  "Bandits kill and injure 14 travellers near Gusau",
                                  "Shelling killed or wounded 14 people in the town overnight."])
def test_one_object_of_killing_and_wounding_gives_each_only_a_ceiling(annotate, text):
    counts = {m.kind: (m.count.best, m.count.low, m.count.high) for m in extract_casualties(annotate(text))}
    assert counts == {"killed": (0, 0, 14), "injured": (0, 0, 14)}


@pytest.mark.slow
@pytest.mark.parametrize(("text", "language"), [
    ("The army reported eight soldiers killed and thirteen wounded.", "en"),  # "thirteen" a conjunct of "soldiers"
    ("The raid resulted in eight police officers killed and an additional thirteen wounded.", "en"),
    ("Cette attaque a fait huit morts et treize blessés du côté des forces de défense.", "fr"),
    ("Le bilan officiel annonce huit militaires tués et treize blessés.", "fr"),  # "blessés" with its own number
])
def test_dead_and_wounded_told_side_by_side_are_two_counts_never_added(text, language):
    from sitrep.lang import load_lexicon
    from sitrep.nlp.spacy_adapter import annotate

    found = extract_casualties(annotate(text, language=language), lexicon=load_lexicon(language))
    assert sorted((m.kind, m.count.best, m.count.high) for m in found) == [("injured", 13, 13), ("killed", 8, 8)]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "injured"), [("Five soldiers were killed and three wounded in the blast.", 3),
                                               ("Five soldiers were killed and several wounded in the blast.", 3),
                                               ("The bomb killed five soldiers and wounded three.", 3),
                                               ("Five soldiers died and three others were wounded.", 3)])
def test_the_dead_and_the_wounded_counted_apart_stay_apart(annotate, text, injured):
    counts = {m.kind: m.count.best for m in extract_casualties(annotate(text))}
    assert counts == {"killed": 5, "injured": injured}


@pytest.mark.slow
@pytest.mark.parametrize("text", ["Police found a dead dog behind the house.",
                                  "\u201cIf the vote fails, the deal is dead,\u201d the councilman said."])
def test_no_one_counted_dead_when_what_is_dead_is_no_person(annotate, text):
    assert [m.kind for m in extract_casualties(annotate(text))] == []


@pytest.mark.slow
def test_a_span_of_time_the_parser_makes_the_object_is_no_one_killed():
    from sitrep.pipeline import extract_one

    # the parse makes "jours" the object of "tué" and "civils" an adverb: "quelques jours" is no 2..3 dead
    report = extract_one("Le comité accuse ce groupe armé d’avoir tué 12 civils quelques jours plutôt.",
                         published="2021-12-01")
    assert [e.killed.who for e in report.events if e.killed] in ([], ["civils"])


@pytest.mark.slow
def test_a_name_that_is_also_a_word_is_a_person(annotate):
    ann = annotate("Police found the body of Maria Hill near the river on Sunday.")
    assert [(m.kind, m.count.best) for m in extract_casualties(ann)] == [("killed", 1)]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "killed"), [
    ("The army lost nine soldiers when the convoy was ambushed.", [9]),
    ("\u201cWe lost 14 of our men,\u201d the commander said.", [14]),
    ("The governor deplored the loss of nine policemen in the raid.", [9]),
    ("Nine soldiers lost their lives in the ambush.", [9]),
    ("The party lost nine seats in the election.", []),
    ("The factory closure means the loss of 900 jobs.", []),
    ("Police lost track of the two suspects near the border.", []),
    ("The county suffered a net loss of more than 900 people last year.", []),
    ("The force was about to lose 25 newly hired recruits.", []),
])
def test_a_side_that_lost_people_counts_them_dead(annotate, text, killed):
    assert [m.count.best for m in extract_casualties(annotate(text)) if m.kind == "killed"] == killed


@pytest.mark.slow
@pytest.mark.parametrize(("text", "killed"), [
    ("So many children have died in this war.", []),
    ("Too many soldiers were killed on that road.", []),
    ("\u201cWe have never lost so many men in one day,\u201d the colonel said.", []),
    ("Many villagers were killed in the raid.", [3]),
])
def test_so_many_is_an_exclamation_not_a_count(annotate, text, killed):
    assert [m.count.best for m in extract_casualties(annotate(text)) if m.kind == "killed"] == killed


@pytest.mark.slow
@pytest.mark.parametrize(("text", "killed"), [
    ("Her husband and son were shot dead outside the shop.", 2),
    ("A teacher and pupil were killed when the roof collapsed.", 2),
    ("The driver and his wife were killed.", 2),
    ("The commander and two guards were killed.", 3),
])
def test_a_singular_noun_joined_under_the_first_ones_determiner_is_one_more(annotate, text, killed):
    assert [m.count.best for m in extract_casualties(annotate(text)) if m.kind == "killed"] == [killed]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "kind", "count"), [
    ("Killed in the ambush were three soldiers and a driver.", "killed", 4),
    ("Also killed in the raid were more than a dozen gunmen.", "killed", 13),
    ("Wounded in the blast were four police officers.", "injured", 4),
])
def test_the_participle_first_counts_what_comes_after_were(annotate, text, kind, count):
    assert [m.count.best for m in extract_casualties(annotate(text)) if m.kind == kind] == [count]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    # the parser hangs the second count on the first (a conjunct of "people"): still a list, each at its place
    ("Gunmen killed eight people in Kano and five in Kaduna on Thursday.",
     [("killed eight people", 8, False), ("five in Kaduna", 5, True)]),
    ("Gunmen killed eight people in Kano and eight in Kaduna on Thursday.",
     [("killed eight people", 8, False), ("eight in Kaduna", 8, True)]),
    # "of his associates" says who, it is no place: one count, the associates in it
    ("Troops captured a rebel commander and several of his associates in Kano.",
     [("captured a rebel commander and several of his associates in Kano", 4, False)]),
])
def test_counts_conjoined_each_with_its_own_place_are_a_list(annotate, text, expected):
    found = [(m.count.evidence[0].text, m.count.best, m.listed) for m in extract_casualties(annotate(text))]
    assert found == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "detained"), [
    # the detained got away: an escape, no one taken
    ("Dozens of escaped inmates remain on the run, police said on Monday.", []),
    ("Prisoners on the run after the jailbreak", []),
    # escaped prisoners arrested again are people taken
    ("Police arrested 12 prisoners who had escaped from the central prison.", [12]),
])
def test_prisoners_who_escaped_are_no_detention(annotate, text, detained):
    assert [m.count.best for m in extract_casualties(annotate(text)) if m.kind == "detained"] == detained
