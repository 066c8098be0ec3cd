"""Fit the incident confidence model (``src/sitrep/data/incident_confidence.yaml``) on the tuning part of the
incident dev set, and check that the committed weights are what this script fits.

An event told as news is labelled right when ``sitrep eval incidents`` matches it to a gold incident of the day
(same rule: day, place, family); its features are ``sitrep.extract.events.confidence.features``. The model is an
L2-regularised logistic regression fitted by Newton's method (deterministic: the same data give the same
weights). Only the tuning part is used; the check part measures what a threshold buys.

    python tools/lay_out_incidents.py devsets/incidents/en/gold.jsonl build/incidents-en
    python tools/fit_incident_confidence.py build/incidents-en --write     # refit and write the data file
    python tools/fit_incident_confidence.py build/incidents-en --check     # exit 1 if the file differs

``--from-reports FILE`` reads reports saved by ``sitrep eval incidents --reports FILE`` instead of running the
pipeline (they must come from the current code, or the fit describes older output).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DATA = ROOT / "src" / "sitrep" / "data" / "incident_confidence.yaml"
L2 = 1.0  # a prior pulling every weight towards 0: the tuning part has only a few dozen incidents
DIGITS = 3


def samples(layout: str, part: str, from_reports: str | None) -> tuple[list[dict[str, float]], list[int]]:
    from sitrep.eval._incident_match import exclusion, match_events
    from sitrep.eval.incidents import run_pipeline, saved_outputs, select_articles
    from sitrep.extract.events.confidence import features

    articles = select_articles([layout], part=part)
    outputs = saved_outputs(from_reports, articles) if from_reports else run_pipeline(articles)
    xs, ys = [], []
    for article, out in zip(articles, outputs, strict=True):
        events = [ev for ev in ((out.get("report") or {}).get("events") or ()) if exclusion(ev) is None]
        news = [g for g in article.events if g.status == "news"]
        matched = match_events(news, events)
        for i, ev in enumerate(events):
            xs.append(features(ev))
            ys.append(int(i in matched))
    return xs, ys


def fit(xs: list[dict[str, float]], ys: list[int], *, l2: float = L2, rounds: int = 50) -> dict[str, float]:
    """L2-regularised logistic regression (the intercept unpenalised) by Newton's method."""
    import numpy as np

    names = sorted({k for x in xs for k in x})
    X = np.array([[1.0] + [x.get(k, 0.0) for k in names] for x in xs])
    y = np.array(ys, dtype=float)
    penalty = np.full(X.shape[1], l2)
    penalty[0] = 0.0
    w = np.zeros(X.shape[1])
    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-X @ w))
        grad = X.T @ (p - y) + penalty * w
        hess = X.T @ (X * (p * (1 - p))[:, None]) + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-10:
            break
    return {"bias": round(float(w[0]), DIGITS), **{k: round(float(v), DIGITS) for k, v in zip(names, w[1:], strict=True)}}


def render(weights: dict[str, float], n: int, positives: int, part: str) -> str:
    lines = [
        "# The incident confidence model (sitrep.extract.events.confidence): logistic weights over named features.",
        "# Fitted by tools/fit_incident_confidence.py on the " + part + " part of devsets/incidents/en",
        f"# ({n} events told as news, {positives} of them right), L2 {L2}. Do not edit by hand: refit.",
        "weights:",
    ]
    lines += [f"  {k}: {v}" for k, v in weights.items()]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("layout", help="a laid-out incident set (gold.jsonl + texts/)")
    parser.add_argument("--part", default="tune", choices=("tune", "check", "all"))
    parser.add_argument("--from-reports", help="reports saved by sitrep eval incidents --reports")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help=f"write {DATA.relative_to(ROOT)}")
    mode.add_argument("--check", action="store_true", help="exit 1 if the committed weights differ")
    args = parser.parse_args()
    xs, ys = samples(args.layout, args.part, args.from_reports)
    text = render(fit(xs, ys), len(ys), sum(ys), args.part)
    if args.write:
        DATA.write_text(text, encoding="utf-8")
        print(f"{len(ys)} events ({sum(ys)} right) -> {DATA}", file=sys.stderr)
    elif DATA.read_text(encoding="utf-8") != text:
        print(f"{DATA} differs from what the {args.part} part fits now:\n{text}", file=sys.stderr)
        sys.exit(1)
    else:
        print(f"{DATA}: the committed weights are what the {args.part} part fits ({len(ys)} events)", file=sys.stderr)


if __name__ == "__main__":
    main()

