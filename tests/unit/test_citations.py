"""The citations stage: parenthesised and inline references to other outlets' reports."""

from __future__ import annotations

import pytest

from sitrep.extract.citations import extract_citations, is_outlet_like, normalize_date
from sitrep.model import Annotations, check_evidence, stable_id


def _ann(text: str) -> Annotations:
    # The stage reads only the raw text, so no parse is needed.
    return Annotations(text=text, tokens=(), sentences=(), entities=())


def test_citations_reads_title_outlet_and_date_from_parentheses():
    text = "Government troops entered the city centre (Iraqi forces retake Tikrit, Al-Monitor, 27 October 2015)."
    [c] = extract_citations(_ann(text))
    assert (c.title, c.outlet, c.author, c.date) == ("Iraqi forces retake Tikrit", "Al-Monitor", None, "2015-10-27")
    assert c.evidence[0].text == "(Iraqi forces retake Tikrit, Al-Monitor, 27 October 2015)"
    assert c.id == stable_id("ci", c.evidence[0].start, c.evidence[0].end)
    assert c.extractor == "citations@2"


def test_citations_splits_author_from_title():
    text = "Tribal fighters joined the offensive (Sunni tribes join fight by Jane Smith, The National, 3 March 2015)."
    [c] = extract_citations(_ann(text))
    assert (c.title, c.author, c.outlet, c.date) == ("Sunni tribes join fight", "Jane Smith", "The National", "2015-03-03")


def test_citations_finds_inline_report_and_keeps_relative_date_as_text():
    text = "At least 40 people were killed, according to a Reuters report on Monday."
    [c] = extract_citations(_ann(text))
    assert (c.outlet, c.date, c.title) == ("Reuters", "Monday", None)
    assert c.evidence[0].text == "according to a Reuters report on Monday"


@pytest.mark.parametrize(
    "text",
    [
        "Fighters of the Islamic State (IS) attacked the base.",
        "Islamic State (aka Isil, Isis) claimed the bombing.",
        "The commander (left) met tribal leaders in Ramadi.",
        "Troops reached the river on Tuesday (pictured, above).",
        "Shelling resumed (3 March 2015).",
        "Officials (speaking anonymously, in Baghdad) gave no figures.",
    ],
)
def test_citations_ignores_ordinary_parentheses(text):
    assert extract_citations(_ann(text)) == []


@pytest.mark.parametrize(
    ("text", "outlet", "date", "title"),
    [
        ("(Al-Monitor, October 27, 2015)", "Al-Monitor", "2015-10-27", None),
        ("(“Militia gains ground in Anbar”, The Guardian)", "The Guardian", None, "Militia gains ground in Anbar"),
        ("(Iraq Body Count, 2015)", "Iraq Body Count", "2015", None),
        ("(Reuters, 13/10/2015)", "Reuters", "2015-10-13", None),
        ("(Rudaw, 03/04/2016)", "Rudaw", "03/04/2016", None),
        ("(Kurds push toward Sinjar, BBC News, May 2015)", "BBC News", "2015-05", "Kurds push toward Sinjar"),
    ],
)
def test_citations_parses_parenthesised_forms(text, outlet, date, title):
    [c] = extract_citations(_ann(f"Fighting continued {text}."))
    assert (c.outlet, c.date, c.title) == (outlet, date, title)


@pytest.mark.parametrize(
    ("text", "outlet", "date"),
    [
        ("A report by Human Rights Watch in March 2016 documented the abuses.", "Human Rights Watch", "2016-03"),
        ("The figure comes from a report in the New York Times on October 5, 2015.", "New York Times", "2015-10-05"),
        ("According to an Al Jazeera report from 12 June 2014, the dam was seized.", "Al Jazeera", "2014-06-12"),
        ("An investigation by Amnesty International found mass graves.", "Amnesty International", None),
    ],
)
def test_citations_finds_inline_forms(text, outlet, date):
    [c] = extract_citations(_ann(text))
    assert (c.outlet, c.date) == (outlet, date)


@pytest.mark.parametrize(
    "text", ["An article in March said the siege had ended.", "According to a new report on Monday, aid was blocked."]
)
def test_citations_does_not_take_dates_for_outlets(text):
    assert extract_citations(_ann(text)) == []


def test_citations_evidence_is_exact_with_multibyte_text():
    text = "🔥 Clashes near Mosul — 12 dead (Clashes erupt near Mosul, Rudaw, 4 May 2016) and “more” later."
    cites = extract_citations(_ann(text))
    assert len(cites) == 1
    assert check_evidence(text, cites[0].evidence) == []


def test_citations_are_in_text_order_and_do_not_overlap():
    text = ("A report by Amnesty International listed the dead (Abuses in Anbar, Amnesty International, 2016). "
            "Troops withdrew (Army pulls back from Ramadi, Reuters, 17 May 2015).")
    cites = extract_citations(_ann(text))
    starts = [c.evidence[0].start for c in cites]
    assert starts == sorted(starts)
    assert [c.outlet for c in cites] == ["Amnesty International", "Amnesty International", "Reuters"]


@pytest.mark.parametrize(
    ("raw", "iso"),
    [("27 October 2015", "2015-10-27"), ("Oct. 27, 2015", "2015-10-27"), ("2015-10-27", "2015-10-27"),
     ("May 2015", "2015-05"), ("2014", "2014"), ("Monday", "Monday"), ("31 February 2015", "31 February 2015"),
     ("4/4/2016", "4/4/2016"), ("27 October", "27 October")],
)
def test_normalize_date_returns_iso_only_when_unambiguous(raw, iso):
    assert normalize_date(raw) == iso


@pytest.mark.parametrize(
    ("part", "ok"),
    [("Al-Monitor", True), ("The National", True), ("Fars News Agency", True), ("BBC", True),
     ("left", False), ("aka Isil", False), ("27 October 2015", False), ("a very long name that keeps going on", False)],
)
def test_is_outlet_like(part, ok):
    assert is_outlet_like(part) is ok


@pytest.mark.slow
@pytest.mark.parametrize("text", ["US Marines fought for Ramadi for months (Anbar, Iraq, 2014).",
                                  "Fighting resumed near the citadel (Kirkuk, 12 May 2016)."])
def test_citations_place_and_date_in_parentheses_is_not_a_citation(annotate, text):
    assert extract_citations(annotate(text)) == []


@pytest.mark.slow
def test_citations_outlet_named_like_no_place_still_counts_with_a_parse(annotate):
    [c] = extract_citations(annotate("Fighting resumed near the citadel (Rudaw, 12 May 2016)."))
    assert (c.outlet, c.date) == ("Rudaw", "2016-05-12")
