"""Fitted numbers are reproducible: the committed place-ranking weights and document-clustering constants are what
their scripts fit on the tune parts of the dev sets (``tools/fit_place_weights.py``, ``tools/fit_link_threshold.py``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.gold]
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("script", ["fit_place_weights.py", "fit_link_threshold.py"])
def test_committed_numbers_are_what_the_fit_script_gives(script, datasets):
    done = subprocess.run([sys.executable, str(ROOT / "tools" / script), "--check"], cwd=ROOT, capture_output=True,
                          text=True, timeout=1800)
    assert done.returncode == 0, done.stdout + done.stderr
