"""The rules of the times stage: one precompiled pattern for every common form of time expression, each with
a reader (``_time_absolute``, ``_time_relative``) that says what the match means up to its year (``Found``).
``times.py`` walks the candidates in text order and fills in the years; see its docstring for the conventions.

Rules are tried on short windows around trigger words only (most text has no time); longest match wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sitrep.extract._time_absolute import (
    read_cross_range,
    read_day_month,
    read_day_range,
    read_decade,
    read_fiscal_year,
    read_iso,
    read_month_named,
    read_month_range,
    read_numeric,
    read_quarter,
    read_season,
    read_short_decade,
    read_short_year,
    read_year_only,
    read_year_part,
    read_year_range,
)
from sitrep.extract._time_found import (
    JOIN,
    MONTH_ALT,
    NUMBER_ALT,
    PART,
    PREP,
    SHORT_MONTH_ALT,
    WD_OPT,
    WEEKDAY_ALT,
    Found,
    day_re,
    month_re,
    year_re,
    year_tail_re,
)
from sitrep.extract._time_relative import (
    CLOCK,
    read_ago,
    read_bare_clock,
    read_clock_day,
    read_day_after,
    read_day_word,
    read_present,
    read_reference,
    read_relative_unit,
    read_relative_year,
    read_shift,
    read_weekday,
)

# --------------------------------------------------------------------------- the rule table

_FLAGS = re.IGNORECASE
_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], Found | None]]
_RULES: tuple[_Rule, ...] = tuple((re.compile(p, _FLAGS), h) for p, h in (
    (rf"(?P<core>\b(?:on\s+)?{WD_OPT}(?:the\s+)?{day_re('d')}(?:\s+of)?\s+{month_re('m')}{year_tail_re()}?)",
     read_day_month),
    (rf"(?P<core>\b(?:on\s+)?{WD_OPT}{month_re('m')}\s+(?:the\s+)?{day_re('d')}{year_tail_re()}?)", read_day_month),
    # A clock time before a day is part of the day's expression: "10 a.m. June 4", "noon on 3 May".
    (rf"(?P<core>\b{CLOCK}(?:\s+local\s+time)?,?\s+(?:on\s+)?{month_re('m')}\s+(?:the\s+)?{day_re('d')}"
     rf"{year_tail_re()}?)", read_day_month),
    (rf"(?P<core>\b{CLOCK}(?:\s+local\s+time)?,?\s+(?:on\s+)?(?:the\s+)?{day_re('d')}(?:\s+of)?\s+{month_re('m')}"
     rf"{year_tail_re()}?)", read_day_month),
    (r"(?<![\d/.-])(?P<core>(?P<y>(?:19|20)\d\d)(?P<sep>[-/])(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d))(?![\d/-])", read_iso),
    (r"(?<![\d/.-])(?P<core>(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d))(?![\d/]|\.\d)",
     read_numeric),
    (rf"(?P<core>\b(?:(?P<lead>between|from)\s+)?(?:the\s+)?{day_re('d1')}{JOIN}(?:the\s+)?{day_re('d2')}(?:\s+of)?\s+"
     rf"{month_re('m')}{year_tail_re()}?)", read_day_range),
    (rf"(?P<core>\b(?:(?P<lead>between|from)\s+)?{month_re('m')}\s+{day_re('d1')}{JOIN}{day_re('d2')}"
     rf"{year_tail_re()}?)",
     read_day_range),
    (rf"(?P<core>\b(?:(?P<lead>between|from)\s+)?{day_re('d1')}\s+{month_re('m1')}(?:,?\s+{year_re('y1')})?{JOIN}"
     rf"{day_re('d2')}\s+{month_re('m2')}{year_tail_re()}?)", read_cross_range),
    (rf"(?P<core>\b(?:(?P<lead>between|from)\s+)?{month_re('m1')}\s+{day_re('d1')}(?:,?\s+{year_re('y1')})?{JOIN}"
     rf"{month_re('m2')}\s+{day_re('d2')}{year_tail_re()}?)", read_cross_range),
    (rf"(?P<core>\b(?:(?P<lead>between|from)\s+)?{month_re('m1')}(?:,?\s+{year_re('y1')})?{JOIN}{month_re('m2')}"
     rf"{year_tail_re()}?)", read_month_range),
    (rf"(?:\b(?P<prep>{PREP}|and|or)\s+)?(?P<core>\b(?:{PART}|(?P<rel>last|this|next|this\s+past)\s+)?{month_re('m')}"
     rf"{year_tail_re()}?)", read_month_named),
    (rf"(?:\b(?P<prep>{PREP})\s+)?(?P<core>\b(?:{PART}|(?P<rel>last|this|next|past)\s+)?(?:the\s+)?"
     rf"(?P<s>spring|summer|autumn|fall|winter)\b(?:,?\s+(?:of\s+)?{year_re('y')}|\s+of\s+(?P<r>last|this|next)\s+year)?)",
     read_season),
    (rf"(?:\b(?P<prep>in|since|during|of|by|until|till|before|after|from|through|throughout|around|and|or)\s+)?"
     rf"(?:the\s+year\s+)?(?P<core>{year_re('y')})(?!\s*[-–—/]\s*\d)", read_year_only),
    (rf"(?P<core>\b{PART}(?:the\s+year\s+)?{year_re('y')})", read_year_part),
    (rf"(?P<core>\b(?:(?P<lead>between|from)\s+)?{year_re('y1')}{JOIN}(?P<y2>(?:19|20)?\d\d)\b(?![-/]\w))",
     read_year_range),
    (rf"(?P<core>\b(?:the\s+)?{PART}?(?:the\s+)?(?P<dec>(?:19|20)\d0)['’]?s)\b", read_decade),
    (rf"(?P<core>(?:\bthe\s+)?{PART}?(?:\bthe\s+)?['’](?P<yy>\d0)s)\b", read_short_decade),
    (rf"\b(?:{PREP})\s+(?P<core>['’](?P<yy>\d\d))(?![\w'’])", read_short_year),
    (r"(?P<core>\b(?:fiscal(?:\s+year)?\s+|(?-i:FY)\s?)(?P<y>(?:19|20)\d\d))(?!\d)", read_fiscal_year),
    (rf"(?P<core>\b(?:{PART}|(?P<earlier>earlier|later)\s+)?(?P<r>last|this|next)\s+year)\b", read_relative_year),
    (rf"(?P<core>\b{PART}(?P<r>the)\s+year)\b(?![-‐])", read_relative_year),
    (rf"(?P<core>\b{PART}(?P<r>the)\s+(?P<unit>month|week))\b(?![-‐])", read_relative_unit),
    (r"(?P<core>\b(?P<r>the)\s+(?P<unit>weekend))\b", read_relative_unit),
    (rf"(?P<core>\b(?:{PART}|(?P<earlier>earlier|later)\s+)?(?P<r>last|this|next)\s+(?P<unit>month|weekend|week))\b",
     read_relative_unit),
    (rf"(?P<core>\b(?P<n>\d{{1,3}}|{NUMBER_ALT})\s+(?P<unit>day|week|month|year)s?\s+ago)\b", read_ago),
    (r"(?P<core>\b(?P<w>the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|this\s+morning|"
     r"this\s+afternoon|this\s+evening|earlier\s+today))\b", read_day_word),
    (rf"(?P<core>\b(?:the\s+|(?P<rel>last|this|next)\s+(?P<ys>year['’]s\s+)?)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
     rf"[\s-]+(?:fiscal\s+)?quarter\b(?:\s+of\s+{year_re('y')}|,?\s+{year_re('y2')}|\s+of\s+(?P<r>last|this|next)\s+year)?)",
     read_quarter),
    (r"(?P<core>\b(?:now|currently|nowadays|at\s+present)\b)(?![-‐])", read_present),
    (r"(?P<core>\bthe\s+(?:next|following)\s+(?:day|morning|night)|"
     rf"\b(?P<n>\d{{1,2}}|{NUMBER_ALT})\s+days?\s+later)\b", read_day_after),
    (rf"(?P<core>\b(?:(?P<prev>the\s+(?:previous|preceding)\s+day)|"
     rf"(?P<n>an?|\d{{1,2}}|{NUMBER_ALT})\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>earlier|later|before(?=\s*[.,;)]))))\b",
     read_shift),
    (r"(?<!\bas\s)(?P<core>\b(?:recently|lately|soon)\b(?!\s+as\b)|\bthe\s+(?:past|future)\b"
     r"(?!\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?|hours?|centur\w+|\d|few|several|couple|tense)\b)"
     r"(?![-‐]))", read_reference),
    (rf"(?P<core>\b{CLOCK}(?:\s+local\s+time)?,?\s+(?:on\s+)?(?:(?P<rel>last|this|next)\s+)?"
     rf"(?-i:(?P<wd>{WEEKDAY_ALT}))\b)", read_clock_day),
    (rf"(?P<core>\b{CLOCK}\s+(?P<w>yesterday|today)\b)", read_clock_day),
    (r"(?:\b(?P<prep>at|by|before|after|until|till|around|about)\s+)?(?P<core>\b(?:\d{1,2}(?:[:.]\d\d)?\s*"
     r"(?:a\.m\.|p\.m\.|am\b|pm\b)(?:\s+local\s+time)?|\d{1,2}:\d\d\b(?:\s+(?:GMT|UTC|local\s+time)\b)?|"
     r"(?:noon|midnight)\b))", read_bare_clock),
    (rf"(?P<core>\b(?:on\s+)?(?-i:(?P<wd>{WEEKDAY_ALT}))(?:\s+(?:morning|afternoon|evening|night))?,?\s+at\s+"
     rf"{CLOCK})", read_clock_day),
    (rf"(?P<core>\b(?:(?:early|late)\s+(?:on\s+)?)?(?:on\s+)?(?:(?P<rel>last|this|next|this\s+past)\s+)?"
     rf"(?-i:(?P<wd>{WEEKDAY_ALT}))\b(?P<tod>\s+(?:morning|afternoon|evening|night))?)", read_weekday),
))

# Every rule's match contains one of these words, and reaches at most _MARGIN characters beyond it.
_TRIGGER = re.compile(
    rf"(?:{MONTH_ALT}|{SHORT_MONTH_ALT}|{WEEKDAY_ALT})|(?<!\d)(?:19|20)\d\d(?!\d)|\d[/.-]\d|"
    r"\b(?:[Yy]ear|[Mm]onth|[Ww]eek|ago|later|[Yy]esterday|[Tt]oday|[Tt]onight|night|day|quarter|[Nn]ow|"
    r"[Cc]urrently|present|[Rr]ecently|[Ll]ately|[Ss]oon|past|future|earlier|before|previous|preceding|"
    r"[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter|noon|midnight)|['’]\d\d(?!\d)|\d:\d\d|\d\s*[AaPp]\.?[Mm]\b")
_MARGIN = 48


def find_candidates(text: str) -> list[Found]:
    """Every match of every rule in ``text``, overlapping and unfiltered (``times._select`` picks among them)."""
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


