"""The ground every record stands on: ids, closed vocabularies, evidence, and plain-data conversion."""

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
    DOCUMENT = "document"  # a poll, report, email or filing that "shows" or "finds" something


class ClaimKind(StrEnum):
    """What a claim attributes: words said, a view held, an intention, a stance taken, or a question put."""

    STATEMENT = "statement"  # said, told, announced, according to
    BELIEF = "belief"  # thinks, believes, expects, fears; a poll shows
    INTENTION = "intention"  # wants, plans, intends, seeks, hopes: what someone means to do or wants to happen
    STANCE = "stance"  # supports, criticised, praised, talked about: an attitude to a thing, not a proposition
    QUESTION = "question"  # asked whether: put, not asserted


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


# --------------------------------------------------------------------------- plain data


_RECORD_FIELDS: dict[type, tuple[str, ...]] = {}
_PLAIN = frozenset((str, int, float, bool, type(None)))


def to_dict(obj: Any) -> Any:
    """Plain JSON-ready data (enums become their values, tuples lists)."""
    # Every report goes through here on its way to the store: plain values return first, and each record
    # class's field names are looked up once (about twice as fast as dataclasses.fields on every record).
    kind = type(obj)
    if kind in _PLAIN:
        return obj
    names = _RECORD_FIELDS.get(kind)
    if names is None and dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = _RECORD_FIELDS[kind] = tuple(f.name for f in dataclasses.fields(obj))
    if names is not None:
        return {name: to_dict(getattr(obj, name)) for name in names}
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, Mapping):
        return {str(k): to_dict(v) for k, v in obj.items()}
    return obj
_LEAVES = (str, int, float, bool, type(None), enum.Enum, dict)


def walk_evidence(obj: Any) -> Iterator[Evidence]:
    # Runs over every report (the pipeline checks all evidence), so field names are looked up once per
    # record class and plain values are skipped without recursion.
    if isinstance(obj, Evidence):
        yield obj
    elif isinstance(obj, (list, tuple)):
        for x in obj:
            if not isinstance(x, _LEAVES):
                yield from walk_evidence(x)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = _RECORD_FIELDS.get(type(obj))
        if names is None:
            names = _RECORD_FIELDS[type(obj)] = tuple(f.name for f in dataclasses.fields(obj))
        for name in names:
            value = getattr(obj, name)
            if not isinstance(value, _LEAVES):
                yield from walk_evidence(value)

