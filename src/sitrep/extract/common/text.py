"""Small helpers over ``Annotations`` shared by the extraction stages."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator

from sitrep.model import Annotations, Evidence, Token


def sentence_index_at(ann: Annotations, char: int) -> int:
    """Index of the sentence containing character offset ``char`` (the nearest earlier one between sentences)."""
    starts = [s.start for s in ann.sentences]
    return max(0, bisect_right(starts, char) - 1)


def paragraph_index_at(ann: Annotations, char: int) -> int:
    starts = [p.start for p in ann.paragraphs]
    return max(0, bisect_right(starts, char) - 1)


def token_index_at(ann: Annotations, char: int) -> int | None:
    """Index of the token holding character offset ``char``, looked for in its sentence only (None between
    tokens)."""
    if not ann.sentences:
        return next((t.i for t in ann.tokens if t.start <= char < t.end), None)
    sent = ann.sentences[sentence_index_at(ann, char)]
    return next((t.i for t in ann.tokens[sent.token_start:sent.token_end] if t.start <= char < t.end), None)


def tokens_in(ann: Annotations, start: int, end: int) -> list[Token]:
    """Tokens that overlap the character range ``[start, end)``."""
    return [t for t in ann.tokens if t.end > start and t.start < end]


def subtree(ann: Annotations, i: int) -> list[int]:
    """Indices of token ``i`` and all its dependents, sorted."""
    out = []
    stack = [i]
    while stack:
        j = stack.pop()
        out.append(j)
        stack.extend(ann.children[j])
    return sorted(out)


def ancestors(ann: Annotations, i: int) -> Iterator[int]:
    """Heads of token ``i`` up to the root (not including ``i``)."""
    seen = {i}
    j = ann.tokens[i].head
    while j not in seen:
        yield j
        seen.add(j)
        j = ann.tokens[j].head


def name_end(ann: Annotations, token_start: int, token_end: int) -> int:
    """The token end of an entity without a count the tagger ran into it that counts what follows ("shelled
    Kherson 43 times" tagged as one organisation "Kherson 43")."""
    last = token_end - 1
    while last > token_start and ann.tokens[last].dep == "nummod" and not token_start <= ann.tokens[last].head < last:
        last -= 1
    return last + 1


def char_span(ann: Annotations, token_indices: Iterable[int]) -> tuple[int, int]:
    idx = list(token_indices)
    return ann.tokens[min(idx)].start, ann.tokens[max(idx)].end


def evidence_for_tokens(ann: Annotations, token_indices: Iterable[int]) -> Evidence:
    start, end = char_span(ann, token_indices)
    return ann.evidence(start, end)


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def is_dateline_span(ann: Annotations, start: int, end: int) -> bool:
    """ "KIRKUK, Iraq - …" / "KABUL, Afghanistan (…)": an upper-case name opening a paragraph (or the text right
    after a headline run into it, "Title. TBILISI, Georgia --"), then a comma, dash or bracket.  It says where
    the report was filed, not where the event happened."""
    before = ann.text[max(0, start - 2):start]
    opens = start == 0 or ann.text[start - 1] in "\n\u2028\u2029" or (start < _HEADLINE_REACH and before == ". ")
    name = ann.text[start:end]
    rest = ann.text[end:end + 2].lstrip()
    if opens and not name.isupper():
        # a dateline in ordinary case names its agency or closes with a dash: "Maiduguri, (Reuters) –"
        return bool(_CASED_DATELINE.match(ann.text[end:end + 60]))
    return opens and name.isupper() and rest[:1] in (",", "-", "\u2014", "\u2013", "(", ":")


_HEADLINE_REACH = 300  # a dateline run into its headline sits within the first few lines
# After a name in ordinary case: an optional ", Region" or ", date" ("Bamako, 14 mars 2024 (AFP) -", "Beni, le 3
# novembre 2023 -"), then an agency in brackets and/or a dash.
_CASED_DATELINE = re.compile(r"(?:,\s*(?:[A-Z]|\d|\w{1,3}\s+\d)[\w.' ]{0,25}?)?,?\s*(?:\([^()\n]{1,30}\)\s*[-\u2013\u2014]{0,2}|[-\u2013\u2014]{1,2})\s")


_AGES = range(1, 120)


def is_named_person(ann: Annotations, i: int) -> bool:
    """A proper noun that names a person: the model's PERSON entity, or a name given an age between commas ("Ana
    Diaz, 34,"), which news writes of people only (the small models often miss a name so followed)."""
    tok = ann.tokens[i]
    if tok.pos != "PROPN":
        return False
    if tok.ent_type == "PERSON":
        return True
    return any(ann.tokens[c].dep == "appos" and ann.tokens[c].text.isdigit() and int(ann.tokens[c].text) in _AGES
               for c in ann.children[i])
