"""Repairs of parses the models get wrong in a way the stages cannot read around, on sitrep's dependency scheme.

One so far, the reduced relative read as a clause: in "police said four soldiers belonging to the brigade were
killed", the small English model makes "soldiers" the subject of "belonging" and leaves "were killed" with no
subject at all, so the count of the dead is lost. When a finite verb has no subject and, right before it, a
participle with no auxiliary of its own hangs on the same word and has a subject, that subject is the verb's and
the participle describes it (the verb a reported clause: a conjunct shares its subject with the verb it joins): "soldiers" becomes the subject of "killed" and "belonging" a clause on "soldiers".

Works on plain lists, so it is tested on trees written by hand as well as on parses; language-free (the labels
are sitrep's, the tags Penn's).
"""

from __future__ import annotations

from collections.abc import Sequence

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_CLAUSES = frozenset({"ccomp", "conj"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
_PARTICIPLES = frozenset({"VBG", "VBN"})
_AUXILIARIES = frozenset({"aux", "auxpass"})


def reduced_relatives(pos: Sequence[str], tags: Sequence[str], heads: Sequence[int], deps: Sequence[str]
                      ) -> tuple[list[int], list[str]]:
    """The heads and labels with each reduced relative the parser read as a clause of its own put back on its noun
    (see the module's docstring). Indices are positions in the lists (one sentence or a whole doc)."""
    heads, deps = list(heads), list(deps)
    children: list[list[int]] = [[] for _ in heads]
    for i, h in enumerate(heads):
        if h != i:
            children[h].append(i)
    for verb in range(len(heads)):
        kids = children[verb]
        # a reported clause; a conjunct shares the subject of the verb it is joined to ("heard the victim calling
        # for help, assisted the victim and called")
        if pos[verb] not in ("VERB", "AUX") or deps[verb] != "ccomp" or any(deps[k] in _SUBJECTS for k in kids):
            continue
        passive = any(deps[k] == "auxpass" for k in kids)
        if not (passive or tags[verb] in _FINITE_TAGS or any(deps[k] == "aux" for k in kids)):
            continue
        found = _participle_before(verb, pos, tags, heads, deps, children)
        if found is None:
            continue
        participle, subject = found
        children[participle].remove(subject)
        children[heads[participle]].remove(participle)
        heads[subject], deps[subject] = verb, "nsubjpass" if passive else "nsubj"
        heads[participle], deps[participle] = subject, "acl"
        children[verb].append(subject)
        children[subject].append(participle)
    return heads, deps


def _participle_before(verb: int, pos: Sequence[str], tags: Sequence[str], heads: Sequence[int],
                       deps: Sequence[str], children: list[list[int]]) -> tuple[int, int] | None:
    """The participle told right before ``verb`` on the same word, with a subject before it and no auxiliary, whose
    words fill the gap up to the verb's own (its auxiliaries): (participle, subject), or None."""
    first = min([verb, *children[verb]])
    siblings = [g for g in children[heads[verb]] if g < first]
    if not siblings:
        return None
    g = max(siblings)  # the nearest word before the verb's own that hangs on the same word
    if deps[g] not in _CLAUSES or tags[g] not in _PARTICIPLES or pos[g] != "VERB" or any(
            deps[k] in _AUXILIARIES for k in children[g]):
        return None
    subjects = [k for k in children[g] if deps[k] == "nsubj" and k < g]
    if len(subjects) != 1 or not all(_under(t, g, heads) for t in range(subjects[0], first)):
        return None
    return g, subjects[0]


def _under(i: int, top: int, heads: Sequence[int]) -> bool:
    """Whether token ``i`` lies in the subtree of ``top``."""
    for _ in range(len(heads)):
        if i == top:
            return True
        if heads[i] == i:
            return False
        i = heads[i]
    return False
