"""Hand-built records for tests that are about one stage, not about the model's output.

The field builders take the document text and the words that support a value, so every record they make
carries evidence that matches the text, as the store and the API require.
"""

from __future__ import annotations

from sitrep.model import (
    Actor,
    AssertedBy,
    AssertedKind,
    Claim,
    Count,
    Document,
    Event,
    Evidence,
    GeoPrecision,
    Hedge,
    Place,
    Precision,
    Report,
    Role,
    Snippet,
    Speaker,
    SpeakerKind,
    Time,
    TimeBasis,
)

DAQUQ = dict(name="Daquq", geonames_id=90220, feature="city", country="IQ", admin1="Kirkuk", lat=35.139, lon=44.449)
MOSUL = dict(name="Mosul", geonames_id=99072, feature="city", country="IQ", admin1="Nineveh", lat=36.335, lon=43.119)


def span(text: str, phrase: str) -> Evidence:
    """The evidence of the first place ``phrase`` stands in ``text``."""
    start = text.index(phrase)
    return Evidence.of(text, start, start + len(phrase))


def spans(text: str, phrase: str | None) -> tuple[Evidence, ...]:
    """``phrase`` as an evidence tuple, or no evidence when there is no phrase."""
    return (span(text, phrase),) if phrase else ()


def exact_count(n: int, *, text: str = "", phrase: str | None = None, who: str | None = None) -> Count:
    """A count the text gives exactly ("Two civilians were killed"), with ``phrase`` as its evidence."""
    return Count(best=n, low=n, high=n, who=who, evidence=spans(text, phrase))


def dated(value: str, *, text: str = "", phrase: str | None = None, precision: Precision = Precision.DAY,
          basis: TimeBasis = TimeBasis.RELATIVE) -> Time:
    """A time the times stage found: a day, or a coarser value that starts on its first day."""
    start = value if precision == Precision.DAY else f"{value}-01"
    return Time(value=value, precision=precision, start=start, end=value, basis=basis,
                evidence=spans(text, phrase), extractor="times@1")


def named_place(text: str, name: str, *, country: str | None, admin1: str | None, lat: float | None,
                lon: float | None, geonames_id: int | None = None) -> Place:
    """A place the places stage resolved near the town the text names."""
    return Place(name=name, geonames_id=geonames_id, country=country, admin1=admin1, lat=lat, lon=lon,
                 precision=GeoPrecision.NEAR, evidence=(span(text, name),), extractor="places@1")


def parties(text: str, *, initiator: str | None = None, target: str | None = None,
            initiator_kind: str = "state_forces", canonical: str | None = None) -> tuple[Actor, ...]:
    """The initiator (with its canonical name) and the civilian target of an event, each at its first mention."""
    actors = []
    if initiator:
        actors.append(Actor(name=initiator, canonical=canonical, kind=initiator_kind, role=Role.INITIATOR,
                            evidence=(span(text, initiator),)))
    if target:
        actors.append(Actor(name=target, kind="civilians", role=Role.TARGET, evidence=(span(text, target),)))
    return tuple(actors)


def said_claim(text: str, speaker: str, *, id: str, content_chars: int, cited: bool = True,
               medium: str | None = None, event_ids: tuple[str, ...] = ()) -> Claim:
    """An indirect claim that ``speaker`` said the text's opening words; ``cited`` gives the speaker's name
    and "said" their evidence too."""
    return Claim(id=id, speaker=Speaker(name=speaker, kind=SpeakerKind.ORGANIZATION,
                                        evidence=spans(text, speaker if cited else None)),
                 cue=Snippet(text="said", evidence=spans(text, "said" if cited else None)),
                 content=Snippet(text=text[:content_chars], evidence=(Evidence.of(text, 0, content_chars),)),
                 direct=False, medium=medium, event_ids=event_ids, extractor="claims@1")


def event_in(doc: Document, *, id: str, type: str = "explosions_remote_violence",
             subtype: str | None = "air_drone_strike", plover: str | None = "ASSAULT", date: Time | None = None,
             place: Place | None = None, actors: tuple[Actor, ...] = (), killed: Count | None = None,
             injured: Count | None = None, asserted_by: AssertedBy | None = None, hedge: Hedge | None = None,
             confidence: float = 0.8, evidence: Evidence | None = None) -> Event:
    """An event the events stage found in ``doc``, told by the outlet unless ``asserted_by`` says otherwise;
    its evidence is the whole text unless given."""
    return Event(
        id=id, type=type, subtype=subtype, plover=plover, date=date, place=place, actors=actors, killed=killed,
        injured=injured, asserted_by=asserted_by or AssertedBy(kind=AssertedKind.OUTLET), hedge=hedge,
        negated=False, confidence=confidence, evidence=(evidence or Evidence.of(doc.text, 0, len(doc.text)),),
        document_ids=(doc.id,), extractor="events@1")


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
