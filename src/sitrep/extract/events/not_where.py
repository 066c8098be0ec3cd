"""Names in an event's sentence that say who, not where: the country that did it ("Israel has been shelling ...",
"31 drones launched by Russia"), a side of its fight, where the one telling it sits ("said Nur Ahmed, a police
officer from Afgoye"), where a person lives ("Ana Diaz, 34, of Tucson"), whose vehicle it was ("a U.S. helicopter"),
a place inside an organisation's name, a border or an origin ("venus du Soudan"), and a name the gazetteer lacks
that the text does not write as a place ("a volunteer for the White Helmets")."""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from types import MappingProxyType

from sitrep.extract.common.text import is_named_person, name_end, subtree, token_index_at
from sitrep.extract.events.words import EventWords
from sitrep.model import GeoPrecision, Place

# Steps from a place up its prepositions, nouns and appositions to the speaker or the participle of speaking
# ("Lower Shabelle" in "Nur Ahmed, a police officer from Afgoye in Lower Shabelle region" is seven steps below
# "Ahmed").
_SPEAKER_STEPS = 8
# Steps from a place up its prepositions and nouns to the word that governs it ("frontières" in "près des frontières
# du Burkina Faso et du Niger" is three steps above "Niger").
_ELSEWHERE_STEPS = 6


def elsewhere(ann, p: Place, heads: frozenset[str],
              after: Mapping[str, frozenset[str]] = MappingProxyType({})) -> bool:
    """Whether the words that govern the place, up to the first verb, put it elsewhere than the event: a border or
    an origin (``events.yaml`` elsewhere_heads), or a preposition that, after its word, says the place is what a
    border adjoins or where someone went (elsewhere_after: "near the border with Congo", "fled into Congo")."""
    if not heads and not after:
        return False
    j = token_index_at(ann, p.evidence[0].start)
    for _ in range(_ELSEWHERE_STEPS):
        if j is None or ann.tokens[j].head == j:
            return False
        j = ann.tokens[j].head
        t = ann.tokens[j]
        if t.text.lower() in heads or t.lemma.lower() in heads:
            return True
        if t.pos == "ADP" and t.head != j \
                and t.text.lower() in after.get(ann.tokens[t.head].lemma.lower(), frozenset()):
            return True
        if t.pos in ("VERB", "AUX"):
            return False
    return False


def residence(ann, p: Place, prepositions: frozenset[str]) -> bool:
    """The place hangs on a named person (a person's name, or a name given an age) through a residence
    preposition, directly or through the age ("James Reed, 41, of Dayton")."""
    if not prepositions:
        return False
    j = token_index_at(ann, p.evidence[0].start)
    while j is not None and ann.tokens[j].dep in ("compound", "nmod", "appos", "conj", "npadvmod") \
            and ann.tokens[j].head != j:
        j = ann.tokens[j].head  # the town's state ("of Dayton, Ohio") or the phrase's head ("the Dayton area")
    if j is None or ann.tokens[j].dep != "pobj":
        return False
    prep = ann.tokens[ann.tokens[j].head]
    if prep.text.lower() not in prepositions or prep.head == prep.i:
        return False
    holder = ann.tokens[prep.head]
    if holder.pos == "NUM" and holder.head != holder.i:
        holder = ann.tokens[holder.head]  # the age between the name and the town
    return is_named_person(ann, holder.i)


def whose(ann, p: Place) -> bool:
    """A country name that modifies a common noun after it ("a U.S. helicopter", "U.S. troops"): an owner, not a
    place. A name after its noun names the thing ("le lac Tchad")."""
    if p.precision != GeoPrecision.COUNTRY:
        return False
    j = token_index_at(ann, p.evidence[0].end - 1)
    if j is None or ann.tokens[j].dep != "compound" or ann.tokens[j].head <= j:
        return False
    return ann.tokens[ann.tokens[j].head].pos == "NOUN"


def describing_region(ann, p: Place) -> bool:
    """A region of no country (a continent, an ocean) that qualifies a noun ("Central Asia's two poorest nations",
    "the South Pacific island nation"): it says what the noun is, not where anything happened. Written as a place
    ("in the Gulf of Aden") it stays."""
    if p.country is not None or p.lat is None or p.precision == GeoPrecision.COUNTRY:
        return False  # (a name the gazetteer lacks has no country either: "Khak-e Safed district")
    j = token_index_at(ann, p.evidence[0].end - 1)
    if j is None or ann.tokens[j].head == j:
        return False
    tok = ann.tokens[j]
    return tok.dep in ("poss", "compound") and ann.tokens[tok.head].pos in ("NOUN", "PROPN")


def speakers_place(ann, p: Place, w: EventWords, told: AbstractSet[int] = frozenset()) -> bool:
    """A place in the phrase of the subject of a verb of reporting, or of the subject's title ("the health
    ministry in Ramallah said", "said officials in Kabul", "said Nur Ahmed, a police officer from Afgoye"), or in
    the participle clause of speaking before it ("Speaking to local media in the capital Mogadishu, the army chief
    confirmed"): where the speaker is."""
    j = last = token_index_at(ann, p.evidence[0].end - 1)
    for _ in range(_SPEAKER_STEPS):
        if j is None:
            return False
        tok = ann.tokens[j]
        if tok.dep == "nsubj":  # the speaker's own word, not the place itself as the subject ("Kabul said")
            return j != last and tok.pos in ("NOUN", "PROPN") and (
                ann.tokens[tok.head].lemma or "").lower() in w.reporting_verbs
        if tok.dep == "advcl" and tok.pos == "VERB" and j != last:
            # unless the event is told in that clause: "Speaking at a rally in Novi" is where the rally was
            return (tok.lemma or "").lower() in w.speaking_verbs and not set(subtree(ann, j)) & told
        if tok.dep == "appos" and title_before_telling(ann, j, w):
            return True
        if tok.dep not in ("pobj", "prep", "compound", "appos", "poss") or tok.head == j:
            return False  # (a possessor is part of the title: "commander in the island nation's East Sepik province")
        j = tok.head
    return False


def told_at(ann, p: Place, w: EventWords) -> bool:
    """A place in a phrase after a verb of reporting that has no object of its own ("Macron announced on Saturday
    in Abidjan that 33 fighters had been killed", "a annoncé samedi à Abidjan que"): where it was told, not where it
    happened. A verb with an object keeps it ("officials reported clashes in Marawi": the parser may hang the
    clashes' place on the verb), and so does a passive ("violence was reported from Manipur", "a pump claimed by
    both sides on the Isfara river": what was told is the subject), a verb the parse reaches across the end of a
    sentence or across another verb ("On Sunday, in Northwest province, a bomb injured seven, state television
    said": the place opens the bomb's clause), and a place reports come from ("reported from Manipur"): only
    events.yaml told_at_prepositions ("in", "at"; "à", "en")."""
    j = token_index_at(ann, p.evidence[0].end - 1)
    for _ in range(_SPEAKER_STEPS):
        if j is None or ann.tokens[j].dep not in ("pobj", "prep", "compound"):
            return False
        head = ann.tokens[j].head
        if head == j:
            return False
        if ann.tokens[j].dep == "prep":
            verb = ann.tokens[head]
            if verb.pos != "VERB" or (verb.lemma or "").lower() not in w.reporting_verbs or j < head or \
                    ann.tokens[j].text.lower() not in w.told_at_prepositions:
                return False  # (a place before the verb opens what is told as often as not: "Separately, in
                # Khyber Pakhtunkhwa province, the army said security forces killed four militants")
            kids = ann.children[head]
            told = [c for c in kids if ann.tokens[c].dep in ("ccomp", "parataxis")]
            between = ann.tokens[head + 1 : j]
            return not any(ann.tokens[c].dep in ("dobj", "obj", "nsubjpass", "auxpass", "agent") for c in kids) \
                and not any(t.text in _SENTENCE_ENDS or t.i in told or t.pos == "VERB" for t in between)
        j = head
    return False


_SENTENCE_ENDS = frozenset({".", "!", "?"})


def title_before_telling(ann, j: int, w: EventWords) -> bool:
    """Token ``j`` heads a title in apposition, right after a person's name, that a verb of reporting follows ("...,
    killing 23 people, Dak Tap Chuol, commissioner for the nearby town of Nasir, said"): the title is the speaker's,
    however the parser hung it (often on the object of the clause before)."""
    span = subtree(ann, j)
    before = min(span) - 1
    while before > 0 and ann.tokens[before].pos == "PUNCT":
        before -= 1
    if "PERSON" not in (ann.tokens[ann.tokens[j].head].ent_type, ann.tokens[before].ent_type):
        return False
    k = max(span) + 1
    while k < len(ann.tokens) and ann.tokens[k].pos == "PUNCT":
        k += 1
    return k < len(ann.tokens) and (ann.tokens[k].lemma or "").lower() in w.reporting_verbs


def written_as_place(ann, p: Place, w: EventWords) -> bool:
    """A preposition of place before the name (past its article and adjectives: "in the southern village of X" has
    "of"), or a kind of place right after it ("Bodli village", "the Kohkametta area")."""
    start = token_index_at(ann, p.evidence[0].start)
    end = token_index_at(ann, p.evidence[0].end - 1)
    if start is None or end is None:
        return False
    j = start - 1
    while j >= 0 and ann.tokens[j].pos in ("DET", "ADJ"):
        j -= 1
    before = ann.tokens[j].text.lower() if j >= 0 else ""
    after = ann.tokens[end + 1].text.lower() if end + 1 < len(ann.tokens) else ""
    last = ann.tokens[end].text.lower()
    return before in w.locative_prepositions or after in w.place_kinds or last in w.place_kinds


def doer(ann, p: Place) -> bool:
    """A country named as the agent of a passive verb ("31 drones launched by Russia"): who, not where."""
    if p.precision != GeoPrecision.COUNTRY:
        return False
    j = token_index_at(ann, p.evidence[0].end - 1)
    if j is None or ann.tokens[j].dep != "pobj":
        return False
    return ann.tokens[ann.tokens[j].head].dep == "agent"


def attacker(ann, p: Place, heads: AbstractSet[int], w: EventWords) -> bool:
    """A country that is the subject of the event's own verb ("Israel has been shelling villages in southern
    Lebanon") or one side of its fight ("fighting between Israel and Hezbollah"): who did it, not where (not
    "Greece faces a due date": no event's verb)."""
    if p.precision != GeoPrecision.COUNTRY:
        return False
    j = token_index_at(ann, p.evidence[0].end - 1)
    if j is None:
        return False
    tok = ann.tokens[j]
    while tok.dep == "conj" and tok.head != tok.i:  # "between Hezbollah and Israel"
        tok = ann.tokens[tok.head]
    if tok.dep == "pobj" and ann.tokens[tok.head].text.lower() in w.route_prepositions:
        return ann.tokens[tok.head].head in heads
    return tok.dep == "nsubj" and tok.head in heads


def inside_organisation(ann, p: Place) -> bool:
    start, end = p.evidence[0].start, p.evidence[0].end
    return any(e.label == "ORG" and e.start <= start and end <= (org_end := ann.tokens[name_end(
        ann, e.token_start, e.token_end) - 1].end) and (e.start, org_end) != (start, end) for e in ann.entities)


__all__ = ["attacker", "doer", "elsewhere", "inside_organisation", "residence", "speakers_place", "title_before_telling",
           "told_at", "whose", "written_as_place"]
