"""Tests of the rule that dates an event: clause, sentence, paragraph, publication, none (``_event_dates``)."""

from __future__ import annotations

import pytest

from sitrep.extract.events.dates import choose_date, governs, in_citation
from sitrep.extract.events.drafts import EventContext, EventDraft, Trigger
from sitrep.extract.events.taxonomy import Subtype
from sitrep.extract.times import extract_times, find_times, publication_time
from sitrep.model import Precision, TimeBasis

pytestmark = pytest.mark.slow  # real spaCy annotations: the clause rule reads the parse

CLASH = Subtype(type="battles", subtype="armed_clash", label="Armed clash", plover="FIGHT", rank=0)


def date_of(annotate, text: str, trigger: str, published: str | None = "2015-10-27"):
    """The date and rule chosen for an event triggered by the first token ``trigger`` in ``text``."""
    ann = annotate(text)
    head = next(t.i for t in ann.tokens if t.text == trigger)
    sentence = next(i for i, s in enumerate(ann.sentences) if s.token_start <= head < s.token_end)
    draft = EventDraft(triggers=[Trigger(tokens=(head,), head=head, subtype=CLASH, kind="verb", sentence=sentence)],
                       subtype=CLASH, sentence=sentence)
    found = find_times(ann, published=published)
    ctx = EventContext(ann=ann, document_id="doc", published=published, times=found.times, time_findings=found,
                       places=(), claims=(), scare_quotes=(), outlet=None, extractor="events@test")
    return choose_date(draft, ctx)


def test_event_date_from_the_time_that_governs_its_clause(annotate) -> None:
    date, rule = date_of(annotate, "Officials said on Tuesday that militants attacked the base on Sunday.", "attacked")
    assert (date.text, date.value, rule) == ("on Sunday", "2015-10-25", "clause")


def test_reporting_time_is_not_the_event_clause_time(annotate) -> None:
    date, rule = date_of(annotate, "Officials said on Tuesday that militants attacked the base on Sunday.", "said")
    assert (date.text, rule) == ("on Tuesday", "clause")


def test_event_date_from_earlier_in_the_paragraph(annotate) -> None:
    date, rule = date_of(annotate, "Gunmen stormed a checkpoint on Monday. Two policemen died in the fighting.", "died")
    assert (date.value, rule) == ("2015-10-26", "paragraph")


def test_event_in_a_later_paragraph_is_dated_by_publication_by_default(annotate) -> None:
    date, rule = date_of(annotate, "Gunmen stormed a checkpoint on Monday.\nTwo policemen died in the fighting.", "died")
    assert (date.value, date.basis, rule) == ("2015-10-27", TimeBasis.PUBLICATION, "publication")


def test_event_in_a_later_paragraph_takes_the_leads_day_with_the_lead_rule(annotate, monkeypatch) -> None:
    monkeypatch.setattr("sitrep.extract.events.dates.LEAD_RULE", True)
    date, rule = date_of(annotate, "Gunmen stormed a checkpoint on Monday.\nTwo policemen died in the fighting.", "died")
    assert (date.value, date.basis, rule) == ("2015-10-26", TimeBasis.RELATIVE, "lead")


def test_lead_rule_needs_a_day_in_the_lead(annotate, monkeypatch) -> None:
    monkeypatch.setattr("sitrep.extract.events.dates.LEAD_RULE", True)
    text = "Gunmen stormed a checkpoint in May.\nTwo policemen died in the fighting."
    date, rule = date_of(annotate, text, "died")
    assert (date.value, date.basis, rule) == ("2015-10-27", TimeBasis.PUBLICATION, "publication")


def test_later_paragraph_does_not_take_a_time_from_another_later_paragraph(annotate) -> None:
    text = "Gunmen stormed a checkpoint.\nA bomb went off on Monday.\nTwo policemen died in the fighting."
    date, rule = date_of(annotate, text, "died")
    assert (date.value, rule) == ("2015-10-27", "publication")


def test_time_on_the_trigger_beats_time_on_the_reporting_verb(annotate) -> None:
    text = "Police today confirmed the arrest of a bomb maker in Daquq district, Kirkuk province, Saturday."
    date, rule = date_of(annotate, text, "arrest")
    assert (date.text, date.value, rule) == ("Saturday", "2015-10-24", "clause")


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("The army today announced the capture of a weapons smuggler at a checkpoint outside Spin Boldak, "
     "Kandahar province, May 3.", "capture", ("May 3", "2015-05-03")),
    ("Afghan officials yesterday reported the deaths of four policemen in an ambush in Ghazni on Friday.", "deaths",
     ("on Friday", "2015-10-23")),
])
def test_reporting_verbs_time_does_not_date_the_event_it_reports(annotate, text, trigger, expected) -> None:
    date, rule = date_of(annotate, text, trigger)
    assert ((date.text, date.value), rule) == (expected, "clause")


@pytest.mark.parametrize(("text", "trigger"), [
    ("Police today arrested two men in Kandahar.", "arrested"),
    ("Police today confirmed the arrest of two men in Kandahar.", "arrest"),
    ("The coalition today announced the release of a hostage who was kidnapped on Sept. 3.", "release"),
])
def test_today_still_dates_an_event_with_no_time_of_its_own(annotate, text, trigger) -> None:
    date, rule = date_of(annotate, text, trigger)
    assert (date.text, date.value, rule) == ("today", "2015-10-27", "clause")


def test_event_in_a_release_dated_only_by_its_id_takes_the_month(annotate) -> None:
    text = "2011-07-S-039\nFor Immediate Release\nGunmen attacked a police station in Baiji."
    date, rule = date_of(annotate, text, "attacked", None)
    assert (date.value, date.precision, date.start, date.end) == ("2011-07", Precision.MONTH, "2011-07-01", "2011-07-31")
    assert (date.basis, rule) == (TimeBasis.PUBLICATION, "publication")


def test_a_publication_known_only_to_its_month_dates_days_without_a_year(annotate) -> None:
    text = "Rebels attacked a police station in Baiji on 9 March. The police said on Tuesday that two officers died."
    date, rule = date_of(annotate, text, "attacked", "2021-03")
    assert (date.value, date.precision, rule) == ("2021-03-09", Precision.DAY, "clause")
    # a bare weekday can be any Tuesday the month allows, from the week before it to its last day
    times = find_times(annotate(text), published="2021-03")
    tuesday = next(t for t in times.times if t.text == "on Tuesday")
    assert (tuesday.start, tuesday.end) == ("2021-02-23", "2021-03-30")
    pub = times.publication
    assert pub is not None and (pub.value, pub.precision, pub.basis) == ("2021-03", Precision.MONTH,
                                                                         TimeBasis.PUBLICATION)


def test_event_without_time_takes_publication_day_and_says_so(annotate) -> None:
    date, rule = date_of(annotate, "Gunmen attacked a police station in Baiji.", "attacked", "2015-03-18")
    assert (date.value, date.precision, date.start, date.end) == ("2015-03-18", Precision.DAY, "2015-03-18", "2015-03-18")
    assert (date.basis, rule) == (TimeBasis.PUBLICATION, "publication")


def test_event_without_time_or_publication_has_no_date(annotate) -> None:
    assert date_of(annotate, "Gunmen attacked a police station in Baiji.", "attacked", None) == (None, "none")


def test_dateline_date_is_publication_not_the_events_own(annotate) -> None:
    date, rule = date_of(annotate, "KABUL, Afghanistan (Aug. 6, 2012) - Troops killed two insurgents.", "killed",
                         "2012-08-06")
    assert (date.value, rule) == ("2012-08-06", "publication")


def test_citation_date_is_not_the_event_date(annotate) -> None:
    text = "Jets struck the town (Coalition admits strike, Iraq Pulse Monitor, 27 October 2015)."
    date, rule = date_of(annotate, text, "struck", "2016-01-29")
    assert (date.value, rule) == ("2016-01-29", "publication")


def test_unresolved_time_never_dates_an_event(annotate) -> None:
    date, rule = date_of(annotate, "Militants attacked the base on Sunday.", "attacked", None)
    assert (date, rule) == (None, "none")


def test_governs_needs_the_parse(annotate) -> None:
    ann = annotate("Militants attacked the base on Sunday, police said.")
    sunday = extract_times(ann, published="2015-10-27")[0]
    attacked = next(t.i for t in ann.tokens if t.text == "attacked")
    assert governs(ann, sunday, attacked)


@pytest.mark.parametrize(
    ("text", "words", "inside"),
    [
        ("(Coalition admits strike, Iraq Pulse Monitor, 27 October 2015)", "27 October 2015", True),
        ("The raid (on 27 October 2015) killed two.", "27 October 2015", False),
        ("Jets struck on 27 October 2015, killing two.", "27 October 2015", False),
    ],
)
def test_in_citation(text: str, words: str, inside: bool) -> None:
    start = text.index(words)
    assert in_citation(text, start, start + len(words)) is inside


def test_publication_time_is_a_day_with_publication_basis() -> None:
    time = publication_time("2015-03-18T10:00:00")
    assert (time.value, time.precision, time.basis) == ("2015-03-18", Precision.DAY, TimeBasis.PUBLICATION)
    assert publication_time(None) is None and publication_time("soon") is None


def test_clock_time_dates_an_event_to_its_day_only(annotate) -> None:
    date, rule = date_of(annotate, "Gunmen attacked the checkpoint at 3 p.m. Monday.", "attacked")
    assert (date.value, date.precision, date.start, date.end, rule) == (
        "2015-10-26", Precision.DAY, "2015-10-26", "2015-10-26", "clause")


def test_bare_clock_time_does_not_date_an_event_by_itself(annotate) -> None:
    date, rule = date_of(annotate, "Gunmen attacked the checkpoint at 3 a.m., police said.", "attacked")
    assert (date.value, date.basis, rule) == ("2015-10-27", TimeBasis.PUBLICATION, "publication")
    date, rule = date_of(annotate, "Gunmen massed near Hit on Sunday. They attacked the checkpoint at 3 a.m.",
                         "attacked")
    assert (date.text, date.value, rule) == ("on Sunday", "2015-10-25", "paragraph")


def test_quoted_date_dates_the_quoted_event(annotate) -> None:
    date, rule = date_of(annotate, '"We were attacked on 3 May," the commander said on Tuesday.', "attacked")
    assert (date.text, date.value, rule) == ("on 3 May", "2015-05-03", "clause")


def test_past_and_future_references_never_date_an_event(annotate) -> None:
    date, rule = date_of(annotate, "Militants recently attacked the base.", "attacked")
    assert (date.value, date.basis, rule) == ("2015-10-27", TimeBasis.PUBLICATION, "publication")
    date, rule = date_of(annotate, "Officials said troops would soon attack the town.", "attack")
    assert (date.basis, rule) == (TimeBasis.PUBLICATION, "publication")


@pytest.mark.parametrize(("text", "value", "rule"), [
    ("In August, the army said that two of its soldiers had been killed near the border.", "2015-08", "report"),
    ("Police said on Monday that two guards had been killed at the mine.", "2015-10-27", "publication"),
])
def test_a_saying_long_before_the_article_bounds_what_it_told(annotate, text, value, rule) -> None:
    date, chosen = date_of(annotate, text, "killed")
    assert (date.value, chosen) == (value, rule)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Troops on Friday retook the prison where a riot had left 40 inmates dead.", "riot"),
    ("Police on Friday gained control of a prison where rioting has left at least 40 inmates dead.", "rioting"),
])
def test_a_relative_clause_of_place_keeps_its_own_time(annotate, text, trigger) -> None:
    date, rule = date_of(annotate, text, trigger, published="2021-10-02")
    assert (date.value, rule) == ("2021-10-02", "publication")  # not Friday, the day of the taking back


@pytest.mark.parametrize("text", [
    "Thousands of protesters who reject the results of the elections of last spring gathered in Bamako. Police "
    "fired tear gas to disperse them.",
    "Des milliers de manifestants qui contestent les résultats des élections du printemps dernier se sont "
    "rassemblés à Bamako. La police a tiré des gaz lacrymogènes pour les disperser.",
])
def test_a_time_that_names_a_things_date_dates_no_event_of_its_sentence_or_paragraph(text) -> None:
    from sitrep.pipeline import extract_one

    report = extract_one(text, published="2020-08-12")
    # "of last spring" is the elections' date: the gathering and the tear gas are the day's news
    assert report.events and all(e.date.value == "2020-08-12" for e in report.events)


@pytest.mark.parametrize(("text", "value"), [
    # "which took place on Monday" dates the elections, not the ambush told beside them
    ("The ministry said the soldiers were ambushed on their way back from a mission to secure the elections, "
     "which took place on Monday.", "2020-08-12"),
    # (a guard: the French parse hangs "lundi" on "lieu", as before this rule)
    ("Le ministère a indiqué que les soldats ont été attaqués au retour d'une mission de sécurisation des élections, "
     "qui ont eu lieu lundi.", "2020-08-12"),
    # a relative clause on the happening itself, or whose verb tells one, still dates it
    ("The attack, which took place on Monday, killed four soldiers near Gao.", "2020-08-10"),
    ("Gunmen, who attacked the village on Monday, killed four farmers near Gao.", "2020-08-10"),
])
def test_the_day_of_a_relative_clause_on_a_thing_dates_no_event_beside_it(text, value) -> None:
    from sitrep.pipeline import extract_one

    assert [e.date.value for e in extract_one(text, published="2020-08-12").events] == [value]


@pytest.mark.parametrize(("text", "value"), [
    # when the victims were born is no day of the strike that killed them
    ("A rocket strike on Vessiat killed a man and a woman born in 1949 and 1953, the governor said on Saturday.",
     "2020-08-08"),
    ("Une frappe a tué samedi à Vessiat un homme et une femme nés en 1949 et 1953.", "2020-08-08"),
    # nor is when the group that attacked was founded
    ("The militia, which was founded in 2011, attacked a checkpoint near Gao on Monday, killing two soldiers.",
     "2020-08-10"),
    # (a guard: barricades built on a day are built that day)
    ("Protesters built barricades and burned tyres in Bamako on Monday.", "2020-08-10"),
])
def test_a_time_of_birth_or_founding_dates_no_event(text, value) -> None:
    from sitrep.pipeline import extract_one

    assert [e.date.value for e in extract_one(text, published="2020-08-12").events] == [value]


@pytest.mark.parametrize(("text", "value"), [
    # a happening's date carries on through its paragraph
    ("The hospital was hit again in a November 6 attack that struck its third floor. Four people were killed.",
     "2019-11-06"),
    # a date written before its noun names the story's happening as often as not
    ("The March 28 trouble erupted when thousands of demonstrators hurled stones at the police.", "2020-03-28"),
    # a day the parser hangs on a noun by a preposition that is no genitive still dates its clause
    ("A man was arrested in the north of the city following reports of a number of burglaries in the Shankill "
     "area on Tuesday.", "2020-08-11"),
])
def test_a_time_on_a_happening_or_hung_on_a_noun_by_the_parser_still_dates(text, value) -> None:
    from sitrep.pipeline import extract_one

    assert [e.date.value for e in extract_one(text, published="2020-08-12").events] == [value]
