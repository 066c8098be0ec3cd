"""The events stage's tables, built once per language from ``lang/<code>/events.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.errors import ConfigError
from sitrep.extract.events.taxonomy import trigger_key
from sitrep.lang import Lexicon
from sitrep.model import Hedge


@dataclass(frozen=True, slots=True)
class EventWords:
    # triggers
    noun_phrase_head_first: bool  # a trigger phrase's noun comes first ("frappe aérienne"), not last ("air strike")
    territory_verbs: frozenset[str]
    territory_nouns: frozenset[str]
    weapon_nouns: frozenset[str]
    body_nouns: frozenset[str]
    pursuit_words: frozenset[str]
    ground_verbs: frozenset[str]
    purpose_prepositions: frozenset[str]
    pursuit_prepositions: frozenset[str]
    transitive_other_sense: frozenset[str]
    other_sense_particles: frozenset[str]
    seized_goods: frozenset[str]
    stopped_things: frozenset[str]
    military_targets: frozenset[str]
    guarded_sites: dict[str, frozenset[str]]
    preposition_other_sense: dict[str, frozenset[str]]
    befalling_words: dict[str, frozenset[str]]
    attacked_verbs: frozenset[str]
    emplacing_verbs: frozenset[str]
    bearing_verbs: frozenset[str]
    hearing_verbs: frozenset[str]
    emplacing_nouns: frozenset[str]
    interception_verbs: dict[str, str]
    launch_verbs: frozenset[str]
    aim_prepositions: frozenset[str]
    impact_verbs: frozenset[str]
    projectiles: frozenset[str]
    breaking_words: frozenset[str]
    establishing_verbs: frozenset[str]
    of_words: frozenset[str]
    time_spans: frozenset[str]
    span_prepositions: frozenset[str]
    past_words: frozenset[str]
    counting_nouns: frozenset[str]
    crowd_clash_words: frozenset[str]
    toll_verbs: frozenset[str]
    intercepted_nouns: frozenset[str]
    warning_fire: dict[str, frozenset[str]]
    struggle_objects: frozenset[str]
    mines: dict[str, frozenset[str]]  # "nouns" of a mine, what is "dug" from one
    role_head_nouns: frozenset[str]
    agent_nouns: frozenset[str]
    attacker_nouns: frozenset[str]
    armed_words: frozenset[str]  # "armed men", "hommes armés": a party armed by its name
    attacked_nouns: frozenset[str]
    object_verbs: frozenset[str]
    time_relatives: frozenset[str]
    place_relatives: frozenset[str]
    device_nouns: frozenset[str]
    finding_verbs: frozenset[str]
    total_adverbs: frozenset[tuple[str, ...]]
    since: str
    strike_noun: str
    labour_words_near: frozenset[str]
    labour_words_sentence: frozenset[str]
    # roles
    doing_verbs: frozenset[str]
    by_prepositions: frozenset[str]
    instrument_prepositions: frozenset[str]
    target_prepositions: frozenset[str]
    reporting_pronouns: frozenset[str]
    victims_in_count_phrase: bool
    # coreference
    anaphoric_determiners: frozenset[str]
    new_happening: frozenset[str]
    another_words: frozenset[str]
    detail_nouns: frozenset[str]
    happening_verbs: tuple[tuple[str, ...], ...]  # ("happen",), ("take", "place")
    founding_verbs: frozenset[str]  # "born in 1958", "founded in 2013": a time on one dates no event
    pointing_pronouns: frozenset[str]
    raid_sense_verbs: frozenset[str]
    dwellings: frozenset[str]
    victim_pronouns: frozenset[str]
    general_victim_nouns: frozenset[str]
    victim_phrase_end: re.Pattern[str]
    added_count: re.Pattern[str]
    plural_suffix: str
    # status
    hedge_words: dict[str, Hedge]
    hypothetical_heads: frozenset[str]
    directive_heads: frozenset[str]
    modals: frozenset[str]
    plan_modifiers: frozenset[str]
    iterative_phrases: tuple[str, ...]
    iterative_quantifiers: tuple[str, ...]
    trend_verbs: frozenset[str]
    separate_words: frozenset[str]
    frequency_adjectives: frozenset[str]
    similar_words: frozenset[str]
    participant_nouns: frozenset[str]
    toll_nouns: frozenset[str]
    war_scale_toll: int
    toll_words: frozenset[str]  # toll_nouns and casualties.yaml's toll_heads ("the number of the dead")
    violent_words: frozenset[str]
    topic_nouns: frozenset[str]
    purpose_markers: frozenset[str]
    intent_heads: frozenset[str]
    intent_modals: frozenset[str]
    claim_hedges: dict[str, Hedge]
    denial_cue_start: str
    declare_verbs: frozenset[str]
    truce_nouns: frozenset[str]
    civilian_victim_words: tuple[str, ...]
    since_marker: str
    came_after: dict[str, frozenset[str]]  # markers, durations
    archive_pictures: tuple[str, ...]  # "file photo": a caption of an old picture opens with one
    number_words: frozenset[str]  # numbers.yaml units and tens: "seven" is a figure, "dozens" is not
    one_articles: frozenset[str]  # numbers.yaml: "a day after" counts one day
    pluperfect_aux: frozenset[str]
    perfect_aux: frozenset[str]
    past_be: frozenset[str]
    description_prepositions: frozenset[str]
    quality_prepositions: frozenset[str]
    description_verbs: frozenset[str]
    deed_owning_nouns: frozenset[str]
    addition_words: frozenset[str]
    negative_determiners: frozenset[str]
    antecedent_prepositions: frozenset[str]
    reprisal_nouns: frozenset[str]
    legal_heads: frozenset[str]
    attempt_senses: frozenset[str]
    legal_prepositions: frozenset[str]
    while_words: frozenset[str]
    arrest_heads: frozenset[str]
    # dates
    reporting_verbs: frozenset[str]
    consequence_words: frozenset[str]
    # places
    elsewhere_heads: frozenset[str]
    elsewhere_after: dict[str, frozenset[str]]
    remote_origin_heads: frozenset[str]
    # read from places.yaml: "80 km south of Kirkuk" (extract/common/offsets.py)
    near_links: frozenset[str]
    settlement_titles: frozenset[str]  # "the capital" before a name: "80 km north of the capital Bangui"
    locative_prepositions: frozenset[str]  # "in", "near", "at": before a name the gazetteer lacks, a place's
    place_kinds: frozenset[str]  # "village", "district", "outskirts": after or before such a name, a place's
    bearings: dict[str, float]
    distance_units: dict[str, float]
    residence_prepositions: frozenset[str]
    genitive_prepositions: frozenset[str]
    told_at_prepositions: frozenset[str]
    speaking_verbs: frozenset[str]
    route_prepositions: frozenset[str]
    # incidents
    separate_incident_cues: tuple[str, ...]
    separate_incident_openers: tuple[str, ...]  # only at the sentence's start: "Separately, ..."
    earlier_happening: re.Pattern[str]
    # aggregates and deaths that are not conflict
    total_phrases: tuple[str, ...]
    total_subjects: frozenset[str]
    time_superlatives: frozenset[str]
    total_magnitudes: tuple[str, ...]
    not_conflict_deaths: tuple[str, ...]

    def civilian(self, word: str) -> bool:
        """A counted noun that names civilians ("villager", "residents"), by its start."""
        return any(word.startswith(c) for c in self.civilian_victim_words)


@lru_cache(maxsize=8)
def event_words(lex: Lexicon) -> EventWords:
    s = "events"

    def words(key: str) -> frozenset[str]:
        return lex.words(s, key)

    def text(key: str) -> str:
        return str(lex.value(s, key))

    return EventWords(
        noun_phrase_head_first=text("noun_phrase_head") == "first",
        territory_verbs=words("territory_verbs"), territory_nouns=words("territory_nouns"),
        weapon_nouns=words("weapon_nouns"), body_nouns=words("body_nouns"),
        pursuit_words=words("pursuit_words"), pursuit_prepositions=words("pursuit_prepositions"),
        ground_verbs=words("ground_verbs"), purpose_prepositions=words("purpose_prepositions"),
        transitive_other_sense=words("transitive_other_sense"), other_sense_particles=words("other_sense_particles"),
        seized_goods=words("seized_goods"), stopped_things=words("stopped_things"), military_targets=words("military_targets"),
        guarded_sites={k: frozenset(str(x).lower() for x in v) for k, v in lex.table(s, "guarded_sites").items()},
        preposition_other_sense={k: frozenset(str(x).lower() for x in v)
                                 for k, v in lex.table(s, "preposition_other_sense").items()},
        befalling_words={k: frozenset(str(x).lower() for x in v) for k, v in lex.table(s, "befalling_words").items()},
        attacked_verbs=frozenset(trigger_key(v) for v in words("attacked_verbs")),
        emplacing_verbs=words("emplacing_verbs"), bearing_verbs=words("bearing_verbs"), hearing_verbs=words("hearing_verbs"), emplacing_nouns=words("emplacing_nouns"),
        interception_verbs={k: str(v).lower() for k, v in lex.table(s, "interception_verbs").items()},
        launch_verbs=words("launch_verbs"), aim_prepositions=words("aim_prepositions"),
        impact_verbs=words("impact_verbs"), projectiles=words("projectiles"),
        breaking_words=words("breaking_words"),
        intercepted_nouns=words("intercepted_nouns"),
        warning_fire={k: frozenset(str(x).lower() for x in v) for k, v in lex.table(s, "warning_fire").items()},
        struggle_objects=words("struggle_objects"), mines={k: frozenset(str(x).lower() for x in v) for k, v in lex.table(s, "mines").items()}, establishing_verbs=words("establishing_verbs"), of_words=words("of_words"),
        time_spans=words("time_spans"), span_prepositions=words("span_prepositions"), past_words=words("past_words"),
        counting_nouns=words("counting_nouns"), crowd_clash_words=words("crowd_clash_words"), toll_verbs=words("toll_verbs"),
        role_head_nouns=words("role_head_nouns"), agent_nouns=words("agent_nouns"), attacker_nouns=words("attacker_nouns"), armed_words=words("armed_words"), attacked_nouns=words("attacked_nouns"), object_verbs=words("object_verbs"),
        time_relatives=words("time_relatives"), place_relatives=words("place_relatives"),
        device_nouns=frozenset(trigger_key(d) for d in words("device_nouns")), finding_verbs=words("finding_verbs"),
        total_adverbs=frozenset(tuple(p.split()) for p in words("total_adverbs")), since=text("since"),
        strike_noun=text("strike_noun"), labour_words_near=words("labour_words_near"),
        labour_words_sentence=words("labour_words_sentence"),
        doing_verbs=words("doing_verbs"), by_prepositions=words("by_prepositions"),
        instrument_prepositions=words("instrument_prepositions"),
        target_prepositions=words("target_prepositions"), reporting_pronouns=words("reporting_pronouns"),
        victims_in_count_phrase=bool(lex.value(s, "victims_in_count_phrase")),
        anaphoric_determiners=words("anaphoric_determiners"), new_happening=words("new_happening"), another_words=words("another_words"),
        detail_nouns=words("detail_nouns"), happening_verbs=tuple(tuple(p.split()) for p in words("happening_verbs")),
        founding_verbs=words("founding_verbs"),
        pointing_pronouns=words("pointing_pronouns"), raid_sense_verbs=words("raid_sense_verbs"), dwellings=words("dwellings"),
        victim_pronouns=words("victim_pronouns"), general_victim_nouns=words("general_victim_nouns"),
        victim_phrase_end=lex.pattern(s, "victim_phrase_end"),
        added_count=lex.pattern(s, "added_count", re.IGNORECASE),
        plural_suffix=text("plural_suffix"),
        hedge_words={k: Hedge(v) for k, v in lex.table(s, "hedge_words").items()},
        hypothetical_heads=words("hypothetical_heads"), directive_heads=words("directive_heads"), modals=words("modals"), plan_modifiers=words("plan_modifiers"),
        iterative_phrases=tuple(p.lower() for p in lex.phrases(s, "iterative_phrases")),
        iterative_quantifiers=tuple(p.lower() for p in lex.phrases(s, "iterative_quantifiers")),
        trend_verbs=words("trend_verbs"),
        separate_words=words("separate_words"), frequency_adjectives=words("frequency_adjectives"),
        similar_words=words("similar_words"),
        participant_nouns=words("participant_nouns"),
        toll_nouns=words("toll_nouns"), war_scale_toll=int(lex.value(s, "war_scale_toll")), toll_words=words("toll_nouns") | lex.words("casualties", "toll_heads"),
        violent_words=words("violent_words"),
        topic_nouns=words("topic_nouns"),
        purpose_markers=words("purpose_markers"), intent_heads=words("intent_heads"),
        intent_modals=words("intent_modals"),
        claim_hedges={k: Hedge(v) for k, v in lex.table(s, "claim_hedges").items()},
        denial_cue_start=text("denial_cue_start"), declare_verbs=words("declare_verbs"),
        truce_nouns=words("truce_nouns"), civilian_victim_words=lex.phrases(s, "civilian_victim_words"),
        since_marker=text("since_marker"), came_after=_came_after(lex),
        number_words=frozenset(lex.table("numbers", "units")) | frozenset(lex.table("numbers", "tens")),
        one_articles=lex.words("numbers", "one_articles"),
        archive_pictures=tuple(p.lower().replace("’", "'") for p in words("archive_pictures")),
        pluperfect_aux=words("pluperfect_aux"), perfect_aux=words("perfect_aux"),
        past_be=words("past_be"),
        description_prepositions=words("description_prepositions"),
        quality_prepositions=words("quality_prepositions"),
        description_verbs=words("description_verbs"), deed_owning_nouns=words("deed_owning_nouns"),
        addition_words=words("addition_words"), negative_determiners=words("negative_determiners"),
        antecedent_prepositions=words("antecedent_prepositions"), reprisal_nouns=words("reprisal_nouns"),
        legal_heads=words("legal_heads"), attempt_senses=words("attempt_senses"),
        legal_prepositions=words("legal_prepositions"), while_words=words("while_words"), arrest_heads=words("arrest_heads"), reporting_verbs=words("reporting_verbs"),
        consequence_words=words("consequence_words"),
        elsewhere_heads=words("elsewhere_heads"),
        elsewhere_after={str(k).lower(): frozenset(str(w).lower() for w in v)
                         for k, v in lex.table(s, "elsewhere_after").items()},
        remote_origin_heads=words("remote_origin_heads"),
        near_links=lex.words("places", "near_links"), settlement_titles=lex.words("places", "settlement_titles"),
        locative_prepositions=lex.words("places", "locative_prepositions"),
        place_kinds=frozenset(str(k).lower() for k in lex.table("places", "admin_words"))
        | lex.words("places", "settlement_titles") | lex.words("places", "near_heads"),
        bearings={str(k).lower(): float(v) for k, v in lex.table("places", "bearings").items()},
        distance_units={str(k).lower(): float(v) for k, v in lex.table("places", "distance_units").items()},
        residence_prepositions=words("residence_prepositions"),
        genitive_prepositions=words("genitive_prepositions"), told_at_prepositions=words("told_at_prepositions"), speaking_verbs=words("speaking_verbs"), route_prepositions=words("route_prepositions"),
        separate_incident_cues=tuple(p.lower() for p in lex.phrases(s, "separate_incident_cues")),
        separate_incident_openers=tuple(p.lower() for p in lex.phrases(s, "separate_incident_openers")),
        earlier_happening=lex.pattern(s, "earlier_happening", re.IGNORECASE),
        total_phrases=tuple(p.lower() for p in lex.phrases(s, "total_phrases")),
        total_subjects=words("total_subjects"), time_superlatives=words("time_superlatives"),
        total_magnitudes=tuple(p.lower() for p in lex.phrases(s, "total_magnitudes")),
        not_conflict_deaths=tuple(p.lower() for p in lex.phrases(s, "not_conflict_deaths")),
    )


def _came_after(lex: Lexicon) -> dict[str, frozenset[str]]:
    table = lex.table("events", "came_after")
    if set(table) != {"markers", "durations"} or not all(isinstance(v, list) for v in table.values()):
        raise ConfigError(f"sitrep/lang/{lex.code}/events.yaml: came_after needs lists of markers and durations")
    return {k: frozenset(str(x).lower() for x in v) for k, v in table.items()}

