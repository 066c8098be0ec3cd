"""Trigger words used in another sense: the word of a happening that, here, tells none.

"engaged in prostitution", "demonstrated their capability", "riot police", "an IED facilitator", "gangs armed with
guns", "air defences shot down 28 drones", "police shot in the air", "la libération des détenus": each holds a
trigger word, and none tells an incident. ``triggers.find_triggers`` drops a trigger for which ``other_sense``
holds.
"""

from __future__ import annotations

from sitrep.extract.events.drafts import Trigger
from sitrep.extract.events.taxonomy import lemma
from sitrep.extract.events.words import EventWords
from sitrep.model import Annotations, Token


def _civilian(tok: Token, w: EventWords) -> bool:
    """People at large or civilians ("people", "residents", "villagers"), by the word's lemma."""
    word = lemma(tok).lower()
    return word in w.general_victim_nouns or w.civilian(word)


def _a_place_of_mining(ann: Annotations, tok: Token, w: EventWords) -> bool:
    """A mine named by what is dug from it: "a gold mine", "une mine d'or", "une mine aurifère"."""
    if lemma(tok).lower() not in w.mines["nouns"]:
        return False
    for c in ann.children[tok.i]:
        kid = ann.tokens[c]
        if kid.dep in ("compound", "amod", "nmod") and lemma(kid).lower() in w.mines["dug"]:
            return True
        if kid.dep == "prep" and kid.text.lower() in w.of_words and any(
                lemma(ann.tokens[g]).lower() in w.mines["dug"] for g in ann.children[c] if ann.tokens[g].dep == "pobj"):
            return True
    return False


def other_sense(ann: Annotations, trig: Trigger, w: EventWords) -> bool:
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
    if trig.kind == "noun" and trig.subtype is not None and trig.subtype.type == "explosions_remote_violence" and \
            _a_place_of_mining(ann, tok, w):
        return True  # "a rally against a sand mine", "une mine d'or": a place of work, not an explosive
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
    if trig.kind == "verb" and trig.subtype is not None and trig.subtype.type == "battles" and any(
            ann.tokens[c].dep == "dobj" and lemma(ann.tokens[c]) in w.struggle_objects for c in ann.children[tok.i]):
        return True  # "the nation is battling a violent insurgency", "combattre le terrorisme": a struggle, no battle
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


def _broken(ann: Annotations, tok: Token, w: EventWords) -> bool:
    """An agreement noun told as broken: the object of a verb of breaking ("breached a ceasefire") or after "of" on
    a noun of breaking ("violations of the truce")."""
    head = ann.tokens[tok.head]
    if tok.dep in ("dobj", "nsubjpass") and lemma(head) in w.breaking_words:
        return True
    if tok.dep == "pobj" and head.text.lower() in w.of_words and head.head != head.i:
        return lemma(ann.tokens[head.head]) in w.breaking_words
    return False


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
