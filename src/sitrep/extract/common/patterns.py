"""Regular expressions written as data: a pattern in ``lang/<code>/*.yaml`` may name fragments as ``{{name}}``.

A stage builds its fragments (from the same file, or from word lists: ``alternation(["January", ...])``) and
expands its patterns with them, so a language file can say "a month name, then a day" once and reuse it.
A fragment may itself name other fragments; ``{{name:g}}`` expands a fragment with ``$g`` replaced by ``g``
(for fragments that open a named group: ``(?P<$g>...)``). Regex quantifiers (``{1,3}``) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from sitrep.errors import ConfigError

_SLOT = re.compile(r"\{\{(\w+)(?::(\w+))?\}\}")
_DEPTH = 12


def expand(template: str, fragments: Mapping[str, str]) -> str:
    """``template`` with every ``{{name}}`` (and ``{{name:group}}``) replaced by its fragment, recursively."""
    text = template
    for _ in range(_DEPTH):
        if "{{" not in text:
            return text

        def slot(m: re.Match[str]) -> str:
            name, group = m.group(1), m.group(2)
            if name not in fragments:
                raise ConfigError(f"pattern {template[:60]!r} names an unknown fragment {{{{{name}}}}}")
            body = fragments[name]
            return body.replace("$g", group) if group else body

        text = _SLOT.sub(slot, text)
    raise ConfigError(f"pattern {template[:60]!r}: fragments nest deeper than {_DEPTH} levels")


def compile_pattern(template: str, fragments: Mapping[str, str], flags: int = 0) -> re.Pattern[str]:
    source = expand(template, fragments)
    try:
        return re.compile(source, flags)
    except re.error as exc:
        raise ConfigError(f"pattern {template[:60]!r} does not compile: {exc}") from exc


def alternation(words: Iterable[str]) -> str:
    """``a|b|c`` of the words, escaped, longest first (so "Sept" is tried before "Sep")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def written_forms(words: Iterable[str], cases: Iterable[str]) -> list[str]:
    """The words as a language writes names: ``capitalized`` March, ``upper`` MARCH, ``lower`` mars
    (``lang/<code>/calendar.yaml``'s ``name_case``)."""
    forms = {"lower": str.lower, "capitalized": str.capitalize, "upper": str.upper}
    words = list(words)
    try:
        return [forms[c](w) for c in cases for w in words]
    except KeyError as exc:
        raise ConfigError(f"unknown name case {exc}; use lower, capitalized or upper") from None


__all__ = ["alternation", "compile_pattern", "expand", "written_forms"]
