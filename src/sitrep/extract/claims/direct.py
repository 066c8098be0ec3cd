"""Direct quotes tied to their cues: '"…," the Pentagon said', 'He said: "…"', a quote that continues the
claim before it, and the short cue-less quotes that hedge ("so-called 'liberated' areas").

A pass of the claims stage over the quotes ``quotes.py`` paired. Language-free: the cue words are tested by
``ClaimDoc.is_cue``; here only punctuation and the parse decide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sitrep.extract.claims.after import STOPS, cue_after
from sitrep.extract.claims.colons import colon_cue
from sitrep.extract.claims.document import ClaimDoc, Found
from sitrep.extract.claims.media import names_the_medium
from sitrep.extract.claims.parse import filler, subtree_set
from sitrep.extract.claims.quotes import Quote
from sitrep.model import ClaimKind, Evidence

# Punctuation after which a quote may continue the previous one ('," he said, "…'), besides closing marks.
_CONTINUES = ",.:;—–!?"
_SCARE_WORDS = 3  # a quote of at most this many words with no cue is a hedge, not a claim
_TITLE_SHARE = 0.7  # of a cue-less quote's words capitalised: a title or a slogan
_SUBJECT_WORDS = 12  # unquoted words that open a sentence and run into its quote ('The new plans “will …”')
_LEAD_WORDS = 4  # words of a cue's object before the quote they run into ('calls it a “…”')


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteScan:
    """What the quotes give: claims of direct speech, and the quotes left for later passes."""

    found: tuple[Found, ...]
    scare: tuple[Evidence, ...]  # short quotes with no cue
    used: frozenset[int]  # cue tokens taken by a direct quote
    fragments: tuple[tuple[int, int], ...]  # (quote, cue): quoted words inside reported speech
    orphans: tuple[int, ...]  # quotes with no cue of their own


def scan_quotes(doc: ClaimDoc) -> QuoteScan:
    """Each quote in text order: a cue after or before it, a continuation of the previous claim, a scare quote,
    a fragment of reported speech or an orphan."""
    ann = doc.ann
    found: list[Found] = []
    scare: list[Evidence] = []
    used: set[int] = set()
    fragments: list[tuple[int, int]] = []
    orphans: list[int] = []
    for q_i, q in enumerate(doc.quotes):
        short = q.words(ann.text) <= _SCARE_WORDS
        after = cue_after(doc, q_i)
        if after is None and found and _gap_is_attribution(doc, found[-1], q):
            found[-1] = found[-1].with_quote(q_i, q.start, q.end)
            continue
        cue, whole = (after, True) if after is not None else (_cue_before(doc, q_i) or (None, False))
        if after is None and cue is not None and names_the_medium(doc, cue, q):
            continue  # 'said on ABC’s “This Week”': the title of the programme the words went out on
        if cue is None and (colon := colon_cue(doc, q_i)) is not None:
            cue, whole = colon, True  # 'made her position plain: “…”': any verb phrase before a colon
        if cue is not None and whole:
            claim = quote_claim(doc, q_i, cue)
            if after is not None and (lead := _subject_before(doc, q)) is not None:
                # 'The new plans “will help families,” the minister said': the words before the quote are said too.
                claim = Found(parts=((lead, q.end),), cue=claim.cue, speaker=claim.speaker, direct=False,
                              anchor=lead, quote_ids=claim.quote_ids)
            elif after is None and _after_complementizer(doc, q):
                claim = replace(claim, direct=False)  # 'said that “…”': reported speech, quoted
            found.append(claim)
            used.add(cue)
        elif cue is None and (verb := cue_after(doc, q_i, any_verb=True)) is not None:
            found.append(quote_claim(doc, q_i, verb))  # '“…,” the governor assured the engineers'
            used.add(verb)
        elif short:
            scare.append(ann.evidence(q.start, q.end))
        elif cue is None:
            orphans.append(q_i)
        else:
            fragments.append((q_i, cue))  # quoted inside reported speech: the reported claim should carry it
    return QuoteScan(found=tuple(found), scare=tuple(scare), used=frozenset(used), fragments=tuple(fragments),
                     orphans=tuple(orphans))


def quote_claim(doc: ClaimDoc, q_i: int, cue: int) -> Found:
    q = doc.quotes[q_i]
    return Found(parts=((q.start, q.end),), cue=doc.cue_tokens(cue), speaker=doc.speaker_of(cue), direct=True,
                 anchor=q.start, quote_ids=(q_i,))


def fragments_outside(doc: ClaimDoc, fragments: Sequence[tuple[int, int]], reported: Sequence[Found]) -> list[Found]:
    """Quoted fragments of reported speech that no reported claim took in: the words from the cue to the last
    of its quotes are what was said ('said after a vote that he had “grave concerns”', where the parse hung
    the clause on "vote"), a quote alone when other words of the sentence stand between."""
    by_cue: dict[int, list[int]] = {}
    for q_i, cue in fragments:
        q = doc.quotes[q_i]
        if not any(s < q.end and q.start < e for f in reported for s, e in f.parts):
            by_cue.setdefault(cue, []).append(q_i)
    out = []
    for cue, quote_ids in by_cue.items():
        lead = _lead_in(doc, cue, doc.quotes[quote_ids[0]])
        if lead is None:
            out.extend(quote_claim(doc, q_i, cue) for q_i in quote_ids)
            continue
        last = doc.quotes[quote_ids[-1]]
        out.append(Found(parts=((lead, last.end),), cue=doc.cue_tokens(cue),
                         speaker=doc.speaker_of(cue), direct=False, anchor=doc.ann.tokens[cue].start,
                         quote_ids=tuple(quote_ids)))
    return out


def _lead_in(doc: ClaimDoc, cue: int, q: Quote) -> int | None:
    """Where reported words that run into quote ``q`` start: after the complementizer after cue ``cue``
    ('said that he had “…'), or right after the cue when a few words of its object stand before the quote
    ('declaring it “a …'). None when nothing stands between, or words the parse does not tie to the quote
    ('told reporters “…', 'said in a statement “…'), or a verb with no complementizer (another clause)."""
    ann, w = doc.ann, doc.w
    gap = [j for j in range(max(doc.cue_tokens(cue)) + 1, doc.token_at(q.open)) if not filler(ann, j)]
    marks = [i for i, j in enumerate(gap) if ann.tokens[j].text.lower() in w.complementizers
             and ann.tokens[j].dep == "mark"]
    if marks:
        gap = gap[marks[-1] + 1 :]
    elif len(gap) > _LEAD_WORDS or any(ann.tokens[j].pos in ("VERB", "AUX") for j in gap):
        return None
    inside = range(doc.token_at(q.open), doc.token_at(q.outer_end))
    tied = any(ann.tokens[j].head in inside for j in gap) or any(ann.tokens[j].head in gap for j in inside)
    return ann.tokens[gap[0]].start if gap and tied else None


def _after_complementizer(doc: ClaimDoc, q: Quote) -> bool:
    """Whether the word right before the quote's opening mark is a complementizer ('vowed that “…”')."""
    ann = doc.ann
    j = doc.token_at(q.open) - 1
    while j >= 0 and filler(ann, j):
        j -= 1
    return j >= 0 and ann.tokens[j].dep == "mark" and ann.tokens[j].text.lower() in doc.w.complementizers


def _subject_before(doc: ClaimDoc, q: Quote) -> int | None:
    """Where a sentence starts when it opens with a few unquoted words that the quote goes on from ('The new plans
    “will help families,”'): a noun phrase with no verb, the quote opening in lower case. None otherwise."""
    ann, text = doc.ann, doc.ann.text
    first_word = text[q.start : q.start + 1]
    if not first_word.islower():
        return None
    open_tok = doc.token_at(q.open)
    if open_tok >= len(ann.tokens):
        return None
    sentence = doc.sentence_range(open_tok)
    words = [j for j in range(sentence.start, open_tok) if not filler(ann, j)]
    if not words or len(words) > _SUBJECT_WORDS or any(
            doc.is_cue(j, quoting=False) or doc.quote_of[j] != -1 or ann.tokens[j].text in STOPS for j in words):
        return None
    if not any(ann.tokens[j].pos in ("NOUN", "PROPN", "PRON") for j in words):
        return None
    return ann.tokens[words[0]].start


def _cue_before(doc: ClaimDoc, q_i: int) -> tuple[int, bool] | None:
    """The cue before a quote, and whether the quote is a whole direct quote (not a fragment of reported speech)."""
    q = doc.quotes[q_i]
    ann, text = doc.ann, doc.ann.text
    lead = q.open - 1
    while lead >= 0 and text[lead].isspace():
        lead -= 1
    if lead < 0 or text[lead] in "\n.!?":
        return None  # the quote opens its own sentence: a cue in the previous one is not its cue
    last = doc.token_at(lead + 1) - 1
    if last < 0:
        return None
    first = ann.sentences[doc.sent_of[last]].token_start
    for k in range(last, first - 1, -1):
        if doc.quote_of[k] != -1:
            break
        if doc.is_cue(k, quoting=True):
            # 'joked that he likes a good, “quiet week”': words of the cue's clause run into the quote; 'The mayor,
            # Vance said, has created a “strange zone”': words of the clause the cue is set in stand between.
            own = subtree_set(ann, k)
            between = any(j not in own and not filler(ann, j) for j in range(k + 1, last + 1))
            whole = not between and _lead_in(doc, k, q) is None and (
                text[lead] in ":," or doc.outside_complement(k, q_i) == 0)
            return k, whole
    return None


def _gap_is_attribution(doc: ClaimDoc, prev: Found, q: Quote) -> bool:
    """True when only the previous quote's cue clause and punctuation separate it from ``q``."""
    if not prev.direct or not prev.quote_ids:
        return False
    last = doc.quotes[prev.quote_ids[-1]]
    if last.paragraph_end != q.paragraph_end or last.close is None:
        return False
    # A continuation follows punctuation ('," he said, "…'); a quote inside the cue clause does not
    # ('said on Fox News’s “Fox and Friends.”', 'adding that it would take "more hours"').
    lead = doc.ann.text[:q.open].rstrip()[-1:]
    if lead not in _CONTINUES + doc.w.closing_marks:
        return False
    allowed: set[int] = set()
    for k in prev.cue:
        allowed |= subtree_set(doc.ann, k)
    for k in range(doc.token_at(last.outer_end), doc.token_at(q.open)):
        tok = doc.ann.tokens[k]
        if tok.pos != "PUNCT" and k not in allowed:
            return False
        if lead in ",:" and k not in prev.cue and doc.is_cue(k, quoting=True):
            return False  # '," she said, adding: "…"': a second verb of saying right before it is its own cue
    return True


def attach_orphans(doc: ClaimDoc, orphans: Sequence[int], found: list[Found]) -> list[Found]:
    """A quote with no cue of its own continues the claim before it in the same paragraph
    ('…," Obama said after meeting Putin. He did not suggest retaliation. "Our goal is …"'); a quote that opens
    its paragraph continues the last claim with a speaker in the paragraph before (news style gives the
    speaker once, then quotes on); otherwise it is a quote of no named speaker."""
    found = list(found)
    starts = [p.start for p in doc.ann.paragraphs] or [0]
    for q_i in orphans:
        q = doc.quotes[q_i]
        if any(s <= q.start < e for f in found for s, e in f.parts):
            continue  # already inside the words of a claim ('warned of “…” who are “…”')
        para_start = max((s for s in starts if s <= q.open), default=0)
        before = [i for i, f in enumerate(found)
                  if para_start <= f.anchor < q.open and f.parts and f.parts[-1][1] <= q.open]
        if not before and not doc.ann.text[para_start : q.open].strip():
            prev_start = max((s for s in starts if s < para_start), default=para_start)
            before = [i for i, f in enumerate(found) if prev_start <= f.anchor < para_start and f.parts
                      and f.speaker is not None and f.kind is ClaimKind.STATEMENT]
        if before:
            i = max(before, key=lambda i: found[i].parts[-1][1])
            found[i] = found[i].with_quote(q_i, q.start, q.end)
        elif not _title(doc.ann.text[q.start : q.end]):
            found.append(Found(parts=((q.start, q.end),), cue=(), speaker=None, direct=True, anchor=q.start,
                               quote_ids=(q_i,)))
    return found


def _title(words: str) -> bool:
    """ "Make America Great Again", "The Spy Who Came In": a name of a work or a slogan, in title case and with
    no sentence's full stop, is not something someone said here."""
    tokens = [t for t in words.split() if t[:1].isalpha()]
    if len(tokens) < 2 or words.rstrip()[-1:] in ".?!":
        return False
    return sum(t[0].isupper() for t in tokens) >= _TITLE_SHARE * len(tokens)
