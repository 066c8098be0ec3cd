"""The parse repairs of ``sitrep.nlp.repairs``, on trees written by hand and on the English model's parses."""

from __future__ import annotations

import pytest

from sitrep.nlp.repairs import reduced_relatives

# "Officials said two herders grazing cattle were killed ." as the small English model parses it: "herders" the
# subject of "grazing", "killed" a clause with no subject.
_WORDS = ["Officials", "said", "two", "herders", "grazing", "cattle", "were", "killed", "."]
_POS = ["NOUN", "VERB", "NUM", "NOUN", "VERB", "NOUN", "AUX", "VERB", "PUNCT"]
_TAGS = ["NNS", "VBD", "CD", "NNS", "VBG", "NNS", "VBD", "VBN", "."]
_HEADS = [1, 1, 3, 4, 1, 4, 7, 1, 1]
_DEPS = ["nsubj", "ROOT", "nummod", "nsubj", "ccomp", "dobj", "auxpass", "ccomp", "punct"]


def test_a_reduced_relative_read_as_a_clause_is_put_back_on_its_noun() -> None:
    heads, deps = reduced_relatives(_POS, _TAGS, _HEADS, _DEPS)
    assert (heads[3], deps[3]) == (7, "nsubjpass")  # "herders" is who was killed
    assert (heads[4], deps[4]) == (3, "acl")  # "grazing cattle" describes them
    assert heads[:3] + heads[5:] == _HEADS[:3] + _HEADS[5:]


def test_a_clause_with_its_own_subject_or_a_conjunct_is_left_alone() -> None:
    # "killed" with a subject of its own
    deps = list(_DEPS)
    heads = list(_HEADS)
    heads[0], deps[0] = 7, "nsubjpass"
    assert reduced_relatives(_POS, _TAGS, heads, deps) == (heads, deps)
    # a conjunct shares the subject of the verb it joins ("heard the victim calling for help, assisted ...")
    deps = list(_DEPS)
    deps[7] = "conj"
    assert reduced_relatives(_POS, _TAGS, _HEADS, deps) == (list(_HEADS), deps)


@pytest.mark.slow
def test_the_dead_of_a_reduced_relative_are_counted() -> None:
    from sitrep.pipeline import extract_one

    text = "The governor said two farmers working on their land were killed by gunmen on Monday in Bauchi."
    assert [e.killed.best for e in extract_one(text, published="2024-03-19").events] == [2]
