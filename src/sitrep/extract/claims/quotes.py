"""Quote marks paired into quoted stretches, over the raw text of each paragraph.

The claims stage's first pass: double and single marks (which characters they are is the language's,
``quote_marks`` in ``lang/<code>/claims.yaml``); apostrophes inside words ("don't", "the soldiers' families")
are not marks; two single marks typeset as one double mark ("''…''", "``…''") are a double mark; a
double quote left open runs to the paragraph end, as news style continues a quote over paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.extract.claims.words import ClaimWords
from sitrep.model import Annotations

# Punctuation after which a single mark opens a quote (besides a space or an opening double mark).
_BEFORE_OPENING = "([{—–-/"
_TRAILING_PUNCT = ",;: \t\n"


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted stretch: marks at ``open``/``close`` (``close`` None when it runs to the paragraph end)."""

    open: int
    close: int | None
    start: int  # content, without the marks, surrounding space and a trailing comma
    end: int
    paragraph_end: int
    close_width: int = 1  # characters of the closing mark ("''" is two)

    @property
    def outer_end(self) -> int:
        return self.close + self.close_width if self.close is not None else self.paragraph_end

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def pair_quotes(ann: Annotations, w: ClaimWords) -> list[Quote]:
    """Pair opening and closing quote marks paragraph by paragraph (apostrophes in words are not marks)."""
    text = ann.text
    bounds = [(p.start, p.end) for p in ann.paragraphs] or [(0, len(text))]
    quotes: list[Quote] = []
    for p_start, p_end in bounds:
        quotes.extend(_quotes_in(w, text, p_start, p_end))
    return quotes


def _quotes_in(w: ClaimWords, text: str, p_start: int, p_end: int) -> list[Quote]:
    out: list[Quote] = []
    opened: int | None = None
    kind = ""
    width = 1  # of the opening mark
    before_single = _BEFORE_OPENING + w.double_open
    i = p_start - 1
    while i + 1 < p_end:
        i += 1
        ch = text[i]
        if ch not in w.marks and ch not in w.double_pair_chars:
            continue
        pair = text[i : i + 2]
        if opened is None and pair in w.double_pair_open:
            opened, kind, width = i, "d", 2
            i += 1
            continue
        if opened is not None and kind == "d" and pair in w.double_pair_close:
            out.extend(_make_quote(text, opened, i, p_end, widths=(width, 2)))
            opened = None
            i += 1
            continue
        if ch not in w.marks:
            continue
        prev = text[i - 1] if i > p_start else " "
        nxt = text[i + 1] if i + 1 < p_end else " "
        if opened is None:
            if ch in w.double_open:
                opened, kind, width = i, "d", 1
            elif ch in w.single_open and (prev.isspace() or prev in before_single) and (nxt.isalnum() or nxt == "…"):
                opened, kind, width = i, "s", 1
        elif kind == "d" and ch in w.double_close:
            out.extend(_make_quote(text, opened, i, p_end, widths=(width, 1)))
            opened = None
        elif kind == "s" and ch in w.single_close and not prev.isspace() and not nxt.isalnum():
            # "the soldiers’ families": a plural possessive, when a later mark can close the quote.
            if prev.lower() in w.plural_possessive_letters and nxt == " " and \
                    _later_single_close(w, text, i + 1, p_end):
                continue
            out.extend(_make_quote(text, opened, i, p_end))
            opened = None
    # News style runs a quote over several paragraphs without closing each one; single marks
    # left open are more often apostrophes ("the '90s") than quotes.
    if opened is not None and kind == "d":
        out.extend(_make_quote(text, opened, None, p_end, widths=(width, 0)))
    return out


def _later_single_close(w: ClaimWords, text: str, start: int, end: int) -> bool:
    for j in range(start, end):
        if text[j] in w.single_close:
            nxt = text[j + 1] if j + 1 < end else " "
            if not text[j - 1].isspace() and not nxt.isalnum():
                return True
    return False


def _make_quote(text: str, opened: int, close: int | None, p_end: int, *,
                widths: tuple[int, int] = (1, 1)) -> list[Quote]:
    start, end = opened + widths[0], close if close is not None else p_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING_PUNCT:
        end -= 1
    if end <= start:
        return []
    return [Quote(open=opened, close=close, start=start, end=end, paragraph_end=p_end, close_width=widths[1] or 1)]
