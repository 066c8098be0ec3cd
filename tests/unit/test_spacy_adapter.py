"""The spaCy adapter: offsets-only annotations, and each language's dependency labels mapped onto sitrep's."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from sitrep.nlp.spacy_adapter import annotations_from_doc


def _doc(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps)


def test_adapter_maps_a_models_labels_onto_sitreps_scheme():
    # "Les soldats ont tué deux rebelles": a Universal Dependencies parse as a French model gives it
    doc = _doc(["Les", "soldats", "ont", "tué", "deux", "rebelles"], [1, 3, 3, 3, 5, 3],
               ["det", "nsubj", "aux:tense", "ROOT", "nummod", "obj"])
    ann = annotations_from_doc(doc, dep_labels={"obj": "dobj", "aux:tense": "aux"})
    assert [t.dep for t in ann.tokens] == ["det", "nsubj", "aux", "ROOT", "nummod", "dobj"]
    assert ann.children[3] == (1, 2, 5)
    assert [ann.span_text(t) for t in ann.tokens] == ["Les", "soldats", "ont", "tué", "deux", "rebelles"]


def test_adapter_keeps_labels_when_the_language_maps_none():
    doc = _doc(["Troops", "retook", "Ramadi"], [1, 1, 1], ["nsubj", "ROOT", "dobj"])
    assert [t.dep for t in annotations_from_doc(doc).tokens] == ["nsubj", "ROOT", "dobj"]
