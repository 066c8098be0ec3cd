"""A small store of hand-built reports (no spaCy), shared by the API and web tests.

The texts are written for these tests: an English wire report, one with emoji and Arabic (offsets are code
points, JS counts UTF-16 units), and one whose text is an XSS attempt that must stay inert.
"""

from __future__ import annotations

from pathlib import Path

from factories import dated, event_in, exact_count, named_place, parties, said_claim
from sitrep.model import AssertedBy, AssertedKind, Document, Evidence, Hedge, Report, TimeBasis
from sitrep.store.duckdb import DuckDBStore

TOKEN = "s3cret-token-for-tests"

DAQUQ = ("Two civilians were killed and five wounded on Sunday when a drone struck a market near Daquq, "
         "police said, speaking to the Rudaw news agency.")
# emoji (2 UTF-16 units each) and Arabic before the evidence, so code points and UTF-16 offsets differ
EMOJI = ("🚨🔥 عاجل: Shelling hit Donetsk on 5 November, killing three people and injuring 12, "
         "the city's mayor said. 🙏")
XSS = ('<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"> Protesters clashed with police '
       'in Bamako on 13 August 2022, and three protesters were injured, witnesses said.')


def make_report(text: str, *, url: str, published: str, outlet: str, event_type: str, subtype: str, date: str,
                date_phrase: str, place: tuple[str, str, str, float, float], target: str | None,
                initiator: str | None = None, killed: tuple[int, str] | None = None,
                injured: tuple[int, str] | None = None, speaker: str | None = None, medium: str | None = None,
                confidence: float = 0.8) -> Report:
    """One document with one event whose every field has evidence, and the claim that asserts it."""
    doc = Document.create(text, url=url, title=f"{subtype} in {place[0]}", outlet=outlet, published=published,
                          source=url)
    event_id = f"ev_{doc.id[4:]}"
    claim = said_claim(text, speaker, id=f"cl_{doc.id[4:]}", content_chars=40, medium=medium,
                       event_ids=(event_id,)) if speaker else None
    name, country, admin1, lat, lon = place
    actors = parties(text, initiator=initiator, target=target, canonical=initiator)
    sentence_end = text.index(" said") + len(" said")
    event = event_in(
        doc, id=event_id, type=event_type, subtype=subtype,
        date=dated(date, text=text, phrase=date_phrase, basis=TimeBasis.ABSOLUTE),
        place=named_place(text, name, country=country, admin1=admin1, lat=lat, lon=lon), actors=actors,
        killed=exact_count(killed[0], text=text, phrase=killed[1]) if killed else None,
        injured=exact_count(injured[0], text=text, phrase=injured[1]) if injured else None,
        asserted_by=AssertedBy(kind=AssertedKind.SPEAKER, name=speaker, claim_id=claim.id) if claim else None,
        hedge=Hedge.REPORTED if claim else None, confidence=confidence, evidence=Evidence.of(text, 0, sentence_end))
    return Report(document=doc, events=(event,), claims=(claim,) if claim else (), places=(event.place,),
                  times=(event.date,), actors=actors)


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
