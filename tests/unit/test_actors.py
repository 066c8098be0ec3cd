"""The actor table and the actors stage."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sitrep.errors import ConfigError
from sitrep.extract.actors import actor_words, extract_actors
from sitrep.lang import Lexicon, default_lexicon
from sitrep.model import check_evidence, stable_id
from sitrep.resolve.actor_table import KINDS, ActorTable, alias_key, make_actor_table


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return make_actor_table()


@pytest.mark.parametrize(
    ("a", "b"),
    [("the US-led Coalition", "US led coalition"), ("People’s Protection Units", "people's protection units"),
     ("U.S. forces", "US forces"), ("al - Qaeda", "al-Qaeda")],
)
def test_alias_key_unifies_case_article_and_hyphens(a, b):
    assert alias_key(a) == alias_key(b)


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("IS", "Islamic State"), ("ISIL", "Islamic State"), ("Isil", "Islamic State"), ("Daesh", "Islamic State"),
        ("Islamic State of Iraq and the Levant", "Islamic State"), ("the Islamic State group", "Islamic State"),
        ("the coalition", "US-led coalition"), ("international coalition", "US-led coalition"),
        ("Iraqi army", "Iraqi security forces"), ("Hashd al-Shaabi", "Popular Mobilization Forces"),
        ("popular mobilisation units", "Popular Mobilization Forces"), ("volunteer forces", "Popular Mobilization Forces"),
        ("Ansar Allah", "Houthis"), ("ANSF", "Afghan National Security Forces"), ("Nusra Front", "al-Nusra Front"),
        ("YPG", "People's Protection Units"), ("demonstrators", "protesters"), ("women and children", "civilians"),
        ("is", None), ("Is", None), ("amnesty", None), ("the weather", None),
        # bandits and gangs are neither pirates nor each other
        ("bandits", "bandits"), ("armed bandits", "bandits"), ("gang members", "criminal gangs"), ("pirates", "pirates"),
    ],
)
def test_table_matches_aliases_and_keeps_acronyms_case_sensitive(table, name, canonical):
    entry = table.match(name)
    assert (entry.canonical if entry else None) == canonical


def test_table_entries_have_known_kinds_and_generic_flags(table):
    assert 80 <= len(table.entries) <= 200
    assert all(e.kind in KINDS for e in table.entries)
    assert table.match("militants").generic and not table.match("Taliban").generic


def test_table_finds_longest_match_over_tokens(table):
    words = ["the", "US", "-", "led", "coalition", "struck", "Islamic", "State", "group", "positions"]
    found = [(i, j, e.canonical) for i, j, e in table.find(words)]
    assert found == [(1, 5, "US-led coalition"), (6, 9, "Islamic State")]


def test_table_rejects_entries_without_a_known_kind():
    from sitrep.errors import ConfigError

    with pytest.raises(ConfigError):
        ActorTable.from_records([{"canonical": "X", "kind": "aliens"}])


def _actors(annotate, table, text):
    return [(a.name, a.canonical, a.kind, a.country) for a in extract_actors(annotate(text), table=table)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iraqi forces and Kurdish fighters advanced on the town.",
         [("Iraqi forces", "Iraqi security forces", "state_forces", "IQ"),
          ("Kurdish fighters", "Kurdish fighters", "militia", None)]),
        ("22 Syrian troops died when ISIL shelled the base.",
         [("Syrian troops", "Syrian government forces", "state_forces", "SY"),
          ("ISIL", "Islamic State", "rebels", None)]),
        ("The Taliban said it is holding two civilians.",
         [("Taliban", "Taliban", "rebels", "AF"), ("civilians", "civilians", "civilians", None)]),
        ("Daesh fighters fled as the US-led coalition bombed their positions.",
         [("Daesh fighters", "Islamic State", "rebels", None), ("US-led coalition", "US-led coalition", "coalition", None)]),
        ("US military spokesman Colonel Steve Warren said villagers had fled.",
         [("US military", "United States military", "foreign_forces", "US"),
          ("Colonel Steve Warren", "Steve Warren", "state_forces", "US"),
          ("villagers", "civilians", "civilians", None)]),
        ("Demonstrators gathered while police watched.",
         [("Demonstrators", "protesters", "protesters", None), ("police", "police", "state_forces", None)]),
    ],
)
def test_actors_finds_table_nationality_and_titled_person_mentions(annotate, table, text, expected):
    assert _actors(annotate, table, text) == expected


@pytest.mark.slow
def test_actors_never_reads_the_verb_is_as_islamic_state(annotate, table):
    names = [a.name for a in extract_actors(annotate("The situation is tense and IS is retreating."), table=table)]
    assert names == ["IS"]


@pytest.mark.slow
def test_actors_skips_generic_words_used_as_adjectives(annotate, table):
    assert extract_actors(annotate("The report counted civilian casualties."), table=table) == []


@pytest.mark.slow
def test_actors_links_aliases_declared_in_parentheses(annotate, table):
    text = "Islamic State (aka Isil, Isis, Daesh) lost ground. Later Daesh withdrew."
    actors = extract_actors(annotate(text), table=table)
    assert [a.name for a in actors] == ["Islamic State", "Isil", "Isis", "Daesh", "Daesh"]
    assert {a.canonical for a in actors} == {"Islamic State"}
    assert actors[-1].aliases == ("Isil", "Isis", "Daesh")


@pytest.mark.slow
def test_actors_learns_an_unknown_group_and_its_acronym(annotate, table):
    text = "Jaish al-Fatah (JaF) attacked the checkpoint. JaF later withdrew."
    actors = extract_actors(annotate(text), table=table)
    assert [(a.name, a.canonical) for a in actors] == [
        ("Jaish al-Fatah", "Jaish al-Fatah"), ("JaF", "Jaish al-Fatah"), ("JaF", "Jaish al-Fatah")]
    assert actors[2].aliases == ("JaF",)


@pytest.mark.slow
def test_actors_links_also_known_as(annotate, table):
    text = "Hashd al-Shaabi, also known as the Popular Mobilization Forces, retook the town."
    actors = extract_actors(annotate(text), table=table)
    assert [(a.name, a.canonical) for a in actors] == [
        ("Hashd al-Shaabi", "Popular Mobilization Forces"), ("Popular Mobilization Forces", "Popular Mobilization Forces")]
    assert actors[1].aliases == ("Hashd al-Shaabi",)


@pytest.mark.slow
def test_actors_ignores_citation_parentheses(annotate, table):
    text = "Police said the road was open (Security update, Reuters, 27 October 2015)."
    actors = extract_actors(annotate(text), table=table)
    assert all(a.aliases == () for a in actors)


@pytest.mark.slow
def test_actor_records_carry_exact_evidence_stable_ids_and_extractor(annotate, table):
    text = "Hezbollah fighters and Israeli soldiers exchanged fire near the border."
    actors = extract_actors(annotate(text), table=table)
    assert [a.name for a in actors] == ["Hezbollah fighters", "Israeli soldiers"]
    assert check_evidence(text, [e for a in actors for e in a.evidence]) == []
    first = actors[0]
    assert first.id == stable_id("ac", first.evidence[0].start, first.evidence[0].end)
    assert {a.extractor for a in actors} == {"actors@1"}


def _lexicon_with(**actors: object) -> Lexicon:
    """The English lexicon with some keys of actors.yaml replaced, as another language's file would."""
    en = default_lexicon()
    return replace(en, code="xx", sections={**en.sections, "actors": {**en.sections["actors"], **actors}})


@pytest.mark.slow
def test_a_named_unit_the_model_calls_an_organisation_is_no_actor(annotate, table):
    ann = annotate("Herders raided Kukawa community of Riyom Local Government Area of Plateau State, police said.")
    assert [a.name for a in extract_actors(ann, table=table)] == ["police"]


@pytest.mark.slow
def test_actors_titles_and_their_kinds_come_from_the_lexicon(annotate, table):
    ann = annotate("Governor Ali Hassan visited the market.")
    assert [(a.name, a.kind) for a in extract_actors(ann, table=table)] == [("Governor Ali Hassan", "government")]
    titles = {**default_lexicon().table("actors", "titles"), "governor": "position"}
    assert extract_actors(ann, table=table, lexicon=_lexicon_with(titles=titles)) == []


def test_actor_words_refuse_a_title_of_unknown_kind():
    with pytest.raises(ConfigError, match="warlord"):
        actor_words(_lexicon_with(titles={"warlord": "boss"}))
