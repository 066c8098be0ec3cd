"""Reading the dependency parse around a cue: a noun phrase's tokens, a verb's subject, a token's subtree.

Language-free: these read sitrep's dependency scheme (``sitrep.lang``) and Universal POS tags, no words.
"""

from __future__ import annotations

from collections.abc import Collection

from sitrep.extract.common.text import subtree
from sitrep.model import Annotations

# Dependents that hang off a speaker's head but are not part of how it is named.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "appos", "ccomp", "parataxis"})


def subtree_set(ann: Annotations, i: int) -> set[int]:
    return set(subtree(ann, i))


def filler(ann: Annotations, j: int) -> bool:
    return ann.tokens[j].pos in ("PUNCT", "SPACE")


def child(ann: Annotations, k: int, deps: tuple[str, ...]) -> int | None:
    """The first dependent of token ``k`` with one of the labels ``deps``."""
    return next((c for c in ann.children[k] if ann.tokens[c].dep in deps), None)


def phrase_tokens(ann: Annotations, head: int, *, drop: Collection[str] = CLAUSE_DEPS) -> list[int]:
    """The contiguous tokens naming ``head``: its subtree without clauses and appositions, edges trimmed."""
    keep = {head}
    stack = [head]
    while stack:
        j = stack.pop()
        for c in ann.children[j]:
            if ann.tokens[c].dep not in drop:
                keep.add(c)
                stack.append(c)
    # Stay contiguous around the head: a gap means a dropped clause sits in between.
    lo = hi = head
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    while lo < hi and ann.tokens[lo].pos == "PUNCT":
        lo += 1
    while hi > lo and (ann.tokens[hi].pos == "PUNCT" or ann.tokens[hi].dep == "case"):
        hi -= 1
    return list(range(lo, hi + 1))


# How a word hangs on the verb of its clause, other than as its subject: climbed to find whose doing a gerund is.
_CLIMB = frozenset({"dobj", "attr", "acomp", "advmod", "npadvmod", "prep", "pobj", "oprd"})


def subject_of(ann: Annotations, verb: int) -> int | None:
    """The speaker's head token for a speech verb: its subject, a passive agent, or a coordinated verb's subject."""
    # The parser sometimes gives a postposed "..., officials said" two subjects: the nearest one speaks.
    subjects = [c for c in ann.children[verb] if ann.tokens[c].dep in ("nsubj", "csubj")]
    if subjects:
        return min(subjects, key=lambda c: abs(verb - c))
    for c in ann.children[verb]:
        if ann.tokens[c].dep == "agent":
            obj = next((g for g in ann.children[c] if ann.tokens[g].dep == "pobj"), None)
            if obj is not None:
                return obj
    tok = ann.tokens[verb]
    if tok.dep == "conj" and tok.head != verb:
        return subject_of(ann, tok.head)
    # "the mayor said, adding that …": a participle speaks with its main verb's subject; so does an infinitive
    # of purpose or control ("seized the moment to declare", "decided to announce").
    infinitive = tok.tag == "VB" and any(ann.tokens[c].dep == "aux" and ann.tokens[c].tag == "TO"
                                         for c in ann.children[verb])
    if (tok.tag == "VBG" or infinitive) and tok.dep in ("advcl", "xcomp", "conj") and tok.head != verb and \
            ann.tokens[tok.head].pos in ("VERB", "AUX"):
        if infinitive and tok.dep == "xcomp":
            # "required him to pledge", "was advised by the agency to wait": the object, or the passive's
            # subject, is the one who acts.
            controller = child(ann, tok.head, ("dobj", "nsubjpass"))
            if controller is not None and controller < verb:
                return controller
        return subject_of(ann, tok.head)
    # "a statement saying that …", "groups supporting the bill": a participle describing a noun speaks for it.
    if tok.tag == "VBG" and tok.dep == "acl" and tok.head != verb and ann.tokens[tok.head].pos in ("NOUN", "PROPN"):
        return tok.head
    # "began by saying …": the participle hangs off a preposition of the main verb; "has a long history of blaming
    # …", "was the most aggressive in denouncing …": or off a phrase of the main verb's object or complement.
    prep = tok.head
    if tok.tag == "VBG" and tok.dep == "pcomp" and ann.tokens[prep].dep == "prep" and ann.tokens[prep].head != prep:
        return subject_of(ann, clause_verb(ann, ann.tokens[prep].head))
    # "went so far as to say", "was quick to say": the infinitive hangs off a word that qualifies the main verb.
    word = tok.head
    if infinitive and tok.dep in ("advcl", "xcomp") and word != verb and ann.tokens[word].pos in ("ADV", "ADJ") and \
            ann.tokens[word].dep in ("advmod", "acomp") and ann.tokens[ann.tokens[word].head].pos in ("VERB", "AUX"):
        return subject_of(ann, ann.tokens[word].head)
    return None


def clause_verb(ann: Annotations, k: int) -> int:
    """The verb whose object, complement or adverbial word ``k`` is (``k`` itself if it is a verb or hangs in a
    subject: "the idea of compiling …" is no one's doing)."""
    for _ in range(4):
        tok = ann.tokens[k]
        if tok.pos in ("VERB", "AUX") or tok.head == k or tok.dep not in _CLIMB:
            return k
        k = tok.head
    return k


def pobj_of(ann: Annotations, prep: int) -> int | None:
    """The object of a preposition."""
    return next((g for g in ann.children[prep] if ann.tokens[g].dep == "pobj"), None)
