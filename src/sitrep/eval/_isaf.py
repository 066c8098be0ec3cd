"""ISAF press releases: the gold loader, the sitrep → ISAF category table and the metrics.

Each release is annotated as a whole: its event types (a list; values may join two types with ";"),
the minimum number killed and captured, and the provinces.  sitrep's events are turned into one
release-level answer by the table below.  This is evaluation glue, not extraction: it only reads the
events sitrep already produced.

| ISAF category      | sitrep events in the release (negated and hypothetical events ignored)        |
|--------------------|--------------------------------------------------------------------------------|
| `airstrike`        | an event of subtype `air_drone_strike`                                          |
| `civiliancasualty` | civilians killed or injured (a count whose `who` or target actor is civilian)   |
| `captureandkill`   | people killed, and an `arrests` event or a count of people detained             |
| `insurgentskilled` | people killed, nobody detained                                                  |
| `detention`        | an `arrests` event or a count of detained people, nobody killed                 |
| `exchangeoffire`   | an `armed_clash` event with nobody killed or detained                           |

The figures are printed twice: with the status filter (the answer above; events that sitrep calls
hypothetical, historical or negated do not count) and, under ``without_status_filter``, from every event.

The first row that applies names the release (the gold almost always gives one type); a release with
civilians harmed by an air strike gets both.  Killed is the sum of the counts of the release's
events (the events stage already merged repeated mentions of one event); captured likewise from
``detained``.  Province: the ISAF province nearest in spelling to the first-level division of the
first located event (``province_acc`` counts a hit when it is among the gold provinces).
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sitrep.errors import ConfigError
from sitrep.eval import live_events
from sitrep.model import Event, Report

CONFIDENT = 0.8  # the calibration target: events this confident are right at least 80 % of the time
CATEGORIES = ("airstrike", "detention", "captureandkill", "insurgentskilled", "exchangeoffire", "civiliancasualty")
PROVINCES = ("badakhshan", "badghis", "baghlan", "balkh", "bamyan", "day_kundi", "farah", "faryab", "ghazni", "ghor",
             "helmand", "herat", "jowzjan", "kabul", "kandahar", "kapisa", "khost", "kunar", "kunduz", "laghman",
             "logar", "nangarhar", "nimroz", "nuristan", "paktya", "paktika", "panjshir", "parwan", "samangan",
             "sar_e_pul", "takhar", "uruzgan", "wardak", "zabul")
# Spellings of the gazetteer that are far from ISAF's in letters.
_PROVINCE_SPELLINGS = {"oruzgan": "uruzgan", "maidanwardak": "wardak", "wardag": "wardak", "daikundi": "day_kundi",
                       "daykundi": "day_kundi", "saripul": "sar_e_pul", "sarepol": "sar_e_pul", "paktia": "paktya",
                       "konar": "kunar", "jawzjan": "jowzjan", "nimruz": "nimroz", "nurestan": "nuristan",
                       "lowgar": "logar", "khowst": "khost", "zabol": "zabul", "hilmand": "helmand"}


@dataclass(frozen=True, slots=True)
class IsafRelease:
    line: int
    text: str
    types: frozenset[str]
    killed: int
    captured: int
    provinces: tuple[str, ...]
    start_date: str | None = None  # the gold day of the release's main event, as "YYYY-MM-DD"


def load_isaf(path: str) -> Iterator[IsafRelease]:
    """Releases of one JSON Lines file (``{text, gold: {event_type, min_killed, min_captured, province,
    start_date}}``)."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                gold = row["gold"]
                types = frozenset(t.strip() for v in gold.get("event_type") or [] for t in str(v).split(";")
                                  if t.strip())
                yield IsafRelease(line=row.get("line", n), text=row["text"], types=types,
                                  killed=int(gold.get("min_killed") or 0), captured=int(gold.get("min_captured") or 0),
                                  provinces=tuple(str(p).lower() for p in gold.get("province") or []),
                                  start_date=str(gold["start_date"])[:10] if gold.get("start_date") else None)
            except (KeyError, TypeError, ValueError) as exc:
                raise ConfigError(f"{path}:{n + 1}: not an ISAF gold record ({exc})") from exc


# --------------------------------------------------------------------------- sitrep → ISAF


def _civilian(e: Event) -> bool:
    counts = [c for c in (e.killed, e.injured) if c is not None and c.best > 0]
    if not counts:
        return False
    if any(c.who and re.search(r"civilian|child|women|villager|resident", c.who, re.I) for c in counts):
        return True
    return any(a.kind == "civilians" and a.role is not None and a.role.value == "target" for a in e.actors)


def detained_of(e: Event) -> int:
    count = getattr(e, "detained", None)
    return count.best if count is not None else 0


def event_categories(e: Event) -> set[str]:
    """The ISAF categories one event supports (for the calibration check: a confident event is counted
    right when one of them is among the release's gold types; an event that supports none is wrong)."""
    out: set[str] = set()
    if e.subtype == "air_drone_strike":
        out.add("airstrike")
    if e.subtype == "arrests" or detained_of(e) > 0:
        out |= {"detention", "captureandkill"}
    if e.killed is not None and e.killed.best > 0:
        out |= {"insurgentskilled", "captureandkill", "civiliancasualty", "airstrike"}
    if _civilian(e):
        out.add("civiliancasualty")
    return out


def release_answer(report: Report, *, status_filter: bool = True) -> dict[str, Any]:
    """sitrep's release-level answer: ISAF types, killed, captured, province.  With ``status_filter`` (the
    figure that counts) events the system calls hypothetical, historical or negated are left out."""
    events = live_events(report.events) if status_filter else list(report.events)
    killed = sum(e.killed.best for e in events if e.killed is not None)
    captured = sum(detained_of(e) for e in events)
    detention = captured > 0 or any(e.subtype == "arrests" for e in events)
    types: set[str] = set()
    if any(e.subtype == "air_drone_strike" for e in events):
        types.add("airstrike")
    if any(_civilian(e) for e in events):
        types.add("civiliancasualty")
    if not types:
        if killed and detention:
            types.add("captureandkill")
        elif killed:
            types.add("insurgentskilled")
        elif detention:
            types.add("detention")
        elif any(e.subtype == "armed_clash" for e in events):
            types.add("exchangeoffire")
    return {"types": types, "killed": killed, "captured": captured, "province": _province(report)}


def isaf_province(name: str | None) -> str | None:
    """The ISAF province spelled closest to a first-level division's name."""
    if not name:
        return None
    key = re.sub(r"[^a-z]", "", name.lower().replace("province", ""))
    if key in _PROVINCE_SPELLINGS:
        return _PROVINCE_SPELLINGS[key]
    plain = {p.replace("_", ""): p for p in PROVINCES}
    best = difflib.get_close_matches(key, list(plain), n=1, cutoff=0.75)
    return plain[best[0]] if best else None


def _province(report: Report) -> str | None:
    for e in report.events:
        if e.place is not None:
            p = isaf_province(e.place.admin1 if e.place.feature != "admin1" else (e.place.admin1 or e.place.name))
            if p:
                return p
    for pl in report.places:
        p = isaf_province(pl.admin1 or (pl.name if pl.feature == "admin1" else None))
        if p:
            return p
    return None


# --------------------------------------------------------------------------- metrics


def score_isaf(pairs: Iterable[tuple[IsafRelease, Report]]) -> dict[str, Any]:
    """The release-level figures, and under ``without_status_filter`` the same figures with every event kept
    (hypothetical, historical and negated ones too), so the effect of that filter shows."""
    pairs = list(pairs)
    n = len(pairs)
    confident = confident_right = 0
    for gold, report in pairs:
        for e in live_events(report.events):
            if e.confidence >= CONFIDENT:
                confident += 1
                confident_right += bool(event_categories(e) & gold.types)
    filtered = _release_scores(pairs, status_filter=True)
    unfiltered = _release_scores(pairs, status_filter=False)
    province_hit = sum(got is not None and got in gold.provinces
                       for gold, got in ((g, _province(r)) for g, r in pairs))
    return {
        "n": n,
        **filtered,
        "province_acc": round(province_hit / n, 4) if n else 0.0,
        "events_per_doc": round(sum(len(r.events) for _, r in pairs) / n, 3) if n else 0.0,
        "status_filtered_events": sum(len(r.events) - len(live_events(r.events)) for _, r in pairs),
        "without_status_filter": unfiltered,
        "confident_n": confident,
        "confident_precision": round(confident_right / confident, 4) if confident else None,
        "failed": sum(bool(r.failures) for _, r in pairs),
    }


def _release_scores(pairs: list[tuple[IsafRelease, Report]], *, status_filter: bool) -> dict[str, Any]:
    tp = {c: 0 for c in CATEGORIES}
    fp = dict(tp)
    fn = dict(tp)
    killed_exact = captured_exact = killed_err = captured_err = 0
    for gold, report in pairs:
        got = release_answer(report, status_filter=status_filter)
        for c in CATEGORIES:
            tp[c] += c in got["types"] and c in gold.types
            fp[c] += c in got["types"] and c not in gold.types
            fn[c] += c not in got["types"] and c in gold.types
        killed_exact += got["killed"] == gold.killed
        killed_err += abs(got["killed"] - gold.killed)
        captured_exact += got["captured"] == gold.captured
        captured_err += abs(got["captured"] - gold.captured)
    n = len(pairs)
    present = [c for c in CATEGORIES if tp[c] + fn[c] > 0]
    per_type = {c: round(_f1(tp[c], fp[c], fn[c]), 4) for c in CATEGORIES if tp[c] + fp[c] + fn[c] > 0}
    macro = sum(_f1(tp[c], fp[c], fn[c]) for c in present) / len(present) if present else 0.0
    micro = _f1(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {
        "type_macro_f1": round(macro, 4),
        "type_macro_over": present,
        "type_micro_f1": round(micro, 4),
        "type_f1": per_type,
        "killed_exact": round(killed_exact / n, 4) if n else 0.0,
        "killed_mae": round(killed_err / n, 3) if n else 0.0,
        "captured_exact": round(captured_exact / n, 4) if n else 0.0,
        "captured_mae": round(captured_err / n, 3) if n else 0.0,
    }


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0
