"""Reported speech: the content of a cue verb's clause, and the per-document lookups the claim passes share.

A private helper of the claims stage (``claims.py``). Content comes from the dependency parse: a
complement clause ("said that …"), an object for verbs that take one ("denied the allegations"),
the clause a postposed cue hangs off ("The strike hit a market, police said"), or the words before
a cue the parse left unattached.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from sitrep.extract._cue_phrases import phrase_cue
from sitrep.extract._quotes import find_quotes
from sitrep.extract._speakers import Lexicon, occasion_of, phrase_tokens, subject_of, subtree_set
from sitrep.model import Annotations

_COMPLEMENTS = ("ccomp", "xcomp", "dobj")
_NOT_DONE = frozenset({"decline", "refuse", "fail", "threaten", "avoid"})


@dataclass(slots=True)
class Found:
    """A claim before its speaker is resolved."""

    parts: list[tuple[int, int]]
    cue: list[int]
    speaker: int | None
    direct: bool
    anchor: int  # character offset used for document order
    medium: str | None = None
    quote_ids: list[int] = field(default_factory=list)


class ClaimDoc:
    """Per-document lookups shared by the passes."""

    def __init__(self, ann: Annotations, lex: Lexicon) -> None:
        self.ann, self.lex = ann, lex
        self.quoting_verbs = lex.speech_verbs | lex.quote_verbs
        self.starts = [t.start for t in ann.tokens]
        self.sent_of = [0] * len(ann.tokens)
        for s_i, s in enumerate(ann.sentences):
            for k in range(s.token_start, s.token_end):
                self.sent_of[k] = s_i
        self.speaker_hint: dict[int, int] = {}  # cue -> speaker head found where the parse had none
        self.quotes = find_quotes(ann)
        self.quote_of = [-1] * len(ann.tokens)
        for q_i, q in enumerate(self.quotes):
            for k in range(self.token_at(q.open), len(ann.tokens)):
                if ann.tokens[k].start >= q.outer_end:
                    break
                self.quote_of[k] = q_i

    def token_at(self, char: int) -> int:
        """First token starting at or after ``char``."""
        return bisect_left(self.starts, char)

    def sentence_range(self, k: int) -> range:
        s = self.ann.sentences[self.sent_of[k]]
        return range(s.token_start, s.token_end)

    def is_cue(self, k: int, *, quoting: bool) -> bool:
        tok = self.ann.tokens[k]
        if self.is_according(k):
            return True
        verbs = self.quoting_verbs if quoting else self.lex.speech_verbs
        return tok.pos == "VERB" and tok.lemma.lower() in verbs

    def is_according(self, k: int) -> bool:
        toks = self.ann.tokens
        return toks[k].text.lower() == "according" and k + 1 < len(toks) and toks[k + 1].text.lower() == "to"

    def outside_complement(self, k: int, q_i: int) -> int:
        """How many content words of verb ``k``'s complement lie outside quote ``q_i``."""
        count = 0
        for c in self.ann.children[k]:
            if self.ann.tokens[c].dep in _COMPLEMENTS:
                for j in subtree_set(self.ann, c):
                    t = self.ann.tokens[j]
                    if self.quote_of[j] != q_i and t.pos != "PUNCT" and t.dep != "mark":
                        count += 1
        return count

    def speaker_of(self, k: int) -> int | None:
        if k in self.speaker_hint:
            return self.speaker_hint[k]
        if self.is_according(k):
            return next((g for g in self.ann.children[k + 1] if self.ann.tokens[g].dep == "pobj"), None)
        head = subject_of(self.ann, k)
        if head is not None and self.quote_of[head] != -1:
            return None
        return head


def cue_tokens(doc: ClaimDoc, k: int) -> list[int]:
    if doc.is_according(k):
        return [k, k + 1]
    return [k]


def find_reported(doc: ClaimDoc, used: set[int], direct: list[Found]) -> list[Found]:
    ann = doc.ann
    quoted = {q_i for f in direct for q_i in f.quote_ids}
    out: list[Found] = []
    for k, tok in enumerate(ann.tokens):
        if k in used or doc.quote_of[k] != -1:
            continue
        if doc.is_cue(k, quoting=False):
            cue, speaker, content = cue_tokens(doc, k), doc.speaker_of(k), content_of(doc, k)
        else:
            phrase = phrase_cue(ann, k, doc.lex)
            if phrase is None:
                continue
            cue, speaker = phrase.cue, phrase.speaker
            if speaker is not None and doc.quote_of[speaker] != -1:
                speaker = None
            content = _finish(doc, speaker, phrase.content - set(cue))
        if content is None or _unasserted(doc, k, content):
            continue
        if sum(doc.quote_of[j] in quoted for j in content) * 2 >= len(content):
            continue  # the words are a direct quote already found
        out.append(Found(parts=runs(doc, content), cue=cue, speaker=speaker, direct=False, anchor=tok.start))
    return [f for f in out if f.parts]


def _unasserted(doc: ClaimDoc, k: int, content: set[int]) -> bool:
    """ "too early to tell whether …", "declined to say if …": a speech act not performed, or a question."""
    ann = doc.ann
    infinitive = any(ann.tokens[c].dep == "aux" and ann.tokens[c].text.lower() == "to" for c in ann.children[k])
    if infinitive and doc.speaker_of(k) is None:
        return True
    # "declined to threaten Moscow or declare it responsible": the verbs under "decline" did not happen.
    # A participle beside the refusal ("declined to comment, saying …") is said all the same.
    j = k
    for _ in range(3):
        if ann.tokens[j].head == j or ann.tokens[j].dep == "advcl":
            break
        j = ann.tokens[j].head
        if ann.tokens[j].lemma.lower() in _NOT_DONE:
            return True
    words = [ann.tokens[j].text.lower() for j in sorted(content) if ann.tokens[j].pos != "PUNCT"]
    if words[:1] == ["to"]:
        words = words[2:]  # "declined to say whether …": the refusal of a question asserts nothing
    return bool(words) and words[0] in ("whether", "if")


def content_of(doc: ClaimDoc, k: int) -> set[int] | None:
    """Token indices of the reported content of cue ``k``, or None when it has none."""
    ann, tok = doc.ann, doc.ann.tokens[k]
    if doc.is_according(k):
        if tok.head == k:
            return None
        content = subtree_set(ann, tok.head) - subtree_set(ann, k)
    else:
        deps = {ann.tokens[c].dep: c for c in reversed(ann.children[k])}
        after = [c for c in ann.children[k] if c > k and ann.tokens[c].dep == "ccomp"]
        if after and "ccomp" in deps and deps["ccomp"] < k and ann.tokens[k].dep == "ROOT":
            # "Claiming X is designed to …, Trump told Fox that …": the clause after the cue is what was told.
            deps["ccomp"] = after[0]
        passive = any(ann.tokens[c].dep in ("auxpass", "nsubjpass") for c in ann.children[k])
        lemma = tok.lemma.lower()
        if "ccomp" in deps:
            content = subtree_set(ann, deps["ccomp"])
            if tok.dep == "conj" and tok.head < deps["ccomp"] < k:
                # "A, but B, a source said" parsed as A <conj> said <ccomp> B: the source said both.
                content |= subtree_set(ann, tok.head) - subtree_set(ann, k)
        elif "xcomp" in deps and not passive and lemma != "tell":
            content = subtree_set(ann, deps["xcomp"])
        elif "dobj" in deps and lemma in doc.lex.object_content_verbs:
            content = subtree_set(ann, deps["dobj"])
            # "accused Kiev of violating the ceasefire": the charge hangs off the verb.
            for c in ann.children[k]:
                if ann.tokens[c].dep == "prep" and ann.tokens[c].text.lower() == "of":
                    content |= subtree_set(ann, c)
        elif tok.dep in ("parataxis", "advcl", "ccomp") and tok.head != k and ann.tokens[tok.head].pos in ("VERB", "AUX"):
            # "The strike hit a market, police said": the cue hangs off the content's verb.
            head = tok.head
            # "X happened, but Y followed, a source said": the cue hangs off the last conjunct.
            while ann.tokens[head].dep == "conj" and ann.tokens[head].head != head:
                head = ann.tokens[head].head
            content = subtree_set(ann, head) - subtree_set(ann, k)
        else:
            content = _before_postposed_cue(doc, k)
            if content is None:
                return None
    sentence = doc.sentence_range(k)
    occasion = occasion_of(ann, sentence, doc.lex, skip=())
    if occasion:
        content -= subtree_set(ann, occasion[0])
    content.discard(k)
    return _finish(doc, doc.speaker_of(k), content)


def _finish(doc: ClaimDoc, speaker: int | None, content: set[int]) -> set[int] | None:
    """Content without the speaker's words and a closing parenthesis; None when under two words remain."""
    ann = doc.ann
    if speaker is not None:
        content = content - set(phrase_tokens(ann, speaker))
    content = _without_trailing_parenthesis(ann, content)
    words = [j for j in content if ann.tokens[j].pos != "PUNCT"]
    return content if len(words) >= 2 else None


def _before_postposed_cue(doc: ClaimDoc, k: int) -> set[int] | None:
    """Content for "<clause>, military officials said" when the parse did not make the clause a complement."""
    ann = doc.ann
    speaker = doc.speaker_of(k)
    first = min(phrase_tokens(ann, speaker)) if speaker is not None and speaker < k else k
    comma = first - 1
    start = doc.sentence_range(k).start
    if comma <= start or ann.tokens[comma].text not in (",", "—", "–"):
        return None
    # "BAGHDAD — Iraqi forces ...": a dateline is not part of what was said.
    for j in range(start, min(start + 6, comma)):
        if ann.tokens[j].text in ("—", "–", "-") and all(
                ann.tokens[i].text.isupper() or not ann.tokens[i].text.isalpha() for i in range(start, j)):
            start = j + 1
            break
    return {j for j in range(start, comma) if doc.quote_of[j] == -1}


def _without_trailing_parenthesis(ann: Annotations, content: set[int]) -> set[int]:
    """Drop a parenthesis that closes the content: it is a citation or an aside, not what was said."""
    idx = sorted(content)
    opens = [j for j in idx if ann.tokens[j].text == "("]
    if not opens:
        return content
    last = opens[-1]
    closes = [j for j in idx if j > last and ann.tokens[j].text == ")"]
    if closes and any(not filler(ann, j) for j in idx if j > closes[-1]):
        return content
    return {j for j in content if j < last}


def filler(ann: Annotations, j: int) -> bool:
    return ann.tokens[j].pos in ("PUNCT", "SPACE")


def runs(doc: ClaimDoc, tokens: set[int]) -> list[tuple[int, int]]:
    """Contiguous character spans covering ``tokens``, without edge punctuation or a leading "that"."""
    ann = doc.ann
    runs: list[list[int]] = []
    for j in sorted(tokens):
        if runs and runs[-1][-1] == j - 1:
            runs[-1].append(j)
        else:
            runs.append([j])
    spans = []
    for run in runs:
        while run and (filler(ann, run[0]) or
                       (ann.tokens[run[0]].dep == "mark" and ann.tokens[run[0]].text.lower() == "that")):
            run = run[1:]
        while run and filler(ann, run[-1]) and ann.tokens[run[-1]].text not in "\"”’'":
            run = run[:-1]
        if run and any(not filler(ann, j) for j in run):
            spans.append(_close_quote(ann.text, ann.tokens[run[0]].start, ann.tokens[run[-1]].end))
    return spans


def _close_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the closing mark of a quote the span opens ('as "a decisive victory"'): the parse often hangs
    the mark on the verb, outside the content."""
    piece = text[start:end]
    if end < len(text) and ((text[end] == '"' and piece.count('"') % 2) or
                            (text[end] == "”" and piece.count("“") > piece.count("”"))):
        return start, end + 1
    return start, end
