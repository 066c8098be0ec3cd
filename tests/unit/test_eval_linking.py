"""``sitrep eval linking``: B³ within topics, over all documents at once, and the one-cluster-per-topic baseline,
on five made-up documents whose scores are worked out by hand."""

from __future__ import annotations

from sitrep.eval._ecbplus import EcbDocument
from sitrep.eval.linking import b_cubed, score_clusterings
from sitrep.model import Document, Report

# topic 1: two reports of one storm (ecb) and one of another (ecbplus); topic 2: one of each
DOCS = [EcbDocument(name=n, topic=n[0], gold=f"{n[0]}/{kind}", text=word, url=None)
        for n, kind, word in (("1a", "ecb", "storm"), ("1b", "ecb", "storm"), ("1c", "ecbplus", "storm"),
                              ("2a", "ecb", "storm"), ("2b", "ecbplus", "quake"))]
REPORTS = {d.name: Report(document=Document.create(d.text, source=d.name)) for d in DOCS}


def by_first_word(reports: list[Report]) -> list[int]:
    words = sorted({r.document.text for r in reports})
    return [words.index(r.document.text) for r in reports]


def test_b3_within_topics_open_and_baseline_by_hand() -> None:
    m = score_clusterings(DOCS, REPORTS, by_first_word)
    # within topics: {1a 1b 1c} {2a} {2b}.  B³ precision per document: 1a 2/3, 1b 2/3, 1c 1/3, 2a 1, 2b 1
    # -> 11/15; recall 1 everywhere; F1 = 2 * (11/15) / (26/15) = 22/26 = 0.8462
    assert (m["b3_p"], m["b3_r"], m["b3_f1"]) == (0.7333, 1.0, 0.8462)
    # pairs within topics: (1a,1b) right, (1a,1c) and (1b,1c) wrongly joined, (2a,2b) rightly apart -> P 1/3, R 1
    assert (m["pairwise_p"], m["pairwise_r"], m["pairwise_f1"]) == (0.3333, 1.0, 0.5)
    # open: {1a 1b 1c 2a} {2b}; precision 1a 2/4, 1b 2/4, 1c 1/4, 2a 1/4, 2b 1 -> 2.5/5 = 0.5; F1 = 1/1.5
    assert m["b3_f1_open"] == 0.6667
    # baseline: {1a 1b 1c} {2a 2b}; precision 2/3, 2/3, 1/3, 1/2, 1/2 -> 8/15; F1 = (16/15) / (23/15) = 16/23
    assert m["b3_f1_one_cluster_per_topic"] == 0.6957
    assert (m["n_docs"], m["n_topics"]) == (5, 2)


def test_a_document_without_a_report_is_a_cluster_of_its_own() -> None:
    reports = {k: v for k, v in REPORTS.items() if k != "1c"}
    m = score_clusterings(DOCS, reports, by_first_word)
    # within topics {1a 1b} {1c} {2a} {2b}: every cluster pure, every gold cluster whole -> 1.0
    assert m["b3_f1"] == 1.0


def test_b_cubed_of_identical_clusterings_is_one() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    assert b_cubed({"a": "1", "b": "1", "c": "2"}, gold) == {"b3_p": 1.0, "b3_r": 1.0, "b3_f1": 1.0}
