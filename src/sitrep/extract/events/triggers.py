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
        if found and (_other_sense(ann, found, w) or _state_of_affairs(ann, found, tax)
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


def _civilian(tok: Token, w: EventWords) -> bool:
    """People at large or civilians ("people", "residents", "villagers"), by the word's lemma."""
    word = lemma(tok).lower()
    return word in w.general_victim_nouns or w.civilian(word)


def _other_sense(ann: Annotations, trig: Trigger, w: EventWords) -> bool:
    """A trigger word used in another sense: a verb with the preposition of another sense ("engaged in
    prostitution"); a protest verb with a direct object that is not a road or a place, or with a clause
    ("demonstrated their capability", "demonstrates that the rules failed", "barricaded themselves", "blocked
    lawyers from visiting"); a find the force destroys ("the narcotics were destroyed"); an explosive device that
    is planted, carried, built or placed rather than set off ("spotted insurgents emplacing an IED", "the
    placement of IEDs"); a trigger noun that names someone's role or gear ("an IED facilitator", "riot police",
    "a bomb squad")."""
    tok = ann.tokens[trig.head]
    subtype = trig.subtype.subtype if trig.subtype is not None else None
    if trig.kind == "noun" and trig.subtype is not None and trig.subtype.type == "protests" and tok.dep == "pobj" \
            and ann.tokens[tok.head].text.lower() in w.purpose_prepositions and not any(
            ann.tokens[c].dep == "det" for c in ann.children[tok.i]):
        return True  # "declared an offensive in protest of ...", "resigned in protest": why, not a demonstration
    if trig.kind == "verb" and tok.dep == "amod" and (lemma(tok) in w.territory_verbs or (
            tok.i > 0 and ann.tokens[tok.i - 1].tag == "HYPH")):
        # "the occupied territory", "liberated areas", "the jihadist-invaded nations": a state, not a happening
        return True
    if trig.kind == "verb" and subtype == "non_violent_transfer_of_territory" and lemma(tok) in w.ground_verbs:
        # "abandoned the town" hands ground over; "vehicles abandoned by the attackers" do not, nor do people who
        # leave their homes ("residents abandoned the village"): they flee, no force gives ground
        subjects = [c for c in ann.children[tok.i] if ann.tokens[c].dep == "nsubj"]
        subjects += [k for c in subjects for k in ann.children[c] if ann.tokens[k].dep == "conj"]
        if any(_civilian(ann.tokens[c], w) for c in subjects):
            return True
        left = [ann.tokens[c] for c in ann.children[tok.i] if ann.tokens[c].dep in ("dobj", "nsubjpass")]
        left += [ann.tokens[tok.head]] if tok.dep == "acl" else []
        return bool(left) and not any(lemma(o) in w.territory_nouns or o.ent_type in ("GPE", "LOC", "FAC")
                                      for o in left)
    if trig.kind == "verb" and subtype == "non_violent_transfer_of_territory" and any(
            ann.tokens[c].dep in ("dobj", "nsubjpass") and lemma(ann.tokens[c]) in w.body_nouns
            for c in ann.children[tok.i]):
        return True  # "bodies were pulled out of the rubble": the dead recovered, no force leaving ground
    if trig.kind == "noun" and trig.subtype is not None and trig.subtype.type == "battles" and subtype != "armed_clash" \
            and _of_people(ann, tok, w):
        return True  # "la libération des otages", "the liberation of the prisoners": people freed, no ground taken
    if trig.kind == "noun" and subtype == "agreement" and _broken(ann, tok, w):
        return True  # "accused the rebels of breaching a ceasefire", "violations of the truce": no agreement made
    if trig.kind == "verb" and lemma(tok) in w.transitive_other_sense:
        if any(ann.tokens[c].dep == "prt" and ann.tokens[c].text.lower() in w.other_sense_particles
               for c in ann.children[tok.i]):
            return True  # "the area was blocked off by security forces": a cordon, not a protest
        # its object, or its subject when it is passive ("two of them were barricaded in a room")
        objects = [ann.tokens[c] for c in ann.children[tok.i] if ann.tokens[c].dep in ("dobj", "nsubjpass")]
        if any(ann.tokens[c].dep == "ccomp" and any(ann.tokens[k].dep == "mark" for k in ann.children[c])
               for c in ann.children[tok.i]):
            return True  # a clause as its object: "the snafu demonstrates that the system is not infallible"
        return any(lemma(o) not in w.territory_nouns and o.ent_type not in ("GPE", "LOC", "FAC") for o in objects)
    if trig.kind == "verb" and subtype == "arrests" and any(
            ann.tokens[c].dep in ("dobj", "nsubjpass") and lemma(ann.tokens[c]) in w.stopped_things
            for c in ann.children[tok.i]):
        return True  # "arrêter les poursuites contre 289 détenus": a thing stopped, no one arrested
    if trig.kind == "verb" and subtype == "looting_property_destruction" and any(
            ann.tokens[c].dep in ("dobj", "nsubjpass") and lemma(ann.tokens[c]) in w.seized_goods
            for c in ann.children[tok.i]):
        return True  # "the narcotics were safely destroyed on site": a find disposed of
    if trig.kind == "verb" and subtype == "looting_property_destruction" and (any(
            lemma(ann.tokens[c]) in w.body_nouns for c in ann.children[tok.i]
            if ann.tokens[c].dep in ("dobj", "nsubjpass", "nsubj")) or (tok.dep == "acl" and lemma(
            ann.tokens[tok.head]) in w.body_nouns)):
        return True  # "some bodies burned beyond recognition": the dead told again, not property destroyed
    if trig.kind == "verb" and lemma(tok) in w.interception_verbs and _intercepts(ann, tok, w):
        return True  # "air defences shot down 28 of 31 drones": an attack stopped, not one on people
    if lemma(tok) in w.warning_fire["shooting"] and _warning_fire(ann, tok, w):
        return True  # "police shot in the air", "warning shots", "des tirs de sommation": no one aimed at
    if trig.kind == "noun" and subtype == "headquarters_base_established":
        # "set up a military base" is news; "attacked a military base" is about the attack
        return not (tok.dep in ("dobj", "nsubjpass") and lemma(ann.tokens[tok.head]) in w.establishing_verbs)
    if trig.kind == "verb" and lemma(tok) in w.object_verbs and len(trig.tokens) == 1 and not any(
            ann.tokens[c].dep in ("dobj", "nsubjpass") for c in ann.children[tok.i]):
        return True  # "the gunmen returned to the village": coming back, not handing anyone back
    if trig.kind == "verb" and lemma(tok) in w.preposition_other_sense:
        # "engaged in prostitution": taking part, not fighting
        preps = w.preposition_other_sense[lemma(tok)]
        if any(ann.tokens[c].dep == "prep" and ann.tokens[c].text.lower() in preps for c in ann.children[tok.i]):
            return True
    if trig.kind == "noun" and _borne(ann, tok, w):
        return True  # "gangs armed with guns and grenades": what a party carries, not what went off
    if trig.kind == "noun" and subtype == "remote_explosive" and tok.dep == "dobj":
        return lemma(ann.tokens[tok.head]) in w.emplacing_verbs
    if trig.kind == "noun" and subtype == "remote_explosive" and tok.dep == "pobj":
        prep = ann.tokens[tok.head]  # "directed the placement of improvised explosive devices"
        return prep.head != prep.i and lemma(ann.tokens[prep.head]) in w.emplacing_nouns
    if trig.kind == "noun" and lemma(tok) in w.agent_nouns:
        return _acted_on(ann, tok, w)
    if trig.kind == "noun" and tok.dep in ("compound", "amod", "nmod") and tok.head != tok.i:
        # "an IED facilitator", "riot police"; in a headline's capitals the tagger leaves a plural unlemmatised
        # ("Explosive Device Networks")
        head = lemma(ann.tokens[tok.head])
        return head in w.role_head_nouns or head.removesuffix(w.plural_suffix) in w.role_head_nouns
    if trig.kind == "noun" and tok.dep == "pobj" and tok.head != tok.i and not tok.text.lower().endswith(w.plural_suffix) \
            and not any(ann.tokens[c].dep == "det" for c in ann.children[tok.i]):
        # the same after the head, a bare noun after "of" ("des hélicoptères de combat", "une tenue de combat")
        prep = ann.tokens[tok.head]
        return prep.text.lower() in w.of_words and prep.head != prep.i and lemma(ann.tokens[prep.head]) in w.role_head_nouns
    return False


def _borne(ann: Annotations, tok: Token, w: EventWords) -> bool:
    """The noun, or the list it is in, hangs by a preposition on a participle of bearing ("armed with guns and
    grenades", "armés de fusils et de grenades", where the parse may hang the second noun on the first)."""
    j = tok.i
    for _ in range(4):
        t = ann.tokens[j]
        if t.head == j or t.dep not in ("conj", "pobj"):
            return False
        if t.dep == "pobj":
            prep = ann.tokens[t.head]
            if prep.head == prep.i:
                return False
            j = prep.head
            if lemma(ann.tokens[j]) in w.bearing_verbs and ann.tokens[j].pos in ("VERB", "ADJ"):
                return True  # (not the noun: "the armed wing", "the administrative arm of ...")
        else:
            j = t.head
    return False


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


def _broken(ann: Annotations, tok: Token, w: EventWords) -> bool:
    """An agreement noun told as broken: the object of a verb of breaking ("breached a ceasefire") or after "of" on
    a noun of breaking ("violations of the truce")."""
    head = ann.tokens[tok.head]
    if tok.dep in ("dobj", "nsubjpass") and lemma(head) in w.breaking_words:
        return True
    if tok.dep == "pobj" and head.text.lower() in w.of_words and head.head != head.i:
        return lemma(ann.tokens[head.head]) in w.breaking_words
    return False


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


def _acted_on(ann: Annotations, tok: Token, w: EventWords) -> bool:
    """A noun naming a person is what a verb or a preposition acts on ("captured ... suicide bombers", "a network
    of suicide bombers"), not the doer ("a suicide bomber struck", "killed by a suicide bomber")."""
    while tok.dep == "conj" and tok.head != tok.i:  # "weapons and suicide bombers": the first of the list
        tok = ann.tokens[tok.head]
    if tok.dep in ("dobj", "dative"):
        return True
    return tok.dep == "pobj" and ann.tokens[tok.head].text.lower() not in w.by_prepositions


def _intercepts(ann: Annotations, tok: Token, w: EventWords) -> bool:
    """The verb, with its particle, takes a drone, missile or rocket as object ("shot down 28 of 31 drones")."""
    kids = [ann.tokens[c] for c in ann.children[tok.i]]
    particle = w.interception_verbs[lemma(tok)]
    if particle and not any(k.dep in ("prt", "advmod") and k.text.lower() == particle for k in kids):
        return False
    for o in (k for k in kids if k.dep in ("dobj", "nsubjpass", "npadvmod")):  # the tagger may take "28" for an adverb
        if o.pos == "NUM":  # "28 of 31 drones": what the number counts
            of = [ann.tokens[c] for c in ann.children[o.i] if ann.tokens[c].dep == "prep"]
            o = next((ann.tokens[c] for p in of for c in ann.children[p.i] if ann.tokens[c].dep == "pobj"), o)
        if lemma(o) in w.intercepted_nouns:
            return True
    return False


def _of_people(ann: Annotations, tok: Token, w: EventWords) -> bool:
    """The noun's complement after "of" ("de", "des") is a common noun that names no ground: people or things
    ("des détenus", "of the hostages"), not a town, an area or a name ("de la ville", "of Kidal")."""
    for p in ann.children[tok.i]:
        if ann.tokens[p].dep == "prep" and ann.tokens[p].text.lower() in w.of_words:
            for o in (ann.tokens[c] for c in ann.children[p] if ann.tokens[c].dep == "pobj"):
                return o.pos == "NOUN" and lemma(o) not in w.territory_nouns and o.ent_type not in ("GPE", "LOC", "FAC")
    return False


def _warning_fire(ann: Annotations, tok: Token, w: EventWords) -> bool:
    """Shooting aimed at the air, or shots named a warning: the word's own modifiers and the objects of its
    prepositions, and those of the verb that fires it ("fired shots into the air")."""
    heads = [tok] + ([ann.tokens[tok.head]] if tok.dep == "dobj" else [])
    near = [ann.tokens[c] for h in heads for c in ann.children[h.i]]
    objects = [ann.tokens[k] for p in near if p.dep == "prep" for k in ann.children[p.i] if ann.tokens[k].dep == "pobj"]
    return any(lemma(o) in w.warning_fire["aims"] for o in objects) or any(
        lemma(t) in w.warning_fire["warnings"] for t in near + objects)


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
