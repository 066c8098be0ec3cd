"""How well a gazetteer candidate fits a toponym mention: a weighted sum of named features of the candidate and its
document.

The features are priors (population, feature class), what the text says about the mention (the entry's own name,
"X province", a qualifier after a comma) and what the rest of the article is about (its countries and its states
or provinces, from ``context.py``; a town and its county, from ``links.py``).  Each feature has a name and each
weight is looked up by that name, so a feature can be added or dropped without shifting the others.  The weights
live in ``sitrep/data/place_weights.json`` and are written by ``tools/fit_place_weights.py``: a conditional logit
(softmax over each mention's candidates) fitted on the tune parts of LGL and GeoWebNews only;
``tools/fit_place_weights.py --check`` verifies that the committed weights are what it fits.  No words here.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sitrep.config import data_text

FEATURE_NAMES = (
    "log_pop", "is_country", "is_region", "is_landmark", "is_admin1", "is_city", "is_admin2",
    "own_name", "hint_fits", "hint_vs_country", "loc_is_region", "qualifying_big",
    "country_ctx", "region_ctx", "qualifier_match",
    "pop_gap", "most_populous", "big_city", "ctx_times_small", "alt_only_small", "no_population",
    "loc_label_populated", "home_region", "admin_link", "near_others",
)
_CLASSES = ("country", "region", "landmark", "admin1", "city", "admin2")
WEIGHTS_FILE = "place_weights.json"


def load_weights(text: str | None = None) -> dict[str, float]:
    """The weights by feature name, from the packaged file (or ``text`` in its layout); every feature needs one."""
    weights = {str(k): float(v) for k, v in json.loads(text if text is not None else data_text(WEIGHTS_FILE))["weights"].items()}
    if set(weights) != set(FEATURE_NAMES):
        missing, extra = set(FEATURE_NAMES) - set(weights), set(weights) - set(FEATURE_NAMES)
        raise ValueError(f"{WEIGHTS_FILE}: weights do not match the features (missing {sorted(missing)}, "
                         f"unknown {sorted(extra)}); rerun tools/fit_place_weights.py")
    return weights


WEIGHTS: dict[str, float] = load_weights()

# tools/fit_place_weights.py collects each mention's candidates with their features through this (off otherwise).
_TRACE: ContextVar[list | None] = ContextVar("place_feature_trace", default=None)


@contextmanager
def traced() -> Iterator[list[tuple[Any, Any, dict[str, float]]]]:
    """Collect ``(mention, candidate, features)`` for every candidate scored inside the ``with`` block."""
    rows: list[tuple[Any, Any, dict[str, float]]] = []
    token = _TRACE.set(rows)
    try:
        yield rows
    finally:
        _TRACE.reset(token)


def log_pop(c: Any) -> float:
    return math.log10((c.population or 0) + 1)


def candidate_features(c: Any, *, own_name: bool, hint: str | None, label: str, qualifying: bool,
                       country_ctx: float, region_ctx: float, qualifier_match: bool, top_log_pop: float,
                       home_region: float = 0.0, admin_link: bool = False, near_others: bool = False,
                       mention: Any = None) -> dict[str, float]:
    """The named features of candidate ``c`` for one mention (``mention`` only identifies it to a trace)."""
    fits = bool(hint) and (c.feature == hint or (hint == "admin1" and c.feature == "region"))
    lp = log_pop(c)
    f = {"log_pop": lp, **{f"is_{k}": 1.0 if c.feature == k else 0.0 for k in _CLASSES},
         "own_name": 1.0 if own_name else 0.0,
         "hint_fits": 1.0 if fits else 0.0,
         "hint_vs_country": 1.0 if hint and not fits and c.feature == "country" else 0.0,
         "loc_is_region": 1.0 if not hint and label in ("LOC", "FAC") and c.feature in ("region", "landmark") else 0.0,
         "qualifying_big": 1.0 if not hint and qualifying and c.feature in ("country", "admin1") else 0.0,
         "country_ctx": country_ctx, "region_ctx": region_ctx, "qualifier_match": 1.0 if qualifier_match else 0.0,
         "home_region": home_region, "admin_link": 1.0 if admin_link else 0.0,
         "near_others": 1.0 if near_others else 0.0}
    if not c.population:
        # seas, regions and most counties carry no population: their class weights speak for them instead
        f |= {"pop_gap": 0.0, "most_populous": 0.0, "big_city": 0.0, "ctx_times_small": 0.0, "alt_only_small": 0.0,
              "no_population": 1.0, "loc_label_populated": 0.0}
    else:
        gap = lp - top_log_pop  # <= 0: how much smaller than the most populous namesake
        small = min(1.0, -gap / 3)
        f |= {"pop_gap": gap, "most_populous": 1.0 if gap > -1e-9 else 0.0, "big_city": 1.0 if lp >= 6 else 0.0,
              "ctx_times_small": country_ctx * small, "alt_only_small": 0.0 if own_name else small,
              "no_population": 0.0,
              # the model tags seas, rivers and mountains LOC: a populated namesake is then less likely meant
              "loc_label_populated": 1.0 if label == "LOC" else 0.0}
    rows = _TRACE.get()
    if rows is not None:
        rows.append((mention, c, f))
    return f


def score(features: Mapping[str, float], weights: Mapping[str, float] | None = None) -> float:
    """The weighted sum of the features, each weight taken by the feature's name."""
    w = WEIGHTS if weights is None else weights
    return sum(w[name] * features[name] for name in FEATURE_NAMES)


__all__ = ["FEATURE_NAMES", "WEIGHTS", "candidate_features", "load_weights", "log_pop", "score", "traced"]
