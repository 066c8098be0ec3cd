"""Properties of the whole pipeline: evidence is always exact and ids are stable, whatever the text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.slow

# Sentences in the shape of conflict reporting, mixed with awkward characters: emoji, RTL text,
# combining marks, curly quotes, odd spacing.  They exercise every stage, not only the tokenizer.
CLAUSES = [
    "Two civilians were killed on Sunday when a drone struck a market near Daquq, police said.",
    "\u201cWe will retake the city,\u201d he said, \u201cwhatever it costs.\u201d",
    "Islamic State (aka Isil, Isis, Daesh) fighters attacked Amerli in May.",
    "Coalition airstrikes killed 22 militants near Mosul on 29 March last year.",
    "Police fired tear gas at protesters in Bamako yesterday, witnesses told Reuters.",
    "(Iraqi forces retake Tikrit, Al-Monitor, 27 October 2015)",
    "Dozens were wounded in the blast, according to medics.",
    "The army denied that it had \u2018accidentally\u2019 shelled the village.",
]
ODD = st.sampled_from(["\U0001F4A5", "\u0627\u0644\u0645\u0648\u0635\u0644", "e\u0301", "\u200f", "  ", "\t", "\n",
                       "\n\n", "\u00a0", "\u2014", "\U0001F1EE\U0001F1F6", "'", '"'])
TEXTS = st.lists(st.one_of(st.sampled_from(CLAUSES), ODD), min_size=1, max_size=8).map(" ".join)


@pytest.fixture(scope="module")
def extract():
    from sitrep.pipeline import extract_one

    return extract_one


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS, published=st.sampled_from([None, "2016-01-29", "2024-03-12"]))
def test_every_evidence_span_equals_its_text(extract, text, published):
    from sitrep.errors import IngestError

    try:
        report = extract(text, published=published)
    except IngestError:
        return  # too short or not English: refused at the door, nothing to check
    doc = report.document.text
    for ev in report.all_evidence():
        assert 0 <= ev.start <= ev.end <= len(doc)
        assert doc[ev.start:ev.end] == ev.text


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_ids_are_the_same_on_every_run(extract, text):
    from sitrep.errors import IngestError

    try:
        a, b = extract(text, published="2020-02-02"), extract(text, published="2020-02-02")
    except IngestError:
        return
    assert a.document.id == b.document.id
    assert [e.id for e in a.events] == [e.id for e in b.events]
    assert [c.id for c in a.claims] == [c.id for c in b.claims]
    assert a.to_dict() == b.to_dict()
