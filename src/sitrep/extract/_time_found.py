"""The vocabulary of the time rules: regex fragments for months, days and years, the ``Found`` record a rule
returns (what a match means up to its year), and small readers of a match shared by every rule.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from sitrep.extract import _calendar as cal
from sitrep.extract._calendar import Period
from sitrep.model import Precision

# --------------------------------------------------------------------------- regex fragments

_FULL_MONTHS = [m for m, _ in sorted(cal.MONTHS.items(), key=lambda kv: kv[1])
                if len(m) > 4 or m in ("may", "june", "july")]
_SHORT_MONTHS = sorted(set(cal.MONTHS) - set(_FULL_MONTHS), key=len, reverse=True)
MONTH_ALT = "|".join([m.capitalize() for m in _FULL_MONTHS] + [m.upper() for m in _FULL_MONTHS])
SHORT_MONTH_ALT = "|".join([m.capitalize() for m in _SHORT_MONTHS] + [m.upper() for m in _SHORT_MONTHS])
WEEKDAY_ALT = "|".join([d.capitalize() for d in cal.WEEKDAYS] + [d.upper() for d in cal.WEEKDAYS])
NUMBER_ALT = "|".join(sorted(cal.NUMBER_WORDS, key=len, reverse=True))
PREP = r"in|since|during|by|until|till|before|after|from|through|throughout|of|between|around|for|to"
PART = r"(?:(?P<part>early|mid|late|the\s+(?:beginning|start|middle|end|first\s+half|second\s+half)\s+of)[\s-]+)"
JOIN = r"(?:\s*[-–—]\s*|\s+(?P<join>and|to|until|till|through)\s+)"
WD_OPT = rf"(?:(?-i:(?P<wd>{WEEKDAY_ALT})),?\s+)?"


def month_re(g: str) -> str:
    # Month names are case-sensitive so that "may" and "march" stay verbs.
    return rf"(?-i:(?P<{g}>(?:{MONTH_ALT})\b|(?:{SHORT_MONTH_ALT})\b\.?))"


def day_re(g: str) -> str:
    return rf"\b(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"


def year_re(g: str) -> str:
    return rf"\b(?P<{g}>(?:19|20)\d\d)(?!\d)\b"


def year_tail_re(y: str = "y", r: str = "r") -> str:
    """A year after a day or month: ", 2015" or "last year"."""
    return rf"(?:,?\s+{year_re(y)}|,?\s+(?:of\s+)?(?P<{r}>last|this|next)\s+year\b)"


# --------------------------------------------------------------------------- candidates


@dataclass(frozen=True, slots=True)
class YearRef:
    """Where a candidate's year comes from: named (abs), last/this/next year (offset), the most recent or
    the next occurrence before/after publication (recent/upcoming), the one under way at publication
    ("this winter": current), or nowhere in the expression (missing)."""

    kind: str
    n: int = 0


MISSING_YEAR = YearRef("missing")
# "the" only after a part: "the end of the year" is this year's end.
OFFSETS = {"last": -1, "past": -1, "this": 0, "next": 1, "the": 0}


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


def month_no(m: re.Match[str], g: str) -> int:
    return cal.MONTHS[m.group(g).lower().rstrip(".")]


def year_ref(m: re.Match[str], y: str = "y", r: str = "r") -> YearRef:
    if group(m, y):
        return YearRef("abs", int(m.group(y)))
    if group(m, r):
        return YearRef("offset", OFFSETS[m.group(r).lower()])
    return MISSING_YEAR


def rel_ref(m: re.Match[str]) -> YearRef | None:
    """The year of "last March", "this spring", "next winter" (last = the latest one already over)."""
    rel = " ".join((group(m, "rel") or "").lower().split())
    if not rel:
        return None
    if rel in ("last", "past", "this past"):
        return YearRef("recent")
    return YearRef("upcoming") if rel == "next" else YearRef("offset", 0)


def part_name(m: re.Match[str]) -> str | None:
    part = group(m, "part")
    if not part:
        return None
    word = part.lower().split()
    if word[0] != "the":
        return word[0]
    return {"beginning": "begin", "start": "begin", "middle": "mid", "end": "end", "first": "h1"}.get(word[1], "h2")


def with_part(m: re.Match[str], build: Callable[[int], Period | None]) -> Callable[[int], Period | None]:
    part = part_name(m)
    return build if part is None else lambda year: cal.part_of(build(year), part)


def precision_of(m: re.Match[str], whole: Precision) -> Precision:
    return Precision.RANGE if part_name(m) else whole


def found_at(m: re.Match[str], **kw: object) -> Found:
    return Found(start=m.start("core"), end=m.end("core"), **kw)  # type: ignore[arg-type]


def date_or_none(year: int, month: int, day: int) -> Period | None:
    return cal.day_period(dt.date(year, month, day)) if cal.valid_day(month, day, year) else None


def number_of(m: re.Match[str], g: str) -> int:
    raw = (group(m, g) or "1").lower()
    return int(raw) if raw.isdigit() else cal.NUMBER_WORDS[raw]


UNITS = {"day": Precision.DAY, "week": Precision.WEEK, "month": Precision.MONTH, "year": Precision.YEAR}
