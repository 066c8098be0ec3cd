"""Who did what to whom: the initiators and targets of an event draft, read from the dependency parse and
mapped to the actor stage's mentions (or to a named entity when the actor stage found none)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from sitrep.extract.common.text import subtree
from sitrep.extract.events.drafts import EventDraft
from sitrep.extract.events.words import EventWords
from sitrep.model import Actor, Annotations, Role

_INITIATOR_DEPS = {"nsubj"}
_TARGET_DEPS = {"dobj", "nsubjpass"}


def assign_roles(ann: Annotations, d: EventDraft, actors: Sequence[Actor], w: EventWords, *, extractor: str,
                 place_spans: Sequence[tuple[int, int]] = ()) -> list[Actor]:
    """Initiators and targets from the dependency structure, mapped to actor mentions.

    A party the actor stage missed is taken from the named entities and marked with ``extractor`` (the
    events stage's name); ``place_spans`` are resolved towns and regions, which are never parties.

    Verbs: subject → initiator, object or passive subject → target, "by X" → initiator.
    Nouns: "coalition airstrikes" / "US strikes" (modifiers) and "by X" → initiator; "on/against X" → target;
    a noun that is the subject of "killed"/"hit" passes the verb's object as target.
    """
    roles: list[tuple[Role, int]] = []
    toks = ann.tokens
    for t in d.triggers:
        h = t.head
        if t.kind == "verb" or t.kind == "casualty":
            for c in ann.children[h]:
                dep = toks[c].dep
                if dep in _INITIATOR_DEPS:
                    roles.append((Role.INITIATOR, c))
                elif dep in _TARGET_DEPS:
                    roles.append((Role.TARGET, c))
                elif dep == "agent":
                    roles.extend((Role.INITIATOR, g) for g in ann.children[c] if toks[g].dep == "pobj")
            has_subject = any(toks[c].dep in _INITIATOR_DEPS or toks[c].dep == "agent" for c in ann.children[h])
            if toks[h].dep in ("xcomp", "conj") and not has_subject:
                head = toks[h].head
                roles.extend((Role.INITIATOR, c) for c in ann.children[head] if toks[c].dep in _INITIATOR_DEPS)
        else:
            for c in ann.children[h]:
                dep, word = toks[c].dep, toks[c].text.lower()
                if dep in ("compound", "amod", "poss", "nmod"):
                    roles.append((Role.INITIATOR, c))
                elif dep == "prep" and word in w.by_prepositions:
                    roles.extend((Role.INITIATOR, g) for g in ann.children[c] if toks[g].dep == "pobj")
                elif dep == "prep" and word in w.target_prepositions:
                    roles.extend((Role.TARGET, g) for g in ann.children[c] if toks[g].dep == "pobj")
            befell = befallen(ann, h, w)
            if befell is not None:  # "the patrol fell into an ambush", "was the target of an attack"
                roles.extend((Role.TARGET, c) for c in ann.children[befell] if toks[c].dep in _TARGET_DEPS | {"nsubj"})
            if toks[h].dep in ("nsubj", "nsubjpass"):
                verb = toks[h].head
                roles.extend((Role.TARGET, c) for c in ann.children[verb] if toks[c].dep == "dobj")
            elif toks[h].dep == "dobj" and (toks[toks[h].head].lemma or "").lower() in w.doing_verbs:
                # "police fired tear gas", "the army launched an offensive" (but not "residents blamed the attack")
                verb = toks[h].head
                roles.extend((Role.INITIATOR, c) for c in ann.children[verb] if toks[c].dep in _INITIATOR_DEPS)
        if t.kind == "noun" and toks[h].dep == "dobj" and t.subtype is not None and t.subtype.verbal:
            # "Japan announced a suspension of flights", "held talks": the verb's subject is the party
            roles.extend((Role.INITIATOR, c) for c in ann.children[toks[h].head] if toks[c].dep in _INITIATOR_DEPS)
    roles = _with_conjuncts(ann, roles)
    # The dead and wounded are targets, unless the text already made them the initiators
    # ("the army retook the town … 22 soldiers were killed").
    for c in d.killed + d.injured + d.detained:
        for ev in c.count.evidence[-1:]:
            roles.append((Role.TARGET, _counted(ann, ev.start, ev.end)))
            if w.victims_in_count_phrase:  # the group counted before the casualty words ("Six soldats ont trouvé
                # la mort": the parse hangs nothing of the victims under "mort")
                roles.extend((Role.TARGET, _token_at(ann, a.evidence[0].start)) for a in actors
                             if a.evidence and ev.start <= a.evidence[0].start and a.evidence[0].end <= ev.end)
    out: list[Actor] = []
    seen_mentions: set[int] = set()
    seen_names: set[tuple[Role, str]] = set()
    for role, tok in roles:
        for a in _actors_for_token(ann, tok, actors, place_spans, w, extractor=extractor):
            mention = a.evidence[0].start if a.evidence else -1
            name = (role, (a.canonical or a.name or "").lower())
            other_side = (Role.INITIATOR if role == Role.TARGET else Role.TARGET, name[1])
            if mention not in seen_mentions and name not in seen_names and other_side not in seen_names:
                seen_mentions.add(mention)
                seen_names.add(name)
                out.append(_with_role(a, role))
    return out


def befallen(ann: Annotations, noun: int, w: EventWords) -> int | None:
    """The clause whose subject the event noun befell ("the patrol fell into an ambush", "came under attack", "was
    the target of an attack", "a essuyé des tirs"; events.yaml befalling_words): its verb, else None."""
    toks = ann.tokens
    tok = toks[noun]
    if tok.dep == "pobj" and toks[tok.head].head != tok.head:
        # the preposition's lemma as well as its text: "d’une attaque" with a typographic apostrophe is "de"
        word, governor = toks[tok.head].text.lower(), toks[toks[tok.head].head]
        if (toks[tok.head].lemma or "").lower() in w.befalling_words.get((governor.lemma or "").lower(), ()):
            word = (toks[tok.head].lemma or "").lower()
    elif tok.dep == "dobj":
        word, governor = None, toks[tok.head]
    else:
        return None
    taken = w.befalling_words.get((governor.lemma or "").lower())
    # a word listed with prepositions takes the noun after one of them; one listed with none, as its object
    if taken is None or (word not in taken if word is not None else bool(taken)):
        return None
    if governor.pos in ("NOUN", "PROPN") and governor.head != governor.i:
        return governor.head  # "the convoy was the target of an attack": the verb that "target" is said with
    return governor.i


def told_befalling(ann: Annotations, d: EventDraft, w: EventWords) -> bool:
    """A new happening told by what befell someone ("the patrol fell into an ambush", "came under attack"); not one
    told again ("the victim of the assault")."""
    head = d.main.head
    return d.main.kind == "noun" and befallen(ann, head, w) is not None and not any(
        ann.tokens[c].dep == "det" and ann.tokens[c].text.lower() in w.anaphoric_determiners for c in ann.children[head])


def cause_phrase(ann: Annotations, noun: int) -> str:
    """A noun with the nouns compounded before it, as lemmas ("heart attack")."""
    toks = ann.tokens
    return " ".join((toks[j].lemma or toks[j].text).lower() for j in (
        *(c for c in ann.children[noun] if toks[c].dep == "compound"), noun))


def _counted(ann: Annotations, start: int, end: int) -> int:
    """The counted people of a casualty count's words: the noun its number counts ("Nearly a dozen soldiers have lost
    their lives": not the lives), else its last noun ("43 others seriously wounded"), not the verb, whose phrase holds
    the doer too ("wounded in an attack by the RSF")."""
    first, last = _token_at(ann, start), _token_at(ann, end - 1)
    counted = [t.head for t in ann.tokens[first : last + 1] if t.dep == "nummod" and first <= t.head <= last
               and ann.tokens[t.head].pos in ("NOUN", "PROPN")]
    if counted:
        return counted[0]
    if ann.tokens[last].pos not in ("VERB", "AUX"):
        return last
    nouns = [j for j in range(first, last) if ann.tokens[j].pos in ("NOUN", "PROPN", "PRON")]
    return nouns[-1] if nouns else last


def _token_at(ann: Annotations, char: int) -> int:
    """The token covering character ``char`` (binary search over token starts: a long text has many counts)."""
    i = bisect_right(ann.tokens, char, key=lambda t: t.start) - 1
    return ann.tokens[i].i if i >= 0 and ann.tokens[i].start <= char < ann.tokens[i].end else 0


def _with_conjuncts(ann: Annotations, roles: list[tuple[Role, int]]) -> list[tuple[Role, int]]:
    """ "the army and popular forces retook": every conjunct of a role holder holds the role too."""
    out = list(roles)
    for role, tok in roles:
        stack = [tok]
        while stack:
            j = stack.pop()
            for c in ann.children[j]:
                if ann.tokens[c].dep == "conj":
                    out.append((role, c))
                    stack.append(c)
    return out


def _actors_for_token(ann: Annotations, tok: int, actors: Sequence[Actor],
                      place_spans: Sequence[tuple[int, int]], w: EventWords, *, extractor: str) -> list[Actor]:
    """Actor mentions that cover the token, else those inside its noun phrase (not its clauses)."""
    t = ann.tokens[tok]
    hits = [a for a in actors if a.evidence and a.evidence[0].start <= t.start < a.evidence[0].end]
    if hits:
        return hits[:1]
    phrase = [j for j in subtree(ann, tok) if not _in_clause(ann, j, tok)]
    if not phrase:
        return []
    start, end = ann.tokens[phrase[0]].start, ann.tokens[phrase[-1]].end
    inside = [a for a in actors if a.evidence and start <= a.evidence[0].start and a.evidence[0].end <= end][:1]
    if inside:
        return inside
    if t.pos in ("NOUN", "ADJ"):
        # "by the paramilitary Rapid Support Forces": a word for the kind of party, its name in apposition
        for c in ann.children[tok]:
            if ann.tokens[c].dep == "appos" and (named := _actors_for_token(ann, c, actors, place_spans, w,
                                                                           extractor=extractor)):
                return named
    # a country is a party only as subject or recipient ("Israel threatened", "gave Tanzania"), never
    # as an object hit ("struck Gaza" names a place)
    places_ok = ann.tokens[tok].dep in ("nsubj", "dative")
    found = _entity_actor(ann, start, end, extractor=extractor, places_ok=places_ok, place_spans=place_spans)
    speaker = _reporting_subject(ann, tok, w)
    if not found and speaker is not None:
        return _actors_for_token(ann, speaker, actors, place_spans, w, extractor=extractor)
    return found


def _reporting_subject(ann: Annotations, tok: int, w: EventWords) -> int | None:
    """ "Japan said it had halted aid": a pronoun subject of a reported clause is the reporting subject."""
    t = ann.tokens[tok]
    if t.pos != "PRON" or t.text.lower() not in w.reporting_pronouns or t.dep != "nsubj":
        return None
    verb = ann.tokens[t.head]
    if verb.dep != "ccomp" or verb.head == verb.i:
        return None
    subjects = [c for c in ann.children[verb.head] if ann.tokens[c].dep == "nsubj" and ann.tokens[c].pos != "PRON"]
    return subjects[0] if subjects else None


# Named parties that are not in the actor stage's output: a state named by its country ("Israel threatened"),
# a people ("Palestinians blamed"), an organisation or a person.
_ENTITY_KINDS = {"GPE": "government", "NORP": "unknown", "ORG": "unknown", "PERSON": "unknown"}


def _entity_actor(ann: Annotations, start: int, end: int, *, extractor: str, places_ok: bool = False,
                  place_spans: Sequence[tuple[int, int]] = ()) -> list[Actor]:
    for e in ann.entities:
        if not (start <= e.start and e.end <= end and e.label in _ENTITY_KINDS and (places_ok or e.label != "GPE")):
            continue  # the cheap test first: a text of many names has many entities and many places
        if any(ps < e.end and e.start < pe for ps, pe in place_spans):
            continue
        return [Actor(name=ann.text[e.start : e.end], kind=_ENTITY_KINDS[e.label],
                      evidence=(ann.evidence(e.start, e.end),), extractor=extractor)]
    return []


def _in_clause(ann: Annotations, j: int, root: int) -> bool:
    """True when token j hangs below root through a clause or another preposition's object chain."""
    k = j
    while k != root:
        if ann.tokens[k].dep in ("relcl", "acl", "advcl", "ccomp", "conj", "appos"):
            return True
        k = ann.tokens[k].head
    return False


def _with_role(a: Actor, role: Role) -> Actor:
    return replace(a, role=role)



__all__ = ["assign_roles"]
