"""Trigger words of one sentence: verbs ("retook"), nouns ("airstrikes") and phrases ("car bomb") looked up
in the taxonomy, longest first; territory verbs keep their type only with a place as object; and counts that
are running totals rather than one event's toll."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sitrep.extract.common.text import subtree
from sitrep.extract.events.background import definite
from sitrep.extract.events.drafts import Trigger
from sitrep.extract.events.launches import launches
from sitrep.extract.events.other_senses import other_sense
from sitrep.extract.events.pointers import pointed_happenings
from sitrep.extract.events.taxonomy import Taxonomy, lemma, trigger_key
from sitrep.extract.events.words import EventWords
from sitrep.model import Actor, Annotations, Place, Span, Token

_NOUN_POS = {"NOUN", "PROPN"}
_VERB_POS = {"VERB"}
_PERSON_OBJECT_DEPS = {"dobj", "nsubjpass"}
_SEIZURE = "disrupted_weapons_use"  # a cache found, a device defused or intercepted


def find_triggers(ann: Annotations, sent: Span, si: int, tax: Taxonomy, w: EventWords, *,
                  places: Sequence[Place] = (), actors: Sequence[Actor] = ()) -> list[Trigger]:
    """Trigger phrases of one sentence, longest match first, without overlaps."""
    out: list[Trigger] = []
    toks = ann.tokens
    # each token's look-up key once per sentence; a window's key is their concatenation ("air"+"strike")
    keys = {j: trigger_key(lemma(toks[j], tax)) for j in range(sent.token_start, sent.token_end)}
    i = sent.token_start
    while i < sent.token_end:
        found = None
        if keys[i] not in tax.starts:  # no trigger phrase opens with this word: most words of a text
            i += 1
            continue
        for n in range(min(tax.max_words + 1, sent.token_end - i), 0, -1):
            window = [toks[j] for j in range(i, i + n) if toks[j].text != "-"]
            if not window or window[0].pos in ("PUNCT", "DET"):
                continue
            key = "".join(keys[t.i] for t in window)
            last, first = window[-1], window[0]
            noun = first if w.noun_phrase_head_first else last  # "air strike"; French "frappe aérienne"
            # a noun the tagger read as a present verb ("Army airstrikes on a wedding party killed 12") is a noun
            # when no verb has that word
            misread = n == 1 and noun.tag == "VBZ" and key not in tax.verbs
            if key in tax.nouns and (misread or (noun.pos in _NOUN_POS and (n > 1 or noun.pos == "NOUN"))):
                found = Trigger(tokens=tuple(range(i, i + n)), head=noun.i, subtype=tax.nouns[key], kind="noun",
                                sentence=si)
            elif key in tax.verbs and first.pos in _VERB_POS:
                found = Trigger(tokens=tuple(range(i, i + n)), head=first.i, subtype=tax.verbs[key], kind="verb",
                                sentence=si)
            if found:
                break
        if found and (other_sense(ann, found, w) or _state_of_affairs(ann, found, tax)
                      or _of_another_kind(ann, found, tax, w) or _no_pointer(ann, found, w)):
            i = found.tokens[-1] + 1
            continue
        if found:
            found = _raid_sense(ann, _refined(ann, found, tax), tax, w)
            checked = _check_territory(ann, found, tax, w, places, actors)
            if checked:
                out.append(checked)
            i = found.tokens[-1] + 1
        else:
            i += 1
    out += launches(ann, sent, si, out, tax, w)
    out += pointed_happenings(ann, sent, si, {j for t in out for j in t.tokens}, tax, w)
    return _heard(ann, _found_devices(ann, sent, out, tax, w), tax, w)


def _found_devices(ann: Annotations, sent: Span, triggers: list[Trigger], tax: Taxonomy,
                   w: EventWords) -> list[Trigger]:
    """In a sentence that tells of a cache or a seizure ("the cache held rifles and 36 grenades", "police found a
    bomb under the car") and of nothing going off, the devices it names were found, not set off: their triggers
    become the seizure. The parse of such lists is too often wrong to ask which noun hangs on which verb, so the
    sentence's words decide."""
    def device(t: Trigger) -> bool:
        return t.kind == "noun" and trigger_key("".join(lemma(ann.tokens[j]) for j in t.tokens)) in w.device_nouns

    seizure = tax.subtype(_SEIZURE)
    found = any(t.subtype == seizure for t in triggers) or any(
        lemma(ann.tokens[j]) in w.finding_verbs for j in range(sent.token_start, sent.token_end))
    went_off = any(not device(t) and t.subtype != seizure and (t.subtype is None or t.subtype.type in tax.violent)
                   for t in triggers)
    if not found or went_off:
        return triggers
    return [replace(t, subtype=seizure) if device(t) and not _acting(ann, t.head, w) else t for t in triggers]


def _heard(ann: Annotations, triggers: list[Trigger], tax: Taxonomy, w: EventWords) -> list[Trigger]:
    """Noun triggers that are what someone heard or woke to ("residents awoke to explosions, heavy gunfire"), in a
    sentence that tells another violent act: how that act sounded, not acts of their own."""
    def heard(t: Trigger) -> bool:
        j = t.head
        while ann.tokens[j].dep == "conj" and ann.tokens[j].head != j:
            j = ann.tokens[j].head
        tok = ann.tokens[j]
        if tok.dep == "pobj" and tok.head != j:
            tok = ann.tokens[tok.head]  # "awoke to explosions"
        elif tok.dep != "dobj":
            return False
        return tok.head != tok.i and lemma(ann.tokens[tok.head]) in w.hearing_verbs

    sounds = [t for t in triggers if t.kind == "noun" and heard(t)]
    acts = [t for t in triggers if t not in sounds and (t.subtype is None or t.subtype.type in tax.violent)]
    return [t for t in triggers if t not in sounds] if sounds and acts else triggers


def _acting(ann: Annotations, i: int, w: EventWords) -> bool:
    """The device is the subject of a verb other than one of finding or holding ("a homemade bomb injured seven
    people, including a soldier"): it did something, so it went off."""
    tok = ann.tokens[i]
    verb = ann.tokens[tok.head]
    # a verb of the sentence, not a participle in a noun's phrase ("IED making components were confiscated")
    return tok.dep == "nsubj" and tok.head != i and verb.tag in ("VBD", "VBZ", "VBP") and \
        lemma(verb) not in w.finding_verbs


def _refined(ann: Annotations, trig: Trigger, tax: Taxonomy) -> Trigger:
    """A trigger noun whose modifier names a more specific kind of the same type takes that kind ("a suicide car
    bombing": a suicide bombing; "une attaque kamikaze"), as a generic word takes its kind from one."""
    if trig.kind != "noun" or trig.subtype is None:
        return trig
    for c in ann.children[trig.head]:
        if c in trig.tokens or ann.tokens[c].dep not in ("amod", "compound", "nmod"):
            continue
        for j in (c, *ann.children[c]):  # "suicide car bombing": "suicide" hangs on "car"
            st = tax.modifiers.get(trigger_key(lemma(ann.tokens[j], tax)))
            if st is not None and st.type == trig.subtype.type and st.rank > trig.subtype.rank:
                return replace(trig, subtype=st)
    return trig


def _no_pointer(ann: Annotations, trig: Trigger, w: EventWords) -> bool:
    """A noun that names a happening without saying what it was ("incident") is a trigger only where it points back
    to the story's incident ("the incident happened on Tuesday"), not in "incidents such as the attack"."""
    return trig.kind == "noun" and lemma(ann.tokens[trig.head]) in w.detail_nouns and not definite(ann, trig.head, w)


def _raid_sense(ann: Annotations, trig: Trigger, tax: Taxonomy, w: EventWords) -> Trigger:
    """A verb of war whose object is where people live is a raid, a generic violence word typed by its parties:
    "gunmen invaded the village" (an attack on villagers), not "troops invaded the country" (a battle)."""
    if trig.kind != "verb" or lemma(ann.tokens[trig.head], tax) not in w.raid_sense_verbs:
        return trig
    entered = [c for c in ann.children[trig.head] if ann.tokens[c].dep in _PERSON_OBJECT_DEPS]
    if any(lemma(ann.tokens[c], tax) in w.dwellings for c in entered):
        return replace(trig, subtype=None)
    return trig


def _of_another_kind(ann: Annotations, trig: Trigger, tax: Taxonomy, w: EventWords) -> bool:
    """A trigger noun whose "of" names a happening of another kind says how much of it, not what it was: "a barrage
    of gunfire" is gunfire (shooting), not shelling; the noun after "of" is the trigger."""
    if trig.kind != "noun" or trig.subtype is None:
        return False
    for c in ann.children[trig.head]:
        if ann.tokens[c].dep == "prep" and ann.tokens[c].text.lower() in w.of_words:
            for o in ann.children[c]:
                key = trigger_key(lemma(ann.tokens[o], tax))
                if ann.tokens[o].dep == "pobj" and key in tax.nouns and (
                        tax.nouns[key] is None or tax.nouns[key].subtype != trig.subtype.subtype):
                    return True
    return False


def _state_of_affairs(ann: Annotations, trig: Trigger, tax: Taxonomy) -> bool:
    """A verb in the simple present off a headline: "as the country battles a jihadist revolt" tells how things
    stand, not a happening; a headline's verb is news ("Gunmen kill 12 in raid"). Tagged VBZ or VBP with no
    auxiliary (English tags: other tag sets never match), and not a past form the tagger takes for a present
    ("retook", the taxonomy's irregular past forms)."""
    tok = ann.tokens[trig.head]
    if trig.kind != "verb" or tok.tag not in ("VBZ", "VBP") or tok.text.lower() in tax.irregular:
        return False
    return not _headline_verb(ann, tok) and not _has_auxiliary(ann, tok.i)


def _headline_verb(ann: Annotations, tok: Token) -> bool:
    """A verb on a line with no closing full stop (a headline: "Forces push into Anbar as strikes go on"), where the
    simple present tells what happened."""
    start, end = ann.text.rfind("\n", 0, tok.start) + 1, ann.text.find("\n", tok.end)
    line = ann.text[start : end if end >= 0 else len(ann.text)].rstrip()
    return not line.endswith((".", "!", "?"))


def _below_prep(ann: Annotations, j: int, root: int) -> bool:
    while j != root:
        if ann.tokens[j].dep in ("prep", "relcl", "acl"):
            return True
        j = ann.tokens[j].head
    return False


def _has_auxiliary(ann: Annotations, i: int) -> bool:
    return any(ann.tokens[c].dep in ("aux", "auxpass") for c in ann.children[i])


def _check_territory(ann: Annotations, trig: Trigger, tax: Taxonomy, w: EventWords, places: Sequence[Place],
                     actors: Sequence[Actor]) -> Trigger | None:
    """Territory verbs keep their type only with a place as object; otherwise they become arrests or caches."""
    if trig.kind != "verb" or lemma(ann.tokens[trig.head], tax) not in w.territory_verbs:
        return trig
    objects = [c for c in ann.children[trig.head] if ann.tokens[c].dep in _PERSON_OBJECT_DEPS]
    if not objects and ann.tokens[trig.head].dep in ("acl", "amod", "appos"):
        objects = [ann.tokens[trig.head].head]  # a participle after its noun: "IED Facilitator Captured in Paktiya"
    if not objects and _headline_verb(ann, ann.tokens[trig.head]) and not _has_auxiliary(ann, trig.head):
        # "Taliban Leaders Captured": a headline leaves out "were", and the parse takes the captured for the captors
        objects = [c for c in ann.children[trig.head] if ann.tokens[c].dep == "nsubj"]
    if not objects and any(lemma(ann.tokens[k]) in w.weapon_nouns for c in ann.children[trig.head]
                           if ann.tokens[c].dep == "nsubj" for k in subtree(ann, c)):
        # "28 gang members were killed and hundreds of munitions seized": the passive's "were" left to the first verb
        return replace(trig, subtype=tax.subtype("disrupted_weapons_use"))
    if not objects:
        return trig if trig.subtype and trig.subtype.type == "battles" else None
    for o in objects:
        # The object's own phrase, without its prepositional attachments ("a commander in Kandahar").
        span = [j for j in subtree(ann, o) if not _below_prep(ann, j, o)]
        start, end = ann.tokens[span[0]].start, ann.tokens[span[-1]].end
        # a place inside a modifier qualifies the people taken, it is not taken ("Logar-based Taliban leaders")
        qualifiers = {k for j in span if ann.tokens[j].dep == "amod" for k in subtree(ann, j)}
        lemmas = {lemma(ann.tokens[j]) for j in span if j not in qualifiers}
        held = [p for p in places if p.evidence and start <= p.evidence[0].start < end
                and not any(ann.tokens[k].start <= p.evidence[0].start < ann.tokens[k].end for k in qualifiers)]
        if held or lemmas & w.territory_nouns:
            return trig
        if lemmas & w.weapon_nouns:
            return replace(trig, subtype=tax.subtype("disrupted_weapons_use"))
        if any(start <= a.evidence[0].start < end for a in actors if a.evidence) or ann.tokens[o].pos == "PROPN" \
                and ann.tokens[o].ent_type == "PERSON":
            return replace(trig, subtype=tax.subtype("arrests"))
    return None
