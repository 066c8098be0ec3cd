"""The casualties stage: how many were killed, injured or detained, said where, and about whom.

Passes, over the tokens of a document: find the casualty words ("killed", "deaths", "wounding", "detained";
``triggers``) → the group each one counts, through the parse ("six fighters", "the toll rose to 30") →
read the group's quantity and who ("at least 22", "dozens", "three soldiers and two civilians"; ``groups``
and ``quantities``, with the rules in docs/casualty-rules.md) → "casualties", which mixes dead and wounded,
only where the sentence says nothing else → text order. The words are the language's
(``lang/<code>/casualties.yaml`` and ``numbers.yaml``).
"""

from __future__ import annotations

import logging

from sitrep.extract.casualties.groups import mention
from sitrep.extract.casualties.lists import listed_counts
from sitrep.extract.casualties.quantities import Quantity, parse_quantity, vague_table
from sitrep.extract.casualties.triggers import counted, is_intended, is_person, trigger_kind
from sitrep.extract.casualties.words import CasualtyWords, casualty_words
from sitrep.lang import Lexicon, default_lexicon
from sitrep.model import Annotations, CasualtyMention, Token

log = logging.getLogger(__name__)

EXTRACTOR = "numbers@2"


def extract_casualties(ann: Annotations, *, lexicon: Lexicon | None = None) -> list[CasualtyMention]:
    """Every count of killed, injured or detained people, in text order (one per trigger and counted group)."""
    w = casualty_words(lexicon or default_lexicon())
    found: list[CasualtyMention] = []
    ambiguous: list[tuple[Token, int | None]] = []
    seen: set[tuple[str, int]] = set()
    for tok in ann.tokens:
        kind = trigger_kind(ann, tok, w)
        if kind is None:
            continue
        group = counted(ann, tok, kind, w)
        if kind == "detained" and (is_intended(ann, tok, w) or group is None or not is_person(ann, group, w)):
            continue
        if kind in ("killed", "injured") and group is not None and tok.pos == "VERB" and not is_person(ann, group, w):
            continue  # "executed a search warrant", "executed the plan": no one killed
        if kind == "casualties":
            ambiguous.append((tok, group))
            continue
        found_one = mention(ann, tok, kind, group, w)
        if found_one is not None and (kind, group if group is not None else -tok.i) not in seen:
            seen.add((kind, group if group is not None else -tok.i))
            found.append(found_one)
    found.extend(_casualty_mentions(ann, ambiguous, found, w))
    found.extend(listed_counts(ann, found, w))
    found.sort(key=lambda m: (m.count.evidence[0].start if m.count.evidence else 0, m.token, m.kind))
    return found


def _casualty_mentions(ann: Annotations, ambiguous: list[tuple[Token, int | None]],
                       found: list[CasualtyMention], w: CasualtyWords) -> list[CasualtyMention]:
    """"Casualties" mixes dead and wounded: counted as injured only when the sentence says nothing else."""
    out = []
    busy = {m.sentence for m in found if m.kind != "detained"}
    for tok, group in ambiguous:
        killed = mention(ann, tok, "killed", group, w)
        if killed is None:
            continue
        if killed.negated:  # "no casualties" rules out both
            out.extend([killed, mention(ann, tok, "injured", group, w)])
        elif killed.sentence not in busy:
            out.append(mention(ann, tok, "injured", group, w))
    return [m for m in out if m is not None]


__all__ = ["EXTRACTOR", "Quantity", "extract_casualties", "parse_quantity", "vague_table"]
