"""Who asserts an event: the claim whose content holds it."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sitrep.model import Claim, ClaimKind


def asserting_claim(char: int, claims: Sequence[Claim], *, hedges: Collection[str] = ()) -> Claim | None:
    """The claim whose content holds ``char``; when claims nest ("police said the mayor told reporters that
    …"), the innermost one, whose speaker is the nearest to the event. A claim may carry several events."""
    # A stance ("praised the raid that freed …") or a question asserts nothing: the event stays the outlet's; so
    # does one a hedge word cues with no one named ("militants reportedly attacked …": the outlet's, hedged).
    holding = [c for c in claims if c.kind in (ClaimKind.STATEMENT, ClaimKind.BELIEF)
               and any(ev.start <= char < ev.end for ev in c.content.evidence)
               and not (not c.speaker.evidence and c.cue.text.lower() in hedges)]
    return min(holding, key=lambda c: sum(ev.end - ev.start for ev in c.content.evidence), default=None)

