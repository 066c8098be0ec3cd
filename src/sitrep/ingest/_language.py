"""Which language a text is in: the one sitrep reads it as (``en``, ``fr``), or the one it names when it
refuses a page ("detected: de").

The identifier is py3langid (a maintained fork of langid.py, the one trafilatura itself uses), whose model of
~100 languages ships inside the package: nothing is downloaded. It is loaded once per process, on first use; the
package's model is LZMA-compressed (half a second to decompress), so its arrays are kept uncompressed in
sitrep's cache folder after the first load (about 0.1 s from there). A text of fewer than ``SHORT_WORDS`` words (a headline, a one-line brief) is too short to
refuse with confidence: it is read in the likeliest language sitrep reads, never refused. A mixed text (a
French article quoting English) is in the language most of it is written in.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

# Below this many words a text is routed among the languages sitrep reads, never refused: n-gram statistics on
# a dozen words confuse neighbouring languages (a French headline full of names can score as Occitan).
SHORT_WORDS = 12
# A language sitrep reads with at least this probability is read though another scores higher: the identifier
# splits plain English between English and the English-based creoles it knows (Nigerian Pidgin), and a text
# really in another language leaves sitrep's languages far below this.
CLOSE = 0.25
# The identifier reads this much of a text: enough for any article's language, and bounded time on a book.
_SAMPLE = 5000
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    try:
        return _cached_identifier()
    except (OSError, ValueError, KeyError, TypeError, ImportError) as exc:  # no cache folder, another layout
        log.debug("language identifier cache not used: %s", exc)
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _cached_identifier() -> Any:
    """The identifier built from an uncompressed copy of the package's model in the cache folder (made on the
    first call). The copy is named by the package's version and the model file's size, so an upgrade makes a
    new one."""
    import lzma
    import os
    import tempfile
    from importlib import metadata

    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import _to_array

    from sitrep.config import Settings

    source = Path(MODEL_DIR) / MODEL_FILE
    cache = Path(Settings().cache_dir) / f"langid-{metadata.version('py3langid')}-{source.stat().st_size}.npz"
    if not cache.exists():
        cache.parent.mkdir(parents=True, exist_ok=True)
        with lzma.open(source) as fh, np.load(fh, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
        fd, tmp = tempfile.mkstemp(dir=cache.parent, suffix=".npz")
        with os.fdopen(fd, "wb") as out:
            np.savez(out, **arrays)
        os.replace(tmp, cache)  # atomic: a concurrent process sees the whole file or none
    with np.load(cache, allow_pickle=False) as z:
        return LanguageIdentifier(z["ptc"], z["pc"], z["classes"].tolist(), _to_array(z["nextmove"]),
                                  z["out_feat"].tolist(), norm_probs=True, tk_row=_to_array(z["nextmove_row"]))


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
    """The language sitrep should read ``text`` in: the detected one, unless a language sitrep reads is a close
    second (``CLOSE``); for a short text, the likeliest of ``readable``. A result outside ``readable`` is a
    language sitrep does not read."""
    readable = tuple(readable)
    ranked = ranked_languages(text)
    ours = [(code, p) for code, p in ranked if code in readable]
    if len(_WORD.findall(text[:_SAMPLE])) < SHORT_WORDS:
        return ours[0][0] if ours else readable[0]
    if ranked[0][0] not in readable and ours and ours[0][1] >= CLOSE:
        return ours[0][0]  # "a roadside bomb struck ... south of Kirkuk": Nigerian Pidgin 0.59, English 0.40
    return ranked[0][0]


def warm_up() -> None:
    """Load the identifier's model now (a worker's initializer), not on the first document."""
    _identifier()
