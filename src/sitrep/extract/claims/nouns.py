"""Nominal cues of views, stances and intentions: "the governor's support for the truce", "his claim that …",
"the ministry's decision to reopen the road", "criticism of the raid from the unions", "in the minister's view,
…"; and adjectives of them: "is convinced that …", "were unhappy with the result".

A pass of the claims stage after the verbs. The nouns and their prepositions are the language's
(``stance_nouns``, ``belief_nouns``, ``intention_nouns``, ``verbal_force_nouns``, ``opinion_nouns`` in
``lang/<code>/claims.yaml``); nouns of speech ("reports of", "calls for") are ``phrases.py``'s.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from sitrep.extract.claims.document import ClaimDoc
from sitrep.extract.claims.parse import child, clause_verb, pobj_of, subject_of, subtree_set
from sitrep.extract.claims.stances import StanceCue, when
from sitrep.model import Annotations, ClaimKind

_KINDS = {"stance": ClaimKind.STANCE, "belief": ClaimKind.BELIEF, "intention": ClaimKind.INTENTION,
          "force": ClaimKind.STANCE}
_CLAUSES = ("acl", "ccomp", "relcl")
_OBJECTS = ("pobj", "pcomp")
_HOLDER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def noun_cue(doc: ClaimDoc, k: int) -> StanceCue | None:
    """The view, stance or intention the noun at ``k`` attributes, if it is one of the language's."""
    ann, w = doc.ann, doc.w
    tok = ann.tokens[k]
    if tok.pos != "NOUN":
        return None
    lemma = tok.lemma.lower()
    if lemma in w.opinion_nouns or lemma in w.poll_nouns:
        found = _in_view(doc, k)
        if found is not None:
            return found
    if lemma in w.stance_agent_nouns:
        return _agent(doc, k)
    if lemma not in w.noun_kinds:
        return None
    kind, preps = w.noun_kinds[lemma]
    markers = w.complementizers | w.infinitive_markers
    # "his claim that …", "the decision to reopen the road"
    prep, content = _complement(ann, k, preps, lambda c: ann.tokens[c].dep in _CLAUSES and _opens_clause(
        ann, c, markers), skip=lambda c: when(ann, c))
    if not content:
        return None
    if prep is not None and kind == "force" and ann.tokens[pobj_of(ann, prep)].ent_type != "PERSON":
        return None  # "the attack on the base" is force, "his attacks on the senator" words
    cue = [k] if prep is None else [k, prep]
    cue += [c for c in ann.children[k] if c < k and ann.tokens[c].dep in ("amod", "det")
            and ann.tokens[c].pos == "ADJ"]
    holder = _holder(doc, k)
    if holder is None and prep is None and _that_clause(doc, k):
        # A view or stance whose "that" clause says what is held is a claim even with no holder beside the noun:
        # "clung to the hope that …" is the subject's hope; "despite complaints that …" is no one named's (PolNeAR
        # marks it with no source; a complaint is often not the subject's: "rejected complaints that …").
        held = subject_of(ann, clause_verb(ann, k)) if kind in ("belief", "intention") else None
        return StanceCue(cue=tuple(sorted(cue)), content=frozenset(content), speaker=held, kind=_KINDS[kind])
    if holder is None:
        return None  # "concerns over competitiveness": whose, the text does not say here; no claim
    return StanceCue(cue=tuple(sorted(cue)), content=frozenset(content), speaker=holder, kind=_KINDS[kind])


def _agent(doc: ClaimDoc, k: int) -> StanceCue | None:
    """ "Mr. Ryan is a vocal advocate of trade deals": a noun of one who takes a stance, as the attribute of a
    copula, gives its subject the stance; the copula, the noun and its preposition are the cue."""
    ann, w = doc.ann, doc.w
    tok = ann.tokens[k]
    copula = tok.head
    if tok.dep != "attr" or copula == k or ann.tokens[copula].lemma.lower() not in w.copulas:
        return None
    prep, content = _complement(ann, k, w.stance_agent_nouns[tok.lemma.lower()], lambda c: False)
    holder = subject_of(ann, copula)
    if prep is None or not content or holder is None or doc.quote_of[holder] != -1:
        return None
    cue = [copula, k, prep, *(c for c in ann.children[k] if c < k and ann.tokens[c].dep in ("amod", "det"))]
    return StanceCue(cue=tuple(sorted(cue)), content=frozenset(content), speaker=holder, kind=ClaimKind.STANCE)


def adjective_cue(doc: ClaimDoc, k: int) -> StanceCue | None:
    """ "The governor is convinced that the dam will hold", "voters were unhappy with the result", "the rebels are
    eager to talk": an adjective of view or intention completing a verb; its subject holds the view."""
    ann, w = doc.ann, doc.w
    tok = ann.tokens[k]
    # "is convinced that …" is often parsed as a passive: the participle heads its own clause.
    passive = tok.tag == "VBN" and child(ann, k, ("auxpass",)) is not None
    if not passive and (tok.dep not in ("acomp", "oprd") or (tok.pos != "ADJ" and tok.tag != "VBN") or tok.head == k):
        return None
    entry = w.noun_kinds.get(tok.text.lower()) or w.noun_kinds.get(tok.lemma.lower())
    if entry is None or entry[0] not in ("belief", "intention"):
        return None
    kind, preps = entry
    prep, content = _complement(ann, k, preps, lambda c: ann.tokens[c].dep in ("ccomp", "xcomp"))
    cue = [k] if prep is None else [k, prep]
    holder = child(ann, k, ("nsubjpass",)) if passive else subject_of(ann, tok.head)
    if not content or holder is None or doc.quote_of[holder] != -1:
        return None
    return StanceCue(cue=tuple(cue), content=frozenset(content), speaker=holder, kind=_KINDS[kind])


def _complement(ann: Annotations, k: int, preps: Collection[str], is_clause: Callable[[int], bool], *,
                skip: Callable[[int], bool] = lambda c: False) -> tuple[int | None, set[int]]:
    """What cue ``k`` is about: the first phrase after it that is one of its prepositions with an object (not one
    ``skip`` refuses), returned with the object's words, or a clause ``is_clause`` accepts; else (None, empty)."""
    for c in ann.children[k]:
        if c < k:
            continue
        if ann.tokens[c].dep == "prep" and ann.tokens[c].text.lower() in preps and child(ann, c, _OBJECTS) is not None \
                and not skip(c):  # "support for the truce", "hopes of winning the state"
            return c, subtree_set(ann, c) - {c}
        if is_clause(c):
            return None, subtree_set(ann, c)
    return None, set()


def _that_clause(doc: ClaimDoc, k: int) -> bool:
    """Whether noun ``k`` has a clause opened by a complementizer after it ("the fear that …", not "a plan that
    …", whose "that" stands for the plan)."""
    ann = doc.ann
    clause = next((c for c in ann.children[k] if c > k and ann.tokens[c].dep in ("acl", "ccomp")), None)
    return clause is not None and _opens_clause(ann, clause, doc.w.complementizers)


def _opens_clause(ann: Annotations, c: int, markers: frozenset[str]) -> bool:
    return any(ann.tokens[m].dep in ("mark", "aux") and ann.tokens[m].text.lower() in markers and m < c
               for m in ann.children[c])


def _holder(doc: ClaimDoc, k: int) -> int | None:
    """ "the governor's support", "a Kremlin proposal", "support from the unions", "acted in hopes of …"."""
    ann, w = doc.ann, doc.w
    poss = child(ann, k, ("poss",))
    if poss is not None:
        return poss
    prep = ann.tokens[k].head
    if ann.tokens[k].dep == "pobj" and ann.tokens[prep].text.lower() in w.opinion_prepositions and \
            ann.tokens[prep].head != prep and ann.tokens[ann.tokens[prep].head].pos == "VERB":
        # "campaigned in hopes of winning the state", "left in protest": whoever does the deed holds the view.
        return subject_of(ann, ann.tokens[prep].head)
    for c in ann.children[k]:
        t = ann.tokens[c]
        if c < k and t.dep == "compound" and t.ent_type in _HOLDER_ENTS:
            return c
        if c > k and t.dep == "prep" and t.text.lower() in w.holder_prepositions:
            obj = pobj_of(ann, c)
            if obj is not None and doc.quote_of[obj] == -1:
                return obj
    return None


def _in_view(doc: ClaimDoc, k: int) -> StanceCue | None:
    """ "In the minister's view, the truce will hold": the clause the phrase opens is the holder's view; "in the
    latest poll, the governor leads by six points": the poll is the source."""
    ann, w = doc.ann, doc.w
    tok = ann.tokens[k]
    prep = tok.head
    if tok.dep != "pobj" or ann.tokens[prep].text.lower() not in w.opinion_prepositions or prep == k:
        return None
    poll = tok.lemma.lower() in w.poll_nouns
    if poll and tok.tag == "NNS" and not any(ann.tokens[j].ent_type == "ORG" for j in subtree_set(ann, k)):
        return None  # "rose in the polls", "leads in national polls": polls in general, no one's count
    holder = k if poll else child(ann, k, ("poss",))
    clause = ann.tokens[prep].head
    if holder is None or clause == prep or ann.tokens[clause].pos not in ("VERB", "AUX"):
        return None
    if poll and (doc.is_cue(clause, quoting=True) or ann.tokens[clause].lemma.lower() in w.belief_verbs):
        return None  # "in the poll, voters said …": the voters speak, the poll is where
    content = subtree_set(ann, clause) - subtree_set(ann, prep)
    cue = (prep,) if poll else (prep, k)
    return StanceCue(cue=cue, content=frozenset(content), speaker=holder, kind=ClaimKind.BELIEF)
