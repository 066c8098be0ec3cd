"""Language data: everything that belongs to one language, kept apart from the language-free stages.

``lang/<code>/`` holds data files only, no code (compare spaCy's ``spacy/lang/fr/``):

- ``language.yaml``: the language's name, the spaCy pipeline package that reads it, and how that model's
  dependency labels map onto sitrep's scheme (below);
- one YAML file per stage that needs words (``times.yaml``, ``numbers.yaml``, ``triggers.yaml``,
  ``events.yaml``, ``claims.yaml``, ``places.yaml``, ``actors.yaml``): word lists, word → value tables and
  regular-expression patterns, each key documented in the file.

``load_lexicon(code)`` reads a folder once per process into a ``Lexicon``; the pipeline passes it to every
stage, and each stage turns the sections it reads into its own typed tables (``extract/<stage>/words.py``).
The stages never name a language: a French rule is a data file and a test.

**sitrep's dependency scheme.** ``Token.dep`` in ``Annotations`` always uses one scheme, the ClearNLP-style
labels of the English pipeline (``nsubj``, ``nsubjpass``, ``dobj``, ``prep`` → ``pobj``, ``agent``, ``aux``,
``auxpass``, ``neg``, ``relcl``, ``acl``, ``ccomp``, ``xcomp``, ...), because the English rules were written
against it first. A language whose model speaks another scheme (Universal Dependencies for French) declares
the label map in its ``language.yaml``; the spaCy adapter applies it, so the stages read one scheme.

Labels alone do not make a Universal Dependencies tree read like a ClearNLP one: UD hangs a preposition under
its noun (``case``) where sitrep's rules expect verb --prep--> preposition --pobj--> noun, and French puts the
speaker after the words in an inserted clause ("..., a affirmé le ministre"). A language whose ``language.yaml``
says ``scheme: ud`` has its trees rewritten by the adapter (``sitrep.nlp.ud``) before the labels are mapped:

- a noun with a ``case`` preposition: the preposition takes the noun's place under its head (``prep``, or
  ``agent`` for ``obl:agent``) and the noun hangs from it as ``pobj``;
- a verb that is the subject or a ``parataxis`` of a later verb, and a clause before an inserted speech verb,
  become that verb's ``ccomp`` (the speech verb heads the sentence, as "said" does in English);
  an inverted subject after such a verb ("a affirmé le ministre", parsed ``obj``) becomes its ``nsubj``;
- a negation adverb (the morphological feature ``negation_feature``, "ne", "pas") becomes ``neg``; euphonic
  tokens (``euphonic``: the "-t-" of "a-t-il") are ``dep``;
- with ``nmod_follows_head`` (French puts a noun's modifiers after it), a bare ``nmod`` before its noun is an
  adverbial of the verb above ("a indiqué mercredi une source": "mercredi" dates the verb, not the source).

A language may also give ``sentence_end_marks``: the characters after which alone a sentence may start (besides
a line break); the parser is kept from starting one elsewhere.

Tokens also get the Penn Treebank ``tag`` the rules read (``VBD``, ``VBN``, ``NNS``, ...) from the model's
part of speech and morphology, by the ordered ``tags`` rules of ``language.yaml``; entity labels are mapped onto
the English model's (``PERSON``, ``GPE``, ``ORG``) by ``entity_labels``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from sitrep.errors import ConfigError

DEFAULT = "en"
# Keys of language.yaml the spaCy adapter reads besides the label maps (see the module docstring).
_PARSE_KEYS = ("tags", "negation_feature", "euphonic", "nmod_follows_head", "sentence_end_marks", "elided_lemmas")


@dataclass(frozen=True, eq=False, slots=True)
class Lexicon:
    """One language's data, by section (a section is one YAML file of ``lang/<code>/``).

    Hashed by identity: ``load_lexicon`` makes one per language and process, so a stage may cache the tables it
    builds from a lexicon with ``functools.lru_cache``.
    """

    code: str
    name: str
    model: str  # the spaCy pipeline package (load name)
    dep_labels: Mapping[str, str] = field(default_factory=dict)  # model label -> sitrep label; others kept
    sections: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    scheme: str = "clearnlp"  # the model's dependency scheme: "clearnlp" (sitrep's own) or "ud" (rewritten)
    entity_labels: Mapping[str, str] = field(default_factory=dict)  # model entity label -> sitrep's; others kept
    parse: Mapping[str, Any] = field(default_factory=dict)  # the rest of language.yaml: tag rules, negation, ...

    def section(self, name: str) -> Mapping[str, Any]:
        try:
            return self.sections[name]
        except KeyError:
            raise ConfigError(f"language {self.code!r} has no {name}.yaml in sitrep/lang/{self.code}/") from None

    def value(self, section: str, key: str) -> Any:
        data = self.section(section)
        if key not in data:
            raise ConfigError(f"sitrep/lang/{self.code}/{section}.yaml has no {key!r}")
        return data[key]

    def words(self, section: str, key: str) -> frozenset[str]:
        """A list of words or phrases, lower-cased (a missing key is an error: every language must say)."""
        value = self.value(section, key)
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise ConfigError(f"sitrep/lang/{self.code}/{section}.yaml: {key!r} must be a list of words")
        return frozenset(w.lower() for w in value)

    def phrases(self, section: str, key: str) -> tuple[str, ...]:
        """A list of words or phrases in the file's order (for tables whose order matters), case kept."""
        value = self.value(section, key)
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise ConfigError(f"sitrep/lang/{self.code}/{section}.yaml: {key!r} must be a list of words")
        return tuple(value)

    def table(self, section: str, key: str) -> dict[str, Any]:
        """A word → value mapping, keys lower-cased."""
        value = self.value(section, key)
        if not isinstance(value, dict):
            raise ConfigError(f"sitrep/lang/{self.code}/{section}.yaml: {key!r} must be a mapping")
        return {str(k).lower(): v for k, v in value.items()}

    def pattern(self, section: str, key: str, flags: int = 0) -> re.Pattern[str]:
        value = self.value(section, key)
        try:
            return re.compile(value, flags)
        except (re.error, TypeError) as exc:
            raise ConfigError(f"sitrep/lang/{self.code}/{section}.yaml: {key!r} is not a valid pattern: {exc}") \
                from exc


def languages() -> list[str]:
    """The codes of the languages sitrep can read (a folder with a ``language.yaml``)."""
    root = resources.files(__name__)
    return sorted(p.name for p in root.iterdir() if p.is_dir() and p.joinpath("language.yaml").is_file())


@lru_cache(maxsize=8)
def load_lexicon(code: str = DEFAULT) -> Lexicon:
    """The lexicon of language ``code`` (``en``, ``fr``), read once per process."""
    import yaml

    folder = resources.files(__name__).joinpath(code)
    if not folder.joinpath("language.yaml").is_file():
        raise ConfigError(f"sitrep cannot read language {code!r}; it reads {', '.join(languages())}")
    sections: dict[str, Mapping[str, Any]] = {}
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.endswith(".yaml"):
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError as exc:
                raise ConfigError(f"sitrep/lang/{code}/{path.name} is not valid YAML: {exc}") from exc
            if not isinstance(data, dict):
                raise ConfigError(f"sitrep/lang/{code}/{path.name} must be a mapping of keys to tables")
            sections[path.name[: -len(".yaml")]] = data
    meta = sections.pop("language")
    try:
        return Lexicon(code=code, name=str(meta["name"]), model=str(meta["spacy_model"]),
                       dep_labels={str(k): str(v) for k, v in (meta.get("dependency_labels") or {}).items()},
                       sections=sections, scheme=str(meta.get("scheme") or "clearnlp"),
                       entity_labels={str(k): str(v) for k, v in (meta.get("entity_labels") or {}).items()},
                       parse={k: v for k, v in meta.items() if k in _PARSE_KEYS})
    except KeyError as exc:
        raise ConfigError(f"sitrep/lang/{code}/language.yaml lacks {exc}") from exc


def default_lexicon() -> Lexicon:
    """English: what a stage reads when it is called without a lexicon (tests, notebooks)."""
    return load_lexicon(DEFAULT)


__all__ = ["DEFAULT", "Lexicon", "default_lexicon", "languages", "load_lexicon"]
