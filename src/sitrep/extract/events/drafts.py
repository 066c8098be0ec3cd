"""The shared types of the events stage: triggers, event drafts and the document context they are placed in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sitrep.extract.common.records import TimeFindings
from sitrep.extract.events.taxonomy import Subtype, Taxonomy, make_taxonomy
from sitrep.extract.events.words import EventWords, event_words
from sitrep.lang import default_lexicon
from sitrep.model import Actor, Annotations, CasualtyMention, Claim, Evidence, Place, Time


@dataclass(slots=True)
class Trigger:
    tokens: tuple[int, ...]  # token indices of the trigger phrase
    head: int  # the token that carries the syntax (the noun, or the verb)
    subtype: Subtype | None  # None: a generic violence word ("attack", "killed")
    kind: str  # "verb", "noun" or "casualty"
    sentence: int


@dataclass(slots=True)
class EventDraft:
    """An event before context: its triggers, actors with roles and casualties."""

    triggers: list[Trigger]
    subtype: Subtype
    sentence: int
    actors: list[Actor] = field(default_factory=list)
    killed: list[CasualtyMention] = field(default_factory=list)
    injured: list[CasualtyMention] = field(default_factory=list)
    detained: list[CasualtyMention] = field(default_factory=list)
    generic: bool = False
    # generic words alone ("the attack took place on Sunday in Birao"): a detail of an incident already told,
    # which may give it a day or a place, never an event of its own
    detail: bool = False

    @property
    def main(self) -> Trigger:
        return self.triggers[0]



@dataclass(frozen=True, slots=True, kw_only=True)
class EventContext:
    ann: Annotations
    document_id: str
    published: str | None
    times: Sequence[Time]
    places: Sequence[Place]
    claims: Sequence[Claim]
    scare_quotes: Sequence[Evidence]
    outlet: str | None
    extractor: str
    rank: dict[str, int] = field(default_factory=dict)  # subtype -> specificity, from the taxonomy
    taxonomy: Taxonomy = field(default_factory=make_taxonomy)
    words: EventWords = field(default_factory=lambda: event_words(default_lexicon()))
    time_findings: TimeFindings = field(default_factory=TimeFindings)  # what the times stage knows of ``times``
    # the words ("killed", "deaths") of counts that are a running total or a war-wide figure ("19 people have been
    # killed in clashes during the demonstrations so far"), in sentences with no other count: aggregates
    total_words: frozenset[int] = frozenset()
    # the words of every trigger of the document ("attack" in "a November 6 attack")
    trigger_words: frozenset[int] = frozenset()
