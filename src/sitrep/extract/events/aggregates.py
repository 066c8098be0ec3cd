"""Running totals and war-wide figures: counts over many incidents, kept apart from the incidents.

"The conflict has killed 300,000 since 2023", "more than 50 insurgents killed so far this year", "tens of
thousands have died": such a count is never an incident's toll (it would inflate a researcher's totals and make
a phantom event). The events stage leaves it out of its events; this pass keeps it as an ``Aggregate`` with its
evidence, the time span and place its sentence names, and who says so.
"""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.extract.common.text import subtree
from sitrep.extract.events.tolls import told_as_toll
from sitrep.extract.events.words import EventWords
from sitrep.model import (
    Aggregate,
    Annotations,
    AssertedBy,
    AssertedKind,
    CasualtyMention,
    Claim,
    Place,
    Time,
    Token,
    stable_id,
)

EXTRACTOR = "aggregates@1"


def is_total(ann: Annotations, c: CasualtyMention, w: EventWords) -> bool:
    """A count over many incidents: a running total ("killed so far this year", "since the beginning of the year"),
    a figure for a whole war ("the conflict has killed", or a toll of a war's scale), or a magnitude rather than a
    count ("tens of thousands")."""
    if _running_total(ann, c.token, w) or _parts_of_a_total(ann, c, w) or c.count.best >= w.war_scale_toll:
        return True
    evidence = " ".join(ev.text.lower() for ev in c.count.evidence)
    if c.count.high is None and any(f" {m} " in f" {evidence} " for m in w.total_magnitudes):
        return True
    clause = _own_clause(ann, c.token)
    words = " ".join(ann.tokens[i].text.lower() for i in clause if ann.tokens[i].text != ",")
    # with a superlative the phrase compares the happening with others, it sums nothing up ("were gunned down in
    # one of the deadliest ambushes in recent years", "the worst attack so far this year")
    # (not one of time: "in all, 24 people had been killed in the latest phase of violence")
    compared = any(ann.tokens[i].tag in ("JJS", "RBS") and ann.tokens[i].text.lower() not in w.time_superlatives
                   for i in clause)
    if not compared and any(f" {p} " in f" {words} " for p in w.total_phrases):
        return True
    if any(_counted_span(ann, i, w) for i in clause):
        return True
    # "the conflict has killed 300,000"; "the conflict has cost more than 3,000 lives" (the count is the object);
    # "eight months of violence has left 451 people dead" (a span of time of something is many happenings)
    verbs = [c.token]
    for _ in range(3):  # up from "dead" in "left 451 people dead" (an object's adjective) to the verb
        last = ann.tokens[verbs[-1]]
        if last.dep == "pobj" and ann.tokens[last.head].text.lower() in w.of_words and len(verbs) == 1:
            verbs.append(ann.tokens[last.head].head)  # "ont fait plus d'un millier de morts": the quantity's noun
            continue
        if last.dep not in ("dobj", "attr", "oprd", "amod") or last.head == last.i:
            break
        verbs.append(last.head)
    subjects = [ann.tokens[k] for v in verbs for k in ann.children[v] if ann.tokens[k].dep == "nsubj"]
    if any((s.lemma or s.text).lower() in w.total_subjects or _span_of(ann, s, w) for s in subjects):
        return True
    # "several hundred thousand people have died in the conflict", "200 soldiers have lost their lives in this
    # conflict" (on the verb of the count's object): a whole war's dead, told in the present perfect
    perfect = any(ann.tokens[k].dep == "aux" and (ann.tokens[k].lemma or "").lower() in w.perfect_aux
                  for v in verbs for k in ann.children[v])
    return perfect and any((ann.tokens[g].lemma or ann.tokens[g].text).lower() in w.total_subjects
                           for v in verbs for k in ann.children[v] if ann.tokens[k].dep == "prep"
                           for g in ann.children[k] if ann.tokens[g].dep == "pobj")


def _counted_span(ann: Annotations, i: int, w: EventWords) -> bool:
    """ "in two weeks", "within the past three months", "en deux semaines": the dead were counted over spans of
    time, so over many happenings (not days: "in two days of fighting" may be one battle)."""
    tok = ann.tokens[i]
    if tok.dep != "pobj" or (tok.lemma or tok.text).lower() not in w.time_spans or tok.head == i:
        return False
    if ann.tokens[tok.head].text.lower() not in w.span_prepositions:
        return False
    return any(ann.tokens[k].dep == "nummod" or ann.tokens[k].text.lower() in w.past_words for k in ann.children[i])


def _span_of(ann: Annotations, tok: Token, w: EventWords) -> bool:
    """ "eight months of violence", "two years of war": a span of time of something, as a subject."""
    return (tok.lemma or tok.text).lower() in w.time_spans and any(
        ann.tokens[k].dep == "prep" and ann.tokens[k].text.lower() in w.of_words for k in ann.children[tok.i])


def total_flags(ann: Annotations, casualties: Sequence[CasualtyMention], w: EventWords) -> list[bool]:
    """For each count, whether it is a total (``is_total``), or a toll given for the same total beside one in its
    sentence ("at least 19 people have been killed in the demonstrations so far, but Amnesty International has put
    the death toll at 37")."""
    flags = [is_total(ann, c, w) for c in casualties]
    summed = {(c.sentence, c.kind) for c, total in zip(casualties, flags, strict=True) if total}
    return [total or ((c.sentence, c.kind) in summed and told_as_toll(ann, c.count, w))
            for c, total in zip(casualties, flags, strict=True)]


def _parts_of_a_total(ann: Annotations, c: CasualtyMention, w: EventWords) -> bool:
    """ "Since the beginning of the day, 15 people have been hurt in the shelling: five were killed and ten
    injured": what follows a colon after a running total is that total taken apart."""
    sent = ann.sentences[c.sentence]
    colons = [j for j in range(sent.token_start, c.token) if ann.tokens[j].text == ":"]
    return bool(colons) and any(_running_total(ann, j, w) for j in range(sent.token_start, colons[-1])
                                if ann.tokens[j].pos in ("VERB", "AUX"))


_CLAUSES = ("advcl", "xcomp", "ccomp", "acl", "relcl", "conj", "parataxis")


def _own_clause(ann: Annotations, token: int) -> list[int]:
    """The tokens of the count's own clause: its trigger's phrase without the clauses hanging from it ("killed two
    militants, bringing to 50 the number killed so far this year": the total is the second clause's)."""
    head = ann.tokens[token].head if ann.tokens[token].pos not in ("VERB", "AUX") else token
    out, stack = [], [head]
    while stack:
        j = stack.pop()
        out.append(j)
        stack.extend(k for k in ann.children[j] if ann.tokens[k].dep not in _CLAUSES or k == token)
    return sorted(out)


def _running_total(ann: Annotations, trigger: int, w: EventWords) -> bool:
    """ "one of more than 50 insurgents killed since the beginning of the year", "killed so far this year", "four
    soldiers have been killed since the truce began" (a "since" clause on a count in the present perfect, or on a
    verb joined to it: "3,000 have been killed and 700,000 have fled since the campaign began")."""
    joined = [c for c in ann.children[trigger] if ann.tokens[c].dep == "conj" and ann.tokens[c].pos in ("VERB", "AUX")]
    # a count after a preposition, on the verb that holds the "since" ("adding to more than two dozen deaths in the
    # conflict since November")
    tok = ann.tokens[trigger]
    through = [ann.tokens[tok.head].head] if tok.dep == "pobj" and ann.tokens[tok.head].head != tok.head else []
    for j in (trigger, tok.head, *joined, *through):
        kids = [ann.tokens[c] for c in ann.children[j]]
        if any(k.dep == "prep" and k.text.lower() == w.since for k in kids):
            return True
        perfect = any(k.dep == "aux" and (k.lemma or "").lower() in w.perfect_aux for k in kids)
        if perfect and any(k.dep == "advcl" and any(ann.tokens[m].dep == "mark" and ann.tokens[m].text.lower() == w.since
                                                    for m in ann.children[k.i]) for k in kids):
            return True
        for k in kids:
            words = tuple(ann.tokens[i].text.lower() for i in subtree(ann, k.i))
            if k.dep in ("advmod", "npadvmod", "prep") and words in w.total_adverbs:
                return True
    return False


def find_aggregates(ann: Annotations, casualties: Sequence[CasualtyMention], w: EventWords, *,
                    times: Sequence[Time] = (), places: Sequence[Place] = (), claims: Sequence[Claim] = (),
                    outlet: str | None = None) -> list[Aggregate]:
    """One aggregate per sentence that states a total, with its killed and injured counts."""
    by_sentence: dict[int, list[CasualtyMention]] = {}
    for c, total in zip(casualties, total_flags(ann, casualties, w), strict=True):
        if not c.negated and c.count.best > 0 and total:
            by_sentence.setdefault(c.sentence, []).append(c)
    out = []
    for si, counts in sorted(by_sentence.items()):
        sent = ann.sentences[si]
        killed = max((c.count for c in counts if c.kind == "killed"), key=lambda k: k.best, default=None)
        injured = max((c.count for c in counts if c.kind == "injured"), key=lambda k: k.best, default=None)
        if killed is None and injured is None:
            continue
        inside = [t for t in times if t.evidence and sent.start <= t.evidence[0].start < sent.end and t.start]
        here = [p for p in places if p.evidence and sent.start <= p.evidence[0].start < sent.end and p.lat is not None]
        claim = next((cl for cl in claims if any(ev.start <= sent.start < ev.end or sent.start <= ev.start < sent.end
                                                 for ev in cl.content.evidence)), None)
        asserted = (AssertedBy(kind=AssertedKind.SPEAKER, name=claim.speaker.name or claim.speaker.role,
                               claim_id=claim.id) if claim else AssertedBy(kind=AssertedKind.OUTLET, name=outlet))
        out.append(Aggregate(id=stable_id("ag", sent.start, sent.end), killed=killed, injured=injured,
                             who=(killed or injured).who, period=inside[0] if inside else None,
                             place=here[0] if here else None, asserted_by=asserted,
                             evidence=(ann.evidence(sent.start, sent.end),), extractor=EXTRACTOR))
    return out


__all__ = ["EXTRACTOR", "find_aggregates", "is_total", "total_flags"]
