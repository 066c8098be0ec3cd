"""Within-document coreference: later mentions of an event (headline, lead, a later paragraph, "the
attack") add detail to the first mention instead of becoming new events."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sitrep.extract.common.text import paragraph_index_at
from sitrep.extract.events.background import definite
from sitrep.extract.events.dates import dates_adjacent, dates_compatible, time_better
from sitrep.extract.events.drafts import EventContext, EventDraft
from sitrep.extract.events.places import PLACE_RANK, places_compatible, refines
from sitrep.extract.events.tolls import (
    competing_tolls,
    detained_in_addition,
    killed_in_addition,
    merged_counts,
    more_dead,
    same_victims,
    told_as_toll,
)
from sitrep.extract.events.words import EventWords
from sitrep.model import Actor, AssertedKind, Count, Event, Hedge


@dataclass(slots=True)
class _Mention:
    event: Event
    casualty_only: bool  # found only through a count: "two soldiers were killed"
    anaphoric: bool  # "the battle", "the attack": refers back to an event already told
    several: bool = False  # sums up several happenings: "a string of attacks across Iraq killed 14"
    by_word: bool = True  # typed by a trigger word ("airstrike"), not from its parties ("killed two insurgents")


def merge_coreferent(events: Sequence[tuple[Event, EventDraft]], ctx: EventContext, *,
                     summaries: set[int] = frozenset()) -> list[Event]:
    """Later mentions of the same event (headline, lead, a later paragraph) add detail to the first.

    A mention is compared with the events already kept, most recent first. ``summaries`` are where the mentions
    that sum up several happenings begin (``iterative.several_happenings``).
    """
    out: list[_Mention] = []
    for ev, draft in events:
        m = _Mention(ev, draft.main.kind == "casualty", is_anaphoric(ctx, draft), ev.evidence[0].start in summaries,
                     by_word=not draft.generic)
        # a restated toll joins the event whose toll it restates, even when other events came between
        # ("killed several insurgents" in the lead, then "returned fire, killing several insurgents")
        restated = [p for p in reversed(out) if _restated_toll(p.event, ev, ctx) and not _told_apart(p, m)
                    and not _listed_apart(p.event, ev) and not _a_part(p.event, ev, ctx.words)]
        fitting = restated[:1] or [p for p in reversed(out) if not _told_apart(p, m) and same_event(p, m, ctx)]
        # of several it fits, the latest of its own kind ("the bomb exploded" after "a roadside bomb killed two"
        # and "in a separate attack, a suicide car bombing"), else the latest
        prev = next((p for p in fitting if p.event.subtype == ev.subtype), fitting[0]) if fitting else None
        if prev is None:
            told = next((p for p in reversed(out) if _retells_background(p.event, ev, ctx, anaphoric=m.anaphoric)), None)
            if told is None:
                out.append(m)
            else:
                told.event = replace(merge_events(told.event, ev), hedge=Hedge.HISTORICAL)
            continue
        b_wins = (prev.casualty_only and not m.casualty_only) or (
            ev.type == prev.event.type and ctx.rank.get(ev.subtype or "", 0) > ctx.rank.get(prev.event.subtype or "", 0)
        ) or (m.by_word and not prev.by_word and _outranks(ev, prev.event, ctx))
        merged = merge_events(prev.event, ev, prefer_b_type=b_wins,
                              more_detained=not restated and detained_in_addition(ev, ctx),
                              more_killed=not restated and (more_dead(ev, ctx) or killed_in_addition(
                                  prev.event.killed, ev, ctx)), tolls=competing_tolls(prev.event, ev, ctx))
        if not restated and not dates_compatible(prev.event.date, ev.date) and _rule_rank(
                prev.event.date_rule) <= _rule_rank(ev.date_rule):  # a two-day episode: its first day (not the
            # day it was reported on: "reported on Saturday that ten were killed ... in the attack on Friday")
            merged = replace(merged, date=prev.event.date, date_rule=prev.event.date_rule)
        prev.event = merged
        prev.casualty_only = prev.casualty_only and m.casualty_only
        prev.several = prev.several or m.several
        prev.by_word = prev.by_word or (m.by_word and b_wins)
    return [m.event for m in out]


def _outranks(b: Event, a: Event, ctx: EventContext) -> bool:
    """b names what an incident of both is: "the airstrike killed two" after "the force killed two insurgents"."""
    return ctx.taxonomy.incident_rank_of(b.type, b.subtype) > ctx.taxonomy.incident_rank_of(a.type, a.subtype)


def _listed_apart(a: Event, b: Event) -> bool:
    """Events the same words tell at different places: a list ("seven in Sakkada; four in Gyadadde; eight in
    Otawa"), one event per place, even where two places give the same toll."""
    return a.evidence[:1] == b.evidence[:1] and a.place != b.place


def _a_part(a: Event, b: Event, w: EventWords) -> bool:
    """b, at a finer place of its own than a's with fewer dead, is one of the happenings a sums up ("gunmen killed
    19 people in raids on villages in Maradun ... seven were killed in Gyaladde"), not a told again."""
    return (a.place is not None and b.place is not None and a.place_rule in _STATED and b.place_rule in _STATED
            and a.place != b.place and refines(b.place, a.place) and _figure(a.killed, w, floor=True)
            and _figure(b.killed, w) and 0 < b.killed.best < a.killed.best)


def _figure(c: Count | None, w: EventWords, *, floor: bool = False) -> bool:
    """A toll given as a figure ("19", "seven"), or with ``floor`` as a floor in digits or number words ("over 31",
    "at least seven"); not a vague word ("several", read as a floor of three; "dozens")."""
    if c is None or c.low != c.best:
        return False
    if c.high == c.best:
        return True
    written = " ".join(e.text.lower() for e in c.evidence)
    return floor and c.high is None and (any(ch.isdigit() for ch in written)
                                         or any(word in w.number_words for word in written.split()))


def _told_apart(summary: _Mention, m: _Mention) -> bool:
    """A mention at a place of its own after a summary of several happenings ("A string of attacks across Iraq
    killed 14 ... a car bomb exploded in Kirkuk, killing six") is one of them, not the summary told again."""
    return summary.several and not m.several and m.event.place_rule in _STATED


def _retells_background(ea: Event, eb: Event, ctx: EventContext, *, anaphoric: bool = False) -> bool:
    """A mention with no day of its own that gives the same dead as a past event told as background, or that
    points back to it ("the alleged assault" after "arrested on a charge of assault"), is that event retold ("a
    man who shot dead three people at a club in 2021 was sentenced on Thursday ... 'He took three lives for
    nothing,' the judge said"), not an incident of the report's day."""
    if ea.hedge != Hedge.HISTORICAL or eb.hedge in (Hedge.HISTORICAL, Hedge.HYPOTHETICAL) or eb.negated:
        return False
    if eb.date_rule in _STATED or ea.type not in ctx.taxonomy.violent or eb.type not in ctx.taxonomy.violent:
        return False
    if not places_compatible(ea.place, eb.place) and eb.place_rule in _STATED:
        return False
    if anaphoric and ea.subtype == eb.subtype:
        return True
    return ea.killed is not None and eb.killed is not None and 0 < ea.killed.best == eb.killed.best


def is_anaphoric(ctx: EventContext, d: EventDraft) -> bool:
    """A definite event noun with no time of its own ("the battle for the town", "eight fighters were killed in
    the strikes") points back."""
    return any(t.kind == "noun" and definite(ctx.ann, t.head, ctx.words) for t in d.triggers)


_STATED = {"sentence", "clause"}  # date and place rules where the mention's own sentence names them


def _restated_toll(ea: Event, eb: Event, ctx: EventContext) -> bool:
    """The later mention restates the earlier one's toll.  Its place may differ only when the later sentence
    names none itself (a place taken from the paragraph or the document is a guess, not a new place).  A mention
    that announces another happening ("Meanwhile, a car bomb killed five people") restates nothing."""
    if not _status_agrees(ea, eb) or announces_another(eb, ctx, ea):
        return False
    # a toll told again by its noun ("raising the death toll to eight", said on Tuesday of Monday's ambush) is
    # often told a day later: its day does not part it from the incident
    if not dates_compatible(ea.date, eb.date) and eb.date_rule in _STATED and not told_as_toll(ctx.ann, eb.killed, ctx.words):
        return False
    if not places_compatible(ea.place, eb.place) and eb.place_rule in _STATED:
        return False
    return restates_casualties(ea, eb, ctx)


def announces_another(ev: Event, ctx: EventContext, earlier: Event | None = None) -> bool:
    """"In a separate attack on Thursday, gunmen killed four farmers": another happening, whatever it shares; so is,
    to a happening told before its sentence (``earlier``), one told as what the sentence's subject came after
    ("The deaths came a day after five people were killed")."""
    sent = ev.evidence[0]
    words = " ".join(ctx.ann.text[sent.start:sent.end].lower().replace(",", " ").split())
    if any(f" {cue} " in f" {words} " for cue in ctx.words.separate_incident_cues) or any(
            f"{words} ".startswith(f"{cue} ") for cue in ctx.words.separate_incident_openers):
        return True
    if earlier is None or earlier.evidence[0].start >= sent.start:
        return False
    told = ev.trigger.evidence[0].start if ev.trigger is not None and ev.trigger.evidence else None
    before = ctx.words.earlier_happening.search(ctx.ann.text, sent.start, sent.end)
    return told is not None and before is not None and before.end() <= told


def _status_agrees(ea: Event, eb: Event) -> bool:
    return (ea.negated == eb.negated and (ea.hedge == Hedge.HYPOTHETICAL) == (eb.hedge == Hedge.HYPOTHETICAL)
            and (ea.hedge == Hedge.HISTORICAL) == (eb.hedge == Hedge.HISTORICAL))


def same_event(a: _Mention, b: _Mention, ctx: EventContext) -> bool:
    ea, eb = a.event, b.event
    if not _status_agrees(ea, eb) or announces_another(eb, ctx, ea):
        return False
    if _listed_apart(ea, eb) or _a_part(ea, eb, ctx.words):
        return False
    if not places_compatible(ea.place, eb.place):
        return False
    if not dates_compatible(ea.date, eb.date):
        # "the clashes broke out late Monday" told of Tuesday's fighting: an episode over two days
        return b.anaphoric and ea.type == eb.type and dates_adjacent(ea.date, eb.date)
    if restates_casualties(ea, eb, ctx):
        return True
    loose = a.casualty_only or b.casualty_only
    if ea.type != eb.type and not loose:
        return False
    para_a = paragraph_index_at(ctx.ann, ea.evidence[-1].start)
    para_b = paragraph_index_at(ctx.ann, eb.evidence[0].start)
    if b.anaphoric and eb.date_rule not in ("sentence", "report"):
        return True  # "the attack", "the battle for the town"
    if para_a == para_b:
        # in one paragraph, a new indefinite mention ("an airstrike near Fallujah") is a new event
        return loose
    if ea.subtype != eb.subtype and ea.type not in ctx.taxonomy.one_episode:
        return False
    same_place = ea.place is not None and eb.place is not None and ea.place.geonames_id is not None and (
        ea.place.geonames_id == eb.place.geonames_id)
    counts_agree = ea.killed is None or eb.killed is None or ea.killed.best == eb.killed.best
    # Across paragraphs: the same subtype at the same named place, or a headline restated by the lead.
    first_a = paragraph_index_at(ctx.ann, ea.evidence[0].start)
    return (same_place and "sentence" in (ea.place_rule, eb.place_rule)) or (
        first_a <= 1 and para_b <= first_a + 1 and counts_agree)


def restates_casualties(a: Event, b: Event, ctx: EventContext) -> bool:
    """A later sentence that tells the dead of an earlier violent event again, in detail, is that event.

    Reports give the toll in the lead ("killed several insurgents") and again where they tell how it
    happened ("returned fire, killing several insurgents"); adding the two would double the toll.  The
    later count must be of the same people (same head noun, or unnamed) and no larger (a smaller one not at a
    place of its own elsewhere), and its sentence must not announce another happening ("in a separate operation",
    "another two", "two more").
    """
    if a.subtype == b.subtype == "arrests":
        ca, cb = a.detained, b.detained  # "detained two suspects" in the lead and again in the body
    elif a.type in ctx.taxonomy.armed and b.type in ctx.taxonomy.armed:
        ca, cb = a.killed, b.killed
    else:
        return False
    if ca is None or cb is None or ca.best <= 0 or cb.best <= 0:
        return False
    if cb.best > ca.best or not same_victims(ca.who, cb.who, ctx.words, same_count=cb.best == ca.best):
        return False
    if any(ctx.words.added_count.search(ev.text) for ev in cb.evidence):
        return False  # "two more people were killed": more dead, not the same told again
    if cb.best < ca.best and b.place_rule in _STATED and not places_compatible(a.place, b.place):
        return False  # fewer dead at a place of its own elsewhere: one of the happenings a wider toll sums up
    sent = b.evidence[0]
    words = {w.lower() for w in ctx.ann.text[sent.start : sent.end].replace(",", " ").split()}
    return not words & ctx.words.new_happening


def merge_events(a: Event, b: Event, *, prefer_b_type: bool = False, more_detained: bool = False,
                 more_killed: bool = False, tolls: str | None = None) -> Event:
    """Keep a's identity; take the more precise date and place, the union of actors and evidence. People
    detained or killed in addition (``more_detained``: "the force also detained two suspects"; ``more_killed``:
    "three more people died in hospital") add to those before. Tolls that are alternatives (``tolls``, from
    ``competing_tolls``) become one range."""
    date_ = a.date
    if b.date is not None and (a.date is None or _rule_rank(b.date_rule) < _rule_rank(a.date_rule) or (
            _rule_rank(b.date_rule) == _rule_rank(a.date_rule) and (time_better(b.date, a.date) or (
                b.date_rule == "clause" and a.date_rule == "sentence" and not time_better(a.date, b.date))))):
        date_ = b.date  # a day the mention's own clause names beats one read from the sentence or context
    place = a.place
    # a place the mention's own sentence names beats one guessed from the paragraph or document
    guessed_b = a.place_rule == "sentence" and b.place_rule != "sentence"
    if b.place is not None and (a.place is None or (
            (PLACE_RANK[b.place.precision] < PLACE_RANK[a.place.precision] or refines(b.place, a.place))
            and not guessed_b)):
        place = b.place
    known = {(x.role, _actor_key(x)) for x in a.actors}
    sides = {_actor_key(x) for x in a.actors if x.name is not None}
    actors = [x for x in a.actors if x.name is not None or not any(y.name for y in b.actors if y.role == x.role)]
    # an actor already on one side of the event is not added to the other side by a later mention
    actors += [x for x in b.actors if x.name is not None and (x.role, _actor_key(x)) not in known
               and _actor_key(x) not in sides]
    evidence = tuple(sorted(set(a.evidence) | set(b.evidence), key=lambda e: e.start))
    # a later mention's named speaker sources an event the outlet alone told (a speaker with no name adds nothing)
    sourced = a.asserted_by.kind == AssertedKind.OUTLET and b.asserted_by.kind == AssertedKind.SPEAKER and bool(
        b.asserted_by.name)
    return replace(
        a,
        asserted_by=b.asserted_by if sourced else a.asserted_by,
        hedge=b.hedge if sourced else a.hedge,
        trigger=b.trigger if prefer_b_type else a.trigger,
        type=b.type if prefer_b_type else a.type,
        subtype=b.subtype if prefer_b_type else a.subtype,
        plover=b.plover if prefer_b_type else a.plover,
        date=date_,
        date_rule=a.date_rule if date_ is a.date else b.date_rule,
        place=place,
        place_rule=a.place_rule if place is a.place else b.place_rule,
        actors=tuple(actors),
        **merged_counts(a, b, more_detained=more_detained, more_killed=more_killed, tolls=tolls),
        evidence=evidence,
        confidence=max(a.confidence, b.confidence),
    )


# How directly a date rule ties a time to the event (extract/events/dates.py): its own sentence (clause or
# sentence), the day its sources spoke (report), the paragraph or the lead, the publication day, nothing. Within a tier the finer time wins, and at
# the same precision a time the clause governs beats one merely near in the sentence.
_DATE_RULES = {"clause": 0, "sentence": 0, "report": 1, "paragraph": 1, "lead": 1, "publication": 2, "none": 3}


def _rule_rank(rule: str | None) -> int:
    return _DATE_RULES.get(rule or "none", 4)


def _actor_key(x: Actor) -> str:
    return (x.canonical or x.name or "").lower()
