"""Settings and the packaged data files (taxonomy, actor table, cue words, extra place names).

Settings come from keyword arguments, then ``SITREP_*`` environment variables, then the defaults
written in ``Settings``.  The store's path is a command-line option (``--db``, env ``SITREP_DB``).
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
    """Where sitrep keeps what it builds once per machine (the gazetteer index)."""

    cache_dir: Path = field(default_factory=lambda: Path(os.environ.get("SITREP_CACHE_DIR") or _default_cache_dir()))


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
