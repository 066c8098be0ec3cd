"""Fetch pages and feeds over HTTP(S) with httpx, carefully: the URLs come from feeds written by others.

Every request has a timeout per read and a deadline for the whole fetch (a server that drips one byte a
second cannot hold it open), a size limit (the body is streamed and dropped past it), a bounded number
of redirects (each hop is checked again), an accepted content type and a politeness delay per host.
Hosts that resolve to private, loopback, link-local or otherwise non-public addresses are refused
unless ``allow_private=True``: a feed must not be able to make sitrep fetch internal services.  The
connection goes to the very address that was checked (``PinnedTransport``), with the host name kept in
the Host header and for TLS, so a DNS answer that changes between the check and the connection
(rebinding) cannot turn a fetch inward.  The transport and the resolver are injectable, so tests never
touch the network.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from sitrep.errors import FetchError

log = logging.getLogger(__name__)

USER_AGENT = "sitrep/0.1 (+https://github.com/sitrep; news event extraction)"
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "application/feed+json")
ACCEPTED_TYPES = HTML_TYPES + FEED_TYPES
_REDIRECTS = {301, 302, 303, 307, 308}
_PIN = "sitrep.pinned_address"  # request extension: the checked address to connect to

Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True, slots=True)
class Fetched:
    """One fetched resource: the final URL after redirects, its body and its declared type."""

    url: str
    data: bytes
    content_type: str
    charset: str | None = None

    @property
    def is_feed(self) -> bool:
        return self.content_type in FEED_TYPES


def resolve_host(host: str, port: int) -> list[str]:
    """Every address a host name resolves to (all of them are checked, not just the first)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve {host!r}: {exc.strerror}", code="fetch_dns") from exc
    return sorted({str(info[4][0]) for info in infos})


def is_public_address(address: str) -> bool:
    """False for private, loopback, link-local, multicast, reserved and unspecified addresses."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


@dataclass
class Fetcher:
    """A polite, guarded HTTP client.  Use one per run (it keeps connections and per-host timings)."""

    timeout: float = 20.0  # seconds one connect or read may wait
    deadline: float = 60.0  # seconds the whole fetch may take, redirects and body included
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    delay: float = 1.0  # seconds between two requests to the same host
    allow_private: bool = False
    transport: Any = None  # an httpx transport (e.g. httpx.MockTransport in tests)
    resolver: Resolver = resolve_host
    user_agent: str = USER_AGENT
    _client: Any = field(default=None, init=False, repr=False)
    _last: dict[str, float] = field(default_factory=dict, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _http(self) -> Any:
        if self._client is None:
            import httpx

            self._client = httpx.Client(
                transport=PinnedTransport(self.transport or httpx.HTTPTransport()), timeout=self.timeout,
                follow_redirects=False,
                headers={"User-Agent": self.user_agent, "Accept": ", ".join(ACCEPTED_TYPES) + ";q=0.9, */*;q=0.1"},
            )
        return self._client

    def check_url(self, url: str) -> str | None:
        """Refuse schemes other than http(s) and hosts on non-public addresses (unless allowed).

        Returns the checked address to connect to, or None when the host is an address or private ones are
        allowed (nothing to pin)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchError(f"{url!r}: only http and https URLs are fetched", code="fetch_scheme")
        host = parts.hostname
        if not host:
            raise FetchError(f"{url!r} has no host", code="fetch_scheme")
        if self.allow_private:
            return None
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = [host] if _is_ip_literal(host) else self.resolver(host, port)
        blocked = [a for a in addresses if not is_public_address(a)]
        if blocked or not addresses:
            raise FetchError(f"{url!r} resolves to the non-public address {blocked[0] if blocked else '?'}: refused "
                             "(pass allow_private / --allow-private to fetch internal hosts on purpose)",
                             code="fetch_blocked")
        return None if _is_ip_literal(host) else addresses[0]

    def _wait_turn(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            ready = self._last.get(host, 0.0) + self.delay
            self._last[host] = max(now, ready)
        if ready > now:
            time.sleep(ready - now)

    def fetch(self, url: str, *, accept: tuple[str, ...] = ACCEPTED_TYPES) -> Fetched:
        """GET ``url``; raises ``FetchError`` (with a code) for anything that is not an acceptable page."""
        import httpx

        current = url
        ends = time.monotonic() + self.deadline
        for _hop in range(self.max_redirects + 1):
            pinned = self.check_url(current)
            self._wait_turn(urlsplit(current).hostname or "")
            left = ends - time.monotonic()
            if left <= 0:
                raise self._late(current)
            try:
                with self._http().stream("GET", current, timeout=min(self.timeout, left),
                                         extensions={_PIN: pinned} if pinned else None) as response:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    return self._read(current, response, accept, ends=ends)
            except httpx.TimeoutException as exc:
                if time.monotonic() >= ends:
                    raise self._late(current) from exc
                raise FetchError(f"{current}: no answer within {self.timeout:g}s", code="fetch_timeout") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"{current}: {type(exc).__name__}: {exc}", code="fetch_error") from exc
        raise FetchError(f"{url}: more than {self.max_redirects} redirects", code="fetch_redirects")

    def _late(self, url: str) -> FetchError:
        return FetchError(f"{url}: not complete within the fetch deadline of {self.deadline:g}s", code="fetch_timeout")

    def _read(self, url: str, response: Any, accept: tuple[str, ...], *, ends: float) -> Fetched:
        if response.status_code >= 400:
            raise FetchError(f"{url}: HTTP {response.status_code}", code="fetch_status")
        kind, charset = parse_content_type(response.headers.get("content-type", ""))
        if kind and kind not in accept:
            raise FetchError(f"{url}: content type {kind!r} is not a page or a feed", code="fetch_content_type")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"{url}: {int(declared):,} bytes, over the limit of {self.max_bytes:,}",
                             code="fetch_too_large")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"{url}: more than {self.max_bytes:,} bytes, over the limit", code="fetch_too_large")
            chunks.append(chunk)
            if time.monotonic() > ends:
                raise self._late(url)
        return Fetched(url=str(url), data=b"".join(chunks), content_type=kind or "text/html", charset=charset)


class PinnedTransport:
    """An httpx transport that connects to the address the fetcher checked, not to a fresh DNS answer.

    The request keeps its host name in the Host header and as the TLS server name (SNI and certificate
    check), so virtual hosts and HTTPS work as before; only the address connected to is fixed."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def handle_request(self, request: Any) -> Any:
        address = request.extensions.pop(_PIN, None)
        if address:
            host = request.url.host
            request.extensions["sni_hostname"] = host
            if "Host" not in request.headers:  # httpx sets it from the URL; a bare request may lack it
                request.headers["Host"] = host
            request.url = request.url.copy_with(host=address)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()

    def __enter__(self) -> PinnedTransport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def parse_content_type(header: str) -> tuple[str, str | None]:
    """("text/html", "utf-8") from 'text/html; charset=UTF-8'."""
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return kind.strip().lower(), charset


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True
