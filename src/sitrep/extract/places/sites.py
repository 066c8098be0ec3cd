"""Sites inside a town: streets, buildings, bases and other named places a gazetteer of towns and regions lacks.

"a car bomb on Haifa Street", "the Seoul Central District Court", "Baghdad International Airport": the name of a
site ends in a site word (Street, Court, Airport).  Such a name is one mention, not a town plus some words
("Douglas" in "Marjory Stoneman Douglas High School" is a person), and its point is the town that opens the name
or follows its "of" ("Baghdad International Airport"), else, and always for a street, the town the article names
there.  Its precision is ``near``: the site is in or beside that point, not on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sitrep.extract.common.text import paragraph_index_at, sentence_index_at
from sitrep.extract.places.cues import followed_by_admin_word
from sitrep.extract.places.lookup import candidates_of, toponym
from sitrep.extract.places.names import embedded_runs, extend_mention, well_known
from sitrep.extract.places.records import PLACE_LABELS, GazetteerLike, Mention, Toponym
from sitrep.extract.places.words import PlaceWords
from sitrep.model import Annotations, GeoPrecision, Place

MAX_SITE = 8  # words in a site's name
# A site found without the model calling it a place is located by the town in its name only when that town is more
# than a hamlet: "the Supreme Court" is not in Supreme, Ohio.
_GUESSED_TOWN_POPULATION = 5000


def with_sites(ann: Annotations, toponyms: list[Toponym], gazetteer: GazetteerLike, w: PlaceWords) -> list[Toponym]:
    """Grow a mention inside a site's name to the whole site ("Seoul" -> "Seoul Central District Court", looked up
    as Seoul), and split a place entity the gazetteer does not know into the known names inside it."""
    out: list[Toponym] = []
    sites: list[tuple[int, int]] = []
    for t in toponyms:
        m = t.mention
        if any(s <= m.start and m.end <= e for s, e in sites):
            continue
        if w.site_word_first:
            site = _site_named_after(ann, m, gazetteer, w)
            if site is not None:
                out = [o for o in out if not (site.start <= o.mention.start and o.mention.end <= site.end)]
                out.append(site_toponym(ann, site, gazetteer, w))
                sites.append((site.start, site.end))
                continue
        extent = site_extent(ann, m.start, m.end, w)
        if extent is not None and not gazetteer.contains(ann.text[ann.tokens[extent[0]].start : ann.tokens[extent[1] - 1].end]):
            town = site_town(ann, *extent, gazetteer.contains, w)
            found = candidates_of(ann, Mention(start=town[0], end=town[1]), gazetteer, w) if town else ()
            guessed = m.weak or m.embedded  # the model did not call it a place: a hamlet is not enough
            if guessed and not any(c.feature != "city" or c.population >= _GUESSED_TOWN_POPULATION for c in found[:3]):
                town, found = None, ()
            # the evidence is the town's own words when it has them: the place resolved is that town
            start, end = town or extent
            site = Mention(start=start, end=end, near=True, label=m.label or "FAC", site=True, weak=guessed)
            out = [o for o in out if not (extent[0] <= o.mention.start and o.mention.end <= extent[1])]
            out.append(toponym(ann, site, gazetteer, w, found))
            sites.append(extent)
            continue
        if not t.candidates and m.end - m.start > 1 and m.label in PLACE_LABELS:
            # a name the text calls a village or a district is that place's own, however famous its last word
            # ("Tudun Cali village" is not Cali)
            tail = m.label != "FAC" and not followed_by_admin_word(ann, m.end, w)
            inner = [extend_mention(ann, Mention(start=s, end=e, label=m.label), w)
                     for s, e in inner_names(ann, m.start, m.end, gazetteer.contains, w, tail=tail,
                                             known=lambda name: well_known(gazetteer, name))]
            if inner:
                out += [toponym(ann, n, gazetteer, w) for n in inner]
                continue
        out.append(t)
    out.sort(key=lambda t: t.mention.start)
    return out


def _site_named_after(ann: Annotations, m: Mention, gazetteer: GazetteerLike, w: PlaceWords) -> Mention | None:
    """A site whose word comes first ("la place de la Liberté", "le marché de Sévaré", "l'aéroport de Gao"): the
    mention opens with the site word, or follows it and its "de".  Its point is the name after "de" when that is a
    town (Sévaré, Gao), else the town the article names there (``placed_by_context``); precision ``near``."""
    toks = ann.tokens
    start, end = m.start, m.end
    if toks[start].text.lower() not in w.site_words:
        k = start - 1
        while k >= 0 and toks[k].text.lower() in w.definite_articles:
            k -= 1
        if k < 1 or toks[k].text.lower() not in w.of_words or toks[k - 1].text.lower() not in w.site_words:
            return None
        start = k - 1
    if toks[start].text.lower() in w.thoroughfares:
        return None  # a street or road named after a town leads to it ("la route de Gao"): left to the words around
    # the name follows the site word's "de" ("le camp militaire de Birao"), or the site word itself ("place Tahrir")
    name = next((k + 1 for k in range(start + 1, end) if toks[k].text.lower() in w.of_words), start + 1)
    while name < end and (toks[name].text.lower() in w.of_words or toks[name].text.lower() in w.definite_articles):
        name += 1
    while end > name + 1 and _dates(toks[end - 1].text, w):
        end -= 1  # "l'aéroport de Gao lundi": the model ran the name into the date
    if name >= end:
        return None
    town = ann.text[toks[name].start : toks[end - 1].end]
    words = [t.text.lower() for t in toks[name:end]]
    found = gazetteer.lookup(town)[:3]
    # a name the model did not call a place locates the site only when it is more than a hamlet, as in English
    located = not all(x in w.describing_words for x in words) and bool(found) and (not m.weak or any(
        c.feature != "city" or c.population >= _GUESSED_TOWN_POPULATION for c in found))
    return Mention(start=name if located else start, end=end, near=True, label=m.label or "FAC", site=True,
                   weak=m.weak and not located)


def _dates(word: str, w: PlaceWords) -> bool:
    return word.lower().rstrip(".") in w.months or word.lower() in w.weekdays or word.isdigit()


def site_toponym(ann: Annotations, site: Mention, gazetteer: GazetteerLike, w: PlaceWords) -> Toponym:
    """A site's toponym: the town that locates it when its words are that town's, else no entry (placed later)."""
    toks = ann.tokens
    named = toks[site.start].text.lower() not in w.site_words
    return toponym(ann, site, gazetteer, w, candidates_of(ann, site, gazetteer, w) if named else ())


def site_extent(ann: Annotations, start: int, end: int, w: PlaceWords) -> tuple[int, int] | None:
    """The whole name of the site around tokens ``[start, end)``, when the capitalised words there end in a site
    word: "Seoul Central District Court" around "Seoul"; None when the name is not a site's."""
    toks = ann.tokens
    sentence_start, sentence_end = _sentence_bounds(ann, start)
    lo = start
    while lo > sentence_start and end - lo < MAX_SITE and toks[lo - 1].end + 1 >= toks[lo].start:
        if _name_word(ann, lo - 1, w):
            lo -= 1
        elif toks[lo - 1].text.lower() in w.site_joiners and lo - 2 >= sentence_start and _name_word(ann, lo - 2, w):
            lo -= 2  # "University of Alberta" around "Alberta"
        else:
            break
    hi = end
    while hi < sentence_end and hi - lo < MAX_SITE and toks[hi].start <= toks[hi - 1].end + 1 and (
            _name_word(ann, hi, w) or (toks[hi].text.lower() in w.site_joiners and hi + 1 < sentence_end
                                       and _name_word(ann, hi + 1, w))):
        hi += 1
    while lo < hi and toks[lo].text.lower() in w.site_joiners:
        lo += 1
    # the site word closes the name: "Florida Highway Patrol" is an agency, "Robinson College Cambridge" a town's
    if hi - lo < 2 or toks[hi - 1].text.lower() not in w.site_words or not toks[hi - 1].text[:1].isupper():
        return None
    return lo, hi


def site_town(ann: Annotations, start: int, end: int, contains: Callable[[str], bool],
              w: PlaceWords) -> tuple[int, int] | None:
    """The town that locates a site: the known name opening it or following its "of" ("Baghdad International
    Airport", "University of Alberta"); never a describing word ("Central"), nor a name with "'s" (a saint's or a
    founder's: "St. Peter's Basilica")."""
    toks = ann.tokens
    if toks[end - 1].text.lower().rstrip(".") in w.thoroughfares:
        return None  # a street named after a town is rarely in it: "Haifa Street" is in Baghdad
    for s, e in embedded_runs(ann, start, end, contains, w):
        words = [t.text.lower().rstrip(".") for t in toks[s:e]]
        if all(x in w.describing_words or x in w.site_words for x in words):
            continue
        if e < len(toks) and toks[e].text in w.possessive_endings:
            continue
        if s > start and toks[s - 1].text.lower() not in w.of_words and toks[s - 1].text.lower() not in (
                w.definite_articles):
            continue  # a known name in the middle of a site's name is someone's: "Marjory Stoneman Douglas High School"
        return s, e
    return None


def inner_names(ann: Annotations, start: int, end: int, contains: Callable[[str], bool], w: PlaceWords, *,
                tail: bool = True, known: Callable[[str], bool] | None = None) -> list[tuple[int, int]]:
    """Known names inside a span the gazetteer does not know as a whole: the one opening it or following an "of"
    ("Montgomery County" in "Montgomery County Democrats") and, with ``tail``, the one closing it ("Italy" in
    "Greece Italy"; not for a facility: "Combat Outpost Munoz" is named after a person); describing words alone
    ("Eastern", "Area") do not count. A one-word tail must be ``known`` (a country, a region, a large town): the
    last word of a name is usually its kind ("the West Coast Bank" is a bank, not Bank in India)."""
    toks = ann.tokens
    runs = embedded_runs(ann, start, end, contains, w)
    for i in range(max(start + 1, end - MAX_SITE), end if tail else start):
        name = ann.text[toks[i].start : toks[end - 1].end]
        if contains(name):
            if i < end - 1 or known is None or known(name):
                runs.append((i, end))  # the longest known tail
            break
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(runs)):
        words = toks[s:e]
        if all(t.text.lower().rstrip(".") in w.describing_words or t.text.lower() in w.site_words for t in words) or (
                not all(t.text[:1].isupper() or t.text.lower() in w.site_joiners for t in words)):
            continue
        if not any(s < o_e and o_s < e for o_s, o_e in out):
            out.append((s, e))
    return out


def placed_by_context(ann: Annotations, places: list[Place], mentions: list[Mention]) -> list[Place]:
    """A site whose name holds no town ("Royal Street", "Central Mental Hospital") is placed near the town the
    article names last before it (in its paragraph if it can), else the next one: precision ``near``.  With no
    town in the article it is left out."""
    towns = [(i, p) for i, p in enumerate(places) if p.lat is not None and p.feature in ("city", "admin2")
             and not mentions[i].site]
    out = []
    for i, (p, m) in enumerate(zip(places, mentions, strict=True)):
        if m.site and p.lat is None and (m.weak or not towns):
            continue  # nothing says where "the Independence Seaport Museum" is
        if m.site and p.lat is None:
            para = paragraph_index_at(ann, p.evidence[0].start)
            before = [t for j, t in towns if j < i]
            same = [t for t in before if paragraph_index_at(ann, t.evidence[0].start) == para]
            town = (same or before or [t for j, t in towns if j > i])[-1 if (same or before) else 0]
            p = replace(p, geonames_id=town.geonames_id, feature=town.feature, country=town.country,
                        admin1=town.admin1, admin2=town.admin2, lat=town.lat, lon=town.lon,
                        precision=GeoPrecision.NEAR, candidates=({"geonames_id": town.geonames_id, "name": town.name,
                                                                  "feature": town.feature, "via": "article context"},))
        out.append(p)
    return out


def _name_word(ann: Annotations, i: int, w: PlaceWords) -> bool:
    t = ann.tokens[i]
    return t.text[:1].isupper() and (t.pos in ("PROPN", "NOUN", "ADJ") or t.text.lower() in w.site_words)


def _sentence_bounds(ann: Annotations, i: int) -> tuple[int, int]:
    if not ann.sentences:
        return 0, len(ann.tokens)
    sentence = ann.sentences[sentence_index_at(ann, ann.tokens[i].start)]
    return sentence.token_start, sentence.token_end


__all__ = ["MAX_SITE", "inner_names", "placed_by_context", "site_extent", "site_town", "with_sites"]
