"""The web page in a real headless Chromium against a server on loopback: filter, open an event, and check
that every highlight is exactly the record's evidence (emoji and Arabic before it), that an XSS document
stays inert, and that nothing is fetched from outside."""

from __future__ import annotations

import json
import urllib.request
from urllib.parse import urlsplit

import pytest
from api_samples import DAQUQ, EMOJI, XSS, sample_reports

expect = pytest.importorskip("playwright.sync_api").expect
IDS = {r.document.text: r.events[0].id for r in sample_reports()}


def api(server: str, path: str) -> dict:
    with urllib.request.urlopen(server + path, timeout=10) as response:
        return json.load(response)


def expected_spans(body: dict) -> dict[str, str]:
    """The highlight keys the page gives each evidence item (class-number), with the record's text."""
    event, claim = body["event"], body["claim"]
    out: dict[str, str] = {}

    def add(cls: str, items: list[dict]) -> None:
        for item in items:
            out[f"{cls}-{sum(k.rsplit('-', 1)[0] == cls for k in out)}"] = item["text"]

    add("date", event["date"]["evidence"])
    add("place", event["place"]["evidence"])
    for actor in event["actors"]:
        add(actor["role"], actor["evidence"])
    for field in ("killed", "injured"):
        if event[field]:
            add(field, event[field]["evidence"])
    if claim:
        add("speaker", claim["speaker"]["evidence"])
        add("cue", claim["cue"]["evidence"])
        add("content", claim["content"]["evidence"])
    add("sentence", event["evidence"])
    return out


HIGHLIGHTED = """() => {
  const out = {};
  for (const mark of document.querySelectorAll('#doc-text mark')) {
    for (const key of mark.dataset.spans.split(' ')) out[key] = (out[key] || '') + mark.textContent;
  }
  return out;
}"""


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.requests = []
    page.errors = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


def test_page_filters_opens_an_event_and_highlights_exactly_its_evidence(page, server, artifacts):
    page.goto(server + "/")
    page.wait_for_selector("#events tbody tr")
    assert page.locator("#events tbody tr").count() == 3
    # the map and the timeline are drawn after the table: wait for them (a loaded machine takes a while)
    expect(page.locator("#map circle.dot")).to_have_count(3)
    page.locator("#timeline rect.bar").nth(2).wait_for()
    page.fill("#filters input[name=country]", "UA")
    page.click("#filters button[type=submit]")
    expect(page.locator("#events tbody tr")).to_have_count(1)
    expect(page.locator("#status")).to_have_text("1 event matches")
    page.screenshot(path=str(artifacts / "web-events.png"), full_page=True)

    page.click("#events tbody tr >> nth=0")
    page.wait_for_selector("#doc-text mark")
    body = api(server, f"/events/{IDS[EMOJI]}")
    # the text before the evidence has emoji (two UTF-16 units each): a page slicing by code points
    # without converting would shift every highlight
    assert page.evaluate(HIGHLIGHTED) == expected_spans(body)
    assert page.locator("#doc-text").inner_text() == EMOJI
    assert page.locator("#doc-text mark.ev-killed").first.get_attribute("data-label") == "killed: 3"
    page.screenshot(path=str(artifacts / "web-event.png"), full_page=True)
    assert page.errors == []
    assert {urlsplit(u).netloc for u in page.requests} == {urlsplit(server).netloc}  # nothing from outside


def test_english_event_highlights_match_the_record(page, server):
    page.goto(server + f"/#/event/{IDS[DAQUQ]}")
    page.wait_for_selector("#doc-text mark")
    spans = page.evaluate(HIGHLIGHTED)
    assert spans == expected_spans(api(server, f"/events/{IDS[DAQUQ]}"))
    assert spans["killed-0"] == "Two civilians were killed"
    assert page.locator("#event-fields").inner_text().count("Rudaw news agency") == 1


def test_a_document_with_script_and_event_handlers_renders_as_text(page, server, artifacts):
    page.goto(server + f"/#/event/{IDS[XSS]}")
    page.wait_for_selector("#doc-text mark")
    page.wait_for_timeout(300)  # let an injected handler fire, if one got in
    assert page.evaluate("window.__xss") is None
    assert page.locator("#doc-text script, #doc-text img").count() == 0
    assert page.locator("#doc-text").inner_text() == XSS
    assert page.evaluate(HIGHLIGHTED) == expected_spans(api(server, f"/events/{IDS[XSS]}"))
    page.goto(server + "/")
    page.wait_for_selector("#events tbody tr")
    assert page.evaluate("window.__xss") is None
    page.screenshot(path=str(artifacts / "web-xss.png"), full_page=True)


def test_claims_view_shows_who_said_what_through_which_outlet(page, server):
    page.goto(server + "/#/claims")
    page.wait_for_selector("#claims tbody tr")
    rows = page.locator("#claims tbody tr").all_inner_texts()
    assert len(rows) == 2
    assert any("police" in r and "Rudaw news agency" in r and "Northern Wire" in r for r in rows)
    page.fill("#claim-filters input[name=speaker]", "mayor")
    page.click("#claim-filters button[type=submit]")
    expect(page.locator("#claims tbody tr")).to_have_count(1)
    assert "the city's mayor" in page.locator("#claims tbody tr").inner_text()
