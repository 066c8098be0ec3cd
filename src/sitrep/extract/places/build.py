"""The stage's output: a ``Place`` record for each ranked toponym, with its best entry, its precision and the runners-up.

A site ("Haifa Street") or a town written with "near" ("near Tikrit") has precision ``near``: the place is beside
that point, not on it.
"""

from __future__ import annotations

from sitrep.extract.places.records import Ranked
from sitrep.model import Annotations, GeoPrecision, Place, stable_id

EXTRACTOR = "places@6"

_PRECISION = {"city": GeoPrecision.EXACT, "landmark": GeoPrecision.EXACT, "admin2": GeoPrecision.ADMIN2,
              "admin1": GeoPrecision.ADMIN1, "region": GeoPrecision.ADMIN1, "country": GeoPrecision.COUNTRY}
_RUNNERS_UP = 3  # candidates a place lists, best first


def place_from(ann: Annotations, r: Ranked) -> Place:
    m = r.toponym.mention
    start, end = ann.tokens[m.start].start, ann.tokens[m.end - 1].end
    evidence = (ann.evidence(start, end),)
    name = ann.text[start:end]
    if not r.scored:
        return Place(name=name, evidence=evidence, id=stable_id("pl", start, end, None), extractor=EXTRACTOR)
    best_score, best = r.scored[0]
    precision = _PRECISION.get(best.feature, GeoPrecision.UNKNOWN)
    if m.site or (m.near and best.feature in ("city", "landmark")):
        precision = GeoPrecision.NEAR
    candidates = tuple(
        {"geonames_id": c.geonames_id, "name": c.name, "feature": c.feature, "country": c.country,
         "admin1": c.admin1, "score": round(s, 3)}
        for s, c in r.scored[:_RUNNERS_UP]
    )
    return Place(
        name=name, geonames_id=best.geonames_id, feature=best.feature, country=best.country, admin1=best.admin1,
        admin2=best.admin2, lat=best.lat, lon=best.lon, precision=precision, evidence=evidence,
        id=stable_id("pl", start, end, best.geonames_id), score=round(best_score, 3), candidates=candidates,
        extractor=EXTRACTOR,
    )


__all__ = ["EXTRACTOR", "place_from"]
