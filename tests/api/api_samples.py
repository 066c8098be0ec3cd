"""A small store of hand-built reports (no spaCy), shared by the API and web tests.

The texts are written for these tests: an English wire report, one with emoji and Arabic (offsets are code
points, JS counts UTF-16 units), and one whose text is an XSS attempt that must stay inert.
"""

from __future__ import annotations

from pathlib import Path

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
from sitrep.store.duckdb import DuckDBStore

TOKEN = "s3cret-token-for-tests"

DAQUQ = ("Two civilians were killed and five wounded on Sunday when a drone struck a market near Daquq, "
         "police said, speaking to the Rudaw news agency.")
# emoji (2 UTF-16 units each) and Arabic before the evidence, so code points and UTF-16 offsets differ
EMOJI = ("🚨🔥 عاجل: Shelling hit Donetsk on 5 November, killing three people and injuring 12, "
         "the city's mayor said. 🙏")
XSS = ('<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"> Protesters clashed with police '
       'in Bamako on 13 August 2022, and three protesters were injured, witnesses said.')


def span(text: str, phrase: str) -> Evidence:
    start = text.index(phrase)
    return Evidence.of(text, start, start + len(phrase))


def make_report(text: str, *, url: str, published: str, outlet: str, event_type: str, subtype: str, date: str,
                date_phrase: str, place: tuple[str, str, str, float, float], target: str | None,
                initiator: str | None = None, killed: tuple[int, str] | None = None,
                injured: tuple[int, str] | None = None, speaker: str | None = None, medium: str | None = None,
                confidence: float = 0.8) -> Report:
    """One document with one event whose every field has evidence, and the claim that asserts it."""
    doc = Document.create(text, url=url, title=f"{subtype} in {place[0]}", outlet=outlet, published=published,
                          source=url)
    claim = None
    if speaker:
        claim = Claim(id=f"cl_{doc.id[4:]}", speaker=Speaker(name=speaker, kind=SpeakerKind.ORGANIZATION,
                                                            evidence=(span(text, speaker),)),
                      cue=Snippet(text="said", evidence=(span(text, "said"),)),
                      content=Snippet(text=text[:40], evidence=(Evidence.of(text, 0, 40),)), direct=False,
                      medium=medium, event_ids=(f"ev_{doc.id[4:]}",), extractor="claims@1")
    name, country, admin1, lat, lon = place
    actors = []
    if initiator:
        actors.append(Actor(name=initiator, canonical=initiator, kind="state_forces", role=Role.INITIATOR,
                            evidence=(span(text, initiator),)))
    if target:
        actors.append(Actor(name=target, kind="civilians", role=Role.TARGET, evidence=(span(text, target),)))
    sentence_end = text.index(" said") + len(" said")
    event = Event(
        id=f"ev_{doc.id[4:]}", type=event_type, subtype=subtype, plover="ASSAULT",
        date=Time(value=date, precision=Precision.DAY, start=date, end=date, basis=TimeBasis.ABSOLUTE,
                  evidence=(span(text, date_phrase),), extractor="times@1"),
        place=Place(name=name, country=country, admin1=admin1, lat=lat, lon=lon, precision=GeoPrecision.NEAR,
                    evidence=(span(text, name),), extractor="places@1"),
        actors=tuple(actors),
        killed=Count(best=killed[0], low=killed[0], high=killed[0], evidence=(span(text, killed[1]),))
        if killed else None,
        injured=Count(best=injured[0], low=injured[0], high=injured[0], evidence=(span(text, injured[1]),))
        if injured else None,
        asserted_by=AssertedBy(kind=AssertedKind.SPEAKER, name=speaker, claim_id=claim.id) if claim
        else AssertedBy(kind=AssertedKind.OUTLET),
        hedge=Hedge.REPORTED if claim else None, negated=False, confidence=confidence,
        evidence=(Evidence.of(text, 0, sentence_end),), document_ids=(doc.id,), extractor="events@1")
    return Report(document=doc, events=(event,), claims=(claim,) if claim else (), places=(event.place,),
                  times=(event.date,), actors=tuple(actors))


def sample_reports() -> list[Report]:
    return [
        make_report(DAQUQ, url="https://wire.example/daquq", published="2024-03-12", outlet="Northern Wire",
                    event_type="explosions_remote_violence", subtype="air_drone_strike", date="2024-03-10",
                    date_phrase="on Sunday", place=("Daquq", "IQ", "Kirkuk", 35.14, 44.45), target="civilians",
                    killed=(2, "Two civilians were killed"), injured=(5, "five wounded"), speaker="police",
                    medium="Rudaw news agency", confidence=0.85),
        make_report(EMOJI, url="https://desk.example/donetsk", published="2023-11-06", outlet="Eastern Desk",
                    event_type="explosions_remote_violence", subtype="shelling_artillery_missile", date="2023-11-05",
                    date_phrase="on 5 November", place=("Donetsk", "UA", "Donetsk", 48.0, 37.8), target="people",
                    killed=(3, "killing three people"), injured=(12, "injuring 12"), speaker="the city's mayor",
                    confidence=0.75),
        make_report(XSS, url="https://sahel.example/bamako", published="2022-08-14", outlet="Sahel Report",
                    event_type="protests", subtype="protest_with_intervention", date="2022-08-13",
                    date_phrase="on 13 August 2022", place=("Bamako", "ML", "Bamako", 12.65, -8.0),
                    target="Protesters", initiator="police", injured=(3, "three protesters were injured"),
                    confidence=0.6),
    ]


def build_store(path: Path, reports: list[Report] | None = None) -> Path:
    with DuckDBStore(path) as store:
        store.save_reports(reports if reports is not None else sample_reports())
    return path
