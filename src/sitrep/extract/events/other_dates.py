"""Times that date a thing other than the events told beside them: a noun's own date ("the elections of last
spring", "les élections du printemps dernier") and the day a relative clause says a thing that is no trigger took
place on ("a mission to secure the elections, which took place on Thursday"). ``dates.event_date`` sets them aside
when it dates an event by its sentence or its paragraph; a time its own clause governs still dates its event."""

from __future__ import annotations

from collections.abc import Collection

from sitrep.extract.common.text import tokens_in
from sitrep.extract.events.pointers import happening
from sitrep.extract.events.words import EventWords
from sitrep.model import Annotations, Time


def dates_another_thing(ann: Annotations, time: Time, w: EventWords, triggers: Collection[int]) -> bool:
    """The time names the date of a noun that is no trigger, or says when one took place in a relative clause."""
    noun = _dated_noun(ann, time, w)
    if noun is not None:
        return noun not in triggers
    verb = _relative_clause(ann, time, w)
    return verb is not None and verb not in triggers and ann.tokens[verb].head not in triggers


def dates_a_coming_to_be(ann: Annotations, time: Time, w: EventWords) -> bool:
    """The time says when someone was born or something founded or built: it hangs, through its preposition, on a
    participle or a passive of one of events.yaml founding_verbs ("a man and a woman born in 1958 and 1962", "a
    group founded in 2013", "une femme née en 1958"). It dates no event, whatever else in its sentence governs it."""
    inside = {t.i for t in tokens_in(ann, time.evidence[0].start, time.evidence[0].end)}
    for i in inside:
        while ann.tokens[i].dep == "conj" and ann.tokens[i].head != i:
            i = ann.tokens[i].head  # "in 1958 and 1962"
        j = ann.tokens[i].head
        if j in inside or j == i:
            continue
        if ann.tokens[j].pos == "ADP" and ann.tokens[j].head != j:
            j = ann.tokens[j].head
        verb = ann.tokens[j]
        if verb.pos in ("VERB", "AUX") and (verb.lemma or "").lower() in w.founding_verbs and (
                verb.dep == "acl" or any(ann.tokens[c].dep == "auxpass" for c in ann.children[j])):
            return True
    return False


def _dated_noun(ann: Annotations, time: Time, w: EventWords) -> int | None:
    """The noun whose date the time names after it, by a genitive preposition ("the elections of last spring", "les
    élections du printemps dernier", events.yaml genitive_prepositions) or as a noun modifier the parse hangs after
    it; a date written before its noun ("The March 28 trouble erupted") names the happening the story is about
    as often as not, so it is left alone. None when any of its words hangs otherwise ("qui a eu lieu samedi
    après-midi": "après-midi" on the verb), so that "burglaries in the area on Tuesday", a day the parser hung on
    a noun, still dates its clause."""
    inside = {t.i for t in tokens_in(ann, time.evidence[0].start, time.evidence[0].end)}
    nouns = []
    for i in sorted(inside):
        tok = ann.tokens[i]
        j = tok.head
        if j in inside or j == i:
            continue
        if tok.dep == "pobj" and ann.tokens[j].text.lower() in w.genitive_prepositions and ann.tokens[j].head != j:
            j = ann.tokens[j].head
        elif tok.dep not in _NOUN_MODIFIERS or i < j:
            return None
        if ann.tokens[j].pos not in ("NOUN", "PROPN") or ann.tokens[j].ent_type in _TIME_ENTITIES:
            return None
        nouns.append(j)
    return nouns[0] if nouns else None


_NOUN_MODIFIERS = ("nmod",)
_TIME_ENTITIES = ("DATE", "TIME")


def _relative_clause(ann: Annotations, time: Time, w: EventWords) -> int | None:
    """The verb of the relative clause of happening the time's words hang on ("which took place on Thursday", "qui
    ont eu lieu jeudi"; events.yaml happening_verbs), through prepositions and the verb's own object only. Not any
    relative clause: the parser hangs a time at the end of a sentence on the last verb as often as not ("detained
    a leader who operated out of Kandahar City ... during an operation yesterday")."""
    inside = {t.i for t in tokens_in(ann, time.evidence[0].start, time.evidence[0].end)}
    tops = [i for i in inside if ann.tokens[i].head not in inside and ann.tokens[i].head != i]
    if len(tops) != 1:
        return None
    j = ann.tokens[tops[0]].head
    while (ann.tokens[j].pos == "ADP" or ann.tokens[j].dep == "dobj") and ann.tokens[j].head != j:
        j = ann.tokens[j].head  # "on Thursday": the preposition's head; "eu lieu jeudi": the verb of "lieu"
    return j if ann.tokens[j].dep == "relcl" and happening(ann, j, w) else None
