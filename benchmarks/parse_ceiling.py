"""How much selective parsing could save (issue 18): the share of sentences that hold a cue, and spaCy's time by component.

    .venv/bin/python benchmarks/parse_ceiling.py [CORPUS.jsonl] [--docs 400] [--language en]

Parsing only the sentences that can hold an event or a claim saves, at most, the parser's time on the other
sentences, less what finding sentence boundaries without the parser costs. This script measures both sides on
the same texts (a JSON-lines file of ``{"text": ...}``; without one, ``sitrep bench``'s default corpus) and
prints one JSON object:

- ``cues``: the share of sentences (the parser's boundaries) holding each kind of cue, read from the
  language's own word lists as the stages read them (a token's lower-case text or lemma): an event trigger
  (``triggers.yaml``), a casualty word (``casualties.yaml``), a number (``like_num`` or ``numbers.yaml``), a
  speech word or a quotation mark (``claims.yaml``), a date (the times stage's own trigger pattern); then any
  cue, by sentences and by tokens, alone and with the sentence before and after (coreference reads them);
- ``components``: seconds of each component of sitrep's pipeline for the language over the same texts (each
  run on the output of the one before, best of two rounds, the second with spaCy's caches warm; the English
  ruler shows as ``sitrep_attribute_lookup`` and a smaller ``attribute_ruler``, ``nlp.ruler``);
- ``senter``: the seconds of spaCy's ``senter`` (off in the package) and how its sentence starts agree with
  the parser's;
- ``projection``: the parser's seconds on the sentences without a cue, less senter's, as a share of the whole
  pipeline: the most selective parsing could win (tokens stand in for parse time, which grows with them).

Figures are printed, never asserted: a timed test would be flaky on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any


def _words(value: Any) -> tuple[set[str], list[tuple[str, ...]]]:
    """The single words and the multi-word phrases of a YAML list, a word table or a nested mapping of them."""
    single: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, (dict, list)):
            s, p = _words(item)
            single |= s
            phrases += p
        elif isinstance(item, str) and item.strip():
            parts = tuple(item.lower().split())
            if len(parts) == 1:
                single.add(parts[0])
            else:
                phrases.append(parts)
    return single, phrases


def cue_words(lexicon: Any) -> dict[str, tuple[set[str], list[tuple[str, ...]]]]:
    """The words of each cue kind, from the language's files."""
    triggers = lexicon.section("triggers")
    trig, trig_phrases = _words([triggers["generic"], triggers["subtypes"]])
    trig |= set(lexicon.table("triggers", "irregular"))
    casualty_keys = ("kill_verbs", "killed_forms", "kill_nouns", "killed_noun_forms", "injure_verbs", "injured_forms",
                     "injure_nouns", "injured_noun_forms", "detain_verbs", "detain_nouns", "ambiguous_nouns")
    cas, cas_phrases = _words([lexicon.value("casualties", k) for k in casualty_keys])
    numbers = lexicon.section("numbers")
    num = set().union(*(set(map(str, numbers[k])) for k in ("units", "tens", "scales", "multipliers")))
    num |= lexicon.words("casualties", "quantity_words")
    speech_keys = ("speech_verbs", "quote_verbs", "phrasal_speech_verbs", "speech_nouns", "statement_nouns")
    speech, speech_phrases = _words([lexicon.value("claims", k) for k in speech_keys])
    speech.add(lexicon.phrases("claims", "according_to")[0].lower())  # "according" alone: "to" is everywhere
    return {"trigger": (trig, trig_phrases), "casualty": (cas, cas_phrases), "number": (num, []),
            "speech": (speech, speech_phrases)}


def sentence_cues(doc: Any, words: dict[str, tuple[set[str], list[tuple[str, ...]]]], quote_marks: str,
                  date_pattern: Any) -> list[dict[str, bool]]:
    """For each sentence of a parsed Doc, which kinds of cue it holds."""
    out = []
    for sent in doc.sents:
        seen = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
        flags = {}
        for kind, (single, phrases) in words.items():
            flags[kind] = bool(seen & single) or any(all(w in seen for w in p) for p in phrases)
        flags["number"] = flags["number"] or any(t.like_num for t in sent)
        flags["speech"] = flags["speech"] or any(m in sent.text for m in quote_marks)
        flags["date"] = bool(date_pattern.search(sent.text))
        out.append(flags)
    return out


def _time_components(nlp: Any, texts: list[str], names: list[str]) -> tuple[dict[str, float], list[Any]]:
    started = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    seconds = {"tokenizer": time.perf_counter() - started}
    for name in names:
        component = nlp.get_pipe(name)
        started = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=32)) if hasattr(component, "pipe") else [component(d) for d in docs]
        seconds[name] = time.perf_counter() - started
    return seconds, docs


def _best(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    return {k: round(min(a[k], b[k]), 2) for k in a}


def measure(texts: list[str], language: str = "en") -> dict[str, Any]:
    from sitrep.extract.times.words import times_words
    from sitrep.lang import load_lexicon
    from sitrep.nlp.spacy_adapter import load_pipeline

    lexicon = load_lexicon(language)
    nlp = load_pipeline(language)
    list(nlp.pipe(texts[:10]))
    names = list(nlp.pipe_names)
    first, _ = _time_components(nlp, texts, names)
    second, docs = _time_components(nlp, texts, names)
    components = _best(first, second)

    marks = lexicon.value("claims", "quote_marks")
    quote_marks = marks["double"]["open"] + marks["double"]["close"] + marks["single"]["open"][:1]
    words = cue_words(lexicon)
    date_pattern = times_words(lexicon).trigger
    counts: dict[str, int] = {}
    sentences = tokens = any_s = any_t = near_s = near_t = 0
    for doc in docs:
        flags = sentence_cues(doc, words, quote_marks, date_pattern)
        hit = [any(f.values()) for f in flags]
        for i, (sent, f) in enumerate(zip(doc.sents, flags, strict=True)):
            for kind, v in f.items():
                counts[kind] = counts.get(kind, 0) + v
            near = any(hit[max(0, i - 1): i + 2])
            sentences += 1
            tokens += len(sent)
            any_s += hit[i]
            any_t += len(sent) * hit[i]
            near_s += near
            near_t += len(sent) * near
    cues = {kind: round(n / sentences, 3) for kind, n in counts.items()}
    cues |= {"any_sentences": round(any_s / sentences, 3), "any_tokens": round(any_t / tokens, 3),
             "any_with_neighbours_sentences": round(near_s / sentences, 3),
             "any_with_neighbours_tokens": round(near_t / tokens, 3), "sentences": sentences, "tokens": tokens}

    senter: dict[str, Any] = {}
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
        try:
            without_parser = [n for n in names if n != "parser"]
            at = without_parser.index(names[names.index("parser") - 1]) + 1  # senter where the parser was
            order = [*without_parser[:at], "senter", *without_parser[at:]]
            a, sdocs = _time_components(nlp, texts, order)
            b, sdocs = _time_components(nlp, texts, order)
        finally:
            nlp.disable_pipe("senter")
        parser_starts = [{s.start for s in d.sents} for d in docs]
        senter_starts = [{s.start for s in d.sents} for d in sdocs]
        shared = sum(len(p & s) for p, s in zip(parser_starts, senter_starts, strict=True))
        n_parser, n_senter = sum(map(len, parser_starts)), sum(map(len, senter_starts))
        senter = {"seconds": _best(a, b)["senter"], "starts_parser": n_parser, "starts_senter": n_senter,
                  "shared": shared, "precision": round(shared / n_senter, 3), "recall": round(shared / n_parser, 3)}
    total = sum(components.values())
    parser = components.get("parser", 0.0)
    saved = parser * (1 - cues["any_tokens"]) - senter.get("seconds", 0.0)
    saved_near = parser * (1 - cues["any_with_neighbours_tokens"]) - senter.get("seconds", 0.0)
    return {"docs": len(texts), "language": language, "cues": cues, "components": components,
            "components_total_s": round(total, 2), "senter": senter,
            "projection": {"parser_share": round(parser / total, 3), "saved_share": round(saved / total, 3),
                           "saved_share_with_neighbours": round(saved_near / total, 3)}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", help="JSON lines with a 'text' field (default: sitrep bench's corpus)")
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--language", default="en")
    args = parser.parse_args()
    if args.corpus:
        lines = Path(args.corpus).read_text(encoding="utf-8").split("\n")  # not splitlines: texts hold U+2028
        texts = [json.loads(line)["text"] for line in lines if line.strip()][: args.docs]
    else:
        from sitrep.engines.bench import corpus_texts

        texts, _ = corpus_texts(args.docs)
    json.dump(measure(texts, args.language), sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
