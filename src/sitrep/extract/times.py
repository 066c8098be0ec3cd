"""The times stage: every time expression in a document as a calendar ``Time``, anchored on the
publication date ("yesterday", "on Sunday", "29 March last year") or on an earlier year in the text ("in May").

How it works: precompiled rules (below, longest match wins) find candidate expressions and say what
each one means up to its year; ``extract_times`` then walks them in text order and fills in the year
(named in the text, computed from publication, or inherited from the last expression that fixed one).
spaCy DATE entities license the bare forms the rules alone do not trust (a year or month with no
preposition: "the 2014 offensive"); CARDINAL entities veto a year ("of 2000 people").

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
- "the end of 2015" is the range 2015-10-01..2015-12-31 (see ``_calendar`` for all parts of periods);
- with no publication date but a header that gives the month (a release id "2011-07-S-039"), an expression
  relative to publication is resolved from both ends of that month: "yesterday" is 2011-06-30..2011-07-30;
- "now", "currently", "at present" are the publication day (TimeML's PRESENT_REF): the time of writing, which
  never dates an event (``_event_dates`` skips them); "now-defunct" is not a time;
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
import re
from bisect import bisect_left

from sitrep.extract import _calendar as cal
from sitrep.extract._calendar import Period
from sitrep.extract._datelines import Dateline, find_dateline
from sitrep.extract._time_found import Found
from sitrep.extract._time_relative import clock_of, is_present_reference, time_reference
from sitrep.extract._time_rules import find_candidates
from sitrep.extract.common.text import tokens_in
from sitrep.model import Annotations, Precision, Span, Time, TimeBasis, stable_id

log = logging.getLogger(__name__)

EXTRACTOR = "times@5"

_VETO_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})


# --------------------------------------------------------------------------- the stage


def extract_times(ann: Annotations, *, published: str | dt.date | None = None) -> list[Time]:
    """Every time expression in the document, in text order, anchored on ``published`` when it needs one."""
    pub = parse_published(published)
    bounds = None if pub is not None else _month_bounds(ann.text)
    times = []
    context_year: int | None = None
    last_day: Time | None = None
    resolved: list[Time] = []
    for found in _select(ann, find_candidates(ann.text)):
        if found.reference is not None:
            period, basis, year = None, TimeBasis.UNRESOLVED, None  # "recently", "soon": no date to give
        elif found.shift is not None:
            period, basis, year = _shifted(found.shift, resolved, pub)
        elif found.after_day is not None:
            if last_day is None:
                continue  # "the next day" with no day before it is a story's own chronology, not a date
            period, basis, year = _follow(last_day, found.after_day)
        elif pub is not None and _may_be_upcoming(found) and said_of_the_future(ann, found.start, found.end):
            period, basis, year = _upcoming(found, pub)
        elif found.clock:
            period, basis, year = _clock_day(last_day, pub)
        elif bounds is not None:
            period, basis, year = _resolve_between(found, bounds, context_year)
        else:
            period, basis, year = _resolve(found, pub, context_year)
        if period is None and basis is not TimeBasis.UNRESOLVED:
            log.debug("no such day in the resolved year: %r", ann.text[found.start : found.end])
            continue  # "29 February" resolved to 2015
        if year is not None and not opens_span_to_now(ann.text, found.start):
            context_year = year
        time = _make_time(ann, found, period, basis)
        if time.start is not None and not found.present and not found.clock:
            resolved.append(time)
            if time.precision is Precision.DAY:
                last_day = time
        times.append(time)
    return times


def parse_published(value: str | dt.date | None) -> dt.date | None:
    """A publication date from a date, datetime or string (ISO or written out); None if it cannot be read."""
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
    for found in _select(None, find_candidates(text)):
        if found.year is not None and found.year.kind == "abs" and found.precision is Precision.DAY and found.build:
            period = found.build(found.year.n)
            if period is not None:
                return period.start
    return None


# Where a clause ends, looking back from a time: a sentence end (not "U.S. troops"), a semicolon, a new line.
_CLAUSE_END = re.compile(r"[.!?][\"'”’)]?\s+(?=[A-Z\"“])|[;\n]")
_SINCE = re.compile(r"\bsince\b", re.I)


def opens_span_to_now(text: str, start: int) -> bool:
    """True for a time that starts a stretch running up to the time of writing: "since 2009", "since the uprising
    began in March 2011".  Its year is background, so the months that follow do not inherit it ("... since the
    uprising began in March 2011.  The group revised its count after deaths in May": May of this year)."""
    window = text[max(0, start - 60) : start]
    ends = [m.end() for m in _CLAUSE_END.finditer(window)]
    return _SINCE.search(window, ends[-1] if ends else 0) is not None


def time_at(times: list[Time], char: int) -> Time | None:
    """The time whose evidence contains character offset ``char``, if any."""
    for time in times:
        if any(ev.start <= char < ev.end for ev in time.evidence):
            return time
    return None



def _select(ann: Annotations | None, found: list[Found]) -> list[Found]:
    """Drop weak or vetoed candidates, keep the longest that do not overlap; in text order."""
    entities = ann.entities if ann is not None else ()
    dates = [e for e in entities if e.label == "DATE"]
    numbers = [e for e in entities if e.label in _VETO_LABELS]
    starts: list[int] = []
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: (f.start - f.end, f.start)):
        i = bisect_left(starts, item.start)
        if (i > 0 and kept[i - 1].end > item.start) or (i < len(kept) and kept[i].start < item.end):
            continue
        if _trusted(item, dates, numbers):
            starts.insert(i, item.start)
            kept.insert(i, item)
    return kept


def _trusted(found: Found, dates: list[Span], numbers: list[Span]) -> bool:
    if found.weak and not any(e.start <= found.start and found.end <= e.end for e in dates):
        return False
    if found.year_at is not None:
        start, end = found.year_at
        if any(e.start < end and start < e.end for e in numbers):
            return False
    return True


def _resolve(found: Found, pub: dt.date | None, context_year: int | None
             ) -> tuple[Period | None, TimeBasis, int | None]:
    """The candidate's period, its basis, and the year it fixes for later expressions (if it names one)."""
    if found.anchored is not None:
        if pub is None:
            return None, TimeBasis.UNRESOLVED, None
        return found.anchored(pub), TimeBasis.RELATIVE, None
    assert found.year is not None and found.build is not None
    ref, build = found.year, found.build
    if ref.kind == "abs":
        return build(ref.n), TimeBasis.ABSOLUTE, (ref.n if found.fixes_year else None)
    if ref.kind == "missing" and context_year is not None:
        return build(context_year), TimeBasis.INHERITED, None
    if pub is None:
        return None, TimeBasis.UNRESOLVED, None
    if ref.kind == "offset":
        year = pub.year + ref.n
    else:
        this_year = build(pub.year)
        if ref.kind == "recent":  # "last March": the latest one that is over
            year = pub.year if this_year and this_year.end < pub else pub.year - 1
        elif ref.kind == "upcoming":  # "next March"
            year = pub.year if this_year and this_year.start > pub else pub.year + 1
        elif ref.kind == "current":  # "this winter": the one under way, else the one named by this year
            next_year = build(pub.year + 1)
            year = pub.year + 1 if next_year and next_year.start <= pub <= next_year.end else pub.year
        else:  # no year at all: this year's, unless that is still to come
            year = pub.year if this_year and this_year.start <= pub else pub.year - 1
    return build(year), TimeBasis.RELATIVE, (year if ref.kind != "missing" else None)


def _month_bounds(text: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of the publication month when the header gives only a month (a release id)."""
    dateline = find_dateline(text)
    known = dateline.known_month if dateline is not None else None
    if known is None:
        return None
    period = cal.month_period(*known)
    return period.start, period.end


def _resolve_between(found: Found, bounds: tuple[dt.date, dt.date], context_year: int | None
                     ) -> tuple[Period | None, TimeBasis, int | None]:
    """Resolve against a publication date known only to lie between two days: the same period from both ends,
    else the range that covers both readings ("yesterday" in a July release: June 30 to July 30)."""
    if found.anchored is None and found.year is not None and found.year.kind == "missing":
        # "on 4 July" in a July release: this year's unless it falls after every possible publication day.
        return _resolve(found, bounds[1], context_year)
    first, f_basis, f_year = _resolve(found, bounds[0], context_year)
    last, _, l_year = _resolve(found, bounds[1], context_year)
    year = f_year if f_year == l_year else None
    if first is None or last is None or first == last:
        return (first if last is not None else None), f_basis, year
    return cal.date_range(min(first.start, last.start), max(first.end, last.end)), f_basis, year


def _follow(previous: Time, days: int) -> tuple[Period | None, TimeBasis, int | None]:
    """"The next day", "two days later": counted from the previous day named in the text."""
    if previous.start is None:
        return None, TimeBasis.UNRESOLVED, None
    return cal.day_period(dt.date.fromisoformat(previous.start) + dt.timedelta(days=days)), TimeBasis.INHERITED, None


def _may_be_upcoming(found: Found) -> bool:
    """A bare weekday or a day or month with no year: the forms whose reading tense can turn forward."""
    return found.weekday is not None or (found.anchored is None and found.year is not None
                                         and found.year.kind == "missing")


def _upcoming(found: Found, pub: dt.date) -> tuple[Period | None, TimeBasis, int | None]:
    """The next such day after publication, or this year's day or month unless it is over ("a vote is scheduled
    for June 26"; "talks will resume on Friday"), whatever year the text named before."""
    if found.weekday is not None:
        return cal.day_period(cal.weekday_near(pub, found.weekday, forward=True)), TimeBasis.RELATIVE, None
    assert found.build is not None
    this_year = found.build(pub.year)
    year = pub.year if this_year is not None and this_year.end >= pub else pub.year + 1
    return found.build(year), TimeBasis.RELATIVE, None


# Verbs of the future: "will resume", "is due to meet", "is expected to brief", "is scheduled for", "plans to".
_FUTURE_AUX = frozenset({"will", "'ll", "shall"})
_SCHEDULED = frozenset({"due", "schedule", "expect", "plan", "set"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "acl"})


def said_of_the_future(ann: Annotations, start: int, end: int) -> bool:
    """True if the clause that a time hangs from speaks of what is still to come.  It reads the parse up from
    the time to its clause's verb: a future auxiliary, or a present-tense "is due / expected / scheduled",
    says so; a past tense ("were expected to resume on Friday") or no parse says not."""
    inside = tokens_in(ann, start, end)
    if not inside or not ann.children:
        return False
    idx = {t.i for t in inside}
    j = next((t.i for t in inside if t.head not in idx or t.head == t.i), inside[0].i)
    for _ in range(8):
        tok = ann.tokens[j]
        if tok.pos in ("VERB", "AUX", "ADJ"):
            kids = [ann.tokens[k] for k in ann.children[j]]
            auxes = [k for k in kids if k.dep in ("aux", "auxpass")]
            if any(k.text.lower() in _FUTURE_AUX for k in auxes):
                return True
            own = [tok] if tok.lemma.lower() in ("plan", "expect") else []
            if tok.lemma.lower() in _SCHEDULED and any(
                    t.tag in _PRESENT_TAGS for t in (*own, *auxes, ann.tokens[tok.head])):
                return True
            if tok.tag == "VBD" or any(k.tag == "VBD" for k in auxes) or tok.dep in _CLAUSE_DEPS:
                return False
        if tok.head == j:
            return False
        j = tok.head
    return False


def _clock_day(last_day: Time | None, pub: dt.date | None) -> tuple[Period | None, TimeBasis, int | None]:
    """A bare clock time ("at 3 a.m.") is on the latest day named before it, else on the publication day."""
    if last_day is not None:
        return _follow(last_day, 0)
    if pub is None:
        return None, TimeBasis.UNRESOLVED, None
    return cal.day_period(pub), TimeBasis.RELATIVE, None


_UNIT_RANK = {Precision.DAY: 0, Precision.WEEK: 1, Precision.MONTH: 2, Precision.YEAR: 3}


def _shifted(shift: tuple[str, int], resolved: list[Time], pub: dt.date | None
             ) -> tuple[Period | None, TimeBasis, int | None]:
    """"A year earlier", "two months later": from the latest time in the text at least as fine as the unit,
    else from publication; a day count with no day before it is the story's own chronology: unresolved."""
    unit, n = shift
    rank = _UNIT_RANK[_UNIT_PRECISION[unit]]
    previous = next((t for t in reversed(resolved) if _UNIT_RANK.get(t.precision, 9) <= rank), None)
    if previous is not None and previous.start is not None:
        return cal.shifted(dt.date.fromisoformat(previous.start), unit, n), TimeBasis.INHERITED, None
    if unit == "day" or pub is None:
        return None, TimeBasis.UNRESOLVED, None
    return cal.shifted(pub, unit, n), TimeBasis.RELATIVE, None


_UNIT_PRECISION = {"day": Precision.DAY, "week": Precision.WEEK, "month": Precision.MONTH, "year": Precision.YEAR}


def _make_time(ann: Annotations, found: Found, period: Period | None, basis: TimeBasis) -> Time:
    evidence = ann.evidence(found.start, found.end)
    if period is None:
        value = start = end = None
        precision = found.precision
        # Unresolved times have no dates to hash; their precision and words keep the ids apart.
        time_id = stable_id("tm", None, None, None, precision, " ".join(evidence.text.lower().split()))
    else:
        value, precision = period.value, period.precision
        start, end = period.start.isoformat(), period.end.isoformat()
        time_id = stable_id("tm", start, end, value)
    return Time(value=value, precision=precision, start=start, end=end, basis=basis, evidence=(evidence,),
                text=evidence.text, id=time_id, extractor=EXTRACTOR)


__all__ = ["EXTRACTOR", "Dateline", "clock_of", "extract_times", "find_dateline", "is_present_reference",
           "parse_published", "time_at", "time_reference"]
