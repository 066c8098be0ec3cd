"""The spaCy adapter: offsets-only annotations, and each language's dependency labels mapped onto sitrep's."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from sitrep.nlp.spacy_adapter import annotate, annotations_from_doc


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


@pytest.mark.slow
def test_the_lead_after_a_bracketed_dateline_is_a_sentence_of_its_own():
    # glued to the dateline, the lead's subject was lost to the parse ("... (APP) At least four policemen were killed")

    text = ("Quetta, March 3 (APP) At least four policemen were killed when gunmen attacked a check post on Sunday.\n"
            "KABUL, Afghanistan (May 2, 2011) - Troops detained two suspects. The raid, officials said (on Monday), "
            "went well.")
    ann = annotate(text)
    starts = [text[s.start : s.start + 12] for s in ann.sentences]
    assert starts[:4] == ["Quetta, Marc", "At least fou", "KABUL, Afgha", "Troops detai"]
    # a bracket later in a line is no dateline
    assert not any(s.startswith("went") for s in starts)


@pytest.mark.slow
def test_the_lead_after_a_city_in_capitals_and_a_colon_or_dash_is_a_sentence_of_its_own():
    text = ("ISLAMABAD: A bomb hidden in a cart killed three traders in a market, police said on Friday.\n"
            "LIMA — Protesters blocked the main highway.\n"
            "DAKAR (AP) — Gunmen attacked a convoy.\n"
            "The minister said: Nothing was lost.")
    starts = [text[s.start : min(s.end, s.start + 9)].strip() for s in annotate(text).sentences]
    assert starts == ["ISLAMABAD", "A bomb hi", "LIMA —", "Protester", "DAKAR (AP", "Gunmen at", "The minis"]


@pytest.mark.slow
def test_a_hyphen_inside_a_capital_city_name_is_no_dateline_dash():
    text = "PORT-AU-PRINCE, Haiti — Gangs attacked a suburb."
    assert [text[s.start : s.end].strip() for s in annotate(text).sentences] == [
        "PORT-AU-PRINCE, Haiti —", "Gangs attacked a suburb."]


@pytest.mark.slow
def test_a_dateline_with_the_country_in_square_brackets_and_a_colon_is_one_sentence_before_the_lead():
    text = ("Quetta [Pakistan], May 12 (APP/Xinhua): Four policemen were killed when gunmen attacked a check post in "
            "Kech district on Sunday.")
    ann = annotate(text)
    assert [text[s.start : s.end] for s in ann.sentences][:1] == ["Quetta [Pakistan], May 12 (APP/Xinhua):"]
    assert text[ann.sentences[1].start :].startswith("Four policemen")
