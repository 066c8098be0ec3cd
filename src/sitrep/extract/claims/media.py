"""Through which medium and on which occasion words were said: "told the Fars news agency", "in an interview
with CNN", "on state TV"; "in a statement", "at a press conference"; and whether a quote after a cue names the
programme the words went out on ('said on ABC’s “This Week”'), not words said.

The nouns and prepositions are the language's (``media_nouns``, ``statement_nouns``, ``medium_prepositions``,
``interview_words``, ``occasion_prepositions`` in ``lang/<code>/claims.yaml``).
"""

from __future__ import annotations

from collections.abc import Collection

from sitrep.extract.claims.document import ClaimDoc, according_object, is_according
from sitrep.extract.claims.parse import filler, phrase_tokens, pobj_of
from sitrep.extract.claims.quotes import Quote
from sitrep.extract.claims.speakers import author_of_document, strip_determiner, text_of
from sitrep.extract.claims.words import ClaimWords
from sitrep.model import Annotations


def _is_medium(ann: Annotations, head: int, w: ClaimWords) -> bool:
    tok = ann.tokens[head]
    if tok.lemma.lower() in w.media_nouns:
        return True
    return tok.pos == "PROPN" and tok.ent_type != "PERSON"


def _medium_name(ann: Annotations, head: int, w: ClaimWords) -> str:
    idx = strip_determiner(ann, phrase_tokens(ann, head), w)
    # "told Kirkuk Now": the parse leaves "Now" out of the phrase, the entity keeps the outlet's whole name.
    ent = next((e for e in ann.entities if e.token_start <= head < e.token_end), None)
    if ent is not None and ent.label != "PERSON":
        idx = sorted(set(idx) | set(range(ent.token_start, ent.token_end)))
    return text_of(ann, idx)


def medium_of(ann: Annotations, cue: int, sentence: range, w: ClaimWords, *, skip: Collection[int] = ()) -> str | None:
    """The outlet the words went through: "told the Fars news agency", "in an interview with CNS", "on state TV"."""
    tok = ann.tokens[cue]
    if is_according(ann, cue, w):
        obj = according_object(ann, cue, w)
        if obj is not None and ann.tokens[obj].lemma.lower() in w.statement_nouns:
            obj = author_of_document(ann, obj, w)  # "according to a Reuters report"
        if obj is not None and _is_medium(ann, obj, w) and ann.tokens[obj].ent_type not in ("GPE", "NORP"):
            return _medium_name(ann, obj, w)
    if tok.lemma.lower() in w.medium_object_verbs:
        for c in ann.children[cue]:
            if ann.tokens[c].dep in ("dobj", "dative", "iobj") and _is_medium(ann, c, w):
                return _medium_name(ann, c, w)
    for c in ann.children[cue]:
        if ann.tokens[c].dep == "prep" and ann.tokens[c].text.lower() in w.medium_prepositions:
            obj = pobj_of(ann, c)
            # "on state TV", "on ABC’s “This Week”": a medium noun, or an organisation's name.
            if obj is not None and (ann.tokens[obj].lemma.lower() in w.media_nouns or
                                    ann.tokens[obj].pos == "PROPN" and ann.tokens[obj].ent_type == "ORG"):
                return _medium_name(ann, obj, w)
    for i in sentence:
        if i in skip:
            continue
        if ann.tokens[i].lemma.lower() not in w.interview_words:
            continue
        for c in ann.children[i]:
            t = ann.tokens[c]
            if t.dep in ("prep", "agent") and t.text.lower() in w.interview_prepositions:
                obj = pobj_of(ann, c)
                if obj is not None and obj not in skip and _is_medium(ann, obj, w):
                    return _medium_name(ann, obj, w)
    return None


def occasion_of(ann: Annotations, sentence: range, w: ClaimWords, *, skip: Collection[int] = (),
                cue: int | None = None) -> list[int]:
    """Tokens of a phrase like "in a statement" / "at a press conference" in the sentence, or []; with ``cue``,
    only one that hangs off the cue ("The group, which claimed it in a statement, said …" has two cues)."""
    for i in sentence:
        t = ann.tokens[i]
        if i in skip or t.dep != "prep" or t.text.lower() not in w.occasion_prepositions:
            continue
        if cue is not None and t.head != cue and _clause_of(ann, t.head) != _clause_of(ann, cue):
            continue
        obj = pobj_of(ann, i)
        if obj is not None and obj not in skip and ann.tokens[obj].lemma.lower() in w.statement_nouns:
            if ann.tokens[obj].lemma.lower() in w.not_occasions:
                continue  # "in a report" is a citation of a document, not an occasion of speech
            return list(range(i, obj + 1))
    return []


def _clause_of(ann: Annotations, i: int) -> int:
    """The verb heading the clause token ``i`` is in (itself for a verb)."""
    seen = set()
    while ann.tokens[i].pos not in ("VERB", "AUX") and ann.tokens[i].head != i and i not in seen:
        seen.add(i)
        i = ann.tokens[i].head
    return i


def names_the_medium(doc: ClaimDoc, cue: int, q: Quote) -> bool:
    """Whether quote ``q`` names the programme or outlet of a medium phrase that hangs off the cue ('said on Fox
    News’ “Sunday Morning Futures”'), rather than giving words said."""
    ann = doc.ann
    inside = range(doc.token_at(q.open), doc.token_at(q.outer_end))
    heads = {ann.tokens[j].head for j in inside if ann.tokens[j].head not in inside}
    before = inside.start - 1
    while before > cue and filler(ann, before):
        before -= 1
    if before > cue and (ann.tokens[before].tag == "POS" or ann.tokens[before].dep == "prep"):
        heads.add(before)  # "on ABC’s “This Week”", "on “The Late Show”", however the parse hangs the title
    for head in heads:
        seen = 0
        while head != cue and ann.tokens[head].head != head and seen < 6:
            if ann.tokens[head].dep == "prep":
                break
            head, seen = ann.tokens[head].head, seen + 1
        tok = ann.tokens[head]
        if tok.dep == "prep" and tok.head == cue and tok.text.lower() in doc.w.medium_prepositions and head < q.open:
            return True
    return False
