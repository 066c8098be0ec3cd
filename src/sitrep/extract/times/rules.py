"""The rule table at work: every pattern of the language's table (``lang/<code>/times.yaml``: ``rules``) with
the reader it names (``absolute``, ``relative``), tried on short windows around trigger words only (most text
has no time). ``find_candidates`` returns every match, overlapping; the stage keeps the longest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from sitrep.errors import ConfigError
from sitrep.extract.times import absolute, relative
from sitrep.extract.times.found import Found
from sitrep.extract.times.words import TimesWords

Reader = Callable[[re.Match[str], TimesWords], Found | None]

# The readers a rule may name: each turns a match into what it means up to its year.
READERS: dict[str, Reader] = {
    name: getattr(module, name)
    for module in (absolute, relative)
    for name in dir(module)
    if name.startswith("read_")
}

# A rule's match reaches at most this many characters beyond its trigger word ("between the 3rd and 5th of
# September 2015" around "September").
_MARGIN = 48


@lru_cache(maxsize=8)
def _rules(w: TimesWords) -> tuple[tuple[re.Pattern[str], Reader], ...]:
    out = []
    for pattern, name in w.rules:
        if name not in READERS:
            raise ConfigError(f"times.yaml names an unknown reader {name!r}; the readers are {', '.join(READERS)}")
        out.append((pattern, READERS[name]))
    return tuple(out)


def find_candidates(text: str, w: TimesWords) -> list[Found]:
    """Every match of every rule in ``text``, overlapping and unfiltered (the stage picks among them)."""
    found = []
    segments = _segments(text, w)
    for pattern, reader in _rules(w):
        for seg_start, seg_end in segments:
            for m in pattern.finditer(text, seg_start, seg_end):
                item = reader(m, w)
                if item is not None and item.end > item.start:
                    found.append(item)
    return found


def _segments(text: str, w: TimesWords) -> list[tuple[int, int]]:
    """Stretches of text around trigger words, merged; the rules only scan these."""
    segments: list[tuple[int, int]] = []
    for m in w.trigger.finditer(text):
        start = max(0, m.start() - _MARGIN)
        end = min(len(text), m.end() + _MARGIN)
        if segments and start <= segments[-1][1]:
            segments[-1] = (segments[-1][0], max(end, segments[-1][1]))
        else:
            segments.append((start, end))
    out = []
    for start, end in segments:
        # A window must not cut a word: "Octob|er" would read as "Oct".
        while end < len(text) and (text[end].isalnum() or text[end] in ".,"):
            end += 1
        out.append((start, end))
    return out
