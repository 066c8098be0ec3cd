"""How many a phrase says: numbers in digits or words and the vague quantifiers ("at least 22", "dozens",
"a handful") read as ``(best, low, high)`` by the rules in docs/casualty-rules.md."""

from __future__ import annotations

import re

Quantity = tuple[int, int, int | None]  # (best, low, high); high None = open-ended

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"thousand": 1_000, "million": 1_000_000}

# The vague-quantifier rule table of docs/casualty-rules.md (keep the two in step).
# Values are deliberately conservative: the best guess is the smallest number a careful
# reader would accept, so vague reports never inflate a death count.
VAGUE: dict[str, Quantity] = {
    "a couple": (2, 2, 2),
    "couple": (2, 2, 2),
    "a pair": (2, 2, 2),
    "both": (2, 2, 2),
    "a few": (3, 2, None),
    "few": (3, 2, None),
    "several": (3, 2, None),
    "multiple": (3, 2, None),
    "a number": (3, 2, None),
    "many": (3, 2, None),
    "numerous": (4, 3, None),
    "some": (2, 2, None),
    "a handful": (3, 2, 5),
    "handful": (3, 2, 5),
    "a dozen": (12, 12, 12),
    "dozen": (12, 12, 12),
    "half a dozen": (6, 6, 6),
    "a score": (20, 20, 20),
    "tens": (20, 20, None),
    "dozens": (24, 24, None),
    "scores": (40, 40, None),
    "hundreds": (200, 200, None),
    "thousands": (2_000, 2_000, None),
    "tens of thousands": (20_000, 20_000, None),
    "hundreds of thousands": (200_000, 200_000, None),
    "millions": (2_000_000, 2_000_000, None),
}
NONE_WORDS = {"no", "none", "no one", "nobody", "not one", "not a single", "zero", "nil", "not any"}
SINGLE_WORDS = {"a", "an", "one", "a single", "single", "a lone", "lone"}

# Prefixes that bound a number, grouped by what they do to it (see docs/casualty-rules.md).
_AT_LEAST = ("at least", "no fewer than", "no less than", "not less than", "a minimum of", "at a minimum")
_MORE_THAN = ("more than", "over", "upwards of", "in excess of", "above", "greater than", "well over")
_UP_TO = ("up to", "as many as", "at most", "no more than", "not more than", "a maximum of")
_FEWER_THAN = ("fewer than", "less than", "under", "below")
_ABOUT = (
    "about", "around", "approximately", "roughly", "some", "an estimated", "estimated", "nearly", "almost",
    "close to", "just under", "just over", "circa", "approx.", "approx", "around about", "perhaps", "possibly",
)
_FILLER = ("another", "a further", "further", "an additional", "additional", "other", "the", "all", "all of the")
# Every word of a bounding or approximating prefix ("at", "least", "about"): such words count with the number.
QUANT_MODIFIERS = {w for phrase in (*_AT_LEAST, *_MORE_THAN, *_UP_TO, *_FEWER_THAN, *_ABOUT) for w in phrase.split()}

_DIGITS = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")
_RANGE = re.compile(r"(?:between|from)?\s*(.+?)\s*(?:\band\b|\bto\b|-|\bor\b)\s*(.+)")


def parse_quantity(words: str) -> Quantity | None:
    """``(best, low, high)`` for a quantity phrase, or None if the words are not one.

    "at least 22" → (22, 22, None); "between 10 and 15" → (10, 10, 15); "dozens" → (24, 24, None).
    """
    text = _normalise(words)
    if not text:
        return None
    return _parse(text)


def _normalise(words: str) -> str:
    text = words.casefold().replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " ")
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"\s+", " ", text).strip(" .,;:()")
    return re.sub(r"\s+of$", "", text)


def _parse(text: str) -> Quantity | None:
    if text in NONE_WORDS:
        return (0, 0, 0)
    if text in VAGUE:
        return VAGUE[text]
    if text in SINGLE_WORDS:
        return (1, 1, 1)
    exact = _number(text)
    if exact is not None:
        return (exact, exact, exact)
    for suffix, open_ended in ((" or more", True), ("-plus", True), (" plus", True), ("+", True), (" or so", False)):
        if text.endswith(suffix):
            inner = _parse(text[: -len(suffix)].strip())
            if inner is not None:
                return (inner[0], inner[1], None) if open_ended else inner
    for prefixes, bound in ((_AT_LEAST, _at_least), (_MORE_THAN, _more_than), (_UP_TO, _up_to),
                            (_FEWER_THAN, _fewer_than), (_ABOUT, _about), (_FILLER, _about)):
        for prefix in prefixes:
            if text.startswith(prefix + " "):
                inner = _parse(text[len(prefix) + 1 :])
                if inner is not None:
                    return bound(inner)
    m = _RANGE.fullmatch(text)
    if m:
        low, high = _parse(m.group(1)), _parse(m.group(2))
        if low is not None and high is not None and low[1] < high[0]:
            return (low[1], low[1], high[2] if high[2] is not None else None)
    return None


def _at_least(q: Quantity) -> Quantity:
    return (q[0], q[1], None)


def _more_than(q: Quantity) -> Quantity:
    # "more than 30" excludes 30 itself; a vague inner word is already a floor.
    exact = q[1] == q[2]
    return (q[0] + 1, q[1] + 1, None) if exact else (q[0], q[1], None)


def _up_to(q: Quantity) -> Quantity:
    top = q[2] if q[2] is not None else q[0]
    return (q[0], min(1, q[1]), top)


def _fewer_than(q: Quantity) -> Quantity:
    top = max(0, q[1] - 1)
    return (top, min(1, top), top)


def _about(q: Quantity) -> Quantity:
    # Approximations keep the stated figure: inventing a spread would be a guess the text does not make.
    return q


def _number(text: str) -> int | None:
    """An exact number written in digits ("1,200", "1.5 million") or words ("twenty-two", "two dozen")."""
    m = _DIGITS.fullmatch(text.split(" ")[0])
    if m:
        value = float(m.group(0).replace(",", ""))
        rest = text.split(" ")[1:]
        if not rest:
            return int(value) if m.group(2) is None else None
        if len(rest) == 1 and rest[0] in {**_SCALES, "hundred": 100, "dozen": 12}:
            return int(value * {**_SCALES, "hundred": 100, "dozen": 12}[rest[0]])
        return None
    return _number_words(text)


def _number_words(text: str) -> int | None:
    words = [w for w in re.split(r"[ -]", text) if w and w != "and"]
    if not words:
        return None
    total = current = 0
    seen_any = False
    for i, w in enumerate(words):
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in ("a", "an") and i == 0 and len(words) > 1:
            current = 1
            continue
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "dozen":
            current = (current or 1) * 12
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
        else:
            return None
        seen_any = True
    return total + current if seen_any else None


__all__ = ["NONE_WORDS", "QUANT_MODIFIERS", "SINGLE_WORDS", "VAGUE", "Quantity", "parse_quantity"]
