"""The cue after a direct quote: '"…," the Pentagon said', '"…," said Robin Maynard', '"…," Bozell answers', and who
stands between the closing mark and that cue.

A pass of the claims stage, called by ``direct.py`` for each quote. Language-free: the cue words are tested by
``ClaimDoc.is_cue``; here only punctuation and the parse decide.
"""

from __future__ import annotations

from sitrep.extract.claims.document import ClaimDoc
from sitrep.extract.claims.parse import filler, subject_of, subtree_set
from sitrep.extract.claims.quotes import Quote
from sitrep.extract.claims.speakers import noun_keys

STOPS = frozenset({".", "!", "?", ";", ":"})
_SOFT_END = ",?!-—–…"
# Tokens after a closing mark within which its cue is looked for: a speaker with an apposition ('…," the
# economist Jared Bernstein, a former adviser in the Obama White House, wrote') runs to 15 or more.
_CUE_WINDOW = 24
_CUE_MODIFIERS = frozenset({"aux", "auxpass", "neg", "advmod", "npadvmod", "dep"})  # dep: the "-t-" of "a-t-il"


def cue_after(doc: ClaimDoc, q_i: int, *, any_verb: bool = False) -> int | None:
    """The cue after quote ``q_i``: a verb of saying in the words after it; with ``any_verb``, for a quote nothing
    else claims, any finite verb right after it with a subject that can speak."""
    q = doc.quotes[q_i]
    if q.close is None:
        return None
    ann, text = doc.ann, doc.ann.text
    if _governed_from_before(doc, q):
        return None
    first = doc.token_at(q.close + 1)
    found = None
    for k in range(first, min(first + _CUE_WINDOW, len(ann.tokens))):
        tok = ann.tokens[k]
        if tok.start >= q.paragraph_end or doc.quote_of[k] != -1 or tok.text in STOPS:
            break
        if doc.is_cue(k, quoting=True) or _cue_taken_for_noun(doc, k):
            found = k
            break
    if found is None and any_verb:
        found = _verb_after(doc, q, first)
    if found is None or ann.tokens[found].tag == "VBG" and _ends_reported_clause(doc, q):
        return None
    # Only the speaker may stand between the quote and its cue ('," the Pentagon said'), not another clause; and
    # the auxiliary of a cue whose subject follows it ('», a déclaré le colonel', '», a-t-il ajouté').
    speaker = doc.speaker_of(found)
    if speaker is None and (named := _name_after(doc, found)) is not None:
        doc.speaker_hint[found] = named  # '," said Robin Maynard, half joking': the parse gave the name elsewhere
    allowed = subtree_set(ann, speaker) if speaker is not None else set()
    # '…," she has said', '…," he later wrote': the cue's own auxiliaries and adverbs may stand there too.
    allowed |= {c for c in ann.children[found] if ann.tokens[c].dep in _CUE_MODIFIERS}
    if any(j not in allowed and not filler(ann, j) for j in range(first, found)) and not _aside_before(
            doc, first, speaker, allowed):
        speaker = _gap_speaker(doc, first, found)
        if speaker is None:
            return None
        doc.speaker_hint[found] = speaker
    tail = text[q.open + 1 : q.close].rstrip()[-1:]
    soft = tail in _SOFT_END or ann.tokens[first].text == ","
    # '"We will win." He said the army ...' — a new sentence with its own reported content.
    if not soft and doc.outside_complement(found, q_i) > 0:
        return None
    return found


def _cue_taken_for_noun(doc: ClaimDoc, k: int) -> bool:
    """ '“…,” Bozell answers.': a verb of saying in the third person that closes the words after a quote, right
    after a name or a pronoun, is the cue even when the tagger read it as a plural noun ("answers", "notes")."""
    ann = doc.ann
    tok = ann.tokens[k]
    if tok.tag != "NNS" or not tok.text.islower() or tok.lemma.lower() not in doc.w.quoting_verbs or k == 0:
        return False
    closes = k + 1 >= doc.sentence_range(k).stop or ann.tokens[k + 1].text in (".", ",")
    return closes and ann.tokens[k - 1].pos in ("PROPN", "PRON")


def _verb_after(doc: ClaimDoc, q: Quote, first: int) -> int | None:
    """ '“…,” the governor assured the engineers', '“…,” remembered Amal Nasser': a quote that ends on a comma (or
    a question or exclamation mark) followed by a finite verb and its subject, in either order, is that verb's
    words, whatever the verb; the tables of speech verbs cannot hold every one news uses."""
    ann, text = doc.ann, doc.ann.text
    tail = text[q.open + 1 : q.close].rstrip()[-1:] if q.close is not None else ""
    if first >= len(ann.tokens) or not (tail in ",?!" or ann.tokens[first].text == ","):
        return None
    words = [j for j in range(first, min(first + 8, len(ann.tokens))) if not filler(ann, j)]
    for j in words:
        tok = ann.tokens[j]
        if doc.quote_of[j] != -1 or tok.text in STOPS:
            return None
        if tok.pos == "VERB" and tok.tag in ("VBD", "VBZ", "VBP"):
            subject = subject_of(ann, j)
            if subject is None or not _can_speak(doc, subject):
                return None
            before = [i for i in words if i < j]
            inverted = subject > j and not before
            fronted = bool(before) and all(i in subtree_set(ann, subject) for i in before)
            return j if inverted or fronted else None
    return None


def _can_speak(doc: ClaimDoc, i: int) -> bool:
    """A person, a group or a body, a pronoun for one, or a noun that names a source ("the river" cannot)."""
    ann, w = doc.ann, doc.w
    tok = ann.tokens[i]
    if tok.pos == "PRON":
        return tok.text.lower() not in w.expletives
    return tok.ent_type in ("PERSON", "ORG", "NORP", "GPE") or bool(
        noun_keys(ann, i, w) & (w.role_nouns | w.source_nouns | w.org_nouns | w.document_nouns | w.media_nouns))


def _name_after(doc: ClaimDoc, cue: int) -> int | None:
    """The last word of a name right after a cue with no subject ('," said Robin Maynard, half joking'; the tagger
    may take a surname for an adverb: '," said Skelly, explaining …'), or of a described person ('?” asked the
    boy, who …'): the parse hung it elsewhere."""
    ann, w = doc.ann, doc.w
    j = cue + 1
    if j < len(ann.tokens) and ann.tokens[j].text.lower() in w.definite_determiners:
        k = j + 1
        while k < len(ann.tokens) and ann.tokens[k].pos in ("ADJ", "NOUN") and doc.quote_of[k] == -1:
            k += 1
        ends = k >= len(ann.tokens) or ann.tokens[k].pos == "PUNCT"
        return k - 1 if k - 1 > j and ann.tokens[k - 1].pos == "NOUN" and ends else None
    while j < len(ann.tokens) and doc.quote_of[j] == -1 and (ann.tokens[j].pos == "PROPN" or (
            ann.tokens[j].text.istitle() and ann.tokens[j].ent_type not in ("DATE", "TIME"))):
        j += 1
    return j - 1 if j - 1 > cue else None


def _governed_from_before(doc: ClaimDoc, q: Quote) -> bool:
    """ 'Bemoaning the "phony system," Trump accused Holt …': the quote is the object of a word before it,
    so the cue after it is not its cue."""
    ann = doc.ann
    inside = range(doc.token_at(q.open), doc.token_at(q.outer_end))
    sentence = doc.sentence_range(inside.start) if inside else range(0)
    for j in inside:
        head = ann.tokens[j].head
        if head not in inside and sentence.start <= head < inside.start and not filler(ann, j):
            return ann.tokens[head].pos in ("VERB", "ADP", "NOUN")
    return False


def _ends_reported_clause(doc: ClaimDoc, q: Quote) -> bool:
    """ 'said the system was “corrupt,” noting …': the quote completes a copula whose clause a cue before it
    reports, so a participle after it goes on with a claim of its own ('He said it was “…,” the school added'
    is another matter: a cue with its own subject reports the whole sentence)."""
    ann = doc.ann
    inside = range(doc.token_at(q.open), doc.token_at(q.outer_end))
    if not inside:
        return False
    sentence = doc.sentence_range(inside.start)
    heads = {ann.tokens[j].head for j in inside if not filler(ann, j)} - set(inside)
    return any(sentence.start <= h < inside.start and ann.tokens[h].pos == "AUX" and
               _reported_before(doc, h, inside.start) for h in heads)


def _reported_before(doc: ClaimDoc, k: int, start: int) -> bool:
    """Whether the clause of token ``k`` is the complement of a cue before token ``start`` in its sentence."""
    ann = doc.ann
    sentence = doc.sentence_range(k)
    for _ in range(4):
        if ann.tokens[k].head == k or ann.tokens[k].dep not in ("ccomp", "conj", "ROOT", "xcomp"):
            return False
        k = ann.tokens[k].head
        if not sentence.start <= k < start:
            return False
        if doc.is_cue(k, quoting=False):
            return True
    return False


def _aside_before(doc: ClaimDoc, first: int, speaker: int | None, own: set[int]) -> bool:
    """ '“…,” a reference to the 2014 offensive, the general said': a phrase that glosses the quote stands between it
    and the cue's own subject, set off by a comma; it names no one who could speak, so the subject stays."""
    if speaker is None:
        return False
    ann = doc.ann
    start = min(own)
    aside = [j for j in range(first, start) if not filler(ann, j)]
    if not aside or ann.tokens[start - 1].text != "," or any(ann.tokens[j].pos in ("VERB", "AUX") for j in aside):
        return False
    inside = set(aside)
    heads = [j for j in aside if ann.tokens[j].head not in inside or ann.tokens[j].head == j]
    return bool(heads) and not any(_can_speak(doc, j) for j in heads)


def _gap_speaker(doc: ClaimDoc, first: int, cue: int) -> int | None:
    """The head of a bare noun phrase between a quote and its cue, when the parse hung it elsewhere.

    '"…our military," Flynn, a top Trump surrogate, said' is often parsed with "Flynn" as an
    apposition inside the quote; the words between the marks and the verb still name the speaker.
    """
    gap = [j for j in range(first, cue) if not filler(doc.ann, j)]
    if not gap or any(doc.ann.tokens[j].pos in ("VERB", "AUX") for j in gap):
        return None
    inside = set(gap)
    heads = [j for j in gap if doc.ann.tokens[j].head not in inside or doc.ann.tokens[j].head == j]
    head = heads[0] if heads else gap[0]
    return head if doc.ann.tokens[head].pos in ("PROPN", "NOUN", "PRON") else None
