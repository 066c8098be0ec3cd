"""The places stage's words, built once per language from ``lang/<code>/places.yaml`` and the month and weekday
names of ``calendar.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.errors import ConfigError
from sitrep.extract.common.patterns import alternation
from sitrep.lang import Lexicon

# The feature classes an admin word may hint at: sitrep's (the gazetteer's), not words of any language.
HINT_CLASSES = frozenset({"admin1", "admin2", "city"})


@dataclass(frozen=True, slots=True)
class PlaceWords:
    # cues
    locative: frozenset[str]
    territorial_verbs: frozenset[str]
    local_nouns: frozenset[str]
    civic_words: frozenset[str]
    county_words: frozenset[str]
    party_letters: frozenset[str]  # case kept
    # kinds of place
    admin_words: dict[str, str]  # "province" -> "admin1"
    admin_words_kept_apart: frozenset[str]
    admin_phrases: dict[tuple[str, ...], str]  # ("local", "government", "area") -> "admin2"
    of_words: frozenset[str]
    settlement_titles: frozenset[str]
    country_parts: frozenset[str]
    # near
    near_words: frozenset[str]
    near_heads: frozenset[str]
    near_links: frozenset[str]
    directions: frozenset[str]
    distance_units: dict[str, float]  # "km" -> 1.0, "miles" -> 1.609: kilometres in one unit
    # where a name begins and ends
    definite_articles: frozenset[str]
    articles: frozenset[str]
    possessive_endings: frozenset[str]
    name_joiners: frozenset[str]
    name_particle: re.Pattern[str]  # a lower-case particle and its hyphen or space, opening a name
    own_name_articles: tuple[str, ...]  # each with its trailing space, in the file's order
    own_name_suffixes: tuple[str, ...]  # each with its leading space
    demonym_endings: tuple[tuple[str, str], ...]
    # names that are not places
    never_places: frozenset[str]
    titles: frozenset[str]  # "governor": the one word after it is a person's name (actors.yaml)
    media: frozenset[str]  # "afp", "rfi": a medium whose acronym never opens a place (claims.yaml)
    vessel_prefixes: frozenset[str]  # as written (capitals)
    months: frozenset[str]  # names and abbreviations
    weekdays: frozenset[str]
    holidays: frozenset[str]
    hyphen_qualifiers: frozenset[str]
    people_markers: frozenset[str]
    acting_verbs: frozenset[str]
    inverted_speech_verbs: frozenset[str]
    source_phrases: tuple[tuple[str, ...], ...]
    media_nouns: frozenset[str]  # claims.yaml: "Capital FM", "news agency Mehr" name a medium, not a place
    # sites
    site_word_first: bool  # "la place de la Liberté", not "Liberty Square"
    site_words: frozenset[str]
    thoroughfares: frozenset[str]
    describing_words: frozenset[str]
    site_joiners: frozenset[str]


@lru_cache(maxsize=8)
def place_words(lex: Lexicon) -> PlaceWords:
    def words(key: str) -> frozenset[str]:
        return lex.words("places", key)

    admin = {k: str(v) for k, v in lex.table("places", "admin_words").items()}
    odd = sorted(k for k, v in admin.items() if v not in HINT_CLASSES)
    if odd:
        raise ConfigError(f"sitrep/lang/{lex.code}/places.yaml: admin_words {odd} need one of {sorted(HINT_CLASSES)}")
    phrases = {tuple(k.split()): str(v) for k, v in lex.table("places", "admin_phrases").items()}
    odd = sorted(" ".join(k) for k, v in phrases.items() if v not in HINT_CLASSES)
    if odd:
        raise ConfigError(f"sitrep/lang/{lex.code}/places.yaml: admin_phrases {odd} need one of {sorted(HINT_CLASSES)}")
    endings = lex.value("places", "demonym_endings")
    if not isinstance(endings, list) or not all(isinstance(p, list) and len(p) == 2 for p in endings):
        raise ConfigError(f"sitrep/lang/{lex.code}/places.yaml: demonym_endings must be a list of "
                          "[adjective ending, name ending] pairs")
    particles = words("name_particles")
    position = lex.value("places", "site_word_position")
    if position not in ("first", "last"):
        raise ConfigError(f"sitrep/lang/{lex.code}/places.yaml: site_word_position must be first or last, not "
                          f"{position!r}")
    return PlaceWords(
        locative=words("locative_prepositions"),
        territorial_verbs=words("territorial_verbs"),
        local_nouns=words("local_nouns"),
        civic_words=words("civic_words"),
        county_words=words("county_words"),
        party_letters=frozenset(lex.phrases("places", "party_letters")),
        admin_words=admin,
        admin_words_kept_apart=words("admin_words_kept_apart"),
        admin_phrases=phrases,
        of_words=words("of_words"),
        settlement_titles=words("settlement_titles"), country_parts=words("country_parts"),
        near_words=words("near_words"),
        near_heads=words("near_heads"),
        near_links=words("near_links"),
        directions=words("directions"),
        titles=frozenset(str(k).lower() for k in lex.table("actors", "titles")),
        media=frozenset(str(k).lower() for k in lex.phrases("claims", "media_nouns")),
        distance_units={str(k).lower(): float(v) for k, v in lex.table("places", "distance_units").items()},
        definite_articles=words("definite_articles"),
        articles=words("articles"),
        possessive_endings=words("possessive_endings"),
        name_joiners=words("name_joiners"),
        # never matches when the language lists no particles
        name_particle=re.compile(rf"^(?:{alternation(particles)})[-‐‑ ]" if particles else r"(?!)"),
        own_name_articles=tuple(f"{a.lower()} " for a in lex.phrases("places", "own_name_articles")),
        own_name_suffixes=tuple(f" {s.lower()}" for s in lex.phrases("places", "own_name_suffixes")),
        demonym_endings=tuple((str(a), str(b)) for a, b in endings),
        never_places=words("never_places") | particles,
        vessel_prefixes=frozenset(str(x) for x in lex.phrases("places", "vessel_prefixes")),
        months=frozenset({*lex.table("calendar", "months"), *lex.table("calendar", "month_abbreviations")}),
        weekdays=frozenset(lex.table("calendar", "weekdays")),
        holidays=words("holidays"),
        hyphen_qualifiers=words("hyphen_qualifiers"), people_markers=words("people_markers"),
        acting_verbs=words("acting_verbs"), inverted_speech_verbs=words("inverted_speech_verbs"),
        source_phrases=tuple(tuple(str(p).lower().split()) for p in lex.phrases("places", "source_phrases")),
        media_nouns=lex.words("claims", "media_nouns"),
        site_word_first=position == "first",
        site_words=words("site_words"),
        thoroughfares=words("thoroughfares"),
        describing_words=words("describing_words"),
        site_joiners=words("site_joiners"),
    )


__all__ = ["HINT_CLASSES", "PlaceWords", "place_words"]
