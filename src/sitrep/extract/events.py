"""Events: find trigger words, type them, give them roles, casualties, a date, a place and a source.

One pass per sentence finds triggers (verbs such as "retook", nouns such as
"airstrikes", phrases such as "car bomb"), groups the triggers of one
happening, and types the group with the taxonomy.  Context (date, place,
attribution, hedging) and within-document coreference live in
``_event_context``; who did what to whom in ``_event_roles``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sitrep.extract._event_context import assemble_events
from sitrep.extract._event_drafts import EventContext, EventDraft, Trigger
from sitrep.extract._event_roles import assign_roles
from sitrep.extract._taxonomy import Subtype, Taxonomy, make_taxonomy, trigger_key
from sitrep.extract.common.records import TimeFindings
from sitrep.extract.common.text import ancestors, subtree
from sitrep.model import (
    Actor,
    Annotations,
    CasualtyMention,
    Claim,
    Event,
    Evidence,
    Place,
    Role,
    Span,
    Time,
    Token,
)

EXTRACTOR = "events@4"

_NOUN_POS = {"NOUN", "PROPN"}
_VERB_POS = {"VERB"}
# Territory verbs need a place as object; "captured a commander" is an arrest, "seized weapons" a cache.
_TERRITORY_VERBS = {"retake", "recapture", "liberate", "regain", "reclaim", "free", "seize", "overrun",
                    "capture", "occupy"}
_TERRITORY_NOUNS = {"town", "city", "village", "area", "district", "province", "base", "territory", "neighbourhood",
                    "neighborhood", "region", "hill", "airport", "road", "highway", "bridge", "compound", "outpost",
                    "checkpoint", "border", "crossing", "governorate", "suburb", "quarter", "valley", "oilfield",
                    "field", "dam", "refinery", "settlement", "camp", "position"}
_WEAPON_NOUNS = {"weapon", "arm", "ammunition", "explosive", "cache", "rifle", "rocket", "mortar", "munition", "bomb"}
_PERSON_OBJECT_DEPS = {"dobj", "nsubjpass"}
_ARMED_KINDS = {"state_forces", "foreign_forces", "coalition", "rebels", "militia", "insurgents", "armed_group"}
_VIOLENT_TYPES = {"battles", "explosions_remote_violence", "violence_against_civilians", "riots"}


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
) -> list[Event]:
    """All events of one document, one per real event, in order of first mention.  ``time_findings`` is what the
    times stage found beside ``times`` (``find_times``: the dateline, "now" and bare clock times, the publication
    date as a time); without it no time is set aside and an event with no time of its own gets no date."""
    tax = taxonomy or make_taxonomy()
    by_sentence: dict[int, list[CasualtyMention]] = {}
    for c in casualties:
        if not is_running_total(ann, c.token):
            by_sentence.setdefault(c.sentence, []).append(c)
    drafts: list[EventDraft] = []
    # towns and regions the places stage resolved are never parties ("the town of Husaybah")
    place_spans = [(ev.start, ev.end) for p in places if p.geonames_id is not None and p.feature != "country"
                   for ev in p.evidence]
    for si, sent in enumerate(ann.sentences):
        triggers = find_triggers(ann, sent, si, tax, places=places, actors=actors)
        drafts.extend(group_triggers(ann, triggers, by_sentence.get(si, []), actors, tax, place_spans=place_spans))
    ctx = EventContext(ann=ann, document_id=document_id, published=published, times=times, places=places,
                       claims=claims, scare_quotes=scare_quotes, outlet=outlet, extractor=EXTRACTOR,
                       rank={name: st.rank for name, st in tax.subtypes.items()},
                       time_findings=time_findings or TimeFindings(times=tuple(times)))
    return assemble_events(drafts, ctx)


_TOTAL_ADVERBS = {("so", "far"), ("to", "date"), ("in", "total"), ("so", "far", "this", "year")}


def is_running_total(ann: Annotations, trigger: int) -> bool:
    """ "one of more than 50 insurgents killed since the beginning of the year", "killed so far this year":
    a running total over many events, not the toll of the one told here."""
    for j in (trigger, ann.tokens[trigger].head):
        kids = [ann.tokens[c] for c in ann.children[j]]
        if any(k.dep == "prep" and k.text.lower() == "since" for k in kids):
            return True
        for k in kids:
            words = tuple(ann.tokens[i].text.lower() for i in subtree(ann, k.i))
            if k.dep in ("advmod", "npadvmod", "prep") and words in _TOTAL_ADVERBS:
                return True
    return False


# --------------------------------------------------------------------------- triggers


def find_triggers(ann: Annotations, sent: Span, si: int, tax: Taxonomy, *,
                  places: Sequence[Place] = (), actors: Sequence[Actor] = ()) -> list[Trigger]:
    """Trigger phrases of one sentence, longest match first, without overlaps."""
    out: list[Trigger] = []
    toks = ann.tokens
    # each token's look-up key once per sentence; a window's key is their concatenation ("air"+"strike")
    keys = {j: trigger_key(_lemma(toks[j], tax)) for j in range(sent.token_start, sent.token_end)}
    i = sent.token_start
    while i < sent.token_end:
        found = None
        if keys[i] not in tax.starts:  # no trigger phrase opens with this word: most words of a text
            i += 1
            continue
        for n in range(min(tax.max_words + 1, sent.token_end - i), 0, -1):
            window = [toks[j] for j in range(i, i + n) if toks[j].text != "-"]
            if not window or window[0].pos in ("PUNCT", "DET"):
                continue
            key = "".join(keys[t.i] for t in window)
            last, first = window[-1], window[0]
            if key in tax.nouns and last.pos in _NOUN_POS and (n > 1 or last.pos == "NOUN"):
                found = Trigger(tokens=tuple(range(i, i + n)), head=last.i, subtype=tax.nouns[key], kind="noun",
                                sentence=si)
            elif key in tax.verbs and first.pos in _VERB_POS:
                found = Trigger(tokens=tuple(range(i, i + n)), head=first.i, subtype=tax.verbs[key], kind="verb",
                                sentence=si)
            if found:
                break
        if found:
            checked = _check_territory(ann, found, tax, places, actors)
            if checked:
                out.append(checked)
            i = found.tokens[-1] + 1
        else:
            i += 1
    return out


def _below_prep(ann: Annotations, j: int, root: int) -> bool:
    while j != root:
        if ann.tokens[j].dep in ("prep", "relcl", "acl"):
            return True
        j = ann.tokens[j].head
    return False


def _lemma(t: Token, tax: Taxonomy | None = None) -> str:
    lemma = (t.lemma or t.text).lower()
    return tax.irregular.get(lemma, lemma) if tax else lemma


def _check_territory(ann: Annotations, trig: Trigger, tax: Taxonomy, places: Sequence[Place],
                     actors: Sequence[Actor]) -> Trigger | None:
    """Territory verbs keep their type only with a place as object; otherwise they become arrests or caches."""
    if trig.kind != "verb" or _lemma(ann.tokens[trig.head], tax) not in _TERRITORY_VERBS:
        return trig
    objects = [c for c in ann.children[trig.head] if ann.tokens[c].dep in _PERSON_OBJECT_DEPS]
    if not objects:
        return trig if trig.subtype and trig.subtype.type == "battles" else None
    for o in objects:
        # The object's own phrase, without its prepositional attachments ("a commander in Kandahar").
        span = [j for j in subtree(ann, o) if not _below_prep(ann, j, o)]
        start, end = ann.tokens[span[0]].start, ann.tokens[span[-1]].end
        lemmas = {_lemma(ann.tokens[j]) for j in span}
        if any(start <= p.evidence[0].start < end for p in places if p.evidence) or lemmas & _TERRITORY_NOUNS:
            return trig
        if lemmas & _WEAPON_NOUNS:
            return replace(trig, subtype=tax.subtype("disrupted_weapons_use"))
        if any(start <= a.evidence[0].start < end for a in actors if a.evidence) or ann.tokens[o].pos == "PROPN" \
                and ann.tokens[o].ent_type == "PERSON":
            return replace(trig, subtype=tax.subtype("arrests"))
    return None


# --------------------------------------------------------------------------- grouping and typing


def group_triggers(ann: Annotations, triggers: list[Trigger], casualties: list[CasualtyMention],
                   actors: Sequence[Actor], tax: Taxonomy, *, place_spans: Sequence[tuple[int, int]] = ()) -> list[EventDraft]:
    """Triggers of one sentence that describe one happening become one draft.

    Specific triggers of different subtypes stay apart unless one governs the other
    ("an airstrike destroyed the bridge"); generic words ("attack", "killed") and
    casualty counts join the nearest group.
    """
    verbal = [t for t in triggers if t.subtype is not None and t.subtype.verbal]
    specific = [t for t in triggers if t.subtype is not None and not t.subtype.verbal]
    generic = [t for t in triggers if t.subtype is None]
    groups: list[list[Trigger]] = []
    for t in sorted(specific, key=lambda t: -t.subtype.rank):  # type: ignore[union-attr]
        for g in groups:
            if _relative_clause(ann, g[0].head) != _relative_clause(ann, t.head):
                continue  # "arrested a leader who planned IED attacks": the arrest is not the bombing
            same_kind = g[0].subtype.type == t.subtype.type  # type: ignore[union-attr]
            if same_kind or any(_related(ann, t.head, o.head) for o in g):
                g.append(t)
                break
        else:
            groups.append([t])
    violent = [g for g in groups if g[0].subtype.type in _VIOLENT_TYPES]  # type: ignore[union-attr]
    loose: list[Trigger] = []
    for t in generic:
        # a relative clause describes its antecedent: "the militia, which seized the town, attacked" is two events
        open_ = [g for g in violent if any(_relative_clause(ann, o.head) == _relative_clause(ann, t.head) for o in g)]
        if open_:
            _nearest(ann, open_, t.head).append(t)
        else:
            loose.append(t)
    if loose:
        groups.append(loose)
    sent_kills = [c for c in casualties if not c.negated]
    if not groups and sent_kills:
        # a count with no event word: "two men were taken into custody" is an arrest, a toll an attack
        first = next((c for c in sent_kills if c.kind != "detained"), sent_kills[0])
        arrest = tax.subtype("arrests") if first.kind == "detained" else None
        groups.append([Trigger(tokens=(first.token,), head=first.token, subtype=arrest, kind="casualty",
                               sentence=first.sentence)])
    drafts = []
    for g in groups:
        g.sort(key=lambda t: (t.subtype is None, -(t.subtype.rank if t.subtype else 0), t.head))
        drafts.append(EventDraft(triggers=g, subtype=g[0].subtype or tax.subtype("attack"), sentence=g[0].sentence,
                                 generic=g[0].subtype is None))
    for c in casualties:
        if drafts and not c.negated and all(_relative_clause(ann, t.head) not in (None, _relative_clause(ann, c.token))
                                            for d in drafts for t in d.triggers):
            # the only event words describe someone ("arrested a leader who planned IED attacks"): the count is
            # the main clause's own event, as a count with no event word would be
            arrest = tax.subtype("arrests") if c.kind == "detained" else None
            drafts.append(EventDraft(triggers=[Trigger(tokens=(c.token,), head=c.token, subtype=arrest, kind="casualty",
                                                       sentence=c.sentence)],
                                     subtype=arrest or tax.subtype("attack"), sentence=c.sentence, generic=arrest is None))
        if drafts:
            d = drafts[0] if len(drafts) == 1 else _draft_for_casualty(ann, drafts, c.token, detained=c.kind == "detained")
            {"killed": d.killed, "injured": d.injured, "detained": d.detained}[c.kind].append(c)
    interaction = _main_interaction(ann, verbal, [t for g in groups for t in g])
    if interaction is not None:
        # a threat or demand that governs a violent word comes first: it is what the sentence reports
        drafts.insert(0, EventDraft(triggers=[interaction], subtype=interaction.subtype, sentence=interaction.sentence))
    for d in drafts:
        d.actors = assign_roles(ann, d, actors, extractor=EXTRACTOR, place_spans=place_spans)
        if d.generic:
            d.subtype, d.generic = _type_generic(ann, d, tax)
    return [d for d in drafts if _worth_keeping(d)]


_CLAUSE_DEPS = {"ROOT", "conj", "ccomp", "xcomp"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def _main_interaction(ann: Annotations, verbal: list[Trigger], others: list[Trigger]) -> Trigger | None:
    """The one political interaction a sentence reports ("Jordan and Britain agreed ..."), if any.

    It must be the verb of a main or reported clause with a subject (or a noun object or subject of
    the sentence's main verb, "held talks"), and, when the sentence also holds violence, it must
    govern that violence ("threatened to strike"), so that "forces, supported by aircraft, killed
    two" stays one violent event.
    """
    best: tuple[int, Trigger] | None = None
    for t in verbal:
        tok = ann.tokens[t.head]
        if t.kind == "verb":
            if tok.dep not in _CLAUSE_DEPS or not _has_subject(ann, t.head):
                continue
        elif not (tok.dep in ("dobj", "nsubj", "nsubjpass", "attr") and (ann.tokens[tok.head].dep == "ROOT" or (
                ann.tokens[tok.head].dep in _CLAUSE_DEPS and _has_subject(ann, tok.head)))):
            continue  # "imposed sanctions", "said it would extend the curfew"
        elif any(o.head == tok.head for o in [*others, *verbal] if o is not t):
            continue  # the object of another event word ("boycott the summit") is not the interaction
        # the sentence's own main verb, or the clause it reports, tells the interaction even when violence is
        # told in a subordinate clause ("Italy suspended air links, a day after a jet shot down a helicopter")
        clause = tok if t.kind == "verb" else ann.tokens[tok.head]
        at_root = clause.dep == "ROOT" or (clause.dep == "ccomp" and ann.tokens[clause.head].dep == "ROOT")
        if others and not at_root and not any(t.head in ancestors(ann, o.head) for o in others):
            continue
        depth = sum(1 for _ in ancestors(ann, t.head))
        if best is None or depth < best[0]:
            best = (depth, t)
    return best[1] if best else None


def _has_subject(ann: Annotations, i: int) -> bool:
    """A subject of the verb itself, or of the verb it is joined to ("agreed to give", "met and agreed")."""
    for _ in range(3):
        if any(ann.tokens[c].dep in _SUBJECT_DEPS for c in ann.children[i]):
            return True
        if ann.tokens[i].dep not in ("xcomp", "conj") or ann.tokens[i].head == i:
            return False
        i = ann.tokens[i].head
    return False


def _relative_clause(ann: Annotations, i: int) -> int | None:
    """The verb of the nearest relative clause that holds token ``i``, if any."""
    for _ in range(12):
        tok = ann.tokens[i]
        if tok.dep == "relcl":
            return i
        if tok.head == i:
            return None
        i = tok.head
    return None


def _related(ann: Annotations, a: int, b: int) -> bool:
    return a in ancestors(ann, b) or b in ancestors(ann, a)


def _distance(ann: Annotations, a: int, b: int) -> int:
    return 0 if _related(ann, a, b) else abs(a - b)


def _nearest(ann: Annotations, groups: list[list[Trigger]], token: int) -> list[Trigger]:
    return min(groups, key=lambda g: min(_distance(ann, t.head, token) for t in g))


def _draft_for_casualty(ann: Annotations, drafts: list[EventDraft], token: int, *,
                        detained: bool = False) -> EventDraft:
    """The draft whose trigger is the casualty word itself ("killed two"), else the nearest violent one
    (for people detained, the nearest arrest)."""
    for d in drafts:
        if any(token in t.tokens for t in d.triggers):
            return d
    if detained:
        violent = [d for d in drafts if d.subtype.subtype == "arrests"] or drafts
    else:
        violent = [d for d in drafts if d.subtype.type in _VIOLENT_TYPES or d.generic] or drafts
    return min(violent, key=lambda d: min(_distance(ann, t.head, token) for t in d.triggers))


def _type_generic(ann: Annotations, d: EventDraft, tax: Taxonomy) -> tuple[Subtype, bool]:
    """A generic trigger takes its type from modifiers ("drone strike"), its subject ("warplanes bombed")
    or its target (civilians: violence against civilians; armed actors: an armed clash)."""
    best: Subtype | None = None
    best_trigger = d.triggers[0]
    for t in d.triggers:
        near = list(ann.children[t.head]) + list(t.tokens)
        near += [g for c in ann.children[t.head] if ann.tokens[c].dep in ("nsubj", "agent") for g in subtree(ann, c)]
        for j in near:
            st = tax.modifiers.get(trigger_key(_lemma(ann.tokens[j], tax)))
            if st and (best is None or st.rank > best.rank):
                best, best_trigger = st, t
    if best:
        # the word the type came from ("a drone struck") is the event's trigger, not "killed"
        d.triggers.remove(best_trigger)
        d.triggers.insert(0, best_trigger)
        return best, False
    if d.detained and not d.killed and not d.injured:
        return tax.subtype("arrests"), False  # "during the raid two men were taken into custody"
    strikes = [t for t in d.triggers if t.kind == "noun" and _lemma(ann.tokens[t.head], tax) == "strike"]
    if strikes and _labour_strike(ann, strikes[0].head, d.sentence):
        return tax.subtype("peaceful_protest"), False
    if strikes:
        # a bare "strikes" in conflict reporting is an air or missile strike; a labour strike comes
        # with words of work or pay
        return tax.subtype("air_drone_strike"), False
    targets = {a.kind for a in d.actors if a.role == Role.TARGET}
    initiators = {a.kind for a in d.actors if a.role == Role.INITIATOR}
    if targets & _ARMED_KINDS or (initiators & _ARMED_KINDS and not targets and not d.killed):
        return tax.subtype("armed_clash"), True
    return tax.subtype("attack"), True


_LABOUR_WORDS = {"hunger", "general", "labour", "labor", "worker", "union", "teacher", "employee", "pay", "wage",
                 "salary", "nationwide", "day", "week", "call", "cancel", "stage", "strikers"}


def _labour_strike(ann: Annotations, head: int, sentence: int) -> bool:
    """ "a four-day strike", "called off the strike", "the strike they planned for better pay"."""
    near = {_lemma(ann.tokens[c]) for c in ann.children[head]} | {_lemma(ann.tokens[ann.tokens[head].head])}
    sent = ann.sentences[sentence]
    words = {_lemma(ann.tokens[j]) for j in range(sent.token_start, sent.token_end)}
    return bool(near & _LABOUR_WORDS) or bool(words & {"worker", "union", "teacher", "employee", "pay", "wage",
                                                       "salary", "strikers"})


def _worth_keeping(d: EventDraft) -> bool:
    """Generic words alone ("the attack") make an event only with an actor, a count or a modifier;
    a political interaction only with a named party."""
    if d.subtype.verbal:
        return any(a.name for a in d.actors)
    if not d.generic:
        return True
    return bool(d.actors or d.killed or d.injured or d.detained)


__all__ = ["EXTRACTOR", "EventDraft", "Trigger", "extract_events", "find_triggers", "group_triggers"]
