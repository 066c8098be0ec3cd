"""Time rules for expressions that need an anchor: the publication date ("yesterday", "on Tuesday", "last
week", "two months ago", "this year"), the previous time in the text ("a year earlier", "the next day"), and
the time of writing ("now", "recently", "soon"), plus clock times ("3 p.m. Tuesday", "at 3 a.m.").
The words a reader compares against are the language's tables (``TimesWords``).
"""

from __future__ import annotations

import datetime as dt
import re

from sitrep.extract.times import periods as cal
from sitrep.extract.times.found import (
    UNITS,
    Found,
    YearRef,
    found_at,
    group,
    number_of,
    part_name,
    precision_of,
    unit_of,
    with_part,
)
from sitrep.extract.times.words import TimesWords, normal
from sitrep.model import Precision


def read_relative_year(m: re.Match[str], w: TimesWords) -> Found | None:
    ref = YearRef("offset", w.year_offsets[m.group("r").lower()])
    build = with_part(w, m, cal.year_period)
    if group(m, "earlier") and ref.n == 0:  # "earlier this year" ends before publication
        return found_at(m, precision=Precision.YEAR,
                        anchored=lambda pub: cal.clip_before(cal.year_period(pub.year), pub))
    return found_at(m, precision=precision_of(w, m, Precision.YEAR), year=ref, build=build)


def read_relative_unit(m: re.Match[str], w: TimesWords) -> Found | None:
    """"last week", "this month", "earlier this week", "late last month", "last weekend"."""
    offset, unit, part = w.year_offsets[m.group("r").lower()], unit_of(w, m), part_name(w, m)
    if unit == "weekend":
        return found_at(m, precision=Precision.RANGE,
                        anchored=lambda pub: cal.weekend_near(pub, forward=offset > 0, containing=offset == 0))
    if group(m, "earlier") and offset == 0:
        return found_at(m, precision=UNITS[unit], anchored=lambda pub: cal.clip_before(cal.shifted(pub, unit, 0), pub))
    return found_at(m, precision=Precision.RANGE if part else UNITS[unit],
                    anchored=lambda pub: cal.part_of(cal.shifted(pub, unit, offset), part))


def read_ago(m: re.Match[str], w: TimesWords) -> Found | None:
    n, unit = number_of(w, m, "n"), unit_of(w, m)
    return found_at(m, precision=UNITS[unit], anchored=lambda pub: cal.shifted(pub, unit, -n))


def read_vague_ago(m: re.Match[str], w: TimesWords) -> Found | None:
    """ "some months ago", "a few weeks ago", "years ago": a range of units before publication, never the day of
    the news."""
    unit = unit_of(w, m)
    low, high = w.vague_counts[normal(group(m, "q") or "")]
    return found_at(m, precision=Precision.RANGE,
                    anchored=lambda pub: cal.span(cal.shifted(pub, unit, -high), cal.shifted(pub, unit, -low)))


def read_day_word(m: re.Match[str], w: TimesWords) -> Found | None:
    back = w.day_words[normal(m.group("w"))]
    return found_at(m, precision=Precision.DAY, anchored=lambda pub: cal.shifted(pub, "day", back))


def read_day_this_month(m: re.Match[str], w: TimesWords) -> Found | None:
    """A day of the publication's month with no month named ("le 3 courant"); a day the month does not have
    is no date."""
    day = int(m.group("d"))
    if not 1 <= day <= 31:
        return None

    def anchored(pub: dt.date) -> cal.Period | None:
        return cal.day_period(pub.replace(day=day)) if cal.valid_day(pub.month, day, pub.year) else None

    return found_at(m, precision=Precision.DAY, anchored=anchored)


_CAPITAL_AFTER = re.compile(r"\s+(?-i:[A-Z][a-z])")


def read_weekday(m: re.Match[str], w: TimesWords) -> Found | None:
    text, start = m.string, m.start("wd")
    before = w.name_before_weekday.search(text, max(0, start - 12), start)
    if before and (before.group().lower().strip() not in w.weekday_articles
                   or _CAPITAL_AFTER.match(text, m.end("wd"))):
        return None  # "Good Friday", "the Sunday Times"; but "On Sunday Israeli jets..." is a date
    weekday, rel = w.weekdays[m.group("wd").lower()], normal(group(m, "rel") or "")
    # "last Monday" said on a Monday is a week ago; "Monday" and "this Monday" are today; "next Monday" is after
    # publication
    forward = bool(rel) and w.relative_names[rel] == "upcoming"
    same_day = not rel or w.relative_names[rel] == "this"
    last = group(m, "wd2")
    apart = (w.weekdays[last.lower()] - weekday) % 7 if last else 0
    if apart > 1:
        # "between Sunday and Wednesday": the days from the first to the last (two days in a row are dated like
        # a night, by the first)
        last_day = w.weekdays[last.lower()]
        return found_at(m, precision=Precision.RANGE, anchored=lambda pub: cal.date_range(
            cal.weekday_near(pub, last_day, same_day=True) - dt.timedelta(days=apart),
            cal.weekday_near(pub, last_day, same_day=True)))
    return found_at(m, precision=Precision.DAY, weekday=weekday if same_day else None,
                    anchored=lambda pub: cal.day_period(cal.weekday_near(pub, weekday, forward=forward,
                                                                         same_day=same_day)))


def read_present(m: re.Match[str], w: TimesWords) -> Found | None:
    return found_at(m, precision=Precision.DAY, anchored=cal.day_period, present=True)


def read_day_after(m: re.Match[str], w: TimesWords) -> Found | None:
    return found_at(m, precision=Precision.DAY, after_day=number_of(w, m, "n"))


def read_shift(m: re.Match[str], w: TimesWords) -> Found | None:
    """"a year earlier", "two weeks later", "the previous day": counted from the previous time in the text."""
    unit = unit_of(w, m, default="day")
    n = -1 if group(m, "prev") else number_of(w, m, "n") * w.shift_directions[m.group("dir").lower()]
    return found_at(m, precision=UNITS[unit], shift=(unit, n))


def time_reference(text: str, w: TimesWords) -> str | None:
    """TimeML's name for a time of writing, past or future with no date: PRESENT_REF, PAST_REF, FUTURE_REF."""
    return w.references.get(normal(text))


def read_reference(m: re.Match[str], w: TimesWords) -> Found | None:
    return found_at(m, precision=Precision.UNKNOWN, reference=time_reference(m.group("core"), w))


def clock_of(text: str, w: TimesWords) -> str | None:
    """The clock time in an expression's words as TimeML writes it ("15:00"), or None."""
    m = w.clock_parts.search(text)
    if m is None:
        return None
    if m.group("word"):
        return w.clock_words[m.group("word").lower()]
    if m.group("hour24"):
        hour, minute = int(m.group("hour24")), int(m.group("minute24") or 0)  # "14h" (French) has no minutes
    else:
        hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
        hour = (hour % 12) + w.meridiems[m.group("meridiem").lower()]
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def read_clock_day(m: re.Match[str], w: TimesWords) -> Found | None:
    return read_weekday(m, w) if group(m, "wd") else read_day_word(m, w)


def read_bare_clock(m: re.Match[str], w: TimesWords) -> Found | None:
    """"at 3 a.m.", "at 14:30 GMT", "at noon": a TimeML TIME on the day in context.  Only "a.m."/"p.m." are
    trusted without a preposition; "noon" and "14:30" need one ("the noon prayer", "a 2:1 win")."""
    words = m.group("core").lower()
    if not group(m, "prep") and not w.meridiem_after_digit.search(words):
        return None
    if clock_of(words, w) is None:
        return None  # "at 27:15"
    return found_at(m, precision=Precision.DAY, clock=True)
