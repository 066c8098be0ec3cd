"""A real server on loopback over the API tests' small store, and headless Chromium (Debian's) driven by
Playwright; the browser tests skip when either is missing."""

from __future__ import annotations

import shutil
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))  # the shared sample store
from api_samples import build_store  # noqa: E402

CHROMIUM = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser", shutil.which("chromium") or "")
                 if p and Path(p).exists()), None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The API and page on http://127.0.0.1:PORT over a fresh sample store, stopped after the module."""
    import uvicorn

    from sitrep.api.app import ApiSettings, create_app
    from sitrep.store.duckdb import DuckDBStore

    path = build_store(tmp_path_factory.mktemp("web") / "web.duckdb")
    store = DuckDBStore(path, read_only=True)
    port = _free_port()
    config = uvicorn.Config(create_app(store, ApiSettings()), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture()
def artifacts(tmp_path: Path) -> Path:
    """Where screenshots go: $SITREP_TEST_ARTIFACTS if set (CI keeps it), else the test's temporary folder."""
    import os

    folder = Path(os.environ.get("SITREP_TEST_ARTIFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
