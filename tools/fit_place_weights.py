"""Fit the place-ranking weights on the tune parts of LGL and GeoWebNews, and write (or check) the committed ones.

The places stage scores every gazetteer candidate of a toponym by a weighted sum of named features
(``sitrep/extract/places/scoring.py``).  This script runs the stage on the *tune* part of each set (``sitrep.eval.part_of``
of the document key: never the check part), collects each mention's candidates with their features, and fits the
weights as a conditional logit: a softmax over each mention's candidates, maximising the probability that the chosen
candidate is one of the right ones (within 161 km of the gold point).  An L2 penalty pulls the weights towards
``HAND``, the scoring written by hand before any fit, times a scale that is fitted too (the hand scoring was in other
units): features the tune data rarely exercises (a sea tagged LOC, a landmark's own name) keep their hand-set sense
instead of shrinking to nothing.  Which right candidate is
meant is left open (a town and its county may both be within 161 km), so the fit alternates (EM): share each mention's
target over its right candidates in proportion to their current probability (equally at first), then solve that
convex softmax fit by Newton's method; until the shares stop moving.  Only mentions that overlap a gold toponym with
coordinates and that have both a right and a wrong candidate teach the ranking anything; the others are left out.  The
L2 strength is chosen from a fixed grid by two-fold cross-validation inside the tune part (folds by a hash of the
document key), weights rounded to 3 decimals: no random numbers anywhere, so the same data gives the same weights.

One feature (``home_region``) depends on a first ranking pass made with the weights themselves, so the fit runs in
``ROUNDS`` rounds from a fixed start, the population baseline (every weight 0 but ``log_pop``: the most populous
namesake wins): round 1 collects the features with the start's first pass and fits, round 2 collects them again with
round 1's weights and fits again.  Iterating further does not settle (the weights cycle through a few nearby values as
pass-one choices flip), so the number of rounds is fixed, and the result depends on nothing but the tune data.

Usage (paths default to ../shared/datasets/raw/ seen from the repository root)::

    python tools/fit_place_weights.py            # fit, write src/sitrep/data/place_weights.json
    python tools/fit_place_weights.py --check    # exit 1 unless the committed weights are what the fit gives
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT.parent / "shared" / "datasets" / "raw"
WEIGHTS_PATH = ROOT / "src" / "sitrep" / "data" / "place_weights.json"
sys.path.insert(0, str(ROOT / "src"))

from sitrep.eval._geo_formats import GoldDoc, read_gold  # noqa: E402
from sitrep.eval._geo_metrics import ACC_KM, distance_km, match_spans  # noqa: E402
from sitrep.extract.places import scoring  # noqa: E402

LAMBDAS = (0.3, 1.0, 3.0, 10.0, 30.0)  # L2 strengths tried; the fit picks one by cross-validation on tune
DIGITS = 3
ROUNDS = 2
MAX_EM = 50
# The places stage's scoring before any fit, set by hand while the stage was written (commits 400b9ea..a34e0b9, on
# the dev sets as a whole: there was no split then): a log-population prior, a class prior, +0.5 own name, +1.5 / -0.5
# a fitting / contradicted "X province", +0.6 a LOC/FAC mention of a region or landmark, +0.5 a qualifying country or
# state, 1.5 x country context, 1.0 x region context, +3.0 a matching qualifier ("Alexandria, Louisiana").  Features
# added later have no hand value (0).
HAND = {"log_pop": 0.12, "is_country": 1.5, "is_region": 0.5, "is_landmark": 0.5, "is_admin1": 0.1, "is_city": 0.3,
        "is_admin2": -0.2, "own_name": 0.5, "hint_fits": 1.5, "hint_vs_country": -0.5, "loc_is_region": 0.6,
        "qualifying_big": 0.5, "country_ctx": 1.5, "region_ctx": 1.0, "qualifier_match": 3.0}


@dataclass(frozen=True)
class Groups:
    """Every kept mention's candidates: features ``x`` (rows), ``right`` (within 161 km), ``start`` offsets, docs."""

    x: np.ndarray
    right: np.ndarray
    start: np.ndarray  # start row of each group, plus the end
    doc: tuple[str, ...]  # the document key of each group


def load_documents(lgl: Path, gwn: Path) -> list[tuple[GoldDoc, object]]:
    from sitrep.nlp.spacy_adapter import annotate_many

    docs = read_gold([str(lgl)], fmt="lgl", part="tune") + read_gold([str(gwn)], fmt="gwn", part="tune")
    return list(zip(docs, annotate_many(d.text for d in docs), strict=True))


def collect(documents: Sequence[tuple[GoldDoc, object]], weights: dict[str, float], resources) -> Groups:
    """Run the places stage with ``weights`` and keep each gold-matched mention's candidates of the last pass."""
    from sitrep.extract.places import extract_places
    from sitrep.pipeline import actor_name_test

    is_actor = actor_name_test(resources.actor_table)
    saved = scoring.WEIGHTS
    scoring.WEIGHTS = weights
    rows, right, starts, keys = [], [], [0], []
    try:
        for doc, ann in documents:
            with scoring.traced() as trace:
                extract_places(ann, gazetteer=resources.gazetteer, is_actor=is_actor)
            last: dict[tuple[int, int], list] = {}
            for mention, cand, feats in trace:
                group = last.setdefault((mention.start, mention.end), [])
                if any(c is cand for c, _ in group):  # the candidate comes round again: a later ranking pass
                    group.clear()
                group.append((cand, feats))
            spans = list(last)
            char_spans = [(ann.tokens[s].start, ann.tokens[e - 1].end) for s, e in spans]
            gold = [g for g in doc.toponyms if g.lat is not None and g.lon is not None]
            for gi, mi in match_spans([(g.start, g.end) for g in gold], char_spans).items():
                g, group = gold[gi], last[spans[mi]]
                ok = [c.lat is not None and distance_km(g.lat, g.lon, c.lat, c.lon) <= ACC_KM for c, _ in group]
                if any(ok) and not all(ok):
                    rows += [[f[name] for name in scoring.FEATURE_NAMES] for _, f in group]
                    right += ok
                    starts.append(len(rows))
                    keys.append(doc.id)
    finally:
        scoring.WEIGHTS = saved
    return Groups(np.array(rows, dtype=float), np.array(right, dtype=bool), np.array(starts), tuple(keys))


def _softmax_by_group(s: np.ndarray, start: np.ndarray) -> np.ndarray:
    group = np.repeat(np.arange(len(start) - 1), np.diff(start))
    top = np.maximum.reduceat(s, start[:-1])
    e = np.exp(s - top[group])
    return e / np.add.reduceat(e, start[:-1])[group]


def fit(g: Groups, lam: float, pick: np.ndarray | None = None) -> np.ndarray:
    """EM on the likelihood of the groups selected by ``pick`` (all by default), the weights ``w = scale * HAND +
    delta`` with ``lam / 2 * |delta|^2`` as the penalty and the scale free; each M step by Newton."""
    if pick is not None:
        g = _subset(g, pick)
    hand = np.array([HAND.get(name, 0.0) for name in scoring.FEATURE_NAMES])
    x = np.hstack([g.x, (g.x @ hand)[:, None]])  # the last column is the hand score, its weight the scale
    penalty = np.array([lam] * g.x.shape[1] + [0.0])
    group = np.repeat(np.arange(len(g.start) - 1), np.diff(g.start))
    n_right = np.add.reduceat(g.right.astype(float), g.start[:-1])
    target = g.right / n_right[group]  # at first the right candidates share the group's probability equally
    theta = np.zeros(x.shape[1])
    for _ in range(MAX_EM):
        theta = _newton(x, g.start, target, penalty, theta)
        p = _softmax_by_group(x @ theta, g.start) * g.right
        shares = p / np.add.reduceat(p, g.start[:-1])[group]
        moved = np.max(np.abs(shares - target))
        target = shares
        if moved < 1e-6:
            break
    return theta[:-1] + theta[-1] * hand


def _newton(x: np.ndarray, start: np.ndarray, target: np.ndarray, penalty: np.ndarray,
            theta: np.ndarray) -> np.ndarray:
    """Minimise the cross-entropy against ``target`` plus ``sum(penalty * theta^2) / 2`` (convex: Newton converges)."""
    theta = theta.copy()
    for _ in range(100):
        p = _softmax_by_group(x @ theta, start)
        grad = x.T @ (p - target) + penalty * theta
        mean = np.add.reduceat(p[:, None] * x, start[:-1])  # per group: sum of p * x
        hess = (x * p[:, None]).T @ x - mean.T @ mean + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        theta -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return theta


def _subset(g: Groups, pick: np.ndarray) -> Groups:
    rows = np.concatenate([np.arange(g.start[i], g.start[i + 1]) for i in np.flatnonzero(pick)])
    sizes = np.diff(g.start)[pick]
    return Groups(g.x[rows], g.right[rows], np.concatenate([[0], np.cumsum(sizes)]),
                  tuple(k for k, p in zip(g.doc, pick, strict=True) if p))


def top1(g: Groups, w: np.ndarray, pick: np.ndarray) -> float:
    """Share of the picked groups whose best-scored candidate (first one on a tie) is right."""
    s = g.x @ w
    hits = [g.right[a + int(np.argmax(s[a:b]))] for i, (a, b) in enumerate(zip(g.start[:-1], g.start[1:], strict=True))
            if pick[i]]
    return float(np.mean(hits)) if hits else 0.0


def choose_lambda(g: Groups) -> tuple[float, dict[float, float]]:
    fold = np.array([int(hashlib.sha256(f"fold:{k}".encode()).hexdigest()[:8], 16) % 2 for k in g.doc])
    scores = {}
    for lam in LAMBDAS:
        scores[lam] = round(float(np.mean([top1(g, fit(g, lam, fold != k), fold == k) for k in (0, 1)])), 4)
    best = max(LAMBDAS, key=lambda lam: (scores[lam], lam))  # on a tie, the stronger penalty
    return best, scores


def fit_round(documents, weights: dict[str, float], resources) -> tuple[dict[str, float], dict]:
    g = collect(documents, weights, resources)
    lam, cv = choose_lambda(g)
    w = fit(g, lam)
    fitted = {name: round(float(v), DIGITS) + 0.0 for name, v in zip(scoring.FEATURE_NAMES, w, strict=True)}
    info = {"groups": len(g.start) - 1, "candidates": len(g.right), "lambda": lam, "cv_top1": cv,
            "tune_top1": round(top1(g, w, np.ones(len(g.start) - 1, dtype=bool)), 4)}
    return fitted, info


def write(weights: dict[str, float], info: dict) -> None:
    doc = {"about": "Weights of the place-ranking features (src/sitrep/extract/places/scoring.py), by name. Written by "
                    "tools/fit_place_weights.py from the tune parts of LGL and GeoWebNews; do not edit by hand.",
           "fit": info, "weights": weights}
    WEIGHTS_PATH.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lgl", type=Path, default=RAW / "lgl" / "lgl.xml")
    ap.add_argument("--gwn", type=Path, default=RAW / "geowebnews" / "GWN.xml")
    ap.add_argument("--check", action="store_true", help="verify the committed weights; write nothing")
    args = ap.parse_args(argv)
    from sitrep.pipeline import make_resources

    started = time.perf_counter()
    resources = make_resources()
    documents = load_documents(args.lgl, args.gwn)
    committed = scoring.load_weights(WEIGHTS_PATH.read_text(encoding="utf-8"))
    weights = {name: 1.0 if name == "log_pop" else 0.0 for name in scoring.FEATURE_NAMES}
    for n in range(1, ROUNDS + 1):
        weights, info = fit_round(documents, weights, resources)
        print(f"round {n}: {info['groups']} mentions, lambda {info['lambda']}, tune top-1 {info['tune_top1']}",
              file=sys.stderr)
    changed = {k: (committed[k], v) for k, v in weights.items() if v != committed[k]}
    if args.check:
        if changed:
            print(f"the committed weights are not what the fit gives (committed, fitted): {changed}")
            return 1
        print(f"ok: the committed weights are the fit's ({time.perf_counter() - started:.0f} s)")
        return 0
    write(weights, {**info, "documents": len(documents), "rounds": ROUNDS})
    print(json.dumps(weights, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
