"""Time rules for dates the text names on the calendar: full and partial days ("29 March", "March 29, 2015",
"2015-03-29", "29/03/2015"), day and month ranges, months, seasons, years, decades and quarters.
Each reader turns one regex match into a ``Found``; the patterns are the language's rule table
(``lang/<code>/times.yaml``), the words a reader compares against its tables (``TimesWords``).
"""

from __future__ import annotations

import datetime as dt
import re

from sitrep.extract.times import periods as cal
from sitrep.extract.times.found import (
    MISSING_YEAR,
    Found,
    YearRef,
    date_or_none,
    found_at,
    group,
    month_no,
    part_name,
    precision_of,
    rel_ref,
    with_part,
    year_ref,
)
from sitrep.extract.times.periods import Period
from sitrep.extract.times.words import TimesWords, normal
from sitrep.model import Precision

# --------------------------------------------------------------------------- rules: day dates


def _pair(w: TimesWords, m: re.Match[str]) -> bool:
    """"3 May and 5 June" names two days, not a range (unless "between" or "from" opens it)."""
    return (group(m, "join") or "") in w.pair_joins


# "the March 23 Movement", "the April 6 Youth Movement": a day after "the" and before a capitalised word names
# something ("the March 23 attack" is a day).
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")


def read_day_month(m: re.Match[str], w: TimesWords) -> Found | None:
    month, day = month_no(w, m, "m"), int(m.group("d"))
    if not cal.valid_day(month, day):
        return None
    if not group(m, "y") and _THE_BEFORE.search(m.string, max(0, m.start("core") - 5), m.start("core")) \
            and _NAME_AFTER.match(m.string, m.end("core")):
        return None  # part of a name
    return found_at(m, precision=Precision.DAY, year=year_ref(w, m), build=lambda y: date_or_none(y, month, day))


def read_holiday(m: re.Match[str], w: TimesWords) -> Found | None:
    """A feast on a fixed day: "on New Year's Eve" is 31 December, with its year found as a day's is."""
    month, day = w.holidays[normal(m.group("h"))]
    return found_at(m, precision=Precision.DAY, year=year_ref(w, m), build=lambda y: date_or_none(y, month, day))


def read_iso(m: re.Match[str], w: TimesWords) -> Found | None:
    year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not cal.valid_day(month, day, year):
        return None
    return found_at(m, precision=Precision.DAY, year=YearRef("abs", year), build=lambda y: date_or_none(y, month, day))


def read_numeric(m: re.Match[str], w: TimesWords) -> Found | None:
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    day_first = cal.valid_day(b, a, year)
    month_first = cal.valid_day(a, b, year)
    if m.group("sep") == "." or (day_first and not month_first) or a == b:
        month, day = b, a  # dotted dates are never month-first
    elif month_first and not day_first:
        month, day = a, b
    else:
        return None  # "03/04/2015": either reading is possible
    if not cal.valid_day(month, day, year):
        return None
    return found_at(m, precision=Precision.DAY, year=YearRef("abs", year), build=lambda y: date_or_none(y, month, day))


def read_day_range(m: re.Match[str], w: TimesWords) -> Found | None:
    month, d1, d2 = month_no(w, m, "m"), int(m.group("d1")), int(m.group("d2"))
    if not (cal.valid_day(month, d2) and 1 <= d1 < d2):
        return None

    def build(y: int) -> Period | None:
        first, last = date_or_none(y, month, d1), date_or_none(y, month, d2)
        return cal.span(first, last) if first and last else None

    return found_at(m, precision=Precision.RANGE, year=year_ref(w, m), build=build)


def read_cross_range(m: re.Match[str], w: TimesWords) -> Found | None:
    m1, m2, d1, d2 = month_no(w, m, "m1"), month_no(w, m, "m2"), int(m.group("d1")), int(m.group("d2"))
    if not (cal.valid_day(m1, d1) and cal.valid_day(m2, d2)):
        return None
    if not group(m, "lead") and _pair(w, m):
        return None  # "on 3 May and 5 June" names two days
    y1 = int(m.group("y1")) if group(m, "y1") else None
    ref = year_ref(w, m)
    if ref is MISSING_YEAR and y1 is not None:
        ref = YearRef("abs", y1)

    def build(y: int) -> Period | None:
        year1 = y1 if y1 is not None else (y if (m1, d1) <= (m2, d2) else y - 1)
        first, last = date_or_none(year1, m1, d1), date_or_none(y, m2, d2)
        return cal.span(first, last) if first and last and first.start <= last.end else None

    return found_at(m, precision=Precision.RANGE, year=ref, build=build)


# --------------------------------------------------------------------------- rules: months, seasons, years


def read_month_range(m: re.Match[str], w: TimesWords) -> Found | None:
    if not group(m, "lead") and _pair(w, m):
        return None  # "in January and March" names two months
    m1, m2 = month_no(w, m, "m1"), month_no(w, m, "m2")
    y1 = int(m.group("y1")) if group(m, "y1") else None
    ref = year_ref(w, m)
    if ref is MISSING_YEAR and y1 is not None:
        ref = YearRef("abs", y1)

    def build(y: int) -> Period:
        year1 = y1 if y1 is not None else (y if m1 <= m2 else y - 1)
        return cal.span(cal.month_period(year1, m1), cal.month_period(y, m2))

    return found_at(m, precision=Precision.RANGE, year=ref, build=build)


def read_month_named(m: re.Match[str], w: TimesWords) -> Found | None:
    month = month_no(w, m, "m")
    ref = year_ref(w, m)
    ref = rel_ref(w, m) or ref
    prep = (group(m, "prep") or "").lower()
    if prep in w.list_joins and not w.month_before.search(m.string, max(0, m.start("prep") - 16), m.start("prep")):
        prep = ""  # "Trump and May": only a month after a month is trusted ("in January and March")
    # "in April, May and June": a month in a list of months
    listed = not prep and w.month_listed.search(m.string, max(0, m.start("core") - 16), m.start("core"))
    weak = ref is MISSING_YEAR and not prep and not listed and not group(m, "part")
    if weak and m.group("m").lower() in w.ambiguous_months:
        # A bare "May"/"March" is too often a name, a verb or a procession, and spaCy's DATE entity does not
        # tell them apart ("March organisers said" is tagged DATE): only with a preposition or a year.
        return None
    build = with_part(w, m, lambda y: cal.month_period(y, month))
    return found_at(m, precision=precision_of(w, m, Precision.MONTH), year=ref, build=build, weak=weak)


def read_season(m: re.Match[str], w: TimesWords) -> Found | None:
    word = m.group("s").lower()
    code = w.seasons[word]
    ref = year_ref(w, m)
    ref = rel_ref(w, m) or ref
    if ref == YearRef("offset", 0):
        ref = YearRef("current")  # "this winter" said in December is the winter under way
    if word in w.ambiguous_seasons and ref is MISSING_YEAR:
        return None  # "after the fall of Mosul"
    weak = ref is MISSING_YEAR and not group(m, "prep") and not group(m, "part")
    build = with_part(w, m, lambda y: cal.season_period(y, code))
    return found_at(m, precision=precision_of(w, m, Precision.SEASON), year=ref, build=build, weak=weak)


_MODEL_NAME = re.compile(r"\s+[A-Z]")
_YEAR_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d\d,?\s+$")


# A capitalised word that is not a sentence's first, right before a bare year ("the Finance Bill 2024").
_NAME_BEFORE = re.compile(r"(?<=[a-z,] )(?:[A-Z][a-z]+ )*([A-Z][a-z]+\.?) $")


def read_year_only(m: re.Match[str], w: TimesWords) -> Found | None:
    year = int(m.group("y"))
    if w.not_after_year.match(m.string, m.end("core")):
        return None
    prep = (group(m, "prep") or "").lower()
    if w.street_after_year.match(m.string, m.end("core")):
        return None  # "of 1935 Orchard St."
    if not prep and _MODEL_NAME.match(m.string, m.end("core")) and w.model_before_year.search(
            m.string, max(0, m.start("core") - 30), m.start("core")):
        return None  # "a red 1991 Dodge Durango", "their 1991 Honda"
    if not prep and (name := _NAME_BEFORE.search(m.string, max(0, m.start("core") - 30), m.start("core"))) and (
            name.group(1).lower().rstrip(".") not in w.months and name.group(1).lower() not in w.weekdays
            and name.group(1).lower() not in w.seasons):
        return None  # "the Finance Bill 2024", "Euro 2024": the year is part of a name
    if prep in w.list_joins and not _YEAR_BEFORE.search(m.string, max(0, m.start("prep") - 8), m.start("prep")):
        prep = ""  # only a year after a year is trusted: "in 1995 and 1996", not "Smith and 1996"
    weak = not prep
    return found_at(m, precision=Precision.YEAR, year=YearRef("abs", year), build=cal.year_period, weak=weak,
                    year_at=(m.start("y"), m.end("y")))


def read_year_part(m: re.Match[str], w: TimesWords) -> Found | None:
    return found_at(m, precision=Precision.RANGE, year=YearRef("abs", int(m.group("y"))),
                    build=with_part(w, m, cal.year_period))


def read_year_range(m: re.Match[str], w: TimesWords) -> Found | None:
    y1, tail = int(m.group("y1")), m.group("y2")
    y2 = int(tail) if len(tail) == 4 else y1 // 100 * 100 + int(tail)
    if not group(m, "lead") and _pair(w, m):
        return None
    if not y1 < y2 <= y1 + 50:
        return None
    return found_at(m, precision=Precision.RANGE, year=YearRef("abs", y2),
                    build=lambda y: cal.span(cal.year_period(y1), cal.year_period(y)))


def read_decade(m: re.Match[str], w: TimesWords) -> Found | None:
    first = int(m.group("dec"))
    return found_at(m, precision=precision_of(w, m, Precision.DECADE), year=YearRef("abs", first),
                    build=with_part(w, m, cal.decade_period), fixes_year=False)


def read_quarter(m: re.Match[str], w: TimesWords) -> Found | None:
    """"the third quarter (of 1997)": a calendar quarter as a range of its three months."""
    first_month = 3 * w.quarter_ordinals[m.group("q").lower()] - 2
    ref = YearRef("offset", w.year_offsets[m.group("rel").lower()]) if group(m, "ys") else rel_ref(w, m) or year_ref(w, m)
    if ref is MISSING_YEAR and group(m, "y2"):
        ref = YearRef("abs", int(m.group("y2")))
    return found_at(m, precision=Precision.RANGE, year=ref,
                    build=lambda y: cal.span(cal.month_period(y, first_month), cal.month_period(y, first_month + 2)))


def read_fiscal_year(m: re.Match[str], w: TimesWords) -> Found | None:
    """"fiscal 2012", "fiscal year 2012", "FY2012": the year it is named after (fiscal calendars differ by
    country and company, so the calendar year is the honest reading)."""
    # A fiscal year is not the calendar year the story runs in: later months do not inherit it.
    return found_at(m, precision=Precision.YEAR, year=YearRef("abs", int(m.group("y"))), build=cal.year_period,
                    fixes_year=False)


def _century_year(pub: dt.date, two_digits: int) -> int:
    """The year ending in ``two_digits`` nearest before publication: "'09" said in 2015 is 2009, "'98" is 1998."""
    year = pub.year - pub.year % 100 + two_digits
    return year if year <= pub.year else year - 100


def read_short_year(m: re.Match[str], w: TimesWords) -> Found | None:
    """"in '09": the century comes from the publication date, so it is relative to it."""
    yy = int(m.group("yy"))
    return found_at(m, precision=Precision.YEAR, anchored=lambda pub: cal.year_period(_century_year(pub, yy)))


def read_short_decade(m: re.Match[str], w: TimesWords) -> Found | None:
    """"the '90s": the latest such decade begun by publication."""
    yy = int(m.group("yy"))
    return found_at(m, precision=precision_of(w, m, Precision.DECADE),
                    anchored=lambda pub: cal.part_of(cal.decade_period(_century_year(pub, yy)), part_name(w, m)))

