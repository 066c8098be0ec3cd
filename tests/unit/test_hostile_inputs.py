"""Hostile inputs (issue 17): bombs, endless lines, odd text, link loops, cut crawls, damaged stores, odd encodings.

Each becomes a coded failure or a one-line error with memory bounded; the caps are set low so the bombs stay small.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitrep.errors import StageError, StoreError
from sitrep.ingest.documents import decode_bytes, document_from_input
from sitrep.ingest.sources import RawInput, expand_paths, read_inputs
from sitrep.model import Annotations, Document, Failure, Span, Token
from sitrep.store.duckdb import DuckDBStore

ARTICLE = "Two civilians were killed and five wounded on Sunday when a drone struck a market near Daquq, police said."


def _codes(items):
    return [o.code if isinstance(o, Failure) else "ok" for o in items]


# --------------------------------------------------------------------------- 1. decompression and line bombs


def _gzip_stream(path: Path, parts):
    with gzip.open(path, "wb", compresslevel=9) as fh:
        for part in parts:
            fh.write(part)


def test_a_jsonl_gz_line_bomb_is_too_large_and_the_next_lines_are_read(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_MAX_INPUT_BYTES", "100000")
    good = json.dumps({"text": ARTICLE}).encode() + b"\n"
    bomb = tmp_path / "bomb.jsonl.gz"
    # one "line" of 5 MB (20 kB on disk) between two good ones: 50 times the cap
    _gzip_stream(bomb, [good, b'{"text": "', *(b"a" * 1_000_000 for _ in range(5)), b'"}\n', good])
    assert bomb.stat().st_size < 50_000
    out = list(read_inputs([str(bomb)]))
    assert _codes(out) == ["ok", "too_large", "ok"]
    assert out[1].source == f"{bomb}:2" and "100,000 bytes" in out[1].message


def test_the_cap_is_also_a_parameter_and_covers_plain_and_gzipped_text(tmp_path):
    text_bomb = tmp_path / "bomb.txt.gz"
    _gzip_stream(text_bomb, [b"word " * 200_000])
    listing = tmp_path / "list.json"
    listing.write_text(json.dumps([{"text": ARTICLE}] * 100))
    small = tmp_path / "small.txt"
    small.write_text(ARTICLE)
    out = list(read_inputs([str(text_bomb), str(listing), str(small)], max_bytes=5000))
    assert _codes(out) == ["too_large", "too_large", "ok"]


def test_a_line_just_under_the_cap_is_kept(tmp_path):
    line = json.dumps({"text": ARTICLE}).encode()
    path = tmp_path / "exact.jsonl"
    path.write_bytes(line + b"\n" + line)
    out = list(read_inputs([str(path)], max_bytes=len(line)))
    assert _codes(out) == ["ok", "ok"]
    assert [o.data for o in out] == [ARTICLE, ARTICLE]


def test_a_bad_cap_in_the_environment_is_a_config_error(monkeypatch, tmp_path):
    from sitrep.errors import ConfigError

    monkeypatch.setenv("SITREP_MAX_INPUT_BYTES", "lots")
    (tmp_path / "a.txt").write_text(ARTICLE)
    with pytest.raises(ConfigError, match="SITREP_MAX_INPUT_BYTES"):
        list(read_inputs([str(tmp_path / "a.txt")]))


# --------------------------------------------------------------------------- 2. deep recursion on odd text


@dataclass(frozen=True)
class _Entry:
    geonames_id: int = 1
    name: str = "Amerli"
    feature: str = "city"
    country: str = "IQ"
    admin1: str | None = "Salah ad Din"
    admin2: str | None = None
    lat: float = 34.73
    lon: float = 44.59
    population: int = 20_000


class _Gazetteer:
    """Knows one town; enough for the places stage to consider every capitalised name."""

    def normalize(self, name):
        return " ".join(name.casefold().split())

    def lookup(self, name):
        return [_Entry()] if self.contains(name) else []

    def contains(self, name):
        return self.normalize(name) == "amerli"


def _chain_of_names(n: int) -> Annotations:
    """ "They attacked Amerli Amerli Amerli …": each name a conjunct of the one before, as a parser may read a
    100 KB run of words with no space."""
    words = ["They", "attacked"] + ["Amerli"] * n
    text = " ".join(words)
    tokens, pos = [], 0
    for i, w in enumerate(words):
        dep, head = ("nsubj", 1) if i == 0 else ("ROOT", 1) if i == 1 else ("dobj", 1) if i == 2 else ("conj", i - 1)
        tokens.append(Token(i=i, start=pos, end=pos + len(w), text=w, lemma=w.lower(), pos="PROPN" if i > 1 else "VERB",
                            tag="NNP", dep=dep, head=head))
        pos += len(w) + 1
    children = tuple(tuple(j for j, t in enumerate(tokens) if t.head == i and j != i) for i in range(len(tokens)))
    return Annotations(text=text, tokens=tuple(tokens),
                       sentences=(Span(start=0, end=len(text), token_start=0, token_end=len(tokens)),),
                       entities=(), children=children)


def test_the_places_stage_walks_a_list_of_thousands_of_names_without_recursion():
    from sitrep.extract.places import extract_places

    places = extract_places(_chain_of_names(3000), gazetteer=_Gazetteer(), is_actor=lambda text: False)
    assert places and all(p.name == "Amerli" for p in places)
    assert places[0].evidence[0].start == len("They attacked ")


def test_a_crashing_stage_becomes_a_one_line_stage_error_naming_the_stage(monkeypatch):
    import sitrep.extract.places as places_stage
    from sitrep.pipeline import checked_report

    def trips(*args, **kwargs):
        raise IndexError("tuple index out of range")  # the kind of bug odd annotations used to set off

    # a bug deep inside the places stage (the stages now survive out-of-range heads, so one is planted)
    monkeypatch.setattr(places_stage, "look_up", trips)
    ann = _chain_of_names(5)
    with pytest.raises(StageError) as err:
        checked_report(Document.create(ann.text), ann)
    message = str(err.value)
    assert err.value.code == "internal_error" and "\n" not in message
    assert re.match(r"the places stage failed on document doc_", message)
    assert "IndexError" in message


# --------------------------------------------------------------------------- 3. globs and folders over link loops


def _tree_with_links(root: Path) -> Path:
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLE)
    (root / "sub" / "b.txt").write_text(ARTICLE)
    os.symlink("..", root / "sub" / "up")  # a loop: sub/up/sub/up/…
    os.symlink(".", root / "self")
    return root


def _expand_within(seconds: float, paths: list[str]):
    found: list = []
    worker = threading.Thread(target=lambda: found.extend(expand_paths(paths)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"expanding {paths} did not finish within {seconds} s"
    return found


def test_a_glob_over_a_link_loop_ends_and_gives_each_file_once(tmp_path):
    root = _tree_with_links(tmp_path / "dir")
    found = _expand_within(20, [f"{root}/**/*.txt"])
    assert sorted(p.relative_to(root).as_posix() for p in found) == ["a.txt", "sub/b.txt"]


def test_a_folder_and_a_glob_naming_the_same_files_give_each_once(tmp_path):
    root = _tree_with_links(tmp_path / "dir")
    found = _expand_within(20, [str(root), f"{root}/*.txt", f"{root}/self/a.txt"])
    assert sorted(p.relative_to(root).as_posix() for p in found) == ["a.txt", "sub/b.txt"]


def test_a_file_named_twice_in_one_run_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    out = list(read_inputs([str(tmp_path / "a.txt"), f"{tmp_path}/./a.txt", str(tmp_path)]))
    assert [o.source for o in out] == [str(tmp_path / "a.txt")]


@pytest.mark.parametrize(("pattern", "expected"), [
    ("*.txt", ["a.txt"]), ("**/*.txt", ["a.txt", "sub/b.txt", "sub/deep/c.txt"]), ("sub/*/c.txt", ["sub/deep/c.txt"]),
    ("sub/**", ["sub/b.txt", "sub/deep/c.txt"]), ("?.txt", ["a.txt"]), ("[ab].txt", ["a.txt"]), ("*", ["a.txt"]),
])
def test_glob_patterns_match_as_the_shell_does(tmp_path, pattern, expected):
    (tmp_path / "sub" / "deep").mkdir(parents=True)
    for name in ("a.txt", "sub/b.txt", "sub/deep/c.txt", ".hidden.txt"):
        (tmp_path / name).write_text(ARTICLE)
    found = list(expand_paths([f"{tmp_path}/{pattern}"]))
    assert sorted(p.relative_to(tmp_path).as_posix() for p in found) == expected


# --------------------------------------------------------------------------- 4. a WARC cut inside a record's headers


def _warc(path: Path) -> tuple[bytes, list[int]]:
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = b"<html><body><article><p>" + ARTICLE.encode() + b"</p></article></body></html>"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for n in range(3):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://news.example.com/{n}", "response",
                                                          payload=io.BytesIO(page), length=len(page),
                                                          http_headers=headers))
    assert warcio
    data = path.read_bytes()
    return data, [i for i in range(len(data)) if data.startswith(b"WARC/1.", i)]


@pytest.mark.parametrize("where", ["warc_headers", "http_headers", "body"])
def test_a_warc_cut_inside_a_record_ends_with_a_failure(tmp_path, where):
    data, starts = _warc(tmp_path / "whole.warc")
    third = starts[2]
    cut = {"warc_headers": third + 40, "http_headers": data.index(b"HTTP/1.1 200", third) + 20,
           "body": len(data) - 30}[where]
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:cut])
    out = list(read_inputs([str(path)]))
    assert _codes(out) == ["ok", "ok", "bad_warc"]
    assert [o.meta["url"] for o in out[:2]] == ["https://news.example.com/0", "https://news.example.com/1"]


# --------------------------------------------------------------------------- 5. a damaged store


def _damaged_store(path: Path) -> Path:
    from factories import DAQUQ, strike_report

    with DuckDBStore(path) as store:
        for i in range(200):
            text = f"Report {i}: " + ARTICLE + " More words follow here." * 150
            store.save_report(strike_report(text, f"Outlet {i}", day="2024-03-10", place=DAQUQ, killed=2))
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.truncate(size // 2)  # cut like an interrupted copy
    return path


def test_a_damaged_store_gives_one_line_naming_the_file_and_what_to_do(tmp_path):
    path = _damaged_store(tmp_path / "events.duckdb")
    with pytest.raises(StoreError) as err, DuckDBStore(path, read_only=True) as store:
        store.events()
    message = str(err.value)
    assert err.value.code == "store_damaged" and "\n" not in message
    assert str(path) in message and "restore it from a copy" in message and "--format jsonl" in message


# --------------------------------------------------------------------------- smaller ones


def test_utf16_text_with_a_byte_order_mark_is_decoded():
    for codec in ("utf-16", "utf-16-be", "utf-32"):
        data = ("\ufeff" if codec == "utf-16-be" else "") + ARTICLE
        assert decode_bytes(data.encode(codec)).lstrip("\ufeff") == ARTICLE
    doc = document_from_input(ARTICLE.encode("utf-16"))
    assert doc.text == ARTICLE and doc.encoding == "utf-16"


def test_bytes_that_are_not_utf8_record_the_encoding_guessed():
    doc = document_from_input("Caf\u00e9 owners said \u201ctwo shells\u201d hit the market on Friday.".encode("cp1252"))
    assert doc.text.startswith("Café owners said “two shells”") and doc.encoding == "cp1252"
    assert document_from_input(ARTICLE.encode()).encoding is None


def test_the_same_file_through_another_path_spelling_is_unchanged(tmp_path):
    from sitrep.engines.local import process

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    spellings = [str(folder / "a.txt"), f"{folder}/./a.txt", f"{folder}/../in/a.txt"]
    with DuckDBStore(tmp_path / "s.duckdb") as store:
        outcomes = []
        for spelling in spellings:
            [report] = list(process(read_inputs([spelling])))
            outcomes.append(store.save_report(report))
    assert outcomes == ["inserted", "unchanged", "unchanged"]


def test_raw_inputs_are_still_importable_from_sources():
    assert RawInput is __import__("sitrep.ingest._raw", fromlist=["RawInput"]).RawInput
