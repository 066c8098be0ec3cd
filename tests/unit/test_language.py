"""Language identification at ingest: which pipeline reads a text, and which languages are refused by name."""

from __future__ import annotations

import pytest

from sitrep.errors import IngestError
from sitrep.ingest._language import detect_language, reading_language
from sitrep.ingest.documents import document_from_text

FRENCH = ("Deux civils ont été tués et cinq blessés dimanche lorsqu'un drone a frappé un marché près de la ville, "
          "a déclaré la police. C'est la troisième attaque dans le district ce mois-ci selon les responsables.")
ENGLISH = ("Two civilians were killed and five wounded on Sunday when a drone struck a market near the town, "
           "police said. It was the third attack in the district this month, officials added.")


@pytest.mark.parametrize(("text", "code"), [
    (FRENCH, "fr"),
    (ENGLISH, "en"),
    ("Zwei Zivilisten wurden am Sonntag getötet, als eine Drohne einen Markt in der Nähe der Stadt traf.", "de"),
    ("Due civili sono stati uccisi domenica quando un drone ha colpito un mercato vicino alla città.", "it"),
    ("Dois civis foram mortos no domingo quando um drone atingiu um mercado perto da cidade, disse a polícia.", "pt"),
    ("Двое мирных жителей погибли в воскресенье, когда беспилотник ударил по рынку недалеко от города.", "ru"),
])
def test_the_dominant_language_is_named(text, code):
    assert detect_language(text) == code


def test_a_text_with_no_letters_is_undetermined():
    assert detect_language("12 345 — 67/89") == "und"


@pytest.mark.parametrize(("text", "code"), [
    ("Deux soldats tués à Kidal", "fr"),  # a headline: routed, never refused
    ("FAMa : trois morts à Ménaka", "fr"),
    ("Two soldiers killed in Kidal", "en"),
    ("Gunmen kill 12 in Beni", "en"),
])
def test_a_short_text_goes_to_the_likeliest_language_sitrep_reads(text, code):
    assert reading_language(text, ("en", "fr")) == code


@pytest.mark.parametrize(("text", "code"), [
    # plain English the identifier splits with Nigerian Pidgin (0.59 against 0.40) is read as English
    ("A roadside bomb struck an Iraqi army patrol about 80 km south of Kirkuk on Wednesday, killing five soldiers.",
     "en"),
    # Pidgin itself, and German, stay refused by name
    ("Ahmed dey go market for Kano yesterday, e no see im brother wey dem kidnap for road.", "pcm"),
    ("Der Bundestag hat am Donnerstag ein neues Gesetz zur Migration beschlossen, teilte die Regierung mit.", "de"),
])
def test_a_language_sitrep_reads_as_a_close_second_is_read(text, code):
    assert reading_language(text, ("en", "fr")) == code


def test_a_french_article_quoting_english_is_french():
    text = (FRENCH + " « We will not leave », a lancé en anglais un officier américain, avant d'ajouter que les "
            "patrouilles conjointes reprendraient dès la semaine prochaine dans toute la région.")
    assert detect_language(text) == "fr"


def test_an_english_article_quoting_french_is_english():
    text = (ENGLISH + ' "Nous ne partirons pas," a French officer told reporters, before the patrol moved on to the '
            "next village, where residents said they had heard gunfire through the night.")
    assert detect_language(text) == "en"


def test_the_document_records_its_language():
    assert document_from_text(FRENCH).language == "fr"
    assert document_from_text(ENGLISH).language == "en"


def test_a_language_sitrep_does_not_read_is_refused_by_name():
    with pytest.raises(IngestError) as info:
        document_from_text("Dos civiles murieron el domingo cuando un dron alcanzó un mercado cerca de la ciudad, "
                           "dijo la policía local a los periodistas.")
    assert info.value.code == "language" and "detected: es" in str(info.value)


def test_a_readable_language_declared_by_the_metadata_wins_over_detection():
    assert document_from_text(ENGLISH, language="fr").language == "fr"
    assert document_from_text(FRENCH, language="fr-FR").language == "fr"  # a feed's "fr-FR", a page's "en_US"
    assert document_from_text(FRENCH, language="en_US").language == "en"


def test_a_declaration_sitrep_cannot_use_leaves_the_text_to_speak_for_itself():
    assert document_from_text(FRENCH, language="de").language == "fr"
    assert document_from_text(ENGLISH, language="English").language == "en"


def test_the_cached_copy_of_the_model_identifies_as_the_package_does(tmp_path, monkeypatch):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from sitrep.ingest._language import _cached_identifier

    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path))
    cached = _cached_identifier()
    assert list(tmp_path.glob("langid-*.npz"))  # written on the first call
    again = _cached_identifier()  # read from the copy
    package = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    for text in (FRENCH, ENGLISH, "Zwei Zivilisten wurden getötet."):
        assert cached.rank(text)[:3] == again.rank(text)[:3] == package.rank(text)[:3]
