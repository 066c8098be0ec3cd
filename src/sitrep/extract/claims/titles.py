"""Claims in a headline set in title case ("Senator Vance Endorses Mayor Ruiz"), where the tagger takes every
capitalised word for a name and the parse finds no verb: a capitalised word that is a cue verb with one of the
language's present-tense endings divides the line into who and what.

A pass of the claims stage. The cue verbs and endings are the language's (``lang/<code>/claims.yaml``:
``title_verb_endings``, with the verb tables the other passes read); a line is a title when nearly all its words
open with a capital.
"""

from __future__ import annotations

from sitrep.extract.claims.document import ClaimDoc, Found
from sitrep.extract.claims.parse import filler

_TITLE_SHARE = 0.75  # of a line's words opening with a capital
_MIN_WORDS = 4
_MAX_WORDS = 25
_LABEL_END = (":",)  # "The Latest: Sanders Declares …": what a label before the colon says is no speaker's


def title_claims(doc: ClaimDoc, found: list[Found]) -> list[Found]:
    """A claim for each title-case line no claim covers whose words hold a cue verb between a speaker and
    what is said."""
    ann, w = doc.ann, doc.w
    verbs = w.speech_verbs | w.stance_verbs | w.verbal_force_verbs | w.appeal_verbs | w.directive_verbs | \
        w.characterize_verbs | w.belief_verbs | w.intention_verbs
    out: list[Found] = []
    for para in ann.paragraphs:
        if any(para.start <= s < para.end for f in found for s, _ in f.parts):
            continue
        idx = [j for j in range(doc.token_at(para.start), doc.token_at(para.end)) if not filler(ann, j)]
        if not _title_case(doc, idx):
            continue
        claim = _split(doc, idx, verbs)
        if claim is not None:
            out.append(claim)
    return out


def _title_case(doc: ClaimDoc, idx: list[int]) -> bool:
    alpha = [doc.ann.tokens[j].text for j in idx if doc.ann.tokens[j].text[:1].isalpha()]
    if not _MIN_WORDS <= len(alpha) <= _MAX_WORDS:
        return False
    return sum(t[:1].isupper() for t in alpha) >= _TITLE_SHARE * len(alpha)


def _split(doc: ClaimDoc, idx: list[int], verbs: frozenset[str]) -> Found | None:
    ann = doc.ann
    start = 0
    for n, j in enumerate(idx):
        if ann.tokens[j].text in _LABEL_END:
            start = n + 1
    for n in range(start + 1, len(idx) - 1):
        j = idx[n]
        if not _cue_form(doc, ann.tokens[j].text, verbs) or doc.quote_of[j] != -1:
            continue
        speaker = idx[start:n]
        content = idx[n + 1 :]
        if any(ann.tokens[c].text.lower() in doc.w.taken_not_said for c in content[:3]):
            return None  # "Attack Claims 16 Lives": a toll, not a claim
        if not any(ann.tokens[s].pos in ("PROPN", "NOUN") for s in speaker):
            return None
        first, last = ann.tokens[content[0]], ann.tokens[content[-1]]
        return Found(parts=((first.start, last.end),), cue=(j,), speaker=speaker[-1], direct=False,
                     anchor=ann.tokens[j].start, speaker_words=tuple(speaker))
    return None


def _cue_form(doc: ClaimDoc, word: str, verbs: frozenset[str]) -> bool:
    """Whether a capitalised word is one of ``verbs`` with one of the language's present-tense endings
    ("Endorses")."""
    if not word[:1].isupper() or word.isupper():
        return False
    low = word.lower()
    return any(low.endswith(e) and low[: len(low) - len(e)] in verbs for e in doc.w.title_verb_endings)
