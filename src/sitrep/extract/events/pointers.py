"""A pronoun that points back to the incident just told: "It took place in Lower Shabelle, on the outskirts of
Marka", "it happened on Friday near the market".  Such a sentence names no act, yet tells the day or the place of
one; its pronoun is a trigger in the detail words' generic sense ("the incident happened on Wednesday"), so the
mention joins the incident it fits as a detail and never makes one of its own."""

from __future__ import annotations

from sitrep.extract.events.drafts import Trigger
from sitrep.extract.events.taxonomy import Taxonomy, trigger_key
from sitrep.extract.events.words import EventWords
from sitrep.model import Annotations, Span

_RELATIVE = frozenset({"relcl", "acl:relcl"})


def pointed_happenings(ann: Annotations, sent: Span, si: int, taken: set[int], tax: Taxonomy,
                       w: EventWords) -> list[Trigger]:
    """Triggers for the pointing pronouns that are the subject of a verb of happening in the sentence."""
    keys = [k for k in sorted(map(trigger_key, w.detail_nouns)) if k in tax.nouns]
    if not keys:
        return []
    sense = tax.nouns[keys[0]]  # the generic sense (None): typed by its parties, if it has any
    out = []
    for j in range(sent.token_start, sent.token_end):
        tok = ann.tokens[j]
        if j in taken or tok.pos != "PRON" or tok.dep not in ("nsubj", "expl") or tok.head == j:
            continue
        # not a relative pronoun ("a shooting that had taken place the previous day" tells of that shooting)
        if tok.text.lower() in w.pointing_pronouns and ann.tokens[tok.head].dep not in _RELATIVE and happening(
                ann, tok.head, w):
            out.append(Trigger(tokens=(j,), head=j, subtype=sense, kind="noun", sentence=si))
    return out


def happening(ann: Annotations, verb: int, w: EventWords) -> bool:
    """Whether the verb is one of happening ("happened"; "took place": the verb and its object)."""
    lemma = (ann.tokens[verb].lemma or "").lower()
    kids = {(ann.tokens[c].lemma or "").lower() for c in ann.children[verb]}
    return any(phrase[0] == lemma and all(word in kids for word in phrase[1:]) for phrase in w.happening_verbs)


__all__ = ["happening", "pointed_happenings"]
