"""The claims tests' way of running the stage: every claim of a text, each one's evidence checked against it."""

from __future__ import annotations

from collections.abc import Callable

from sitrep.extract.claims import extract_claims
from sitrep.model import Annotations, Claim, check_evidence


def checked_claims(annotate: Callable[[str], Annotations], text: str) -> list[Claim]:
    """The claims of ``text``, after asserting that every evidence span of each equals the text's words there."""
    claims = extract_claims(annotate(text))
    for c in claims:
        assert check_evidence(text, [*c.content.evidence, *c.cue.evidence, *c.speaker.evidence]) == []
    return claims
