"""sitrep eval places: the three gold layouts, offset repair, and the scores on hand-made predictions."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.eval import places as eval_places
from sitrep.eval._geo_formats import align, read_gold
from sitrep.eval._geo_metrics import CountryFinder, Tally, distance_km, match_spans
from sitrep.model import Evidence, GeoPrecision, Place

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "geo"


def test_lgl_layout_repairs_drifted_offsets_and_counts_the_unaligned() -> None:
    docs = list(read_gold([str(FIXTURES / "lgl_small.xml")], fmt="lgl"))
    first = docs[0]
    assert [(g.phrase, first.text[g.start : g.end]) for g in first.toponyms] == [("Mosul", "Mosul"), ("Iraq", "Iraq")]
    assert first.toponyms[1].start == 62
    assert first.unaligned == ["Basra"]
    assert first.toponyms[0].geonames_id == 99072 and first.toponyms[0].country == "Iraq"
    assert len(docs) == 2


def test_gwn_layout_keeps_only_toponyms_with_coordinates() -> None:
    (doc,) = read_gold([str(FIXTURES / "gwn_small.xml")], fmt="gwn")
    assert [(g.phrase, g.kind, g.geonames_id) for g in doc.toponyms] == [("Kenya", "Literal", 192950),
                                                                          ("Nairobi", "Literal", 184745)]


def test_geovirus_offsets_one_late_are_realigned() -> None:
    (doc,) = read_gold([str(FIXTURES / "geovirus_small.xml")], fmt="geovirus")
    assert [(g.start, g.end) for g in doc.toponyms] == [(22, 27), (47, 51)]
    assert doc.unaligned == ["Sanaa"]


def test_limit_stops_after_that_many_documents() -> None:
    assert len(list(read_gold([str(FIXTURES / "lgl_small.xml")], fmt="lgl", limit=1))) == 1


def test_align_picks_the_nearest_occurrence_within_the_window() -> None:
    text = "Gaza ... Gaza"
    assert align(text, 8, 12, "Gaza") == (9, 13)
    assert align(text, 0, 4, "Rafah") is None


def test_distance_of_a_degree_of_latitude_is_about_111_km() -> None:
    assert distance_km(0, 0, 1, 0) == pytest.approx(111.2, abs=0.2)


def test_spans_match_exactly_first_then_by_overlap() -> None:
    assert match_spans([(0, 5), (10, 20)], [(12, 18), (0, 5)]) == {0: 1, 1: 0}
    assert match_spans([(0, 5)], [(6, 9)]) == {}


def test_country_finder_returns_the_nearest_place_country() -> None:
    finder = CountryFinder([(33.3, 44.4, "IQ"), (35.7, 51.4, "IR")])
    assert finder.country_at(33.0, 44.0) == "IQ"
    assert finder.country_at(35.0, 51.0) == "IR"
    assert finder.country_at(-60.0, 0.0) is None


def _place(text: str, name: str, lat: float | None, lon: float | None, gid: int | None, country: str | None) -> Place:
    start = text.index(name)
    return Place(name=name, geonames_id=gid, country=country, lat=lat, lon=lon, precision=GeoPrecision.EXACT,
                 evidence=(Evidence.of(text, start, start + len(name)),))


def test_scores_count_near_points_and_unresolved_places_as_wrong() -> None:
    (doc, _) = read_gold([str(FIXTURES / "lgl_small.xml")], fmt="lgl")
    predictions = [
        _place(doc.text, "Mosul", 36.3, 43.2, 99072, "IQ"),  # within 10 km
        _place(doc.text, "Iraq", None, None, None, None),  # recognised, unresolved: wrong
        _place(doc.text, "Monday", 0.0, 0.0, 1, "XX"),  # not a gold toponym: lowers precision
    ]
    tally = Tally()
    eval_places.score_document(doc, predictions, tally)
    m = tally.metrics()
    assert (m["n_gold"], m["n_pred"], m["unaligned"]) == (2, 3, 1)
    assert m["recognition_p"] == pytest.approx(2 / 3, abs=1e-4) and m["recognition_r"] == 1.0
    assert (m["n_recognised"], m["n_resolved"]) == (2, 1)
    assert m["acc_at_161"] == 0.5 and m["acc_at_161_all"] == 0.5
    assert m["median_km"] < 10


def test_evaluate_runs_the_places_stage_on_the_geovirus_layout() -> None:
    m = eval_places.evaluate([str(FIXTURES / "geovirus_small.xml")], fmt="geovirus")
    for key in ("n_docs", "n_gold", "recognition_p", "recognition_r", "recognition_f1", "acc_at_161", "mean_km",
                "median_km", "country_acc", "docs_per_s", "acc_at_161_all", "unaligned"):
        assert key in m
    assert (m["n_docs"], m["n_gold"], m["unaligned"]) == (1, 2, 1)
    assert m["recognition_r"] == 1.0 and m["acc_at_161"] == 1.0 and m["country_acc"] == 1.0


def test_resolvable_counts_misses_that_some_entry_of_their_name_could_have_resolved() -> None:
    from types import SimpleNamespace

    (doc, _) = read_gold([str(FIXTURES / "lgl_small.xml")], fmt="lgl")
    iraq = next(g for g in doc.toponyms if g.phrase == "Iraq")
    predictions = [_place(doc.text, "Mosul", 36.3, 43.2, 99072, "IQ"), _place(doc.text, "Iraq", None, None, None, None)]

    def tally_with(entries: dict) -> dict:
        gazetteer = SimpleNamespace(lookup=lambda name: entries.get(name, []))
        tally = Tally()
        eval_places.score_document(doc, predictions, tally, gazetteer=gazetteer)
        return tally.metrics()

    near = [SimpleNamespace(lat=iraq.lat + 0.5, lon=iraq.lon)]
    far = [SimpleNamespace(lat=iraq.lat + 20.0, lon=iraq.lon), SimpleNamespace(lat=None, lon=None)]
    assert tally_with({"Iraq": near})["resolvable_at_161"] == 1.0  # Mosul right, Iraq reachable
    assert tally_with({"Iraq": far})["resolvable_at_161"] == 0.5


def test_acc_at_161_all_counts_a_missed_toponym_as_wrong() -> None:
    (_, doc) = read_gold([str(FIXTURES / "lgl_small.xml")], fmt="lgl")  # Alexandria, Louisiana: two gold toponyms
    tally = Tally()
    eval_places.score_document(doc, [_place(doc.text, "Alexandria", 31.3, -92.4, 4314550, "US")], tally)
    m = tally.metrics()
    # one of the two scorable toponyms is recognised and within 161 km: 1/1 on recognised, 1/2 over all
    assert (m["n_scorable"], m["n_recognised"]) == (2, 1)
    assert (m["acc_at_161"], m["acc_at_161_all"]) == (1.0, 0.5)
