"""Reader for the ECB+ corpus (CAT XML): documents as plain text, grouped by topic, with their gold event label.

Layout: ``<root>/<topic>/<topic>_<n>ecb.xml`` and ``…ecbplus.xml``; each file holds ``<token t_id sentence
number>`` elements.  Within a topic, ``ecb`` files report one real-world event and ``ecbplus`` files another of
the same kind, which is the gold clustering.  ``ecbplus`` files open with the page's URL as tokens: it is moved
to ``url`` so that it cannot leak into the text a system reads.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import ConfigError

_NAME = re.compile(r"^(?P<topic>\d+)_(?P<n>\d+)(?P<kind>ecbplus|ecb)\.xml$")
# "http : / / www . site . com / 2013 / may / 03 / a - b" : words joined by URL punctuation
_URL = re.compile(r"^https?\s*:\s*/\s*/\s*[\w%~+]+(?:\s*[/.\-_?=&#:]+\s*[\w%~+]+)*\s*/?")
_NO_SPACE_BEFORE = {".", ",", ":", ";", "?", "!", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", ")", "''", "%"}
_NO_SPACE_AFTER = {"(", "``", "$"}


@dataclass(frozen=True, slots=True)
class EcbDocument:
    name: str  # "1_10ecbplus"
    topic: str
    gold: str  # "1/ecb" or "1/ecbplus": the real-world event the document reports
    text: str
    url: str | None


def find_files(root: Path) -> list[Path]:
    files = sorted(p for p in root.rglob("*.xml") if _NAME.match(p.name))
    if not files:
        raise ConfigError(f"no ECB+ files (<topic>_<n>ecb.xml / ecbplus.xml) under {root}")
    return files


def read_document(path: Path) -> EcbDocument:
    m = _NAME.match(path.name)
    if not m:
        raise ConfigError(f"{path.name} is not named like an ECB+ file")
    root = ET.parse(path).getroot()
    sentences: dict[int, list[str]] = {}
    for tok in root.iter("token"):
        sentences.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
    lines = [_detokenize(words) for _, words in sorted(sentences.items())]
    url = None
    if lines and (u := _URL.match(lines[0])):
        url = re.sub(r"\s+", "", u.group(0))
        lines[0] = lines[0][u.end():].strip()
    text = "\n".join(line for line in lines if line)
    return EcbDocument(name=path.stem, topic=m["topic"], gold=f"{m['topic']}/{m['kind']}", text=text, url=url)


def read_corpus(paths: list[str], *, limit: int | None = None) -> Iterator[EcbDocument]:
    """Every ECB+ document under the given folders (or files), sorted by topic and name."""
    files: list[Path] = []
    for p in map(Path, paths):
        files.extend([p] if p.is_file() else find_files(p))
    files.sort(key=lambda f: (int(_NAME.match(f.name)["topic"]), f.name))  # type: ignore[index]
    for f in files[:limit] if limit else files:
        yield read_document(f)


def _detokenize(words: list[str]) -> str:
    out: list[str] = []
    for w in words:
        w = {"``": "\"", "''": "\""}.get(w, w)
        if out and (w in _NO_SPACE_BEFORE or out[-1] in _NO_SPACE_AFTER):
            out[-1] += w
        else:
            out.append(w)
    return " ".join(out)
