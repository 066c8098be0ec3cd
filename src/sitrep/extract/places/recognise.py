"""Toponym recognition: where an annotated text names a place, before any gazetteer entry is chosen.

Two passes over the text.  The model's entities: GPE/LOC/FAC entities, names it mislabels (towns it calls people
or organisations) when a place cue vouches for them, names inside organisations' names; each NORP or place entity
that is a demonym counts for its country instead.  Then a gazetteer scan of the capitalised words no entity holds,
kept with a place cue ("in X", "X province", "retook X", an upper-case dateline).  Each becomes a ``Mention``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from sitrep.extract.places.cues import (
    followed_by_admin_word,
    has_place_cue,
    hyphen_modifier,
    is_cited_source,
    is_civic_run,
    is_speaking_subject,
    is_upper_dateline,
    near_cue,
    people_marked,
)
from sitrep.extract.places.lookup import candidates_of
from sitrep.extract.places.names import (
    after_name_direction,
    demonym_country,
    embedded_runs,
    extend_mention,
    longest_match,
    no_date_words,
    trim,
    well_known,
    with_kind_phrase,
)
from sitrep.extract.places.records import PLACE_LABELS, GazetteerLike, Mention, mention_text
from sitrep.extract.places.words import PlaceWords
from sitrep.model import Annotations, Span

# Labels the small model often gives unfamiliar towns ("Amerli" PERSON, "Haditha" ORG, "Samarra" NORP): such an
# entity is kept only as a weak mention, with a place cue and document context.
_MISTAKEN_LABELS = frozenset({"PERSON", "ORG", "NORP"})
# Entity types whose words are never read as places; PERSON is checked separately because the small model
# often calls unfamiliar towns ("Amerli", "Avdiivka") people.
_BLOCKING_LABELS = frozenset({"ORG", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY",
                              "LAW", "LANGUAGE", "EVENT"})


def recognise(ann: Annotations, gazetteer: GazetteerLike, w: PlaceWords) -> tuple[list[Mention], Counter]:
    """The place mentions of the text in text order, and how often it names each country's people (ISO code ->
    count of demonyms: "Iraqi", "Lebanese")."""
    blocked = [False] * len(ann.tokens)
    person: set[int] = set()  # a run that starts outside a PERSON entity may go on into it
    demonyms: Counter = Counter()
    mentions = _entity_mentions(ann, gazetteer, w, blocked, person, demonyms)
    mentions += _scanned_mentions(ann, gazetteer, w, blocked, person)
    mentions.sort(key=lambda m: (m.start, -m.end))
    # "Nad-e Ali district" found by the scan holds the "Ali" the model took for a person
    mentions = [m for k, m in enumerate(mentions) if not any(
        o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end) for o in mentions[max(0, k - 3):k])]
    # "the West", "North": a compass word alone is a direction, not Cameroon's West Region; "Region" of "Region Two",
    # "District" of "District Court": the kind of a place is no name of one (the Philippines' Calabarzon)
    # nor is whom a report cites ("according to Punch"), nor a name that qualifies an actor ("Saudi-led", which
    # the model may tag as a people and the scan then take for a place after "in"), nor a people ("ethnic Amhara")
    mentions = [m for m in mentions if not _only_a_kind(mention_text(ann, m).lower(), m, w)
                and not is_cited_source(ann, m, w) and not hyphen_modifier(ann, m.end, w)
                and not people_marked(ann, m.start, w)]
    return [replace(m, near=near_cue(ann, m.start, w)) for m in mentions], demonyms


def _only_a_kind(text: str, m: Mention, w: PlaceWords) -> bool:
    return text in w.admin_words or (not m.hint and text in w.directions)


def _entity_mentions(ann: Annotations, gazetteer: GazetteerLike, w: PlaceWords, blocked: list[bool], person: set[int],
                     demonyms: Counter) -> list[Mention]:
    """Mentions from the model's entities; marks the tokens the scan must leave alone and counts demonyms."""
    toks = ann.tokens
    sentence_starts = {s.token_start for s in ann.sentences}
    mentions: list[Mention] = []
    entities = (part for ent in ann.entities
                for part in _possessor_apart(ann, _without_trailing_space(ann, ent), gazetteer, w))
    for ent in entities:
        if ent.label in ("DATE", "TIME") and no_date_words(ann, ent.token_start, ent.token_end, w):
            continue  # "in Manbij" tagged DATE: a name with no month, weekday or digit in it is free for the scan
        if ent.label in _BLOCKING_LABELS or ent.label in PLACE_LABELS or ent.label in _MISTAKEN_LABELS:
            for j in range(ent.token_start, ent.token_end):
                blocked[j] = True
        if ent.label == "PERSON":
            person.update(range(ent.token_start, ent.token_end))
        whole = _people_opening_a_place(ann, ent, gazetteer) if ent.label == "NORP" else None
        if whole is not None:  # "Central African" + "Republic": the country, not Republic in Missouri
            for j in range(ent.token_end, whole):
                blocked[j] = True
            mentions.append(Mention(start=ent.token_start, end=whole, label="GPE"))
            continue
        if ent.label in ("NORP", *PLACE_LABELS):
            country = demonym_country(ann.span_text(ent), gazetteer, w)
            if country:
                demonyms[country] += 1
                continue
        if ent.label in PLACE_LABELS:
            m = trim(ann, ent.token_start, ent.token_end, gazetteer, w)
            if m is not None and not is_speaking_subject(ann, m, w) and not hyphen_modifier(ann, ent.token_end, w):
                mentions.append(replace(m, label=ent.label))
        elif ent.label in _MISTAKEN_LABELS:
            m = trim(ann, ent.token_start, ent.token_end, gazetteer, w)
            if m is not None and has_place_cue(ann, m, w) and _known(ann, m, gazetteer, w):
                mentions.append(replace(m, weak=not is_upper_dateline(ann, m.start, m.end, sentence_starts)))
            elif ent.label in ("ORG", "PERSON"):
                # "the Texas Forest Service", "University of Alexandria": a place named inside an organisation;
                # "Anderson County Sheriff Greg Taylor": a county's officer read as one person
                for s, e in embedded_runs(ann, ent.token_start, ent.token_end, gazetteer.contains, w):
                    civic = is_civic_run(ann, s, e, w)
                    if (ent.label == "ORG" or civic) and not demonym_country(
                            ann.text[toks[s].start : toks[e - 1].end], gazetteer, w):
                        mentions.append(with_kind_phrase(ann, Mention(start=s, end=e, weak=True, embedded=True,
                                                                      civic=civic), w))
    return mentions


def _people_opening_a_place(ann: Annotations, ent: Span, gazetteer: GazetteerLike) -> int | None:
    """Where the place name ends that a people's name the model tagged alone begins ("Central African" of "Central
    African Republic", "Dominican" of "Dominican Republic"): the longest run of capitalised proper nouns after it that
    makes a name the gazetteer knows; None when there is none."""
    toks = ann.tokens
    end = ent.token_end
    while end < len(toks) and end - ent.token_end < _PLACE_TAIL and toks[end].pos == "PROPN" \
            and toks[end].text[:1].isupper():
        end += 1
    for k in range(end, ent.token_end, -1):
        if gazetteer.contains(ann.text[toks[ent.token_start].start : toks[k - 1].end]):
            return k
    return None


# Words after a people's name that can finish a place's name ("Republic", "Republic of Congo" stops at "of").
_PLACE_TAIL = 3


def _known(ann: Annotations, m: Mention, gazetteer: GazetteerLike, w: PlaceWords) -> bool:
    """The gazetteer knows the name, or the name before its kind ("the Sumy region", "Chamkani district"); a kind
    that is as often part of another name ("Minnesota State", a university) does not count."""
    if gazetteer.contains(mention_text(ann, m)):
        return True
    return ann.tokens[m.end - 1].text.lower() not in w.admin_words_kept_apart and bool(candidates_of(ann, m, gazetteer, w))


def _possessor_apart(ann: Annotations, ent: Span, gazetteer: GazetteerLike, w: PlaceWords) -> list[Span]:
    """A place entity the model ran over a possessive ("South Sudan’s Jonglei", "the Central African Republic’s
    Ouham") is two names, the possessor's and the possessed one's, when the possessor is a place the gazetteer
    knows and a name follows; a building's or a day's name stays whole ("Alder Hey Children's Hospital")."""
    toks = ann.tokens
    cut = next((k for k in range(ent.token_start + 1, ent.token_end - 1) if toks[k].text in w.possessive_endings), None)
    if cut is None or ent.label not in ("GPE", "LOC") or toks[cut + 1].pos != "PROPN":
        return [ent]
    possessor = trim(ann, ent.token_start, cut, gazetteer, w)
    if possessor is None or not gazetteer.contains(mention_text(ann, possessor)):
        return [ent]
    return [replace(ent, token_end=cut, end=toks[cut - 1].end),
            replace(ent, token_start=cut + 1, start=toks[cut + 1].start)]


def _without_trailing_space(ann: Annotations, ent: Span) -> Span:
    """The French model may run an entity on over the line break after it ("à Beni" closing a headline)."""
    end = ent.token_end
    while end > ent.token_start + 1 and ann.tokens[end - 1].text.isspace():
        end -= 1
    return ent if end == ent.token_end else replace(ent, token_end=end, end=ann.tokens[end - 1].end)


def _scanned_mentions(ann: Annotations, gazetteer: GazetteerLike, w: PlaceWords, blocked: list[bool],
                      person: set[int]) -> list[Mention]:
    """Runs of capitalised words outside the entities that the gazetteer knows and a place cue vouches for."""
    toks = ann.tokens
    sentence_starts = {s.token_start for s in ann.sentences}
    mentions: list[Mention] = []
    i = 0
    while i < len(toks):
        if blocked[i] or toks[i].pos != "PROPN" or not toks[i].text[:1].isupper():
            i += 1
            continue
        found = longest_match(ann, i, blocked, gazetteer, w, person)
        if found is not None and _name_tail(ann, i, sentence_starts) and not well_known(
                gazetteer, ann.text[toks[i].start : toks[found - 1].end]):
            i += 1  # "Chief of Department Terence Monahan": the end of a person's name, not Monahan in Ireland
            continue
        if found is None or (i in sentence_starts and not followed_by_admin_word(ann, found, w)
                             and not is_upper_dateline(ann, i, found, sentence_starts)) or (
                after_name_direction(ann, i, found, w)
                and not well_known(gazetteer, ann.text[toks[i].start : toks[found - 1].end])):
            i += 1
            continue
        # an upper-case dateline ("BEIRUT (AP) —") is where the report was filed: no other evidence needed
        m = extend_mention(ann, Mention(start=i, end=found, weak=not is_upper_dateline(ann, i, found, sentence_starts)),
                           w)
        if has_place_cue(ann, m, w):
            mentions.append(m)
        i = m.end
    return mentions


def _name_tail(ann: Annotations, i: int, sentence_starts: set[int]) -> bool:
    """Whether token ``i`` continues a name begun by the capitalised proper noun before it ("Terence Monahan")."""
    if i == 0 or i in sentence_starts:
        return False
    before = ann.tokens[i - 1]
    return before.pos == "PROPN" and before.text[:1].isupper() and before.text.isalpha() and not before.ent_type


__all__ = ["recognise"]
