"""The actors stage's tables, built once per language from ``lang/<code>/actors.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.errors import ConfigError
from sitrep.extract.common.patterns import compile_pattern
from sitrep.lang import Lexicon

# What a title says about the person it names (``titles`` in actors.yaml).
TITLE_KINDS = frozenset({"state_forces", "government", "role", "position"})


@dataclass(frozen=True, slots=True)
class ActorWords:
    demonyms: dict[str, str | None]  # nationality adjective -> ISO country code, None when stateless
    stateless: frozenset[str]
    force_nouns: dict[str, str]  # "troops" -> actor kind
    forces_name: str  # "{{nationality}} forces"
    nationality_after_noun: bool  # French "soldats maliens"; English "Iraqi troops" puts it before
    titles: dict[str, str]  # "colonel" -> one of TITLE_KINDS
    title_modifiers: frozenset[str]
    leading_articles: frozenset[str]
    bracket_alias: re.Pattern[str]
    inline_alias: re.Pattern[str]
    alias_separator: re.Pattern[str]
    name_before: re.Pattern[str]
    name_trailing_glue: re.Pattern[str]
    name_leading_article: re.Pattern[str]
    unit_kinds: frozenset[tuple[str, ...]]  # places.yaml's admin words and phrases: "district", "local government area"
    of_words: frozenset[str]


@lru_cache(maxsize=8)
def actor_words(lex: Lexicon) -> ActorWords:
    demonyms = {k: (None if v is None else str(v)) for k, v in lex.table("actors", "demonyms").items()}
    titles = {k: str(v) for k, v in lex.table("actors", "titles").items()}
    odd = sorted(k for k, v in titles.items() if v not in TITLE_KINDS)
    if odd:
        raise ConfigError(f"sitrep/lang/{lex.code}/actors.yaml: titles {odd} need one of {sorted(TITLE_KINDS)}")
    fragments = dict(lex.value("actors", "fragments"))

    def pattern(key: str, flags: int = 0) -> re.Pattern[str]:
        return compile_pattern(str(lex.value("actors", key)), fragments, flags)

    return ActorWords(
        demonyms=demonyms,
        stateless=frozenset(k for k, v in demonyms.items() if v is None),
        force_nouns={k: str(v) for k, v in lex.table("actors", "force_nouns").items()},
        forces_name=str(lex.value("actors", "forces_name")),
        nationality_after_noun=_nationality_after_noun(lex),
        titles=titles,
        title_modifiers=lex.words("actors", "title_modifiers"),
        leading_articles=lex.words("actors", "leading_articles"),
        bracket_alias=pattern("bracket_alias", re.IGNORECASE),
        inline_alias=pattern("inline_alias"),
        alias_separator=pattern("alias_separator"),
        name_before=pattern("name_before"),
        name_trailing_glue=pattern("name_trailing_glue"),
        name_leading_article=pattern("name_leading_article"),
        # not the kinds that are as often part of other names ("Ohio State", "Old Town")
        unit_kinds=frozenset({(k,) for k in lex.table("places", "admin_words")
                              if k not in lex.words("places", "admin_words_kept_apart")}
                             | {tuple(k.split()) for k in lex.table("places", "admin_phrases")}),
        of_words=lex.words("places", "of_words"),
    )


def _nationality_after_noun(lex: Lexicon) -> bool:
    position = lex.value("actors", "nationality_position")
    if position not in ("before_noun", "after_noun"):
        raise ConfigError(f"sitrep/lang/{lex.code}/actors.yaml: nationality_position is before_noun or after_noun")
    return position == "after_noun"
