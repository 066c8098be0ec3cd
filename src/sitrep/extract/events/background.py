"""Background, not news: an event told as the past behind the news ("in 2003 the US invaded", a date weeks
before the report, "since it seized the town"), as what describes a party ("a leader who led IED attacks",
"linked to an attack", "suspected of the bombing") or as the deed behind a legal step ("charged with the murder
of"). ``context.event_from_draft`` marks such events ``historical``."""

from __future__ import annotations

from datetime import date, timedelta

from sitrep.extract.common.text import subtree
from sitrep.extract.events.drafts import EventContext, EventDraft
from sitrep.extract.events.taxonomy import trigger_key
from sitrep.extract.events.words import EventWords
from sitrep.model import Annotations, Precision, Time, TimeBasis


def is_background(d: EventDraft, ann: Annotations, w: EventWords) -> bool:
    """A trigger that describes someone rather than tells a happening, for the confidence score: any relative
    or adjectival clause ("the leader who coordinates attacks"), or a noun's or adjective's preposition
    ("responsible for IED attacks", "linked to an attack")."""
    return _in_description(d, ann, w, clauses=("relcl", "acl"), narrating_is_news=False)


# An event dated this long before the report is background to it, not the news it brings (docs/event-rules.md).
HISTORICAL_DAYS = 10
# The date rules that read a time the event's own clause or sentence names (extract/events/dates.py).
OWN_DATE_RULES = ("clause", "sentence", "report")
_COARSE = (Precision.YEAR, Precision.DECADE)
_MONTH_OR_COARSER = (Precision.MONTH, Precision.SEASON, *_COARSE)


def reference_day(ctx: EventContext) -> date | None:
    """The day the report speaks from: its publication day (a month's first), else its header's date (dateline)."""
    published = ctx.time_findings.publication
    if published is not None and published.start:
        return date.fromisoformat(published.start)
    dateline = ctx.time_findings.dateline
    return dateline.date if dateline is not None else None


def is_historical(d: EventDraft, ctx: EventContext, when: Time | None, date_rule: str) -> bool:
    """A past event told as background: its own date ends weeks before the report ("in 2003 the US invaded",
    "the city fell to the group in 2014"); without a known report date, a bare year or decade in a past-tense
    clause; or, undated, a clause introduced by "since" or a past-perfect relative clause on a party ("the
    militia, which had seized the town"); or what the news came days after ("The attack came two days after ...")."""
    ann, w = ctx.ann, ctx.words
    if came_days_after(ann, d.main.head, w) or shows_an_old_picture(ann, d.sentence, w):
        return True  # whatever day the time between gives it, it is what the news came after
    # a day or a month its paragraph writes out (with its year, or the year of the text before) counts too: a
    # paragraph about an old date is background ("In June 2008, police were called to ... The gunman opened
    # fire"); a relative "last month" in the sentence before is an aside
    guessed = date_rule == "paragraph" and when is not None and when.precision in (Precision.DAY, Precision.MONTH) \
        and when.basis in (TimeBasis.ABSOLUTE, TimeBasis.INHERITED)
    if when is not None and (date_rule in OWN_DATE_RULES or guessed) and when.basis is not TimeBasis.PUBLICATION \
            and when.end:
        ref = reference_day(ctx)
        try:
            end = date.fromisoformat(when.end[:10])
        except ValueError:
            end = None
        if ref is not None and end is not None:
            if end < ref - timedelta(days=HISTORICAL_DAYS):
                return True
            if date_rule in OWN_DATE_RULES and when.precision in _MONTH_OR_COARSER and end < ref.replace(day=1):
                return True  # "last month", "in May": an incident of the day is told by its day, not a past month
                # (a weekend or a night that ends last month is no past month: "over the weekend" told on 1 April)
            pub = ctx.time_findings.publication
            if date_rule == "clause" and (pub is None or pub.precision is Precision.DAY):
                return False  # the trigger's own clause dates it recent; not in a report known only to its
                # month, where "Friday" spans weeks: its tense still tells
        elif ref is None and when.precision in _COARSE and when.basis is TimeBasis.ABSOLUTE and _past_tense(
                ann, d.main.head, w):
            return True
    return (_since_clause(ann, d.main.head, w) or _pluperfect_relative(ann, d.main.head, w)
            or _pluperfect_main(ann, d.main.head, w) or _like_one_before(d, ann, w, when, date_rule))


def _like_one_before(d: EventDraft, ann: Annotations, w: EventWords, when: Time | None, date_rule: str) -> bool:
    """ "following a similar attack in which two soldiers were killed", "killed in a similar incident": an event
    told as like the one of the news, with no day of its own, is one from before it, context (not "a similar attack
    on Sunday in Turbat", a second incident of the day)."""
    if d.main.kind != "noun" or not any(ann.tokens[c].dep == "amod" and ann.tokens[c].text.lower() in w.similar_words
                                        for c in ann.children[d.main.head]):
        return False
    return not (when is not None and date_rule in OWN_DATE_RULES and when.precision is Precision.DAY
                and when.basis is not TimeBasis.PUBLICATION)


def _clause_of(ann: Annotations, i: int) -> int:
    """The verb whose clause holds token ``i`` (``i`` itself for a verb)."""
    for _ in range(4):
        tok = ann.tokens[i]
        if tok.pos in ("VERB", "AUX") or tok.head == i:
            return i
        i = tok.head
    return i


def _past_tense(ann: Annotations, i: int, w: EventWords) -> bool:
    """The trigger's clause is told in the past ("invaded", "was seized"), not as a plan ("will visit in 2027")."""
    verb = _clause_of(ann, i)
    if any(ann.tokens[c].dep == "aux" and ann.tokens[c].text.lower() in w.modals for c in ann.children[verb]):
        return False
    return ann.tokens[verb].tag in ("VBD", "VBN")


def _since_clause(ann: Annotations, i: int, w: EventWords) -> bool:
    """"(has held the town) since it seized it", "since the invasion": the trigger dates a state that lasts; "have
    since spread ..., seizing territory", "since then they have seized": what has happened since, told together."""
    j = i
    for _ in range(3):
        tok = ann.tokens[j]
        kids = [ann.tokens[c] for c in ann.children[j]]
        if tok.dep == "advcl" and any(k.dep == "mark" and k.text.lower() == w.since_marker for k in kids):
            return True
        if tok.pos in ("VERB", "AUX") and any(k.dep in ("advmod", "prep") and k.text.lower() == w.since_marker
                                              and not any(ann.tokens[g].dep == "pobj" for g in ann.children[k.i])
                                              for k in kids):
            return True
        if tok.dep in ("pobj", "pcomp") and ann.tokens[tok.head].text.lower() == w.since_marker:
            return True
        if tok.head == j:
            break
        j = tok.head
    return False


def came_days_after(ann: Annotations, i: int, w: EventWords) -> bool:
    """ "The attack came two days after the United States said it had killed the chief", "killing seven soldiers,
    officials said on Saturday, a week after the same group killed 26 people": the trigger is in a clause marked
    "after" with a time of days or more; what came that long before the news is its context."""
    j = i
    for _ in range(_CAME_AFTER_STEPS):
        tok = ann.tokens[j]
        if tok.dep == "advcl":
            kids = [ann.tokens[c] for c in ann.children[j]]
            if any(k.dep == "mark" and k.text.lower() in w.came_after["markers"] for k in kids) and _lasting(ann, j, w):
                return True
        if tok.head == j:
            break
        up = ann.tokens[tok.head]
        # "comes a day after the killing of two officers", "survient deux semaines après la mort de deux policiers":
        # the marker as a preposition, its time on it or on the verb it hangs on
        if tok.dep == "pobj" and up.text.lower() in w.came_after["markers"] and (
                _lasting(ann, up.i, w) or _lasting(ann, up.head, w, before=up.i)):
            return True
        # "comes a day after two militants were killed": the parser joins the clause to the verb the preposition
        # "after" hangs on; what follows the preposition is still what came before
        if tok.dep == "conj" and any(ann.tokens[c].text.lower() in w.came_after["markers"] and c < j and (
                ann.tokens[c].dep == "prep") and _lasting(ann, c, w) for c in ann.children[up.i]):
            return True
        j = tok.head
    return False


def shows_an_old_picture(ann: Annotations, sentence: int, w: EventWords) -> bool:
    """The sentence is the caption of an old picture: it opens with events.yaml archive_pictures ("File image of
    rescuers ... destroyed by Russian missile attack in centre Lviv", "Photo d'archives ..."). What it shows came
    before the news."""
    sent = ann.sentences[sentence]
    opening = ann.text[sent.start:sent.start + 40].lower().replace("\u2019", "'")
    return any(opening.startswith(p) for p in w.archive_pictures)


def _lasting(ann: Annotations, i: int, w: EventWords, *, before: int | None = None) -> bool:
    """A time of days or more hangs on the word at ``i`` ("a day after", "deux semaines après"; in the clause "after"
    opens, "were killed last week"); with ``before``, counted right before that word (the verb's "dix jours après",
    not its "this week ... after three days of shelling")."""
    return any(ann.tokens[c].dep in ("npadvmod", "tmod") and (ann.tokens[c].lemma or "").lower()
               in w.came_after["durations"] and (before is None or 0 < before - c <= _NEXT_TO and _counted(ann, c, w))
               for c in ann.children[i])


def _counted(ann: Annotations, i: int, w: EventWords) -> bool:
    """A time counted out ("a day", "two weeks", "days", "deux semaines"), not one pointed at ("this week")."""
    tok = ann.tokens[i]
    return tok.text.lower() != (tok.lemma or "").lower() or any(
        ann.tokens[c].like_num or (ann.tokens[c].dep == "det" and ann.tokens[c].text.lower() in w.one_articles)
        for c in ann.children[i])


_NEXT_TO = 2  # tokens from a time to the marker it measures: "jours après", "days after"


# Steps from a trigger up to the clause the news came after: "demonstrations" in "It comes a day after three
# workers died in an attack as demonstrations turned violent" is three steps below "died".
_CAME_AFTER_STEPS = 5


def _pluperfect_main(ann: Annotations, i: int, w: EventWords) -> bool:
    """"Five soldiers had been killed in a similar ambush", "cinq soldats avaient été tués": the past perfect in a
    main clause, with no recent date of its own, tells what came before the news."""
    verb = _clause_of(ann, i)
    tok = ann.tokens[verb]
    main = tok.head == verb or (tok.dep == "conj" and ann.tokens[tok.head].head == tok.head)
    return main and pluperfect(ann, verb, w)


def pluperfect(ann: Annotations, verb: int, w: EventWords) -> bool:
    """The verb is in the past perfect ("had been killed")."""
    return any(ann.tokens[c].dep == "aux" and ann.tokens[c].text.lower() in w.pluperfect_aux
               for c in ann.children[verb])


def _pluperfect_relative(ann: Annotations, i: int, w: EventWords) -> bool:
    """"the militia, which had seized the town": a past-perfect relative clause whose antecedent did the deed
    describes a party's past (not "two people who had been wounded", the victims of the event told)."""
    verb = _clause_of(ann, i)
    tok = ann.tokens[verb]
    if tok.dep != "relcl" or tok.tag != "VBN":
        return False
    kids = [ann.tokens[c] for c in ann.children[verb]]
    return (any(k.dep == "aux" and k.text.lower() in w.pluperfect_aux for k in kids)
            and any(k.dep == "nsubj" and k.tag in ("WDT", "WP") for k in kids))


def behind_legal_step(d: EventDraft, ann: Annotations, w: EventWords) -> bool:
    """A deed told through the legal step it led to: "charged with the murder of", "accused of killing",
    "admitted that he gunned down", "arrested for the shooting". The step (or the arrest) may be news; the deed
    behind it is background, whatever date it carries."""
    if d.subtype.subtype == "arrests":
        return False
    j, through_prep = d.main.head, False
    # a deed names a charge ("a murder charge"); a weapon does not ("explosive device charges" are explosives)
    words = [(ann.tokens[t].lemma or ann.tokens[t].text).lower() for t in d.main.tokens]
    compound = trigger_key("".join(words)) not in w.device_nouns and not set(words) & w.weapon_nouns
    for _ in range(4):
        tok = ann.tokens[j]
        if tok.head == j:
            return False
        head = ann.tokens[tok.head]
        if tok.dep == "prep":  # not "lors de", "in the course of": a phrase of time
            through_prep = (tok.text.lower() in w.legal_prepositions and (head.lemma or "").lower() not in w.while_words
                            ) or through_prep
        lemma = (head.lemma or head.text).lower()
        if lemma in w.attempt_senses and any(ann.tokens[c].dep == "xcomp" for c in ann.children[head.i]):
            return False  # "demonstrators ... tried to break a barricade": an attempt, not a trial
        if lemma in w.legal_heads and (through_prep or tok.dep in ("ccomp", "xcomp", "dobj", "pcomp", "advcl")
                                       or (compound and tok.dep == "compound")):
            return True  # "charged with the murder", "pleaded guilty to the killing", "a kidnapping charge"
        if through_prep and head.pos in ("VERB", "AUX") and any(
                ann.tokens[c].dep in ("oprd", "acomp") and (ann.tokens[c].lemma or "").lower() in w.legal_heads
                for c in ann.children[head.i]):
            return True  # "was found guilty last month of murder" (the preposition hung on another word)
        if lemma in w.arrest_heads and through_prep:
            return True
        if head.pos in ("VERB", "AUX") and lemma not in w.legal_heads | w.arrest_heads and tok.dep not in ("prep", "pobj", "pcomp"):
            return False  # another clause's verb stands between
        j = head.i
    return False


def describes_party(d: EventDraft, ann: Annotations, w: EventWords) -> bool:
    """The trigger tells who a person or group is, not what happened: a restrictive relative clause ("a leader
    who led IED attacks", "who coordinates attacks") or a noun's or adjective's preposition ("responsible for
    IED attacks", "linked to an attack"). A relative clause after a comma told in the simple past carries the
    story on ("the patrol, which returned fire, killing two") and is news, unless it is in the past perfect."""
    return _in_description(d, ann, w, clauses=("relcl",), narrating_is_news=True)


def _in_description(d: EventDraft, ann: Annotations, w: EventWords, *, clauses: tuple[str, ...],
                    narrating_is_news: bool) -> bool:
    j = d.main.head
    for _ in range(3):
        tok = ann.tokens[j]
        if tok.dep in clauses and not setting_relative(ann, j, w):
            return not (narrating_is_news and tok.dep == "relcl" and (
                _narrating_relative(ann, j, w) or _pursued_for(ann, tok.head, w)))
        if tok.dep == "pobj":
            prep = ann.tokens[tok.head]
            holder = ann.tokens[prep.head]
            word = prep.text.lower()
            if holder.pos in ("NOUN", "PROPN") and word in w.description_prepositions:
                # "a role in the bombing", "responsibility for attacks"; but "claimed responsibility for the
                # blast" owns the story's own incident
                return not ((holder.lemma or holder.text).lower() in w.deed_owning_nouns and definite(ann, j, w))
            if holder.pos == "ADJ" and ann.tokens[holder.head].lemma.lower() in w.toll_nouns:
                return False  # "un bilan provisoire d'au moins huit morts": the parser hangs the count on the adjective
            told = {c.token for c in (*d.killed, *d.injured, *d.detained)}
            if (holder.pos == "ADJ" or (holder.tag == "VBN" and (holder.lemma or "").lower() in w.description_verbs)) \
                    and word in w.description_prepositions | w.quality_prepositions and holder.i not in told:
                # "responsible for", "linked to", "suspected of", "guilty of"; not the dead themselves ("cinq
                # personnes sont mortes à la suite d'une attaque": "mortes" is an adjective in French)
                return True
        if tok.head == j:
            break
        j = tok.head
    return False


def _pursued_for(ann: Annotations, noun: int, w: EventWords) -> bool:
    """The people a relative clause describes are hunted for what it tells ("searching for gunmen who ambushed a
    convoy", "a manhunt for the men who killed two guards"): the deed is the news the pursuit follows."""
    tok = ann.tokens[noun]
    holder = ann.tokens[tok.head]
    if tok.dep == "pobj" and holder.text.lower() in w.pursuit_prepositions:
        holder = ann.tokens[holder.head]
    elif tok.dep != "dobj":
        return False
    return (holder.lemma or holder.text).lower() in w.pursuit_words


def setting_relative(ann: Annotations, verb: int, w: EventWords) -> bool:
    """A relative clause that says when or where, opened by a word of time on a time ("killed Friday when a roadside
    bomb exploded", "le soir où") or by one of place ("a district of the capital where gunmen clashed with
    residents"): it tells the happening, it describes no one ("the 11-month-old whose parents staged a battle"
    does)."""
    tok = ann.tokens[verb]
    if tok.dep != "relcl":
        return False
    kids = [ann.tokens[c] for c in ann.children[verb]]
    if any(k.dep == "advmod" and k.text.lower() in w.place_relatives for k in kids):
        return True
    return ann.tokens[tok.head].ent_type in ("DATE", "TIME") and any(k.text.lower() in w.time_relatives for k in kids)


def relative_clause(ann: Annotations, i: int, w: EventWords) -> int | None:
    """The verb of the nearest relative clause that holds token ``i``, if any; not one on a time, which tells the
    sentence's own happening ("killed Friday when a roadside bomb exploded")."""
    for _ in range(12):
        tok = ann.tokens[i]
        if tok.dep == "relcl" and not setting_relative(ann, i, w):
            return i
        if tok.head == i:
            return None
        i = tok.head
    return None


def dated_apart(ann: Annotations, i: int, outside: int, w: EventWords) -> bool:
    """Token ``i`` is told in a relative clause on someone that gives its own time ("the coffins of eight activists
    who died in a clash earlier this week in El Alto"), and token ``outside`` is not in it: another happening's."""
    own = relative_clause(ann, i, w)
    return own is not None and own != relative_clause(ann, outside, w) and any(
        ann.tokens[j].ent_type == "DATE" for j in subtree(ann, own))


def definite(ann: Annotations, noun: int, w: EventWords) -> bool:
    """The noun has a definite determiner ("the attack", "cette attaque") and no superlative: "the deadliest
    attack" picks one happening out of several a story sums up, it does not point back to one."""
    if ann.tokens[noun].pos == "PRON":
        return ann.tokens[noun].text.lower() in w.pointing_pronouns  # "it happened on Friday"
    kids = [ann.tokens[c] for c in ann.children[noun]]
    return not superlative(ann, noun) and any(k.dep == "det" and k.text.lower() in w.anaphoric_determiners
                                              for k in kids)


def superlative(ann: Annotations, noun: int) -> bool:
    """ "the deadliest attack", "the worst bombing", "the most violent clash"."""
    return any(ann.tokens[c].dep == "amod" and (ann.tokens[c].tag == "JJS" or any(
        ann.tokens[k].tag == "RBS" for k in ann.children[c])) for c in ann.children[noun])


def _narrating_relative(ann: Annotations, verb: int, w: EventWords) -> bool:
    kids = [ann.tokens[c] for c in ann.children[verb]]
    if any(k.dep == "nsubjpass" for k in kids):
        return True  # "two people who had been wounded": the antecedent suffered it, a part of the story
    if any(k.dep == "aux" and k.text.lower() in w.pluperfect_aux for k in kids):
        return False
    past = ann.tokens[verb].tag == "VBD" or any(k.dep in ("aux", "auxpass") and k.text.lower() in w.past_be
                                                 for k in kids)
    first = min([verb, *(c for c in ann.children[verb] if c < verb)])
    # the relative word may sit inside a phrase ("in which"): look at the token before the clause's first word
    nonrestrictive = first > 0 and ann.tokens[first - 1].text == ","
    return past and nonrestrictive
