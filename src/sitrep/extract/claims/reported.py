"""Reported speech: the content of a cue's clause, as claims (``Found``) with character spans.

A pass of the claims stage. Content comes from the dependency parse: a complement clause ("said that …"), an
object for verbs that take one ("denied the allegations"), the clause a postposed cue hangs off ("The strike
hit a market, police said"), or the words before a cue the parse left unattached. Cues that are not speech
verbs are found by ``phrases.py``.
"""

from __future__ import annotations

from sitrep.extract.claims.document import ClaimDoc, Found
from sitrep.extract.claims.edges import past_conjunction
from sitrep.extract.claims.media import occasion_of
from sitrep.extract.claims.nouns import adjective_cue, noun_cue
from sitrep.extract.claims.parse import filler, phrase_tokens, pobj_of, subtree_set
from sitrep.extract.claims.phrases import phrase_cue
from sitrep.extract.claims.stances import names_someone, object_words, raised_cue, stance_cue, when, where_said
from sitrep.extract.claims.words import ClaimWords
from sitrep.model import Annotations, ClaimKind

# What hangs off the content's words after a comma at its end as the writer's aside, not the speaker's words
# (tried on PolNeAR tune: adding advcl, acl, npadvmod or every appos lowers exact content F1; an appos an article
# opens raises it).
_ASIDE_DEPS = frozenset({"relcl", "appos"})


def find_reported(doc: ClaimDoc, used: set[int], direct: list[Found]) -> list[Found]:
    """Claims of reported speech, for every cue outside a quote that did not already cue one of ``direct``."""
    ann, w = doc.ann, doc.w
    quoted = {q_i for f in direct for q_i in f.quote_ids}
    out: list[Found] = []
    for k, tok in enumerate(ann.tokens):
        if k in used or doc.quote_of[k] != -1:
            continue
        kind = ClaimKind.STATEMENT
        if (raised := raised_cue(doc, k)) is not None:
            cue, speaker, kind = raised.cue, raised.speaker, raised.kind
            content = _finish(doc, speaker, set(raised.content) - set(cue), min_words=1)
        elif doc.is_cue(k, quoting=False) and (said := content_of(doc, k)) is not None:
            cue, speaker, content = doc.cue_tokens(k), doc.speaker_of(k), said
        elif doc.is_cue(k, quoting=False) and (stance := stance_cue(doc, k)) is not None and \
                not _addressee_only(doc, k, stance.content):
            # "predicted a long war": a verb of saying with a noun for an object may be one of view or stance too
            cue, speaker, kind = stance.cue, stance.speaker, stance.kind
            content = _finish(doc, speaker, set(stance.content) - set(cue), min_words=1)
        elif doc.is_cue(k, quoting=False):
            continue
        elif (phrase := phrase_cue(ann, k, w)) is not None:
            cue, speaker = tuple(phrase.cue), phrase.speaker
            if speaker is not None and doc.quote_of[speaker] != -1:
                speaker = None
            content = _finish(doc, speaker, phrase.content - set(cue))
        elif (stance := stance_cue(doc, k) or noun_cue(doc, k) or adjective_cue(doc, k)) is not None:
            cue, speaker, kind = stance.cue, stance.speaker, stance.kind
            if speaker is not None and doc.quote_of[speaker] != -1:
                speaker = None
            content = _finish(doc, speaker, set(stance.content) - set(cue), min_words=1)
        else:
            continue
        if content is None:
            continue
        if _unasserted(doc, k, content, question=kind is ClaimKind.QUESTION):
            if _refused(doc, k) or not _open_question(doc, content):
                continue
            # "would not say whether the talks failed", "too early to tell if …": an open question, kept as one
            # (PolNeAR marks it); it asserts nothing, so it holds no event.
            kind = ClaimKind.QUESTION
        content |= _as_what(doc, cue, content)
        content = past_conjunction(doc, k, content)
        if tok.dep == "relcl":
            content = _with_antecedent(doc, k, content)
        if min(cue) < min(content):  # "X, which …, the coalition said": all before the cue was said
            content = _without_aside(doc, content)
        if sum(doc.quote_of[j] in quoted for j in content) * 2 >= len(content):
            continue  # the words are a direct quote already found
        out.append(Found(parts=tuple(runs(doc, content)), cue=cue, speaker=speaker, direct=False,
                         anchor=tok.start, kind=kind))
    return [f for f in out if f.parts]


def _addressee_only(doc: ClaimDoc, k: int, content: frozenset[int]) -> bool:
    """ "told reporters", "telling them in her memoir": the object of a verb of telling is whom it was told to."""
    ann = doc.ann
    if ann.tokens[k].lemma.lower() not in doc.w.medium_object_verbs:
        return False
    obj = next((c for c in ann.children[k] if c in content and ann.tokens[c].dep in ("dobj", "dative")), None)
    return obj is not None and (
        ann.tokens[obj].pos in ("PRON", "PROPN") or ann.tokens[obj].ent_type in ("PERSON", "ORG", "NORP")
        or ann.tokens[obj].lemma.lower() in doc.w.source_nouns | doc.w.addressee_nouns)


def _unasserted(doc: ClaimDoc, k: int, content: set[int], *, question: bool = False) -> bool:
    """ "too early to tell whether …", "declined to say if …": a speech act not performed, or a question."""
    ann, w = doc.ann, doc.w
    infinitive = any(ann.tokens[c].dep == "aux" and ann.tokens[c].text.lower() in w.infinitive_markers
                     for c in ann.children[k])
    if infinitive and doc.speaker_of(k) is None:
        return True
    if _refused(doc, k):
        return True
    if question:
        return False  # "asked whether the road was open": a question put, kept as one
    return _open_question(doc, content)


def _refused(doc: ClaimDoc, k: int) -> bool:
    """ "declined to threaten Moscow or declare it responsible": the verbs under "decline" did not happen (the
    refusal is the claim). A participle beside the refusal ("declined to comment, saying …") is said all the same."""
    ann, w = doc.ann, doc.w
    j = k
    for _ in range(3):
        if ann.tokens[j].head == j or ann.tokens[j].dep == "advcl":
            break
        j = ann.tokens[j].head
        if ann.tokens[j].lemma.lower() in w.refusal_verbs:
            return True
    return False


def _open_question(doc: ClaimDoc, content: set[int]) -> bool:
    """Whether the content opens with "whether", "if" (after an infinitive: "declined to say whether …")."""
    ann, w = doc.ann, doc.w
    words = [ann.tokens[j].text.lower() for j in sorted(content) if ann.tokens[j].pos != "PUNCT"]
    if words and words[0] in w.infinitive_markers:
        words = words[2:]
    return bool(words) and words[0] in w.question_openers


def content_of(doc: ClaimDoc, k: int) -> set[int] | None:
    """Token indices of the reported content of cue ``k``, or None when it has none."""
    ann, w, tok = doc.ann, doc.w, doc.ann.tokens[k]
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
            for c in sorted(content):
                if c in content and doc.second_cue_of(c) == k:  # "said A and denied B": B is the speaker's
                    joined = ann.tokens[c].head
                    content -= subtree_set(ann, c) | {j for j in ann.children[joined]
                                                      if ann.tokens[j].dep == "cc" and j < c}
            content |= _but_also(doc, k, content)
            if tok.dep == "conj" and tok.head < deps["ccomp"] < k:
                # "A, but B, a source said" parsed as A <conj> said <ccomp> B: the source said both.
                content |= subtree_set(ann, tok.head) - subtree_set(ann, k)
        elif "xcomp" in deps and not passive and lemma not in w.no_infinitive_content_verbs:
            content = subtree_set(ann, deps["xcomp"])
        elif "xcomp" in deps and not passive and deps.get("dobj", deps["xcomp"]) < deps["xcomp"]:
            # "told his troops to hold the bridge": not the speaker's words, but an order, told with whom it binds.
            content = subtree_set(ann, deps["dobj"]) | subtree_set(ann, deps["xcomp"])
        elif "dobj" in deps and (lemma in w.object_content_verbs or doc.phrasal_part(k) is not None):
            content = object_words(doc, deps["dobj"])
            # "accused Kiev of violating the ceasefire": the charge hangs off the verb; so does a phrase right
            # after the object ("denied any role in the attacks").
            for c in ann.children[k]:
                if ann.tokens[c].dep == "prep" and (ann.tokens[c].text.lower() in w.charge_prepositions
                                                    or c == max(content) + 1 and not when(ann, c)
                                                    and not where_said(doc, c, place=names_someone(ann, deps["dobj"]))):
                    content |= subtree_set(ann, c)
        elif (clause := _clause_in_prep(doc, k)) is not None:
            content = subtree_set(ann, clause)
        elif (answer := next((c for c in ann.children[k] if c > k and ann.tokens[c].dep in ("intj", "advmod", "dobj")
                              and ann.tokens[c].text.lower() in w.one_word_answers), None)) is not None:
            content = {answer}
        elif (topic := _topic(doc, k)) is not None:
            content = subtree_set(ann, topic) - {topic}  # "wrote about the camps", "warned of reprisals"
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
    occasion = occasion_of(ann, sentence, w, skip=(), cue=k)
    if occasion:
        inner = _clause_in_prep(doc, k)  # "in a statement that …": the clause stays
        content -= subtree_set(ann, occasion[0]) - (subtree_set(ann, inner) if inner is not None else set())
    content -= set(doc.cue_tokens(k))
    if (part := doc.phrasal_part(k)) is not None:
        # "made it clear that …": the "it" that stands for the clause is no part of it.
        content -= {c for c in (*ann.children[k], *ann.children[part]) if c < part
                    and ann.tokens[c].text.lower() in w.expletives}
    # "75 percent said yes", "would not say so": a one-word answer is all that was said.
    answer = len(content) == 1 and ann.tokens[min(content)].text.lower() in w.one_word_answers
    return _finish(doc, doc.speaker_of(k), content, min_words=1 if answer else 2)


def _but_also(doc: ClaimDoc, k: int, content: set[int]) -> set[int]:
    """ "said he backed the plan, but it would be difficult": a clause joined to the cue by "but" right after the
    content goes on with what was said (the parse hangs it on the cue); a verb of saying there is a claim of its
    own ("said …, but denied …")."""
    ann, w = doc.ann, doc.w
    if not content:
        return set()
    end = max(content)
    for c in ann.children[k]:
        if c <= end or ann.tokens[c].dep != "conj" or doc.is_cue(c, quoting=False) or doc.takes_a_stance(c):
            continue
        links = [j for j in ann.children[k] if end < j < c and ann.tokens[j].dep == "cc"]
        if links and ann.tokens[links[0]].text.lower() in w.contrast_links and \
                all(filler(ann, j) for j in range(end + 1, links[0])):
            return set(range(end + 1, max(subtree_set(ann, c)) + 1))
    return set()


def _without_aside(doc: ClaimDoc, content: set[int]) -> set[int]:
    """Content without a relative clause the writer adds after a comma at its end: "said he would quarantine
    travellers from Brazil, which has seen a surge in cases": PolNeAR ends the content before it. So with an
    apposition an article opens ("killed the mayor, a veteran of the war": who he is, in the writer's words);
    a name in apposition and participles after a comma are as often the speaker's words there."""
    ann = doc.ann
    idx = sorted(content)
    while len(idx) > 2:
        commas = [i for i, j in enumerate(idx) if ann.tokens[j].text in (",", "—", "–") and i > 0]
        if not commas:
            break
        cut = commas[-1]
        tail = idx[cut + 1 :]
        first = next((j for j in tail if not filler(ann, j)), None)
        if first is None or idx[cut] + 1 != tail[0]:
            break
        heads = [j for j in tail if ann.tokens[j].head not in tail or ann.tokens[j].head == j]
        deps = {ann.tokens[h].dep for h in heads if not filler(ann, h)}
        if not heads or any(ann.tokens[h].dep not in _ASIDE_DEPS or ann.tokens[h].head > idx[cut] for h in heads
                            if not filler(ann, h)):
            break
        opener = ann.tokens[first].text.lower()
        if opener not in (doc.w.determiners if deps == {"appos"} else doc.w.relative_pronouns):
            break  # "in May, when an airstrike killed …": a clause of time or place tells the event itself
        idx = idx[:cut]
    return set(idx)


def _with_antecedent(doc: ClaimDoc, k: int, content: set[int]) -> set[int]:
    """A cue in a relative clause whose reported clause lacks its subject says it of what the relative clause
    hangs on: "laws that critics say target farmers" (the relative pronoun is that subject), "a step they believe
    could help the town" (with none, the noun phrase is)."""
    ann, w = doc.ann, doc.w
    antecedent = ann.tokens[k].head
    clause = next((c for c in ann.children[k] if c > k and ann.tokens[c].dep == "ccomp"), None)
    if antecedent >= k or clause is None or ann.tokens[antecedent].pos not in ("NOUN", "PRON", "PROPN") or any(
            ann.tokens[c].dep in ("nsubj", "nsubjpass", "expl", "csubj") for c in ann.children[clause]):
        return content
    speaker = next((c for c in ann.children[k] if c < k and ann.tokens[c].dep == "nsubj"), None)
    if speaker is None or ann.tokens[speaker].text.lower() in w.relative_pronouns:
        return content  # "the governor, who said …": the pronoun speaks
    rel = [j for j in subtree_set(ann, k) if j < speaker and ann.tokens[j].text.lower() in w.relative_pronouns]
    if rel:
        return content | {min(rel)}
    return content | {j for j in phrase_tokens(ann, antecedent) if j <= antecedent}


def _as_what(doc: ClaimDoc, cue: tuple[int, ...], content: set[int]) -> set[int]:
    """ "dismissed the row as “absurd”", "pointed to China as the region's enforcer": what the object is said to
    be hangs off the cue, after the object; it is part of what was said."""
    ann, w = doc.ann, doc.w
    end = max(content)
    for k in cue:
        for c in ann.children[k]:
            if c > end and ann.tokens[c].dep == "prep" and ann.tokens[c].text.lower() in w.characterization_prepositions \
                    and ann.children[c] and all(filler(ann, j) for j in range(end + 1, c)):
                return subtree_set(ann, c)
    return set()


def _topic(doc: ClaimDoc, k: int) -> int | None:
    """The preposition that carries what a verb of saying was about, when it has no clause or object."""
    ann, w = doc.ann, doc.w
    preps = w.topic_verbs.get(ann.tokens[k].lemma.lower(), frozenset())
    return next((c for c in ann.children[k] if c > k and ann.tokens[c].dep == "prep"
                 and ann.tokens[c].text.lower() in preps and pobj_of(ann, c) is not None and not when(ann, c)),
                None)


def _clause_in_prep(doc: ClaimDoc, k: int) -> int | None:
    """ "said in a statement that the road was open": the parse hangs the clause on the occasion's noun."""
    ann, w = doc.ann, doc.w
    for c in ann.children[k]:
        if ann.tokens[c].dep != "prep" or c < k:
            continue
        for obj in ann.children[c]:
            for g in ann.children[obj]:
                if ann.tokens[g].dep in ("acl", "ccomp", "relcl") and any(
                        ann.tokens[m].dep == "mark" and ann.tokens[m].text.lower() in w.complementizers
                        for m in ann.children[g]):
                    return g
    return None


def _finish(doc: ClaimDoc, speaker: int | None, content: set[int], *, min_words: int = 2) -> set[int] | None:
    """Content without the speaker's words and a closing parenthesis; None when under ``min_words`` remain (a
    stance may have a one-word object: "backed Kurdistan")."""
    ann = doc.ann
    if speaker is not None:
        content = content - set(phrase_tokens(ann, speaker))
    content = _without_trailing_parenthesis(ann, content)
    words = [j for j in content if ann.tokens[j].pos != "PUNCT"]
    return content if len(words) >= min_words else None


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


def runs(doc: ClaimDoc, tokens: set[int]) -> list[tuple[int, int]]:
    """Contiguous character spans covering ``tokens``, without edge punctuation or a leading complementizer."""
    ann, w = doc.ann, doc.w
    runs: list[list[int]] = []
    for j in sorted(tokens):
        if runs and runs[-1][-1] == j - 1:
            runs[-1].append(j)
        else:
            runs.append([j])
    spans = []
    for i, run in enumerate(runs):
        while run and (filler(ann, run[0]) or
                       (ann.tokens[run[0]].dep == "mark" and ann.tokens[run[0]].text.lower() in w.complementizers)):
            run = run[1:]
        # "And the talks failed, he said", "Still, the plan holds, she said": the link to the sentence before is
        # the writer's, not part of what was said.
        while i == 0 and len(run) > 2 and run[0] == doc.sentence_range(run[0]).start and (
                ann.tokens[run[0]].dep == "cc" or ann.tokens[run[0]].dep == "advmod" and ann.tokens[run[1]].text == ","):
            run = run[1:]
            while run and filler(ann, run[0]):
                run = run[1:]
        while run and filler(ann, run[-1]) and ann.tokens[run[-1]].text not in w.closing_marks:
            run = run[:-1]
        if run and any(not filler(ann, j) for j in run):
            spans.append(_close_quote(w, ann.text, ann.tokens[run[0]].start, ann.tokens[run[-1]].end))
    return spans


def _close_quote(w: ClaimWords, text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the closing double mark of a quote the span opens ('as "a decisive victory"'): the parse often
    hangs the mark on the verb, outside the content."""
    if end >= len(text) or text[end] not in w.double_close:
        return start, end
    piece = text[start:end]
    mark = text[end]
    if mark in w.double_open:  # a straight mark opens and closes: an odd count leaves one open
        opened = piece.count(mark) % 2 == 1
    else:
        opened = _count(piece, w.double_open, but=w.double_close) > _count(piece, w.double_close, but=w.double_open)
    return (start, end + 1) if opened else (start, end)


def _count(piece: str, marks: str, *, but: str) -> int:
    """How many of ``marks`` (those not also in ``but``) ``piece`` holds."""
    return sum(piece.count(m) for m in marks if m not in but)
