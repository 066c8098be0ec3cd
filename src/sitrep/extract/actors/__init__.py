"""The actors stage: every mention of an armed group, force, authority or civilian group, in text order.

Passes: candidate mentions from the actor table (passed in), from nationality + force noun ("Iraqi troops"),
from titled PERSON entities and from ORG entities (``mentions.py``) → overlaps resolved, longest first →
aliases the text itself declares ("Islamic State (aka Isil)", ``aliases.py``) → ``Actor`` records.

The words (nationalities, force nouns, titles, how a text declares another name) are the language's
(``lang/<code>/actors.yaml``); the table of parties is a resource, not language data.
"""

from __future__ import annotations

import logging

from sitrep.extract.actors.aliases import apply_declarations
from sitrep.extract.actors.mentions import (
    nationality_mentions,
    org_mentions,
    person_mentions,
    resolve_overlaps,
    table_mentions,
)
from sitrep.extract.actors.table import ActorEntryLike, ActorTableLike
from sitrep.extract.actors.words import ActorWords, actor_words
from sitrep.lang import Lexicon, default_lexicon
from sitrep.model import Actor, Annotations, stable_id

log = logging.getLogger(__name__)

EXTRACTOR = "actors@1"


def extract_actors(ann: Annotations, *, table: ActorTableLike, lexicon: Lexicon | None = None) -> list[Actor]:
    """One ``Actor`` per mention, in text order, with canonical names from ``table`` and the text's own aliases."""
    w = actor_words(lexicon or default_lexicon())
    candidates = [*table_mentions(ann, table, w), *nationality_mentions(ann, table, w),
                  *person_mentions(ann, table, w), *org_mentions(ann, table, w)]
    mentions = resolve_overlaps(candidates)
    mentions = apply_declarations(ann, table, w, mentions)
    actors = [Actor(name=ann.text[m.start : m.end], canonical=m.canonical, kind=m.kind, country=m.country,
                    aliases=m.aliases, evidence=(ann.evidence(m.start, m.end),), id=stable_id("ac", m.start, m.end),
                    extractor=EXTRACTOR)
              for m in sorted(mentions, key=lambda m: (m.start, m.end))]
    log.debug("actors: %d found", len(actors))
    return actors


__all__ = ["EXTRACTOR", "ActorEntryLike", "ActorTableLike", "ActorWords", "actor_words", "extract_actors"]
