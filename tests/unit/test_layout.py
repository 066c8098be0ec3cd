"""Where the story is in a page's text (extract/common/layout.py): body, headline and furniture from the shape of
the lines alone."""

from __future__ import annotations

from sitrep.extract.common.layout import page_layout
from sitrep.model import Annotations
from sitrep.nlp.spacy_adapter import paragraph_spans

MENU = ["Home", "World", "Politics", "Sport", "Weather", "Sign in", "Subscribe"]
STORY = [
    "Gunmen attack police post in Tillaberi",
    "By Staff Reporter",
    "Gunmen on motorbikes attacked a police post in the town of Tillaberi early on Sunday, killing four officers and "
    "wounding two others, the interior ministry said in a statement.",
    "The attackers fled towards the border after a firefight that lasted nearly an hour, residents told reporters "
    "by telephone on Sunday afternoon.",
    "No group has said it carried out the attack, but militants have struck the region repeatedly this year.",
    "Officials said reinforcements had been sent to the town and that a search for the attackers was under way.",
    "The post guards a road used by traders travelling to the weekly market, which was closed on Sunday as a "
    "precaution, a local official said.",
    "Aid groups say violence in the area has forced thousands of families from their homes over the past two "
    "years, and that many now live in camps near the regional capital.",
]
RELATED = ["Related stories", "Police seize weapons in Agadez", "Three killed in market blast in Niamey",
           "Comments are closed."]


def _layout(lines: list[str]):
    text = "\n".join(lines)
    return text, page_layout(Annotations(text=text, tokens=(), sentences=(), entities=(),
                                         paragraphs=paragraph_spans(text)))


def test_related_headlines_and_menus_are_furniture_and_the_story_is_not():
    text, layout = _layout(MENU + STORY + RELATED)
    assert layout.is_furniture(text.index("Three killed in market blast"))
    assert layout.is_furniture(text.index("Politics"))
    assert not layout.is_furniture(text.index("Gunmen on motorbikes"))
    assert not layout.is_furniture(text.index("Gunmen attack police post"))  # the headline just above the body


def test_a_text_that_is_all_story_has_no_furniture():
    text, layout = _layout(STORY)
    assert layout.furniture == ()


def test_a_short_text_has_no_furniture():
    text, layout = _layout(["Soldiers killed three militants in Marja on Monday.",
                            "In a separate operation, soldiers killed two militants."])
    assert layout.furniture == ()


def test_a_labelled_link_to_another_story_is_furniture_even_in_a_wire_text():
    lines = [STORY[0], STORY[2], "READ MORE: Suicide bomber kills 12 at a wedding in Kabul", STORY[3],
             "Vidéo - Des manifestants dispersés à Bamako", "Video footage showed the burned post."]
    text = "\n".join(lines)
    layout = page_layout(Annotations(text=text, tokens=(), sentences=(), entities=(),
                                     paragraphs=paragraph_spans(text)), labels=("read more", "video", "vidéo"))
    assert layout.is_furniture(text.index("Suicide bomber kills 12"))
    assert layout.is_furniture(text.index("Des manifestants dispersés"))
    assert not layout.is_furniture(text.index("Video footage showed"))  # a sentence, not a label
    assert not layout.is_furniture(text.index("Gunmen on motorbikes"))
