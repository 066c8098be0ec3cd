"""``sitrep eval times``: event dates on ISAF press releases, and time expressions on TimeML files.

- ``--format isaf``: each JSONL line ``{"text", "gold": {"start_date"}}`` goes through the real pipeline
  (ingest, spaCy, every stage; the anchor is the release's own dateline) and the date of its *main event*
  is compared with ``gold.start_date``.  The main event is the first event, in text order, that starts
  after the dateline (the release's lead sentence; the title line above the dateline is skipped), else
  the first event of the document; background (historical), negated and hypothetical events are passed
  over when the release has another, as the events eval leaves them out.  It does not depend on the event's type, which another stage decides.
  A release with no event, or whose main event has no resolved date, is ``unresolved``; a range or month
  that contains the gold day (a release dated only by its id's month) is ``coarse_containing_gold``, never
  ``exact``.  ``date_rule`` counts the rule that dated each main event, ``date_rule_exact`` how many of those
  were the gold day.
- ``--format timeml``: TempEval-3 ``.tml`` files scored by ``_timeml`` (strict and relaxed span F1,
  value F1 over matched spans, DATE and TIME only).

Keys for ``--part``: an ISAF release's ``line``; a TimeML file's name.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sitrep.errors import ConfigError
from sitrep.eval import _isaf, _timeml, live_events, select
from sitrep.model import Event, Failure, Precision, Report, TimeBasis

FORMATS = ("isaf", "timeml")


def evaluate(paths: list[str], *, fmt: str, limit: int | None = None, part: str = "all",
             progress: Callable[[Any], None] | None = None) -> dict[str, Any]:
    if fmt == "isaf":
        return {"format": fmt, "part": part, **evaluate_isaf(paths, limit=limit, part=part, progress=progress)}
    if fmt == "timeml":
        return {"format": fmt, "part": part,
                **_timeml.evaluate_timeml(paths, limit=limit, part=part, progress=progress)}
    raise ConfigError(f"eval times reads --format {' or '.join(FORMATS)}, not {fmt!r}")


# --------------------------------------------------------------------------- ISAF


def read_isaf(paths: list[str], *, limit: int | None = None, part: str = "all") -> list[tuple[str, str, str]]:
    """(source, text, gold start date) for each release of ``part``; releases without a gold date are skipped."""
    releases = ((path, r) for path in paths for r in _isaf.load_isaf(path) if r.text and r.start_date)
    return [(f"{Path(path).name}:{r.line}", r.text, r.start_date)
            for path, r in select(releases, lambda pr: str(pr[1].line), part=part, limit=limit)]


def main_event(report: Report) -> Event | None:
    """The event mentioned first after the dateline (the lead), else the first event of the document; events
    told as background, denied or only threatened count only when the release has no other.

    An event merged from several mentions (a headline and the lead) counts from its first mention after
    the dateline, so a headline above the dateline does not hide the lead's event."""
    from sitrep.extract.times import find_dateline

    dateline = find_dateline(report.document.text)
    body = dateline.body_start if dateline is not None else 0
    best: tuple[bool, int, Event] | None = None
    # the news of the release, as the events eval counts it: not background, a denial or a threat
    for event in live_events(report.events) or report.events:
        after = [max(ev.start, body) for ev in event.evidence if ev.end > body]  # a lead may open on the dateline
        starts = after or [ev.start for ev in event.evidence]
        key = (not after, min(starts)) if starts else None
        if key is not None and (best is None or key < best[:2]):
            best = (*key, event)
    return best[2] if best else None


def score_isaf_date(event: Event | None, gold: str) -> tuple[str, int | None]:
    """("exact" | "within_1_day" | "wrong" | "unresolved", day difference or None)."""
    date = event.date if event is not None else None
    if date is None or date.start is None or date.basis is TimeBasis.UNRESOLVED:
        return "unresolved", None
    gold_day = dt.date.fromisoformat(gold)
    if date.precision is not Precision.DAY:
        # A coarser date is right only if it contains the gold day; it is never "exact".
        inside = date.start <= gold <= (date.end or date.start)
        return ("coarse_ok" if inside else "wrong"), None
    diff = (dt.date.fromisoformat(date.start) - gold_day).days
    if diff == 0:
        return "exact", 0
    return ("within_1_day" if abs(diff) == 1 else "wrong"), diff


def evaluate_isaf(paths: list[str], *, limit: int | None = None, part: str = "all",
                  progress: Callable[[Any], None] | None = None, details: bool = False) -> dict[str, Any]:
    from sitrep.engines.local import process
    from sitrep.ingest.sources import RawInput

    records = read_isaf(paths, limit=limit, part=part)
    golds = {source: gold for source, _, gold in records}
    outcomes: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    rules_exact: Counter[str] = Counter()  # how often each rule gives the gold day (e.g. the publication fallback)
    misses: list[dict[str, Any]] = []
    for item in process(RawInput(source=s, data=t) for s, t, _ in records):
        if progress is not None:
            progress(item)
        gold = golds[item.source if isinstance(item, Failure) else item.document.source or ""]
        event = main_event(item) if isinstance(item, Report) else None
        outcome, diff = score_isaf_date(event, gold)
        outcomes[outcome] += 1
        if event is not None:
            rules[event.date_rule or "none"] += 1
            rules_exact[event.date_rule or "none"] += outcome == "exact"
        if details and outcome != "exact":
            misses.append({"source": item.source if isinstance(item, Failure) else item.document.source,
                           "gold": gold, "outcome": outcome, "diff": diff,
                           "date": event.date.value if event and event.date else None,
                           "rule": event.date_rule if event else None,
                           "evidence": event.date.text if event and event.date else None})
    n = len(records)

    def frac(key: str) -> float:
        return round(outcomes[key] / n, 4) if n else 0.0

    result: dict[str, Any] = {
        "n": n,
        "exact": frac("exact"),
        "within_1_day": round((outcomes["exact"] + outcomes["within_1_day"]) / n, 4) if n else 0.0,
        "unresolved": frac("unresolved"),
        "wrong": frac("wrong"),
        "coarse_containing_gold": frac("coarse_ok"),
        "date_rule": dict(sorted(rules.items())),
        "date_rule_exact": {rule: rules_exact[rule] for rule in sorted(rules)},
        "main_event": "the event mentioned first after the dateline, not background, denied or threatened",
    }
    if details:
        result["misses"] = misses
    return result

