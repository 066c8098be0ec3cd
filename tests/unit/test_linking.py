"""Cross-document linking: same event with different wording and counts merges; different incidents don't.

The near-duplicate set is written for the project: wire, local and partisan versions of one drone
strike, and look-alike incidents that must stay apart (same town a week later, another city the same
day, a car bomb in the same town the same day).  The records are built by hand so that these tests
are about linking; ``test_pipeline_reports_link_end_to_end`` runs the same idea through the pipeline.
"""

from __future__ import annotations

import pytest

from factories import DAQUQ, MOSUL, strike_report
from sitrep.link.documents import cluster_documents, profiles
from sitrep.link.events import cluster_events, could_match, signature, verdict
from sitrep.link.merge import merge_reports
from sitrep.link.similarity import cosine, vectors
from sitrep.model import GeoPrecision


def ev(doc: str, outlet: str, sentence: str, **kw):
    r = strike_report(sentence, outlet, event_id=f"ev_{doc}", **kw)
    return r.events[0], r.document


WIRE = ev("wire", "Northern Wire", "Four civilians were killed and seven wounded on Sunday when a drone struck a "
          "market near Daquq, police said.", day="2024-03-10", place=DAQUQ, killed=4)
LOCAL = ev("local", "Kirkuk Now", "A drone hit the crowded Daquq market on Sunday, killing six people including two "
           "children.", day="2024-03-10", place=DAQUQ, killed=6, precision=GeoPrecision.EXACT)
PARTISAN = ev("partisan", "The Partisan Weekly", "An enemy drone targeted shoppers at a market near Daquq on "
              "Sunday, killing five civilians, the council said.", day="2024-03-10", place=DAQUQ, killed=5,
              initiator="Turkish armed forces")
NEXT_WEEK = ev("next_week", "Northern Wire", "A drone struck a checkpoint near Daquq on Monday, killing two "
               "policemen, officials said.", day="2024-03-18", place=DAQUQ, killed=2)
OTHER_CITY = ev("other_city", "Mosul Eye Daily", "A drone struck a car in Mosul on Sunday, killing three fighters.",
                day="2024-03-10", place=MOSUL, killed=3)
CAR_BOMB = ev("car_bomb", "Kirkuk Now", "A car bomb exploded near a market in Daquq on Sunday, killing four "
              "people, police said.", day="2024-03-10", place=DAQUQ, killed=4, subtype="remote_explosive")


def sig(pair):
    return signature(*pair)


def test_three_reports_of_one_strike_are_one_event():
    sigs = [sig(p) for p in (WIRE, LOCAL, PARTISAN)]
    assert all(could_match(a, b) for a in sigs for b in sigs if a is not b)
    clusters = cluster_events(sigs)
    assert [len(c.members) for c in clusters] == [3]


@pytest.mark.parametrize("other", [NEXT_WEEK, OTHER_CITY, CAR_BOMB], ids=["next_week", "other_city", "car_bomb"])
def test_look_alike_incidents_stay_apart(other):
    a, b = sig(WIRE), sig(other)
    assert verdict(a, b)[0] != "same"
    assert len(cluster_events([a, b])) == 2


def test_all_six_reports_make_four_events():
    clusters = cluster_events([sig(p) for p in (WIRE, NEXT_WEEK, LOCAL, OTHER_CITY, PARTISAN, CAR_BOMB)])
    assert sorted(sorted(m.event_id for m in c.members) for c in clusters) == [
        ["ev_car_bomb"], ["ev_local", "ev_partisan", "ev_wire"], ["ev_next_week"], ["ev_other_city"]]


def test_two_events_of_one_document_never_merge():
    a = sig(WIRE)
    b = signature(WIRE[0].__class__(**{**{f: getattr(LOCAL[0], f) for f in LOCAL[0].__dataclass_fields__},
                                       "document_ids": WIRE[0].document_ids}))
    assert not could_match(a, b)


def test_merged_event_keeps_sources_ranges_and_disagreements():
    events = [p[0] for p in (WIRE, LOCAL, PARTISAN)]
    docs = {p[1].id: p[1] for p in (WIRE, LOCAL, PARTISAN)}
    merged = merge_reports(events, docs)
    assert merged.sources == ("Northern Wire", "Kirkuk Now", "The Partisan Weekly")
    assert merged.corroboration == 3
    assert (merged.killed.low, merged.killed.best, merged.killed.high) == (4, 5, 6)
    assert merged.contested["killed"] == {"Northern Wire": 4, "Kirkuk Now": 6, "The Partisan Weekly": 5}
    assert "perpetrator" not in merged.contested  # only one outlet names one
    assert merged.place.precision.value == "exact"  # the most precise report wins
    assert set(merged.document_ids) == set(docs) and merged.members == ("ev_wire", "ev_local", "ev_partisan")
    assert merged.id == merge_reports(events, docs).id != events[0].id


def test_tfidf_similarity_prefers_shared_names():
    a, b, c = vectors(["Tara Reid entered rehab in Malibu", "Reid checked into a Malibu clinic",
                       "Lindsay Lohan entered rehab in Newport Beach"])
    assert cosine(a, b) > cosine(a, c)


@pytest.mark.slow
def test_pipeline_reports_link_end_to_end():
    from sitrep.pipeline import extract_one

    texts = [("Four civilians were killed on Sunday when a drone struck a market near Daquq, police said.",
              "Northern Wire"),
             ("Six people were killed on Sunday when a drone struck a market near Daquq, officials said.",
              "Kirkuk Now"),
             ("Two policemen were killed on Tuesday when a drone struck a checkpoint near Mosul, officials said.",
              "Mosul Eye Daily")]
    reports = [extract_one(t, published="2024-03-14", outlet=o) for t, o in texts]
    sigs = [signature(r.events[0], r.document) for r in reports]
    assert sorted(len(c.members) for c in cluster_events(sigs)) == [1, 2]
    assert cluster_documents(profiles(reports))[:2] == [0, 0]


def test_background_mentions_do_not_merge_with_news_of_the_same_strike():
    from dataclasses import replace as _replace

    from sitrep.model import Hedge

    news, background = WIRE[0], _replace(LOCAL[0], hedge=Hedge.HISTORICAL)
    assert not could_match(signature(news, WIRE[1]), signature(background, LOCAL[1]))
