"""Which language a text is in: the one sitrep reads it as (``en``, ``fr``), or the one it names when it
refuses a page ("detected: de").

The identifier is py3langid (a maintained fork of langid.py, the one trafilatura itself uses), whose model of
~100 languages ships inside the package: nothing is downloaded. It is loaded once per process, on first use
(about a second). A text of fewer than ``SHORT_WORDS`` words (a headline, a one-line brief) is too short to
refuse with confidence: it is read in the likeliest language sitrep reads, never refused. A mixed text (a
French article quoting English) is in the language most of it is written in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

# Below this many words a text is routed among the languages sitrep reads, never refused: n-gram statistics on
# a dozen words confuse neighbouring languages (a French headline full of names can score as Occitan).
SHORT_WORDS = 12
# The identifier reads this much of a text: enough for any article's language, and bounded time on a book.
_SAMPLE = 5000
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def ranked_languages(text: str) -> list[tuple[str, float]]:
    """Every language the identifier knows, likeliest first, with its probability."""
    return [(str(code), float(p)) for code, p in _identifier().rank(text[:_SAMPLE])]


def detect_language(text: str) -> str:
    """An ISO 639 code (two letters where the language has one) for the dominant language of ``text``, or
    "und" when the text has no letters."""
    if not _WORD.search(text[:_SAMPLE]):
        return "und"
    return ranked_languages(text)[0][0]


def reading_language(text: str, readable: Iterable[str]) -> str:
    """The language sitrep should read ``text`` in: the detected one; for a short text, the likeliest of
    ``readable``. A result outside ``readable`` is a language sitrep does not read."""
    readable = tuple(readable)
    if len(_WORD.findall(text[:_SAMPLE])) >= SHORT_WORDS:
        return detect_language(text)
    ranked = [code for code, _ in ranked_languages(text) if code in readable]
    return ranked[0] if ranked else readable[0]


def warm_up() -> None:
    """Load the identifier's model now (a worker's initializer), not on the first document."""
    _identifier()
