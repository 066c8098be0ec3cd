"""Lay out the incident dev set: our annotations (``devsets/incidents/<lang>/gold.jsonl``) + texts from ../shared.

Only the annotations live in the repository. Each gold line names its text with ``source``, a string
``corpus:key``; this script reads the licensed corpora in ``../shared/datasets/raw`` and writes the layout
that ``sitrep eval incidents --format sitrep-incidents DIR`` reads (see ../shared/datasets/INCIDENTS.md)::

    DIR/gold.jsonl          the gold lines, as committed
    DIR/texts/<id>.txt      each article's text as collected

Corpora and keys:

- ``isaf:<line>``: an ISAF press release (``isaf_test_gold.dev.jsonl``, its ``line`` field), text as given.
- ``gwn:<file>``: a GeoWebNews article (``GWN.xml``, ``<article file>``), its text.
- ``lgl:<docid>``: an LGL article (``lgl.xml``, ``<article docid>``): title line, then the text.
- ``ecbplus:<name>``: an ECB+ document (``ECB+/<topic>/<name>.xml``), detokenised, one sentence a line.
- ``trafilatura-eval:<file>``: a page of trafilatura's evaluation data (``html-en/<file>.gz``) as the whole
  page's text, furniture included (every text node of the page, one block element a line, no extraction).

``--pool CORPUS DIR`` writes every document of one corpus as ``DIR/<corpus>_<key>.txt`` instead, to choose
articles from; ``--keywords`` keeps only those whose text holds one of the given words.

Usage::

    python tools/lay_out_incidents.py devsets/incidents/en/gold.jsonl build/incidents-en
    python tools/lay_out_incidents.py --pool gwn build/pool --keywords killed,attack,shot
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

RAW = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "raw"


def isaf_texts(raw: Path) -> Iterator[tuple[str, str]]:
    with open(raw / "isaf-press-releases" / "isaf_test_gold.dev.jsonl", encoding="utf-8") as f:
        for row in map(json.loads, filter(str.strip, f)):
            yield str(row["line"]), row["text"]


def _xml_articles(path: Path, key_attr: str) -> Iterator[tuple[str, str, str]]:
    import xml.etree.ElementTree as ET

    for i, art in enumerate(ET.parse(path).getroot().iter("article")):
        yield art.get(key_attr) or str(i), (art.findtext("title") or "").strip(), art.findtext("text") or ""


def gwn_texts(raw: Path) -> Iterator[tuple[str, str]]:
    for key, _title, text in _xml_articles(raw / "geowebnews" / "GWN.xml", "file"):
        yield key, text


def lgl_texts(raw: Path) -> Iterator[tuple[str, str]]:
    for key, title, text in _xml_articles(raw / "lgl" / "lgl.xml", "docid"):
        # LGL texts open with the title run into the first sentence ("Title. First sentence"): kept as given.
        yield key, text if not title or text.startswith(title) else f"{title}\n{text}"


def ecbplus_texts(raw: Path) -> Iterator[tuple[str, str]]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from sitrep.eval._ecbplus import read_corpus

    for doc in read_corpus([str(raw / "ecbplus" / "ECB+")]):
        yield doc.name, doc.text


_BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "table",
           "section", "article", "header", "footer", "nav", "aside", "figure", "figcaption", "blockquote", "pre",
           "form", "dd", "dt", "main", "title", "button", "option"}


def page_text(html: bytes) -> str:
    """Every text node of a page, one block element a line: what a crawler that does no extraction collects."""
    import lxml.html
    from lxml import etree

    root = lxml.html.fromstring(html)
    etree.strip_elements(root, "script", "style", "noscript", "template", "iframe", "svg", etree.Comment,
                         with_tail=False)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    lines = (re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def trafilatura_texts(raw: Path) -> Iterator[tuple[str, str]]:
    for path in sorted((raw / "trafilatura-eval" / "html-en").glob("*.gz")):
        yield path.name[: -len(".gz")], page_text(gzip.decompress(path.read_bytes()))


CORPORA = {"isaf": isaf_texts, "gwn": gwn_texts, "lgl": lgl_texts, "ecbplus": ecbplus_texts,
           "trafilatura-eval": trafilatura_texts}


def lay_out(gold: Path, out: Path, raw: Path) -> int:
    lines = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted: dict[str, dict[str, str]] = {}
    for row in lines:
        corpus, _, key = str(row.get("source", "")).partition(":")
        if corpus not in CORPORA or not key:
            sys.exit(f"{gold}: article {row.get('id')!r} has source {row.get('source')!r}; "
                     f"expected CORPUS:KEY with CORPUS one of {', '.join(CORPORA)}")
        wanted.setdefault(corpus, {})[key] = row["id"]
    (out / "texts").mkdir(parents=True, exist_ok=True)
    written = 0
    for corpus, keys in wanted.items():
        for key, text in CORPORA[corpus](raw):
            if key in keys:
                (out / "texts" / f"{keys.pop(key)}.txt").write_text(text, encoding="utf-8")
                written += 1
        if keys:
            sys.exit(f"{corpus}: no document with key(s) {', '.join(sorted(keys))} under {raw}")
    (out / "gold.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines),
                                    encoding="utf-8")
    return written


def pool(corpus: str, out: Path, raw: Path, keywords: list[str]) -> int:
    out.mkdir(parents=True, exist_ok=True)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, keywords)) + r")\b", re.I) if keywords else None
    n = 0
    for key, text in CORPORA[corpus](raw):
        if pattern is None or pattern.search(text):
            (out / f"{corpus}_{key.replace('/', '_')}.txt").write_text(text, encoding="utf-8")
            n += 1
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="?", type=Path, help="gold.jsonl with a 'source' on every line")
    parser.add_argument("out", type=Path, help="folder to write (gold.jsonl + texts/)")
    parser.add_argument("--raw", type=Path, default=RAW, help=f"the licensed corpora (default {RAW})")
    parser.add_argument("--pool", choices=sorted(CORPORA), help="write every document of this corpus instead")
    parser.add_argument("--keywords", default="", help="with --pool: comma-separated words a text must hold")
    args = parser.parse_args()
    if not args.raw.is_dir():
        sys.exit(f"{args.raw}: not found; pass --raw PATH to the folder holding isaf-press-releases/, lgl/, ...")
    if args.pool:
        n = pool(args.pool, args.out, args.raw, [k.strip() for k in args.keywords.split(",") if k.strip()])
    elif args.gold:
        n = lay_out(args.gold, args.out, args.raw)
    else:
        parser.error("give GOLD OUT, or --pool CORPUS OUT")
    print(f"{n} texts written under {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
