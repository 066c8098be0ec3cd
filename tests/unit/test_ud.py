"""Universal Dependencies trees rewritten into sitrep's scheme (nlp/ud.py), on trees written by hand and on the
French model's parses of sentences written for the test; Penn tags from French morphology."""

from __future__ import annotations

import pytest

from sitrep.lang import load_lexicon
from sitrep.nlp.ud import ParsedToken, normalise, penn_tag


def _tree(rows):
    return [ParsedToken(text=t, pos=p, dep=d, head=h, morph=m or {}) for t, p, d, h, m in rows]


def test_a_preposition_takes_its_nouns_place_and_the_noun_hangs_from_it():
    # "tués à Ménaka": UD hangs "à" under "Ménaka" (case), Ménaka under "tués" (obl)
    tokens = _tree([("tués", "VERB", "ROOT", 0, None), ("à", "ADP", "case", 2, None),
                    ("Ménaka", "PROPN", "obl:mod", 0, None)])
    heads, deps = normalise(tokens)
    assert (heads, deps) == ([0, 0, 1], ["ROOT", "prep", "pobj"])


def test_the_agent_of_a_passive_is_an_agent_phrase():
    # "blessés par les assaillants"
    tokens = _tree([("blessés", "VERB", "ROOT", 0, None), ("par", "ADP", "case", 3, None),
                    ("les", "DET", "det", 3, None), ("assaillants", "NOUN", "obl:agent", 0, None)])
    heads, deps = normalise(tokens)
    assert deps == ["ROOT", "agent", "det", "pobj"] and heads == [0, 0, 3, 1]


def test_negation_adverbs_become_neg_and_the_euphonic_t_is_no_word():
    tokens = _tree([("n'", "ADV", "advmod", 2, {"Polarity": "Neg"}), ("a", "AUX", "aux:tense", 2, None),
                    ("tué", "VERB", "ROOT", 2, None), ("-t", "PRON", "expl:subj", 2, None)])
    _, deps = normalise(tokens, negation_feature="Polarity=Neg", euphonic=frozenset({"-t"}))
    assert deps == ["neg", "aux:tense", "ROOT", "dep"]


def test_an_inserted_speech_verb_heads_the_sentence_and_its_inverted_subject_is_its_subject():
    # "Des affrontements ont eu lieu, a affirmé le ministre" parsed with the speech verb as a conjunct
    tokens = _tree([("affrontements", "NOUN", "nsubj", 1, None), ("eu", "VERB", "ROOT", 1, None),
                    (",", "PUNCT", "punct", 4, None), ("a", "AUX", "aux:tense", 4, None),
                    ("affirmé", "VERB", "conj", 1, None), ("ministre", "NOUN", "obj", 4, None)])
    heads, deps = normalise(tokens)
    assert deps[4] == "ROOT" and heads[4] == 4
    assert (heads[1], deps[1]) == (4, "ccomp")
    assert deps[5] == "nsubj"


def test_a_verb_parsed_as_the_subject_of_a_later_speech_verb_is_its_complement():
    tokens = _tree([("soldats", "NOUN", "nsubj:pass", 1, None), ("tués", "VERB", "nsubj", 3, None),
                    (",", "PUNCT", "punct", 3, None), ("indiqué", "VERB", "ROOT", 3, None),
                    ("armée", "NOUN", "nsubj", 3, None)])
    _, deps = normalise(tokens)
    assert deps[1] == "ccomp" and deps[4] == "nsubj"


RULES = load_lexicon("fr").parse["tags"]


@pytest.mark.parametrize(("pos", "dep", "morph", "tag"), [
    ("AUX", "aux:tense", {"Tense": "Pres", "VerbForm": "Fin"}, "VBD"),  # the "a" of the passé composé
    ("VERB", "ROOT", {"Tense": "Past", "VerbForm": "Part"}, "VBN"),
    ("VERB", "ROOT", {"VerbForm": "Inf"}, "VB"),
    ("VERB", "ROOT", {"Tense": "Imp", "VerbForm": "Fin"}, "VBD"),
    ("VERB", "ROOT", {"Tense": "Pres", "Person": "3", "Number": "Sing", "VerbForm": "Fin"}, "VBZ"),
    ("VERB", "ROOT", {"Tense": "Pres", "Person": "3", "Number": "Plur", "VerbForm": "Fin"}, "VBP"),
    ("VERB", "acl", {"Tense": "Pres", "VerbForm": "Part"}, "VBG"),
    ("NOUN", "nsubj", {"Number": "Plur"}, "NNS"),
    ("NOUN", "nsubj", {"Number": "Sing"}, "NN"),
    ("PROPN", "pobj", {}, "NNP"),
])
def test_penn_tags_come_from_french_morphology(pos, dep, morph, tag):
    assert penn_tag(pos, dep, morph, RULES) == tag


@pytest.mark.slow
def test_a_french_parse_reads_in_sitreps_scheme():
    from sitrep.nlp.spacy_adapter import annotate

    ann = annotate("Selon l'armée, deux soldats n'ont pas été tués jeudi à Ménaka par des hommes armés.",
                   language="fr")
    by_text = {t.text: t for t in ann.tokens}
    tues = by_text["tués"]
    assert tues.tag == "VBN" and by_text["soldats"].dep == "nsubjpass" and by_text["soldats"].head == tues.i
    assert by_text["été"].dep == "auxpass" and by_text["ont"].dep == "aux" and by_text["ont"].tag == "VBD"
    assert by_text["pas"].dep == "neg" and by_text["n'"].dep == "neg"
    a = by_text["à"]
    assert a.dep == "prep" and a.head == tues.i and by_text["Ménaka"].dep == "pobj" and by_text["Ménaka"].head == a.i
    assert by_text["Ménaka"].ent_type == "GPE"  # French LOC, as the English model's label
    assert by_text["Selon"].dep == "prep" and by_text["armée"].head == by_text["Selon"].i
    assert by_text["soldats"].tag == "NNS"


@pytest.mark.slow
def test_a_french_quote_with_an_inverted_speech_verb_reads_like_an_english_one():
    from sitrep.nlp.spacy_adapter import annotate

    ann = annotate("« Nous avons repoussé l'attaque », a-t-il déclaré.", language="fr")
    by_text = {t.text: t for t in ann.tokens}
    said = by_text["déclaré"]
    assert said.dep == "ROOT"
    assert by_text["repoussé"].dep == "ccomp" and by_text["repoussé"].head == said.i
    assert by_text["-il"].dep == "nsubj" and by_text["-t"].dep == "dep"
