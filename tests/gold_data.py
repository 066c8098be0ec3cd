"""Where the gold data lives (../shared/datasets), and what a test does without it: skip on a developer machine,
fail in CI (env CI set), where the data is always provided, so that a quality gate cannot pass by not running."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

DATASETS = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"


def missing_gold(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}, and CI is set: CI must provide ../shared/datasets", pytrace=False)
    pytest.skip(reason)
