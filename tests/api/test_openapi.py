"""Property tests over the OpenAPI spec (schemathesis): generated requests never get a server error, and every
error they provoke comes back in the one JSON error shape."""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

import pytest
from api_samples import TOKEN, build_store
from hypothesis import HealthCheck, settings

schemathesis = pytest.importorskip("schemathesis")

from sitrep.api.app import ApiSettings, create_app  # noqa: E402
from sitrep.store.duckdb import DuckDBStore  # noqa: E402


def refuse_extraction(data, **meta):
    # POST /documents is exercised for validation, auth and limits; the real pipeline has its own tests
    raise AssertionError("the fuzzer sent no token, so nothing may be extracted")


def _schema():
    # built at import: schemathesis parametrizes the test from the spec when the module is collected
    folder = Path(tempfile.mkdtemp(prefix="sitrep-spec-"))
    store = DuckDBStore(build_store(folder / "spec.duckdb"), read_only=False)
    app = create_app(store, ApiSettings(token=TOKEN), extract=refuse_extraction)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return store, schemathesis.openapi.from_asgi("/openapi.json", app)


_store, schema = _schema()


@pytest.fixture(scope="module", autouse=True)
def _close_store():
    yield
    _store.close()


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_generated_requests_get_no_server_error(case):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        response = case.call()
    assert response.status_code < 500, (case.method, case.formatted_path, case.query, response.text[:500])
    if response.status_code >= 400:
        error = response.json()["error"]
        assert error["status"] == response.status_code
        assert error["code"] and error["message"]
