"""Properties of the store and the CSV export over any text: nothing is lost and evidence spans stay exact.

NUL is allowed: DuckDB keeps it in VARCHAR and JSON columns, so the store takes the text as ingest gives it
(whether clean text may contain control characters is ingest's decision). Lone surrogates are not Unicode
and cannot be written as UTF-8: the store refuses them with a StoreError (see tests/unit/test_store.py).
"""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.model import (
    AssertedBy,
    AssertedKind,
    Document,
    Event,
    Evidence,
    Place,
    Precision,
    Report,
    Time,
    TimeBasis,
    check_evidence,
    to_dict,
)
from sitrep.store.duckdb import DuckDBStore
from sitrep.store.export import CSV_COLUMNS, write_events

# Pieces that break code assuming one code point per character, left-to-right text or UTF-16 units.
PIECES = [
    "Shelling hit Donetsk, ", "\U0001f469\U0001f3fd\u200d\u2695\ufe0f", "\U0001f1fa\U0001f1e6", "e\u0301",
    "\u0642\u0635\u0641 \u0639\u0644\u0649 \u063a\u0632\u0629", "\u05e9\u05dc\u05d5\u05dd", "\u202e", "\U0001d538",
    "\x00", "\r\n", "\r", "\u2028", '"quoted", ', "\t", "\ufeff", "ǅ",
]
texts = st.one_of(
    st.text(min_size=1, max_size=300),
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join),
)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    text = draw(texts)
    doc = Document.create(text, url="https://news.example/p", published="2024-03-12")

    def span() -> Evidence:
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        return Evidence.of(text, start, end)

    event = Event(
        id=f"ev_{doc.id}", type="battles", subtype="armed_clash", plover="FIGHT",
        date=Time(value="2024-03-10", precision=Precision.DAY, start="2024-03-10", end="2024-03-10",
                  basis=TimeBasis.RELATIVE, evidence=(span(),)),
        place=Place(name=draw(texts), lat=48.0, lon=37.8, evidence=(span(), span())),
        actors=(), killed=None, injured=None, asserted_by=AssertedBy(kind=AssertedKind.OUTLET),
        hedge=None, negated=False, confidence=0.5, evidence=(span(),), document_ids=(doc.id,),
    )
    return Report(document=doc, events=(event,), places=(event.place,), times=(event.date,))


@pytest.fixture(scope="module")
def store():
    with DuckDBStore(":memory:") as s:
        yield s


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(report=reports())
def test_store_round_trips_any_text_and_keeps_evidence_exact(store: DuckDBStore, report: Report) -> None:
    # the same text may come back with other spans (same document id, new content): that is an update
    assert store.save_report(report) in {"inserted", "unchanged", "updated"}
    assert store.save_report(report) == "unchanged"
    doc = store.document(report.document.id)
    assert doc is not None
    assert doc.text == report.document.text
    back = store.event(report.events[0].id)
    assert to_dict(back) == to_dict(report.events[0])
    assert check_evidence(doc.text, [*back.evidence, *back.date.evidence, *back.place.evidence]) == []


def _guarded(text: str) -> str:
    import re

    return "'" + text if text[:1] in "=+-@\t\r" and text[:1] and not re.match(r"^[+-]?\d+(\.\d+)?$", text) else text


@settings(max_examples=80, deadline=None)
@given(report=reports())
def test_csv_cells_round_trip_any_text(report: Report) -> None:
    out = io.StringIO()
    write_events(report.events, "csv", out)
    _, row = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    values = dict(zip(CSV_COLUMNS, row, strict=True))
    event = report.events[0]
    # text that a spreadsheet would run as a formula comes back behind one apostrophe, and only then
    assert values["notes"] == _guarded(event.evidence[0].text)
    assert values["location"] == _guarded(event.place.name)
