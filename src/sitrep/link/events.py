"""One event, many reports: block, score and cluster events from different documents.

Two events are only compared when they could be the same (``could_match``): same type family, time
windows that overlap once widened by their precision, places within a radius set by their precision.
``match`` then scores the pair from place, date, actors, counts, subtype and the words of the evidence
sentences, and ``decide`` turns the score into "same", "related" (same kind, maybe the same
episode) or "different".  Every number below (slacks, radii, weights, ``SAME``, ``RELATED``) was set by
hand, not fitted: chosen while writing the near-duplicate reports of ``tests/unit/test_linking.py``
(three reports of one strike merge, look-alike incidents stay apart), with ECB+ as a sanity check.  No
gold set here is coded at the level of events across documents, so there is nothing to fit them on yet.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

from sitrep.link.similarity import Vector, cosine, terms, tfidf
from sitrep.model import Document, Event, GeoPrecision, Hedge, Precision, TimeBasis

K = TypeVar("K")

# How far a time of each precision may be from another and still be the same happening (days).
DATE_SLACK = {Precision.DAY: 1, Precision.WEEK: 3, Precision.RANGE: 3, Precision.MONTH: 7, Precision.SEASON: 14,
              Precision.YEAR: 30, Precision.DECADE: 365, Precision.UNKNOWN: 7}
# How far apart two places of each precision may be and still be the same event (km).
RADIUS_KM = {GeoPrecision.EXACT: 25.0, GeoPrecision.NEAR: 50.0, GeoPrecision.ADMIN2: 100.0,
             GeoPrecision.ADMIN1: 300.0, GeoPrecision.COUNTRY: math.inf, GeoPrecision.UNKNOWN: math.inf}
_OWN_STATUS = (Hedge.HYPOTHETICAL, Hedge.HISTORICAL)
WEIGHTS = {"place": 0.25, "date": 0.2, "text": 0.2, "actors": 0.15, "subtype": 0.1, "counts": 0.1}
SAME = 0.62  # at or above: the same event
RELATED = 0.45  # at or above: related (same kind, same area and time), kept apart


@dataclass(frozen=True, slots=True)
class Signature:
    """What linking looks at in one event of one document."""

    event_id: str
    document_id: str
    outlet: str | None
    type: str
    subtype: str | None
    start: date | None
    end: date | None
    precision: Precision
    place_id: int | None
    country: str | None
    lat: float | None
    lon: float | None
    place_precision: GeoPrecision
    actors: frozenset[str]
    killed: int | None
    status: str = "asserted"  # negated, hypothetical and historical events only link among themselves
    words: Vector = field(default_factory=dict)


def signature(event: Event, document: Document | None = None, *, idf: dict[str, float] | None = None) -> Signature:
    d, p = event.date, event.place
    text = " ".join(ev.text for ev in event.evidence)
    return Signature(
        event_id=event.id,
        document_id=event.document_ids[0] if event.document_ids else "",
        outlet=(document.outlet if document else None) or (event.asserted_by.name if event.asserted_by else None),
        type=event.type,
        subtype=event.subtype,
        start=_day(d.start) if d else None,
        end=_day(d.end) if d else None,
        precision=d.precision if d and d.basis != TimeBasis.PUBLICATION else Precision.UNKNOWN,
        place_id=p.geonames_id if p else None,
        country=p.country if p else None,
        lat=p.lat if p else None,
        lon=p.lon if p else None,
        place_precision=p.precision if p else GeoPrecision.UNKNOWN,
        actors=frozenset((a.canonical or a.name or "").lower() for a in event.actors if a.name),
        killed=event.killed.best if event.killed else None,
        status="negated" if event.negated else event.hedge.value if event.hedge in _OWN_STATUS else "asserted",
        words=_unit(terms(text), idf),
    )


def _unit(bag: Counter[str], idf: dict[str, float] | None) -> Vector:
    """The evidence words as a unit vector (plain term weights when no IDF is given)."""
    return tfidf(bag, idf if idf is not None else dict.fromkeys(bag, 1.0))


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def km(a: Signature, b: Signature) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def could_match(a: Signature, b: Signature) -> bool:
    """Blocking: cheap tests that rule a pair out before it is scored."""
    if a.document_id == b.document_id or a.type != b.type or a.status != b.status:
        return False
    if a.start and b.start and a.end and b.end:
        slack = timedelta(days=max(DATE_SLACK[a.precision], DATE_SLACK[b.precision]))
        if a.start > b.end + slack or b.start > a.end + slack:
            return False
    if a.country and b.country and a.country != b.country:
        return False
    dist = km(a, b)
    return dist is None or a.place_id == b.place_id or dist <= max(RADIUS_KM[a.place_precision],
                                                                   RADIUS_KM[b.place_precision])


def match(a: Signature, b: Signature) -> tuple[float, dict[str, float]]:
    """A score in [0, 1] and its parts; an unknown part counts as 0.5 (neither for nor against)."""
    parts = {
        "place": _place_part(a, b),
        "date": _date_part(a, b),
        "text": cosine(a.words, b.words) if a.words and b.words else 0.5,
        "actors": len(a.actors & b.actors) / len(a.actors | b.actors) if a.actors and b.actors else 0.5,
        "subtype": 1.0 if a.subtype == b.subtype else 0.3,
        "counts": _count_part(a.killed, b.killed),
    }
    return round(sum(WEIGHTS[k] * v for k, v in parts.items()), 4), parts


def _place_part(a: Signature, b: Signature) -> float:
    if a.place_id is not None and a.place_id == b.place_id:
        return 1.0
    dist = km(a, b)
    if dist is None:
        return 0.5
    radius = max(RADIUS_KM[a.place_precision], RADIUS_KM[b.place_precision])
    return 0.5 if math.isinf(radius) else max(0.0, 1.0 - dist / radius)


def _date_part(a: Signature, b: Signature) -> float:
    if not (a.start and b.start and a.end and b.end) or Precision.UNKNOWN in (a.precision, b.precision):
        return 0.5
    if a.precision == b.precision == Precision.DAY:
        return 1.0 if a.start == b.start else max(0.0, 1.0 - abs((a.start - b.start).days) / 3)
    overlap = (min(a.end, b.end) - max(a.start, b.start)).days + 1
    span = (max(a.end, b.end) - min(a.start, b.start)).days + 1
    return max(0.0, overlap / span) * 0.5 + 0.5 if overlap > 0 else 0.0


def _count_part(x: int | None, y: int | None) -> float:
    if x is None or y is None:
        return 0.5
    if x == y:
        return 1.0
    return 0.4 + 0.5 * min(x, y) / max(x, y)  # differing tolls are common in early reports


def decide(score: float, *, same_subtype: bool = True) -> str:
    """ "same", "related" or "different".  Reports that name different means ("a car bomb" / "a drone
    strike") are at most related: merging two incidents is worse than leaving one event split."""
    if score >= SAME and same_subtype:
        return "same"
    return "related" if score >= RELATED else "different"


def verdict(a: Signature, b: Signature) -> tuple[str, float]:
    if not could_match(a, b):
        return "different", 0.0
    score = match(a, b)[0]
    return decide(score, same_subtype=a.subtype == b.subtype), score


@dataclass(slots=True)
class Cluster:
    members: list[Signature]
    related: set[int] = field(default_factory=set)  # indexes of clusters judged related


def best_cluster(sig: Signature, clusters: Iterable[tuple[K, Sequence[Signature]]]) -> tuple[K | None, str, float]:
    """The cluster ``sig`` is most like, as (key, verdict, score): a "same" verdict beats any other, then the
    higher score.  A cluster that already holds an event of the same document is skipped: within-document
    coreference has told those apart."""
    best: K | None = None
    best_verdict = ("different", -1.0)
    for key, members in clusters:
        if any(m.document_id == sig.document_id for m in members):
            continue
        for m in members:
            v = verdict(sig, m)
            if (v[0] == "same", v[1]) > (best_verdict[0] == "same", best_verdict[1]):
                best, best_verdict = key, v
    return best, best_verdict[0], best_verdict[1]


def cluster_events(sigs: Sequence[Signature]) -> list[Cluster]:
    """Add events one by one (in the given order) to the best matching cluster, or start a new one.

    A cluster never holds two events of one document: within-document coreference already merged
    those that are the same.  The result depends only on the order, so a sorted input gives the same
    clusters on every run.
    """
    clusters: list[Cluster] = []
    for sig in sigs:
        best, decision, _ = best_cluster(sig, ((k, c.members) for k, c in enumerate(clusters)))
        if best is not None and decision == "same":
            clusters[best].members.append(sig)
            continue
        clusters.append(Cluster(members=[sig]))
        if best is not None and decision == "related":
            clusters[-1].related.add(best)
            clusters[best].related.add(len(clusters) - 1)
    return clusters
