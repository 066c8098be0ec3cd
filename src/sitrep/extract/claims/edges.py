"""Where a claim's content begins and ends, as attribution corpora (PolNeAR) draw it, once every pass has found
its claims: the words a sentence opens with before a cue set off by commas ("Back then, she said, the office
was quiet") are said too, reported words that open a quote run to its close, past the sentence's end, a
quote that stops mid-clause goes on with the words after its mark that hang on it, and reported words end
before a participle of saying or a "while" clause that makes a claim of its own (", warning that …").

A pass of the claims stage. Language-free: only punctuation and the parse decide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sitrep.extract.claims.document import ClaimDoc, Found
from sitrep.extract.claims.parse import filler, phrase_tokens, subtree_set
from sitrep.model import ClaimKind

_COMMAS = frozenset({",", "—", "–"})
_SOFT_END = ",.;:?!—–-…"  # a quote that ends on one of these closes its clause
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def with_fronted(doc: ClaimDoc, found: Sequence[Found]) -> list[Found]:
    """Each claim with the words before its parenthetical cue, where it has one: "The reality is, he added, “there
    are no recusals”", "Many days, former employees said, she would stay late" — the speaker's words run round
    the cue, and the part before it is no one else's."""
    taken = [(s, e) for f in found for s, e in f.parts]
    out = []
    for f in found:
        lead = _fronted(doc, f, taken)
        if lead is not None:
            f = replace(f, parts=(lead, *f.parts))
        out.append(f)
    return out


def through_quotes(doc: ClaimDoc, found: Sequence[Found]) -> list[Found]:
    """Reported words that open a quote end where the quote closes: 'said he was “weak on the border, you know
    that. Weak.”' — the parse stops at the sentence, the speaker's quoted words go on."""
    taken = [(s, e) for f in found for s, e in f.parts]
    out = []
    for f in found:
        start, end = f.parts[-1]
        last = doc.token_at(end) - 1
        q_i = doc.quote_of[last] if 0 <= last < len(doc.ann.tokens) else -1
        if not f.direct and q_i != -1:
            q = doc.quotes[q_i]
            more = any(ch.isalnum() for ch in doc.ann.text[end : q.end])
            if q.close is not None and start <= q.start and more and \
                    not any(s < q.end and end < e for s, e in taken):
                f = replace(f, parts=(*f.parts[:-1], (start, q.end)))
        out.append(f)
    return out


def past_quotes(doc: ClaimDoc, found: Sequence[Found]) -> list[Found]:
    """ '“I am sick of the campaign lying” about her record': a claim whose words end at a quote's close that
    stops mid-clause (no comma or stop inside the marks) goes on with the words after the mark that hang on the
    quoted ones, up to the next punctuation."""
    ann, text = doc.ann, doc.ann.text
    taken = [(s, e) for f in found for s, e in f.parts]
    out = []
    for f in found:
        start, end = f.parts[-1]
        last = doc.token_at(end) - 1
        q_i = doc.quote_of[last] if 0 <= last < len(ann.tokens) else -1
        q = doc.quotes[q_i] if q_i != -1 else None
        if q is None or q.close is None or end != q.end or text[q.open + 1 : q.close].rstrip()[-1:] in _SOFT_END:
            out.append(f)
            continue
        inside = range(doc.token_at(q.open), doc.token_at(q.outer_end))
        tail = []
        j = inside.stop
        speaker = set(phrase_tokens(ann, f.speaker)) if f.speaker is not None else set()
        while j < len(ann.tokens) and doc.sent_of[j] == doc.sent_of[last] and not filler(ann, j) and \
                doc.quote_of[j] == -1 and j not in f.cue and j not in speaker and \
                ann.tokens[j].dep not in _SUBJECTS and not doc.is_cue(j, quoting=True) and \
                _hangs_in(ann, j, inside, tail):
            tail.append(j)
            j += 1
        while tail and (ann.tokens[tail[-1]].tag == "CC" or ann.tokens[tail[-1]].dep in ("cc", "mark")):
            tail.pop()  # '“…” or', '“…” while': the words after the mark open another clause
        if tail:
            stop = ann.tokens[tail[-1]].end
            if not any(s < stop and q.outer_end <= s for s, e in taken):
                f = replace(f, parts=(*f.parts[:-1], (start, stop)))
        out.append(f)
    return out


def past_conjunction(doc: ClaimDoc, k: int, content: set[int]) -> set[int]:
    """Content that ends on "and" or "but" goes on with the verb the parse hung on the cue instead ('announced
    that she was “careless” with the files and … would face some punishment': "face" hangs on "announced"), when
    that verb has no subject and is no cue of its own; else the dangling conjunction is dropped."""
    ann = doc.ann
    words = sorted(j for j in content if not filler(ann, j))
    if not words or ann.tokens[words[-1]].tag != "CC":
        return content
    last = words[-1]
    joined = next((c for c in ann.children[k] if c > last and ann.tokens[c].dep in ("conj", "ccomp")), None)
    if joined is not None and not doc.is_cue(joined, quoting=False) and not doc.takes_a_stance(joined) and \
            not any(ann.tokens[c].dep in ("nsubj", "nsubjpass") for c in ann.children[joined]):
        tail = {j for j in subtree_set(ann, joined) if j > last}
        if tail and all(j in tail or filler(ann, j) for j in range(last + 1, max(tail) + 1)):
            return content | tail
    return content - {last}


def _hangs_in(ann, j: int, inside: range, tail: list[int]) -> bool:
    """Whether token ``j``'s head chain reaches the quoted words (directly or through words already taken)."""
    k = j
    for _ in range(4):
        k = ann.tokens[k].head
        if k in inside or k in tail:
            return True
        if k <= j and k not in tail:
            return False
    return False


def _fronted(doc: ClaimDoc, f: Found, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The character span of the words before ``f``'s cue, when the cue and its speaker stand between commas
    inside the sentence and the content follows the second comma; None otherwise."""
    ann = doc.ann
    if not f.cue or f.speaker_words:
        return None
    cue = set(f.cue)
    around = set(cue)
    if f.speaker is not None:
        around |= set(phrase_tokens(ann, f.speaker))
    lo, hi = min(around), max(around)
    first = doc.token_at(f.parts[0][0])
    if first <= hi or doc.sent_of[first] != doc.sent_of[lo]:
        return None
    # Between the cue and the content: the cue's own words ("said in an interview afterward"), the speaker's
    # apposition, then a comma and perhaps a quote mark.
    attached = set().union(*(subtree_set(ann, k) for k in around)) - {
        j for s, e in f.parts for j in range(doc.token_at(s), doc.token_at(e))}
    j = first - 1
    while j > hi and filler(ann, j) and ann.tokens[j].text not in _COMMAS:
        j -= 1
    if j <= hi or ann.tokens[j].text not in _COMMAS or any(i not in attached for i in range(hi + 1, j)):
        return None
    start = doc.sentence_range(lo).start
    comma = lo - 1
    if comma <= start or ann.tokens[comma].text not in _COMMAS:
        return None
    words = [i for i in range(start, comma) if not filler(ann, i)]
    if not words or any(doc.is_cue(i, quoting=False) for i in words) or not _a_clause(doc, start, comma):
        return None
    span = (ann.tokens[words[0]].start, ann.tokens[comma - 1].end)
    if any(s < span[1] and span[0] < e for s, e in taken):
        return None
    return span


def _a_clause(doc: ClaimDoc, start: int, end: int) -> bool:
    """Whether tokens ``start``..``end`` hold the speaker's own words: a subject ("No name change, he said, hides
    …") or a clause with its subject ("The reality is", "If she is elected"), not a phrase that tells where or
    when the words were said ("In a statement", "On Twitter", "When asked", "Still")."""
    ann = doc.ann
    tops = [j for j in range(start, end) if not filler(ann, j) and ann.tokens[j].dep != "cc"
            and (ann.tokens[j].head == j or not start <= ann.tokens[j].head < end)]
    if not tops:
        return False
    for j in tops:
        dep = ann.tokens[j].dep
        own_subject = any(ann.tokens[c].dep in _SUBJECTS and start <= c < end for c in ann.children[j])
        if dep not in _SUBJECTS and not own_subject:
            return False
    return True


def apart_from_joined(doc: ClaimDoc, found: Sequence[Found]) -> list[Found]:
    """Reported content ends before a participle of saying, view or stance hung on it after a comma, and the
    participle speaks with the same speaker: "The minister said the army would hold the bridge, warning that …" is
    two claims of the minister's (PolNeAR marks each word in one attribution, mostly these apart); the parse hangs
    "warning" on "hold", whose subject is not the one who warns. So with a clause after a comma and its link word
    that holds a statement or a view of its own, by its own subject ("say they want an outsider, while 4 in 10 want
    experience"); a stance there ("…, while 23 percent favored Cruz") stays, as PolNeAR keeps such tallies whole."""
    ann = doc.ann
    out = list(found)
    for i, f in enumerate(out):
        if f.direct or f.speaker is None:
            continue
        mine = {j for s, e in f.parts for j in range(doc.token_at(s), doc.token_at(e))}
        tops = {j for j in mine if ann.tokens[j].head not in mine or ann.tokens[j].head == j}
        joined: list[int] = []
        marked: dict[int, int] = {}
        for g_i, g in enumerate(out):
            if g_i == i or not g.cue or g.speaker_words or g.direct:
                continue
            j = g.cue[0]
            tok = ann.tokens[j]
            theirs = {t for s, e in g.parts for t in range(doc.token_at(s), doc.token_at(e))} | set(g.cue)
            if theirs <= mine and tok.dep == "advcl" and tok.tag == "VBG" and tok.head in tops and \
                    min(theirs) == j and j - 1 in mine and ann.tokens[j - 1].text in _COMMAS:
                joined.append(g_i)
            elif g.speaker is not None and g.kind is not ClaimKind.STANCE and theirs <= mine and \
                    tok.dep == "advcl" and tok.head in tops and \
                    (mark := next((c for c in ann.children[j] if ann.tokens[c].dep == "mark"), None)) is not None \
                    and mark < g.speaker and mark - 1 in mine and ann.tokens[mark - 1].text in _COMMAS:
                marked[g_i] = mark  # "…, while 4 in 10 want experience": a clause with a claim of its own
        if not joined and not marked:
            continue
        cut = min([out[g_i].cue[0] for g_i in joined] + list(marked.values())) - 1
        kept = [j for j in mine if j < cut and not filler(ann, j)]
        if not kept:
            continue
        stop = ann.tokens[max(kept)].end
        out[i] = replace(f, parts=tuple((s, min(e, stop)) for s, e in f.parts if s < stop))
        for g_i in joined:
            out[g_i] = replace(out[g_i], speaker=f.speaker)
    return out
