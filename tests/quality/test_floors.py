"""Quality gate: ``sitrep eval`` on the development sets must not fall below the recorded floors.

Each file in ``floors/`` names a task, a format, dataset paths (relative to ../shared/datasets)
and the minimum of each metric.  Raising a floor is a normal commit; lowering one needs a reason
in the commit message.  The tests skip when the gold data is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.gold]
FLOORS = sorted((Path(__file__).parent / "floors").glob("*.json"))


@pytest.mark.parametrize("floor_file", FLOORS, ids=lambda p: p.stem)
def test_metrics_stay_above_floors(floor_file, datasets):
    from sitrep.eval import task_module

    spec = json.loads(floor_file.read_text())
    paths = [datasets / p for p in spec["paths"]]
    if not all(p.exists() for p in paths):
        pytest.skip(f"missing {[str(p) for p in paths if not p.exists()]}")
    metrics = task_module(spec["task"]).evaluate([str(p) for p in paths], fmt=spec["format"],
                                                 limit=spec.get("limit"))
    low = {k: (metrics.get(k), v) for k, v in spec["floors"].items() if not (metrics.get(k) or 0) >= v}
    assert not low, f"{spec['task']} fell below its floors (got, floor): {low}"
