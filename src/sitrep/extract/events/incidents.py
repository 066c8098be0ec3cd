"""Incidents of the day: the mentions of one happening become one event.

A report tells an incident in its headline, again in its lead, and again in later sentences that add its
damage, its victims, who claimed it or a quote about it. Each of those sentences yields a mention; this pass
folds the mentions of one happening into one event with evidence from each, so a user's table has one row
per incident. A second incident needs its own act, place or time:

- a mention whose own sentence names a place that cannot be the incident's (another town, not a place inside
  it or containing it), or a day that does not overlap the incident's, starts another incident; a list ("two
  killed in Gao, three in Kidal") is one incident per place;
- a mention whose place or date came only from context (the paragraph, the document, the publication day)
  says nothing against joining, so it joins the latest incident it fits;
- a sentence that announces another happening ("in a separate incident", "meanwhile") starts one.

Only incidents told as news are folded (not background, plans, denials or verbal interactions, which keep
their own rows). What an incident is, when its mentions name several types, is the type with the highest
``incident_rank`` in the taxonomy (an airstrike during a raid is an airstrike; arrests at the scene of a
shooting are the shooting). Its toll is the range of its mentions' tolls, dead and wounded never added: the
best figure is the one cited most (the largest on a tie), low and high the smallest and largest cited.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from math import asin, cos, radians, sin, sqrt

from sitrep.extract.events.confidence import incident_confidence
from sitrep.extract.events.coref import announces_another, merge_events
from sitrep.extract.events.dates import dates_compatible, dates_within
from sitrep.extract.events.demonstrations import STATE, crowd_clash, in_its_sentences, kind_fits, street_fight
from sitrep.extract.events.drafts import EventContext
from sitrep.extract.events.places import UNLOCATED
from sitrep.extract.events.tolls import (
    competing_tolls,
    detained_in_addition,
    different_dead,
    killed_in_addition,
    more_dead,
    total,
)
from sitrep.model import Count, Event, GeoPrecision, Hedge, Place, Role, Time, to_dict

_OWN_RULES = ("clause", "sentence")
_DESTRUCTION = "looting_property_destruction"
_NOT_NEWS = 0.5
_NEAR_KM = 30.0
_SAME_WEEK = 7
_COARSE = (GeoPrecision.ADMIN1, GeoPrecision.COUNTRY)
_AREAS = (GeoPrecision.ADMIN2, GeoPrecision.ADMIN1, GeoPrecision.COUNTRY)


@dataclass(slots=True)
class _Incident:
    event: Event
    killed: list[Count] = field(default_factory=list)
    injured: list[Count] = field(default_factory=list)
    mentions: int = 1
    subtypes: set[str] = field(default_factory=set)


def assemble_incidents(events: Sequence[Event], ctx: EventContext, *, typed_by_word: set[str] | None = None,
                       details: set[str] | None = None, acts_untold: set[str] = frozenset(),
                       summaries: set[int] = frozenset()) -> list[Event]:
    """One event per incident told as news; other events (background, plans, verbal) pass through.

    ``typed_by_word`` are the ids of mentions whose type a trigger word names ("airstrike", "arrested"); the
    others were typed from their parties ("attacked" soldiers: a clash) and retype only an incident typed so too,
    and only when they name a target.
    ``details`` are mentions in generic words alone ("the attack took place on Sunday in Birao"): one joins the
    incident it fits, giving it its day or place, and is otherwise dropped, never a row of its own.
    ``acts_untold`` are mentions that give a toll and no act ("Death toll from hotel siege rises to 21"): the
    incident they open takes any later mention that fits. ``summaries`` are where mentions that sum up several
    happenings begin ("A string of attacks across Iraq killed 14"): an incident told by one never takes a later
    mention at a place of its own, one of the happenings it sums up."""
    specific = typed_by_word if typed_by_word is not None else {ev.id for ev in events}
    incidents: list[_Incident] = []
    out: list[Event | _Incident] = []
    early: list[Event] = []
    for ev in events:
        if details and ev.id in details:
            # a detail tells only what its own clause says of the incident: not a time merely near it
            # ("they attacked a village, a spokesman said on Monday"), nor a place from context
            ev = replace(ev, date=ev.date if ev.date_rule == "clause" else None,
                         date_rule=ev.date_rule if ev.date_rule == "clause" else "none",
                         place=ev.place if ev.place_rule == "sentence" else None,
                         place_rule=ev.place_rule if ev.place_rule == "sentence" else "none")
            home = _joinable(incidents, ev, ctx, specific=False, detail=True) if is_news(ev) else None
            if home is not None:
                _fold(home, ev, ctx, retypes=False)
            elif is_news(ev) and not incidents:
                early.append(ev)  # told before the first incident ("described the Wednesday evening assault")
            continue
        if not is_news(ev):
            # background, a plan, a denial or a verbal interaction is, by its status, unlikely to be an incident
            # of the day: on the same scale as the incidents, at most half of what its words alone would earn
            out.append(replace(ev, confidence=round(incident_confidence(to_dict(ev)) * _NOT_NEWS, 2)))
            continue
        # not after "in a separate attack", nor one told before what the sentence's subject "came after"
        open_ = [inc for inc in incidents if (ev.place_rule not in _OWN_RULES
                 or not any(e.start in summaries for e in inc.event.evidence))
                 and not announces_another(ev, ctx, inc.event)]
        home = _joinable(open_, ev, ctx, specific=ev.id in specific, untold=acts_untold)
        if home is None:
            inc = _Incident(ev, _counts(ev.killed), _counts(ev.injured), subtypes={ev.subtype or ""})
            incidents.append(inc)
            out.append(inc)
            # the first incident takes the details told before it that fit it: their day and place, not who tells
            # it (a headline's "EU mission condemns Dvani attack" is no source of the incident)
            for e in early:
                if _fits(inc.event, e, detail=True) and kind_fits(inc.event, e, ctx):
                    _fold(inc, replace(e, asserted_by=inc.event.asserted_by, hedge=inc.event.hedge), ctx, retypes=False)
            early = []
        else:
            # "a group of militants attacked the village" (a clash for want of a target) does not make "gunmen
            # killed eight people" a battle
            _fold(home, ev, ctx, retypes=ev.id in specific or (home.event.id not in specific and any(
                a.role == Role.TARGET for a in ev.actors)))
    finished = [_finished(x, ctx) if isinstance(x, _Incident) else x for x in out]
    told = {x.event.id for x in out if isinstance(x, _Incident)}
    if any(ev.id in told and ev.type in ("protests", "riots") for ev in finished):
        # in a story of demonstrations, clashes that name no armed group are a crowd's ("a student was killed
        # during clashes near the university"): a riot, not a battle
        riot = ctx.taxonomy.subtype("violent_demonstration")
        finished = [replace(ev, type=riot.type, subtype=riot.subtype, plover=riot.plover)
                    if ev.id in told and crowd_clash(ev) and ev.trigger is not None
                    and ev.trigger.text.lower() in ctx.words.crowd_clash_words else ev for ev in finished]
    for ev in list(finished):
        parts = {t.id for t in _summed_up(ev, [t for t in finished if t.id != ev.id and is_news(t)], told)}
        if parts:
            # the summary's own day dates the happenings it sums up that have none ("killed 14 on Wednesday")
            dated = ev.date_rule in _OWN_RULES
            finished = [replace(t, date=ev.date, date_rule="lead") if dated and t.id in parts and t.date_rule in (
                "publication", "none") else t for t in finished if t.id != ev.id]
    return finished


def _summed_up(ev: Event, others: list[Event], told: set[str]) -> list[Event]:
    """An incident at a region's or country's level (or with no place of its own) whose dead are all told again,
    town by town, as incidents of their own ("Russian strikes killed four in the Kharkiv region ... A woman was
    killed in Kupiansk-Vuzlovyi ... Three men died near Vovchansk"): a summary of them, not one more incident (it
    would count the dead twice). A village the gazetteer does not know, placed at its area, is finer than that area.
    Returns those parts, or nothing when the incident is no summary."""
    if not is_news(ev) or ev.place is None or ev.killed is None or ev.killed.best <= 0 or ev.id not in told:
        return []
    guessed = ev.place_rule not in _OWN_RULES  # "Iraq violence kills 14": its place only the article's guess
    if not guessed and ev.place.precision not in _AREAS:
        return []
    parts = [o for o in others if o.place is not None and o.killed is not None and o.killed.best > 0
             and (o.place.country == ev.place.country if guessed else (
                 (_rank(o.place) < _rank(ev.place) or o.place.feature == UNLOCATED) and places_fit(ev.place, o.place)))
             and dates_compatible(ev.date, o.date)]
    total, k = sum(o.killed.best for o in parts), ev.killed
    summed = len(parts) >= 2 and k.low <= total and (total <= k.high if k.high is not None else total == k.best)
    return parts if summed else []


def is_news(ev: Event) -> bool:
    return not (ev.verbal or ev.negated or ev.hedge in (Hedge.HYPOTHETICAL, Hedge.HISTORICAL))


def _joinable(incidents: list[_Incident], ev: Event, ctx: EventContext, *, specific: bool, detail: bool = False,
              untold: set[str] = frozenset()) -> _Incident | None:
    """The incident this mention tells again, of those that fit it: one at the same place first, of those one told
    in the mention's own sentence, then one of its kind (violent or not), then the latest. An incident whose first
    mention names no act, only a toll ("Death toll from hotel siege rises to 21"), is linked to any mention that
    fits; a mention of violence joins a peaceful demonstration only as ``demonstrations.kind_fits`` allows."""
    fitting = [inc for inc in reversed(incidents) if _fits(inc.event, ev, detail=detail) and (
        ev.id in untold or kind_fits(inc.event, ev, ctx)) and (
        inc.event.id in untold or _linked(inc.event, ev, specific, ctx.taxonomy.violent))
        and not _other_side_killed(inc.event, ev, ctx)]
    same_place = [inc for inc in fitting if _same_place(inc.event.place, ev.place)]
    # of those, one told in the mention's own sentence, then one of the same kind: "threw grenades at our forces"
    # tells the raid before it, not the arrest of "two other suspects elsewhere" told last
    violent, candidates = ctx.taxonomy.violent, same_place or fitting
    told_here = [inc for inc in candidates if in_its_sentences(inc.event, ev.evidence[:1], ctx)]
    alike = [inc for inc in candidates if (inc.event.type in violent) == (ev.type in violent)]
    return (told_here or alike or candidates or [None])[0]


def _fits(inc: Event, ev: Event, *, detail: bool = False) -> bool:
    # "the attack took place on Sunday" tells the day of the incident it refers to, unless the incident's own
    # clause gave another (a time merely near it, "the army said on Tuesday", is no contradiction)
    own_date = ev.date_rule in _OWN_RULES and (inc.date_rule == "clause" if detail else inc.date_rule in _OWN_RULES)
    if own_date and not _dates_overlap(inc.date, ev.date):
        return False
    # a mention its own words date weeks away from the day of publication, an incident's day by default ("Last
    # month, gunmen killed 32 people" after an arrest told as the day's news), is another happening
    rules = {ev.date_rule, inc.date_rule}
    if rules & set(_OWN_RULES) and "publication" in rules and dates_within(inc.date, ev.date, _SAME_WEEK) is False:
        return False
    own_place = ev.place_rule in _OWN_RULES and inc.place_rule in _OWN_RULES
    if own_place and _a_part(inc, ev):
        return False
    return not own_place or places_fit(inc.place, ev.place)


def _a_part(inc: Event, ev: Event) -> bool:
    """A mention at another place of its own with fewer dead: one of the happenings a wider one sums up ("strikes
    across Gaza killed 25 ... an airstrike on a house in Deir al-Balah killed nine"), an incident of its own (one
    per place and day)."""
    return (inc.place is not None and ev.place is not None and not _same_place(inc.place, ev.place)
            and inc.killed is not None and ev.killed is not None and 0 < ev.killed.best < inc.killed.best)


def _linked(inc: Event, ev: Event, specific: bool, violent: frozenset[str]) -> bool:
    """Something ties the mention to the incident beyond not contradicting it: both name their place (and it
    fits), or the mention names no act of its own ("the blast", "two were killed"), or the same kind of act, or
    a party of the incident. "The army shelled a village. ... militants burned a school in Daquq" are two."""
    if (ev.place_rule in _OWN_RULES) == (inc.place_rule in _OWN_RULES):
        return True  # both name their place (and it fits), or neither does: a detail of the story told so far
    if not specific or ev.type == inc.type or _deaths_untold(inc) or _deaths_untold(ev) or street_fight(inc, ev) \
            or _damage_of(inc, ev, violent):
        return True
    named = {_party(a) for a in inc.actors if a.name} - {""}
    return bool(named & {_party(a) for a in ev.actors if a.name})


def _other_side_killed(inc: Event, ev: Event, ctx: EventContext) -> bool:
    """A mention whose named doer is none of the incident's parties killed other people than the incident's dead
    ("a missile attack killed 12 people ... the coalition said it had killed 95 rebels in operations"): another
    happening, not the incident's toll told again."""
    if not different_dead(inc.killed, ev.killed, ctx.words):
        return False
    parties = {_party(a) for a in inc.actors if a.name} - {""}
    dead = ev.killed.who.lower()  # the subject of "died" is among the dead, not a doer ("Alice and Katie died")
    doers = {_party(a) for a in ev.actors if a.name and a.role == Role.INITIATOR and a.name.lower() not in dead} - {""}
    return bool(doers) and not doers & parties


def _damage_of(inc: Event, ev: Event, violent: frozenset[str]) -> bool:
    """Property destroyed with no one named as doing it, after a violent incident ("dozens of houses were
    destroyed", "the strike flattened a school"): the damage that incident did, not an act of its own."""
    return ev.subtype == _DESTRUCTION and inc.type in violent and not any(
        a.role == Role.INITIATOR and a.name for a in ev.actors)


def _deaths_untold(ev: Event) -> bool:
    """An arrest with dead ("Seventeen killed, one detained"): the act that killed is not told by its word, so
    the mention that tells it ("an air strike killed ...") may be the same incident."""
    return ev.subtype == "arrests" and ev.killed is not None and ev.killed.best > 0


def _party(actor) -> str:
    return (actor.canonical or actor.name or "").lower()


def _dates_overlap(a: Time | None, b: Time | None) -> bool:
    if a is None or b is None or not (a.start and a.end and b.start and b.end):
        return True
    return a.start <= b.end and b.start <= a.end


def places_fit(a: Place | None, b: Place | None) -> bool:
    """Two places can be one incident's: the same place, one inside the other, or within a short drive."""
    if a is None or b is None:
        return True
    if _same_place(a, b):
        return True
    if GeoPrecision.UNKNOWN in (a.precision, b.precision) and None in (a.country, b.country):
        return True  # a name the gazetteer does not know ("la commune de Limete") says nothing of where it is
    if a.country and b.country and a.country != b.country:
        return False
    if UNLOCATED in (a.feature, b.feature):
        # a village the gazetteer does not know sits somewhere in its area: another named village is another place
        other = b if a.feature == UNLOCATED else a
        unl = a if other is b else b
        if other.feature != UNLOCATED and other.precision not in _AREAS and unl.precision == GeoPrecision.NEAR \
                and None not in (unl.lat, unl.lon, other.lat, other.lon):
            return km_between(unl.lat, unl.lon, other.lat, other.lon) <= _NEAR_KM  # placed by the town beside it
        return other.feature != UNLOCATED and other.precision in _AREAS and (
            other.precision == GeoPrecision.COUNTRY or other.admin1 == unl.admin1)
    if a.precision in _COARSE or b.precision in _COARSE:
        coarse, fine = (a, b) if _rank(a) >= _rank(b) else (b, a)
        return coarse.precision == GeoPrecision.COUNTRY or (coarse.admin1 is not None and coarse.admin1 == fine.admin1)
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return False
    return km_between(a.lat, a.lon, b.lat, b.lon) <= _NEAR_KM


def _same_place(a: Place | None, b: Place | None) -> bool:
    return a is not None and b is not None and (
        (a.geonames_id is not None and a.geonames_id == b.geonames_id) or (a.name == b.name and a.country == b.country))


def _rank(p: Place) -> int:
    return list(GeoPrecision).index(p.precision)


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat, dlon = radians(lat2 - lat1), radians(lon2 - lon1)
    h = sin(dlat / 2) ** 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(dlon / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(h))


def _counts(c: Count | None) -> list[Count]:
    return [c] if c is not None and c.best > 0 else []


def _fold(inc: _Incident, ev: Event, ctx: EventContext, *, retypes: bool = True) -> None:
    a, b = inc.event, ev
    b_types = retypes and (_incident_rank(b, ctx) > _incident_rank(a, ctx) or (
        b.type == a.type and ctx.rank.get(b.subtype or "", 0) > ctx.rank.get(a.subtype or "", 0)))
    if street_fight(a, b):
        b_types = b.type == "protests"  # a demonstration with clashes: ``_finished`` makes it a riot
    if b.hedge == Hedge.ALLEGED and a.hedge != Hedge.ALLEGED:
        b_types = False  # what someone is accused of ("accused police of violence, including rape") retypes nothing
    inc.event = merge_events(a, b, prefer_b_type=b_types, more_detained=detained_in_addition(b, ctx),
                             tolls=competing_tolls(a, b, ctx))
    before = max(inc.killed, key=lambda c: c.best) if inc.killed else None
    if len(inc.killed) == 1 and b.killed is not None and (killed_in_addition(before, b, ctx) or more_dead(b, ctx)):
        # "six soldiers died ... the attack also killed seventeen assailants": one toll of 23
        both = replace(total([before, b.killed]), who=None)
        inc.killed = [both]
        inc.event = replace(inc.event, killed=both)
    else:
        inc.killed += _counts(b.killed)
    inc.injured += _counts(b.injured)
    inc.mentions += 1
    inc.subtypes.add(b.subtype or "")


def _incident_rank(ev: Event, ctx: EventContext) -> int:
    return ctx.taxonomy.incident_rank_of(ev.type, ev.subtype)


def _finished(inc: _Incident, ctx: EventContext) -> Event:
    ev = inc.event
    ev = replace(ev, killed=toll_range(inc.killed, ev.killed), injured=toll_range(inc.injured, ev.injured))
    hurt = any(c is not None and c.best > 0 for c in (ev.killed, ev.injured))
    killed = ev.killed is not None and ev.killed.best > 0
    if ev.subtype is not None and ((hurt and ctx.taxonomy.subtypes[ev.subtype].harms_property) or (
            killed and ctx.taxonomy.subtypes[ev.subtype].taken_alive)):
        # smashing a car with a child inside, burning a house with its family: people hurt make it an attack;
        # "killing at least eight people and abducting many more": the dead make it one
        attack = ctx.taxonomy.subtype("attack")
        ev = replace(ev, type=attack.type, subtype=attack.subtype, plover=attack.plover)
    ev = replace(ev, confidence=incident_confidence(to_dict(ev)))
    if ev.type == "protests" and any(ctx.taxonomy.subtypes[s].rioting for s in inc.subtypes if s in ctx.taxonomy.subtypes):
        # a demonstration whose people smash, burn or fight is a riot (police dispersing a peaceful crowd is a
        # protest with intervention)
        riot = ctx.taxonomy.subtype("violent_demonstration")
        ev = replace(ev, type=riot.type, subtype=riot.subtype, plover=riot.plover)
    elif ev.subtype == "peaceful_protest" and hurt and any(a.kind == STATE for a in ev.actors):
        # "police shot dead two protesters during a rally": the forces' violence met a peaceful crowd
        met = ctx.taxonomy.subtype("protest_with_intervention")
        ev = replace(ev, type=met.type, subtype=met.subtype, plover=met.plover)
    return ev


def toll_range(counts: list[Count], merged: Count | None) -> Count | None:
    """One incident's toll from every figure its mentions cite: best the figure cited most (the largest on a tie),
    low the smallest figure, high the largest ceiling (open when any figure is open-ended)."""
    if len(counts) < 2 or merged is None:
        return merged
    cited = Counter(c.best for c in counts)
    best = max(cited, key=lambda n: (cited[n], n))
    high = None if any(c.high is None for c in counts) else max(c.high for c in counts if c.high is not None)
    low = min(c.low for c in counts)
    evidence = tuple(sorted({ev for c in counts for ev in c.evidence}, key=lambda e: e.start))
    who = next((c.who for c in counts if c.best == best and c.who), merged.who)
    return Count(best=best, low=min(low, best), high=high if high is None else max(high, best), who=who,
                 evidence=evidence)


__all__ = ["assemble_incidents", "is_news", "km_between", "places_fit", "toll_range"]
