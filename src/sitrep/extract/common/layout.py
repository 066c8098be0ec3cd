"""Where the story is in a page's text: its body, its headline, and the furniture around them.

A page collected as text keeps its menus, "Related" headlines, captions, sign-in boxes and comment rules beside
the story. Those lines name violent events of other stories ("Police seize 200 lbs of ganja in Old Harbour")
and must never yield events. The story's body is the stretch of the page densest in prose: lines of full
sentences, allowing a few short lines inside it (a subhead, a one-line quote); its headline is the page's
first line and the short lines just above the body (title, dateline, byline). Everything else is furniture.

The rule reads the shape of the lines (their length and closing punctuation), which holds for any language, and
the labels a language's pages put on links to other stories ("READ MORE:", "Lire aussi :", events.yaml). A text that is all story (a wire report, a press release) has no furniture: when the body holds
nearly every word of the text (or the text is too short to be a page), nothing is set aside.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.model import Annotations

# A line of prose: a full sentence or more.
_PROSE_WORDS = 10
_LONG_WORDS = 20
_CLOSERS = ".!?\"'”’)»:;"
# What a short line inside the body costs (in words of prose): a subhead or two are fine, a menu is not.
_SHORT_LINE_COST = 12
# A text whose body holds this share of its words is all story, and so is a short one (a brief, a test sentence):
# a page around a story has more words than this.
_ALL_STORY = 0.9
_PAGE_WORDS = 150
# Short lines just above the body that belong to it: title, dateline, byline, date.
_HEAD_LINES = 6


@dataclass(frozen=True, slots=True)
class Layout:
    """Character ranges of the story's body and headline lines; ``furniture`` is the rest of the page."""

    body: tuple[int, int]
    headline: tuple[tuple[int, int], ...] = ()
    furniture: tuple[tuple[int, int], ...] = ()

    def is_furniture(self, char: int) -> bool:
        return any(start <= char < end for start, end in self.furniture)


def page_layout(ann: Annotations, labels: Iterable[str] = ()) -> Layout:
    """The body, headline and furniture of a document, from the shape of its lines (``Annotations.paragraphs``).

    A line that opens with one of the language's furniture ``labels`` and a colon or a dash ("READ MORE: ...",
    "Video - ...", "Lire aussi : ...") points to another story wherever it stands, in a page or in a wire text."""
    lines = [(p.start, p.end) for p in ann.paragraphs] or [(0, len(ann.text))]
    marked = {i for i, (s, e) in enumerate(lines) if _labelled(ann.text[s:e], labels)}
    words = [len(ann.text[s:e].split()) for s, e in lines]
    total = sum(words) or 1
    first, last = _densest(ann.text, lines, words)
    if total < _PAGE_WORDS or sum(words[first:last + 1]) >= _ALL_STORY * total:
        return Layout(body=(0, len(ann.text)), furniture=tuple(lines[i] for i in sorted(marked)))
    head = [0] + [i for i in range(max(1, first - _HEAD_LINES), first) if not _is_prose(ann.text, *lines[i])]
    keep = (set(range(first, last + 1)) | set(head)) - marked
    furniture = tuple(lines[i] for i in range(len(lines)) if i not in keep)
    return Layout(body=(lines[first][0], lines[last][1]), headline=tuple(lines[i] for i in sorted(set(head))),
                  furniture=furniture)


def _labelled(line: str, labels: Iterable[str]) -> bool:
    head = line.strip().lower()
    return any(head.startswith(label) and head[len(label):].lstrip()[:1] in _LABEL_MARKS for label in labels)


_LABEL_MARKS = (":", "-", "\u2013", "\u2014", "|", "\u00bb", ">")


def _is_prose(text: str, start: int, end: int) -> bool:
    line = text[start:end].strip()
    n = len(line.split())
    return n >= _LONG_WORDS or (n >= _PROSE_WORDS and line[-1:] in _CLOSERS)


def _densest(text: str, lines: list[tuple[int, int]], words: list[int]) -> tuple[int, int]:
    """The run of lines with the most prose, short lines inside it costing a little (maximum-sum segment)."""
    best, best_span = float("-inf"), (0, len(lines) - 1)
    run, run_start = 0.0, 0
    for i, (start, end) in enumerate(lines):
        gain = words[i] if _is_prose(text, start, end) else -_SHORT_LINE_COST
        if run <= 0:
            run, run_start = gain, i
        else:
            run += gain
        if run > best:
            best, best_span = run, (run_start, i)
    return best_span


__all__ = ["Layout", "page_layout"]
