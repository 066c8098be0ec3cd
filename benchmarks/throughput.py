"""Throughput of the whole pipeline against its floor: the same spaCy pipeline alone over the same texts.

    .venv/bin/python benchmarks/throughput.py [--docs N] [--repeat R]

Texts are the ISAF press releases of ../shared/datasets when present, else the bundled samples.
Both runs happen in this process, after a warm-up, so the ratio compares like with like; the
target (DESIGN.md) is a ratio of at least 0.8.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ISAF = ROOT.parent / "shared" / "datasets" / "raw" / "isaf-press-releases" / "isaf_test_gold.dev.jsonl"


def load_texts(n: int) -> tuple[list[str], str]:
    if ISAF.exists():
        lines = ISAF.read_text(encoding="utf-8").splitlines()
        return [json.loads(line)["text"] for line in lines[:n]], f"ISAF dev ({ISAF.name})"
    from sitrep.engines.local import prepare
    from sitrep.ingest.sources import read_inputs

    docs = [prepare(i) for i in read_inputs([str(ROOT / "samples")])]
    texts = [d.text for d in docs if hasattr(d, "text")]
    return (texts * (n // len(texts) + 1))[:n], "bundled samples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from sitrep.ingest.documents import document_from_text
    from sitrep.nlp.spacy_adapter import annotations_from_doc, load_pipeline
    from sitrep.pipeline import make_resources, report_from_annotations

    texts, source = load_texts(args.docs)
    docs = [document_from_text(t) for t in texts]
    clean = [d.text for d in docs]
    words = sum(len(t.split()) for t in clean)
    nlp = load_pipeline()
    resources = make_resources()
    list(nlp.pipe(clean[:10]))  # warm-up

    def spacy_only() -> None:
        for _ in nlp.pipe(clean, batch_size=32):
            pass

    def full() -> None:
        for d, sdoc in zip(docs, nlp.pipe(clean, batch_size=32), strict=True):
            report_from_annotations(d, annotations_from_doc(sdoc), resources)

    best = {}
    for name, fn in (("spacy_only", spacy_only), ("pipeline", full)):
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        best[name] = min(times)
    result = {
        "texts": source,
        "docs": len(clean),
        "words": words,
        "spacy_only_words_per_s": round(words / best["spacy_only"]),
        "pipeline_words_per_s": round(words / best["pipeline"]),
        "ratio_pipeline_to_spacy": round(best["spacy_only"] / best["pipeline"], 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
