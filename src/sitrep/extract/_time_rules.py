"""The rules of the times stage: precompiled patterns for every common form of time expression, each with a
handler that says what the match means up to its year (``Found``).  ``times.py`` walks the candidates in text
order and fills in the years; see its docstring for the conventions.

Rules are tried on short windows around trigger words only (most text has no time); longest match wins.
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
_MONTH_ALT = "|".join([m.capitalize() for m in _FULL_MONTHS] + [m.upper() for m in _FULL_MONTHS])
_SHORT_MONTH_ALT = "|".join([m.capitalize() for m in _SHORT_MONTHS] + [m.upper() for m in _SHORT_MONTHS])
_WEEKDAY_ALT = "|".join([d.capitalize() for d in cal.WEEKDAYS] + [d.upper() for d in cal.WEEKDAYS])
_NUMBER_ALT = "|".join(sorted(cal.NUMBER_WORDS, key=len, reverse=True))
_PREP = r"in|since|during|by|until|till|before|after|from|through|throughout|of|between|around|for|to"
_PART = r"(?:(?P<part>early|mid|late|the\s+(?:beginning|start|middle|end|first\s+half|second\s+half)\s+of)[\s-]+)"
_JOIN = r"(?:\s*[-–—]\s*|\s+(?P<join>and|to|until|till|through)\s+)"
_WD_OPT = rf"(?:(?-i:(?P<wd>{_WEEKDAY_ALT})),?\s+)?"


def _month(g: str) -> str:
    # Month names are case-sensitive so that "may" and "march" stay verbs.
    return rf"(?-i:(?P<{g}>(?:{_MONTH_ALT})\b|(?:{_SHORT_MONTH_ALT})\b\.?))"


def _day(g: str) -> str:
    return rf"\b(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"


def _year(g: str) -> str:
    return rf"\b(?P<{g}>(?:19|20)\d\d)(?!\d)\b"


def _year_tail(y: str = "y", r: str = "r") -> str:
    """A year after a day or month: ", 2015" or "last year"."""
    return rf"(?:,?\s+{_year(y)}|,?\s+(?:of\s+)?(?P<{r}>last|this|next)\s+year\b)"


# --------------------------------------------------------------------------- candidates


@dataclass(frozen=True, slots=True)
class YearRef:
    """Where a candidate's year comes from: named (abs), last/this/next year (offset), the most recent or
    the next occurrence before/after publication (recent/upcoming), the one under way at publication
    ("this winter": current), or nowhere in the expression (missing)."""

    kind: str
    n: int = 0


_MISSING = YearRef("missing")
_OFFSETS = {"last": -1, "past": -1, "this": 0, "next": 1}


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


def _group(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _month_no(m: re.Match[str], g: str) -> int:
    return cal.MONTHS[m.group(g).lower().rstrip(".")]


def _year_ref(m: re.Match[str], y: str = "y", r: str = "r") -> YearRef:
    if _group(m, y):
        return YearRef("abs", int(m.group(y)))
    if _group(m, r):
        return YearRef("offset", _OFFSETS[m.group(r).lower()])
    return _MISSING


def _rel_ref(m: re.Match[str]) -> YearRef | None:
    """The year of "last March", "this spring", "next winter" (last = the latest one already over)."""
    rel = " ".join((_group(m, "rel") or "").lower().split())
    if not rel:
        return None
    if rel in ("last", "past", "this past"):
        return YearRef("recent")
    return YearRef("upcoming") if rel == "next" else YearRef("offset", 0)


def _part_name(m: re.Match[str]) -> str | None:
    part = _group(m, "part")
    if not part:
        return None
    word = part.lower().split()
    if word[0] != "the":
        return word[0]
    return {"beginning": "begin", "start": "begin", "middle": "mid", "end": "end", "first": "h1"}.get(word[1], "h2")


def _with_part(m: re.Match[str], build: Callable[[int], Period | None]) -> Callable[[int], Period | None]:
    part = _part_name(m)
    return build if part is None else lambda year: cal.part_of(build(year), part)


def _precision(m: re.Match[str], whole: Precision) -> Precision:
    return Precision.RANGE if _part_name(m) else whole


def _span(m: re.Match[str], **kw: object) -> Found:
    return Found(start=m.start("core"), end=m.end("core"), **kw)  # type: ignore[arg-type]


def _date_or_none(year: int, month: int, day: int) -> Period | None:
    return cal.day_period(dt.date(year, month, day)) if cal.valid_day(month, day, year) else None


# --------------------------------------------------------------------------- rules: day dates


def _day_month(m: re.Match[str]) -> Found | None:
    month, day = _month_no(m, "m"), int(m.group("d"))
    if not cal.valid_day(month, day):
        return None
    return _span(m, precision=Precision.DAY, year=_year_ref(m), build=lambda y: _date_or_none(y, month, day))


def _iso(m: re.Match[str]) -> Found | None:
    year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not cal.valid_day(month, day, year):
        return None
    return _span(m, precision=Precision.DAY, year=YearRef("abs", year), build=lambda y: _date_or_none(y, month, day))


def _numeric(m: re.Match[str]) -> Found | None:
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
    return _span(m, precision=Precision.DAY, year=YearRef("abs", year), build=lambda y: _date_or_none(y, month, day))


def _day_range(m: re.Match[str]) -> Found | None:
    month, d1, d2 = _month_no(m, "m"), int(m.group("d1")), int(m.group("d2"))
    if not (cal.valid_day(month, d2) and 1 <= d1 < d2):
        return None

    def build(y: int) -> Period | None:
        first, last = _date_or_none(y, month, d1), _date_or_none(y, month, d2)
        return cal.span(first, last) if first and last else None

    return _span(m, precision=Precision.RANGE, year=_year_ref(m), build=build)


def _cross_range(m: re.Match[str]) -> Found | None:
    m1, m2, d1, d2 = _month_no(m, "m1"), _month_no(m, "m2"), int(m.group("d1")), int(m.group("d2"))
    if not (cal.valid_day(m1, d1) and cal.valid_day(m2, d2)):
        return None
    if not _group(m, "lead") and _group(m, "join") == "and":
        return None  # "on 3 May and 5 June" names two days
    y1 = int(m.group("y1")) if _group(m, "y1") else None
    ref = _year_ref(m)
    if ref is _MISSING and y1 is not None:
        ref = YearRef("abs", y1)

    def build(y: int) -> Period | None:
        year1 = y1 if y1 is not None else (y if (m1, d1) <= (m2, d2) else y - 1)
        first, last = _date_or_none(year1, m1, d1), _date_or_none(y, m2, d2)
        return cal.span(first, last) if first and last and first.start <= last.end else None

    return _span(m, precision=Precision.RANGE, year=ref, build=build)


# --------------------------------------------------------------------------- rules: months, seasons, years


def _month_range(m: re.Match[str]) -> Found | None:
    if not _group(m, "lead") and _group(m, "join") == "and":
        return None  # "in January and March" names two months
    m1, m2 = _month_no(m, "m1"), _month_no(m, "m2")
    y1 = int(m.group("y1")) if _group(m, "y1") else None
    ref = _year_ref(m)
    if ref is _MISSING and y1 is not None:
        ref = YearRef("abs", y1)

    def build(y: int) -> Period:
        year1 = y1 if y1 is not None else (y if m1 <= m2 else y - 1)
        return cal.span(cal.month_period(year1, m1), cal.month_period(y, m2))

    return _span(m, precision=Precision.RANGE, year=ref, build=build)


_MONTH_BEFORE = re.compile(rf"(?-i:{_MONTH_ALT}|{_SHORT_MONTH_ALT})\b,?\s+$")
_MONTH_LISTED = re.compile(rf"(?-i:{_MONTH_ALT}|{_SHORT_MONTH_ALT})\b,\s+$")


def _month_named(m: re.Match[str]) -> Found | None:
    month = _month_no(m, "m")
    ref = _year_ref(m)
    ref = _rel_ref(m) or ref
    prep = (_group(m, "prep") or "").lower()
    if prep in ("and", "or") and not _MONTH_BEFORE.search(m.string, max(0, m.start("prep") - 16), m.start("prep")):
        prep = ""  # "Trump and May": only a month after a month is trusted ("in January and March")
    listed = not prep and _MONTH_LISTED.search(m.string, max(0, m.start("core") - 16), m.start("core"))  # "in April, May and June"
    weak = ref is _MISSING and not prep and not listed and not _group(m, "part")
    if weak and m.group("m").lower() in ("may", "march"):
        # A bare "May"/"March" is too often a name, a verb or a procession, and spaCy's DATE entity does not
        # tell them apart ("March organisers said" is tagged DATE): only with a preposition or a year.
        return None
    build = _with_part(m, lambda y: cal.month_period(y, month))
    return _span(m, precision=_precision(m, Precision.MONTH), year=ref, build=build, weak=weak)


def _season(m: re.Match[str]) -> Found | None:
    word = m.group("s").lower()
    code = cal.SEASONS[word]
    ref = _year_ref(m)
    ref = _rel_ref(m) or ref
    if ref == YearRef("offset", 0):
        ref = YearRef("current")  # "this winter" said in December is the winter under way
    if word == "fall" and ref is _MISSING:
        return None  # "after the fall of Mosul"
    weak = ref is _MISSING and not _group(m, "prep") and not _group(m, "part")
    build = _with_part(m, lambda y: cal.season_period(y, code))
    return _span(m, precision=_precision(m, Precision.SEASON), year=ref, build=build, weak=weak)


_NOT_AFTER_YEAR = re.compile(
    r"\s+(?:people|persons|civilians|fighters|soldiers|troops|militants|insurgents|men|women|children|refugees|"
    r"families|homes|houses|buildings|rockets|missiles|shells|dollars|euros|pounds|km|kilometres|kilometers|"
    r"miles|metres|meters|tonnes|tons|members|residents|prisoners|detainees|voters|votes|deaths|victims)\b", re.I)


_YEAR_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d\d,?\s+$")


def _year_only(m: re.Match[str]) -> Found | None:
    year = int(m.group("y"))
    if _NOT_AFTER_YEAR.match(m.string, m.end("core")):
        return None
    prep = (_group(m, "prep") or "").lower()
    if prep in ("and", "or") and not _YEAR_BEFORE.search(m.string, max(0, m.start("prep") - 8), m.start("prep")):
        prep = ""  # only a year after a year is trusted: "in 1995 and 1996", not "Smith and 1996"
    weak = not prep
    return _span(m, precision=Precision.YEAR, year=YearRef("abs", year), build=cal.year_period, weak=weak,
                 year_at=(m.start("y"), m.end("y")))


def _year_part(m: re.Match[str]) -> Found | None:
    return _span(m, precision=Precision.RANGE, year=YearRef("abs", int(m.group("y"))),
                 build=_with_part(m, cal.year_period))


def _year_range(m: re.Match[str]) -> Found | None:
    y1, tail = int(m.group("y1")), m.group("y2")
    y2 = int(tail) if len(tail) == 4 else y1 // 100 * 100 + int(tail)
    if not _group(m, "lead") and _group(m, "join") == "and":
        return None
    if not y1 < y2 <= y1 + 50:
        return None
    return _span(m, precision=Precision.RANGE, year=YearRef("abs", y2),
                 build=lambda y: cal.span(cal.year_period(y1), cal.year_period(y)))


def _decade(m: re.Match[str]) -> Found | None:
    first = int(m.group("dec"))
    return _span(m, precision=_precision(m, Precision.DECADE), year=YearRef("abs", first),
                 build=_with_part(m, cal.decade_period), fixes_year=False)


def _relative_year(m: re.Match[str]) -> Found | None:
    ref = YearRef("offset", _OFFSETS[m.group("r").lower()])
    build = _with_part(m, cal.year_period)
    if _group(m, "earlier") and ref.n == 0:  # "earlier this year" ends before publication
        return _span(m, precision=Precision.YEAR, anchored=lambda pub: cal.clip_before(cal.year_period(pub.year), pub))
    return _span(m, precision=_precision(m, Precision.YEAR), year=ref, build=build)


# --------------------------------------------------------------------------- rules: relative to publication


def _number(m: re.Match[str], g: str) -> int:
    raw = (_group(m, g) or "1").lower()
    return int(raw) if raw.isdigit() else cal.NUMBER_WORDS[raw]


def _relative_unit(m: re.Match[str]) -> Found | None:
    """"last week", "this month", "earlier this week", "late last month", "last weekend"."""
    offset, unit, part = _OFFSETS[m.group("r").lower()], m.group("unit").lower(), _part_name(m)
    if unit == "weekend":
        return _span(m, precision=Precision.RANGE, anchored=lambda pub: cal.weekend_near(pub, forward=offset > 0))
    if _group(m, "earlier") and offset == 0:
        return _span(m, precision=_UNITS[unit], anchored=lambda pub: cal.clip_before(cal.shifted(pub, unit, 0), pub))
    return _span(m, precision=Precision.RANGE if part else _UNITS[unit],
                 anchored=lambda pub: cal.part_of(cal.shifted(pub, unit, offset), part))


_UNITS = {"day": Precision.DAY, "week": Precision.WEEK, "month": Precision.MONTH, "year": Precision.YEAR}


def _ago(m: re.Match[str]) -> Found | None:
    n, unit = _number(m, "n"), m.group("unit").lower()
    return _span(m, precision=_UNITS[unit], anchored=lambda pub: cal.shifted(pub, unit, -n))


_DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "last night": -1, "this morning": 0,
              "this afternoon": 0, "this evening": 0, "earlier today": 0, "the day before yesterday": -2}


def _day_word(m: re.Match[str]) -> Found | None:
    back = _DAY_WORDS[" ".join(m.group("w").lower().split())]
    return _span(m, precision=Precision.DAY, anchored=lambda pub: cal.shifted(pub, "day", back))


_CAPITAL_AFTER = re.compile(r"\s+(?-i:[A-Z][a-z])")
_NAME_BEFORE = re.compile(r"(?:Good|Black|Ash|Holy|Bloody|Palm|Easter|\b[Tt]he)\s+$")


def _weekday(m: re.Match[str]) -> Found | None:
    text, start = m.string, m.start("wd")
    before = _NAME_BEFORE.search(text, max(0, start - 12), start)
    if before and (before.group().lower().strip() != "the" or _CAPITAL_AFTER.match(text, m.end("wd"))):
        return None  # "Good Friday", "the Sunday Times"; but "On Sunday Israeli jets..." is a date
    weekday, rel = cal.WEEKDAYS[m.group("wd").lower()], " ".join((_group(m, "rel") or "").lower().split())
    forward, same_day = rel == "next", not rel  # "last Monday" said on a Monday is a week ago; "Monday" is today
    return _span(m, precision=Precision.DAY, anchored=lambda pub: cal.day_period(
        cal.weekday_near(pub, weekday, forward=forward, same_day=same_day)))


_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _quarter(m: re.Match[str]) -> Found | None:
    """"the third quarter (of 1997)": a calendar quarter as a range of its three months."""
    first_month = 3 * _ORDINALS[m.group("q").lower()] - 2
    ref = YearRef("offset", _OFFSETS[m.group("rel").lower()]) if _group(m, "ys") else _rel_ref(m) or _year_ref(m)
    if ref is _MISSING and _group(m, "y2"):
        ref = YearRef("abs", int(m.group("y2")))
    return _span(m, precision=Precision.RANGE, year=ref,
                 build=lambda y: cal.span(cal.month_period(y, first_month), cal.month_period(y, first_month + 2)))


_PRESENT_WORDS = re.compile(r"now|currently|nowadays|at\s+present", re.I)


def is_present_reference(text: str) -> bool:
    """True for the words of a present reference ("now", "currently"): TimeML's PRESENT_REF."""
    return _PRESENT_WORDS.fullmatch(text.strip()) is not None


def _present(m: re.Match[str]) -> Found | None:
    return _span(m, precision=Precision.DAY, anchored=cal.day_period, present=True)


def _day_after(m: re.Match[str]) -> Found | None:
    return _span(m, precision=Precision.DAY, after_day=_number(m, "n"))


def _shift(m: re.Match[str]) -> Found | None:
    """"a year earlier", "two weeks later", "the previous day": counted from the previous time in the text."""
    unit = (_group(m, "unit") or "day").lower()
    n = -1 if _group(m, "prev") else _number(m, "n") * (-1 if m.group("dir").lower() in ("earlier", "before") else 1)
    return _span(m, precision=_UNITS[unit], shift=(unit, n))


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


def _reference(m: re.Match[str]) -> Found | None:
    return _span(m, precision=Precision.UNKNOWN, reference=time_reference(m.group("core")))


# A clock time: "3 p.m.", "10:30 am", "noon".  It makes the expression a TimeML TIME but an event's date stays a day.
_CLOCK = r"(?:\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\d{1,2}:\d\d\b|noon\b|midnight\b)"
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


def _clock_day(m: re.Match[str]) -> Found | None:
    return _weekday(m) if _group(m, "wd") else _day_word(m)


# --------------------------------------------------------------------------- the rule table

_FLAGS = re.IGNORECASE
_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], Found | None]]
_RULES: tuple[_Rule, ...] = tuple((re.compile(p, _FLAGS), h) for p, h in (
    (rf"(?P<core>\b(?:on\s+)?{_WD_OPT}(?:the\s+)?{_day('d')}(?:\s+of)?\s+{_month('m')}{_year_tail()}?)", _day_month),
    (rf"(?P<core>\b(?:on\s+)?{_WD_OPT}{_month('m')}\s+(?:the\s+)?{_day('d')}{_year_tail()}?)", _day_month),
    (r"(?<![\d/.-])(?P<core>(?P<y>(?:19|20)\d\d)(?P<sep>[-/])(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d))(?![\d/-])", _iso),
    (r"(?<![\d/.-])(?P<core>(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d))(?![\d/]|\.\d)",
     _numeric),
    (rf"(?P<core>\b(?:(?P<lead>between|from)\s+)?(?:the\s+)?{_day('d1')}{_JOIN}(?:the\s+)?{_day('d2')}(?:\s+of)?\s+"
     rf"{_month('m')}{_year_tail()}?)", _day_range),
    (rf"(?P<core>\b(?:(?P<lead>between|from)\s+)?{_month('m')}\s+{_day('d1')}{_JOIN}{_day('d2')}{_year_tail()}?)",
     _day_range),
    (rf"(?P<core>\b(?:(?P<lead>between|from)\s+)?{_day('d1')}\s+{_month('m1')}(?:,?\s+{_year('y1')})?{_JOIN}"
     rf"{_day('d2')}\s+{_month('m2')}{_year_tail()}?)", _cross_range),
    (rf"(?P<core>\b(?:(?P<lead>between|from)\s+)?{_month('m1')}\s+{_day('d1')}(?:,?\s+{_year('y1')})?{_JOIN}"
     rf"{_month('m2')}\s+{_day('d2')}{_year_tail()}?)", _cross_range),
    (rf"(?P<core>\b(?:(?P<lead>between|from)\s+)?{_month('m1')}(?:,?\s+{_year('y1')})?{_JOIN}{_month('m2')}"
     rf"{_year_tail()}?)", _month_range),
    (rf"(?:\b(?P<prep>{_PREP}|and|or)\s+)?(?P<core>\b(?:{_PART}|(?P<rel>last|this|next|this\s+past)\s+)?{_month('m')}"
     rf"{_year_tail()}?)", _month_named),
    (rf"(?:\b(?P<prep>{_PREP})\s+)?(?P<core>\b(?:{_PART}|(?P<rel>last|this|next|past)\s+)?(?:the\s+)?"
     rf"(?P<s>spring|summer|autumn|fall|winter)\b(?:,?\s+(?:of\s+)?{_year('y')}|\s+of\s+(?P<r>last|this|next)\s+year)?)",
     _season),
    (rf"(?:\b(?P<prep>in|since|during|of|by|until|till|before|after|from|through|throughout|around|and|or)\s+)?"
     rf"(?:the\s+year\s+)?(?P<core>{_year('y')})(?!\s*[-–—/]\s*\d)", _year_only),
    (rf"(?P<core>\b{_PART}(?:the\s+year\s+)?{_year('y')})", _year_part),
    (rf"(?P<core>\b(?:(?P<lead>between|from)\s+)?{_year('y1')}{_JOIN}(?P<y2>(?:19|20)?\d\d)\b(?![-/]\w))", _year_range),
    (rf"(?P<core>\b(?:the\s+)?{_PART}?(?:the\s+)?(?P<dec>(?:19|20)\d0)['’]?s)\b", _decade),
    (rf"(?P<core>\b(?:{_PART}|(?P<earlier>earlier|later)\s+)?(?P<r>last|this|next)\s+year)\b", _relative_year),
    (rf"(?P<core>\b(?:{_PART}|(?P<earlier>earlier|later)\s+)?(?P<r>last|this|next)\s+(?P<unit>month|weekend|week))\b",
     _relative_unit),
    (rf"(?P<core>\b(?P<n>\d{{1,3}}|{_NUMBER_ALT})\s+(?P<unit>day|week|month|year)s?\s+ago)\b", _ago),
    (r"(?P<core>\b(?P<w>the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|this\s+morning|"
     r"this\s+afternoon|this\s+evening|earlier\s+today))\b", _day_word),
    (rf"(?P<core>\b(?:the\s+|(?P<rel>last|this|next)\s+(?P<ys>year['’]s\s+)?)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
     rf"[\s-]+(?:fiscal\s+)?quarter\b(?:\s+of\s+{_year('y')}|,?\s+{_year('y2')}|\s+of\s+(?P<r>last|this|next)\s+year)?)",
     _quarter),
    (r"(?P<core>\b(?:now|currently|nowadays|at\s+present)\b)(?![-‐])", _present),
    (r"(?P<core>\bthe\s+(?:next|following)\s+(?:day|morning|night)|"
     rf"\b(?P<n>\d{{1,2}}|{_NUMBER_ALT})\s+days?\s+later)\b", _day_after),
    (rf"(?P<core>\b(?:(?P<prev>the\s+(?:previous|preceding)\s+day)|"
     rf"(?P<n>an?|\d{{1,2}}|{_NUMBER_ALT})\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>earlier|later|before(?=\s*[.,;)]))))\b",
     _shift),
    (r"(?<!\bas\s)(?P<core>\b(?:recently|lately|soon)\b(?!\s+as\b)|\bthe\s+(?:past|future)\b"
     r"(?!\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?|hours?|centur\w+|\d|few|several|couple|tense)\b)"
     r"(?![-‐]))", _reference),
    (rf"(?P<core>\b{_CLOCK}(?:\s+local\s+time)?,?\s+(?:on\s+)?(?:(?P<rel>last|this|next)\s+)?"
     rf"(?-i:(?P<wd>{_WEEKDAY_ALT}))\b)", _clock_day),
    (rf"(?P<core>\b{_CLOCK}\s+(?P<w>yesterday|today)\b)", _clock_day),
    (rf"(?P<core>\b(?:on\s+)?(?-i:(?P<wd>{_WEEKDAY_ALT}))(?:\s+(?:morning|afternoon|evening|night))?,?\s+at\s+"
     rf"{_CLOCK})", _clock_day),
    (rf"(?P<core>\b(?:(?:early|late)\s+(?:on\s+)?)?(?:on\s+)?(?:(?P<rel>last|this|next|this\s+past)\s+)?"
     rf"(?-i:(?P<wd>{_WEEKDAY_ALT}))\b(?P<tod>\s+(?:morning|afternoon|evening|night))?)", _weekday),
))

# Every rule's match contains one of these words, and reaches at most _MARGIN characters beyond it.
_TRIGGER = re.compile(
    rf"(?:{_MONTH_ALT}|{_SHORT_MONTH_ALT}|{_WEEKDAY_ALT})|(?<!\d)(?:19|20)\d\d(?!\d)|\d[/.-]\d|"
    r"\b(?:[Yy]ear|[Mm]onth|[Ww]eek|ago|later|[Yy]esterday|[Tt]oday|[Tt]onight|night|day|quarter|[Nn]ow|"
    r"[Cc]urrently|present|[Rr]ecently|[Ll]ately|[Ss]oon|past|future|earlier|before|previous|preceding|"
    r"[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)")
_MARGIN = 48


def find_candidates(text: str) -> list[Found]:
    found = []
    segments = _segments(text)
    for pattern, handler in _RULES:
        for seg_start, seg_end in segments:
            for m in pattern.finditer(text, seg_start, seg_end):
                item = handler(m)
                if item is not None and item.end > item.start:
                    found.append(item)
    return found


def _segments(text: str) -> list[tuple[int, int]]:
    """Stretches of text around trigger words, merged; the rules only scan these (most text has no time)."""
    segments: list[tuple[int, int]] = []
    for m in _TRIGGER.finditer(text):
        start = max(0, m.start() - _MARGIN)
        end = min(len(text), m.end() + _MARGIN)
        if segments and start <= segments[-1][1]:
            segments[-1] = (segments[-1][0], max(end, segments[-1][1]))
        else:
            segments.append((start, end))
    out = []
    for start, end in segments:
        # A window must not cut a word: "Octob|er" would read as "Oct".
        while end < len(text) and (text[end].isalnum() or text[end] in ".,"):
            end += 1
        out.append((start, end))
    return out
