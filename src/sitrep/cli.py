"""The ``sitrep`` command: thin shells over the library.  Data goes to stdout, progress and summaries to stderr."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

import click

from sitrep import __version__
from sitrep.config import DEFAULT_MIN_CONFIDENCE
from sitrep.errors import IngestError, SitrepError, StageError

DEFAULT_DB = "sitrep.duckdb"
db_option = click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, envvar="SITREP_DB",
                         help="DuckDB store file (env SITREP_DB).")


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitrep")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug) on stderr.")
def main(verbose: int) -> None:
    """sitrep: news about armed conflict in, evidence-linked events out.

    Every field of every event carries the exact words of the source that support it.
    """
    logging.basicConfig(level=[logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)],
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@main.command()
@click.argument("path")
@click.option("--published", help="Publication date (YYYY-MM-DD, or YYYY-MM when only the month is known); overrides the page's own date.")
@click.option("--url", help="The document's URL.")
@click.option("--title", help="The document's title.")
@click.option("--outlet", help="The outlet that published it.")
@click.option("--compact", is_flag=True, help="One line of JSON instead of indented JSON.")
def extract(path: str, published: str | None, url: str | None, title: str | None, outlet: str | None,
            compact: bool) -> None:
    """Extract one document (text or HTML file, or - for stdin) and print its report as JSON."""
    from sitrep.pipeline import extract_one

    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        _fail(f"cannot read {path}: {exc.strerror}")
    try:
        report = extract_one(data, published=published, url=url, title=title, outlet=outlet,
                             source="stdin" if path == "-" else path)
    except (IngestError, StageError) as exc:  # this document failed, like a failure row of `ingest`: exit 1
        click.echo(f"error: {exc} [{exc.code}]", err=True)
        sys.exit(1)
    except SitrepError as exc:
        _fail(f"{exc} [{exc.code}]")
    click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=None if compact else 2))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--batch-size", default=32, show_default=True, help="Documents annotated together.")
@click.option("--published", help="Publication date for inputs that carry none (YYYY-MM-DD, or YYYY-MM).")
@click.option("--workers", default=1, show_default=True, help="Worker processes (each loads the model once).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", help="Dask scheduler address (tcp://host:8786); implies --engine dask.")
@click.option("--allow-private", is_flag=True, help="Let URLs reach private, loopback and link-local addresses.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest(paths: tuple[str, ...], db_path: str, batch_size: int, published: str | None, workers: int, engine: str,
           scheduler: str | None, allow_private: bool, quiet: bool) -> None:
    """Extract events from files, folders, globs and URLs into the store.

    Reads .txt .html .json .jsonl (also gzipped), .warc/.warc.gz crawls, RSS/Atom feeds and http(s) URLs.
    """
    from sitrep.cli_render import print_summary, progress_bar
    from sitrep.engines.local import open_engine, run
    from sitrep.ingest.fetch import Fetcher
    from sitrep.ingest.sources import read_inputs
    from sitrep.store.duckdb import DuckDBStore
    from sitrep.store.linking import link_new

    try:
        with DuckDBStore(db_path) as store, Fetcher(allow_private=allow_private) as fetcher, \
                open_engine(engine, workers=workers, scheduler=scheduler) as executor, \
                progress_bar(disabled=quiet) as tick:
            summary = run(read_inputs(paths, fetcher=fetcher), sink=store.save_reports,
                          on_failure=store.save_failure, progress=tick, batch_size=batch_size, executor=executor,
                          defaults={"published": published} if published else None)
            linked = link_new(store)
            counts = store.counts()
    except SitrepError as exc:
        _fail(str(exc))
    print_summary(summary, counts, db_path, linked=linked.to_dict())
    if summary.failed:
        sys.exit(1)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--every", default="15m", show_default=True, help="Time between rounds: 90s, 15m, 1h.")
@click.option("--once", is_flag=True, help="One round, then exit.")
@click.option("--workers", default=1, show_default=True, help="Worker processes (each loads the model once).")
@click.option("--allow-private", is_flag=True, help="Let URLs reach private, loopback and link-local addresses.")
def watch(sources: tuple[str, ...], db_path: str, every: str, once: bool, workers: int, allow_private: bool) -> None:
    """Poll feeds and pages (URLs, feed files, or files listing URLs); store only new items; safe to restart."""
    from sitrep.cli_render import err
    from sitrep.ingest.fetch import Fetcher
    from sitrep.store.duckdb import DuckDBStore
    from sitrep.store.linking import link_new
    from sitrep.watch import expand_sources, parse_every
    from sitrep.watch import watch as watch_feeds

    try:
        seconds = parse_every(every)
        with DuckDBStore(db_path) as store, Fetcher(allow_private=allow_private) as fetcher:
            for cycle in watch_feeds(expand_sources(list(sources)), store=store, fetcher=fetcher, every=seconds,
                                     cycles=1 if once else None, workers=workers):
                err.print("watch: " + ", ".join(f"{k}={v}" for k, v in cycle.to_dict().items()))
                err.print("linked: " + ", ".join(f"{k}={v}" for k, v in link_new(store).to_dict().items()))
    except SitrepError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        err.print("watch: stopped")


@main.command()
@db_option
@click.option("--country", help="ISO 3166-1 alpha-2 code, e.g. IQ.")
@click.option("--since", help="Events on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Events on or before this date (YYYY-MM-DD).")
@click.option("--type", "type_", help="Event type or subtype, e.g. battles or air_drone_strike.")
@click.option("--actor", help="Actor name or canonical name (substring, any case).")
@click.option("--limit", type=int, help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl", "geojson", "parquet"]), default="table",
              show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@click.option("--reports", "per_report", is_flag=True,
              help="One row per report of an event instead of one per real event (merged across documents).")
@click.option("--all", "show_all", is_flag=True,
              help="Every stored event: also background, plans, denied events, verbal interactions (condemn, "
                   "demand, meet) and low-confidence events.")
@click.option("--min-confidence", type=click.FloatRange(0, 1),
              help=f"Leave out events below this confidence [default: {DEFAULT_MIN_CONFIDENCE}; 0 with --all].")
def events(db_path: str, country: str | None, since: str | None, until: str | None, type_: str | None,
           actor: str | None, limit: int | None, fmt: str, out: str | None, per_report: bool, show_all: bool,
           min_confidence: float | None) -> None:
    """List events from the store, filtered, as a table or an export file.

    By default each row is one incident told as news, merged from every report of it (sources, corroboration,
    the range of counts, contested fields), at or above the default confidence; --reports lists what each
    document said, --all every stored event.
    """
    from sitrep.cli_render import render_events
    from sitrep.store.duckdb import DuckDBStore
    from sitrep.store.linking import linked_events

    if not Path(db_path).exists():
        _fail(f"no store at {db_path}: run `sitrep ingest PATH --db {db_path}` first")
    if min_confidence is None and not show_all:
        min_confidence = DEFAULT_MIN_CONFIDENCE
    filters = {"country": country, "since": since, "until": until, "type": type_, "actor": actor, "limit": limit,
               "news_only": not show_all, "min_confidence": min_confidence}
    try:
        with DuckDBStore(db_path, read_only=True) as store:
            found = [] if per_report else linked_events(store, **filters)
            if not found:  # per-report view asked for, or a store that was never linked (`sitrep link`)
                found = store.events(**filters)
            render_events(found, fmt, out, store)
    except SitrepError as exc:
        _fail(str(exc))


@main.command()
@click.argument("event_id")
@db_option
def show(event_id: str, db_path: str) -> None:
    """Show one event with every field's evidence highlighted in its sentence.

    For a merged event (lk_…), its sources and disagreements come first, then each report with its evidence.
    """
    from sitrep.cli_render import show_event, show_merged
    from sitrep.store.duckdb import DuckDBStore
    from sitrep.store.linking import linked_event, members

    if not Path(db_path).exists():
        _fail(f"no store at {db_path}")
    try:
        with DuckDBStore(db_path, read_only=True) as store:
            merged = linked_event(store, event_id)
            reports = list(members(store, event_id)) if merged else [store.event(event_id)]
            if not reports or reports[0] is None:
                _fail(f"no event {event_id!r} in {db_path} (ids look like lk_… or ev_…; `sitrep events` lists them)")
            docs = store.documents({e.document_ids[0] for e in reports if e and e.document_ids})
    except SitrepError as exc:
        _fail(str(exc))
    if merged:
        show_merged(merged)
    for event in reports:
        show_event(event, docs.get(event.document_ids[0]))


@main.command()
@db_option
def link(db_path: str) -> None:
    """Link events that have no link yet into merged events (ingest and watch do this on their own)."""
    from sitrep.store.duckdb import DuckDBStore
    from sitrep.store.linking import link_new

    try:
        with DuckDBStore(db_path) as store:
            summary = link_new(store)
    except SitrepError as exc:
        _fail(str(exc))
    click.echo(json.dumps(summary.to_dict()))


@main.command("eval")
@click.argument("task")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", required=True, help="Layout of the gold data (depends on the task).")
@click.option("--part", type=click.Choice(["tune", "check", "all"]), default="all", show_default=True,
              help="The fixed half of the set to score (a hash of each document's key): tune on one, report the other.")
@click.option("--limit", type=int, help="Score only the first N documents (of the part).")
@click.option("--predictions", type=click.Path(dir_okay=False),
              help="eval text: also write the extracted texts here as {id: {\"articleBody\": text}}.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--per-doc", is_flag=True, help="Add each document's figures, misses and false positives.")
@click.option("--reports", type=click.Path(dir_okay=False), help="Save sitrep's reports here (JSON Lines).")
@click.option("--from-reports", type=click.Path(exists=True, dir_okay=False),
              help="Score reports saved by --reports instead of running the pipeline.")
def eval_(task: str, paths: tuple[str, ...], fmt: str, part: str, limit: int | None, quiet: bool,
          **options: Any) -> None:
    """Score one stage on gold data and print one JSON object of metrics.

    TASK is one of the modules of sitrep.eval (times, places, …); see README "Measuring quality".
    """
    import inspect

    from sitrep.cli_render import progress_bar
    from sitrep.eval import task_module

    try:
        module = task_module(task)
        if fmt not in module.FORMATS:
            _fail(f"eval {task} reads --format {' or '.join(module.FORMATS)}, not {fmt!r}")
        given = {k: v for k, v in options.items() if v}
        unknown = [k for k in given if k not in inspect.signature(module.evaluate).parameters]
        if unknown:
            _fail(f"eval {task} has no --{unknown[0].replace('_', '-')}")
        with progress_bar(disabled=quiet) as tick:
            metrics = module.evaluate(list(paths), fmt=fmt, limit=limit, part=part, progress=tick, **given)
    except SitrepError as exc:
        _fail(str(exc))
    click.echo(json.dumps(metrics, ensure_ascii=False, indent=2))


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every one).")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--protect-reads", is_flag=True, envvar="SITREP_PROTECT_READS",
              help="Reading needs the token too (env SITREP_PROTECT_READS=1).")
@click.option("--max-body", default=2_000_000, show_default=True, type=int, help="Largest request body, in bytes.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes; more than one opens the store read-only in each (writes off).")
def serve(db_path: str, host: str, port: int, protect_reads: bool, max_body: int, workers: int) -> None:
    """Serve the REST API (OpenAPI at /docs) and the web page over a store.

    POST /documents needs SITREP_API_TOKEN and is disabled without it. The server owns the store file:
    with a token it opens it for writing, so a batch writing the same file gets a clear error. With
    --workers N > 1 every worker reads the store and none writes it (README: serving).
    """
    import os

    import uvicorn

    from sitrep.api.app import ApiSettings, create_app
    from sitrep.store.duckdb import DuckDBStore

    token = os.environ.get("SITREP_API_TOKEN") or None
    if protect_reads and not token:
        _fail("--protect-reads needs SITREP_API_TOKEN set")
    if workers > 1:
        from sitrep.api._workers import serve_workers

        click.echo(f"sitrep serving {db_path} on http://{host}:{port}/ with {workers} read-only workers "
                   "(writes off)", err=True)
        try:
            serve_workers(db_path, host=host, port=port, workers=workers, protect_reads=protect_reads,
                          max_body=max_body)
        except SitrepError as exc:
            _fail(str(exc))
        return
    try:
        store = DuckDBStore(db_path, read_only=token is None)
    except SitrepError as exc:
        _fail(str(exc))
    settings = ApiSettings(token=token, protect_reads=protect_reads, max_body=max_body)
    click.echo(f"sitrep serving {db_path} on http://{host}:{port}/ (writes {'on' if token else 'off'})", err=True)
    try:
        uvicorn.run(create_app(store, settings), host=host, port=port, log_level="warning")
    finally:
        store.close()


@main.command()
@click.argument("corpus", nargs=-1)
@click.option("--docs", default=200, show_default=True, help="Documents in the corpus (a smaller corpus is repeated).")
@click.option("--repeat", default=2, show_default=True, help="Timed runs of each single-process measure (best kept).")
@click.option("--workers", default="1,2", show_default=True, help="Pool sizes to measure, comma-separated.")
@click.option("--profile", is_flag=True, help="Also time each stage of the one-process ingest (a table on stderr).")
def bench(corpus: tuple[str, ...], docs: int, repeat: int, workers: str, profile: bool) -> None:
    """Measure spaCy alone, the pipeline, and ingest end to end (1 process, N workers), memory and start-up.

    CORPUS: files, folders or globs as `sitrep ingest` reads them; without one, the dev sets in
    ../shared/datasets when present, else the bundled samples. JSON on stdout, tables on stderr.
    """
    from sitrep.cli_render import print_bench
    from sitrep.engines.bench import run_bench

    sizes = tuple(int(w) for w in workers.split(",") if w.strip())
    try:
        result = run_bench(docs=docs, repeat=repeat, workers=sizes, corpus=list(corpus) or None, profile=profile)
    except SitrepError as exc:
        _fail(str(exc))
    click.echo(json.dumps(result, indent=2))
    print_bench(result)


if __name__ == "__main__":  # pragma: no cover
    main()
