"""The records every part of sitrep speaks: the published record format v1.

Stages, store, CLI and API exchange these frozen dataclasses.  Field names are
a contract with users (see README "Record format"); add fields freely, never
rename or remove one without bumping ``FORMAT_VERSION``.

Offsets are half-open ``[start, end)`` Python code-point offsets into
``Document.text``; every ``Evidence`` is made by ``Evidence.of`` (or checked
by ``check_evidence``) so that ``evidence.text == document.text[start:end]``.

The records are in ``records``; ids, vocabularies, evidence and ``to_dict`` in ``base``; ``*_from_dict`` in
``convert``. Everything is importable from ``sitrep.model``.
"""

from sitrep.model.base import (
    FORMAT_VERSION,
    GEO_PRECISION_RANK,
    PRECISION_RANK,
    AssertedKind,
    ClaimKind,
    Evidence,
    GeoPrecision,
    Hedge,
    Precision,
    Role,
    SpeakerKind,
    StrEnum,
    TimeBasis,
    check_evidence,
    record,
    sha256_text,
    stable_id,
    to_dict,
)
from sitrep.model.convert import (
    actor_from_dict,
    count_from_dict,
    event_from_dict,
    evidence_from_dict,
    place_from_dict,
    time_from_dict,
)
from sitrep.model.records import (
    Actor,
    Aggregate,
    Annotations,
    AssertedBy,
    CasualtyMention,
    Citation,
    Claim,
    Count,
    Document,
    Event,
    Failure,
    Place,
    Report,
    Snippet,
    Span,
    Speaker,
    Time,
    Token,
)

__all__ = [
    "FORMAT_VERSION", "GEO_PRECISION_RANK", "PRECISION_RANK", "Actor", "Aggregate", "Annotations", "AssertedBy", "AssertedKind",
    "CasualtyMention", "Citation", "Claim", "ClaimKind", "Count", "Document", "Event", "Evidence", "Failure", "GeoPrecision", "Hedge",
    "Place", "Precision", "Report", "Role", "Snippet", "Span", "Speaker", "SpeakerKind", "StrEnum", "Time", "TimeBasis",
    "Token", "actor_from_dict", "check_evidence", "count_from_dict", "event_from_dict", "evidence_from_dict",
    "place_from_dict", "record", "sha256_text", "stable_id", "time_from_dict", "to_dict",
]
