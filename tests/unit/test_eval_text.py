"""``sitrep eval text``: the article-extraction-benchmark scores, worked out by hand, and the predictions file."""

from __future__ import annotations

import gzip
import json

import pytest

from sitrep.eval import text as ev


def test_shingles_keep_case_and_count_repeats() -> None:
    assert ev.shingles("x y z w x y z w")[("x", "y", "z", "w")] == 2
    assert ("The", "cat", "sat", "down") in ev.shingles("The cat sat down")
    assert ev.shingles("Hello world") == {("Hello", "world"): 1}  # shorter than 4 tokens: one shingle of all
    assert ev.shingles("  ") == {}


def test_page_counts_are_divided_by_their_sum() -> None:
    # gold shingles {xyzw: 2, yzwx: 1, zwxy: 1, wxyz: 1}, predicted {xyzw: 1}: tp 1, fp 0, fn 1 + 1 + 1 + 1 = 4
    assert ev.page_tp_fp_fn("x y z w x y z w", "x y z w") == pytest.approx((0.2, 0.0, 0.8))
    assert ev.page_tp_fp_fn("", "") == (0.0, 0.0, 0.0)


def test_aeb_scores_average_precision_and_recall_over_the_pages_that_have_them() -> None:
    pages = [
        ("a b c d e", "a b c d"),  # tp 1, fp 0, fn 1 -> P 1, R 0.5
        ("x y z w x y z w", "x y z w"),  # tp 1, fp 0, fn 4 (repeats count) -> P 1, R 0.2
        ("Hello world", "hello world"),  # case kept: tp 0, fp 1, fn 1 -> P 0, R 0
        ("", ""),  # nothing either side: left out of both means
        ("one two three four", ""),  # nothing predicted: left out of precision, R 0
    ]
    m = ev.aeb_scores(pages)
    # precision = mean(1, 1, 0) = 2/3; recall = mean(0.5, 0.2, 0, 0) = 0.175 = 7/40
    # F1 of the means = 2 * (2/3) * (7/40) / (2/3 + 7/40) = (28/120) / (101/120) = 28/101 = 0.27723
    assert (m["precision"], m["recall"], m["f1"]) == (0.6667, 0.175, 0.2772)
    assert (m["n_precision"], m["n_recall"]) == (3, 4)
    assert m["accuracy"] == 0.2  # only the empty page has the same tokens on both sides


def test_evaluate_aeb_writes_predictions_the_benchmark_can_rescore(tmp_path) -> None:
    body = ("The river rose by two metres overnight and the town council opened the school gym as a shelter. "
            "Volunteers carried sandbags to the bridge while the mayor asked residents to stay indoors.")
    page = (f"<html><head><title>Flood</title></head><body><nav>Home | Sport | Weather</nav>"
            f"<article><h1>River floods the old town</h1><p>{body}</p></article>"
            f"<footer>Contact us</footer></body></html>")
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(page.encode()))
    truth = {"p1": {"articleBody": body, "url": "https://example.org/flood"},
             "p2": {"articleBody": "A page whose file is missing.", "url": "https://example.org/missing"}}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    out = tmp_path / "predictions.json"
    m = ev.evaluate([str(tmp_path)], fmt="aeb", predictions=str(out))
    written = json.loads(out.read_text())
    assert set(written) == {"p1", "p2"} and written["p2"] == {"articleBody": ""}
    assert set(written["p1"]) == {"articleBody"}
    rescored = ev.aeb_scores([(truth[k]["articleBody"], written[k]["articleBody"]) for k in sorted(truth)])
    assert {k: m[k] for k in ("precision", "recall", "f1")} == {k: rescored[k] for k in ("precision", "recall", "f1")}
    assert (m["n"], m["part"], m["missing_pages"]) == (2, "all", 1)
    assert m["recall"] <= 0.5  # the missing page's recall is 0


def test_evaluate_part_keeps_the_pages_of_that_half(tmp_path) -> None:
    (tmp_path / "ground-truth.json").write_text(json.dumps({k: {"articleBody": "x", "url": None}
                                                            for k in ("1", "2", "3", "4")}))
    # part_of: "1", "3", "4" are check, "2" tune
    assert ev.evaluate([str(tmp_path)], fmt="aeb", part="check")["n"] == 3
    assert ev.evaluate([str(tmp_path)], fmt="aeb", part="tune")["n"] == 1
    assert ev.evaluate([str(tmp_path)], fmt="aeb", part="check", limit=2)["n"] == 2
