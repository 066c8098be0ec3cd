"""The one exception tree of sitrep.

    SitrepError
     ├── ConfigError          bad settings or data files
     ├── IngestError          an input could not become a Document
     │    ├── FetchError      a URL could not be fetched
     │    └── ExtractionError no usable text could be extracted
     ├── StageError           an extraction stage failed on a document
     └── StoreError           the DuckDB store refused an operation

Per-document problems are turned into ``Failure`` records by the batch runner;
each error carries a stable ``code`` that ends up in ``Failure.code``.
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""

    code = "error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


class ConfigError(SitrepError):
    code = "config"


class IngestError(SitrepError):
    code = "ingest"


class FetchError(IngestError):
    code = "fetch"


class ExtractionError(IngestError):
    code = "extraction"


class StageError(SitrepError):
    code = "stage"


class StoreError(SitrepError):
    code = "store"
