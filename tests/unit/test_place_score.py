"""The place-ranking features have names and the weights are looked up by name (sitrep/extract/places/scoring.py)."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from sitrep.extract.places import scoring as ps

KW = {"hint": None, "label": "GPE", "qualifying": False, "region_ctx": 0.0, "qualifier_match": False,
      "top_log_pop": 5.0, "own_name": True, "country_ctx": 0.5}


def test_every_feature_has_a_committed_weight_and_no_weight_is_left_over() -> None:
    assert set(ps.WEIGHTS) == set(ps.FEATURE_NAMES)
    town = ps.candidate_features(SimpleNamespace(feature="city", population=99_999, country="IQ"), **KW)
    sea = ps.candidate_features(SimpleNamespace(feature="region", population=0, country=None), **KW)
    assert set(town) == set(sea) == set(ps.FEATURE_NAMES)


def test_score_takes_each_weight_by_its_feature_name() -> None:
    features = {name: 0.0 for name in ps.FEATURE_NAMES} | {"log_pop": 2.0, "home_region": 1.0}
    weights = {name: 100.0 for name in ps.FEATURE_NAMES} | {"log_pop": 0.5, "home_region": -3.0}
    assert ps.score(features, weights) == 2.0 * 0.5 + 1.0 * -3.0


def test_weights_file_must_name_every_feature() -> None:
    good = {"weights": {name: 0.0 for name in ps.FEATURE_NAMES}}
    assert ps.load_weights(json.dumps(good)) == good["weights"]
    missing = {"weights": {name: 0.0 for name in ps.FEATURE_NAMES[1:]}}
    with pytest.raises(ValueError, match="missing \\['log_pop'\\]"):
        ps.load_weights(json.dumps(missing))
    extra = {"weights": {**good["weights"], "shoe_size": 1.0}}
    with pytest.raises(ValueError, match="unknown \\['shoe_size'\\]"):
        ps.load_weights(json.dumps(extra))


def test_trace_collects_features_with_their_mention_only_inside_the_block() -> None:
    town = SimpleNamespace(feature="city", population=5_000, country="IQ")
    ps.candidate_features(town, **KW, mention="before")
    with ps.traced() as rows:
        f = ps.candidate_features(town, **KW, mention=(3, 5))
    ps.candidate_features(town, **KW, mention="after")
    assert rows == [((3, 5), town, f)]
    # population 5,000 against a top namesake of 10^5: log gap = log10(5001) - 5 = -1.30
    assert f["pop_gap"] == pytest.approx(-1.301, abs=1e-3) and f["most_populous"] == 0.0


def test_a_candidate_near_the_articles_other_towns_fits_its_map() -> None:
    from sitrep.extract.places.rank import _near

    kirkuk = (35.47, 44.39)
    daquq = SimpleNamespace(feature="city", lat=35.14, lon=44.45)  # about 37 km from Kirkuk
    namesake = SimpleNamespace(feature="city", lat=40.71, lon=-74.0)  # the same name far away
    province = SimpleNamespace(feature="admin1", lat=35.4, lon=44.3)  # a province's centre says nothing of a story
    assert _near(daquq, [kirkuk]) and not _near(namesake, [kirkuk]) and not _near(province, [kirkuk])
    assert not _near(daquq, [])
