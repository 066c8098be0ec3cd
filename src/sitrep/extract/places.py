"""The places stage: find toponyms in annotated text and resolve them to gazetteer entries using document context.

The gazetteer is passed in (anything shaped like ``GazetteerLike``); this module never loads one itself.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from sitrep.extract._place_context import country_context, region_context
from sitrep.extract._place_cues import is_upper_dateline
from sitrep.extract._place_links import admin_links
from sitrep.extract._place_recognise import (
    ADMIN_WORDS,
    PLACE_LABELS,
    EntryLike,
    GazetteerLike,
    Mention,
    extend_mention,
    mention_text,
    person_names,
    recognise,
    vouched_embedded,
)
from sitrep.extract._place_score import candidate_features, log_pop
from sitrep.extract._place_score import score as score_features
from sitrep.extract._place_sites import inner_names, site_extent, site_town
from sitrep.extract.common.text import paragraph_index_at
from sitrep.model import Annotations, GeoPrecision, Place, stable_id

log = logging.getLogger(__name__)

EXTRACTOR = "places@6"

# admin1 populations are sums over their towns, so their prior is lower than a city's to even that out
_FEATURE_PRIOR = {"country": 1.5, "region": 0.5, "landmark": 0.5, "admin1": 0.1, "city": 0.3, "admin2": -0.2}
_PRECISION = {"city": GeoPrecision.EXACT, "landmark": GeoPrecision.EXACT, "admin2": GeoPrecision.ADMIN2,
              "admin1": GeoPrecision.ADMIN1, "region": GeoPrecision.ADMIN1, "country": GeoPrecision.COUNTRY}
_PARTNER_SHARE = 0.8


def extract_places(ann: Annotations, *, gazetteer: GazetteerLike, dateline_country: str | None = None,
                   is_actor: Callable[[str], bool] | None = None) -> list[Place]:
    """One ``Place`` per toponym mention, in text order, resolved against ``gazetteer`` where possible.

    ``is_actor`` says whether a name is a known actor's ("Taliban", "Hamas", "UN"): such a name is a place only
    when the gazetteer has a country, state or landmark of that very name ("Russia", "the Kremlin"), never
    because a town somewhere lists it among its other names."""
    if not ann.tokens:
        return []
    mentions, demonym_countries = recognise(ann, gazetteer)
    looked_up = [(m, _lookup(ann, m, gazetteer)) for m in mentions]
    looked_up = vouched_embedded(ann, _with_sites(ann, looked_up, gazetteer), gazetteer)
    looked_up = _not_people(ann, _not_words(ann, looked_up), gazetteer, is_actor)
    context = _context(ann, looked_up, demonym_countries, gazetteer, dateline_country)
    regions = region_context(((gazetteer.normalize(mention_text(ann, m)), m.weak, cands) for m, cands in looked_up),
                             gazetteer.normalize)
    ranked = _rank(ann, looked_up, context, regions, gazetteer, None)
    # second pass: the states and provinces of the other places as first resolved (the article's home region)
    keys = [gazetteer.normalize(mention_text(ann, m)) for m, _ in looked_up]
    home = region_context(((k, m.weak, [sc[0][1]] if sc and sc[0][1].feature != "country" else [])
                           for k, (m, _), sc in zip(keys, looked_up, ranked, strict=True)), gazetteer.normalize)
    ranked = _rank(ann, looked_up, context, regions, gazetteer, home)
    places, kept = [], []
    for i, (m, _) in enumerate(looked_up):
        if m.weak and not _keep_weak(ranked[i], context[i]):
            continue
        if not ranked[i] and not m.site and not any(t.pos == "PROPN" for t in ann.tokens[m.start : m.end]):
            continue  # "Gunmen attacked ...": the model's place label on a common noun, and no place of that name
        places.append(_place(ann, m, ranked[i]))
        kept.append(m)
    return _sites_placed_by_context(ann, places, kept)


def _not_words(ann: Annotations, looked_up: list) -> list:
    """Drop an acronym that names no country, state or reviewed place ("NATO" is not the Philippine town of Nato;
    "US", "UK" and "N.B." stay), and a word the scan found that the article also writes in lower case ("Hope",
    "Park"): one sense per document."""
    lower = {t.text for t in ann.tokens if t.text.islower()}
    sentence_starts = {sent.token_start for sent in ann.sentences}
    out = []
    for m, candidates in looked_up:
        if not _capitalised(mention_text(ann, m)) or mention_text(ann, m).lower() in _NEVER_PLACES:
            continue  # "metro", "of", "n't": an English place name is written with a capital

        if m.end - m.start == 1 and not m.hint and not m.site:
            word = ann.tokens[m.start].text
            letters = word.replace(".", "")
            acronym = len(letters) <= 5 and sum(ch.isupper() for ch in letters) >= 2 and not is_upper_dateline(
                ann, m.start, m.end, sentence_starts)
            if acronym and not any(c.feature in ("country", "admin1", "region", "landmark") for c in candidates):
                continue
            if m.weak and word.istitle() and word.lower() in lower:  # not "US" for "us"
                continue
        out.append((m, candidates))
    return out


# Capitalised words that GeoNames lists as other names of towns ("Allah" for a town in Iran, "God" for Göd).
_NEVER_PLACES = frozenset({"god", "allah", "lord", "heaven", "jesus", "christ", "prophet", "christian", "muslim"})


def _capitalised(text: str) -> bool:
    """ "Mosul", "al-Anbar", "el-Arish", "9th District": capitalised after a lower-case Arabic or Romance article."""
    bare = _ARTICLE.sub("", text, count=1)
    return bare[:1].isupper() or bare[:1].isdigit()


_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|az|an|at|ez|ed|de|du|da|di|la|le)[-‐‑ ]")


def _not_people(ann: Annotations, looked_up: list, gazetteer: GazetteerLike,
                is_actor: Callable[[str], bool] | None = None) -> list:
    """Drop a name the article also gives a person ("John Bolton" ... "offering the job to Bolton"), one sense per
    document, or that names a known actor ("the Taliban"), unless it is a country, a state or a reviewed place by
    that very name ("Georgia", "the Kremlin") or the text calls it a place ("Hamas province" would be)."""
    people = person_names(ann)
    if not people and is_actor is None:
        return looked_up
    out = []
    for m, candidates in looked_up:
        text = mention_text(ann, m)
        # a site named after the person too: "Webb Middle School"
        if not m.hint and (text in people or (is_actor is not None and is_actor(text))):
            key = gazetteer.normalize(text)
            if not any(c.feature in _OWN_NAME_CLASSES and gazetteer.normalize(c.name) == key for c in candidates):
                continue
        out.append((m, candidates))
    return out


# Classes whose own name stays a place even when it also names a person or an actor: "Georgia", "the Kremlin".
_OWN_NAME_CLASSES = frozenset({"country", "admin1", "landmark", "region"})


def _with_sites(ann: Annotations, looked_up: list, gazetteer: GazetteerLike) -> list:
    """Grow a mention inside a site's name to the whole site ("Seoul" -> "Seoul Central District Court", looked up
    as Seoul), and split a place entity the gazetteer does not know into the known names inside it."""
    out: list = []
    sites: list[tuple[int, int]] = []
    for m, candidates in looked_up:
        if any(s <= m.start and m.end <= e for s, e in sites):
            continue
        extent = site_extent(ann, m.start, m.end)
        if extent is not None and not gazetteer.contains(ann.text[ann.tokens[extent[0]].start : ann.tokens[extent[1] - 1].end]):
            town = site_town(ann, *extent, gazetteer.contains)
            found = _lookup(ann, Mention(*town), gazetteer) if town else []
            guessed = m.weak or m.embedded  # the model did not call it a place: a hamlet is not enough
            if guessed and not any(c.feature != "city" or c.population >= 5000 for c in found[:3]):
                town, found = None, []  # "the Supreme Court" is not in Supreme, Ohio
            # the evidence is the town's own words when it has them: the place resolved is that town
            site = Mention(*(town or extent), near=True, label=m.label or "FAC", site=True, weak=guessed)
            out = [(o, c) for o, c in out if not (extent[0] <= o.start and o.end <= extent[1])]
            out.append((site, found))
            sites.append(extent)
            continue
        if not candidates and m.end - m.start > 1 and m.label in PLACE_LABELS:
            inner = [extend_mention(ann, Mention(s, e, label=m.label)) for s, e in inner_names(ann, m.start, m.end, gazetteer.contains,
                                                                                tail=m.label != "FAC")]
            if inner:
                out += [(n, _lookup(ann, n, gazetteer)) for n in inner]
                continue
        out.append((m, candidates))
    out.sort(key=lambda mc: mc[0].start)
    return out


def _sites_placed_by_context(ann: Annotations, places: list[Place], mentions: list[Mention]) -> list[Place]:
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


def _rank(ann: Annotations, looked_up: list, context: list, regions: list, gazetteer: GazetteerLike,
          home: list | None) -> list[list]:
    out = []
    links = admin_links([(gazetteer.normalize(mention_text(ann, m)), cands) for m, cands in looked_up], gazetteer.normalize)
    for i, (m, candidates) in enumerate(looked_up):
        qualifier = _qualifier(looked_up, i, ann)
        qualifying = _is_qualifier(looked_up, i, ann)
        top = max((log_pop(c) for c in candidates if c.population), default=0.0)
        key = gazetteer.normalize(mention_text(ann, m))
        country_named = any(c.feature == "country" and gazetteer.normalize(c.name) == key for c in candidates)
        scored = [(_score(ann, m, c, context[i], qualifier, gazetteer, qualifying=qualifying, regions=regions[i],
                          top_log_pop=top, home=home[i] if home else None, linked=k in links[i],
                          country_named=country_named), c)
                  for k, c in enumerate(candidates)]
        if not m.hint:
            scored = _prefer_city_over_its_namesake(scored)
        scored.sort(key=lambda sc: -sc[0])
        out.append(scored)
    return out


# --------------------------------------------------------------------------- resolution


def _lookup(ann: Annotations, m: Mention, gazetteer: GazetteerLike) -> list[EntryLike]:
    text = mention_text(ann, m)
    found = list(gazetteer.lookup(text))
    if m.hint and ann.tokens[m.end - 1].text.lower() in ADMIN_WORDS and m.end - m.start > 1:
        bare = ann.text[ann.tokens[m.start].start : ann.tokens[m.end - 2].end]
        seen = {id(e) for e in found}
        found += [e for e in gazetteer.lookup(bare) if id(e) not in seen]
    return found


def _context(ann: Annotations, looked_up: list, demonyms: Counter, gazetteer: GazetteerLike,
             dateline_country: str | None) -> list[dict[str, float]]:
    """For each mention, how strongly the rest of the document is about each country: named countries,
    unambiguous places, demonyms, dateline.  A name never vouches for itself, in any of its mentions: five
    "Georgia"s in an article about Athens and Oconee County do not make it about the Caucasus."""
    fixed: Counter = Counter()
    for country, n in demonyms.items():
        fixed[country] += 0.25 * n  # "the Turkish border" says less about where things happen than a place name
    if dateline_country:
        fixed[dateline_country.upper()] += 3
    votes = []
    for m, candidates in looked_up:
        key = gazetteer.normalize(mention_text(ann, m))
        votes.append((key, _country_vote(m, key, candidates, gazetteer)))
    weights = country_context(votes, fixed)
    partners = getattr(gazetteer, "context_partners", None)
    if partners is None:
        return weights
    out = []
    for w in weights:
        # an article about Israel names Gaza as its own scene: the partner gets most of the country's weight
        shared = {p: _PARTNER_SHARE * v for c, v in w.items() for p in partners(c)}
        out.append({**w, **{p: max(v, w.get(p, 0.0)) for p, v in shared.items()}} if shared else w)
    return out


def _country_vote(m: Mention, key: str, candidates: list, gazetteer: GazetteerLike) -> tuple[str, float] | None:
    if not candidates:
        return None
    share = 0.5 if m.weak else 1.0  # a name the model did not tag counts for less
    countries = {c.country for c in candidates if c.country}
    exact_country = [c for c in candidates if c.feature == "country" and gazetteer.normalize(c.name) == key]
    hinted = {c.country for c in candidates if m.hint and c.feature == m.hint}
    if exact_country:
        return exact_country[0].country, 2 * share
    if len(hinted) == 1:
        return hinted.pop(), share  # "the Donetsk region": only one country has a region of that name
    if len(countries) == 1:
        return countries.pop(), share
    ranked = sorted(candidates, key=lambda c: -_prior(c))
    if len(ranked) > 1 and _prior(ranked[0]) - _prior(ranked[1]) > 0.6 and ranked[0].country:
        return ranked[0].country, 0.5 * share
    return None


def _prior(c: EntryLike) -> float:
    return 0.12 * math.log10(c.population + 1) + _FEATURE_PRIOR.get(c.feature, 0.0)


def _is_qualifier(looked_up: list, i: int, ann: Annotations) -> bool:
    """Whether this place qualifies the one before it (the "Louisiana" of "Alexandria, Louisiana")."""
    return i > 0 and bool(_qualifier(looked_up, i - 1, ann))


def _qualifier(looked_up: list, i: int, ann: Annotations) -> list[EntryLike]:
    """Candidates of a place written right after this one with a comma: "Alexandria, Louisiana"."""
    m = looked_up[i][0]
    if i + 1 >= len(looked_up) or m.end >= len(ann.tokens) or ann.tokens[m.end].text != ",":
        return []
    nxt, candidates = looked_up[i + 1]
    return candidates if nxt.start == m.end + 1 else []


def _score(ann: Annotations, m: Mention, c: EntryLike, context: dict[str, float], qualifier: list[EntryLike],
           gazetteer: GazetteerLike, *, qualifying: bool = False, regions: dict | None = None,
           top_log_pop: float = 0.0, home: dict | None = None, linked: bool = False,
           country_named: bool = False) -> float:
    key = gazetteer.normalize(mention_text(ann, m))
    own = _bare(gazetteer.normalize(c.name)) == _bare(key)
    if own and c.feature == "city" and country_named and gazetteer.normalize(c.name) != key:
        own = False  # "Mexico" names the country; Mexico City is its own name only for "Gaza" and the like
    region = home_region = 0.0
    if c.feature in ("city", "admin1", "admin2", "landmark") and c.admin1:
        region = regions.get((c.country, c.admin1), 0.0) if regions else 0.0
        home_region = home.get((c.country, c.admin1), 0.0) if home else 0.0
    f = candidate_features(c, own_name=own, hint=m.hint, label=m.label, qualifying=qualifying,
                           country_ctx=context.get(c.country, 0.0) if c.country else 0.0, region_ctx=region,
                           qualifier_match=any(_qualifies(q, c) for q in qualifier), top_log_pop=top_log_pop,
                           home_region=home_region, admin_link=linked, mention=m)
    return score_features(f)


def _qualifies(q: EntryLike, c: EntryLike) -> bool:
    """Whether ``q`` written after ``c`` ("Alexandria, Louisiana") names c's country or state."""
    if q.feature == "country":
        return q.country == c.country
    return q.feature in ("admin1", "region") and q.country == c.country and bool(c.admin1) and q.admin1 == c.admin1


def _prefer_city_over_its_namesake(scored: list) -> list:
    """A bare "Kirkuk" is the city more often than the governorate around it: the city scores at least as high."""
    out = []
    for s, c in scored:
        if c.feature == "city":
            # only a city that is a large part of its region: "Kirkuk", not the village of Minnesota, Minnesota
            namesakes = [s2 for s2, a in scored if a.feature in ("admin1", "admin2") and a.country == c.country
                         and a.admin1 == c.admin1 and c.population * 10 >= a.population]
            s = max([s, *(s2 + 0.05 for s2 in namesakes)])
        out.append((s, c))
    return out


def _bare(key: str) -> str:
    """A name without its article or a trailing "city": "Gaza" is Gaza City's own name, not an alternate."""
    for article in ("the ", "al ", "el "):
        if key.startswith(article):
            key = key[len(article) :]
            break
    return key[:-5] if key.endswith(" city") and len(key) > 7 else key


def _keep_weak(scored: list, context: dict[str, float]) -> bool:
    if not scored:
        return False
    countries = {c.country for _, c in scored}
    if scored[0][1].feature in ("country", "admin1"):
        return True  # "U.S.", "Moldova", "Ohio" with a place cue need no other evidence
    return any(context.get(c.country or "", 0) > 0 for _, c in scored[:3]) or len(countries) == 1


def _place(ann: Annotations, m: Mention, scored: list) -> Place:
    start, end = ann.tokens[m.start].start, ann.tokens[m.end - 1].end
    evidence = (ann.evidence(start, end),)
    name = ann.text[start:end]
    if not scored:
        return Place(name=name, evidence=evidence, id=stable_id("pl", start, end, None), extractor=EXTRACTOR)
    best_score, best = scored[0]
    precision = _PRECISION.get(best.feature, GeoPrecision.UNKNOWN)
    if m.site or (m.near and best.feature in ("city", "landmark")):
        precision = GeoPrecision.NEAR
    candidates = tuple(
        {"geonames_id": c.geonames_id, "name": c.name, "feature": c.feature, "country": c.country,
         "admin1": c.admin1, "score": round(s, 3)}
        for s, c in scored[:3]
    )
    return Place(
        name=name, geonames_id=best.geonames_id, feature=best.feature, country=best.country, admin1=best.admin1,
        admin2=best.admin2, lat=best.lat, lon=best.lon, precision=precision, evidence=evidence,
        id=stable_id("pl", start, end, best.geonames_id), score=round(best_score, 3), candidates=candidates,
        extractor=EXTRACTOR,
    )


__all__ = ["EXTRACTOR", "GazetteerLike", "extract_places"]
