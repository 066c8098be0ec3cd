"""Place cues: the words around a capitalised name that say it is a place, or that it is not one here.

"in X", "X province", "retook X", "a Gainesville man", "Roselle police", "Rep. Barbara Lee, D-Oakland", an
upper-case dateline ("HARTFORD — Connecticut legislators"); and against: "Cairo said" (a government speaking),
"US-led" (a name qualifying an actor).  A name the model did not tag as a place is kept only with such a cue.
"""

from __future__ import annotations

from sitrep.extract.common.offsets import before_title
from sitrep.extract.common.text import is_dateline_span
from sitrep.extract.places.names import kind_after
from sitrep.extract.places.records import PLACE_LABELS, Mention
from sitrep.extract.places.words import PlaceWords
from sitrep.model import Annotations

_DATELINE_MARKS = ("—", "–", "--", "-", ",", "(")
# Conjuncts walked back to the list's first member: real lists of places are far shorter.
_MAX_CONJUNCTS = 50


_AREA_KINDS = ("admin1", "admin2")


def has_place_cue(ann: Annotations, m: Mention, w: PlaceWords) -> bool:
    """Words around a capitalised name that say it is a place: "in X", "X province", "retook X"."""
    # A list of names shares its first member's cue. The walk up the chain of conjuncts is a bounded loop, not
    # recursion: odd text (100 KB with no space, "the.drone.struck.a.market…") can parse as a chain thousands long.
    for _ in range(_MAX_CONJUNCTS):
        cue = _own_place_cue(ann, m, w)
        if cue is not None:
            return cue
        head = ann.tokens[root(ann, m)].head
        if ann.tokens[head].ent_type in PLACE_LABELS:
            return True
        m = Mention(start=head, end=head + 1)
    return False


def _own_place_cue(ann: Annotations, m: Mention, w: PlaceWords) -> bool | None:
    """Whether the words around ``m`` say it is a place; None when ``m`` is a conjunct that shares its head's cue."""
    toks = ann.tokens
    if m.hint or (m.start > 0 and toks[m.start - 1].text.lower() in w.locative) or _is_dateline(ann, m):
        return True
    if m.kind in _AREA_KINDS:
        return True  # "Nigeria's northwestern Kebbi state": a region's kind written after it
    if m.start > 0 and toks[m.start - 1].text.lower() in w.settlement_titles:
        return True  # "the regional capital Marka"
    if m.start > 1 and toks[m.start - 1].text in w.directions and toks[m.start - 2].text.lower() in w.locative:
        return True  # "the last patch of eastern Ghouta", "in northern Helmand"
    if party_home(ann, m.start, w) or (m.end < len(toks) and toks[m.end].text.lower() in w.civic_words):
        return True
    if modifies_local_noun(ann, m.start, m.end, w) or is_upper_dateline(
            ann, m.start, m.end, {s.token_start for s in ann.sentences}):
        return True
    top = toks[root(ann, m)]
    if _distance_follows(ann, m.end, w):
        return True  # "Jowhar, 90 kilometers north of Mogadishu"
    if _qualifies_a_unit(ann, m.start, w):
        return True  # "Bassa local government area, Plateau"
    if top.dep == "conj" and top.head != top.i:
        return None  # "attacked Hit and Haditha": the second name shares the first one's role
    head = toks[top.head]
    if top.dep in ("dobj", "nsubjpass", "pobj") and (head.lemma in w.territorial_verbs
                                                     or head.text.lower() in w.territorial_verbs):
        return True
    return top.dep == "pobj" and head.text.lower() in w.locative


def _distance_follows(ann: Annotations, end: int, w: PlaceWords) -> bool:
    """A distance follows the name, after a comma and perhaps "about": ", about 90 kilometers north of"."""
    toks, j = ann.tokens, end
    if j >= len(toks) or toks[j].text != ",":
        return False
    j += 1
    while j < len(toks) and j <= end + 3 and toks[j].pos in ("ADV", "ADP", "DET") and not toks[j].like_num:
        j += 1  # "about", "some", "roughly"
    return j + 1 < len(toks) and (toks[j].like_num or toks[j].pos == "NUM") \
        and toks[j + 1].text.lower() in w.distance_units


def _qualifies_a_unit(ann: Annotations, start: int, w: PlaceWords) -> bool:
    """A name written after a named unit's kind and a comma or "of" says where that unit is: "Bassa local government
    area, Plateau", "Gwoza LGA of Borno"."""
    toks = ann.tokens
    j = start - 1
    if j < 2 or not (toks[j].text == "," or toks[j].text.lower() in w.of_words):
        return False
    return any(kind_after(ann, k, w) == j and toks[k - 1].pos == "PROPN" for k in range(max(1, j - 3), j))


def _is_dateline(ann: Annotations, m: Mention) -> bool:
    return is_dateline_span(ann, ann.tokens[m.start].start, ann.tokens[m.end - 1].end)


def root(ann: Annotations, m: Mention) -> int:
    """The token of the mention whose head lies outside it."""
    for j in range(m.start, m.end):
        h = ann.tokens[j].head
        if h < m.start or h >= m.end or h == j:
            return j
    return m.end - 1


def followed_by_admin_word(ann: Annotations, end: int, w: PlaceWords) -> bool:
    return end < len(ann.tokens) and ann.tokens[end].text.lower() in w.admin_words


def near_cue(ann: Annotations, start: int, w: PlaceWords) -> bool:
    """ "near X", "outside X", "the outskirts of X", "20 km north of X", "80 km north of the capital X"."""
    toks = ann.tokens
    start = before_title(ann, start, w.settlement_titles)
    if start == 0:
        return False
    prev = toks[start - 1].text.lower()
    if prev in w.near_words:
        return True
    if prev in w.near_links and start >= 2:
        before = toks[start - 2].text.lower()
        return before in w.near_heads or before in w.directions
    return False


def is_speaking_subject(ann: Annotations, m: Mention, w: PlaceWords) -> bool:
    """ "Cairo said", "Iraq condemned", "..., reported CNNNews18.": the government or an outlet talking, not a place
    where something happened (a name right after a verb of speaking that ends its clause is its subject, however
    the parser hung it)."""
    top = ann.tokens[root(ann, m)]
    if top.dep == "nsubj" and ann.tokens[top.head].lemma in w.acting_verbs:
        return True
    before = ann.tokens[m.start - 1] if m.start > 0 else None
    return before is not None and before.pos == "VERB" and before.lemma in w.inverted_speech_verbs \
        and top.head == before.i \
        and (m.end >= len(ann.tokens) or ann.tokens[m.end].pos == "PUNCT")


def is_cited_source(ann: Annotations, m: Mention, w: PlaceWords) -> bool:
    """ "according to Punch", "according to Kyiv": whom a report cites, not where anything happened; but "according to
    Chicago police", "Chicago's police": the place whose institution speaks."""
    toks, j = ann.tokens, m.start
    if m.end < len(toks) and (toks[m.end].pos in ("NOUN", "PROPN") or toks[m.end].text.lower() in w.possessive_endings):
        return False
    while j > 0 and toks[j - 1].text.lower() in w.articles:
        j -= 1
    return any(j >= len(p) and tuple(t.text.lower() for t in toks[j - len(p) : j]) == p for p in w.source_phrases)


def names_a_medium(ann: Annotations, m: Mention, w: PlaceWords) -> bool:
    """ "Capital FM", "Iranian news agency Mehr reported", "la radio Okapi": a name right before or after a noun of
    the news media (claims.yaml media_nouns) is a broadcaster's or a paper's, not a place (whose paper it is, "the
    Kabul Times", is the rest of the name's business)."""
    toks = ann.tokens
    after = toks[m.end].text if m.end < len(toks) else ""
    before = toks[m.start - 1].text.lower() if m.start > 0 else ""
    # after the name, as part of it ("Capital FM"; not "the Atlanta agency", "in Beijing weekly"); "Newton Station" is
    # a police station's name: a site, the site words' business
    # before it, the two joined in one phrase ("news agency Mehr"; not "a network Russia has financed")
    joined = m.start > 0 and (m.start <= toks[m.start - 1].head < m.end or any(
        toks[j].head == m.start - 1 for j in range(m.start, m.end)))
    return (after[:1].isupper() and after.lower() in w.media_nouns and after.lower() not in w.site_words) or (
        before in w.media_nouns and joined)


def hyphen_modifier(ann: Annotations, end: int, w: PlaceWords) -> bool:
    """ "US-led", "Iranian-backed", "Saudi-based": the name qualifies an actor, it is not a location."""
    toks = ann.tokens
    return end + 1 < len(toks) and toks[end].text == "-" and toks[end].start == toks[end - 1].end and (
        toks[end + 1].text.lower() in w.hyphen_qualifiers)


def people_marked(ann: Annotations, start: int, w: PlaceWords) -> bool:
    """ "ethnic Amhara people", "l'ethnie Amhara": a word before the name makes it a people's, not a region's."""
    return start > 0 and ann.tokens[start - 1].text.lower() in w.people_markers


def is_civic_run(ann: Annotations, start: int, end: int, w: PlaceWords) -> bool:
    """ "the Madison County Sheriff's Department", "Athens Police Department": a county's name, or a name followed
    by a civic word, inside an organisation's name is the place that institution serves."""
    toks = ann.tokens
    if end - start > 1 and toks[end - 1].text.lower() in w.county_words:
        return True
    return end < len(toks) and toks[end].text.lower() in w.civic_words


def party_home(ann: Annotations, start: int, w: PlaceWords) -> bool:
    """ "Rep. Barbara Lee, D-Oakland", "(R-Ocilla)": a legislator's party, a hyphen, then the place they represent."""
    toks = ann.tokens
    if start < 3 or toks[start - 1].text != "-" or toks[start - 2].text not in w.party_letters:
        return False
    return (toks[start - 1].start == toks[start - 2].end and toks[start].start == toks[start - 1].end
            and toks[start - 3].text in (",", "("))


def modifies_local_noun(ann: Annotations, start: int, end: int, w: PlaceWords) -> bool:
    """ "a Gainesville man", "Roselle police", "the Lancaster aqueduct": the name is a compound modifier."""
    toks = ann.tokens
    last = toks[end - 1]
    if last.dep not in ("compound", "amod", "nmod") or not (end <= last.head < len(toks)):
        return False
    head = toks[last.head]
    return head.text.lower() in w.local_nouns or head.lemma.lower() in w.local_nouns


def is_upper_dateline(ann: Annotations, start: int, end: int, sentence_starts: set[int]) -> bool:
    """ "HARTFORD — Connecticut legislators ...": an upper-case name opening a sentence, then a dash or comma."""
    toks = ann.tokens
    name = ann.text[toks[start].start : toks[end - 1].end]
    if start not in sentence_starts or not name.isupper() or len(name) < 3:
        return False
    rest = ann.text[toks[end - 1].end : toks[end - 1].end + 3].lstrip()
    return rest.startswith(_DATELINE_MARKS)


__all__ = ["followed_by_admin_word", "has_place_cue", "hyphen_modifier", "is_civic_run", "is_speaking_subject",
           "is_upper_dateline", "modifies_local_noun", "near_cue", "party_home", "root"]
