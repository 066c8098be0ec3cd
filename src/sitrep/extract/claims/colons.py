"""Claims introduced by a colon: a quote after any verb phrase ("made her position plain: “…”"), and a
headline or interview line of the form "Speaker: words" ("Governor: the dam will hold", "Q: …").

A pass of the claims stage. Which nouns may speak at the head of a line is the language's (``source_nouns``,
``org_nouns``, ``document_nouns``, ``interview_turns`` in ``lang/<code>/claims.yaml``); the rest reads the
parse and punctuation.
"""

from __future__ import annotations

from sitrep.extract.claims.document import ClaimDoc, Found
from sitrep.extract.claims.parse import filler, subject_of
from sitrep.extract.claims.speakers import noun_keys

_COLONS = (":",)
_MAX_HEAD = 7  # words before the colon of a "Speaker: words" line
_MIN_WORDS = 3  # words after it
_MAX_LINE = 80  # words after it that are still one line's (an interview answer); past that, one sentence
# Entity types that open a dateline or a time, never a speaker ("BAGHDAD: …", "Tuesday: …").
_NOT_SPEAKERS = frozenset({"GPE", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"})


def colon_cue(doc: ClaimDoc, q_i: int) -> int | None:
    """The verb of the clause a colon closes right before quote ``q_i``: 'made her position plain: “…”'."""
    ann, text = doc.ann, doc.ann.text
    q = doc.quotes[q_i]
    lead = text[: q.open].rstrip()
    if not lead.endswith(_COLONS):
        return None
    colon = doc.token_at(len(lead) - 1)
    if colon >= len(ann.tokens) or ann.tokens[colon].text not in _COLONS:
        return None
    clause = range(doc.sentence_range(colon).start, colon)
    for j in clause:
        tok = ann.tokens[j]
        if filler(ann, j) or doc.quote_of[j] != -1:
            continue
        local_root = tok.head == j or tok.head not in clause
        if local_root and tok.pos in ("VERB", "AUX") and subject_of(ann, j) is not None:
            return j
    return None


def headline_claims(doc: ClaimDoc) -> list[Found]:
    """ "Governor: the dam will hold", "Q: Where were you that night?": a short noun phrase opening a paragraph,
    a colon, and the words it is credited with, up to the paragraph's end."""
    ann, w = doc.ann, doc.w
    out: list[Found] = []
    for para in ann.paragraphs:
        first = doc.token_at(para.start)
        colon = next((j for j in range(first, min(first + _MAX_HEAD + 1, len(ann.tokens)))
                      if ann.tokens[j].start < para.end and ann.tokens[j].text in _COLONS), None)
        if colon is None or colon == first:
            continue
        head = _speaker_head(doc, range(first, colon))
        if head is None:
            continue
        start = ann.tokens[colon].end
        while start < para.end and ann.text[start].isspace():
            start += 1
        end = para.end
        if len(ann.text[start:end].split()) > _MAX_LINE:
            end = ann.sentences[doc.sent_of[colon]].end  # a headline run into its article: its own sentence
        while end > start and ann.text[end - 1].isspace():
            end -= 1
        if len(ann.text[start:end].split()) < _MIN_WORDS:
            continue
        direct = ann.text[start : start + 1] in w.marks
        out.append(Found(parts=((start, end),), cue=(colon,), speaker=head, direct=direct, anchor=start,
                         speaker_words=tuple(range(first, colon))))
    return out


def _speaker_head(doc: ClaimDoc, span: range) -> int | None:
    """The head of the noun phrase before a line's colon, when it can speak: a name, a source, an organisation,
    a document ("Poll: …") or an interview turn ("Q", "A")."""
    ann, w = doc.ann, doc.w
    words = [j for j in span if not filler(ann, j)]
    if not words or any(ann.tokens[j].pos in ("VERB", "AUX") for j in words):
        return None
    if len(words) == 1 and ann.tokens[words[0]].text in w.interview_turns:
        return words[0]
    if any(ann.tokens[j].ent_type in _NOT_SPEAKERS for j in words):
        return None
    inside = set(words)
    heads = [j for j in words if ann.tokens[j].head not in inside or ann.tokens[j].head == j]
    if len(heads) != 1:
        return None
    head = heads[0]
    tok = ann.tokens[head]
    if tok.text.isupper() and len(tok.text) > 3:
        return None  # "UPDATE:", "WASHINGTON:": a label or a dateline
    keys = noun_keys(ann, head, w)
    speaks = keys & (w.source_nouns | w.org_nouns | w.document_nouns | w.role_nouns)
    # A name the tagger knows as one, or a noun that speaks; a capitalised headline word is neither ("Car Bomb").
    if speaks or any(ann.tokens[j].ent_type in ("PERSON", "ORG", "NORP") for j in words):
        return head
    # "Reid: 'Never underestimate him'": a surname the tagger missed in a headline, a person the text names.
    if tok.text[:1].isupper() and len(words) <= 2 and _surname_of_someone(doc, tok.text):
        return head
    return None


def _surname_of_someone(doc: ClaimDoc, word: str) -> bool:
    """Whether a person the tagger found in the document has ``word`` as the last word of their name."""
    ann = doc.ann
    return any(e.label == "PERSON" and e.token_end - e.token_start > 1 and ann.tokens[e.token_end - 1].text == word
               for e in ann.entities)
