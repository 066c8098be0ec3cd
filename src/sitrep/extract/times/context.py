"""What the words around a time say about it: whether its clause speaks of the future ("talks will resume on
Friday": the next Friday), and whether it opens a stretch running to the time of writing ("since 2009": its year
is background). The words are the language's (``TimesWords``); the parse labels and tags are sitrep's scheme.
"""

from __future__ import annotations

import re

from sitrep.extract.common.text import tokens_in
from sitrep.extract.times.words import TimesWords
from sitrep.model import Annotations

# Where a clause ends, looking back from a time: a sentence end (not "U.S. troops"), a semicolon, a new line.
_CLAUSE_END = re.compile(r"[.!?][\"'”’)]?\s+(?=[A-Z\"“])|[;\n]")


def opens_span_to_now(text: str, start: int, w: TimesWords) -> bool:
    """True for a time that starts a stretch running up to the time of writing: "since 2009", "since the uprising
    began in March 2011".  Its year is background, so the months that follow do not inherit it ("... since the
    uprising began in March 2011.  The group revised its count after deaths in May": May of this year)."""
    window = text[max(0, start - 60) : start]
    ends = [m.end() for m in _CLAUSE_END.finditer(window)]
    return w.span_to_now.search(window, ends[-1] if ends else 0) is not None


# Penn Treebank tags: present tense (VBZ, VBP) and past tense (VBD); the clause labels are sitrep's scheme.
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "acl"})


def said_of_the_future(ann: Annotations, start: int, end: int, w: TimesWords) -> bool:
    """True if the clause that a time hangs from speaks of what is still to come.  It reads the parse up from
    the time to its clause's verb: a future auxiliary ("will resume"), or a present-tense "is due / expected /
    scheduled", "plans to" or "is to", says so; a past tense ("were expected to resume on Friday") or no parse says not."""
    inside = tokens_in(ann, start, end)
    if not inside or not ann.children:
        return False
    idx = {t.i for t in inside}
    j = next((t.i for t in inside if t.head not in idx or t.head == t.i), inside[0].i)
    for _ in range(8):
        tok = ann.tokens[j]
        if tok.pos in ("VERB", "AUX", "ADJ"):
            kids = [ann.tokens[k] for k in ann.children[j]]
            auxes = [k for k in kids if k.dep in ("aux", "auxpass")]
            if any(k.text.lower() in w.future_auxiliaries for k in auxes):
                return True
            own = [tok] if tok.lemma.lower() in w.scheduling_verbs else []
            if tok.lemma.lower() in w.scheduling_lemmas and any(
                    t.tag in _PRESENT_TAGS for t in (*own, *auxes, ann.tokens[tok.head])):
                return True
            head = ann.tokens[tok.head]
            if (tok.dep == "xcomp" and any(k.tag == "TO" for k in auxes) and head.lemma.lower() in w.arranged_verbs
                    and head.tag in _PRESENT_TAGS):
                return True  # "is to be voted on Thursday"
            if tok.tag == "VBD" or any(k.tag == "VBD" for k in auxes) or tok.dep in _CLAUSE_DEPS:
                return False
        if tok.head == j:
            return False
        j = tok.head
    return False
