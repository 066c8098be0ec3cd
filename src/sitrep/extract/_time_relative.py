"""Time rules for expressions that need an anchor: the publication date ("yesterday", "on Tuesday", "last
week", "two months ago", "this year"), the previous time in the text ("a year earlier", "the next day"), and
the time of writing ("now", "recently", "soon"), plus clock times joined to a day ("3 p.m. Tuesday").
"""

from __future__ import annotations

import re

from sitrep.extract import _calendar as cal
from sitrep.extract._time_found import (
    OFFSETS,
    UNITS,
    Found,
    YearRef,
    found_at,
    group,
    number_of,
    part_name,
    precision_of,
    with_part,
)
from sitrep.model import Precision


def read_relative_year(m: re.Match[str]) -> Found | None:
    ref = YearRef("offset", OFFSETS[m.group("r").lower()])
    build = with_part(m, cal.year_period)
    if group(m, "earlier") and ref.n == 0:  # "earlier this year" ends before publication
        return found_at(m, precision=Precision.YEAR,
                        anchored=lambda pub: cal.clip_before(cal.year_period(pub.year), pub))
    return found_at(m, precision=precision_of(m, Precision.YEAR), year=ref, build=build)


def read_relative_unit(m: re.Match[str]) -> Found | None:
    """"last week", "this month", "earlier this week", "late last month", "last weekend"."""
    offset, unit, part = OFFSETS[m.group("r").lower()], m.group("unit").lower(), part_name(m)
    if unit == "weekend":
        return found_at(m, precision=Precision.RANGE, anchored=lambda pub: cal.weekend_near(pub, forward=offset > 0))
    if group(m, "earlier") and offset == 0:
        return found_at(m, precision=UNITS[unit], anchored=lambda pub: cal.clip_before(cal.shifted(pub, unit, 0), pub))
    return found_at(m, precision=Precision.RANGE if part else UNITS[unit],
                    anchored=lambda pub: cal.part_of(cal.shifted(pub, unit, offset), part))


def read_ago(m: re.Match[str]) -> Found | None:
    n, unit = number_of(m, "n"), m.group("unit").lower()
    return found_at(m, precision=UNITS[unit], anchored=lambda pub: cal.shifted(pub, unit, -n))


_DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "last night": -1, "this morning": 0,
              "this afternoon": 0, "this evening": 0, "earlier today": 0, "the day before yesterday": -2}


def read_day_word(m: re.Match[str]) -> Found | None:
    back = _DAY_WORDS[" ".join(m.group("w").lower().split())]
    return found_at(m, precision=Precision.DAY, anchored=lambda pub: cal.shifted(pub, "day", back))


_CAPITAL_AFTER = re.compile(r"\s+(?-i:[A-Z][a-z])")
_NAME_BEFORE = re.compile(r"(?:Good|Black|Ash|Holy|Bloody|Palm|Easter|\b[Tt]he)\s+$")


def read_weekday(m: re.Match[str]) -> Found | None:
    text, start = m.string, m.start("wd")
    before = _NAME_BEFORE.search(text, max(0, start - 12), start)
    if before and (before.group().lower().strip() != "the" or _CAPITAL_AFTER.match(text, m.end("wd"))):
        return None  # "Good Friday", "the Sunday Times"; but "On Sunday Israeli jets..." is a date
    weekday, rel = cal.WEEKDAYS[m.group("wd").lower()], " ".join((group(m, "rel") or "").lower().split())
    forward, same_day = rel == "next", not rel  # "last Monday" said on a Monday is a week ago; "Monday" is today
    return found_at(m, precision=Precision.DAY, weekday=weekday if same_day else None,
                    anchored=lambda pub: cal.day_period(cal.weekday_near(pub, weekday, forward=forward,
                                                                         same_day=same_day)))


_PRESENT_WORDS = re.compile(r"now|currently|nowadays|at\s+present", re.I)


def is_present_reference(text: str) -> bool:
    """True for the words of a present reference ("now", "currently"): TimeML's PRESENT_REF."""
    return _PRESENT_WORDS.fullmatch(text.strip()) is not None


def read_present(m: re.Match[str]) -> Found | None:
    return found_at(m, precision=Precision.DAY, anchored=cal.day_period, present=True)


def read_day_after(m: re.Match[str]) -> Found | None:
    return found_at(m, precision=Precision.DAY, after_day=number_of(m, "n"))


def read_shift(m: re.Match[str]) -> Found | None:
    """"a year earlier", "two weeks later", "the previous day": counted from the previous time in the text."""
    unit = (group(m, "unit") or "day").lower()
    n = -1 if group(m, "prev") else number_of(m, "n") * (-1 if m.group("dir").lower() in ("earlier", "before") else 1)
    return found_at(m, precision=UNITS[unit], shift=(unit, n))


_PAST_WORDS = re.compile(r"recently|lately|(?:in\s+)?the\s+past", re.I)
_FUTURE_WORDS = re.compile(r"soon|(?:in\s+)?the\s+future", re.I)


def time_reference(text: str) -> str | None:
    """TimeML's name for a time of writing, past or future with no date: PRESENT_REF, PAST_REF, FUTURE_REF."""
    words = " ".join(text.split())
    if is_present_reference(words):
        return "PRESENT_REF"
    if _PAST_WORDS.fullmatch(words):
        return "PAST_REF"
    if _FUTURE_WORDS.fullmatch(words):
        return "FUTURE_REF"
    return None


def read_reference(m: re.Match[str]) -> Found | None:
    return found_at(m, precision=Precision.UNKNOWN, reference=time_reference(m.group("core")))


# A clock time: "3 p.m.", "10:30 am", "noon".  It makes the expression a TimeML TIME but an event's date stays a day.
CLOCK = r"(?:\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\d{1,2}:\d\d\b|noon\b|midnight\b)"
_CLOCK_PARTS = re.compile(
    r"(?i)\b(?:(\d{1,2})(?:[:.](\d\d))?\s*(a\.m\.|p\.m\.|am\b|pm\b)|(\d{1,2}):(\d\d)\b|(noon|midnight)\b)")


def clock_of(text: str) -> str | None:
    """The clock time in an expression's words as TimeML writes it ("15:00"), or None."""
    m = _CLOCK_PARTS.search(text)
    if m is None:
        return None
    if m.group(6):
        return "12:00" if m.group(6).lower() == "noon" else "24:00"
    if m.group(4):
        hour, minute = int(m.group(4)), int(m.group(5))
    else:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        pm = m.group(3).lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def read_clock_day(m: re.Match[str]) -> Found | None:
    return read_weekday(m) if group(m, "wd") else read_day_word(m)


_BARE_CLOCK = re.compile(
    r"\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)(?:\s+local\s+time)?|\d{1,2}:\d\d(?:\s+(?:GMT|UTC|local\s+time))?|"
    r"noon|midnight", re.I)


def is_bare_clock(text: str) -> bool:
    """True for a clock time said without a day ("3 a.m."): TimeML dates it by the day in context, but it adds
    nothing to an event's date that the surrounding text does not already say."""
    return _BARE_CLOCK.fullmatch(text.strip()) is not None


def read_bare_clock(m: re.Match[str]) -> Found | None:
    """"at 3 a.m.", "at 14:30 GMT", "at noon": a TimeML TIME on the day in context.  Only "a.m."/"p.m." are
    trusted without a preposition; "noon" and "14:30" need one ("the noon prayer", "a 2:1 win")."""
    words = m.group("core").lower()
    if not group(m, "prep") and not re.search(r"\d\s*(?:a\.m\.|p\.m\.|am|pm)", words):
        return None
    if clock_of(words) is None:
        return None  # "at 27:15"
    return found_at(m, precision=Precision.DAY, clock=True)

