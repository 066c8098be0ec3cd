"""How likely an incident is to be a real incident of the day, at its place and day: the ``confidence`` of an
event told as news.

A logistic model over what the text pins down about the incident (its own day and place, how many sentences
tell it, a toll, a named initiator, who says so) and its type. The weights are fitted on the tuning part of the
incident dev set by ``tools/fit_incident_confidence.py`` and kept, named, in ``data/incident_confidence.yaml``;
the check part says what a threshold buys (``sitrep eval incidents`` prints ``precision_at_confidence``).
Features are read from the event record alone, so the fit script and the stage compute the same numbers.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from sitrep.model import GeoPrecision, Role

_OWN = ("clause", "sentence", "report")  # the sentence names the day (of the saying, for report)
_FINE = ("exact", "near", "admin2")
FAMILIES = ("battles", "explosions_remote_violence", "violence_against_civilians", "protests", "riots")


def features(event: Mapping[str, Any]) -> dict[str, float]:
    """The named features of one event (its ``to_dict`` form, so a saved report can be re-scored)."""
    date_rule = event.get("date_rule") or "none"
    place = event.get("place") or {}
    located = place.get("lat") is not None and place.get("lon") is not None
    precision = str(place.get("precision") or GeoPrecision.UNKNOWN.value)
    tolls = [c for c in (event.get("killed"), event.get("injured")) if c]
    initiators = [a for a in event.get("actors") or () if a.get("role") == Role.INITIATOR.value and a.get("name")]
    out = {
        "mentions": math.log1p(len(event.get("evidence") or ())),
        "date_own": float(date_rule in _OWN),
        "date_paragraph": float(date_rule == "paragraph"),
        "date_none": float(date_rule == "none"),
        "place_own": float(event.get("place_rule") == "sentence" and located),
        "place_fine": float(located and precision in _FINE),
        "place_missing": float(not located),
        "toll": float(any((c.get("best") or 0) > 0 for c in tolls)),
        "initiator_named": float(bool(initiators)),
        "by_speaker": float((event.get("asserted_by") or {}).get("kind") == "speaker"),
        "hedged": float(event.get("hedge") is not None),
    }
    out.update({f"type_{f}": float(event.get("type") == f) for f in FAMILIES})
    return out


def probability(weights: Mapping[str, float], feats: Mapping[str, float]) -> float:
    z = weights.get("bias", 0.0) + sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def fitted_weights() -> dict[str, float]:
    """The committed weights (``data/incident_confidence.yaml``), read once per process."""
    from sitrep.config import load_yaml

    data = load_yaml("incident_confidence.yaml") or {}
    return {str(k): float(v) for k, v in (data.get("weights") or {}).items()}


def incident_confidence(event: Mapping[str, Any], weights: Mapping[str, float] | None = None) -> float:
    return round(probability(fitted_weights() if weights is None else weights, features(event)), 2)


__all__ = ["FAMILIES", "features", "fitted_weights", "incident_confidence", "probability"]
