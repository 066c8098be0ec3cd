"""French wire copy as it really runs (AFP, RFI, Radio Okapi styles), in sentences written for the tests: the
constructions where the French parse or phrasing differs from English and a general rule reads it right."""

from __future__ import annotations

import pytest

from sitrep.lang import load_lexicon

pytestmark = pytest.mark.slow
FR = load_lexicon("fr")


def _ann(text):
    from sitrep.nlp.spacy_adapter import annotate

    return annotate(text, language="fr")


def _counts(text):
    from sitrep.extract.casualties import extract_casualties

    return [(c.kind, c.count.best, c.count.low, c.count.high) for c in extract_casualties(_ann(text), lexicon=FR)]


@pytest.mark.parametrize(("text", "expected"), [
    # the parser makes the number the subject and the noun its adjective
    ("Au moins soixante civils ont été tués dans la nuit.", ("killed", 60, 60, None)),
    ("Au moins dix-neuf civils ont été blessés dans la nuit.", ("injured", 19, 19, None)),
    ("Au moins vingt-huit militaires ont été blessés dans la nuit.", ("injured", 28, 28, None)),
    # a headline's participle hangs on a noun tagged as an adjective
    ("Burkina : au moins 25 civils tués par des jihadistes dans le Nord", ("killed", 25, 25, None)),
])
def test_a_count_the_french_parser_splits_is_read_whole(text, expected):
    assert expected in _counts(text)
