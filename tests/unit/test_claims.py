"""The claims stage: quotes, reported speech, speakers, media and scare quotes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sitrep.extract.citations import extract_citations
from sitrep.extract.claims import extract_claims, find_quotes, find_scare_quotes
from sitrep.lang import Lexicon, default_lexicon
from sitrep.model import Annotations, Claim, ClaimKind, Span, SpeakerKind, check_evidence, stable_id


def _raw(text: str) -> Annotations:
    """Annotations with paragraphs only: enough for quote pairing, which reads the raw text."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line:
            spans.append(Span(start=pos, end=pos + len(line), token_start=0, token_end=0, label="P"))
        pos += len(line) + 1
    return Annotations(text=text, tokens=(), sentences=(), entities=(), paragraphs=tuple(spans))


def _quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(_raw(text))]


def _claims(annotate, text: str, **kw) -> list[Claim]:
    ann = annotate(text)
    claims = extract_claims(ann, **kw)
    for c in claims:
        evidence = [*c.content.evidence, *c.cue.evidence, *c.speaker.evidence]
        assert check_evidence(text, evidence) == []
        assert c.extractor == "claims@4"
    return claims


def _one(annotate, text: str) -> Claim:
    claims = _claims(annotate, text)
    assert len(claims) == 1, [c.content.text for c in claims]
    return claims[0]


# --------------------------------------------------------------------------- quote pairing (no parser)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will hold the line," he said.', ["We will hold the line"]),
        ("“We will hold the line,” he said.", ["We will hold the line"]),
        ("‘We don’t have enough men,’ he said.", ["We don’t have enough men"]),
        ("'The soldiers’ families deserve better,' she said.", ["The soldiers’ families deserve better"]),
        ("The town was “liberated” and the people don’t agree.", ["liberated"]),
        ("Residents of the '90s-era blocks fled.", []),
        ("“First sentence. Second one.”", ["First sentence. Second one."]),
        # Two apostrophes typeset as one double mark, with an apostrophe inside and a nested single quote.
        ("''We don't retreat,'' the mayor said.", ["We don't retreat"]),
        ("''They shouted 'never' at us,'' she said.", ["They shouted 'never' at us"]),
        ("``Hold the bridge,'' he ordered.", ["Hold the bridge"]),
    ],
)
def test_find_quotes_pairs_marks_and_skips_apostrophes(text, expected):
    assert _quoted(text) == expected


def test_find_quotes_runs_an_unclosed_quote_to_the_paragraph_end():
    text = "“We stayed in the basement for three days\n“Nobody came.”"
    assert _quoted(text) == ["We stayed in the basement for three days", "Nobody came."]


def _lexicon_with(**claims: object) -> Lexicon:
    """The English lexicon with some keys of claims.yaml replaced, as another language's file would."""
    en = default_lexicon()
    return replace(en, code="xx", sections={**en.sections, "claims": {**en.sections["claims"], **claims}})


def test_find_quotes_reads_the_quote_marks_from_the_lexicon():
    text = "Er sagte: „Wir bleiben.“"
    german = _lexicon_with(quote_marks={"double": {"open": "„", "close": "“"}, "single": {"open": "‚", "close": "‘"}})
    assert [text[q.start : q.end] for q in find_quotes(_raw(text), lexicon=german)] == ["Wir bleiben."]
    # English closes a quote with ” only, so the German closing mark is left inside a quote run to the end.
    assert _quoted(text) == ["Wir bleiben.“"]


def test_find_quotes_pairs_guillemets():
    assert _quoted("Il a dit : « Nous resterons. »") == ["Nous resterons."]


@pytest.mark.slow
def test_claims_speech_verbs_come_from_the_lexicon(annotate):
    ann = annotate("The general whispered that the town had fallen.")
    assert extract_claims(ann) == []
    words = [*default_lexicon().phrases("claims", "speech_verbs"), "whisper"]
    [claim] = extract_claims(ann, lexicon=_lexicon_with(speech_verbs=words))
    assert (claim.cue.text, claim.content.text) == ("whispered", "the town had fallen")


def test_find_quotes_content_excludes_marks_with_exact_offsets():
    text = "He said: “Mosul will be free.”"
    [q] = find_quotes(_raw(text))
    assert text[q.open] == "“" and text[q.close] == "”"
    assert text[q.start : q.end] == "Mosul will be free."


# --------------------------------------------------------------------------- direct quotes


@pytest.mark.slow
@pytest.mark.parametrize("marks", [('"', '"'), ("“", "”"), ("‘", "’")])
def test_claims_direct_quote_with_cue_after(annotate, marks):
    o, c = marks
    text = f"{o}The city is ours,{c} said Colonel Steve Warren, a spokesman for the coalition."
    claim = _one(annotate, text)
    assert claim.direct is True
    assert claim.content.text == "The city is ours"
    assert claim.cue.text == "said"
    # The title and the apposition are both his role.
    assert (claim.speaker.name, claim.speaker.role, claim.speaker.kind) == (
        "Steve Warren", "Colonel, spokesman for the coalition", SpeakerKind.PERSON)
    assert claim.id == stable_id("cl", claim.content.evidence[0].start, claim.content.evidence[0].end)


@pytest.mark.slow
def test_claims_joins_quote_split_around_cue(annotate):
    text = 'Colonel Steve Warren spoke on Friday. "We will retake the city," he said, "whatever it costs."'
    claim = _one(annotate, text)
    assert [e.text for e in claim.content.evidence] == ["We will retake the city", "whatever it costs."]
    assert claim.content.text == "We will retake the city … whatever it costs."
    assert claim.speaker.name == "Steve Warren"
    assert claim.id == stable_id("cl", claim.content.evidence[0].start, claim.content.evidence[1].end)


@pytest.mark.slow
def test_claims_keeps_multi_sentence_quote_whole(annotate):
    text = '"We don\'t know how many died. The count is still going on," a military official said.'
    claim = _one(annotate, text)
    assert claim.content.text == "We don't know how many died. The count is still going on"
    assert claim.speaker.name == "military official"
    assert claim.speaker.kind is SpeakerKind.UNNAMED_SOURCE


@pytest.mark.slow
def test_claims_direct_quote_after_colon_with_medium(annotate):
    text = 'Hadi al-Amiri told Reuters: "We have retaken the bridge and the road to Baiji."'
    claim = _one(annotate, text)
    assert claim.direct is True
    assert claim.medium == "Reuters"
    assert claim.content.text == "We have retaken the bridge and the road to Baiji."


@pytest.mark.slow
def test_claims_quote_without_speaker_is_unnamed(annotate):
    claim = _one(annotate, "“The situation is very dangerous and people are fleeing the villages.”")
    assert claim.speaker.name is None
    assert claim.speaker.kind is SpeakerKind.UNNAMED_SOURCE
    assert claim.cue.evidence == ()
    assert claim.direct is True


@pytest.mark.slow
def test_claims_separate_speakers_for_consecutive_attributed_quotes(annotate):
    text = '"The bridge is gone," said Ahmed Hassan, a resident. "They shelled it all night," said Laila Karim.'
    claims = _claims(annotate, text)
    assert [(c.content.text, c.speaker.name) for c in claims] == [
        ("The bridge is gone", "Ahmed Hassan"), ("They shelled it all night", "Laila Karim")]
    assert claims[0].speaker.role == "resident"


# --------------------------------------------------------------------------- reported speech


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("Iraqi security sources reported that 22 fighters were killed near Baiji on Monday.", "reported",
         "22 fighters were killed near Baiji on Monday", "Iraqi security sources"),
        ("The governor said the strike hit a crowded market in Hit.", "said",
         "the strike hit a crowded market in Hit", "governor"),
        ("A car bomb killed five people in Baghdad, police said.", "said",
         "A car bomb killed five people in Baghdad", "police"),
        ("According to police, a car bomb exploded in Baghdad.", "According to", "a car bomb exploded in Baghdad",
         "police"),
        ("The Islamic State group claimed responsibility for the attack in a statement.", "claimed … in a statement",
         "responsibility for the attack", "Islamic State group"),
        ("The Pentagon announced the capture of the airport.", "announced", "the capture of the airport", "Pentagon"),
        ("The ministry denied that civilians were killed in the raid.", "denied", "civilians were killed in the raid",
         "ministry"),
        ("The army insisted the strike hit an arms depot.", "insisted", "the strike hit an arms depot", "army"),
        ("A military official confirmed the deaths of 12 soldiers.", "confirmed", "the deaths of 12 soldiers",
         "military official"),
        ("The United Nations warned that the fighting had displaced 200,000 people.", "warned",
         "the fighting had displaced 200,000 people", "United Nations"),
        ("The group said in a statement that its fighters had killed 30 soldiers.", "said in a statement",
         "its fighters had killed 30 soldiers", "group"),
    ],
)
def test_claims_reported_speech(annotate, text, cue, content, speaker):
    claim = _one(annotate, text)
    assert claim.direct is False
    assert (claim.cue.text, claim.content.text, claim.speaker.name) == (cue, content, speaker)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "medium"),
    [
        ("Jafar al-Jaberi told the Fars news agency that the city would fall soon.", "Fars news agency"),
        ("In an interview with CNS, the minister said the army would not withdraw.", "CNS"),
        ("A commander told Reuters that his unit had lost 40 men.", "Reuters"),
        ("A commander told reporters that his unit had lost 40 men.", None),
        ("Twenty-two soldiers were killed, according to a Reuters report on Monday.", "Reuters"),
    ],
)
def test_claims_medium(annotate, text, medium):
    assert _one(annotate, text).medium == medium


@pytest.mark.slow
def test_claims_reported_content_keeps_partial_quote(annotate):
    text = 'Officials said the militants were "on the run and losing ground every day" in Anbar.'
    claim = _one(annotate, text)
    assert claim.direct is False
    assert claim.content.text == 'the militants were "on the run and losing ground every day" in Anbar'


@pytest.mark.slow
def test_claims_content_leaves_out_trailing_citation(annotate):
    text = ("Kirkuk police chief Brigadier Sarhad Qadir said 12 people were killed in the blast "
            "(Car bomb kills 12 in Kirkuk, Rudaw, 4 May 2016).")
    ann = annotate(text)
    citations = extract_citations(ann)
    [claim] = extract_claims(ann, citations=citations)
    assert claim.content.text == "12 people were killed in the blast"
    assert claim.citation_id == citations[0].id
    assert (claim.speaker.name, claim.speaker.role) == ("Sarhad Qadir", "Kirkuk police chief Brigadier")


@pytest.mark.slow
def test_claims_citation_in_next_sentence_position_links(annotate):
    text = 'Troops entered the city, the army said. (Army enters Ramadi, Reuters, 28 December 2015) Aid followed.'
    ann = annotate(text)
    [claim] = extract_claims(ann, citations=extract_citations(ann))
    assert claim.citation_id is not None


# --------------------------------------------------------------------------- speakers


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "role", "kind"),
    [
        ("US army colonel Steve Warren told reporters that the strikes hit a market.", "Steve Warren",
         "US army colonel", SpeakerKind.PERSON),
        ("Jafar al-Jaberi, coordinator of Iraqi popular forces, said the militants had fled.", "Jafar al-Jaberi",
         "coordinator of Iraqi popular forces", SpeakerKind.PERSON),
        ("Coordinator of Iraqi popular forces Jafar al-Jaberi said the militants had fled.", "Jafar al-Jaberi",
         "Coordinator of Iraqi popular forces", SpeakerKind.PERSON),
        ("A spokesman for the Kurdish Peshmerga, Halgurd Hikmat, said the attack was repelled.", "Halgurd Hikmat",
         "spokesman for the Kurdish Peshmerga", SpeakerKind.PERSON),
        ("The Pentagon said the strikes hit a training camp.", "Pentagon", None, SpeakerKind.ORGANIZATION),
        ("The Islamic State group said its fighters had seized the base.", "Islamic State group", None,
         SpeakerKind.ORGANIZATION),
        ("Security sources said 22 fighters were killed.", "Security sources", None, SpeakerKind.UNNAMED_SOURCE),
        ("The commander of the 5th Battalion warned that the militants were regrouping.",
         "commander of the 5th Battalion", "commander of the 5th Battalion", SpeakerKind.UNNAMED_SOURCE),
        ("Witnesses said the market was destroyed.", "Witnesses", None, SpeakerKind.UNNAMED_SOURCE),
        # Titles are actors.yaml's one table: an abbreviated rank is a role, not part of the name.
        ("The strikes hit a market, said Col. Rafael Torres.", "Rafael Torres", "Col.", SpeakerKind.PERSON),
        ("German Chancellor Angela Merkel said the talks had failed.", "Angela Merkel", "German Chancellor",
         SpeakerKind.PERSON),
        ("Medics said at least nine people were wounded.", "Medics", None, SpeakerKind.UNNAMED_SOURCE),
        ("Police said the bomber had worn a suicide vest.", "Police", None, SpeakerKind.UNNAMED_SOURCE),
        ("The statement, released by the Interior Ministry, said two officers were wounded.", "Interior Ministry",
         None, SpeakerKind.ORGANIZATION),
    ],
)
def test_claims_speaker(annotate, text, name, role, kind):
    speaker = _one(annotate, text).speaker
    assert (speaker.name, speaker.role, speaker.kind) == (name, role, kind)


@pytest.mark.slow
def test_claims_pronoun_resolves_to_previous_named_speaker(annotate):
    text = ("Colonel Steve Warren said the coalition had carried out 12 strikes. "
            "The weather was poor. He added that two bridges were destroyed.")
    claims = _claims(annotate, text)
    assert [c.speaker.name for c in claims] == ["Steve Warren", "Steve Warren"]
    pronoun, antecedent = claims[1].speaker.evidence[:2]
    assert pronoun.text == "He"
    assert "Steve Warren" in antecedent.text


@pytest.mark.slow
def test_claims_pronoun_she_resolves_to_titled_unnamed_speaker(annotate):
    text = "The governor said: “Our forces are advancing on three fronts.” She added that aid had arrived."
    claims = _claims(annotate, text)
    assert [c.speaker.name for c in claims] == ["governor", "governor"]
    assert claims[1].content.text == "aid had arrived"


@pytest.mark.slow
def test_claims_pronoun_falls_back_to_person_mentioned_earlier(annotate):
    text = "Steve Warren spoke to reporters in Baghdad. He said the coalition had carried out 12 strikes."
    assert _one(annotate, text).speaker.name == "Steve Warren"


@pytest.mark.slow
def test_claims_pronoun_without_antecedent_is_unnamed(annotate):
    speaker = _one(annotate, 'He said: "Mosul will be free."').speaker
    assert speaker.name is None
    assert speaker.evidence[0].text == "He"


# --------------------------------------------------------------------------- scare quotes


@pytest.mark.slow
def test_scare_quotes_are_not_claims(annotate):
    text = "The army said it had ‘accidentally’ hit the convoy after the town was \"liberated\"."
    ann = annotate(text)
    claims = extract_claims(ann)
    assert [c.cue.text for c in claims] == ["said"]
    assert [e.text for e in find_scare_quotes(ann)] == ["accidentally", "liberated"]


@pytest.mark.slow
def test_scare_quote_without_any_cue(annotate):
    ann = annotate("The coalition has carried out 'precision' strikes on the town.")
    assert extract_claims(ann) == []
    assert [e.text for e in find_scare_quotes(ann)] == ["precision"]


@pytest.mark.slow
def test_short_quote_with_cue_is_a_claim_not_a_scare_quote(annotate):
    ann = annotate('"Never," the general said when asked about a truce.')
    [claim] = [c for c in extract_claims(ann) if c.cue.text == "said"]
    assert claim.content.text == "Never"
    assert find_scare_quotes(ann) == []


@pytest.mark.slow
def test_claims_ids_are_stable_across_runs(annotate):
    text = '"We will retake the city," he said. Police said 4 people died.'
    assert [c.id for c in _claims(annotate, text)] == [c.id for c in _claims(annotate, text)]


@pytest.mark.slow
def test_claims_postposed_cue_after_long_clause_and_dateline(annotate):
    text = ("BAGHDAD — Iraqi forces backed by coalition airstrikes pushed into the western outskirts of Ramadi "
            "on Tuesday, military officials said, in the most serious attempt yet to retake the city.")
    claim = _one(annotate, text)
    assert claim.speaker.name == "military officials"
    assert claim.content.text == ("Iraqi forces backed by coalition airstrikes pushed into the western outskirts "
                                  "of Ramadi on Tuesday")


@pytest.mark.slow
def test_claims_bare_surname_takes_earlier_persons_name_and_role(annotate):
    text = ('"The enemy is collapsing," said Brigadier General Yahya Rasool. '
            "Rasool told state television that at least 40 militants had been killed.")
    claims = _claims(annotate, text)
    assert [(c.speaker.name, c.speaker.role, c.speaker.kind) for c in claims] == [
        ("Yahya Rasool", "Brigadier General", SpeakerKind.PERSON),
        ("Yahya Rasool", "Brigadier General", SpeakerKind.PERSON)]
    # The surname's own mention first, then the words that named him in full.
    assert [ev.text for ev in claims[1].speaker.evidence] == ["Rasool", "Brigadier General Yahya Rasool"]
    assert claims[1].medium == "state television"


@pytest.mark.slow
def test_claims_citation_in_next_paragraph_is_not_linked(annotate):
    text = ("He said the army had lost six soldiers.\n"
            "According to a Reuters report on Monday, the militants had blown up the bridge.")
    ann = annotate(text)
    claims = extract_claims(ann, citations=extract_citations(ann))
    assert [c.citation_id is None for c in claims] == [True, False]


@pytest.mark.slow
def test_claims_quote_in_one_paragraph_does_not_take_cue_from_next(annotate):
    text = '"We will not leave our homes."\nThe army said the road was open.'
    claims = _claims(annotate, text)
    assert [(c.direct, c.speaker.name) for c in claims] == [(True, None), (False, "army")]


@pytest.mark.slow
def test_claims_cue_after_quote_past_long_speaker_phrase(annotate):
    text = '"We were hit three times," Ahmed, a farmer from the village of Bashir, told AFP by telephone.'
    claim = _one(annotate, text)
    assert (claim.speaker.name, claim.speaker.role) == ("Ahmed", "farmer from the village of Bashir")
    assert (claim.cue.text, claim.medium) == ("told", "AFP")


@pytest.mark.slow
def test_scare_quote_does_not_take_the_cue_of_the_next_clause(annotate):
    text = 'Warren called the reports "baseless" and said the strikes were "precise and proportionate in every case".'
    ann = annotate(text)
    [claim] = extract_claims(ann)
    assert claim.direct is False
    assert claim.content.text == 'the strikes were "precise and proportionate in every case"'
    assert [e.text for e in find_scare_quotes(ann)] == ["baseless"]


@pytest.mark.slow
def test_claims_characterisation_carries_its_quoted_fragment_and_speaker(annotate):
    # What is described belongs to the claim as much as the quoted words (PolNeAR marks both as content).
    claim = _one(annotate, 'The minister described the operation as "a decisive victory over the terrorists".')
    assert (claim.direct, claim.speaker.name, claim.cue.text) == (False, "minister", "described")
    assert claim.content.text == 'the operation as "a decisive victory over the terrorists"'


# --------------------------------------------------------------------------- measured on attribution gold (claims@2)


@pytest.mark.slow
def test_claims_speaker_between_quote_and_cue_when_parse_hangs_it_inside_the_quote(annotate):
    text = ("“We have lost many men. The army is tired and so are our fighters,” Hadi Amiri, a militia commander, "
            "said on Monday on al-Sumaria’s “Evening News.” “We need more weapons.”")
    claim = _one(annotate, text)
    assert claim.speaker.name == "Hadi Amiri"
    assert [e.text for e in claim.content.evidence] == [
        "We have lost many men. The army is tired and so are our fighters", "We need more weapons."]


@pytest.mark.slow
def test_claims_participle_cue_speaks_with_main_subject_and_title_quote_is_not_joined(annotate):
    text = '"We see no sign of a second bomb," the governor said, adding that it would take "many hours" to search.'
    claims = _claims(annotate, text)
    assert [(c.speaker.name, c.direct, c.content.text) for c in claims] == [
        ("governor", True, "We see no sign of a second bomb"),
        ("governor", False, 'it would take "many hours" to search')]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cues"),
    [("The mayor said it was not yet clear whether a gas leak had caused the fire.", [("said", ClaimKind.STATEMENT)]),
     # A question left open is kept as a question (PolNeAR marks it), which asserts nothing.
     ("The army declined to say whether any soldiers were killed.", [("declined", ClaimKind.QUESTION)]),
     ("The campaign would not say if the envoy had met the rebels.", [("say", ClaimKind.QUESTION)])],
)
def test_claims_unasserted_speech_is_not_a_statement(annotate, text, cues):
    assert [(c.cue.text, c.kind) for c in _claims(annotate, text)] == cues


@pytest.mark.slow
def test_claims_accusation_content_keeps_the_charge(annotate):
    claim = _one(annotate, "Separatist commander Eduard Basurin accused Kiev of violating the ceasefire.")
    assert (claim.cue.text, claim.content.text) == ("accused", "Kiev of violating the ceasefire")


@pytest.mark.slow
def test_claims_outlet_named_post_is_the_speaker_not_a_statement(annotate):
    claim = _one(annotate, "The Kabul Post reported that the governor had fled the city.")
    assert claim.speaker.name == "Kabul Post"


@pytest.mark.slow
def test_claims_postposed_cue_takes_every_conjunct_of_the_content(annotate):
    text = ("The convoy was supposed to be escorted by the army, but the militants blocked the road before "
            "troops could arrive, a source said.")
    claim = _one(annotate, text)
    assert claim.content.text.startswith("The convoy was supposed")
    assert claim.content.text.endswith("before troops could arrive")


# --------------------------------------------------------------------------- claims and events (asserted_by)


@pytest.mark.slow
def test_claim_carries_every_event_in_its_content():
    from sitrep.pipeline import extract_one

    report = extract_one('"A car bomb killed five people in Kirkuk. Gunmen kidnapped two engineers in Hawija," '
                         "a police officer said.", published="2024-03-12", outlet="Test Wire")
    [claim] = report.claims
    assert len(report.events) == 2
    assert set(claim.event_ids) == {e.id for e in report.events}
    assert {(e.asserted_by.kind.value, e.asserted_by.claim_id) for e in report.events} == {("speaker", claim.id)}


@pytest.mark.slow
def test_event_in_nested_claim_is_asserted_by_innermost_speaker_and_own_voice_by_outlet():
    from sitrep.pipeline import extract_one

    report = extract_one("The army shelled the village of Bashir on Monday. Officials said the governor told reporters "
                         "that militants had burned a school in Daquq.", published="2024-03-12", outlet="Test Wire")
    by_trigger = {e.trigger.text: e.asserted_by for e in report.events}
    assert (by_trigger["shelled"].kind.value, by_trigger["shelled"].name) == ("outlet", "Test Wire")
    assert (by_trigger["burned"].kind.value, by_trigger["burned"].name) == ("speaker", "governor")
    governor = next(c for c in report.claims if c.speaker.name == "governor")
    assert governor.event_ids == (next(e.id for e in report.events if e.trigger.text == "burned"),)


@pytest.mark.slow
def test_claims_quote_without_cue_continues_previous_claim_in_paragraph(annotate):
    text = ('"We had problems with raids from the north," the governor said after the meeting. He did not name '
            'the attackers. "Our goal is to keep the roads open."\n"Nobody answers our calls," a resident said.')
    claims = _claims(annotate, text)
    assert [(c.speaker.name, [e.text for e in c.content.evidence]) for c in claims] == [
        ("governor", ["We had problems with raids from the north", "Our goal is to keep the roads open."]),
        ("resident", ["Nobody answers our calls"])]


@pytest.mark.slow
def test_claims_verbs_under_declined_are_not_claims(annotate):
    # The refusal is the president's position; "declare it responsible" is not something he said.
    text = "The minister declined to threaten Ankara or even call it responsible."
    assert [(c.cue.text, c.content.text, c.speaker.name) for c in _claims(annotate, text)] == [
        ("declined", "to threaten Ankara or even call it responsible", "minister")]


# --------------------------------------------------------------------------- cues that are not verbs of saying (claims@3)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [("The UN envoy called for an immediate ceasefire in Aleppo.", "called for",
      "an immediate ceasefire in Aleppo", "UN envoy"),
     # Who is asked is part of what is asked (PolNeAR: "urged" | "Kiev to withdraw").
     ("The governor called on residents to leave the city before nightfall.", "called on",
      "residents to leave the city before nightfall", "governor"),
     ("The ministry urged Kiev to withdraw its heavy weapons.", "urged", "Kiev to withdraw its heavy weapons",
      "ministry"),
     ("Police arrested two men, citing witnesses at the scene.", "citing", "witnesses at the scene", "Police"),
     ("The army declined to comment on the report.", "declined", "to comment on the report", "army"),
     ("The governor described the bombing as a massacre of civilians.", "described",
      "the bombing as a massacre of civilians", "governor"),
     ("Residents compared the siege to the fall of Srebrenica.", "compared the siege to", "the fall of Srebrenica",
      "Residents"),
     ("A survivor described the attack in detail.", "described", "the attack in detail", "survivor")],
)
def test_claims_requests_reasons_refusals_and_characterisations(annotate, text, cue, content, speaker):
    claim = _one(annotate, text)
    assert (claim.cue.text, claim.content.text, claim.speaker.name, claim.direct) == (cue, content, speaker, False)


@pytest.mark.slow
def test_claims_report_nouns_and_questions_put_have_no_named_source(annotate):
    claims = _claims(annotate, "Initial reports of shelling near Donetsk could not be confirmed. Asked about the "
                               "casualties, the commander said the toll was rising.")
    assert [(c.cue.text, c.content.text, c.speaker.name) for c in claims] == [
        ("Initial reports of", "shelling near Donetsk", None),
        ("Asked about", "the casualties", None),
        ("said", "the toll was rising", "commander")]


@pytest.mark.slow
def test_claims_participles_speak_with_the_main_subject(annotate):
    claims = _claims(annotate, "The mayor appeared on television and began by saying the fire was under control. "
                               "Analysts said the rebels had gained ground, citing satellite images of the front.")
    assert [(c.cue.text, c.speaker.name) for c in claims] == [("saying", "mayor"), ("said", "Analysts"),
                                                              ("citing", "Analysts")]


@pytest.mark.slow
def test_claims_refusal_is_a_claim_but_a_refused_question_is_not(annotate):
    claims = _claims(annotate, "The army declined to comment on the report, saying an inquiry was under way.")
    assert [(c.cue.text, c.content.text) for c in claims] == [
        ("declined", "to comment on the report"), ("saying", "an inquiry was under way")]
    [refused] = _claims(annotate, "The army declined to say whether any soldiers were killed.")
    assert (refused.content.text, refused.kind) == ("to say whether any soldiers were killed", ClaimKind.QUESTION)


@pytest.mark.slow
def test_claims_asked_as_the_occasion_of_a_quote_is_a_question_of_no_one_named(annotate):
    # PolNeAR codes the question put ("when asked about …") as an attribution with no source, beside the answer.
    claims = _claims(annotate, '"Never," the general said when asked about a truce.')
    assert [(c.cue.text, c.content.text, c.kind, c.speaker.evidence == ()) for c in claims] == [
        ("said", "Never", ClaimKind.STATEMENT, False), ("asked about", "a truce", ClaimKind.QUESTION, True)]


@pytest.mark.slow
def test_claims_quote_governed_by_an_earlier_word_does_not_take_the_next_cue(annotate):
    text = 'Condemning the "terrorist attack," the minister accused the rebels of shelling the market.'
    claims = _claims(annotate, text)
    # Condemning is the minister's stance towards the attack, not a cue of the quote's own.
    assert [(c.cue.text, c.content.text, c.speaker.name, c.kind.value) for c in claims] == [
        ("Condemning", 'the "terrorist attack', "minister", "stance"),
        ("accused", "the rebels of shelling the market", "minister", "statement")]


@pytest.mark.slow
def test_claims_clause_after_the_cue_is_what_was_told(annotate):
    text = "Claiming the strike was a mistake, the general told reporters that an inquiry had begun."
    told = next(c for c in _claims(annotate, text) if c.cue.text == "told")
    assert told.content.text == "an inquiry had begun"
