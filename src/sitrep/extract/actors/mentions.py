"""Candidate mentions of actors, four sources in turn, and the overlaps between them resolved.

Names come from the actor table, from nationality + force noun ("Iraqi troops"), from PERSON entities with
a title ("Colonel Steve Warren") and from ORG entities. The words (nationalities, force nouns, titles) are the
language's (``lang/<code>/actors.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.extract.actors.table import ActorTableLike
from sitrep.extract.actors.words import ActorWords
from sitrep.extract.common.patterns import expand
from sitrep.extract.common.text import name_end
from sitrep.model import Annotations, Token

# Sources of a mention, in the order they are trusted: lower wins an overlap of equal length.
TABLE, NATIONALITY, PERSON, ORG, DECLARED = range(5)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    canonical: str | None
    kind: str
    country: str | None
    rank: int  # TABLE, NATIONALITY, PERSON, ORG or DECLARED (a name only an alias declaration revealed)
    aliases: tuple[str, ...] = ()


def table_mentions(ann: Annotations, table: ActorTableLike, w: ActorWords) -> list[Mention]:
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
                if i2 == j and nxt.generic and j2 - i2 == 1 and tokens[i2].text.casefold() in w.force_nouns:
                    end = j2  # "Daesh fighters", "Taliban militants": one mention of the named group
            out.append(Mention(tokens[i].start, tokens[end - 1].end, entry.canonical, entry.kind, entry.country,
                               TABLE))
    return out


def _is_head_noun(tok: Token) -> bool:
    return tok.pos in ("NOUN", "PROPN") and tok.dep not in ("amod", "compound")


def nationality_mentions(ann: Annotations, table: ActorTableLike, w: ActorWords) -> list[Mention]:
    """"Iraqi forces", "Kurdish fighters", "22 Syrian troops" (the number is left to the numbers stage)."""
    out = []
    for chunk in ann.noun_chunks:
        tokens = ann.tokens[chunk.token_start : chunk.token_end]
        if w.nationality_after_noun:  # "soldats maliens", "les forces armées nigériennes": the noun comes first
            head = next((t for t in tokens if t.text.casefold() in w.force_nouns), tokens[-1])
            others = [t for t in tokens if t.i > head.i]
        else:
            head, others = tokens[-1], tokens[:-1]
        kind = w.force_nouns.get(head.text.casefold())
        if kind is None:
            continue
        for tok in others:
            demonym = tok.text.casefold()
            if demonym in w.demonyms and (tok.ent_type in ("NORP", "GPE") or tok.pos in ("ADJ", "PROPN")):
                country = w.demonyms[demonym]
                first, last = (head, tok) if w.nationality_after_noun else (tok, head)
                phrase = ann.text[first.start : last.end]
                # The table's entry for the nationality's forces: "Iraqi soldiers" → Iraqi security forces.
                entry = table.match(phrase) or (table.match(expand(w.forces_name, {"nationality": tok.text}))
                                                if country else None)
                stateless_kind = "militia" if kind == "state_forces" else kind
                out.append(Mention(
                    first.start, last.end, entry.canonical if entry else phrase,
                    entry.kind if entry else (stateless_kind if demonym in w.stateless else kind),
                    entry.country if entry else country, NATIONALITY))
                break
    return out


def person_mentions(ann: Annotations, table: ActorTableLike, w: ActorWords) -> list[Mention]:
    """People named with a role: "Colonel Steve Warren", "Islamic State leader Abu Bakr al-Baghdadi"."""
    out = []
    for ent in ann.entities:
        if ent.label != "PERSON":
            continue
        title_start, role_start, kind, country = None, None, "unknown", None
        for k in range(ent.token_start - 1, max(-1, ent.token_start - 4), -1):
            word = ann.tokens[k].text.casefold()
            title = w.titles.get(word)
            if title in ("state_forces", "government") and (title_start is None or title_start == k + 1):
                title_start, role_start, kind = k, k, title
            elif title in ("state_forces", "government", "role"):
                role_start = k
            elif word != "-" and word not in w.title_modifiers:
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
        out.append(Mention(start, ent.end, ann.text[ent.start : ent.end], kind, country, PERSON))
    return out


def org_mentions(ann: Annotations, table: ActorTableLike, w: ActorWords) -> list[Mention]:
    out = []
    for ent in ann.entities:
        if ent.label != "ORG":
            continue
        start = ent.start
        first = ann.tokens[ent.token_start]
        if first.text.casefold() in w.leading_articles and ent.token_end - ent.token_start > 1:
            start = ann.tokens[ent.token_start + 1].start
        end = ann.tokens[name_end(ann, ent.token_start, ent.token_end) - 1].end  # not "Kherson 43" of "43 times"
        name = ann.text[start:end]
        entry = table.match(name)
        if entry is None and _names_a_unit(ann, ent.token_start, ent.token_end, w):
            continue
        out.append(Mention(start, end, entry.canonical if entry else name, entry.kind if entry else "unknown",
                           entry.country if entry else None, ORG))
    return out


def _names_a_unit(ann: Annotations, start: int, end: int, w: ActorWords) -> bool:
    """An entity that is a named administrative unit, which the model often calls an organisation: a name and its
    kind ("Wase Local Government Area of Plateau", "Nawzad District"), no party to anything."""
    toks = ann.tokens
    stop = next((j for j in range(start + 1, end) if toks[j].text.lower() in w.of_words), end)
    words = tuple(t.text.lower() for t in toks[start:stop])
    return toks[start].pos == "PROPN" and any(
        words[-n:] in w.unit_kinds for n in range(1, len(words)) if words[:-n] and words[-n - 1][:1].isalpha())


def resolve_overlaps(candidates: list[Mention]) -> list[Mention]:
    """Longest mention wins; among equals the more trusted source (lower rank). ORG entities come last."""
    kept: list[Mention] = []
    for m in sorted(candidates, key=lambda m: (m.rank == ORG, -(m.end - m.start), m.rank, m.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return kept
