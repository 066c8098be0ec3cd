"""Attributions cued by something other than a verb of saying: requests, reasons, refusals, questions put to
someone, nouns of report and adverbs of report ("has reportedly left", no one named).

A pass of the claims stage. News attributes much more than speech: "called for a ceasefire",
"called on Kiev to withdraw", "urged restraint", "citing security sources", "declined to comment",
"Asked about the strike, …", "reports of clashes near Kirkuk", "calls for a truce". Attribution corpora
(PolNeAR) mark these like "said"; the words are the speaker's position, not the outlet's.
The cue words come from ``lang/<code>/claims.yaml`` (``directive_verbs``, ``appeal_verbs``,
``characterize_verbs``, ``speech_nouns``, ``report_adverbs`` and the prepositions that go with them).
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.extract.claims.parse import child, phrase_tokens, subject_of, subtree_set
from sitrep.extract.claims.words import ClaimWords
from sitrep.model import Annotations

_OBJECTS = ("pobj", "pcomp")
# Dependents after a verb that are not part of what it asks or cites ("…, saying …", "and vowed …").
_ASIDES = frozenset({"advcl", "conj", "cc", "punct", "parataxis", "mark", "npadvmod"})


@dataclass(frozen=True, slots=True)
class PhraseCue:
    """A cue found by its phrase: cue tokens (the cue word first), content tokens and the speaker's head."""

    cue: list[int]
    content: set[int]
    speaker: int | None


def phrase_cue(ann: Annotations, k: int, w: ClaimWords) -> PhraseCue | None:
    """The attribution cued at token ``k`` by a request, reason, refusal, question or report noun, if any."""
    tok = ann.tokens[k]
    lemma = tok.lemma.lower()
    if tok.pos == "VERB":
        if lemma in w.appeal_verbs:
            found = _appeal(ann, k, w)
            if found is not None:
                return found
        if lemma in w.characterize_verbs:
            return _characterize(ann, k, w)
        if lemma in w.directive_verbs:
            return _directive(ann, k, w)
        if lemma in w.question_verbs and tok.tag == "VBN":
            return _asked(ann, k, w)
    elif tok.pos == "NOUN" and (lemma in w.speech_nouns or lemma in w.statement_nouns):
        return _report_noun(ann, k, w)
    elif tok.pos == "ADV" and tok.text.lower() in w.report_adverbs:
        return _reportedly(ann, k, w)
    return None


def _reportedly(ann: Annotations, k: int, w: ClaimWords) -> PhraseCue | None:
    """ "The envoy has reportedly left Kabul": the clause the adverb modifies, subject and all, is reported by no
    one named; not when that clause is itself someone's saying ("reportedly told aides …" is told, by its subject)."""
    head = ann.tokens[k].head
    if ann.tokens[k].dep != "advmod" or head == k or ann.tokens[head].pos not in ("VERB", "AUX") or \
            ann.tokens[head].lemma.lower() in w.speech_verbs | w.quote_verbs:
        return None
    content = subtree_set(ann, head) - {k}
    for c in ann.children[head]:
        t, edge = ann.tokens[c], min(subtree_set(ann, c))
        # "…, but they had returned": a clause of its own; "In total, …", "…, leaving X fearful": the writer's
        own_clause = t.dep == "conj" and any(ann.tokens[g].dep in ("nsubj", "nsubjpass") for g in ann.children[c])
        set_off = t.dep in ("advcl", "prep", "npadvmod", "advmod") and (
            c < head and ann.tokens[max(subtree_set(ann, c)) + 1].text == "," or
            c > head and edge > 0 and ann.tokens[edge - 1].text == ",")
        if own_clause or set_off:
            content -= subtree_set(ann, c) | {j for j in ann.children[head] if ann.tokens[j].dep == "cc" and j < c}
    return PhraseCue(cue=[k], content=content, speaker=None)


def _directive(ann: Annotations, k: int, w: ClaimWords) -> PhraseCue | None:
    """ "urged restraint", "urged Kiev to withdraw", "citing the release of prisoners", "declined to comment".

    With an infinitive the addressee is part of what is urged ("urged" | "Kiev to withdraw"), as PolNeAR marks it.
    """
    if child(ann, k, ("dobj",)) is None and child(ann, k, ("xcomp",)) is None and child(ann, k, ("ccomp",)) is None:
        return None
    cue = [k]
    # What follows the verb in its own phrase: "citing witnesses at the scene" (the parse hangs "at" on the verb).
    content = {j for c in ann.children[k] if c > k and ann.tokens[c].dep not in _ASIDES for j in subtree_set(ann, c)}
    if not content:
        return None
    return PhraseCue(cue=cue, content=content, speaker=_participle_speaker(ann, k, w))


def _participle_speaker(ann: Annotations, k: int, w: ClaimWords) -> int | None:
    """ "Analysts said other factors contributed, citing …": the participle goes with the speech verb, not the
    verb of the reported clause it hangs off."""
    tok = ann.tokens[k]
    head = tok.head
    if tok.tag == "VBG" and tok.dep == "advcl" and ann.tokens[head].dep == "ccomp":
        outer = ann.tokens[head].head
        if ann.tokens[outer].lemma.lower() in w.speech_verbs:
            return subject_of(ann, outer)
    return subject_of(ann, k)


def _characterize(ann: Annotations, k: int, w: ClaimWords) -> PhraseCue | None:
    """ "called the attack cowardly", "described it as a massacre", "saw the comment as a dig", "described as …"."""
    obj = child(ann, k, ("dobj",))
    second = child(ann, k, ("oprd", "acomp"))
    as_prep = _prep(ann, k, w.characterization_prepositions)
    lemma = ann.tokens[k].lemma.lower()
    to_prep = _prep(ann, k, w.comparison_prepositions)
    cue = [k]
    content: set[int] = set()
    if lemma in w.comparison_verbs and to_prep is not None and obj is not None:
        # "compared the siege to Srebrenica": what is compared is part of the cue, the comparison the content.
        return PhraseCue(cue=[k, *phrase_tokens(ann, obj), to_prep],
                         content=subtree_set(ann, to_prep) - {to_prep}, speaker=subject_of(ann, k))
    if as_prep is not None:
        content |= subtree_set(ann, as_prep)
    elif second is not None and obj is not None:
        content |= subtree_set(ann, second)
    elif obj is not None and (named := _second_object(ann, k, obj)) is not None:
        content |= subtree_set(ann, named)
    elif lemma in w.description_verbs and obj is not None:
        # "described the scene in detail": what follows the verb is the description.
        content |= {j for c in ann.children[k] if c > k and ann.tokens[c].dep in ("prep", "advmod")
                    for j in subtree_set(ann, c)}
    else:
        return None
    if obj is not None:
        content |= subtree_set(ann, obj)
    return PhraseCue(cue=cue, content=content, speaker=subject_of(ann, k))


def _second_object(ann: Annotations, k: int, obj: int) -> int | None:
    """What the object is called when the parse makes it a clause after the object: "called the situation “a farce
    run amok”"."""
    return next((c for c in ann.children[k] if ann.tokens[c].dep == "ccomp" and c > obj), None)


def _appeal(ann: Annotations, k: int, w: ClaimWords) -> PhraseCue | None:
    """ "called for a ceasefire", "appealed for calm", "called on Howard Dean to apologize"."""
    cue = [k]
    content: set[int] = set()
    xcomp = child(ann, k, ("xcomp",))
    for c in ann.children[k]:
        t = ann.tokens[c]
        mark = child(ann, c, ("mark",))
        if t.dep == "advcl" and c > k and mark is not None and ann.tokens[mark].text.lower() in w.appeal_prepositions:
            # "called for the president to resign": the parse makes "for" the mark of a clause.
            cue.append(mark)
            content |= subtree_set(ann, c) - {mark}
            continue
        if t.dep != "prep":
            continue
        obj = child(ann, c, _OBJECTS)
        if obj is None:
            continue
        if t.text.lower() in w.appeal_prepositions:
            cue.append(c)
            content |= subtree_set(ann, obj)
        elif t.text.lower() in w.addressee_prepositions and xcomp is not None and c < xcomp:
            cue.append(c)  # "called on X to …": who is asked and what, as PolNeAR marks it
            content |= subtree_set(ann, obj) | subtree_set(ann, xcomp)
    if not content:
        return None
    return PhraseCue(cue=cue, content=content, speaker=subject_of(ann, k))


def _asked(ann: Annotations, k: int, w: ClaimWords) -> PhraseCue | None:
    """ "Asked about the strike, the mayor said …", "Asked whether …", "Asked to describe the device, …": a question
    put, no asker named."""
    if any(ann.tokens[c].dep in ("nsubj", "nsubjpass", "advmod", "mark") for c in ann.children[k]):
        return None  # "He was asked about …" is an ordinary clause; "said when asked about …" the occasion
    for c in ann.children[k]:
        t = ann.tokens[c]
        if t.dep == "prep" and t.text.lower() in w.question_prepositions:
            obj = child(ann, c, _OBJECTS)
            if obj is not None:
                return PhraseCue(cue=[k, c], content=subtree_set(ann, obj), speaker=None)
    # "Asked to describe the device, …", "Asked whether the road was open, …": the question itself.
    clause = child(ann, k, ("xcomp", "ccomp"))
    if clause is not None and clause > k:
        return PhraseCue(cue=[k], content=subtree_set(ann, clause), speaker=None)
    return None


def _report_noun(ann: Annotations, k: int, w: ClaimWords) -> PhraseCue | None:
    """ "initial reports of the explosion", "sharp criticism for failing to …", "claims that …", "the UN's report of";
    a noun of the occasion cues only by its clause ("the ministry's statement that …"): "a statement on the raid" is
    where something was said, not what."""
    content: set[int] = set()
    cue = [k]
    occasion = ann.tokens[k].lemma.lower() not in w.speech_nouns
    for c in ann.children[k]:
        t = ann.tokens[c]
        if t.dep == "prep" and t.text.lower() in w.report_noun_prepositions and not occasion:
            obj = child(ann, c, _OBJECTS)
            if obj is not None:
                cue.append(c)
                content |= subtree_set(ann, obj)
                break
        if t.dep in ("acl", "ccomp") and any(ann.tokens[g].dep == "mark" and ann.tokens[g].text.lower()
                                             in w.complementizers for g in ann.children[c]):
            content |= subtree_set(ann, c)
            break
    if not content:
        return None
    cue += [c for c in ann.children[k] if c < k and ann.tokens[c].dep in ("amod", "det")]
    speaker = child(ann, k, ("poss",))
    return PhraseCue(cue=cue, content=content, speaker=speaker)


def _prep(ann: Annotations, k: int, words: frozenset[str]) -> int | None:
    """The first prepositional dependent of ``k`` that is one of ``words``."""
    return next((c for c in ann.children[k] if ann.tokens[c].dep == "prep" and ann.tokens[c].text.lower() in words),
                None)
