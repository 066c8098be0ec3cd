"""A town and the county it lies in vouch for each other (extract/places/links.py)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from sitrep.extract.places.links import MAX_VOUCHING_CANDIDATES, admin_links


@dataclass(frozen=True)
class Entry:
    name: str
    feature: str
    country: str | None
    admin1: str | None
    admin2: str | None = None


def norm(name: str) -> str:
    return name.casefold()


HUNTSVILLE = [Entry("Huntsville", "city", "US", "Alabama", "Madison County"),
              Entry("Huntsville", "city", "US", "Texas", "Walker County"),
              Entry("Huntsville", "city", "CA", "Ontario")]
WALKER = [Entry("Walker County", "admin2", "US", "Alabama", "Walker County"),
          Entry("Walker County", "admin2", "US", "Georgia", "Walker County"),
          Entry("Walker County", "admin2", "US", "Texas", "Walker County")]


def test_a_named_county_vouches_for_the_town_inside_it_and_the_reverse() -> None:
    links = admin_links([("huntsville", HUNTSVILLE), ("walker county", WALKER)], norm)
    assert links == [{1}, {2}]  # Huntsville, Texas and Walker County, Texas


def test_a_name_never_vouches_for_itself() -> None:
    assert admin_links([("walker county", WALKER), ("walker county", WALKER)], norm) == [set(), set()]


@pytest.mark.parametrize("extra", [0, 1])
def test_a_name_with_many_namesakes_does_not_vouch_for_a_county(extra: int) -> None:
    towns = [Entry("Springfield", "city", "US", f"State {i}", f"County {i}")
             for i in range(MAX_VOUCHING_CANDIDATES + extra)]
    county = [Entry("County 0", "admin2", "US", "State 0", "County 0")]
    links = admin_links([("springfield", towns), ("county 0", county)], norm)
    assert links[1] == (set() if extra else {0})
    assert links[0] == {0}  # the county still vouches for its own town

