"""``sitrep eval``: each module here scores one stage on a gold dataset given by path.

A task module defines ``FORMATS`` (the gold layouts it reads) and
``evaluate(paths, *, fmt, limit=None, progress=None) -> dict`` returning one
JSON-ready object of metrics.  Loaders follow the documented formats (see
../shared/datasets/README.md), not the quirks of one file.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from types import ModuleType

from sitrep.errors import ConfigError
from sitrep.model import Event, Hedge


def tasks() -> list[str]:
    """Names of the available evaluation tasks (modules of this package with an ``evaluate``)."""
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def live_events(events: Iterable[Event]) -> list[Event]:
    """The events a report tells as news, the ones every eval scores: not denied, threatened or background."""
    return [e for e in events if not e.negated and e.hedge not in (Hedge.HYPOTHETICAL, Hedge.HISTORICAL)]


def task_module(name: str) -> ModuleType:
    if name not in tasks():
        raise ConfigError(f"unknown eval task {name!r}; available: {', '.join(tasks()) or 'none'}")
    module = importlib.import_module(f"{__name__}.{name}")
    if not hasattr(module, "evaluate"):
        raise ConfigError(f"eval task {name!r} has no evaluate()")
    return module
