"""``sitrep bench``: the corpus it builds and the stage profile it prints (figures are printed, never asserted)."""

from __future__ import annotations

import importlib

import pytest

from sitrep.engines._profile import OTHER, STAGES, StageClock
from sitrep.ingest._raw import RawInput

TEXTS = [
    "Two soldiers were killed on Monday when a roadside bomb struck their convoy near Kandahar, police said.",
    "Protesters gathered in the capital on Tuesday to demand higher wages, the union said in a statement.",
]


def _resolve(path: str, name: str):
    module, _, cls = path.partition(":")
    owner = importlib.import_module(module)
    return getattr(getattr(owner, cls) if cls else owner, name)


@pytest.mark.parametrize(("path", "name", "stage"), STAGES, ids=lambda v: v if isinstance(v, str) else "")
def test_every_profiled_function_exists_where_its_callers_find_it(path, name, stage):
    # a stage renamed or moved must be renamed here too, or the profile would silently miss it
    assert callable(_resolve(path, name))


def test_a_clock_counts_exclusive_time_and_puts_every_function_back(tmp_path):
    from sitrep.engines.bench import ingest_once

    originals = {(p, n): _resolve(p, n) for p, n, _ in STAGES}
    clock = StageClock()
    result = ingest_once([RawInput(source=f"t{i}", data=t) for i, t in enumerate(TEXTS)], tmp_path, clock=clock)
    assert all(_resolve(p, n) is fn for (p, n), fn in originals.items())
    stages = clock.shares()
    assert result["stored"] == {"inserted": 2}
    # every stage ran, once per document (actors and claims have two functions each; linking once per run)
    assert stages["annotate: spaCy"]["calls"] == 2 and stages["extract: places"]["calls"] == 2
    assert stages["extract: events"]["calls"] == 4 and stages["store: rows (JSON, hash)"]["calls"] == 2
    assert stages["linking: queries and rewrite"]["calls"] == 1
    assert all(s["seconds"] >= 0 for s in stages.values())
    timed = [s["seconds"] for name, s in stages.items() if name != OTHER]
    # exclusive times: nested calls are not counted twice (each figure is rounded to the millisecond, so the sum may
    # pass the wall time by half a millisecond per stage, never by a nested stage's time)
    assert sum(timed) <= clock.wall + 0.0005 * len(timed)
    assert sum(s["share"] for s in stages.values()) == pytest.approx(1.0, abs=0.01)
    assert clock.wall <= result["seconds"] + 0.006  # the run's seconds are rounded to hundredths


def test_a_clock_subtracts_nested_timed_calls():
    import sitrep.pipeline as pipeline

    def outer():
        return pipeline.check_evidence("abc", [])

    clock = StageClock((("sitrep.pipeline", "check_evidence", "inner"),))
    with clock:
        clock._wrap(outer, "outer")()  # outer calls the wrapped check_evidence: its time is inner's, not outer's
    assert clock.calls == {"inner": 1, "outer": 1}
    assert clock.seconds["outer"] >= 0 and clock.seconds["inner"] > 0


def test_a_repeated_corpus_gives_each_copy_its_own_url():
    from sitrep.engines.bench import _repeated

    base = [RawInput(source="a.txt", data=TEXTS[0]), RawInput(source="b.jsonl:1", data=TEXTS[1],
                                                               meta={"url": "https://x.example/1"})]
    out = _repeated(base, 5)
    assert [i.data for i in out] == [TEXTS[0], TEXTS[1], TEXTS[0], TEXTS[1], TEXTS[0]]
    assert [i.meta.get("url") for i in out] == [None, "https://x.example/1", "a.txt#copy-1",
                                                "https://x.example/1#copy-1", "a.txt#copy-2"]


def _annotations(text: str, deps: list[str], sentence_ends: list[int]):
    from sitrep.model import Annotations, Span, Token

    words, tokens, pos = text.split(), [], 0
    for i, (word, dep) in enumerate(zip(words, deps, strict=True)):
        start = text.index(word, pos)
        pos = start + len(word)
        tokens.append(Token(i=i, start=start, end=pos, text=word, lemma=word.lower(), pos="X", tag="XX", dep=dep,
                            head=i))
    sentences, first = [], 0
    for end in sentence_ends:
        sentences.append(Span(start=tokens[first].start, end=tokens[end - 1].end, token_start=first, token_end=end))
        first = end
    return Annotations(text=text, tokens=tuple(tokens), sentences=tuple(sentences), entities=())


def test_parsed_sentences_counts_only_sentences_whose_tokens_carry_a_label():
    from sitrep.engines.bench import parsed_sentences

    text = "Rebels shelled Kobane . The weather was mild . Police said so ."
    deps = ["nsubj", "ROOT", "dobj", "punct", "", "", "", "", "", "nsubj", "ROOT", "advmod", "punct"]
    assert parsed_sentences(_annotations(text, deps, [4, 9, 13])) == 2
    assert parsed_sentences(_annotations(text, [""] * 13, [4, 9, 13])) == 0


def test_every_sentence_of_the_english_pipeline_is_parsed():
    from sitrep.engines.bench import parsed_sentences
    from sitrep.nlp.spacy_adapter import annotate

    annotations = annotate("Two soldiers were killed on Monday. The weather was mild. Police said so.")
    assert len(annotations.sentences) == 3
    assert parsed_sentences(annotations) == 3
