"""Names that are not places in this article, dropped before ranking, and weak mentions dropped after it.

One sense per document: a name the article also gives a person ("John Bolton" ... "Bolton"), writes in lower case
("Hope" ... "hope") or knows as an actor ("the Taliban") is not a place here, unless the gazetteer has a country,
state or landmark of that very name.  A name found inside an organisation's name needs the article to name that
place elsewhere too.  After ranking, a mention the model did not call a place is kept only when the article's
context supports one of its candidates.
"""

from __future__ import annotations

from collections.abc import Callable

from sitrep.extract.common.text import is_named_person
from sitrep.extract.places.cues import is_upper_dateline
from sitrep.extract.places.records import GazetteerLike, Ranked, Toponym
from sitrep.extract.places.words import PlaceWords
from sitrep.model import Annotations

# Classes whose own name stays a place even when it also names a person or an actor: "Georgia", "the Kremlin".
_OWN_NAME_CLASSES = frozenset({"country", "admin1", "landmark", "region"})
# An embedded name vouches for itself as a civic place only when it is a town of this size (or a county).
_CIVIC_POPULATION = 5000


def vouched_embedded(toponyms: list[Toponym]) -> list[Toponym]:
    """Keep a name found inside an organisation's name only when the article names that place elsewhere too,
    or it is a country or state by its own name ("U.S. Department of Education", "Ohio Board of Regents"), or a unit
    of the kind the words after it name ("Riyom Local Government Area"):
    "Independence Seaport Museum" and "Central Activities Center" are not about towns."""
    named = {t.key for t in toponyms if not t.mention.embedded}
    out = []
    for t in toponyms:
        if t.mention.embedded:
            big = [c for c in t.candidates[:2] if c.feature in ("country", "admin1")]
            # a civic word vouches for a town, not for a hamlet that shares an English word ("the Supreme Court")
            civic = t.mention.civic and any(c.feature == "admin2" or c.population >= _CIVIC_POPULATION
                                            for c in t.candidates[:3])
            # "Riyom Local Government Area": the name of a unit of the kind it names, for a reader a place
            kinded = t.mention.kind is not None and any(c.feature == t.mention.kind for c in t.candidates)
            if t.key not in named and not big and not civic and not kinded:
                continue
        out.append(t)
    return out


def not_words(ann: Annotations, toponyms: list[Toponym], w: PlaceWords) -> list[Toponym]:
    """Drop an acronym that names no country, state or reviewed place ("NATO" is not the Philippine town of Nato;
    "US", "UK" and "N.B." stay), and a word the scan found that the article also writes in lower case ("Hope",
    "Park"): one sense per document."""
    lower = {t.text for t in ann.tokens if t.text.islower()}
    sentence_starts = {sent.token_start for sent in ann.sentences}
    out = []
    for t in toponyms:
        m = t.mention
        if (not _capitalised(t.text, w) and not m.site) or t.text.lower() in w.never_places:
            continue  # "metro", "of", "n't": a place name is written with a capital (a French site's word is not:
            # "la place de la Liberté")
        if m.start > 0 and ann.tokens[m.start - 1].text in w.vessel_prefixes:
            continue  # "INS Sukanya": a ship
        if _describes_the_name_after(ann, m.start, m.end, w):
            continue  # "the Kazakh city of Zhanaozen": the name is Zhanaozen ("Kazakh" is also a name of Petropavl)
        first = ann.tokens[m.start].text
        if m.end - m.start > 1 and first.isupper() and first.lower() in w.media:
            # "a déclaré à l'AFP Moussa Kanté": an agency's acronym run into a person's name (a medium written as a
            # word may open a place: "Channel Islands", "Station Road")
            continue
        if m.end - m.start == 1 and not m.hint and not m.site:
            word = ann.tokens[m.start].text
            letters = word.replace(".", "")
            acronym = len(letters) <= 5 and sum(ch.isupper() for ch in letters) >= 2 and not is_upper_dateline(
                ann, m.start, m.end, sentence_starts)
            if acronym and not any(c.feature in ("country", "admin1", "region", "landmark") for c in t.candidates):
                continue
            if m.weak and word.istitle() and word.lower() in lower:  # not "US" for "us"
                continue
        out.append(t)
    return out


def _describes_the_name_after(ann: Annotations, start: int, end: int, w: PlaceWords) -> bool:
    """The mention ends in a settlement's title written in lower case and "of" a capitalised name follows: it
    describes that name ("the Kazakh city of Zhanaozen"), it is none itself; unless the name is that of a wider
    area ("Torkula village of Guma Local Government Area", "Arghandab district of Kandahar province")."""
    last = ann.tokens[end - 1]
    if not (end - start > 1 and last.text.islower() and last.text in w.settlement_titles and end + 1 < len(ann.tokens)
            and ann.tokens[end].text.lower() in w.of_words and ann.tokens[end + 1].text[:1].isupper()):
        return False
    areas = set(w.admin_words) | {phrase[0] for phrase in w.admin_phrases}
    k = end + 1
    while k < len(ann.tokens) and ann.tokens[k].text[:1].isupper() and ann.tokens[k].text.lower() not in areas:
        k += 1
    return not (k < len(ann.tokens) and ann.tokens[k].text.lower() in areas)


def _capitalised(text: str, w: PlaceWords) -> bool:
    """ "Mosul", "al-Anbar", "el-Arish", "9th District": capitalised after a lower-case Arabic or Romance particle."""
    bare = w.name_particle.sub("", text, count=1)
    return bare[:1].isupper() or bare[:1].isdigit()


def not_people(ann: Annotations, toponyms: list[Toponym], gazetteer: GazetteerLike, w: PlaceWords,
               is_actor: Callable[[str], bool] | None = None) -> list[Toponym]:
    """Drop a name the article also gives a person ("John Bolton" ... "offering the job to Bolton"), one sense per
    document, or that names a known actor ("the Taliban"), unless it is a country, a state or a reviewed place by
    that very name ("Georgia", "the Kremlin") or the text calls it a place ("Hamas province" would be)."""
    people = person_names(ann, w.titles)
    if not people and is_actor is None:
        return toponyms
    out = []
    for t in toponyms:
        # a site named after the person too: "Webb Middle School"
        # "Boko" of "Boko Haram", "Ansar" of "Ansar Dine": a word of a party's name
        other_sense = not t.mention.hint and (t.text in people or (is_actor is not None and (
            is_actor(t.text) or _opens_an_actors_name(ann, t, is_actor))))
        if other_sense and not any(c.feature in _OWN_NAME_CLASSES and gazetteer.normalize(c.name) == t.key
                                   for c in t.candidates):
            continue
        out.append(t)
    return out


def _opens_an_actors_name(ann: Annotations, t: Toponym, is_actor: Callable[[str], bool]) -> bool:
    """The mention and the word after it name a known party ("Boko Haram")."""
    end = t.mention.end
    if end >= len(ann.tokens) or not ann.tokens[end].text[:1].isupper():
        return False
    return is_actor(ann.text[ann.tokens[t.mention.start].start : ann.tokens[end].end])


def _titled_apposition(ann: Annotations, i: int, titles: frozenset[str]) -> bool:
    """ ", a spokesman for ...", ", the commander of ...": a title as a common noun with its article, after the name
    (not a dateline's "WASHINGTON — President Obama")."""
    tok = ann.tokens[i]
    if tok.dep != "appos" or tok.pos != "NOUN" or tok.lemma.lower() not in titles:
        return False
    article = any(ann.tokens[c].dep == "det" for c in ann.children[i])
    comma = any(ann.tokens[c].text == "," for c in ann.children[tok.head])
    return article and comma


def person_names(ann: Annotations, titles: frozenset[str] = frozenset()) -> set[str]:
    """Surnames of the full names the model gives people in this text ("John Kelly" -> "Kelly"), of the people
    given a title ("Governor Palin"; "Karim Nouri, a spokesman", with the full name), and names given an age
    ("Scott, 43,"); a one-word PERSON is otherwise left out, because the small model calls unfamiliar towns
    people."""
    out = {t.text for t in ann.tokens if t.ent_type != "PERSON" and is_named_person(ann, t.i)}
    for t in ann.tokens:
        # "Karim Nouri, a spokesman for the popular forces": a name whose apposition is a title is a person's
        # (not a town after a preposition: "Mary Connaughton, of Framingham, a turnpike board member")
        if t.pos == "PROPN" and t.dep != "pobj" and any(_titled_apposition(ann, c, titles) for c in ann.children[t.i]):
            first = min([t.i, *(c for c in ann.children[t.i] if ann.tokens[c].dep == "compound"
                                and ann.tokens[c].pos == "PROPN")])
            out.update({t.text, ann.text[ann.tokens[first].start : t.end]})
    for ent in ann.entities:
        last = ann.tokens[ent.token_end - 1]
        if ent.label != "PERSON" or not last.text[:1].isupper() or last.pos != "PROPN":
            continue
        titled = ent.token_start > 0 and ann.tokens[ent.token_start - 1].text.lower() in titles
        if ent.token_end - ent.token_start > 1 or titled:
            out.add(last.text)
    return out


def kept(ann: Annotations, r: Ranked) -> bool:
    """Whether a ranked toponym becomes a place: a weak one needs context, and a name with no candidate must at
    least be a proper noun ("Gunmen attacked ...": the model's place label on a common noun) or a capitalised name
    the text calls a place ("le village de Tinkélé", which the French model tags a common noun)."""
    m = r.toponym.mention
    if m.weak and not _weak_supported(r):
        return False
    named = m.hint is not None and ann.tokens[m.start].text[:1].isupper()
    return bool(r.scored) or m.site or named or any(t.pos == "PROPN" for t in ann.tokens[m.start : m.end])


# A town this populous, named after a place cue, is taken for itself even when the model gives its name another
# label and the article gives no context ("killed two villagers in Gao"): set by hand, about a regional capital.
_KNOWN_TOWN = 50_000


def _weak_supported(r: Ranked) -> bool:
    if not r.scored:
        return False
    countries = {c.country for _, c in r.scored}
    if r.scored[0][1].feature in ("country", "admin1"):
        return True  # "U.S.", "Moldova", "Ohio" with a place cue need no other evidence
    if r.scored[0][1].population >= _KNOWN_TOWN:
        return True  # "in Gao" (the model calls it a person): a town this large after a place cue is the town
    return any(r.context.countries.get(c.country or "", 0) > 0 for _, c in r.scored[:3]) or len(countries) == 1


__all__ = ["kept", "not_people", "not_words", "person_names", "vouched_embedded"]
