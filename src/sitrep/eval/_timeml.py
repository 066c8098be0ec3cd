"""TimeML (TempEval-3) loader and scorer for ``sitrep eval times --format timeml`` (placeholder)."""

from __future__ import annotations

from typing import Any


def evaluate_timeml(paths: list[str], *, limit: int | None = None, progress: Any = None) -> dict[str, Any]:
    raise NotImplementedError
