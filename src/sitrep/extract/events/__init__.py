"""The events stage: who did what to whom, when, where, how many, and who says so.

Passes, over the sentences of a document: casualty counts that are not running totals, by sentence →
trigger words looked up in the taxonomy (``triggers``) → the triggers of one happening grouped into a draft
with its counts, its parties' roles (``roles``) and a type (``grouping``) → each draft placed in its context
(``context``: date by ``dates``, place by ``places``, who asserts it, hedges, background, negation,
confidence) → later mentions of the same event merged into the first (``coref``).

The taxonomy (``data/taxonomy.yaml``) says what each type means; the words are the language's
(``lang/<code>/events.yaml``; the trigger words of each subtype in ``triggers.yaml``).
"""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.extract.common.layout import Layout
from sitrep.extract.common.records import TimeFindings
from sitrep.extract.events.aggregates import find_aggregates, total_flags
from sitrep.extract.events.context import assemble_events
from sitrep.extract.events.drafts import EventContext, EventDraft, Trigger
from sitrep.extract.events.generic import strike_senses
from sitrep.extract.events.grouping import group_triggers
from sitrep.extract.events.taxonomy import Taxonomy, make_taxonomy
from sitrep.extract.events.triggers import find_triggers
from sitrep.extract.events.words import event_words
from sitrep.lang import Lexicon, default_lexicon
from sitrep.model import Actor, Aggregate, Annotations, CasualtyMention, Claim, Event, Evidence, Place, Time

EXTRACTOR = "events@4"


def extract_events(
    ann: Annotations,
    *,
    document_id: str,
    published: str | None = None,
    times: Sequence[Time] = (),
    time_findings: TimeFindings | None = None,
    places: Sequence[Place] = (),
    actors: Sequence[Actor] = (),
    casualties: Sequence[CasualtyMention] = (),
    claims: Sequence[Claim] = (),
    scare_quotes: Sequence[Evidence] = (),
    outlet: str | None = None,
    taxonomy: Taxonomy | None = None,
    lexicon: Lexicon | None = None,
    layout: Layout | None = None,
) -> list[Event]:
    """All events of one document, one per real event, in order of first mention.  ``time_findings`` is what the
    times stage found beside ``times`` (``find_times``: the dateline, "now" and bare clock times, the publication
    date as a time); without it no time is set aside and an event with no time of its own gets no date."""
    lex = lexicon or default_lexicon()
    tax = taxonomy or make_taxonomy(lex)
    w = event_words(lex)
    by_sentence: dict[int, list[CasualtyMention]] = {}
    totals: list[CasualtyMention] = []
    for c, total in zip(casualties, total_flags(ann, casualties, w), strict=True):
        if total:  # a running total or a war-wide figure is an aggregate, never a toll
            totals.append(c)
        else:
            by_sentence.setdefault(c.sentence, []).append(c)
    drafts: list[EventDraft] = []
    # towns and regions the places stage resolved are never parties ("the town of Husaybah")
    place_spans = [(ev.start, ev.end) for p in places if p.geonames_id is not None and p.feature != "country"
                   for ev in p.evidence]
    # a menu, a "Related" headline, a caption: another story's words, never this one's events
    found = [(si, find_triggers(ann, sent, si, tax, w, places=places, actors=actors))
             for si, sent in enumerate(ann.sentences) if layout is None or not layout.is_furniture(sent.start)]
    strikes = strike_senses(ann, [t for _, triggers in found for t in triggers], tax, w)
    for si, triggers in found:
        drafts.extend(group_triggers(ann, triggers, by_sentence.get(si, []), actors, tax, w, extractor=EXTRACTOR,
                                     place_spans=place_spans, strikes=strikes))
    ctx = EventContext(ann=ann, document_id=document_id, published=published, times=times,
                       places=event_places(places, actors),
                       claims=claims, scare_quotes=scare_quotes, outlet=outlet, extractor=EXTRACTOR,
                       rank={name: st.rank for name, st in tax.subtypes.items()}, taxonomy=tax, words=w,
                       time_findings=time_findings or TimeFindings(times=tuple(times)),
                       total_words=frozenset(c.token for c in totals if c.sentence not in by_sentence),
                       trigger_words=frozenset(t.head for _, triggers in found for t in triggers))
    return assemble_events(drafts, ctx)


def event_places(places: Sequence[Place], actors: Sequence[Actor]) -> list[Place]:
    """The places that may place an event: not a country named inside a party's name ("U.S. soldiers",
    "Afghan forces", "the Iraqi army"): a nationality says who, never where."""
    parties = [(a.evidence[0].start, a.evidence[0].end) for a in actors if a.evidence]
    return [p for p in places if not (p.evidence and any(
        s <= p.evidence[0].start and p.evidence[0].end <= e and (s, e) != (p.evidence[0].start, p.evidence[0].end)
        for s, e in parties))]


def extract_aggregates(ann: Annotations, *, casualties: Sequence[CasualtyMention] = (), times: Sequence[Time] = (),
                       places: Sequence[Place] = (), claims: Sequence[Claim] = (), outlet: str | None = None,
                       lexicon: Lexicon | None = None) -> list[Aggregate]:
    """Running totals and war-wide figures ("the conflict has killed 300,000"): never an event's toll."""
    return find_aggregates(ann, casualties, event_words(lexicon or default_lexicon()), times=times, places=places,
                           claims=claims, outlet=outlet)


__all__ = ["EXTRACTOR", "extract_aggregates", "EventDraft", "Trigger", "extract_events", "find_triggers", "group_triggers"]
