"""The records of the published format v1: documents, annotations and the facts extracted from them."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from sitrep.model.base import (
    FORMAT_VERSION,
    AssertedKind,
    ClaimKind,
    Evidence,
    GeoPrecision,
    Hedge,
    Precision,
    Role,
    SpeakerKind,
    TimeBasis,
    record,
    sha256_text,
    stable_id,
    to_dict,
    walk_evidence,
)

# --------------------------------------------------------------------------- documents


@record
class Document:
    id: str
    text: str
    text_sha256: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date
    language: str | None = "en"
    source: str | None = None  # where it was read from (path, URL, feed)
    # The codec used when the bytes were not UTF-8 ("cp1252" guessed, or the page's declared charset), so a
    # reader knows the text was decoded by a guess and can doubt odd characters; None for UTF-8 and str input.
    encoding: str | None = None

    @classmethod
    def create(cls, text: str, **meta: Any) -> Document:
        """A document whose id is a hash of its clean text and URL (idempotent re-ingest)."""
        return cls(id=stable_id("doc", meta.get("url") or "", text), text=text, text_sha256=sha256_text(text), **meta)


@record
class Failure:
    """An input that did not become a report, and why."""

    source: str
    code: str
    message: str
    document_id: str | None = None
    stage: str | None = None


# --------------------------------------------------------------------------- annotations


@record
class Token:
    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index of the syntactic head (itself for the root)
    ent_type: str = ""
    like_num: bool = False


@record
class Span:
    """A labelled range of tokens (sentences, entities, noun chunks)."""

    start: int
    end: int
    token_start: int
    token_end: int  # exclusive
    label: str = ""


@record
class Annotations:
    """Linguistic annotations of one document as plain offsets (no spaCy objects)."""

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Span, ...]
    entities: tuple[Span, ...]
    noun_chunks: tuple[Span, ...] = ()
    children: tuple[tuple[int, ...], ...] = ()  # token index -> dependents' indices
    paragraphs: tuple[Span, ...] = ()  # token_start/token_end unused (0)

    def span_text(self, span: Span | Token) -> str:
        return self.text[span.start : span.end]

    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence.of(self.text, start, end)


# --------------------------------------------------------------------------- extracted facts


@record
class Time:
    value: str | None  # ISO 8601, reduced for coarse precision ("2015-05", "2015")
    precision: Precision
    start: str | None  # ISO date bounds
    end: str | None
    basis: TimeBasis
    evidence: tuple[Evidence, ...] = ()
    text: str = ""
    id: str = ""
    extractor: str = ""


@record
class Place:
    name: str
    geonames_id: int | None = None
    feature: str | None = None  # city, admin1, admin2, country, landmark, region
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: GeoPrecision = GeoPrecision.UNKNOWN
    evidence: tuple[Evidence, ...] = ()
    id: str = ""
    score: float | None = None
    candidates: tuple[dict[str, Any], ...] = ()  # top alternatives, for debugging
    extractor: str = ""


@record
class Actor:
    name: str | None
    canonical: str | None = None
    kind: str = "unknown"
    country: str | None = None
    aliases: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    role: Role | None = None  # set only inside an event
    id: str = ""
    extractor: str = ""


@record
class Count:
    """Killed or injured: a best estimate with bounds, and who."""

    best: int
    low: int
    high: int | None
    who: str | None = None
    evidence: tuple[Evidence, ...] = ()


@record
class CasualtyMention:
    """A count of killed or injured people found in a sentence, before it joins an event."""

    kind: str  # "killed" or "injured"
    count: Count
    token: int  # index of the verb or noun that says killed/injured ("killed", "deaths", "wounding")
    sentence: int
    negated: bool = False  # "no one was hurt"
    listed: bool = False  # a later count of a list on the same word, with its own place ("and five near Arbinda")


@record
class Speaker:
    """Who says so. ``evidence[0]`` is the speaker's own mention ("he", "who", "the official"); when that mention
    was resolved to a named speaker earlier in the text, the evidence goes on with the words naming them."""

    name: str | None
    role: str | None = None
    kind: SpeakerKind = SpeakerKind.UNNAMED_SOURCE
    evidence: tuple[Evidence, ...] = ()
    canonical: str | None = None  # the actor table's name for the speaker, when it knows them


@record
class Snippet:
    """A piece of text with its evidence (a cue or a claim's content)."""

    text: str
    evidence: tuple[Evidence, ...] = ()


@record
class Citation:
    id: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = None
    evidence: tuple[Evidence, ...] = ()
    extractor: str = ""


@record
class Claim:
    id: str
    speaker: Speaker
    cue: Snippet
    content: Snippet
    direct: bool
    medium: str | None = None
    date: Time | None = None
    citation_id: str | None = None
    event_ids: tuple[str, ...] = ()
    extractor: str = ""
    kind: ClaimKind = ClaimKind.STATEMENT


@record
class AssertedBy:
    kind: AssertedKind
    name: str | None = None
    claim_id: str | None = None


@record
class Event:
    id: str
    type: str
    subtype: str | None
    plover: str | None
    date: Time | None
    place: Place | None
    actors: tuple[Actor, ...]
    killed: Count | None
    injured: Count | None
    asserted_by: AssertedBy
    hedge: Hedge | None
    negated: bool
    confidence: float
    evidence: tuple[Evidence, ...]
    document_ids: tuple[str, ...]
    trigger: Snippet | None = None
    date_rule: str | None = None  # which rule chose the date
    place_rule: str | None = None
    extractor: str = ""
    # Set on events merged across documents (sitrep.link): the per-report events, the outlets that
    # report it, how many independent outlets, and the fields where they disagree
    # ({"killed": {"Outlet A": 3, "Outlet B": 5}}).
    members: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    corroboration: int = 1
    contested: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict)
    # People detained, arrested or captured in the event (the numbers stage's "detained" counts).
    detained: Count | None = None
    # A verbal interaction (condemn, deny, demand, meet, praise): a claim more than an incident. Kept in the report
    # and the PLOVER-style view, left out of the default event export, table, CSV and web page.
    verbal: bool = False


@record
class Aggregate:
    """A running total or war-wide figure ("the conflict has killed 300,000 since 2023", "more than 50 killed so
    far this year"): a count over many incidents, never an incident's toll."""

    id: str
    killed: Count | None = None
    injured: Count | None = None
    who: str | None = None
    period: Time | None = None  # the span the total covers, when the text says ("since 2023")
    place: Place | None = None
    asserted_by: AssertedBy | None = None
    evidence: tuple[Evidence, ...] = ()
    extractor: str = ""


@record
class Report:
    document: Document
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    citations: tuple[Citation, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[Time, ...] = ()
    actors: tuple[Actor, ...] = ()
    failures: tuple[Failure, ...] = ()
    aggregates: tuple[Aggregate, ...] = ()
    format_version: int = FORMAT_VERSION

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    def all_evidence(self) -> Iterator[Evidence]:
        """Every evidence item anywhere in the report."""
        yield from walk_evidence(self)
