"""The claims stage: who says what in a document, as direct quotes and reported speech.

Quotes are paired over the raw text (``_quotes.py``); cues and speakers come from the dependency parse and the
lexicon in ``data/cues.yaml``. This module ties quotes to their cues; reported speech is in ``_reported.py``,
cues that are not verbs of saying ("called for", "citing", "reports of", "Asked about") in ``_cue_phrases.py``
and speakers in ``_speakers.py``. ``find_scare_quotes`` gives the short cue-less quotes used for hedging.

Known gaps (PolNeAR dev, claims@3): evidential and enabling cues ("rules permit", "records indicate", "is
evidence of"), questions ("wondered whether" is left out on purpose: a question asserts nothing), and content
lost when the parse attaches a clause to the wrong verb.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sitrep.extract._quotes import Quote, find_quotes
from sitrep.extract._reported import ClaimDoc, Found, cue_tokens, filler, find_reported
from sitrep.extract._speakers import Lexicon, load_lexicon, medium_of, occasion_of, resolve_speaker, subtree_set
from sitrep.model import Annotations, Citation, Claim, Evidence, Snippet, Speaker, stable_id

log = logging.getLogger(__name__)

EXTRACTOR = "claims@3"

_SOFT_END = ",?!-—–…"
_STOPS = frozenset({".", "!", "?", ";", ":"})


def _cue_after(doc: ClaimDoc, q_i: int) -> int | None:
    q = doc.quotes[q_i]
    if q.close is None:
        return None
    ann, text = doc.ann, doc.ann.text
    if _governed_from_before(doc, q):
        return None
    first = doc.token_at(q.close + 1)
    found = None
    for k in range(first, min(first + 12, len(ann.tokens))):
        tok = ann.tokens[k]
        if tok.start >= q.paragraph_end or doc.quote_of[k] != -1 or tok.text in _STOPS:
            break
        if doc.is_cue(k, quoting=True):
            found = k
            break
    if found is None:
        return None
    # Only the speaker may stand between the quote and its cue ('," the Pentagon said'), not another clause.
    speaker = doc.speaker_of(found)
    allowed = subtree_set(ann, speaker) if speaker is not None else set()
    if any(j not in allowed and not filler(ann, j) for j in range(first, found)):
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


def _cue_before(doc: ClaimDoc, q_i: int) -> tuple[int, bool] | None:
    """The cue before a quote, and whether the quote is a whole direct quote (not a fragment of reported speech)."""
    q = doc.quotes[q_i]
    ann, text = doc.ann, doc.ann.text
    lead = q.open - 1
    while lead >= 0 and text[lead].isspace():
        lead -= 1
    if lead < 0 or text[lead] in "\n.!?":
        return None  # the quote opens its own sentence: a cue in the previous one is not its cue
    last = doc.token_at(lead + 1) - 1
    if last < 0:
        return None
    first = ann.sentences[doc.sent_of[last]].token_start
    for k in range(last, first - 1, -1):
        if doc.quote_of[k] != -1:
            break
        if doc.is_cue(k, quoting=True):
            whole = text[lead] in ":," or doc.outside_complement(k, q_i) == 0
            return k, whole
    return None


def _gap_is_attribution(doc: ClaimDoc, prev: Found, q: Quote) -> bool:
    """True when only the previous quote's cue clause and punctuation separate it from ``q``."""
    if not prev.direct or not prev.quote_ids:
        return False
    last = doc.quotes[prev.quote_ids[-1]]
    if last.paragraph_end != q.paragraph_end or last.close is None:
        return False
    # A continuation follows punctuation ('," he said, "…'); a quote inside the cue clause does not
    # ('said on Fox News’s “Fox and Friends.”', 'adding that it would take "more hours"').
    if doc.ann.text[:q.open].rstrip()[-1:] not in ",.:;—–!?”\"’'":
        return False
    allowed: set[int] = set()
    for k in prev.cue:
        allowed |= subtree_set(doc.ann, k)
    for k in range(doc.token_at(last.outer_end), doc.token_at(q.open)):
        tok = doc.ann.tokens[k]
        if tok.pos != "PUNCT" and k not in allowed:
            return False
    return True


def _scan(ann: Annotations, lex: Lexicon) -> tuple[ClaimDoc, list[Found], list[Evidence]]:
    doc = ClaimDoc(ann, lex)
    found: list[Found] = []
    scare: list[Evidence] = []
    used: set[int] = set()
    fragments: list[tuple[int, int]] = []
    orphans: list[int] = []
    for q_i, q in enumerate(doc.quotes):
        short = q.words(ann.text) <= 3
        after = _cue_after(doc, q_i)
        if after is None and found and _gap_is_attribution(doc, found[-1], q):
            found[-1].parts.append((q.start, q.end))
            found[-1].quote_ids.append(q_i)
            continue
        cue, whole = (after, True) if after is not None else (_cue_before(doc, q_i) or (None, False))
        if cue is not None and whole:
            found.append(Found(parts=[(q.start, q.end)], cue=cue_tokens(doc, cue), speaker=doc.speaker_of(cue),
                                direct=True, anchor=q.start, quote_ids=[q_i]))
            used.add(cue)
        elif short:
            scare.append(ann.evidence(q.start, q.end))
        elif cue is None:
            orphans.append(q_i)
        else:
            fragments.append((q_i, cue))  # quoted inside reported speech: the reported claim should carry it
    reported = find_reported(doc, used, found)
    for q_i, cue in fragments:
        q = doc.quotes[q_i]
        if not any(s < q.end and q.start < e for f in reported for s, e in f.parts):
            found.append(Found(parts=[(q.start, q.end)], cue=cue_tokens(doc, cue), speaker=doc.speaker_of(cue),
                                direct=True, anchor=q.start, quote_ids=[q_i]))
    found.extend(reported)
    _attach_orphans(doc, orphans, found)
    return doc, found, scare


def _attach_orphans(doc: ClaimDoc, orphans: list[int], found: list[Found]) -> None:
    """A quote with no cue of its own continues the claim before it in the same paragraph
    ('…," Obama said after meeting Putin. He did not suggest retaliation. "Our goal is …"');
    with no claim before it there, it is a quote of no named speaker."""
    starts = [p.start for p in doc.ann.paragraphs] or [0]
    for q_i in orphans:
        q = doc.quotes[q_i]
        para_start = max((s for s in starts if s <= q.open), default=0)
        before = [f for f in found if para_start <= f.anchor < q.open and f.parts and f.parts[-1][1] <= q.open]
        if before:
            prev = max(before, key=lambda f: f.parts[-1][1])
            prev.parts.append((q.start, q.end))
            prev.quote_ids.append(q_i)
        else:
            found.append(Found(parts=[(q.start, q.end)], cue=[], speaker=None, direct=True, anchor=q.start,
                                quote_ids=[q_i]))


def find_scare_quotes(ann: Annotations) -> list[Evidence]:
    """Short quoted phrases (1–3 words) with no speech cue of their own, e.g. 'liberated': a hedge, not a claim."""
    return _scan(ann, load_lexicon())[2]


def extract_claims(ann: Annotations, *, citations: Sequence[Citation] = ()) -> list[Claim]:
    """Direct quotes and reported speech with speaker, cue, content, medium and the citation beside them."""
    lex = load_lexicon()
    doc, found, _ = _scan(ann, lex)
    found.sort(key=lambda f: f.anchor)
    history: list[Speaker] = []
    claims: dict[str, Claim] = {}
    cited = [(ev.start, ev.end) for c in citations for ev in c.evidence]
    for f in found:
        if any(s <= f.parts[0][0] < e for s, e in cited):
            continue  # a cited headline ("Coalition admits friendly fire") is a title, not a claim
        speaker = resolve_speaker(ann, f.speaker, lex, history, quoted=lambda j: doc.quote_of[j] != -1)
        if speaker.name is not None:
            history.append(speaker)
        claim = _build(doc, f, speaker, citations)
        claims.setdefault(claim.id, claim)
    log.debug("claims: %d found in %d quotes", len(claims), len(doc.quotes))
    return list(claims.values())


def _build(doc: ClaimDoc, f: Found, speaker: Speaker, citations: Sequence[Citation]) -> Claim:
    ann = doc.ann
    content_ev = tuple(ann.evidence(s, e) for s, e in f.parts)
    cue_tokens = list(f.cue)
    medium = None
    if cue_tokens:
        k = cue_tokens[0]
        sentence = doc.sentence_range(k)
        inside = {j for s, e in f.parts for j in range(doc.token_at(s), doc.token_at(e))}
        cue_tokens += [j for j in occasion_of(ann, sentence, doc.lex, skip=inside) if j not in cue_tokens]
        medium = medium_of(ann, k, sentence, doc.lex, skip=inside)
    cue_ev = _token_runs(ann, sorted(set(cue_tokens)))
    end = max([e for _, e in f.parts] + [ev.end for ev in cue_ev])
    return Claim(
        id=stable_id("cl", f.parts[0][0], f.parts[-1][1]),
        speaker=speaker,
        cue=Snippet(text=_join(ann.text, cue_ev), evidence=cue_ev),
        content=Snippet(text=_join(ann.text, content_ev), evidence=content_ev),
        direct=f.direct,
        medium=medium,
        citation_id=_citation_near(doc, end, citations),
        extractor=EXTRACTOR,
    )


def _token_runs(ann: Annotations, idx: list[int]) -> tuple[Evidence, ...]:
    spans: list[list[int]] = []
    for j in idx:
        if spans and spans[-1][1] == j - 1:
            spans[-1][1] = j
        else:
            spans.append([j, j])
    return tuple(ann.evidence(ann.tokens[a].start, ann.tokens[b].end) for a, b in spans)


def _join(text: str, parts: tuple[Evidence, ...]) -> str:
    """Pieces joined by a space when only whitespace separates them, else by an ellipsis."""
    out = ""
    for i, ev in enumerate(parts):
        if i and not text[parts[i - 1].end : ev.start].strip():
            out += " "
        elif i:
            out += " … "
        out += ev.text
    return out


def _citation_near(doc: ClaimDoc, end: int, citations: Sequence[Citation]) -> str | None:
    """A citation inside the claim's last sentence, or right after it with nothing but spaces between."""
    if not citations or not doc.ann.sentences:
        return None
    k = min(max(doc.token_at(end) - 1, 0), len(doc.ann.tokens) - 1)
    sent = doc.ann.sentences[doc.sent_of[k]]
    for c in citations:
        if not c.evidence:
            continue
        start = c.evidence[0].start
        if sent.start <= start < sent.end:
            return c.id
        gap = doc.ann.text[sent.end : start]
        if start >= sent.end and c.evidence[0].text.startswith("(") and "\n" not in gap and not gap.strip(" \t.,;"):
            return c.id
    return None


__all__ = ["EXTRACTOR", "Quote", "extract_claims", "find_quotes", "find_scare_quotes"]
