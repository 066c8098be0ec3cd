"""Tests of the times stage: calendar values, bases and evidence of time expressions in news text."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.times import clock_of, extract_times, find_dateline, parse_published, time_at, time_reference
from sitrep.extract.times import periods as cal
from sitrep.extract.times.words import times_words
from sitrep.lang import languages, load_lexicon
from sitrep.model import Annotations, Precision, Span, Time, TimeBasis, check_evidence, stable_id

PUB = "2015-10-27"  # a Tuesday


def plain(text: str, *entities: tuple[str, str]) -> Annotations:
    """Annotations without spaCy: only the text and, optionally, entities given as (words, label)."""
    spans = []
    for words, label in entities:
        start = text.index(words)
        spans.append(Span(start=start, end=start + len(words), token_start=0, token_end=0, label=label))
    return Annotations(text=text, tokens=(), sentences=(), entities=tuple(spans))


def times_of(text: str, published: str | None = PUB, *entities: tuple[str, str]) -> list[Time]:
    return extract_times(plain(text, *entities), published=published)


def only(text: str, published: str | None = PUB) -> Time:
    times = times_of(text, published)
    assert len(times) == 1, [t.text for t in times]
    return times[0]


A, R, INH, U = TimeBasis.ABSOLUTE, TimeBasis.RELATIVE, TimeBasis.INHERITED, TimeBasis.UNRESOLVED
D, W, M, S, Y, DEC, RG = (Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.SEASON, Precision.YEAR,
                          Precision.DECADE, Precision.RANGE)

# (sentence, expression as it must appear in the evidence, value, precision, basis), published 2015-10-27
SINGLE_CASES = [
    ("The convoy was hit on 27 October 2015 near Ramadi.", "on 27 October 2015", "2015-10-27", D, A),
    ("Rebels seized the town on October 27, 2015, officials said.", "on October 27, 2015", "2015-10-27", D, A),
    ("KABUL, Afghanistan (Oct. 27, 2015) - Two insurgents were detained.", "Oct. 27, 2015", "2015-10-27", D, A),
    ("The report, dated 2015-10-27, lists the dead.", "2015-10-27", "2015-10-27", D, A),
    ("A statement issued 27/10/2015 confirmed the raid.", "27/10/2015", "2015-10-27", D, A),
    ("A statement issued 10/27/2015 confirmed the raid.", "10/27/2015", "2015-10-27", D, A),
    ("The army entered Palmyra on the 3rd of May 2015.", "on the 3rd of May 2015", "2015-05-03", D, A),
    ("Clashes broke out on Sunday, 25 October 2015, in Taiz.", "on Sunday, 25 October 2015", "2015-10-25", D, A),
    ("Airstrikes intensified in February 2015, monitors said.", "February 2015", "2015-02", M, A),
    ("The group took Mosul in 2014.", "2014", "2014", Y, A),
    ("Fighting has continued since 2011 in the north.", "2011", "2011", Y, A),
    ("Two soldiers were killed yesterday in Daraa.", "yesterday", "2015-10-26", D, R),
    ("The governor said today that the road was open.", "today", "2015-10-27", D, R),
    ("Gunmen stormed a checkpoint last night.", "last night", "2015-10-26", D, R),
    ("A drone struck a market on Sunday, police said.", "on Sunday", "2015-10-25", D, R),
    ("Police said Monday that three men were arrested.", "Monday", "2015-10-26", D, R),
    ("Shelling resumed on Tuesday night in the old city.", "on Tuesday night", "2015-10-27", D, R),  # same day
    ("Protesters clashed with police this Tuesday in the old city.", "this Tuesday", "2015-10-27", D, R),  # same day
    ("Protesters clashed with police this Sunday in the old city.", "this Sunday", "2015-10-25", D, R),
    ("Troops withdrew on Monday morning.", "on Monday morning", "2015-10-26", D, R),
    ("Talks will resume next Tuesday in Geneva.", "next Tuesday", "2015-11-03", D, R),
    ("Four policemen were killed last week.", "last week", "2015-W43", W, R),
    ("Protests spread last month to Basra.", "last month", "2015-09", M, R),
    ("The offensive began last year.", "last year", "2014", Y, R),
    ("Attacks have doubled this year.", "this year", "2015", Y, R),
    ("Earlier this month, militants ambushed a patrol.", "Earlier this month", "2015-10", M, R),
    ("The village was shelled two weeks ago.", "two weeks ago", "2015-W42", W, R),
    ("The bodies were found three days ago.", "three days ago", "2015-10-24", D, R),
    ("The dam was captured 5 years ago.", "5 years ago", "2010", Y, R),
    # a count back with no number is a range of units before publication, never its day
    ("Herders raided the valley some months ago.", "some months ago", "2014-11/2015-08", RG, R),
    ("The depot burned a few weeks ago.", "a few weeks ago", "2015-W39/2015-W42", RG, R),
    ("The bridge was blown up years ago.", "years ago", "2004/2013", RG, R),
    ("Jets struck the city on 29 March last year.", "on 29 March last year", "2014-03-29", D, R),
    ("The siege began in March last year.", "March last year", "2014-03", M, R),
    ("The market was bombed on March 29.", "on March 29", "2015-03-29", D, R),
    ("A curfew was imposed on 29 November.", "on 29 November", "2014-11-29", D, R),
    ("The ceasefire collapsed in May.", "May", "2015-05", M, R),
    ("The rebels regrouped last summer.", "last summer", "2015-SU", S, R),
    ("Raids increased this spring.", "this spring", "2015-SP", S, R),
    ("Fighting stopped last March.", "last March", "2015-03", M, R),
    ("Fighting resumed in late October.", "late October", "2015-10-21/2015-10-31", RG, R),
    ("The town fell in mid-March.", "mid-March", "2015-03-11/2015-03-20", RG, R),
    ("The militia was formed in early 2014.", "early 2014", "2014-01-01/2014-04-30", RG, A),
    ("Troops will stay until the end of 2015.", "the end of 2015", "2015-10-01/2015-12-31", RG, A),
    ("Refugees crossed the border in the summer of 2014.", "the summer of 2014", "2014-SU", S, A),
    ("Talks collapsed in late 2012.", "late 2012", "2012-09-01/2012-12-31", RG, A),
    ("The airport was hit between 3 and 5 May 2015.", "between 3 and 5 May 2015", "2015-05-03/2015-05-05", RG, A),
    ("The siege lasted from January to March 2016.", "from January to March 2016", "2016-01/2016-03", RG, A),
    ("The city was besieged from 2012 to 2016.", "from 2012 to 2016", "2012/2016", RG, A),
    ("Convoys ran from 3 May to 5 June 2015.", "from 3 May to 5 June 2015", "2015-05-03/2015-06-05", RG, A),
    ("The camp was set up in the 1990s.", "the 1990s", "199", DEC, A),
    ("Nobody has forgotten the war of 1967.", "1967", "1967", Y, A),
    ("The truce held from November to February.", "from November to February", "2014-11/2015-02", RG, R),
    ("The unit was disbanded late last year.", "late last year", "2014-09-01/2014-12-31", RG, R),
    ("Four civilians died last weekend.", "last weekend", "2015-10-24/2015-10-25", RG, R),
    ("The raids began late last week.", "late last week", "2015-10-23/2015-10-25", RG, R),
    ("Elections are due next month.", "next month", "2015-11", M, R),
    ("The region was devastated by the 2014-16 war.", "2014-16", "2014/2016", RG, A),
    ("On Sunday Israeli jets struck a house in Gaza.", "On Sunday", "2015-10-25", D, R),
    ("Police said Tuesday's blast wounded nine.", "Tuesday", "2015-10-27", D, R),  # publication day
    ("Militants attacked the base early Monday.", "early Monday", "2015-10-26", D, R),
    ("Aid convoys resumed on 14th March.", "on 14th March", "2015-03-14", D, R),
    ("Jets bombed the airport on Sept. 3, 2014.", "on Sept. 3, 2014", "2014-09-03", D, A),
    ("Profits fell in the third quarter.", "the third quarter", "2015-07/2015-09", RG, R),
    ("Profits fell in the fourth quarter.", "the fourth quarter", "2015-10/2015-12", RG, R),  # Q4 2015 has begun
    ("Profits fell in the first quarter of 2013.", "the first quarter of 2013", "2013-01/2013-03", RG, A),
    ("Profits fell in last year's second quarter.", "last year's second quarter", "2014-04/2014-06", RG, R),
    ("Fuel is now scarce in the city.", "now", "2015-10-27", D, R),
    ("Some 300 families currently live in the camp.", "currently", "2015-10-27", D, R),
]


def test_a_day_naming_a_movement_is_no_time() -> None:
    assert times_of("Fighters of the March 23 Movement attacked the town.") == []
    assert [t.text for t in times_of("Residents mourned the March 23 attack on the town.")] == ["March 23"]


@pytest.mark.parametrize(("text", "words", "value", "precision", "basis"), SINGLE_CASES)
def test_times_reads_expression(text: str, words: str, value: str, precision: Precision, basis: TimeBasis) -> None:
    time = only(text)
    assert (time.text, time.value, time.precision, time.basis) == (words, value, precision, basis)
    assert time.evidence[0].text == words
    assert text[time.evidence[0].start : time.evidence[0].end] == words


@pytest.mark.parametrize(
    "text",
    [
        "The fighting lasted for three days.",
        "Rescuers worked for 24 hours without rest.",
        "A two-year-old girl was among the injured.",
        "Worshippers gathered after the noon prayer.",
        "Verse 3:16 was read aloud at the funeral.",
        "Some 1,200 fighters took part in the assault.",
        "The blast killed a total of 2000 people.",
        "Officials say 1500 families fled to the camps.",
        "A statement issued 03/04/2015 confirmed the raid.",
        "Witnesses said troops fired at the crowd after the fall of Mosul.",
        "Prayers were held on Good Friday in the cathedral.",
        "The Sunday Times reported the raid.",
        "Protesters may march to the ministry.",
        "The brigade's 1st battalion moved 30 km north.",
        "2012-08-S-012 For Immediate Release",
        "Reporters met outside the Sunday Times offices.",
        "The now-detained commander ran the cell.",
        "Jones and 1996 Olympians spoke.",
    ],
)
def test_times_skips_durations_clock_times_ages_and_counts(text: str) -> None:
    assert times_of(text) == []


def test_times_attaches_clock_time_to_its_day_only() -> None:
    time = only("At 3 pm on Sunday, gunmen opened fire on worshippers.")
    assert (time.text, time.value, time.precision) == ("3 pm on Sunday", "2015-10-25", Precision.DAY)


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("Shelling began at 3 p.m. Tuesday near the port.", "3 p.m. Tuesday", "2015-10-27"),
        ("The convoy left Monday at 10:30 a.m. under escort.", "Monday at 10:30 a.m.", "2015-10-26"),
        ("The curfew starts at 9 pm today in the old city.", "9 pm today", "2015-10-27"),
        ("Guards were attacked Sunday night at the gate.", "Sunday night", "2015-10-25"),
    ],
)
def test_times_clock_times_keep_their_day_as_value(text: str, words: str, value: str) -> None:
    time = only(text)
    assert (time.text, time.value, time.precision, time.basis) == (words, value, Precision.DAY, TimeBasis.RELATIVE)


@pytest.mark.parametrize(("words", "expected"), [
    ("3 p.m. Tuesday", "15:00"), ("Monday at 10:30 a.m.", "10:30"), ("12 am Friday", "00:00"),
    ("noon Sunday", "12:00"), ("9 pm today", "21:00"), ("Sunday night", None)])
def test_clock_of_reads_hours_as_timeml_writes_them(words: str, expected: str | None) -> None:
    assert clock_of(words) == expected


@pytest.mark.parametrize(("text", "words", "reference"), [
    ("Attacks on the road have risen recently, officials said.", "recently", "PAST_REF"),
    ("Such raids were rare in the past, elders said.", "the past", "PAST_REF"),
    ("The ministry said it would reopen the crossing soon.", "soon", "FUTURE_REF"),
    ("Peace may come in the future, the envoy said.", "the future", "FUTURE_REF"),
])
def test_times_past_and_future_references_stay_unresolved(text: str, words: str, reference: str) -> None:
    time = only(text)
    assert (time.text, time.value, time.start, time.precision, time.basis) == (
        words, None, None, Precision.UNKNOWN, TimeBasis.UNRESOLVED)
    assert time_reference(time.text) == reference


@pytest.mark.parametrize("text", [
    "Over the past two years the town changed hands twice.",
    "The past week was calm along the front.",
    "Aid will arrive as soon as the road opens.",
    "The future-oriented plan was shelved.",
])
def test_times_past_and_future_words_that_are_not_references(text: str) -> None:
    assert all(time_reference(t.text) is None for t in times_of(text))


def test_times_a_year_earlier_counts_from_the_previous_time() -> None:
    times = times_of("Output fell in June 2014. A year earlier it had doubled. Two months later it recovered.")
    assert [(t.text, t.value, t.precision, t.basis) for t in times] == [
        ("June 2014", "2014-06", Precision.MONTH, TimeBasis.ABSOLUTE),
        ("A year earlier", "2013", Precision.YEAR, TimeBasis.INHERITED),
        ("Two months later", "2014-08", Precision.MONTH, TimeBasis.INHERITED)]


def test_times_previous_day_counts_from_the_previous_day() -> None:
    times = times_of("Troops entered the town on 3 March 2014. The previous day, jets had bombed it.")
    assert [(t.text, t.value) for t in times] == [("on 3 March 2014", "2014-03-03"), ("The previous day", "2014-03-02")]


def test_times_a_year_earlier_without_earlier_time_counts_from_publication() -> None:
    time = only("A year earlier, the district was quiet.")
    assert (time.value, time.basis) == ("2014", TimeBasis.RELATIVE)


def test_times_a_year_before_a_clause_is_not_a_time() -> None:
    assert times_of("The raid came a year before the elections were held.") == []


def test_times_inherits_year_from_previous_sentence() -> None:
    times = times_of("Jets struck the market on 29 March 2015. It happened again in May.")
    assert [(t.value, t.basis) for t in times] == [("2015-03-29", A), ("2015-05", INH)]


def test_times_inherits_year_from_relative_year_expression() -> None:
    text = "Airstrikes on 29 March last year killed 40 people. It happened again in May."
    times = times_of(text, "2016-02-10")
    assert [(t.value, t.basis) for t in times] == [("2015-03-29", R), ("2015-05", INH)]
    assert times[0].evidence[0].text == "on 29 March last year"


def test_times_inherited_year_beats_publication_year() -> None:
    times = times_of("Rebels took the town on 4 June 2012. On 9 July they lost it.")
    assert times[1].value == "2012-07-09"
    assert times[1].basis is INH


def test_times_the_same_day_written_again_is_the_same_day_whatever_year_came_between() -> None:
    text = ("Police broke up the rally on 14 May. The movement had fought the army between 1996 and 2006. "
            "The 14 May clashes left two dead.")
    times = times_of(text, "2025-05-15")
    assert [t.value for t in times] == ["2025-05-14", "1996/2006", "2025-05-14"]
    # another day without a year still takes the year the text was just speaking of
    other = times_of("Police broke up the rally on 14 May. The war ended in 2006. On 3 June it resumed.", "2025-05-15")
    assert other[-1].value == "2006-06-03"


def test_times_a_feast_on_a_fixed_day_is_that_day() -> None:
    # told on 1 January, New Year's Eve is the day before, not the next one
    [eve] = times_of("Rebels attacked the village on New Year's Eve.", "2021-01-01")
    assert (eve.value, eve.evidence[0].text) == ("2020-12-31", "on New Year's Eve")
    [day] = times_of("The church was bombed on Christmas Day 2019.", "2021-01-01")
    assert day.value == "2019-12-25"


def test_times_decade_does_not_give_its_year_to_later_dates() -> None:
    times = times_of("The camp dates from the 1990s. It was shelled in May.")
    assert times[1].value == "2015-05"
    assert times[1].basis is R


def test_times_following_day_counts_from_previous_day_in_text() -> None:
    times = times_of("A car bomb exploded on 3 May 2015. The next day a second bomb hit the market; "
                     "three days later the town fell.")
    assert [(t.text, t.value, t.basis) for t in times] == [
        ("on 3 May 2015", "2015-05-03", A), ("The next day", "2015-05-04", INH), ("three days later", "2015-05-07", INH)]


def test_times_following_day_without_earlier_day_is_skipped() -> None:
    assert times_of("The next day, troops withdrew from the town.") == []


def test_times_this_winter_in_december_is_the_winter_under_way() -> None:
    time = only("Fuel ran short this winter in the camps.", "2015-12-10")
    assert (time.value, time.start, time.end) == ("2016-WI", "2015-12-01", "2016-02-29")


def test_times_day_month_after_publication_takes_previous_year() -> None:
    time = only("The ceasefire was signed on 12 December.", "2016-02-01")
    assert (time.value, time.basis) == ("2015-12-12", R)


def test_times_bare_weekday_of_publication_day_is_that_day() -> None:
    # 2015-10-25 is a Sunday. Wire style names the weekday instead of "today"; "last Sunday" is a week back.
    assert only("A bomb exploded on Sunday.", "2015-10-25").value == "2015-10-25"
    assert only("A bomb exploded today.", "2015-10-25").value == "2015-10-25"
    assert only("A bomb exploded last Sunday.", "2015-10-25").value == "2015-10-18"
    assert only("Talks resume next Sunday.", "2015-10-25").value == "2015-11-01"


@pytest.mark.parametrize(
    "text",
    ["Two soldiers were killed yesterday.", "A drone struck on Sunday.", "The siege began in March last year.",
     "The ceasefire collapsed in May.", "Four policemen were killed last week.", "Protests spread earlier this month."],
)
def test_times_without_publication_date_are_unresolved(text: str) -> None:
    time = only(text, None)
    assert time.basis is U
    assert (time.value, time.start, time.end) == (None, None, None)
    assert time.precision is not Precision.UNKNOWN


def test_times_unresolved_keeps_would_be_precision() -> None:
    times = times_of("Shelling began yesterday and intensified last month.", None)
    assert [t.precision for t in times] == [D, M]


def test_times_absolute_dates_need_no_publication_date() -> None:
    time = only("The convoy was hit on 27 October 2015.", None)
    assert (time.value, time.basis) == ("2015-10-27", A)


def test_times_bounds_are_inclusive_calendar_dates() -> None:
    time = only("Airstrikes intensified in February 2016.")
    assert (time.start, time.end) == ("2016-02-01", "2016-02-29")
    week = only("Four policemen were killed last week.")
    assert (week.start, week.end) == ("2015-10-19", "2015-10-25")


def test_times_earlier_this_month_ends_before_publication() -> None:
    time = only("Earlier this month, militants ambushed a patrol.")
    assert (time.start, time.end) == ("2015-10-01", "2015-10-26")


def test_times_are_in_text_order_with_exact_evidence() -> None:
    text = ("On Sunday, jets struck Idlib; on 3 May 2015 and again in late June the town was shelled, "
            "a year after fighting began in 2014.")
    ann = plain(text)
    times = extract_times(ann, published=PUB)
    assert [t.text for t in times] == ["On Sunday", "on 3 May 2015", "late June", "2014"]
    assert check_evidence(text, [ev for t in times for ev in t.evidence]) == []
    assert [t.evidence[0].start for t in times] == sorted(t.evidence[0].start for t in times)


def test_times_records_carry_stable_id_and_extractor() -> None:
    time = only("The convoy was hit on 27 October 2015.")
    assert time.id == stable_id("tm", "2015-10-27", "2015-10-27", "2015-10-27")
    assert time.extractor == "times@5"
    assert only("The convoy was hit on 27 October 2015.").id == time.id


def test_times_bare_year_needs_a_date_entity() -> None:
    text = "The 2014 offensive killed dozens."
    assert times_of(text) == []
    assert [t.value for t in times_of(text, PUB, ("2014", "DATE"))] == ["2014"]


def test_times_cardinal_entity_vetoes_a_year() -> None:
    text = "Aid reached a total of 2015 households by October."
    assert [t.text for t in times_of(text, PUB, ("2015", "CARDINAL"))] == ["October"]


def test_times_listed_months_are_each_a_time() -> None:
    times = times_of("Attacks peaked in January and March, and again in April, May and June.")
    assert [t.value for t in times] == ["2015-01", "2015-03", "2015-04", "2015-05", "2015-06"]


def test_times_two_days_joined_by_and_are_not_a_range() -> None:
    times = times_of("Markets were bombed on 3 May and 5 June 2015.")
    assert [t.value for t in times] == ["2015-05-03", "2015-06-05"]


def test_time_at_finds_the_time_under_a_character() -> None:
    text = "Two soldiers were killed yesterday in Daraa."
    times = extract_times(plain(text), published=PUB)
    assert time_at(times, text.index("yesterday") + 3) is times[0]
    assert time_at(times, 0) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-10-27", dt.date(2015, 10, 27)),
        ("2015-10-27T08:30:00Z", dt.date(2015, 10, 27)),
        ("2015-10-27 08:30:00+03:00", dt.date(2015, 10, 27)),
        ("27 October 2015", dt.date(2015, 10, 27)),
        ("Oct. 27, 2015", dt.date(2015, 10, 27)),
        (dt.date(2015, 10, 27), dt.date(2015, 10, 27)),
        (dt.datetime(2015, 10, 27, 23, 59), dt.date(2015, 10, 27)),
        ("yesterday", None),
        ("not a date", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_published_is_lenient_but_never_guesses(value: object, expected: dt.date | None) -> None:
    assert parse_published(value) == expected  # type: ignore[arg-type]


# --------------------------------------------------------------------------- calendar helpers


def test_calendar_winter_spans_the_new_year() -> None:
    winter = cal.season_period(2016, "WI")
    assert (winter.value, winter.start, winter.end) == ("2016-WI", dt.date(2015, 12, 1), dt.date(2016, 2, 29))


def test_calendar_iso_week_across_year_boundary() -> None:
    week = cal.week_period(dt.date(2016, 1, 1))
    assert (week.value, week.start, week.end) == ("2015-W53", dt.date(2015, 12, 28), dt.date(2016, 1, 3))


@pytest.mark.parametrize(
    ("part", "start", "end"),
    [("early", dt.date(2015, 2, 1), dt.date(2015, 2, 10)), ("mid", dt.date(2015, 2, 11), dt.date(2015, 2, 20)),
     ("late", dt.date(2015, 2, 21), dt.date(2015, 2, 28))],
)
def test_calendar_parts_of_a_month(part: str, start: dt.date, end: dt.date) -> None:
    period = cal.part_of(cal.month_period(2015, 2), part)
    assert (period.precision, period.start, period.end) == (Precision.RANGE, start, end)


def test_calendar_weekday_before_skips_the_anchor_day() -> None:
    sunday = dt.date(2015, 10, 25)
    assert cal.weekday_near(sunday, 6) == dt.date(2015, 10, 18)
    assert cal.weekday_near(sunday, 5) == dt.date(2015, 10, 24)
    assert cal.weekday_near(sunday, 6, forward=True) == dt.date(2015, 11, 1)
    assert cal.weekday_near(sunday, 6, same_day=True) == sunday
    assert cal.weekday_near(sunday, 5, same_day=True) == dt.date(2015, 10, 24)


def test_calendar_shift_month_crosses_years() -> None:
    assert cal.shift_month(2015, 1, -1) == (2014, 12)
    assert cal.shift_month(2015, 11, 3) == (2016, 2)


# --------------------------------------------------------------------------- with the real pipeline


@pytest.mark.slow
def test_times_on_annotated_wire_report(annotate) -> None:
    text = ("KABUL, Afghanistan (Jan. 25, 2013) - Soldiers shot dead two gunmen at a checkpoint "
            "Thursday in Helmand province. The 2012 fighting season was the worst since 2009, officials said, "
            "and 1,200 fighters remain in the district.")
    times = extract_times(annotate(text), published="2013-01-25")
    assert [(t.text, t.value, t.basis) for t in times] == [
        ("Jan. 25, 2013", "2013-01-25", A), ("Thursday", "2013-01-24", R), ("2012", "2012", A), ("2009", "2009", A)]


@pytest.mark.slow
def test_times_on_annotated_story_with_inherited_year(annotate) -> None:
    text = ("Saudi-led jets bombed the port on 29 March last year, killing 40 people, the Fars news agency "
            "reported. It happened again in May. March organisers said on Sunday that protesters would march.")
    times = extract_times(annotate(text), published="2016-02-10")
    assert [(t.text, t.value, t.basis) for t in times] == [
        ("on 29 March last year", "2015-03-29", R), ("May", "2015-05", INH), ("on Sunday", "2016-02-07", R)]


@pytest.mark.slow
def test_a_year_naming_a_car_model_or_a_house_number_is_no_time(annotate) -> None:
    text = ("A man in a red 1991 Pontiac fired at the crowd. Their 2008 Toyota broke down near the border. "
            "His 2009 conviction was overturned. Henry, 19, of 1935 Orchard St., was arrested.")
    assert [t.text for t in extract_times(annotate(text), published="2016-02-10")] == ["2009"]


# --------------------------------------------------------------------------- traps from issue 3


@pytest.mark.parametrize(
    "text",
    [
        "Thousands joined the march on Baghdad, organisers said.",
        "The March on Washington was remembered by veterans.",
        "Officials say the talks may resume, but May herself declined to comment.",
        "The ceasefire held for a year before the fighting resumed.",
    ],
)
def test_times_ignores_march_the_noun_may_the_verb_and_durations(text: str) -> None:
    assert [t.text for t in times_of(text)] == []


def test_times_keeps_quoted_dates_as_times_of_their_own() -> None:
    # A date inside a quote is still a time; whether it dates an event is the events stage's business.
    times = times_of('"We were attacked on 3 May," he said on Tuesday.')
    assert [(t.text, t.value) for t in times] == [("on 3 May", "2015-05-03"), ("on Tuesday", "2015-10-27")]


@pytest.mark.parametrize(("text", "words", "value", "basis"), [
    ("Shelling began at 3 a.m. near the port.", "3 a.m.", "2015-10-27", R),
    ("The boy, 12, was shot at 3 pm.", "3 pm", "2015-10-27", R),
    ("The talks broke up at noon without a deal.", "noon", "2015-10-27", R),
])
def test_times_bare_clock_time_is_on_the_publication_day(text: str, words: str, value: str, basis: TimeBasis) -> None:
    time = only(text)
    assert (time.text, time.value, time.precision, time.basis) == (words, value, D, basis)


def test_times_bare_clock_time_is_on_the_day_named_before_it() -> None:
    times = times_of("On Sunday the convoy left Tikrit. At 11:30 p.m. it was ambushed, and at 2 a.m. it turned back.")
    assert [(t.text, t.value, t.basis) for t in times] == [
        ("On Sunday", "2015-10-25", R), ("11:30 p.m.", "2015-10-25", INH), ("2 a.m.", "2015-10-25", INH)]
    assert [clock_of(t.text) for t in times] == [None, "23:30", "02:00"]


def test_times_bare_clock_time_without_anchor_is_unresolved() -> None:
    time = only("Shelling began at 3 a.m. near the port.", None)
    assert (time.text, time.value, time.basis) == ("3 a.m.", None, U)


@pytest.mark.parametrize(("text", "words", "value", "precision", "published"), [
    ("The base was built in '09 and handed over in 2014.", "'09", "2009", Y, PUB),
    ("The checkpoint has stood since '98.", "'98", "1998", Y, PUB),
    ("Sectarian killings peaked in the '90s.", "the '90s", "199", DEC, PUB),
    ("The militia was formed in the '20s.", "the '20s", "192", DEC, "2019-06-01"),
])
def test_times_two_digit_years_take_the_century_up_to_publication(
        text: str, words: str, value: str, precision: Precision, published: str) -> None:
    time = times_of(text, published)[0]
    assert (time.text, time.value, time.precision, time.basis) == (words, value, precision, R)


def test_times_two_digit_year_without_publication_is_unresolved() -> None:
    assert [(t.text, t.basis) for t in times_of("The base was built in '09.", None)] == [("'09", U)]


@pytest.mark.parametrize(("text", "words", "value"), [
    ("Military aid rose sharply in fiscal 2012.", "fiscal 2012", "2012"),
    ("The budget for fiscal year 2014 was cut.", "fiscal year 2014", "2014"),
    ("Congress approved the FY2013 request.", "FY2013", "2013"),
])
def test_times_fiscal_year_is_the_year_it_names(text: str, words: str, value: str) -> None:
    time = only(text)
    assert (time.text, time.value, time.precision, time.basis) == (words, value, Y, A)


def test_times_fiscal_year_is_not_inherited_by_later_months() -> None:
    times = times_of("Spending will rise in fiscal 2016. The cuts were announced in April.")
    assert [(t.text, t.value, t.basis) for t in times] == [("fiscal 2016", "2016", A), ("April", "2015-04", R)]


@pytest.mark.parametrize(("text", "inherits"), [
    ("Pakistan has fought militants since 2009, when troops moved into Swat. Attacks rose again in May.", False),
    ("More than 171,000 people have died since the uprising began in March 2011. The count was raised in May.",
     False),
    ("It is the largest operation since the U.S. withdrawal in 2011. The push was planned in May.", False),
    ("The offensive began in 2012. Government forces retook the town in May.", True),
])
def test_times_year_that_opens_a_span_to_now_is_not_inherited(text: str, inherits: bool) -> None:
    may = times_of(text)[-1]
    assert (may.text, may.value, may.basis) == (("May", "2012-05", INH) if inherits else ("May", "2015-05", R))


@pytest.mark.parametrize(("text", "words", "start", "end"), [
    ("Abadi vowed to retake the city before the end of the year.", "the end of the year", "2015-10-01", "2015-12-31"),
    ("The pullout should be finished by the end of the month.", "the end of the month", "2015-10-21", "2015-10-31"),
    ("Twelve soldiers were killed in clashes over the weekend.", "the weekend", "2015-10-24", "2015-10-25"),
])
def test_times_parts_of_the_current_period_and_the_weekend(text: str, words: str, start: str, end: str) -> None:
    time = only(text)
    assert (time.text, time.start, time.end, time.basis) == (words, start, end, R)


def test_times_clock_time_before_a_date_is_part_of_it() -> None:
    time = only("A suicide bomber struck a market in Peshawar at 10 a.m. June 4, police said.")
    assert (time.text, time.value, time.precision, clock_of(time.text)) == ("10 a.m. June 4", "2015-06-04", D, "10:00")


@pytest.mark.slow
@pytest.mark.parametrize(("text", "words", "value"), [
    ("The Security Council is due to discuss aid deliveries on Monday.", "on Monday", "2015-11-02"),
    ("The envoy is expected to brief the council on the agreement on Thursday.", "on Thursday", "2015-10-29"),
    ("Talks will resume on Tuesday in Geneva.", "on Tuesday", "2015-11-03"),
    ("A vote in parliament is scheduled for November 26.", "November 26", "2015-11-26"),
    ("The offensive began in 2012. Elections will be held in May.", "May", "2016-05"),
])
def test_times_future_tense_reads_weekdays_and_dates_forward(annotate, text: str, words: str, value: str) -> None:
    time = extract_times(annotate(text), published=PUB)[-1]
    assert (time.text, time.value, time.basis) == (words, value, R)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "words", "value"), [
    ("The talks were expected to resume on Friday.", "on Friday", "2015-10-23"),
    ("Gunmen stormed the checkpoint on Monday, police said.", "on Monday", "2015-10-26"),
    ("A vote had been scheduled for November 26.", "November 26", "2014-11-26"),
])
def test_times_past_tense_keeps_weekdays_and_dates_backward(annotate, text: str, words: str, value: str) -> None:
    time = extract_times(annotate(text), published=PUB)[-1]
    assert (time.text, time.value) == (words, value)


def test_times_without_anchor_are_unresolved_never_today() -> None:
    for text in ("Two soldiers were killed yesterday.", "The town fell in May.", "Jets struck on Sunday."):
        time = only(text, None)
        assert (time.value, time.start, time.end, time.basis) == (None, None, None, U)


def test_times_month_after_year_sentence_inherits_not_publication_year() -> None:
    times = times_of("The offensive began in 2012. Government forces retook the town in May.", "2015-10-27")
    assert [(t.value, t.basis) for t in times] == [("2012", A), ("2012-05", INH)]


# --------------------------------------------------------------------------- datelines (the publication anchor)


@pytest.mark.parametrize(
    ("header", "date", "kind"),
    [
        ("KABUL, Afghanistan (Aug. 6, 2012)\nTroops detained two men.", "2012-08-06", "dateline"),
        ("2012-08-S-012\nFor Immediate Release\nKABUL, Afghanistan (Aug. 6)\nTroops detained two men.",
         "2012-08-06", "dateline"),
        # A January dateline under a December release id belongs to the next year.
        ("2010-12-S-300\nKABUL, Afghanistan (Jan. 2) - Troops detained two men.", "2011-01-02", "dateline"),
        ("May 11: Afghan-ISAF Operations in the South\nISAF Joint Command\n2010-05-CA-039\nTroops detained two men.",
         "2010-05-11", "title"),
        ("LONDON, March 3, 2014 (Reuters) - Police arrested two men.", "2014-03-03", "dateline"),
        ("LAGOS, May 4, 2021 - Police arrested two men.", "2021-05-04", "dateline"),
        ("LAGOS, Nigeria, May 4, 2021 — Police arrested two men.", "2021-05-04", "dateline"),
        ("Morning Update, Feb. 8, 2011\nTroops detained two men.", "2011-02-08", "first_line"),
    ],
)
def test_find_dateline_reads_the_publication_anchor(header: str, date: str, kind: str) -> None:
    dateline = find_dateline(header)
    assert dateline is not None
    assert (dateline.date.isoformat() if dateline.date else None, dateline.kind) == (date, kind)
    assert header[dateline.body_start:].lstrip(" -–\n").startswith(("Troops", "Police", "ISAF"))


@pytest.mark.parametrize("header", [
    "Updated at 9:15 a.m. on Friday, June 2, 2023. Police detained two men.",
    "Posted by the desk on June 2, 2023\nPolice detained two men.",
    "Friday 2 June 2023\nPolice detained two men.",
    "June 2, 2023, 7:40 PM\nPolice detained two men.",
])
def test_find_dateline_a_dated_first_line_of_the_page(header: str) -> None:
    dateline = find_dateline(header)
    assert dateline is not None and dateline.kind == "first_line" and str(dateline.date) == "2023-06-02"


@pytest.mark.parametrize(("header", "language"), [
    # a photo caption on top of the story tells its own day: the picture's, not the page's
    ("Mourners carry coffins after a bombing at a bus station in Lorvane on June 2, 2019. - Photo agency\n"
     "Gunmen killed two people on Sunday.", "en"),
    ("L'embuscade, survenue le 2 juin 2019 près de Vessiat, a coûté la vie à trois gardes.\n"
     "Des hommes armés ont tué deux personnes dimanche.", "fr"),
])
def test_find_dateline_a_sentence_on_the_first_line_is_no_dateline(header: str, language: str) -> None:
    from sitrep.lang import load_lexicon

    assert find_dateline(header, lexicon=load_lexicon(language)) is None


def test_find_dateline_without_any_year_leaves_the_date_unknown() -> None:
    dateline = find_dateline("KABUL, Afghanistan (Dec. 5)\nTroops detained two men today.")
    assert dateline is not None and dateline.date is None
    assert find_dateline("Troops detained two men today in Kabul.") is None
    assert find_dateline("BAGHDAD (Reuters) - Police said two men were arrested.") is None


def test_pipeline_dateline_date_uses_release_id_year() -> None:
    from sitrep.pipeline import dateline_date

    assert dateline_date("2011-02-S-118\nKABUL, Afghanistan (Feb. 17)\nTroops left.") == "2011-02-17"
    assert dateline_date("KABUL, Afghanistan (Feb. 17)\nTroops left.") is None


def test_find_dateline_release_id_alone_gives_the_month() -> None:
    dateline = find_dateline("ISAF Joint Command\n2011-07-S-039\nFor Immediate Release\n\nTroops detained two men.")
    assert dateline is not None
    assert (dateline.kind, dateline.date, dateline.known_month) == ("release_id", None, (2011, 7))
    dated = find_dateline("KABUL, Afghanistan (Aug. 6, 2012)\nTroops left.")
    assert dated is not None and dated.known_month == (2012, 8)


def test_times_relative_to_a_release_month_are_ranges_covering_both_ends() -> None:
    text = "2011-07-S-039\nFor Immediate Release\nTroops detained two men yesterday and three on 4 July."
    times = times_of(text, None)
    assert [(t.text, t.value, t.precision, t.basis) for t in times] == [
        ("yesterday", "2011-06-30/2011-07-30", Precision.RANGE, TimeBasis.RELATIVE),
        ("on 4 July", "2011-07-04", Precision.DAY, TimeBasis.RELATIVE),
    ]


def test_times_without_publication_or_release_id_stay_unresolved() -> None:
    times = times_of("Troops detained two men yesterday.", None)
    assert [(t.value, t.basis) for t in times] == [(None, TimeBasis.UNRESOLVED)]


def test_times_quarter_not_begun_by_publication_is_last_years() -> None:
    time = only("Profits fell in the fourth quarter.", "2015-02-10")
    assert (time.value, time.start, time.end) == ("2014-10/2014-12", "2014-10-01", "2014-12-31")


def test_times_year_after_a_year_and_and() -> None:
    times = times_of("Output rose in 1995 and 1996 but fell in 1997 or 1998.")
    assert [(t.text, t.value) for t in times] == [("1995", "1995"), ("1996", "1996"), ("1997", "1997"), ("1998", "1998")]


@pytest.mark.parametrize("code", languages())
def test_times_every_day_word_is_scanned_by_the_trigger(code: str) -> None:
    """The rules only run around the trigger's words, so a day word the trigger misses is never read
    ("this morning" was silently skipped while "morning" was not a trigger word)."""
    w = times_words(load_lexicon(code))
    missed = [word for word in w.day_words if not (w.trigger.search(word) or w.trigger.search(word.capitalize()))]
    assert not missed


@pytest.mark.parametrize(("text", "words"), [
    ("Coalition aircraft struck a convoy in Takhar province this morning.", "this morning"),
    ("The market was shelled this afternoon, officials said.", "this afternoon"),
])
def test_times_parts_of_today_are_the_publication_day(text: str, words: str) -> None:
    t = only(text)
    assert (t.text, t.value, t.precision) == (words, PUB, Precision.DAY)


def test_times_is_to_reads_the_weekday_forward(annotate) -> None:
    """"is to be voted on Thursday" is arranged: the coming Thursday; "was to" stays in the past."""
    ahead = extract_times(annotate("The bill is to be voted on Thursday."), published=PUB)
    back = extract_times(annotate("The bill was to be voted on Thursday."), published=PUB)
    assert [t.value for t in ahead] == ["2015-10-29"] and [t.value for t in back] == ["2015-10-22"]


@pytest.mark.parametrize(("published", "start"), [
    ("2015-10-24", "2015-10-24"),  # a Saturday paper: the weekend it is in
    ("2015-10-25", "2015-10-24"),  # a Sunday paper
    ("2015-10-28", "2015-10-24"),  # a Wednesday paper: the weekend before
])
def test_times_the_weekend_of_a_weekend_paper_is_that_weekend(published: str, start: str) -> None:
    time = only("Twelve soldiers were killed in clashes over the weekend.", published=published)
    assert (time.start, time.end) == (start, "2015-10-25")


def test_a_year_inside_a_name_is_no_time() -> None:
    # the model tags the year of "the Finance Bill 2024" a date
    assert times_of("Protesters opposing the Finance Bill 2024 marched to parliament.", PUB, ("2024", "DATE")) == []
    # a clock time on the 24-hour clock is no year
    assert times_of("The shelling began at 0005 local time (2005 GMT).", PUB, ("2005", "DATE")) == []
    assert times_of("The patrol came under fire at 2130 hours.", PUB, ("2130", "DATE")) == []
    assert [t.value for t in times_of("The talks ended in 2024.", PUB, ("2024", "DATE"))] == ["2024"]
