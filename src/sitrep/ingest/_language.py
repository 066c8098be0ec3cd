"""Which language a text is in, roughly: enough to say *why* a page was skipped ("de", "ar", "zh").

Non-Latin scripts are told apart by their Unicode blocks; Latin-script languages by the share of
their most frequent function words.  It only has to name the language of pages sitrep does not
read, so a dozen frequent languages of news are enough; anything else is "und" (undetermined).
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_]+")

_FUNCTION_WORDS = {
    "en": "the of and to in a is that for on was with as by at from were are it said be has have had an this which",
    "fr": "le la les de des du et en un une est que qui pour dans sur par pas au aux il elle ont été avec ce",
    "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es als wurde bei",
    "es": "el la los las de del y en un una es que por para con se no al lo como su más fue han",
    "it": "il la le di del della e che un una per non con sono da nel alla gli ha è si dei anche",
    "pt": "o a os as de do da dos das e em um uma que para com não no na por se foi mais ao",
    "nl": "de het een en van in is dat op te met voor zijn niet er aan ook als bij door werd",
    "tr": "ve bir bu da de ile için olarak olan çok daha gibi en ama ne var diye sonra",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke oleh ada",
    "sv": "och att det som en på är av för med den till inte har de om ett var",
    "pl": "i w na nie z się do że jest to o jak po od za przez już",
}
_SETS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}

# (first code point, last code point, language or script tag)
_SCRIPTS = (
    (0x0600, 0x06FF, "ar"), (0x0750, 0x077F, "ar"), (0x0400, 0x04FF, "ru"), (0x0590, 0x05FF, "he"),
    (0x0900, 0x097F, "hi"), (0x0E00, 0x0E7F, "th"), (0x3040, 0x30FF, "ja"), (0xAC00, 0xD7AF, "ko"),
    (0x4E00, 0x9FFF, "zh"), (0x0370, 0x03FF, "el"), (0x0530, 0x058F, "hy"), (0x10A0, 0x10FF, "ka"),
)
_PERSIAN_LETTERS = set("پچژگکی")
_UKRAINIAN_LETTERS = set("іїєґ")


def detect_language(text: str) -> str:
    """An ISO 639-1 code for the dominant language of ``text``, or "und"."""
    sample = text[:20000]
    scripts: Counter[str] = Counter()
    latin = 0
    for ch in sample:
        if not ch.isalpha():
            continue
        code = ord(ch)
        if code < 0x0250:
            latin += 1
            continue
        for first, last, tag in _SCRIPTS:
            if first <= code <= last:
                scripts[tag] += 1
                break
    if scripts:
        tag, n = scripts.most_common(1)[0]
        if n > latin:
            if tag == "ja" or (tag == "zh" and scripts["ja"] > 0.1 * n):
                return "ja"
            if tag == "ar" and sum(ch in _PERSIAN_LETTERS for ch in sample) > 0.02 * n:
                return "fa"
            if tag == "ru" and sum(ch in _UKRAINIAN_LETTERS for ch in sample.lower()) > 0.01 * n:
                return "uk"
            return tag
    words = _WORD.findall(sample.lower())
    if not words:
        return "und"
    scores = {lang: sum(w in vocab for w in words) / len(words) for lang, vocab in _SETS.items()}
    lang, best = max(scores.items(), key=lambda kv: kv[1])
    return lang if best >= 0.05 else "und"
