"""Context for event drafts: date, place, who asserts it, hedging, negation, and one event per real event.

Rules, in order (the rule that chose a value is kept in ``date_rule`` / ``place_rule``):

- date: a time in the event's sentence (the nearest resolved one to the trigger), else the nearest
  earlier time in the same paragraph, else the publication date (``basis: publication``, week
  precision: a report without a date says "recently", not "on the day of publication").
- place: a place in the event's sentence (inside the trigger's phrase first), else the nearest
  earlier place in the paragraph, else the first place of the document (dateline or headline).
- asserted_by: the claim whose content contains the trigger, else the outlet's own voice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from sitrep.extract._taxonomy import Subtype
from sitrep.extract._text import paragraph_index_at, subtree
from sitrep.model import (
    Actor,
    Annotations,
    AssertedBy,
    AssertedKind,
    CasualtyMention,
    Claim,
    Count,
    Event,
    Evidence,
    GeoPrecision,
    Hedge,
    Place,
    Precision,
    Role,
    Snippet,
    Time,
    TimeBasis,
    stable_id,
)

_HEDGE_WORDS = {
    "reportedly": Hedge.REPORTED, "allegedly": Hedge.ALLEGED, "purportedly": Hedge.ALLEGED,
    "apparently": Hedge.REPORTED, "alleged": Hedge.ALLEGED, "suspected": Hedge.ALLEGED, "unconfirmed": Hedge.REPORTED,
}
_HYPOTHETICAL_HEADS = {"threaten", "plan", "vow", "warn", "intend", "prepare", "aim", "seek", "try", "attempt",
                       "prevent", "avert", "foil", "thwart"}
_MODALS = {"will", "would", "could", "may", "might", "should", "shall"}
_CLAIM_HEDGES = {"claim": Hedge.CLAIMED, "allege": Hedge.ALLEGED, "accuse": Hedge.ALLEGED}
# Types whose subtypes are stages of one episode (a rally, then tear gas; clashes, then the town retaken).
_ONE_EPISODE_TYPES = {"protests", "riots", "battles"}
_PLACE_RANK = {GeoPrecision.EXACT: 0, GeoPrecision.NEAR: 1, GeoPrecision.ADMIN2: 2, GeoPrecision.ADMIN1: 3,
               GeoPrecision.COUNTRY: 4, GeoPrecision.UNKNOWN: 5}
_TIME_RANK = {Precision.DAY: 0, Precision.WEEK: 1, Precision.RANGE: 2, Precision.MONTH: 3, Precision.SEASON: 4,
              Precision.YEAR: 5, Precision.DECADE: 6, Precision.UNKNOWN: 7}


@dataclass(slots=True)
class Trigger:
    tokens: tuple[int, ...]  # token indices of the trigger phrase
    head: int  # the token that carries the syntax (the noun, or the verb)
    subtype: Subtype | None  # None: a generic violence word ("attack", "killed")
    kind: str  # "verb", "noun" or "casualty"
    sentence: int


@dataclass(slots=True)
class EventDraft:
    """An event before context: its triggers, actors with roles and casualties."""

    triggers: list[Trigger]
    subtype: Subtype
    sentence: int
    actors: list[Actor] = field(default_factory=list)
    killed: list[CasualtyMention] = field(default_factory=list)
    injured: list[CasualtyMention] = field(default_factory=list)
    generic: bool = False

    @property
    def main(self) -> Trigger:
        return self.triggers[0]



@dataclass(frozen=True, slots=True, kw_only=True)
class EventContext:
    ann: Annotations
    document_id: str
    published: str | None
    times: Sequence[Time]
    places: Sequence[Place]
    claims: Sequence[Claim]
    scare_quotes: Sequence[Evidence]
    outlet: str | None
    extractor: str
    rank: dict[str, int] = field(default_factory=dict)  # subtype -> specificity, from the taxonomy


def assemble_events(drafts: Sequence[EventDraft], ctx: EventContext) -> list[Event]:
    return merge_coreferent([(event_from_draft(d, ctx), d) for d in drafts], ctx)


def event_from_draft(d: EventDraft, ctx: EventContext) -> Event:
    ann = ctx.ann
    main = d.main
    trig_start, trig_end = ann.tokens[main.tokens[0]].start, ann.tokens[main.tokens[-1]].end
    sent = ann.sentences[d.sentence]
    date_, date_rule = choose_date(d, ctx)
    place, place_rule = choose_place(d, ctx)
    claim = asserting_claim(trig_start, ctx.claims)
    asserted = (AssertedBy(kind=AssertedKind.SPEAKER, name=claim.speaker.name or claim.speaker.role, claim_id=claim.id)
                if claim else AssertedBy(kind=AssertedKind.OUTLET, name=ctx.outlet))
    hedge = find_hedge(d, ctx, claim)
    if date_ is not None and date_.start and ctx.published and date_.start > ctx.published[:10]:
        hedge = Hedge.HYPOTHETICAL  # dated after publication: announced or planned, not yet happened
    negated = is_negated(d, ctx, claim)
    killed = combine_counts(d.killed)
    injured = combine_counts(d.injured)
    actors = tuple(d.actors)
    if not any(a.role == Role.INITIATOR for a in actors):
        actors += (Actor(name=None, kind="unknown", role=Role.INITIATOR),)
    confidence = score_confidence(d, date_rule, place_rule, hedge, negated)
    return Event(
        id=stable_id("ev", ctx.document_id, trig_start, trig_end),
        type=d.subtype.type,
        subtype=d.subtype.subtype,
        plover=d.subtype.plover,
        date=date_,
        place=place,
        actors=actors,
        killed=killed,
        injured=injured,
        asserted_by=asserted,
        hedge=hedge,
        negated=negated,
        confidence=confidence,
        evidence=(ann.evidence(sent.start, sent.end),),
        document_ids=(ctx.document_id,),
        trigger=Snippet(text=ann.text[trig_start:trig_end], evidence=(ann.evidence(trig_start, trig_end),)),
        date_rule=date_rule,
        place_rule=place_rule,
        extractor=ctx.extractor,
    )


# --------------------------------------------------------------------------- date and place


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


def choose_place(d: EventDraft, ctx: EventContext) -> tuple[Place | None, str]:
    ann = ctx.ann
    sent = ann.sentences[d.sentence]
    placed = [p for p in ctx.places if p.evidence]
    in_sentence = [p for p in placed if sent.start <= p.evidence[0].start < sent.end]
    if in_sentence:
        phrase = set()
        for t in d.triggers:
            phrase.update(subtree(ann, t.head))
        inside = [p for p in in_sentence if any(ann.tokens[j].start <= p.evidence[0].start < ann.tokens[j].end
                                                 for j in phrase)]
        pool = inside or in_sentence
        return min(pool, key=lambda p: (p.geonames_id is None, _PLACE_RANK[p.precision])), "sentence"
    para = paragraph_index_at(ann, sent.start)
    earlier = [p for p in placed if p.evidence[0].start < sent.start
               and paragraph_index_at(ann, p.evidence[0].start) == para and p.geonames_id is not None]
    if earlier:
        return earlier[-1], "paragraph"
    resolved = [p for p in placed if p.geonames_id is not None and p.precision != GeoPrecision.COUNTRY]
    resolved = resolved or [p for p in placed if p.geonames_id is not None]
    if resolved:
        # the place the article talks about most; the earliest mention breaks ties
        mentions = Counter(p.geonames_id for p in resolved)
        return max(resolved, key=lambda p: (mentions[p.geonames_id], -p.evidence[0].start)), "document"
    return None, "none"


# --------------------------------------------------------------------------- attribution and status


def asserting_claim(char: int, claims: Sequence[Claim]) -> Claim | None:
    for c in claims:
        if any(ev.start <= char < ev.end for ev in c.content.evidence):
            return c
    return None


def find_hedge(d: EventDraft, ctx: EventContext, claim: Claim | None) -> Hedge | None:
    ann = ctx.ann
    sent = ann.sentences[d.sentence]
    if _is_hypothetical(d, ann):
        return Hedge.HYPOTHETICAL
    for q in ctx.scare_quotes:
        if sent.start <= q.start < sent.end:
            return Hedge.SCARE_QUOTES
    for t in ann.tokens[sent.token_start : sent.token_end]:
        h = _HEDGE_WORDS.get(t.text.lower())
        if h:
            return h
    if claim is not None:
        cue = claim.cue.text.lower().split()
        for word in cue:
            for stem, hedge in _CLAIM_HEDGES.items():
                if word.startswith(stem):
                    return hedge
        return Hedge.REPORTED
    return None


def _is_hypothetical(d: EventDraft, ann: Annotations) -> bool:
    head = d.main.head
    chain = [head, *_heads(ann, head, 2)]
    for j in chain:
        if (ann.tokens[j].lemma or "").lower() in _HYPOTHETICAL_HEADS and j != head:
            return True
        if any(ann.tokens[c].dep == "aux" and ann.tokens[c].text.lower() in _MODALS for c in ann.children[j]):
            # "they would attack" / "would hold another protest": the modal governs the trigger's clause
            return j == head if d.main.kind == "verb" else j == chain[1]
    return False


def _heads(ann: Annotations, i: int, n: int) -> list[int]:
    out = []
    for _ in range(n):
        h = ann.tokens[i].head
        if h == i:
            break
        out.append(h)
        i = h
    return out


def is_negated(d: EventDraft, ctx: EventContext, claim: Claim | None) -> bool:
    ann = ctx.ann
    for t in d.triggers:
        if t.kind == "casualty":
            continue
        for j in (t.head, *_heads(ann, t.head, 1)):
            if any(ann.tokens[c].dep == "neg" for c in ann.children[j]):
                return True
    if claim is not None and claim.cue.text.lower().startswith("den"):
        return True
    return bool(d.killed or d.injured) and all(c.negated for c in d.killed + d.injured) and d.main.kind == "casualty"


def combine_counts(mentions: Sequence[CasualtyMention]) -> Count | None:
    """Several counts of one event in one sentence: keep the largest, never add them up."""
    live = [m for m in mentions if not m.negated] or list(mentions)
    if not live:
        return None
    return max(live, key=lambda m: (m.count.best, m.count.low)).count


def score_confidence(d: EventDraft, date_rule: str, place_rule: str, hedge: Hedge | None, negated: bool) -> float:
    """A documented heuristic in [0, 1]: how much of the event the text pins down."""
    score = 0.45 if d.generic else 0.6
    if any(a.role == Role.INITIATOR for a in d.actors):
        score += 0.1
    if any(a.role == Role.TARGET for a in d.actors) or d.killed or d.injured:
        score += 0.05
    if place_rule == "sentence":
        score += 0.1
    if date_rule == "sentence":
        score += 0.1
    if hedge in (Hedge.HYPOTHETICAL, Hedge.SCARE_QUOTES, Hedge.ALLEGED):
        score -= 0.15
    if negated:
        score -= 0.2
    return round(max(0.05, min(score, 0.95)), 2)


# --------------------------------------------------------------------------- coreference


@dataclass(slots=True)
class _Mention:
    event: Event
    casualty_only: bool  # found only through a count: "two soldiers were killed"
    anaphoric: bool  # "the battle", "the attack": refers back to an event already told


def merge_coreferent(events: Sequence[tuple[Event, EventDraft]], ctx: EventContext) -> list[Event]:
    """Later mentions of the same event (headline, lead, a later paragraph) add detail to the first.

    A mention is compared with the events already kept, most recent first.
    """
    out: list[_Mention] = []
    for ev, draft in events:
        m = _Mention(ev, draft.main.kind == "casualty", is_anaphoric(ctx.ann, draft))
        for prev in reversed(out):
            if same_event(prev, m, ctx):
                b_wins = (prev.casualty_only and not m.casualty_only) or (
                    ev.type == prev.event.type and ctx.rank.get(ev.subtype or "", 0) > ctx.rank.get(prev.event.subtype or "", 0))
                prev.event = merge_events(prev.event, ev, prefer_b_type=b_wins)
                prev.casualty_only = prev.casualty_only and m.casualty_only
                break
        else:
            out.append(m)
    return [m.event for m in out]


def is_anaphoric(ann: Annotations, d: EventDraft) -> bool:
    """A definite event noun with no time of its own ("the battle for the town") points back."""
    head = d.main.head
    return d.main.kind == "noun" and any(
        ann.tokens[c].dep == "det" and ann.tokens[c].text.lower() in ("the", "this", "that") for c in ann.children[head])


def same_event(a: _Mention, b: _Mention, ctx: EventContext) -> bool:
    ea, eb = a.event, b.event
    if ea.negated != eb.negated or (ea.hedge == Hedge.HYPOTHETICAL) != (eb.hedge == Hedge.HYPOTHETICAL):
        return False
    loose = a.casualty_only or b.casualty_only
    if ea.type != eb.type and not loose:
        return False
    if not _places_compatible(ea.place, eb.place) or not _dates_compatible(ea.date, eb.date):
        return False
    para_a = paragraph_index_at(ctx.ann, ea.evidence[-1].start)
    para_b = paragraph_index_at(ctx.ann, eb.evidence[0].start)
    if b.anaphoric and eb.date_rule != "sentence":
        return True  # "the attack", "the battle for the town"
    if para_a == para_b:
        # in one paragraph, a new indefinite mention ("an airstrike near Fallujah") is a new event
        return loose
    if ea.subtype != eb.subtype and ea.type not in _ONE_EPISODE_TYPES:
        return False
    same_place = ea.place is not None and eb.place is not None and ea.place.geonames_id is not None and (
        ea.place.geonames_id == eb.place.geonames_id)
    counts_agree = ea.killed is None or eb.killed is None or ea.killed.best == eb.killed.best
    # Across paragraphs: the same subtype at the same named place, or a headline restated by the lead.
    first_a = paragraph_index_at(ctx.ann, ea.evidence[0].start)
    return (same_place and "sentence" in (ea.place_rule, eb.place_rule)) or (
        first_a <= 1 and para_b <= first_a + 1 and counts_agree)


def _places_compatible(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None or a.geonames_id is None or b.geonames_id is None:
        return True
    if a.geonames_id == b.geonames_id:
        return True
    coarse = (GeoPrecision.ADMIN1, GeoPrecision.COUNTRY)
    if a.precision in coarse or b.precision in coarse:
        return a.country == b.country and (a.precision == GeoPrecision.COUNTRY or b.precision == GeoPrecision.COUNTRY
                                           or a.admin1 == b.admin1)
    return False


def _dates_compatible(a: Time | None, b: Time | None) -> bool:
    if a is None or b is None or a.start is None or b.start is None or a.end is None or b.end is None:
        return True
    if TimeBasis.PUBLICATION in (a.basis, b.basis):
        return True
    return a.start <= b.end and b.start <= a.end


def merge_events(a: Event, b: Event, *, prefer_b_type: bool = False) -> Event:
    """Keep a's identity; take the more precise date and place, the union of actors and evidence."""
    date_ = a.date
    if b.date is not None and (a.date is None or _time_better(b.date, a.date)):
        date_ = b.date
    place = a.place
    if b.place is not None and (a.place is None or _PLACE_RANK[b.place.precision] < _PLACE_RANK[a.place.precision]):
        place = b.place
    known = {(x.role, _actor_key(x)) for x in a.actors}
    sides = {_actor_key(x) for x in a.actors if x.name is not None}
    actors = [x for x in a.actors if x.name is not None or not any(y.name for y in b.actors if y.role == x.role)]
    # an actor already on one side of the event is not added to the other side by a later mention
    actors += [x for x in b.actors if x.name is not None and (x.role, _actor_key(x)) not in known
               and _actor_key(x) not in sides]
    evidence = tuple(sorted(set(a.evidence) | set(b.evidence), key=lambda e: e.start))
    sourced = a.asserted_by.kind == AssertedKind.OUTLET and b.asserted_by.kind == AssertedKind.SPEAKER
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
        killed=_larger(a.killed, b.killed),
        injured=_larger(a.injured, b.injured),
        evidence=evidence,
        confidence=max(a.confidence, b.confidence),
    )


def _actor_key(x: Actor) -> str:
    return (x.canonical or x.name or "").lower()


def _time_better(new: Time, old: Time) -> bool:
    if old.basis == TimeBasis.PUBLICATION and new.basis != TimeBasis.PUBLICATION:
        return True
    return new.basis != TimeBasis.PUBLICATION and _TIME_RANK[new.precision] < _TIME_RANK[old.precision]


def _larger(a: Count | None, b: Count | None) -> Count | None:
    if a is None:
        return b
    if b is None:
        return a
    if b.best != a.best:
        return b if b.best > a.best else a
    return b if (b.who and not a.who) else a  # same number: keep the mention that says who
