"""sitrep: news about armed conflict in, evidence-linked event records out.

``import sitrep`` stays light; spaCy, DuckDB and the gazetteer load on first use.

    >>> import sitrep
    >>> report = sitrep.extract("Two civilians were killed on Sunday ...", published="2024-03-12")
    >>> report.to_dict()["events"]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sitrep.model import Report


def extract(text_or_html: str, *, published: str | None = None, url: str | None = None,
            title: str | None = None, outlet: str | None = None) -> Report:
    """Extract one document (plain text or HTML) into a ``Report``."""
    from sitrep.pipeline import extract_one

    return extract_one(text_or_html, published=published, url=url, title=title, outlet=outlet)


def open_store(path: str, *, read_only: bool = False) -> Any:
    """Open (or create) a DuckDB event store."""
    from sitrep.store.duckdb import DuckDBStore

    return DuckDBStore(path, read_only=read_only)


__all__ = ["__version__", "extract", "open_store"]
