"""``sitrep bench``: throughput against the NLP floor, scaling with workers, memory and start-up, measured.

The corpus is what the command is given (files, folders and globs that ``sitrep ingest`` reads), repeated
up to ``--docs`` when it is smaller; without one, the texts of the development sets in ../shared/datasets
when present (ISAF releases, LGL and GeoWebNews articles), else the bundled samples repeated.  In one run
it measures the full
pipeline and the same spaCy pipeline alone over the same texts (ratio target ≥ 0.8), the pipeline
on a pool of 1 and of 2 workers after their start-up (target ≥ 1.7×), each worker's peak RSS at half
and at the whole corpus (target < 1.5 GB and flat), and the wall time of ``sitrep extract`` on one
article in a fresh process (target < 3 s).
"""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sitrep.engines.local import WorkerPool, chunks, process_chunk
from sitrep.ingest.sources import RawInput

_LGL_TEXT = re.compile(r"<text>(.*?)</text>", re.DOTALL)


def corpus_texts(n: int, *, paths: list[str] | None = None, datasets: Path | None = None) -> tuple[list[str], str]:
    """Up to ``n`` article texts and a name for where they came from: ``paths`` when given, else the default."""
    if paths:
        base = _ingested(paths)
        if not base:
            from sitrep.errors import ConfigError

            raise ConfigError(f"no readable documents in {', '.join(paths)} to benchmark on")
        name = ", ".join(paths) + (", repeated" if len(base) < n else "")
        return (base * (n // len(base) + 1))[:n], name
    root = datasets or Path(__file__).resolve().parents[3].parent / "shared" / "datasets"
    texts: list[str] = []
    isaf = root / "raw" / "isaf-press-releases" / "isaf_test_gold.dev.jsonl"
    if isaf.exists():
        texts += [json.loads(line)["text"] for line in isaf.read_text(encoding="utf-8").splitlines() if line.strip()]
    for xml in (root / "raw" / "lgl" / "lgl.xml", root / "raw" / "geowebnews" / "GWN.xml"):
        if xml.exists() and len(texts) < n:
            texts += [_unescape(t) for t in _LGL_TEXT.findall(xml.read_text(encoding="utf-8"))]
    if texts:
        return texts[:n], f"dev datasets in {root}"
    base = _ingested([str(Path(__file__).resolve().parents[3] / "samples")])
    return (base * (n // max(len(base), 1) + 1))[:n], "bundled samples, repeated"


def _ingested(paths: list[str]) -> list[str]:
    """The clean texts of every document ``sitrep ingest`` would read from ``paths`` (failures left out)."""
    from sitrep.engines.local import prepare
    from sitrep.ingest.sources import read_inputs

    docs = [prepare(i) for i in read_inputs(paths)]
    return [d.text for d in docs if hasattr(d, "text")]


def _unescape(text: str) -> str:
    import html

    return html.unescape(text).strip()


def _best(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


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


def measure_pool(inputs: list[RawInput], workers: int, *, batch_size: int = 16) -> dict[str, Any]:
    """Seconds for the corpus on a pool of ``workers`` (start-up excluded, measured apart) and peak RSS per worker."""
    started = time.perf_counter()
    pool = WorkerPool(workers)
    try:
        # one tiny chunk per worker: every worker has started and loaded the model before the clock runs
        for f in [pool.submit(process_chunk, inputs[:1], None, 1) for _ in range(workers)]:
            f.result()
        startup = time.perf_counter() - started
        half = len(inputs) // 2
        rss_half: list[float | None] = []
        t0 = time.perf_counter()
        for part, stop in ((inputs[:half], True), (inputs[half:], False)):
            futures = [pool.submit(process_chunk, c, None, batch_size) for c in chunks(part, batch_size)]
            for f in futures:
                f.result()
            if stop:
                rss_half = [peak_rss_mb(pid) for pid in pool.pids()]
        seconds = time.perf_counter() - t0
        rss_full = [peak_rss_mb(pid) for pid in pool.pids()]
    finally:
        pool.shutdown()
    return {"workers": workers, "seconds": round(seconds, 2), "startup_s": round(startup, 2),
            "peak_rss_mb_half_corpus": rss_half, "peak_rss_mb_whole_corpus": rss_full}


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


def run_bench(*, docs: int = 200, repeat: int = 2, workers: tuple[int, ...] = (1, 2),
              corpus: list[str] | None = None, datasets: Path | None = None) -> dict[str, Any]:
    from sitrep.ingest.documents import document_from_text
    from sitrep.nlp.spacy_adapter import annotations_from_doc, load_pipeline
    from sitrep.pipeline import make_resources, report_from_annotations

    texts, source = corpus_texts(docs, paths=corpus, datasets=datasets)
    documents = [document_from_text(t) for t in texts]
    clean = [d.text for d in documents]
    words = sum(len(t.split()) for t in clean)
    startup = extract_startup_seconds(clean[0])
    nlp = load_pipeline()
    resources = make_resources()
    list(nlp.pipe(clean[:10]))  # warm-up

    def spacy_only() -> None:
        for _ in nlp.pipe(clean, batch_size=32):
            pass

    def full() -> None:
        for d, sdoc in zip(documents, nlp.pipe(clean, batch_size=32), strict=True):
            report_from_annotations(d, annotations_from_doc(sdoc), resources)

    spacy_s, full_s = _best(spacy_only, repeat), _best(full, repeat)
    inputs = [RawInput(source=f"bench:{i}", data=t) for i, t in enumerate(texts)]
    pools = [measure_pool(inputs, n) for n in workers]
    one = next((p["seconds"] for p in pools if p["workers"] == 1), None)
    return {
        "texts": source,
        "docs": len(clean),
        "words": words,
        "pipeline_docs_per_s": round(len(clean) / full_s, 1),
        "pipeline_words_per_s": round(words / full_s),
        "spacy_only_docs_per_s": round(len(clean) / spacy_s, 1),
        "spacy_only_words_per_s": round(words / spacy_s),
        "ratio_pipeline_to_spacy": round(spacy_s / full_s, 3),
        "workers": {str(p["workers"]): {**p, "docs_per_s": round(len(inputs) / p["seconds"], 1),
                                        "speedup": round(one / p["seconds"], 2) if one else None} for p in pools},
        "driver_peak_rss_mb": peak_rss_mb(),
        "extract_one_article_s": startup,
    }
