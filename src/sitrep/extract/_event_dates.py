"""The date of an event: a time in its sentence, else the nearest earlier time in its paragraph, else the
publication date (``basis: publication``, week precision: a report without a date says "recently",
not "on the day of publication").  The rule that chose it is returned with it."""

from __future__ import annotations

from datetime import date, timedelta

from sitrep.extract._event_drafts import EventContext, EventDraft
from sitrep.extract._text import paragraph_index_at
from sitrep.model import Precision, Time, TimeBasis, stable_id

_TIME_RANK = {Precision.DAY: 0, Precision.WEEK: 1, Precision.RANGE: 2, Precision.MONTH: 3, Precision.SEASON: 4,
              Precision.YEAR: 5, Precision.DECADE: 6, Precision.UNKNOWN: 7}


def choose_date(d: EventDraft, ctx: EventContext) -> tuple[Time | None, str]:
    ann = ctx.ann
    sent = ann.sentences[d.sentence]
    anchor = ann.tokens[d.main.head].start
    resolved = [t for t in ctx.times if t.evidence and t.value is not None]
    in_sentence = [t for t in resolved if sent.start <= t.evidence[0].start < sent.end]
    if in_sentence:
        return min(in_sentence, key=lambda t: abs(t.evidence[0].start - anchor)), "sentence"
    para = paragraph_index_at(ann, sent.start)
    earlier = [t for t in resolved if t.evidence[0].start < sent.start and paragraph_index_at(ann, t.evidence[0].start) == para]
    if earlier:
        return earlier[-1], "paragraph"
    return publication_time(ctx.published), "publication" if ctx.published else "none"


def publication_time(published: str | None) -> Time | None:
    """The report's own date as the event's date of last resort: the week up to publication."""
    if not published:
        return None
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return None
    year, week, _ = day.isocalendar()
    return Time(value=f"{year}-W{week:02d}", precision=Precision.WEEK, start=(day - timedelta(days=6)).isoformat(),
                end=day.isoformat(), basis=TimeBasis.PUBLICATION, text="", id=stable_id("tm", "publication", published))


def dates_compatible(a: Time | None, b: Time | None) -> bool:
    if a is None or b is None or a.start is None or b.start is None or a.end is None or b.end is None:
        return True
    if TimeBasis.PUBLICATION in (a.basis, b.basis):
        return True
    return a.start <= b.end and b.start <= a.end


def time_better(new: Time, old: Time) -> bool:
    if old.basis == TimeBasis.PUBLICATION and new.basis != TimeBasis.PUBLICATION:
        return True
    return new.basis != TimeBasis.PUBLICATION and _TIME_RANK[new.precision] < _TIME_RANK[old.precision]
