"""Casualty words and what they count: "killed" / "injured" / "detained" / "casualties" for a token, and the
token heading the counted group ("six fighters", "30", "No one") found through the parse."""

from __future__ import annotations

from sitrep.extract.casualties.words import CasualtyWords
from sitrep.extract.common.text import subtree
from sitrep.model import Annotations, Token


def trigger_kind(ann: Annotations, tok: Token, w: CasualtyWords) -> str | None:
    """"killed", "injured", "detained", "casualties" (ambiguous, see docs) or None for a token."""
    lemma, lower = tok.lemma.casefold(), tok.text.casefold()
    if lemma in w.loss_words and tok.pos in ("VERB", "NOUN"):
        return "killed"  # "lost four soldiers", "the loss of four soldiers": only when people (extract_casualties)
    if tok.pos == "VERB" and lemma in w.dead_verbs and (_dead_after(ann, tok.i, w) or _fatal(ann, tok, w)):
        return "killed"  # "were shot dead", "was fatally stabbed": the verb counts its victims
    if lower in w.killed_forms and tok.i > 0 and ann.tokens[tok.i - 1].pos == "VERB" and (
            ann.tokens[tok.i - 1].lemma.casefold() in w.dead_verbs):
        return None  # ... and "dead" is not counted again
    if tok.pos in ("VERB", "ADJ", "AUX") or tok.tag == "VBN":
        if lemma in w.kill_verbs or lower in w.killed_forms:
            return "killed"
        if lemma in w.injure_verbs or lower in w.injured_forms:
            return "killed" if _fatal(ann, tok, w) else "injured"  # "mortally wounded"
        particle = w.kill_phrasal.get(lemma)
        if particle is not None and any(ann.tokens[c].text.casefold() == particle for c in ann.children[tok.i]):
            return "killed"
        if lemma in w.detain_verbs and tok.pos == "VERB":
            return "detained"
        if lemma == w.custody["verb"] and _into_custody(ann, tok, w):
            return "detained"
    if tok.pos in ("NOUN", "PROPN", "ADJ"):
        if lemma in w.ambiguous_nouns:
            return "casualties"
        if lemma == w.life_noun["lemma"] and lower != w.life_noun["plural"]:
            return None
        if lemma == w.toll_compound and tok.dep == "compound":
            return None  # "death toll": the head "toll" carries the count
        if lemma in w.kill_nouns or lower in w.killed_noun_forms or (lemma in w.body_nouns and _found(ann, tok, w)):
            return "killed"
        if lemma in w.injure_nouns or lower in w.injured_noun_forms:
            return "killed" if _fatal(ann, tok, w) else "injured"  # "fatal injuries", "injuries incompatible with life"
        if lemma in w.detain_nouns:
            return "detained"
    return None


def _fatal(ann: Annotations, tok: Token, w: CasualtyWords) -> bool:
    """A word on the injury or the verb of violence that says it killed: "fatal injuries", "mortally wounded",
    "fatally shot", "injuries incompatible with life"."""
    return any(ann.tokens[c].dep in ("amod", "advmod") and ann.tokens[c].text.casefold() in w.fatal_words
               for c in ann.children[tok.i])


def _dead_after(ann: Annotations, i: int, w: CasualtyWords) -> bool:
    """ "dead" or "to death" right after the verb ("shot dead", "hacked to death")."""
    if i + 1 < len(ann.tokens) and ann.tokens[i + 1].text.casefold() in w.killed_forms:
        return True
    return any(tuple(t.text.casefold() for t in ann.tokens[i + 1 : i + 1 + len(p)]) == p for p in w.to_death)


def _found(ann: Annotations, tok: Token, w: CasualtyWords) -> bool:
    """A body that was found, dumped or recovered: the object of such a verb, its passive subject, or a noun such a
    participle describes ("Bodies of nine men found dumped on highway")."""
    head = ann.tokens[tok.head]
    if tok.dep in ("dobj", "nsubjpass") and head.lemma.casefold() in w.discovery_verbs:
        return True
    return any(ann.tokens[c].dep == "acl" and ann.tokens[c].lemma.casefold() in w.discovery_verbs
               for c in ann.children[tok.i])


def _into_custody(ann: Annotations, tok: Token, w: CasualtyWords) -> bool:
    return any(ann.tokens[c].dep == "prep" and ann.tokens[c].text.casefold() == w.custody["preposition"] and any(
        ann.tokens[o].lemma.casefold() == w.custody["noun"] for o in ann.children[c]) for c in ann.children[tok.i])


def is_intended(ann: Annotations, tok: Token, w: CasualtyWords) -> bool:
    """"an operation to detain a leader", "will arrest": a purpose or a plan, not a detention that happened."""
    return tok.tag == "VB" or any(ann.tokens[c].dep == "aux" and ann.tokens[c].text.casefold() == w.infinitive_marker
                                  for c in ann.children[tok.i])


def escaped(ann: Annotations, tok: Token, w: CasualtyWords) -> bool:
    """A detention noun told with its escape ("Prisonniers en fuite", "escaped inmates", "prisoners who fled"): the
    detained got away, no one was taken."""
    if tok.pos not in ("NOUN", "PROPN"):
        return False
    near = [tok.head, *subtree(ann, tok.i)]
    return any((ann.tokens[j].lemma or ann.tokens[j].text).casefold() in w.escape_words
               or ann.tokens[j].text.casefold() in w.escape_words for j in near)


def is_person(ann: Annotations, g: int, w: CasualtyWords) -> bool:
    tok = ann.tokens[g]
    if tok.ent_type == "PERSON":
        return True  # "the body of Juantissa Hill": a name, whatever its words also mean
    return tok.lemma.casefold() not in w.not_people and tok.ent_type not in ("GPE", "LOC", "FAC", "PRODUCT")


def counted(ann: Annotations, tok: Token, kind: str, w: CasualtyWords) -> int | None:
    """The token heading what is counted ("six fighters", "30", "No one") for a trigger."""
    kids = [ann.tokens[c] for c in ann.children[tok.i]]
    by_dep = {}
    for k in kids:
        by_dep.setdefault(k.dep, k.i)
    lemma = tok.lemma.casefold()
    toll = _toll_head(ann, tok, w)
    if toll is not None:
        return _toll_figure(ann, toll, w)  # "put the number of the dead at 15"
    if tok.pos in ("NOUN", "PROPN") and lemma not in w.adjective_nouns:
        return _counted_by_noun(ann, tok, kids, w)
    # a counted noun the parser hung on the verb as a modifier ("ont tué au moins 37 civils lundi": "civils" an
    # npadvmod, "lundi" the object)
    numbered = [k.i for k in kids if k.dep in ("npadvmod", "nmod", "dep") and k.i > tok.i and _counts_before(ann, k.i)
                and k.ent_type not in ("DATE", "TIME") and trigger_kind(ann, k, w) is None and "auxpass" not in by_dep]
    if "dobj" in by_dep and not any(k.dep == "auxpass" for k in kids):
        if numbered and not _has_number(ann, by_dep["dobj"]) and not is_quantity_word(ann.tokens[by_dep["dobj"]], w):
            return numbered[0]
        return _unrelative(ann, tok, by_dep["dobj"], w)
    subjects = [by_dep[d] for d in ("nsubjpass", "nsubj") if d in by_dep]
    if numbered and tok.pos == "VERB" and not any(
            _has_number(ann, s) or is_quantity_word(ann.tokens[s], w) for s in subjects):
        return numbered[0]
    for dep in ("nsubjpass", "nsubj"):
        if dep in by_dep:
            active = dep == "nsubj" and tok.tag in ("VBD", "VBZ", "VBP", "VBG") and lemma not in w.intransitive_kill_verbs
            if active and _elliptic_passive(ann, tok, by_dep):
                active = False  # "six soldiers were killed and eight others wounded": "were" is shared
            if not active:
                return _unrelative(ann, tok, by_dep[dep], w)
    for k in kids:
        if k.dep in ("nummod", "npadvmod", "attr", "amod") and is_quantity_word(k, w):
            return k.i
    head = ann.tokens[tok.head]
    if tok.dep in ("amod", "acl") and (head.pos in ("NOUN", "PROPN", "NUM", "PRON") or _counted_adjective(ann, head)):
        return head.i
    if tok.dep in ("acomp", "oprd", "xcomp") and head.i != tok.i:
        head_kids = {ann.tokens[c].dep: c for c in ann.children[head.i]}
        for dep in ("dobj", "nsubjpass", "nsubj"):
            if dep in head_kids and (dep != "nsubj" or tok.dep == "acomp"):
                return head_kids[dep]
    if "auxpass" in by_dep and not subjects and (split := _split_subject(ann, tok.i, by_dep["auxpass"])) is not None:
        return split
    if not subjects and (counted := _quantified_subject(ann, tok.i, w)) is not None:
        return counted
    if "auxpass" in by_dep and not subjects and by_dep["auxpass"] > tok.i:
        # "Killed in the attack were two soldiers", "Also killed in the strike were a dozen insurgents": the
        # participle first, and the counted after "were" (hung on it as its attribute)
        inverted = [c for c in ann.children[by_dep["auxpass"]] if ann.tokens[c].dep == "attr"]
        if inverted:
            return inverted[0]
    if tok.dep == "conj" and tok.tag == "VBN" and head.pos in ("VERB", "AUX"):
        # "He was engaged and killed", "insurgents opened fire and were killed": a passive conjunct
        # shares the subject of the verb it is joined to
        passive = "auxpass" in by_dep or any(ann.tokens[c].dep == "nsubjpass" for c in ann.children[head.i])
        head_kids = {ann.tokens[c].dep: c for c in ann.children[head.i]}
        for dep in ("nsubjpass", "nsubj"):
            if passive and dep in head_kids:
                return head_kids[dep]
    return None


def _elliptic_passive(ann: Annotations, tok: Token, by_dep: dict[str, int]) -> bool:
    """A past form with no object and no auxiliary joined to a passive verb ("were killed and 15 others wounded"):
    the passive's auxiliary is shared, so its subject is who was hurt."""
    if tok.dep != "conj" or tok.tag != "VBD" or "dobj" in by_dep or "aux" in by_dep or tok.head == tok.i:
        return False
    return any(ann.tokens[c].dep == "auxpass" for c in ann.children[tok.head])


def _split_subject(ann: Annotations, verb_i: int, aux: int) -> int | None:
    """ "four people aged 23 to 28 were killed": the parse read "aged" as the verb of "four people" and left "were
    killed" with no subject. The subject of a participle clause that ends right before the auxiliary, with no
    auxiliary of its own, is the passive verb's."""
    own = set(subtree(ann, verb_i))
    for verb in {ann.tokens[j].head for j in range(max(aux - 6, 0), aux)} - {aux}:
        v = ann.tokens[verb]
        if v.tag not in ("VBN", "VBD") or v.i >= aux or any(ann.tokens[c].dep in ("aux", "auxpass")
                                                             for c in ann.children[verb]):
            continue
        ends = max(set(subtree(ann, verb)) - own, default=-1)
        subject = [c for c in ann.children[verb] if ann.tokens[c].dep == "nsubj" and _has_number(ann, c)]
        if ends == aux - 1 and subject:
            return subject[0]
    return None


def _has_number(ann: Annotations, i: int) -> bool:
    return any(ann.tokens[c].dep == "nummod" for c in ann.children[i])


def _counts_before(ann: Annotations, i: int) -> bool:
    """A number before the noun counts it ("37 civils"); one after it is a date's day ("Feb. 9")."""
    return any(ann.tokens[c].dep == "nummod" and c < i for c in ann.children[i])


def _counted_adjective(ann: Annotations, head: Token) -> bool:
    """An adjective with a number of its own stands for people ("18 civils tués": the parser tags "civils" ADJ)."""
    return head.pos == "ADJ" and any(ann.tokens[c].dep == "nummod" for c in ann.children[head.i])


def _counted_by_noun(ann: Annotations, tok: Token, kids: list[Token], w: CasualtyWords) -> int | None:
    # "Un bilan provisoire": the toll is not one of the dead it counts ("un" is a number to the French model)
    if tok.lemma.casefold() not in w.wound_nouns and tok.lemma.casefold() != w.toll_noun and any(
            k.dep in ("nummod", "quantmod") or (k.dep in ("amod", "det") and is_quantity_word(k, w)) for k in kids):
        return tok.i  # "12 deaths", "no casualties", "several fatalities"; not "several gunshot wounds"
    for k in kids:
        if k.dep == "prep" and k.text.casefold() in w.toll_prepositions:
            objs = [c for c in ann.children[k.i] if ann.tokens[c].dep == "pobj"]
            # "death toll of 30", "the lives of 12 people"; but what a toll is of ("the toll of the attack rose to
            # 30", "le bilan de l'attaque passe à 42") is no count: its verb gives the figure
            if objs and (tok.lemma.casefold() != w.toll_noun or is_quantity_word(ann.tokens[objs[0]], w) or any(
                    ann.tokens[c].dep == "nummod" or is_quantity_word(ann.tokens[c], w)
                    for c in ann.children[objs[0]])):
                return objs[0]
    head = ann.tokens[tok.head]
    head_kids = [ann.tokens[c] for c in ann.children[head.i]]
    if tok.dep == "pobj" and head.text.casefold() == w.of and head.head != head.i:
        quantity = ann.tokens[head.head]
        if quantity.pos == "NOUN" and quantity.text.casefold() in w.vague:
            return quantity.i  # "plusieurs dizaines de morts": the vague quantity heads the phrase
    if tok.lemma.casefold() == w.toll_noun:
        return _toll_figure(ann, tok, w)
    if tok.dep == "dobj" and head.lemma.casefold() in w.life_taken_from:
        prep = w.life_taken_from[head.lemma.casefold()]
        for k in head_kids:
            if k.dep == "prep" and k.text.casefold() == prep:
                objs = [c for c in ann.children[k.i] if ann.tokens[c].dep == "pobj"]
                if objs:
                    return objs[0]  # "a coûté la vie à dix-sept assaillants"
    if tok.dep == "dobj" and head.lemma.casefold() in w.suffer_verbs | w.life_verbs:
        for k in head_kids:
            if k.dep in ("nsubj", "nsubjpass"):
                return _unrelative(ann, head, k.i, w)  # "12 people lost their lives", "15 suffered injuries"
        return _quantified_subject(ann, head.i, w)
    return None


def _quantified_subject(ann: Annotations, verb: int, w: CasualtyWords) -> int | None:
    """The counted noun of a subject the parser left as an adverb of quantity with its "of" ("Plus de 200 soldats ont
    été tués": "Plus" an adverb of the verb, "soldats" the object of its "de"), when the verb has no subject."""
    if any(ann.tokens[k].dep in ("nsubj", "nsubjpass") for k in ann.children[verb]):
        return None
    for k in ann.children[verb]:
        if ann.tokens[k].dep != "advmod" or k > verb:
            continue
        for p in ann.children[k]:
            if ann.tokens[p].dep == "prep" and ann.tokens[p].text.casefold() == w.of:
                counted = [c for c in ann.children[p] if ann.tokens[c].dep == "pobj" and _has_number(ann, c)]
                if counted:
                    return counted[0]
    return None


def _toll_head(ann: Annotations, tok: Token, w: CasualtyWords) -> Token | None:
    """The noun of a toll that the dead are "of": "the number of the dead", "the count of deaths"."""
    head = ann.tokens[tok.head]
    if tok.dep != "pobj" or head.text.casefold() != w.of or head.head == head.i:
        return None
    noun = ann.tokens[head.head]
    return noun if noun.lemma.casefold() in w.toll_heads else None


def _toll_figure(ann: Annotations, toll: Token, w: CasualtyWords) -> int | None:
    """The figure a toll's verb gives it: "the toll reached 30", "the toll is 30", "the death toll rose to 30" (the
    toll its subject); "officials put the death toll at 30" (its object)."""
    if toll.dep not in ("nsubj", "dobj") or toll.head == toll.i:
        return None
    for k in (ann.tokens[c] for c in ann.children[toll.head]):
        if toll.dep == "nsubj" and k.dep in ("dobj", "attr") and is_quantity_word(k, w):
            return k.i
        if k.dep == "prep" and k.text.casefold() in w.toll_prepositions:
            objs = [c for c in ann.children[k.i] if ann.tokens[c].dep == "pobj"]
            if objs and is_quantity_word(ann.tokens[objs[0]], w):
                return objs[0]
    return None


def _unrelative(ann: Annotations, verb: Token, i: int, w: CasualtyWords) -> int:
    """Follow a relative pronoun to its noun: "the 12 people who died" counts "people"; and a part to its whole:
    "Quelque 33 personnes, dont deux soldats, ont été tués" counts the 33 when the parser makes "deux soldats"
    the subject."""
    if ann.tokens[i].text.casefold() in w.relative_pronouns and verb.dep == "relcl":
        return verb.head
    j = min(subtree(ann, i)) - 1
    if j < 1 or ann.tokens[j].text.casefold() not in w.part_prepositions:
        return i
    j -= 1
    while j > 0 and ann.tokens[j].pos == "PUNCT":
        j -= 1
    return j if ann.tokens[j].pos in ("NOUN", "PROPN") and _has_number(ann, j) else i


def is_quantity_word(tok: Token, w: CasualtyWords) -> bool:
    """A word that says how many; not an ordinal, which says which ("a sixth person" is one person)."""
    lower = tok.text.casefold()
    if tok.ent_type == "ORDINAL":
        return False
    return (tok.like_num or tok.pos == "NUM" or lower in w.vague or lower in w.none_words
            or lower in w.quantity_words)
