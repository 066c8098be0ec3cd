"""Where a place name begins and ends in the tokens, and what kind of place its own words say it is.

An entity loses "the", a leading direction and a possessive ("eastern Ukraine's" -> "Ukraine") unless the gazetteer
knows the whole ("West Bank"); "Anbar province" and "the town of Amerli" carry a feature hint; a run of capitalised
words is matched against the gazetteer, longest first; an organisation's name may hold a place ("the Texas Forest
Service"); a demonym ("Iraqi") names a country without being a place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sitrep.extract.places.records import GazetteerLike, Mention
from sitrep.extract.places.words import PlaceWords
from sitrep.model import Annotations

MAX_RUN = 5  # words in a place name found by scanning the gazetteer
# A direction before a one-word name is trimmed only when the name is this big: "West Mosul", not "West Wing".
WELL_KNOWN_POPULATION = 100_000


# Marks a model may take into an entity at its end: "DHAKA -" (a dateline's dash), "Kabul,".
_TRAILING = (",", ".", "-", "\u2013", "\u2014", ":")


def trim(ann: Annotations, start: int, end: int, gazetteer: GazetteerLike, w: PlaceWords) -> Mention | None:
    """Drop "the", directions, a possessive and a trailing mark ("DHAKA -") from an entity; keep a trailing
    "province" as a feature hint.

    A direction that is part of the name stays: "West Bank", "South Carolina", "North Waziristan".
    """
    toks = ann.tokens
    while end > start and (toks[end - 1].text in w.possessive_endings or toks[end - 1].text in _TRAILING):
        end -= 1
    directed = False
    while start < end and (toks[start].text.lower() in w.definite_articles or (
            toks[start].text.lower() in w.directions and end - start > 1
            and not gazetteer.contains(ann.text[toks[start].start : toks[end - 1].end]))):
        directed = directed or toks[start].text.lower() in w.directions
        start += 1
    if start >= end:
        return None
    if directed and end - start == 1 and not well_known(gazetteer, ann.text[toks[start].start : toks[end - 1].end]):
        return None  # "Eastern Ukraine" is Ukraine, but "the West Wing" is not the village of Wing
    return extend_mention(ann, Mention(start=start, end=end), w)


def extend_mention(ann: Annotations, m: Mention, w: PlaceWords) -> Mention:
    """The mention with the feature its admin word names: "Anbar province" (inside it or right after it, which is
    then taken in), "the province of Anbar" (before it)."""
    toks = ann.tokens
    last = toks[m.end - 1].text.lower()
    if last in w.admin_words and m.end - m.start > 1:
        return replace(m, hint=w.admin_words[last])
    after = toks[m.end].text if m.end < len(toks) else ""
    if after.lower() in w.admin_words and after.lower() not in w.admin_words_kept_apart:
        return replace(m, hint=w.admin_words[after.lower()], end=m.end + 1)
    if after in w.admin_words:
        # "Kaduna state", "Kirkuk city" in lower case say which of a name's places is meant, though they are not
        # taken into the name ("Ohio State" is written in capitals) nor make a word a place ("Battleground state")
        return replace(m, kind=w.admin_words[after])
    if m.start >= 2 and toks[m.start - 1].text.lower() in w.of_words and toks[m.start - 2].text.lower() in w.admin_words:
        return replace(m, hint=w.admin_words[toks[m.start - 2].text.lower()])  # "the town of Amerli"
    return with_kind_phrase(ann, m, w)


def with_kind_phrase(ann: Annotations, m: Mention, w: PlaceWords) -> Mention:
    """The mention with the kind an admin phrase after it says ("Bassa local government area"; "Wase Local
    Government Area of Plateau", though the model takes it all for an organisation), not taken into the name."""
    phrase = _admin_phrase(ann, m.end, w)
    return m if phrase is None else replace(m, kind=phrase[1])


def kind_after(ann: Annotations, end: int, w: PlaceWords) -> int:
    """Where the words naming a unit's kind right after token ``end`` stop ("Bassa| local government area",
    "Kaduna| state"): ``end`` itself when there are none."""
    toks = ann.tokens
    if end < len(toks) and toks[end].text.lower() in w.admin_words:
        return end + 1
    phrase = _admin_phrase(ann, end, w)
    return phrase[0] if phrase is not None else end


def _admin_phrase(ann: Annotations, i: int, w: PlaceWords) -> tuple[int, str] | None:
    """The end and feature class of the longest admin phrase at token ``i`` ("local government area")."""
    words = tuple(t.text.lower() for t in ann.tokens[i : i + max(map(len, w.admin_phrases), default=0)])
    for n in range(len(words), 0, -1):
        if words[:n] in w.admin_phrases:
            return i + n, w.admin_phrases[words[:n]]
    return None


def longest_match(ann: Annotations, i: int, blocked: list[bool], gazetteer: GazetteerLike, w: PlaceWords,
                  person: set[int] = frozenset()) -> int | None:
    """The end of the longest run of proper nouns from token ``i`` that the gazetteer knows ("Jurf al-Sakhar")."""
    toks = ann.tokens
    best = None
    j = i
    while j < len(toks) and j - i < MAX_RUN and (not blocked[j] or j in person):
        t = toks[j]
        if j > i and t.start > toks[j - 1].end + 1:
            break
        if t.pos != "PROPN" and t.text != "-" and t.text.lower() not in w.name_joiners:
            break
        j += 1
        if t.pos == "PROPN" and gazetteer.contains(ann.text[toks[i].start : t.end]):
            best = j
    return best


def embedded_runs(ann: Annotations, start: int, end: int, contains: Callable[[str], bool],
                  w: PlaceWords) -> list[tuple[int, int]]:
    """Token ranges inside the entity ``[start, end)`` that the gazetteer knows: a leading name ("Texas Forest
    Service") and a name after "of" ("University of Alexandria"); never the whole entity."""
    toks = ann.tokens
    out: list[tuple[int, int]] = []
    i = start
    while i < end and toks[i].text.lower() in w.articles:
        i += 1
    heads = [i]
    heads += [j + 1 for j in range(start, end - 1) if toks[j].text.lower() in w.of_words]
    for h in heads:
        if h >= end:
            continue
        found = _longest_known(ann, h, end, contains)
        if found is not None and (h, found) != (start, end) and found - h < end - start:
            out.append((h, found))
    return out


def _longest_known(ann: Annotations, i: int, end: int, contains: Callable[[str], bool]) -> int | None:
    toks = ann.tokens
    best = None
    for j in range(i, min(end, i + MAX_RUN)):
        t = toks[j]
        if not (t.pos == "PROPN" or (t.text[:1].isupper() and t.pos in ("NOUN", "ADJ"))):
            break
        if j > i and t.start > toks[j - 1].end + 1:
            break
        if t.text[:1].isupper() and contains(ann.text[toks[i].start : t.end]):
            best = j + 1
    return best


def after_name_direction(ann: Annotations, start: int, end: int, w: PlaceWords) -> bool:
    """A one-word name after a capitalised direction of the same name: the "Wing" of "the West Wing"."""
    toks = ann.tokens
    prev = toks[start - 1] if start > 0 else None
    return end - start == 1 and prev is not None and prev.text.lower() in w.directions and prev.text[:1].isupper() and (
        prev.end + 1 >= toks[start].start)


def well_known(gazetteer: GazetteerLike, name: str) -> bool:
    return any(c.feature in ("country", "admin1", "region") or c.population >= WELL_KNOWN_POPULATION
               for c in gazetteer.lookup(name))


def no_date_words(ann: Annotations, start: int, end: int, w: PlaceWords) -> bool:
    """Whether an entity holds nothing that dates: no month, weekday, feast or digit ("in Manbij" tagged DATE)."""
    return all(t.pos == "PROPN" and not any(ch.isdigit() for ch in t.text) and t.text.lower() not in w.holidays
               and t.text.lower().rstrip(".") not in w.months and t.text.lower() not in w.weekdays
               for t in ann.tokens[start:end])


def demonym_country(text: str, gazetteer: GazetteerLike, w: PlaceWords) -> str | None:
    """The country of a demonym ("Iraqi" -> IQ, "Lebanese" -> LB): the gazetteer's reviewed table, else an ending
    rule that leads to a country's name."""
    word = text.strip()
    if " " in word or not word[:1].isupper():
        return None
    listed = getattr(gazetteer, "demonym_country", None)
    if listed is not None and listed(word):
        return listed(word)
    if any(e.feature == "country" for e in gazetteer.lookup(word)):
        return None  # a country's own name is not a demonym
    for suffix, repl in w.demonym_endings:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            for e in gazetteer.lookup(word[: len(word) - len(suffix)] + repl):
                if e.feature == "country":
                    return e.country
    return None


__all__ = ["MAX_RUN", "WELL_KNOWN_POPULATION", "after_name_direction", "demonym_country", "embedded_runs",
           "extend_mention", "kind_after", "longest_match", "no_date_words", "trim", "well_known",
           "with_kind_phrase"]
