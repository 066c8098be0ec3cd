"""Golden tests: the bundled sample articles → a condensed, reviewed view of their reports.

A change in extraction shows up here as a readable JSON diff.  After checking that the new
output is better, rewrite the files with ``pytest tests/golden --update-golden`` and commit the
diff with the change that caused it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.engines.local import process
from sitrep.ingest.sources import read_inputs
from sitrep.model import Failure, Report

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).parent / "expected"


def condensed(report: Report) -> dict:
    """The fields a reviewer checks, without scores, ids and offsets that churn."""
    def place(p):
        return None if p is None else [p.name, p.country, p.admin1, p.precision.value]

    def count(c):
        return None if c is None else [c.best, c.low, c.high, c.who]

    cited = {c.id: c.title for c in report.citations}

    return {
        "title": report.document.title,
        "published": report.document.published,
        "outlet": report.document.outlet,
        "events": [
            {
                "type": f"{e.type}/{e.subtype}",
                "trigger": e.trigger.text if e.trigger else None,
                "date": [e.date.value, e.date.precision.value, e.date.basis.value, e.date_rule] if e.date else None,
                "place": place(e.place) + [e.place_rule] if e.place else None,
                "actors": sorted(f"{a.role.value}: {a.canonical or a.name}" for a in e.actors if a.name),
                "killed": count(e.killed),
                "injured": count(e.injured),
                "asserted_by": [e.asserted_by.kind.value, e.asserted_by.name],
                "hedge": e.hedge.value if e.hedge else None,
                "negated": e.negated,
            }
            for e in report.events
        ],
        "claims": [
            {"speaker": c.speaker.name, "role": c.speaker.role, "kind": c.speaker.kind.value, "cue": c.cue.text,
             "canonical": c.speaker.canonical, "said_by": [ev.text for ev in c.speaker.evidence],
             "claim_kind": c.kind.value, "date": [c.date.value, c.date.precision.value] if c.date else None,
             "citation": cited.get(c.citation_id) if c.citation_id else None,
             "direct": c.direct, "medium": c.medium, "content": c.content.text[:80]}
            for c in report.claims
        ],
        "citations": [[c.title, c.outlet, c.author, c.date] for c in report.citations],
        "places": sorted({f"{p.name} → {p.country or '?'}/{p.admin1 or '-'} ({p.precision.value})" for p in report.places}),
        "times": [f"{t.text} → {t.value} ({t.precision.value}, {t.basis.value})" for t in report.times],
    }


def _reports():
    out = {}
    for result in process(read_inputs([str(ROOT / "samples")])):
        assert not isinstance(result, Failure), result
        source = Path(result.document.source.split(":")[0]).stem
        line = result.document.source.rsplit(":", 1)[1] if result.document.source.count(":") else ""
        out[f"{source}-{line}" if line else source] = result
    return out


REPORTS = {}


@pytest.fixture(scope="module")
def reports():
    if not REPORTS:
        REPORTS.update(_reports())
    return REPORTS


@pytest.mark.parametrize("name", ["anbar-weekly", "northern-voice", "helmand-release", "wires-1", "wires-2", "wires-3",
                                  "wires-4", "menaka-depeche"])
def test_sample_matches_golden(name, reports, request):
    got = condensed(reports[name])
    path = EXPECTED / f"{name}.json"
    if request.config.getoption("--update-golden"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(got, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    assert path.exists(), f"no golden file {path}: run pytest tests/golden --update-golden and review it"
    assert got == json.loads(path.read_text(encoding="utf-8"))
