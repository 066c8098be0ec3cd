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
from dataclasses import replace

from sitrep.extract.casualties.groups import mention
from sitrep.extract.casualties.lists import listed_counts
from sitrep.extract.casualties.quantities import Quantity, parse_quantity, vague_table
from sitrep.extract.casualties.triggers import counted, escaped, is_intended, is_person, is_quantity_word, trigger_kind
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
        # (a casualty noun that counts itself is people whatever the model tags it: "Tanganyika - 5 morts" as a place)
        if kind != "casualties" and group is not None and group != tok.i and not is_person(ann, group, w):
            # "shot dead two cows and a farmer": the people listed after things are who was counted
            group = next((c for c in ann.children[group] if ann.tokens[c].dep == "conj" and is_person(ann, c, w)), None)
            if group is None:
                continue  # "executed a search warrant", "a dead dog", "captured the town": no one counted
        if tok.lemma.casefold() in w.loss_words and not _people_lost(ann, group, w):
            continue  # "lost ground", "the loss of two seats": no one counted
        if kind == "detained" and (group is None or is_intended(ann, tok, w) or escaped(ann, tok, w)):
            continue
        if kind == "casualties":
            ambiguous.append((tok, group))
            continue
        # "eight to 12 insurgents were killed or injured": one figure for dead and wounded together, so the text
        # gives each of them only a ceiling
        mixed = (kind == "killed" and _mixed_with_wounded(ann, tok, w)) or (
            kind == "injured" and _shares_count_with_killing(ann, tok, w))
        for part in ("killed", "injured") if mixed else (kind,):
            found_one = mention(ann, tok, part, group, w)
            key = (part, group if group is not None else -tok.i)
            if found_one is not None and key not in seen:
                seen.add(key)
                found.append(_ceiling_only(found_one) if mixed else found_one)
    found.extend(_casualty_mentions(ann, ambiguous, found, w))
    found.extend(listed_counts(ann, found, w))
    found.sort(key=lambda m: (m.count.evidence[0].start if m.count.evidence else 0, m.token, m.kind))
    return found


def _ceiling_only(m: CasualtyMention) -> CasualtyMention:
    high = m.count.high if m.count.high is not None else m.count.best
    return replace(m, count=replace(m.count, best=0, low=0, high=high))


# What may stand before a joined verb of wounding that shares the count ("were killed or seriously injured").
_SHARED_BEFORE = frozenset({"cc", "punct", "aux", "auxpass", "advmod", "neg"})


def _mixed_with_wounded(ann: Annotations, tok: Token, w: CasualtyWords) -> bool:
    """A verb of killing joined to one of wounding that has no count or subject of its own ("more than 20 people
    killed and wounded", "were killed or injured"): the figure counts both."""
    for c in ann.children[tok.i]:
        other = ann.tokens[c]
        if other.dep == "conj" and trigger_kind(ann, other, w) == "injured" and not any(
                ann.tokens[g].dep in ("nsubj", "nsubjpass", "nummod", "dobj") or is_quantity_word(ann.tokens[g], w)
                or (g < c and ann.tokens[g].dep not in _SHARED_BEFORE) for g in ann.children[c]):
            # not "three people were killed and several wounded", "a tué deux individus et blessé plusieurs" (the
            # parser hangs "plusieurs" on the verb): the wounded have their own count
            return True
    return False


def _people_lost(ann: Annotations, group: int | None, w: CasualtyWords) -> bool:
    """What a side lost is people of ``lost_people``: the counted noun, or the noun after "of" a bare number ("lost 92
    of our soldiers")."""
    if group is None:
        return False
    nouns = [group] + [p for c in ann.children[group] if ann.tokens[c].text.casefold() == w.of
                       for p in ann.children[c] if ann.tokens[p].dep == "pobj"]
    return any(ann.tokens[j].lemma.casefold() in w.lost_people or ann.tokens[j].text.casefold() in w.lost_people
               for j in nouns)


def _shares_count_with_killing(ann: Annotations, tok: Token, w: CasualtyWords) -> bool:
    """A verb of wounding joined to a verb of killing that has no object of its own ("killed and wounded 15
    soldiers", "killed or wounded 40 people", "kills and wounds 15 soldiers"): the object the parser hangs on the
    second verb is counted by both."""
    if tok.dep != "conj" or tok.head == tok.i or any(
            ann.tokens[c].dep in ("nsubj", "nsubjpass", "nummod") for c in ann.children[tok.i]):
        return False  # "Dunbar died and five others were wounded": the wounded have their own subject, and "huit
        # militaires tués et treize blessés" their own number
    head = ann.tokens[tok.head]
    # a headline's "kills and wounds" may come out with "kills" as a plural noun: its lemma is still the verb's
    killing = trigger_kind(ann, head, w) == "killed" or head.lemma.lower() in w.kill_verbs
    return killing and not any(
        ann.tokens[g].dep in ("dobj", "nsubjpass", "nummod", "attr", "oprd") for g in ann.children[head.i])


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
