"""One ingest run mixes languages: each batch is annotated per language by that language's pipeline, in order."""

from __future__ import annotations

import pytest

from sitrep.engines._worker import annotate_by_language
from sitrep.engines.local import process
from sitrep.ingest.sources import RawInput
from sitrep.model import Document, Failure, Report


def test_documents_are_annotated_per_language_and_come_back_in_order():
    docs = [Document.create(f"text {i}", language=lang) for i, lang in enumerate(["en", "fr", "en", None, "fr"])]
    calls = []

    def fake_annotate_many(texts, *, language=None, batch_size=32):
        calls.append((language, list(texts)))
        return iter(f"{language}:{t}" for t in texts)

    out = list(annotate_by_language(docs, fake_annotate_many, 8))
    assert out == ["en:text 0", "fr:text 1", "en:text 2", "None:text 3", "fr:text 4"]
    assert calls == [("en", ["text 0", "text 2"]), ("fr", ["text 1", "text 4"]), (None, ["text 3"])]


@pytest.mark.slow
def test_one_run_reads_english_and_french_and_refuses_spanish():
    inputs = [
        RawInput(source="en.txt", data="Gunmen killed three soldiers near Kidal on Monday, the Malian army said in a "
                                       "statement. Two other soldiers were wounded in the attack, officials added."),
        RawInput(source="fr.txt", data="Trois soldats ont été tués lundi près de Kidal par des hommes armés, a "
                                       "indiqué l'armée malienne dans un communiqué. Deux autres ont été blessés."),
        RawInput(source="es.txt", data="Tres soldados murieron el lunes cerca de Kidal en un ataque de hombres "
                                       "armados, informó el ejército de Malí en un comunicado oficial."),
    ]
    results = list(process(inputs, batch_size=8, defaults={"published": "2024-03-12"}))
    assert [type(r) for r in results] == [Report, Report, Failure]
    en, fr, es = results
    assert en.document.language == "en" and fr.document.language == "fr"
    assert es.code == "language" and "detected: es" in es.message
    assert [e.killed.best for e in fr.events if e.killed] == [3]
    assert fr.events[0].date.value == "2024-03-11"
    assert fr.events[0].type == en.events[0].type
