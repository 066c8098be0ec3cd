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
