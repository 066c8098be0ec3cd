"""Views held and stances taken: attributions that are not speech, as attribution corpora code them.

"believes the talks will fail", "wants a recount", "the survey shows a close race" (a view: ``belief``);
"backed the ceasefire", "condemned the shelling", "talked about the siege" (a stance towards a thing:
``stance``); "asked whether the road was open" (a ``question``). A pass of the claims stage after the verbs of
saying; the words are the language's (``belief_verbs``, ``belief_object_verbs``, ``stance_verbs``,
``verbal_force_verbs``, ``topic_verbs`` in ``lang/<code>/claims.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.extract.claims.document import ClaimDoc
from sitrep.extract.claims.parse import pobj_of, subtree_set
from sitrep.extract.claims.speakers import noun_keys
from sitrep.model import Annotations, ClaimKind

_CLAUSES = ("ccomp", "xcomp")
# The complement of a verb of seeming: "appears to have fled", "looks ready", "is seen as", "is expected to".
_COMPLEMENTS = ("xcomp", "acomp", "attr", "oprd", "ccomp")
# What may follow the object and belong to it: "wants the envoy recalled", "called the vote 'a farce'".
_AFTER_OBJECT = ("oprd", "xcomp", "ccomp", "acomp")


@dataclass(frozen=True, slots=True)
class StanceCue:
    """A view or stance found at a verb: cue tokens (the verb first), content tokens, the speaker's head."""

    cue: tuple[int, ...]
    content: frozenset[int]
    speaker: int | None
    kind: ClaimKind


def stance_cue(doc: ClaimDoc, k: int) -> StanceCue | None:
    """The view or stance the verb at ``k`` attributes to its subject, if it is one of the language's."""
    ann, w = doc.ann, doc.w
    tok = ann.tokens[k]
    if tok.pos == "VERB" and tok.lemma.lower() in w.question_verbs and (
            _passive(ann, k) or tok.tag == "VBN" and tok.dep == "advcl"):
        # "was asked about the curfew"; "when asked whether the road was open, she said …": the question put is an
        # attribution of its own, by whoever the "by" names (often no one).
        return _asked(doc, k)
    if tok.pos == "VERB" and _passive(ann, k):
        return _stance_suffered(doc, k)
    if tok.pos != "VERB":
        return None
    if tok.tag == "VBN" and not any(ann.tokens[c].dep == "aux" for c in ann.children[k]):
        return None  # "the plan backed by Kyiv", "a town known for its mills": no one named takes the stance
    lemma = tok.lemma.lower()
    belief, stance, force = lemma in w.belief_verbs, lemma in w.stance_verbs, lemma in w.verbal_force_verbs
    preps = w.topic_verbs.get(lemma, frozenset())
    perceived = lemma in w.perception_verbs and _perceiver(doc, k)
    expressed = lemma in w.expression_verbs
    if not (belief or stance or force or preps or perceived or expressed):
        return None
    cue = [k]
    obj = _child(ann, k, ("dobj",), after=True)
    takes_object = stance or force or perceived or lemma in w.belief_object_verbs
    belief = belief or perceived
    content: set[int] = set()
    # "expressed concern about the talks": the feeling named is how the view is given; a verb that is no stance
    # of its own ("raised questions about") only with a noun of view or stance ("raised funds for" is none).
    felt = _feeling(doc, obj, named=not stance) if obj is not None and expressed else None
    if felt is not None:
        cue += felt[0]
        content = felt[1]
    elif expressed and not (stance or belief or force or preps or perceived):
        return None
    elif obj is not None and takes_object:
        content = object_words(doc, obj)
        for c in ann.children[k]:
            if c > obj and ann.tokens[c].dep in _AFTER_OBJECT:
                content |= subtree_set(ann, c)
            elif c == max(content) + 1 and ann.tokens[c].dep == "prep" and ann.tokens[c].text.lower() not in preps \
                    and not when(ann, c) and not where_said(doc, c, place=names_someone(ann, obj)):
                # "endorsed Bush for president", "challenged him to a debate": the phrase right after the object
                # goes with it (PolNeAR marks it so); a topic preposition is handled below, a time is the claim's,
                # where it was said ("on Twitter", "in a speech") too.
                content |= subtree_set(ann, c)
        asked = _child(ann, k, _CLAUSES, after=True) if lemma in w.question_verbs else None
        if asked is not None and asked > obj and _opens_question(ann, subtree_set(ann, asked), w.question_openers):
            content = subtree_set(ann, asked)  # "asked the mayor whether …": whom it was asked is no part of it
    else:
        clause = _child(ann, k, _CLAUSES, after=True)
        if clause is not None and (belief or stance or force):
            content = subtree_set(ann, clause)
        elif belief:
            content = _postposed(doc, k)
    on_prep = [c for c in ann.children[k] if ann.tokens[c].dep == "prep" and ann.tokens[c].text.lower() in preps
               and not when(ann, c)]
    if not on_prep and preps:
        # "talked to voters about health care": the parse hangs the topic on the addressee.
        # Only through an addressee: "spoke on condition of anonymity" is no topic.
        on_prep = [g for c in ann.children[k] if ann.tokens[c].dep == "prep" and c > k
                   and ann.tokens[c].text.lower() in w.interview_prepositions
                   for o in ann.children[c] if ann.tokens[o].dep == "pobj"
                   for g in ann.children[o] if ann.tokens[g].dep == "prep" and ann.tokens[g].text.lower() in preps
                   and not when(ann, g)]
    if content and obj is not None and on_prep:
        content |= subtree_set(ann, on_prep[0])  # "praised the medics for their courage": the charge goes along
    elif not content and on_prep:
        # "talked about the siege": the preposition is part of the cue, its object the content.
        cue.append(on_prep[0])
        content = subtree_set(ann, on_prep[0]) - {on_prep[0]}
    if not content:
        return None
    if force and not stance and not _verbal(ann, k, obj, on_prep):
        return None
    if lemma in w.military_support_verbs and _military(doc, k, obj):
        return None  # "an air weapons team supporting ground forces" is support in battle, not a stance
    kind = ClaimKind.BELIEF if belief else ClaimKind.STANCE
    if lemma in w.intention_verbs:
        kind = ClaimKind.INTENTION
    if lemma in w.question_verbs and _opens_question(ann, content, w.question_openers):
        kind = ClaimKind.QUESTION
    speaker = _holder(doc, k)
    if speaker is None:
        return None  # "four men suspected of planning an attack": a view or stance of no one named is no claim
    return StanceCue(cue=tuple(cue), content=frozenset(content), speaker=speaker, kind=kind)


def raised_cue(doc: ClaimDoc, k: int) -> StanceCue | None:
    """ "The donors appear to have ties to …", "is expected to resign", "was seen by some as a demotion", "the
    contests known as Super Tuesday", "it is believed that …": the subject with its complement is the content;
    the judge speaks when a "by" names them."""
    ann, w = doc.ann, doc.w
    tok = ann.tokens[k]
    lemma = tok.lemma.lower()
    attributive = tok.dep == "acl" and tok.tag == "VBN"
    if tok.pos not in ("VERB", "AUX"):
        return None
    if lemma in w.intent_raising_verbs and (intent := _looking_to(doc, k)) is not None:
        return intent
    if not ((lemma in w.raising_verbs and not _passive(ann, k)) or
            (lemma in w.passive_view_verbs and (_passive(ann, k) or attributive))):
        return None
    agent = _child(ann, k, ("agent",), after=True)
    judge = pobj_of(ann, agent) if agent is not None else None
    act = _child(ann, k, ("xcomp",), after=True)
    if judge is None and act is not None and lemma in w.raising_verbs and _cues_itself(doc, act):
        # "he seemed to indicate that …", "messages seem to show ties to …": the subject speaks through the verb
        # the infinitive names, a claim of its own (PolNeAR's source is the subject, not the writer's judgement);
        # "is expected to argue" stays the writer's.
        return None
    complement: set[int] = set()
    cue = [k, *(c for c in ann.children[k] if ann.tokens[c].dep in ("aux", "auxpass", "neg") and c < k)]
    for c in [k, *([judge] if judge is not None else [])]:
        for g in ann.children[c]:
            t = ann.tokens[g]
            if g < k or g in complement:
                continue
            if t.dep in _COMPLEMENTS and c == k:
                complement |= subtree_set(ann, g)
            elif t.dep == "prep" and t.text.lower() in w.raising_prepositions and pobj_of(ann, g) is not None:
                cue.append(g)
                complement |= subtree_set(ann, g) - {g}
    if not complement and (judge is None or attributive):
        return None  # "the road is known": no one and nothing said of it; "was reported by Reuters" has a judge
    if attributive:
        subject: set[int] = {tok.head} | {j for j in subtree_set(ann, tok.head) if j < tok.head}
    else:
        head = _child(ann, k, ("nsubj", "nsubjpass", "expl"), after=False)
        if head is None:
            return None
        expletive = ann.tokens[head].text.lower() in w.expletives and _child(ann, k, ("ccomp",), after=True)
        subject = set() if expletive else subtree_set(ann, head)
    kind = ClaimKind.STATEMENT if lemma in w.speech_verbs else ClaimKind.BELIEF
    return StanceCue(cue=tuple(sorted(cue)), content=frozenset(subject | complement), speaker=judge, kind=kind)


def _cues_itself(doc: ClaimDoc, k: int) -> bool:
    """Whether the verb at ``k`` is a cue of its own, of saying, view or stance, with what it says after it."""
    ann = doc.ann
    lemma = ann.tokens[k].lemma.lower()
    said = any(c > k and ann.tokens[c].dep in ("ccomp", "dobj") for c in ann.children[k])
    return said and (doc.is_cue(k, quoting=False) or doc.takes_a_stance(k) or (
        ann.tokens[k].pos == "VERB" and lemma in doc.w.belief_verbs))


def _looking_to(doc: ClaimDoc, k: int) -> StanceCue | None:
    """ "Cruz looks to ease bad blood": the subject means to do what the infinitive says (not "looks to be …")."""
    ann, w = doc.ann, doc.w
    act = _child(ann, k, ("xcomp",), after=True)
    subject = _child(ann, k, ("nsubj",), after=False)
    if act is None or subject is None or ann.tokens[act].lemma.lower() in w.copulas or doc.quote_of[subject] != -1:
        return None
    to = [c for c in ann.children[act] if c < act and ann.tokens[c].dep == "aux"
          and ann.tokens[c].text.lower() in w.infinitive_markers]
    if not to:
        return None
    cue = [k, *(c for c in ann.children[k] if ann.tokens[c].dep in ("aux", "neg") and c < k), *to]
    return StanceCue(cue=tuple(sorted(cue)), content=frozenset(subtree_set(ann, act) - set(to)), speaker=subject,
                     kind=ClaimKind.INTENTION)


def _stance_suffered(doc: ClaimDoc, k: int) -> StanceCue | None:
    """ "The plan was backed by most deputies", "the minister was criticised by the unions for …": the subject is
    what the stance is about, the "by" names who takes it (a verb of force only against a person)."""
    ann, w = doc.ann, doc.w
    lemma = ann.tokens[k].lemma.lower()
    if lemma not in w.stance_verbs and lemma not in w.verbal_force_verbs:
        return None
    agent = _child(ann, k, ("agent",), after=True)
    holder = pobj_of(ann, agent) if agent is not None else None
    subject = _child(ann, k, ("nsubjpass",), after=False)
    if holder is None or subject is None:
        return None
    if lemma not in w.stance_verbs and ann.tokens[subject].ent_type != "PERSON":
        return None  # "the convoy was attacked by militants" is force
    if lemma in w.military_support_verbs and any(noun_keys(ann, j, w) & w.military_nouns for j in (subject, holder)):
        return None  # "the troops were backed by artillery"
    content = subtree_set(ann, subject)
    preps = w.topic_verbs.get(lemma, frozenset())
    for c in ann.children[k]:
        if ann.tokens[c].dep == "prep" and ann.tokens[c].text.lower() in preps:
            content |= subtree_set(ann, c)
    cue = [k, *(c for c in ann.children[k] if ann.tokens[c].dep in ("aux", "auxpass", "neg") and c < k)]
    return StanceCue(cue=tuple(sorted(cue)), content=frozenset(content), speaker=holder, kind=ClaimKind.STANCE)


def _asked(doc: ClaimDoc, k: int) -> StanceCue | None:
    """ "The mayor was asked about the curfew", "were asked who would win": a question put to the subject, by
    whoever the "by" names."""
    ann, w = doc.ann, doc.w
    cue = [k, *(c for c in ann.children[k] if ann.tokens[c].dep in ("aux", "auxpass", "neg") and c < k)]
    content: set[int] = set()
    for c in ann.children[k]:
        t = ann.tokens[c]
        if c < k:
            continue
        if t.dep == "prep" and t.text.lower() in w.question_prepositions and pobj_of(ann, c) is not None:
            cue.append(c)
            content = subtree_set(ann, c) - {c}
            break
        if t.dep in _CLAUSES:
            content = subtree_set(ann, c)
            break
    if not content:
        return None
    agent = _child(ann, k, ("agent",), after=True)
    asker = pobj_of(ann, agent) if agent is not None else None
    return StanceCue(cue=tuple(sorted(cue)), content=frozenset(content), speaker=asker, kind=ClaimKind.QUESTION)


def _military(doc: ClaimDoc, k: int, obj: int | None) -> bool:
    ann, w = doc.ann, doc.w
    heads = [j for j in (obj, _holder(doc, k)) if j is not None]
    return any(noun_keys(ann, j, w) & w.military_nouns for j in heads)


def _perceiver(doc: ClaimDoc, k: int) -> bool:
    """Whether the subject of a verb of perception can perceive: a person, a group or a source, not a place."""
    ann, w = doc.ann, doc.w
    subject = _holder(doc, k)
    if subject is None:
        return False
    tok = ann.tokens[subject]
    if tok.ent_type in ("PERSON", "NORP", "ORG") or tok.text.lower() in w.pronouns and tok.text.lower() != "it":
        return True
    if tok.tag == "PRP" and tok.text.lower() in ("i", "we", "you"):
        return True
    return bool(noun_keys(ann, subject, w) & (w.source_nouns | w.role_nouns))


def _holder(doc: ClaimDoc, k: int) -> int | None:
    """Who holds the view: the subject; for "groups supporting the bill" the noun the participle describes; for
    "decided to back the plan" the subject of the verb that controls the infinitive."""
    speaker = doc.speaker_of(k)
    tok = doc.ann.tokens[k]
    if speaker is not None or tok.head == k:
        return speaker
    head = doc.ann.tokens[tok.head]
    if tok.dep == "acl" and tok.tag == "VBG" and head.pos in ("NOUN", "PROPN") and doc.quote_of[tok.head] == -1:
        return tok.head
    if tok.dep == "xcomp" and head.pos in ("VERB", "AUX"):
        return doc.speaker_of(tok.head)
    return None


def object_words(doc: ClaimDoc, obj: int) -> set[int]:
    """The object's words without a phrase closing it that tells where the words were said ("criticized the plan
    on Fox News": the parse hangs "on" on the plan)."""
    ann = doc.ann
    words = subtree_set(ann, obj)
    for c in ann.children[obj]:
        if c > obj and ann.tokens[c].dep == "prep" and max(subtree_set(ann, c)) == max(words) and \
                where_said(doc, c, place=names_someone(ann, obj)):
            words -= subtree_set(ann, c)
    return words


def _feeling(doc: ClaimDoc, obj: int, *, named: bool) -> tuple[list[int], set[int]] | None:
    """For a bare object noun of a verb of expressing ("concern about the talks", "strong doubts that it will
    hold"): the noun with its modifiers and preposition (cue words), and what the feeling is about (content).
    ``named``: only a noun of the language's tables of views and stances."""
    ann = doc.ann
    kids = ann.children[obj]
    if ann.tokens[obj].pos != "NOUN" or any(ann.tokens[c].dep in ("det", "poss", "nummod") for c in kids):
        return None
    entry = doc.w.noun_kinds.get(ann.tokens[obj].lemma.lower())
    if named and entry is None:
        return None
    # The noun's own prepositions carry what it is about; "concern among experts" names who holds it.
    about = (lambda p: p in entry[1]) if entry is not None else (lambda p: p not in doc.w.holder_prepositions)
    mods = [c for c in kids if c < obj and ann.tokens[c].dep in ("amod", "advmod", "compound")]
    for c in kids:
        if c < obj or doc.quote_of[c] != -1:
            continue
        dep = ann.tokens[c].dep
        if dep == "prep" and pobj_of(ann, c) is not None and about(ann.tokens[c].text.lower()) and \
                not when(ann, c) and not where_said(doc, c):
            return [*mods, obj, c], subtree_set(ann, c) - {c}
        if dep in ("acl", "ccomp") and c > obj:
            return [*mods, obj], subtree_set(ann, c)
    return None


def names_someone(ann: Annotations, i: int) -> bool:
    return ann.tokens[i].ent_type == "PERSON" or ann.tokens[i].pos == "PRON"


def where_said(doc: ClaimDoc, prep: int, *, place: bool = True) -> bool:
    """ "praised him on Twitter", "attacked her in a speech", "thanked Sanders in Vermont": a phrase of the
    occasion, medium or (with ``place``) place of the words, not part of them ("a no-fly zone in Syria" is
    what is called for: no ``place`` after a thing)."""
    ann, w = doc.ann, doc.w
    word = ann.tokens[prep].text.lower()
    obj = pobj_of(ann, prep)
    if obj is None or word not in w.occasion_prepositions | w.medium_prepositions:
        return False
    tok = ann.tokens[obj]
    lemma = tok.lemma.lower()
    if word == "to":
        return False  # "took the fight to Iowa", "sent a letter to the UN": where the thing went
    medium = word in w.medium_prepositions and tok.ent_type == "ORG"  # "on Fox News"
    return lemma in w.statement_nouns | w.media_nouns | w.interview_words or medium or \
        place and tok.ent_type in ("ORG", "GPE", "FAC", "EVENT")


def when(ann: Annotations, prep: int) -> bool:
    """ "talked on Friday", "agreed on Tuesday": a time, not a topic."""
    obj = pobj_of(ann, prep)
    return obj is not None and ann.tokens[obj].ent_type in ("DATE", "TIME")


def _passive(ann: Annotations, k: int) -> bool:
    return any(ann.tokens[c].dep in ("auxpass", "nsubjpass") for c in ann.children[k])


def _child(ann: Annotations, k: int, deps: tuple[str, ...], *, after: bool) -> int | None:
    return next((c for c in ann.children[k] if ann.tokens[c].dep in deps and (c > k or not after)), None)


def _postposed(doc: ClaimDoc, k: int) -> set[int]:
    """ "The talks will fail, she believes", "The talks, she believes, will fail": the verb and its holder are set
    off by commas from the clause they attribute, whichever way the parse hangs them."""
    ann = doc.ann
    tok = ann.tokens[k]
    if tok.dep in ("parataxis", "ccomp", "advcl") and tok.head < k and ann.tokens[tok.head].pos in ("VERB", "AUX"):
        between = range(tok.head + 1, k)
        if any(ann.tokens[j].text == "," for j in between):
            return subtree_set(ann, tok.head) - subtree_set(ann, k)
    own = subtree_set(ann, k)
    words = [j for j in own if ann.tokens[j].pos != "PUNCT"]
    if tok.dep == "parataxis" and tok.head > k and ann.tokens[tok.head].pos in ("VERB", "AUX") and \
            _between_commas(ann, min(words), max(words)):
        return subtree_set(ann, tok.head) - own  # "His leverage, they believe, is intact"
    before = [c for c in ann.children[k] if c < k and ann.tokens[c].dep == "ccomp"]
    if tok.dep == "ROOT" and before and not doc.is_cue(before[-1], quoting=False):
        clause = subtree_set(ann, before[-1])
        rest = sorted(own - clause)
        if ann.tokens[rest[0]].text == "," and all(ann.tokens[j].pos in ("PUNCT", "ADV") for j in rest if j > k):
            return clause  # "The tax is a mistake, economists believe."
    return set()


def _between_commas(ann: Annotations, first: int, last: int) -> bool:
    return first > 0 and last + 1 < len(ann.tokens) and ann.tokens[first - 1].text == "," and \
        ann.tokens[last + 1].text == ","


def _verbal(ann: Annotations, k: int, obj: int | None, on_prep: list[int]) -> bool:
    """ "slammed the minister", "attacked Clinton over the emails": a verb of force used of words. Its object is
    a named person, or the charge follows; "attacked the checkpoint" is force."""
    if on_prep:
        return True
    return obj is not None and ann.tokens[obj].ent_type == "PERSON"


def _opens_question(ann: Annotations, content: set[int], openers: frozenset[str]) -> bool:
    first = min((j for j in content if ann.tokens[j].pos != "PUNCT"), default=None)
    if first is None:
        return False
    word = ann.tokens[first].text.lower()
    return word in openers or ann.tokens[first].tag in ("WDT", "WP", "WRB", "WP$")
