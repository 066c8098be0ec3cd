"""The event taxonomy (``data/taxonomy.yaml``: types, subtypes, PLOVER codes and what each type means to the
rules) as fast look-up tables for the events stage."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sitrep.config import load_yaml
from sitrep.errors import ConfigError
from sitrep.lang import Lexicon, default_lexicon
from sitrep.model import Token

_JOIN = re.compile(r"[\s\-]+")


def lemma(t: Token, tax: Taxonomy | None = None) -> str:
    """A token's lemma, lower case, with the past forms the lemmatizer leaves alone mapped ("retook")."""
    word = (t.lemma or t.text).lower()
    return tax.irregular.get(word, word) if tax else word


def trigger_key(words: str) -> str:
    """Key under which a trigger phrase is stored: lower case, no spaces or hyphens ("air-strike" = "airstrike")."""
    return _JOIN.sub("", words.lower())


@dataclass(frozen=True, slots=True)
class Subtype:
    type: str
    subtype: str
    label: str
    plover: str
    rank: int
    verbal: bool = False  # a political interaction (a demand, a meeting), not violence or a conflict development
    hostile: bool = False  # a non-violent act against a party: an intention to do it is a threat
    rioting: bool = False  # violence or destruction that makes a demonstration a riot
    intervening: bool = False  # an act of the forces that makes a demonstration a protest with intervention
    harms_property: bool = False  # destruction aimed at things: with people hurt, it is an attack on them
    taken_alive: bool = False  # people taken away: with people killed too, it is an attack on them
    incident_rank: int | None = None  # overrides its type's rank as what an incident of several mentions is


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """Trigger look-ups: a key maps to a subtype, or to ``None`` for a generic violence word."""

    verbs: dict[str, Subtype | None] = field(default_factory=dict)
    nouns: dict[str, Subtype | None] = field(default_factory=dict)
    modifiers: dict[str, Subtype] = field(default_factory=dict)
    subtypes: dict[str, Subtype] = field(default_factory=dict)
    irregular: dict[str, str] = field(default_factory=dict)
    starts: frozenset[str] = frozenset()  # keys of the words that can open a trigger phrase
    max_words: int = 1
    version: int = 1
    violent: frozenset[str] = frozenset()  # types where people are harmed or force is used
    armed: frozenset[str] = frozenset()  # types of organised armed violence
    one_episode: frozenset[str] = frozenset()  # types whose subtypes are stages of one episode
    incident_rank: dict[str, int] = field(default_factory=dict)  # type -> which type an incident of several takes

    def subtype(self, name: str) -> Subtype:
        return self.subtypes[name]

    def incident_rank_of(self, type_: str, subtype: str | None) -> int:
        """Which type an incident of several mentions takes: the subtype's own rank, else its type's."""
        sub = self.subtypes.get(subtype or "")
        if sub is not None and sub.incident_rank is not None:
            return sub.incident_rank
        return self.incident_rank.get(type_, 0)


def taxonomy_from_data(data: Any, words: Any = None) -> Taxonomy:
    """Build look-up tables from the parsed taxonomy (what each type and subtype means) and a language's trigger
    words (``lang/<code>/triggers.yaml``: ``irregular``, ``generic``, ``subtypes``); validated here, at the
    boundary. Without ``words``, trigger words may sit on the subtypes themselves (small test taxonomies)."""
    if not isinstance(data, dict) or "types" not in data:
        raise ConfigError("taxonomy data must be a mapping with a 'types' key")
    if words is not None:
        if not isinstance(words, dict):
            raise ConfigError("trigger words must be a mapping with 'generic', 'irregular' and 'subtypes'")
        on_subtype = words.get("subtypes") or {}
        data = {**data, "generic": words.get("generic") or {}, "irregular": words.get("irregular") or {},
                "types": {t: {**td, "subtypes": {n: {**sd, **(on_subtype.get(n) or {})}
                                                 for n, sd in (td.get("subtypes") or {}).items()}}
                          for t, td in data["types"].items()}}
        unknown = set(on_subtype) - {n for td in data["types"].values() for n in td["subtypes"]}
        if unknown:
            raise ConfigError(f"trigger words name subtypes the taxonomy does not have: {', '.join(sorted(unknown))}")
    verbs: dict[str, Subtype | None] = {}
    nouns: dict[str, Subtype | None] = {}
    modifiers: dict[str, Subtype] = {}
    subtypes: dict[str, Subtype] = {}
    max_words = 1
    generic = data.get("generic") or {}
    for phrase in generic.get("verbs", []):
        verbs[trigger_key(phrase)] = None
        max_words = max(max_words, len(phrase.split()))
    for phrase in generic.get("nouns", []):
        nouns[trigger_key(phrase)] = None
        max_words = max(max_words, len(phrase.split()))
    for type_name, type_data in data["types"].items():
        for sub_name, sub in (type_data.get("subtypes") or {}).items():
            try:
                st = Subtype(type=type_name, subtype=sub_name, label=sub.get("label", sub_name),
                             plover=sub["plover"], rank=int(sub.get("rank", 1)), verbal=bool(sub.get("verbal", False)),
                             hostile=bool(sub.get("hostile", False)), rioting=bool(sub.get("rioting", False)),
                             intervening=bool(sub.get("intervening", False)),
                             harms_property=bool(sub.get("harms_property", False)),
                             taken_alive=bool(sub.get("taken_alive", False)),
                             incident_rank=int(sub["incident_rank"]) if "incident_rank" in sub else None)
            except (KeyError, TypeError, ValueError) as exc:
                raise ConfigError(f"taxonomy subtype {type_name}/{sub_name} is incomplete: {exc}") from exc
            subtypes[sub_name] = st
            for table, key in ((verbs, "verbs"), (nouns, "nouns")):
                for phrase in sub.get(key) or []:
                    k = trigger_key(phrase)
                    old = table.get(k)
                    if old is None or old.rank < st.rank:
                        table[k] = st
                    max_words = max(max_words, len(phrase.split()))
            for word in sub.get("modifiers") or []:
                k = trigger_key(word)
                if k not in modifiers or modifiers[k].rank < st.rank:
                    modifiers[k] = st
    irregular = {str(k).lower(): str(v).lower() for k, v in (data.get("irregular") or {}).items()}
    phrases = list(generic.get("verbs", [])) + list(generic.get("nouns", [])) + [
        p for t in data["types"].values() for sub in (t.get("subtypes") or {}).values()
        for p in (sub.get("verbs") or []) + (sub.get("nouns") or [])]
    # "air-strike" can be written as one token or three, so both its first piece and the whole count
    starts = frozenset(trigger_key(p.replace("-", " ").split()[0]) for p in phrases) | frozenset(
        trigger_key(p) for p in phrases)
    flagged = {flag: frozenset(name for name, t in data["types"].items() if t.get(flag))
               for flag in ("violent", "armed", "one_episode")}
    return Taxonomy(verbs=verbs, nouns=nouns, modifiers=modifiers, subtypes=subtypes, irregular=irregular,
                    starts=starts, max_words=max_words, version=int(data.get("version", 1)),
                    incident_rank={name: int(t.get("incident_rank", 0)) for name, t in data["types"].items()},
                    **flagged)


@lru_cache(maxsize=8)
def make_taxonomy(lexicon: Lexicon | None = None) -> Taxonomy:
    """The packaged taxonomy with a language's trigger words (English by default), built once per process."""
    lex = lexicon or default_lexicon()
    return taxonomy_from_data(load_yaml("taxonomy.yaml"), {
        "irregular": lex.value("triggers", "irregular"), "generic": lex.value("triggers", "generic"),
        "subtypes": lex.value("triggers", "subtypes")})
