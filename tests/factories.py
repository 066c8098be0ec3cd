"""Hand-built records for tests that are about one stage, not about the model's output."""

from __future__ import annotations

from sitrep.model import (
    Actor,
    AssertedBy,
    AssertedKind,
    Count,
    Document,
    Event,
    Evidence,
    GeoPrecision,
    Place,
    Precision,
    Report,
    Role,
    Time,
    TimeBasis,
)

DAQUQ = dict(name="Daquq", geonames_id=90220, feature="city", country="IQ", admin1="Kirkuk", lat=35.139, lon=44.449)
MOSUL = dict(name="Mosul", geonames_id=99072, feature="city", country="IQ", admin1="Nineveh", lat=36.335, lon=43.119)


def strike_report(text: str, outlet: str, *, day: str, place: dict, killed: int, event_id: str | None = None,
                  subtype: str = "air_drone_strike", initiator: str | None = None,
                  precision: GeoPrecision = GeoPrecision.NEAR) -> Report:
    """A one-event report of a strike on ``day`` at ``place``; the whole text is the event's evidence."""
    doc = Document.create(text, outlet=outlet, url=f"https://example.org/{outlet.replace(' ', '-')}/{day}",
                          published=day)
    actors = (Actor(name=initiator, canonical=initiator, kind="state_forces", role=Role.INITIATOR),) if initiator else ()
    event = Event(
        id=event_id or f"ev_{doc.id[4:]}", type="explosions_remote_violence", subtype=subtype, plover="FIGHT",
        date=Time(value=day, precision=Precision.DAY, start=day, end=day, basis=TimeBasis.RELATIVE),
        place=Place(**place, precision=precision), actors=actors,
        killed=Count(best=killed, low=killed, high=killed), injured=None,
        asserted_by=AssertedBy(kind=AssertedKind.OUTLET, name=outlet), hedge=None, negated=False, confidence=0.8,
        evidence=(Evidence.of(text, 0, len(text)),), document_ids=(doc.id,))
    return Report(document=doc, events=(event,))
