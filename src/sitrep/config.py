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


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip().replace("_", "")
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"{name}={os.environ[name]!r} is not a whole number") from None
    if number <= 0:
        raise ConfigError(f"{name}={number} must be above zero")
    return number


# The confidence below which an event is left out of the default event list, CSV and web page (``--all`` or
# ``--min-confidence`` change it). Chosen on the tuning part of the incident dev set (devsets/incidents/en) with
# ``sitrep eval incidents``, which prints the precision at this threshold: with the weights refitted on the
# tune part (78 news events, 49 right), 0.3 keeps 69 of them and all 49 right ones (precision 0.63 -> 0.71);
# 0.5 keeps 55 (0.76). On the check part 0.3 keeps 68 of 82 events, 32 of the 34 right ones (0.41 -> 0.47), and
# 0.5 gives 0.55 on 49. README "Measuring quality" has the figures.
DEFAULT_MIN_CONFIDENCE = 0.3


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Where sitrep keeps what it builds once per machine (the gazetteer index), and how much one input may hold."""

    cache_dir: Path = field(default_factory=lambda: Path(os.environ.get("SITREP_CACHE_DIR") or _default_cache_dir()))
    # Bytes one document may take once decompressed (a file, a JSON Lines line, a WARC record): what bounds
    # memory against gzip bombs and endless lines. Tests set it low through SITREP_MAX_INPUT_BYTES.
    max_input_bytes: int = field(default_factory=lambda: _env_int("SITREP_MAX_INPUT_BYTES", 50_000_000))


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
