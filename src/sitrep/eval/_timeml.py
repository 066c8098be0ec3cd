"""TimeML (TempEval-3 ``.tml``) for ``sitrep eval times --format timeml``: a loader and the standard scores.

Loader: the document creation time is the ``TIMEX3`` with ``functionInDocument="CREATION_TIME"`` (normally
inside ``<DCT>``); the text is the content of ``<TEXT>`` with every tag removed (``EVENT``, ``SIGNAL``, ...) and
entities decoded (``&amp;``); each inline ``TIMEX3`` becomes a gold span with its ``type`` and ``value``.
The file is read as text, not parsed as XML, so a stray ``&`` or an unknown entity does not lose a document.

Scores (TempEval-3), over gold ``TIMEX3`` of type DATE and TIME only:
- ``span_f1_strict``: a prediction matches a gold span with the same offsets;
- ``span_f1_relaxed``: a prediction matches a gold span it overlaps (one-to-one, in text order);
- ``value_f1``: relaxed matches whose value is right, as P = right/n_pred and R = right/n_gold;
- ``value_accuracy``: right values / relaxed matches.
Predictions are the times stage's output anchored on the creation time.  Two conventions are mapped to
TimeML's: sitrep keeps "on" before a day in the evidence ("on Sunday"), a TimeML extent does not; sitrep
writes a decade "199" and a part of a period as a date range, TimeML "199X" and the enclosing period's
value (with a ``mod`` that is not scored); a quarter is TimeML "1997-Q3", a weekend "1998-W05-WE", and
"now"/"currently" (sitrep: the publication day) TimeML's "PRESENT_REF".
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.errors import ConfigError
from sitrep.eval import select
from sitrep.extract.times import clock_of, time_reference
from sitrep.model import Precision, Time

SCORED_TYPES = frozenset({"DATE", "TIME"})
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTR = re.compile(r"([\w:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_TEXT = re.compile(r"<TEXT\b[^>]*>(.*?)</TEXT>", re.S | re.I)
_CREATION = re.compile(r"<TIMEX3\b[^>]*functionInDocument\s*=\s*[\"']CREATION_TIME[\"'][^>]*>", re.I)
_DCT = re.compile(r"<DCT\b[^>]*>.*?<TIMEX3\b([^>]*)>", re.S | re.I)
_LEADING = re.compile(r"(?i:on|between|from)\s+")
# A day said with a part of the day is a TimeML TIME: "Wednesday evening" = 2016-01-27TEV.
_DAY_PART = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_DAY_PART_AT_END = re.compile(r"(morning|afternoon|evening|night|tonight)$", re.I)


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    type: str
    value: str | None
    text: str = ""


@dataclass(slots=True)
class TimeMLDoc:
    name: str
    dct: str | None
    text: str
    timexes: list[Timex] = field(default_factory=list)


def read_timeml(path: str | Path) -> TimeMLDoc:
    """One ``.tml`` file as plain text, its creation date and its gold TIMEX3 spans."""
    raw = Path(path).read_text(encoding="utf-8", errors="replace")
    body = _TEXT.search(raw)
    if body is None:
        raise ConfigError(f"{path}: no <TEXT> element; expected a TimeML (TempEval-3) .tml file")
    text, timexes = _strip_tags(body.group(1))
    return TimeMLDoc(name=Path(path).name, dct=_creation_date(raw), text=text, timexes=timexes)


def _creation_date(raw: str) -> str | None:
    tag = _CREATION.search(raw)
    attrs = _attrs(tag.group(0)) if tag else (_attrs(m.group(1)) if (m := _DCT.search(raw)) else {})
    value = attrs.get("value") or ""
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _attrs(s: str) -> dict[str, str]:
    return {m.group(1): html.unescape(m.group(2) if m.group(2) is not None else m.group(3)) for m in _ATTR.finditer(s)}


def _strip_tags(markup: str) -> tuple[str, list[Timex]]:
    """Plain text without tags (entities decoded) and the TIMEX3 spans in it."""
    out: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    timexes: list[Timex] = []
    pos = 0
    for m in _TAG.finditer(markup):
        chunk = html.unescape(markup[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name = m.group(1) == "/", m.group(2).upper()
        if name != "TIMEX3":
            continue
        if not closing and not m.group(3).rstrip().endswith("/"):
            open_timex.append((length, _attrs(m.group(3))))
        elif closing and open_timex:
            start, attrs = open_timex.pop()
            timexes.append(Timex(start=start, end=length, type=attrs.get("type", "").upper(),
                                 value=attrs.get("value") or None))
    out.append(html.unescape(markup[pos:]))
    text = "".join(out)
    return text, [Timex(t.start, t.end, t.type, t.value, text[t.start : t.end]) for t in sorted(timexes, key=lambda t: t.start)]


# --------------------------------------------------------------------------- predictions in TimeML terms


def timex_from_time(time: Time, doc_text: str) -> Timex:
    """A sitrep time as a TimeML extent and value."""
    ev = time.evidence[0]
    start = ev.start
    lead = _LEADING.match(doc_text, start, ev.end)
    if lead and lead.end() < ev.end:
        start = lead.end()
    value, kind = timeml_value(time), "DATE"
    clock = clock_of(ev.text)
    part = _DAY_PART_AT_END.search(ev.text)
    if clock and value and time.precision is Precision.DAY:
        value, kind = f"{value}T{clock}", "TIME"
    elif part and value and time.precision is Precision.DAY:
        value, kind = f"{value}T{_DAY_PART[part.group(1).lower()]}", "TIME"
    return Timex(start=start, end=ev.end, type=kind, value=value, text=doc_text[start : ev.end])


def timeml_value(time: Time) -> str | None:
    reference = time_reference(time.text)
    if reference is not None:
        return reference  # "now", "recently", "soon": TimeML names them, with no date
    if time.value is None:
        return None
    if time.precision is Precision.DECADE:
        return time.value + "X"
    if time.precision is Precision.RANGE and time.start and time.end:
        start, end = dt.date.fromisoformat(time.start), dt.date.fromisoformat(time.end)
        if "quarter" in time.text.lower() and start.day == 1 and start.month % 3 == 1 and end.month == start.month + 2:
            return f"{start.year:04d}-Q{start.month // 3 + 1}"
        if "weekend" in time.text.lower() and (end - start).days == 1 and start.weekday() == 5:
            iso_year, week, _ = start.isocalendar()
            return f"{iso_year:04d}-W{week:02d}-WE"
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.year:04d}-{start.month:02d}"
        if start.year == end.year:
            return f"{start.year:04d}"
        if start.year // 10 == end.year // 10:
            return f"{start.year // 10:03d}X"
    return time.value


# --------------------------------------------------------------------------- scoring


def match(gold: list[Timex], pred: list[Timex], *, strict: bool) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of gold and predicted spans: same offsets (strict) or overlapping (relaxed)."""
    pairs = []
    used: set[int] = set()
    for g in gold:
        for j, p in enumerate(pred):
            if j in used:
                continue
            if (p.start, p.end) == (g.start, g.end) if strict else (p.start < g.end and g.start < p.end):
                pairs.append((g, p))
                used.add(j)
                break
    return pairs


def _f1(right: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = right / n_pred if n_pred else 0.0
    r = right / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def iter_paths(paths: list[str]) -> Iterator[Path]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from sorted(path.rglob("*.tml"))
        elif path.exists():
            yield path
        else:
            raise ConfigError(f"{p} does not exist; give .tml files or folders that hold them")


def evaluate_timeml(paths: list[str], *, limit: int | None = None, part: str = "all",
                    progress: Callable[[Any], None] | None = None) -> dict[str, Any]:
    from sitrep.extract.times import extract_times
    from sitrep.nlp.spacy_adapter import annotate_many

    docs = [read_timeml(p) for p in select(iter_paths(paths), lambda p: Path(p).name, part=part, limit=limit)]
    n_gold = n_pred = strict = relaxed = right = 0
    for doc, ann in zip(docs, annotate_many(d.text for d in docs), strict=True):
        gold = [t for t in doc.timexes if t.type in SCORED_TYPES]
        pred = [timex_from_time(t, doc.text) for t in extract_times(ann, published=doc.dct) if t.evidence]
        n_gold, n_pred = n_gold + len(gold), n_pred + len(pred)
        strict += len(match(gold, pred, strict=True))
        pairs = match(gold, pred, strict=False)
        relaxed += len(pairs)
        right += sum(1 for g, p in pairs if g.value is not None and g.value == p.value)
        if progress is not None:
            progress(doc.name)
    sp, sr, sf = _f1(strict, n_pred, n_gold)
    rp, rr, rf = _f1(relaxed, n_pred, n_gold)
    vp, vr, vf = _f1(right, n_pred, n_gold)

    def r4(x: float) -> float:
        return round(x, 4)

    return {
        "n": len(docs), "documents": len(docs), "n_gold": n_gold, "n_pred": n_pred,
        "span_f1_strict": r4(sf), "span_f1_relaxed": r4(rf), "value_f1": r4(vf),
        "value_accuracy": r4(right / relaxed) if relaxed else 0.0,
        "span_precision_strict": r4(sp), "span_recall_strict": r4(sr),
        "span_precision_relaxed": r4(rp), "span_recall_relaxed": r4(rr),
        "value_precision": r4(vp), "value_recall": r4(vr),
        "types": sorted(SCORED_TYPES),
    }
