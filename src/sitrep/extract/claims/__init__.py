"""The claims stage: who says what in a document, as direct quotes and reported speech.

Passes: quote marks paired over the raw text (``quotes.py``) → quotes tied to a cue after or before them,
continuations, scare quotes (``direct.py``) → reported speech, cued by verbs of saying (``reported.py``) or by
requests, reasons, refusals, questions and report nouns (``phrases.py``) → quoted fragments no reported claim
took in → quotes without a cue joined to the claim before them → claims in text order, speakers resolved
(``speakers.py``), occasion and medium (``media.py``), the citation beside them (``build.py``).

The words are the language's (``lang/<code>/claims.yaml``; the titles of people from ``actors.yaml``).
``find_scare_quotes`` gives the short cue-less quotes used for hedging.

Known gaps (PolNeAR dev, claims@3): evidential and enabling cues ("rules permit", "records indicate", "is
evidence of"), questions ("wondered whether" is left out on purpose: a question asserts nothing), and content
lost when the parse attaches a clause to the wrong verb.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sitrep.extract.claims.build import build_claims
from sitrep.extract.claims.direct import attach_orphans, fragments_outside, scan_quotes
from sitrep.extract.claims.document import ClaimDoc, Found
from sitrep.extract.claims.quotes import Quote, pair_quotes
from sitrep.extract.claims.reported import find_reported
from sitrep.extract.claims.words import ClaimWords, claim_words
from sitrep.lang import Lexicon, default_lexicon
from sitrep.model import Annotations, Citation, Claim, Evidence

log = logging.getLogger(__name__)

EXTRACTOR = "claims@3"


def extract_claims(ann: Annotations, *, citations: Sequence[Citation] = (),
                   lexicon: Lexicon | None = None) -> list[Claim]:
    """Direct quotes and reported speech with speaker, cue, content, medium and the citation beside them."""
    doc = ClaimDoc(ann, _words(lexicon))
    scan = scan_quotes(doc)
    reported = find_reported(doc, scan.used, scan.found)
    found = [*scan.found, *fragments_outside(doc, scan.fragments, reported), *reported]
    found = attach_orphans(doc, scan.orphans, found)
    found.sort(key=lambda f: f.anchor)
    found = _not_cited(found, citations)
    claims = build_claims(doc, found, citations, extractor=EXTRACTOR)
    log.debug("claims: %d found in %d quotes", len(claims), len(doc.quotes))
    return claims


def find_scare_quotes(ann: Annotations, *, lexicon: Lexicon | None = None) -> list[Evidence]:
    """Short quoted phrases (1–3 words) with no speech cue of their own, e.g. 'liberated': a hedge, not a claim."""
    return list(scan_quotes(ClaimDoc(ann, _words(lexicon))).scare)


def find_quotes(ann: Annotations, *, lexicon: Lexicon | None = None) -> list[Quote]:
    """Opening and closing quote marks paired paragraph by paragraph (apostrophes in words are not marks)."""
    return pair_quotes(ann, _words(lexicon))


def _words(lexicon: Lexicon | None) -> ClaimWords:
    return claim_words(lexicon or default_lexicon())


def _not_cited(found: list[Found], citations: Sequence[Citation]) -> list[Found]:
    """A cited headline ("Coalition admits friendly fire") is a title, not a claim."""
    cited = [(ev.start, ev.end) for c in citations for ev in c.evidence]
    return [f for f in found if not any(s <= f.parts[0][0] < e for s, e in cited)]


__all__ = ["EXTRACTOR", "ClaimWords", "Quote", "claim_words", "extract_claims", "find_quotes", "find_scare_quotes"]
