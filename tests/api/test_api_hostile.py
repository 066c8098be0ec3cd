"""The API under hostile requests (issue 17): the token before the body, stage errors as 422, damaged stores,
and the docs page under the same headers as the web page."""

from __future__ import annotations

import pytest
from api_samples import DAQUQ, TOKEN

from sitrep.errors import StageError

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def error_of(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["code"] == code
    return body["error"]


@pytest.mark.parametrize("body", [b'{"text": 5, "bogus": true}', b"{not json", b""])
def test_a_bad_body_without_a_token_is_unauthorized_before_it_is_read(make_client, body):
    client = make_client(read_only=False, token=TOKEN)
    response = client.post("/documents", content=body, headers={"content-type": "application/json"})
    error_of(response, 401, "unauthorized")


@pytest.mark.parametrize("body", [b'{"text": 5}', b"{not json", b'{"text": "a", "html": "b"}'])
def test_a_bad_body_with_the_token_is_invalid_input_in_the_one_shape(make_client, body):
    client = make_client(read_only=False, token=TOKEN)
    error = error_of(client.post("/documents", content=body, headers={**AUTH, "content-type": "application/json"}),
                     422, "invalid_input")
    assert error["details"][0]["field"].startswith("body")


def test_the_openapi_spec_still_describes_the_document_body(client):
    body = client.get("/openapi.json").json()["paths"]["/documents"]["post"]["requestBody"]
    schema = body["content"]["application/json"]["schema"]
    if "$ref" in schema:
        schema = client.get("/openapi.json").json()["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    assert body["required"] and {"text", "html", "url", "fetch", "published"} <= set(schema["properties"])


def test_a_stage_that_fails_on_a_document_is_a_422_not_a_500(make_client):
    def extract(data, **meta):
        raise StageError("the places stage failed on document doc_1 (RecursionError: too deep)", code="internal_error")

    client = make_client(read_only=False, token=TOKEN, extract=extract)
    error = error_of(client.post("/documents", json={"text": DAQUQ}, headers=AUTH), 422, "internal_error")
    assert "places stage failed" in error["message"]


def test_odd_text_through_the_real_pipeline_never_answers_500(make_client, monkeypatch):
    import sitrep.extract.places as places

    def crash(*args, **kwargs):
        return [][1]  # an IndexError raised from inside the places module

    crash.__module__ = places.__name__
    monkeypatch.setattr(places, "extract_places", crash)
    client = make_client(read_only=False, token=TOKEN)
    response = client.post("/documents", json={"text": DAQUQ}, headers=AUTH)
    error = error_of(response, 422, "internal_error")
    assert "IndexError" in error["message"] and "\n" not in error["message"]


def test_the_docs_page_has_the_page_csp_and_frame_headers_and_no_inline_script(client):
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "script-src 'self'" in docs.headers["content-security-policy"]
    assert docs.headers["x-frame-options"] == "DENY"
    assert "<script>" not in docs.text and '<script src="/static/docs.js">' in docs.text
    assert client.get("/static/docs.js").status_code == 200


def test_a_damaged_store_answers_503_in_the_one_shape(tmp_path):
    import warnings

    with warnings.catch_warnings():  # as in conftest: starlette's test client asks for httpx2
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from factories import DAQUQ as DAQUQ_PLACE
    from factories import strike_report
    from sitrep.api.app import create_app
    from sitrep.store.duckdb import DuckDBStore

    path = tmp_path / "events.duckdb"
    with DuckDBStore(path) as store:
        for i in range(200):
            text = f"Report {i}: {DAQUQ}" + " More words follow here." * 150
            store.save_report(strike_report(text, f"Outlet {i}", day="2024-03-10", place=DAQUQ_PLACE, killed=2))
    # overwrite the blocks that hold the events' data, as a bad disk would: the header, the catalog and the small
    # tables read at open still read (which blocks those are depends on the file's layout, so it is asked for)
    import duckdb

    with duckdb.connect(str(path), read_only=True) as con:
        def blocks(table):
            return {b for (b,) in con.execute(f"SELECT DISTINCT block_id FROM pragma_storage_info('{table}') "
                                              "WHERE block_id >= 0").fetchall()}

        damaged = sorted(blocks("events") - blocks("meta") - blocks("documents"))
        block_size = con.execute("SELECT block_size FROM pragma_database_size()").fetchone()[0]
    assert damaged
    with path.open("r+b") as fh:
        for block in damaged:
            for offset in range(3 * 4096 + block * block_size + 512, 3 * 4096 + (block + 1) * block_size, 8192):
                fh.seek(offset)  # after DuckDB's three 4 KiB headers, blocks follow one another
                fh.write(b"\xde\xad\xbe\xef" * 64)
    with DuckDBStore(path, read_only=True) as store:
        response = TestClient(create_app(store)).get("/events?limit=500")
    error = error_of(response, 503, "store_damaged")
    assert str(path) in error["message"] and "restore it from a copy" in error["message"]
