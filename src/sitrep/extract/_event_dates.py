"""The date of an event, and the rule that chose it (``Event.date_rule``):

1. ``clause``: a time that governs the event's clause: the parse links it to the trigger, or to the verb of
   the trigger's clause, with no other verb in between ("a drone struck a market on Sunday");
2. ``sentence``: else the time in the same sentence nearest to the trigger ("ISAF said today that a strike
   had killed two"): a sentence rarely reports two happenings at different times;
3. ``paragraph``: else the nearest time earlier in the same paragraph (the story's running date);
4. ``publication``: else the publication date, ``basis: publication``, at the precision the publication date
   is known to (a dateline or page date gives a day).  On the ISAF dev releases whose lead names no time,
   the annotated date is the publication day in most cases (see ``sitrep eval times``);
5. ``none``: no publication date either; the event has no date rather than a guess.

Times that are never an event's date: unresolved ones, the dateline's own date (that is the publication
date, rule 4 says so honestly), and dates inside a parenthesised citation ("(Title, Outlet, 27 October
2015)": when the cited piece appeared, not when the event happened).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from sitrep.extract._datelines import find_dateline
from sitrep.extract._event_drafts import EventContext, EventDraft
from sitrep.extract._text import paragraph_index_at, tokens_in
from sitrep.model import Annotations, Precision, Time, TimeBasis, stable_id

_TIME_RANK = {Precision.DAY: 0, Precision.WEEK: 1, Precision.RANGE: 2, Precision.MONTH: 3, Precision.SEASON: 4,
              Precision.YEAR: 5, Precision.DECADE: 6, Precision.UNKNOWN: 7}
_CLAUSE_POS = {"VERB", "AUX"}


def choose_date(d: EventDraft, ctx: EventContext) -> tuple[Time | None, str]:
    ann = ctx.ann
    sent = ann.sentences[d.sentence]
    head = d.main.head
    anchor = ann.tokens[head].start
    usable = event_times(ann, ctx.times)
    in_sentence = [t for t in usable if sent.start <= t.evidence[0].start < sent.end]

    def nearest(times: list[Time]) -> Time:
        return min(times, key=lambda t: abs(t.evidence[0].start - anchor))

    governing = [t for t in in_sentence if governs(ann, t, head)]
    if governing:
        return nearest(governing), "clause"
    if in_sentence:
        return nearest(in_sentence), "sentence"
    para = paragraph_index_at(ann, sent.start)
    earlier = [t for t in usable if t.evidence[0].start < sent.start
               and paragraph_index_at(ann, t.evidence[0].start) == para]
    if earlier:
        return earlier[-1], "paragraph"
    published = publication_time(ctx.published)
    return published, "publication" if published is not None else "none"


def event_times(ann: Annotations, times: Sequence[Time]) -> list[Time]:
    """The times that may date an event: resolved, not the dateline's date, not inside a citation."""
    dateline = _dateline_span(ann.text)
    out = []
    for t in times:
        if not t.evidence or t.value is None or t.basis is TimeBasis.UNRESOLVED:
            continue
        ev = t.evidence[0]
        if dateline is not None and dateline[0] <= ev.start < dateline[1]:
            continue
        if in_citation(ann.text, ev.start, ev.end):
            continue
        out.append(t)
    return out


def governs(ann: Annotations, time: Time, head: int) -> bool:
    """True if the time hangs from the trigger, or from the verb of the trigger's clause."""
    if not ann.tokens:
        return False
    ev = time.evidence[0]
    inside = {t.i for t in tokens_in(ann, ev.start, ev.end)}
    if not inside or head in inside:
        return False
    roots = [i for i in inside if ann.tokens[i].head not in inside or ann.tokens[i].head == i]
    target = _clause_verb(ann, head)
    for root in roots:
        seen = set(inside)
        j = ann.tokens[root].head
        while j not in seen:
            if j in (head, target):
                return True
            if ann.tokens[j].pos in _CLAUSE_POS:
                break  # another clause's verb: the time belongs to that clause
            seen.add(j)
            j = ann.tokens[j].head
    return False


def _clause_verb(ann: Annotations, i: int) -> int:
    """The verb heading token ``i``'s clause (``i`` itself for a verb; the root if no verb is above it)."""
    seen = set()
    while i not in seen:
        if ann.tokens[i].pos in _CLAUSE_POS:
            return i
        seen.add(i)
        i = ann.tokens[i].head
    return i


def in_citation(text: str, start: int, end: int) -> bool:
    """True inside brackets that hold a citation: a comma-separated "(Title, Outlet, date)"."""
    open_at = text.rfind("(", max(0, start - 300), start)
    if open_at < 0 or ")" in text[open_at:start] or "\n" in text[open_at:start]:
        return False
    close_at = text.find(")", end, end + 40)
    if close_at < 0 or "\n" in text[end:close_at]:
        return False
    return text.count(",", open_at, start) >= 2


@lru_cache(maxsize=64)
def _dateline_span(text: str) -> tuple[int, int] | None:
    dateline = find_dateline(text)
    return (dateline.start, dateline.end) if dateline is not None else None


def publication_time(published: str | None) -> Time | None:
    """The report's own date as the event's date of last resort, at the precision it is known to."""
    if not published:
        return None
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return None
    value = day.isoformat()
    return Time(value=value, precision=Precision.DAY, start=value, end=value, basis=TimeBasis.PUBLICATION, text="",
                id=stable_id("tm", "publication", value))


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
