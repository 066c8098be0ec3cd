"""The REST API and the web page of ``sitrep serve``: thin routes over the store's read queries and the pipeline.

The server owns one DuckDB connection (DuckDB allows one writer per file); reads run on per-thread cursors of
it and writes (``POST /documents``) go through one lock. Reading is open unless ``protect_reads``; writing
needs the token and is disabled without one.
"""

import io
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Annotated, Any, Literal

from anyio import CapacityLimiter, to_thread
from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from sitrep import __version__
from sitrep.api._http import ApiError, LimitsMiddleware, check_token, install_error_handlers
from sitrep.config import DEFAULT_MIN_CONFIDENCE
from sitrep.model import Report, event_from_dict
from sitrep.store.duckdb import DuckDBStore
from sitrep.store.export import write_events
from sitrep.store.linking import link_new
from sitrep.store.queries import EventFilter, StoreReader

STATIC = Path(__file__).resolve().parents[1] / "web" / "static"
MAX_PAGE = 500
# The page loads only its own files: no inline script, no remote origin, so injected markup cannot run.
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
_ID = r"^[A-Za-z0-9_\-]{1,100}$"
_DAY = r"^\d{4}(-\d{2}(-\d{2})?)?$"


@dataclass(frozen=True, slots=True, kw_only=True)
class ApiSettings:
    token: str | None = None  # SITREP_API_TOKEN: writes need it; without one, writing is disabled
    protect_reads: bool = False  # reads need the token too
    max_body: int = 2_000_000  # bytes of a request body
    max_page: int = MAX_PAGE
    cache_size: int = 512  # cached pages and chart counts (0: none); exact, since the server is the only writer
    query_threads: int = 4  # /events pages computed at once


class DocumentIn(BaseModel):
    """A document to extract and store: ``text`` or ``html``, with optional metadata."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, description="Plain text of the article.")
    html: str | None = Field(None, description="The article's HTML page; boilerplate is dropped.")
    url: str | None = Field(None, max_length=2048, description="The document's URL (fetched when 'fetch' is true).")
    fetch: bool = Field(False, description="Fetch 'url' (public addresses only) instead of sending text or html.")
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, pattern=_DAY, description="Publication date, YYYY-MM-DD.")
    outlet: str | None = Field(None, max_length=300)
    author: str | None = Field(None, max_length=300)

    @model_validator(mode="after")
    def _one_body(self) -> "DocumentIn":
        if self.fetch:
            if not self.url or self.text is not None or self.html is not None:
                raise ValueError("with 'fetch': true send 'url' and neither 'text' nor 'html'")
        elif (self.text is None) == (self.html is None):
            raise ValueError("send exactly one of 'text' or 'html' (or 'url' with 'fetch': true)")
        return self


def _json(data: Any, status: int = 200) -> Response:
    return Response(json.dumps(data, ensure_ascii=False, default=str), status_code=status,
                    media_type="application/json")


def _page_json(records: list[str], next_cursor: str | None, **extra: Any) -> Response:
    # records are the stored JSON strings: spliced, not parsed and dumped again
    head = json.dumps({"next_cursor": next_cursor, **extra}, ensure_ascii=False)[:-1]
    return Response(f'{head}, "items": [{",".join(records)}]}}', media_type="application/json")


def _bbox(text: str | None) -> tuple[float, float, float, float] | None:
    if not text:
        return None
    try:
        west, south, east, north = (float(p) for p in text.split(","))
    except ValueError:
        raise ApiError(422, "invalid_input", f"bbox={text[:60]!r}: use min_lon,min_lat,max_lon,max_lat") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise ApiError(422, "invalid_input", f"bbox={text[:60]!r} is outside lon -180..180, lat -90..90 "
                       "(or min_lat > max_lat)")
    return west, south, east, north


async def event_filter(
    country: Annotated[str | None, Query(max_length=2, description="ISO 3166-1 alpha-2, e.g. IQ")] = None,
    admin1: Annotated[str | None, Query(max_length=200, description="First-level region, e.g. Anbar")] = None,
    since: Annotated[str | None, Query(pattern=_DAY, description="On or after (YYYY, YYYY-MM or YYYY-MM-DD)")] = None,
    until: Annotated[str | None, Query(pattern=_DAY, description="On or before (YYYY, YYYY-MM or YYYY-MM-DD)")] = None,
    type: Annotated[str | None, Query(max_length=100, description="Event type or subtype")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Actor name or canonical name (substring)")] = None,
    bbox: Annotated[str | None, Query(max_length=100, description="min_lon,min_lat,max_lon,max_lat")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words in the evidence, place, actors or source")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description=(
        f"Leave out events below this confidence (default {DEFAULT_MIN_CONFIDENCE} with include=news)"))] = None,
    include: Annotated[Literal["news", "all"], Query(description=(
        "news: incidents told as news (no background, plans, denials or verbal interactions); all: every event "
        "stored"))] = "news",
    asserted_by: Annotated[Literal["outlet", "speaker"] | None, Query(description="Who asserts it")] = None,
    document_id: Annotated[str | None, Query(pattern=_ID)] = None,
    view: Annotated[Literal["merged", "reports"], Query(
        description="merged: one item per real event, linked across documents; reports: one per document")] = "merged",
) -> EventFilter:
    # async (it does no I/O): FastAPI runs a plain def dependency on a worker thread, a hop per request
    news = include == "news"
    if min_confidence is None and news:
        min_confidence = DEFAULT_MIN_CONFIDENCE
    return EventFilter(country=country, admin1=admin1, since=since, until=until, type=type, actor=actor,
                       bbox=_bbox(bbox), q=q, min_confidence=min_confidence, news_only=news,
                       asserted_by=asserted_by, document_id=document_id, view=view)


async def _raw_body(request: Request) -> bytes:
    return await request.body()


def _document_in(raw: bytes) -> DocumentIn:
    try:
        return DocumentIn.model_validate_json(raw or b"null")
    except ValidationError as exc:
        raise RequestValidationError([{**e, "loc": ("body", *e.get("loc", ()))} for e in exc.errors()]) from None


def _fetch_url(url: str, fetcher: Any) -> bytes:
    """The page at ``url`` through ingestion's guarded fetcher (private addresses refused)."""
    if fetcher is None:
        try:
            from sitrep.ingest.fetch import Fetcher
        except ImportError:
            raise ApiError(501, "fetch_unavailable", "this build cannot fetch URLs: send 'text' or 'html'") from None
        with Fetcher(delay=0.0) as guarded:
            return guarded.fetch(url).data
    return fetcher.fetch(url).data


def create_app(store: DuckDBStore, settings: ApiSettings | None = None, *,
               extract: Callable[..., Report] | None = None, fetcher: Any = None) -> FastAPI:
    """The API over an open store.

    ``extract`` (default ``sitrep.pipeline.extract_one``) and ``fetcher`` (default: a new
    ``sitrep.ingest.fetch.Fetcher`` per request, refusing private addresses) serve POST /documents.
    """
    cfg = settings or ApiSettings()
    reader = StoreReader(store, cache_size=cfg.cache_size, max_page=cfg.max_page)
    write_lock = threading.Lock()
    # a few store queries at a time, served in arrival order: with 50 clients on 2 cores, 40 queries sharing
    # the CPU finish late together (p99 475 ms -> 325 ms at the same throughput, benchmarks/api_load.py --vary)
    queries = CapacityLimiter(cfg.query_threads)
    app = FastAPI(title="sitrep", version=__version__, docs_url=None, redoc_url=None,
                  description="Evidence-linked events from news about armed conflict. Every field of every event "
                              "carries the exact words of its source (offsets are Unicode code points).")
    install_error_handlers(app)
    app.add_middleware(LimitsMiddleware, max_body=cfg.max_body, page_csp=PAGE_CSP)

    async def can_read(request: Request) -> None:
        if cfg.protect_reads:
            check_token(request, cfg.token, action="reading")

    page_size = Annotated[int, Query(ge=1, le=cfg.max_page, description=f"Items per page (at most {cfg.max_page})")]
    cursor_q = Annotated[str | None, Query(max_length=500, description="next_cursor of the previous page")]
    read = [Depends(can_read)]

    @app.get("/events", dependencies=read, summary="Events, filtered, in pages")
    async def list_events(filters: Annotated[EventFilter, Depends(event_filter)], limit: page_size = 50,
                          cursor: cursor_q = None, order: Literal["asc", "desc"] = "asc",
                          format: Literal["json", "csv", "geojson"] = "json") -> Response:
        # a cached page is answered on the event loop; a query (or an export) runs on a worker thread
        page = reader.peek(reader.page_key(filters, limit=limit, cursor=cursor, order=order))
        if page is not None and format == "json":
            return _page_json(page.records, page.next_cursor, limit=limit)
        return await to_thread.run_sync(partial(events_response, filters, limit=limit, cursor=cursor, order=order,
                                                format=format), limiter=queries)

    def events_response(filters: EventFilter, *, limit: int, cursor: str | None, order: str,
                        format: str) -> Response:
        page = reader.events_page(filters, limit=limit, cursor=cursor, order=order)
        if format == "json":
            return _page_json(page.records, page.next_cursor, limit=limit)
        events = [event_from_dict(json.loads(r)) for r in page.records]
        out = io.StringIO()
        write_events(events, format, out, documents=reader.documents(d for e in events for d in e.document_ids[:1]))
        media = "text/csv" if format == "csv" else "application/geo+json"
        headers = {"X-Next-Cursor": page.next_cursor} if page.next_cursor else {}
        return Response(out.getvalue(), media_type=f"{media}; charset=utf-8", headers=headers)

    @app.get("/events/{event_id}", dependencies=read, summary="One event with its document and asserting claim")
    def get_event(event_id: Annotated[str, PathParam(pattern=_ID)]) -> Response:
        found = reader.event(event_id)
        if found is None:
            raise ApiError(404, "not_found", f"no event {event_id!r} (ids look like lk_… or ev_…; GET /events lists them)")
        event = json.loads(found[0])
        document = reader.document(found[1])
        claim_id = event.get("asserted_by", {}).get("claim_id")
        claims = [json.loads(c) for c in reader.document_records("claims", found[1])]
        claim = next((c for c in claims if c["id"] == claim_id), None)
        reports = None
        if event_id.startswith("lk_"):
            # every report of a merged event, with the document it comes from (its evidence is in that text)
            reports = []
            for record, doc_id in reader.reports_of(event_id):
                d = reader.document(doc_id) or {}
                reports.append({"event": json.loads(record), "document": {
                    k: d.get(k) for k in ("id", "title", "outlet", "published", "url")}})
        return _json({"event": event, "document": document, "claim": claim, "reports": reports})

    @app.get("/documents/{document_id}", dependencies=read, summary="A document with its events and claims")
    def get_document(document_id: Annotated[str, PathParam(pattern=_ID)]) -> Response:
        document = reader.document(document_id)
        if document is None:
            raise ApiError(404, "not_found", f"no document {document_id!r}")
        parts = {t: [json.loads(r) for r in reader.document_records(t, document_id)]
                 for t in ("events", "claims", "citations")}
        return _json({"document": document, **parts})

    @app.get("/claims", dependencies=read, summary="Who said what, through which outlet")
    def list_claims(speaker: Annotated[str | None, Query(max_length=200)] = None,
                    medium: Annotated[str | None, Query(max_length=200)] = None,
                    q: Annotated[str | None, Query(max_length=200)] = None,
                    document_id: Annotated[str | None, Query(pattern=_ID)] = None,
                    limit: page_size = 50, cursor: cursor_q = None) -> Response:
        page = reader.claims_page(speaker=speaker, medium=medium, q=q, document_id=document_id, limit=limit,
                                  cursor=cursor)
        return _page_json(page.records, page.next_cursor, limit=limit)

    @app.get("/actors", dependencies=read, summary="Actors by mentions")
    def list_actors(q: Annotated[str | None, Query(max_length=200)] = None,
                    kind: Annotated[str | None, Query(max_length=50)] = None, limit: page_size = 100) -> Response:
        return _json({"items": reader.actors(q=q, kind=kind, limit=limit)})

    @app.get("/stats", dependencies=read, summary="Counts by month, week, type and country, for charts")
    def stats(filters: Annotated[EventFilter, Depends(event_filter)]) -> Response:
        return _json(reader.stats(filters))

    async def can_write(request: Request) -> None:
        if cfg.token and store.read_only:  # sitrep serve --workers N: every worker reads, none may write
            raise ApiError(403, "writes_disabled", "adding documents is disabled: this server opened the store "
                           "read-only (serve with one worker to write, or write with sitrep ingest while it is stopped)")
        check_token(request, cfg.token, action="adding documents")

    # The token is checked before the body is read, so a caller without one learns nothing from validation (401
    # before 422): the body is parsed here rather than by FastAPI, which would parse it before any dependency.
    @app.post("/documents", summary="Extract a document and store its report (needs the token)",
              status_code=201, responses={200: {"description": "Already stored"}, 401: {}, 403: {}, 413: {}},
              dependencies=[Depends(can_write)], openapi_extra={"requestBody": {
                  "required": True, "content": {"application/json": {"schema": DocumentIn.model_json_schema()}}}})
    def post_document(raw: Annotated[bytes, Depends(_raw_body)]) -> Response:
        body = _document_in(raw)
        run = extract
        if run is None:
            from sitrep.pipeline import extract_one as run
        # one writer: the store's connection, and spaCy, are used by one request at a time
        data = _fetch_url(body.url, fetcher) if body.fetch else body.text if body.text is not None else body.html
        with write_lock:
            report = run(data, published=body.published,
                         url=body.url, title=body.title, outlet=body.outlet, author=body.author, source="api")
            status = store.save_report(report)
            link_new(store)  # the new report joins the merged event it tells of, or starts one
            reader.invalidate()
        return _json({"status": status, "report": report.to_dict()}, 201 if status == "inserted" else 200)

    @app.get("/health", summary="Liveness and store counts")
    def health() -> Response:
        return _json({"ok": True, "version": __version__, "writable": not store.read_only and bool(cfg.token),
                      "protect_reads": cfg.protect_reads})

    _mount_page(app)
    return app


_DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>sitrep API</title>
<link rel="icon" href="/docs-assets/favicon-32x32.png"><link rel="stylesheet" href="/docs-assets/swagger-ui.css">
</head><body><div id="swagger-ui"></div>
<script src="/docs-assets/swagger-ui-bundle.js"></script><script src="/static/docs.js"></script>
</body></html>
"""


def _mount_page(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    try:  # Swagger UI's files come from a PyPI package, so /docs works offline
        import swagger_ui_bundle
    except ImportError:
        swagger_ui_bundle = None
    if swagger_ui_bundle is not None:
        app.mount("/docs-assets", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if swagger_ui_bundle is None:
            return HTMLResponse('<p>The OpenAPI spec is at <a href="/openapi.json">/openapi.json</a> '
                                '(pip install swagger-ui-bundle for the interactive docs).</p>')
        return HTMLResponse(_DOCS_PAGE)


__all__ = ["ApiSettings", "DocumentIn", "create_app", "event_filter"]
