r"""``sitrep eval text``: how well HTML pages become article text (the ingest step, before any NLP).

Two gold layouts:

- ``aeb`` (article-extraction-benchmark): ``ground-truth.json`` = ``{id: {"articleBody", "url"}}`` and
  the pages in ``html/<id>.html.gz``.  Scored as the benchmark's own ``evaluate.py`` scores: tokens are
  ``\w+`` runs with case kept, 4-token shingles are counted as multisets, each page's tp/fp/fn are divided
  by their sum (a long page weighs no more than a short one), precision is the mean over pages with
  tp + fp > 0, recall the mean over pages with tp + fn > 0, and F1 is the harmonic mean of those two means.
  ``accuracy`` is the share of pages whose tokens equal the gold's.  ``--predictions FILE`` writes the texts
  as ``{id: {"articleBody": text}}``, the benchmark's output layout, so its script can rescore them.
  Document key for ``--part``: the page id.
- ``trafilatura`` (trafilatura's evaluation data): ``evaldata-en-subset.json`` (else ``evaldata.json``) =
  ``{url: {"file", "with": [...], "without": [...]}}`` and the pages in ``html-en/<file>.gz`` (or
  ``html/``).  ``snippet_recall`` is the share of ``with`` snippets found in the text,
  ``boilerplate_precision`` the share of ``without`` snippets kept out of it; ``precision``/``recall``/``f1``
  count them the way trafilatura's own evaluation does.  Document key for ``--part``: the page's URL.

The text scored is what sitrep stores: ``ingest.html.extract_html`` followed by ``clean_text``.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sitrep.errors import ConfigError
from sitrep.eval import select

FORMATS = ("aeb", "trafilatura")
SHINGLE = 4
_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


def evaluate(paths: list[str], *, fmt: str, limit: int | None = None, part: str = "all",
             progress: Callable[[Any], None] | None = None, predictions: str | None = None) -> dict[str, Any]:
    """Score HTML → text on the gold in ``paths``; with ``predictions``, also write the texts there (JSON)."""
    if fmt not in FORMATS:
        raise ConfigError(f"eval text reads --format {' or '.join(FORMATS)}, not {fmt!r}")
    loader = aeb_pages if fmt == "aeb" else trafilatura_pages
    key = (lambda p: p["id"]) if fmt == "aeb" else (lambda p: p["url"])
    pages = select((p for path in paths for p in loader(Path(path))), key, part=part, limit=limit)
    texts: dict[str, str] = {}
    for page in pages:
        texts[key(page)] = page_text(page["html"], url=page["url"]) if page["html"] is not None else ""
        if progress:
            progress(page)
    if predictions:
        Path(predictions).write_text(json.dumps({k: {"articleBody": t} for k, t in texts.items()},
                                                ensure_ascii=False, indent=1), encoding="utf-8")
    missing = sum(page["html"] is None for page in pages)  # listed in the gold but absent: scored as empty text
    if fmt == "aeb":
        scores = aeb_scores([(page["gold"], texts[key(page)]) for page in pages])
    else:
        scores = snippet_scores([(page, texts[key(page)]) for page in pages])
    return {"format": fmt, "part": part, "n": len(pages), **scores, "missing_pages": missing}


# ---------------------------------------------------------------------------- loaders


def read_page(path: Path) -> bytes | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def aeb_pages(root: Path) -> Iterator[dict[str, Any]]:
    """``{id, url, gold, html}`` per page of an article-extraction-benchmark folder (or its ground-truth.json)."""
    truth = root if root.is_file() else root / "ground-truth.json"
    if not truth.exists():
        raise ConfigError(f"{root}: no ground-truth.json (the article-extraction-benchmark layout)")
    gold = json.loads(truth.read_text(encoding="utf-8"))
    for page_id in sorted(gold):
        entry = gold[page_id]
        candidates = [truth.parent / "html" / f"{page_id}.html.gz", truth.parent / "html" / f"{page_id}.html"]
        found = next((p for p in candidates if p.exists()), None)
        yield {"id": page_id, "url": entry.get("url"), "gold": entry.get("articleBody") or "",
               "html": read_page(found) if found else None}


def trafilatura_pages(root: Path) -> Iterator[dict[str, Any]]:
    """``{id, url, with, without, html}`` per page of trafilatura's evaluation data."""
    if root.is_file():
        index, base = root, root.parent
    else:
        base = root
        index = next((root / n for n in ("evaldata-en-subset.json", "evaldata.json") if (root / n).exists()), None)
        if index is None:
            raise ConfigError(f"{root}: no evaldata-en-subset.json or evaldata.json (trafilatura's eval layout)")
    folders = [base / "html-en", base / "html", base / "eval", base]
    gold = json.loads(index.read_text(encoding="utf-8"))
    for url in sorted(gold):
        entry = gold[url]
        name = entry.get("file") or ""
        found = next((f / n for f in folders for n in (f"{name}.gz", name) if name and (f / n).is_file()), None)
        yield {"id": name, "url": url, "with": entry.get("with") or [], "without": entry.get("without") or [],
               "html": read_page(found) if found else None}


# ---------------------------------------------------------------------------- extraction and metrics


def page_text(html: bytes, *, url: str | None = None) -> str:
    """The clean article text sitrep would store for this page ("" when nothing was found)."""
    from sitrep.errors import SitrepError
    from sitrep.ingest.documents import clean_text, decode_bytes
    from sitrep.ingest.html import extract_html

    try:
        page = extract_html(decode_bytes(html), url=url)
    except SitrepError:
        return ""
    return clean_text(page.get("text") or "")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str, *, size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The multiset of ``size``-token shingles; a text shorter than that is one shingle of all its tokens."""
    toks = tokens(text)
    return Counter(tuple(toks[i:i + size]) for i in range(max(1, len(toks) - size + 1)) if toks[i:i + size])


def page_tp_fp_fn(gold: str, predicted: str) -> tuple[float, float, float]:
    """One page's shingle tp, fp and fn (counts of a multiset), divided by their sum when it is not zero."""
    ref, pred = shingles(gold), shingles(predicted)
    tp = sum((ref & pred).values())
    fp = sum((pred - ref).values())
    fn = sum((ref - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def aeb_scores(pairs: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """The article-extraction-benchmark figures over (gold text, predicted text) pairs, one per page."""
    rows = [page_tp_fp_fn(gold, pred) for gold, pred in pairs]
    precisions = [tp / (tp + fp) for tp, fp, _ in rows if tp + fp > 0]
    recalls = [tp / (tp + fn) for tp, _, fn in rows if tp + fn > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(tokens(gold) == tokens(pred) for gold, pred in pairs) / len(pairs) if pairs else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "accuracy": round(accuracy, 4), "n_precision": len(precisions), "n_recall": len(recalls)}


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def snippet_scores(pairs: Sequence[tuple[dict[str, Any], str]]) -> dict[str, Any]:
    """trafilatura's snippet figures over (page with its ``with``/``without`` snippets, extracted text) pairs."""
    found_with = total_with = kept_out = total_without = 0
    for page, raw in pairs:
        text = _normal(raw)
        for snippet in page["with"]:
            total_with += 1
            found_with += _normal(snippet) in text
        for snippet in page["without"]:
            total_without += 1
            kept_out += _normal(snippet) not in text
    tp, fn, tn, fp = found_with, total_with - found_with, kept_out, total_without - kept_out
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "snippet_recall": round(recall, 4),
        "boilerplate_precision": round(tn / total_without, 4) if total_without else 1.0,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "snippets_with": total_with,
        "snippets_without": total_without,
    }
