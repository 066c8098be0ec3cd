"""The REST API of ``sitrep serve`` (FastAPI): ``create_app(store, settings)`` builds it over an open store."""

from __future__ import annotations
