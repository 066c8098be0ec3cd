"""A demonstration and the violence told beside it: which mentions of violence are part of a demonstration.

A protest story tells force met by the crowd ("police opened fire on the protesters"), the crowd's own violence
("rioting", "clashes" that name no armed group) and, often, violence of another kind that happened nearby or
on the same day (a shooting in the same street, a raid elsewhere). The first two are the demonstration's, the
third an incident of its own. ``incidents.py`` asks these rules before it folds a mention into a demonstration.
"""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.extract.common.text import sentence_index_at
from sitrep.extract.events.drafts import EventContext
from sitrep.model import Event, Evidence, Role

CROWD, STATE = "protesters", "state_forces"  # actor kinds: a crowd, and the forces that face one
_ON_CIVILIANS = "violence_against_civilians"


def kind_fits(inc: Event, ev: Event, ctx: EventContext) -> bool:
    """A mention of violence ("the shooting occurred on Dizengoff Street", "a gunman opened fire on a crowded street",
    "militants were killed in a shootout with troops") is no part of a peaceful demonstration told beside it,
    unless it is force met by the crowd ("police opened fire on the protesters"), the crowd's own violence
    ("rioting", "clashes" that name no armed group), or told in a sentence of the demonstration ("protests during
    which a police station was attacked"); one that names no kind ("the incident", "the violence") may be."""
    # the forces alone used force, on people, not armed men: not "a gunman opened fire ... security forces killed
    # the shooter", nor "an Israeli military raid killed three militants" (a battle)
    by_forces = ev.type == _ON_CIVILIANS and {a.kind for a in ev.actors if a.role == Role.INITIATOR} == {STATE}
    if ev.type not in ctx.taxonomy.violent or inc.type != "protests" or ev.trigger is None or by_forces or any(
            a.kind == CROWD for a in ev.actors) or ev.type == "riots" or crowd_clash(ev):
        return True  # and the crowd's own violence: "rioting", "clashes" that name no armed group
    if in_its_sentences(inc, ev.trigger.evidence, ctx):
        return True
    word = ev.trigger.text.lower().split()[-1]
    return word in ctx.words.detail_nouns or word.removesuffix(ctx.words.plural_suffix) in ctx.words.detail_nouns


def in_its_sentences(inc: Event, evidence: Sequence[Evidence], ctx: EventContext) -> bool:
    """Some of ``evidence`` is told in a sentence that tells the incident."""
    sentences = {sentence_index_at(ctx.ann, e.start) for e in inc.evidence}
    return any(sentence_index_at(ctx.ann, e.start) in sentences for e in evidence)


def crowd_clash(ev: Event) -> bool:
    """Clashes that name no armed group: in a story of demonstrations, a crowd's fighting."""
    return ev.subtype == "armed_clash" and not any(x.name and x.kind in NON_STATE_ARMED for x in ev.actors)


def street_fight(a: Event, b: Event) -> bool:
    """A demonstration and clashes that name no armed group ("Clashes broke out when police fired tear gas"): the
    demonstration turning violent, one incident (a riot), not a battle beside it."""
    return {a.type, b.type} == {"protests", "battles"} and all(
        ev.type == "protests" or crowd_clash(ev) for ev in (a, b))


# Parties whose clashes are a battle whatever else the story tells (actors' kinds; police and soldiers meeting a
# crowd are not among them).
NON_STATE_ARMED = frozenset({"foreign_forces", "coalition", "rebels", "militia", "insurgents", "armed_group"})
# ... and with the state's forces, the parties whose being attacked makes a clash (``generic.type_generic``).
ARMED = NON_STATE_ARMED | {STATE}
