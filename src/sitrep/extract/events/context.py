"""From event drafts to events: date and place (``_event_dates``, ``_event_places``), who asserts the event,
hedging, negation, a confidence score, then one event per real event (``_event_coref``).

``asserted_by`` is the claim whose content contains the trigger, else the outlet's own voice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import islice

from sitrep.extract.common.text import ancestors, sentence_index_at, token_index_at
from sitrep.extract.events.asserted import asserting_claim
from sitrep.extract.events.background import behind_legal_step, describes_party, is_background, is_historical
from sitrep.extract.events.coref import is_anaphoric, merge_coreferent
from sitrep.extract.events.dates import choose_date
from sitrep.extract.events.drafts import EventContext, EventDraft
from sitrep.extract.events.incidents import assemble_incidents
from sitrep.extract.events.iterative import is_iterative, plural, several_happenings
from sitrep.extract.events.not_where import written_as_place
from sitrep.extract.events.places import choose_place, in_area
from sitrep.extract.events.taxonomy import Taxonomy
from sitrep.extract.events.tolls import combine_counts, sentence_toll, toll_giver
from sitrep.extract.events.words import EventWords
from sitrep.model import (
    Actor,
    Annotations,
    AssertedBy,
    AssertedKind,
    Claim,
    Event,
    Hedge,
    Role,
    Snippet,
    stable_id,
)


def assemble_events(drafts: Sequence[EventDraft], ctx: EventContext) -> list[Event]:
    """Events from drafts in context, later mentions of one event merged into the first, then one event per
    incident of the day (``incidents``), which the details ("the attack took place on Sunday") join."""
    pairs = [(one, d) for d in drafts for one in one_per_listed_place(d, ctx) or one_per_place(event_from_draft(d, ctx), ctx)]
    typed_by_word = {ev.id for ev, d in pairs if not d.generic}
    word_triggers = {ev.trigger.evidence for ev, d in pairs if not d.generic and ev.trigger is not None}
    # a detail is a verb ("they attacked a village") or a definite noun ("the attack"), never "attacks" at large
    details = [ev for ev, d in pairs if d.detail and (d.main.kind != "noun" or is_anaphoric(ctx, d))]
    # where the mentions that sum up several happenings begin ("A string of attacks across Iraq killed 14")
    summaries = {ev.evidence[0].start for ev, d in pairs if several_happenings(d, ctx.ann, ctx.words)}
    events = merge_coreferent([(ev, d) for ev, d in pairs if not d.detail], ctx, summaries=summaries)
    # a mention typed by its parties that a later one's word retyped ("the airstrike killed two") is typed by word
    typed_by_word |= {ev.id for ev in events if ev.trigger is not None and ev.trigger.evidence in word_triggers}
    # in the order of first mention, each detail where it is told
    events = sorted(events + details, key=lambda ev: ev.evidence[0].start)
    acts_untold = {ev.id for ev, d in pairs if all(t.kind == "casualty" for t in d.triggers)}
    return assemble_incidents(events, ctx, typed_by_word=typed_by_word, details={ev.id for ev in details},
                              acts_untold=acts_untold, summaries=summaries)


def one_per_listed_place(d: EventDraft, ctx: EventContext) -> list[Event]:
    """One event per place of a list of counts on one casualty word, each with its own toll ("killed seven
    people in Djibo and five others near Arbinda"); [] when the draft holds no such list or a count of it has
    no place of its own, and the list's later counts are then dropped, never added up."""
    listed = [m for m in (*d.killed, *d.injured) if m.listed]
    if not listed:
        return []
    d = replace(d, killed=[m for m in d.killed if not m.listed], injured=[m for m in d.injured if not m.listed])
    ev = event_from_draft(d, ctx)
    head = [m for m in (*d.killed, *d.injured) if m.token == listed[0].token and m.kind == listed[0].kind]
    if len(head) != 1:
        return []
    items = [head[0], *(m for m in listed if m.token == head[0].token and m.kind == head[0].kind)]
    sent = ctx.ann.sentences[d.sentence]
    starts = [m.count.evidence[0].start for m in items] + [sent.end]
    places = []
    for i in range(len(items)):
        # a village the gazetteer lacks, written as a place ("four in Gyadadde"), counts too
        inside = [p for p in ctx.places if p.evidence and starts[i] <= p.evidence[0].start < starts[i + 1] and (
            p.geonames_id is not None or written_as_place(ctx.ann, p, ctx.words))]
        places.append(inside[0] if inside else None)
    if None in places or len({p.geonames_id or p.name for p in places}) < len(places):
        return [ev]
    # such a village lies in the area the text puts around it, the list's other places aside
    others = [p for p in ctx.places if p.evidence and p not in places]
    places = [in_area(ctx.ann, p, others) for p in places]
    out = [replace(ev, place=places[0], place_rule="sentence")]
    for m, p in zip(items[1:], places[1:], strict=True):
        out.append(replace(ev, id=stable_id("ev", ev.id, p.geonames_id or p.name), place=p, place_rule="sentence", detained=None,
                           killed=m.count if m.kind == "killed" else None,
                           injured=m.count if m.kind == "injured" else None))
    return out


def one_per_place(ev: Event, ctx: EventContext) -> list[Event]:
    """One event per place of a list its own sentence names as where it happened ("three military posts were
    attacked in Nkambe, Noni and Ndu"): the places joined to the chosen one as conjuncts, of its own kind (towns
    with towns, regions with regions); no toll is split, so a toll stays with the first."""
    if ev.verbal or ev.place is None or ev.place_rule != "sentence" or not ev.place.evidence:
        return [ev]  # a meeting "in Paris and Berlin" is one interaction
    ann = ctx.ann
    first = token_index_at(ann, ev.place.evidence[0].start)
    if first is None:
        return [ev]
    root = first
    while ann.tokens[root].dep == "conj" and ann.tokens[root].head != root:
        root = ann.tokens[root].head
    if ann.tokens[root].dep == "pobj" and ann.tokens[ann.tokens[root].head].text.lower() in ctx.words.route_prepositions:
        return [ev]  # "on the highway between Kaduna and Abuja": one road, not two places
    cluster, todo = set(), [root]
    while todo:
        j = todo.pop()
        cluster.add(j)
        todo += [c for c in ann.children[j] if ann.tokens[c].dep == "conj" and c not in cluster]
    sent = ann.sentences[sentence_index_at(ann, ev.place.evidence[0].start)]
    listed = [p for p in ctx.places if p.evidence and p.geonames_id is not None and p.precision == ev.place.precision
              and sent.start <= p.evidence[0].start < sent.end and token_index_at(ann, p.evidence[0].start) in cluster]
    names = list(dict.fromkeys(p.geonames_id for p in listed))
    if len(names) < 2:
        return [ev]
    out = [ev]
    for p in listed:
        if p.geonames_id == ev.place.geonames_id or p.geonames_id not in names:
            continue
        names.remove(p.geonames_id)
        out.append(replace(ev, id=stable_id("ev", ev.id, p.geonames_id or p.name), place=p, killed=None, injured=None,
                           detained=None))
    return out


def _describes_party(d: EventDraft, ctx: EventContext) -> bool:
    """The trigger describes someone ("a leader who planned attacks"); but "the rally" in "a journalist who was
    covering the rally" points back to the story's own happening: a mention of it, not background."""
    if not describes_party(d, ctx.ann, ctx.words):
        return False
    ann, head = ctx.ann, ctx.ann.tokens[d.main.head]
    in_relative = any(ann.tokens[j].dep == "relcl" for j in islice(ancestors(ann, d.main.head), 3))
    return not (in_relative and d.main.kind == "noun" and is_anaphoric(ctx, d)
                and not head.text.lower().endswith(ctx.words.plural_suffix))


def _sums_up_a_total(d: EventDraft, ctx: EventContext) -> bool:
    """The happenings whose dead a running total counts ("19 people have been killed in clashes during the
    demonstrations so far"): only the count itself and kinds of happening, no act of its own ("gunmen attacked a
    village, bringing this year's toll to 300" is that day's attack)."""
    ann, w = ctx.ann, ctx.words
    sent = ann.sentences[d.sentence]
    if not any(sent.token_start <= i < sent.token_end for i in ctx.total_words):
        return False
    return all(t.head in ctx.total_words or t.kind == "casualty"
               or (t.kind == "noun" and ann.tokens[t.head].text.lower().endswith(w.plural_suffix)) for t in d.triggers)


def event_from_draft(d: EventDraft, ctx: EventContext) -> Event:
    ann = ctx.ann
    main = d.main
    trig_start, trig_end = ann.tokens[main.tokens[0]].start, ann.tokens[main.tokens[-1]].end
    sent = ann.sentences[d.sentence]
    date_, date_rule = choose_date(d, ctx)
    place, place_rule = choose_place(d, ctx)
    claim = asserting_claim(trig_start, ctx.claims, hedges=ctx.words.hedge_words)
    giver = None if claim else toll_giver(ann, [m.count for m in (*d.killed, *d.injured)], ctx.words)
    asserted = (AssertedBy(kind=AssertedKind.SPEAKER, name=claim.speaker.name or claim.speaker.role, claim_id=claim.id)
                if claim else AssertedBy(kind=AssertedKind.SPEAKER, name=giver) if giver
                else AssertedBy(kind=AssertedKind.OUTLET, name=ctx.outlet))
    hedge = find_hedge(d, ctx, claim)
    published = ctx.time_findings.publication
    if date_ is not None and date_.start and published is not None and published.end and date_.start > published.end:
        hedge = Hedge.HYPOTHETICAL  # dated after publication: announced or planned, not yet happened
    elif hedge != Hedge.HYPOTHETICAL and (is_historical(d, ctx, date_, date_rule) or _describes_party(d, ctx)
                                          or behind_legal_step(d, ann, ctx.words) or _sums_up_a_total(d, ctx)
                                          or is_iterative(d, ann, ctx.words, date_, date_rule)):
        hedge = Hedge.HISTORICAL  # background whoever tells it: "in May, the coalition said, a strike killed two"
    negated = is_negated(d, ctx, claim)
    killed, killed_by = sentence_toll(d.killed, ctx)
    injured, injured_by = sentence_toll(d.injured, ctx)
    contested = {field: by for field, by in (("killed", killed_by), ("injured", injured_by)) if by}
    actors = tuple(d.actors)
    if not any(a.role == Role.INITIATOR for a in actors):
        actors += (Actor(name=None, kind="unknown", role=Role.INITIATOR),)
    background = hedge == Hedge.HISTORICAL or is_background(d, ann, ctx.words)
    confidence = score_confidence(d, date_rule, place_rule, hedge, negated, background=background)
    return Event(
        id=stable_id("ev", ctx.document_id, trig_start, trig_end),
        type=d.subtype.type,
        subtype=d.subtype.subtype,
        plover=plover_code(d, ctx),
        date=date_,
        place=place,
        actors=actors,
        killed=killed,
        injured=injured,
        detained=combine_counts(d.detained),
        contested=contested,
        asserted_by=asserted,
        hedge=hedge,
        negated=negated,
        confidence=confidence,
        evidence=(ann.evidence(sent.start, sent.end),),
        verbal=d.subtype.verbal,
        document_ids=(ctx.document_id,),
        trigger=Snippet(text=ann.text[trig_start:trig_end], evidence=(ann.evidence(trig_start, trig_end),)),
        date_rule=date_rule,
        place_rule=place_rule,
        extractor=ctx.extractor,
    )


def plover_code(d: EventDraft, ctx: EventContext) -> str:
    """The subtype's PLOVER type, except that military force turned on civilians is ASSAULT, not FIGHT
    (PLOVER keeps FIGHT for force between armed parties), and a stated intention is coded as one."""
    ann, w = ctx.ann, ctx.words
    intent = stated_intent(d, ann, w, ctx.taxonomy)
    if intent is not None:
        return intent
    if d.subtype.subtype == "agreement" and d.main.kind == "noun":
        # a truce one side declares is a de-escalation (PLOVER RETREAT), one the sides agree is AGREE
        noun = ann.tokens[d.main.head]
        verb = ann.tokens[noun.head]
        if (verb.lemma or "").lower() in w.declare_verbs and (noun.lemma or "").lower() in w.truce_nouns:
            return "RETREAT"
    if d.subtype.plover == "FIGHT":
        victims = [c.count.who or "" for c in d.killed + d.injured]
        if any(a.kind == "civilians" and a.role == Role.TARGET for a in d.actors) or any(
                v and any(k in v.lower() for k in w.civilian_victim_words) for v in victims):
            return "ASSAULT"
    return d.subtype.plover


# --------------------------------------------------------------------------- attribution and status


def find_hedge(d: EventDraft, ctx: EventContext, claim: Claim | None) -> Hedge | None:
    ann = ctx.ann
    sent = ann.sentences[d.sentence]
    if _is_hypothetical(d, ctx):
        return Hedge.HYPOTHETICAL
    for q in ctx.scare_quotes:
        if sent.start <= q.start < sent.end:
            return Hedge.SCARE_QUOTES
    triggers = {t.head for t in d.triggers}
    for t in ann.tokens[sent.token_start : sent.token_end]:
        h = ctx.words.hedge_words.get(t.text.lower())
        # an adverb hedges the sentence ("reportedly"); a modifier only the word it modifies: "a suspected suicide
        # bombing" is unsure, "28 suspected gang members were killed" is not
        if h and (t.dep != "amod" or t.head in triggers):
            return h
    if claim is not None:
        cue = claim.cue.text.lower().split()
        for word in cue:
            for stem, hedge in ctx.words.claim_hedges.items():
                if word.startswith(stem):
                    return hedge
        return Hedge.REPORTED
    return None


def _is_hypothetical(d: EventDraft, ctx: EventContext) -> bool:
    ann, w = ctx.ann, ctx.words
    head = d.main.head
    if d.main.kind == "noun" and any(ann.tokens[c].dep in ("amod", "compound", "nmod", "acl")
                                     and ann.tokens[c].text.lower() in w.plan_modifiers for c in ann.children[head]):
        return True  # "the planned protests", "une éventuelle attaque"
    noun = head
    while ann.tokens[noun].dep == "compound" and ann.tokens[noun].head != noun:
        noun = ann.tokens[noun].head  # "an IED attack": count the steps up from the phrase's own noun
    chain = [head, *([noun] if noun != head else []), *_heads(ann, noun, 2)]
    if _kind_refused(ann, d, chain, w):
        return True  # "we cannot allow murders to be normalized": a kind of deed, refused, not one that happened
    for k, j in enumerate(chain):
        # what was planned, threatened or thwarted is the head's object or complement; an adverbial clause
        # beside it is a deed of its own ("thwarted an attack, apprehending 26 pirates")
        if (ann.tokens[j].lemma or "").lower() in w.hypothetical_heads and j != head and (
                ann.tokens[chain[k - 1]].dep != "advcl"):
            return True
        if (ann.tokens[j].lemma or "").lower() in w.directive_heads and j != head and d.main.kind == "verb" and (
                ann.tokens[chain[k - 1]].dep == "xcomp"):
            return True  # "ordered them to restore peace and arrest the perpetrators"
        if any(ann.tokens[c].dep == "aux" and ann.tokens[c].text.lower() in w.modals for c in ann.children[j]):
            # "they would attack" / "would hold another protest": the modal governs the trigger's clause
            return j == head if d.main.kind == "verb" else len(chain) > 1 and j == chain[1]
        if ann.tokens[j].pos == "VERB" and any(ann.tokens[c].dep == "mark" and ann.tokens[c].text.lower()
                                               in w.purpose_markers for c in ann.children[j]):
            return True  # "des renforts pour passer à l'offensive": a purpose, not a happening
    return False


def _kind_refused(ann: Annotations, d: EventDraft, chain: list[int], w: EventWords) -> bool:
    """A bare plural event noun (no determiner, number or possessor; not the people of a crowd) under a negated
    verb, with no count: a kind of deed someone will not have, not an incident."""
    tok = ann.tokens[d.main.head]
    if d.main.kind != "noun" or d.killed or d.injured or d.detained or not plural(tok, w) or (
            tok.lemma or "").lower() in w.participant_nouns:
        return False
    if any(ann.tokens[c].dep in ("det", "poss", "nummod") for c in ann.children[tok.i]):
        return False
    return any(ann.tokens[c].dep == "neg" for j in chain[1:] for c in ann.children[j])


def stated_intent(d: EventDraft, ann: Annotations, w: EventWords, tax: Taxonomy) -> str | None:
    """AGREE, THREATEN or REJECT when the trigger is what its subject says it will do ("Finland will give",
    "is prepared to impose", "will not accept"); None otherwise."""
    head = d.main.head
    if d.main.kind == "noun" and ann.tokens[head].dep == "dobj":
        head = ann.tokens[head].head  # "will extend the curfew", "is prepared to impose martial law"
    elif d.main.kind != "verb":
        return None
    verb = head
    kids = [ann.tokens[c] for c in ann.children[head]]
    modal = any(k.dep == "aux" and k.text.lower() in w.intent_modals for k in kids)
    if not modal and ann.tokens[head].dep == "xcomp":
        above = ann.tokens[head].head
        if (ann.tokens[above].lemma or "").lower() in w.intent_heads:
            modal, verb = True, above
    if not modal:
        return None
    negated = any(ann.tokens[c].dep == "neg" for j in {head, verb} for c in ann.children[j])
    hostile = d.subtype.type in tax.violent or d.subtype.hostile
    if negated:
        return None if hostile else "REJECT"
    return "THREATEN" if hostile else "AGREE"


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
        if t.kind == "noun" and any(ann.tokens[c].dep == "det" and ann.tokens[c].text.lower()
                                    in ctx.words.negative_determiners for c in ann.children[t.head]):
            return True  # "no arrests have been made", "aucune arrestation"
    if claim is not None and claim.cue.text.lower().startswith(ctx.words.denial_cue_start):
        return True
    counts = d.killed + d.injured + d.detained
    return bool(counts) and all(c.negated for c in counts) and d.main.kind == "casualty"


def score_confidence(d: EventDraft, date_rule: str, place_rule: str, hedge: Hedge | None, negated: bool, *,
                     background: bool = False) -> float:
    """A documented heuristic in [0, 1]: how much of the event the text pins down (docs/event-rules.md)."""
    score = 0.45 if d.generic else 0.6
    if background:
        score -= 0.2  # descriptions of a person or group are rarely the event the report tells
    if any(a.role == Role.INITIATOR for a in d.actors):
        score += 0.1
    if any(a.role == Role.TARGET for a in d.actors) or d.killed or d.injured or d.detained:
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


