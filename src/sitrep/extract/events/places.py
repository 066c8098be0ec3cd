"""The place of an event: a place in its sentence (inside the trigger's phrase first), else the nearest
earlier place in its paragraph, else the place the document mentions most.  The rule that chose it
is returned with it."""

from __future__ import annotations

from collections import Counter

from sitrep.extract.common.text import is_dateline_span, paragraph_index_at, subtree
from sitrep.extract.events.drafts import EventContext, EventDraft
from sitrep.model import GEO_PRECISION_RANK, GeoPrecision, Place

PLACE_RANK = GEO_PRECISION_RANK


def choose_place(d: EventDraft, ctx: EventContext) -> tuple[Place | None, str]:
    ann = ctx.ann
    sent = ann.sentences[d.sentence]
    placed = [p for p in ctx.places if p.evidence]
    in_sentence = [p for p in placed if sent.start <= p.evidence[0].start < sent.end]
    # the dateline says where the report was filed; it places the event only when nothing else does
    in_sentence = [p for p in in_sentence if not is_dateline_span(ann, p.evidence[0].start, p.evidence[0].end)] \
        or in_sentence
    # a place named inside an organisation ("the Ohio Department of Health") says who, not where
    in_sentence = [p for p in in_sentence if not _inside_organisation(ann, p)] or in_sentence
    if in_sentence:
        phrase = set()
        for t in d.triggers:
            phrase.update(subtree(ann, t.head))
        inside = [p for p in in_sentence if any(ann.tokens[j].start <= p.evidence[0].start < ann.tokens[j].end
                                                 for j in phrase)]
        pool = inside or in_sentence
        return min(pool, key=lambda p: (p.geonames_id is None, PLACE_RANK[p.precision])), "sentence"
    para = paragraph_index_at(ann, sent.start)
    earlier = [p for p in placed if p.evidence[0].start < sent.start
               and paragraph_index_at(ann, p.evidence[0].start) == para and p.geonames_id is not None]
    if earlier:
        return earlier[-1], "paragraph"
    resolved = [p for p in placed if p.geonames_id is not None]
    # the article's own places before its dateline, and below country level when it has any
    resolved = [p for p in resolved if not is_dateline_span(ann, p.evidence[0].start, p.evidence[0].end)] or resolved
    resolved = [p for p in resolved if p.precision != GeoPrecision.COUNTRY] or resolved
    if resolved:
        # the place the article talks about most; the earliest mention breaks ties
        mentions = Counter(p.geonames_id for p in resolved)
        return max(resolved, key=lambda p: (mentions[p.geonames_id], -p.evidence[0].start)), "document"
    return None, "none"


def _inside_organisation(ann, p: Place) -> bool:
    start, end = p.evidence[0].start, p.evidence[0].end
    return any(e.label == "ORG" and e.start <= start and end <= e.end and (e.start, e.end) != (start, end)
               for e in ann.entities)


def places_compatible(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None or a.geonames_id is None or b.geonames_id is None:
        return True
    if a.geonames_id == b.geonames_id:
        return True
    coarse = (GeoPrecision.ADMIN1, GeoPrecision.COUNTRY)
    if a.precision in coarse or b.precision in coarse:
        return a.country == b.country and (a.precision == GeoPrecision.COUNTRY or b.precision == GeoPrecision.COUNTRY
                                           or a.admin1 == b.admin1)
    return False
