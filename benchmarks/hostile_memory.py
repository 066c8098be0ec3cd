"""Peak memory of ``sitrep ingest`` on decompression and line bombs (issue 17): each must end as a ``too_large``
failure with the process's peak RSS well under 1.5 GB.

    .venv/bin/python benchmarks/hostile_memory.py [--expand-mb 2048] [--cap BYTES] [--keep DIR]

Writes one bomb per kind into a temporary folder, each expanding to ``--expand-mb`` MB once decompressed
(a few MB on disk): a ``.jsonl.gz`` holding one endless line, a ``.txt.gz`` and an ``.html.gz`` of one word
repeated, a ``.json`` list too long to read whole, and a ``.warc.gz`` with one HTML record that large. Then
runs ``sitrep ingest BOMB --db TMP`` once per bomb, each in its own process, and prints a JSON line per
bomb: its exit code and summary, the seconds it took and its peak RSS in MB (from ``wait4``), and last the
baseline, a run on one small good article (which loads the spaCy model and the gazetteer; a run whose only
input fails never loads them). ``--cap`` sets SITREP_MAX_INPUT_BYTES for the runs (default: sitrep's own).
Memory is printed, not asserted: a timed or memory-bound test would be flaky on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ARTICLE = "Two civilians were killed and five wounded on Sunday when a drone struck a market near Daquq, police said."
CHUNK = 1 << 20


def _gzip_file(path: Path, head: bytes, filler: bytes, total: int, tail: bytes) -> None:
    """A gzip file of ``head``, ``filler`` repeated to ``total`` bytes, then ``tail``, written as it is compressed."""
    block = (filler * (CHUNK // len(filler) + 1))[:CHUNK]
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: a gzip header and trailer
    with path.open("wb") as fh:
        fh.write(packer.compress(head))
        for _ in range(total // CHUNK):
            fh.write(packer.compress(block))
        fh.write(packer.compress(tail))
        fh.write(packer.flush())


def _warc_bomb(path: Path, total: int) -> None:
    """A gzipped WARC with one HTML response whose body is ``total`` bytes (one gzip member, as crawlers write)."""
    http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {total}\r\n\r\n".encode()
    length = len(http) + total
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example.com/bomb\r\n"
            f"WARC-Date: 2024-03-15T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n").encode()
    _gzip_file(path, head + http + b"<html><body><p>", b"word ", total - 15, b"\r\n\r\n")


def make_bombs(folder: Path, total: int) -> dict[str, Path]:
    bombs = {
        "jsonl_gz_one_line": folder / "line.jsonl.gz",
        "txt_gz": folder / "words.txt.gz",
        "html_gz": folder / "page.html.gz",
        "json_list_gz": folder / "list.json.gz",
        "warc_gz_record": folder / "crawl.warc.gz",
    }
    _gzip_file(bombs["jsonl_gz_one_line"], b'{"text": "', b"a", total, b'"}\n')
    _gzip_file(bombs["txt_gz"], b"", b"word ", total, b"\n")
    _gzip_file(bombs["html_gz"], b"<html><body><p>", b"word ", total, b"</p></body></html>")
    record = json.dumps({"text": ARTICLE}).encode() + b", "
    _gzip_file(bombs["json_list_gz"], b"[", record, total, json.dumps({"text": ARTICLE}).encode() + b"]")
    _warc_bomb(bombs["warc_gz_record"], total)
    good = folder / "good.txt"
    good.write_text(ARTICLE)
    bombs["baseline_good_article"] = good
    return bombs


def run_ingest(path: Path, db: Path, env: dict[str, str]) -> dict[str, object]:
    """``sitrep ingest path`` in a child process: its exit code, stored failure codes, seconds and peak RSS."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "ingest", str(path), "--db", str(db), "-q"],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = child.stderr.read() if child.stderr else b""
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    summary = [line for line in stderr.decode(errors="replace").splitlines() if "failed by code" in line or
               "inputs:" in line]
    return {"exit": child.returncode, "seconds": round(seconds, 1),
            "peak_rss_mb": round(usage.ru_maxrss / 1024), "summary": " | ".join(summary)[:300]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--expand-mb", type=int, default=2048, help="Size of each bomb once decompressed, in MB.")
    parser.add_argument("--cap", type=int, help="SITREP_MAX_INPUT_BYTES for the runs (default: sitrep's own).")
    parser.add_argument("--keep", type=Path, help="Write the bombs here and keep them (default: a temporary folder).")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parents[1] / "src"),
                                                        os.environ.get("PYTHONPATH", "")])}
    if args.cap:
        env["SITREP_MAX_INPUT_BYTES"] = str(args.cap)
    with tempfile.TemporaryDirectory(prefix="sitrep-bombs-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        bombs = make_bombs(folder, args.expand_mb * CHUNK)
        print(json.dumps({"bombs_written_s": round(time.perf_counter() - started, 1), "expand_mb": args.expand_mb,
                          "on_disk_kb": {k: round(p.stat().st_size / 1024) for k, p in bombs.items()}}), flush=True)
        for name, path in bombs.items():
            result = run_ingest(path, Path(tmp) / f"{name}.duckdb", env)
            print(json.dumps({"case": name, **result}), flush=True)


if __name__ == "__main__":
    main()
