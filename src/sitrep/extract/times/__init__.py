"""The times stage: every time expression in a document as a calendar ``Time``, anchored on the
publication date ("yesterday", "on Sunday", "29 March last year") or on an earlier year in the text ("in May").

Passes (``find_times``):
1. candidates: the language's rule table (``lang/<code>/times.yaml``), tried around trigger words (``rules``);
   each rule's reader says what its match means up to its year (``absolute``, ``relative``);
2. selection: the longest candidates that do not overlap; spaCy DATE entities license the bare forms the rules
   alone do not trust (a year or month with no preposition: "the 2014 offensive"), CARDINAL entities veto a
   year ("of 2000 people") (``resolve.select``);
3. resolution, in text order: the year named in the text, computed from publication, or inherited from the
   last expression that fixed one (``resolve``; tense and "since" from ``context``);
4. findings: the times, the header's dateline (``datelines``), which times are references or bare clock times,
   and the publication date as a ``Time`` (``TimeFindings``, for the events stage).

Conventions:
- evidence is the expression without its leading preposition, except that "on" before a day is kept
  ("on Sunday", "on 29 March last year"); "between"/"from" are kept in ranges ("between 3 and 5 May 2015");
  a year named after the expression is part of it ("29 March last year");
- a bare weekday is the most recent such day up to publication, the publication day included: wire style
  (AP) names the day of the week instead of "today", and on the ISAF dev releases every lead that names the
  publication's own weekday (4 of 4) reports that day; "last Sunday" is strictly before, "next Sunday" after;
- a day or month without a year takes the year of the most recent earlier expression that named one
  (basis ``inherited``) unless that year opened a span running to the present ("since 2009"), else the
  publication year, or the year before if the date would fall after publication (basis ``relative``), else it
  is ``unresolved``; today's date is never used;
- "the end of 2015" is the range 2015-10-01..2015-12-31 (see ``periods`` for all parts of periods);
- with no publication date but a header that gives the month (a release id "2011-07-S-039"), an expression
  relative to publication is resolved from both ends of that month: "yesterday" is 2011-06-30..2011-07-30;
- "now", "currently", "at present" are the publication day (TimeML's PRESENT_REF): the time of writing, which
  never dates an event (``TimeFindings.references``); "now-defunct" is not a time;
- "the third quarter (of 1997)" is the range of its three months; without a year, this year's unless it has
  not begun by publication;
- a clock time joined to a day is part of that day's expression ("3 p.m. Tuesday", "Monday at 10:30 a.m.",
  "9 pm today": TimeML's TIME) but the value stays the day: an event is never dated finer than a day
  (``clock_of`` gives the hour for TimeML); a bare clock time ("at 3 pm") is a TimeML TIME on the latest day
  named before it, else on the publication day (never finer than a day, and never an event's date);
- "fiscal 2012" is the calendar year 2012; "in '09" and "the '90s" take the century that puts them at or before
  publication (basis ``relative``); durations and ages are skipped;
- "recently", "lately", "(in) the past", "soon", "(in) the future" are times with no date (TimeML's PAST_REF,
  FUTURE_REF: ``time_reference``), unresolved at precision unknown, so they never date an event;
- "a year earlier", "two months later", "the previous day" count from the latest earlier time in the text at
  least as fine as the unit, else (not for days) from publication; "a year before the elections" is not a time.
"""

from __future__ import annotations

import datetime as dt
import logging

from sitrep.extract.common.records import Dateline, TimeFindings
from sitrep.extract.times import datelines, periods, relative
from sitrep.extract.times.context import opens_span_to_now, said_of_the_future
from sitrep.extract.times.found import Found
from sitrep.extract.times.resolve import (
    Resolved,
    clock_day,
    follow,
    make_time,
    may_be_upcoming,
    month_bounds,
    resolve,
    resolve_between,
    select,
    shifted,
    upcoming,
)
from sitrep.extract.times.rules import find_candidates
from sitrep.extract.times.words import TimesWords, times_words
from sitrep.lang import Lexicon, default_lexicon
from sitrep.model import Annotations, Precision, Time, TimeBasis, stable_id

log = logging.getLogger(__name__)

EXTRACTOR = "times@5"


def extract_times(ann: Annotations, *, published: str | dt.date | None = None,
                  lexicon: Lexicon | None = None) -> list[Time]:
    """Every time expression in the document, in text order, anchored on ``published`` when it needs one."""
    return list(find_times(ann, published=published, lexicon=lexicon).times)


_LEAP_YEAR = 2000  # any year with a 29 February, to read a date's days of the year


def find_times(ann: Annotations, *, published: str | dt.date | None = None,
               lexicon: Lexicon | None = None) -> TimeFindings:
    """The times of ``extract_times`` and what the stages after this one need to know of them."""
    w = _words(lexicon)
    pub = _parse_published(published, w)
    dateline = datelines.find_dateline(ann.text, w)
    bounds = None if pub is not None else month_bounds(_published_month(published) or (dateline.known_month if dateline else None))
    times: list[Time] = []
    references: set[tuple[int, int]] = set()
    bare_clocks: set[tuple[int, int]] = set()
    context_year: int | None = None
    last_day: Time | None = None
    resolved: list[Time] = []
    # a day or month written with no year, and what it resolved to: the same day again is the same day ("on March
    # 28" in the lead, "The March 28 trouble" after a paragraph about 1996-2006)
    told: dict[tuple[int, int, int, int], Resolved] = {}
    for found in select(ann, find_candidates(ann.text, w)):
        key = _calendar_key(found)
        if key in told:
            period, basis, year = told[key]
        elif found.reference is not None:
            period, basis, year = None, TimeBasis.UNRESOLVED, None  # "recently", "soon": no date to give
        elif found.shift is not None:
            period, basis, year = shifted(found.shift, resolved, pub)
        elif found.after_day is not None:
            if last_day is None:
                continue  # "the next day" with no day before it is a story's own chronology, not a date
            period, basis, year = follow(last_day, found.after_day)
        elif pub is not None and may_be_upcoming(found) and said_of_the_future(ann, found.start, found.end, w):
            period, basis, year = upcoming(found, pub)
        elif found.clock:
            period, basis, year = clock_day(last_day, pub)
        elif bounds is not None:
            period, basis, year = resolve_between(found, bounds, context_year)
        else:
            period, basis, year = resolve(found, pub, context_year)
        if period is None and basis is not TimeBasis.UNRESOLVED:
            log.debug("no such day in the resolved year: %r", ann.text[found.start : found.end])
            continue  # "29 February" resolved to 2015
        if key is not None and period is not None:
            told.setdefault(key, (period, basis, year))
        if year is not None and not opens_span_to_now(ann.text, found.start, w):
            context_year = year
        time = make_time(ann, found, period, basis, EXTRACTOR)
        if time.start is not None and not found.present and not found.clock:
            resolved.append(time)
            if time.precision is Precision.DAY:
                last_day = time
        if found.present or found.reference is not None:
            references.add((found.start, found.end))
        if found.clock:
            bare_clocks.add((found.start, found.end))
        times.append(time)
    return TimeFindings(times=tuple(times), dateline=dateline, references=frozenset(references),
                        bare_clocks=frozenset(bare_clocks), publication=publication_time(published, dateline))


def _calendar_key(found: Found) -> tuple[int, int, int, int] | None:
    """The days of the year a date written without a year covers ("March 28", "le 3 mars", "in May"), as (first
    month, first day, last month, last day); None for any other time."""
    if found.anchored is not None or found.year is None or found.year.kind != "missing" or found.build is None \
            or found.shift is not None or found.after_day is not None or found.clock or found.reference is not None:
        return None
    period = found.build(_LEAP_YEAR)
    return None if period is None else (period.start.month, period.start.day, period.end.month, period.end.day)


def parse_published(value: str | dt.date | None, *, lexicon: Lexicon | None = None) -> dt.date | None:
    """A publication date from a date, datetime or string (ISO or written out); None if it cannot be read."""
    return _parse_published(value, _words(lexicon))


def _parse_published(value: str | dt.date | None, w: TimesWords) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for candidate in (text[:10], text):
        try:
            return dt.date.fromisoformat(candidate)
        except ValueError:
            pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for found in select(None, find_candidates(text, w)):
        if found.year is not None and found.year.kind == "abs" and found.precision is Precision.DAY and found.build:
            period = found.build(found.year.n)
            if period is not None:
                return period.start
    return None


def publication_time(published: str | dt.date | None, dateline: Dateline | None = None) -> Time | None:
    """The report's own date as an event's date of last resort (basis ``publication``), at the precision it is
    known to: the day of an ISO publication date, else the month of a header that gives only a month (a release
    id without a dateline); None otherwise."""
    day = _iso_day(published)
    if day is not None:
        value = day.isoformat()
        return Time(value=value, precision=Precision.DAY, start=value, end=value, basis=TimeBasis.PUBLICATION,
                    text="", id=stable_id("tm", "publication", value))
    known = _published_month(published) or _header_month(dateline)
    if known is None:
        return None
    period = periods.month_period(*known)
    start, end = period.start.isoformat(), period.end.isoformat()
    return Time(value=period.value, precision=Precision.MONTH, start=start, end=end, basis=TimeBasis.PUBLICATION,
                text="", id=stable_id("tm", "publication", period.value))


def _published_month(published: str | dt.date | None) -> tuple[int, int] | None:
    """The (year, month) of a publication date known only to its month ("2021-03", as a news URL files it)."""
    if not isinstance(published, str) or len(published.strip()) != 7:
        return None
    try:
        day = dt.date.fromisoformat(published.strip() + "-01")
    except ValueError:
        return None
    return day.year, day.month


def _header_month(dateline: Dateline | None) -> tuple[int, int] | None:
    """The (year, month) of a header that dates the report only to its month (a release id without a dateline)."""
    return dateline.known_month if dateline is not None and dateline.date is None else None


def _iso_day(published: str | dt.date | None) -> dt.date | None:
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def find_dateline(text: str, *, lexicon: Lexicon | None = None) -> Dateline | None:
    """The publication anchor in the report's own header (a dateline, a dated title, a release id), or None."""
    return datelines.find_dateline(text, _words(lexicon))


def time_at(times: list[Time], char: int) -> Time | None:
    """The time whose evidence contains character offset ``char``, if any."""
    for time in times:
        if any(ev.start <= char < ev.end for ev in time.evidence):
            return time
    return None


def time_reference(text: str, *, lexicon: Lexicon | None = None) -> str | None:
    """TimeML's name for a time of writing, past or future with no date ("now" PRESENT_REF, "recently" PAST_REF,
    "soon" FUTURE_REF), or None."""
    return relative.time_reference(text, _words(lexicon))


def clock_of(text: str, *, lexicon: Lexicon | None = None) -> str | None:
    """The clock time in an expression's words as TimeML writes it ("3 p.m." → "15:00"), or None."""
    return relative.clock_of(text, _words(lexicon))


def _words(lexicon: Lexicon | None) -> TimesWords:
    return times_words(lexicon or default_lexicon())


__all__ = ["EXTRACTOR", "Dateline", "TimeFindings", "clock_of", "extract_times", "find_dateline", "find_times",
           "parse_published", "publication_time", "time_at", "time_reference"]
