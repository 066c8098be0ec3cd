"""Universal Dependencies trees rewritten into sitrep's dependency scheme, and Penn tags from morphology.

A language whose model speaks UD (French) declares ``scheme: ud`` in ``lang/<code>/language.yaml``; the spaCy
adapter then passes each parse through ``normalise`` before mapping the labels that are only renamed. The
rewrites and why each is needed are listed in ``sitrep.lang``'s docstring; this module is language-free: the
words it needs (euphonic tokens) and the morphological feature of negation come from the language's file.

Works on plain lists (``ParsedToken``), so it is tested on trees written by hand as well as on parses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class ParsedToken:
    """What the rewrite reads of one token of the model's parse."""

    text: str
    pos: str  # Universal POS
    dep: str  # the model's (UD) label
    head: int
    morph: Mapping[str, str] = field(default_factory=dict)


# UD relations of a noun that a preposition introduces ("dans la région", "par des hommes armés").
_OBLIQUE = frozenset({"obl", "obl:mod", "obl:arg", "obl:agent", "nmod", "nmod:poss", "dep", "advcl", "appos",
                      "nsubj", "obj", "iobj", "conj", "acl", "xcomp", "ROOT"})
_CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "csubj", "csubj:pass"})
_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "expl:subj", "csubj"})
_CLAUSAL = frozenset({"advcl", "ccomp", "parataxis", "nsubj", "csubj", "xcomp"})


def normalise(tokens: Sequence[ParsedToken], *, negation_feature: str | None = None,
              euphonic: frozenset[str] = frozenset(), nmod_follows_head: bool = False) -> tuple[list[int], list[str]]:
    """The heads and labels of a UD parse rewritten so that sitrep's rules read it (labels not rewritten here
    stay UD's; the adapter renames them). Indices are positions in ``tokens`` (one sentence or a whole doc).
    ``nmod_follows_head``: the language puts a noun's nominal modifiers after it (French), so a bare ``nmod``
    before its noun is a misparsed adverbial ("a indiqué mercredi une source": "mercredi" belongs to the verb)."""
    heads = [t.head for t in tokens]
    deps = [t.dep for t in tokens]
    children: list[list[int]] = [[] for _ in tokens]
    for i, t in enumerate(tokens):
        if t.head != i:
            children[t.head].append(i)
    if nmod_follows_head:
        _adverbial_nmods(tokens, heads, deps, children)
    _prepositions(tokens, heads, deps, children)
    _clauses(tokens, heads, deps, children)
    for i, t in enumerate(tokens):
        if t.text.lower() in euphonic:
            deps[i] = "dep"  # the "-t-" of "a-t-il": no word of its own
            for c in children[i]:
                if tokens[c].pos == "PRON":  # "-elle" parsed under "-t": the verb's inverted subject
                    heads[c], deps[c] = heads[i], "nsubj"
        elif negation_feature and deps[i] == "advmod" and _has(t, negation_feature):
            deps[i] = "neg"
    return heads, deps


def _has(t: ParsedToken, feature: str) -> bool:
    name, _, value = feature.partition("=")
    return t.morph.get(name) == value


def _adverbial_nmods(tokens: Sequence[ParsedToken], heads: list[int], deps: list[str],
                     children: list[list[int]]) -> None:
    for c, t in enumerate(tokens):
        h = heads[c]
        if t.dep == "nmod" and c < h and tokens[h].pos in ("NOUN", "PROPN") and heads[h] != h and not any(
                tokens[k].dep == "case" for k in children[c]) and tokens[heads[h]].pos in ("VERB", "AUX"):
            heads[c], deps[c] = heads[h], "obl:mod"
            children[h].remove(c)
            children[heads[h]].append(c)


def _prepositions(tokens: Sequence[ParsedToken], heads: list[int], deps: list[str],
                  children: list[list[int]]) -> None:
    """verb --obl--> noun --case--> prep  becomes  verb --prep--> prep --pobj--> noun (``agent`` for obl:agent)."""
    for n, t in enumerate(tokens):
        cases = [c for c in children[n] if tokens[c].dep == "case" and tokens[c].pos == "ADP" and c < n]
        if not cases or t.dep not in _OBLIQUE or t.head == n:
            continue
        p = cases[0]
        heads[p], deps[p] = heads[n], ("agent" if t.dep == "obl:agent" else "prep")
        heads[n], deps[n] = p, "pobj"


def _clauses(tokens: Sequence[ParsedToken], heads: list[int], deps: list[str], children: list[list[int]]) -> None:
    """The speech verb heads the clause it reports, as "said" does in English's parse."""
    for v, t in enumerate(tokens):
        h = heads[v]
        if t.pos in ("VERB", "AUX") and t.dep in _CLAUSE_SUBJECTS and h > v and tokens[h].pos in ("VERB", "AUX"):
            deps[v] = "ccomp"  # "Deux soldats ont été tués, a indiqué l'armée": parsed as the subject of "indiqué"
    for v, t in enumerate(tokens):
        if t.pos != "VERB" or not _after_comma(tokens, children, v):
            continue
        kids = children[v]
        subjects = [c for c in kids if deps[c] in _SUBJECTS]
        objects = [c for c in kids if c > v and deps[c] == "obj" and tokens[c].pos in ("NOUN", "PROPN", "PRON")]
        before = [c for c in kids if c < v and deps[c] in _CLAUSAL and tokens[c].pos in ("VERB", "AUX")]
        h = heads[v] if t.dep != "ROOT" else _root_before(tokens, deps, v)
        joined = t.dep in ("parataxis", "conj", "advcl", "ROOT") and h < v and deps[h] == "ROOT"
        # French inverts the subject of an inserted clause: "..., a affirmé le ministre", "a-t-il ajouté"
        # (after the auxiliary: "a-t-il déclaré" puts "-il" between "a" and "déclaré")
        opening = min([v, *(c for c in kids if c < v and tokens[c].dep.startswith("aux"))])
        inverted = any(c > opening for c in subjects) or (not subjects and objects and (joined or before))
        if not inverted:
            continue
        if not subjects:
            deps[objects[0]] = "nsubj"  # the inverted subject, parsed as the verb's object
        if joined:
            heads[v], deps[v] = v, "ROOT"
            heads[h], deps[h] = v, "ccomp"
            for c in children[h]:
                if tokens[c].dep == "punct" and h < c < v:
                    heads[c] = v
        for c in before:
            deps[c] = "ccomp"


def _root_before(tokens: Sequence[ParsedToken], deps: list[str], v: int) -> int:
    """The root of the clause before a second root in one sentence ("« ... », a affirmé le colonel" parsed as
    two trees), or ``v`` itself when a sentence ends between them."""
    for j in range(v - 1, -1, -1):
        if tokens[j].text in (".", "!", "?", "\n") or tokens[j].pos == "SPACE":
            return v
        if deps[j] == "ROOT":
            return j
    return v


def _after_comma(tokens: Sequence[ParsedToken], children: list[list[int]], v: int) -> bool:
    """The verb opens an inserted clause: a comma (or a closing quote and a comma) right before it or before
    its auxiliaries ("», a-t-il ajouté", ", a indiqué l'armée")."""
    first = min([v, *(c for c in children[v] if c < v and tokens[c].dep.startswith("aux"))])
    return first > 0 and tokens[first - 1].text in (",", "»", "”", '"')


def penn_tag(pos: str, dep: str, morph: Mapping[str, str], rules: Sequence[Mapping[str, Any]]) -> str | None:
    """The Penn Treebank tag of the first rule that fits the token (``pos``, ``dep`` and every feature of
    ``morph`` given by the rule must match; a rule may list several values), or None when none fits."""
    for rule in rules:
        if "pos" in rule and pos not in _values(rule["pos"]):
            continue
        if "dep" in rule and dep not in _values(rule["dep"]):
            continue
        if all(morph.get(str(k)) in _values(v) for k, v in (rule.get("morph") or {}).items()):
            return str(rule["tag"])
    return None


def _values(v: Any) -> tuple[str | None, ...]:
    if isinstance(v, list):
        return tuple(None if x is None else str(x) for x in v)
    return (None if v is None else str(v),)
