"""PLOVER gold-standard records and PETRARCH2 unit records: loaders, the CAMEO → PLOVER table, metrics.

Both are single sentences with one coded event.  sitrep's answer for a sentence is its first event (the
events stage orders events by first mention); a sentence without an event answers ``NONE``.  Its
``plover`` field is compared with the gold PLOVER type; its initiators and targets with the gold source
and target actors.  An actor matches on whole words, never on letters inside a word: one name's words
(case, articles and a possessive "'s" aside) appear as a run in the other's ("the Sultan" / "Sultan of
Oman"), or both have the same head word, the last word before any "of"/"in"/... ("Iraqi troops" / "the
troops"); "US" does not match "Russia".  Pairs are one to one.  Records whose ``event`` is ``DOCUMENT``
describe the file in upstream releases and are skipped.

PETRARCH2 records carry CAMEO codes; their two-digit root becomes a PLOVER type by this table
(PLOVER 2021 draft, root level; ``01`` statements have no PLOVER type and are skipped):

| CAMEO root | PLOVER | | CAMEO root | PLOVER |
|---|---|---|---|---|
| 02 appeal | DEMAND | | 11 disapprove | DISAPPROVE |
| 03 intend to cooperate | AGREE | | 12 reject | REJECT |
| 04 consult | CONSULT | | 13 threaten | THREATEN |
| 05 diplomatic cooperation | SUPPORT | | 14 protest | PROTEST |
| 06 material cooperation | COOPERATE | | 15 force posture | MOBILIZE |
| 07 provide aid | AID | | 16 reduce relations | SANCTION |
| 08 yield | CONCEDE | | 17 coerce | COERCE |
| 09 investigate | INVESTIGATE | | 18 assault, 20 mass violence | ASSAULT |
| 10 demand | DEMAND | | 19 fight | FIGHT |
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sitrep.errors import ConfigError
from sitrep.eval import live_events
from sitrep.model import Event, Report, Role

CAMEO_ROOT_TO_PLOVER = {"02": "DEMAND", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
                        "07": "AID", "08": "CONCEDE", "09": "INVESTIGATE", "10": "DEMAND", "11": "DISAPPROVE",
                        "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION",
                        "17": "COERCE", "18": "ASSAULT", "19": "FIGHT", "20": "ASSAULT"}
CONFIDENT = 0.8  # the calibration target: events this confident are right at least 80 % of the time
_WORD = re.compile(r"\w+")
_DROPPED = frozenset({"the", "a", "an"})
_POSSESSIVE = re.compile(r"['’]s\b")
_PREPOSITIONS = frozenset({"of", "in", "from", "at", "for", "on", "with", "to", "by"})


@dataclass(frozen=True, slots=True)
class CodedSentence:
    id: str
    text: str
    event: str  # PLOVER type
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    dead: int | None = None


def _actor_texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()  # the gold writes "" for "no actor"
    return tuple(str(a.get("actorText")) for a in value if isinstance(a, dict) and a.get("actorText"))


def load_plover(path: str) -> Iterator[CodedSentence]:
    """Records of a PLOVER gold JSON file: a list of ``{id, text, event, source, target, dead, ...}``."""
    with open(path, encoding="utf-8") as fh:
        rows = json.load(fh)
    if not isinstance(rows, list):
        raise ConfigError(f"{path}: a PLOVER gold file is a JSON list of records")
    for n, row in enumerate(rows):
        if isinstance(row, dict) and str(row.get("event", "")).upper() == "DOCUMENT":
            continue  # describes the file, not gold
        try:
            dead = row.get("dead")
            yield CodedSentence(id=str(row.get("id", n)), text=row["text"], event=str(row["event"]).upper(),
                                sources=_actor_texts(row.get("source")), targets=_actor_texts(row.get("target")),
                                dead=int(dead) if dead not in (None, "") else None)
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"{path}: record {n} is not a PLOVER gold record ({exc})") from exc


def load_petrarch(path: str) -> Iterator[CodedSentence]:
    """PETRARCH2 unit records: ``<Sentence id><EventCoding eventcode=…/><Text>…</Text></Sentence>``."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ConfigError(f"{path}: not PETRARCH XML ({exc})") from exc
    for s in root.iter("Sentence"):
        text = " ".join((s.findtext("Text") or "").split())
        codes = [c.get("eventcode") or "" for c in s.iter("EventCoding")]
        plover = [CAMEO_ROOT_TO_PLOVER.get(c[:2]) for c in codes if c[:1].isdigit()]
        plover = [p for p in plover if p]
        if text and plover:
            yield CodedSentence(id=s.get("id") or "", text=text, event=plover[0])


# --------------------------------------------------------------------------- metrics


def main_event(report: Report) -> Event | None:
    return report.events[0] if report.events else None


def actor_words(name: str) -> tuple[str, ...]:
    """A name's words, lower case, without articles, a possessive or the dots of "U.S."."""
    plain = _POSSESSIVE.sub("", name.lower()).replace(".", "")
    return tuple(w for w in _WORD.findall(plain) if w not in _DROPPED)


def head_word(words: tuple[str, ...]) -> str | None:
    """The last word before the first preposition: "forces" of "security forces", "sultan" of "sultan of oman"."""
    cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS and i > 0), len(words))
    return words[cut - 1] if cut else None


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    k = len(inner)
    return 0 < k <= len(outer) and any(outer[i:i + k] == inner for i in range(len(outer) - k + 1))


def same_actor(a: str, b: str) -> bool:
    """Whether two actor names match on whole words or on their head words."""
    wa, wb = actor_words(a), actor_words(b)
    if not wa or not wb:
        return False
    return _contains(wa, wb) or _contains(wb, wa) or head_word(wa) == head_word(wb)


def _matches(predicted: list[str], gold: Iterable[str]) -> tuple[int, int, int]:
    """(tp, fp, fn) of predicted against gold actor names, paired one to one in order."""
    gold_left = list(gold)
    tp = 0
    for p in predicted:
        hit = next((g for g in gold_left if same_actor(p, g)), None)
        if hit is not None:
            gold_left.remove(hit)
            tp += 1
    return tp, len(predicted) - tp, len(gold_left)


def _names(e: Event | None, role: Role) -> list[str]:
    if e is None:
        return []
    return [a.name for a in e.actors if a.role == role and a.name]


def score_plover(pairs: Iterable[tuple[CodedSentence, Report]], *, fmt: str) -> dict[str, Any]:
    n = correct = dead_exact = dead_n = dead_given_exact = events_total = failed = 0
    confident = confident_correct = 0  # calibration: main events with confidence >= 0.8
    src = [0, 0, 0]
    tgt = [0, 0, 0]
    confusion: Counter[tuple[str, str]] = Counter()
    for gold, report in pairs:
        n += 1
        failed += bool(report.failures)
        e = main_event(report)
        events_total += len(report.events)
        got = (e.plover or "NONE") if e is not None else "NONE"
        correct += got == gold.event
        if e is not None and e.confidence >= CONFIDENT:
            confident += 1
            confident_correct += got == gold.event
        if got != gold.event:
            confusion[(gold.event, got)] += 1
        for acc, role, names in ((src, Role.INITIATOR, gold.sources), (tgt, Role.TARGET, gold.targets)):
            for k, v in enumerate(_matches(_names(e, role), names)):
                acc[k] += v
        dead = sum(x.killed.best for x in live_events(report.events) if x.killed is not None)
        dead_exact += dead == (gold.dead or 0)
        if gold.dead is not None:
            dead_n += 1
            dead_given_exact += dead == gold.dead
    out: dict[str, Any] = {
        "n": n,
        "event_type_acc": round(correct / n, 4) if n else 0.0,
        "events_per_doc": round(events_total / n, 3) if n else 0.0,
        "confident_n": confident,
        "confident_precision": round(confident_correct / confident, 4) if confident else None,
        "failed": failed,
        "confusions": {f"{g}->{p}": k for (g, p), k in confusion.most_common(12)},
    }
    if fmt == "plover":
        out.update({
            "source_actor_f1": round(_f1(*src), 4),
            "target_actor_f1": round(_f1(*tgt), 4),
            "dead_exact": round(dead_exact / n, 4) if n else 0.0,
            "dead_exact_where_given": round(dead_given_exact / dead_n, 4) if dead_n else None,
            "dead_given_n": dead_n,
        })
    return out


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0
