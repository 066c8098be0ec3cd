"""Who speaks in a claim, and through which medium: noun phrases around speech cues.

A private helper of the claims stage; it reads the cue lexicon (``data/cues.yaml``) once per process.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache

from sitrep.config import load_yaml
from sitrep.extract.common.text import evidence_for_tokens, subtree
from sitrep.model import Annotations, Speaker, SpeakerKind

# Dependents that hang off a speaker's head but are not part of how it is named.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "appos", "ccomp", "parataxis"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_ORG_ENTS = frozenset({"ORG", "NORP", "GPE", "FAC"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    speech_verbs: frozenset[str]
    quote_verbs: frozenset[str]
    object_content_verbs: frozenset[str]
    directive_verbs: frozenset[str]
    appeal_verbs: frozenset[str]
    characterize_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    statement_nouns: frozenset[str]
    source_nouns: frozenset[str]
    role_nouns: frozenset[str]
    org_nouns: frozenset[str]
    media_nouns: frozenset[str]
    pronouns: dict[str, str]


@lru_cache(maxsize=1)
def load_lexicon(name: str = "cues.yaml") -> Lexicon:
    """The cue lexicon, parsed once per process."""
    raw = load_yaml(name)

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key) or ())

    return Lexicon(
        speech_verbs=words("speech_verbs"),
        quote_verbs=words("quote_verbs"),
        object_content_verbs=words("object_content_verbs"),
        directive_verbs=words("directive_verbs"),
        appeal_verbs=words("appeal_verbs"),
        characterize_verbs=words("characterize_verbs"),
        speech_nouns=words("speech_nouns"),
        statement_nouns=words("statement_nouns"),
        source_nouns=words("source_nouns"),
        role_nouns=words("role_nouns"),
        org_nouns=words("org_nouns"),
        media_nouns=words("media_nouns"),
        pronouns={str(k).lower(): str(v) for k, v in (raw.get("pronouns") or {}).items()},
    )


def is_pronoun(ann: Annotations, i: int, lex: Lexicon) -> bool:
    tok = ann.tokens[i]
    return tok.pos == "PRON" and tok.text.lower() in lex.pronouns


def pronoun_wants(ann: Annotations, i: int, lex: Lexicon) -> str:
    """Which kind of antecedent a pronoun needs: "person", "organization" or "any"."""
    return lex.pronouns.get(ann.tokens[i].text.lower(), "any")


def phrase_tokens(ann: Annotations, head: int, *, drop: Collection[str] = _CLAUSE_DEPS) -> list[int]:
    """The contiguous tokens naming ``head``: its subtree without clauses and appositions, edges trimmed."""
    keep = {head}
    stack = [head]
    while stack:
        j = stack.pop()
        for c in ann.children[j]:
            if ann.tokens[c].dep not in drop:
                keep.add(c)
                stack.append(c)
    # Stay contiguous around the head: a gap means a dropped clause sits in between.
    lo = hi = head
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    while lo < hi and ann.tokens[lo].pos == "PUNCT":
        lo += 1
    while hi > lo and (ann.tokens[hi].pos == "PUNCT" or ann.tokens[hi].dep == "case"):
        hi -= 1
    return list(range(lo, hi + 1))


def noun_keys(ann: Annotations, i: int) -> set[str]:
    """Lookup keys for a noun: lemma and lower-cased text, plural "s" removed (the tagger calls "Medics" a name)."""
    tok = ann.tokens[i]
    low = tok.text.lower()
    return {tok.lemma.lower(), low, low[:-1] if low.endswith("s") else low}


def _strip_determiner(ann: Annotations, idx: list[int]) -> list[int]:
    while len(idx) > 1 and ann.tokens[idx[0]].text.lower() in _DETERMINERS:
        idx = idx[1:]
    return idx


def _text_of(ann: Annotations, idx: Iterable[int]) -> str:
    idx = list(idx)
    return ann.text[ann.tokens[min(idx)].start : ann.tokens[max(idx)].end]


def _person_tokens(ann: Annotations, idx: list[int], lex: Lexicon) -> list[int]:
    """The first run of PERSON-entity tokens within ``idx``, widened left over untagged given names."""
    run: list[int] = []
    for i in idx:
        if ann.tokens[i].ent_type == "PERSON":
            run.append(i)
        elif run:
            break
    # "Brigadier Sarhad Qadir": the tagger often marks only the surname.
    while run and run[0] - 1 in idx:
        prev = ann.tokens[run[0] - 1]
        if prev.pos != "PROPN" or prev.ent_type not in ("", "PERSON") or noun_keys(ann, prev.i) & lex.role_nouns:
            break
        run.insert(0, prev.i)
    return run


def _appos_of(ann: Annotations, head: int, phrase: list[int]) -> int | None:
    """The head's apposition, or one hanging deeper in the phrase ("a spokesman for the Peshmerga, Halgurd Hikmat")."""
    own = next((c for c in ann.children[head] if ann.tokens[c].dep == "appos"), None)
    if own is not None:
        return own
    return next((c for i in phrase for c in ann.children[i] if ann.tokens[c].dep == "appos"), None)


def speaker_at(ann: Annotations, head: int, lex: Lexicon) -> Speaker:
    """The speaker named by the noun phrase headed by token ``head`` (not a pronoun)."""
    tok = ann.tokens[head]
    phrase = phrase_tokens(ann, head)
    appos = _appos_of(ann, head, phrase)
    appos_idx = _strip_determiner(ann, phrase_tokens(ann, appos)) if appos is not None else []
    whole = sorted(set(phrase) | set(appos_idx))
    evidence = (evidence_for_tokens(ann, whole),)

    # "the ministry's statement said", "a report by the UN said": the document speaks for its author.
    if tok.lemma.lower() in lex.statement_nouns and tok.pos == "NOUN":  # "The Post" is an outlet, not a post
        author = _author_of_document(ann, head)
        if author is not None:
            return speaker_at(ann, author, lex)
        return Speaker(name=None, role=None, kind=SpeakerKind.UNNAMED_SOURCE, evidence=evidence)

    person = _person_tokens(ann, phrase, lex)
    if person:
        before = _strip_determiner(ann, [i for i in phrase if i < person[0]]) if person[0] > phrase[0] else []
        before = [i for i in before if ann.tokens[i].pos != "PUNCT"]
        # "Colonel Steve Warren, a spokesman for the coalition": the title and the apposition are both his role.
        roles = [_text_of(ann, idx) for idx in (before, appos_idx) if idx]
        role = ", ".join(roles) if roles else None
        return Speaker(name=_text_of(ann, person), role=role, kind=SpeakerKind.PERSON, evidence=evidence)

    # "coordinator of Iraqi popular forces Jafar al-Jaberi": the parser hangs the name as an apposition.
    if appos_idx:
        named = _person_tokens(ann, appos_idx, lex)
        if named and tok.lemma.lower() in lex.role_nouns:
            role = _text_of(ann, _strip_determiner(ann, phrase))
            return Speaker(name=_text_of(ann, named), role=role, kind=SpeakerKind.PERSON, evidence=evidence)

    name_idx = _strip_determiner(ann, phrase)
    name = _text_of(ann, name_idx)
    keys = noun_keys(ann, head)
    role = _text_of(ann, appos_idx) if appos_idx else None
    # A singular title without a name ("a military official") is an unnamed person; its phrase is the role.
    titled = bool(keys & lex.role_nouns) and tok.tag in ("NN", "NNP")
    if keys & lex.source_nouns and (tok.pos == "NOUN" or tok.ent_type not in _ORG_ENTS):
        return Speaker(name=name, role=role or (name if titled else None), kind=SpeakerKind.UNNAMED_SOURCE,
                       evidence=evidence)
    has_org = any(ann.tokens[i].ent_type in _ORG_ENTS for i in name_idx)
    if keys & lex.org_nouns or tok.ent_type in _ORG_ENTS or tok.pos == "PROPN" or has_org:
        return Speaker(name=name, role=role, kind=SpeakerKind.ORGANIZATION, evidence=evidence)
    if titled:
        return Speaker(name=name, role=role or name, kind=SpeakerKind.UNNAMED_SOURCE, evidence=evidence)
    return Speaker(name=name, role=role, kind=SpeakerKind.UNNAMED_SOURCE, evidence=evidence)


def resolve_speaker(ann: Annotations, head: int | None, lex: Lexicon, history: list[Speaker], *,
                    quoted: Callable[[int], bool] = lambda j: False) -> Speaker:
    """The speaker at ``head``, with pronouns and bare surnames tied to earlier speakers in ``history``."""
    if head is None:
        return Speaker(name=None, kind=SpeakerKind.UNNAMED_SOURCE)
    tok = ann.tokens[head]
    own = ann.evidence(tok.start, tok.end)
    if not is_pronoun(ann, head, lex):
        if tok.pos == "PRON":  # "we said", "I told": no one to resolve to outside the quote
            return Speaker(name=None, kind=SpeakerKind.UNNAMED_SOURCE, evidence=(own,))
        speaker = speaker_at(ann, head, lex)
        return _as_known_person(speaker, history)
    earlier = _antecedent(ann, head, lex, history, quoted)
    if earlier is None:
        return Speaker(name=None, kind=SpeakerKind.UNNAMED_SOURCE, evidence=(own,))
    return Speaker(name=earlier.name, role=earlier.role, kind=earlier.kind, evidence=(own, *earlier.evidence))


def _as_known_person(speaker: Speaker, history: list[Speaker]) -> Speaker:
    """ "Rasool told state TV" after "General Yahya Rasool said": the tagger may miss a surname on its own."""
    if not speaker.name or " " in speaker.name or speaker.role is not None:
        return speaker
    for sp in reversed(history):
        if sp.kind is SpeakerKind.PERSON and sp.name and sp.name.split()[-1] == speaker.name:
            return Speaker(name=speaker.name, role=sp.role, kind=SpeakerKind.PERSON, evidence=speaker.evidence)
    return speaker


def _antecedent(ann: Annotations, pronoun: int, lex: Lexicon, history: list[Speaker],
                quoted: Callable[[int], bool]) -> Speaker | None:
    """The most recent fitting speaker before ``pronoun``; failing that, the nearest earlier person named."""
    at = ann.tokens[pronoun].start
    wants = pronoun_wants(ann, pronoun, lex)

    def fits(sp: Speaker) -> bool:
        if wants == "person":  # "the governor said ... She added": a titled unnamed person counts
            return sp.kind is SpeakerKind.PERSON or (sp.kind is SpeakerKind.UNNAMED_SOURCE and sp.role is not None)
        return wants == "any" or sp.kind.value == wants

    for sp in reversed(history):
        if sp.evidence and sp.evidence[0].end <= at and fits(sp):
            return sp
    if wants != "person":
        return None
    for ent in reversed(ann.entities):
        if ent.label == "PERSON" and ent.end <= at and not quoted(ent.token_start):
            return speaker_at(ann, ent.token_end - 1, lex)
    return None


def _author_of_document(ann: Annotations, head: int) -> int | None:
    """Who issued a statement or report: "the ministry's statement", "a Reuters report", "released by the UN"."""
    for c in subtree(ann, head):
        t = ann.tokens[c]
        if t.dep == "poss" and t.pos != "PRON":
            return c
        if t.dep == "compound" and t.pos == "PROPN":  # "a Reuters report"
            return c
        if t.dep in ("prep", "agent") and t.text.lower() in ("by", "from", "of"):
            obj = next((g for g in ann.children[c] if ann.tokens[g].dep == "pobj"), None)
            if obj is not None:
                return obj
    return None


def subject_of(ann: Annotations, verb: int) -> int | None:
    """The speaker's head token for a speech verb: its subject, a passive agent, or a coordinated verb's subject."""
    # The parser sometimes gives a postposed "..., officials said" two subjects: the nearest one speaks.
    subjects = [c for c in ann.children[verb] if ann.tokens[c].dep in ("nsubj", "csubj")]
    if subjects:
        return min(subjects, key=lambda c: abs(verb - c))
    for c in ann.children[verb]:
        if ann.tokens[c].dep == "agent":
            obj = next((g for g in ann.children[c] if ann.tokens[g].dep == "pobj"), None)
            if obj is not None:
                return obj
    tok = ann.tokens[verb]
    if tok.dep == "conj" and tok.head != verb:
        return subject_of(ann, tok.head)
    # "the mayor said, adding that …": a participle speaks with its main verb's subject.
    if tok.tag == "VBG" and tok.dep in ("advcl", "xcomp", "conj") and tok.head != verb:
        return subject_of(ann, tok.head)
    # "began by saying …": the participle hangs off a preposition of the main verb.
    prep = tok.head
    if tok.tag == "VBG" and tok.dep == "pcomp" and ann.tokens[prep].dep == "prep" and ann.tokens[prep].head != prep:
        return subject_of(ann, ann.tokens[prep].head)
    return None


def _is_medium(ann: Annotations, head: int, lex: Lexicon) -> bool:
    tok = ann.tokens[head]
    if tok.lemma.lower() in lex.media_nouns:
        return True
    return tok.pos == "PROPN" and tok.ent_type != "PERSON"


def _medium_name(ann: Annotations, head: int) -> str:
    return _text_of(ann, _strip_determiner(ann, phrase_tokens(ann, head)))


def medium_of(ann: Annotations, cue: int, sentence: range, lex: Lexicon, *, skip: Collection[int] = ()) -> str | None:
    """The outlet the words went through: "told the Fars news agency", "in an interview with CNS", "on state TV"."""
    tok = ann.tokens[cue]
    if tok.text.lower() == "according" and cue + 1 < len(ann.tokens):
        obj = next((g for g in ann.children[cue + 1] if ann.tokens[g].dep == "pobj"), None)
        if obj is not None and ann.tokens[obj].lemma.lower() in lex.statement_nouns:
            obj = _author_of_document(ann, obj)  # "according to a Reuters report"
        if obj is not None and _is_medium(ann, obj, lex) and ann.tokens[obj].ent_type not in ("GPE", "NORP"):
            return _medium_name(ann, obj)
    if tok.lemma.lower() == "tell":
        for c in ann.children[cue]:
            if ann.tokens[c].dep in ("dobj", "dative", "iobj") and _is_medium(ann, c, lex):
                return _medium_name(ann, c)
    for c in ann.children[cue]:
        if ann.tokens[c].dep == "prep" and ann.tokens[c].text.lower() in ("on", "to"):
            obj = next((g for g in ann.children[c] if ann.tokens[g].dep == "pobj"), None)
            if obj is not None and ann.tokens[obj].lemma.lower() in lex.media_nouns:
                return _medium_name(ann, obj)
    for i in sentence:
        if i in skip:
            continue
        low = ann.tokens[i].lemma.lower()
        if low not in ("interview", "speak", "talk", "quote"):
            continue
        for c in ann.children[i]:
            t = ann.tokens[c]
            if t.dep in ("prep", "agent") and t.text.lower() in ("with", "to", "by"):
                obj = next((g for g in ann.children[c] if ann.tokens[g].dep == "pobj"), None)
                if obj is not None and obj not in skip and _is_medium(ann, obj, lex):
                    return _medium_name(ann, obj)
    return None


def occasion_of(ann: Annotations, sentence: range, lex: Lexicon, *, skip: Collection[int] = ()) -> list[int]:
    """Tokens of a phrase like "in a statement" / "at a press conference" in the sentence, or []."""
    for i in sentence:
        t = ann.tokens[i]
        if i in skip or t.dep != "prep" or t.text.lower() not in ("in", "at", "during"):
            continue
        obj = next((g for g in ann.children[i] if ann.tokens[g].dep == "pobj"), None)
        if obj is not None and obj not in skip and ann.tokens[obj].lemma.lower() in lex.statement_nouns:
            if ann.tokens[obj].lemma.lower() == "report":
                continue  # "in a report" is a citation of a document, not an occasion of speech
            return list(range(i, obj + 1))
    return []


def subtree_set(ann: Annotations, i: int) -> set[int]:
    return set(subtree(ann, i))
