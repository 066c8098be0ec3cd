"""The casualties stage's tables, built once per language from ``lang/<code>/casualties.yaml`` and
``numbers.yaml`` (see docs/casualty-rules.md for the rules behind them)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.lang import Lexicon

Quantity = tuple[int, int, int | None]  # (best, low, high); high None = open-ended


@dataclass(frozen=True, slots=True)
class CasualtyWords:
    # what counts as a casualty word
    kill_verbs: frozenset[str]
    intransitive_kill_verbs: frozenset[str]
    killed_forms: frozenset[str]
    kill_phrasal: dict[str, str]
    dead_verbs: frozenset[str]
    to_death: tuple[tuple[str, ...], ...]
    kill_nouns: frozenset[str]
    loss_words: frozenset[str]
    lost_people: frozenset[str]
    killed_noun_forms: frozenset[str]
    body_nouns: frozenset[str]
    discovery_verbs: frozenset[str]
    injure_verbs: frozenset[str]
    injured_forms: frozenset[str]
    injure_nouns: frozenset[str]
    injured_noun_forms: frozenset[str]
    detain_verbs: frozenset[str]
    detain_nouns: frozenset[str]
    custody: dict[str, str]
    ambiguous_nouns: frozenset[str]
    life_noun: dict[str, str]
    toll_compound: str
    toll_noun: str
    toll_heads: frozenset[str]
    fatal_words: frozenset[str]
    adjective_nouns: frozenset[str]
    not_people: frozenset[str]
    life_verbs: frozenset[str]
    life_taken_from: dict[str, str]  # a life verb whose dead are a preposition's object ("coûter la vie à 12")
    suffer_verbs: frozenset[str]
    toll_prepositions: frozenset[str]
    relative_pronouns: frozenset[str]
    part_prepositions: frozenset[str]
    collective_nouns: frozenset[str]
    general_nouns: frozenset[str]
    singular_pronouns: frozenset[str]
    singular_determiners: frozenset[str]
    without: str
    of: str
    quantity_words: frozenset[str]
    degree_words: frozenset[str]
    wound_nouns: frozenset[str]
    infinitive_marker: str
    # quantities
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    multipliers: dict[str, int]
    one_articles: frozenset[str]
    number_joins: frozenset[str]
    vague: dict[str, Quantity]
    none_words: frozenset[str]
    single_words: frozenset[str]
    bounds: tuple[tuple[tuple[str, ...], str], ...]  # (prefixes, how they bound the number)
    quant_modifiers: frozenset[str]  # every word of a bounding or approximating prefix
    filler_words: frozenset[str]  # every word of the fillers ("other", "additional"): no one's name
    open_suffixes: tuple[str, ...]
    approximate_suffixes: tuple[str, ...]
    added_suffixes: tuple[str, ...]
    range: re.Pattern[str]
    trailing_of: re.Pattern[str]
    escape_words: frozenset[str]  # "on the run", "escaped": the detained got away
    digits: re.Pattern[str]  # a number in digits as the language groups them: group 1 the integer, 2 the decimals


_BOUNDS = ("at_least", "more_than", "up_to", "fewer_than", "about")


def _digits(lex: Lexicon) -> re.Pattern[str]:
    # "1,137" / "1 137" / "1.137": one to three digits, then groups of exactly three after a group mark.
    marks = "".join(re.escape(g) for g in lex.phrases("numbers", "digit_groups"))
    decimal = re.escape(str(lex.value("numbers", "decimal_mark")))
    return re.compile(rf"(\d{{1,3}}(?:[{marks}]\d{{3}})+(?!\d)|\d+)(?:{decimal}(\d+))?")


@lru_cache(maxsize=8)
def casualty_words(lex: Lexicon) -> CasualtyWords:
    s = "casualties"

    def words(key: str) -> frozenset[str]:
        return lex.words(s, key)

    vague = {k: (int(v[0]), int(v[1]), None if v[2] is None else int(v[2])) for k, v in lex.table(s, "vague").items()}
    bounds = tuple((lex.phrases(s, key), key) for key in _BOUNDS) + ((lex.phrases(s, "filler"), "about"),)
    modifiers = frozenset(w for key in _BOUNDS for phrase in lex.phrases(s, key) for w in phrase.split())
    return CasualtyWords(
        kill_verbs=words("kill_verbs"), intransitive_kill_verbs=words("intransitive_kill_verbs"),
        killed_forms=words("killed_forms"), kill_phrasal=lex.table(s, "kill_phrasal"),
        dead_verbs=words("dead_verbs"), to_death=tuple(tuple(str(p).split()) for p in lex.phrases(s, "to_death")),
        kill_nouns=words("kill_nouns"), loss_words=words("loss_words"), lost_people=words("lost_people"),
        killed_noun_forms=words("killed_noun_forms"),
        body_nouns=words("body_nouns"), discovery_verbs=words("discovery_verbs"),
        injure_verbs=words("injure_verbs"), injured_forms=words("injured_forms"), injure_nouns=words("injure_nouns"),
        injured_noun_forms=words("injured_noun_forms"), detain_verbs=words("detain_verbs"),
        detain_nouns=words("detain_nouns"), custody=lex.table(s, "custody"), ambiguous_nouns=words("ambiguous_nouns"),
        life_noun=lex.table(s, "life_noun"), toll_compound=str(lex.value(s, "toll_compound")),
        toll_noun=str(lex.value(s, "toll_noun")), toll_heads=words("toll_heads"), fatal_words=words("fatal_words"), adjective_nouns=words("adjective_nouns"), not_people=words("not_people"), life_verbs=words("life_verbs"),
        life_taken_from={k: str(v) for k, v in lex.table(s, "life_taken_from").items()},
        suffer_verbs=words("suffer_verbs"), toll_prepositions=words("toll_prepositions"),
        relative_pronouns=words("relative_pronouns"), part_prepositions=words("part_prepositions"),
        collective_nouns=words("collective_nouns"), general_nouns=words("general_nouns"),
        singular_pronouns=words("singular_pronouns"),
        singular_determiners=words("singular_determiners"), without=str(lex.value(s, "without")),
        of=str(lex.value(s, "of")), quantity_words=words("quantity_words"), degree_words=words("degree_words"),
        wound_nouns=words("wound_nouns"),
        infinitive_marker=str(lex.value(s, "infinitive_marker")),
        units={k: int(v) for k, v in lex.table("numbers", "units").items()},
        tens={k: int(v) for k, v in lex.table("numbers", "tens").items()},
        scales={k: int(v) for k, v in lex.table("numbers", "scales").items()},
        multipliers={k: int(v) for k, v in lex.table("numbers", "multipliers").items()},
        one_articles=lex.words("numbers", "one_articles"), number_joins=lex.words("numbers", "number_joins"),
        vague=vague, none_words=words("none_words"), single_words=words("single_words"), bounds=bounds,
        quant_modifiers=modifiers,
        filler_words=frozenset(w.lower() for phrase in lex.phrases(s, "filler") for w in phrase.split()),
        open_suffixes=lex.phrases(s, "open_suffixes"),
        approximate_suffixes=lex.phrases(s, "approximate_suffixes"), added_suffixes=lex.phrases(s, "added_suffixes"), range=lex.pattern(s, "range"),
        trailing_of=lex.pattern(s, "trailing_of"), digits=_digits(lex), escape_words=words("escape_words"),
    )
