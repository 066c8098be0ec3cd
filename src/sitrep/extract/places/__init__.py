"""The places stage: find toponyms in annotated text and resolve them to gazetteer entries using document context.

Passes, each over frozen records (``records.py``): recognise (``Mention``: the model's place entities, names it
mislabels, a gazetteer scan vouched for by place cues) → look up (``Toponym``: the entries each name may be) → sites
(a street or an airport is one mention, placed by its town) → filters (not a person's name, an actor's, a word the
article writes in lower case) → context (the countries and regions the rest of the article names) → rank (two
passes of named, fitted features) → the story's map (``story.py``: a hamlet's namesake far from every firm place of
the article is left unresolved) → build (``Place``; a place the gazetteer lacks, written with its distance from a
town, is placed beside it; a site with no town of its own is placed by the article's) → a people's adjective on a
noun of place ("two southern Lebanese villages") as its country (``demonyms.py``).

The gazetteer is passed in (anything shaped like ``GazetteerLike``); the stage never loads one itself.  The words
are the language's (``lang/<code>/places.yaml``, month and weekday names from ``calendar.yaml``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sitrep.extract.places.beside import placed_beside
from sitrep.extract.places.build import EXTRACTOR, place_from
from sitrep.extract.places.context import document_context
from sitrep.extract.places.cues import names_a_medium
from sitrep.extract.places.demonyms import demonym_places
from sitrep.extract.places.filters import kept, not_people, not_words, vouched_embedded
from sitrep.extract.places.lookup import look_up
from sitrep.extract.places.rank import rank
from sitrep.extract.places.recognise import recognise
from sitrep.extract.places.records import EntryLike, GazetteerLike
from sitrep.extract.places.sites import placed_by_context, with_sites
from sitrep.extract.places.story import on_the_map
from sitrep.extract.places.words import place_words
from sitrep.lang import Lexicon, default_lexicon
from sitrep.model import Annotations, Place

log = logging.getLogger(__name__)


def extract_places(ann: Annotations, *, gazetteer: GazetteerLike, dateline_country: str | None = None,
                   is_actor: Callable[[str], bool] | None = None, lexicon: Lexicon | None = None) -> list[Place]:
    """One ``Place`` per toponym mention, in text order, resolved against ``gazetteer`` where possible.

    ``is_actor`` says whether a name is a known actor's ("Taliban", "Hamas", "UN"): such a name is a place only
    when the gazetteer has a country, state or landmark of that very name ("Russia", "the Kremlin"), never
    because a town somewhere lists it among its other names."""
    if not ann.tokens:
        return []
    w = place_words(lexicon or default_lexicon())
    mentions, demonyms = recognise(ann, gazetteer, w)
    toponyms = look_up(ann, mentions, gazetteer, w)
    toponyms = with_sites(ann, toponyms, gazetteer, w)
    toponyms = vouched_embedded(toponyms)
    toponyms = not_people(ann, not_words(ann, toponyms, w), gazetteer, w, is_actor)
    contexts = document_context(toponyms, demonyms, gazetteer, dateline_country)
    ranked = on_the_map(ann, rank(ann, toponyms, contexts, gazetteer, w), gazetteer, dateline_country)
    # a broadcaster's or a paper's name ("Capital FM", "news agency Mehr") is no place; it is set aside only after the
    # ranking, whose weights were fitted with such names among the article's context
    ranked = [r for r in ranked if kept(ann, r) and not names_a_medium(ann, r.toponym.mention, w)]
    placed = [r.toponym.mention for r in ranked]
    places = placed_by_context(ann, placed_beside(ann, [place_from(ann, r) for r in ranked], placed, w), placed)
    taken = {j for m in mentions for j in range(m.start, m.end)}
    # "two southern Lebanese villages": the people's adjective on a noun of place names the country
    places = sorted(places + demonym_places(ann, gazetteer, w, taken), key=lambda p: p.evidence[0].start)
    log.debug("places: %d mentions, %d places", len(mentions), len(places))
    return places


__all__ = ["EXTRACTOR", "EntryLike", "GazetteerLike", "extract_places"]
