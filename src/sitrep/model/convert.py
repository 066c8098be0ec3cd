"""Records rebuilt from their plain-data form (``to_dict`` output), as the store reads them back."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sitrep.model.base import AssertedKind, Evidence, GeoPrecision, Hedge, Precision, Role, TimeBasis
from sitrep.model.records import Actor, AssertedBy, Count, Event, Place, Snippet, Time


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

