"""`sitrep extract` on the French sample (samples/menaka-depeche.txt, written for the project): the evidence is the
French text, the record values are the format's English vocabulary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main

pytestmark = pytest.mark.slow
SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "menaka-depeche.txt"


@pytest.fixture(scope="module")
def report():
    result = CliRunner().invoke(main, ["extract", str(SAMPLE), "--compact"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_the_french_sample_is_read_as_french_and_dated_by_its_dateline(report):
    assert report["document"]["language"] == "fr"
    assert report["document"]["published"] == "2024-03-14"


def test_evidence_spans_point_into_the_french_text(report):
    text = report["document"]["text"]
    (event,) = report["events"]
    assert event["trigger"]["text"] == "tués"
    assert event["date"]["evidence"][0]["text"] == "mardi soir"
    assert event["place"]["evidence"][0]["text"] == "Inékar"
    assert "Au moins douze civils" in event["killed"]["evidence"][0]["text"]
    for ev in [*event["evidence"], *event["killed"]["evidence"], *event["date"]["evidence"]]:
        assert text[ev["start"]:ev["end"]] == ev["text"]


def test_record_values_are_the_formats_english_vocabulary(report):
    (event,) = report["events"]
    assert (event["type"], event["subtype"], event["plover"]) == ("violence_against_civilians", "attack", "ASSAULT")
    assert (event["date"]["value"], event["date"]["precision"], event["date"]["basis"]) == ("2024-03-12", "day",
                                                                                          "relative")
    assert (event["place"]["country"], event["place"]["precision"]) == ("ML", "exact")
    assert (event["killed"]["best"], event["injured"]["best"]) == (12, 20)
    assert event["asserted_by"]["kind"] == "speaker" and event["hedge"] == "reported"
    targets = [a for a in event["actors"] if a["role"] == "target"]
    assert [(a["kind"], a["canonical"]) for a in targets] == [("civilians", "civilians")]


def test_french_quotes_and_inserted_speech_verbs_give_claims(report):
    claims = {c["content"]["text"][:20]: c for c in report["claims"]}
    quote = claims["Les assaillants sont"]
    assert quote["direct"] is True and quote["cue"]["text"] == "ajouté" and quote["speaker"]["name"] == "source"
    assert claims["Au moins douze civil"]["speaker"]["name"] == "source sécuritaire"
    assert claims["les Forces armées ma"]["cue"]["text"] == "D'après"
