"""``sitrep eval linking --format ecbplus DIR``: do documents that report the same real-world event end up together?

Every document goes through the whole pipeline and the documents are clustered by ``sitrep.link.documents``;
the gold clusters are each topic's two seminal events (``ecb`` vs ``ecbplus`` files).  Three figures:

- ``b3_*`` and ``pairwise_*``: clustered within each gold topic (the topic is given, as in the usual ECB+
  document-clustering setting); B³ precision/recall/F1 averaged over documents, pairwise over pairs of
  documents within a topic.
- ``b3_f1_open``: all documents clustered together with no topic given, B³ over all of them: what a user
  with a mixed pile of news would get.
- ``b3_f1_one_cluster_per_topic``: the baseline that puts each gold topic in one cluster; a within-topic
  figure means something only as far as it is above this.

Key for ``--part``: the topic number (whole topics are split, since clustering is within topics).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from itertools import combinations
from typing import Any

from sitrep.eval import select
from sitrep.eval._ecbplus import EcbDocument, read_corpus
from sitrep.model import Failure, Report

FORMATS = ("ecbplus",)


def evaluate(paths: list[str], *, fmt: str = "ecbplus", limit: int | None = None, part: str = "all",
             progress: Callable[[Any], None] | None = None, threshold: float | None = None) -> dict[str, Any]:
    from sitrep.engines.local import process
    from sitrep.ingest.sources import RawInput
    from sitrep.link.documents import THRESHOLD, cluster_documents, profiles

    threshold = threshold or THRESHOLD
    docs = select(read_corpus(paths), lambda d: d.topic, part=part, limit=limit)
    inputs = [RawInput(source=d.name, data=d.text, meta={"url": d.url} if d.url else {}) for d in docs]
    reports: dict[str, Report] = {}
    failed = 0
    for result in process(inputs):
        if isinstance(result, Failure):
            failed += 1
        else:
            reports[result.document.source or ""] = result
        if progress:
            progress(result)
    scores = score_clusterings(docs, reports, lambda rs: cluster_documents(profiles(rs), threshold=threshold))
    return {"format": fmt, "part": part, "n": len(docs), "failed": failed, **scores, "threshold": threshold}


def score_clusterings(docs: list[EcbDocument], reports: dict[str, Report],
                      cluster: Callable[[list[Report]], list[int]]) -> dict[str, Any]:
    """B³ and pairwise figures of ``cluster`` (reports -> cluster numbers) within topics, over all documents at
    once (``b3_f1_open``), and of the one-cluster-per-topic baseline.  A document without a report is alone."""
    by_topic: dict[str, list[EcbDocument]] = defaultdict(list)
    for d in docs:
        by_topic[d.topic].append(d)
    predicted: dict[str, str] = {}
    for topic, members in by_topic.items():
        ok = [d for d in members if d.name in reports]
        labels = cluster([reports[d.name] for d in ok])
        predicted.update({d.name: f"{topic}/{k}" for d, k in zip(ok, labels, strict=True)})
        predicted.update({d.name: f"{topic}/failed:{d.name}" for d in members if d.name not in reports})
    ok = [d for d in docs if d.name in reports]
    labels = cluster([reports[d.name] for d in ok])
    open_predicted = {d.name: str(k) for d, k in zip(ok, labels, strict=True)}
    open_predicted.update({d.name: f"failed:{d.name}" for d in docs if d.name not in reports})
    gold = {d.name: d.gold for d in docs}
    topics = {d.name: d.topic for d in docs}
    return {
        "n_docs": len(docs),
        "n_topics": len(by_topic),
        **b_cubed(predicted, gold),
        **pairwise(predicted, gold, topics),
        "b3_f1_open": b_cubed(open_predicted, gold)["b3_f1"],
        "b3_f1_one_cluster_per_topic": b_cubed(topics, gold)["b3_f1"],
    }


def _groups(labels: dict[str, str]) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for item, label in labels.items():
        groups[label].add(item)
    return groups


def b_cubed(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """B³ over documents: each document's precision and recall of its cluster against its gold cluster."""
    pred_groups, gold_groups = _groups(predicted), _groups(gold)
    p = r = 0.0
    for item in gold:
        mine = pred_groups[predicted[item]]
        truth = gold_groups[gold[item]]
        same = len(mine & truth)
        p += same / len(mine)
        r += same / len(truth)
    n = len(gold) or 1
    p, r = p / n, r / n
    return {"b3_p": round(p, 4), "b3_r": round(r, 4), "b3_f1": round(_f1(p, r), 4)}


def pairwise(predicted: dict[str, str], gold: dict[str, str], topics: dict[str, str]) -> dict[str, float]:
    """Precision and recall of 'same event' decisions over document pairs within a topic."""
    tp = fp = fn = 0
    by_topic: dict[str, list[str]] = defaultdict(list)
    for item, topic in topics.items():
        by_topic[topic].append(item)
    for items in by_topic.values():
        for a, b in combinations(sorted(items), 2):
            said, true = predicted[a] == predicted[b], gold[a] == gold[b]
            tp += said and true
            fp += said and not true
            fn += true and not said
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"pairwise_p": round(p, 4), "pairwise_r": round(r, 4), "pairwise_f1": round(_f1(p, r), 4)}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0

