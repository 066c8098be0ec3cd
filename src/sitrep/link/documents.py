"""Which documents report the same real-world event: document similarity and average-link clustering.

Similarity is the cosine of TF-IDF vectors (``similarity``), moved by what the reports say about time:
a year both documents' resolved times name pulls them together a little (``YEAR_BONUS``), and years none
in common can push them apart (``YEAR_PENALTY``, for two shootings in the same city years apart; the
tune topics of ECB+ do not ask for it, so it is 0).  Documents are then clustered
bottom-up, merging the two clusters with the highest mean similarity while it stays above
``threshold``.  The three constants below are fitted, not set by hand: ``tools/fit_link_threshold.py``
chooses them by a grid search for the best B³ F1 on the *tune* topics of ECB+ (``sitrep eval linking
--part tune``), and its ``--check`` verifies that these are the values it chooses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.link.similarity import Vector, cosine, idf_table, terms, tfidf
from sitrep.model import Precision, Report

THRESHOLD = 0.055
YEAR_BONUS = 0.04
YEAR_PENALTY = 0.05
_DATED = {Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.SEASON, Precision.YEAR}


@dataclass(frozen=True, slots=True)
class DocumentProfile:
    document_id: str
    vector: Vector
    years: frozenset[str]


def profiles(reports: Sequence[Report]) -> list[DocumentProfile]:
    """Profiles of reports compared with each other (the IDF is taken over these reports)."""
    bags = [terms(r.document.text) for r in reports]
    idf = idf_table(bags)
    return [DocumentProfile(document_id=r.document.id, vector=tfidf(bag, idf), years=report_years(r))
            for r, bag in zip(reports, bags, strict=True)]


def report_years(report: Report) -> frozenset[str]:
    """Years the report's resolved times fall in (not the publication date, which says when, not what)."""
    return frozenset(t.value[:4] for t in report.times
                     if t.value and t.precision in _DATED and t.basis.value != "publication")


def similarity(a: DocumentProfile, b: DocumentProfile, *, year_bonus: float = YEAR_BONUS,
               year_penalty: float = YEAR_PENALTY) -> float:
    s = cosine(a.vector, b.vector)
    if a.years and b.years:
        s += year_bonus if a.years & b.years else -year_penalty
    return s


def cluster_documents(items: Sequence[DocumentProfile], *, threshold: float = THRESHOLD,
                      year_bonus: float = YEAR_BONUS, year_penalty: float = YEAR_PENALTY) -> list[int]:
    """A cluster number for each profile (average link; deterministic for a given order)."""
    n = len(items)
    sim = [[similarity(items[i], items[j], year_bonus=year_bonus, year_penalty=year_penalty) if i != j else 0.0
            for j in range(n)] for i in range(n)]
    clusters: dict[int, list[int]] = {i: [i] for i in range(n)}
    # total[a][b]: sum of pairwise similarities between clusters a and b, kept up to date on merges
    total = {a: {b: sim[a][b] for b in range(n) if b != a} for a in range(n)}
    while len(clusters) > 1:
        best, pair = None, None
        for a in clusters:
            for b, s in total[a].items():
                if a < b:
                    mean = s / (len(clusters[a]) * len(clusters[b]))
                    if best is None or mean > best:
                        best, pair = mean, (a, b)
        if best is None or pair is None or best < threshold:
            break
        a, b = pair
        clusters[a].extend(clusters.pop(b))
        for c in clusters:
            if c != a:
                total[a][c] = total[a].get(c, 0.0) + total[b].get(c, 0.0)
                total[c][a] = total[a][c]
                total[c].pop(b, None)
        del total[b]
        total[a].pop(b, None)
    labels = [0] * n
    for k, members in enumerate(sorted(clusters.values(), key=min)):
        for i in members:
            labels[i] = k
    return labels
