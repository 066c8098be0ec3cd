"""The claims stage beyond verbs of saying (issue 15): views held, stances taken, verbs of seeming and passives,
nominal cues, colons after any verb phrase, relative-clause speakers, continuations, a claim's own date."""

from __future__ import annotations

import pytest

from claim_checks import checked_claims as _claims
from sitrep.extract.citations import extract_citations
from sitrep.extract.claims import extract_claims
from sitrep.model import (
    Actor,
    Claim,
    ClaimKind,
    Evidence,
    Precision,
    SpeakerKind,
    Time,
    TimeBasis,
)

pytestmark = pytest.mark.slow


def _by_cue(annotate, text: str, cue: str) -> Claim:
    found = [c for c in _claims(annotate, text) if c.cue.text == cue]
    assert len(found) == 1, [(c.cue.text, c.content.text) for c in _claims(annotate, text)]
    return found[0]


# --------------------------------------------------------------------------- views held


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker", "kind"),
    [
        ("The governor believes the dam will hold through the winter.", "believes",
         "the dam will hold through the winter", "governor", ClaimKind.BELIEF),
        ("Aid workers fear that the road to the camp will close again.", "fear",
         "the road to the camp will close again", "Aid workers", ClaimKind.BELIEF),
        ("The mayor wants the checkpoints removed before the festival.", "wants",
         "the checkpoints removed before the festival", "mayor", ClaimKind.INTENTION),
        ("Nadia Haddad expects to return to Sinjar in the spring.", "expects", "to return to Sinjar in the spring",
         "Nadia Haddad", ClaimKind.BELIEF),
        ("The rebels are hoping to reach the coast by June.", "hoping", "to reach the coast by June", "rebels",
         ClaimKind.INTENTION),
        ("The new survey shows a narrow lead for the incumbent.", "shows", "a narrow lead for the incumbent",
         "new survey", ClaimKind.BELIEF),
    ],
)
def test_claims_view_held_or_intention_is_its_subjects(annotate, text, cue, content, speaker, kind):
    claim = _by_cue(annotate, text, cue)
    assert claim.content.text == content
    assert claim.speaker.name == speaker
    assert claim.kind is kind
    assert claim.direct is False


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The new bridge, the engineers believe, will not last ten years.",
         ["The new bridge", "will not last ten years"], "engineers"),
        ("The new tax is a mistake, most economists think.", ["The new tax is a mistake"], "most economists"),
    ],
)
def test_claims_view_set_off_by_commas_holds_the_clause_around_it(annotate, text, content, speaker):
    claims = _claims(annotate, text)
    assert [([ev.text for ev in c.content.evidence], c.speaker.name, c.kind) for c in claims] == [
        (content, speaker, ClaimKind.BELIEF)]


def test_claims_found_without_a_clause_is_no_belief(annotate):
    assert _claims(annotate, "The patrol found a way around the flooded bridge.") == []


# --------------------------------------------------------------------------- stances


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The farmers' union backed the ceasefire on Monday.", "backed", "the ceasefire"),
        ("Two senators condemned the shelling of the market.", "condemned", "the shelling of the market"),
        ("The bishop praised the medics for their courage.", "praised", "the medics for their courage"),
        ("The deputies voted against the emergency law.", "voted against", "the emergency law"),
        ("The envoy talked about the siege of the old city.", "talked about", "the siege of the old city"),
    ],
)
def test_claims_stance_towards_a_thing_is_a_stance(annotate, text, cue, content):
    claim = _by_cue(annotate, text, cue)
    assert claim.content.text == content
    assert claim.kind is ClaimKind.STANCE


def test_claims_verb_of_force_is_a_stance_only_when_used_of_words(annotate):
    assert _claims(annotate, "Militants attacked the checkpoint before dawn.") == []
    claim = _by_cue(annotate, "The senator slammed Omar Barzani for his silence.", "slammed")
    assert claim.content.text == "Omar Barzani for his silence"
    assert claim.kind is ClaimKind.STANCE


def test_claims_call_for_a_clause_keeps_what_is_asked(annotate):
    claim = _by_cue(annotate, "The opposition called for the minister to resign.", "called for")
    assert claim.content.text == "the minister to resign"
    assert claim.speaker.name == "opposition"


def test_claims_question_put_is_kept_as_a_question(annotate):
    claim = _by_cue(annotate, "A reporter asked whether the convoy had reached the camp.", "asked")
    assert claim.content.text == "whether the convoy had reached the camp"
    assert claim.kind is ClaimKind.QUESTION


# --------------------------------------------------------------------------- seeming and passives


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The commander is expected to resign this week.", "The commander … to resign this week"),
        ("The smugglers appear to have crossed the river at night.", "The smugglers … to have crossed the river at night"),
        ("The district looks calm after the curfew.", "The district … calm"),
        ("It was reported that the bridge had collapsed.", "the bridge had collapsed"),
    ],
)
def test_claims_seeming_and_passive_view_have_no_named_judge(annotate, text, content):
    [claim] = _claims(annotate, text)
    assert claim.content.text == content
    assert claim.speaker.name is None


def test_claims_passive_view_with_by_names_the_judge(annotate):
    [claim] = _claims(annotate, "The truce was seen by many villagers as a trap.")
    assert claim.speaker.name == "many villagers"
    assert claim.content.text == "The truce … a trap"
    assert claim.cue.text == "was seen … as"
    assert claim.kind is ClaimKind.BELIEF
    assert claim.speaker.kind is SpeakerKind.UNNAMED_SOURCE


# --------------------------------------------------------------------------- colons


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        ("The governor made her position plain: “The dam stays closed until the inspectors arrive.”", "made … plain",
         "governor", "The dam stays closed until the inspectors arrive."),
        ("The minister seized the moment to declare: “We will not give up a single village.”", "declare",
         "minister", "We will not give up a single village."),
        ("Colonel Idris Mansour put it bluntly: “Nobody crosses this bridge tonight.”", "put", "Idris Mansour",
         "Nobody crosses this bridge tonight."),
    ],
)
def test_claims_quote_after_a_colon_belongs_to_the_clause_before_it(annotate, text, cue, speaker, content):
    claim = _by_cue(annotate, text, cue)
    assert claim.speaker.name == speaker
    assert claim.content.text == content
    assert claim.direct is True


def test_claims_headline_line_credits_the_words_after_the_colon(annotate):
    text = "Governor Leyla Demir: the eastern dam will hold through the floods\n\nThe river rose again on Sunday."
    [claim] = _claims(annotate, text)
    assert claim.speaker.name == "Leyla Demir"
    assert claim.cue.text == ":"
    assert claim.content.text == "the eastern dam will hold through the floods"


def test_claims_poll_headline_has_a_document_speaker(annotate):
    claim = _by_cue(annotate, "Poll: most residents of the valley want the curfew lifted\n\nThe survey ran in May.", ":")
    assert claim.speaker.kind is SpeakerKind.DOCUMENT
    assert claim.content.text == "most residents of the valley want the curfew lifted"


@pytest.mark.parametrize("text", ["BAGHDAD: Three mortar rounds hit the airport road overnight.",
                                  "Update: the road to the airport has reopened to traffic."])
def test_claims_dateline_or_label_before_a_colon_is_no_speaker(annotate, text):
    assert [c for c in _claims(annotate, text) if c.cue.text == ":"] == []


def test_claims_interview_turns_are_the_speakers_of_their_lines(annotate):
    text = "Q: Where were you when the shelling began?\n\nA: We were in the cellar with the neighbours."
    claims = _claims(annotate, text)
    assert [(c.speaker.name, c.content.text) for c in claims] == [
        ("Q", "Where were you when the shelling began?"), ("A", "We were in the cellar with the neighbours.")]


def test_claims_interview_answer_holding_claims_of_its_own_is_left_to_them(annotate):
    text = "Q: Will the dam hold through the winter?\n\nA: I think the walls will crack before the spring."
    claims = _claims(annotate, text)
    assert [(c.speaker.evidence[0].text, c.cue.text, c.content.text) for c in claims] == [
        ("Q", ":", "Will the dam hold through the winter?"), ("I", "think", "the walls will crack before the spring")]


def test_claims_interview_turn_is_no_antecedent_of_a_pronoun(annotate):
    text = "Q: Will the dam hold through the winter?\n\nA: The engineers are worried, but they say the walls are strong."
    [said] = [c for c in _claims(annotate, text) if c.cue.text == "say"]
    assert (said.speaker.name, said.speaker.evidence[0].text) == (None, "they")


# --------------------------------------------------------------------------- who speaks: relative clauses, continuations


@pytest.mark.parametrize(
    "text",
    [
        "The head of the parliament's defence committee, Hakim Saleh, who insisted that the border was secure, "
        "left the session early.",
        "Reporters met Hakim Saleh, the head of the parliament's defence committee, who insisted that the border "
        "was secure.",
    ],
)
def test_claims_relative_clause_speaker_is_its_antecedent_with_name_and_role(annotate, text):
    claim = _by_cue(annotate, text, "insisted")
    assert claim.content.text == "the border was secure"
    assert (claim.speaker.name, claim.speaker.role, claim.speaker.kind) == (
        "Hakim Saleh", "head of the parliament's defence committee", SpeakerKind.PERSON)
    # The evidence names the relative pronoun first, then the words that name the speaker.
    assert claim.speaker.evidence[0].text == "who"
    assert "Hakim Saleh" in claim.speaker.evidence[1].text


def test_claims_adding_after_a_colon_speaks_with_the_main_subject(annotate):
    text = "Colonel Idris Mansour spoke for an hour, adding: “No unit will be withdrawn from the valley.”"
    claim = _by_cue(annotate, text, "adding")
    assert claim.speaker.name == "Idris Mansour"
    assert claim.content.text == "No unit will be withdrawn from the valley."
    assert claim.direct is True


def test_claims_speaker_whose_role_ends_in_a_place_is_found_before_the_cue(annotate):
    # The parse hangs the name on the phrase before it and gives "said" no subject; the words right before the
    # cue end on the place of the role ("in Baghdad"), which is about the spokesman, not the speaker.
    text = 'At a briefing on Monday, Col. John Smith, a military spokesman in Baghdad, said, "The raid is over."'
    [claim] = _claims(annotate, text)
    assert claim.speaker.evidence[0].text == "Col. John Smith, a military spokesman in Baghdad"
    assert claim.content.text.rstrip(".") == "The raid is over"


def test_claims_he_added_resolves_to_the_named_speaker_with_both_in_evidence(annotate):
    text = "Governor Leyla Demir said the dam would hold. He added that the spillway had been repaired."
    claim = _by_cue(annotate, text, "added")
    assert claim.speaker.name == "Leyla Demir"
    assert [ev.text for ev in claim.speaker.evidence] == ["He", "Governor Leyla Demir"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Halgurd Hikmat, a spokesman for the Peshmerga, said the town was quiet. Later the spokesman said that two "
         "shells had landed near the school.", "Halgurd Hikmat"),
        ("General Yahya Rasool said the road was open. The official said later that two shells had landed near the "
         "school.", "Yahya Rasool"),
    ],
)
def test_claims_definite_description_resolves_to_the_nearest_fitting_named_speaker(annotate, text, name):
    claim = next(c for c in _claims(annotate, text) if "two shells" in c.content.text)
    assert claim.speaker.name == name
    assert claim.speaker.evidence[0].text.lower() in ("the spokesman", "the official")
    assert name in claim.speaker.evidence[1].text


def test_claims_indefinite_description_is_someone_new(annotate):
    text = "General Yahya Rasool said the road was open. A military official said the bridge was closed."
    claim = next(c for c in _claims(annotate, text) if "bridge" in c.content.text)
    assert claim.speaker.name == "military official"
    assert claim.speaker.kind is SpeakerKind.UNNAMED_SOURCE


def test_claims_quote_paragraph_continues_the_named_speaker_before_it(annotate):
    text = ("“We held the ridge for three days,” said Captain Rana Aziz.\n\n"
            "“Then the ammunition ran out and we had to leave the wounded with the villagers.”")
    [claim] = _claims(annotate, text)
    assert claim.speaker.name == "Rana Aziz"
    assert [ev.text for ev in claim.content.evidence] == [
        "We held the ridge for three days",
        "Then the ammunition ran out and we had to leave the wounded with the villagers."]


def test_claims_name_with_a_title_beside_it_is_a_person_and_he_adding_resolves_to_them(annotate):
    # The tagger reads "Karim Nouri" as a group here; the title in apposition says it is one person, so the
    # pronoun of the next sentence finds him and not the governor named before.
    text = ("Governor Leyla Demir opened the bridge. Karim Nouri, a spokesman for the volunteers, seized the moment "
            "to declare: “The valley is free.” He spoke for an hour, adding: “Nobody will be left behind.”")
    declared = _by_cue(annotate, text, "declare")
    assert (declared.speaker.name, declared.speaker.kind, declared.speaker.role) == (
        "Karim Nouri", SpeakerKind.PERSON, "spokesman for the volunteers")
    added = _by_cue(annotate, text, "adding")
    assert added.speaker.name == "Karim Nouri"
    assert [ev.text for ev in added.speaker.evidence] == ["He", "Karim Nouri, a spokesman for the volunteers"]
    assert added.content.text == "Nobody will be left behind."


def test_claims_second_verb_of_saying_beside_a_shifted_clause_is_the_speakers(annotate):
    text = ("Colonel Dara Aziz said the brigade had held the ridge for a week and denied that any village was "
            "shelled.")
    said, denied = _by_cue(annotate, text, "said"), _by_cue(annotate, text, "denied")
    assert said.content.text == "the brigade had held the ridge for a week"
    assert denied.content.text == "any village was shelled"
    assert denied.speaker.name == said.speaker.name == "Dara Aziz"


@pytest.mark.parametrize(
    ("text", "first", "second", "content"),
    [
        ("The mayor says the bridge would take a year to rebuild and tells the council that money is short.", "says",
         "tells", "the bridge would take a year to rebuild"),
        ("The envoy insists the truce must hold, and has urged both sides to pull back.", "insists", "urged",
         "the truce must hold"),
    ],
)
def test_claims_second_verb_in_the_cues_tense_is_the_speakers(annotate, text, first, second, content):
    outer, inner = _by_cue(annotate, text, first), _by_cue(annotate, text, second)
    assert outer.content.text == content
    assert inner.speaker.name == outer.speaker.name


def test_claims_second_verb_in_the_clauses_tense_stays_inside(annotate):
    # "said the coalition provided … and denied": the coalition may have denied; the words stay one claim.
    text = "The colonel said the brigade crossed the river and denied any role in the fire."
    said = _by_cue(annotate, text, "said")
    assert said.content.text == "the brigade crossed the river and denied any role in the fire"


def test_claims_second_verb_of_stance_beside_a_shifted_clause_is_the_speakers(annotate):
    text = "Senator Mira Holt said the new tax would cost jobs and praised the farmers for their patience."
    said, praised = _by_cue(annotate, text, "said"), _by_cue(annotate, text, "praised")
    assert said.content.text == "the new tax would cost jobs"
    assert praised.content.text == "the farmers for their patience"
    assert praised.speaker.name == "Mira Holt"


def test_claims_clause_hung_on_the_occasion_noun_is_the_content(annotate):
    [claim] = _claims(annotate, "The ministry said in a statement that the road to the border was open.")
    assert (claim.cue.text, claim.content.text) == ("said in a statement", "the road to the border was open")


# --------------------------------------------------------------------------- a claim's own date, medium, citation


def _time(text: str, words: str, value: str, precision: Precision) -> Time:
    start = text.index(words)
    return Time(value=value, precision=precision, start=None, end=None, basis=TimeBasis.ABSOLUTE,
                evidence=(_evidence(text, start, start + len(words)),), text=words)


def _evidence(text: str, start: int, end: int) -> Evidence:
    return Evidence(start=start, end=end, text=text[start:end])


def test_claims_own_date_and_medium(annotate):
    text = "In March 2019 the governor told Reuters: “The road to the valley is safe for returning families.”"
    ann = annotate(text)
    when = _time(text, "March 2019", "2019-03", Precision.MONTH)
    [claim] = extract_claims(ann, times=[when])
    assert claim.medium == "Reuters"
    assert claim.date is not None
    assert (claim.date.value, claim.date.precision) == ("2019-03", Precision.MONTH)
    assert claim.date.evidence[0].text == "March 2019"


def test_claims_own_date_and_medium_through_the_pipeline():
    from sitrep.pipeline import extract_one

    text = "In March 2019 the governor told Reuters: “The road to the valley is safe for returning families.”"
    report = extract_one(text, published="2020-06-01", outlet="Daily Test")
    [claim] = report.claims
    assert (claim.speaker.name, claim.medium) == ("governor", "Reuters")
    assert (claim.date.value, claim.date.precision) == ("2019-03", Precision.MONTH)
    assert [ev.text for ev in claim.date.evidence] == ["March 2019"]


def test_claims_a_time_inside_the_content_is_not_the_claims_date(annotate):
    text = "The police said on Tuesday that the bridge had collapsed in May."
    ann = annotate(text)
    said_on = _time(text, "Tuesday", "2019-06-11", Precision.DAY)
    in_may = _time(text, "May", "2019-05", Precision.MONTH)
    [claim] = extract_claims(ann, times=[in_may, said_on])
    assert claim.date is said_on


def test_claims_speaker_gets_the_actor_tables_name_for_it(annotate):
    text = "The US-led coalition said the bridge had been destroyed by its aircraft."
    ann = annotate(text)
    start = text.index("US-led coalition")
    actor = Actor(name="US-led coalition", canonical="Combined Joint Task Force", kind="coalition",
                  evidence=(_evidence(text, start, start + len("US-led coalition")),))
    [claim] = extract_claims(ann, actors=[actor])
    assert (claim.speaker.name, claim.speaker.canonical) == ("US-led coalition", "Combined Joint Task Force")


def test_claims_speaker_does_not_take_the_name_of_an_actor_inside_its_role(annotate):
    text = "A spokesman for the Ukrainian army said the shells had not come from its positions."
    ann = annotate(text)
    start = text.index("Ukrainian army")
    actor = Actor(name="Ukrainian army", canonical="Armed Forces of Ukraine", kind="state_forces",
                  evidence=(_evidence(text, start, start + len("Ukrainian army")),))
    [claim] = extract_claims(ann, actors=[actor])
    assert claim.speaker.canonical is None


def test_claims_citation_in_brackets_links_to_the_claim_before_it(annotate):
    text = ("The interior ministry said that four thousand families were still waiting in camps near Dohuk "
            "(Families stuck in camps, Kurdistan Monitor, 12 May 2019).")
    ann = annotate(text)
    citations = extract_citations(ann)
    [claim] = extract_claims(ann, citations=citations)
    assert [c.outlet for c in citations] == ["Kurdistan Monitor"]
    assert claim.citation_id == citations[0].id
    assert "Kurdistan Monitor" not in claim.content.text


# --------------------------------------------------------------------------- events get the right claimant


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        ("A car bomb killed four people in Kirkuk on Sunday, police said.", "speaker", "police"),
        ("Governor Leyla Demir told Reuters: “A drone struck the market in Daquq on Sunday.”", "speaker",
         "Leyla Demir"),
        # A stance or an intention asserts no event: the raid is the outlet's to tell, the attack is only planned.
        ("The senator praised the raid that killed two militants near Kirkuk on Sunday.", "outlet", "Daily Test"),
    ],
)
def test_an_event_told_inside_a_claim_is_asserted_by_its_speaker(text, kind, name):
    from sitrep.pipeline import extract_one

    report = extract_one(text, published="2024-03-12", outlet="Daily Test")
    events = [e for e in report.events if not e.verbal]
    assert events, [c.content.text for c in report.claims]
    by = events[0].asserted_by
    assert (by.kind.value, by.name) == (kind, name)
    if kind == "speaker":
        claim = next(c for c in report.claims if c.id == by.claim_id)
        assert events[0].id in claim.event_ids
    else:
        assert by.claim_id is None


# --------------------------------------------------------------------------- nominal cues


@pytest.mark.parametrize(
    ("text", "cue_word", "content", "speaker", "kind"),
    [
        ("The governor's support for the truce surprised the council.", "support", "the truce", "governor",
         ClaimKind.STANCE),
        ("The ministry's decision to reopen the border crossing angered the farmers.", "decision",
         "to reopen the border crossing", "ministry", ClaimKind.INTENTION),
        ("Nobody believed the commander's claim that the town had been evacuated.", "claim",
         "the town had been evacuated", "commander", ClaimKind.STATEMENT),
        ("In the minister's view, the truce will hold until the spring.", "view",
         "the truce will hold until the spring", "minister", ClaimKind.BELIEF),
    ],
)
def test_claims_nominal_cue_with_its_holder(annotate, text, cue_word, content, speaker, kind):
    claim = next(c for c in _claims(annotate, text) if cue_word in c.cue.text)
    assert claim.content.text == content
    assert claim.speaker.name == speaker
    assert claim.kind is kind


def test_claims_possessive_pronoun_holding_a_claim_resolves_to_the_person_named_before(annotate):
    text = "General Yahya Rasool spoke to the council for an hour. Few believed his claim that the bridge was safe."
    claim = _by_cue(annotate, text, "claim")
    assert claim.content.text == "the bridge was safe"
    assert claim.speaker.name == "Yahya Rasool"
    assert [ev.text for ev in claim.speaker.evidence] == ["his", "General Yahya Rasool"]


def test_claims_statement_noun_with_its_clause_is_a_claim_but_not_with_a_topic(annotate):
    text = "The ministry's statement that the border would reopen on Friday surprised the traders."
    claim = _by_cue(annotate, text, "statement")
    assert (claim.content.text, claim.speaker.name, claim.speaker.kind) == (
        "the border would reopen on Friday", "ministry", SpeakerKind.ORGANIZATION)
    # Where something was said is no claim of its own.
    assert _claims(annotate, "The ministry's statement on the curfew was short.") == []


def test_claims_nominal_cue_without_a_holder_is_no_claim(annotate):
    assert _claims(annotate, "Concerns over the water supply grew in the camps.") == []


def test_claims_attack_noun_is_a_stance_only_against_a_person(annotate):
    assert _claims(annotate, "The militia's attack on the base lasted two hours.") == []
    claim = _by_cue(annotate, "The senator's attacks on Omar Barzani continued all week.", "attacks on")
    assert (claim.content.text, claim.speaker.name) == ("Omar Barzani", "senator")


def test_claims_one_word_answer_is_a_claim(annotate):
    [claim] = _claims(annotate, "Most of the villagers said yes.")
    assert (claim.content.text, claim.speaker.name) == ("yes", "Most of the villagers")


def test_claims_verb_of_saying_with_only_a_topic(annotate):
    [claim] = _claims(annotate, "The doctor wrote about the shortage of insulin in the camps.")
    assert claim.content.text == "the shortage of insulin in the camps"


# --------------------------------------------------------------------------- more verbs of saying and seeing


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The engineer pointed out that the dam had not been inspected for years.", "pointed out",
         "the dam had not been inspected for years"),
        ("The council has made clear that the market will stay closed.", "made clear",
         "the market will stay closed"),
        ("The minister ruled out talks with the rebels.", "ruled out", "talks with the rebels"),
        ("The mayor lamented that the aid had come too late.", "lamented", "the aid had come too late"),
    ],
)
def test_claims_phrasal_and_less_common_verbs_of_saying(annotate, text, cue, content):
    claim = _by_cue(annotate, text, cue)
    assert claim.content.text == content
    assert claim.kind is ClaimKind.STATEMENT


def test_claims_refusal_is_an_intention_and_what_it_refuses_is_no_claim(annotate):
    [claim] = _claims(annotate, "The general refused to confirm the number of casualties.")
    assert (claim.cue.text, claim.content.text, claim.kind) == (
        "refused", "to confirm the number of casualties", ClaimKind.INTENTION)


def test_claims_what_a_poll_shows_is_the_polls(annotate):
    [claim] = _claims(annotate, "In the latest poll, the governor leads his rival by six points.")
    assert claim.speaker.kind is SpeakerKind.DOCUMENT
    assert claim.content.text == "the governor leads his rival by six points"


def test_claims_in_the_poll_voters_speak_themselves(annotate):
    [claim] = _claims(annotate, "In the poll, most voters said the curfew should end.")
    assert (claim.speaker.name, claim.cue.text) == ("most voters", "said")


def test_claims_question_put_to_the_subject_of_a_passive(annotate):
    [claim] = _claims(annotate, "The mayor was asked by reporters about the curfew.")
    assert (claim.speaker.name, claim.content.text, claim.kind) == ("reporters", "the curfew", ClaimKind.QUESTION)


def test_claims_what_witnesses_saw_is_theirs_but_a_place_sees_nothing(annotate):
    [claim] = _claims(annotate, "Witnesses saw the drone hit the market.")
    assert (claim.speaker.name, claim.content.text, claim.kind) == (
        "Witnesses", "the drone hit the market", ClaimKind.BELIEF)
    assert _claims(annotate, "The town has seen heavy fighting since May.") == []


def test_claims_cue_after_a_quote_with_its_auxiliary(annotate):
    [claim] = _claims(annotate, "“We will not leave the valley,” she has said many times.")
    assert (claim.cue.text, claim.content.text, claim.direct) == ("said", "We will not leave the valley", True)


def test_claims_cue_after_a_quote_past_a_long_apposition(annotate):
    text = ("“The wells will run dry by August,” the hydrologist Amira Nasser, a former adviser to the regional "
            "water authority, wrote.")
    [claim] = _claims(annotate, text)
    assert (claim.speaker.name, claim.cue.text) == ("Amira Nasser", "wrote")


def test_claims_passive_report_with_its_agent(annotate):
    [claim] = _claims(annotate, "News of the ceasefire was first reported by the Kurdistan Monitor.")
    assert (claim.speaker.name, claim.content.text) == ("Kurdistan Monitor", "News of the ceasefire")


def test_claims_title_case_quote_with_no_speaker_is_a_title_not_a_claim(annotate):
    assert _claims(annotate, "The crowd carried banners with “Bring Our Soldiers Home Now” past the ministry.") == []
    # What a banner reads is the banner's (PolNeAR: "signs which read “…”").
    [claim] = _claims(annotate, "The crowd carried banners reading “Bring Our Soldiers Home Now” past the ministry.")
    assert (claim.speaker.evidence[0].text, claim.cue.text) == ("banners", "reading")


def test_claims_passive_stance_names_who_takes_it_and_force_stays_force(annotate):
    [claim] = _claims(annotate, "The ceasefire plan was backed by most of the deputies.")
    assert (claim.speaker.name, claim.content.text, claim.kind) == (
        "most of the deputies", "The ceasefire plan", ClaimKind.STANCE)
    assert _claims(annotate, "The convoy was attacked by militants near the bridge.") == []


def test_claims_topic_hung_on_the_addressee(annotate):
    [claim] = _claims(annotate, "The envoy is talking to the elders about the return of the displaced.")
    assert claim.content.text == "the return of the displaced"


@pytest.mark.parametrize("text", ["An air weapons team supporting ground forces engaged the insurgents.",
                                  "The troops were backed by artillery."])
def test_claims_military_support_is_no_stance(annotate, text):
    assert _claims(annotate, text) == []


def test_claims_headline_surname_of_a_person_named_in_the_text_speaks(annotate):
    text = "Okafor: 'Never trust a calm river.'\n\nSenator Bola Okafor gave the students some advice on Monday."
    claim = _by_cue(annotate, text, ":")
    assert (claim.speaker.name, claim.content.text) == ("Okafor", "'Never trust a calm river.'")
    # A capitalised word no person of the text carries is a label, not a speaker.
    other = "Warning: 'Never trust a calm river.'\n\nSenator Bola Okafor gave the students some advice on Monday."
    assert [c for c in _claims(annotate, other) if c.cue.text == ":"] == []


def test_claims_asked_whether_is_a_question_put_with_no_asker(annotate):
    text = "Asked whether the road was open, the mayor said the army would decide."
    asked = _by_cue(annotate, text, "Asked")
    assert (asked.content.text, asked.kind, asked.speaker.name) == ("whether the road was open", ClaimKind.QUESTION,
                                                                    None)
    assert _by_cue(annotate, text, "said").speaker.name == "mayor"


def test_claims_quoted_programme_title_is_the_medium_not_words_said(annotate):
    text = "Senator Rana Aziz said on ABC’s “This Week With George Stephanopoulos” that the vote was lost."
    ann = annotate(text)
    this_week = _time(text, "This Week", "2019-W24", Precision.WEEK)
    [claim] = extract_claims(ann, times=[this_week])
    assert (claim.content.text, claim.medium) == ("the vote was lost", "ABC")
    assert claim.date is None  # the programme's name dates nothing


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("The inquiry concluded that the fire at the depot was set on purpose.", "concluded",
         "the fire at the depot was set on purpose", "inquiry"),
        ("The old farmer recalled that the river had flooded twice that spring.", "recalled",
         "the river had flooded twice that spring", "old farmer"),
        ("The old farmer recalled the long winter of the siege.", "recalled", "the long winter of the siege",
         "old farmer"),
    ],
)
def test_claims_what_is_concluded_or_recalled(annotate, text, cue, content, speaker):
    claim = _by_cue(annotate, text, cue)
    assert (claim.content.text, claim.speaker.name) == (content, speaker)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We will open the road to the farms, and we will keep it open," the governor said, adding that the valley '
         'would get a "new school where children can learn, they can play [and] they can grow."', "the governor"),
        ('"The dam will hold," said Amal Nasser, the chief engineer, explaining that the "walls were rebuilt, they '
         'were tested [and] they passed."', "Amal Nasser, the chief engineer"),
    ],
)
def test_claims_participle_after_a_cue_speaks_with_its_speaker_wherever_the_parse_hangs_it(annotate, text, speaker):
    claims = _claims(annotate, text)
    assert [c.speaker.evidence[0].text for c in claims] == [speaker, speaker]


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("When asked whether the bridge would reopen, the mayor said the engineers would decide.",
         "whether the bridge would reopen"),
        ("The colonel smiled when asked which road the convoy would take.", "which road the convoy would take"),
    ],
)
def test_claims_question_put_in_a_when_asked_clause_is_a_claim_of_no_one_named(annotate, text, question):
    asked = [c for c in _claims(annotate, text) if c.cue.text == "asked"]
    assert [(c.content.text, c.kind, c.speaker.evidence) for c in asked] == [(question, ClaimKind.QUESTION, ())]


def test_claims_what_the_object_is_called_when_the_parse_makes_it_a_clause(annotate):
    claims = _claims(annotate, 'One adviser has called the policy "caution gone mad."')
    assert [(c.cue.text, c.content.text) for c in claims] == [("called", 'the policy "caution gone mad')]


def test_claims_calling_someone_named_beside_their_title_is_no_claim(annotate):
    assert _claims(annotate, "The mayor called John Smith, the engineer, on Monday.") == []


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("Senator Vance Endorses Mayor Ruiz For Governor\n\nThe senator spoke in Dayton on Friday.", "Senator Vance",
         "Endorses", "Mayor Ruiz For Governor"),
        ("Farm Union Slams New Water Tax In Open Letter\n\nThe letter was sent on Monday.", "Farm Union", "Slams",
         "New Water Tax In Open Letter"),
    ],
)
def test_claims_title_case_headline_divides_at_its_cue_verb(annotate, text, speaker, cue, content):
    claims = _claims(annotate, text)
    assert [(c.speaker.evidence[0].text, c.cue.text, c.content.text) for c in claims] == [(speaker, cue, content)]


def test_claims_title_case_headline_with_no_cue_verb_is_no_claim(annotate):
    assert _claims(annotate, "Flood Waters Reach The Old Market Square\n\nThe river rose overnight.") == []


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("Mr. Haddad is a vocal advocate of the new dam.", "is a vocal advocate of", "the new dam", "Mr. Haddad"),
        ("The mayor has long been a fierce critic of the water tax.", "been a fierce critic of", "the water tax",
         "mayor"),
    ],
)
def test_claims_one_who_takes_a_stance_as_the_subjects_attribute(annotate, text, cue, content, speaker):
    claims = _claims(annotate, text)
    assert [(c.cue.text, c.content.text, c.speaker.name, c.kind) for c in claims] == [
        (cue, content, speaker, ClaimKind.STANCE)]


def test_claims_supporters_named_as_a_group_hold_no_stance_here(annotate):
    assert _claims(annotate, "Supporters of the governor gathered in the square on Friday.") == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The senator has been touring the state in hopes of winning the primary.", "winning the primary", "senator"),
        ("The mayor closed the market in the hope of calming the protests.", "calming the protests", "mayor"),
    ],
)
def test_claims_in_hopes_of_is_the_doers_intention(annotate, text, content, speaker):
    claims = _claims(annotate, text)
    assert [(c.content.text, c.speaker.name, c.kind) for c in claims] == [(content, speaker, ClaimKind.INTENTION)]


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ('"Your plan is a good one," the governor assured the engineers.', "assured", "the governor"),
        ('"It was a hard winter," remembered Amal Nasser, the chief engineer.', "remembered",
         "Amal Nasser, the chief engineer"),
    ],
)
def test_claims_any_verb_of_a_speaker_right_after_a_quote_is_its_cue(annotate, text, cue, speaker):
    claims = _claims(annotate, text)
    assert [(c.cue.text, c.speaker.evidence[0].text, c.direct) for c in claims] == [(cue, speaker, True)]


def test_claims_verb_of_a_thing_after_a_quote_is_no_cue(annotate):
    claims = _claims(annotate, '"It was a hard winter," the river rose again.')
    assert [(c.cue.text, c.speaker.evidence) for c in claims] == [("", ())]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The river took our fields," said the farmer, who like most people in the valley asked not to be named.',
         "the farmer"),
        ('"How deep is the new canal?" asked the girl, who was holding a blue kite.', "the girl"),
    ],
)
def test_claims_person_described_right_after_the_cue_speaks(annotate, text, speaker):
    claims = _claims(annotate, text)
    assert claims[0].direct and [ev.text for ev in claims[0].speaker.evidence] == [speaker]


@pytest.mark.parametrize(
    "text", ["The senator rose in the polls over the summer.", "The mayor still leads in national polls by a wide margin."]
)
def test_claims_polls_in_general_are_no_source(annotate, text):
    assert _claims(annotate, text) == []


def test_claims_a_poll_named_is_still_the_source(annotate):
    claims = _claims(annotate, "In the latest Gallup poll, the senator leads by six points.")
    assert [(c.cue.text, c.content.text) for c in claims] == [("In", "the senator leads by six points")]


def test_claims_celebrating_a_thing_is_no_stance(annotate):
    assert _claims(annotate, "The farmers celebrated the end of the drought.") == []


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("The village elders expressed concern about the new checkpoint on the river road.", "expressed concern about",
         "the new checkpoint on the river road", "village elders"),
        ("Colonel Amadou Diallo voiced strong doubts that the truce would last the month.", "voiced strong doubts",
         "the truce would last the month", "Amadou Diallo"),
        ("The aid agencies raised new questions about the fuel convoy.", "raised new questions about",
         "the fuel convoy", "aid agencies"),
    ],
)
def test_claims_bare_feeling_expressed_belongs_to_the_cue(annotate, text, cue, content, speaker):
    claim = _by_cue(annotate, text, cue)
    assert claim.content.text == content
    assert claim.speaker.name == speaker


def test_claims_feeling_with_a_possessor_stays_in_the_content(annotate):
    claim = _by_cue(annotate, "The governor voiced his opposition to the dam project.", "voiced")
    assert claim.content.text == "his opposition to the dam project"


def test_claims_raising_a_thing_that_is_no_view_is_no_claim(annotate):
    text = "The militia raised funds for its fighters, and the strike raised concern among the elders."
    assert [c.cue.text for c in _claims(annotate, text)] == []


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # The parse hangs the name on the relative clause before it and leaves the verb with no subject.
        ("At the Riverside camp, where it costs families $200 to register, Omar Haddad, the camp's 60-year-old "
         "director and chief medic, suggested that the shortages could be blamed on poor planning.", "suggested",
         "Omar Haddad"),
        # The parse hangs the subject on the auxiliary.
        ("Honestly, I don’t doubt that Kabul moment.", "doubt", "I"),
    ],
)
def test_claims_cue_the_parse_left_without_subject_speaks_with_the_phrase_before_it(annotate, text, cue, speaker):
    claim = _by_cue(annotate, text, cue)
    assert claim.speaker.evidence and claim.speaker.evidence[0].text.startswith(speaker)


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("The rebel council issued a statement saying it had withdrawn from the town.", "saying", "rebel council"),
        ("The camp's director sent an email to donors stating that the food would run out in May.", "stating",
         "camp's director"),
    ],
)
def test_claims_document_put_out_speaks_for_whoever_put_it_out(annotate, text, cue, speaker):
    assert _by_cue(annotate, text, cue).speaker.name == speaker


def test_claims_document_cited_by_someone_else_speaks_for_itself(annotate):
    claim = _by_cue(annotate, "The minister cited a memo saying the road was closed.", "saying")
    assert claim.speaker.evidence[0].text == "a memo"


def test_claims_subject_seeming_to_say_speaks_through_the_inner_verb(annotate):
    claims = _claims(annotate, "The commander seemed to indicate that the offensive would resume.")
    assert [(c.cue.text, c.speaker.name, c.content.text) for c in claims] == [
        ("indicate", "commander", "the offensive would resume")]


def test_claims_seeming_with_no_verb_of_saying_stays_the_writers_judgement(annotate):
    claims = _claims(annotate, "The donors appear to have ties to the militia.")
    assert [(c.cue.text, c.speaker.name) for c in claims] == [("appear", None)]


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("The governor predicted a long war in the valley.", "predicted", "a long war in the valley", "governor"),
        ("The rebel commander conceded defeat in the north.", "conceded", "defeat in the north", "rebel commander"),
        ("The old cook often tells a very different story.", "tells", "a very different story", "old cook"),
    ],
)
def test_claims_verb_of_saying_with_a_noun_object_takes_it_as_a_stance(annotate, text, cue, content, speaker):
    claim = _by_cue(annotate, text, cue)
    assert (claim.content.text, claim.speaker.name) == (content, speaker)


def test_claims_whom_something_was_told_to_is_no_content(annotate):
    assert _claims(annotate, "Senator Ali left, telling reporters in the hallway.") == []


def test_claims_quoted_word_ending_a_reported_clause_stays_with_its_cue(annotate):
    text = 'The mayor said the relief system was "corrupt," noting that no convoy had arrived for a week.'
    claims = {c.cue.text: c for c in _claims(annotate, text)}
    assert claims["said"].content.text.startswith("the relief system was")
    assert claims["noting"].content.text == "no convoy had arrived for a week"


def test_claims_reported_words_opening_at_the_quote_mark_run_to_its_close(annotate):
    text = "The colonel told reporters that “if the rain stops we will cross at dawn. If it does not, we wait.”"
    claim = _by_cue(annotate, text, "told")
    assert claim.content.text.endswith("If it does not, we wait.")


def test_claims_content_ending_on_a_conjunction_goes_on_with_the_verb_joined_to_the_cue(annotate):
    # The parse joins "face" to "announced" and leaves "and" at the end of the reported clause.
    text = ("On Monday, Okafor announced that Haddad was “deeply negligent” with secret cables and in the usual "
            "course of internal discipline would face a reprimand for his conduct.")
    claim = _by_cue(annotate, text, "announced")
    assert claim.content.text.endswith("would face a reprimand for his conduct")


def test_claims_quote_stopping_mid_clause_goes_on_with_the_words_after_its_mark(annotate):
    text = "The trader acknowledged, “We are going to need some big sales at the end” of the harvest season."
    claim = _by_cue(annotate, text, "acknowledged")
    assert claim.content.text.endswith("” of the harvest season")


def test_claims_quote_ending_on_a_comma_does_not_run_on(annotate):
    claim = _by_cue(annotate, "The colonel said, “We will hold the bridge,” and left.", "said")
    assert claim.content.text == "We will hold the bridge"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The envoy has reportedly left Kabul for talks in Doha.", "The envoy has … left Kabul for talks in Doha"),
        # A phrase set off by a comma and a clause of its own after "but" are the writer's.
        ("In total, rebels have reportedly seized three towns, leaving the army weakened.",
         "rebels have … seized three towns"),
        ("The minister was reportedly on the plane, but her aides had left earlier.", "The minister was … on the plane"),
    ],
)
def test_claims_reportedly_cues_the_clause_it_modifies_with_no_source(annotate, text, content):
    [claim] = _claims(annotate, text)
    assert (claim.cue.text, claim.content.text, claim.speaker.evidence) == ("reportedly", content, ())


def test_claims_reportedly_beside_a_verb_of_saying_leaves_the_speaker_to_it(annotate):
    text = "The general reportedly told aides that the war was lost."
    [claim] = _claims(annotate, text)
    assert (claim.cue.text, claim.speaker.evidence[0].text, claim.content.text) == (
        "told", "The general", "the war was lost")


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ('The columnist went so far as to say: “The paper is finished.”', "The columnist", "say",
         "The paper is finished."),
        ("The senator was quick to point out that the bill had already failed.", "The senator", "point out",
         "the bill had already failed"),
        ("Older voters were more likely to say they trusted the mayor.", "Older voters", "say",
         "they trusted the mayor"),
    ],
)
def test_claims_infinitive_under_a_qualifying_word_speaks_with_the_main_subject(annotate, text, speaker, cue,
                                                                                  content):
    [claim] = _claims(annotate, text)
    assert (claim.speaker.evidence[0].text, claim.cue.text, claim.content.text) == (speaker, cue, content)


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("The senator has a long history of blaming the press for his defeats.", "The senator", "blaming",
         "the press for his defeats"),
        ("The mayor was the most aggressive in denouncing the new tax.", "The mayor", "denouncing", "the new tax"),
    ],
)
def test_claims_gerund_under_the_main_verbs_object_is_its_subjects(annotate, text, speaker, cue, content):
    [claim] = _claims(annotate, text)
    assert (claim.speaker.evidence[0].text, claim.cue.text, claim.content.text) == (speaker, cue, content)


def test_claims_gerund_inside_a_subject_is_no_ones(annotate):
    assert _claims(annotate, "The idea of blaming the press gathered steam.") == []


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        # A view with a "that" clause is held by the subject of the clause around it ...
        ("The rebels clung to the hope that the talks would resume.", "The rebels", "hope", "the talks would resume"),
        # ... a complaint by no one named here.
        ("The mine stayed shut after complaints that the water was poisoned.", None, "complaints",
         "the water was poisoned"),
    ],
)
def test_claims_noun_of_view_with_a_that_clause_and_no_holder_beside_it(annotate, text, speaker, cue, content):
    [claim] = _claims(annotate, text)
    assert (claim.speaker.evidence[0].text if claim.speaker.evidence else None, claim.cue.text,
            claim.content.text) == (speaker, cue, content)


def test_claims_noun_of_view_with_only_a_topic_and_no_holder_is_no_claim(annotate):
    assert _claims(annotate, "Work stopped amid concerns over the cost of the bridge.") == []


# --------------------------------------------------------------------------- direct quotes: the cue after them


def test_claims_answer_after_a_question_quote_is_a_claim_of_its_own(annotate):
    text = ("“Can you name one road the council has mended?” she asks.\n\n"
            "“I can name two. Besides those, not a single one,” Okafor answers.\n\nThe meeting ends at noon.")
    asks, answers = _by_cue(annotate, text, "asks"), _by_cue(annotate, text, "answers")
    assert asks.content.text == "Can you name one road the council has mended?"
    assert answers.content.text == "I can name two. Besides those, not a single one"
    assert answers.speaker.name == "Okafor"


def test_claims_verb_of_saying_read_as_a_plural_noun_is_still_the_cue(annotate):
    # The tagger reads "answers" after a surname as a plural noun ("the Bozell answers").
    claim = _by_cue(annotate, "“We will win the vote next week,” Bozell answers.", "answers")
    assert claim.speaker.name == "Bozell"
    assert claim.content.text == "We will win the vote next week"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We will take the town back,” a reference to the 2014 offensive, the general said.", "general"),
        ("“It feels like the winter of 1990 again,” the coldest year of the war, Okafor says.", "Okafor"),
    ],
)
def test_claims_gloss_between_a_quote_and_its_speaker_is_not_the_speaker(annotate, text, speaker):
    claims = _claims(annotate, text)
    assert [c.speaker.name for c in claims] == [speaker]


@pytest.mark.parametrize("text", ["The blast claimed 12 lives, police said.",
                                  "Market Attack Claims 9 Lives in Djibo\nNine traders were killed, police said."])
def test_claims_a_toll_of_lives_claimed_is_no_claim(annotate, text):
    assert [c.cue.text for c in _claims(annotate, text)] == ["said"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The ministry said nine guards were killed and four others wounded, adding four attackers were killed.",
         "ministry"),
        ("The army said 14 soldiers were killed and 15 others wounded, adding 17 attackers were killed in the battle.",
         "army"),
    ],
)
def test_claims_participle_after_a_reported_clause_speaks_with_the_cue_before_it(annotate, text, speaker):
    # the parse hangs the participle on the reported clause's last verb ("wounded"), whose subject is no speaker
    [participle] = [c for c in _claims(annotate, text) if c.cue.text == "adding"]
    assert participle.speaker.name == speaker


def test_claims_the_day_a_report_came_out_is_not_who_wrote_it(annotate):
    text = "Gunmen burned a clinic in Kibati on Friday, according to a report in Monday's edition of a regional weekly."
    [claim] = _claims(annotate, text)
    assert claim.speaker.name != "Monday" and "weekly" in (claim.speaker.name or "")


@pytest.mark.parametrize(("text", "speaker"), [
    # a time the parse hangs on the speaker is when they spoke, not part of who they are
    ("Six guards were killed at the depot, said the regional monitoring group on Thursday.", "regional monitoring group"),
    ("The depot was hit twice, Okafor this week told reporters.", "Okafor"),
    # a name in front of a report is the whole name, not its first word
    ("Six guards were killed, according to a Federal Highway Patrol press release.", "Federal Highway Patrol"),
])
def test_claims_speaker_is_the_whole_name_without_the_time_it_spoke(annotate, text, speaker):
    assert [c.speaker.name for c in _claims(annotate, text)] == [speaker]
