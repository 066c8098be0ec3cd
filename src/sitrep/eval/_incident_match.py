"""Matching sitrep's events to incident gold, and the tallies behind ``sitrep eval incidents``.

Pure functions over a ``GoldArticle`` and the report as plain JSON (``Report.to_dict()``, or a line of a
saved reports file), so a saved run can be rescored and the tests need no model.  The definitions are
written out in ``sitrep.eval.incidents``; this module is their one implementation.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from sitrep.config import DEFAULT_MIN_CONFIDENCE
from sitrep.eval._incident_gold import COARSE_PRECISIONS, GoldArticle, GoldEvent, Toll, value_range

NEAR_KM = 50.0  # a town or district in the gold
COARSE_KM = 300.0  # a province or country in the gold (plus: same country)
EXACT_KM = 25.0  # place_within_25km
WIDEN = timedelta(days=1)  # the gold range is widened by one day each side before overlapping
# the default list's threshold (what a user sees without --all), then two stricter ones
CONFIDENCE_LEVELS = (DEFAULT_MIN_CONFIDENCE, 0.5, 0.8)
_UNPLACED_KM = 1e9  # a gold event with no coordinates pairs last in the closest-first order

Event = Mapping[str, Any]  # one event of a report, as JSON


# --------------------------------------------------------------------------- which system events count


def exclusion(ev: Event) -> str | None:
    """Why a system event is not considered (``negated``, ``hypothetical``, ``historical``, ``verbal``), or None.

    The same test as ``sitrep.eval.live_events``, on JSON, plus verbal interactions (``"verbal": true``; a
    report written before that field existed has none, which counts as false)."""
    if ev.get("negated"):
        return "negated"
    if ev.get("hedge") in ("hypothetical", "historical"):
        return str(ev["hedge"])
    if ev.get("verbal"):
        return "verbal"
    return None


# --------------------------------------------------------------------------- dates and places


def system_range(ev: Event) -> tuple[date, date] | None:
    """The days of a system event's date (``start``..``end``, else its value's span); None when unresolved."""
    d = ev.get("date") or {}
    first, last = _iso_day(d.get("start")), _iso_day(d.get("end"))
    if first is None and last is None:
        covered = value_range(d["value"][:10]) if isinstance(d.get("value"), str) else None
        return covered
    return first or last, last or first  # type: ignore[return-value]


def _iso_day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def day_gap(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two ranges; 0 when they overlap."""
    return max(0, (a[0] - b[1]).days, (b[0] - a[1]).days)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def system_point(ev: Event) -> tuple[float, float, str | None] | None:
    p = ev.get("place") or {}
    lat, lon = p.get("lat"), p.get("lon")
    if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)):
        return None
    country = p.get("country")
    return float(lat), float(lon), country.upper() if isinstance(country, str) else None


def fit(gold: GoldEvent, ev: Event, *, family: bool = True) -> tuple[float, int] | None:
    """(distance in km, day gap) when the system event matches the gold event, else None.

    Date: the system range overlaps the gold range widened by a day on each side (a gold event coded with no
    date puts no condition on it, but the system event still needs a resolved date).  Place: within 50 km, or
    for a gold ``province``/``country`` the same country and within 300 km (a gold event with no coordinates
    puts no condition on it, but the system event still needs coordinates).  Family: equal to ``type``
    unless ``family`` is False (a loose match)."""
    if family and ev.get("type") != gold.family:
        return None
    span, point = system_range(ev), system_point(ev)
    if span is None or point is None:
        return None
    gap = 0
    if gold.first is not None and gold.last is not None:
        if day_gap((gold.first - WIDEN, gold.last + WIDEN), span) > 0:
            return None
        gap = day_gap((gold.first, gold.last), span)
    if gold.lat is None or gold.lon is None:
        return _UNPLACED_KM, gap
    dist = km(gold.lat, gold.lon, point[0], point[1])
    if gold.precision in COARSE_PRECISIONS:
        if point[2] != gold.country or dist > COARSE_KM:
            return None
    elif dist > NEAR_KM:
        return None
    return dist, gap


def match_events(golds: Sequence[GoldEvent], events: Sequence[Event], *, family: bool = True
                 ) -> dict[int, tuple[int, float | None]]:
    """One-to-one matching, greedy, closest place first: ``{system index: (gold index, km or None)}``.

    Ties go to the smaller day gap, then (loose matching) to the pair whose family agrees, then to text order."""
    pairs = []
    for gi, gold in enumerate(golds):
        for si, ev in enumerate(events):
            found = fit(gold, ev, family=family)
            if found is not None:
                pairs.append((found[0], found[1], ev.get("type") != gold.family, gi, si))
    matched: dict[int, tuple[int, float | None]] = {}
    used: set[int] = set()
    for dist, _gap, _other, gi, si in sorted(pairs):
        if gi in used or si in matched:
            continue
        used.add(gi)
        matched[si] = (gi, None if dist == _UNPLACED_KM else dist)
    return matched


# --------------------------------------------------------------------------- names of speakers and sources

_WORD = re.compile(r"[^\W\d_]+")


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP = _word_set("""the a an of to in on at for and or by from with as his her its their our who whom which that
this these those said says told according also
al el ad ash bin ibn abu ben van von der de da di du la le les des""")
# Titles and role nouns: "Gen. Smith" and "Gen. Jones" are different people.  They still count when a name
# holds nothing else ("the governor" = "the provincial governor").
_TITLES = _word_set("""mr mrs ms miss dr prof sir lord dame gen general lt lieutenant col colonel maj major capt
captain sgt sergeant cpl corporal pvt private adm admiral brig brigadier cmdr commander president vice prime
minister premier governor mayor senator sen rep secretary spokesman spokeswoman spokesperson official officials
chief deputy head director king queen prince sheikh imam rev reverend father""")


def name_words(name: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """(content words without titles, content words with titles) of a name, lower case, accents dropped."""
    plain = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    words = frozenset(w for w in _WORD.findall(plain) if len(w) > 1 and w not in _STOP)
    return words - _TITLES, words


def names_match(a: str | None, b: str | None) -> bool:
    """One shared content word; titles count only when one side has nothing but titles."""
    (sa, fa), (sb, fb) = name_words(a), name_words(b)
    return bool(sa & sb) or ((not sa or not sb) and bool(fa & fb))


def match_names(gold: Sequence[str], system: Sequence[str | None]) -> int:
    """How many one-to-one pairs of matching names (greedy, most shared words first, then text order)."""
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if s and names_match(g, s):
                (sg, fg), (ss, fs) = name_words(g), name_words(s)
                pairs.append((-len(sg & ss or fg & fs), gi, si))
    used_g: set[int] = set()
    used_s: set[int] = set()
    for _, gi, si in sorted(pairs):
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
    return len(used_g)


def asserted_by_matches(gold: Sequence[str], asserted: Mapping[str, Any] | None) -> bool:
    """Gold ``outlet`` matches kind ``outlet``; any other gold entry matches a name sharing a content word."""
    asserted = asserted or {}
    for entry in gold:
        if entry.strip().lower() == "outlet":
            if asserted.get("kind") == "outlet":
                return True
        elif asserted.get("name") and names_match(entry, asserted["name"]):
            return True
    return False


def toll_right(gold: Toll | None, count: Mapping[str, Any] | None) -> bool:
    best = count.get("best") if count else None
    if gold is None:
        return not best
    return isinstance(best, int) and gold.holds(best)


# --------------------------------------------------------------------------- one article


def score_article(article: GoldArticle, report: Mapping[str, Any] | None) -> tuple[Counter[str], dict[str, Any]]:
    """The tallies of one article and its listing (misses and false positives); ``report`` None: no output."""
    report = report or {}
    c: Counter[str] = Counter(n_articles=1)
    events = []
    for ev in report.get("events") or ():
        why = exclusion(ev)
        c["n_system_all"] += 1
        if why:
            c[f"n_excluded_{why}"] += 1
        else:
            events.append(ev)
    c["n_aggregates"] += len(report.get("aggregates") or ())
    news = [g for g in article.events if g.status == "news"]
    background = [g for g in article.events if g.status == "background"]
    c.update(n_gold_news=len(news), n_gold_background=len(background), n_system=len(events))
    strict = match_events(news, events)
    loose = match_events(news, events, family=False)
    leaked = {si for si, ev in enumerate(events)
              if si not in strict and any(fit(g, ev) is not None for g in background)}
    c.update(n_matched=len(strict), n_family_accuracy=len(loose), n_background_leak=len(leaked),
             family_accuracy=sum(events[si].get("type") == news[gi].family for si, (gi, _) in loose.items()))
    for si, (gi, dist) in strict.items():
        _tally_match(c, news[gi], events[si], dist)
    for level in CONFIDENCE_LEVELS:
        sure = [si for si, ev in enumerate(events) if (ev.get("confidence") or 0) >= level]
        c[f"n_conf_{level}"] += len(sure)
        c[f"conf_{level}"] += sum(si in strict for si in sure)
    speakers = [((cl.get("speaker") or {}).get("name")) for cl in report.get("claims") or ()]
    c.update(n_speaker_recall=len(article.speakers), n_speaker_precision=len(speakers))
    paired = match_names(article.speakers, speakers)
    c.update(speaker_recall=paired, speaker_precision=paired)
    loose_of_gold = {gi: events[si].get("type") for si, (gi, _) in loose.items()}
    found = {gi for gi, _ in strict.values()}
    listing = {
        "misses": [_miss(g, loose_of_gold.get(gi)) for gi, g in enumerate(news) if gi not in found],
        "false_positives": [_false_positive(ev, si in leaked, news[loose[si][0]].family if si in loose else None)
                            for si, ev in enumerate(events) if si not in strict],
    }
    return c, listing


def _tally_match(c: Counter[str], gold: GoldEvent, ev: Event, dist: float | None) -> None:
    if gold.day is not None:
        c["n_date_exact_day"] += 1
        value = (ev.get("date") or {}).get("value")
        c["date_exact_day"] += isinstance(value, str) and value[:10] == gold.day and len(value) >= 10
    if dist is not None:
        c["n_place_within_25km"] += 1
        c["place_within_25km"] += dist <= EXACT_KM
    c["n_killed_exact"] += 1
    c["killed_exact"] += toll_right(gold.killed, ev.get("killed"))
    c["n_injured_exact"] += 1
    c["injured_exact"] += toll_right(gold.injured, ev.get("injured"))
    if gold.asserted_by:
        c["n_asserted_by_match"] += 1
        c["asserted_by_match"] += asserted_by_matches(gold.asserted_by, ev.get("asserted_by"))


def _toll_text(t: Toll | None) -> dict[str, int | None] | None:
    return None if t is None else {"low": t.low, "high": t.high}


def _miss(g: GoldEvent, loose_type: str | None) -> dict[str, Any]:
    out = {"family": g.family, "date": g.date_text, "place": g.place_name, "killed": _toll_text(g.killed),
           "evidence": g.evidence}
    if loose_type:
        out["loose_match_type"] = loose_type  # found at the right time and place, with another type
    return out


def _false_positive(ev: Event, leak: bool, loose_family: str | None) -> dict[str, Any]:
    out = {"type": ev.get("type"), "date": (ev.get("date") or {}).get("value"),
           "place": (ev.get("place") or {}).get("name"), "killed": (ev.get("killed") or {}).get("best"),
           "confidence": ev.get("confidence"), "background_leak": leak,
           "evidence": " … ".join(e.get("text", "") for e in ev.get("evidence") or ())}
    if loose_family:
        out["loose_match_family"] = loose_family
    return out
