"""Calendar arithmetic for the times stage: a period as inclusive date bounds plus its reduced ISO 8601 value.
Language-free: month, weekday and season names are in ``lang/<code>/calendar.yaml``.

Conventions (documented here once, used by the whole stage):

- seasons are northern-hemisphere meteorological seasons: spring ``SP`` = March–May, summer ``SU`` =
  June–August, autumn ``FA`` = September–November, winter ``WI`` = December of the year before to
  February, so "winter 2015" (``2015-WI``) is 2014-12-01 .. 2015-02-28, the winter whose January is in 2015;
- parts of a period: a month splits into early 1–10, mid 11–20, late 21–end; a year into early Jan–Apr,
  mid May–Aug, late Sep–Dec, its beginning Jan–Mar, its end Oct–Dec, its halves Jan–Jun and Jul–Dec;
  a season into its three months, a week into Mon–Wed, Wed–Fri, Fri–Sun; a decade into years 0–3, 4–6 and 7–9. A part is a ``range``.
- a range's value is an ISO 8601 interval of its ends at their own precision: "2016-01/2016-03".
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from sitrep.model import Precision

_SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# A part name -> (first, last) sub-unit, for each precision that can be split.
_MONTH_PARTS = {"early": (1, 10), "begin": (1, 10), "mid": (11, 20), "late": (21, 31), "end": (21, 31),
                "h1": (1, 15), "h2": (16, 31)}
_YEAR_PARTS = {"early": (1, 4), "begin": (1, 3), "mid": (5, 8), "late": (9, 12), "end": (10, 12),
               "h1": (1, 6), "h2": (7, 12)}
_THIRDS = {"early": 0, "begin": 0, "mid": 1, "late": 2, "end": 2}
_DECADE_PARTS = {"early": (0, 3), "begin": (0, 3), "mid": (4, 6), "late": (7, 9), "end": (7, 9),
                 "h1": (0, 4), "h2": (5, 9)}


@dataclass(frozen=True, slots=True)
class Period:
    """A stretch of calendar time: reduced ISO value, precision and inclusive bounds."""

    value: str
    precision: Precision
    start: dt.date
    end: dt.date


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def valid_day(month: int, day: int, year: int | None = None) -> bool:
    """True if the day exists in that month (any leap year when the year is not known yet)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= last_day(year if year is not None else 2000, month)


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def day_period(day: dt.date) -> Period:
    return Period(day.isoformat(), Precision.DAY, day, day)


def week_period(day: dt.date) -> Period:
    """The ISO week (Monday to Sunday) that contains ``day``."""
    iso_year, week, weekday = day.isocalendar()
    monday = day - dt.timedelta(days=weekday - 1)
    return Period(f"{iso_year}-W{week:02d}", Precision.WEEK, monday, monday + dt.timedelta(days=6))


def month_period(year: int, month: int) -> Period:
    return Period(f"{year:04d}-{month:02d}", Precision.MONTH, dt.date(year, month, 1),
                  dt.date(year, month, last_day(year, month)))


def year_period(year: int) -> Period:
    return Period(f"{year:04d}", Precision.YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31))


def season_period(year: int, code: str) -> Period:
    first = _SEASON_FIRST_MONTH[code]
    start_year = year - 1 if code == "WI" else year
    end_year, end_month = shift_month(start_year, first, 2)
    return Period(f"{year:04d}-{code}", Precision.SEASON, dt.date(start_year, first, 1),
                  dt.date(end_year, end_month, last_day(end_year, end_month)))


def decade_period(first_year: int) -> Period:
    first_year -= first_year % 10
    return Period(f"{first_year // 10:03d}", Precision.DECADE, dt.date(first_year, 1, 1),
                  dt.date(first_year + 9, 12, 31))


def span(first: Period, last: Period) -> Period:
    """The range from the start of ``first`` to the end of ``last``."""
    if first.precision == last.precision:
        value = f"{first.value}/{last.value}"
    else:
        value = f"{first.start.isoformat()}/{last.end.isoformat()}"
    return Period(value, Precision.RANGE, first.start, last.end)


def date_range(start: dt.date, end: dt.date) -> Period:
    return Period(f"{start.isoformat()}/{end.isoformat()}", Precision.RANGE, start, end)


def part_of(period: Period | None, part: str | None) -> Period | None:
    """The early/mid/late (begin, end, h1, h2) part of a month, year, season, week or decade, as a range."""
    if period is None or part is None:
        return period
    start = period.start
    if period.precision is Precision.MONTH:
        first, last = _MONTH_PARTS[part]
        limit = last_day(start.year, start.month)
        return date_range(start.replace(day=first), start.replace(day=min(last, limit)))
    if period.precision is Precision.YEAR:
        first, last = _YEAR_PARTS[part]
        return date_range(dt.date(start.year, first, 1), dt.date(start.year, last, last_day(start.year, last)))
    if period.precision is Precision.DECADE:
        first, last = _DECADE_PARTS[part]
        return date_range(dt.date(start.year + first, 1, 1), dt.date(start.year + last, 12, 31))
    if period.precision in (Precision.SEASON, Precision.WEEK):
        if part in ("h1", "h2"):
            return period
        third = _THIRDS[part]
        if period.precision is Precision.WEEK:
            first_day = start + dt.timedelta(days=2 * third)
            return date_range(first_day, first_day + dt.timedelta(days=2))
        year, month = shift_month(start.year, start.month, third)
        return date_range(dt.date(year, month, 1), dt.date(year, month, last_day(year, month)))
    return period


def clip_before(period: Period, anchor: dt.date) -> Period:
    """``period`` ending the day before ``anchor`` ("earlier this month"), never before its own start."""
    end = max(period.start, min(period.end, anchor - dt.timedelta(days=1)))
    return Period(period.value, period.precision, period.start, end)


def weekday_near(anchor: dt.date, weekday: int, *, forward: bool = False, same_day: bool = False) -> dt.date:
    """The most recent ``weekday`` strictly before ``anchor`` (1 to 7 days back), or the next one after it;
    with ``same_day`` the anchor itself when it is that weekday (0 to 6 days back)."""
    if forward:
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    back = (anchor.weekday() - weekday) % 7
    return anchor - dt.timedelta(days=back if same_day else back or 7)


def weekend_near(anchor: dt.date, *, forward: bool = False, containing: bool = False) -> Period:
    """The Saturday and Sunday before ``anchor`` (or after it); with ``containing``, the weekend ``anchor`` falls
    in when it is a Saturday or a Sunday ("this weekend" in a Saturday paper)."""
    if containing and anchor.weekday() in (5, 6):
        saturday = anchor - dt.timedelta(days=anchor.weekday() - 5)
        return date_range(saturday, saturday + dt.timedelta(days=1))
    sunday = weekday_near(anchor, 6, forward=forward)
    return date_range(sunday - dt.timedelta(days=1), sunday)


def shifted(anchor: dt.date, unit: str, n: int) -> Period:
    """The day, ISO week, month or year ``n`` units from the one that contains ``anchor``."""
    if unit == "day":
        return day_period(anchor + dt.timedelta(days=n))
    if unit == "week":
        return week_period(anchor + dt.timedelta(days=7 * n))
    if unit == "month":
        return month_period(*shift_month(anchor.year, anchor.month, n))
    return year_period(anchor.year + n)
