"""``sitrep eval incidents``: the gold loader, the matcher and the metrics, on events built here and on the
three invented articles of tests/fixtures/incidents (gold.jsonl, texts/, and reports.jsonl: a hand-built
system output whose figures are worked out by hand below)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.errors import ConfigError
from sitrep.eval import incidents, part_of
from sitrep.eval._incident_gold import GoldArticle, GoldEvent, Toll, load_gold, value_range
from sitrep.eval._incident_match import (
    asserted_by_matches,
    exclusion,
    match_events,
    match_names,
    names_match,
    score_article,
    toll_right,
)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "incidents"
KM_PER_DEGREE = 111.195  # one degree of latitude on the mean-radius sphere


def gold(*, family: str = "battles", status: str = "news", first: str | None = "2024-03-10",
         last: str | None = None, lat: float | None = 0.0, lon: float | None = 0.0, country: str = "ML",
         precision: str = "town", **kw) -> GoldEvent:
    first_d = date.fromisoformat(first) if first else None
    last_d = date.fromisoformat(last) if last else first_d
    day = first if first and first_d == last_d else None
    return GoldEvent(family=family, status=status, first=first_d, last=last_d, day=day, lat=lat, lon=lon,
                     country=country, precision=precision, **kw)


def system(*, type_: str = "battles", start: str | None = "2024-03-10", end: str | None = None,
           km_north: float | None = 0.0, country: str = "ML", **kw) -> dict:
    """A system event as JSON, ``km_north`` of the point (0, 0)."""
    place = {"name": "P", "country": country, "lat": None if km_north is None else km_north / KM_PER_DEGREE,
             "lon": None if km_north is None else 0.0}
    when = None if start is None else {"value": start if end is None else f"{start}/{end}", "start": start,
                                       "end": end or start}
    return {"type": type_, "date": when, "place": place, "negated": False, "hedge": None, "confidence": 0.5, **kw}


# --------------------------------------------------------------------------- gold loader


def test_loader_reads_the_fixture_and_derives_ranges():
    articles = list(load_gold(FIXTURE))
    assert [a.id for a in articles] == ["a1", "a2", "a3"]
    a1 = articles[0]
    assert a1.published == "2024-03-12" and a1.speakers == ("police", "Colonel Ahmed Salih")
    news, background = a1.events
    assert (news.day, news.first, news.last, news.killed) == ("2024-03-10", date(2024, 3, 10), date(2024, 3, 10),
                                                              Toll(low=2, high=2))
    assert (background.status, background.day, background.first, background.last) == (
        "background", None, date(2023, 1, 1), date(2023, 12, 31))
    assert articles[1].events[2].precision == "province"


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-02-29", (date(2024, 2, 29), date(2024, 2, 29))),
    ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
    ("2023", (date(2023, 1, 1), date(2023, 12, 31))),
    ("2023-02-29", None), ("last week", None),
])
def test_gold_date_value_covers_a_day_a_month_or_a_year(value, expected):
    assert value_range(value) == expected


def _write_layout(tmp_path: Path, row: dict, *, text: bool = True) -> Path:
    (tmp_path / "texts").mkdir()
    (tmp_path / "gold.jsonl").write_text(json.dumps({"id": "x1", "events": [], "claims": []}) + "\n"
                                         + json.dumps(row) + "\n")
    (tmp_path / "texts" / "x1.txt").write_text("Text one.")
    if text:
        (tmp_path / "texts" / f"{row['id']}.txt").write_text("Text two.")
    return tmp_path


GOOD_EVENT = {"family": "riots", "status": "news", "date": {"value": "2020-05"},
              "place": {"name": "Gao", "country": "ML", "lat": 16.27, "lon": -0.04, "precision": "town"},
              "killed": None, "injured": {"low": 1, "high": 3}, "asserted_by": ["outlet"]}


@pytest.mark.parametrize(("change", "message"), [
    ({"family": "riot"}, "family 'riot' is not one of"),
    ({"status": "old"}, "status 'old'"),
    ({"date": {"value": "May 2020"}}, "date value 'May 2020'"),
    ({"date": {"earliest": "2020-05-09", "latest": "2020-05-01"}}, "is after latest"),
    ({"killed": {"low": 5, "high": 2}}, "0 <= low <= high"),
    ({"place": {"lat": 16.27, "precision": "town"}}, "only one of lat/lon"),
    ({"place": {"lat": 16.27, "lon": -0.04, "precision": "city"}}, "precision 'city'"),
])
def test_loader_names_the_line_and_the_field_of_a_bad_event(tmp_path, change, message):
    layout = _write_layout(tmp_path, {"id": "x2", "events": [{**GOOD_EVENT, **change}], "claims": []})
    with pytest.raises(ConfigError, match=message) as err:
        list(load_gold(layout))
    assert "gold.jsonl:2 (id 'x2') events[0]" in str(err.value)


@pytest.mark.parametrize(("published", "accepted"), [
    ("2020-05-09", True), ("2020-05", True), ("2020-13", False), ("May 2020", False), ("2020", False)])
def test_loader_takes_a_publication_day_or_month(tmp_path, published, accepted):
    # a page that tells only its month is published 'YYYY-MM', as ingest records it
    layout = _write_layout(tmp_path, {"id": "x2", "published": published, "events": [], "claims": []})
    if accepted:
        assert list(load_gold(layout))[1].published == published
    else:
        with pytest.raises(ConfigError, match=f"gold.jsonl:2 \\(id 'x2'\\): published '{published}'"):
            list(load_gold(layout))


@pytest.mark.parametrize(("coded", "expected"), [
    ({"value": "2020-05-09"}, ("2020-05-09", date(2020, 5, 9), date(2020, 5, 9))),
    ({"earliest": "2020-05-09", "latest": "2020-05-09"}, ("2020-05-09", date(2020, 5, 9), date(2020, 5, 9))),
    ({"value": "2020-05", "earliest": "2020-05-20"}, (None, date(2020, 5, 20), date(2020, 5, 31))),
    ({"value": None, "earliest": None, "latest": None}, (None, None, None)),
])
def test_gold_day_and_range_come_from_value_or_bounds(tmp_path, coded, expected):
    layout = _write_layout(tmp_path, {"id": "x2", "events": [{**GOOD_EVENT, "date": coded}], "claims": []})
    event = list(load_gold(layout))[1].events[0]
    assert (event.day, event.first, event.last) == expected


def test_loader_names_a_missing_text_and_a_repeated_id(tmp_path):
    layout = _write_layout(tmp_path, {"id": "x2", "events": [GOOD_EVENT], "claims": []}, text=False)
    with pytest.raises(ConfigError, match=r"gold.jsonl:2: the text of article 'x2' is missing .*x2.txt"):
        list(load_gold(layout))
    (layout / "texts" / "x2.txt").write_text("Text two.")
    with (layout / "gold.jsonl").open("a") as fh:
        fh.write(json.dumps({"id": "x2", "events": [], "claims": []}) + "\n")
    with pytest.raises(ConfigError, match=r"gold.jsonl:3: id 'x2' appears twice"):
        list(load_gold(layout))


# --------------------------------------------------------------------------- which events count, and matching


@pytest.mark.parametrize(("extra", "why"), [
    ({}, None), ({"hedge": "alleged"}, None), ({"verbal": False}, None),
    ({"negated": True}, "negated"), ({"hedge": "hypothetical"}, "hypothetical"),
    ({"hedge": "historical"}, "historical"), ({"verbal": True}, "verbal"),
])
def test_only_events_told_as_news_and_not_verbal_are_considered(extra, why):
    assert exclusion(system(**extra)) == why


@pytest.mark.parametrize(("gold_kw", "start", "end", "matches"), [
    ({}, "2024-03-11", None, True),  # one day late: inside the widened range
    ({}, "2024-03-09", None, True),
    ({}, "2024-03-12", None, False),  # two days late
    ({}, "2024-03-01", "2024-03-31", True),  # sitrep says "March"
    ({"first": "2024-03-01", "last": "2024-03-31"}, "2024-04-01", None, True),  # gold "March", widened
    ({"first": "2024-03-01", "last": "2024-03-31"}, "2024-04-02", None, False),
    ({"first": None}, "1999-01-01", None, True),  # the gold has no date: any resolved date
    ({}, None, None, False),  # sitrep resolved no date
])
def test_dates_overlap_once_the_gold_range_is_widened_by_a_day(gold_kw, start, end, matches):
    assert bool(match_events([gold(**gold_kw)], [system(start=start, end=end)])) is matches


@pytest.mark.parametrize(("precision", "km_north", "country", "matches"), [
    ("town", 49.0, "ML", True), ("town", 51.0, "ML", False),
    ("district", 49.0, "NE", True),  # near enough: a town or district match does not look at the country
    ("province", 51.0, "ML", True), ("province", 290.0, "ML", True), ("country", 290.0, "ML", True),
    ("province", 290.0, "NE", False), ("province", 310.0, "ML", False),
    ("town", None, "ML", False),  # no coordinates
])
def test_place_is_within_50_km_or_for_a_province_in_the_country_and_within_300_km(precision, km_north, country,
                                                                                  matches):
    found = match_events([gold(precision=precision)], [system(km_north=km_north, country=country)])
    assert bool(found) is matches


def test_matching_is_one_to_one_and_greedy_closest_place_first():
    golds = [gold(lat=0.0), gold(lat=30 / KM_PER_DEGREE)]  # 30 km apart
    events = [system(km_north=25.0), system(km_north=5.0)]  # each fits both; in text order the first fits gold 0
    matched = match_events(golds, events)
    assert {si: gi for si, (gi, _) in matched.items()} == {0: 1, 1: 0}
    assert [round(matched[si][1], 1) for si in (0, 1)] == [5.0, 5.0]
    lonely = match_events([gold(lat=0.0), gold(lat=40 / KM_PER_DEGREE)], [system(km_north=30.0)])
    assert {si: gi for si, (gi, _) in lonely.items()} == {0: 1}  # the closer gold event takes the only one


def test_a_loose_match_ignores_the_family_and_prefers_the_same_family_on_a_tie():
    golds = [gold(family="battles")]
    events = [system(type_="riots"), system(type_="battles")]
    assert match_events(golds, [events[0]]) == {}
    assert list(match_events(golds, [events[0]], family=False)) == [0]
    assert list(match_events(golds, events, family=False)) == [1]


def _article(*events: GoldEvent, speakers: tuple[str, ...] = ()) -> GoldArticle:
    return GoldArticle(id="t", line=1, text_path=FIXTURE / "texts" / "a1.txt", events=events, speakers=speakers)


def test_a_system_event_matching_only_a_background_event_is_a_false_positive_and_a_leak():
    article = _article(gold(), gold(status="background", first="2023-01-01", last="2023-12-31", lat=1.0),
                       gold(status="denied", first="2024-01-05", lat=2.0))
    report = {"events": [system(), system(start="2023-06-01", km_north=KM_PER_DEGREE),
                         system(start="2024-01-05", km_north=2 * KM_PER_DEGREE)]}
    counts, listing = score_article(article, report)
    assert (counts["n_gold_news"], counts["n_system"], counts["n_matched"], counts["n_background_leak"]) == (1, 3, 1, 1)
    assert [fp["background_leak"] for fp in listing["false_positives"]] == [True, False]


def test_an_event_that_matches_a_news_event_is_not_a_leak_even_if_it_fits_background_too():
    article = _article(gold(), gold(status="background"))
    counts, _ = score_article(article, {"events": [system()]})
    assert (counts["n_matched"], counts["n_background_leak"]) == (1, 0)


# --------------------------------------------------------------------------- values on matches and names


@pytest.mark.parametrize(("toll", "best", "right"), [
    (None, None, True), (None, 0, True), (None, 2, False),
    (Toll(low=3, high=4), 4, True), (Toll(low=3, high=4), 5, False), (Toll(low=0, high=0), None, False),
])
def test_killed_is_right_when_sitrep_best_is_within_the_gold_range(toll, best, right):
    assert toll_right(toll, None if best is None else {"best": best}) is right


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Col. Ahmed Salih", "Colonel Ahmed Salih", True),
    ("Gen. Smith", "Gen. Jones", False),
    ("the governor", "the provincial governor", True),
    ("President", "the president", True),
    ("Mr Ali", "Mrs Ali", True),
    ("al-Qaeda", "al-Shabaab", False),
    ("Abu Bakr", "Abu Mohammed", False),
    ("the Ménaka mayor", "Menaka officials", True),
    ("The United Nations", "UN", False),
    ("police", None, False),
])
def test_names_match_on_one_shared_content_word_with_titles_dropped(a, b, same):
    assert names_match(a, b) is same


def test_speakers_are_matched_one_to_one():
    assert match_names(["police", "police"], ["police"]) == 1
    assert match_names(["police"], ["police", "the police"]) == 1
    assert match_names(["army spokesman", "the army"], ["army", "spokesman Ali"]) == 1
    assert match_names(["Col. Ali", "police"], [None, "police chief Ali", "police"]) == 2


@pytest.mark.parametrize(("gold_sources", "asserted", "right"), [
    (["outlet"], {"kind": "outlet", "name": None}, True),
    (["outlet"], {"kind": "speaker", "name": "police"}, False),
    (["the army", "The governor of Kidal"], {"kind": "speaker", "name": "Kidal governor"}, True),
    (["the army"], {"kind": "speaker", "name": None}, False),
])
def test_asserted_by_matches_a_gold_source_by_name_or_the_outlet_by_kind(gold_sources, asserted, right):
    assert asserted_by_matches(gold_sources, asserted) is right


# --------------------------------------------------------------------------- the fixture, scored from saved reports


def _fixture_metrics(**kw) -> dict:
    return incidents.evaluate([str(FIXTURE)], fmt="sitrep-incidents", from_reports=str(FIXTURE / "reports.jsonl"),
                              **kw)


def test_fixture_metrics_equal_the_hand_computed_figures():
    m = _fixture_metrics()
    # Gold news: a1 1, a2 4, a3 1 (a3 is French: refused).  Considered system events: a1 2 of 5 (one negated,
    # one verbal, one historical), a2 6.  Matches: a1 Daquq; a2 Gao, Menaka (province, 51 km) and Bamako.
    # Kidal is only a loose match (violence_against_civilians), one a2 event has no date, Niamey is in Niger;
    # a1's Tuz Khurmatu event leaks onto the background car bomb.
    assert (m["n_gold_news"], m["n_system"], m["n_matched"], m["n_refused"]) == (6, 8, 4, 1)
    assert (m["event_recall"], m["event_precision"], m["event_f1"]) == (0.6667, 0.5, 0.5714)
    assert (m["family_accuracy"], m["n_family_accuracy"]) == (0.8, 5)
    assert (m["background_leak"], m["n_background_leak"]) == (0.125, 1)
    # On the 4 matches: Bamako is a day late; Menaka is 51 km off and says 3 killed for 1..1; Bamako gives
    # 2 injured where the gold has none; Menaka's source has no name.
    assert [m[k] for k in ("date_exact_day", "place_within_25km", "killed_exact", "injured_exact",
                           "asserted_by_match")] == [0.75] * 5
    assert m["n_killed_exact"] == 4
    # Speakers: gold 2 + 4 + 1, system 3 + 5; matched police, Col. Ahmed Salih, army, Kidal governor, UN.
    assert (m["speaker_recall"], m["speaker_precision"], m["n_gold_claims"], m["n_system_claims"]) == (
        0.7143, 0.625, 7, 8)
    # every considered event reaches the default threshold 0.3 (the lowest is exactly 0.3)
    assert m["precision_at_confidence"] == {"0.3": {"n": 8, "n_matched": 4, "precision": 0.5},
                                            "0.5": {"n": 6, "n_matched": 4, "precision": 0.6667},
                                            "0.8": {"n": 3, "n_matched": 3, "precision": 1.0}}
    assert m["n_excluded"] == {"historical": 1, "negated": 1, "verbal": 1}
    assert m["refused"][0]["id"] == "a3" and m["refused"][0]["code"] == "language"


def test_per_doc_lists_misses_and_false_positives():
    docs = {d["id"]: d for d in _fixture_metrics(per_doc=True)["per_doc"]}
    assert docs["a1"]["misses"] == [] and docs["a1"]["event_precision"] == 0.5
    assert [(fp["place"], fp["background_leak"]) for fp in docs["a1"]["false_positives"]] == [("Tuz Khurmatu", True)]
    [kidal] = docs["a2"]["misses"]
    assert (kidal["place"], kidal["killed"], kidal["loose_match_type"]) == (
        "Kidal", {"low": 3, "high": 4}, "violence_against_civilians")
    assert [fp["place"] for fp in docs["a2"]["false_positives"]] == ["Kidal", "Gao", "Niamey"]
    assert docs["a3"]["refused"] == "language" and docs["a3"]["event_recall"] == 0.0
    assert docs["a3"]["event_precision"] is None  # nothing to be precise about


def test_part_keeps_the_articles_of_that_half():
    halves = {p: [a.id for a in incidents.select_articles([str(FIXTURE)], part=p)] for p in ("tune", "check")}
    assert sorted(halves["tune"] + halves["check"]) == ["a1", "a2", "a3"]
    assert all(part_of(i) == p for p, ids in halves.items() for i in ids)
    assert _fixture_metrics(part="check")["n_articles"] == len(halves["check"])


def test_saved_reports_missing_an_article_are_refused_with_its_id(tmp_path):
    partial = tmp_path / "reports.jsonl"
    partial.write_text((FIXTURE / "reports.jsonl").read_text().splitlines()[0] + "\n")
    with pytest.raises(ConfigError, match="no report for 2 article.*'a2'"):
        incidents.evaluate([str(FIXTURE)], fmt="sitrep-incidents", from_reports=str(partial))


def test_cli_prints_the_metrics_and_rejects_options_a_task_lacks(tmp_path):
    runner = CliRunner()
    out = runner.invoke(main, ["eval", "incidents", "--format", "sitrep-incidents", str(FIXTURE), "-q",
                               "--from-reports", str(FIXTURE / "reports.jsonl"), "--reports", str(tmp_path / "r.jsonl")])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["event_precision"] == 0.5
    assert len((tmp_path / "r.jsonl").read_text().splitlines()) == 3
    bad = runner.invoke(main, ["eval", "times", "--format", "isaf", str(FIXTURE), "--per-doc"])
    assert bad.exit_code != 0 and "has no --per-doc" in bad.output


# --------------------------------------------------------------------------- the whole pipeline


@pytest.mark.slow
def test_whole_pipeline_on_the_fixture_saves_reports_that_rescore_identically(tmp_path):
    saved = tmp_path / "reports.jsonl"
    run = incidents.evaluate([str(FIXTURE)], fmt="sitrep-incidents", per_doc=True, reports=str(saved))
    assert (run["n_articles"], run["n_gold_news"], run["n_refused"]) == (3, 6, 0)
    docs = {d["id"]: d for d in run["per_doc"]}
    # The plainest incident there is: one drone strike, its day and town in one sentence.
    assert docs["a1"]["misses"] == [] and docs["a1"]["date_exact_day"] == 1.0
    # a3 is French (the saved reports.jsonl still holds the refusal it got before French was read)
    assert docs["a3"]["misses"] == [] and docs["a3"]["false_positives"] == [] and docs["a3"]["killed_exact"] == 1.0
    lines = [json.loads(x) for x in saved.read_text().splitlines()]
    assert [x["id"] for x in lines] == ["a1", "a2", "a3"]
    assert lines[0]["report"]["document"]["published"] == "2024-03-12"
    assert lines[0]["report"]["document"]["url"] == "https://example.org/iraq/drone-daquq"
    again = incidents.evaluate([str(FIXTURE)], fmt="sitrep-incidents", per_doc=True, from_reports=str(saved))
    assert again == run
