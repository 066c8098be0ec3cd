"""``sitrep eval events``: the gold loaders, the sitrep → ISAF table and the metrics, on files written here."""

from __future__ import annotations

import json

import pytest

from sitrep.eval import _isaf, _plover
from sitrep.model import Actor, AssertedBy, AssertedKind, Count, Document, Event, Hedge, Place, Report, Role


def _event(subtype: str, *, killed: int | None = None, who: str | None = None, negated: bool = False, hedge: Hedge | None = None, plover: str = "FIGHT", admin1: str | None = None,
           actors: tuple[Actor, ...] = ()) -> Event:
    place = Place(name="x", admin1=admin1, feature="city", geonames_id=1) if admin1 else None
    return Event(id=f"ev_{subtype}_{killed}", type="battles", subtype=subtype, plover=plover, date=None, place=place,
               actors=actors, killed=Count(best=killed, low=killed, high=killed, who=who) if killed is not None else None,
               injured=None, asserted_by=AssertedBy(kind=AssertedKind.OUTLET), hedge=hedge, negated=negated,
               confidence=0.8, evidence=(), document_ids=("doc",))


def _report(*events: Event) -> Report:
    return Report(document=Document.create("text"), events=events)


def test_isaf_loader_splits_joined_types_and_reads_counts(tmp_path):
    path = tmp_path / "isaf.jsonl"
    row = {"line": 7, "text": "KABUL (Jan. 2, 2011) ...", "gold": {"event_type": ["insurgentskilled;detention"],
                                                                     "min_killed": 3, "min_captured": 2,
                                                                     "province": ["Helmand"]}}
    path.write_text(json.dumps(row) + "\n\n")
    [release] = list(_isaf.load_isaf(str(path)))
    assert release.types == {"insurgentskilled", "detention"}
    assert (release.killed, release.captured, release.provinces) == (3, 2, ("helmand",))


@pytest.mark.parametrize(("events", "expected"), [
    ((_event("air_drone_strike", killed=4, who="insurgents"),), {"airstrike"}),
    ((_event("armed_clash", killed=2, who="insurgents"), _event("arrests")), {"captureandkill"}),
    ((_event("armed_clash", killed=2, who="insurgents"),), {"insurgentskilled"}),
    ((_event("arrests"),), {"detention"}),
    ((_event("armed_clash"),), {"exchangeoffire"}),
    ((_event("armed_clash", killed=1, who="civilian"),), {"civiliancasualty"}),
    ((_event("armed_clash", killed=2, who="insurgents", negated=True), _event("arrests")), {"detention"}),
    ((_event("air_drone_strike", hedge=Hedge.HYPOTHETICAL), _event("arrests")), {"detention"}),
])
def test_isaf_release_type_follows_the_documented_table(events, expected):
    assert _isaf.release_answer(_report(*events))["types"] == expected


def test_isaf_killed_adds_the_release_events_and_skips_negated_ones():
    answer = _isaf.release_answer(_report(_event("armed_clash", killed=3), _event("armed_clash", killed=2),
                                          _event("armed_clash", killed=0, negated=True)))
    assert answer["killed"] == 5


@pytest.mark.parametrize(("name", "province"), [("Paktia", "paktya"), ("Helmand", "helmand"),
                                                ("Oruzgan", "uruzgan"), ("Maidan Wardak Province", "wardak"),
                                                ("Ohio", None), (None, None)])
def test_isaf_province_is_matched_by_spelling(name, province):
    assert _isaf.isaf_province(name) == province


def test_isaf_scores_macro_f1_over_types_present_in_gold():
    gold = [_isaf.IsafRelease(line=0, text="", types=frozenset({"detention"}), killed=0, captured=0, provinces=()),
            _isaf.IsafRelease(line=1, text="", types=frozenset({"airstrike"}), killed=2, captured=0,
                              provinces=("kunar",))]
    got = [_report(_event("arrests")), _report(_event("armed_clash", killed=2, admin1="Konar"))]
    m = _isaf.score_isaf(zip(gold, got, strict=True))
    assert m["type_macro_over"] == ["airstrike", "detention"]
    assert m["type_f1"]["detention"] == 1.0 and m["type_f1"]["airstrike"] == 0.0
    assert m["type_macro_f1"] == 0.5
    assert m["killed_exact"] == 1.0 and m["province_acc"] == 0.5


def test_plover_loader_reads_actor_lists_and_empty_strings(tmp_path):
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps([{"id": "a", "text": "Ruritania threatened Freedonia.", "event": "threaten",
                                 "source": [{"actorText": "Ruritania", "code": "RUR"}], "target": "", "dead": None}]))
    [rec] = list(_plover.load_plover(str(path)))
    assert (rec.event, rec.sources, rec.targets, rec.dead) == ("THREATEN", ("Ruritania",), (), None)


def test_plover_scores_type_and_actor_matches():
    gold = [_plover.CodedSentence(id="1", text="", event="THREATEN", sources=("Ruritania",), targets=("Freedonia",)),
            _plover.CodedSentence(id="2", text="", event="AGREE", sources=("the Sultan",))]
    a = Actor(name="Ruritania", role=Role.INITIATOR)
    b = Actor(name="Gondor", role=Role.TARGET)
    got = [_report(_event("threat", plover="THREATEN", actors=(a, b))), _report()]
    m = _plover.score_plover(zip(gold, got, strict=True), fmt="plover")
    assert m["event_type_acc"] == 0.5
    assert m["source_actor_f1"] == round(2 / 3, 4)  # one of two gold sources found, no false one
    assert m["target_actor_f1"] == 0.0


def test_petrarch_loader_maps_cameo_roots(tmp_path):
    path = tmp_path / "petr.xml"
    path.write_text('<Validation><Sentences><Sentence id="X-1"><EventCoding sourcecode="A" targetcode="B" '
                    'eventcode="112"></EventCoding><Text>\nArnor accused\n Gondor.\n</Text></Sentence>'
                    '<Sentence id="X-2"><EventCoding eventcode="010"/><Text>Arnor said.</Text></Sentence>'
                    '</Sentences></Validation>')
    recs = list(_plover.load_petrarch(str(path)))
    assert [(r.id, r.event, r.text) for r in recs] == [("X-1", "DISAPPROVE", "Arnor accused Gondor.")]


def test_isaf_prints_figures_with_and_without_the_status_filter():
    gold = [_isaf.IsafRelease(line=0, text="", types=frozenset({"airstrike"}), killed=3, captured=0, provinces=()),
            _isaf.IsafRelease(line=1, text="", types=frozenset({"detention"}), killed=0, captured=0, provinces=())]
    got = [_report(_event("air_drone_strike", killed=3)),
           _report(_event("arrests"), _event("air_drone_strike", killed=2, hedge=Hedge.HYPOTHETICAL))]
    m = _isaf.score_isaf(zip(gold, got, strict=True))
    # filtered: release 0 -> {airstrike}, 3 killed; release 1 -> {detention}, 0 killed: all right
    assert (m["type_macro_f1"], m["type_micro_f1"], m["killed_exact"]) == (1.0, 1.0, 1.0)
    assert m["status_filtered_events"] == 1
    raw = m["without_status_filter"]
    # unfiltered: release 1 -> {airstrike} (the threatened strike counts), 2 killed.
    # airstrike tp 1, fp 1 -> F1 2/3; detention fn 1 -> F1 0; macro over both = 1/3
    # micro: tp 1, fp 1, fn 1 -> 2 / (2 + 1 + 1) = 0.5; killed exact 1 of 2, MAE (0 + 2) / 2 = 1
    assert raw["type_f1"] == {"airstrike": 0.6667, "detention": 0.0}
    assert (raw["type_macro_f1"], raw["type_micro_f1"]) == (0.3333, 0.5)
    assert (raw["killed_exact"], raw["killed_mae"]) == (0.5, 1.0)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("US", "Russia", False),  # letters inside a word are not a match
    ("U.S.", "the US", True),
    ("the Sultan", "Sultan of Oman", True),  # whole words of one inside the other
    ("Iraqi troops", "troops of Iraq", True),  # same head word
    ("Iran's army", "army", True),
    ("Russia", "Russian forces", False),
    ("police", "policemen", False),
])
def test_plover_actors_match_on_whole_words_or_heads(a, b, same):
    assert _plover.same_actor(a, b) is same


def test_plover_actor_f1_by_hand():
    gold = [_plover.CodedSentence(id="1", text="", event="ASSAULT", sources=("US",), targets=("Russian forces",)),
            _plover.CodedSentence(id="2", text="", event="ASSAULT", sources=("the Sultan",),
                                  targets=("Iraqi troops",))]
    got = [_report(_event("attack", plover="ASSAULT", actors=(Actor(name="Russia", role=Role.INITIATOR),
                                                              Actor(name="forces", role=Role.TARGET)))),
           _report(_event("attack", plover="ASSAULT", actors=(Actor(name="Sultan of Oman", role=Role.INITIATOR),
                                                              Actor(name="troops of Iraq", role=Role.TARGET))))]
    m = _plover.score_plover(zip(gold, got, strict=True), fmt="plover")
    # sources: "Russia" is not "US" (tp 0, fp 1, fn 1); "Sultan of Oman" holds "Sultan" (tp 1)
    # -> tp 1, fp 1, fn 1 -> F1 2 / (2 + 1 + 1) = 0.5; targets: "forces" in "Russian forces", heads "troops": 1.0
    assert (m["source_actor_f1"], m["target_actor_f1"]) == (0.5, 1.0)
    assert m["event_type_acc"] == 1.0


def test_plover_loader_skips_records_that_document_the_file(tmp_path):
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps([{"id": "readme", "event": "DOCUMENT", "note": "describes the fields"},
                                {"id": "b", "text": "Freedonia shelled Ruritania.", "event": "assault",
                                 "source": [{"actorText": "Freedonia"}], "target": [{"actorText": "Ruritania"}]}]))
    assert [r.id for r in _plover.load_plover(str(path))] == ["b"]
