"""The citations stage's tables, built once per language from ``lang/<code>/citations.yaml`` and
``calendar.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.extract.common.patterns import alternation, compile_pattern, written_forms
from sitrep.lang import Lexicon


@dataclass(frozen=True, slots=True)
class CitationWords:
    months: dict[str, int]  # names and abbreviations, lower case
    weekday: re.Pattern[str]  # a weekday name as written, whole
    date_forms: tuple[re.Pattern[str], ...]
    inline: tuple[re.Pattern[str], ...]
    outlet_word: re.Pattern[str]
    outlet_glue: frozenset[str]
    not_outlet_openers: frozenset[str]
    by_author: re.Pattern[str]
    author_opener: str
    split_day: re.Pattern[str]


@lru_cache(maxsize=8)
def citation_words(lex: Lexicon) -> CitationWords:
    months = {**lex.table("calendar", "months"), **lex.table("calendar", "month_abbreviations")}
    weekdays = list(lex.table("calendar", "weekdays"))
    fragments = dict(lex.value("citations", "fragments"))
    fragments["month"] = alternation(months)
    fragments["weekday"] = "(?:" + alternation(written_forms(weekdays, lex.value("calendar", "name_case"))) + ")"
    return CitationWords(
        months=months,
        weekday=compile_pattern("{{weekday}}", fragments),
        date_forms=tuple(compile_pattern(p, fragments, re.I) for p in lex.phrases("citations", "date_forms")),
        inline=tuple(compile_pattern(p, fragments) for p in lex.phrases("citations", "inline")),
        outlet_word=lex.pattern("citations", "outlet_word"),
        outlet_glue=lex.words("citations", "outlet_glue"),
        not_outlet_openers=frozenset(lex.phrases("citations", "not_outlet_openers")),
        by_author=lex.pattern("citations", "by_author"),
        author_opener=str(lex.value("citations", "author_opener")),
        split_day=lex.pattern("citations", "split_day"),
    )
