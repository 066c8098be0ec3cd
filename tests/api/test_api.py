"""The REST API through its test client: filters, pages, formats, the error shape, limits and auth."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from api_samples import DAQUQ, EMOJI, TOKEN, XSS, sample_reports

IDS = {r.document.text: r.events[0].id for r in sample_reports()}
DAQUQ_ID, EMOJI_ID, XSS_ID = IDS[DAQUQ], IDS[EMOJI], IDS[XSS]


def error_of(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["items"]]


# --------------------------------------------------------------------------- reading events


def test_events_are_ordered_by_date_and_paged_without_repeats(client):
    assert ids(client.get("/events")) == [XSS_ID, EMOJI_ID, DAQUQ_ID]
    assert ids(client.get("/events?order=desc")) == [DAQUQ_ID, EMOJI_ID, XSS_ID]
    seen, cursor = [], None
    for _ in range(5):
        page = client.get("/events", params={"limit": 1, "order": "desc", **({"cursor": cursor} if cursor else {})})
        seen += ids(page)
        cursor = page.json()["next_cursor"]
        if cursor is None:
            break
    assert seen == [DAQUQ_ID, EMOJI_ID, XSS_ID]


@pytest.mark.parametrize(("params", "expected"), [
    ({"country": "iq"}, [DAQUQ_ID]),
    ({"admin1": "kirkuk"}, [DAQUQ_ID]),
    ({"since": "2023-01-01"}, [EMOJI_ID, DAQUQ_ID]),
    ({"since": "2023", "until": "2023-11"}, [EMOJI_ID]),
    ({"type": "protests"}, [XSS_ID]),
    ({"type": "air_drone_strike"}, [DAQUQ_ID]),
    ({"actor": "POLICE"}, [XSS_ID]),
    ({"bbox": "30,40,50,60"}, [EMOJI_ID]),
    ({"bbox": "-20,0,50,40"}, [XSS_ID, DAQUQ_ID]),
    ({"q": "drone"}, [DAQUQ_ID]),
    ({"min_confidence": 0.8}, [DAQUQ_ID]),
    ({"asserted_by": "outlet"}, [XSS_ID]),
    ({"asserted_by": "speaker", "country": "UA"}, [EMOJI_ID]),
    ({"country": "SY"}, []),
])
def test_event_filters_select_the_matching_events(client, params, expected):
    assert ids(client.get("/events", params=params)) == expected


def test_events_as_csv_have_acled_like_columns(client):
    response = client.get("/events", params={"format": "csv", "country": "IQ"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["event_id"], r["location"], r["fatalities"], r["source"]) for r in rows] == [
        (DAQUQ_ID, "Daquq", "2", "Northern Wire")]


def test_events_as_geojson_are_points_at_lon_lat(client):
    response = client.get("/events", params={"format": "geojson", "limit": 2, "order": "desc"})
    body = json.loads(response.text)
    assert [f["geometry"]["coordinates"] for f in body["features"]] == [[44.45, 35.14], [37.8, 48.0]]
    assert response.headers["x-next-cursor"]


def test_one_event_comes_with_its_document_and_asserting_claim(client):
    body = client.get(f"/events/{EMOJI_ID}").json()
    text = body["document"]["text"]
    assert text == EMOJI
    assert body["claim"]["speaker"]["name"] == "the city's mayor"
    evidence = [body["event"]["date"], body["event"]["place"], body["event"]["killed"], body["event"]["injured"]]
    # offsets are code points: Python slicing gives the evidence back exactly
    for field in evidence:
        for item in field["evidence"]:
            assert text[item["start"]:item["end"]] == item["text"]
    assert body["event"]["killed"]["evidence"][0]["text"] == "killing three people"


def test_document_route_lists_its_events_and_claims(client):
    doc_id = sample_reports()[0].document.id
    body = client.get(f"/documents/{doc_id}").json()
    assert body["document"]["title"] == "air_drone_strike in Daquq"
    assert (body["document"]["event_count"], body["document"]["claim_count"]) == (1, 1)
    assert [e["id"] for e in body["events"]] == [DAQUQ_ID]
    assert body["claims"][0]["medium"] == "Rudaw news agency"


def test_claims_say_who_said_what_through_which_outlet(client):
    items = client.get("/claims", params={"medium": "rudaw"}).json()["items"]
    assert [(i["claim"]["speaker"]["name"], i["document"]["outlet"]) for i in items] == [("police", "Northern Wire")]
    assert len(client.get("/claims").json()["items"]) == 2


def test_actors_are_counted_by_canonical_name(client):
    items = client.get("/actors").json()["items"]
    assert {(i["name"], i["mentions"]) for i in items} == {("civilians", 1), ("people", 1), ("Protesters", 1),
                                                           ("police", 1)}


def test_stats_count_events_and_fatalities_by_month_type_and_country(client):
    body = client.get("/stats").json()
    assert (body["events"], body["fatalities"], body["injuries"]) == (3, 5, 20)
    assert body["by_month"] == [{"key": "2022-08", "events": 1, "fatalities": 0},
                                {"key": "2023-11", "events": 1, "fatalities": 3},
                                {"key": "2024-03", "events": 1, "fatalities": 2}]
    assert {r["key"]: r["events"] for r in body["by_type"]} == {"explosions_remote_violence": 2, "protests": 1}
    assert client.get("/stats", params={"country": "UA"}).json()["by_country"] == [
        {"key": "UA", "events": 1, "fatalities": 3}]


# --------------------------------------------------------------------------- the error shape and limits


@pytest.mark.parametrize(("url", "status", "code"), [
    ("/events/ev_missing", 404, "not_found"),
    ("/documents/doc_missing", 404, "not_found"),
    ("/no/such/route", 404, "not_found"),
    ("/events?since=2024-13-01", 400, "bad_filter"),
    ("/events?since=yesterday", 422, "invalid_input"),
    ("/events?cursor=not-a-cursor", 400, "bad_cursor"),
    ("/events?limit=0", 422, "invalid_input"),
    ("/events?limit=501", 422, "invalid_input"),
    ("/events?bbox=1,2,3", 422, "invalid_input"),
    ("/events?bbox=10,50,20,40", 422, "invalid_input"),
    ("/events?min_confidence=2", 422, "invalid_input"),
    ("/events?format=xml", 422, "invalid_input"),
    ("/events/bad%20id", 422, "invalid_input"),
])
def test_every_error_has_the_one_json_shape(client, url, status, code):
    error_of(client.get(url), status, code)


def test_validation_errors_name_the_field(client):
    error = error_of(client.get("/events?limit=9999"), 422, "invalid_input")
    assert error["message"].startswith("query.limit:")
    assert error["details"][0]["field"] == "query.limit"


def test_a_forged_cursor_is_refused_not_a_server_error(client):
    import base64

    forged = base64.urlsafe_b64encode(json.dumps(["not a date", "x", "y"]).encode()).decode()
    error_of(client.get("/events", params={"cursor": forged}), 400, "bad_cursor")


def test_the_page_and_assets_are_served_with_a_strict_content_security_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and "<script src=\"/static/app.js\"" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/static/app.js").headers["x-content-type-options"] == "nosniff"
    countries = client.get("/static/countries.json").json()["countries"]
    assert any(c["name"] == "Iraq" for c in countries)
    assert client.get("/openapi.json").json()["paths"]["/events"]["get"]
    assert "swagger-ui-bundle.js" in client.get("/docs").text


# --------------------------------------------------------------------------- writing and auth


def fake_extract(calls: list):
    """Stands in for the pipeline: returns the Daquq report re-made from the posted text."""

    def extract(data, **meta):
        calls.append((data, meta))
        report = sample_reports()[0]
        return replace(report, document=replace(report.document, title=meta.get("title")))

    return extract


def test_writing_is_disabled_without_a_token(make_client):
    client = make_client(extract=fake_extract([]))
    error_of(client.post("/documents", json={"text": DAQUQ}), 403, "writes_disabled")


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"X-API-Token": "wrong"}])
def test_writing_without_the_right_token_is_unauthorized(make_client, headers):
    calls: list = []
    client = make_client(read_only=False, token=TOKEN, extract=fake_extract(calls))
    response = client.post("/documents", json={"text": DAQUQ}, headers=headers)
    error_of(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"
    assert calls == []


def test_posting_a_document_extracts_and_stores_it_once(make_client):
    calls: list = []
    client = make_client(read_only=False, token=TOKEN, extract=fake_extract(calls))
    body = {"text": DAQUQ, "title": "Posted", "published": "2024-03-12", "outlet": "Northern Wire"}
    first = client.post("/documents", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert first.status_code == 200, first.text  # the store already holds this document: replaced, not doubled
    assert first.json()["status"] == "updated"
    again = client.post("/documents", json=body, headers={"X-API-Token": TOKEN})
    assert (again.status_code, again.json()["status"]) == (200, "unchanged")
    assert calls[0] == (DAQUQ, {"published": "2024-03-12", "url": None, "title": "Posted",
                                "outlet": "Northern Wire", "author": None, "source": "api"})
    assert client.get(f"/documents/{first.json()['report']['document']['id']}").json()["document"]["title"] == "Posted"
    assert len(client.get("/events").json()["items"]) == 3


@pytest.mark.parametrize(("body", "message"), [
    ({"text": "a", "html": "<p>a</p>"}, "exactly one of"),
    ({}, "exactly one of"),
    ({"text": "a", "published": "12 March"}, "published"),
    ({"text": "a", "colour": "red"}, "colour"),
    ({"url": "https://example.org/a"}, "exactly one of"),
])
def test_bad_documents_are_refused_with_a_clear_message(make_client, body, message):
    client = make_client(read_only=False, token=TOKEN, extract=fake_extract([]))
    error = error_of(client.post("/documents", json=body, headers={"X-API-Token": TOKEN}), 422, "invalid_input")
    assert message in error["message"]


def test_bodies_over_the_limit_are_refused_declared_or_streamed(make_client):
    client = make_client(read_only=False, token=TOKEN, extract=fake_extract([]), max_body=1000)
    headers = {"X-API-Token": TOKEN, "Content-Type": "application/json"}
    big = json.dumps({"text": "x" * 5000}).encode()
    error_of(client.post("/documents", content=big, headers=headers), 413, "body_too_large")

    def chunks():  # no Content-Length: the limit is counted while the body streams in
        for i in range(0, len(big), 512):
            yield big[i:i + 512]

    error_of(client.post("/documents", content=chunks(), headers=headers), 413, "body_too_large")


def test_url_fetching_refuses_private_addresses(make_client):
    pytest.importorskip("sitrep.ingest.fetch")
    calls: list = []
    client = make_client(read_only=False, token=TOKEN, extract=fake_extract(calls))
    for url in ("http://127.0.0.1:8000/", "http://10.0.0.7/admin", "http://[::1]/", "file:///etc/passwd"):
        response = client.post("/documents", json={"url": url, "fetch": True}, headers={"X-API-Token": TOKEN})
        assert response.status_code == 422, (url, response.text)
        assert response.json()["error"]["code"] in ("fetch_blocked", "fetch_scheme")
    assert calls == []


def test_protected_reads_need_the_token(make_client):
    client = make_client(token=TOKEN, protect_reads=True)
    error_of(client.get("/events"), 401, "unauthorized")
    error_of(client.get(f"/events/{DAQUQ_ID}"), 401, "unauthorized")
    assert client.get("/events", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    assert client.get("/").status_code == 200  # the page itself asks for the token


def test_a_batch_writing_the_served_store_gets_a_clear_error(make_client, store_path):
    make_client(read_only=False, token=TOKEN)  # the server owns the file for writing
    code = ("import sys\nfrom sitrep.store.duckdb import DuckDBStore\nfrom sitrep.errors import StoreError\n"
            f"try:\n    DuckDBStore({str(store_path)!r})\nexcept StoreError as exc:\n"
            "    print(exc.code, exc); sys.exit(3)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 3, out.stderr
    assert out.stdout.startswith("store_locked") and "one writer" in out.stdout


def test_a_posted_document_shows_up_in_cached_pages_at_once(make_client):
    from api_samples import make_report

    text = "Police shot two protesters in Basra on 2 June 2024, killing them, a medic said."
    new = make_report(text, url="https://wire.example/basra", published="2024-06-03", outlet="Southern Wire",
                      event_type="violence_against_civilians", subtype="attack", date="2024-06-02",
                      date_phrase="on 2 June 2024", place=("Basra", "IQ", "Basra", 30.5, 47.8), target="protesters",
                      killed=(2, "killing them"), speaker="a medic")
    client = make_client(read_only=False, token=TOKEN, extract=lambda data, **meta: new)
    per_report = {"country": "IQ", "view": "reports"}
    assert ids(client.get("/events", params=per_report)) == [DAQUQ_ID]  # now cached
    assert client.get("/stats", params=per_report).json()["events"] == 1
    posted = client.post("/documents", json={"text": text}, headers={"X-API-Token": TOKEN})
    assert (posted.status_code, posted.json()["status"]) == (201, "inserted")
    assert ids(client.get("/events", params=per_report)) == [DAQUQ_ID, new.events[0].id]
    assert client.get("/stats", params=per_report).json()["events"] == 2
    # posting also linked the store: the default view now lists merged events, each with its reports
    merged = client.get("/events", params={"country": "IQ"}).json()["items"]
    assert len(merged) == 2 and all(e["id"].startswith("lk_") and e["members"] for e in merged)
    detail = client.get(f"/events/{merged[0]['id']}").json()
    assert [r["event"]["id"] for r in detail["reports"]] == merged[0]["members"]
    assert detail["reports"][0]["document"]["outlet"]


def test_search_words_are_literal_not_like_patterns(client):
    assert ids(client.get("/events", params={"q": "%"})) == []
    assert ids(client.get("/events", params={"q": "remote%violence"})) == []
    assert ids(client.get("/events", params={"q": "remote_violence"})) == [EMOJI_ID, DAQUQ_ID]  # a literal _
    assert ids(client.get("/events", params={"q": "city's mayor"})) == [EMOJI_ID]


def test_several_workers_read_the_store_side_by_side_and_none_writes(store_path, tmp_path):
    # sitrep serve --workers 2: both processes open the store read-only, the writes answer 403, and a batch
    # that wants to write the file meanwhile is told it is open elsewhere
    import os
    import socket
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "SITREP_API_TOKEN": TOKEN}
    server = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", str(store_path), "--port",
                               str(port), "--workers", "2"], env=env, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(base + "/health", timeout=2)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
                time.sleep(0.3)
        assert health.json()["writable"] is False
        for _ in range(6):  # whichever worker answers, the same pages
            assert ids(httpx.get(base + "/events", params={"view": "reports"})) == [XSS_ID, EMOJI_ID, DAQUQ_ID]
        posted = httpx.post(base + "/documents", json={"text": DAQUQ}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert "read-only" in error_of(posted, 403, "writes_disabled")["message"]
        writer = subprocess.run([sys.executable, "-m", "sitrep.cli", "ingest", str(tmp_path), "--db", str(store_path),
                                 "-q"], capture_output=True, text=True, timeout=120)
        assert writer.returncode != 0 and "open in another process" in writer.stderr
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
        if children.exists():  # Linux: two worker processes under the supervisor (and a resource tracker)
            assert len(children.read_text().split()) >= 2
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_several_workers_on_a_port_already_taken_fail_at_once_with_what_to_do(store_path):
    import socket

    with socket.socket() as taken:  # a listener without SO_REUSEPORT: no worker may share its port
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        out = subprocess.run([sys.executable, "-m", "sitrep.cli", "serve", "--db", str(store_path), "--port",
                              str(port), "--workers", "2"], capture_output=True, text=True, timeout=120)
    assert out.returncode != 0
    assert f"cannot listen on 127.0.0.1:{port}" in out.stderr and "choose another --port" in out.stderr
