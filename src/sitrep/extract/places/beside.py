"""A place the gazetteer lacks, written with how far it lies from a town it knows, is placed beside that town.

"Le village de Soumpi, situé à une vingtaine de km de Niafunké", "Ezekere, à une dizaine de km de Bunia", "a village
12 miles from Kandahar", "Kotoni, near Bunia": the village keeps its own name and words as evidence and takes the
town's point with precision ``near``.  The town must follow in the same clause, within a few words that hold a
distance unit or a near word (``places.yaml``: distance_units, near_words, near_heads), and with no verb of its own
between them but a participle describing the village ("situé", "located").  A distance written in digits beyond
``BESIDE_KM`` is not beside ("150 kilomètres au nord-ouest de Mopti"); words ("une vingtaine") are taken as near.
"""

from __future__ import annotations

from dataclasses import replace

from sitrep.extract.common.text import sentence_index_at
from sitrep.extract.places.records import Mention
from sitrep.extract.places.words import PlaceWords
from sitrep.model import Annotations, GeoPrecision, Place

# Words between the village and the town ("Soumpi, situé à une vingtaine de km de (la ville de) Niafunké": 13).
MAX_GAP = 14
# Farther than this (in km, written in digits) a place is in the town's region, not beside it: set by hand, the
# radius within which an incident is matched to its place (sitrep eval incidents), so near stays near.
BESIDE_KM = 50.0
_POINTS = ("city", "admin2", "landmark")


def placed_beside(ann: Annotations, places: list[Place], mentions: list[Mention], w: PlaceWords) -> list[Place]:
    """Each unresolved place (not a site) followed by its distance from a town the gazetteer knows, placed near
    that town; the others as they are."""
    out = list(places)
    for i, (p, m) in enumerate(zip(places, mentions, strict=True)):
        if p.lat is not None or m.site:
            continue
        for j in range(i + 1, len(places)):
            q, n = out[j], mentions[j]
            if n.start - m.end > MAX_GAP or q.lat is None or q.lon is None:
                if n.start - m.end > MAX_GAP:
                    break
                continue  # an unresolved name on the way ("la route Kasenyi à 18 km de Bunia"): look further
            if q.feature in _POINTS and _says_beside(ann, m.end, n.start, w):
                out[i] = replace(p, geonames_id=q.geonames_id, feature=q.feature, country=q.country, admin1=q.admin1,
                                 admin2=q.admin2, lat=q.lat, lon=q.lon, precision=GeoPrecision.NEAR,
                                 candidates=({"geonames_id": q.geonames_id, "name": q.name, "feature": q.feature,
                                              "via": "distance from a named town"},))
            break
    return out


def _says_beside(ann: Annotations, start: int, end: int, w: PlaceWords) -> bool:
    """Whether tokens ``[start, end)`` between the two names say the first lies beside the second."""
    toks = ann.tokens[start:end]
    if not toks or sentence_index_at(ann, toks[0].start) != sentence_index_at(ann, ann.tokens[end].start):
        return False
    if any(t.pos == "AUX" or (t.pos == "VERB" and t.dep != "acl") for t in toks):
        return False  # "attacked Kikoga and fled towards Bunia": another clause
    said = False
    for k, t in enumerate(toks):
        word = t.text.lower()
        if word in w.distance_units:
            said = True
            number = toks[k - 1].text.replace(",", ".") if k else ""
            if _is_number(number) and float(number) * w.distance_units[word] > BESIDE_KM:
                return False
        elif word in w.near_words or word in w.near_heads:
            said = True
    return said


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


__all__ = ["BESIDE_KM", "MAX_GAP", "placed_beside"]
