"""``sitrep eval text``: how well HTML pages become article text (the ingest step, before any NLP).

Two gold layouts:

- ``aeb`` (article-extraction-benchmark): ``ground-truth.json`` = ``{id: {"articleBody", "url"}}`` and
  the pages in ``html/<id>.html.gz``.  Scored by 4-token shingles of the extracted text against
  ``articleBody``: precision, recall and F1 per page, then the mean over pages.
- ``trafilatura`` (trafilatura's evaluation data): ``evaldata-en-subset.json`` (else ``evaldata.json``) =
  ``{url: {"file", "with": [...], "without": [...]}}`` and the pages in ``html-en/<file>.gz`` (or
  ``html/``).  ``snippet_recall`` is the share of ``with`` snippets found in the text,
  ``boilerplate_precision`` the share of ``without`` snippets kept out of it; ``precision``/``recall``/``f1``
  count them the way trafilatura's own evaluation does.

The text scored is what sitrep stores: ``ingest.html.extract_html`` followed by ``clean_text``.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sitrep.errors import ConfigError

FORMATS = ("aeb", "trafilatura")
SHINGLE = 4
_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


def evaluate(paths: list[str], *, fmt: str, limit: int | None = None,
             progress: Callable[[Any], None] | None = None) -> dict[str, Any]:
    if fmt not in FORMATS:
        raise ConfigError(f"eval text reads --format {' or '.join(FORMATS)}, not {fmt!r}")
    pages = [p for path in paths for p in (aeb_pages(Path(path)) if fmt == "aeb" else trafilatura_pages(Path(path)))]
    if limit is not None:
        pages = pages[:limit]
    score = score_aeb if fmt == "aeb" else score_snippets
    return score(pages, progress=progress)


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


def shingles(text: str, *, size: int = SHINGLE) -> set[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.lower())
    if len(tokens) < size:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def shingle_scores(predicted: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``predicted``'s shingles against ``gold``'s (both empty: a perfect score)."""
    pred, ref = shingles(predicted), shingles(gold)
    if not pred and not ref:
        return 1.0, 1.0, 1.0
    common = len(pred & ref)
    precision = common / len(pred) if pred else 0.0
    recall = common / len(ref) if ref else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_aeb(pages: list[dict[str, Any]], *, progress: Callable[[Any], None] | None = None) -> dict[str, Any]:
    rows = []
    missing = 0
    for page in pages:
        if page["html"] is None:
            missing += 1  # a page listed in the ground truth but absent scores zero: nothing is hidden
            rows.append((0.0, 0.0, 0.0))
        else:
            rows.append(shingle_scores(page_text(page["html"], url=page["url"]), page["gold"]))
        if progress:
            progress(page)
    n = len(rows)
    mean = [round(sum(r[i] for r in rows) / n, 4) if n else 0.0 for i in range(3)]
    return {"n": n, "precision": mean[0], "recall": mean[1], "f1": mean[2], "missing_pages": missing}


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def score_snippets(pages: list[dict[str, Any]], *, progress: Callable[[Any], None] | None = None) -> dict[str, Any]:
    found_with = total_with = kept_out = total_without = missing = 0
    for page in pages:
        if page["html"] is None:
            missing += 1
            text = ""
        else:
            text = _normal(page_text(page["html"], url=page["url"]))
        for snippet in page["with"]:
            total_with += 1
            found_with += _normal(snippet) in text
        for snippet in page["without"]:
            total_without += 1
            kept_out += _normal(snippet) not in text
        if progress:
            progress(page)
    tp, fn, tn, fp = found_with, total_with - found_with, kept_out, total_without - kept_out
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "n": len(pages),
        "snippet_recall": round(recall, 4),
        "boilerplate_precision": round(tn / total_without, 4) if total_without else 1.0,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "snippets_with": total_with,
        "snippets_without": total_without,
        "missing_pages": missing,
    }
