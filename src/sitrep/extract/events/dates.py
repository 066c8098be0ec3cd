"""The date of an event, and the rule that chose it (``Event.date_rule``):

1. ``clause``: a time that governs the event's clause: the parse links it to the trigger, or to the verb of
   the trigger's clause, with no other verb in between ("a drone struck a market on Sunday").  A time inside
   the trigger's own phrase beats one on the clause's verb ("ISAF today confirmed the arrest ..., Saturday":
   the arrest was on Saturday, the confirming today), then fewer arcs, then the nearer in the text.  The time
   of a reporting verb ("today confirmed", "said on Monday") never dates the event it reports when another
   time of the sentence governs that event ("ISAF today confirmed the capture ..., June 14");
2. ``sentence``: else the time in the same sentence nearest to the trigger: a sentence rarely reports two
   happenings at different times; ``report`` when that time is the day of the saying ("a strike killed two,
   villagers said on Wednesday"; "ISAF said today that a strike had killed two"): it still dates the event,
   but a later mention's own day of the same incident ("the jet dropped three bombs on Tuesday") replaces
   it, and it is no contradiction when the incident's mentions are joined;
3. ``paragraph``: else the nearest time earlier in the same paragraph (the story's running date);
4. ``lead``: else, for an event in a later paragraph, the first time of the lead (the first paragraph after
   the dateline) if it is a day: a news lead says when the story happened and later paragraphs fill in
   ("Gunmen stormed a checkpoint on Monday.\nTwo policemen died in the fighting.");
5. ``publication``: else the publication date, ``basis: publication``, at the precision the publication date
   is known to: a dateline or page date gives a day, a release id alone ("2011-07-S-039") only a month.
   On the ISAF dev releases it is the annotated day for 20 of the 25 main events it dates (``sitrep eval
   times`` prints ``date_rule_exact``);
6. ``none``: no publication date either; the event has no date rather than a guess.

Times that are never an event's date: unresolved ones, bare clock times ("at 3 a.m.": their day is the one
the other rules find), the dateline's own date (that is the publication date, rule 5 says so honestly), and
dates inside a parenthesised citation ("(Title, Outlet, 27 October 2015)": when the cited piece appeared, not
when the event happened). Nor, by the sentence and paragraph rules, a time that names the date of a thing that
is no happening, written after it by a genitive preposition or as its modifier ("the elections of last spring",
"les élections du printemps dernier"; events.yaml genitive_prepositions).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sitrep.extract.common.records import Dateline, TimeFindings
from sitrep.extract.common.text import ancestors, paragraph_index_at, subtree, tokens_in
from sitrep.extract.events.background import pluperfect
from sitrep.extract.events.drafts import EventContext, EventDraft
from sitrep.extract.events.other_dates import dates_a_coming_to_be, dates_another_thing
from sitrep.extract.events.words import EventWords
from sitrep.model import PRECISION_RANK, Annotations, Claim, Precision, Span, Time, TimeBasis

_CLAUSE_POS = {"VERB", "AUX"}
_NOMINAL = ("NOUN", "PROPN", "PRON", "NUM")


def choose_date(d: EventDraft, ctx: EventContext) -> tuple[Time | None, str]:
    ann = ctx.ann
    sent = ann.sentences[d.sentence]
    head = d.main.head
    anchor = ann.tokens[head].start
    # "a woman born in 1958": when someone came to be dates no event, in its sentence or after it
    usable = [t for t in event_times(ann, ctx.times, ctx.time_findings) if not dates_a_coming_to_be(ann, t, ctx.words)]
    in_sentence = [t for t in usable if sent.start <= t.evidence[0].start < sent.end]

    def nearest(times: list[Time]) -> Time:
        return min(times, key=lambda t: abs(t.evidence[0].start - anchor))

    # The closest governor wins: "today confirmed the arrest ... Saturday" dates the arrest by Saturday,
    # which hangs from "arrest", not by "today", which hangs from the clause's verb.
    if _before_its_clause(ann, head, ctx.words.consequence_words) and _clause_verb(ann, head) not in {
            c.token for c in (*d.killed, *d.injured)}:
        # "closed most of the weekend due to the explosion": the clause's times are of what followed; only a time
        # inside the noun's own phrase dates it ("after the attack on Sunday"); but the dead the event counts died
        # by it ("cinq personnes sont mortes, jeudi, à la suite d'une attaque")
        verb = _clause_verb(ann, head)
        in_sentence = [t for t in in_sentence if _in_own_phrase(ann, t, head) or not governs(ann, t, verb)]
    # "the death toll rose to 21 on Sunday": when the count was given, not when the incident happened
    in_sentence = [t for t in in_sentence if not _dates_a_toll(ann, t, ctx.words)]
    # "according to a report in Monday's issue of the paper": when the source spoke, under the words that cite it,
    # dates what was said (a statement), not what happened (a verb of saying dates by the report rule below)
    if not d.subtype.verbal:
        in_sentence = [t for t in in_sentence if not _cited_from(ann, t, ctx.claims, sent)]
    said_long_before: list[Time] = []
    if pluperfect(ann, _clause_verb(ann, head), ctx.words):
        # "police said on Saturday that 15 people had been killed": the saying's day, not the killing's
        verb = _clause_verb(ann, head)
        said = [t for t in in_sentence if _attached(ann, t) & _reporting_above(ann, verb, ctx.words)]
        in_sentence = [t for t in in_sentence if t not in said]
        # but a saying long before the article ("In August, the army said two of its troops had been killed") puts
        # what it told no later than then, not on the day of the article
        published = ctx.time_findings.publication
        said_long_before = [t for t in said if dates_within(t, published, _NEWS_DAYS) is False
                            and t.end < published.start]
    described = _describing_clause(ann, head, ctx.words.place_relatives)
    if described:
        # "mourners gathered on Sunday to bury 14 worshippers killed when gunmen stormed a church": a time outside
        # the clause that describes the victims, on no word of the event's own, is another happening's
        own_verbs = {t.head for t in d.triggers}
        in_sentence = [t for t in in_sentence if _starts_in(ann, t, described) or _attached(ann, t) & own_verbs]
    ranked = [(h, abs(t.evidence[0].start - anchor), t) for t in in_sentence if (h := governing_hops(ann, t, head))]
    ranked = _beyond_reporting(ann, ranked, head, ctx.words.reporting_verbs)
    if ranked:
        return min(ranked, key=lambda x: x[:2])[2], "clause"
    if not in_sentence and said_long_before:
        return said_long_before[0], "report"
    # a time that dates a thing other than a happening ("qui contestent les élections du printemps dernier", "the
    # elections, which took place on Thursday") dates neither an event of its sentence that it does not govern nor
    # the paragraph after it
    in_sentence = [t for t in in_sentence if not dates_another_thing(ann, t, ctx.words, ctx.trigger_words)]
    if in_sentence:
        time = nearest(in_sentence)
        if _hangs_from(ann, time, _reporting_verb_of(ann, _clause_verb(ann, head), ctx.words)):
            return time, "report"
        return time, "sentence"
    para = paragraph_index_at(ann, sent.start)
    # ("a November 6 attack that struck the third floor. ... four people were killed" is the paragraph's day)
    earlier = [t for t in usable if t.evidence[0].start < sent.start
               and paragraph_index_at(ann, t.evidence[0].start) == para
               and not dates_another_thing(ann, t, ctx.words, ctx.trigger_words)]
    if earlier:
        return earlier[-1], "paragraph"
    lead = lead_time(ann, usable, para, ctx.time_findings.dateline) if LEAD_RULE else None
    if lead is not None:
        return lead, "lead"
    published = ctx.time_findings.publication
    return published, "publication" if published is not None else "none"


# How long before the article a saying may be and what it told still be the news ("police said on Saturday that 15
# people had been killed", in Monday's paper): a week, set by hand.
_NEWS_DAYS = 7

# Off by default: the rule is "else the publication date", and on ISAF dev the lead rule fired
# 3 times (2 right, 1 wrong) - too little evidence that a later paragraph without a time tells of the
# lead's day rather than of background.  Set True to try it.
LEAD_RULE = False


def lead_time(ann: Annotations, usable: list[Time], para: int, dateline: Dateline | None) -> Time | None:
    """The lead's time for an event in a later paragraph that names none: the first time of the report's
    first body paragraph (after the dateline), when it is a day."""
    body = dateline.body_start if dateline is not None else 0
    lead = paragraph_index_at(ann, body)
    if para <= lead:
        return None
    for t in usable:
        at = paragraph_index_at(ann, t.evidence[0].start)
        if at == lead and t.evidence[0].start >= (dateline.end if dateline else 0):
            return t if t.precision is Precision.DAY else None
        if at > lead:
            break
    return None


def event_times(ann: Annotations, times: Sequence[Time], findings: TimeFindings) -> list[Time]:
    """The times that may date an event: resolved, not the dateline's date, not inside a citation."""
    dateline = (findings.dateline.start, findings.dateline.end) if findings.dateline is not None else None
    out = []
    for t in times:
        if not t.evidence or t.value is None or t.basis is TimeBasis.UNRESOLVED:
            continue
        ev = t.evidence[0]
        if dateline is not None and dateline[0] <= ev.start < dateline[1]:
            continue
        if in_citation(ann.text, ev.start, ev.end) or findings.is_reference(t):
            continue  # a cited piece's date; "now" is when it was written, not when it happened
        if findings.is_bare_clock(t):
            continue  # "at 3 a.m." only repeats the day in context (or publication's): the other rules say which
        out.append(t)
    return out


def _before_its_clause(ann: Annotations, head: int, words: frozenset[str]) -> bool:
    """An event noun told as what came before its clause: a consequence word on the way from the noun up to the
    clause's verb ("due to the explosion", "after the attack")."""
    if ann.tokens[head].pos in _CLAUSE_POS or not words:
        return False
    j, seen = ann.tokens[head].head, {head}
    while j not in seen and ann.tokens[j].pos not in _CLAUSE_POS:
        if ann.tokens[j].text.lower() in words:
            return True
        seen.add(j)
        j = ann.tokens[j].head
    return False


def _in_own_phrase(ann: Annotations, time: Time, head: int) -> bool:
    hops = governing_hops(ann, time, head)
    return hops is not None and hops[0] == 0


def governs(ann: Annotations, time: Time, head: int) -> bool:
    """True if the time hangs from the trigger, or from the verb of the trigger's clause."""
    return governing_hops(ann, time, head) is not None


def _cited_from(ann: Annotations, time: Time, claims: Sequence[Claim], sent: Span) -> bool:
    """The time hangs from the words that cite a source, outside what is cited ("killing two, according to a
    report in Monday's paper"; not "reports of another attack on Sunday", where the day is the attack's)."""
    ev = time.evidence[0]
    inside = [t.i for t in tokens_in(ann, ev.start, ev.end)]
    if not inside:
        return False
    above = set(ancestors(ann, inside[0]))
    for c in claims:
        if not any(sent.start <= e.start < sent.end for e in c.cue.evidence) or any(
                e.start <= ev.start < e.end for e in c.content.evidence):
            continue
        if any(x.dep == "prep" and x.i in above for e in c.cue.evidence for x in tokens_in(ann, e.start, e.end)):
            return True
    return False


def governing_hops(ann: Annotations, time: Time, head: int) -> tuple[int, int] | None:
    """How closely the time governs the trigger: ``(0, arcs)`` when it hangs inside the trigger's own phrase,
    ``(1, arcs)`` when it hangs from the verb of the trigger's clause, None when it belongs to another clause."""
    if not ann.tokens:
        return None
    ev = time.evidence[0]
    inside = {t.i for t in tokens_in(ann, ev.start, ev.end)}
    if not inside or head in inside:
        return None
    roots = [i for i in inside if ann.tokens[i].head not in inside or ann.tokens[i].head == i]
    target = _clause_verb(ann, head)
    best: tuple[int, int] | None = None
    for root in roots:
        seen = set(inside)
        j, arcs = ann.tokens[root].head, 1
        while j not in seen:
            if j in (head, target):
                found = (0 if j == head else 1, arcs)
                best = found if best is None else min(best, found)
                break
            if ann.tokens[j].pos in _CLAUSE_POS and not (ann.tokens[j].dep == "acl" and ann.tokens[j].head == head):
                # another clause's verb: the time belongs to that clause; but a participle on the trigger is its
                # own phrase ("l'attaque perpétrée samedi soir", "the raid carried out on Sunday")
                break
            seen.add(j)
            j, arcs = ann.tokens[j].head, arcs + 1
    return best


def _beyond_reporting(ann: Annotations, ranked: list[tuple[tuple[int, int], int, Time]], head: int,
                      reporting_verbs: frozenset[str]) -> list[tuple[tuple[int, int], int, Time]]:
    """Drop the reporting verb's own time when another time in the sentence governs the reported event.

    "ISAF today confirmed the capture of a facilitator ..., June 14": the capture is the object of
    "confirmed", "today" says when it was confirmed, and "June 14" (inside the object, or after the trigger)
    when it happened.  With no other time the reporting time stays ("Police today confirmed the arrest")."""
    verb = _clause_verb(ann, head)
    if verb == head or ann.tokens[verb].lemma.lower() not in reporting_verbs:
        return ranked
    trigger_at = ann.tokens[head].start
    # a reporting clause after what it reports (", a annoncé mardi le gouvernement") has its time after its verb
    verb_after = verb > head
    reporting = [r for r in ranked if (r[2].evidence[0].start < trigger_at or (
        verb_after and r[2].evidence[0].start > ann.tokens[verb].start)) and _hangs_from(ann, r[2], verb)]
    if not reporting or len(reporting) == len(ranked):
        return ranked
    return [r for r in ranked if r not in reporting]


def _reporting_verb_of(ann: Annotations, verb: int, w: EventWords) -> int:
    """The reporting verb that tells the clause of ``verb`` ("killed ten civilians, villagers said on Wednesday":
    "said", above the clause or hung beside it, as the parse has it), or -1."""
    above = _reporting_above(ann, verb, w)
    if above:
        return min(above, key=lambda j: abs(j - verb))
    for c in ann.children[verb]:
        if ann.tokens[c].dep in ("parataxis", "conj") and (ann.tokens[c].lemma or "").lower() in w.reporting_verbs:
            return c
    return -1


def _reporting_above(ann: Annotations, verb: int, w: EventWords) -> set[int]:
    """The reporting verbs whose complement holds the clause of ``verb`` ("police said that ... had been killed")."""
    out, j = set(), verb
    while ann.tokens[j].head != j and ann.tokens[j].dep in ("ccomp", "parataxis", "conj"):
        j = ann.tokens[j].head
        if (ann.tokens[j].lemma or "").lower() in w.reporting_verbs:
            out.add(j)
    return out


def _dates_a_toll(ann: Annotations, time: Time, w: EventWords) -> bool:
    """The time hangs from a verb of a changing toll whose subject is the toll ("the toll rose to 21 on Sunday"); not
    one inside the toll's own noun phrase ("le bilan de l'attaque de mercredi 12 juin passe à 42": the attack's day)."""
    for verb in _attached(ann, time):
        tok = ann.tokens[verb]
        if _hangs_from(ann, time, verb) and (tok.lemma or tok.text).lower() in w.toll_verbs and any(
                ann.tokens[c].dep == "nsubj" and (ann.tokens[c].lemma or ann.tokens[c].text).lower() in w.toll_nouns
                for c in ann.children[verb]):
            return True
    return False


def _describing_clause(ann: Annotations, head: int, place_relatives: frozenset[str] = frozenset()) -> set[int]:
    """The tokens of the participle clause that describes a noun, if the trigger's clause is one ("14 worshippers
    killed in the attack"), or of a relative clause of place ("a prison where rioting has left 118 dead"); empty
    otherwise. (Other relative clauses are left alone: the parser often hangs a second main verb on them, "freed a
    family that was taken hostage and killed several insurgents ... yesterday".)"""
    verb = _clause_verb(ann, head)
    tok = ann.tokens[verb]
    if tok.dep == "acl" and tok.tag == "VBN" and tok.head != verb and ann.tokens[tok.head].pos in _NOMINAL:
        return set(subtree(ann, verb))
    if tok.dep == "relcl" and tok.head != verb and any(
            ann.tokens[c].text.lower() in place_relatives for c in ann.children[verb]):
        return set(subtree(ann, verb))
    return set()


def _starts_in(ann: Annotations, time: Time, tokens: set[int]) -> bool:
    return any(t.i in tokens for t in tokens_in(ann, time.evidence[0].start, time.evidence[0].end))


def _attached(ann: Annotations, time: Time) -> set[int]:
    """The word a time's words hang from and the verb of its clause ("a shootout Thursday": shootout, and the verb
    the shootout is the subject of)."""
    inside = {t.i for t in tokens_in(ann, time.evidence[0].start, time.evidence[0].end)}
    heads = {ann.tokens[i].head for i in inside if ann.tokens[i].head not in inside}
    return heads | {_clause_verb(ann, h) for h in heads}


def _hangs_from(ann: Annotations, time: Time, verb: int) -> bool:
    """True if the time's words are a direct dependent of ``verb`` ("today confirmed", "confirmed on Monday")."""
    ev = time.evidence[0]
    inside = {t.i for t in tokens_in(ann, ev.start, ev.end)}
    return any(ann.tokens[i].head == verb for i in inside if ann.tokens[i].head not in inside)


def _clause_verb(ann: Annotations, i: int) -> int:
    """The verb heading token ``i``'s clause (``i`` itself for a verb; the root if no verb is above it)."""
    seen = set()
    while i not in seen:
        if ann.tokens[i].pos in _CLAUSE_POS:
            return i
        seen.add(i)
        i = ann.tokens[i].head
    return i


def in_citation(text: str, start: int, end: int) -> bool:
    """True inside brackets that hold a citation: a comma-separated "(Title, Outlet, date)"."""
    open_at = text.rfind("(", max(0, start - 300), start)
    if open_at < 0 or ")" in text[open_at:start] or "\n" in text[open_at:start]:
        return False
    close_at = text.find(")", end, end + 40)
    if close_at < 0 or "\n" in text[end:close_at]:
        return False
    return text.count(",", open_at, start) >= 2


def dates_compatible(a: Time | None, b: Time | None) -> bool:
    if a is None or b is None or a.start is None or b.start is None or a.end is None or b.end is None:
        return True
    if TimeBasis.PUBLICATION in (a.basis, b.basis):
        return True
    return a.start <= b.end and b.start <= a.end


def dates_adjacent(a: Time | None, b: Time | None) -> bool:
    """Both known, and at most a day apart ("broke out late Monday" beside Tuesday's fighting)."""
    return dates_within(a, b, 1) is True


def dates_within(a: Time | None, b: Time | None, days: int) -> bool | None:
    """Whether two times come within ``days`` of each other; None when either is unknown."""
    if a is None or b is None or not (a.start and a.end and b.start and b.end):
        return None
    try:
        a0, a1 = date.fromisoformat(a.start[:10]), date.fromisoformat(a.end[:10])
        b0, b1 = date.fromisoformat(b.start[:10]), date.fromisoformat(b.end[:10])
    except ValueError:
        return None
    return b0 <= a1 + timedelta(days=days) and a0 <= b1 + timedelta(days=days)


def time_better(new: Time, old: Time) -> bool:
    if old.basis == TimeBasis.PUBLICATION and new.basis != TimeBasis.PUBLICATION:
        return True
    return new.basis != TimeBasis.PUBLICATION and PRECISION_RANK[new.precision] < PRECISION_RANK[old.precision]
