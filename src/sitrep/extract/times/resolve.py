"""From candidates to times: which candidates to keep (the longest, vetoed by spaCy's entities), and how each
kind of expression finds its calendar period once the text before it is known: a year named, computed from
publication or inherited; a day counted from the previous day; a publication date known only to its month.
Language-free: the words were read by the rules.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left

from sitrep.extract.times import periods as cal
from sitrep.extract.times.found import UNITS, Found
from sitrep.extract.times.periods import Period
from sitrep.model import Annotations, Precision, Span, Time, TimeBasis, stable_id

Resolved = tuple[Period | None, TimeBasis, int | None]  # the period, its basis, the year it fixes for later times

# Entities whose number is a count, not a year ("of 2000 people").
_VETO_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})


def select(ann: Annotations | None, found: list[Found]) -> list[Found]:
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


def resolve(found: Found, pub: dt.date | None, context_year: int | None) -> Resolved:
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


def month_bounds(known: tuple[int, int] | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of the publication month, when only the (year, month) is known (a release id, a news
    URL's /2021/03/)."""
    if known is None:
        return None
    period = cal.month_period(*known)
    return period.start, period.end


def resolve_between(found: Found, bounds: tuple[dt.date, dt.date], context_year: int | None) -> Resolved:
    """Resolve against a publication date known only to lie between two days: the same period from both ends,
    else the range that covers both readings ("yesterday" in a July release: June 30 to July 30)."""
    if found.anchored is None and found.year is not None and found.year.kind == "missing":
        # "on 4 July" in a July release: this year's unless it falls after every possible publication day.
        return resolve(found, bounds[1], context_year)
    first, f_basis, f_year = resolve(found, bounds[0], context_year)
    last, _, l_year = resolve(found, bounds[1], context_year)
    year = f_year if f_year == l_year else None
    if first is None or last is None or first == last:
        return (first if last is not None else None), f_basis, year
    return cal.date_range(min(first.start, last.start), max(first.end, last.end)), f_basis, year


def follow(previous: Time, days: int) -> Resolved:
    """"The next day", "two days later": counted from the previous day named in the text."""
    if previous.start is None:
        return None, TimeBasis.UNRESOLVED, None
    return cal.day_period(dt.date.fromisoformat(previous.start) + dt.timedelta(days=days)), TimeBasis.INHERITED, None


def may_be_upcoming(found: Found) -> bool:
    """A bare weekday or a day or month with no year: the forms whose reading tense can turn forward."""
    return found.weekday is not None or (found.anchored is None and found.year is not None
                                         and found.year.kind == "missing")


def upcoming(found: Found, pub: dt.date) -> Resolved:
    """The next such day after publication, or this year's day or month unless it is over ("a vote is scheduled
    for June 26"; "talks will resume on Friday"), whatever year the text named before."""
    if found.weekday is not None:
        return cal.day_period(cal.weekday_near(pub, found.weekday, forward=True)), TimeBasis.RELATIVE, None
    assert found.build is not None
    this_year = found.build(pub.year)
    year = pub.year if this_year is not None and this_year.end >= pub else pub.year + 1
    return found.build(year), TimeBasis.RELATIVE, None


def clock_day(last_day: Time | None, pub: dt.date | None) -> Resolved:
    """A bare clock time ("at 3 a.m.") is on the latest day named before it, else on the publication day."""
    if last_day is not None:
        return follow(last_day, 0)
    if pub is None:
        return None, TimeBasis.UNRESOLVED, None
    return cal.day_period(pub), TimeBasis.RELATIVE, None


_UNIT_RANK = {Precision.DAY: 0, Precision.WEEK: 1, Precision.MONTH: 2, Precision.YEAR: 3}


def shifted(shift: tuple[str, int], resolved: list[Time], pub: dt.date | None) -> Resolved:
    """"A year earlier", "two months later": from the latest time in the text at least as fine as the unit,
    else from publication; a day count with no day before it is the story's own chronology: unresolved."""
    unit, n = shift
    rank = _UNIT_RANK[UNITS[unit]]
    previous = next((t for t in reversed(resolved) if _UNIT_RANK.get(t.precision, 9) <= rank), None)
    if previous is not None and previous.start is not None:
        return cal.shifted(dt.date.fromisoformat(previous.start), unit, n), TimeBasis.INHERITED, None
    if unit == "day" or pub is None:
        return None, TimeBasis.UNRESOLVED, None
    return cal.shifted(pub, unit, n), TimeBasis.RELATIVE, None


def make_time(ann: Annotations, found: Found, period: Period | None, basis: TimeBasis, extractor: str) -> Time:
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
                text=evidence.text, id=time_id, extractor=extractor)
