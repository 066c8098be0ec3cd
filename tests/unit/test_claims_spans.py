"""Where a claim's words start and end (issue 15, PolNeAR's convention): reported words that run into a quote
are one claim, a cue set inside its own content leaves the words before it in the content."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claim_checks import checked_claims as _claims
from sitrep.extract.claims import extract_claims
from sitrep.model import ClaimKind, SpeakerKind

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The general joked that he appreciates a good, “peaceful morning at the front.”", "joked",
         "he appreciates a good, “peaceful morning at the front"),
        ("The mayor called the new tax “a gift to the landlords of this city.”", "called",
         "the new tax “a gift to the landlords of this city"),
    ],
)
def test_claims_reported_words_running_into_a_quote_are_one_claim(annotate, text, cue, content):
    claims = _claims(annotate, text)
    assert [(c.cue.text, c.content.text, c.direct) for c in claims] == [(cue, content, False)]


def test_claims_second_quote_inside_reported_words_is_not_a_claim_of_its_own(annotate):
    text = ("In a later speech, the minister warned of the dangers of “armed gangs” who are “ready to strike "
            "again at any moment.”")
    claims = _claims(annotate, text)
    assert [(c.speaker.evidence[0].text, c.direct) for c in claims] == [("the minister", False)]
    assert claims[0].content.text == ("the dangers of “armed gangs” who are “ready to strike again at any "
                                      "moment")


@pytest.mark.parametrize("colon", ["", ":"])
def test_claims_quote_after_an_addressee_stays_a_direct_quote(annotate, colon):
    text = f"The colonel told reporters{colon} “we will hold the bridge until the convoy arrives.”"
    [claim] = _claims(annotate, text)
    assert claim.content.text.rstrip(".") == "we will hold the bridge until the convoy arrives"
    assert claim.speaker.evidence[0].text == "The colonel"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The minister dismissed the whole affair as “absurd.”", "dismissed", "the whole affair as “absurd"),
        ("In an interview, the envoy pointed to Turkey as the regional broker.", "In an interview … pointed to",
         "Turkey as the regional broker"),
        ("The senator paints herself as a reformer.", "paints", "herself as a reformer"),
    ],
)
def test_claims_what_an_object_is_said_to_be_is_content(annotate, text, cue, content):
    [claim] = _claims(annotate, text)
    assert (claim.cue.text, claim.content.text) == (cue, content)


def test_claims_an_order_told_names_whom_it_binds(annotate):
    text = "The general told his troops to hold the bridge at all costs."
    [claim] = _claims(annotate, text)
    assert (claim.speaker.evidence[0].text, claim.cue.text, claim.content.text) == (
        "The general", "told", "his troops to hold the bridge at all costs")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # A relative clause after a comma at the end is the writer's aside ...
        ("The doctor said he would quarantine travellers from Brazil, which has seen a surge in cases.",
         "he would quarantine travellers from Brazil"),
        # ... but not one inside the content.
        ("The mayor said the convoy reached the camp, which had been cut off for weeks, on Monday.",
         "the convoy reached the camp, which had been cut off for weeks, on Monday"),
        # ... nor one before a postposed cue, nor a clause of time that tells the event.
        ("The convoy reached the camp, which had been cut off for weeks, the mayor said.",
         "The convoy reached the camp, which had been cut off for weeks"),
        ("The agency reported that the strike happened in May, when the river was high.",
         "the strike happened in May, when the river was high"),
    ],
)
def test_claims_relative_clause_after_the_content_is_the_writers(annotate, text, content):
    [claim] = _claims(annotate, text)
    assert claim.content.text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # An apposition opened by an article after a comma at the end says who or what someone is: the writer's.
        ("The ministry said it had bought the radars from Norway, a country with a long record of arms sales.",
         "it had bought the radars from Norway"),
        ("Officials said the attack killed the mayor, a veteran of the civil war.", "the attack killed the mayor"),
        # A name in apposition, or a list, stays what was said.
        ("The spokesman said the deal was signed by the defence minister, Anna Berg.",
         "the deal was signed by the defence minister, Anna Berg"),
        ("The ministry said it had bought the radars from Norway, Sweden and Finland.",
         "it had bought the radars from Norway, Sweden and Finland"),
    ],
)
def test_claims_description_in_apposition_after_the_content_is_the_writers(annotate, text, content):
    [claim] = _claims(annotate, text)
    assert claim.content.text == content


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("The senator threatened to block the aid bill.", "threatened", "to block the aid bill", "The senator"),
        ("Her aides cast the victory as a sign of strength.", "cast", "the victory as a sign of strength",
         "Her aides"),
        ("The court deemed the search unlawful.", "deemed", "the search unlawful", "The court"),
        ("The governor ignored the warnings from the dam engineers.", "ignored",
         "the warnings from the dam engineers", "The governor"),
    ],
)
def test_claims_threats_characterisations_and_likes_are_stances(annotate, text, cue, content, speaker):
    [claim] = _claims(annotate, text)
    assert (claim.cue.text, claim.content.text, claim.speaker.evidence[0].text) == (cue, content, speaker)


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("The senator looks to ease tensions with the party.", "looks to", "ease tensions with the party",
         "The senator"),
        ("The party is looking to smooth over its differences.", "is looking to", "smooth over its differences",
         "The party"),
    ],
)
def test_claims_looking_to_act_is_the_subjects_intention(annotate, text, cue, content, speaker):
    [claim] = _claims(annotate, text)
    assert (claim.cue.text, claim.content.text, claim.speaker.evidence[0].text, claim.kind) == (
        cue, content, speaker, ClaimKind.INTENTION)


def test_claims_looking_to_be_is_how_a_thing_seems(annotate):
    assert [c.kind for c in _claims(annotate, "The talks look to be failing.")] != [ClaimKind.INTENTION]


def _misparsed(ann, word: str, head_word: str):
    """The annotations with ``word`` hung on ``head_word`` as its subject: the small model does this in running
    text ('said Robin Maynard, half joking' with the name made the subject of "joking")."""
    texts = [t.text for t in ann.tokens]
    k, head = texts.index(word), texts.index(head_word)
    tokens = list(ann.tokens)
    tokens[k] = replace(tokens[k], head=head, dep="nsubj")
    children = [[c for c in cs if c != k] for cs in ann.children]
    children[head] = sorted([*children[head], k])
    return replace(ann, tokens=tuple(tokens), children=tuple(tuple(c) for c in children))


def test_claims_name_right_after_the_cue_speaks(annotate):
    text = "“I am better with my hands than with my head,” said Robin Maynard, half joking."
    ann = _misparsed(annotate(text), "Maynard", "joking")
    [claim] = extract_claims(ann)
    assert claim.speaker.evidence[0].text == "Robin Maynard"


@pytest.mark.parametrize(
    ("text", "cue", "content", "holder", "kind"),
    [
        ("The governor is convinced that the dam will hold.", "convinced", "the dam will hold", "The governor",
         ClaimKind.BELIEF),
        ("Many voters were unhappy with the result of the vote.", "unhappy with", "the result of the vote",
         "Many voters", ClaimKind.BELIEF),
        ("The minister remains skeptical of the deal.", "skeptical of", "the deal", "The minister", ClaimKind.BELIEF),
        ("The rebels are eager to resume the talks.", "eager", "to resume the talks", "The rebels",
         ClaimKind.INTENTION),
    ],
)
def test_claims_adjective_of_a_view_held_is_its_subjects(annotate, text, cue, content, holder, kind):
    [claim] = _claims(annotate, text)
    assert (claim.cue.text, claim.content.text, claim.speaker.evidence[0].text, claim.kind) == (
        cue, content, holder, kind)


def test_claims_adjective_of_no_view_is_no_claim(annotate):
    assert _claims(annotate, "The road to the camp was quiet again on Monday.") == []


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The mayor bemoaned the lack of money for the dam.", "bemoaned", "the lack of money for the dam"),
        ("The envoy vouched for the new commander.", "vouched for", "the new commander"),
        ("The general brushed off the criticism.", "brushed off", "the criticism"),
    ],
)
def test_claims_more_stance_verbs(annotate, text, cue, content):
    [claim] = _claims(annotate, text)
    assert (claim.cue.text, claim.content.text) == (cue, content)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The former governor endorsed the mayor for president.", "endorsed", "the mayor for president"),
        ("The envoy challenged the general to a public debate.", "challenged", "the general to a public debate"),
        # The occasion is not what was said.
        ("The ministry denied the report in a statement.", "denied … in a statement", "the report"),
    ],
)
def test_claims_phrase_right_after_the_object_goes_with_it(annotate, text, cue, content):
    [claim] = _claims(annotate, text)
    assert (claim.cue.text, claim.content.text) == (cue, content)


@pytest.mark.parametrize(
    "text",
    [
        "The data came from a firm called Northwind Analytics.",  # a name given, not a view
        "The senator launched her bid for the presidency in May.",  # a run for office, not an intention said
        "The shelling proved him wrong.",
    ],
)
def test_claims_naming_bids_and_proofs_are_no_claims(annotate, text):
    assert _claims(annotate, text) == []


def test_claims_speaking_on_condition_of_anonymity_has_no_topic(annotate):
    text = "An officer, speaking on condition of anonymity, described the raid."
    assert [(c.cue.text, c.content.text) for c in _claims(annotate, text)] == [("described", "the raid")]


def test_claims_what_a_text_reads_is_its_claim(annotate):
    [claim] = _claims(annotate, "“The camp is full,” the notice reads.")
    assert (claim.speaker.evidence[0].text, claim.cue.text, claim.content.text) == (
        "the notice", "reads", "The camp is full")


def test_claims_made_it_clear_leaves_the_it_out(annotate):
    [claim] = _claims(annotate, "The governor made it clear that the dam would hold.")
    assert (claim.cue.text, claim.content.text) == ("made … clear", "the dam would hold")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("And the talks failed again on Monday, the envoy said.", "the talks failed again on Monday"),
        ("Still, the plan will hold through the winter, the mayor said.", "the plan will hold through the winter"),
    ],
)
def test_claims_link_to_the_sentence_before_is_the_writers(annotate, text, content):
    [claim] = _claims(annotate, text)
    assert claim.content.text == content


def test_claims_but_clause_after_the_content_goes_on_with_what_was_said(annotate):
    said = next(c for c in _claims(annotate, "The mayor said he backed the plan, but it would be hard to pay for.")
                if c.cue.text == "said")
    assert said.content.text == "he backed the plan, but it would be hard to pay for"
    # A verb of saying there is a claim of its own.
    claims = _claims(annotate, "The mayor said he backed the plan, but denied that it would cost much.")
    assert [(c.cue.text, c.content.text) for c in claims if c.cue.text in ("said", "denied")] == [
        ("said", "he backed the plan"), ("denied", "it would cost much")]


def test_claims_words_opening_the_sentence_run_into_the_quote_after_them(annotate):
    claim = _one_claim(annotate, "The new plans “will help families return before winter,” the minister said.")
    assert claim.content.text.startswith("The new plans “will help families")
    assert claim.direct is False
    assert (claim.speaker.name, claim.speaker.kind, claim.speaker.role) == (
        "minister", SpeakerKind.UNNAMED_SOURCE, "minister")
    # A quote that opens with its own sentence keeps only its words.
    whole = _one_claim(annotate, "“The plans will help families,” the minister said.")
    assert (whole.content.text, whole.direct) == ("The plans will help families", True)
    assert whole.speaker.kind is SpeakerKind.UNNAMED_SOURCE


def _one_claim(annotate, text: str):
    [claim] = _claims(annotate, text)
    return claim


def test_claims_sentence_with_its_verb_running_into_the_quote_is_said_as_a_whole(annotate):
    claim = _one_claim(annotate, "He was a “gifted and patient student,” the school said in a statement.")
    assert claim.content.text.startswith("He was a “gifted and patient student")
    assert claim.direct is False
    # A verb of saying before the quote makes it that verb's quote, not words running into it.
    claims = _claims(annotate, "He said it was a “gifted and patient choice,” the school added.")
    assert all(not c.content.text.startswith("He said") for c in claims)


def test_claims_quote_after_that_is_reported_speech_in_quotation(annotate):
    claim = _one_claim(annotate, "The governor vowed that “no family will spend the winter in a tent.”")
    assert (claim.content.text, claim.direct) == ("no family will spend the winter in a tent.", False)


@pytest.mark.parametrize(
    ("text", "lead", "rest"),
    [
        ("The reality is, the minister added, “the bridge will stay closed until spring.”", "The reality is",
         "the bridge will stay closed until spring."),
        ('If the rains come early, the engineer said, "the dam at Kessa will not hold."', "If the rains come early",
         "the dam at Kessa will not hold."),
        ("No amount of money, the farmer said, “will bring back the harvest we lost.”", "No amount of money",
         "will bring back the harvest we lost."),
    ],
)
def test_claims_words_before_a_cue_between_commas_are_said_too(annotate, text, lead, rest):
    claims = _claims(annotate, text)
    assert [[ev.text for ev in c.content.evidence] for c in claims] == [[lead, rest]]


@pytest.mark.parametrize(
    "text",
    ['In a statement on Sunday, the ministry said, "the road to the border is open again."',
     "Still, the colonel said, “the road to the border is open again.”"],
)
def test_claims_where_the_words_were_said_is_no_part_of_them(annotate, text):
    claims = _claims(annotate, text)
    assert [c.content.text for c in claims] == ["the road to the border is open again."]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The farmer said the dam was “too old to hold this year. It will break in the spring floods.”",
         "the dam was “too old to hold this year. It will break in the spring floods."),
        ('The mayor warned that the new tax "will hurt every shop in town. Nobody here can pay it."',
         'the new tax "will hurt every shop in town. Nobody here can pay it.'),
    ],
)
def test_claims_reported_words_that_open_a_quote_end_where_it_closes(annotate, text, content):
    claims = _claims(annotate, text)
    assert [c.content.text for c in claims] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The senator praised the governor on Fox News.", "the governor"),
        ("The senator criticized the new budget in a speech.", "the new budget"),
    ],
)
def test_claims_where_a_stance_was_said_is_no_part_of_its_object(annotate, text, content):
    assert [c.content.text for c in _claims(annotate, text)] == [content]


def test_claims_a_place_after_a_thing_called_for_stays_with_it(annotate):
    assert [c.content.text for c in _claims(annotate, "The senator backed a no-fly zone in Syria.")] == [
        "a no-fly zone in Syria"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("It was a step the mayor believes could calm the protests.", ["a step", "could calm the protests"]),
        ("They hired the guards they thought were the most reliable.", ["the guards", "were the most reliable"]),
    ],
)
def test_claims_what_a_relative_clause_cue_speaks_of_opens_its_content(annotate, text, content):
    claims = _claims(annotate, text)
    assert [[ev.text for ev in c.content.evidence] for c in claims] == [content]


def test_claims_relative_pronoun_that_speaks_stays_out_of_the_content(annotate):
    claims = _claims(annotate, "Most voters who say they do not trust the mayor back the plan.")
    assert claims[0].content.text.startswith("they do not trust the mayor")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor, Vance said, has created a “strange, reality-bending zone” in the old town.",
         ["The mayor", "has created a “strange, reality-bending zone” in the old town"]),
        ('The general, the colonel said, had been in the army for "a thousand years."',
         ["The general", 'had been in the army for "a thousand years."']),
    ],
)
def test_claims_quote_inside_the_clause_a_cue_is_set_in_is_part_of_it(annotate, text, content):
    claims = _claims(annotate, text)
    assert [([ev.text for ev in c.content.evidence], c.direct) for c in claims] == [(content, False)]


def test_claims_quote_after_a_cue_and_its_own_words_stays_direct(annotate):
    claims = _claims(annotate, 'The colonel said on Monday: "We will hold the bridge."')
    assert [(c.content.text, c.direct) for c in claims] == [("We will hold the bridge.", True)]


@pytest.mark.parametrize(
    ("text", "content", "kind"),
    [
        # Whom a question is put to is not part of the question ...
        ("At the debate the moderator asked the senator how she would pay for the plan.",
         "how she would pay for the plan", ClaimKind.QUESTION),
        ("A reporter asked the mayor whether the bridge would reopen.", "whether the bridge would reopen",
         ClaimKind.QUESTION),
        ("The envoy asked them what they wanted in return.", "what they wanted in return", ClaimKind.QUESTION),
        # ... but a request names whom it binds.
        ("She asked the governor to release the prisoners.", "the governor to release the prisoners",
         ClaimKind.STANCE),
    ],
)
def test_claims_question_put_to_someone_leaves_out_whom_it_was_asked(annotate, text, content, kind):
    [claim] = _claims(annotate, text)
    assert (claim.cue.text, claim.content.text, claim.kind) == ("asked", content, kind)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A second verb of saying right before the next quote is that quote's cue: two claims ...
        ('"We have started the talks," the envoy said, adding of the rebels, "They want peace."',
         [("said", "We have started the talks"), ("adding", "They want peace.")]),
        ('"We were not told," the mayor said, adding: "The town is empty now."',
         [("said", "We were not told"), ("adding", "The town is empty now.")]),
        # ... while a quote after the cue alone goes on with the first.
        ('"We were not told," the mayor said, "and we will not leave."',
         [("said", "We were not told … and we will not leave.")]),
    ],
)
def test_claims_quote_after_a_second_cue_is_not_a_continuation(annotate, text, expected):
    claims = _claims(annotate, text)
    assert [(c.cue.text, c.content.text) for c in claims] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The parse hangs the participle on the reported clause's verb, whose subject is not the one speaking.
        ("The minister said the army would hold the bridge, warning that any attack would be repelled.",
         [("The minister", "said", "the army would hold the bridge"),
          ("The minister", "warning", "any attack would be repelled")]),
        ("The mayor said the city will rebuild the market, arguing that trade must go on.",
         [("The mayor", "said", "the city will rebuild the market"), ("The mayor", "arguing", "trade must go on")]),
        # A participle that says nothing stays in the content.
        ("The mayor said that turnout had risen, surprising the analysts.",
         [("The mayor", "said", "turnout had risen, surprising the analysts")]),
    ],
)
def test_claims_participle_of_saying_after_the_content_is_a_claim_of_the_same_speaker(annotate, text, expected):
    claims = _claims(annotate, text)
    assert [(c.speaker.evidence[0].text, c.cue.text, c.content.text) for c in claims] == expected


def test_claims_while_clause_with_a_claim_of_its_own_is_kept_apart(annotate):
    text = "The mayor said the first plan had failed, while the engineers said the second would work."
    claims = _claims(annotate, text)
    assert [(c.speaker.evidence[0].text, c.content.text) for c in claims] == [
        ("The mayor", "the first plan had failed"), ("the engineers", "the second would work")]


def test_claims_while_clause_of_a_tally_stays_in_the_finding(annotate):
    text = "The survey found that 40 percent backed the mayor, while 30 percent favored the governor."
    found = next(c for c in _claims(annotate, text) if c.cue.text == "found")
    assert found.content.text == "40 percent backed the mayor, while 30 percent favored the governor"
