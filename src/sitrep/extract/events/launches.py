"""Strikes told by what was launched or what came down: "fired rockets at Sderot", "12 missiles were launched at
Kyiv", "two shells fell on the market"."""

from __future__ import annotations

from sitrep.extract.events.drafts import Trigger
from sitrep.extract.events.taxonomy import Taxonomy, lemma, trigger_key
from sitrep.extract.events.words import EventWords
from sitrep.model import Annotations, Span

_VERB_POS = {"VERB"}
_PERSON_OBJECT_DEPS = {"dobj", "nsubjpass"}


def launches(ann: Annotations, sent: Span, si: int, found: list[Trigger], tax: Taxonomy,
              w: EventWords) -> list[Trigger]:
    """A verb of launching whose object is a projectile, aimed at something, is the strike it names: "fired rockets
    at Sderot" and "12 missiles were launched at Kyiv" are shelling, "launched drones at Odesa" a drone strike (the
    projectile's word among the modifiers of ``triggers.yaml``); with no aim it may be a test, a search or a
    sortie ("fired two missiles into the sea", "launched the drones" from a search ship)."""
    taken = {j for t in found for j in t.tokens}
    out = []
    for j in range(sent.token_start, sent.token_end):
        tok = ann.tokens[j]
        if j in taken or tok.pos not in _VERB_POS:
            continue
        verb = lemma(tok, tax)
        launched = verb in w.launch_verbs
        if not launched and verb not in w.impact_verbs:
            continue
        # what was launched, or what landed ("rockets landed near the base", "two shells fell on the market")
        deps = _PERSON_OBJECT_DEPS if launched else {"nsubj"}
        keys = [_projectile_key(ann, c, tax, w) for c in ann.children[j] if ann.tokens[c].dep in deps]
        keys = [k for k in keys if launched or k in w.projectiles]  # a plane that landed is no strike
        # a projectile that is a trigger noun of its own ("grenades") says what it is itself ("stun grenades")
        kinds = [st for k in keys if k not in tax.nouns and (st := tax.modifiers.get(k)) is not None
                 and st.type in tax.violent]
        # a projectile that landed needs no aim
        if kinds and (not launched or _aimed(ann, j, w)):
            out.append(Trigger(tokens=(j,), head=j, subtype=max(kinds, key=lambda st: st.rank), kind="verb",
                               sentence=si))
    return out


def _aimed(ann: Annotations, verb: int, w: EventWords) -> bool:
    """The verb has a phrase of aim on something: "at Kyiv", "towards the border", not "on Monday"."""
    return any(ann.tokens[c].dep == "prep" and ann.tokens[c].text.lower() in w.aim_prepositions and any(
        ann.tokens[o].dep == "pobj" and ann.tokens[o].ent_type not in ("DATE", "TIME") for o in ann.children[c])
        for c in ann.children[verb])


def _projectile_key(ann: Annotations, i: int, tax: Taxonomy, w: EventWords) -> str:
    """The word a launch or an impact names as its projectile, as a trigger key: the noun's lemma, or its
    singular when the tagger took a sentence's first word for a name ("Rockets landed"), or the noun after "of" on
    a number ("a number of rockets", "dozens of missiles")."""
    tok = ann.tokens[i]
    if tok.lemma.lower() in w.counting_nouns or tok.text.lower() in w.counting_nouns:
        objs = [o for c in ann.children[i] if ann.tokens[c].text.lower() in w.of_words
                for o in ann.children[c] if ann.tokens[o].dep == "pobj"]
        if objs:
            tok = ann.tokens[objs[0]]
    key = trigger_key(lemma(tok, tax))
    if key not in tax.modifiers and tok.text.lower().endswith(w.plural_suffix):
        key = trigger_key(tok.text.lower()[: -len(w.plural_suffix)])
    return key


__all__ = ["launches"]
