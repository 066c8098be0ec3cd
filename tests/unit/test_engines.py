"""Engines: bounded streaming, and the same records from one process, a process pool and a Dask cluster."""

from __future__ import annotations

import contextlib
import socket
from pathlib import Path

import pytest

from sitrep.engines.local import chunks, ordered_map, process
from sitrep.ingest.sources import RawInput, read_inputs
from sitrep.model import Failure, Report

SAMPLES = str(Path(__file__).resolve().parents[2] / "samples")


class InlineExecutor:
    """Runs each chunk at once and records how far the input stream had been read when it did."""

    def __init__(self):
        self.submitted = 0

    def submit(self, fn, *args):
        self.submitted += 1
        result = fn(*args)

        class Done:
            def result(self):
                return result
        return Done()


def failures(n, pulled):
    for i in range(n):
        pulled.append(i)
        yield Failure(source=f"in-{i}", code="test", message="x")


def test_inputs_are_pulled_a_window_at_a_time():
    pulled: list[int] = []
    executor = InlineExecutor()
    results = ordered_map(executor, chunks(failures(10_000, pulled), 10), defaults=None, batch_size=10, window=3)
    first = next(results)
    assert first.source == "in-0"
    assert len(pulled) <= 30  # three chunks of ten in flight, not the whole stream
    assert [r.source for r in results][-1] == "in-9999"


def as_dicts(results):
    return [r.to_dict() if isinstance(r, Report) else r for r in results]


@pytest.fixture(scope="module")
def local_records():
    return as_dicts(process(read_inputs([SAMPLES]), batch_size=2))


@pytest.mark.slow
def test_a_worker_pool_gives_the_same_records_in_the_same_order(local_records):
    pooled = as_dicts(process(read_inputs([SAMPLES]), batch_size=2, workers=2))
    assert len(pooled) == len(local_records) >= 5
    assert pooled == local_records


@pytest.mark.slow
def test_the_dask_engine_gives_the_same_records_as_the_local_engine(local_records):
    pytest.importorskip("distributed")
    from sitrep.engines.dask import DaskEngine

    with contextlib.ExitStack() as held:
        # another program on Dask's usual status port (a notebook's cluster) must not stop the engine
        taken = held.enter_context(socket.socket())
        with contextlib.suppress(OSError):
            taken.bind(("0.0.0.0", 8787))
            taken.listen()
        with DaskEngine(workers=2) as engine:
            assert engine.workers == 2
            distributed = as_dicts(process(read_inputs([SAMPLES]), batch_size=2, executor=engine))
    assert distributed == local_records


@pytest.mark.slow
def test_a_chunk_that_crashes_its_worker_becomes_failures_and_the_run_goes_on():
    class Exploding(InlineExecutor):
        def submit(self, fn, *args):
            self.submitted += 1
            if self.submitted == 1:
                class Broken:
                    def result(self):
                        raise RuntimeError("worker died")
                return Broken()
            return super().submit(fn, *args)

    inputs = [RawInput(source=f"t{i}", data="") for i in range(4)]
    out = list(ordered_map(Exploding(), chunks(inputs, 2), defaults=None, batch_size=2, window=2))
    assert [(f.source, f.code) for f in out] == [("t0", "worker_crashed"), ("t1", "worker_crashed"),
                                                 ("t2", "empty"), ("t3", "empty")]


def test_bench_corpus_is_what_it_is_given_repeated_up_to_the_count(tmp_path):
    from sitrep.engines.bench import corpus_texts

    (tmp_path / "a.txt").write_text("Flood waters rose in the valley on Monday and two bridges were closed to traffic.")
    (tmp_path / "b.txt").write_text("The council met on Tuesday to agree a plan for repairing the damaged river banks.")
    texts, source = corpus_texts(5, paths=[str(tmp_path)])
    assert len(texts) == 5 and len(set(texts)) == 2 and texts[0].startswith(("Flood", "The council"))
    assert source == f"{tmp_path}, repeated"
    texts, source = corpus_texts(1, paths=[str(tmp_path / "b.txt")])
    assert texts == ["The council met on Tuesday to agree a plan for repairing the damaged river banks."]
    assert source == str(tmp_path / "b.txt")


def test_bench_without_a_corpus_keeps_the_default_of_dev_sets_or_samples(tmp_path):
    from sitrep.engines.bench import corpus_texts

    texts, source = corpus_texts(7, datasets=tmp_path)  # no dev sets there: the bundled samples, repeated
    assert len(texts) == 7 and source == "bundled samples, repeated"


def test_bench_refuses_a_corpus_with_nothing_readable(tmp_path):
    from sitrep.engines.bench import corpus_texts
    from sitrep.errors import ConfigError

    with pytest.raises(ConfigError, match="no readable documents"):
        corpus_texts(3, paths=[str(tmp_path)])
