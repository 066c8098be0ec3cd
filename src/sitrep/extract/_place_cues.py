"""Toponyms the model did not tag as places: names inside organisation names, local modifiers, upper-case datelines.

Local and international news write places where the small spaCy model sees something else: "the Texas Forest
Service" and "University of Alexandria" (one ORG entity holding a place), "a Gainesville man", "Roselle police"
(a town as a modifier of a person or an institution), and "HARTFORD — Connecticut legislators" (a dateline after
the title, not at a line start).  Each helper here only says where such a name may be; the places stage still
looks it up and keeps it only with document context.
"""

from __future__ import annotations

from collections.abc import Callable

from sitrep.model import Annotations

# Nouns a place name modifies when it says where someone or something is from ("a Gainesville man").
LOCAL_NOUNS = frozenset({
    "man", "woman", "men", "women", "boy", "girl", "teen", "teenager", "child", "mother", "father", "couple",
    "family", "resident", "residents", "native", "driver", "student", "students", "police", "officer", "officers",
    "detective", "detectives", "sheriff", "firefighters", "council", "councilman", "mayor", "school", "schools",
    "district", "area", "areas", "community", "communities", "neighborhood", "neighbourhood", "restaurant", "church",
    "hospital", "home", "homes", "business", "businesses", "store", "company", "firm", "plant", "factory",
    "office", "officials", "voters", "jury", "court", "airport", "station", "street", "streets", "road", "bridge",
    "campus", "library", "park", "club", "team", "fans", "market", "port", "border", "region", "government",
    "authorities", "forces", "troops", "province", "governor", "citizens", "people", "villagers", "economy",
})
# Words after a town's name inside an organisation's name that make it that town's own institution
# ("Athens Police Department", "Litchfield Superior Court", "Groton Town Council", "Norfolk High School").
CIVIC_WORDS = frozenset({
    "police", "policemen", "sheriff", "sheriff's", "sheriff’s", "fire", "city", "town", "township", "village",
    "county", "council", "court", "superior", "circuit", "district", "municipal", "public", "high", "middle",
    "elementary", "school", "schools", "board", "hospital", "library", "chamber", "mayor", "coroner", "coroner's",
    "coroner’s", "parks", "housing", "water", "emergency", "rescue", "jail", "detention", "health", "planning",
    "zoning", "selectmen", "aldermen", "commissioners",
})
_DATELINE_MARKS = ("—", "–", "--", "-", ",", "(")
MAX_RUN = 5


def embedded_runs(ann: Annotations, start: int, end: int, contains: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Token ranges inside the entity ``[start, end)`` that the gazetteer knows: a leading name ("Texas Forest
    Service") and a name after "of" ("University of Alexandria"); never the whole entity."""
    toks = ann.tokens
    out: list[tuple[int, int]] = []
    i = start
    while i < end and toks[i].text.lower() in ("the", "a", "an"):
        i += 1
    heads = [i]
    heads += [j + 1 for j in range(start, end - 1) if toks[j].text.lower() == "of"]
    for h in heads:
        if h >= end:
            continue
        found = _longest_known(ann, h, end, contains)
        if found is not None and (h, found) != (start, end) and found - h < end - start:
            out.append((h, found))
    return out


def is_civic_run(ann: Annotations, start: int, end: int) -> bool:
    """ "the Madison County Sheriff's Department", "Athens Police Department": a county's name, or a name followed
    by a civic word, inside an organisation's name is the place that institution serves."""
    toks = ann.tokens
    if end - start > 1 and toks[end - 1].text.lower() in ("county", "parish", "township"):
        return True
    return end < len(toks) and toks[end].text.lower() in CIVIC_WORDS


def party_home(ann: Annotations, start: int) -> bool:
    """ "Rep. Barbara Lee, D-Oakland", "(R-Ocilla)": a legislator's party, a hyphen, then the place they represent."""
    toks = ann.tokens
    if start < 3 or toks[start - 1].text != "-" or toks[start - 2].text not in _PARTIES:
        return False
    return (toks[start - 1].start == toks[start - 2].end and toks[start].start == toks[start - 1].end
            and toks[start - 3].text in (",", "("))


_PARTIES = frozenset({"D", "R", "I", "DFL"})


def _longest_known(ann: Annotations, i: int, end: int, contains: Callable[[str], bool]) -> int | None:
    toks = ann.tokens
    best = None
    for j in range(i, min(end, i + MAX_RUN)):
        t = toks[j]
        if not (t.pos == "PROPN" or (t.text[:1].isupper() and t.pos in ("NOUN", "ADJ"))):
            break
        if j > i and t.start > toks[j - 1].end + 1:
            break
        if t.text[:1].isupper() and contains(ann.text[toks[i].start : t.end]):
            best = j + 1
    return best


def modifies_local_noun(ann: Annotations, start: int, end: int) -> bool:
    """ "a Gainesville man", "Roselle police", "the Lancaster aqueduct": the name is a compound modifier."""
    toks = ann.tokens
    last = toks[end - 1]
    if last.dep not in ("compound", "amod", "nmod") or not (end <= last.head < len(toks)):
        return False
    head = toks[last.head]
    return head.text.lower() in LOCAL_NOUNS or head.lemma.lower() in LOCAL_NOUNS


def is_upper_dateline(ann: Annotations, start: int, end: int, sentence_starts: set[int]) -> bool:
    """ "HARTFORD — Connecticut legislators ...": an upper-case name opening a sentence, then a dash or comma."""
    toks = ann.tokens
    name = ann.text[toks[start].start : toks[end - 1].end]
    if start not in sentence_starts or not name.isupper() or len(name) < 3:
        return False
    rest = ann.text[toks[end - 1].end : toks[end - 1].end + 3].lstrip()
    return rest.startswith(_DATELINE_MARKS)


__all__ = ["CIVIC_WORDS", "LOCAL_NOUNS", "embedded_runs", "is_civic_run", "is_upper_dateline", "modifies_local_noun",
           "party_home"]
