"""Claim records from the found claims: speakers resolved in text order (pronouns to earlier speakers), cue
words with the occasion ("in a statement"), the medium, and the citation beside the claim."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sitrep.extract.claims.document import ClaimDoc, Found
from sitrep.extract.claims.media import medium_of, occasion_of
from sitrep.extract.claims.occasion import canonical_of, claim_date
from sitrep.extract.claims.speakers import resolve_speaker, speaker_in
from sitrep.model import Actor, Annotations, Citation, Claim, Evidence, Snippet, Speaker, Time, stable_id


def build_claims(doc: ClaimDoc, found: Sequence[Found], citations: Sequence[Citation], *, extractor: str,
                 times: Sequence[Time] = (), actors: Sequence[Actor] = ()) -> list[Claim]:
    """One claim per found claim in order, each speaker resolved against the speakers named before it, with its
    own date and the speaker's canonical name; two found claims with the same content are one claim."""
    history: list[Speaker] = []
    claims: dict[str, Claim] = {}
    cited = [ev for c in citations for ev in c.evidence]
    for f in found:
        if f.speaker_words:
            speaker = speaker_in(doc.ann, f.speaker_words, doc.w)
        else:
            speaker = resolve_speaker(doc.ann, f.speaker, doc.w, history, quoted=lambda j: doc.quote_of[j] != -1)
        canonical = canonical_of(speaker, actors)
        if canonical:
            speaker = replace(speaker, canonical=canonical)
        if speaker.name is not None and speaker.name not in doc.w.interview_turns:
            history.append(speaker)  # "Q" and "A" are turns of an interview, no one a pronoun stands for
        claim = _build(doc, f, speaker, citations, extractor)
        content = {j for s, e in f.parts for j in range(doc.token_at(s), doc.token_at(e))}
        claim = replace(claim, date=claim_date(doc, f.cue, content, times, citations=cited))
        claims.setdefault(claim.id, claim)
    return list(claims.values())


def _build(doc: ClaimDoc, f: Found, speaker: Speaker, citations: Sequence[Citation], extractor: str) -> Claim:
    ann = doc.ann
    content_ev = tuple(ann.evidence(s, e) for s, e in f.parts)
    cue_tokens = list(f.cue)
    medium = None
    if cue_tokens:
        k = cue_tokens[0]
        sentence = doc.sentence_range(k)
        inside = {j for s, e in f.parts for j in range(doc.token_at(s), doc.token_at(e))}
        cue_tokens += [j for j in occasion_of(ann, sentence, doc.w, skip=inside, cue=k) if j not in cue_tokens]
        medium = medium_of(ann, k, sentence, doc.w, skip=inside)
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
        extractor=extractor,
        kind=f.kind,
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
