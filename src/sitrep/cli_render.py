"""What the CLI draws: progress bars and summaries on stderr, event tables and evidence views on stdout."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from sitrep.model import Document, Event, Evidence, Failure, Report

err = Console(stderr=True)


@contextlib.contextmanager
def progress_bar(*, disabled: bool = False) -> Iterator[Callable[[Report | Failure], None]]:
    """A live count of documents done (the total is unknown while inputs stream in)."""
    if disabled or not sys.stderr.isatty():
        yield lambda _result: None
        return
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task("extracting", total=None)
        failed = 0

        def tick(result: Report | Failure) -> None:
            nonlocal failed
            failed += isinstance(result, Failure)
            bar.update(task, advance=1, description=f"extracting ({failed} failed)" if failed else "extracting")

        yield tick


def print_summary(summary: Any, counts: dict[str, int], db_path: str, *, linked: dict[str, int] | None = None) -> None:
    s = summary.to_dict()
    rate = s["inputs"] / s["seconds"] if s["seconds"] else 0.0
    err.print(f"[bold]{s['inputs']}[/] inputs: [green]{s['ok']} ok[/], "
              f"[{'red' if s['failed'] else 'green'}]{sum(s['failed'].values())} failed[/] "
              f"in {s['seconds']}s ({rate:.1f} docs/s)")
    if s["failed"]:
        err.print("  failed by code: " + ", ".join(f"{k}={v}" for k, v in sorted(s["failed"].items())))
    if s["stored"]:
        err.print("  stored: " + ", ".join(f"{k}={v}" for k, v in sorted(s["stored"].items())))
    err.print("  extracted: " + ", ".join(f"{k}={v}" for k, v in s["records"].items()))
    if linked:
        err.print(f"  linked: {linked['new_events']} new reports of events, {linked['joined']} joined an event "
                  f"already known, {linked['created']} new events")
    err.print(f"  store {db_path}: " + ", ".join(f"{k}={v}" for k, v in counts.items()))


def render_events(events: Sequence[Event], fmt: str, out: str | None, store: Any) -> None:
    if fmt == "table":
        # Wide enough for one event per line when piped; a terminal uses its own width.
        target = open(out, "w", encoding="utf-8") if out else sys.stdout  # noqa: SIM115
        console = Console(file=target, width=None if target.isatty() else 200)
        console.print(events_table(events))
        err.print(f"{len(events)} events")
        return
    from sitrep.store.export import write_events

    documents = store.documents({d for e in events for d in e.document_ids[:1]})
    if out:
        write_events(events, fmt, out, documents=documents)
        err.print(f"wrote {len(events)} events to {out}")
    elif fmt == "parquet":
        raise SystemExit("error: parquet needs --out FILE")
    else:
        write_events(events, fmt, sys.stdout, documents=documents)


def events_table(events: Sequence[Event]) -> Table:
    table = Table(show_lines=False, header_style="bold", box=None, pad_edge=False)
    for col in ("date", "type", "place", "initiator → target", "killed", "injured", "says so"):
        table.add_column(col, overflow="ellipsis", max_width=40)
    table.add_column("id", no_wrap=True)
    for e in events:
        date = e.date.value if e.date and e.date.value else "?"
        if e.date and e.date.basis.value == "publication":
            date += " (pub.)"
        place = ", ".join(x for x in (e.place.name, e.place.country) if x) if e.place else "?"
        ini = ", ".join(a.canonical or a.name or "?" for a in e.actors if a.role and a.role.value == "initiator")
        tgt = ", ".join(a.canonical or a.name or "?" for a in e.actors if a.role and a.role.value == "target")
        says = e.asserted_by.name or e.asserted_by.kind.value
        if e.hedge:
            says += f" ({e.hedge.value})"
        kind = e.subtype or e.type
        if e.negated:
            kind = f"NOT {kind}"
        table.add_row(date, kind, place, f"{ini or '?'} → {tgt or '?'}", _count(e.killed), _count(e.injured), says,
                      e.id)
    return table


def _count(c: Any) -> str:
    if c is None:
        return ""
    if c.low == c.best and c.high == c.best:
        return str(c.best)
    return f"{c.best} ({c.low}–{c.high if c.high is not None else '?'})"


_STYLES = {"trigger": "bold reverse", "date": "bold cyan", "place": "bold green", "initiator": "bold red",
           "target": "bold magenta", "killed": "bold yellow", "injured": "yellow"}


def show_event(event: Event, doc: Document | None) -> None:
    out = Console()
    out.print(f"[bold]{event.id}[/]  {event.type} / {event.subtype}  (PLOVER {event.plover})  "
              f"confidence {event.confidence}")
    fields: list[tuple[str, str, Sequence[Evidence]]] = []
    if event.trigger:
        fields.append(("trigger", event.trigger.text, event.trigger.evidence))
    if event.date:
        fields.append(("date", f"{event.date.value} [{event.date.precision.value}, {event.date.basis.value}, "
                       f"rule {event.date_rule}]", event.date.evidence))
    if event.place:
        p = event.place
        fields.append(("place", f"{p.name} → {p.admin1 or ''} {p.country or ''} ({p.lat}, {p.lon}) "
                       f"[{p.precision.value}, rule {event.place_rule}]", p.evidence))
    for a in event.actors:
        role = a.role.value if a.role else "actor"
        fields.append((role, f"{a.name or '(not named)'} → {a.canonical or '?'} [{a.kind}]", a.evidence))
    for name, c in (("killed", event.killed), ("injured", event.injured)):
        if c:
            fields.append((name, f"{_count(c)} {c.who or ''}", c.evidence))
    ab = event.asserted_by
    out.print(f"asserted by: {ab.kind.value} {ab.name or ''}" + (f" (claim {ab.claim_id})" if ab.claim_id else "")
              + (f"; hedge: {event.hedge.value}" if event.hedge else "") + ("; NEGATED" if event.negated else ""))
    for name, value, _ev in fields:
        out.print(Text.assemble((f"{name:>10}: ", "dim"), (value, _STYLES.get(name, "bold"))))
    for field, by_speaker in event.contested.items():  # sources of the one report who give other figures
        out.print(f"[bold red]contested {field}[/]: " + "; ".join(f"{k}: {v}" for k, v in by_speaker.items()))
    for ev in event.evidence:
        out.print()
        out.print(highlighted(ev, fields))
    if doc:
        out.print(f"\n[dim]source: {doc.title or ''} {doc.outlet or ''} {doc.published or ''} {doc.url or ''}[/]")


def show_merged(event: Event) -> None:
    out = Console()
    n, k = len(event.members), event.corroboration
    out.print(f"[bold]{event.id}[/]  {event.type} / {event.subtype}: {n} report{'s' * (n != 1)} from "
              f"{k} outlet{'s' * (k != 1)} ({', '.join(event.sources) or 'unknown'})")
    if event.killed:
        out.print(f"  killed {_count(event.killed)}" + (f", injured {_count(event.injured)}" if event.injured else ""))
    for field, by_source in event.contested.items():
        out.print(f"  [bold red]contested {field}[/]: " + "; ".join(f"{k}: {v}" for k, v in by_source.items()))
    out.print()


def highlighted(sentence: Evidence, fields: Sequence[tuple[str, str, Sequence[Evidence]]]) -> Text:
    """The sentence with each field's evidence styled and labelled."""
    t = Text(sentence.text)
    for name, _value, evidence in fields:
        for ev in evidence:
            if sentence.start <= ev.start and ev.end <= sentence.end:
                t.stylize(_STYLES.get(name, "bold"), ev.start - sentence.start, ev.end - sentence.start)
    return t


def print_bench(result: dict[str, Any]) -> None:
    """``sitrep bench``'s figures as tables on stderr: each measure against spaCy alone, then the stage profile."""
    out = err if err.is_terminal else Console(stderr=True, width=110)
    table = Table(title=f"{result['docs']} documents, {result['words']:,} words; load {result['loadavg_before']} "
                        f"→ {result['loadavg_after']}", header_style="bold", box=None)
    for col in ("measure", "seconds", "docs/s", "words/s", "× spaCy", "speedup", "peak RSS MB, half → all"):
        table.add_column(col, justify="left" if col == "measure" else "right", no_wrap=True)
    rows = [("spaCy full pipeline alone", result["spacy_only"]), ("sitrep pipeline only", result["pipeline_only"])]
    rows += [(f"sitrep ingest, {'1 process' if n == '1' else n + ' workers'}", r) for n, r in result["ingest"].items()]
    for name, r in rows:
        rss = ""
        if "peak_rss_mb_whole_corpus" in r:
            rss = f"{max(r['peak_rss_mb_half_corpus'] or [0]):.0f} → {max(r['peak_rss_mb_whole_corpus'] or [0]):.0f}"
        table.add_row(name, f"{r['seconds']:.2f}", f"{r['docs_per_s']:.1f}", f"{r['words_per_s']:,}",
                      f"{r['ratio_to_spacy']:.2f}" if "ratio_to_spacy" in r else "1.00",
                      f"{r['speedup']:.2f}" if "speedup" in r else "", rss)
    share = result.get("sentences_parsed_share")
    out.print(table)
    out.print(f"sentences parsed: {'none (no sentences)' if share is None else f'{share:.1%}'}; "
              f"`sitrep extract` on one article: {result['extract_one_article_s']} s; corpus: {result['texts']}")
    if "profile" in result:
        prof = Table(title=f"one-process ingest by stage ({result['profile']['wall_s']} s, best run)",
                     header_style="bold", box=None)
        for col in ("stage", "seconds", "share", "calls"):
            prof.add_column(col, justify="left" if col == "stage" else "right", no_wrap=True)
        for stage, s in result["profile"]["stages"].items():
            prof.add_row(stage, f"{s['seconds']:.2f}", f"{s['share']:.1%}", str(s["calls"] or ""))
        out.print(prof)
