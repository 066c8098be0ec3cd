"""Who asserts an event: the claim whose content holds it, or the one who gives its toll ("put the toll at 30")."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from itertools import islice

from sitrep.extract.common.text import ancestors, subtree, token_index_at
from sitrep.extract.events.words import EventWords
from sitrep.model import Annotations, Claim, ClaimKind, Count


def asserting_claim(char: int, claims: Sequence[Claim], *, hedges: Collection[str] = ()) -> Claim | None:
    """The claim whose content holds ``char``; when claims nest ("police said the mayor told reporters that
    …"), the innermost one, whose speaker is the nearest to the event. A claim may carry several events."""
    # A stance ("praised the raid that freed …") or a question asserts nothing: the event stays the outlet's; so
    # does one a hedge word cues with no one named ("militants reportedly attacked …": the outlet's, hedged).
    holding = [c for c in claims if c.kind in (ClaimKind.STATEMENT, ClaimKind.BELIEF)
               and any(ev.start <= char < ev.end for ev in c.content.evidence)
               and not (not c.speaker.evidence and c.cue.text.lower() in hedges)]
    return min(holding, key=lambda c: sum(ev.end - ev.start for ev in c.content.evidence), default=None)


def toll_giver(ann: Annotations, counts: Sequence[Count], w: EventWords) -> str | None:
    """Who gives a toll as the subject of the verb that takes it ("A military officer put the number of the dead
    at 15", "officials estimated the death toll at 30"): that figure is theirs, as if they had said it."""
    for c in counts:
        for ev in c.evidence:
            i = token_index_at(ann, ev.start)
            if i is None:
                continue
            for j in (i, *islice(ancestors(ann, i), _TOLL_STEPS)):
                tok = ann.tokens[j]
                if (tok.lemma or "").lower() in w.toll_nouns | w.toll_heads and tok.dep == "dobj" and tok.head != j:
                    return _subject_phrase(ann, tok.head)
    return None


def _subject_phrase(ann: Annotations, verb: int) -> str | None:
    subject = next((c for c in ann.children[verb] if ann.tokens[c].dep == "nsubj"
                    and ann.tokens[c].pos in ("NOUN", "PROPN")), None)
    if subject is None:
        return None
    words = sorted(subtree(ann, subject))
    while words and ann.tokens[words[0]].pos == "DET":
        words = words[1:]
    return ann.text[ann.tokens[words[0]].start : ann.tokens[words[-1]].end] if words else None


# Steps from a count's first word up to the noun of its toll ("dead" in "the number of the dead at 15" is two
# steps below "number").
_TOLL_STEPS = 3

