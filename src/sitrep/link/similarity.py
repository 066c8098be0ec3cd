"""Text similarity for linking: sparse TF-IDF vectors over content words, in pure Python.

Capitalised words count twice (once as a plain word, once as a name), because names of people,
places and groups are what tells two reports of the same kind of event apart.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

Vector = dict[str, float]

_WORD = re.compile(r"[^\W\d_][\w'\-]*|\d{4}")
_STOP = frozenset(
    ["the", "a", "an", "of", "to", "in", "and", "or", "for", "on", "at", "by", "with", "from", "as", "is", "was", "were", "be", "been", "are", "has", "have", "had", "it", "its", "this", "that", "these", "those", "he", "she", "they", "his", "her", "their", "i", "we", "you", "our", "your", "not", "no", "but", "if", "than", "then", "so", "such", "which", "who", "whom", "what", "when", "where", "while", "after", "before", "about", "into", "over", "under", "also", "said", "says", "say", "told", "would", "could", "will", "may", "might", "can", "do", "does", "did", "there", "here", "more", "most", "other", "some", "any", "all", "one", "two", "three", "new", "last", "first", "just", "like", "out", "up", "down", "only", "them", "him", "us", "me", "my"]
)


def terms(text: str) -> Counter[str]:
    """Content words (lower case, no stop words) plus ``NE:`` terms for capitalised words."""
    out: Counter[str] = Counter()
    for w in _WORD.findall(text):
        low = w.lower()
        if low in _STOP or len(low) < 3:
            continue
        out[low] += 1
        if w[0].isupper():
            out["NE:" + low] += 1
    return out


def idf_table(bags: Sequence[Counter[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency over the documents being compared."""
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(bags)
    return {t: math.log((n + 1) / (k + 0.5)) for t, k in df.items()}


def tfidf(bag: Counter[str], idf: dict[str, float]) -> Vector:
    """A unit-length vector with sub-linear term frequency."""
    v = {t: (1 + math.log(k)) * idf.get(t, 0.0) for t, k in bag.items()}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {t: x / norm for t, x in v.items() if x}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def vectors(texts: Iterable[str]) -> list[Vector]:
    """TF-IDF vectors of texts, the IDF taken over these texts."""
    bags = [terms(t) for t in texts]
    idf = idf_table(bags)
    return [tfidf(b, idf) for b in bags]
