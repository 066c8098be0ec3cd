"""Time rules for dates the text names on the calendar: full and partial days ("29 March", "March 29, 2015",
"2015-03-29", "29/03/2015"), day and month ranges, months, seasons, years, decades and quarters.
Each reader turns one regex match into a ``Found``; ``_time_rules`` holds the patterns.
"""

from __future__ import annotations

import datetime as dt
import re

from sitrep.extract import _calendar as cal
from sitrep.extract._calendar import Period
from sitrep.extract._time_found import (
    MISSING_YEAR,
    MONTH_ALT,
    OFFSETS,
    SHORT_MONTH_ALT,
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
from sitrep.model import Precision

# --------------------------------------------------------------------------- rules: day dates


def read_day_month(m: re.Match[str]) -> Found | None:
    month, day = month_no(m, "m"), int(m.group("d"))
    if not cal.valid_day(month, day):
        return None
    return found_at(m, precision=Precision.DAY, year=year_ref(m), build=lambda y: date_or_none(y, month, day))


def read_iso(m: re.Match[str]) -> Found | None:
    year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not cal.valid_day(month, day, year):
        return None
    return found_at(m, precision=Precision.DAY, year=YearRef("abs", year), build=lambda y: date_or_none(y, month, day))


def read_numeric(m: re.Match[str]) -> Found | None:
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


def read_day_range(m: re.Match[str]) -> Found | None:
    month, d1, d2 = month_no(m, "m"), int(m.group("d1")), int(m.group("d2"))
    if not (cal.valid_day(month, d2) and 1 <= d1 < d2):
        return None

    def build(y: int) -> Period | None:
        first, last = date_or_none(y, month, d1), date_or_none(y, month, d2)
        return cal.span(first, last) if first and last else None

    return found_at(m, precision=Precision.RANGE, year=year_ref(m), build=build)


def read_cross_range(m: re.Match[str]) -> Found | None:
    m1, m2, d1, d2 = month_no(m, "m1"), month_no(m, "m2"), int(m.group("d1")), int(m.group("d2"))
    if not (cal.valid_day(m1, d1) and cal.valid_day(m2, d2)):
        return None
    if not group(m, "lead") and group(m, "join") == "and":
        return None  # "on 3 May and 5 June" names two days
    y1 = int(m.group("y1")) if group(m, "y1") else None
    ref = year_ref(m)
    if ref is MISSING_YEAR and y1 is not None:
        ref = YearRef("abs", y1)

    def build(y: int) -> Period | None:
        year1 = y1 if y1 is not None else (y if (m1, d1) <= (m2, d2) else y - 1)
        first, last = date_or_none(year1, m1, d1), date_or_none(y, m2, d2)
        return cal.span(first, last) if first and last and first.start <= last.end else None

    return found_at(m, precision=Precision.RANGE, year=ref, build=build)


# --------------------------------------------------------------------------- rules: months, seasons, years


def read_month_range(m: re.Match[str]) -> Found | None:
    if not group(m, "lead") and group(m, "join") == "and":
        return None  # "in January and March" names two months
    m1, m2 = month_no(m, "m1"), month_no(m, "m2")
    y1 = int(m.group("y1")) if group(m, "y1") else None
    ref = year_ref(m)
    if ref is MISSING_YEAR and y1 is not None:
        ref = YearRef("abs", y1)

    def build(y: int) -> Period:
        year1 = y1 if y1 is not None else (y if m1 <= m2 else y - 1)
        return cal.span(cal.month_period(year1, m1), cal.month_period(y, m2))

    return found_at(m, precision=Precision.RANGE, year=ref, build=build)


_MONTH_BEFORE = re.compile(rf"(?-i:{MONTH_ALT}|{SHORT_MONTH_ALT})\b,?\s+$")
_MONTH_LISTED = re.compile(rf"(?-i:{MONTH_ALT}|{SHORT_MONTH_ALT})\b,\s+$")


def read_month_named(m: re.Match[str]) -> Found | None:
    month = month_no(m, "m")
    ref = year_ref(m)
    ref = rel_ref(m) or ref
    prep = (group(m, "prep") or "").lower()
    if prep in ("and", "or") and not _MONTH_BEFORE.search(m.string, max(0, m.start("prep") - 16), m.start("prep")):
        prep = ""  # "Trump and May": only a month after a month is trusted ("in January and March")
    # "in April, May and June": a month in a list of months
    listed = not prep and _MONTH_LISTED.search(m.string, max(0, m.start("core") - 16), m.start("core"))
    weak = ref is MISSING_YEAR and not prep and not listed and not group(m, "part")
    if weak and m.group("m").lower() in ("may", "march"):
        # A bare "May"/"March" is too often a name, a verb or a procession, and spaCy's DATE entity does not
        # tell them apart ("March organisers said" is tagged DATE): only with a preposition or a year.
        return None
    build = with_part(m, lambda y: cal.month_period(y, month))
    return found_at(m, precision=precision_of(m, Precision.MONTH), year=ref, build=build, weak=weak)


def read_season(m: re.Match[str]) -> Found | None:
    word = m.group("s").lower()
    code = cal.SEASONS[word]
    ref = year_ref(m)
    ref = rel_ref(m) or ref
    if ref == YearRef("offset", 0):
        ref = YearRef("current")  # "this winter" said in December is the winter under way
    if word == "fall" and ref is MISSING_YEAR:
        return None  # "after the fall of Mosul"
    weak = ref is MISSING_YEAR and not group(m, "prep") and not group(m, "part")
    build = with_part(m, lambda y: cal.season_period(y, code))
    return found_at(m, precision=precision_of(m, Precision.SEASON), year=ref, build=build, weak=weak)


_NOT_AFTER_YEAR = re.compile(
    r"\s+(?:people|persons|civilians|fighters|soldiers|troops|militants|insurgents|men|women|children|refugees|"
    r"families|homes|houses|buildings|rockets|missiles|shells|dollars|euros|pounds|km|kilometres|kilometers|"
    r"miles|metres|meters|tonnes|tons|members|residents|prisoners|detainees|voters|votes|deaths|victims)\b", re.I)


_YEAR_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d\d,?\s+$")


def read_year_only(m: re.Match[str]) -> Found | None:
    year = int(m.group("y"))
    if _NOT_AFTER_YEAR.match(m.string, m.end("core")):
        return None
    prep = (group(m, "prep") or "").lower()
    if prep in ("and", "or") and not _YEAR_BEFORE.search(m.string, max(0, m.start("prep") - 8), m.start("prep")):
        prep = ""  # only a year after a year is trusted: "in 1995 and 1996", not "Smith and 1996"
    weak = not prep
    return found_at(m, precision=Precision.YEAR, year=YearRef("abs", year), build=cal.year_period, weak=weak,
                    year_at=(m.start("y"), m.end("y")))


def read_year_part(m: re.Match[str]) -> Found | None:
    return found_at(m, precision=Precision.RANGE, year=YearRef("abs", int(m.group("y"))),
                    build=with_part(m, cal.year_period))


def read_year_range(m: re.Match[str]) -> Found | None:
    y1, tail = int(m.group("y1")), m.group("y2")
    y2 = int(tail) if len(tail) == 4 else y1 // 100 * 100 + int(tail)
    if not group(m, "lead") and group(m, "join") == "and":
        return None
    if not y1 < y2 <= y1 + 50:
        return None
    return found_at(m, precision=Precision.RANGE, year=YearRef("abs", y2),
                    build=lambda y: cal.span(cal.year_period(y1), cal.year_period(y)))


def read_decade(m: re.Match[str]) -> Found | None:
    first = int(m.group("dec"))
    return found_at(m, precision=precision_of(m, Precision.DECADE), year=YearRef("abs", first),
                    build=with_part(m, cal.decade_period), fixes_year=False)


_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def read_quarter(m: re.Match[str]) -> Found | None:
    """"the third quarter (of 1997)": a calendar quarter as a range of its three months."""
    first_month = 3 * _ORDINALS[m.group("q").lower()] - 2
    ref = YearRef("offset", OFFSETS[m.group("rel").lower()]) if group(m, "ys") else rel_ref(m) or year_ref(m)
    if ref is MISSING_YEAR and group(m, "y2"):
        ref = YearRef("abs", int(m.group("y2")))
    return found_at(m, precision=Precision.RANGE, year=ref,
                    build=lambda y: cal.span(cal.month_period(y, first_month), cal.month_period(y, first_month + 2)))


def read_fiscal_year(m: re.Match[str]) -> Found | None:
    """"fiscal 2012", "fiscal year 2012", "FY2012": the year it is named after (fiscal calendars differ by
    country and company, so the calendar year is the honest reading)."""
    # A fiscal year is not the calendar year the story runs in: later months do not inherit it.
    return found_at(m, precision=Precision.YEAR, year=YearRef("abs", int(m.group("y"))), build=cal.year_period,
                    fixes_year=False)


def _century_year(pub: dt.date, two_digits: int) -> int:
    """The year ending in ``two_digits`` nearest before publication: "'09" said in 2015 is 2009, "'98" is 1998."""
    year = pub.year - pub.year % 100 + two_digits
    return year if year <= pub.year else year - 100


def read_short_year(m: re.Match[str]) -> Found | None:
    """"in '09": the century comes from the publication date, so it is relative to it."""
    yy = int(m.group("yy"))
    return found_at(m, precision=Precision.YEAR, anchored=lambda pub: cal.year_period(_century_year(pub, yy)))


def read_short_decade(m: re.Match[str]) -> Found | None:
    """"the '90s": the latest such decade begun by publication."""
    yy = int(m.group("yy"))
    return found_at(m, precision=precision_of(m, Precision.DECADE),
                    anchored=lambda pub: cal.part_of(cal.decade_period(_century_year(pub, yy)), part_name(m)))

