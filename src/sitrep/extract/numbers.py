"""The numbers stage: how many were killed, injured or detained, said where, and about whom.

Quantities are read from words ("at least 22", "dozens", "a handful") by ``_quantities`` with the rules
in docs/casualty-rules.md; casualty counts are attached to their trigger word through the parse.
"""

from __future__ import annotations

import logging

from sitrep.extract._quantities import NONE_WORDS, QUANT_MODIFIERS, SINGLE_WORDS, VAGUE, Quantity, parse_quantity
from sitrep.extract.common.text import sentence_index_at, subtree
from sitrep.model import Annotations, CasualtyMention, Count, Token

log = logging.getLogger(__name__)

EXTRACTOR = "numbers@2"

# --------------------------------------------------------------------------- casualty triggers

_KILL_VERBS = {"kill", "die", "slay", "execute", "massacre", "behead", "murder", "assassinate", "lynch",
               "decapitate", "perish", "slaughter"}
_INTRANSITIVE = {"die", "perish"}
_KILL_NOUNS = {"death", "fatality", "toll", "killing", "dead", "life"}
_INJURE_VERBS = {"injure", "wound", "hurt", "maim"}
_INJURE_NOUNS = {"injury", "wound", "injured", "wounded"}
# Detention: "detained two suspects", "one insurgent was arrested", "two men were taken into custody".
_DETAIN_VERBS = {"detain", "arrest", "apprehend", "capture"}
_DETAIN_NOUNS = {"detainee", "arrest", "capture"}
# "captured" also takes towns and weapons: it counts people only when what it took is a person.
_NOT_PEOPLE = {"town", "city", "village", "area", "district", "province", "base", "territory", "weapon", "arm",
               "ammunition", "explosive", "cache", "rifle", "rocket", "mortar", "munition", "bomb", "material",
               "equipment", "vehicle", "truck", "car", "motorcycle", "document", "drug", "opium", "heroin", "hill",
               "airport", "road", "bridge", "compound", "position", "checkpoint", "outpost", "building", "radio"}
_LIFE_VERBS = {"lose", "claim", "take", "cost"}
_SUFFER_VERBS = {"lose", "suffer", "sustain", "receive", "incur"}
_TOLL_VERBS_PREPS = {"to", "at", "of"}
_RELATIVE = {"who", "that", "which", "whom"}
_PART_PREPS = {"including", "among", "like", "such"}
_SKIP_DEPS = {"relcl", "acl", "appos", "punct", "advcl", "cc"}
_COLLECTIVE = {"family", "group", "convoy", "unit", "crew", "patrol", "cell", "network", "population", "force"}
_SINGULAR_PRONOUNS = {"he", "she", "him", "her", "himself", "herself"}


def _trigger_kind(ann: Annotations, tok: Token) -> str | None:
    """"killed", "injured", "casualties" (ambiguous, see docs) or None for a token."""
    lemma, lower = tok.lemma.casefold(), tok.text.casefold()
    if tok.pos in ("VERB", "ADJ", "AUX") or tok.tag == "VBN":
        if lemma in _KILL_VERBS or lower in {"dead", "slain"}:
            return "killed"
        if lemma in _INJURE_VERBS or lower in {"injured", "wounded", "hurt"}:
            return "injured"
        if lemma == "gun" and any(ann.tokens[c].text.casefold() == "down" for c in ann.children[tok.i]):
            return "killed"
        if lemma in _DETAIN_VERBS and tok.pos == "VERB":
            return "detained"
        if lemma == "take" and _into_custody(ann, tok):
            return "detained"
    if tok.pos in ("NOUN", "PROPN", "ADJ"):
        if lemma == "casualty":
            return "casualties"
        if lemma == "life" and lower != "lives":
            return None
        if lemma == "death" and tok.dep == "compound":
            return None  # "death toll": the head "toll" carries the count
        if lemma in _KILL_NOUNS or lower in {"dead", "deaths"}:
            return "killed"
        if lemma in _INJURE_NOUNS or lower in {"injuries", "wounded", "injured"}:
            return "injured"
        if lemma in _DETAIN_NOUNS:
            return "detained"
    return None


def _into_custody(ann: Annotations, tok: Token) -> bool:
    return any(ann.tokens[c].dep == "prep" and ann.tokens[c].text.casefold() == "into" and any(
        ann.tokens[o].lemma.casefold() == "custody" for o in ann.children[c]) for c in ann.children[tok.i])


def _is_intended(ann: Annotations, tok: Token) -> bool:
    """"an operation to detain a leader", "will arrest": a purpose or a plan, not a detention that happened."""
    return tok.tag == "VB" or any(ann.tokens[c].dep == "aux" and ann.tokens[c].text.casefold() == "to"
                                  for c in ann.children[tok.i])


def _is_person(ann: Annotations, g: int) -> bool:
    tok = ann.tokens[g]
    return tok.lemma.casefold() not in _NOT_PEOPLE and tok.ent_type not in ("GPE", "LOC", "FAC", "PRODUCT")


def extract_casualties(ann: Annotations) -> list[CasualtyMention]:
    """Every count of killed or injured people, in text order (one per trigger and counted group)."""
    found: list[CasualtyMention] = []
    ambiguous: list[tuple[Token, int | None]] = []
    seen: set[tuple[str, int]] = set()
    for tok in ann.tokens:
        kind = _trigger_kind(ann, tok)
        if kind is None:
            continue
        group = _counted(ann, tok, kind)
        if kind == "detained" and (_is_intended(ann, tok) or group is None or not _is_person(ann, group)):
            continue
        if kind == "casualties":
            ambiguous.append((tok, group))
            continue
        mention = _mention(ann, tok, kind, group)
        if mention is not None and (kind, group if group is not None else -tok.i) not in seen:
            seen.add((kind, group if group is not None else -tok.i))
            found.append(mention)
    found.extend(_casualty_mentions(ann, ambiguous, found))
    found.sort(key=lambda m: (m.count.evidence[0].start if m.count.evidence else 0, m.token, m.kind))
    return found


def _casualty_mentions(ann: Annotations, ambiguous: list[tuple[Token, int | None]],
                       found: list[CasualtyMention]) -> list[CasualtyMention]:
    """"Casualties" mixes dead and wounded: counted as injured only when the sentence says nothing else."""
    out = []
    busy = {m.sentence for m in found if m.kind != "detained"}
    for tok, group in ambiguous:
        killed = _mention(ann, tok, "killed", group)
        if killed is None:
            continue
        if killed.negated:  # "no casualties" rules out both
            out.extend([killed, _mention(ann, tok, "injured", group)])
        elif killed.sentence not in busy:
            out.append(_mention(ann, tok, "injured", group))
    return [m for m in out if m is not None]


def _counted(ann: Annotations, tok: Token, kind: str) -> int | None:
    """The token heading what is counted ("six fighters", "30", "No one") for a trigger."""
    kids = [ann.tokens[c] for c in ann.children[tok.i]]
    by_dep = {}
    for k in kids:
        by_dep.setdefault(k.dep, k.i)
    lemma = tok.lemma.casefold()
    if tok.pos in ("NOUN", "PROPN") and lemma not in ("dead", "wounded", "injured"):
        return _counted_by_noun(ann, tok, kids)
    if "dobj" in by_dep and not any(k.dep == "auxpass" for k in kids):
        return _unrelative(ann, tok, by_dep["dobj"])
    for dep in ("nsubjpass", "nsubj"):
        if dep in by_dep:
            active = dep == "nsubj" and tok.tag in ("VBD", "VBZ", "VBP", "VBG") and lemma not in _INTRANSITIVE
            if not active:
                return _unrelative(ann, tok, by_dep[dep])
    for k in kids:
        if k.dep in ("nummod", "npadvmod", "attr") and _is_quantity_word(k):
            return k.i
    head = ann.tokens[tok.head]
    if tok.dep in ("amod", "acl") and head.pos in ("NOUN", "PROPN", "NUM", "PRON"):
        return head.i
    if tok.dep in ("acomp", "oprd", "xcomp") and head.i != tok.i:
        head_kids = {ann.tokens[c].dep: c for c in ann.children[head.i]}
        for dep in ("dobj", "nsubjpass", "nsubj"):
            if dep in head_kids and (dep != "nsubj" or tok.dep == "acomp"):
                return head_kids[dep]
    if tok.dep == "conj" and tok.tag == "VBN" and head.pos in ("VERB", "AUX"):
        # "He was engaged and killed", "insurgents opened fire and were killed": a passive conjunct
        # shares the subject of the verb it is joined to
        passive = "auxpass" in by_dep or any(ann.tokens[c].dep == "nsubjpass" for c in ann.children[head.i])
        head_kids = {ann.tokens[c].dep: c for c in ann.children[head.i]}
        for dep in ("nsubjpass", "nsubj"):
            if passive and dep in head_kids:
                return head_kids[dep]
    return None


def _counted_by_noun(ann: Annotations, tok: Token, kids: list[Token]) -> int | None:
    if any(k.dep in ("nummod", "quantmod") or (k.dep in ("amod", "det") and _is_quantity_word(k)) for k in kids):
        return tok.i  # "12 deaths", "no casualties", "several fatalities"
    for k in kids:
        if k.dep == "prep" and k.text.casefold() in _TOLL_VERBS_PREPS:
            objs = [c for c in ann.children[k.i] if ann.tokens[c].dep == "pobj"]
            if objs:
                return objs[0]  # "death toll of 30", "the lives of 12 people"
    head = ann.tokens[tok.head]
    head_kids = [ann.tokens[c] for c in ann.children[head.i]]
    if tok.lemma.casefold() == "toll" and tok.dep == "nsubj":
        for k in head_kids:
            if k.dep in ("dobj", "attr") and _is_quantity_word(k):
                return k.i  # "the toll reached 30", "the toll is 30"
            if k.dep == "prep" and k.text.casefold() in _TOLL_VERBS_PREPS:
                objs = [c for c in ann.children[k.i] if ann.tokens[c].dep == "pobj"]
                if objs and _is_quantity_word(ann.tokens[objs[0]]):
                    return objs[0]  # "the death toll rose to 30"
    if tok.dep == "dobj" and head.lemma.casefold() in _SUFFER_VERBS | _LIFE_VERBS:
        for k in head_kids:
            if k.dep in ("nsubj", "nsubjpass"):
                return _unrelative(ann, head, k.i)  # "12 people lost their lives", "15 suffered injuries"
    return None


def _unrelative(ann: Annotations, verb: Token, i: int) -> int:
    """Follow a relative pronoun to its noun: "the 12 people who died" counts "people"."""
    if ann.tokens[i].text.casefold() in _RELATIVE and verb.dep == "relcl":
        return verb.head
    return i


def _is_quantity_word(tok: Token) -> bool:
    lower = tok.text.casefold()
    return (tok.like_num or tok.pos == "NUM" or lower in VAGUE or lower in NONE_WORDS
            or lower in ("nobody", "none", "dozen", "dozens"))



# --------------------------------------------------------------------------- reading a counted group


def _mention(ann: Annotations, tok: Token, kind: str, group: int | None) -> CasualtyMention | None:
    negated = _is_negated(ann, tok)
    quantity: Quantity | None = None
    q_tokens: set[int] = set()
    who: str | None = None
    if group is not None:
        quantity, q_tokens, who = _read_group(ann, group, tok)
        q_tokens = q_tokens | _phrase(ann, group, tok)
    if negated:
        quantity = (0, 0, 0)
    if quantity is None:
        return None
    ends = q_tokens | {tok.i} | {c for c in ann.children[tok.i] if ann.tokens[c].dep == "compound"}
    if group is not None:
        ends.add(group)
    # the evidence stays inside the sentence and never starts or ends on a line break
    sent = ann.sentences[sentence_index_at(ann, tok.start)]
    ends = {j for j in ends if sent.token_start <= j < sent.token_end and ann.tokens[j].pos != "SPACE"} or {tok.i}
    start, end = ann.tokens[min(ends)].start, ann.tokens[max(ends)].end
    count = Count(best=quantity[0], low=quantity[1], high=quantity[2], who=who, evidence=(ann.evidence(start, end),))
    return CasualtyMention(kind=kind, count=count, token=tok.i, sentence=sentence_index_at(ann, tok.start),
                           negated=quantity == (0, 0, 0))


def _is_negated(ann: Annotations, tok: Token) -> bool:
    """"were not injured", "did not kill anyone", "without casualties"."""
    heads = [tok.i]
    if tok.dep in ("acomp", "oprd", "xcomp"):
        heads.append(tok.head)
    if any(ann.tokens[c].dep == "neg" for h in heads for c in ann.children[h]):
        return True
    return tok.dep == "pobj" and ann.tokens[tok.head].text.casefold() == "without"


def _phrase(ann: Annotations, g: int, trigger: Token) -> set[int]:
    """Tokens of the counted phrase without its relative clauses, appositions and "including ..." parts."""
    members = set(subtree(ann, g))
    if trigger.i in members and trigger.i != g:
        members -= set(subtree(ann, trigger.i))
    for c in ann.children[g]:
        child = ann.tokens[c]
        if child.dep in _SKIP_DEPS or (child.dep == "prep" and child.text.casefold() in _PART_PREPS):
            members -= set(subtree(ann, c))
    return members | {g}


def _read_group(ann: Annotations, g: int, trigger: Token) -> tuple[Quantity | None, set[int], str | None]:
    """The quantity, its tokens and the "who" text of the phrase headed by token ``g``."""
    tok = ann.tokens[g]
    members = set(subtree(ann, g))
    excluded = members - _phrase(ann, g, trigger)
    if g == trigger.i:
        excluded.add(g)
    if tok.lemma.casefold() in _COLLECTIVE:
        return None, set(), None  # "a family", "two convoys": not a count of people
    who_tokens: set[int]
    if _is_quantity_word(tok):
        of_objs = [o for c in ann.children[g] if ann.tokens[c].dep == "prep" and ann.tokens[c].text.casefold() == "of"
                   for o in subtree(ann, c)]
        q_tokens = members - excluded - set(of_objs)
        who_tokens = {o for o in of_objs if ann.tokens[o].text.casefold() != "of"} - excluded
        quantity = _quantity_of(ann, q_tokens)
    else:
        q_children = [c for c in ann.children[g] if _is_quantity_child(ann.tokens[c])]
        q_tokens = {i for c in q_children for i in subtree(ann, c)} - excluded
        quantity = _quantity_of(ann, q_tokens) if q_tokens else _singular(ann, tok)
        who_tokens = members - excluded - q_tokens - {c for c in ann.children[g] if ann.tokens[c].dep == "conj"}
        who_tokens = _drop_conj_counts(ann, g, who_tokens)
        summed = False
        for c in ann.children[g]:
            if ann.tokens[c].dep == "conj" and quantity is not None:
                extra, extra_tokens, _ = _read_group(ann, c, trigger)
                if extra is not None:
                    quantity = _add(quantity, extra)
                    q_tokens |= extra_tokens
                    summed = True
        if summed:  # "three soldiers and two civilians": name the whole group, numbers included
            return quantity, q_tokens, _who_text(ann, members - excluded, False, strip=False)
    return quantity, q_tokens, _who_text(ann, who_tokens, g == trigger.i)


def _drop_conj_counts(ann: Annotations, g: int, who_tokens: set[int]) -> set[int]:
    """Keep conjoined nouns in "who" ("army and volunteer forces") but not a conjunct's own trigger."""
    out = set(who_tokens)
    for c in ann.children[g]:
        if ann.tokens[c].dep == "conj":
            out |= {i for i in subtree(ann, c) if _trigger_kind(ann, ann.tokens[i]) is None}
    return out


def _is_quantity_child(child: Token) -> bool:
    lower = child.text.casefold()
    if child.dep in ("nummod", "quantmod"):
        return True
    return child.dep in ("amod", "det", "advmod", "predet", "preconj") and (
        _is_quantity_word(child) or lower in QUANT_MODIFIERS or lower in SINGLE_WORDS)


def _quantity_of(ann: Annotations, indices: set[int]) -> Quantity | None:
    if not indices:
        return None
    ordered = sorted(indices)
    for first in range(len(ordered)):
        text = ann.text[ann.tokens[ordered[first]].start : ann.tokens[ordered[-1]].end]
        quantity = parse_quantity(text)
        if quantity is not None:
            return quantity
    return None


def _singular(ann: Annotations, tok: Token) -> Quantity | None:
    """One person without a number: "an insurgent", "the individual", "he", a named person."""
    lower = tok.text.casefold()
    if tok.pos == "PRON":
        return (1, 1, 1) if lower in _SINGULAR_PRONOUNS else None
    if tok.tag not in ("NN", "NNP") or tok.lemma.casefold() in _COLLECTIVE:
        return None
    if tok.pos == "PROPN":
        return (1, 1, 1) if tok.ent_type == "PERSON" else None
    determiners = {ann.tokens[c].text.casefold() for c in ann.children[tok.i] if ann.tokens[c].dep in ("det", "poss")}
    return (1, 1, 1) if determiners & {"a", "an", "the", "this", "that", "his", "her", "their", "its", "one"} else None


def _add(a: Quantity, b: Quantity) -> Quantity:
    high = None if a[2] is None or b[2] is None else a[2] + b[2]
    return (a[0] + b[0], a[1] + b[1], high)


def _who_text(ann: Annotations, indices: set[int], trigger_is_group: bool, *, strip: bool = True) -> str | None:
    if trigger_is_group or not indices:
        return None
    ordered = sorted(indices)
    while ordered and ann.tokens[ordered[0]].pos in (("DET", "PUNCT", "CCONJ", "ADP") if strip else ("PUNCT",)):
        ordered.pop(0)
    while ordered and ann.tokens[ordered[-1]].pos in ("PUNCT", "CCONJ", "ADP"):
        ordered.pop()
    if not ordered:
        return None
    return ann.text[ann.tokens[ordered[0]].start : ann.tokens[ordered[-1]].end] or None


__all__ = ["EXTRACTOR", "VAGUE", "Quantity", "extract_casualties", "parse_quantity"]
