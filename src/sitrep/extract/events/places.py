"""The place of an event: a place in its sentence (inside the trigger's phrase first), else the nearest
earlier place in its paragraph, else the place the document mentions most.  The rule that chose it
is returned with it."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from sitrep.extract.common.offsets import before_title, moved, offset_before
from sitrep.extract.common.text import (
    is_dateline_span,
    paragraph_index_at,
    sentence_index_at,
    subtree,
    token_index_at,
)
from sitrep.extract.events.background import dated_apart, shows_an_old_picture
from sitrep.extract.events.drafts import EventContext, EventDraft
from sitrep.extract.events.not_where import (
    attacker,
    describing_region,
    doer,
    elsewhere,
    inside_organisation,
    residence,
    speakers_place,
    told_at,
    whose,
    written_as_place,
)
from sitrep.extract.events.words import EventWords
from sitrep.model import GEO_PRECISION_RANK, Annotations, GeoPrecision, Place

PLACE_RANK = GEO_PRECISION_RANK
# The words of a distance and bearing between a place and the town it is measured from (", about 70 miles northeast
# of"): parts of speech with no content of their own, beside the bearings and units of the language's tables.
_OFFSET_POS = frozenset({"PUNCT", "NUM", "ADV", "ADP", "DET"})
_OFFSET_WORDS = 8


_REMOTE = "explosions_remote_violence"


def choose_place(d: EventDraft, ctx: EventContext) -> tuple[Place | None, str]:
    ann = ctx.ann
    sent = ann.sentences[d.sentence]
    # a country that is the doer of a passive ("drones launched by Russia") says who, not where, in any sentence
    placed = [p for p in ctx.places if p.evidence and not doer(ann, p)]
    # what a border adjoins and where someone went ("near the border with Congo", "fled into Congo") place no event of
    # the article, not even by its paragraph (so the filters below need not ask again)
    placed = [p for p in placed if not elsewhere(ann, p, frozenset(), ctx.words.elsewhere_after)]
    # nor does where something was told ("Macron announced in Abidjan that ...")
    placed = [p for p in placed if not told_at(ann, p, ctx.words)]
    # the dateline says where the report was filed: it places an event only when the article names no other place
    in_sentence = [p for p in placed if sent.start <= p.evidence[0].start < sent.end
                   and not is_dateline_span(ann, p.evidence[0].start, p.evidence[0].end)]
    # a place named inside an organisation ("the Ohio Department of Health") says who, not where
    in_sentence = [p for p in in_sentence if not inside_organisation(ann, p)] or in_sentence
    # a border or an origin is elsewhere ("près des frontières du Niger", "venus du Soudan"): with nothing else in
    # the sentence, the event takes its place from the paragraph or the article
    # where a strike came from is not where it struck ("jets attacked from an air base in Meiktila", "rockets fired from
    # Lebanon hit Kiryat Shmona"); a ground force leaving or driven from a town is there, so only remote violence
    away = ctx.words.elsewhere_heads | (ctx.words.remote_origin_heads if d.subtype.type == _REMOTE else frozenset())
    in_sentence = [p for p in in_sentence if not elsewhere(ann, p, away)]
    # where a named person lives ("Ana Diaz, 34, of Tucson") says who, not where
    in_sentence = [p for p in in_sentence if not residence(ann, p, ctx.words.residence_prepositions)]
    # where someone died on another day, in a clause about them ("the coffins of activists who died earlier this week
    # in El Alto"), is that happening's place
    in_sentence = [p for p in in_sentence if (k := token_index_at(ann, p.evidence[0].start)) is None
                   or not dated_apart(ann, k, d.main.head, ctx.words)]
    # a country naming whose helicopter or strikes ("a U.S. helicopter", "US drone strikes") says who, not where;
    # a continent or an ocean qualifying a noun ("Central Asia's two poorest nations") says what, not where
    in_sentence = [p for p in in_sentence if not whose(ann, p) and not describing_region(ann, p)]
    # where the one who tells it sits ("the health ministry in Ramallah said nine people were wounded") is not where
    # it happened (a statement's own place is where it was made: "a senator from California urged ...")
    heads = {t.head for t in d.triggers}
    if not d.subtype.verbal:
        in_sentence = [p for p in in_sentence if not speakers_place(ann, p, ctx.words, heads)
                       and not attacker(ann, p, heads, ctx.words)]
    unknown = [p for p in in_sentence if p.lat is None or p.lon is None]
    in_sentence = [p for p in in_sentence if p not in unknown]
    # a name the gazetteer lacks is the event's place only where the text writes it as one ("in Tolleri", "Bodli
    # village"), not "a volunteer for the White Helmets" or "the jawan Mangesh Ramteke"
    unknown = [p for p in unknown if p.geonames_id is not None or written_as_place(ann, p, ctx.words)]
    if unknown and not in_sentence:
        area = _own_area(unknown[0], placed) or _area(ann, placed, sent.start, towns=unknown[0].geonames_id is None)
        return unlocated(unknown[0], _with_point(area, placed)), "sentence"
    if in_sentence:
        phrase = set()
        for t in d.triggers:
            phrase.update(subtree(ann, t.head))
        inside = [p for p in in_sentence if any(ann.tokens[j].start <= p.evidence[0].start < ann.tokens[j].end
                                                 for j in phrase)]
        pool = inside or in_sentence
        # a town named only to say how far the place is from it ("Tinkélé, à 15 km de Niafunké") is not the event's
        pool = [p for p in pool if not any(q is not p and q.precision == GeoPrecision.NEAR and q.geonames_id is not None
                                           and q.geonames_id == p.geonames_id and q.evidence[0].start < p.evidence[0].start
                                           for q in pool)]
        # a town named to say how far another place of the sentence lies from it ("near Jalawla, about 70 miles
        # northeast of Baghdad", "in Khost province, 60 miles southeast of Kabul") locates that place
        pool = [p for p in pool if not _reference_point(ann, p, pool, ctx.words)] or pool
        best = min(pool, key=lambda p: (p.geonames_id is None, PLACE_RANK[p.precision]))
        # a district the gazetteer knows without a point, inside the region the sentence names ("in Kech district
        # of Balochistan province"), is the finer place: it takes the region's point
        finer = [q for q in (_with_point(u, [best]) for u in unknown if u.geonames_id is not None) if refines(q, best)]
        best = finer[0] if finer else best
        best = _told_next(ann, placed, d.sentence, best, ctx.words.elsewhere_heads) or best
        moved_to = _offset(ann, best, ctx.words)
        # a name the gazetteer lacks, told as that far from the town ("la ville de Mann, à 600 km au nord-ouest de
        # la capitale Bangui"), is what lies there
        measured = [u for u in unknown if u.geonames_id is None and moved_to is not best
                    and _reference_point(ann, best, [u], ctx.words)]
        if measured:
            return unlocated(measured[0], moved_to), "sentence"
        return moved_to, "sentence"
    para = paragraph_index_at(ann, sent.start)
    # the dateline's place is where the report was filed: not the running place of its paragraph
    earlier = [p for p in placed if p.evidence[0].start < sent.start
               and paragraph_index_at(ann, p.evidence[0].start) == para and p.geonames_id is not None
               and not is_dateline_span(ann, p.evidence[0].start, p.evidence[0].end)]
    if earlier:
        return _finest_of_phrase(ann, earlier), "paragraph"
    # a caption of an old picture ("File image of ... in centre Lviv") shows another day's place
    resolved = [p for p in placed if p.geonames_id is not None
                and not shows_an_old_picture(ann, sentence_index_at(ann, p.evidence[0].start), ctx.words)]
    # the article's own places before its dateline, and below country level when it has any
    resolved = [p for p in resolved if not is_dateline_span(ann, p.evidence[0].start, p.evidence[0].end)] or resolved
    resolved = [p for p in resolved if p.precision != GeoPrecision.COUNTRY] or resolved
    if resolved:
        # the place the article talks about most; the earliest mention breaks ties
        mentions = Counter(p.geonames_id for p in resolved)
        return max(resolved, key=lambda p: (mentions[p.geonames_id], -p.evidence[0].start)), "document"
    return None, "none"


_AREAS = (GeoPrecision.ADMIN2, GeoPrecision.ADMIN1, GeoPrecision.COUNTRY)
_COARSE = (GeoPrecision.ADMIN1, GeoPrecision.COUNTRY)
UNLOCATED = "unlocated"  # a place feature: a name the gazetteer does not know, placed at the area around it


def refines(b: Place, a: Place) -> bool:
    """b lies inside the region or country a and is known only as precisely as a: a district the gazetteer holds
    without a point ("Kech district" in Balochistan province), or a village it lacks that the text writes as a place
    and that is placed at a ("Sakkada", in the Maradun area). Its name tells more than a's. (A name the gazetteer
    lacks and the text does not write as a place may be no place at all: "a Marfin Bank branch".)"""
    if b.feature == UNLOCATED and a.feature != UNLOCATED:
        # only inside a district or state: what a whole country is said to hold by a name the gazetteer lacks is as
        # likely a bank or a shop as a village
        return (b.precision == a.precision and b.country == a.country and (b.lat, b.lon) == (a.lat, a.lon)
                and a.precision in (GeoPrecision.ADMIN2, GeoPrecision.ADMIN1))
    return (a.precision in _COARSE and b.precision == a.precision and b.feature != a.feature
            and b.geonames_id is not None and b.geonames_id != a.geonames_id and b.country == a.country
            and (a.precision == GeoPrecision.COUNTRY or (a.admin1 is not None and b.admin1 == a.admin1)))


def _finest_of_phrase(ann, earlier: list[Place]) -> Place:
    """The paragraph's latest place, or the finest place of the chain it ends ("In Musa Qal'ah district, Helmand
    province, forces spotted ..." places what follows in the district, not the province); a dateline's place is
    never taken this way."""
    chain = [earlier[-1]]
    for p in reversed(earlier[:-1]):
        outer = chain[-1]
        between = ann.text[p.evidence[0].end:outer.evidence[0].start]
        if between.strip() not in ("", ",") or is_dateline_span(ann, p.evidence[0].start, p.evidence[0].end) \
                or p.evidence[0].text.isupper():
            break  # an upper-case name is a dateline's ("SOUTH CHARLESTON, W.Va. --"), even one the model split
        if outer.precision not in _AREAS or PLACE_RANK[p.precision] >= PLACE_RANK[outer.precision] or (
                p.country != outer.country or (outer.precision != GeoPrecision.COUNTRY and p.admin1 != outer.admin1)):
            break
        chain.append(p)
    return chain[-1]


def _told_next(ann, placed: list[Place], si: int, best: Place, away: frozenset[str]) -> Place | None:
    """A finer place inside the sentence's country or region that the next sentence of the paragraph names first
    ("Deux soldats ont été tués dans le nord du Mali. Le village de Soumpi, à 20 km de Niafunké, a subi ...")."""
    if best.precision not in _COARSE or si + 1 >= len(ann.sentences):
        return None
    nxt = ann.sentences[si + 1]
    if paragraph_index_at(ann, nxt.start) != paragraph_index_at(ann, ann.sentences[si].start):
        return None
    inside = [p for p in placed if nxt.start <= p.evidence[0].start < nxt.end and p.lat is not None
              and p.precision not in _COARSE and p.country == best.country
              and (best.precision == GeoPrecision.COUNTRY or p.admin1 == best.admin1)
              and not elsewhere(ann, p, away)]
    return inside[0] if inside else None


def _area(ann, placed: list[Place], before: int, *, towns: bool = False) -> Place | None:
    """The most precise known area the text puts around a place it names at ``before``: with ``towns`` (a name
    the gazetteer lacks altogether), a town named before it in its paragraph; else an admin area or country named
    in that sentence or earlier in its paragraph, else the one the article names most. A district the gazetteer
    knows without a point ("Hawija") is not put beside a town."""
    para = paragraph_index_at(ann, before)
    sent = ann.sentences[sentence_index_at(ann, before)]
    # an area the gazetteer knows without a point ("the province of Soum") still says which country and province
    # a name in its sentence lies in: better than the country the article names most
    known = [p for p in placed if p.precision in _AREAS and p.geonames_id is not None
             and not is_dateline_span(ann, p.evidence[0].start, p.evidence[0].end)]
    areas = [p for p in known if p.lat is not None]
    near = [p for p in known if sent.start <= p.evidence[0].start < sent.end] or [
        p for p in areas if p.evidence[0].start < before and paragraph_index_at(ann, p.evidence[0].start) == para]
    # a town named with it, before it, in its sentence or paragraph ("a car bomb in Baghdad ... the eastern Shaab
    # district") is where it lies, when no area named there puts the town elsewhere
    beside = [p for p in placed if towns and p.feature == "city" and p.lat is not None and p.evidence[0].start < before
             and paragraph_index_at(ann, p.evidence[0].start) == para
             and not is_dateline_span(ann, p.evidence[0].start, p.evidence[0].end)
             and all(a.country == p.country and (a.precision == GeoPrecision.COUNTRY or a.admin1 == p.admin1)
                     for a in near)]
    if beside:
        return replace(beside[-1], precision=GeoPrecision.NEAR)
    if near:
        return min(near, key=lambda p: PLACE_RANK[p.precision])
    if areas:
        mentions = Counter(p.geonames_id for p in areas)
        return max(areas, key=lambda p: (mentions[p.geonames_id], -PLACE_RANK[p.precision], -p.evidence[0].start))
    return None


def _with_point(area: Place | None, placed: list[Place]) -> Place | None:
    """An area without a point ("Soum" province) with the point and precision of the region or country around it
    that the article names, its own names kept."""
    if area is None or area.lat is not None:
        return area
    holder = _own_area(area, placed) or next((p for p in placed if p.precision == GeoPrecision.COUNTRY
                                              and p.country == area.country and p.lat is not None), None)
    return area if holder is None else replace(area, lat=holder.lat, lon=holder.lon, precision=holder.precision)


def _own_area(place: Place, placed: list[Place]) -> Place | None:
    """The region the article names that the gazetteer puts a pointless district in ("Yauri", a district of Kebbi
    state, in an article that names Kebbi state)."""
    if place.admin1 is None:
        return None
    own = [p for p in placed if p.precision == GeoPrecision.ADMIN1 and p.lat is not None and p.country == place.country
           and p.admin1 == place.admin1]
    return own[0] if own else None


def unlocated(place: Place, area: Place | None) -> Place:
    """A place the gazetteer does not know ("PanKalay village") keeps its name and evidence and takes the position
    and precision of the known area around it ("Helmand province"), ``feature`` "unlocated"; with no such area it
    stays without a position."""
    if area is None:
        return place
    return replace(place, feature=UNLOCATED, country=area.country, admin1=area.admin1 or area.name,
                   admin2=area.admin2, lat=area.lat, lon=area.lon, precision=area.precision)


def in_area(ann: Annotations, p: Place, placed: list[Place]) -> Place:
    """``p``; a name the gazetteer lacks ("four in Gyadadde") placed, as an event's place would be, at the area the
    text puts around it among ``placed`` (the article's other places)."""
    if p.geonames_id is not None or p.lat is not None or not p.evidence:
        return p
    area = _own_area(p, placed) or _area(ann, placed, p.evidence[0].start, towns=True)
    return unlocated(p, _with_point(area, placed))


def _reference_point(ann: Annotations, p: Place, pool: list[Place], w: EventWords) -> bool:
    """``p`` comes after a distance and a bearing that follow another place of ``pool`` with nothing else between."""
    start = token_index_at(ann, p.evidence[0].start)
    if start is not None:
        start = before_title(ann, start, w.settlement_titles)  # "... of the capital Bangui"
    if start is None or offset_before(ann, start, links=w.near_links, bearings=w.bearings,
                                      units=w.distance_units) is None:
        return False
    for q in pool:
        end = token_index_at(ann, q.evidence[0].end - 1) if q is not p and q.evidence[0].end <= p.evidence[0].start \
            else None
        between = ann.tokens[end + 1 : start] if end is not None else []
        if 0 < len(between) <= _OFFSET_WORDS and all(
                t.pos in _OFFSET_POS or t.text.lower() in w.bearings or t.text.lower() in w.distance_units
                for t in between):
            return True
    return False


def _offset(ann: Annotations, p: Place, w: EventWords) -> Place:
    """The place moved by the distance and direction written before its name ("80 km south of Kirkuk")."""
    if p.precision != GeoPrecision.NEAR or p.lat is None or p.lon is None or not p.evidence:
        return p
    start = token_index_at(ann, p.evidence[0].start)
    found = offset_before(ann, before_title(ann, start, w.settlement_titles), links=w.near_links,
                          bearings=w.bearings, units=w.distance_units) if start is not None else None
    if found is None:
        return p
    lat, lon = moved(p.lat, p.lon, *found)
    return replace(p, lat=lat, lon=lon)


def places_compatible(a: Place | None, b: Place | None) -> bool:
    if a is not None and b is not None and a.feature == b.feature == UNLOCATED:
        return a.name.casefold() == b.name.casefold()  # two villages the gazetteer lacks, named apart, are two places
    if a is None or b is None or a.geonames_id is None or b.geonames_id is None:
        return True
    if a.geonames_id == b.geonames_id:
        return True
    coarse = (GeoPrecision.ADMIN1, GeoPrecision.COUNTRY)
    if a.precision in coarse or b.precision in coarse:
        return a.country == b.country and (a.precision == GeoPrecision.COUNTRY or b.precision == GeoPrecision.COUNTRY
                                           or a.admin1 == b.admin1)
    return False
