"""A kind of happening told as done again and again, not one incident ("have attacked the town several times",
"dozens of bombings", "six months of fighting", "during separate operations"): ``context.event_from_draft`` marks
such events ``historical``, and ``context.assemble_events`` keeps their mentions from joining one incident."""

from __future__ import annotations

from datetime import date

from sitrep.extract.events.background import OWN_DATE_RULES
from sitrep.extract.events.drafts import EventDraft, Trigger
from sitrep.extract.events.taxonomy import trigger_key
from sitrep.extract.events.words import EventWords
from sitrep.model import Annotations, Precision, Time, Token


def is_iterative(d: EventDraft, ann: Annotations, w: EventWords, when: Time | None, date_rule: str) -> bool:
    """A kind of happening told as done again and again ("have attacked the town several times", "has carried
    out dozens of bombings"), with no day of its own in its sentence: background, not an incident."""
    if _months_of(d, ann, w, when, date_rule):
        return True  # "43 soldiers died in attacks between October 2016 and February 2017": months of happenings
    if d.main.kind == "noun" and _a_topic(ann, d.main.head, w):
        return True  # "she cares about issues of sexual violence", whatever day she said it
    if d.main.kind == "noun" and _a_trend(ann, d.main.head, w):
        return True  # "the group has increased its attacks on the army": done more often, not one incident
    if d.main.kind == "noun" and _over_a_span(ann, d.main.head, w):
        return True  # "six months of fighting have left 300 dead": the fighting of half a year, not one incident
    if d.main.kind == "noun" and _bare_plural_of(ann, d.main.head, w, {t.head for t in d.triggers}) \
            and not (d.killed or d.injured or d.detained) and not _names_device(ann, d.main, w):
        return True  # "has been the scene of turf battles", "a history of kidnappings": a kind of happening
    if d.main.kind == "noun" and date_rule != "clause" and _how_often(ann, d.main.head, w):
        return True  # "the PKK has been staging daily attacks, officials said on Monday"
    if when is not None and date_rule in OWN_DATE_RULES and when.precision is Precision.DAY:
        return False  # "shelled the town repeatedly on Tuesday" is Tuesday's incident
    sent = ann.sentences[d.sentence]
    words = " " + " ".join(t.text.lower() for t in ann.tokens[sent.token_start:sent.token_end]) + " "
    if any(f" {p} " in words for p in w.iterative_phrases) or _separate_happenings(ann, sent, w):
        return True
    return several_happenings(d, ann, w)


def _months_of(d: EventDraft, ann: Annotations, w: EventWords, when: Time | None, date_rule: str) -> bool:
    """Happenings in the plural over a span the text writes out, longer than six weeks ("dans des attaques entre
    octobre 2016 et février 2017"); not a day's or a few days' fighting ("clashes between March 1 and 5"), nor a
    weekday read in a report known only to its month (a range of about five weeks)."""
    if when is None or date_rule not in OWN_DATE_RULES or when.precision is not Precision.RANGE or not (
            when.start and when.end):
        return False
    if (date.fromisoformat(when.end[:10]) - date.fromisoformat(when.start[:10])).days <= _SPAN_DAYS:
        return False
    return any(t.kind == "noun" and plural(ann.tokens[t.head], w) for t in d.triggers)


_SPAN_DAYS = 45


def several_happenings(d: EventDraft, ann: Annotations, w: EventWords) -> bool:
    """The draft's noun counts several happenings ("dozens of bombings", "a string of attacks", "killed in
    several raids"): a kind done again and again, or, with a day of its own, a day's happenings summed up."""
    sent = ann.sentences[d.sentence]
    counted = [(e.start, e.end) for c in (*d.killed, *d.injured, *d.detained) for e in c.count.evidence]
    for trigger in d.triggers:
        if trigger.kind != "noun" or _names_device(ann, trigger, w):
            continue  # "confiscated several grenades" counts things, not happenings
        if ann.tokens[trigger.head].lemma.lower() in w.participant_nouns | w.agent_nouns | w.attacker_nouns:
            continue  # "des centaines de manifestants": one crowd, not hundreds of protests; "two suicide bombers"
        # "killed seven people in four attacks", "trois attaques": a number of happenings
        if plural(ann.tokens[trigger.head], w) and any(
                ann.tokens[c].dep == "nummod" and ann.tokens[c].like_num for c in ann.children[trigger.head]):
            return True
        if any(s <= ann.tokens[trigger.head].start < e for s, e in counted):
            continue  # "several protesters were injured" counts people
        first = min(trigger.tokens)
        before = " " + " ".join(t.text.lower() for t in ann.tokens[max(sent.token_start, first - 5):first])
        # "dozens of bombings", "killed in several raids", "une série d'attaques" ("d'" is a token of its own)
        if any(before.endswith(" " + q) or before.replace("' ", "'").endswith(" " + q) for q in w.iterative_quantifiers):
            return True
    return False


def _how_often(ann: Annotations, head: int, w: EventWords) -> bool:
    """A plural event noun with an adjective of how often ("daily attacks", "des attaques quotidiennes")."""
    return plural(ann.tokens[head], w) and any(
        ann.tokens[c].dep == "amod" and ann.tokens[c].text.lower() in w.frequency_adjectives for c in ann.children[head])


def _names_device(ann: Annotations, trigger: Trigger, w: EventWords) -> bool:
    """The trigger names a device or a weapon ("grenades", "explosive devices"), not a happening."""
    words = [(ann.tokens[t].lemma or ann.tokens[t].text).lower() for t in trigger.tokens]
    return trigger_key("".join(words)) in w.device_nouns or bool(set(words) & w.weapon_nouns)


def _bare_plural_of(ann: Annotations, head: int, w: EventWords, triggers: set[int]) -> bool:
    """A plural event noun with no determiner after "of" on another noun ("the scene of turf battles"), unless that
    noun is itself one of the event's words, which the "of" only fills ("des barricades de pneus enflammés")."""
    tok = ann.tokens[head]
    if tok.dep != "pobj" or tok.head == head or ann.tokens[tok.head].text.lower() not in w.of_words:
        return False
    prep = ann.tokens[tok.head]
    many = plural(tok, w)
    determined = any(ann.tokens[c].dep in ("det", "poss", "nummod") for c in ann.children[head])
    holder = ann.tokens[prep.head]
    return many and not determined and prep.head != prep.i and holder.pos == "NOUN" and holder.i not in triggers and (
        holder.lemma or holder.text).lower() not in w.counting_nouns


def _a_trend(ann: Annotations, head: int, w: EventWords) -> bool:
    """A plural event noun that a verb of a trend takes as object ("increased its attacks", "stepped up raids")."""
    tok = ann.tokens[head]
    verb = ann.tokens[tok.head]
    return plural(tok, w) and tok.dep == "dobj" and tok.head != head and (verb.lemma or "").lower() in w.trend_verbs


def plural(tok: Token, w: EventWords) -> bool:
    """A noun in a plural form ("attacks"): the language's plural ending, and a lemma of its own."""
    return tok.text.lower().endswith(w.plural_suffix) and tok.text.lower() != (tok.lemma or "").lower()


def _a_topic(ann: Annotations, head: int, w: EventWords) -> bool:
    """An event noun after "of", "about" or "on" a topic noun ("issues of sexual violence", "une conférence sur le
    terrorisme")."""
    tok = ann.tokens[head]
    if tok.dep not in ("pobj", "nmod") or tok.head == head:
        return False
    above = ann.tokens[tok.head]
    if above.pos == "ADP" and above.head != above.i:
        above = ann.tokens[above.head]
    return above.pos == "NOUN" and above.lemma.lower() in w.topic_nouns


def _over_a_span(ann: Annotations, head: int, w: EventWords) -> bool:
    """An event noun after "of" on a span of time ("six months of fighting", "years of war")."""
    tok = ann.tokens[head]
    if tok.dep != "pobj" or tok.head == head:
        return False
    prep = ann.tokens[tok.head]
    return prep.text.lower() in w.of_words and prep.head != prep.i and (
        ann.tokens[prep.head].lemma or "").lower() in w.time_spans


def _separate_happenings(ann: Annotations, sent, w: EventWords) -> bool:
    """ "during separate operations", "in different attacks", "lors d'opérations distinctes": several happenings
    summed up in one sentence (the adjective on a plural noun); not "in different areas of the city", where one
    day's happening spread."""
    for t in ann.tokens[sent.token_start:sent.token_end]:
        if t.text.lower() in w.separate_words and t.head != t.i:
            head = ann.tokens[t.head]
            if head.pos == "NOUN" and plural(head, w) and (head.lemma or "").lower() not in w.territory_nouns:
                return True
    return False


__all__ = ["is_iterative", "plural", "several_happenings"]
