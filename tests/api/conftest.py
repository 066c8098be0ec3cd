"""Fixtures for the API tests: a small store of hand-built reports and test clients over it."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from api_samples import build_store

from sitrep.store.duckdb import DuckDBStore

with warnings.catch_warnings():
    # starlette asks for httpx2 instead of httpx; the test client works the same with either
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    return build_store(tmp_path / "api.duckdb")


@pytest.fixture()
def make_client(store_path: Path) -> Iterator[Callable[..., Any]]:
    """Build a client: ``make_client(token=..., protect_reads=..., extract=..., read_only=...)``."""
    from sitrep.api.app import ApiSettings, create_app

    opened: list[DuckDBStore] = []

    def make(*, read_only: bool = True, extract: Any = None, fetcher: Any = None, **settings: Any) -> TestClient:
        store = DuckDBStore(store_path, read_only=read_only)
        opened.append(store)
        return TestClient(create_app(store, ApiSettings(**settings), extract=extract, fetcher=fetcher))

    yield make
    for store in opened:
        store.close()


@pytest.fixture()
def client(make_client: Callable[..., Any]) -> Any:
    return make_client()
