"""Kill `sitrep ingest` in the middle of a run, run the same command again: nothing lost, nothing twice,
and the second run's summary accounts for every input."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

SITREP = [sys.executable, "-m", "sitrep.cli"]
STORY = ("Militants attacked a police checkpoint near Kandahar on Monday, killing {n} officers and wounding two, "
         "the provincial governor said. Security forces returned fire and the attackers fled, officials added.")
N_GOOD = 150
BAD_LINES = ["{not json", json.dumps({"text": ""}), json.dumps({"title": "no body"})]


def write_corpus(path: Path) -> None:
    with path.open("w") as fh:
        for i in range(N_GOOD):
            fh.write(json.dumps({"text": STORY.format(n=i % 7 + 2) + f" Report number {i}.",
                                 "url": f"https://news.example.com/{i}", "published": "2024-03-12"}) + "\n")
            if i % 50 == 10:
                fh.write(BAD_LINES[i // 50] + "\n")


def store_counts(db: Path) -> dict:
    code = ("import json, sys; from sitrep.store.duckdb import DuckDBStore\n"
            "with DuckDBStore(sys.argv[1], read_only=True) as s:\n"
            "    c = s._connection()\n"
            "    docs = c.execute('SELECT count(*), count(DISTINCT url) FROM documents').fetchone()\n"
            "    ev = c.execute('SELECT count(*), count(DISTINCT (document_id, id)) FROM events').fetchone()\n"
            "    print(json.dumps({'docs': docs[0], 'urls': docs[1], 'events': ev[0], 'distinct_events': ev[1]}))")
    out = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_a_killed_run_rerun_loses_nothing_and_stores_nothing_twice(tmp_path):
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "store.duckdb"
    write_corpus(corpus)
    cmd = [*SITREP, "-v", "ingest", str(corpus), "--db", str(db), "--batch-size", "8", "-q"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    deadline = time.monotonic() + 300
    try:
        for line in proc.stderr:  # kill it right after the first batch is written: later batches are mid-flight
            if "wrote a batch" in line or time.monotonic() > deadline:
                break
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL

    partial = store_counts(db)
    assert 0 < partial["docs"] < N_GOOD, "the kill should land mid-run"

    rerun = subprocess.run([*SITREP, "ingest", str(corpus), "--db", str(db), "--batch-size", "8", "-q"],
                           capture_output=True, text=True, timeout=600)
    summary = rerun.stderr
    assert rerun.returncode == 1, summary  # the bad lines are failures, so the exit code says so
    assert f"{N_GOOD + len(BAD_LINES)} inputs: {N_GOOD} ok" in summary, summary
    assert f"unchanged={partial['docs']}" in summary and f"inserted={N_GOOD - partial['docs']}" in summary, summary
    assert "bad_json=1" in summary and "empty=2" in summary, summary

    final = store_counts(db)
    assert final["docs"] == final["urls"] == N_GOOD
    assert final["events"] == final["distinct_events"] > 0
