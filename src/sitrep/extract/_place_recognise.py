"""Toponym recognition: where an annotated text names a place, before any gazetteer entry is chosen.

The model's GPE/LOC/FAC entities, names it mislabels (towns it calls people or organisations), names inside
organisations' names, and a gazetteer scan of capitalised words that a place cue vouches for ("in X", "X province",
"retook X", an upper-case dateline).  Each becomes a ``Mention``; the places stage looks them up and ranks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from sitrep.extract._place_cues import (
    CIVIC_WORDS,
    embedded_runs,
    is_civic_run,
    is_upper_dateline,
    modifies_local_noun,
    party_home,
)
from sitrep.extract.common.text import is_dateline_span
from sitrep.lang import default_lexicon
from sitrep.model import Annotations


class EntryLike(Protocol):
    geonames_id: int | None
    name: str
    feature: str
    country: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int


class GazetteerLike(Protocol):
    def lookup(self, name: str) -> Sequence[EntryLike]: ...

    def contains(self, name: str) -> bool: ...

    def normalize(self, name: str) -> str: ...


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels the small model often gives unfamiliar towns ("Amerli" PERSON, "Haditha" ORG, "Samarra" NORP): such an
# entity is kept only as a weak mention, with a place cue and document context.
_MISTAKEN_LABELS = frozenset({"PERSON", "ORG", "NORP"})
# Entity types whose words are never read as places; PERSON is checked separately because the small model
# often calls unfamiliar towns ("Amerli", "Avdiivka") people.
_BLOCKING_LABELS = frozenset({"ORG", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY",
                              "LAW", "LANGUAGE", "EVENT"})
ADMIN_WORDS = {"province": "admin1", "governorate": "admin1", "oblast": "admin1", "region": "admin1",
               "state": "admin1", "prefecture": "admin1", "district": "admin2", "county": "admin2",
               "city": "city", "town": "city", "village": "city"}
_DIRECTIONS = frozenset(["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west", "northeastern", "northwestern", "southeastern", "southwestern", "upper", "lower", "greater"])
_NEAR_NOUNS = frozenset({"outskirts", "vicinity", "edge", "edges", "outside", "environs", "suburbs", "countryside"})
_NEAR_WORDS = frozenset({"near", "outside", "around", "nearby", "close"})
_LOCATIVE = frozenset({"in", "near", "at", "from", "to", "into", "outside", "around", "across", "toward", "towards",
                       "through", "inside", "throughout", "between", "of", "on", "within", "via"})
# Verbs whose object is often a place; past forms too, because the small model leaves some unlemmatised.
_TERRITORIAL_VERBS = frozenset(["retake", "retook", "recapture", "recaptured", "capture", "captured", "seize", "seized", "take", "took", "taken", "liberate", "liberated", "storm", "stormed", "besiege", "besieged", "shell", "shelled", "bomb", "bombed", "enter", "entered", "control", "controlled", "attack", "attacked", "strike", "struck", "hit", "overrun", "overran", "encircle", "encircled", "surround", "surrounded", "evacuate", "evacuated", "reach", "reached", "flee", "fled", "leave", "left", "withdraw", "withdrew", "raid", "raided", "target", "targeted"])
_SPEECH_VERBS = frozenset({"say", "tell", "announce", "claim", "condemn", "accuse", "deny", "warn", "urge", "demand",
                           "threaten", "reject", "welcome", "vow", "insist", "confirm", "state", "add", "call", "blame",
                           "respond", "pledge", "promise", "agree", "sign", "decide", "argue"})
# Joiners inside multi-word Arabic names ("Jurf al-Sakhar", "Deir ez-Zor") that spaCy tags as PROPN or punctuation.
_NAME_JOINERS = frozenset({"al", "el", "ad", "ar", "as", "ash", "az", "ez", "ed", "at", "an", "-", "bin", "ibn", "abu",
                           "de", "du", "of"})
_DEMONYM_RULES = (("ian", "ia"), ("ian", "e"), ("ian", ""), ("an", "a"), ("i", ""), ("n", ""), ("ese", "on"),
                  ("ese", ""), ("ish", "ey"), ("ish", "and"))
MAX_RUN = 5


@dataclass(slots=True)
class Mention:
    start: int  # token indices, end exclusive
    end: int
    hint: str | None = None  # feature the text names ("Anbar province" -> admin1)
    weak: bool = False  # found without the NER calling it a place: needs context to be kept
    near: bool = False
    label: str = ""  # the NER label, when the model tagged it
    embedded: bool = False  # part of an organisation's name ("the Texas Forest Service")
    civic: bool = False  # embedded and named as the place an institution serves ("Athens Police Department")
    site: bool = False  # a street, building or base inside a town ("Baghdad International Airport")



def recognise(ann: Annotations, gazetteer: GazetteerLike) -> tuple[list[Mention], Counter]:
    toks = ann.tokens
    blocked = [False] * len(toks)
    person: set[int] = set()  # a run that starts outside a PERSON entity may go on into it
    sentence_starts = {s.token_start for s in ann.sentences}
    demonyms: Counter = Counter()
    mentions: list[Mention] = []
    for ent in ann.entities:
        if ent.label in ("DATE", "TIME") and _no_date_words(ann, ent.token_start, ent.token_end):
            continue  # "in Manbij" tagged DATE: a name with no month, weekday or digit in it is free for the scan
        if ent.label in _BLOCKING_LABELS or ent.label in PLACE_LABELS or ent.label in _MISTAKEN_LABELS:
            for j in range(ent.token_start, ent.token_end):
                blocked[j] = True
        if ent.label == "PERSON":
            person.update(range(ent.token_start, ent.token_end))
        if ent.label in ("NORP", *PLACE_LABELS):
            country = _demonym_country(ann.span_text(ent), gazetteer)
            if country:
                demonyms[country] += 1
                continue
        if ent.label in PLACE_LABELS:
            m = _trim(ann, ent.token_start, ent.token_end, gazetteer)
            if m is not None and not _is_speaking_subject(ann, m) and not _hyphen_modifier(ann, ent.token_end):
                m.label = ent.label
                mentions.append(m)
        elif ent.label in _MISTAKEN_LABELS:
            m = _trim(ann, ent.token_start, ent.token_end, gazetteer)
            if m is not None and _has_place_cue(ann, m) and gazetteer.contains(mention_text(ann, m)):
                m.weak = not is_upper_dateline(ann, m.start, m.end, sentence_starts)
                mentions.append(m)
            elif ent.label in ("ORG", "PERSON"):
                # "the Texas Forest Service", "University of Alexandria": a place named inside an organisation;
                # "Anderson County Sheriff Greg Taylor": a county's officer read as one person
                for s, e in embedded_runs(ann, ent.token_start, ent.token_end, gazetteer.contains):
                    civic = is_civic_run(ann, s, e)
                    if (ent.label == "ORG" or civic) and not _demonym_country(
                            ann.text[toks[s].start : toks[e - 1].end], gazetteer):
                        mentions.append(Mention(s, e, weak=True, embedded=True, civic=civic))
    i = 0
    while i < len(toks):
        if blocked[i] or toks[i].pos != "PROPN" or not toks[i].text[:1].isupper():
            i += 1
            continue
        found = _longest_match(ann, i, blocked, gazetteer, person)
        if found is None or (i in sentence_starts and not _followed_by_admin_word(ann, found)
                             and not is_upper_dateline(ann, i, found, sentence_starts)) or (
                _after_name_direction(ann, i, found) and not _well_known(gazetteer, ann.text[toks[i].start : toks[found - 1].end])):
            i += 1
            continue
        # an upper-case dateline ("BEIRUT (AP) —") is where the report was filed: no other evidence needed
        m = extend_mention(ann, Mention(i, found, weak=not is_upper_dateline(ann, i, found, sentence_starts)))
        if _has_place_cue(ann, m):
            mentions.append(m)
        i = m.end
    mentions.sort(key=lambda m: (m.start, -m.end))
    # "Nad-e Ali district" found by the scan holds the "Ali" the model took for a person
    mentions = [m for k, m in enumerate(mentions) if not any(
        o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end) for o in mentions[max(0, k - 3):k])]
    # "the West", "North": a compass word alone is a direction, not Cameroon's West Region
    mentions = [m for m in mentions if m.hint or mention_text(ann, m).lower() not in _DIRECTIONS]
    for m in mentions:
        m.near = _near_cue(ann, m.start)
    return mentions, demonyms


def _no_date_words(ann: Annotations, start: int, end: int) -> bool:
    toks = ann.tokens[start:end]
    months, weekdays = _calendar_names()
    return all(t.pos == "PROPN" and not any(ch.isdigit() for ch in t.text) and t.text.lower() not in _HOLIDAYS
               and t.text.lower().rstrip(".") not in months and t.text.lower() not in weekdays for t in toks)


@lru_cache(maxsize=1)
def _calendar_names() -> tuple[frozenset[str], frozenset[str]]:
    """Month names and abbreviations, and weekday names, lower case, from the lexicon's calendar section.
    English for now: the places stage gets the pipeline's lexicon when it becomes a package."""
    lex = default_lexicon()
    months = {*lex.table("calendar", "months"), *lex.table("calendar", "month_abbreviations")}
    return frozenset(months), frozenset(lex.table("calendar", "weekdays"))


# Feasts and months the model rightly tags DATE and a gazetteer also knows as towns ("in Ramadan", "at Christmas").
_HOLIDAYS = frozenset({"ramadan", "ramzan", "eid", "christmas", "easter", "lent", "advent", "pentecost", "passover",
                       "ashura", "nowruz", "diwali", "hanukkah", "thanksgiving", "halloween", "kippur", "hashanah",
                       "muharram", "safar", "rajab", "shaban", "shawwal", "dhu", "hijjah", "qadah"})


def person_names(ann: Annotations) -> set[str]:
    """Surnames of the full names the model gives people in this text ("John Kelly" -> "Kelly"); a one-word
    PERSON is left out, because the small model calls unfamiliar towns people."""
    out: set[str] = set()
    for ent in ann.entities:
        last = ann.tokens[ent.token_end - 1]
        if ent.label == "PERSON" and ent.token_end - ent.token_start > 1 and last.text[:1].isupper() and (
                last.pos == "PROPN"):
            out.add(last.text)
    return out


def vouched_embedded(ann: Annotations, looked_up: list, gazetteer: GazetteerLike) -> list:
    """Keep a name found inside an organisation's name only when the article names that place elsewhere too,
    or it is a country or state by its own name ("U.S. Department of Education", "Ohio Board of Regents"):
    "Independence Seaport Museum" and "Central Activities Center" are not about towns."""
    named = {gazetteer.normalize(mention_text(ann, m)) for m, _ in looked_up if not m.embedded}
    out = []
    for m, candidates in looked_up:
        if m.embedded:
            key = gazetteer.normalize(mention_text(ann, m))
            big = [c for c in candidates[:2] if c.feature in ("country", "admin1")]
            # a civic word vouches for a town, not for a hamlet that shares an English word ("the Supreme Court")
            civic = m.civic and any(c.feature == "admin2" or c.population >= 5000 for c in candidates[:3])
            if key not in named and not big and not civic:
                continue
        out.append((m, candidates))
    return out


def _hyphen_modifier(ann: Annotations, end: int) -> bool:
    """ "US-led", "Iranian-backed", "Saudi-based": the name qualifies an actor, it is not a location."""
    toks = ann.tokens
    return end + 1 < len(toks) and toks[end].text == "-" and toks[end].start == toks[end - 1].end and (
        toks[end + 1].text.lower() in _HYPHEN_QUALIFIERS)


_HYPHEN_QUALIFIERS = frozenset({"led", "backed", "based", "made", "born", "funded", "supported", "allied", "aligned",
                                "trained", "armed", "sponsored", "controlled", "held", "run", "owned"})


def _longest_match(ann: Annotations, i: int, blocked: list[bool], gazetteer: GazetteerLike,
                   person: set[int] = frozenset()) -> int | None:
    toks = ann.tokens
    best = None
    j = i
    while j < len(toks) and j - i < MAX_RUN and (not blocked[j] or j in person):
        t = toks[j]
        if j > i and t.start > toks[j - 1].end + 1:
            break
        if t.pos != "PROPN" and t.text.lower() not in _NAME_JOINERS:
            break
        j += 1
        if t.pos == "PROPN" and gazetteer.contains(ann.text[toks[i].start : t.end]):
            best = j
    return best


def _trim(ann: Annotations, start: int, end: int, gazetteer: GazetteerLike) -> Mention | None:
    """Drop "the", directions and a possessive from an entity; keep a trailing "province" as a feature hint.

    A direction that is part of the name stays: "West Bank", "South Carolina", "North Waziristan".
    """
    toks = ann.tokens
    while end > start and toks[end - 1].text in ("'s", "’s", "'", "’", ",", "."):
        end -= 1
    directed = False
    while start < end and (toks[start].text.lower() == "the" or (
            toks[start].text.lower() in _DIRECTIONS and end - start > 1
            and not gazetteer.contains(ann.text[toks[start].start : toks[end - 1].end]))):
        directed = directed or toks[start].text.lower() in _DIRECTIONS
        start += 1
    if start >= end:
        return None
    if directed and end - start == 1 and not _well_known(gazetteer, ann.text[toks[start].start : toks[end - 1].end]):
        return None  # "Eastern Ukraine" is Ukraine, but "the West Wing" is not the village of Wing
    return extend_mention(ann, Mention(start, end))


def _after_name_direction(ann: Annotations, start: int, end: int) -> bool:
    """A one-word name after a capitalised direction of the same name: the "Wing" of "the West Wing"."""
    toks = ann.tokens
    prev = toks[start - 1] if start > 0 else None
    return end - start == 1 and prev is not None and prev.text.lower() in _DIRECTIONS and prev.text[:1].isupper() and (
        prev.end + 1 >= toks[start].start)


def _well_known(gazetteer: GazetteerLike, name: str) -> bool:
    return any(c.feature in ("country", "admin1", "region") or c.population >= WELL_KNOWN_POPULATION
               for c in gazetteer.lookup(name))


# A direction before a one-word name is trimmed only when the name is this big: "West Mosul", not "West Wing".
WELL_KNOWN_POPULATION = 100_000


def extend_mention(ann: Annotations, m: Mention) -> Mention:
    toks = ann.tokens
    last = toks[m.end - 1].text.lower()
    if last in ADMIN_WORDS and m.end - m.start > 1:
        m.hint = ADMIN_WORDS[last]
    elif m.end < len(toks) and toks[m.end].text.lower() in ADMIN_WORDS and toks[m.end].text.lower() not in (
        "city", "town", "village", "state"
    ):
        m.hint = ADMIN_WORDS[toks[m.end].text.lower()]
        m.end += 1
    elif m.start >= 2 and toks[m.start - 1].text.lower() == "of" and toks[m.start - 2].text.lower() in ADMIN_WORDS:
        m.hint = ADMIN_WORDS[toks[m.start - 2].text.lower()]  # "the town of Amerli", "the province of Anbar"
    return m


# Conjuncts walked back to the list's first member: real lists of places are far shorter.
_MAX_CONJUNCTS = 50


def _followed_by_admin_word(ann: Annotations, end: int) -> bool:
    return end < len(ann.tokens) and ann.tokens[end].text.lower() in ADMIN_WORDS


def _has_place_cue(ann: Annotations, m: Mention) -> bool:
    """Words around a capitalised name that say it is a place: "in X", "X province", "retook X"."""
    # A list of names shares its first member's cue. The walk up the chain of conjuncts is a bounded loop, not
    # recursion: odd text (100 KB with no space, "the.drone.struck.a.market…") can parse as a chain thousands long.
    for _ in range(_MAX_CONJUNCTS):
        cue = _own_place_cue(ann, m)
        if cue is not None:
            return cue
        head = ann.tokens[_root(ann, m)].head
        if ann.tokens[head].ent_type in PLACE_LABELS:
            return True
        m = Mention(head, head + 1)
    return False


def _own_place_cue(ann: Annotations, m: Mention) -> bool | None:
    """Whether the words around ``m`` say it is a place; None when ``m`` is a conjunct that shares its head's cue."""
    toks = ann.tokens
    if m.hint or (m.start > 0 and toks[m.start - 1].text.lower() in _LOCATIVE) or _is_dateline(ann, m):
        return True
    if m.start > 1 and toks[m.start - 1].text in _DIRECTIONS and toks[m.start - 2].text.lower() in _LOCATIVE:
        return True  # "the last patch of eastern Ghouta", "in northern Helmand"
    if party_home(ann, m.start) or (m.end < len(toks) and toks[m.end].text.lower() in CIVIC_WORDS):
        return True
    if modifies_local_noun(ann, m.start, m.end) or is_upper_dateline(
            ann, m.start, m.end, {s.token_start for s in ann.sentences}):
        return True
    root = toks[_root(ann, m)]
    if root.dep == "conj" and root.head != root.i:
        return None  # "attacked Hit and Haditha": the second name shares the first one's role
    head = toks[root.head]
    if root.dep in ("dobj", "nsubjpass", "pobj") and (head.lemma in _TERRITORIAL_VERBS
                                                      or head.text.lower() in _TERRITORIAL_VERBS):
        return True
    return root.dep == "pobj" and head.text.lower() in _LOCATIVE


def _is_dateline(ann: Annotations, m: Mention) -> bool:
    return is_dateline_span(ann, ann.tokens[m.start].start, ann.tokens[m.end - 1].end)


def _root(ann: Annotations, m: Mention) -> int:
    """The token of the mention whose head lies outside it."""
    for j in range(m.start, m.end):
        h = ann.tokens[j].head
        if h < m.start or h >= m.end or h == j:
            return j
    return m.end - 1


def _is_speaking_subject(ann: Annotations, m: Mention) -> bool:
    # "Cairo said", "Iraq condemned": the government talking, not a place where something happened.
    root = ann.tokens[_root(ann, m)]
    return root.dep == "nsubj" and ann.tokens[root.head].lemma in _SPEECH_VERBS


def _near_cue(ann: Annotations, start: int) -> bool:
    """ "near X", "outside X", "the outskirts of X", "20 km north of X"."""
    toks = ann.tokens
    if start == 0:
        return False
    prev = toks[start - 1].text.lower()
    if prev in _NEAR_WORDS:
        return True
    if prev in ("of", "to", "from") and start >= 2:
        before = toks[start - 2].text.lower()
        return before in _NEAR_NOUNS or before in _DIRECTIONS or before in ("close", "west", "east")
    return False


def _demonym_country(text: str, gazetteer: GazetteerLike) -> str | None:
    """The country of a demonym ("Iraqi" -> IQ, "Lebanese" -> LB), when a suffix rule finds one."""
    word = text.strip()
    if " " in word or not word[:1].isupper():
        return None
    listed = getattr(gazetteer, "demonym_country", None)
    if listed is not None and listed(word):
        return listed(word)
    if any(e.feature == "country" for e in gazetteer.lookup(word)):
        return None  # a country's own name is not a demonym
    for suffix, repl in _DEMONYM_RULES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            for e in gazetteer.lookup(word[: len(word) - len(suffix)] + repl):
                if e.feature == "country":
                    return e.country
    return None


def mention_text(ann: Annotations, m: Mention) -> str:
    return ann.text[ann.tokens[m.start].start : ann.tokens[m.end - 1].end]


__all__ = ["ADMIN_WORDS", "PLACE_LABELS", "EntryLike", "GazetteerLike", "Mention", "extend_mention", "mention_text",
           "person_names", "recognise", "vouched_embedded"]
