"""Where an event lies when its sentence names a place the gazetteer lacks (extract/events/places.py).

The places here are built by hand, so the test states the events stage's rule whatever the recogniser finds.
"""

from __future__ import annotations

import pytest

from sitrep.extract.events.places import _area, _with_point, unlocated
from sitrep.model import Evidence, GeoPrecision, Place

pytestmark = pytest.mark.slow

TEXT = ("Gunmen killed eight gendarmes at a post in Nassoumbou commune of the province of Soum. "
        "The post lies about 40 kilometres from Mali's border.")


def _place(name: str, **fields) -> Place:
    start = TEXT.index(name)
    return Place(name=name, evidence=(Evidence(start=start, end=start + len(name), text=name),), **fields)


def test_a_name_the_gazetteer_lacks_lies_in_the_province_its_sentence_names_even_without_a_point(annotate):
    ann = annotate(TEXT)
    village = _place("Nassoumbou")
    province = _place("Soum", geonames_id=1, feature="admin2", country="BF", admin1="Sahel", admin2="Soum",
                      precision=GeoPrecision.ADMIN2)  # the gazetteer knows the province, not its point
    mali = _place("Mali", geonames_id=2, feature="country", country="ML", lat=17.0, lon=-4.0,
                  precision=GeoPrecision.COUNTRY)
    placed = [village, province, mali]
    area = _area(ann, placed, ann.sentences[0].start, towns=True)
    assert area is province
    # with no point of its own, and no region or country of it named, it keeps its names and stays off the map
    there = unlocated(village, _with_point(area, placed))
    assert (there.country, there.admin1, there.admin2, there.lat) == ("BF", "Sahel", "Soum", None)
    # with its country named, the place takes the country's point and precision
    burkina = Place(name="Burkina Faso", geonames_id=3, feature="country", country="BF", lat=13.0, lon=-2.0,
                    precision=GeoPrecision.COUNTRY, evidence=mali.evidence)
    there = unlocated(village, _with_point(area, [*placed, burkina]))
    assert (there.country, there.admin2, there.lat, there.precision) == ("BF", "Soum", 13.0, GeoPrecision.COUNTRY)
