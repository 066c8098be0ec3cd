"""Counts that share one casualty word, each told with its own place: "killed seven people in Djibo and five
others near Arbinda", "two soldiers were killed in Gao, three in Kidal and one near Ménaka".

The later counts have no verb of their own, and the parser attaches them anywhere (a conjunct of the verb, an
apposition of the first place), so they are read off the words in order: after a count and the place it
happened in come a comma or a conjunction, a quantity, perhaps a noun, and a preposition with a proper name.
Each is a mention of the same kind on the same casualty word, marked ``listed``; the events stage makes one
event per place of them, or drops them when it cannot (a list's counts are never added up).
"""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.extract.casualties.quantities import parse_quantity
from sitrep.extract.casualties.triggers import is_quantity_word, trigger_kind
from sitrep.extract.casualties.words import CasualtyWords
from sitrep.extract.common.text import token_index_at
from sitrep.model import Annotations, CasualtyMention, Count, Token

_NAMES = ("GPE", "LOC", "FAC")


def listed_counts(ann: Annotations, found: Sequence[CasualtyMention], w: CasualtyWords) -> list[CasualtyMention]:
    """The elided counts that follow each killed or injured count whose own words end at a place."""
    out = []
    for m in found:
        if m.kind not in ("killed", "injured") or m.negated or not m.count.evidence:
            continue
        last = token_index_at(ann, m.count.evidence[-1].end - 1)
        sent = ann.sentences[m.sentence]
        j = _place_after(ann, last + 1, sent.token_end) if last is not None else None
        while j is not None:
            item = _item(ann, j + 1, sent.token_end, w)
            if item is None:
                break
            (best, low, high), who, start, j = item
            out.append(CasualtyMention(
                kind=m.kind, sentence=m.sentence, token=m.token, listed=True,
                count=Count(best=best, low=low, high=high, who=who or m.count.who,
                            evidence=(ann.evidence(ann.tokens[start].start, ann.tokens[j].end),))))
    return out


def _place_after(ann: Annotations, j: int, end: int) -> int | None:
    """The last token of "in Djibo" / "near the town of Arbinda" / "in the northern city of Makeni" / "près de
    Ménaka" right at ``j``, or None."""
    if j + 1 < end and ann.tokens[j].pos == "ADV" and ann.tokens[j + 1].pos == "ADP":
        j += 1  # "près de", "close to"
    if j >= end or ann.tokens[j].pos != "ADP":
        return None
    k = j + 1
    while k < end and (ann.tokens[k].pos in ("ADP", "DET") or (
            ann.tokens[k].pos == "NOUN" and k + 1 < end and ann.tokens[k + 1].pos == "ADP") or (
            ann.tokens[k].pos == "ADJ" and k + 1 < end and ann.tokens[k + 1].pos in ("NOUN", "PROPN", "ADJ"))):
        k += 1  # "près de", "in the", "in the village of", "in the northern town of", "in northern Mali"
    if k >= end or not _is_name(ann.tokens[k]):
        return None
    while k + 1 < end and _is_name(ann.tokens[k + 1]):
        k += 1
    return k


def _is_name(t: Token) -> bool:
    return t.pos == "PROPN" or t.ent_type in _NAMES


def _item(ann: Annotations, j: int, end: int, w: CasualtyWords
          ) -> tuple[tuple[int, int, int | None], str | None, int, int] | None:
    """", five others near Arbinda" from ``j``: (quantity, who, first token, last token of the place)."""
    k = j
    while k < end and (ann.tokens[k].text in (",", ";") or ann.tokens[k].pos == "CCONJ"):
        k += 1
    if k == j or k >= end:
        return None
    start = k
    while k < end and not is_quantity_word(ann.tokens[k], w) and k - start < 3 and ann.tokens[k].pos in ("ADV", "ADP", "ADJ"):
        k += 1  # "at least", "about"
    if k >= end or not is_quantity_word(ann.tokens[k], w) or trigger_kind(ann, ann.tokens[k], w) is not None:
        return None
    quantity = parse_quantity(ann.text[ann.tokens[start].start : ann.tokens[k].end], lexicon=w) or parse_quantity(
        ann.tokens[k].text, lexicon=w)
    if quantity is None:
        return None
    n = k + 1
    nouns = []
    while n < end and ann.tokens[n].pos in ("NOUN", "ADJ") and n - k <= 3:
        nouns.append(n)
        n += 1
    last = _place_after(ann, n, end)
    if last is None or any(trigger_kind(ann, ann.tokens[x], w) is not None for x in nouns):
        return None
    who = None
    if nouns and not {ann.tokens[nouns[-1]].text.lower(), (ann.tokens[nouns[-1]].lemma or "").lower()} & w.filler_words:
        who = ann.text[ann.tokens[nouns[0]].start : ann.tokens[nouns[-1]].end]
    return quantity, who, start, last
