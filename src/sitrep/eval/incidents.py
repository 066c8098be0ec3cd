"""``sitrep eval incidents``: the incidents a user finally gets, scored against incident-level gold.

Reads the ``sitrep-incidents`` layout of ../shared/datasets/INCIDENTS.md (``DIR/gold.jsonl`` +
``DIR/texts/<id>.txt``).  Each text goes the way ``sitrep ingest`` takes a ``.txt`` file (``read_file``,
then the ingest document builder with the gold line's ``published``, ``url`` and ``outlet``), then through
the whole pipeline in batches.  A text that ingest refuses (another language, no text) leaves its article
with no system events; it is counted (``n_refused``) and listed (``refused``).

Definitions (micro-averaged over the articles; a ratio is null when its n is 0):

- **Considered system events**: not ``negated``, ``hedge`` not ``hypothetical`` or ``historical``, and not
  ``verbal`` (missing counts as false).  ``report.aggregates`` are never events.  ``n_system``.
- **Match** of a system event and a gold ``news`` event: the system range (``date.start``..``date.end``, else
  the span of ``date.value``) overlaps the gold range (``earliest``..``latest``, else the span of ``value``: a
  day, a month, a year) widened by one day on each side; the system place is within 50 km of the gold
  point, or, for gold precision ``province``/``country``, in the same country and within 300 km; ``type``
  equals the gold ``family``.  A system event with no resolved date or no coordinates never matches; a gold
  event coded with no date (no place) puts no condition on the date (the place).  One-to-one, greedy,
  closest place first (ties: fewer days apart, then text order).  A **loose match** is the same without the
  family (ties prefer the same family).
- ``event_recall`` = matches / gold news events (``n_gold_news``); ``event_precision`` = matches /
  considered system events; ``event_f1`` their harmonic mean.
- ``background_leak`` = considered system events that match no gold news event but would match (date,
  place, family) a gold ``background`` event, / ``n_system``; their count is ``n_background_leak``.  They
  are false positives too.
- ``family_accuracy``: loose matches whose ``type`` equals the gold family / loose matches.
- On matches (``n_<metric>`` is the n of each): ``date_exact_day`` over matches whose gold is one day (a
  day value, or earliest = latest with no value): the first ten characters of sitrep's ``date.value`` equal
  it; ``place_within_25km`` over matches whose gold has coordinates: great-circle distance <= 25 km;
  ``killed_exact`` / ``injured_exact``: sitrep's ``best`` within gold ``low``..``high``; a gold null is right
  only when sitrep gives none or 0, and a gold toll (0..0 too) is wrong when sitrep gives none;
  ``asserted_by_match`` over matches whose gold lists someone: sitrep's ``asserted_by.name`` matches a gold
  entry by name (below), or a gold ``outlet`` meets kind ``outlet``.
- **Names** (speakers, sources): lower case, accents dropped, words of two letters or more, minus function
  words and name particles (al, bin, abu, de, …); titles and role nouns (Mr, Gen., Col., President, governor,
  spokesman, official, …) are dropped too unless a name holds nothing else.  Two names match when they share
  one such word ("Col. Ahmed Salih" = "Colonel Ahmed Salih"; "the governor" = "the provincial governor";
  "Gen. Smith" != "Gen. Jones").
- ``speaker_recall`` / ``speaker_precision``: gold claims' speakers and sitrep's claims' ``speaker.name``,
  matched one-to-one per article (greedy, most shared words first); over ``n_gold_claims`` /
  ``n_system_claims``.  A system claim with no speaker name counts and never matches.
- ``precision_at_confidence``: for considered events with ``confidence`` at or above the default list's
  threshold (``config.DEFAULT_MIN_CONFIDENCE``), 0.5 and 0.8, their n, their matches and the precision.

``--part tune|check`` keeps the articles whose id falls in that half (``sitrep.eval.in_part``);
``--per-doc`` adds each article's figures with its misses (gold news events not matched) and false
positives (considered system events not matched); ``--reports FILE`` saves sitrep's output as JSON Lines
(``{"id", "report"}`` or ``{"id", "failure"}``) and ``--from-reports FILE`` scores such a file without
running the pipeline.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TextIO

from sitrep.errors import ConfigError
from sitrep.eval import in_part, part_of
from sitrep.eval._incident_gold import GoldArticle, load_gold
from sitrep.eval._incident_match import CONFIDENCE_LEVELS, score_article

FORMATS = ("sitrep-incidents",)
BATCH = 16
_ON_MATCHES = ("date_exact_day", "place_within_25km", "killed_exact", "injured_exact", "asserted_by_match")

Output = dict[str, Any]  # one line of a reports file: {"id", "report"} or {"id", "failure"}


def evaluate(paths: list[str], *, fmt: str, limit: int | None = None, progress: Callable[[Any], None] | None = None,
             part: str = "all", per_doc: bool = False, reports: str | None = None,
             from_reports: str | None = None) -> dict[str, Any]:
    """Score sitrep's incidents on the layouts in ``paths`` (see the module docstring); one JSON-ready dict."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown incidents format {fmt!r}; use {' or '.join(FORMATS)}")
    if reports and from_reports and Path(reports).resolve() == Path(from_reports).resolve():
        raise ConfigError("--reports and --from-reports name the same file: it would be overwritten")
    articles = select_articles(paths, part=part, limit=limit)
    outputs = saved_outputs(from_reports, articles) if from_reports else run_pipeline(articles)
    with ExitStack() as stack:
        sink = stack.enter_context(_writable(reports)) if reports else None
        return score_outputs(articles, outputs, part=part, per_doc=per_doc, sink=sink, progress=progress)


def score_outputs(articles: list[GoldArticle], outputs: Iterable[Output], *, part: str = "all",
                  per_doc: bool = False, sink: TextIO | None = None,
                  progress: Callable[[Any], None] | None = None) -> dict[str, Any]:
    """The figures of the whole run (and of each article with ``per_doc``); each output is also written to
    ``sink`` as it comes, so an interrupted run keeps what it scored."""
    total: Counter[str] = Counter()
    docs, refused, failed = [], [], []
    for article, out in zip(articles, outputs, strict=True):
        if sink:
            sink.write(json.dumps(out, ensure_ascii=False) + "\n")
        failure = out.get("failure")
        if failure:
            (refused if failure.get("stage") == "ingest" else failed).append(
                {"id": article.id, "code": failure.get("code"), "message": failure.get("message")})
        counts, listing = score_article(article, out.get("report"))
        total.update(counts)
        if per_doc:
            docs.append({"id": article.id, "part": part_of(article.id), **metrics(counts, confidence=False),
                         **({"refused": failure.get("code")} if failure else {}), **listing})
        if progress:
            progress(article)
    result = {"part": part, **metrics(total), "n_refused": len(refused), "refused": refused,
              "n_failed": len(failed), "failed": failed}
    if per_doc:
        result["per_doc"] = docs
    return result


def _writable(path: str) -> TextIO:
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write the reports file {path}: {exc.strerror or exc}") from exc


def select_articles(paths: Iterable[str], *, part: str = "all", limit: int | None = None) -> list[GoldArticle]:
    """The gold articles of every layout in ``paths`` that fall in ``part``, the first ``limit`` of them."""
    out: list[GoldArticle] = []
    seen: set[str] = set()
    for path in paths:
        for article in load_gold(path):
            if article.id in seen:
                raise ConfigError(f"article id {article.id!r} of {path} also appears in an earlier layout")
            seen.add(article.id)
            if in_part(article.id, part) and (limit is None or len(out) < limit):
                out.append(article)
    return out


def run_pipeline(articles: list[GoldArticle]) -> Iterator[Output]:
    """Each article's text through ingest (as a ``.txt`` file) and the whole pipeline, in batches, in order."""
    from sitrep.engines.local import process
    from sitrep.ingest.sources import read_file
    from sitrep.model import Failure, to_dict

    def inputs() -> Iterator[Any]:
        for article in articles:
            items = list(read_file(article.text_path))
            if len(items) != 1:  # a .txt file is one input, or one failure to read it
                raise ConfigError(f"{article.text_path} did not read as one plain text ({len(items)} inputs)")
            item = items[0]
            if not isinstance(item, Failure):
                meta = {"published": article.published, "url": article.url, "outlet": article.outlet}
                item.meta.update({k: v for k, v in meta.items() if v})
            yield item

    for article, done in zip(articles, process(inputs(), batch_size=BATCH), strict=True):
        if isinstance(done, Failure):
            yield {"id": article.id, "failure": to_dict(done)}
        else:
            yield {"id": article.id, "report": done.to_dict()}


def saved_outputs(path: str, articles: list[GoldArticle]) -> list[Output]:
    """The saved output of each article, from a reports file written by ``--reports``."""
    by_id: dict[str, Output] = {}
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ConfigError(f"{path}:{n}: not JSON ({exc})") from exc
                if not isinstance(row, dict) or not isinstance(row.get("id"), str) or not (
                        isinstance(row.get("report"), dict) or isinstance(row.get("failure"), dict)):
                    raise ConfigError(f"{path}:{n}: a reports line is {{\"id\", \"report\"}} or {{\"id\", \"failure\"}}")
                by_id[row["id"]] = row
    except OSError as exc:
        raise ConfigError(f"cannot read the reports file {path}: {exc.strerror or exc}") from exc
    missing = [a.id for a in articles if a.id not in by_id]
    if missing:
        raise ConfigError(f"{path} has no report for {len(missing)} article(s) of the gold, e.g. {missing[0]!r}; "
                          "write it with --reports on the same layout and part")
    return [by_id[a.id] for a in articles]


def metrics(c: Counter[str], *, confidence: bool = True) -> dict[str, Any]:
    """The printed figures from the tallies of one article or of all."""
    recall, precision = _ratio(c["n_matched"], c["n_gold_news"]), _ratio(c["n_matched"], c["n_system"])
    out: dict[str, Any] = {
        "event_recall": recall, "event_precision": precision,
        "event_f1": round(2 * recall * precision / (recall + precision), 4) if recall and precision else (
            None if recall is None or precision is None else 0.0),
        "family_accuracy": _ratio(c["family_accuracy"], c["n_family_accuracy"]),
        **{name: _ratio(c[name], c[f"n_{name}"]) for name in _ON_MATCHES},
        "speaker_recall": _ratio(c["speaker_recall"], c["n_speaker_recall"]),
        "speaker_precision": _ratio(c["speaker_precision"], c["n_speaker_precision"]),
        "background_leak": _ratio(c["n_background_leak"], c["n_system"]),
    }
    if confidence:
        out["precision_at_confidence"] = {
            str(level): {"n": c[f"n_conf_{level}"], "n_matched": c[f"conf_{level}"],
                         "precision": _ratio(c[f"conf_{level}"], c[f"n_conf_{level}"])} for level in CONFIDENCE_LEVELS}
    out.update({k: c[k] for k in ("n_articles", "n_gold_news", "n_gold_background", "n_system", "n_matched",
                                  "n_background_leak", "n_family_accuracy")})
    out.update({f"n_{name}": c[f"n_{name}"] for name in _ON_MATCHES})
    out.update(n_gold_claims=c["n_speaker_recall"], n_system_claims=c["n_speaker_precision"],
               n_speaker_matched=c["speaker_recall"], n_system_all=c["n_system_all"],
               n_excluded={k[len("n_excluded_"):]: v for k, v in sorted(c.items()) if k.startswith("n_excluded_")},
               n_aggregates=c["n_aggregates"])
    return out


def _ratio(num: int, n: int) -> float | None:
    return round(num / n, 4) if n else None
