"""The claims stage's tables, built once per language from ``lang/<code>/claims.yaml`` (the titles of people
come from ``actors.yaml``, the one table of titles both stages read)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sitrep.errors import ConfigError
from sitrep.lang import Lexicon


@dataclass(frozen=True, slots=True)
class ClaimWords:
    # quote marks, as strings of characters
    double_open: str
    double_close: str
    single_open: str
    single_close: str
    double_pair_open: frozenset[str]  # two-character marks that stand for a double one: "''", "``"
    double_pair_close: frozenset[str]
    double_pair_chars: frozenset[str]
    plural_possessive_letters: frozenset[str]
    # cues
    speech_verbs: frozenset[str]
    quote_verbs: frozenset[str]
    phrasal_speech_verbs: frozenset[str]  # "point out", "make clear": lemma and particle or adjective
    object_content_verbs: frozenset[str]
    taken_not_said: frozenset[str]
    directive_verbs: frozenset[str]
    appeal_verbs: frozenset[str]
    characterize_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]  # the phrases of "according to" (French: "selon", "d'après")
    report_adverbs: frozenset[str]
    refusal_verbs: frozenset[str]
    infinitive_markers: frozenset[str]
    question_openers: frozenset[str]
    contrast_links: frozenset[str]
    complementizers: frozenset[str]
    one_word_answers: frozenset[str]
    no_infinitive_content_verbs: frozenset[str]
    charge_prepositions: frozenset[str]
    report_noun_prepositions: frozenset[str]
    question_verbs: frozenset[str]
    question_prepositions: frozenset[str]
    characterization_prepositions: frozenset[str]
    comparison_verbs: frozenset[str]
    comparison_prepositions: frozenset[str]
    description_verbs: frozenset[str]
    appeal_prepositions: frozenset[str]
    addressee_prepositions: frozenset[str]
    # views held and stances taken
    belief_verbs: frozenset[str]
    belief_object_verbs: frozenset[str]
    intention_verbs: frozenset[str]
    perception_verbs: frozenset[str]
    stance_verbs: frozenset[str]
    verbal_force_verbs: frozenset[str]
    military_support_verbs: frozenset[str]
    military_nouns: frozenset[str]  # actors.yaml's force nouns and claims.yaml's military units
    topic_verbs: dict[str, frozenset[str]]  # verb -> the prepositions that carry its content
    noun_kinds: dict[str, tuple[str, frozenset[str]]]  # noun -> (claim kind, prepositions of its content)
    stance_agent_nouns: dict[str, frozenset[str]]  # "supporter" -> [of]: a stance as the attribute of a copula
    opinion_nouns: frozenset[str]
    poll_nouns: frozenset[str]
    opinion_prepositions: frozenset[str]
    holder_prepositions: frozenset[str]
    addressee_nouns: frozenset[str]  # "told reporters": the object of telling is whom it was told to
    issuing_verbs: frozenset[str]  # "issued a statement saying": the issuer speaks
    expression_verbs: frozenset[str]  # "expressed concern about": a bare object noun is part of the cue
    raising_verbs: frozenset[str]
    intent_raising_verbs: frozenset[str]
    passive_view_verbs: frozenset[str]
    raising_prepositions: frozenset[str]
    expletives: frozenset[str]
    # speakers, media, occasions
    document_nouns: frozenset[str]
    interview_turns: frozenset[str]
    statement_nouns: frozenset[str]
    source_nouns: frozenset[str]
    role_nouns: frozenset[str]  # every title and position of actors.yaml's ``titles``
    org_nouns: frozenset[str]
    media_nouns: frozenset[str]
    pronouns: dict[str, str]
    relative_pronouns: frozenset[str]
    copulas: frozenset[str]
    definite_determiners: frozenset[str]
    any_official: frozenset[str]
    determiners: frozenset[str]
    plural_endings: tuple[str, ...]
    title_verb_endings: tuple[str, ...]  # present-tense endings of a cue verb in a title-case headline
    author_prepositions: frozenset[str]
    medium_object_verbs: frozenset[str]
    medium_prepositions: frozenset[str]
    interview_words: frozenset[str]
    interview_prepositions: frozenset[str]
    occasion_prepositions: frozenset[str]
    not_occasions: frozenset[str]
    # derived
    quoting_verbs: frozenset[str]  # speech and quote verbs: the cues of a direct quote
    marks: frozenset[str]  # every quote mark
    closing_marks: str


def _marks(lex: Lexicon, kind: str) -> tuple[str, str]:
    pairs = lex.value("claims", "quote_marks")
    try:
        return str(pairs[kind]["open"]), str(pairs[kind]["close"])
    except (KeyError, TypeError):
        raise ConfigError(f"sitrep/lang/{lex.code}/claims.yaml: quote_marks needs {kind}: {{open: …, close: …}}") \
            from None


def _prepositions(lex: Lexicon, key: str) -> dict[str, frozenset[str]]:
    """A word -> prepositions table; a preposition must be a string (YAML reads a bare ``on`` as true)."""
    out = {}
    for word, preps in lex.table("claims", key).items():
        if not isinstance(preps, list) or not all(isinstance(p, str) for p in preps):
            raise ConfigError(f"sitrep/lang/{lex.code}/claims.yaml: {key}.{word} must be a list of words "
                              '(quote "on" and "no", which YAML reads as booleans)')
        out[word] = frozenset(p.lower() for p in preps)
    return out


def _noun_kinds(lex: Lexicon) -> dict[str, tuple[str, frozenset[str]]]:
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for key, kind in (("stance_nouns", "stance"), ("belief_nouns", "belief"), ("intention_nouns", "intention"),
                      ("verbal_force_nouns", "force"), ("belief_adjectives", "belief"),
                      ("intention_adjectives", "intention")):
        for noun, preps in _prepositions(lex, key).items():
            out[noun] = (kind, preps)
    return out


@lru_cache(maxsize=8)
def claim_words(lex: Lexicon) -> ClaimWords:
    def words(key: str) -> frozenset[str]:
        return lex.words("claims", key)

    double_open, double_close = _marks(lex, "double")
    single_open, single_close = _marks(lex, "single")
    pairs = lex.value("claims", "quote_marks").get("double_pairs") or {}
    pairs_open = {str(m) for m in pairs.get("open", ()) if len(str(m)) == 2}
    pairs_close = {str(m) for m in pairs.get("close", ()) if len(str(m)) == 2}
    return ClaimWords(
        quoting_verbs=words("speech_verbs") | words("quote_verbs"),
        marks=frozenset(double_open + double_close + single_open + single_close),
        closing_marks=double_close + single_close,
        double_pair_open=frozenset(pairs_open), double_pair_close=frozenset(pairs_close),
        double_pair_chars=frozenset("".join(pairs_open | pairs_close)),
        double_open=double_open, double_close=double_close, single_open=single_open, single_close=single_close,
        plural_possessive_letters=words("plural_possessive_letters"),
        speech_verbs=words("speech_verbs"),
        quote_verbs=words("quote_verbs"),
        phrasal_speech_verbs=words("phrasal_speech_verbs"),
        object_content_verbs=words("object_content_verbs"),
        taken_not_said=words("taken_not_said"),
        directive_verbs=words("directive_verbs"),
        appeal_verbs=words("appeal_verbs"),
        characterize_verbs=words("characterize_verbs"),
        speech_nouns=words("speech_nouns"),
        according_to=_according_to(lex.value("claims", "according_to")),
        report_adverbs=words("report_adverbs"),
        refusal_verbs=words("refusal_verbs"),
        infinitive_markers=words("infinitive_markers"),
        question_openers=words("question_openers"),
        contrast_links=words("contrast_links"),
        complementizers=words("complementizers"),
        one_word_answers=words("one_word_answers"),
        no_infinitive_content_verbs=words("no_infinitive_content_verbs"),
        charge_prepositions=words("charge_prepositions"),
        report_noun_prepositions=words("report_noun_prepositions"),
        question_verbs=words("question_verbs"),
        question_prepositions=words("question_prepositions"),
        characterization_prepositions=words("characterization_prepositions"),
        comparison_verbs=words("comparison_verbs"),
        comparison_prepositions=words("comparison_prepositions"),
        description_verbs=words("description_verbs"),
        appeal_prepositions=words("appeal_prepositions"),
        addressee_prepositions=words("addressee_prepositions"),
        belief_verbs=words("belief_verbs"),
        belief_object_verbs=words("belief_object_verbs"),
        intention_verbs=words("intention_verbs"),
        perception_verbs=words("perception_verbs"),
        stance_verbs=words("stance_verbs"),
        verbal_force_verbs=words("verbal_force_verbs"),
        military_support_verbs=words("military_support_verbs"),
        military_nouns=frozenset(lex.table("actors", "force_nouns")) | words("military_units"),
        topic_verbs=_prepositions(lex, "topic_verbs"),
        noun_kinds=_noun_kinds(lex),
        stance_agent_nouns=_prepositions(lex, "stance_agent_nouns"),
        opinion_nouns=words("opinion_nouns"),
        poll_nouns=words("poll_nouns"),
        opinion_prepositions=words("opinion_prepositions"),
        holder_prepositions=words("holder_prepositions"),
        expression_verbs=words("expression_verbs"),
        issuing_verbs=words("issuing_verbs"),
        addressee_nouns=words("addressee_nouns"),
        raising_verbs=words("raising_verbs"),
        intent_raising_verbs=words("intent_raising_verbs"),
        passive_view_verbs=words("passive_view_verbs"),
        raising_prepositions=words("raising_prepositions"),
        expletives=words("expletives"),
        document_nouns=words("document_nouns"),
        interview_turns=frozenset(lex.phrases("claims", "interview_turns")),
        statement_nouns=words("statement_nouns"),
        source_nouns=words("source_nouns"),
        role_nouns=frozenset(lex.table("actors", "titles")),
        org_nouns=words("org_nouns"),
        media_nouns=words("media_nouns"),
        pronouns={k: str(v) for k, v in lex.table("claims", "pronouns").items()},
        relative_pronouns=words("relative_pronouns"),
        copulas=words("copulas"),
        definite_determiners=words("definite_determiners"),
        any_official=words("any_official"),
        determiners=words("determiners"),
        plural_endings=tuple(w.lower() for w in lex.phrases("claims", "plural_endings")),
        title_verb_endings=tuple(w.lower() for w in lex.phrases("claims", "title_verb_endings")),
        author_prepositions=words("author_prepositions"),
        medium_object_verbs=words("medium_object_verbs"),
        medium_prepositions=words("medium_prepositions"),
        interview_words=words("interview_words"),
        interview_prepositions=words("interview_prepositions"),
        occasion_prepositions=words("occasion_prepositions"),
        not_occasions=words("not_occasions"),
    )


def _according_to(value: object) -> tuple[tuple[str, ...], ...]:
    """One phrase as a list of its words (English: [according, to]), or several phrases as a list of such
    lists (French: [[selon], [d', après], [d’, après]])."""
    if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
        return tuple(tuple(str(x).lower() for x in v) for v in value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return (tuple(v.lower() for v in value),)
    raise ConfigError("claims.yaml: according_to is a list of words or a list of such lists")
