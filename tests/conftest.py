"""Shared fixtures: the spaCy pipeline is loaded once per test session; the gold data, or a skip (a failure in CI)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from gold_data import DATASETS, missing_gold
from sitrep.model import Annotations

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def annotate() -> Callable[[str], Annotations]:
    """Annotate a short text with the real English pipeline."""
    from sitrep.nlp.spacy_adapter import annotate as _annotate

    return _annotate


@pytest.fixture(scope="session")
def datasets() -> Path:
    if not DATASETS.is_dir():
        missing_gold(f"gold data ({DATASETS}) is not present")
    return DATASETS


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/expected/*.json from the current output (review the diff!)")
