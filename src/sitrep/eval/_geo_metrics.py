"""Scoring helpers for geoparsing: span matching, great-circle distance, and the country of a gold point."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

EARTH_RADIUS_KM = 6371.0088
# The field's usual threshold: 100 miles.
ACC_KM = 161.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def match_spans(gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Gold index -> predicted index, one to one: exact spans first, then the largest overlap."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    exact = {span: j for j, span in enumerate(predicted)}
    for i, span in enumerate(gold):
        j = exact.get(span)
        if j is not None and j not in used:
            pairs[i] = j
            used.add(j)
    for i, (gs, ge) in enumerate(gold):
        if i in pairs:
            continue
        best, best_overlap = None, 0
        for j, (ps, pe) in enumerate(predicted):
            overlap = min(ge, pe) - max(gs, ps)
            if j not in used and overlap > best_overlap:
                best, best_overlap = j, overlap
        if best is not None:
            pairs[i] = best
            used.add(best)
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class Tally:
    """Counts and distances accumulated over documents."""

    n_docs: int = 0
    n_gold: int = 0
    n_pred: int = 0
    exact_tp: int = 0
    overlap_tp: int = 0
    n_unaligned: int = 0
    n_scorable: int = 0  # gold toponyms with coordinates
    n_recognised: int = 0  # of those, matched by a predicted place
    n_resolved: int = 0  # of those, the prediction has coordinates
    within: int = 0
    within_or_id: int = 0
    resolvable: int = 0  # of the recognised, those some gazetteer entry of that name puts within 161 km
    distances: list[float] = field(default_factory=list)
    country_total: int = 0
    country_right: int = 0
    by_kind: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))  # kind -> [gold, recognised, within]

    def metrics(self) -> dict:
        p, r, f1 = prf(self.exact_tp, self.n_pred, self.n_gold)
        po, ro, f1o = prf(self.overlap_tp, self.n_pred, self.n_gold)
        dists = self.distances
        out = {
            "n_docs": self.n_docs, "n_gold": self.n_gold, "n_pred": self.n_pred, "unaligned": self.n_unaligned,
            "recognition_p": _r(p), "recognition_r": _r(r), "recognition_f1": _r(f1),
            "recognition_p_overlap": _r(po), "recognition_r_overlap": _r(ro), "recognition_f1_overlap": _r(f1o),
            "n_scorable": self.n_scorable, "n_recognised": self.n_recognised, "n_resolved": self.n_resolved,
            "acc_at_161": _r(self.within / self.n_recognised if self.n_recognised else 0.0),
            "acc_at_161_or_id": _r(self.within_or_id / self.n_recognised if self.n_recognised else 0.0),
            "acc_at_161_all": _r(self.within / self.n_scorable if self.n_scorable else 0.0),
            "resolvable_at_161": _r(self.resolvable / self.n_recognised if self.n_recognised else 0.0),
            "mean_km": _r(statistics.fmean(dists), 1) if dists else None,
            "median_km": _r(statistics.median(dists), 1) if dists else None,
            "country_acc": _r(self.country_right / self.country_total if self.country_total else 0.0),
        }
        if len(self.by_kind) > 1:
            out["by_type"] = {k: {"gold": g, "recall": _r(rec / g if g else 0.0),
                                  "acc_at_161": _r(w / rec if rec else 0.0)}
                              for k, (g, rec, w) in sorted(self.by_kind.items())}
        return out


def _r(x: float, digits: int = 4) -> float:
    return round(x, digits)


class CountryFinder:
    """The country of a point: the country of the nearest known place (a grid of one-degree cells, no scan)."""

    def __init__(self, points: Iterable[tuple[float, float, str]]) -> None:
        self._cells: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
        for lat, lon, country in points:
            self._cells[(math.floor(lat), math.floor(lon))].append((lat, lon, country))

    def country_at(self, lat: float, lon: float, *, rings: int = 3) -> str | None:
        cell = (math.floor(lat), math.floor(lon))
        for radius in range(rings + 1):
            best, best_d = None, math.inf
            for dy in range(-radius, radius + 1):
                for dx in range(-radius, radius + 1):
                    for plat, plon, country in self._cells.get((cell[0] + dy, cell[1] + dx), ()):
                        d = (plat - lat) ** 2 + ((plon - lon) * math.cos(math.radians(lat))) ** 2
                        if d < best_d:
                            best, best_d = country, d
            if best is not None:
                return best
        return None
