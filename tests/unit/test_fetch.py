"""The HTTP fetcher: limits, redirects, content types, politeness and the private-address guard (no network)."""

from __future__ import annotations

import time

import httpx
import pytest

from sitrep.errors import FetchError
from sitrep.ingest.fetch import Fetcher, is_public_address, parse_content_type

PUBLIC = "93.184.216.34"
PAGE = b"<html><body><p>Two soldiers were killed in an attack on a checkpoint, officials said.</p></body></html>"


def fake_resolver(table):
    def resolve(host, port):
        return table.get(host, [PUBLIC])
    return resolve


def make_fetcher(handler, **kw):
    kw.setdefault("delay", 0.0)
    kw.setdefault("resolver", fake_resolver({}))
    return Fetcher(transport=httpx.MockTransport(handler), **kw)


def html_response(request, body=PAGE, **headers):
    return httpx.Response(200, content=body, headers={"content-type": "text/html; charset=utf-8", **headers})


def test_fetch_returns_body_type_charset_and_final_url():
    with make_fetcher(html_response) as f:
        page = f.fetch("https://news.example.com/a")
    assert page.data == PAGE
    assert (page.content_type, page.charset, page.url) == ("text/html", "utf-8", "https://news.example.com/a")
    assert not page.is_feed


@pytest.mark.parametrize("url", ["http://127.0.0.1/admin", "http://10.0.0.5/", "http://[::1]/", "http://169.254.169.254/latest",
                                 "http://192.168.1.1/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/"])
def test_private_and_loopback_addresses_are_refused(url):
    calls = []
    with make_fetcher(lambda r: calls.append(r) or html_response(r)) as f, pytest.raises(FetchError) as err:
        f.fetch(url)
    assert err.value.code == "fetch_blocked"
    assert calls == []  # refused before any request was sent


def test_host_names_resolving_to_private_addresses_are_refused():
    resolver = fake_resolver({"intranet.example.com": ["10.1.2.3"], "mixed.example.com": [PUBLIC, "127.0.0.1"]})
    with make_fetcher(html_response, resolver=resolver) as f:
        for url in ("http://intranet.example.com/", "http://mixed.example.com/"):
            with pytest.raises(FetchError) as err:
                f.fetch(url)
            assert err.value.code == "fetch_blocked"


def test_allow_private_lets_internal_hosts_through():
    with make_fetcher(html_response, allow_private=True) as f:
        assert f.fetch("http://127.0.0.1:8080/page").data == PAGE


def test_a_redirect_to_a_private_address_is_refused():
    def handler(request):
        if request.headers["host"] == "news.example.com":  # the URL holds the pinned address, the name is here
            return httpx.Response(302, headers={"location": "http://169.254.169.254/latest/meta-data"})
        return html_response(request)
    with make_fetcher(handler) as f, pytest.raises(FetchError) as err:
        f.fetch("https://news.example.com/a")
    assert err.value.code == "fetch_blocked"


def test_redirects_are_followed_and_bounded():
    def handler(request):
        n = int(request.url.path.strip("/") or 0)
        return httpx.Response(301, headers={"location": f"/{n + 1}"}) if n < 10 else html_response(request)
    with make_fetcher(handler, max_redirects=3) as f:
        with pytest.raises(FetchError) as err:
            f.fetch("https://news.example.com/0")
        assert err.value.code == "fetch_redirects"
        assert f.fetch("https://news.example.com/8").url == "https://news.example.com/10"


def test_bodies_over_the_size_limit_are_dropped():
    big = b"<p>" + b"x" * 5000 + b"</p>"
    with make_fetcher(lambda r: html_response(r, body=big), max_bytes=1000) as f, pytest.raises(FetchError) as err:
        f.fetch("https://news.example.com/big")
    assert err.value.code == "fetch_too_large"


@pytest.mark.parametrize("kind", ["image/jpeg", "application/octet-stream", "application/pdf"])
def test_content_types_other_than_pages_and_feeds_are_refused(kind):
    image = httpx.Response(200, content=b"\x89PNG", headers={"content-type": kind})
    with make_fetcher(lambda r: image) as f, pytest.raises(FetchError) as err:
        f.fetch("https://news.example.com/x")
    assert err.value.code == "fetch_content_type"


def test_feed_content_type_is_recognised():
    rss = httpx.Response(200, content=b"<rss/>", headers={"content-type": "application/rss+xml"})
    with make_fetcher(lambda r: rss) as f:
        assert f.fetch("https://news.example.com/feed").is_feed


def test_http_errors_and_timeouts_have_their_own_codes():
    def handler(request):
        if request.url.path == "/slow":
            raise httpx.ReadTimeout("timed out", request=request)
        return httpx.Response(503)
    with make_fetcher(handler) as f:
        for path, code in (("/slow", "fetch_timeout"), ("/down", "fetch_status")):
            with pytest.raises(FetchError) as err:
                f.fetch(f"https://news.example.com{path}")
            assert err.value.code == code


def test_only_http_and_https_are_fetched():
    with make_fetcher(html_response) as f:
        for url in ("file:///etc/passwd", "ftp://example.com/x", "gopher://example.com/"):
            with pytest.raises(FetchError) as err:
                f.fetch(url)
            assert err.value.code == "fetch_scheme"


def test_requests_to_one_host_are_spaced_by_the_delay():
    stamps = []
    with make_fetcher(lambda r: stamps.append(time.monotonic()) or html_response(r), delay=0.3) as f:
        for _ in range(3):
            f.fetch("https://news.example.com/a")
        f.fetch("https://other.example.org/b")
    assert stamps[1] - stamps[0] >= 0.29 and stamps[2] - stamps[1] >= 0.29
    assert stamps[3] - stamps[2] < 0.2  # another host does not wait


def test_public_address_classification():
    assert is_public_address(PUBLIC) and is_public_address("2606:4700::1111")
    assert not any(map(is_public_address, ["127.0.0.1", "10.0.0.1", "172.16.0.1", "fe80::1", "::1", "224.0.0.1",
                                            "100.64.0.1", "not-an-ip"]))


def test_content_type_header_parsing():
    assert parse_content_type('text/html; charset="ISO-8859-1"') == ("text/html", "iso-8859-1")
    assert parse_content_type("") == ("", None)


def test_the_connection_goes_to_the_checked_address_even_when_dns_changes_its_answer():
    answers = iter([[PUBLIC], ["127.0.0.1"], ["127.0.0.1"]])  # rebinding: public for the check, loopback after
    seen = []

    def handler(request):
        seen.append((request.url.host, request.headers["host"], request.extensions.get("sni_hostname")))
        return html_response(request)
    with make_fetcher(handler, resolver=lambda host, port: next(answers)) as f:
        assert f.fetch("https://news.example.com/a").url == "https://news.example.com/a"
    assert seen == [(PUBLIC, "news.example.com", "news.example.com")]


def test_a_server_that_drips_bytes_is_cut_off_at_the_fetch_deadline():
    def drip():
        yield b"<html><body><p>"
        for _ in range(100):
            time.sleep(0.05)
            yield b"x"

    started = time.monotonic()
    with make_fetcher(lambda r: httpx.Response(200, content=drip(), headers={"content-type": "text/html"}),
                      timeout=5.0, deadline=0.5) as f, pytest.raises(FetchError) as err:
        f.fetch("https://news.example.com/slow")
    assert err.value.code == "fetch_timeout" and "deadline of 0.5s" in str(err.value)
    assert time.monotonic() - started < 2.0  # the whole drip would take 5 s; each read alone is quick
