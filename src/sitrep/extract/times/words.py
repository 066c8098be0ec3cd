"""The times stage's tables and compiled patterns, built once per language from ``lang/<code>/times.yaml``,
``calendar.yaml`` and ``numbers.yaml``.

The language-free pieces of the patterns (four-digit years, ISO and numeric dates) are defined here and reach
the language's patterns as fragments (``{{year:y}}``, ``{{iso_date}}``), so a language file writes only words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.errors import ConfigError
from sitrep.extract.common.patterns import alternation, compile_pattern, written_forms
from sitrep.extract.times.periods import valid_day
from sitrep.lang import Lexicon

# Language-free fragments: a year 1900-2099 in group $g; "2015-03-29" / "2015/03/29"; "29/03/2015", "29.03.2015"
# (read day-first or month-first by ``read_numeric``).
_YEAR = r"\b(?P<$g>(?:19|20)\d\d)(?!\d)\b"
_ISO_DATE = r"(?<![\d/.-])(?P<core>(?P<y>(?:19|20)\d\d)(?P<sep>[-/])(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d))(?![\d/-])"
_NUMERIC_DATE = r"(?<![\d/.-])(?P<core>(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d))(?![\d/]|\.\d)"


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: one per lexicon (``times_words``)
class TimesWords:
    rules: tuple[tuple[re.Pattern[str], str], ...]  # (pattern, reader name), in the file's order
    trigger: re.Pattern[str]
    # calendar
    months: dict[str, int]  # names and abbreviations, lower case -> 1..12
    weekdays: dict[str, int]  # lower case -> Monday 0
    seasons: dict[str, str]  # lower case -> ISO season code
    month_before: re.Pattern[str]  # a month name right before a position ("January and ...")
    month_listed: re.Pattern[str]  # a month name and a comma right before a position ("April, May")
    # readers
    numbers: dict[str, int]
    parts: dict[str, str]
    year_offsets: dict[str, int]
    relative_names: dict[str, str]
    units: dict[str, str]
    vague_counts: dict[str, tuple[int, int]]  # "some" -> (2, 11): how many units a count with no number means
    shift_directions: dict[str, int]
    day_words: dict[str, int]
    quarter_ordinals: dict[str, int]
    pair_joins: frozenset[str]
    list_joins: frozenset[str]
    ambiguous_months: frozenset[str]
    ambiguous_seasons: frozenset[str]
    not_after_year: re.Pattern[str]
    model_before_year: re.Pattern[str]  # "a red 1991 Dodge": the year names a model, not a time
    street_after_year: re.Pattern[str]  # "1935 Orchard St.", "1935 avenue Kwame Nkrumah": a house number
    name_before_weekday: re.Pattern[str]
    weekday_articles: frozenset[str]
    references: dict[str, str]
    holidays: dict[str, tuple[int, int]]  # "new year's eve" -> (12, 31)
    # clock times
    clock_parts: re.Pattern[str]
    meridiem_after_digit: re.Pattern[str]
    meridiems: dict[str, int]
    clock_words: dict[str, str]
    # context
    span_to_now: re.Pattern[str]
    future_auxiliaries: frozenset[str]
    scheduling_lemmas: frozenset[str]
    scheduling_verbs: frozenset[str]
    arranged_verbs: frozenset[str]
    header_date: str  # a regular expression, part of the dateline patterns
    publishing_words: re.Pattern[str]  # "Updated:", "Publié le": a date after them is the page's own


def phrase_alternation(phrases: list[str]) -> str:
    """``alternation`` of phrases whose spaces match any run of white space ("last night" → ``last\\s+night``)."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


def _month_day(code: str, name: str, value: str) -> tuple[int, int]:
    parts = value.split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or not valid_day(int(parts[0]), int(parts[1])):
        raise ConfigError(f"sitrep/lang/{code}/times.yaml: holidays: {name!r} needs a month-day such as 12-31")
    return int(parts[0]), int(parts[1])


def normal(words: str) -> str:
    """Words as the tables key them: lower case, single spaces."""
    return " ".join(words.lower().split())


@lru_cache(maxsize=8)
def times_words(lex: Lexicon) -> TimesWords:
    cases = lex.value("calendar", "name_case")
    month_names = list(lex.table("calendar", "months"))
    abbreviations = list(lex.table("calendar", "month_abbreviations"))
    weekdays = lex.table("calendar", "weekdays")
    seasons = lex.table("calendar", "seasons")
    numbers = {**lex.table("numbers", "units"), **lex.table("numbers", "tens"),
               **dict.fromkeys(lex.words("numbers", "one_articles"), 1)}
    parts = {normal(k): str(v) for k, v in lex.table("times", "parts").items()}
    day_words = {normal(k): int(v) for k, v in lex.table("times", "day_words").items()}
    ordinals = lex.table("times", "quarter_ordinals")
    meridiems = lex.table("times", "meridiems")

    holidays = {normal(k): _month_day(lex.code, str(k), str(v)) for k, v in lex.table("times", "holidays").items()}
    fragments = dict(lex.value("times", "fragments"))
    fragments.update(
        month_name=alternation(written_forms(month_names, cases)),
        month_abbreviation=alternation(written_forms(abbreviations, cases)),
        weekday=alternation(written_forms(weekdays, cases)),
        season=alternation(seasons),
        number_word=alternation(numbers),
        vague_count=phrase_alternation([k for k in lex.table("times", "vague_counts") if k]),
        part_word=phrase_alternation(list(parts)),
        day_word=phrase_alternation(list(day_words)),
        quarter_ordinal=alternation(ordinals),
        holiday=phrase_alternation(list(holidays)),
        year=_YEAR,
        iso_date=_ISO_DATE,
        numeric_date=_NUMERIC_DATE,
    )
    rules = []
    for i, rule in enumerate(lex.value("times", "rules")):
        if not isinstance(rule, dict) or not {"reader", "pattern"} <= set(rule):
            raise ConfigError(f"sitrep/lang/{lex.code}/times.yaml: rule {i + 1} needs a reader and a pattern")
        rules.append((compile_pattern(rule["pattern"], fragments, re.IGNORECASE), str(rule["reader"])))
    names = list(lex.phrases("times", "names_before_weekday"))
    articles = written_forms(lex.words("times", "weekday_articles"), ["lower", "capitalized"])
    return TimesWords(
        rules=tuple(rules),
        trigger=compile_pattern(lex.value("times", "trigger"), fragments),
        months={**lex.table("calendar", "months"), **lex.table("calendar", "month_abbreviations")},
        weekdays=weekdays,
        seasons=seasons,
        month_before=compile_pattern(r"(?-i:{{month_name}}|{{month_abbreviation}})\b,?\s+$", fragments),
        month_listed=compile_pattern(r"(?-i:{{month_name}}|{{month_abbreviation}})\b,\s+$", fragments),
        numbers=numbers,
        parts=parts,
        year_offsets=lex.table("times", "year_offsets"),
        relative_names={normal(k): str(v) for k, v in lex.table("times", "relative_names").items()},
        units=lex.table("times", "units"),
        vague_counts={normal(k): (int(v[0]), int(v[1])) for k, v in lex.table("times", "vague_counts").items()},
        shift_directions=lex.table("times", "shift_directions"),
        day_words=day_words,
        quarter_ordinals=ordinals,
        pair_joins=lex.words("times", "pair_joins"),
        list_joins=lex.words("times", "list_joins"),
        ambiguous_months=lex.words("times", "ambiguous_months"),
        ambiguous_seasons=lex.words("times", "ambiguous_seasons"),
        model_before_year=re.compile(rf"\b(?:{alternation(lex.words('times', 'model_determiners'))})\s+(?:[^\W\d]+\s+)?$",
                                     re.IGNORECASE),
        street_after_year=re.compile(rf"(?:\s+[A-Z][\w'.-]*){{0,3}}\s+(?i:{alternation(lex.words('times', 'street_words'))})\b"),
        not_after_year=re.compile(rf"\s+(?:{alternation(lex.words('times', 'not_after_year'))})\b", re.IGNORECASE),
        name_before_weekday=re.compile(rf"(?:{alternation(names)}|\b(?:{alternation(articles)}))\s+$"),
        weekday_articles=lex.words("times", "weekday_articles"),
        references={normal(k): str(v) for k, v in lex.table("times", "references").items()},
        holidays=holidays,
        clock_parts=lex.pattern("times", "clock_parts", re.IGNORECASE),
        meridiem_after_digit=re.compile(rf"\d\s*(?:{alternation(meridiems)})"),
        meridiems=meridiems,
        clock_words={k: str(v) for k, v in lex.table("times", "clock_words").items()},
        span_to_now=re.compile(rf"\b(?:{alternation(lex.words('times', 'span_to_now'))})\b", re.IGNORECASE),
        future_auxiliaries=lex.words("times", "future_auxiliaries"),
        scheduling_lemmas=lex.words("times", "scheduling_lemmas"),
        scheduling_verbs=lex.words("times", "scheduling_verbs"),
        arranged_verbs=lex.words("times", "arranged_verbs"),
        header_date=str(lex.value("times", "header_date")),
        publishing_words=re.compile(rf"\b(?:{alternation(lex.words('times', 'publishing_words'))})\b", re.IGNORECASE),
    )
