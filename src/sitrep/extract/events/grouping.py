"""From the triggers of one sentence to event drafts: triggers of one happening go together, casualty counts
join their event, parties get their roles, and generic words ("attack", "killed") take a type from their
modifiers, subject or target."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sitrep.extract.common.text import ancestors, subtree
from sitrep.extract.events.background import (
    behind_legal_step,
    came_days_after,
    dated_apart,
    relative_clause,
)
from sitrep.extract.events.demonstrations import CROWD
from sitrep.extract.events.drafts import EventDraft, Trigger
from sitrep.extract.events.generic import type_generic
from sitrep.extract.events.roles import assign_roles, cause_phrase, told_befalling
from sitrep.extract.events.taxonomy import Subtype, Taxonomy, lemma, trigger_key
from sitrep.extract.events.words import EventWords
from sitrep.model import Actor, Annotations, CasualtyMention, Role

_CLAUSE_DEPS = {"ROOT", "conj", "ccomp", "xcomp"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_DEMONSTRATIONS = ("protests", "riots")


def group_triggers(ann: Annotations, triggers: list[Trigger], casualties: list[CasualtyMention],
                   actors: Sequence[Actor], tax: Taxonomy, w: EventWords, *, extractor: str,
                   place_spans: Sequence[tuple[int, int]] = (),
                   strikes: Mapping[int, Subtype] | None = None) -> list[EventDraft]:
    """Triggers of one sentence that describe one happening become one draft.

    Specific triggers of different subtypes stay apart unless one governs the other
    ("an airstrike destroyed the bridge"); ``strikes`` is what each bare "strike" means in the document
    (``strike_senses``); generic words ("attack", "killed") and
    casualty counts join the nearest group.
    """
    verbal = [t for t in triggers if t.subtype is not None and t.subtype.verbal]
    specific = [t for t in triggers if t.subtype is not None and not t.subtype.verbal]
    generic = [t for t in triggers if t.subtype is None]
    groups: list[list[Trigger]] = []
    # where each trigger is told, and whether it names a deed behind a legal step: triggers told apart stay apart
    frame = {t.head: _frame(ann, t.head, w) for t in triggers}
    apart = {id(t): (frame[t.head], _charged(ann, t, w)) for t in specific}
    where = {t.head: _own_place(ann, t.head, place_spans) for t in specific}
    for t in sorted(specific, key=lambda t: -t.subtype.rank):  # type: ignore[union-attr]
        for g in groups:
            if apart[id(g[0])] != apart[id(t)]:
                continue  # "arrested a leader who planned IED attacks": the arrest is not the bombing
            if None not in (where[t.head], where[g[0].head]) and where[t.head] != where[g[0].head]:
                continue  # "a sit-down demonstration in Athens and another 1,000 demonstrated in Thessaloniki"
            same_kind = g[0].subtype.type == t.subtype.type  # type: ignore[union-attr]
            if same_kind or any(_related(ann, t.head, o.head) for o in g):
                g.append(t)
                break
        else:
            groups.append([t])
    violent = [g for g in groups if g[0].subtype.type in tax.violent]  # type: ignore[union-attr]
    loose: list[Trigger] = []
    before: list[Trigger] = []  # "The raid came a week after gunmen killed five farmers": another happening
    for t in generic:
        # a relative clause describes its antecedent: "the militia, which seized the town, attacked" is two events
        open_ = [g for g in violent if any(frame[o.head] == frame[t.head] for o in g)]
        if open_:
            _nearest(ann, open_, t.head).append(t)
        else:
            (before if came_days_after(ann, t.head, w) else loose).append(t)
    groups += [g for g in (loose, before) if g]
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
        subtype = g[0].subtype or tax.subtype("attack")
        crowd = [t.subtype for t in g if t.subtype is not None and t.subtype.type in _DEMONSTRATIONS
                 and _during(ann, t.head, g[0].head, w)]
        if crowd and subtype.intervening:  # "arrested 60 people during the protest", "lors de la manifestation"
            subtype = next((st for st in crowd if st.type == "riots"), tax.subtype("protest_with_intervention"))
        if subtype.type == "protests" and (any(t.subtype is not None and t.subtype.rioting for t in g) or any(
                ann.tokens[c].dep == "amod" and ann.tokens[c].text.lower() in w.violent_words
                for c in ann.children[g[0].head])):
            # "marched ... and smashed store windows"; "violent protests", "cette manifestation violente"
            subtype = tax.subtype("violent_demonstration")
        drafts.append(EventDraft(triggers=g, subtype=subtype, sentence=g[0].sentence, generic=g[0].subtype is None))
    for c in casualties:
        if drafts and not c.negated and all(_told_apart(ann, t.head, c.token, w) for d in drafts for t in d.triggers):
            # the only event words describe someone ("arrested a leader who planned IED attacks") or tell what came
            # days before ("A soldier died on Tuesday, a day after a major was killed in a gunbattle"): the count is
            # the main clause's own event, as a count with no event word would be
            arrest = tax.subtype("arrests") if c.kind == "detained" else None
            drafts.append(EventDraft(triggers=[Trigger(tokens=(c.token,), head=c.token, subtype=arrest, kind="casualty",
                                                       sentence=c.sentence)],
                                     subtype=arrest or tax.subtype("attack"), sentence=c.sentence, generic=arrest is None))
        if drafts:
            d = drafts[0] if len(drafts) == 1 else _draft_for_casualty(ann, drafts, c.token, tax,
                                                                       detained=c.kind == "detained")
            {"killed": d.killed, "injured": d.injured, "detained": d.detained}[c.kind].append(c)
    interaction = _main_interaction(ann, verbal, [t for g in groups for t in g])
    if interaction is not None:
        # a threat or demand that governs a violent word comes first: it is what the sentence reports
        drafts.insert(0, EventDraft(triggers=[interaction], subtype=interaction.subtype, sentence=interaction.sentence))
    for d in drafts:
        d.actors = assign_roles(ann, d, actors, w, extractor=extractor, place_spans=place_spans)
        if d.generic:
            d.subtype, d.generic = type_generic(ann, d, tax, w, strikes or {})
        if d.subtype.rioting and d.subtype.type != "riots" and any(
                a.role == Role.INITIATOR and a.kind == CROWD for a in d.actors):
            d.subtype = tax.subtype("violent_demonstration")  # "two police cars were burned by demonstrators"
        fought = _fought_with_crowd_weapons(d, w)
        if fought is not None:
            d.subtype = fought  # "ont repoussé les attaques des hommes armés avec des gaz lacrymogènes"
    kept = []
    for d in drafts:
        if _not_conflict_death(ann, d, w) or (d.subtype.verbal and not _worth_keeping(d)):
            continue
        d.detail = _names_no_kind(ann, d, w) or _characterises(ann, d, w) or not (
            _worth_keeping(d) or _another(ann, d, w) or told_befalling(ann, d, w) or _attacked_thing(ann, d, w))
        kept.append(d)
    return kept


def _during(ann: Annotations, i: int, act: int, w: EventWords) -> bool:
    """The word at ``i`` tells when the act was done: it hangs on the act's word through prepositions alone
    ("arrested during the protest", "arrêtés lors de la manifestation", "au cours de la manifestation"), not
    inside what the act was about ("the arrest of a man in the shooting of a demonstrator during a clash")."""
    for _ in range(4):
        tok = ann.tokens[i]
        if tok.head == i or tok.dep not in ("pobj", "prep", "advmod"):
            return False
        i = tok.head
        if i == act:
            return True
        up = ann.tokens[i]
        if up.pos not in ("ADP", "ADV") and (up.lemma or "").lower() not in w.while_words:
            return False
    return False


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


def _frame(ann: Annotations, i: int, w: EventWords) -> tuple[int | None, int | None]:
    """Where token ``i`` is told: the relative clause and the phrase of an earlier happening that hold it. A
    relative clause describes its antecedent; "struck militia sites in retaliation for a drone attack", "clashes
    broke out after the killing of a protester" tell the earlier happening as the cause of this one, another
    event even when of the same kind."""
    return relative_clause(ann, i, w), _antecedent_phrase(ann, i, w)


def _charged(ann: Annotations, t: Trigger, w: EventWords) -> bool:
    """The trigger names a deed through the legal step it led to ("arrested a man on a charge of aggravated
    assault", "held over the murder"): the deed is background and the step or the arrest the news, so the two
    are told apart, not one draft that the deed would type."""
    return t.subtype is not None and behind_legal_step(EventDraft(triggers=[t], subtype=t.subtype, sentence=t.sentence),
                                                       ann, w)


def _antecedent_phrase(ann: Annotations, i: int, w: EventWords) -> int | None:
    """The preposition of the nearest "after X" / "in retaliation for X" phrase that holds noun ``i``, if any."""
    for _ in range(12):
        tok = ann.tokens[i]
        if tok.dep == "pobj":
            prep = ann.tokens[tok.head]
            if prep.text.lower() in w.antecedent_prepositions or lemma(ann.tokens[prep.head]) in w.reprisal_nouns:
                return prep.i
        if tok.dep == "relcl" or tok.head == i:
            return None
        i = tok.head
    return None


def _own_place(ann: Annotations, i: int, place_spans: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The resolved place a trigger's own preposition names ("demonstrated in Thessaloniki", "a demonstration in
    Athens"), or None."""
    for p in ann.children[i]:
        if ann.tokens[p].dep != "prep":
            continue
        for o in (o for o in ann.children[p] if ann.tokens[o].dep == "pobj"):
            words = subtree(ann, o)
            first, last = ann.tokens[min(words)].start, ann.tokens[max(words)].end
            span = next((s for s in place_spans if first <= s[0] and s[1] <= last), None)
            if span is not None:
                return span
    return None


def _related(ann: Annotations, a: int, b: int) -> bool:
    return a in ancestors(ann, b) or b in ancestors(ann, a)


def _distance(ann: Annotations, a: int, b: int) -> int:
    return 0 if _related(ann, a, b) else abs(a - b)


def _nearest(ann: Annotations, groups: list[list[Trigger]], token: int) -> list[Trigger]:
    return min(groups, key=lambda g: min(_distance(ann, t.head, token) for t in g))


def _told_apart(ann: Annotations, trigger: int, count: int, w: EventWords) -> bool:
    """The trigger is told in a clause the count is not in: a relative clause on someone, or what came days
    before (or the count is: "the attack comes two weeks after the deaths of two officers"); or the count is told in a relative clause on someone that gives its own time ("broke up a procession
    carrying the coffins of eight activists who died in a clash earlier this week"): another happening's dead."""
    return relative_clause(ann, trigger, w) not in (None, relative_clause(ann, count, w)) or (
        came_days_after(ann, trigger, w) != came_days_after(ann, count, w)) or dated_apart(ann, count, trigger, w)


def _draft_for_casualty(ann: Annotations, drafts: list[EventDraft], token: int, tax: Taxonomy, *,
                        detained: bool = False) -> EventDraft:
    """The draft whose trigger is the casualty word itself ("killed two"), else the nearest violent one
    (for people detained, the nearest arrest)."""
    for d in drafts:
        if any(token in t.tokens for t in d.triggers):
            return d
    if detained:
        violent = [d for d in drafts if d.subtype.subtype == "arrests"] or drafts
    else:
        violent = [d for d in drafts if d.subtype.type in tax.violent or d.generic] or drafts
    return min(violent, key=lambda d: min(_distance(ann, t.head, token) for t in d.triggers))


def _fought_with_crowd_weapons(d: EventDraft, w: EventWords) -> Subtype | None:
    """A demonstration read from the forces' crowd weapons (tear gas, water cannon) whose target is armed men and no
    crowd: the forces fought them ("les policiers ont réussi à repousser les attaques des hommes armés avec des gaz
    lacrymogènes"). Returns the subtype of the draft's other act, or None to leave the draft as it is."""
    if d.subtype.type not in _DEMONSTRATIONS or any(a.kind == CROWD for a in d.actors):
        return None
    armed = w.attacker_nouns | w.armed_words
    if not any(a.role == Role.TARGET and a.name and set(a.name.lower().split()) & armed for a in d.actors):
        return None
    return next((t.subtype for t in d.triggers if t.subtype is not None and t.subtype.type not in _DEMONSTRATIONS),
                None)


def _not_conflict_death(ann: Annotations, d: EventDraft, w: EventWords) -> bool:
    """Deaths that are not political violence: a count or a generic word ("killed", "died") told with an
    accident, a disaster or a disease ("died in a road accident", "drowned", "succumbed to cholera")."""
    if not d.generic and d.main.kind != "casualty":
        return False  # a named act ("airstrike", "ambush") is violence whatever else the sentence tells
    if any(t.kind == "noun" and cause_phrase(ann, t.head) in w.not_conflict_deaths for t in d.triggers):
        return True  # the trigger word is the cause's: "died after suffering a heart attack"
    sent = ann.sentences[d.sentence]
    own = {j for t in d.triggers for j in t.tokens}
    # a verb with an object is someone's act, not a disaster: "gunmen stormed a police post", "protesters
    # flooded the streets"; and the event's own trigger word is not the cause it is tested against
    acts = {t.i for t in ann.tokens[sent.token_start:sent.token_end]
            if t.pos == "VERB" and any(ann.tokens[c].dep == "dobj" for c in ann.children[t.i])}
    lemmas = " ".join((t.lemma or t.text).lower() for t in ann.tokens[sent.token_start:sent.token_end]
                      if t.i not in own and t.i not in acts)
    return any(f" {word} " in f" {lemmas} " for word in w.not_conflict_deaths)


def _another(ann: Annotations, d: EventDraft, w: EventWords) -> bool:
    """ "another attack on the town of Yaran", "une nouvelle attaque": a noun told as a new happening."""
    if d.main.kind != "noun":
        return False
    return any(ann.tokens[c].dep in ("det", "amod") and ann.tokens[c].text.lower() in w.another_words
               for c in ann.children[d.main.head])


def _names_no_kind(ann: Annotations, d: EventDraft, w: EventWords) -> bool:
    """The draft is told by a noun that names a happening without saying what it was ("the incident happened on
    Wednesday", "the civilians in the incident were killed"), and no trigger of it says what: whatever it carries,
    it is a detail of the incident the story tells."""
    head = ann.tokens[d.main.head]
    return d.main.kind == "noun" and (lemma(head) in w.detail_nouns or head.pos == "PRON") and all(
        t.subtype is None for t in d.triggers)


def _characterises(ann: Annotations, d: EventDraft, w: EventWords) -> bool:
    """An event noun said of what was told ("this is a massacre of our people", "it was a cowardly attack"): it
    names the incident already told, it tells no new one (unless its sentence tells one too: "this was a suicide
    bombing, police said of the blast that killed 12")."""
    tok = ann.tokens[d.main.head]
    if d.main.kind != "noun" or tok.dep != "attr" or tok.head == tok.i or d.killed or d.injured or d.detained:
        return False
    said = set(subtree(ann, tok.i))
    if any(t.head not in said for t in d.triggers):
        return False
    return any(ann.tokens[c].dep == "nsubj" and ann.tokens[c].text.lower() in w.pointing_pronouns
               for c in ann.children[tok.head])


def _attacked_thing(ann: Annotations, d: EventDraft, w: EventWords) -> bool:
    """A generic verb of attack in the passive whose subject is a thing or a unit ("a checkpoint was attacked", "un
    convoi a été attaqué"): a new happening though no doer and no toll are named."""
    verb = ann.tokens[d.main.head]
    words = trigger_key(" ".join((ann.tokens[t].lemma or ann.tokens[t].text) for t in d.main.tokens))
    return d.main.kind == "verb" and words in w.attacked_verbs and any(
        ann.tokens[c].dep == "nsubjpass" and ann.tokens[c].pos in ("NOUN", "PROPN") for c in ann.children[verb.i])


def _worth_keeping(d: EventDraft) -> bool:
    """Generic words alone ("the attack") make an event only with an actor, a count or a modifier (else they
    are a detail of one told elsewhere); a political interaction only with a named party."""
    if d.subtype.verbal:
        return any(a.name for a in d.actors)
    if not d.generic:
        return True
    return bool(d.actors or d.killed or d.injured or d.detained)
