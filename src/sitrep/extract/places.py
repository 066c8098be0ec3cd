"""The places stage: find toponyms in annotated text and resolve them to gazetteer entries using document context.

The gazetteer is passed in (anything shaped like ``GazetteerLike``); this module never loads one itself.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from sitrep.extract._calendar import MONTHS, WEEKDAYS
from sitrep.extract._place_context import country_context, region_context
from sitrep.extract._place_cues import (
    CIVIC_WORDS,
    embedded_runs,
    is_civic_run,
    is_upper_dateline,
    modifies_local_noun,
    party_home,
)
from sitrep.extract._place_links import admin_links
from sitrep.extract._place_score import candidate_features, log_pop
from sitrep.extract._place_score import score as score_features
from sitrep.extract._place_sites import inner_names, site_extent, site_town
from sitrep.extract._text import is_dateline_span, paragraph_index_at
from sitrep.model import Annotations, GeoPrecision, Place, stable_id

log = logging.getLogger(__name__)

EXTRACTOR = "places@6"


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
# admin1 populations are sums over their towns, so their prior is lower than a city's to even that out
_FEATURE_PRIOR = {"country": 1.5, "region": 0.5, "landmark": 0.5, "admin1": 0.1, "city": 0.3, "admin2": -0.2}
_PRECISION = {"city": GeoPrecision.EXACT, "landmark": GeoPrecision.EXACT, "admin2": GeoPrecision.ADMIN2,
              "admin1": GeoPrecision.ADMIN1, "region": GeoPrecision.ADMIN1, "country": GeoPrecision.COUNTRY}
MAX_RUN = 5
_PARTNER_SHARE = 0.8


@dataclass(slots=True)
class _Mention:
    start: int  # token indices, end exclusive
    end: int
    hint: str | None = None  # feature the text names ("Anbar province" -> admin1)
    weak: bool = False  # found without the NER calling it a place: needs context to be kept
    near: bool = False
    label: str = ""  # the NER label, when the model tagged it
    embedded: bool = False  # part of an organisation's name ("the Texas Forest Service")
    civic: bool = False  # embedded and named as the place an institution serves ("Athens Police Department")
    site: bool = False  # a street, building or base inside a town ("Baghdad International Airport")


def extract_places(ann: Annotations, *, gazetteer: GazetteerLike, dateline_country: str | None = None) -> list[Place]:
    """One ``Place`` per toponym mention, in text order, resolved against ``gazetteer`` where possible."""
    if not ann.tokens:
        return []
    mentions, demonym_countries = _recognise(ann, gazetteer)
    looked_up = [(m, _lookup(ann, m, gazetteer)) for m in mentions]
    looked_up = _vouched_embedded(ann, _with_sites(ann, looked_up, gazetteer), gazetteer)
    context = _context(ann, looked_up, demonym_countries, gazetteer, dateline_country)
    regions = region_context(((gazetteer.normalize(_text(ann, m)), m.weak, cands) for m, cands in looked_up),
                             gazetteer.normalize)
    ranked = _rank(ann, looked_up, context, regions, gazetteer, None)
    # second pass: the states and provinces of the other places as first resolved (the article's home region)
    keys = [gazetteer.normalize(_text(ann, m)) for m, _ in looked_up]
    home = region_context(((k, m.weak, [sc[0][1]] if sc and sc[0][1].feature != "country" else [])
                           for k, (m, _), sc in zip(keys, looked_up, ranked, strict=True)), gazetteer.normalize)
    ranked = _rank(ann, looked_up, context, regions, gazetteer, home)
    places, kept = [], []
    for i, (m, _) in enumerate(looked_up):
        if m.weak and not _keep_weak(ranked[i], context[i]):
            continue
        if not ranked[i] and not m.site and not any(t.pos == "PROPN" for t in ann.tokens[m.start : m.end]):
            continue  # "Gunmen attacked ...": the model's place label on a common noun, and no place of that name
        places.append(_place(ann, m, ranked[i]))
        kept.append(m)
    return _sites_placed_by_context(ann, places, kept)


def _with_sites(ann: Annotations, looked_up: list, gazetteer: GazetteerLike) -> list:
    """Grow a mention inside a site's name to the whole site ("Seoul" -> "Seoul Central District Court", looked up
    as Seoul), and split a place entity the gazetteer does not know into the known names inside it."""
    out: list = []
    sites: list[tuple[int, int]] = []
    for m, candidates in looked_up:
        if any(s <= m.start and m.end <= e for s, e in sites):
            continue
        extent = site_extent(ann, m.start, m.end)
        if extent is not None and not gazetteer.contains(ann.text[ann.tokens[extent[0]].start : ann.tokens[extent[1] - 1].end]):
            town = site_town(ann, *extent, gazetteer.contains)
            found = _lookup(ann, _Mention(*town), gazetteer) if town else []
            guessed = m.weak or m.embedded  # the model did not call it a place: a hamlet is not enough
            if guessed and not any(c.feature != "city" or c.population >= 5000 for c in found[:3]):
                town, found = None, []  # "the Supreme Court" is not in Supreme, Ohio
            # the evidence is the town's own words when it has them: the place resolved is that town
            site = _Mention(*(town or extent), near=True, label=m.label or "FAC", site=True, weak=guessed)
            out = [(o, c) for o, c in out if not (extent[0] <= o.start and o.end <= extent[1])]
            out.append((site, found))
            sites.append(extent)
            continue
        if not candidates and m.end - m.start > 1 and m.label in PLACE_LABELS:
            inner = [_extend(ann, _Mention(s, e, label=m.label)) for s, e in inner_names(ann, m.start, m.end, gazetteer.contains,
                                                                                tail=m.label != "FAC")]
            if inner:
                out += [(n, _lookup(ann, n, gazetteer)) for n in inner]
                continue
        out.append((m, candidates))
    out.sort(key=lambda mc: mc[0].start)
    return out


def _sites_placed_by_context(ann: Annotations, places: list[Place], mentions: list[_Mention]) -> list[Place]:
    """A site whose name holds no town ("Royal Street", "Central Mental Hospital") is placed near the town the
    article names last before it (in its paragraph if it can), else the next one: precision ``near``.  With no
    town in the article it is left out."""
    towns = [(i, p) for i, p in enumerate(places) if p.lat is not None and p.feature in ("city", "admin2")
             and not mentions[i].site]
    out = []
    for i, (p, m) in enumerate(zip(places, mentions, strict=True)):
        if m.site and p.lat is None and (m.weak or not towns):
            continue  # nothing says where "the Independence Seaport Museum" is
        if m.site and p.lat is None:
            para = paragraph_index_at(ann, p.evidence[0].start)
            before = [t for j, t in towns if j < i]
            same = [t for t in before if paragraph_index_at(ann, t.evidence[0].start) == para]
            town = (same or before or [t for j, t in towns if j > i])[-1 if (same or before) else 0]
            p = replace(p, geonames_id=town.geonames_id, feature=town.feature, country=town.country,
                        admin1=town.admin1, admin2=town.admin2, lat=town.lat, lon=town.lon,
                        precision=GeoPrecision.NEAR, candidates=({"geonames_id": town.geonames_id, "name": town.name,
                                                                  "feature": town.feature, "via": "article context"},))
        out.append(p)
    return out


def _rank(ann: Annotations, looked_up: list, context: list, regions: list, gazetteer: GazetteerLike,
          home: list | None) -> list[list]:
    out = []
    links = admin_links([(gazetteer.normalize(_text(ann, m)), cands) for m, cands in looked_up], gazetteer.normalize)
    for i, (m, candidates) in enumerate(looked_up):
        qualifier = _qualifier(looked_up, i, ann)
        qualifying = _is_qualifier(looked_up, i, ann)
        top = max((log_pop(c) for c in candidates if c.population), default=0.0)
        key = gazetteer.normalize(_text(ann, m))
        country_named = any(c.feature == "country" and gazetteer.normalize(c.name) == key for c in candidates)
        scored = [(_score(ann, m, c, context[i], qualifier, gazetteer, qualifying=qualifying, regions=regions[i],
                          top_log_pop=top, home=home[i] if home else None, linked=k in links[i],
                          country_named=country_named), c)
                  for k, c in enumerate(candidates)]
        if not m.hint:
            scored = _prefer_city_over_its_namesake(scored)
        scored.sort(key=lambda sc: -sc[0])
        out.append(scored)
    return out


# --------------------------------------------------------------------------- recognition


def _recognise(ann: Annotations, gazetteer: GazetteerLike) -> tuple[list[_Mention], Counter]:
    toks = ann.tokens
    blocked = [False] * len(toks)
    person: set[int] = set()  # a run that starts outside a PERSON entity may go on into it
    sentence_starts = {s.token_start for s in ann.sentences}
    demonyms: Counter = Counter()
    mentions: list[_Mention] = []
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
            if m is not None and _has_place_cue(ann, m) and gazetteer.contains(_text(ann, m)):
                m.weak = not is_upper_dateline(ann, m.start, m.end, sentence_starts)
                mentions.append(m)
            elif ent.label in ("ORG", "PERSON"):
                # "the Texas Forest Service", "University of Alexandria": a place named inside an organisation;
                # "Anderson County Sheriff Greg Taylor": a county's officer read as one person
                for s, e in embedded_runs(ann, ent.token_start, ent.token_end, gazetteer.contains):
                    civic = is_civic_run(ann, s, e)
                    if (ent.label == "ORG" or civic) and not _demonym_country(
                            ann.text[toks[s].start : toks[e - 1].end], gazetteer):
                        mentions.append(_Mention(s, e, weak=True, embedded=True, civic=civic))
    i = 0
    while i < len(toks):
        if blocked[i] or toks[i].pos != "PROPN" or not toks[i].text[:1].isupper():
            i += 1
            continue
        found = _longest_match(ann, i, blocked, gazetteer, person)
        if found is None or (i in sentence_starts and not _followed_by_admin_word(ann, found)
                             and not is_upper_dateline(ann, i, found, sentence_starts)):
            i += 1
            continue
        # an upper-case dateline ("BEIRUT (AP) —") is where the report was filed: no other evidence needed
        m = _extend(ann, _Mention(i, found, weak=not is_upper_dateline(ann, i, found, sentence_starts)))
        if _has_place_cue(ann, m):
            mentions.append(m)
        i = m.end
    mentions.sort(key=lambda m: (m.start, -m.end))
    # "Nad-e Ali district" found by the scan holds the "Ali" the model took for a person
    mentions = [m for k, m in enumerate(mentions) if not any(
        o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end) for o in mentions[max(0, k - 3):k])]
    # "the West", "North": a compass word alone is a direction, not Cameroon's West Region
    mentions = [m for m in mentions if m.hint or _text(ann, m).lower() not in _DIRECTIONS]
    for m in mentions:
        m.near = _near_cue(ann, m.start)
    return mentions, demonyms


def _no_date_words(ann: Annotations, start: int, end: int) -> bool:
    toks = ann.tokens[start:end]
    return all(t.pos == "PROPN" and not any(ch.isdigit() for ch in t.text) and t.text.lower() not in _HOLIDAYS
               and t.text.lower().rstrip(".") not in MONTHS and t.text.lower() not in WEEKDAYS for t in toks)


# Feasts and months the model rightly tags DATE and a gazetteer also knows as towns ("in Ramadan", "at Christmas").
_HOLIDAYS = frozenset({"ramadan", "ramzan", "eid", "christmas", "easter", "lent", "advent", "pentecost", "passover",
                       "ashura", "nowruz", "diwali", "hanukkah", "thanksgiving", "halloween", "kippur", "hashanah",
                       "muharram", "safar", "rajab", "shaban", "shawwal", "dhu", "hijjah", "qadah"})


def _vouched_embedded(ann: Annotations, looked_up: list, gazetteer: GazetteerLike) -> list:
    """Keep a name found inside an organisation's name only when the article names that place elsewhere too,
    or it is a country or state by its own name ("U.S. Department of Education", "Ohio Board of Regents"):
    "Independence Seaport Museum" and "Central Activities Center" are not about towns."""
    named = {gazetteer.normalize(_text(ann, m)) for m, _ in looked_up if not m.embedded}
    out = []
    for m, candidates in looked_up:
        if m.embedded:
            key = gazetteer.normalize(_text(ann, m))
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


def _trim(ann: Annotations, start: int, end: int, gazetteer: GazetteerLike) -> _Mention | None:
    """Drop "the", directions and a possessive from an entity; keep a trailing "province" as a feature hint.

    A direction that is part of the name stays: "West Bank", "South Carolina", "North Waziristan".
    """
    toks = ann.tokens
    while end > start and toks[end - 1].text in ("'s", "’s", "'", "’", ",", "."):
        end -= 1
    while start < end and (toks[start].text.lower() == "the" or (
            toks[start].text.lower() in _DIRECTIONS and end - start > 1
            and not gazetteer.contains(ann.text[toks[start].start : toks[end - 1].end]))):
        start += 1
    if start >= end:
        return None
    return _extend(ann, _Mention(start, end))


def _extend(ann: Annotations, m: _Mention) -> _Mention:
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


def _followed_by_admin_word(ann: Annotations, end: int) -> bool:
    return end < len(ann.tokens) and ann.tokens[end].text.lower() in ADMIN_WORDS


def _has_place_cue(ann: Annotations, m: _Mention) -> bool:
    """Words around a capitalised name that say it is a place: "in X", "X province", "retook X"."""
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
        # "attacked Hit and Haditha": the second name shares the first one's role
        return toks[root.head].ent_type in PLACE_LABELS or _has_place_cue(ann, _Mention(root.head, root.head + 1))
    head = toks[root.head]
    if root.dep in ("dobj", "nsubjpass", "pobj") and (head.lemma in _TERRITORIAL_VERBS
                                                      or head.text.lower() in _TERRITORIAL_VERBS):
        return True
    return root.dep == "pobj" and head.text.lower() in _LOCATIVE


def _is_dateline(ann: Annotations, m: _Mention) -> bool:
    return is_dateline_span(ann, ann.tokens[m.start].start, ann.tokens[m.end - 1].end)


def _root(ann: Annotations, m: _Mention) -> int:
    """The token of the mention whose head lies outside it."""
    for j in range(m.start, m.end):
        h = ann.tokens[j].head
        if h < m.start or h >= m.end or h == j:
            return j
    return m.end - 1


def _is_speaking_subject(ann: Annotations, m: _Mention) -> bool:
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


def _text(ann: Annotations, m: _Mention) -> str:
    return ann.text[ann.tokens[m.start].start : ann.tokens[m.end - 1].end]


# --------------------------------------------------------------------------- resolution


def _lookup(ann: Annotations, m: _Mention, gazetteer: GazetteerLike) -> list[EntryLike]:
    text = _text(ann, m)
    found = list(gazetteer.lookup(text))
    if m.hint and ann.tokens[m.end - 1].text.lower() in ADMIN_WORDS and m.end - m.start > 1:
        bare = ann.text[ann.tokens[m.start].start : ann.tokens[m.end - 2].end]
        seen = {id(e) for e in found}
        found += [e for e in gazetteer.lookup(bare) if id(e) not in seen]
    return found


def _context(ann: Annotations, looked_up: list, demonyms: Counter, gazetteer: GazetteerLike,
             dateline_country: str | None) -> list[dict[str, float]]:
    """For each mention, how strongly the rest of the document is about each country: named countries,
    unambiguous places, demonyms, dateline.  A name never vouches for itself, in any of its mentions: five
    "Georgia"s in an article about Athens and Oconee County do not make it about the Caucasus."""
    fixed: Counter = Counter()
    for country, n in demonyms.items():
        fixed[country] += 0.25 * n  # "the Turkish border" says less about where things happen than a place name
    if dateline_country:
        fixed[dateline_country.upper()] += 3
    votes = []
    for m, candidates in looked_up:
        key = gazetteer.normalize(_text(ann, m))
        votes.append((key, _country_vote(m, key, candidates, gazetteer)))
    weights = country_context(votes, fixed)
    partners = getattr(gazetteer, "context_partners", None)
    if partners is None:
        return weights
    out = []
    for w in weights:
        # an article about Israel names Gaza as its own scene: the partner gets most of the country's weight
        shared = {p: _PARTNER_SHARE * v for c, v in w.items() for p in partners(c)}
        out.append({**w, **{p: max(v, w.get(p, 0.0)) for p, v in shared.items()}} if shared else w)
    return out


def _country_vote(m: _Mention, key: str, candidates: list, gazetteer: GazetteerLike) -> tuple[str, float] | None:
    if not candidates:
        return None
    share = 0.5 if m.weak else 1.0  # a name the model did not tag counts for less
    countries = {c.country for c in candidates if c.country}
    exact_country = [c for c in candidates if c.feature == "country" and gazetteer.normalize(c.name) == key]
    hinted = {c.country for c in candidates if m.hint and c.feature == m.hint}
    if exact_country:
        return exact_country[0].country, 2 * share
    if len(hinted) == 1:
        return hinted.pop(), share  # "the Donetsk region": only one country has a region of that name
    if len(countries) == 1:
        return countries.pop(), share
    ranked = sorted(candidates, key=lambda c: -_prior(c))
    if len(ranked) > 1 and _prior(ranked[0]) - _prior(ranked[1]) > 0.6 and ranked[0].country:
        return ranked[0].country, 0.5 * share
    return None


def _prior(c: EntryLike) -> float:
    return 0.12 * math.log10(c.population + 1) + _FEATURE_PRIOR.get(c.feature, 0.0)


def _is_qualifier(looked_up: list, i: int, ann: Annotations) -> bool:
    """Whether this place qualifies the one before it (the "Louisiana" of "Alexandria, Louisiana")."""
    return i > 0 and bool(_qualifier(looked_up, i - 1, ann))


def _qualifier(looked_up: list, i: int, ann: Annotations) -> list[EntryLike]:
    """Candidates of a place written right after this one with a comma: "Alexandria, Louisiana"."""
    m = looked_up[i][0]
    if i + 1 >= len(looked_up) or m.end >= len(ann.tokens) or ann.tokens[m.end].text != ",":
        return []
    nxt, candidates = looked_up[i + 1]
    return candidates if nxt.start == m.end + 1 else []


def _score(ann: Annotations, m: _Mention, c: EntryLike, context: dict[str, float], qualifier: list[EntryLike],
           gazetteer: GazetteerLike, *, qualifying: bool = False, regions: dict | None = None,
           top_log_pop: float = 0.0, home: dict | None = None, linked: bool = False,
           country_named: bool = False) -> float:
    key = gazetteer.normalize(_text(ann, m))
    own = _bare(gazetteer.normalize(c.name)) == _bare(key)
    if own and c.feature == "city" and country_named and gazetteer.normalize(c.name) != key:
        own = False  # "Mexico" names the country; Mexico City is its own name only for "Gaza" and the like
    region = home_region = 0.0
    if c.feature in ("city", "admin1", "admin2", "landmark") and c.admin1:
        region = regions.get((c.country, c.admin1), 0.0) if regions else 0.0
        home_region = home.get((c.country, c.admin1), 0.0) if home else 0.0
    f = candidate_features(c, own_name=own, hint=m.hint, label=m.label, qualifying=qualifying,
                           country_ctx=context.get(c.country, 0.0) if c.country else 0.0, region_ctx=region,
                           qualifier_match=any(_qualifies(q, c) for q in qualifier), top_log_pop=top_log_pop,
                           home_region=home_region, admin_link=linked)
    return score_features(f)


def _qualifies(q: EntryLike, c: EntryLike) -> bool:
    """Whether ``q`` written after ``c`` ("Alexandria, Louisiana") names c's country or state."""
    if q.feature == "country":
        return q.country == c.country
    return q.feature in ("admin1", "region") and q.country == c.country and bool(c.admin1) and q.admin1 == c.admin1


def _prefer_city_over_its_namesake(scored: list) -> list:
    """A bare "Kirkuk" is the city more often than the governorate around it: the city scores at least as high."""
    out = []
    for s, c in scored:
        if c.feature == "city":
            # only a city that is a large part of its region: "Kirkuk", not the village of Minnesota, Minnesota
            namesakes = [s2 for s2, a in scored if a.feature in ("admin1", "admin2") and a.country == c.country
                         and a.admin1 == c.admin1 and c.population * 10 >= a.population]
            s = max([s, *(s2 + 0.05 for s2 in namesakes)])
        out.append((s, c))
    return out


def _bare(key: str) -> str:
    """A name without its article or a trailing "city": "Gaza" is Gaza City's own name, not an alternate."""
    for article in ("the ", "al ", "el "):
        if key.startswith(article):
            key = key[len(article) :]
            break
    return key[:-5] if key.endswith(" city") and len(key) > 7 else key


def _keep_weak(scored: list, context: dict[str, float]) -> bool:
    if not scored:
        return False
    countries = {c.country for _, c in scored}
    if scored[0][1].feature in ("country", "admin1"):
        return True  # "U.S.", "Moldova", "Ohio" with a place cue need no other evidence
    return any(context.get(c.country or "", 0) > 0 for _, c in scored[:3]) or len(countries) == 1


def _place(ann: Annotations, m: _Mention, scored: list) -> Place:
    start, end = ann.tokens[m.start].start, ann.tokens[m.end - 1].end
    evidence = (ann.evidence(start, end),)
    name = ann.text[start:end]
    if not scored:
        return Place(name=name, evidence=evidence, id=stable_id("pl", start, end, None), extractor=EXTRACTOR)
    best_score, best = scored[0]
    precision = _PRECISION.get(best.feature, GeoPrecision.UNKNOWN)
    if m.site or (m.near and best.feature in ("city", "landmark")):
        precision = GeoPrecision.NEAR
    candidates = tuple(
        {"geonames_id": c.geonames_id, "name": c.name, "feature": c.feature, "country": c.country,
         "admin1": c.admin1, "score": round(s, 3)}
        for s, c in scored[:3]
    )
    return Place(
        name=name, geonames_id=best.geonames_id, feature=best.feature, country=best.country, admin1=best.admin1,
        admin2=best.admin2, lat=best.lat, lon=best.lon, precision=precision, evidence=evidence,
        id=stable_id("pl", start, end, best.geonames_id), score=round(best_score, 3), candidates=candidates,
        extractor=EXTRACTOR,
    )


__all__ = ["EXTRACTOR", "GazetteerLike", "extract_places"]
