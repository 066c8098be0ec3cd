"""What a generic trigger is: "attack", "killed", "struck", "strike" say violence without saying what kind.

A generic word takes its type from the words that say how it was done (its modifiers, its subject, its "by" agent
or "with" instrument: "a drone struck"), from what a bare "strike" means in the document (an air strike or a
labour strike), or from its target (civilians: violence against civilians; an armed party or a post of the forces:
an armed clash). ``grouping.group_triggers`` types each generic draft with ``type_generic``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sitrep.extract.events.demonstrations import ARMED
from sitrep.extract.events.drafts import EventDraft, Trigger
from sitrep.extract.events.roles import befallen
from sitrep.extract.events.taxonomy import Subtype, Taxonomy, lemma, trigger_key
from sitrep.extract.events.words import EventWords
from sitrep.model import Annotations, Role

_AIR_STRIKE, _LABOUR_STRIKE = "air_drone_strike", "peaceful_protest"
_OBJECT_DEPS = {"dobj", "nsubjpass", "attr", "dative"}
_NOUN_MODIFIER_DEPS = {"compound", "amod", "nmod", "nummod"}


def strike_senses(ann: Annotations, triggers: Sequence[Trigger], tax: Taxonomy, w: EventWords) -> dict[int, Subtype]:
    """What each bare "strike" of a document means (by its head token) when its own words do not say: what the
    nearest strike before it was, else the nearest after it, else, in conflict reporting, an air strike. A strike
    says what it is by its words ("the general strike", "a drone strike", "a strike for better pay"), so "Despite
    the strike, the bill is to be voted on Thursday" after "the nationwide strike" is the labour one."""
    air, labour = tax.subtype(_AIR_STRIKE), tax.subtype(_LABOUR_STRIKE)
    told: list[tuple[int, Subtype | None]] = []  # (head token, sense or None when the strike is bare)
    for t in sorted(triggers, key=lambda t: t.head):
        words = trigger_key("".join(lemma(ann.tokens[j], tax) for j in t.tokens))
        if w.strike_noun not in words or t.kind != "noun":
            continue
        if t.subtype is not None:
            told.append((t.head, t.subtype if t.subtype in (air, labour) or t.subtype.type == air.type else None))
        elif _labour_strike(ann, t.head, t.sentence, w):
            told.append((t.head, labour))
        else:
            typed = [tax.modifiers[k] for j in _instrument_words(ann, t, w)
                     if (k := trigger_key(lemma(ann.tokens[j], tax))) in tax.modifiers]
            told.append((t.head, max(typed, key=lambda st: st.rank) if typed else None))
    senses: dict[int, Subtype] = {}
    for k, (head, sense) in enumerate(told):
        if sense is None:
            before = [s for _, s in reversed(told[:k]) if s is not None]
            after = [s for _, s in told[k + 1:] if s is not None]
            senses[head] = (before or after or [air])[0]
    return senses


def type_generic(ann: Annotations, d: EventDraft, tax: Taxonomy, w: EventWords,
                  senses: Mapping[int, Subtype]) -> tuple[Subtype, bool]:
    """A generic trigger takes its type from modifiers ("drone strike"), its subject ("warplanes bombed")
    or its target (civilians: violence against civilians; armed actors: an armed clash)."""
    best: Subtype | None = None
    best_trigger = d.triggers[0]
    for t in d.triggers:
        for j in _instrument_words(ann, t, w):
            st = tax.modifiers.get(trigger_key(lemma(ann.tokens[j], tax)))
            if st and (best is None or st.rank > best.rank):
                best, best_trigger = st, t
    if best:
        # the word the type came from ("a drone struck") is the event's trigger, not "killed"
        d.triggers.remove(best_trigger)
        d.triggers.insert(0, best_trigger)
        return best, False
    if d.detained and not d.killed and not d.injured:
        return tax.subtype("arrests"), False  # "during the raid two men were taken into custody"
    strikes = [t for t in d.triggers if t.kind == "noun" and lemma(ann.tokens[t.head], tax) == w.strike_noun]
    if strikes and _labour_strike(ann, strikes[0].head, d.sentence, w):
        return tax.subtype(_LABOUR_STRIKE), False
    if strikes:
        return senses.get(strikes[0].head, tax.subtype(_AIR_STRIKE)), False  # what a bare "strike" means here
    targets = {a.kind for a in d.actors if a.role == Role.TARGET}
    initiators = {a.kind for a in d.actors if a.role == Role.INITIATOR}
    if targets & ARMED or (initiators & ARMED and not targets and not d.killed) or (
            "civilians" not in targets and _military_object(ann, d, tax, w)):
        return tax.subtype("armed_clash"), True
    return tax.subtype("attack"), True


def _military_object(ann: Annotations, d: EventDraft, tax: Taxonomy, w: EventWords) -> bool:
    """A generic trigger whose object is a place or a unit of an armed force ("attacked Ukrainian positions near
    Avdiivka", "an army post was attacked", "an attack on a police post", "the patrol fell into an ambush")."""
    for t in d.triggers:
        clause, deps = (t.head, ("dobj", "nsubjpass")) if t.kind == "verb" else (
            befallen(ann, t.head, w), ("nsubj", "nsubjpass"))
        objects = [c for c in ann.children[clause] if ann.tokens[c].dep in deps] if clause is not None else []
        if t.kind == "noun":
            objects += [p for c in ann.children[t.head] if ann.tokens[c].dep == "prep"
                        and ann.tokens[c].text.lower() in w.target_prepositions
                        for p in ann.children[c] if ann.tokens[p].dep == "pobj"]
        if any(_forces_hold(ann, c, tax, w) for c in objects):
            return True
    return False


def _forces_hold(ann: Annotations, i: int, tax: Taxonomy, w: EventWords) -> bool:
    """A post or unit of an armed force ("positions", "an army post", "the patrol"), or a site a word of the forces
    qualifies ("a military camp", "le camp des Forces armées maliennes")."""
    word = lemma(ann.tokens[i], tax)
    if word in w.military_targets:
        return True
    if word not in w.guarded_sites["sites"]:
        return False
    near = list(ann.children[i])
    near += [k for c in near if ann.tokens[c].dep == "prep" for k in ann.children[c] if ann.tokens[k].dep == "pobj"]
    return any(lemma(ann.tokens[k], tax) in w.guarded_sites["forces"] for k in near)


def _instrument_words(ann: Annotations, t: Trigger, w: EventWords) -> list[int]:
    """The words that may say how a generic trigger was done: the trigger's own words, its modifiers, and the
    noun phrase of its subject, its "by" agent or its "with" instrument ("a drone struck", "hit by a roadside
    mine", "engaged them with guided munitions"). Not its object,
    which is what was hit ("attacked a car" is no car bomb), and not the clauses hung on a noun ("shot by
    officers responding to a report of someone breaking car windows")."""
    near = list(t.tokens)
    for c in ann.children[t.head]:
        dep = ann.tokens[c].dep
        if dep in _OBJECT_DEPS:
            continue
        near.append(c)
        if dep == "nsubj":
            near += _noun_phrase_core(ann, c)
        elif dep == "agent" or (dep == "prep" and ann.tokens[c].text.lower() in w.instrument_prepositions):
            for p in ann.children[c]:
                if ann.tokens[p].dep == "pobj":
                    near += _noun_phrase_core(ann, p)
    return near


def _noun_phrase_core(ann: Annotations, head: int) -> list[int]:
    """A noun and the words that modify it ("an air weapons team" -> air, weapons, team), conjuncts included
    ("mortars and rockets"), without the clauses and phrases hung on it."""
    core = [head]
    for c in ann.children[head]:
        if ann.tokens[c].dep in _NOUN_MODIFIER_DEPS or ann.tokens[c].dep == "conj":
            core += _noun_phrase_core(ann, c)
    return core


def _labour_strike(ann: Annotations, head: int, sentence: int, w: EventWords) -> bool:
    """ "a four-day strike", "called off the strike", "the strike they planned for better pay"."""
    near = {lemma(ann.tokens[c]) for c in ann.children[head]} | {lemma(ann.tokens[ann.tokens[head].head])}
    sent = ann.sentences[sentence]
    words = {lemma(ann.tokens[j]) for j in range(sent.token_start, sent.token_end)}
    return bool(near & w.labour_words_near) or bool(words & w.labour_words_sentence)
