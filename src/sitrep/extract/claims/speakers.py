"""Who speaks in a claim: the noun phrase around a speech cue, and pronouns and bare surnames tied to earlier
speakers.

Whether a phrase names a person, an organisation or an unnamed source comes from the entity labels and the
language's nouns (``source_nouns``, ``org_nouns``, ``statement_nouns`` in ``lang/<code>/claims.yaml``; the
titles of people from ``actors.yaml``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from sitrep.extract.claims.parse import phrase_tokens, pobj_of, subject_of
from sitrep.extract.claims.words import ClaimWords
from sitrep.extract.common.text import evidence_for_tokens, subtree
from sitrep.model import Annotations, Speaker, SpeakerKind

_ORG_ENTS = frozenset({"ORG", "NORP", "GPE", "FAC"})


def is_pronoun(ann: Annotations, i: int, w: ClaimWords) -> bool:
    tok = ann.tokens[i]
    return tok.pos == "PRON" and tok.text.lower() in w.pronouns


def pronoun_wants(ann: Annotations, i: int, w: ClaimWords) -> str:
    """Which kind of antecedent a pronoun needs: "person", "organization" or "any"."""
    return w.pronouns.get(ann.tokens[i].text.lower(), "any")


def noun_keys(ann: Annotations, i: int, w: ClaimWords) -> set[str]:
    """Lookup keys for a noun: lemma and lower-cased text, a plural ending removed (the tagger calls "Medics" a
    name, so the lemma is no help)."""
    tok = ann.tokens[i]
    low = tok.text.lower()
    ending = next((e for e in w.plural_endings if low.endswith(e)), "")
    return {tok.lemma.lower(), low, low[: len(low) - len(ending)]}


def strip_determiner(ann: Annotations, idx: list[int], w: ClaimWords) -> list[int]:
    while len(idx) > 1 and ann.tokens[idx[0]].text.lower() in w.determiners:
        idx = idx[1:]
    return idx


def text_of(ann: Annotations, idx: Iterable[int]) -> str:
    idx = list(idx)
    return ann.text[ann.tokens[min(idx)].start : ann.tokens[max(idx)].end]


def _person_tokens(ann: Annotations, idx: list[int], w: ClaimWords) -> list[int]:
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
        if prev.pos != "PROPN" or prev.ent_type not in ("", "PERSON") or noun_keys(ann, prev.i, w) & w.role_nouns:
            break
        run.insert(0, prev.i)
    # "Col. Rafael Torres": the tokenizer splits "Col" from its full stop and tags both as names; the title
    # stops the widening, and its full stop does not open the name.
    while len(run) > 1 and not any(ch.isalnum() for ch in ann.tokens[run[0]].text):
        run.pop(0)
    return run


def _appos_of(ann: Annotations, head: int, phrase: list[int]) -> int | None:
    """The head's apposition, or one hanging deeper in the phrase ("a spokesman for the Peshmerga, Halgurd Hikmat")."""
    own = next((c for c in ann.children[head] if ann.tokens[c].dep == "appos"), None)
    if own is not None:
        return own
    return next((c for i in phrase for c in ann.children[i] if ann.tokens[c].dep == "appos"), None)


_TIMES = ("DATE", "TIME")


def _without_time(ann: Annotations, phrase: list[int], head: int) -> list[int]:
    """The speaker's phrase up to a time the parse hung on it ("said the monitoring group on Wednesday")."""
    def timed(j: int, c: int) -> bool:
        tok = ann.tokens[c]
        return (tok.dep == "prep" and any(ann.tokens[o].dep == "pobj" and ann.tokens[o].ent_type in _TIMES
                                          for o in ann.children[c])) or (
            j == head and tok.dep == "npadvmod" and tok.ent_type in _TIMES)  # "Trump this week", not "81-year-old"
    cut = min((min(subtree(ann, c)) for j in phrase for c in ann.children[j]
               if c > head and c in phrase and timed(j, c)), default=None)
    return phrase if cut is None else [i for i in phrase if i < cut]


def speaker_at(ann: Annotations, head: int, w: ClaimWords) -> Speaker:
    """The speaker named by the noun phrase headed by token ``head`` (not a pronoun)."""
    tok = ann.tokens[head]
    phrase = _without_time(ann, phrase_tokens(ann, head), head)
    appos = _appos_of(ann, head, phrase)
    appos_idx = strip_determiner(ann, phrase_tokens(ann, appos), w) if appos is not None else []
    whole = sorted(set(phrase) | set(appos_idx))
    evidence = (evidence_for_tokens(ann, whole),)

    # "the ministry's statement said", "a report by the UN said": the document speaks for its author.
    if tok.lemma.lower() in w.statement_nouns and tok.pos == "NOUN":  # "The Post" is an outlet, not a post
        author = author_of_document(ann, head, w)
        if author is not None:
            return speaker_at(ann, author, w)
        # "a statement said": a document of no one named; its kind says so, it has no name to give.
        return Speaker(name=None, kind=SpeakerKind.DOCUMENT, evidence=evidence)

    person = _person_tokens(ann, phrase, w)
    if person:
        before = strip_determiner(ann, [i for i in phrase if i < person[0]], w) if person[0] > phrase[0] else []
        before = [i for i in before if ann.tokens[i].pos != "PUNCT"]
        # "Colonel Steve Warren, a spokesman for the coalition": the title and the apposition are both his role.
        roles = [text_of(ann, idx) for idx in (before, appos_idx) if idx]
        role = ", ".join(roles) if roles else None
        return Speaker(name=text_of(ann, person), role=role, kind=SpeakerKind.PERSON, evidence=evidence)

    # "coordinator of Iraqi popular forces Jafar al-Jaberi": the parser hangs the name as an apposition.
    if appos_idx:
        named = _person_tokens(ann, appos_idx, w)
        if named and tok.lemma.lower() in w.role_nouns:
            role = text_of(ann, strip_determiner(ann, phrase, w))
            return Speaker(name=text_of(ann, named), role=role, kind=SpeakerKind.PERSON, evidence=evidence)
        # "Karim Nouri, a spokesman for the volunteers": a name the tagger missed (or took for a group) is a
        # person when its apposition is one person's title.
        if tok.pos == "PROPN" and ann.tokens[appos].tag == "NN" and noun_keys(ann, appos, w) & w.role_nouns:
            name_idx = strip_determiner(ann, phrase, w)
            return Speaker(name=text_of(ann, name_idx), role=text_of(ann, appos_idx), kind=SpeakerKind.PERSON,
                           evidence=evidence)

    name_idx = strip_determiner(ann, phrase, w)
    name = text_of(ann, name_idx)
    keys = noun_keys(ann, head, w)
    role = text_of(ann, appos_idx) if appos_idx else None
    # A singular title without a name ("a military official") is an unnamed person; its phrase is the role.
    titled = bool(keys & w.role_nouns) and tok.tag in ("NN", "NNP")
    if keys & w.document_nouns and tok.ent_type not in _ORG_ENTS:  # "a new poll shows", "Poll: …"
        return Speaker(name=name, role=None, kind=SpeakerKind.DOCUMENT, evidence=evidence)
    if keys & w.source_nouns and (tok.pos == "NOUN" or tok.ent_type not in _ORG_ENTS):
        return Speaker(name=name, role=role or (name if titled else None), kind=SpeakerKind.UNNAMED_SOURCE,
                       evidence=evidence)
    if titled and tok.text.islower() and tok.ent_type not in _ORG_ENTS:
        # "the minister" tagged as a name after a quote: a title in lower case names no organisation.
        return Speaker(name=name, role=role or name, kind=SpeakerKind.UNNAMED_SOURCE, evidence=evidence)
    has_org = any(ann.tokens[i].ent_type in _ORG_ENTS for i in name_idx)
    if keys & w.org_nouns or tok.ent_type in _ORG_ENTS or tok.pos == "PROPN" or has_org:
        return Speaker(name=name, role=role, kind=SpeakerKind.ORGANIZATION, evidence=evidence)
    if titled:
        return Speaker(name=name, role=role or name, kind=SpeakerKind.UNNAMED_SOURCE, evidence=evidence)
    return Speaker(name=name, role=role, kind=SpeakerKind.UNNAMED_SOURCE, evidence=evidence)


def speaker_in(ann: Annotations, idx: Sequence[int], w: ClaimWords) -> Speaker:
    """The speaker named by exactly the tokens ``idx`` ("Iraqi Officials" before a headline's colon), whatever
    the parse made of them."""
    words = strip_determiner(ann, [i for i in idx if ann.tokens[i].pos != "PUNCT"], w)
    evidence = (evidence_for_tokens(ann, words),)
    person = _person_tokens(ann, words, w)
    if person:
        before = [i for i in words if i < person[0]]
        return Speaker(name=text_of(ann, person), role=text_of(ann, before) if before else None,
                       kind=SpeakerKind.PERSON, evidence=evidence)
    keys = set().union(*(noun_keys(ann, i, w) for i in words))
    if keys & w.document_nouns:
        kind = SpeakerKind.DOCUMENT
    elif keys & w.source_nouns:
        kind = SpeakerKind.UNNAMED_SOURCE
    elif keys & w.org_nouns or any(ann.tokens[i].ent_type in _ORG_ENTS for i in words):
        kind = SpeakerKind.ORGANIZATION
    else:
        kind = SpeakerKind.UNNAMED_SOURCE
    return Speaker(name=text_of(ann, words), kind=kind, evidence=evidence)


def resolve_speaker(ann: Annotations, head: int | None, w: ClaimWords, history: list[Speaker], *,
                    quoted: Callable[[int], bool] = lambda j: False) -> Speaker:
    """The speaker at ``head``, with pronouns and bare surnames tied to earlier speakers in ``history``."""
    if head is None:
        return Speaker(name=None, kind=SpeakerKind.UNNAMED_SOURCE)
    tok = ann.tokens[head]
    own = ann.evidence(tok.start, tok.end)
    antecedent = relative_antecedent(ann, head, w)
    if antecedent is not None:
        # "the head of the defence committee, Hakim Saleh, who insisted that …": the antecedent speaks.
        named = _with_copular_role(ann, antecedent, _as_known_person(speaker_at(ann, antecedent, w), history), w)
        return replace(named, evidence=(own, *named.evidence))
    if not is_pronoun(ann, head, w):
        if tok.pos == "PRON":  # "we said", "I told": no one to resolve to outside the quote
            return Speaker(name=None, kind=SpeakerKind.UNNAMED_SOURCE, evidence=(own,))
        speaker = speaker_at(ann, head, w)
        return _as_described(ann, head, speaker, w, history) or _as_known_person(speaker, history)
    earlier = _antecedent(ann, head, w, history, quoted)
    if earlier is None:
        return Speaker(name=None, kind=SpeakerKind.UNNAMED_SOURCE, evidence=(own,))
    return Speaker(name=earlier.name, role=earlier.role, kind=earlier.kind, evidence=(own, *earlier.evidence))


def relative_antecedent(ann: Annotations, i: int, w: ClaimWords) -> int | None:
    """The noun a relative pronoun stands for ("the governor, who said …" -> governor); for an apposition
    ("Hakim Saleh, the committee's head, who …") the name it stands beside, so name and role both come."""
    tok = ann.tokens[i]
    if tok.text.lower() not in w.relative_pronouns or tok.head == i:
        return None
    verb = ann.tokens[tok.head]
    if verb.dep != "relcl" or verb.head == tok.head:
        return None
    antecedent = verb.head
    if ann.tokens[antecedent].dep == "appos" and ann.tokens[antecedent].head != antecedent:
        antecedent = ann.tokens[antecedent].head
    return antecedent if ann.tokens[antecedent].pos in ("NOUN", "PROPN") else None


def _as_described(ann: Annotations, head: int, speaker: Speaker, w: ClaimWords,
                  history: list[Speaker]) -> Speaker | None:
    """ "the spokesman said" after "Halgurd Hikmat, a spokesman for the Peshmerga, said": a definite description
    with no name of its own is the nearest earlier named person it fits (their role holds the noun, or the noun
    is one any official fits). Its evidence is the description, then the name it resolves to."""
    if speaker.kind is not SpeakerKind.UNNAMED_SOURCE or not speaker.evidence:
        return None
    phrase = phrase_tokens(ann, head)
    if ann.tokens[phrase[0]].text.lower() not in w.definite_determiners:
        return None
    keys = noun_keys(ann, head, w)
    if not keys & (w.role_nouns | w.source_nouns) or ann.tokens[head].tag not in ("NN", "NNP"):
        return None  # "the officials" may be many people; "the ministry" is no person
    at = speaker.evidence[0].start
    for sp in reversed(history):
        if sp.kind is not SpeakerKind.PERSON or not sp.name or not sp.evidence or sp.evidence[-1].end > at:
            continue
        role_words = set((sp.role or "").lower().replace(",", " ").split())
        if keys & role_words or keys & w.any_official:
            return Speaker(name=sp.name, role=sp.role, kind=sp.kind, evidence=(speaker.evidence[0], *sp.evidence),
                           canonical=sp.canonical)
    return None


def _with_copular_role(ann: Annotations, i: int, speaker: Speaker, w: ClaimWords) -> Speaker:
    """ "Among the visitors was the head of the security committee, Hakim Saleh, who …": the parse makes the
    name the subject of "was" and the title its attribute; the title is the role."""
    tok = ann.tokens[i]
    if speaker.role is not None or tok.dep != "nsubj" or ann.tokens[tok.head].lemma.lower() not in w.copulas:
        return speaker
    attr = next((c for c in ann.children[tok.head] if ann.tokens[c].dep == "attr"), None)
    if attr is None or not noun_keys(ann, attr, w) & w.role_nouns:
        return speaker
    role = strip_determiner(ann, phrase_tokens(ann, attr), w)
    return replace(speaker, role=text_of(ann, role), evidence=(*speaker.evidence, evidence_for_tokens(ann, role)))


def _as_known_person(speaker: Speaker, history: list[Speaker]) -> Speaker:
    """ "Rasool told state TV" after "General Yahya Rasool said": the surname is the person named before (the
    tagger may miss a surname on its own); the evidence is the surname, then the full name."""
    if not speaker.name or " " in speaker.name or speaker.role is not None:
        return speaker
    for sp in reversed(history):
        if sp.kind is SpeakerKind.PERSON and sp.name and sp.name.split()[-1] == speaker.name:
            return Speaker(name=sp.name, role=sp.role, kind=SpeakerKind.PERSON,
                           evidence=(*speaker.evidence[:1], *sp.evidence[-1:]), canonical=sp.canonical)
    return speaker


def _antecedent(ann: Annotations, pronoun: int, w: ClaimWords, history: list[Speaker],
                quoted: Callable[[int], bool]) -> Speaker | None:
    """The most recent fitting speaker before ``pronoun``; failing that, the nearest earlier person named."""
    at = ann.tokens[pronoun].start
    wants = pronoun_wants(ann, pronoun, w)

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
            return speaker_at(ann, ent.token_end - 1, w)
    return None


def author_of_document(ann: Annotations, head: int, w: ClaimWords) -> int | None:
    """Who issued a statement or report: "the ministry's statement", "a Reuters report", "released by the UN";
    "Levy spoke at a press conference announcing …": the one who spoke at it."""
    tok = ann.tokens[head]
    prep = ann.tokens[tok.head]
    if tok.dep == "pobj" and prep.text.lower() in w.occasion_prepositions and prep.head != tok.head and \
            ann.tokens[prep.head].pos == "VERB":
        speaker = subject_of(ann, prep.head)
        if speaker is not None and ann.tokens[speaker].pos != "PRON":
            return speaker
    for c in subtree(ann, head):
        t = ann.tokens[c]
        if t.ent_type in _TIMES:
            continue  # "a report in Monday's issue of the paper": the day it came out, not who wrote it
        if t.dep == "poss" and t.pos != "PRON":
            return c
        if t.dep == "compound" and t.pos == "PROPN":  # "a Reuters report"
            while ann.tokens[t.head].dep == "compound" and ann.tokens[t.head].pos == "PROPN" and t.head != head:
                c, t = t.head, ann.tokens[t.head]  # "a National Police press release": the whole name
            return c
        if t.dep in ("prep", "agent") and t.text.lower() in w.author_prepositions:
            obj = pobj_of(ann, c)
            if obj is not None:
                return obj
    return None


