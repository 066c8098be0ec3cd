"""BRAT standoff files (``.ann`` beside a text) read into plain records, and the attribution layout on top.

Standoff lines: ``T`` text-bound annotations (``T3<TAB>Content 11 72;80 95<TAB>text``, discontinuous
pieces separated by ``;``), ``E`` events (``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``, a role
may carry a number: ``Content2``).  ``R`` relations, ``A``/``M`` attributes, ``#`` notes, ``N``
normalisations and ``*`` equivalences are read past.  Offsets are code points into the text file as
stored (no newline translation), which is how BRAT writes them.

The attribution layout is PolNeAR's: ``text/<name>.txt`` and ``attributions/<name>[_<annotator>].ann``,
text-bound ``Source``, ``Cue`` and ``Content`` spans, and ``Attribution`` events (also
``Attribution-no-source``) linking them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.errors import ConfigError

log = logging.getLogger(__name__)

Spans = tuple[tuple[int, int], ...]
ROLES = ("Source", "Cue", "Content")
_NUMBERED_ROLE = re.compile(r"^(?P<role>.*?)\d*$")
_ANNOTATION_ID = re.compile(r"^(?:[TERAMN]\d+|#\d*|\*)\t")


@dataclass(frozen=True, slots=True)
class TextBound:
    id: str
    type: str
    spans: Spans
    text: str


@dataclass(frozen=True, slots=True)
class BratEvent:
    id: str
    type: str
    trigger: str | None
    args: tuple[tuple[str, str], ...]  # (role without its number, annotation id)


@dataclass(frozen=True, slots=True)
class Attribution:
    """One gold attribution: the spans of its source (empty when it has none), cue and content."""

    id: str
    source: Spans
    cue: Spans
    content: Spans


@dataclass(slots=True)
class BratDocument:
    name: str
    text: str
    entities: dict[str, TextBound] = field(default_factory=dict)
    events: dict[str, BratEvent] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # lines that could not be read or do not match the text

    def spans_of(self, kind: str) -> list[Spans]:
        """Every text-bound annotation of a type, linked to an event or not."""
        return [e.spans for e in self.entities.values() if e.type == kind]

    def attributions(self) -> list[Attribution]:
        """The events whose type starts with "Attribution", each with its arguments' spans by role."""
        out = []
        for ev in self.events.values():
            if not ev.type.startswith("Attribution"):
                continue
            by_role: dict[str, list[tuple[int, int]]] = {r: [] for r in ROLES}
            for role, target in ev.args:
                ent = self.entities.get(target)
                if role in by_role and ent is not None:
                    by_role[role].extend(ent.spans)
            out.append(Attribution(id=ev.id, **{r.lower(): tuple(sorted(s)) for r, s in by_role.items()}))
        return out


def parse_ann(content: str, text: str, *, name: str = "") -> BratDocument:
    """Read the lines of an ``.ann`` file; offsets are checked against ``text``."""
    doc = BratDocument(name=name, text=text)
    for n, line in _standoff_lines(content):
        if not line.strip() or line[0] not in "TE":
            continue  # R, A, M, N, *, # lines: not needed to score attributions
        try:
            if line[0] == "T":
                ent = _text_bound(line)
                doc.entities[ent.id] = ent
                got = " ".join(text[s:e] for s, e in ent.spans)
                if any(e > len(text) for _, e in ent.spans) or _squash(got) != _squash(ent.text):
                    doc.problems.append(f"{name}:{n}: {ent.id} says {ent.text!r} but the text has {got!r}")
            else:
                ev = _event(line)
                doc.events[ev.id] = ev
        except (ValueError, IndexError):
            doc.problems.append(f"{name}:{n}: not a standoff line: {line[:80]!r}")
    return doc


def _standoff_lines(content: str) -> list[tuple[int, str]]:
    """(line number, line) of each annotation.  A span whose text holds a line break is written by BRAT with
    that break in it (PolNeAR has some), so a line that does not open with an annotation id continues the one
    before.  Split on "\n" only: str.splitlines would also break at U+2028 and friends inside a span's text."""
    out: list[tuple[int, str]] = []
    for n, line in enumerate(content.split("\n"), 1):
        line = line.rstrip("\r")
        if out and not _ANNOTATION_ID.match(line):  # blank lines too: a span's text may hold "\n\n"
            out[-1] = (out[-1][0], out[-1][1] + "\n" + line)
        else:
            out.append((n, line))
    return out


def _text_bound(line: str) -> TextBound:
    ident, middle, *rest = line.split("\t")
    kind, _, offsets = middle.partition(" ")
    spans = []
    for piece in offsets.split(";"):
        start, end = piece.split()
        spans.append((int(start), int(end)))
    return TextBound(id=ident, type=kind, spans=tuple(spans), text=rest[0] if rest else "")


def _event(line: str) -> BratEvent:
    ident, body = line.split("\t")[:2]
    head, *args = body.split()
    kind, _, trigger = head.partition(":")
    pairs = []
    for arg in args:
        role, _, target = arg.partition(":")
        m = _NUMBERED_ROLE.match(role)
        pairs.append((m.group("role") if m else role, target))
    return BratEvent(id=ident, type=kind, trigger=trigger or None, args=tuple(pairs))


def _squash(s: str) -> str:
    return " ".join(s.split())


def find_documents(paths: list[str]) -> Iterator[tuple[str, Path, Path]]:
    """(name, text file, annotation file) for every annotated article under the paths, in name order.

    A path may be a PolNeAR compartment (``text/`` and ``attributions/`` inside), a folder with
    ``<name>.txt`` beside ``<name>.ann`` (plain BRAT), or one ``.ann`` file.  An article annotated by
    several people (``<name>_<annotator>.ann``, as PolNeAR publishes it) yields its first annotator's
    file in name order, once.
    """
    found = False
    for raw in paths:
        path = Path(raw)
        if path.is_file() and path.suffix == ".ann":
            anns = [path]
        elif path.is_dir():
            base = path / "attributions" if (path / "attributions").is_dir() else path
            anns = sorted(base.glob("*.ann"))
        else:
            raise ConfigError(f"{raw}: not a folder of BRAT files or an .ann file")
        first: dict[Path, Path] = {}
        for ann in anns:
            text = text_for(ann)
            if text is None:
                log.warning("%s: no text file found for it; skipped", ann)
                continue
            first.setdefault(text, ann)
        for text, ann in sorted(first.items(), key=lambda ta: ta[1].name):
            found = True
            yield ann.stem, text, ann
    if not found:
        raise ConfigError(f"no .ann files with their texts under {', '.join(paths)} "
                          "(expected text/<name>.txt and attributions/<name>.ann)")


def text_for(ann: Path) -> Path | None:
    """The text an annotation file belongs to; PolNeAR names annotations ``<name>_<annotator>.ann``."""
    stems = [ann.stem]
    if "_" in ann.stem:
        stems.append(ann.stem.rsplit("_", 1)[0])
    folders = [ann.parent, ann.parent.parent / "text"]
    for stem in stems:
        for folder in folders:
            candidate = folder / f"{stem}.txt"
            if candidate.is_file():
                return candidate
    return None


def read_document(name: str, text_path: Path, ann_path: Path) -> BratDocument:
    # newline="" keeps "\r\n" as two code points, as BRAT counted them.
    with open(text_path, encoding="utf-8", newline="") as f:
        text = f.read()
    with open(ann_path, encoding="utf-8", newline="") as f:
        content = f.read()
    return parse_ann(content, text, name=name)
