"""Tests of what the times stage hands on (``TimeFindings``) and of its language data: the rule table, the month
names and the number words come from the lexicon, not from the code."""

from __future__ import annotations

import pytest

from sitrep.errors import ConfigError
from sitrep.extract.times import extract_times, find_times
from sitrep.lang import Lexicon, default_lexicon
from sitrep.model import Annotations, Precision, TimeBasis

PUB = "2015-10-27"  # a Tuesday


def plain(text: str) -> Annotations:
    return Annotations(text=text, tokens=(), sentences=(), entities=())


def with_section(name: str, **changes: object) -> Lexicon:
    """English with some keys of one section replaced: a stand-in for another language's data file."""
    en = default_lexicon()
    sections = dict(en.sections)
    sections[name] = {**en.sections[name], **changes}
    return Lexicon(code="xx", name="Test", model=en.model, sections=sections)


def test_findings_mark_references_and_bare_clocks_by_their_spans() -> None:
    text = "Troops now hold the town. They attacked it on Sunday. Police came at 3 a.m. and recently left."
    found = find_times(plain(text), published=PUB)
    spans = {t.text: (t.evidence[0].start, t.evidence[0].end) for t in found.times}
    assert set(spans) == {"now", "3 a.m.", "on Sunday", "recently"}
    assert found.references == {spans["now"], spans["recently"]}
    assert found.bare_clocks == {spans["3 a.m."]}
    by_text = {t.text: t for t in found.times}
    assert found.is_reference(by_text["now"]) and not found.is_reference(by_text["on Sunday"])
    assert found.is_bare_clock(by_text["3 a.m."]) and not found.is_bare_clock(by_text["on Sunday"])
    assert list(found.times) == extract_times(plain(text), published=PUB)


def test_findings_carry_the_dateline_and_the_publication_day() -> None:
    found = find_times(plain("KABUL, Afghanistan (Oct. 26, 2015) - Troops left on Sunday."), published=PUB)
    assert found.dateline is not None and found.dateline.date is not None
    assert (found.dateline.date.isoformat(), found.dateline.kind) == ("2015-10-26", "dateline")
    assert found.publication is not None
    assert (found.publication.value, found.publication.precision, found.publication.basis) == (
        "2015-10-27", Precision.DAY, TimeBasis.PUBLICATION)


def test_findings_publication_is_the_release_month_when_only_a_release_id_dates_the_report() -> None:
    found = find_times(plain("2011-07-S-039\nFor Immediate Release\nTroops detained two men."))
    assert found.publication is not None
    assert (found.publication.value, found.publication.precision, found.publication.start,
            found.publication.end) == ("2011-07", Precision.MONTH, "2011-07-01", "2011-07-31")
    assert find_times(plain("Troops detained two men."), published=None).publication is None


@pytest.mark.parametrize(("text", "words", "value"), [
    ("The talks began thirteen days ago.", "thirteen days ago", "2015-10-14"),
    ("The town fell forty years ago.", "forty years ago", "1975"),
    ("They met a year ago.", "a year ago", "2014"),
    ("Talks began on 3 May. Seventeen days later they ended.", "Seventeen days later", "2015-05-20"),
])
def test_times_count_with_the_shared_number_words(text: str, words: str, value: str) -> None:
    times = extract_times(plain(text), published=PUB)
    assert (times[-1].text, times[-1].value) == (words, value)


def test_times_read_month_names_as_the_language_writes_them() -> None:
    text = "Troops left on march 3."
    assert extract_times(plain(text), published=PUB) == []  # English: a lower-case "march" is a verb
    lower_case = with_section("calendar", name_case=["lower", "capitalized", "upper"])
    times = extract_times(plain(text), published=PUB, lexicon=lower_case)
    assert [(t.text, t.value) for t in times] == [("on march 3", "2015-03-03")]


def test_times_day_words_come_from_the_table() -> None:
    lex = with_section("times", day_words={**default_lexicon().sections["times"]["day_words"], "ereyesterday": -2})
    text = "Troops left ereyesterday and yesterday."
    assert [t.text for t in extract_times(plain(text), published=PUB)] == ["yesterday"]
    times = extract_times(plain(text), published=PUB, lexicon=lex)
    assert [(t.text, t.value) for t in times] == [("ereyesterday", "2015-10-25"), ("yesterday", "2015-10-26")]


def test_a_rule_naming_an_unknown_reader_is_a_config_error() -> None:
    lex = with_section("times", rules=[{"reader": "read_tea_leaves", "pattern": "(?P<core>yesterday)"}])
    with pytest.raises(ConfigError, match="read_tea_leaves"):
        extract_times(plain("Troops left yesterday."), published=PUB, lexicon=lex)
