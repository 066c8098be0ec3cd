"""Names the text itself declares for an actor: "Islamic State (aka Isil, Isis, Daesh)", "Jaish al-Fatah
(JaF)", "Hashd al-Shaabi, also known as the Popular Mobilisation Units".

A declaration joins its names into one group with one canonical name (the actor table's, when it knows one of
them); every later mention of any of the names is a mention of that group. How a language introduces another
name is data (``bracket_alias``, ``inline_alias`` in ``lang/<code>/actors.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sitrep.extract.actors.mentions import DECLARED, TABLE, Mention
from sitrep.extract.actors.table import ActorTableLike
from sitrep.extract.actors.words import ActorWords
from sitrep.model import Annotations

# Letters of an acronym: at least two capitals ("PMU", "JaF", "ISIS").
_ACRONYM = re.compile(r"[A-Z][A-Za-z'\-]*[A-Z][A-Za-z'\-]*")
_MAX_ALIAS_WORDS = 6


@dataclass(slots=True)
class _Group:
    """The names of one actor, gathered over the declarations of a document."""

    canonical: str
    kind: str
    country: str | None
    aliases: list[str]


def apply_declarations(ann: Annotations, table: ActorTableLike, w: ActorWords,
                       mentions: list[Mention]) -> list[Mention]:
    """The mentions with every declared name gathered: new mentions of the aliases, canonical names and
    aliases set on every mention of a group."""
    groups: dict[str, _Group] = {}  # alias key -> group
    out = list(mentions)
    for owner, items in _declarations(ann, w, mentions):
        if owner not in out:  # a name only the declaration revealed replaces what it covers
            out = [k for k in out if k.end <= owner.start or k.start >= owner.end] + [owner]
        entry = next((e for e in (table.match(x) for x in items) if e is not None), None)
        canonical = owner.canonical if owner.rank == TABLE or entry is None else entry.canonical
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
                    out.append(Mention(m.start(), m.end(), group.canonical, group.kind, group.country, TABLE))
    named = []
    for m in out:
        group = groups.get(table.key(ann.text[m.start : m.end])) or groups.get(table.key(m.canonical or ""))
        if group is not None:
            m = replace(m, canonical=group.canonical, aliases=tuple(group.aliases))
            if m.kind == "unknown":
                m = replace(m, kind=group.kind, country=m.country or group.country)
        named.append(m)
    return named


def _declarations(ann: Annotations, w: ActorWords, mentions: list[Mention]) -> list[tuple[Mention, list[str]]]:
    """``(owner mention, declared names)`` for "X (aka A, B)", "X (ABC)" and "X, also known as Y"."""
    found = []
    for m in w.bracket_alias.finditer(ann.text):
        owner = _mention_ending_at(ann, mentions, m.start()) or _name_ending_at(ann, w, m.start())
        if owner is None:
            continue
        items = [x.strip(" '\"") for x in w.alias_separator.split(m.group(2)) if x.strip(" '\"")]
        if m.group(1):
            ok = all(len(x.split()) <= _MAX_ALIAS_WORDS and not any(ch.isdigit() for ch in x) for x in items)
        else:  # a bare parenthesis is a declaration only for acronyms: "(PMU)", not "(Reuters, 2015)"
            ok = all(_ACRONYM.fullmatch(x) for x in items)
        if ok and items:
            found.append((owner, items))
    for m in w.inline_alias.finditer(ann.text):
        owner = _mention_ending_at(ann, mentions, m.start()) or _name_ending_at(ann, w, m.start())
        name = w.name_trailing_glue.sub("", m.group(1))
        if owner is not None and name:
            found.append((owner, [name]))
    return found


def _mention_ending_at(ann: Annotations, mentions: list[Mention], char: int) -> Mention | None:
    for m in mentions:
        if m.end <= char and not ann.text[m.end : char].strip(" ,"):
            return m
    return None


def _name_ending_at(ann: Annotations, w: ActorWords, char: int) -> Mention | None:
    """A capitalised name just before ``char`` that no other source knew: "Jaish al-Fatah (JaF)"."""
    line_start = max(ann.text.rfind("\n", 0, char), ann.text.rfind(". ", 0, char) + 1, 0)
    m = w.name_before.search(ann.text, line_start, char)
    if not m or not m.group(1).strip():
        return None
    name = w.name_leading_article.sub("", m.group(1)).strip()
    start = m.end(1) - len(name)
    return Mention(start, m.end(1), name, "unknown", None, DECLARED)
