"""The attribute ruler split into lookup tables and a smaller ruler (``nlp.ruler``): which rules go where, and
tokens identical to the model's own ruler's."""

from __future__ import annotations

from sitrep.nlp.ruler import FACTORY, split_rules
from sitrep.nlp.spacy_adapter import load_pipeline, load_stock_pipeline

TAG_ONLY = {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}, "index": 0}
TAG_WORDS = {"patterns": [[{"TAG": "IN", "LOWER": {"IN": ["if", "whether"]}}]], "attrs": {"POS": "SCONJ"}, "index": 0}
BY_DEP = {"patterns": [[{"TAG": "IN", "DEP": "mark"}]], "attrs": {"POS": "SCONJ"}, "index": 0}
TWO_TOKENS = {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0}


def test_rules_on_a_tag_and_words_go_to_tables_and_the_others_stay_in_the_ruler():
    table, kept = split_rules([TAG_ONLY, TAG_WORDS, BY_DEP, TWO_TOKENS])
    assert table == [0, 1]
    assert kept == [2, 3]


def test_a_table_rule_that_an_earlier_matcher_rule_could_override_stays_in_the_ruler():
    # BY_DEP (kept) comes first and sets POS on IN tokens: TAG_WORDS, after it, must still win over it, so it
    # stays in the ruler where the order holds; TAG_ONLY asks for another tag and may leave
    table, kept = split_rules([BY_DEP, TAG_WORDS, TAG_ONLY])
    assert table == [2]
    assert kept == [0, 1]
    # a kept rule that cannot match the same token (another tag) does not hold a table rule back
    other_tag = {"patterns": [[{"TAG": "VBZ", "DEP": "aux"}]], "attrs": {"POS": "AUX"}, "index": 0}
    assert split_rules([other_tag, TAG_WORDS]) == ([1], [0])


def test_a_table_rule_that_sets_what_a_matcher_rule_reads_stays_in_the_ruler():
    retag = {"patterns": [[{"TAG": "NFP"}]], "attrs": {"TAG": "IN"}, "index": 0}
    table, kept = split_rules([retag, BY_DEP])
    assert kept == [0, 1] and table == []


TEXT = ("I told him that it wasn't there, but she said they'd gone. There is a man who gets what he wants; "
        "we got ourselves a deal. Y'all ain't gonna like it, he's been saying, and those are hers.\n\n"
        "Its fighters had shelled the town since Monday, killing 12 people, the ministry's spokesman said.")


def test_the_english_pipeline_gives_the_tokens_the_models_own_ruler_gives():
    nlp = load_pipeline("en")
    assert FACTORY in nlp.pipe_names
    assert nlp.pipe_names.index(FACTORY) == nlp.pipe_names.index("attribute_ruler") - 1
    stock = load_stock_pipeline("en")
    assert len(nlp.get_pipe("attribute_ruler").patterns) < len(stock.get_pipe("attribute_ruler").patterns) / 3
    stock.add_pipe("sitrep_line_breaks", before="parser")

    def attrs(doc):
        return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]

    ours, theirs = attrs(nlp(TEXT)), attrs(stock(TEXT))
    assert ours == theirs
    assert ("'s", "AUX", "VBZ", "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin", "be") in [a[:5] for a in ours]


def test_a_pipeline_whose_ruler_keys_on_the_part_of_speech_keeps_it_whole():
    nlp = load_pipeline("fr")
    stock = load_stock_pipeline("fr")
    assert FACTORY not in nlp.pipe_names
    assert nlp.get_pipe("attribute_ruler").patterns == stock.get_pipe("attribute_ruler").patterns
