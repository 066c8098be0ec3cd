"""How many a phrase says: numbers in digits or words and the vague quantifiers ("at least 22", "dozens",
"a handful") read as ``(best, low, high)`` by the rules in docs/casualty-rules.md; the words are the
language's (``casualties.yaml``, ``numbers.yaml``)."""

from __future__ import annotations

import re

from sitrep.extract.casualties.words import CasualtyWords, Quantity, casualty_words
from sitrep.lang import Lexicon, default_lexicon

_WORD_SPLIT = re.compile(r"[ -]")


def parse_quantity(words: str, *, lexicon: Lexicon | CasualtyWords | None = None) -> Quantity | None:
    """``(best, low, high)`` for a quantity phrase, or None if the words are not one.

    "at least 22" → (22, 22, None); "between 10 and 15" → (10, 10, 15); "dozens" → (24, 24, None).
    """
    w = lexicon if isinstance(lexicon, CasualtyWords) else casualty_words(lexicon or default_lexicon())
    text = _normalise(w, words)
    if not text:
        return None
    return _parse(w, text)


def vague_table(lexicon: Lexicon | None = None) -> dict[str, Quantity]:
    """The vague-quantifier table of docs/casualty-rules.md, as the language file gives it."""
    return dict(casualty_words(lexicon or default_lexicon()).vague)


def _normalise(w: CasualtyWords, words: str) -> str:
    text = words.casefold().replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " ").replace("\u202f", " ")
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"\s+", " ", text).strip(" .,;:()")
    return w.trailing_of.sub("", text)


def _parse(w: CasualtyWords, text: str) -> Quantity | None:
    if text in w.none_words:
        return (0, 0, 0)
    if text in w.vague:
        return w.vague[text]
    if text in w.single_words:
        return (1, 1, 1)
    exact = _number(w, text)
    if exact is not None:
        return (exact, exact, exact)
    for suffixes, open_ended in ((w.open_suffixes, True), (w.approximate_suffixes, False), (w.added_suffixes, False)):
        for suffix in suffixes:
            if text.endswith(suffix):
                inner = _parse(w, text[: -len(suffix)].strip())
                if inner is not None:
                    return (inner[0], inner[1], None) if open_ended else inner
    for prefixes, how in w.bounds:
        for prefix in prefixes:
            if text.startswith(prefix + " "):
                inner = _parse(w, text[len(prefix) + 1 :])
                if inner is not None:
                    return _BOUND[how](inner)
    m = w.range.fullmatch(text)
    if m:
        low, high = _parse(w, m.group(1)), _parse(w, m.group(2))
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


_BOUND = {"at_least": _at_least, "more_than": _more_than, "up_to": _up_to, "fewer_than": _fewer_than,
          "about": _about}


def _number(w: CasualtyWords, text: str) -> int | None:
    """An exact number written in digits as the language groups them ("1,200", "1.5 million"; French "1 137",
    "1,5 million") or in words ("twenty-two", "two dozen")."""
    m = w.digits.match(text)
    if m and text[m.end() : m.end() + 1] in ("", " "):
        whole = "".join(ch for ch in m.group(1) if ch.isdigit())
        value = float(f"{whole}.{m.group(2)}" if m.group(2) else whole)
        rest = text[m.end() :].split()
        if not rest:
            return int(value) if m.group(2) is None else None
        times = {**w.scales, **w.multipliers}
        if len(rest) == 1 and rest[0] in times:
            return int(value * times[rest[0]])
        return None
    return _number_words(w, text)


def _number_words(w: CasualtyWords, text: str) -> int | None:
    words = [x for x in _WORD_SPLIT.split(text) if x and x not in w.number_joins]
    if not words:
        return None
    total = current = 0
    seen_any = False
    for i, x in enumerate(words):
        if x in w.units:
            current += w.units[x]
        elif x in w.tens:
            current += w.tens[x]
        elif x in w.one_articles and i == 0 and len(words) > 1:
            current = 1
            continue
        elif x in w.multipliers:
            current = (current or 1) * w.multipliers[x]
        elif x in w.scales:
            total += (current or 1) * w.scales[x]
            current = 0
        else:
            return None
        seen_any = True
    return total + current if seen_any else None


__all__ = ["Quantity", "parse_quantity", "vague_table"]
