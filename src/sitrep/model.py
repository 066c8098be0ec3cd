"""The records every part of sitrep speaks: the published record format v1.

Stages, store, CLI and API exchange these frozen dataclasses.  Field names are
a contract with users (see README "Record format"); add fields freely, never
rename or remove one without bumping ``FORMAT_VERSION``.

Offsets are half-open ``[start, end)`` Python code-point offsets into
``Document.text``; every ``Evidence`` is made by ``Evidence.of`` (or checked
by ``check_evidence``) so that ``evidence.text == document.text[start:end]``.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

FORMAT_VERSION = 1

record = dataclass(frozen=True, slots=True, kw_only=True)


def stable_id(prefix: str, *parts: object) -> str:
    """A short deterministic id: the same parts give the same id in every run."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return f"{prefix}_{digest.hexdigest()[:16]}"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- vocabularies


class StrEnum(str, enum.Enum):
    def __str__(self) -> str:
        return str(self.value)


class Precision(StrEnum):
    """How fine a time is known."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    RANGE = "range"
    UNKNOWN = "unknown"


class TimeBasis(StrEnum):
    """Where a time's calendar value came from."""

    ABSOLUTE = "absolute"  # the text names the full date
    RELATIVE = "relative"  # computed from the publication date ("yesterday")
    INHERITED = "inherited"  # a missing year taken from an earlier time in the text
    PUBLICATION = "publication"  # an event with no time of its own dated by publication
    UNRESOLVED = "unresolved"  # needs an anchor the document does not give


# Finest first: how records compare precisions ("a day beats a month", "a town beats a province").
# A range ("between 3 and 5 May") is usually a few days, so it sits between a week and a month.
PRECISION_RANK = {p: i for i, p in enumerate((Precision.DAY, Precision.WEEK, Precision.RANGE, Precision.MONTH,
                                              Precision.SEASON, Precision.YEAR, Precision.DECADE, Precision.UNKNOWN))}


class GeoPrecision(StrEnum):
    EXACT = "exact"
    NEAR = "near"
    ADMIN2 = "admin2"
    ADMIN1 = "admin1"
    COUNTRY = "country"
    UNKNOWN = "unknown"


GEO_PRECISION_RANK = {p: i for i, p in enumerate(GeoPrecision)}


class Role(StrEnum):
    INITIATOR = "initiator"
    TARGET = "target"
    ASSOCIATED = "associated"


class SpeakerKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    UNNAMED_SOURCE = "unnamed_source"


class AssertedKind(StrEnum):
    OUTLET = "outlet"
    SPEAKER = "speaker"


class Hedge(StrEnum):
    REPORTED = "reported"
    ALLEGED = "alleged"
    CLAIMED = "claimed"
    SCARE_QUOTES = "scare_quotes"
    HYPOTHETICAL = "hypothetical"
    HISTORICAL = "historical"  # told as background: a past event, not the news the report brings


# --------------------------------------------------------------------------- evidence


@record
class Evidence:
    """A span of the document's clean text that supports a value."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, doc_text: str, start: int, end: int) -> Evidence:
        if not 0 <= start <= end <= len(doc_text):
            raise ValueError(f"evidence span [{start}, {end}) is outside a text of length {len(doc_text)}")
        return cls(start=start, end=end, text=doc_text[start:end])


def check_evidence(doc_text: str, items: Iterable[Evidence]) -> list[str]:
    """Return one message per evidence item that does not match ``doc_text``."""
    problems = []
    for ev in items:
        if doc_text[ev.start : ev.end] != ev.text:
            problems.append(f"evidence [{ev.start}, {ev.end}) says {ev.text!r} but the text has {doc_text[ev.start:ev.end]!r}")
    return problems


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


@record
class Speaker:
    name: str | None
    role: str | None = None
    kind: SpeakerKind = SpeakerKind.UNNAMED_SOURCE
    evidence: tuple[Evidence, ...] = ()


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
    format_version: int = FORMAT_VERSION

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    def all_evidence(self) -> Iterator[Evidence]:
        """Every evidence item anywhere in the report."""
        yield from _walk_evidence(self)


# --------------------------------------------------------------------------- conversion


def to_dict(obj: Any) -> Any:
    """Plain JSON-ready data (enums become their values, tuples lists)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, Mapping):
        return {str(k): to_dict(v) for k, v in obj.items()}
    return obj


_RECORD_FIELDS: dict[type, tuple[str, ...]] = {}
_LEAVES = (str, int, float, bool, type(None), enum.Enum, dict)


def _walk_evidence(obj: Any) -> Iterator[Evidence]:
    # Runs over every report (the pipeline checks all evidence), so field names are looked up once per
    # record class and plain values are skipped without recursion.
    if isinstance(obj, Evidence):
        yield obj
    elif isinstance(obj, (list, tuple)):
        for x in obj:
            if not isinstance(x, _LEAVES):
                yield from _walk_evidence(x)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = _RECORD_FIELDS.get(type(obj))
        if names is None:
            names = _RECORD_FIELDS[type(obj)] = tuple(f.name for f in dataclasses.fields(obj))
        for name in names:
            value = getattr(obj, name)
            if not isinstance(value, _LEAVES):
                yield from _walk_evidence(value)


def evidence_from_dict(items: Iterable[Mapping[str, Any]] | None) -> tuple[Evidence, ...]:
    return tuple(Evidence(start=e["start"], end=e["end"], text=e["text"]) for e in items or ())


def time_from_dict(d: Mapping[str, Any] | None) -> Time | None:
    if d is None:
        return None
    return Time(**{**d, "precision": Precision(d["precision"]), "basis": TimeBasis(d["basis"]),
                   "evidence": evidence_from_dict(d.get("evidence"))})


def place_from_dict(d: Mapping[str, Any] | None) -> Place | None:
    if d is None:
        return None
    return Place(**{**d, "precision": GeoPrecision(d["precision"]), "evidence": evidence_from_dict(d.get("evidence")),
                    "candidates": tuple(d.get("candidates") or ())})


def actor_from_dict(d: Mapping[str, Any]) -> Actor:
    return Actor(**{**d, "aliases": tuple(d.get("aliases") or ()), "evidence": evidence_from_dict(d.get("evidence")),
                    "role": Role(d["role"]) if d.get("role") else None})


def count_from_dict(d: Mapping[str, Any] | None) -> Count | None:
    if d is None:
        return None
    return Count(**{**d, "evidence": evidence_from_dict(d.get("evidence"))})


def event_from_dict(d: Mapping[str, Any]) -> Event:
    """Rebuild an Event from ``to_dict`` output (used by the store)."""
    ab = d["asserted_by"]
    trig = d.get("trigger")
    return Event(
        **{
            **d,
            "date": time_from_dict(d.get("date")),
            "place": place_from_dict(d.get("place")),
            "actors": tuple(actor_from_dict(a) for a in d.get("actors") or ()),
            "killed": count_from_dict(d.get("killed")),
            "injured": count_from_dict(d.get("injured")),
            "detained": count_from_dict(d.get("detained")),
            "asserted_by": AssertedBy(kind=AssertedKind(ab["kind"]), name=ab.get("name"), claim_id=ab.get("claim_id")),
            "hedge": Hedge(d["hedge"]) if d.get("hedge") else None,
            "evidence": evidence_from_dict(d.get("evidence")),
            "document_ids": tuple(d.get("document_ids") or ()),
            "members": tuple(d.get("members") or ()),
            "sources": tuple(d.get("sources") or ()),
            "contested": dict(d.get("contested") or {}),
            "trigger": Snippet(text=trig["text"], evidence=evidence_from_dict(trig.get("evidence"))) if trig else None,
        }
    )


__all__ = [
    "FORMAT_VERSION", "Actor", "Annotations", "AssertedBy", "AssertedKind", "CasualtyMention", "Citation", "Claim", "Count",
    "Document", "Event", "Evidence", "Failure", "GeoPrecision", "Hedge", "Place", "Precision", "Report", "Role",
    "Snippet", "Span", "Speaker", "SpeakerKind", "Time", "TimeBasis", "Token", "check_evidence", "event_from_dict",
    "sha256_text", "stable_id", "to_dict",
]
