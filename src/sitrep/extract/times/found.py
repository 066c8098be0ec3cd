"""The ``Found`` record a rule returns (what a match means up to its year) and small readers of a match shared by
every rule. The words they look up are the language's (``TimesWords``); the groups they read are named in the
rule table (``lang/<code>/times.yaml``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from sitrep.extract.times import periods as cal
from sitrep.extract.times.periods import Period
from sitrep.extract.times.words import TimesWords, normal
from sitrep.model import Precision


@dataclass(frozen=True, slots=True)
class YearRef:
    """Where a candidate's year comes from: named (abs), last/this/next year (offset), the most recent or
    the next occurrence before/after publication (recent/upcoming), the one under way at publication
    ("this winter": current), or nowhere in the expression (missing)."""

    kind: str
    n: int = 0


MISSING_YEAR = YearRef("missing")


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    precision: Precision  # what it has even when unresolved
    year: YearRef | None = None  # with ``build``: a period given the year
    build: Callable[[int], Period | None] | None = None
    anchored: Callable[[dt.date], Period | None] | None = None  # needs only the publication date
    weak: bool = False  # only kept inside a spaCy DATE entity
    year_at: tuple[int, int] | None = None  # span of a bare year number, for the CARDINAL veto
    fixes_year: bool = True  # later expressions without a year may inherit this one's ("the 1990s" does not)
    after_day: int | None = None  # "the next day": days after the previous day-precision time in the text
    present: bool = False  # "now", "currently": the time of writing, never an event's own date
    reference: str | None = None  # "recently", "soon": TimeML's PAST_REF / FUTURE_REF, never resolved
    shift: tuple[str, int] | None = None  # "a year earlier": unit and count from the previous time in the text
    weekday: int | None = None  # a bare weekday ("on Monday"), which tense may move forward ("will meet on Monday")
    clock: bool = False  # "at 3 a.m." alone: the day of the latest earlier day in the text, else publication's


def group(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def month_no(w: TimesWords, m: re.Match[str], g: str) -> int:
    return w.months[m.group(g).lower().rstrip(".")]


def year_ref(w: TimesWords, m: re.Match[str], y: str = "y", r: str = "r") -> YearRef:
    if group(m, y):
        return YearRef("abs", int(m.group(y)))
    if group(m, r):
        return YearRef("offset", w.year_offsets[m.group(r).lower()])
    return MISSING_YEAR


def rel_ref(w: TimesWords, m: re.Match[str]) -> YearRef | None:
    """The year of "last March", "this spring", "next winter" (last = the latest one already over)."""
    rel = normal(group(m, "rel") or "")
    if not rel:
        return None
    kind = w.relative_names[rel]
    return YearRef(kind) if kind in ("recent", "upcoming") else YearRef("offset", 0)


def part_name(w: TimesWords, m: re.Match[str]) -> str | None:
    """The part of a period the match names ("early", "end", "h1"), or None."""
    part = group(m, "part")
    return w.parts[normal(part)] if part else None


def with_part(w: TimesWords, m: re.Match[str], build: Callable[[int], Period | None]
              ) -> Callable[[int], Period | None]:
    part = part_name(w, m)
    return build if part is None else lambda year: cal.part_of(build(year), part)


def precision_of(w: TimesWords, m: re.Match[str], whole: Precision) -> Precision:
    return Precision.RANGE if part_name(w, m) else whole


def found_at(m: re.Match[str], **kw: object) -> Found:
    return Found(start=m.start("core"), end=m.end("core"), **kw)  # type: ignore[arg-type]


def date_or_none(year: int, month: int, day: int) -> Period | None:
    return cal.day_period(dt.date(year, month, day)) if cal.valid_day(month, day, year) else None


def number_of(w: TimesWords, m: re.Match[str], g: str) -> int:
    raw = (group(m, g) or "1").lower()
    return int(raw) if raw.isdigit() else w.numbers[raw]


def unit_of(w: TimesWords, m: re.Match[str], default: str | None = None) -> str:
    """The unit a match counts in, by its language-free name: day, week, month, year or weekend."""
    word = group(m, "unit")
    if word is None and default is not None:
        return default
    return w.units[(word or "").lower()]


UNITS = {"day": Precision.DAY, "week": Precision.WEEK, "month": Precision.MONTH, "year": Precision.YEAR}
