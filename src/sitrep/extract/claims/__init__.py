"""The claims stage: who says what in a document — direct quotes, reported speech, and the views, intentions,
stances and questions attribution corpora (PolNeAR) code beside them.

Passes: quote marks paired over the raw text (``quotes.py``) → quotes tied to a cue after or before them, or to the
clause a colon closes (``colons.py``), continuations, scare quotes (``direct.py``) → reported speech, cued by verbs
of saying (``reported.py``), by requests, reasons, refusals, questions, report nouns and "reportedly"
(``phrases.py``), by verbs of view, intention, stance, perception and seeming (``stances.py``) and by nouns of them
(``nouns.py``) → quoted fragments no reported claim took in → quotes without a cue joined to the claim before them
(also across a paragraph break) → "Speaker: words" lines (``colons.py``) → headlines in title case (``titles.py``) →
the words before a cue set off by commas taken into its content, reported words run to the close of a quote they
open, a quote that stops mid-clause run on past its mark, reported words ended before a participle that makes a
claim of its own (``edges.py``) → claims in text order, speakers resolved (``speakers.py``: pronouns, relative
clauses, descriptions and surnames to the names before them), occasion and medium (``media.py``), the claim's own
date and the speaker's canonical name (``occasion.py``), the citation beside them (``build.py``).

The words are the language's (``lang/<code>/claims.yaml``; the titles of people from ``actors.yaml``).
``find_scare_quotes`` gives the short cue-less quotes used for hedging.

Known gaps (PolNeAR, claims@4): a long tail of cue words and phrasings no table holds ("heaped praise on", "took aim
at", "is hungry for"), evidential and enabling cues ("rules permit", "it is clear that", "for voters, X": taken as
the voters' view, 7 of 17 on tune were the writer's), nouns of view with no holder beside them and only a topic
("concerns over …"; with a "that" clause they are taken, claims6), content lost when the parse attaches a clause to
the wrong verb, and span edges PolNeAR draws both ways ("declined | to say whether …" and "declined to say | whether
…", a place after the object in or out). Nesting is drawn both ways too (claims5, tune): a second cue after a comma
or "and" ("said …, noting that …") splits the content about as often as it stays inside; "wanted to know whether"
puts the infinitive in the cue 173 times to 41, yet merging the two claims lost exact matches; a relative clause's
object ("which he denied") is marked as the pronoun alone, which sitrep does not give as a claim's content. Tried
and left out (claims6): "concerns that …" with no holder as no one's whatever the noun raised content F1 on tune and
check but lowered check triple F1 (a view's holder is mostly the subject around it: "clung to the hope that …", so a
belief or intention noun now takes that subject); ending a content before any claim joined to it as a conjunct or an
adverbial clause split as many PolNeAR attributions as it freed (only a participle after a comma, given the first
claim's speaker, is kept apart); an apposition or relative clause set off by commas inside reported content is kept
by PolNeAR about three times in four; a quote that opens its own sentence after '"…," he said, adding that …' mostly
continues the first quote there (10 to 4 on tune), so only a quote right after the second cue is its own.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sitrep.extract.claims.build import build_claims
from sitrep.extract.claims.colons import headline_claims
from sitrep.extract.claims.direct import attach_orphans, fragments_outside, scan_quotes
from sitrep.extract.claims.document import ClaimDoc, Found
from sitrep.extract.claims.edges import apart_from_joined, past_quotes, through_quotes, with_fronted
from sitrep.extract.claims.quotes import Quote, pair_quotes
from sitrep.extract.claims.reported import find_reported
from sitrep.extract.claims.titles import title_claims
from sitrep.extract.claims.words import ClaimWords, claim_words
from sitrep.lang import Lexicon, default_lexicon
from sitrep.model import Actor, Annotations, Citation, Claim, Evidence, Time

log = logging.getLogger(__name__)

EXTRACTOR = "claims@4"


def extract_claims(ann: Annotations, *, citations: Sequence[Citation] = (), times: Sequence[Time] = (),
                   actors: Sequence[Actor] = (), lexicon: Lexicon | None = None) -> list[Claim]:
    """Direct quotes, reported speech, views and stances with speaker, cue, content, medium, the claim's own
    date (from ``times``), the speaker's canonical name (from ``actors``) and the citation beside them."""
    doc = ClaimDoc(ann, _words(lexicon))
    scan = scan_quotes(doc)
    reported = find_reported(doc, scan.used, scan.found)
    found = [*scan.found, *fragments_outside(doc, scan.fragments, reported), *reported]
    found = attach_orphans(doc, scan.orphans, found)
    found = with_headlines(found, headline_claims(doc), turns=_turns(doc))
    found = [*found, *title_claims(doc, found)]
    found = apart_from_joined(doc, past_quotes(doc, through_quotes(doc, with_fronted(doc, found))))
    found.sort(key=lambda f: f.anchor)
    found = _not_cited(found, citations)
    claims = build_claims(doc, found, citations, extractor=EXTRACTOR, times=times, actors=actors)
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


def with_headlines(found: list[Found], lines: list[Found], *, turns: frozenset[int] = frozenset()) -> list[Found]:
    """ "Governor: the dam will hold" lines, in place of a quote of no named speaker inside them; a line whose
    words a claim with a speaker already covers, or crosses, is left to that claim; so is an interview answer
    (a line opened by one of the ``turns`` tokens) that holds claims of its own, as PolNeAR marks them."""
    for line in lines:
        (start, end), = line.parts
        inside = [f for f in found if start <= f.parts[0][0] and f.parts[-1][1] <= end]
        covered = any(f.speaker is not None and f.parts[0][0] == start for f in inside)
        if line.speaker_words and inside and all(w in turns for w in line.speaker_words):
            continue  # "A: I think the plan will fail": the claims inside an interview answer are its own
        if covered or any(s < end and start < e for f in found if f not in inside for s, e in f.parts):
            continue
        found = [f for f in found if f not in inside or f.speaker is not None] + [line]
    return found


def _turns(doc: ClaimDoc) -> frozenset[int]:
    """The tokens that open an interview line ("Q", "A")."""
    return frozenset(j for j, t in enumerate(doc.ann.tokens) if t.text in doc.w.interview_turns)


def _not_cited(found: list[Found], citations: Sequence[Citation]) -> list[Found]:
    """A cited headline ("Coalition admits friendly fire") is a title, not a claim."""
    cited = [(ev.start, ev.end) for c in citations for ev in c.evidence]
    return [f for f in found if not any(s <= f.parts[0][0] < e for s, e in cited)]


__all__ = ["EXTRACTOR", "ClaimWords", "Quote", "claim_words", "extract_claims", "find_quotes", "find_scare_quotes"]
