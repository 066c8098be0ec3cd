"""The actors stage: every mention of an armed group, force, authority or civilian group, in text order.

Names come from the actor table (passed in), from nationality + force noun ("Iraqi troops"), from
ORG and titled PERSON entities, and from aliases the text itself declares ("Islamic State (aka Isil)").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from sitrep.model import Actor, Annotations, Token, stable_id

log = logging.getLogger(__name__)

EXTRACTOR = "actors@1"


class ActorEntryLike(Protocol):
    canonical: str
    kind: str
    country: str | None
    generic: bool


class ActorTableLike(Protocol):
    """What this stage needs from an actor table (``sitrep.resolve.actor_table.ActorTable`` fits)."""

    def key(self, text: str) -> str: ...

    def match(self, text: str) -> ActorEntryLike | None: ...

    def find(self, words: Sequence[str]) -> Sequence[tuple[int, int, ActorEntryLike]]: ...


# Nationality adjectives that name a state's forces; None where the group spans several states.
DEMONYMS: dict[str, str | None] = {
    "iraqi": "IQ", "syrian": "SY", "turkish": "TR", "iranian": "IR", "american": "US", "us": "US", "u.s.": "US",
    "russian": "RU", "ukrainian": "UA", "israeli": "IL", "palestinian": "PS", "lebanese": "LB", "afghan": "AF",
    "pakistani": "PK", "saudi": "SA", "yemeni": "YE", "egyptian": "EG", "libyan": "LY", "nigerian": "NG",
    "somali": "SO", "kenyan": "KE", "malian": "ML", "french": "FR", "british": "GB", "german": "DE",
    "jordanian": "JO", "sudanese": "SD", "ethiopian": "ET", "chadian": "TD", "cameroonian": "CM", "indian": "IN",
    "chinese": "CN", "qatari": "QA", "emirati": "AE", "kuwaiti": "KW", "bahraini": "BH", "algerian": "DZ",
    "tunisian": "TN", "moroccan": "MA", "azerbaijani": "AZ", "armenian": "AM", "georgian": "GE", "colombian": "CO",
    "mexican": "MX", "filipino": "PH", "burmese": "MM", "myanmar": "MM", "congolese": "CD", "ugandan": "UG",
    "kurdish": None, "sunni": None, "shia": None, "shiite": None, "shi'ite": None, "arab": None, "yazidi": None,
    "christian": None, "turkmen": None, "tribal": None, "druze": None, "alawite": None, "baloch": None,
}
_STATELESS = {k for k, v in DEMONYMS.items() if v is None}

_FORCE_NOUNS = {
    "forces": "state_forces", "force": "state_forces", "troops": "state_forces", "soldiers": "state_forces",
    "army": "state_forces", "military": "state_forces", "police": "state_forces", "policemen": "state_forces",
    "jets": "state_forces", "warplanes": "state_forces", "aircraft": "state_forces", "navy": "state_forces",
    "commandos": "state_forces", "marines": "state_forces", "servicemen": "state_forces", "guards": "state_forces",
    "fighters": "militia", "militia": "militia", "militias": "militia", "militiamen": "militia", "gunmen": "militia",
    "tribesmen": "militia", "volunteers": "militia", "paramilitaries": "militia",
    "rebels": "rebels", "insurgents": "rebels", "militants": "rebels", "jihadists": "rebels", "separatists": "rebels",
}

_MILITARY_TITLES = {
    "general", "gen", "gen.", "colonel", "col", "col.", "lieutenant", "lt", "lt.", "major", "maj.", "captain",
    "capt.", "brigadier", "brig.", "commander", "sergeant", "sgt.", "admiral", "adm.", "marshal", "corporal",
}
_GOVERNMENT_TITLES = {"president", "minister", "premier", "governor", "mayor", "senator", "king", "prince", "chancellor"}
_OTHER_TITLES = {"sheikh", "shaikh", "spokesman", "spokeswoman", "spokesperson", "leader", "emir", "chief", "cleric",
                 "imam", "mullah", "commander", "mufti"}

_DECL_PAREN = re.compile(
    r"\(\s*(?:(aka|a\.k\.a\.?|also known as|also called|known as|formerly|or)\s+)?([^()\n]{1,120}?)\s*\)", re.IGNORECASE)
_DECL_INLINE = re.compile(
    r",?\s+(?:also known as|otherwise known as|a\.k\.a\.?|aka|known as|also called)\s+(?:the\s+)?"
    r"((?:[A-Z][\w'\-]*|al-[\w'\-]+)(?:\s+(?:[A-Z][\w'\-]*|al-[\w'\-]+|of|the|al|and))*)")
_ITEM_SPLIT = re.compile(r"\s*(?:,|/|;|\bor\b|\band\b)\s*")
_ACRONYM = re.compile(r"[A-Z][A-Za-z'\-]*[A-Z][A-Za-z'\-]*")


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    canonical: str | None
    kind: str
    country: str | None
    rank: int  # lower wins an overlap of equal length: table 0, nationality+force 1, person 2, org 3
    aliases: list[str] = field(default_factory=list)


def extract_actors(ann: Annotations, *, table: ActorTableLike) -> list[Actor]:
    """One ``Actor`` per mention, in text order, with canonical names from ``table`` and the text's own aliases."""
    candidates = [*_table_mentions(ann, table), *_nationality_mentions(ann, table), *_person_mentions(ann, table),
                  *_org_mentions(ann, table)]
    mentions = _resolve_overlaps(candidates)
    mentions = _apply_declarations(ann, table, mentions)
    actors = []
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        actors.append(Actor(
            name=ann.text[m.start : m.end], canonical=m.canonical, kind=m.kind, country=m.country,
            aliases=tuple(m.aliases), evidence=(ann.evidence(m.start, m.end),), id=stable_id("ac", m.start, m.end),
            extractor=EXTRACTOR))
    return actors


# --------------------------------------------------------------------------- candidate mentions


def _table_mentions(ann: Annotations, table: ActorTableLike) -> list[_Mention]:
    out = []
    for sent in ann.sentences:
        tokens = ann.tokens[sent.token_start : sent.token_end]
        matches = list(table.find([t.text for t in tokens]))
        for n, (i, j, entry) in enumerate(matches):
            if entry.generic and j - i == 1 and not _is_head_noun(tokens[i]):
                continue  # "civilian casualties", "military operation": an adjective, not an actor
            if i > 0 and ann.text[tokens[i].start - 1 : tokens[i].start] == "-":
                continue  # "Fatah" inside "Jaish al-Fatah" is another name
            if n > 0 and matches[n - 1][1] == i and not matches[n - 1][2].generic and entry.generic:
                continue  # already folded into "Daesh fighters" below
            end = j
            if n + 1 < len(matches) and not entry.generic:
                i2, j2, nxt = matches[n + 1]
                if i2 == j and nxt.generic and j2 - i2 == 1 and tokens[i2].text.casefold() in _FORCE_NOUNS:
                    end = j2  # "Daesh fighters", "Taliban militants": one mention of the named group
            out.append(_Mention(tokens[i].start, tokens[end - 1].end, entry.canonical, entry.kind, entry.country, 0))
    return out


def _is_head_noun(tok: Token) -> bool:
    return tok.pos in ("NOUN", "PROPN") and tok.dep not in ("amod", "compound")


def _nationality_mentions(ann: Annotations, table: ActorTableLike) -> list[_Mention]:
    """"Iraqi forces", "Kurdish fighters", "22 Syrian troops" (the number is left to the numbers stage)."""
    out = []
    for chunk in ann.noun_chunks:
        tokens = ann.tokens[chunk.token_start : chunk.token_end]
        head = tokens[-1]
        kind = _FORCE_NOUNS.get(head.text.casefold())
        if kind is None:
            continue
        for tok in tokens[:-1]:
            demonym = tok.text.casefold()
            if demonym in DEMONYMS and (tok.ent_type in ("NORP", "GPE") or tok.pos in ("ADJ", "PROPN")):
                country = DEMONYMS[demonym]
                phrase = ann.text[tok.start : head.end]
                entry = table.match(phrase) or (table.match(f"{tok.text} forces") if country else None)
                stateless_kind = "militia" if kind == "state_forces" else kind
                out.append(_Mention(
                    tok.start, head.end, entry.canonical if entry else phrase,
                    entry.kind if entry else (stateless_kind if demonym in _STATELESS else kind),
                    entry.country if entry else country, 1))
                break
    return out


def _person_mentions(ann: Annotations, table: ActorTableLike) -> list[_Mention]:
    """People named with a role: "Colonel Steve Warren", "Islamic State leader Abu Bakr al-Baghdadi"."""
    out = []
    for ent in ann.entities:
        if ent.label != "PERSON":
            continue
        title_start, role_start, kind, country = None, None, "unknown", None
        for k in range(ent.token_start - 1, max(-1, ent.token_start - 4), -1):
            word = ann.tokens[k].text.casefold()
            if word in _MILITARY_TITLES and (title_start is None or title_start == k + 1):
                title_start, role_start, kind = k, k, "state_forces"
            elif word in _GOVERNMENT_TITLES and (title_start is None or title_start == k + 1):
                title_start, role_start, kind = k, k, "government"
            elif word in _OTHER_TITLES:
                role_start = k
            elif word not in ("prime", "defence", "defense", "foreign", "interior", "deputy", "senior", "top", "army",
                              "military", "police", "army's", "-", "vice"):
                break
        if role_start is None:
            continue
        # An actor named just before the role lends its kind: "Islamic State leader ...".
        before = [ann.tokens[k].text for k in range(max(0, role_start - 4), role_start)]
        for _i, j, entry in table.find(before):
            if j == len(before):
                kind = kind if kind != "unknown" else entry.kind
                country = entry.country
        start = ann.tokens[title_start].start if title_start is not None else ent.start
        out.append(_Mention(start, ent.end, ann.text[ent.start : ent.end], kind, country, 2))
    return out


def _org_mentions(ann: Annotations, table: ActorTableLike) -> list[_Mention]:
    out = []
    for ent in ann.entities:
        if ent.label != "ORG":
            continue
        start = ent.start
        first = ann.tokens[ent.token_start]
        if first.text.casefold() == "the" and ent.token_end - ent.token_start > 1:
            start = ann.tokens[ent.token_start + 1].start
        name = ann.text[start : ent.end]
        entry = table.match(name)
        out.append(_Mention(start, ent.end, entry.canonical if entry else name, entry.kind if entry else "unknown",
                            entry.country if entry else None, 3))
    return out


def _resolve_overlaps(candidates: list[_Mention]) -> list[_Mention]:
    """Longest mention wins; among equals the more trusted source (lower rank)."""
    kept: list[_Mention] = []
    for m in sorted(candidates, key=lambda m: (m.rank == 3, -(m.end - m.start), m.rank, m.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return kept


# --------------------------------------------------------------------------- aliases the text declares


@dataclass(slots=True)
class _Group:
    canonical: str
    kind: str
    country: str | None
    aliases: list[str]


def _apply_declarations(ann: Annotations, table: ActorTableLike, mentions: list[_Mention]) -> list[_Mention]:
    groups: dict[str, _Group] = {}  # alias key -> group
    out = list(mentions)
    for owner, items in _declarations(ann, table, mentions):
        if owner not in out:  # a name only the declaration revealed replaces what it covers
            out = [k for k in out if k.end <= owner.start or k.start >= owner.end] + [owner]
        entry = next((e for e in (table.match(x) for x in items) if e is not None), None)
        canonical = owner.canonical if owner.rank == 0 or entry is None else entry.canonical
        kind = owner.kind if owner.kind != "unknown" or entry is None else entry.kind
        group = groups.get(table.key(canonical or "")) or _Group(canonical or ann.text[owner.start : owner.end],
                                                                 kind, owner.country, [])
        for name in (ann.text[owner.start : owner.end], *items):
            if name not in group.aliases and table.key(name) != table.key(group.canonical):
                group.aliases.append(name)
        for name in (group.canonical, ann.text[owner.start : owner.end], *items):
            groups[table.key(name)] = group
    if not groups:
        return out
    for group in {id(g): g for g in groups.values()}.values():
        for alias in group.aliases:
            for m in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", ann.text):
                if all(m.end() <= k.start or m.start() >= k.end for k in out):
                    out.append(_Mention(m.start(), m.end(), group.canonical, group.kind, group.country, 0))
    for m in out:
        group = groups.get(table.key(ann.text[m.start : m.end])) or groups.get(table.key(m.canonical or ""))
        if group is not None:
            m.canonical, m.aliases = group.canonical, list(group.aliases)
            if m.kind == "unknown":
                m.kind, m.country = group.kind, m.country or group.country
    return out


def _declarations(ann: Annotations, table: ActorTableLike,
                  mentions: list[_Mention]) -> list[tuple[_Mention, list[str]]]:
    """``(owner mention, declared names)`` for "X (aka A, B)", "X (ABC)" and "X, also known as Y"."""
    found = []
    for m in _DECL_PAREN.finditer(ann.text):
        owner = _mention_ending_at(ann, mentions, m.start()) or _name_ending_at(ann, m.start())
        if owner is None:
            continue
        items = [x.strip(" '\"") for x in _ITEM_SPLIT.split(m.group(2)) if x.strip(" '\"")]
        if m.group(1):
            ok = all(len(x.split()) <= 6 and not any(ch.isdigit() for ch in x) for x in items)
        else:  # a bare parenthesis is a declaration only for acronyms: "(PMU)", not "(Reuters, 2015)"
            ok = all(_ACRONYM.fullmatch(x) for x in items)
        if ok and items:
            found.append((owner, items))
    for m in _DECL_INLINE.finditer(ann.text):
        owner = _mention_ending_at(ann, mentions, m.start()) or _name_ending_at(ann, m.start())
        name = re.sub(r"\s+(?:of|the|al|and)$", "", m.group(1))
        if owner is not None and name:
            found.append((owner, [name]))
    return found


def _mention_ending_at(ann: Annotations, mentions: list[_Mention], char: int) -> _Mention | None:
    for m in mentions:
        if m.end <= char and not ann.text[m.end : char].strip(" ,"):
            return m
    return None


_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'\-]*|al-[\w'\-]+)(?:\s+(?:[A-Z][\w'\-]*|al-[\w'\-]+|of|the|al|and))*)\s*$")


def _name_ending_at(ann: Annotations, char: int) -> _Mention | None:
    """A capitalised name just before ``char`` that no other source knew: "Jaish al-Fatah (JaF)"."""
    line_start = max(ann.text.rfind("\n", 0, char), ann.text.rfind(". ", 0, char) + 1, 0)
    m = _NAME_BEFORE.search(ann.text, line_start, char)
    if not m or not m.group(1).strip():
        return None
    name = re.sub(r"^(?:The|the)\s+", "", m.group(1)).strip()
    start = m.end(1) - len(name)
    return _Mention(start, m.end(1), name, "unknown", None, 4)


__all__ = ["DEMONYMS", "EXTRACTOR", "ActorEntryLike", "ActorTableLike", "extract_actors"]
