"""``sitrep eval``: each module here scores one stage on a gold dataset given by path.

A task module defines ``FORMATS`` (the gold layouts it reads) and
``evaluate(paths, *, fmt, limit=None, part="all", progress=None) -> dict`` returning one
JSON-ready object of metrics that names the ``part`` scored and ``n``, the documents in it.
Loaders follow the documented formats (see ../shared/datasets/README.md), not the quirks of
one file.  ``part`` picks the fixed half of a dev set (``part_of``): rules and weights are
tuned on ``tune``, and ``check`` is the figure that counts; ``limit`` then keeps the first N
documents of that part.
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import TypeVar

from sitrep.errors import ConfigError
from sitrep.model import Event, Hedge


def tasks() -> list[str]:
    """Names of the available evaluation tasks (modules of this package with an ``evaluate``)."""
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


PARTS = ("tune", "check", "all")


def part_of(key: str) -> str:
    """The fixed half of a dev set that a document belongs to: ``"tune"`` or ``"check"``.

    Decided by a hash of the document's key (an ISAF line number, an LGL docid, a PLOVER id, an ECB+ topic, an
    incident article id), never by its content, so the split cannot drift as rules change. Rules and fitted
    numbers are tuned on ``tune``; the figure that counts is ``check``.
    """
    return "check" if int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % 2 else "tune"


def in_part(key: str, part: str) -> bool:
    if part not in PARTS:
        raise ConfigError(f"unknown part {part!r}; use one of {', '.join(PARTS)}")
    return part == "all" or part_of(key) == part


T = TypeVar("T")


def select(items: Iterable[T], key: Callable[[T], str], *, part: str = "all", limit: int | None = None) -> list[T]:
    """The items of one part of a dev set, in the set's order, at most ``limit`` of them."""
    if part not in PARTS:
        raise ConfigError(f"unknown part {part!r}; use one of {', '.join(PARTS)}")
    out: list[T] = []
    for item in items:
        if limit is not None and len(out) >= limit:
            break
        if in_part(key(item), part):
            out.append(item)
    return out


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
