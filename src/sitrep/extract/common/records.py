"""Intermediate records one stage hands to another through the pipeline, so that no stage imports another's
modules: the times stage's ``TimeFindings`` (with the report's ``Dateline``) are read by the events stage.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sitrep.model import Time


@dataclass(frozen=True, slots=True, kw_only=True)
class Dateline:
    """Where the report's header dates it ("KABUL, Afghanistan (Aug. 6, 2012)", a dated title line, a release id):
    the date words' span, the date (None when its year cannot be known), and where the body starts (the first
    character after the dateline or the title line)."""

    start: int
    end: int
    date: dt.date | None
    body_start: int
    kind: str  # "dateline", "title", "first_line", "release_id" or "header_month"
    year_from: str | None = None  # "text", "release_id", "header_year" or None
    month: tuple[int, int] | None = None  # (year, month) when only the month is known

    @property
    def known_month(self) -> tuple[int, int] | None:
        """The (year, month) of the anchor, known from its date or from a release id alone."""
        return (self.date.year, self.date.month) if self.date is not None else self.month


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeFindings:
    """The times stage's output for the stages after it: the times, and what they need to know of them that a
    ``Time`` does not say. Spans are a time's evidence ``(start, end)``."""

    times: tuple[Time, ...] = ()
    dateline: Dateline | None = None  # the header's date, if the report has one
    # "now", "currently", "recently", "soon": the time of writing or no date at all (TimeML's PRESENT_REF,
    # PAST_REF, FUTURE_REF); never when an event happened.
    references: frozenset[tuple[int, int]] = frozenset()
    # "at 3 a.m." with no day: it only repeats the day in context, so it never dates an event by itself.
    bare_clocks: frozenset[tuple[int, int]] = frozenset()
    # The report's own date as an event's date of last resort (basis ``publication``): a day from the publication
    # date, else the month of a release id when the header gives no more; None when neither is known.
    publication: Time | None = None

    def is_reference(self, time: Time) -> bool:
        return any((ev.start, ev.end) in self.references for ev in time.evidence)

    def is_bare_clock(self, time: Time) -> bool:
        return any((ev.start, ev.end) in self.bare_clocks for ev in time.evidence)
