"""The model's ``attribute_ruler`` made cheaper: its rules on a tag (and a word) become tables looked up per token.

spaCy's English pipelines give each token its coarse part of speech, morphology and a few lemmas ("'s" -> "be")
with an ``attribute_ruler``: Matcher patterns tried on every token, 179 of them in ``en_core_web_sm``, a fifth of
the pipeline's time on news articles (``benchmarks/parse_ceiling.py``: 5.4 s of 27.4 s on 400 LGL articles,
more than the parser). Most of those rules ask only for a fine-grained tag, or a tag and a lower-case word: they
are spaCy 2's tag map and morph rules written as patterns. ``split_attribute_ruler`` moves them into two dicts
looked up once per token by a component placed before the ruler, and leaves the ruler only the rules that need
the Matcher (a dependency label, a set of words, a regular expression, two tokens).

The tokens come out the same, attribute for attribute (a test and the issue 18 check on 400 articles compare
them): rules still apply in their order, a later one overriding an earlier one as in the ruler, and a table rule
stays in the ruler when a Matcher rule placed before it could match the same token and set the same attribute,
or when it sets an attribute that a Matcher rule reads. A pipeline without such rules (French's ruler keys on
the part of speech) keeps its ruler whole.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

FACTORY = "sitrep_attribute_lookup"
_KEYS = ("TAG", "LOWER")  # what a table rule may ask for: a tag, or a tag and a lower-case word


def _table_keys(rule: Mapping[str, Any]) -> list[tuple[str, str | None]] | None:
    """The (tag, word or None) keys a rule applies to when each of its patterns is one token asking only for a
    tag and perhaps a lower-case word (each given as a string or a list of them), else None."""
    if rule["index"] != 0:
        return None
    keys: list[tuple[str, str | None]] = []
    for pattern in rule["patterns"]:
        if len(pattern) != 1 or "TAG" not in pattern[0] or not set(pattern[0]) <= set(_KEYS):
            return None
        tags, words = _values(pattern[0]["TAG"]), _values(pattern[0].get("LOWER"))
        if tags is None or words is None:
            return None
        keys += [(t, w) for t in tags for w in words]
    return keys


def _values(want: Any) -> list[Any] | None:
    """The values a token spec's attribute accepts, when it names them (None as the one value: any)."""
    if want is None or isinstance(want, str):
        return [want]
    if isinstance(want, dict) and set(want) == {"IN"} and all(isinstance(v, str) for v in want["IN"]):
        return list(dict.fromkeys(want["IN"]))
    return None


def _may_match(spec: Mapping[str, Any], attr: str, value: str | None) -> bool:
    """Whether a Matcher token spec can match a token whose ``attr`` is ``value`` (None: any value)."""
    if value is None or attr not in spec:
        return True
    want = spec[attr]
    if isinstance(want, str):
        return want == value
    if isinstance(want, dict) and set(want) == {"IN"}:
        return value in want["IN"]
    if isinstance(want, dict) and set(want) == {"NOT_IN"}:
        return value not in want["NOT_IN"]
    return True  # a regular expression or a comparison: assume it may


def _targets(rule: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The token specs of a rule's patterns that the rule sets attributes on."""
    return [p[rule["index"]] for p in rule["patterns"] if -len(p) <= rule["index"] < len(p)]


def split_rules(rules: Sequence[Mapping[str, Any]]) -> tuple[list[int], list[int]]:
    """The indices of the rules that tables can apply, and of those the ruler keeps, each in the rules' order."""
    keys = [_table_keys(r) for r in rules]
    kept = {i for i, k in enumerate(keys) if k is None}
    changed = True
    while changed:  # keeping a rule may oblige later table rules to stay with it
        changed = False
        read = {a.upper() for i in kept for p in rules[i]["patterns"] for spec in p for a in spec}
        for i, key in enumerate(keys):
            if i in kept or key is None:
                continue
            sets = {a.upper() for a in rules[i]["attrs"]}
            clash = sets & read or any(
                j < i and sets & {a.upper() for a in rules[j]["attrs"]} and any(
                    _may_match(s, "TAG", tag) and _may_match(s, "LOWER", word)
                    for s in _targets(rules[j]) for tag, word in key)
                for j in kept)
            if clash:
                kept.add(i)
                changed = True
    return [i for i, k in enumerate(keys) if i not in kept], sorted(kept)


class AttributeLookup:
    """Applies the table rules of a ruler: by (tag, lower-case word), else by tag, each list in the rules' order."""

    def __init__(self, by_tag: dict[str, list[Any]], by_word: dict[tuple[str, str], list[Any]]) -> None:
        self.by_tag = by_tag
        self.by_word = by_word

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens._retokenize import set_token_attrs

        by_tag, by_word = self.by_tag, self.by_word
        for token in doc:
            tag = token.tag_
            for attrs in by_word.get((tag, token.lower_)) or by_tag.get(tag, ()):
                set_token_attrs(token, attrs)
        return doc


def split_attribute_ruler(nlp: Any, name: str = "attribute_ruler") -> bool:
    """Put an ``AttributeLookup`` before the pipeline's ruler ``name`` and leave the ruler the other rules.

    False (the pipeline unchanged) when it has no such ruler or none of its rules fits a table."""
    from spacy.language import Language

    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    rules = ruler.patterns
    normed = list(ruler.attrs)  # the attributes as the ruler stores them (ids), what set_token_attrs takes
    table, kept = split_rules(rules)
    if not table:
        return False
    by_tag: dict[str, list[Any]] = {}
    by_word: dict[tuple[str, str], list[Any]] = {}
    for i in table:
        for tag, word in _table_keys(rules[i]) or ():
            if word is None:
                by_tag.setdefault(tag, []).append((i, normed[i]))
            else:
                by_word.setdefault((tag, word), []).append((i, normed[i]))
    # a word's list also holds its tag's rules, merged in the rules' order, so one lookup finds all that apply
    words = {k: [a for _, a in sorted(v + by_tag.get(k[0], []), key=lambda p: p[0])] for k, v in by_word.items()}
    tags = {k: [a for _, a in v] for k, v in by_tag.items()}
    ruler.clear()
    for i in kept:
        ruler.add(rules[i]["patterns"], rules[i]["attrs"], rules[i]["index"])
    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=lambda nlp, name: AttributeLookup({}, {}))
    lookup = nlp.add_pipe(FACTORY, before=name)
    lookup.by_tag, lookup.by_word = tags, words
    return True
