"""``sitrep eval claims``: who says what, scored against attribution gold in BRAT standoff (PolNeAR layout).

Each gold ``Attribution`` event links a ``Source`` (absent for ``Attribution-no-source``), a ``Cue``
and a ``Content`` span; each sitrep claim gives the same three: the speaker's own mention (for "he"
the pronoun, not its antecedent), the cue and the content.

How spans are compared:
- A span set is reduced to the positions of its letters and digits, so quote marks, commas and
  spaces at the edges (PolNeAR keeps ``“…,”`` in a direct quote's content, sitrep does not) do
  not decide a match; a word more or less does.
- **exact**: the same letters and digits; **overlap**: at least one in common. Items are paired
  one to one (largest overlap first); precision, recall and F1 are micro-averaged over documents.
- Role scores (``content_*``, ``source_*``, ``cue_*``) compare the distinct spans of that role in
  the document, linked or not; a source shared by two attributions counts once.
- A claim said inside another claim's content (cue, source and content all within it) is left out:
  PolNeAR marks each word in at most one attribution, so nested speech is part of the outer content.
- ``triple_f1_overlap``: a claim matches an attribution when content, cue and source all overlap
  (or both have no source); ``triple_f1_exact`` when all three say the same letters and digits.
- PolNeAR counts the complementizer of reported speech as content ("said *that* …"); sitrep's claim
  text leaves it out, so the scorer adds a "that" that directly precedes a claim's content.
- ``direct_speaker_accuracy``: of the gold attributions whose content opens with a quote mark and
  that a claim's content overlaps, the share whose source the claim's speaker overlaps.

``cue_f1`` is the overlap F1 of cues (a gold cue often carries adverbials: "said Thursday morning");
``cue_f1_exact`` is also given.  An article is one gold document: where several people annotated it
(``<name>_<annotator>.ann``), the first annotator's file in name order is the gold.  Key for ``--part``: the
article's file stem.  PolNeAR: issue 15 tunes on ``train --part tune`` and checks on ``dev --part all``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sitrep.errors import ConfigError
from sitrep.eval import select
from sitrep.eval._brat import Attribution, BratDocument, Spans, find_documents, read_document
from sitrep.model import Claim

FORMATS = ("brat-attribution",)

Key = frozenset[int]
_QUOTE_OPENERS = "\"“‘'«„"
_THAT_BEFORE = re.compile(r"\bthat\s*[\"“‘']?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Triple:
    source: Key
    cue: Key
    content: Key
    direct: bool = False


def words(text: str, spans: Spans) -> Key:
    """The positions of letters and digits inside ``spans``: what a span says, without its punctuation."""
    return frozenset(i for s, e in spans for i in range(s, min(e, len(text))) if text[i].isalnum())


def pair(gold: Sequence[Key], pred: Sequence[Key], *, exact: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), largest overlap first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if exact and g != p:
                continue
            shared = len(g & p)
            if shared:
                candidates.append((-shared, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def pair_triples(gold: Sequence[Triple], pred: Sequence[Triple], *, exact: bool = False) -> list[tuple[int, int]]:
    """One-to-one pairs of attributions whose content, cue and source all overlap (``exact``: are equal)."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if exact:
                same = g.content == p.content and g.cue == p.cue and g.source == p.source
                shared = len(g.content) if same else 0
            else:
                same_source = (not g.source and not p.source) or bool(g.source & p.source)
                same = same_source and bool(g.cue & p.cue or not (g.cue or p.cue))
                shared = len(g.content & p.content) if same else 0
            if shared:
                candidates.append((-shared, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def gold_triples(doc: BratDocument) -> list[Triple]:
    text = doc.text
    out = []
    for a in doc.attributions():
        if not a.content:
            continue
        out.append(Triple(source=words(text, a.source), cue=words(text, a.cue), content=words(text, a.content),
                          direct=_opens_with_quote(text, a)))
    return out


def _opens_with_quote(text: str, a: Attribution) -> bool:
    start, end = a.content[0]
    return text[start:end].lstrip()[:1] in _QUOTE_OPENERS


def claim_triple(text: str, claim: Claim) -> Triple:
    """A claim as PolNeAR would mark it: the speaker's own mention, the cue, the content with its "that"."""
    source: Spans = ()
    if claim.speaker.evidence:
        ev = claim.speaker.evidence[0]
        source = ((ev.start, ev.end),)
    content = [(ev.start, ev.end) for ev in claim.content.evidence]
    if content and not claim.direct:
        m = _THAT_BEFORE.search(text[max(0, content[0][0] - 12) : content[0][0]])
        if m:
            content[0] = (content[0][0] - (len(m.group(0))), content[0][1])
    return Triple(source=words(text, source), cue=words(text, tuple((e.start, e.end) for e in claim.cue.evidence)),
                  content=words(text, tuple(content)), direct=claim.direct)


def outermost(triples: Sequence[Triple]) -> list[Triple]:
    """Claims not said inside another claim's content: PolNeAR marks each word in at most one attribution,
    so "the source added that Clinton had told police that …" is one attribution there, two in sitrep."""
    out = []
    for i, t in enumerate(triples):
        if not t.content:
            continue
        inner = t.content | t.cue | t.source
        if not any(j != i and o.content and inner <= o.content and o.content != t.content
                   for j, o in enumerate(triples)):
            out.append(t)
    return out


def predict_claims(text: str) -> list[Claim]:
    """sitrep's claims for a raw text, with offsets into that text (no cleaning, so gold offsets hold)."""
    from sitrep.extract.citations import extract_citations
    from sitrep.extract.claims import extract_claims
    from sitrep.nlp.spacy_adapter import annotate

    ann = annotate(text)
    return extract_claims(ann, citations=extract_citations(ann))


@dataclass(slots=True)
class Tally:
    """Counts summed over documents: per measure, (matched, gold, predicted)."""

    counts: dict[str, list[int]]
    n_docs: int = 0
    n_gold: int = 0
    n_pred: int = 0
    misaligned: int = 0
    direct_matched: int = 0
    direct_speaker_right: int = 0

    @classmethod
    def empty(cls) -> Tally:
        return cls(counts={})

    def _add(self, name: str, matched: int, gold: int, pred: int) -> None:
        c = self.counts.setdefault(name, [0, 0, 0])
        c[0] += matched
        c[1] += gold
        c[2] += pred

    def add(self, doc: BratDocument, claims: Sequence[Claim]) -> None:
        text = doc.text
        self.n_docs += 1
        self.misaligned += len(doc.problems)
        pred = outermost([claim_triple(text, c) for c in claims])
        gold = gold_triples(doc)
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        for role, attr in (("content", "content"), ("source", "source"), ("cue", "cue")):
            g_keys = _distinct(words(text, s) for s in doc.spans_of(role.capitalize()))
            p_keys = _distinct(getattr(p, attr) for p in pred)
            for exact in (True, False):
                name = f"{role}_{'exact' if exact else 'overlap'}"
                self._add(name, len(pair(g_keys, p_keys, exact=exact)), len(g_keys), len(p_keys))
        self._add("triple_overlap", len(pair_triples(gold, pred)), len(gold), len(pred))
        self._add("triple_exact", len(pair_triples(gold, pred, exact=True)), len(gold), len(pred))
        direct = [g for g in gold if g.direct]
        for gi, pi in pair([g.content for g in direct], [p.content for p in pred], exact=False):
            g, p = direct[gi], pred[pi]
            self.direct_matched += 1
            self.direct_speaker_right += (not g.source and not p.source) or bool(g.source & p.source)

    def metrics(self) -> dict[str, Any]:
        out: dict[str, Any] = {"n_docs": self.n_docs, "n_gold": self.n_gold, "n_pred": self.n_pred}
        for name, (matched, gold, pred) in sorted(self.counts.items()):
            p, r, f = prf(matched, gold, pred)
            role, _, how = name.partition("_")
            out[f"{role}_f1_{how}"] = f
            out[f"{role}_precision_{how}"] = p
            out[f"{role}_recall_{how}"] = r
        out["cue_f1"] = out.get("cue_f1_overlap", 0.0)
        out["direct_speaker_accuracy"] = (round(self.direct_speaker_right / self.direct_matched, 4)
                                          if self.direct_matched else None)
        out["n_direct_matched"] = self.direct_matched
        out["misaligned"] = self.misaligned
        return out


def _distinct(keys: Any) -> list[Key]:
    seen: dict[Key, None] = {}
    for k in keys:
        if k:
            seen.setdefault(k, None)
    return list(seen)


def prf(matched: int, gold: int, pred: int) -> tuple[float, float, float]:
    p = matched / pred if pred else 0.0
    r = matched / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def evaluate(paths: list[str], *, fmt: str, limit: int | None = None, part: str = "all",
             progress: Callable[[Any], None] | None = None,
             predict: Callable[[str], Sequence[Claim]] = predict_claims) -> dict[str, Any]:
    """Score the claims stage on BRAT attribution gold; ``limit`` counts articles."""
    if fmt not in FORMATS:
        raise ConfigError(f"eval claims reads --format {' or '.join(FORMATS)}, not {fmt!r}")
    tally = Tally.empty()
    for name, text_path, ann_path in select(find_documents(paths), lambda d: d[1].stem, part=part, limit=limit):
        doc = read_document(name, text_path, ann_path)
        tally.add(doc, predict(doc.text))
        if progress is not None:
            progress(name)
    return {"format": fmt, "part": part, "n": tally.n_docs, **tally.metrics()}
