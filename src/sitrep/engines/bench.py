"""``sitrep bench``: what ``sitrep ingest`` costs against the NLP floor, scaling with workers, memory and start-up.

The corpus is what the command is given (files, folders and globs that ``sitrep ingest`` reads), repeated
up to ``--docs`` when it is smaller (each copy under its own URL, so the store keeps every copy); without
one, the texts of the development sets in ../shared/datasets when present (ISAF releases, LGL and
GeoWebNews articles), else the bundled samples repeated.  In one run, on the same texts, it measures:

- spaCy's full pipeline alone (``nlp.pipe``), the baseline every ratio is printed against: the language's
  package as ``spacy.load`` gives it, not sitrep's copy of it (whose attribute ruler is split, ``nlp.ruler``);
- the sitrep pipeline only (annotate and extract, no store);
- ``sitrep ingest`` end to end in one process (clean text, annotate, extract, store writes, linking) into a
  fresh store file, and on pools of workers (started and warm before the clock runs), with each worker's
  peak RSS at half and at the whole corpus (target < 1.5 GB and flat);
- the share of sentences that carry a dependency parse in the pipeline's ``Annotations`` (all of them: parsing
  only the sentences with an event, number, speech or date cue would save about nothing, as
  ``benchmarks/parse_ceiling.py`` measures: such cues are in ~88% of news sentences);
- the wall time of ``sitrep extract`` on one article in a fresh process (target < 3 s).

The single-process measures are interleaved ``repeat`` times and the best of each kept, so a burst of load
from elsewhere hits every measure alike; the load average before and after is printed with them.
``profile=True`` times every stage of the one-process ingest (``engines._profile``) in the same runs.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sitrep.engines._profile import StageClock
from sitrep.engines.local import WorkerPool, prepare, process_chunk, run
from sitrep.ingest._raw import RawInput
from sitrep.model import Annotations, Document

_LGL_TEXT = re.compile(r"<text>(.*?)</text>", re.DOTALL)


def corpus_inputs(n: int, *, paths: list[str] | None = None, datasets: Path | None = None
                  ) -> tuple[list[RawInput], str]:
    """Up to ``n`` readable inputs and a name for where they came from: ``paths`` when given, else the default."""
    if paths:
        base = _readable(paths)
        if not base:
            from sitrep.errors import ConfigError

            raise ConfigError(f"no readable documents in {', '.join(paths)} to benchmark on")
        return _repeated(base, n), ", ".join(paths) + (", repeated" if len(base) < n else "")
    root = datasets or Path(__file__).resolve().parents[3].parent / "shared" / "datasets"
    texts: list[str] = []
    isaf = root / "raw" / "isaf-press-releases" / "isaf_test_gold.dev.jsonl"
    if isaf.exists():
        texts += [json.loads(line)["text"] for line in isaf.read_text(encoding="utf-8").splitlines() if line.strip()]
    for xml in (root / "raw" / "lgl" / "lgl.xml", root / "raw" / "geowebnews" / "GWN.xml"):
        if xml.exists() and len(texts) < n:
            texts += [_unescape(t) for t in _LGL_TEXT.findall(xml.read_text(encoding="utf-8"))]
    if texts:
        return [RawInput(source=f"bench:{i}", data=t) for i, t in enumerate(texts[:n])], f"dev datasets in {root}"
    base = _readable([str(Path(__file__).resolve().parents[3] / "samples")])
    return _repeated(base, n), "bundled samples, repeated"


def corpus_texts(n: int, *, paths: list[str] | None = None, datasets: Path | None = None) -> tuple[list[str], str]:
    """The clean texts of ``corpus_inputs``."""
    inputs, name = corpus_inputs(n, paths=paths, datasets=datasets)
    return [d.text for d in _documents(inputs)], name


def _readable(paths: list[str]) -> list[RawInput]:
    """The inputs under ``paths`` that ``sitrep ingest`` turns into a document (failures left out)."""
    from sitrep.ingest.sources import read_inputs

    return [i for i in read_inputs(paths) if isinstance(i, RawInput) and isinstance(prepare(i), Document)]


def _repeated(base: list[RawInput], n: int) -> list[RawInput]:
    # a copy keeps its text but gets its own URL, hence its own document id: the store holds every copy
    out = base[:n]
    while base and len(out) < n:
        k = len(out) // len(base)
        out += [RawInput(source=f"{i.source}#copy-{k}", data=i.data,
                         meta={**i.meta, "url": f"{i.meta.get('url') or i.source}#copy-{k}"})
                for i in base[:n - len(out)]]
    return out


def _documents(inputs: list[RawInput]) -> list[Document]:
    return [d for d in (prepare(i) for i in inputs) if isinstance(d, Document)]


def _unescape(text: str) -> str:
    import html

    return html.unescape(text).strip()


def peak_rss_mb(pid: int | None = None) -> float | None:
    """Peak resident memory of a process (VmHWM on Linux), in MB."""
    if pid is None:
        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def ingest_once(inputs: list[RawInput], folder: Path, *, pool: WorkerPool | None = None,
                clock: StageClock | None = None, batch_size: int = 32) -> dict[str, Any]:
    """``sitrep ingest`` of ``inputs`` into a new store in ``folder`` (linking included): seconds and peak RSS.

    The corpus goes in two halves into the same store, the peak RSS read between them (flat memory shows
    as equal figures); linking runs once at the end, as ``sitrep ingest`` does."""
    from sitrep.store import linking  # called through its module, so a StageClock's wrapper is what runs
    from sitrep.store.duckdb import DuckDBStore

    path = folder / f"bench-{time.monotonic_ns()}.duckdb"
    half = len(inputs) // 2
    stored: dict[str, int] = {}

    def rss() -> list[float | None]:
        return [peak_rss_mb(pid) for pid in pool.pids()] if pool is not None else [peak_rss_mb()]

    rss_half: list[float | None] = []
    with DuckDBStore(path) as store:
        started = time.perf_counter()
        with clock if clock is not None else contextlib.nullcontext():
            for part, mark in ((inputs[:half], True), (inputs[half:], False)):
                summary = run(part, sink=store.save_reports, on_failure=store.save_failure, batch_size=batch_size,
                              executor=pool)
                for outcome, count in summary.stored.items():
                    stored[outcome] = stored.get(outcome, 0) + count
                if mark:
                    rss_half = rss()
            linked = linking.link_new(store)
        seconds = time.perf_counter() - started
    path.unlink(missing_ok=True)
    return {"seconds": round(seconds, 2), "stored": stored, "linked": linked.to_dict(),
            "peak_rss_mb_half_corpus": rss_half, "peak_rss_mb_whole_corpus": rss()}


def measure_pool(inputs: list[RawInput], workers: int, folder: Path, *, batch_size: int = 32) -> dict[str, Any]:
    """``ingest_once`` on a pool of ``workers`` processes, timed after every worker has started and loaded."""
    started = time.perf_counter()
    pool = WorkerPool(workers)
    try:
        # one tiny chunk per worker: every worker has started and loaded the model before the clock runs
        for f in [pool.submit(process_chunk, inputs[:1], None, 1) for _ in range(workers)]:
            f.result()
        startup = time.perf_counter() - started
        result = ingest_once(inputs, folder, pool=pool, batch_size=batch_size)
    finally:
        pool.shutdown()
    return {"workers": workers, "startup_s": round(startup, 2), **result}


def extract_startup_seconds(text: str) -> float:
    """Wall time of ``sitrep extract`` on one article in a fresh process (gazetteer index already cached)."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
        fh.write(text)
    try:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "sitrep.cli", "extract", fh.name, "--compact"], check=True,
                       capture_output=True)
        return round(time.perf_counter() - started, 2)
    finally:
        Path(fh.name).unlink(missing_ok=True)


def parsed_sentences(annotations: Annotations) -> int:
    """How many sentences carry a dependency parse (a sentence left unparsed has no label on any token)."""
    return sum(1 for s in annotations.sentences
               if any(annotations.tokens[i].dep for i in range(s.token_start, s.token_end)))


def _rate(seconds: float, docs: int, words: int, baseline: float | None) -> dict[str, Any]:
    return {"seconds": round(seconds, 2), "docs_per_s": round(docs / seconds, 1), "words_per_s": round(words / seconds),
            **({"ratio_to_spacy": round(baseline / seconds, 3)} if baseline else {})}


def run_bench(*, docs: int = 200, repeat: int = 2, workers: tuple[int, ...] = (1, 2),
              corpus: list[str] | None = None, datasets: Path | None = None, profile: bool = False) -> dict[str, Any]:
    from sitrep.nlp.spacy_adapter import annotations_from_doc, load_pipeline, load_stock_pipeline
    from sitrep.pipeline import make_resources, report_from_annotations

    inputs, source = corpus_inputs(docs, paths=corpus, datasets=datasets)
    documents = _documents(inputs)
    clean = [d.text for d in documents]
    words = sum(len(t.split()) for t in clean)
    load_before = _loadavg()
    startup = extract_startup_seconds(clean[0])
    nlp = load_pipeline()
    stock = load_stock_pipeline()
    resources = make_resources()
    list(nlp.pipe(clean[:10]))  # warm-up
    list(stock.pipe(clean[:10]))

    def spacy_only() -> None:
        for _ in stock.pipe(clean, batch_size=32):
            pass

    parsed = [0, 0]  # sentences with a parse, sentences

    def pipeline() -> None:
        parsed[:] = [0, 0]
        for d, sdoc in zip(documents, nlp.pipe(clean, batch_size=32), strict=True):
            annotations = annotations_from_doc(sdoc)
            report_from_annotations(d, annotations, resources)
            parsed[0] += parsed_sentences(annotations)
            parsed[1] += len(annotations.sentences)

    best: dict[str, float] = {}
    ingest: dict[str, Any] | None = None
    clock: StageClock | None = None
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        for _ in range(max(1, repeat)):
            for name, fn in (("spacy", spacy_only), ("pipeline", pipeline)):
                started = time.perf_counter()
                fn()
                best[name] = min(best.get(name, float("inf")), time.perf_counter() - started)
            this_clock = StageClock() if profile else None
            result = ingest_once(inputs, Path(tmp), clock=this_clock)
            if ingest is None or result["seconds"] < ingest["seconds"]:
                ingest, clock = result, this_clock
        assert ingest is not None
        pools = [measure_pool(inputs, n, Path(tmp)) for n in workers if n > 1]
    spacy_s, n = best["spacy"], len(clean)
    runs = {"1": {"workers": 1, **_rate(ingest["seconds"], n, words, spacy_s), **ingest}}
    for p in pools:
        runs[str(p["workers"])] = {**_rate(p["seconds"], n, words, spacy_s), **p,
                                   "speedup": round(ingest["seconds"] / p["seconds"], 2)}
    out: dict[str, Any] = {
        "texts": source, "docs": n, "words": words, "repeat": repeat,
        "spacy_only": _rate(spacy_s, n, words, None),
        "pipeline_only": _rate(best["pipeline"], n, words, spacy_s),
        "ingest": runs,
        # every sentence gets the full parse (benchmarks/parse_ceiling.py: selective parsing would save ~nothing)
        "sentences_parsed_share": round(parsed[0] / parsed[1], 3) if parsed[1] else None,
        "driver_peak_rss_mb": peak_rss_mb(),
        "extract_one_article_s": startup,
        "loadavg_before": load_before, "loadavg_after": _loadavg(), "cpus": os.cpu_count(),
    }
    if clock is not None:
        out["profile"] = {"wall_s": round(clock.wall, 2), "stages": clock.shares()}
    return out


__all__ = ["corpus_inputs", "corpus_texts", "extract_startup_seconds", "ingest_once", "measure_pool",
           "parsed_sentences", "peak_rss_mb", "run_bench"]
