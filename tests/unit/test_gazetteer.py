"""Tests of the offline gazetteer: name normalisation, look-ups, and the on-disk cache."""

from __future__ import annotations

import marshal
import pickle

import pytest

from sitrep.config import Settings
from sitrep.resolve import gazetteer as gz
from sitrep.resolve._gaz_store import PACKED_FORMAT
from sitrep.resolve.gazetteer import GeoNamesGazetteer, build_index, load_gazetteer, make_gazetteer, normalize_name

TINY_EXTRA = (
    "# a reviewed table small enough to build in milliseconds\n"
    "Amerli\tAmirli|Amerly\tcity\tIQ\tSalah ad Din\t34.72\t44.59\t\t26000\n"
    "Nineveh\tNinewa|Ninawa\tadmin1\tIQ\tNinawa\t36.34\t43.13\t92877\t\n"
    "Iraq\t\tcountry\tIQ\t\t33.0\t44.0\t99237\t38000000\n"
)


@pytest.fixture(scope="session")
def gazetteer() -> GeoNamesGazetteer:
    return make_gazetteer()


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Dāqūq", "daquq"),
        ("Tall ‘Afar", "tall afar"),
        ("Deir ez-Zor", "deir ez zor"),
        ("AL-ANBAR", "al anbar"),
        ("Sana'a", "sanaa"),
        ("  Jurf   al–Sakhar ", "jurf al sakhar"),
    ],
)
def test_normalize_name_folds_accents_apostrophes_and_hyphens(written: str, key: str) -> None:
    assert normalize_name(written) == key


def test_name_variants_drop_the_arabic_article_only_in_arabic_speaking_countries() -> None:
    assert "fallujah" in gz.name_variants("al fallujah", "IQ")
    assert gz.name_variants("el paso", "US") == []
    assert "anbar" in gz.name_variants("anbar governorate", "IQ", admin=True)


# --------------------------------------------------------------------------- the real index


@pytest.mark.slow
def test_lookup_mosul_returns_the_iraqi_city_first(gazetteer: GeoNamesGazetteer) -> None:
    best = gazetteer.lookup("Mosul")[0]
    assert (best.geonames_id, best.feature, best.country, best.admin1) == (99072, "city", "IQ", "Ninawa")
    assert best.lat == pytest.approx(36.34, abs=0.05)


@pytest.mark.slow
@pytest.mark.parametrize("written", ["Daquq", "Dāqūq", "daquq"])
def test_lookup_finds_the_small_town_of_daquq(gazetteer: GeoNamesGazetteer, written: str) -> None:
    ids = {e.geonames_id for e in gazetteer.lookup(written) if e.feature == "city"}
    assert 90220 in ids


@pytest.mark.slow
@pytest.mark.parametrize("written", ["Anbar", "al-Anbar", "Al Anbar", "Anbar province", "Anbar Governorate"])
def test_lookup_anbar_spellings_reach_the_iraqi_governorate(gazetteer: GeoNamesGazetteer, written: str) -> None:
    admin1 = [e for e in gazetteer.lookup(written) if e.feature == "admin1"]
    assert [(e.geonames_id, e.country) for e in admin1] == [(99592, "IQ")]


@pytest.mark.slow
@pytest.mark.parametrize(("written", "gid"), [
    ("Baluchistan", 1183606), ("Baluchistan province", 1183606),  # the AP's spelling of Balochistan
    ("North-West Frontier Province", 1168873), ("NWFP", 1168873),  # Khyber Pakhtunkhwa's name until 2010
])
def test_lookup_pakistans_provinces_by_their_other_names(gazetteer: GeoNamesGazetteer, written: str, gid: int) -> None:
    admin1 = [e for e in gazetteer.lookup(written) if e.feature == "admin1"]
    assert [(e.geonames_id, e.country) for e in admin1] == [(gid, "PK")]


@pytest.mark.slow
@pytest.mark.parametrize("written", ["Kobani", "Kobane", "Ayn al-Arab", "Ain al-Arab"])
def test_lookup_kobani_names_one_syrian_town(gazetteer: GeoNamesGazetteer, written: str) -> None:
    cities = [e for e in gazetteer.lookup(written) if e.country == "SY" and e.feature == "city"]
    assert [e.geonames_id for e in cities] == [172256]
    assert cities[0].name == "Kobani"  # the reviewed English name replaces GeoNames' "‘Ayn al ‘Arab"
    assert "‘Ayn al ‘Arab" in cities[0].alternates


@pytest.mark.slow
def test_lookup_aleppo_and_conflict_towns_missing_from_geonames(gazetteer: GeoNamesGazetteer) -> None:
    aleppo = gazetteer.lookup("Aleppo")
    assert {(e.geonames_id, e.feature) for e in aleppo} >= {(170063, "city"), (170062, "admin1")}
    amerli = gazetteer.lookup("Amirli")
    assert [(e.name, e.country, e.geonames_id) for e in amerli] == [("Amerli", "IQ", None)]
    assert gazetteer.lookup("Jurf al-Nasr")[0].name == "Jurf al-Sakhar"


@pytest.mark.slow
def test_lookup_alexandria_has_many_candidates_in_several_countries(gazetteer: GeoNamesGazetteer) -> None:
    found = gazetteer.lookup("Alexandria")
    assert len(found) >= 10
    assert {"EG", "US", "RO", "ZA"} <= {e.country for e in found}
    assert [e.population for e in found] == sorted((e.population for e in found), reverse=True)


@pytest.mark.slow
def test_country_by_code_and_by_name(gazetteer: GeoNamesGazetteer) -> None:
    iraq = gazetteer.country("iq")
    assert iraq is not None and (iraq.name, iraq.feature, iraq.geonames_id) == ("Iraq", "country", 99237)
    assert gazetteer.lookup("Iraq")[0] == iraq
    assert gazetteer.lookup("the United States")[0].country == "US"
    assert gazetteer.country("XX") is None


@pytest.mark.slow
@pytest.mark.parametrize(("country", "admin1", "gid"), [("IQ", "01", 99592), ("IQ", "Salah al-Din", 91695),
                                                        ("IQ", "Salahuddin", 91695), ("US", "Louisiana", 4331987)])
def test_admin1_entry_by_code_or_name(gazetteer: GeoNamesGazetteer, country: str, admin1: str, gid: int) -> None:
    entry = gazetteer.admin1_entry(country, admin1)
    assert entry is not None and (entry.geonames_id, entry.feature) == (gid, "admin1")


@pytest.mark.slow
def test_contains_is_true_only_for_known_names(gazetteer: GeoNamesGazetteer) -> None:
    assert gazetteer.contains("Tikrit")
    assert gazetteer.contains("al-Ramadi")
    assert not gazetteer.contains("Qwertzistan")


# --------------------------------------------------------------------------- cache


def _cache_file(settings: Settings):
    return gz.cache_path(settings, gz.data_text(gz.EXTRA_FILE), gz.data_text(gz.COUNTRIES_FILE))


@pytest.fixture
def tiny_build(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make load_gazetteer build from a tiny table (no packages) and count the builds."""
    builds: list[int] = []

    def fake_build(extra_text: str | None = None, **_: object) -> tuple:
        builds.append(1)
        return build_index(TINY_EXTRA, packages=False)

    monkeypatch.setattr(gz, "build_index", fake_build)
    return builds


def test_cache_round_trip_builds_once_then_loads(tmp_path, tiny_build: list[int]) -> None:
    settings = Settings(cache_dir=tmp_path / "cache")
    first = load_gazetteer(settings)
    second = load_gazetteer(settings)
    assert len(tiny_build) == 1
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [_cache_file(settings).name]
    assert first.lookup("Amirli") == second.lookup("Amirli")
    assert second.lookup("Ninewa")[0].geonames_id == 92877
    assert second.admin1_entry("IQ", "Nineveh").name == "Nineveh"
    assert second.country("IQ").name == "Iraq"


def test_cache_dir_comes_from_the_environment(tmp_path, monkeypatch: pytest.MonkeyPatch, tiny_build: list[int]) -> None:
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path / "env-cache"))
    load_gazetteer()
    assert len(list((tmp_path / "env-cache").glob("gazetteer-*.idx"))) == 1


@pytest.mark.parametrize("garbage", [b"", b"not an index at all", pickle.dumps({"format": 0}), marshal.dumps((0, "x"))])
def test_corrupt_cache_is_rebuilt(tmp_path, tiny_build: list[int], garbage: bytes) -> None:
    settings = Settings(cache_dir=tmp_path)
    path = _cache_file(settings)
    path.write_bytes(garbage)
    gazetteer = load_gazetteer(settings)
    assert len(tiny_build) == 1
    assert gazetteer.lookup("Amerli")[0].country == "IQ"
    assert marshal.loads(path.read_bytes())[0] == PACKED_FORMAT  # the rebuilt index replaced the garbage


def test_cache_key_changes_with_the_extra_table(tmp_path) -> None:
    settings = Settings(cache_dir=tmp_path)
    assert gz.cache_path(settings, "a\n") != gz.cache_path(settings, "b\n")


def test_extra_rows_with_a_wrong_column_count_are_skipped() -> None:
    tables = build_index("Broken\tonly two\n" + TINY_EXTRA, packages=False)
    gazetteer = GeoNamesGazetteer(tables)
    assert not gazetteer.contains("Broken")
    assert len(gazetteer) == 3


TINY_COUNTRIES = "# iso, lat, lon, demonym\nIQ\t33.0\t44.0\tIraqi\nUS\t39.83\t-98.58\tAmerican\n"


def test_country_points_replace_the_computed_centroid_and_index_demonyms() -> None:
    tables = build_index(TINY_EXTRA, packages=False, countries_text=TINY_COUNTRIES)
    gazetteer = GeoNamesGazetteer(tables)
    assert gazetteer.demonym_country("Iraqi") == "IQ"
    assert gazetteer.demonym_country("Americans") == "US"
    assert gazetteer.demonym_country("Iraq") is None


def test_a_reviewed_row_moves_an_existing_entry_to_its_point() -> None:
    base = "Kirkuk\t\tcity\tIQ\tKirkuk\t30.0\t40.0\t98182\t600000\n"
    moved = base + "Kirkuk\tKarkuk\tcity\tIQ\tKirkuk\t35.47\t44.39\t98182\t\n"
    entry = GeoNamesGazetteer(build_index(moved, packages=False)).lookup("Karkuk")[0]
    assert (entry.lat, entry.lon, entry.population) == (35.47, 44.39, 600000)


def test_a_withdrawn_row_takes_an_entry_out_of_name_lookups_only() -> None:
    rows = ("Gaza\t\tcity\tPS\tGaza Strip\t31.5\t34.47\t281133\t410000\n"
            "Gaza\t\tadmin2\tIL\tHaDarom\t\t\t7870269\t\n")
    before = GeoNamesGazetteer(build_index(rows, packages=False))
    assert {e.country for e in before.lookup("Gaza")} == {"PS", "IL"}
    after = GeoNamesGazetteer(build_index(rows + "Gaza\t\t-\tIL\t\t\t\t7870269\t\n", packages=False))
    assert [e.country for e in after.lookup("Gaza")] == ["PS"]
    assert after.by_geonames_id(7870269).country == "IL"


@pytest.mark.slow
def test_context_partners_are_read_from_the_countries_table(gazetteer: GeoNamesGazetteer) -> None:
    assert gazetteer.context_partners("IL") == ("PS",)
    assert gazetteer.context_partners("il") == ("PS",)
    assert gazetteer.context_partners("FR") == ()


def test_packed_lookups_find_every_key_and_nothing_else() -> None:
    gazetteer = GeoNamesGazetteer(build_index(TINY_EXTRA, packages=False))
    assert gazetteer.contains("Amirli") and gazetteer.contains("amirli")
    assert not gazetteer.contains("Amirl") and not gazetteer.contains("Amirlix") and not gazetteer.contains("")
    assert gazetteer.by_geonames_id(92877).name == "Nineveh"
    assert gazetteer.by_geonames_id(1) is None
    assert len(list(gazetteer.entries())) == len(gazetteer)


def test_the_real_index_loads_in_well_under_a_second(gazetteer: GeoNamesGazetteer) -> None:
    import time

    started = time.perf_counter()
    again = load_gazetteer()  # the cache exists: the session fixture built or loaded it
    assert time.perf_counter() - started < 0.6
    assert len(again) == len(gazetteer) > 200_000


def test_a_large_region_sits_at_the_middle_of_its_towns_not_at_their_populous_edge() -> None:
    from sitrep.resolve._gaz_build import centroids

    # a big province whose towns crowd its southern edge, and a small one
    towns = [{"countrycode": "XX", "admin1code": "01", "latitude": 43.0 + i * 0.01, "longitude": -80.0,
              "population": 100_000} for i in range(20)]
    towns.append({"countrycode": "XX", "admin1code": "01", "latitude": 55.0, "longitude": -85.0, "population": 600})
    towns += [{"countrycode": "XX", "admin1code": "02", "latitude": 10.0 + i * 0.1, "longitude": 10.0,
               "population": 5000 * (i + 1)} for i in range(3)]
    pos, pop = centroids(towns)
    assert pos[("XX", "01")] == (49.0, -82.5)  # bounding-box middle
    lat, lon = pos[("XX", "02")]
    assert 10.0 < lat < 10.2 and lon == 10.0  # weighted mean of close towns
    assert pop[("XX", "02")] == 30_000


@pytest.mark.slow
def test_us_towns_carry_their_county(gazetteer: GeoNamesGazetteer) -> None:
    counties = {e.admin1: e.admin2 for e in gazetteer.lookup("Huntsville") if e.country == "US"}
    assert counties["Texas"] == "Walker County" and counties["Alabama"] == "Madison County"


@pytest.mark.slow
@pytest.mark.parametrize("district, seat", [("Qada Samarra", "Samarra"), ("Gao Cercle", "Gao"),
                                            ("Zolotonosha Raion", "Zolotonosha"), ("Saint Croix County", None),
                                            # by another of its names ("Nawabganj District")
                                            ("Chapai Nawabganj", "Nawabganj")])
def test_second_level_divisions_get_a_point_from_their_seat_or_zip_codes(gazetteer, district, seat) -> None:
    entry = next(e for e in gazetteer.lookup(district) if e.feature == "admin2")
    assert entry.lat is not None
    if seat is not None:
        town = next(e for e in gazetteer.lookup(seat) if e.feature == "city" and e.country == entry.country)
        assert (entry.lat, entry.lon) == (town.lat, town.lon)


@pytest.mark.parametrize(("key", "other"), [("northwest", "north west"), ("south east asia", "southeast asia"),
                                            ("north", None), ("westminster", None)])
def test_a_compass_point_is_also_read_the_other_way(key: str, other: str | None) -> None:
    assert gz.compass_variant(key) == other


@pytest.mark.slow
@pytest.mark.parametrize("written", ["Northwest", "North-West", "North West"])
def test_lookup_reaches_a_region_whose_compass_point_geonames_writes_as_two_words(gazetteer: GeoNamesGazetteer,
                                                                                    written: str) -> None:
    assert "CM" in {e.country for e in gazetteer.lookup(written) if e.feature == "admin1"}
