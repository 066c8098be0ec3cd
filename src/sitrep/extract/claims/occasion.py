"""What other stages know about a claim's occasion: its own date ("In March 2019 the governor told Reuters: …")
from the times stage, and the speaker's canonical name from the actors stage.

A pass of the claims stage, over records the pipeline hands in (``Time``, ``Actor``); language-free: a time
belongs to a claim when the parse hangs it on the cue, not inside what was said.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sitrep.extract.claims.document import ClaimDoc
from sitrep.model import Actor, Evidence, Speaker, Time

_CLIMB = 4  # head steps from a time expression to the cue it dates
# Actor kinds whose canonical name is a category, not a name: "residents" is not called "civilians".
_CATEGORIES = frozenset({"civilians", "protesters", "unknown"})
_NAMES = frozenset({"ORG", "PERSON", "GPE", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT"})


def claim_date(doc: ClaimDoc, cue: Sequence[int], content: set[int], times: Sequence[Time], *,
               citations: Sequence[Evidence] = ()) -> Time | None:
    """The time said of the cue itself ("told Reuters in March 2019", "said on Tuesday"), not one inside the
    content ("said the strike happened in May" dates the strike, not the saying)."""
    if not cue or not times:
        return None
    ann = doc.ann
    cue_set = set(cue)
    sentence = doc.sentence_range(cue[0])
    for t in times:
        if t.value is None or not t.evidence:
            continue
        ev = t.evidence[0]
        tokens = [j for j in range(doc.token_at(ev.start), doc.token_at(ev.end)) if j in sentence]
        if not tokens or any(j in content or ann.tokens[j].ent_type in _NAMES or doc.quote_of[j] != -1
                             for j in tokens):
            continue  # inside what was said, inside a name ("told Kirkuk Now") or a quoted title ("This Week")
        if any(c.start <= ev.start < c.end for c in citations):
            continue  # "(Title, Outlet, 27 October 2015)" dates the cited piece, which keeps it
        for j in tokens:
            if _reaches(ann.tokens, j, cue_set, content):
                return t
    return None


def _reaches(tokens: Sequence, j: int, cue: set[int], content: set[int]) -> bool:
    for _ in range(_CLIMB):
        head = tokens[j].head
        if head == j or head in content:
            return False
        if head in cue:
            return True
        j = head
    return False


def canonical_of(speaker: Speaker, actors: Iterable[Actor]) -> str | None:
    """The actor table's name for the speaker: an actor mention inside the words naming them that is their name
    ("the US-led coalition" for "coalition"; not "US army" inside "US army colonel Steve Warren")."""
    if not speaker.name or not speaker.evidence:
        return None
    named: Evidence = speaker.evidence[-1]  # the words of the name (after the pronoun, for a resolved one)
    name = speaker.name.lower()
    best: tuple[int, str] | None = None
    for actor in actors:
        if not actor.canonical or actor.kind in _CATEGORIES:
            continue
        for ev in actor.evidence:
            inside = named.start <= ev.start and ev.end <= named.end
            same = name in ev.text.lower()
            if inside and same and (best is None or ev.end - ev.start > best[0]):
                best = (ev.end - ev.start, actor.canonical)
    return best[1] if best else None
