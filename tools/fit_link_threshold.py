"""Choose the document-clustering constants of ``sitrep/link/documents.py`` on the tune topics of ECB+, and write
(or check) them.

``THRESHOLD`` (the mean similarity below which clusters stop merging), ``YEAR_BONUS`` and ``YEAR_PENALTY`` (how
much a shared year, or years none in common, move two documents' similarity) are chosen by a grid search for the
best B³ F1 within topics, the figure ``sitrep eval linking`` prints, on the *tune* topics only (``part_of`` of
the topic number; the check topics are never read).  Every document goes through the whole pipeline once; the
grid then only re-clusters.  On a tie (F1 to 4 decimals) the point whose neighbouring thresholds score best
on average wins, then the first in grid order: no randomness, so the same data gives the same constants.

Usage (the corpus defaults to ../shared/datasets/raw/ecbplus/ECB+ seen from the repository root)::

    python tools/fit_link_threshold.py            # print the grid's best and write the three constants
    python tools/fit_link_threshold.py --check    # exit 1 unless the committed constants are the grid's best
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ECB = ROOT.parent / "shared" / "datasets" / "raw" / "ecbplus" / "ECB+"
SOURCE = ROOT / "src" / "sitrep" / "link" / "documents.py"
sys.path.insert(0, str(ROOT / "src"))

from sitrep.eval import select  # noqa: E402
from sitrep.eval._ecbplus import read_corpus  # noqa: E402
from sitrep.eval.linking import b_cubed  # noqa: E402
from sitrep.link import documents  # noqa: E402

THRESHOLDS = tuple(round(0.01 + 0.005 * i, 3) for i in range(19))  # 0.010 ... 0.100
BONUSES = (0.0, 0.01, 0.02, 0.04)
PENALTIES = (0.0, 0.05, 0.1, 0.2)
NAMES = ("THRESHOLD", "YEAR_BONUS", "YEAR_PENALTY")


def tune_profiles(corpus: Path) -> tuple[list[list], dict[str, str]]:
    """Per tune topic, the documents' profiles (names kept in ``gold``), and each document's gold event."""
    from sitrep.engines.local import process
    from sitrep.ingest.sources import RawInput
    from sitrep.model import Report

    docs = select(read_corpus([str(corpus)]), lambda d: d.topic, part="tune")
    inputs = [RawInput(source=d.name, data=d.text, meta={"url": d.url} if d.url else {}) for d in docs]
    reports = {r.document.source: r for r in process(inputs) if isinstance(r, Report)}
    by_topic: dict[str, list] = defaultdict(list)
    for d in docs:
        by_topic[d.topic].append(d)
    topics = []
    for members in by_topic.values():
        ok = [d for d in members if d.name in reports]
        topics.append(list(zip([d.name for d in ok], documents.profiles([reports[d.name] for d in ok]), strict=True)))
    return topics, {d.name: d.gold for d in docs}


def b3_f1(topics: list[list], gold: dict[str, str], threshold: float, bonus: float, penalty: float) -> float:
    predicted = {}
    for t, members in enumerate(topics):
        labels = documents.cluster_documents([p for _, p in members], threshold=threshold, year_bonus=bonus,
                                             year_penalty=penalty)
        predicted.update({name: f"{t}/{k}" for (name, _), k in zip(members, labels, strict=True)})
    return b_cubed(predicted, {k: gold[k] for k in predicted})["b3_f1"]


def search(topics: list[list], gold: dict[str, str]) -> tuple[tuple[float, float, float], float]:
    scores = {(t, b, p): b3_f1(topics, gold, t, b, p) for b in BONUSES for p in PENALTIES for t in THRESHOLDS}

    def key(point: tuple[float, float, float]) -> tuple[float, float]:
        t, b, p = point
        i = THRESHOLDS.index(t)
        near = [scores[(THRESHOLDS[j], b, p)] for j in (i - 1, i, i + 1) if 0 <= j < len(THRESHOLDS)]
        return scores[point], round(sum(near) / len(near), 4)

    best = max(scores, key=key)  # max keeps the first of equal keys, in the grid order above
    return best, scores[best]


def committed() -> tuple[float, float, float]:
    return documents.THRESHOLD, documents.YEAR_BONUS, documents.YEAR_PENALTY


def write(values: tuple[float, float, float]) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    for name, value in zip(NAMES, values, strict=True):
        text, n = re.subn(rf"^{name} = .*$", f"{name} = {value}", text, count=1, flags=re.M)
        if n != 1:
            raise SystemExit(f"{SOURCE}: no line '{name} = …' to rewrite")
    SOURCE.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ECB)
    ap.add_argument("--check", action="store_true", help="verify the committed constants; write nothing")
    args = ap.parse_args(argv)
    topics, gold = tune_profiles(args.corpus)
    best, f1 = search(topics, gold)
    now = committed()
    print(f"tune topics {len(topics)}, documents {sum(map(len, topics))}: best {dict(zip(NAMES, best, strict=True))} "
          f"B3 F1 {f1}; committed {dict(zip(NAMES, now, strict=True))} B3 F1 {b3_f1(topics, gold, *now)}")
    if args.check:
        return 0 if best == now else 1
    if best != now:
        write(best)
        print(f"wrote {SOURCE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
