"""Proof of no change: every report sitrep makes for a fixed mix of dev texts, written once and compared later.

A refactoring that must not change behaviour (a module split, a table moved into ``lang/``) is checked by
running the extraction stages over the same annotated texts before and after and comparing the reports byte
for byte. spaCy is the slow part and is not what such a change touches, so the texts are annotated once and
kept (pickled ``Document`` + ``Annotations``); each later run only repeats the extraction.

    python tools/report_snapshot.py annotate build/snapshot/ann.pkl          # once (a few minutes)
    python tools/report_snapshot.py run build/snapshot/ann.pkl build/snapshot/before.jsonl
    ... change the code ...
    python tools/report_snapshot.py run build/snapshot/ann.pkl build/snapshot/after.jsonl
    python tools/report_snapshot.py diff build/snapshot/before.jsonl build/snapshot/after.jsonl

The mix (from ``../shared/datasets/raw``): the project's samples, every ISAF release, PLOVER sentences, the
first 150 LGL and 100 GeoWebNews articles, the PolNeAR dev articles and 60 ECB+ documents.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT.parent / "shared" / "datasets" / "raw"


def texts(raw: Path) -> Iterator[tuple[str, bytes | str, dict]]:
    """(key, text or bytes, metadata) for every document of the mix."""
    from sitrep.eval import _ecbplus, _geo_formats, _isaf, _plover

    for path in sorted((ROOT / "samples").iterdir()):
        if path.is_file():
            yield f"sample:{path.name}", path.read_bytes(), {"source": path.name}
    for r in _isaf.load_isaf(str(raw / "isaf-press-releases" / "isaf_test_gold.dev.jsonl")):
        yield f"isaf:{r.line}", r.text, {}
    for r in _plover.load_plover(str(raw / "plover-gsr" / "PLOVER_GSR_CAMEO.dev.json")):
        yield f"plover:{r.id}", r.text, {}
    for i, d in enumerate(_geo_formats.read_lgl(raw / "lgl" / "lgl.xml")):
        if i < 150:
            yield f"lgl:{d.id}", d.text, {}
    for i, d in enumerate(_geo_formats.read_gwn(raw / "geowebnews" / "GWN.xml")):
        if i < 100:
            yield f"gwn:{d.id}", d.text, {}
    for path in sorted((raw / "polnear" / "dev" / "text").glob("*.txt")):
        yield f"polnear:{path.stem}", path.read_text(encoding="utf-8"), {}
    for i, d in enumerate(_ecbplus.read_corpus([str(raw / "ecbplus" / "ECB+")])):
        if i % 13 == 0:
            yield f"ecb:{d.name}", d.text, {}


def annotate(out: Path, raw: Path) -> None:
    from sitrep.errors import SitrepError
    from sitrep.ingest.documents import document_from_input
    from sitrep.model import Document
    from sitrep.nlp.spacy_adapter import annotate_many

    docs: list[tuple[str, Document]] = []
    for key, data, meta in texts(raw):
        try:
            if isinstance(data, bytes):
                doc = document_from_input(data, source=meta.get("source", key))
            else:
                doc = Document.create(data)
        except SitrepError as exc:
            print(f"{key}: refused ({exc.code})", file=sys.stderr)
            continue
        docs.append((key, doc))
    started = time.perf_counter()
    anns = list(annotate_many([d.text for _, d in docs]))
    print(f"annotated {len(docs)} documents in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as f:
        pickle.dump([(key, doc, ann) for (key, doc), ann in zip(docs, anns, strict=True)], f, protocol=5)


def run(ann_path: Path, out: Path) -> None:
    from sitrep.pipeline import make_resources, report_from_annotations

    with open(ann_path, "rb") as f:
        items = pickle.load(f)
    resources = make_resources()
    started = time.perf_counter()
    with open(out, "w", encoding="utf-8") as f:
        for key, doc, ann in items:
            try:
                report = report_from_annotations(doc, ann, resources).to_dict()
            except Exception as exc:  # a snapshot records a failure as its own line, to be compared too
                report = {"error": f"{type(exc).__name__}: {exc}"}
            f.write(json.dumps({"key": key, "report": report}, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(items)} reports in {time.perf_counter() - started:.1f} s -> {out}", file=sys.stderr)


def diff(before: Path, after: Path, show: int) -> int:
    old = {r["key"]: r["report"] for r in map(json.loads, before.open(encoding="utf-8"))}
    new = {r["key"]: r["report"] for r in map(json.loads, after.open(encoding="utf-8"))}
    changed = [k for k in old if old[k] != new.get(k)] + [k for k in new if k not in old]
    for key in changed[:show]:
        a, b = old.get(key) or {}, new.get(key) or {}
        parts = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
        print(f"{key}: differs in {', '.join(parts)}")
        for part in parts[:2]:
            print(f"  before: {json.dumps(a.get(part), ensure_ascii=False)[:400]}")
            print(f"  after:  {json.dumps(b.get(part), ensure_ascii=False)[:400]}")
    print(f"{len(changed)} of {len(old)} reports differ", file=sys.stderr)
    return 1 if changed else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("annotate", help="annotate the mix once and pickle it")
    a.add_argument("out", type=Path)
    a.add_argument("--raw", type=Path, default=RAW)
    r = sub.add_parser("run", help="run the extraction stages over the pickled annotations")
    r.add_argument("annotations", type=Path)
    r.add_argument("out", type=Path)
    d = sub.add_parser("diff", help="compare two runs; exit 1 if any report differs")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    d.add_argument("--show", type=int, default=10)
    args = parser.parse_args()
    if args.cmd == "annotate":
        annotate(args.out, args.raw)
    elif args.cmd == "run":
        run(args.annotations, args.out)
    else:
        sys.exit(diff(args.before, args.after, args.show))


if __name__ == "__main__":
    main()
