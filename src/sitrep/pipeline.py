"""The stage list: one annotated document in, one ``Report`` out.

Resources (gazetteer, actor table, taxonomy) are built once per process by
``make_resources``; the stages themselves are pure functions.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from sitrep.errors import SitrepError, StageError
from sitrep.lang import DEFAULT as DEFAULT_LANGUAGE
from sitrep.lang import Lexicon, load_lexicon
from sitrep.model import Annotations, Document, Report, check_evidence

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Resources:
    gazetteer: Any
    actor_table: Any
    taxonomy: Any


@lru_cache(maxsize=1)
def make_resources() -> Resources:
    """Load the gazetteer, the actor table and the taxonomy once per process."""
    from sitrep.extract.events.taxonomy import make_taxonomy
    from sitrep.resolve.actor_table import make_actor_table
    from sitrep.resolve.gazetteer import make_gazetteer

    return Resources(gazetteer=make_gazetteer(), actor_table=make_actor_table(), taxonomy=make_taxonomy())


def report_from_annotations(doc: Document, ann: Annotations, resources: Resources | None = None) -> Report:
    """Run every extraction stage over one annotated document."""
    from sitrep.extract.actors import extract_actors
    from sitrep.extract.casualties import extract_casualties
    from sitrep.extract.citations import extract_citations
    from sitrep.extract.claims import extract_claims, find_scare_quotes
    from sitrep.extract.common.layout import page_layout
    from sitrep.extract.events import extract_aggregates, extract_events
    from sitrep.extract.places import extract_places
    from sitrep.extract.times import find_times
    from sitrep.ingest._raw import url_date

    res = resources or make_resources()
    lexicon = load_lexicon(doc.language or DEFAULT_LANGUAGE)
    if doc.published is None:
        # the report's own dated header, else the date its URL files it under (a day, or only a month)
        doc = replace(doc, published=dateline_date(doc.text, lexicon=lexicon) or url_date(doc.url))
    found_times = find_times(ann, published=doc.published, lexicon=lexicon)
    times = list(found_times.times)
    places = extract_places(ann, gazetteer=res.gazetteer, is_actor=actor_name_test(res.actor_table), lexicon=lexicon)
    actors = extract_actors(ann, table=res.actor_table, lexicon=lexicon)
    actors = actors_not_places(actors, places)
    places = places_not_in_parties(places, actors)
    casualties = extract_casualties(ann, lexicon=lexicon)
    citations = extract_citations(ann, lexicon=lexicon)
    claims = extract_claims(ann, citations=citations, times=times, actors=actors, lexicon=lexicon)
    events = extract_events(
        ann,
        document_id=doc.id,
        published=doc.published,
        times=times,
        time_findings=found_times,
        places=places,
        actors=actors,
        casualties=casualties,
        claims=claims,
        scare_quotes=find_scare_quotes(ann, lexicon=lexicon),
        outlet=doc.outlet,
        taxonomy=res.taxonomy if lexicon.code == DEFAULT_LANGUAGE else None,
        lexicon=lexicon,
        layout=page_layout(ann, labels=lexicon.words("events", "furniture_labels")),
    )
    aggregates = extract_aggregates(ann, casualties=casualties, times=times, places=places, claims=claims,
                                    outlet=doc.outlet, lexicon=lexicon)
    claims = [replace(c, event_ids=tuple(e.id for e in events if e.asserted_by.claim_id == c.id)) for c in claims]
    report = Report(document=doc, events=tuple(events), claims=tuple(claims), citations=tuple(citations),
                    places=tuple(places), times=tuple(times), actors=tuple(actors), aggregates=tuple(aggregates))
    problems = check_evidence(doc.text, report.all_evidence())
    if problems:
        raise StageError(f"document {doc.id}: {len(problems)} evidence spans do not match the text: {problems[0]}",
                         code="bad_evidence")
    return report


def checked_report(doc: Document, ann: Annotations, resources: Resources | None = None) -> Report:
    """``report_from_annotations``, with a crash inside a stage raised as a one-line ``StageError``.

    Every entry point goes through here, so odd text that trips a stage (a recursion too deep, an index out of
    range) costs that one document: a failure row in a batch, one line and exit 1 from ``sitrep extract``, a
    422 from the API; never a traceback.  The traceback is logged at debug level (``-vv``) for the bug report."""
    try:
        return report_from_annotations(doc, ann, resources)
    except SitrepError:
        raise
    except Exception as exc:  # the one place a stage's bug becomes a per-document failure
        stage = _failing_stage(exc)
        log.debug("the %s stage crashed on %s", stage, doc.source or doc.id, exc_info=True)
        detail = " ".join(str(exc).split())[:200]
        raise StageError(f"the {stage} stage failed on document {doc.id} ({type(exc).__name__}: {detail}): "
                         "the input is odd or sitrep has a bug; please report it with the input",
                         code="internal_error") from exc


def _failing_stage(exc: BaseException) -> str:
    """The stage that raised ``exc``: the function the pipeline called (``extract_places`` → ``places``)."""
    tb, called = exc.__traceback__, None
    while tb is not None:
        if tb.tb_frame.f_globals.get("__name__") == __name__ and tb.tb_next is not None:
            called = tb.tb_next.tb_frame
        tb = tb.tb_next
    if called is None:
        return "extraction"
    module = called.f_globals.get("__name__", "")
    if module.startswith("sitrep.extract."):
        return module.split(".")[2].lstrip("_")  # the stage package: sitrep.extract.places.recognise -> places
    return called.f_code.co_name.removeprefix("extract_")


def actor_name_test(table: Any) -> Callable[[str], bool]:
    """Whether a name is one of the actor table's ("the Taliban", "Hamas"): the places stage does not read such a
    name as a town that happens to list it among its other names."""
    return lambda text: table.match(text) is not None


def actors_not_places(actors: list[Any], places: list[Any]) -> list[Any]:
    """Drop unknown organisations that the places stage resolved as places ("a checkpoint in Mariupol",
    which the model tags as ORG), and any actor found inside a longer place name ("Azov" in "the Sea of
    Azov"); other actors from the actor table are kept."""
    placed = {(ev.start, ev.end) for p in places if p.geonames_id is not None or p.lat is not None for ev in p.evidence}

    def inside_place(a: Any) -> bool:
        s, e = a.evidence[0].start, a.evidence[0].end
        return any(ps <= s and e <= pe and (ps, pe) != (s, e) for ps, pe in placed)

    return [a for a in actors if not (a.evidence and (
        (a.kind == "unknown" and (a.evidence[0].start, a.evidence[0].end) in placed) or inside_place(a)))]


_ARMED_PARTIES = frozenset({"rebels", "militia", "state_forces", "foreign_forces", "coalition"})


def places_not_in_parties(places: list[Any], actors: list[Any]) -> list[Any]:
    """Drop a town or district found inside the name of an armed party ("Boko" and "Haram" in "Boko Haram", which
    the French model tags as a place): the name says who, not where. Countries and regions inside a name stay
    (the events stage already keeps them from placing an event)."""
    named = [(a.evidence[0].start, a.evidence[0].end) for a in actors
             if a.evidence and a.canonical and a.kind in _ARMED_PARTIES]

    def inside(p: Any) -> bool:
        s, e = p.evidence[0].start, p.evidence[0].end
        return any(ns <= s and e <= ne and (ns, ne) != (s, e) for ns, ne in named)

    return [p for p in places if not (p.evidence and p.feature in ("city", "admin2") and inside(p))]


def dateline_date(text: str, *, lexicon: Lexicon | None = None) -> str | None:
    """The date of the report's dateline or dated title (the anchor of its relative dates); see
    ``sitrep.extract.times.datelines`` for the rules (a year left out comes from the release id)."""
    from sitrep.extract.times import find_dateline

    dateline = find_dateline(text, lexicon=lexicon)
    return dateline.date.isoformat() if dateline is not None and dateline.date is not None else None


def extract_one(text_or_html: str | bytes, *, published: str | None = None, url: str | None = None,
                title: str | None = None, outlet: str | None = None, author: str | None = None,
                source: str = "") -> Report:
    """Ingest, annotate and extract one document (text or HTML)."""
    from sitrep.ingest.documents import document_from_input
    from sitrep.nlp.spacy_adapter import annotate

    doc = document_from_input(text_or_html, source=source, published=published, url=url, title=title,
                              outlet=outlet, author=author)
    return checked_report(doc, annotate(doc.text, language=doc.language))
