"""Quality gate: ``sitrep eval`` on the development sets must not fall below the recorded floors.

Each file in ``floors/`` names a task, a format, dataset paths (relative to ../shared/datasets), the
part scored and the minimum of each metric.  Floors sit on the *check* part of each set (``sitrep eval
--part check``; for PolNeAR the dev split, since its train split is the tune side), never on the data the
rules and weights were tuned on.  Raising a floor is a normal commit; lowering one needs a reason in the
commit message.  The tests skip when the gold data is absent, and fail instead when the env var CI is set.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gold_data import missing_gold

pytestmark = [pytest.mark.slow, pytest.mark.gold]
FLOORS = sorted((Path(__file__).parent / "floors").glob("*.json"))


ROOT = Path(__file__).resolve().parents[2]


def _laid_out(spec: dict, datasets: Path, tmp_path: Path) -> list[Path]:
    """An incident dev set is our annotations (in the repository) plus texts from ../shared: lay them out."""
    import importlib.util

    tool = importlib.util.spec_from_file_location("lay_out_incidents", ROOT / "tools" / "lay_out_incidents.py")
    module = importlib.util.module_from_spec(tool)
    tool.loader.exec_module(module)
    raw = datasets / "raw"
    if not raw.exists():
        missing_gold(f"missing {raw}")
    module.lay_out(ROOT / spec["incident_gold"], tmp_path / "incidents", raw)
    return [tmp_path / "incidents"]


@pytest.mark.parametrize("floor_file", FLOORS, ids=lambda p: p.stem)
def test_metrics_stay_above_floors(floor_file, datasets, tmp_path):
    from sitrep.eval import task_module

    spec = json.loads(floor_file.read_text())
    paths = _laid_out(spec, datasets, tmp_path) if "incident_gold" in spec else [datasets / p for p in spec["paths"]]
    if not all(p.exists() for p in paths):
        missing_gold(f"missing {[str(p) for p in paths if not p.exists()]}")
    metrics = task_module(spec["task"]).evaluate([str(p) for p in paths], fmt=spec["format"], part=spec["part"],
                                                 limit=spec.get("limit"))
    low = {k: (metrics.get(k), v) for k, v in spec["floors"].items() if not (metrics.get(k) or 0) >= v}
    assert not low, f"{spec['task']} fell below its floors (got, floor): {low}"


@pytest.mark.parametrize("floor_file", FLOORS, ids=lambda p: p.stem)
def test_floors_sit_on_a_held_out_part(floor_file):
    spec = json.loads(floor_file.read_text())
    held_out = spec["part"] == "check" or (spec["part"] == "all" and spec.get("held_out") == "dev split")
    assert held_out, f"{floor_file.name}: floors are measured on the check part, not on {spec['part']!r}"


def test_missing_gold_skips_on_a_developer_machine_and_fails_in_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        missing_gold("no data")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must provide"):
        missing_gold("no data")
