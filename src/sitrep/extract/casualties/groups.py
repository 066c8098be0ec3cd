"""Reading a counted group: its quantity ("at least 22", "three soldiers and two civilians"), the words that
say who ("civilians"), and the evidence, for one casualty word."""

from __future__ import annotations

from sitrep.extract.casualties.quantities import parse_quantity
from sitrep.extract.casualties.triggers import is_person, is_quantity_word, trigger_kind
from sitrep.extract.casualties.words import CasualtyWords, Quantity
from sitrep.extract.common.text import is_named_person, sentence_index_at, subtree
from sitrep.model import Annotations, CasualtyMention, Count, Token

_SKIP_DEPS = {"relcl", "acl", "appos", "punct", "advcl", "cc"}


def mention(ann: Annotations, tok: Token, kind: str, group: int | None, w: CasualtyWords) -> CasualtyMention | None:
    negated = _is_negated(ann, tok, w)
    quantity: Quantity | None = None
    q_tokens: set[int] = set()
    who: str | None = None
    if group is not None:
        group = _elliptic_count(ann, group, tok, w)
        quantity, q_tokens, who = _read_group(ann, group, tok, w)
        q_tokens = q_tokens | _phrase(ann, group, tok, w)
        # (detentions add up by their own rule, coref.detained_in_addition)
        if quantity is not None and kind != "detained" and ann.tokens[group].dep == "dobj":
            for c in _objects_joined_to_verb(ann, tok, group):
                if _other_kind(ann, c, tok, w):
                    continue  # "a fait huit morts et treize blessés": the wounded are no more dead
                extra, extra_tokens, _ = _read_group(ann, c, tok, w)
                if extra is not None and _numbered(ann, extra_tokens):
                    quantity, q_tokens = _add(quantity, extra), q_tokens | extra_tokens | {c}
    if negated and not _exclaimed(ann, group, w):
        quantity = (0, 0, 0)
    if quantity is None:
        return None
    ends = q_tokens | {tok.i} | {c for c in ann.children[tok.i] if ann.tokens[c].dep == "compound"}
    if group is not None:
        ends.add(group)
    # the evidence stays inside the sentence and never starts or ends on a line break
    sent = ann.sentences[sentence_index_at(ann, tok.start)]
    ends = {j for j in ends if sent.token_start <= j < sent.token_end and ann.tokens[j].pos != "SPACE"} or {tok.i}
    start, end = ann.tokens[min(ends)].start, ann.tokens[max(ends)].end
    count = Count(best=quantity[0], low=quantity[1], high=quantity[2], who=who, evidence=(ann.evidence(start, end),))
    return CasualtyMention(kind=kind, count=count, token=tok.i, sentence=sentence_index_at(ann, tok.start),
                           negated=quantity == (0, 0, 0))


def _shares_determiner(ann: Annotations, c: int) -> bool:
    """A singular common noun joined to a singular one, with no determiner or number of its own: one more person
    under the first one's determiner ("his mother and sister")."""
    tok = ann.tokens[c]
    return tok.tag == "NN" and not any(ann.tokens[k].dep in ("det", "poss", "nummod") for k in ann.children[c])


def _exclaimed(ann: Annotations, group: int | None, w: CasualtyWords) -> bool:
    """The group is counted with a word of degree ("never lost so many men"): no count, and no denial of one."""
    return group is not None and any(
        ann.tokens[c].text.casefold() in w.degree_words for q in ann.children[group] for c in ann.children[q])


def _is_negated(ann: Annotations, tok: Token, w: CasualtyWords) -> bool:
    """"were not injured", "did not kill anyone", "without casualties"."""
    heads = [tok.i]
    if tok.dep in ("acomp", "oprd", "xcomp"):
        heads.append(tok.head)
    if any(ann.tokens[c].dep == "neg" for h in heads for c in ann.children[h]):
        return True
    return tok.dep == "pobj" and ann.tokens[tok.head].text.casefold() == w.without


def _phrase(ann: Annotations, g: int, trigger: Token, w: CasualtyWords) -> set[int]:
    """Tokens of the counted phrase without its relative clauses, appositions and "including ..." parts."""
    members = set(subtree(ann, g))
    if trigger.i in members and trigger.i != g:
        members -= set(subtree(ann, trigger.i))
    for c in ann.children[g]:
        child = ann.tokens[c]
        if child.dep in _SKIP_DEPS or (child.dep == "prep" and child.text.casefold() in w.part_prepositions):
            members -= set(subtree(ann, c))
    if any(_count_at_a_place(ann, c, w) for c in ann.children[g]) or any(
            _place_of(ann, c, w) and any(ann.tokens[o].dep == "conj" and is_quantity_word(ann.tokens[o], w)
                                         for o in subtree(ann, c)) for c in ann.children[g]):
        # "eight people in Kano and five in Kaduna": a list of counts, each at its place (casualties.lists); the
        # phrase is "eight people", and where they were is not how many
        members -= {o for c in ann.children[g] if ann.tokens[c].dep in ("conj", "cc", "prep", "punct")
                    and ann.tokens[c].text.casefold() != w.of for o in subtree(ann, c)}
    return members | {g}


def _count_at_a_place(ann: Annotations, c: int, w: CasualtyWords) -> bool:
    """Token ``c`` is a conjoined number with a preposition of its own ("... and five in Kaduna"); the French
    parser hangs the number on the place before it instead ("huit personnes à Kano et huit à Kaduna")."""
    return ann.tokens[c].dep == "conj" and is_quantity_word(ann.tokens[c], w) and any(
        _place_of(ann, k, w) for k in ann.children[c])


def _place_of(ann: Annotations, k: int, w: CasualtyWords) -> bool:
    """Token ``k`` is a preposition that says where, not "of" or one that says which part ("among")."""
    low = ann.tokens[k].text.casefold()
    return ann.tokens[k].dep == "prep" and low != w.of and low not in w.part_prepositions


def _read_group(ann: Annotations, g: int, trigger: Token, w: CasualtyWords, *, listed: bool = True
                ) -> tuple[Quantity | None, set[int], str | None]:
    """The quantity, its tokens and the "who" text of the phrase headed by token ``g`` (with the nouns listed after
    it unless ``listed`` is False)."""
    tok = ann.tokens[g]
    members = set(subtree(ann, g))
    excluded = members - _phrase(ann, g, trigger, w)
    if g == trigger.i:
        excluded.add(g)
    if tok.lemma.casefold() in w.collective_nouns:
        size = _size_of(ann, g, w)  # "a family of eight" counts eight people
        if size is None:
            return None, set(), None  # "a family", "two convoys": not a count of people
        return parse_quantity(ann.tokens[size].text, lexicon=w), {size}, _who_text(ann, {g}, False)
    who_tokens: set[int]
    if is_quantity_word(tok, w):
        of_objs = [o for c in ann.children[g] if ann.tokens[c].dep == "prep" and ann.tokens[c].text.casefold() == w.of
                   for o in subtree(ann, c)]
        # another preposition says where or when ("wounded five in Kano"), not how many
        elsewhere = {o for c in ann.children[g] if ann.tokens[c].dep == "prep" and ann.tokens[c].text.casefold() != w.of
                     for o in subtree(ann, c)}
        # a word after the number that the parser hung on it says who ("au moins dix-huit civils": "civils" an
        # adjective of "dix-huit"), it is not part of how many
        after = {o for c in ann.children[g] if c > g and ann.tokens[c].dep in ("amod", "compound", "dep")
                 and ann.tokens[c].pos in ("NOUN", "ADJ", "PROPN")
                 and not is_quantity_word(ann.tokens[c], w) for o in subtree(ann, c)}
        q_tokens = members - excluded - set(of_objs) - elsewhere - after
        who_tokens = ({o for o in of_objs if ann.tokens[o].text.casefold() != w.of} | after) - excluded
        quantity = _quantity_of(ann, q_tokens, w)
        quantity, q_tokens = _bound_before(ann, quantity, q_tokens, w)
    else:
        q_children = [c for c in ann.children[g] if _is_quantity_child(ann.tokens[c], w)] or _hung_on_modifier(ann, g)
        q_tokens = {i for c in q_children for i in subtree(ann, c)} - excluded
        quantity = _quantity_of(ann, q_tokens, w) if q_tokens else _singular(ann, tok, w)
        if q_tokens:  # "Plus de 200 soldats" with "Plus de" parsed as the noun's governors, not its modifiers
            quantity, q_tokens = _bound_before(ann, quantity, q_tokens, w)
        if quantity is None and tok.tag == "NNS" and listed:
            # "killing parents and their six children": a bare plural joined to a count is at least that count
            numbered = [c for c in ann.children[g] if ann.tokens[c].dep == "conj" and _numbered(ann, {c, *ann.children[c]})
                        and trigger_kind(ann, ann.tokens[c], w) is None]
            if numbered:
                extra, extra_tokens, _ = _read_group(ann, numbered[0], trigger, w)
                if extra is not None:
                    return (extra[0], extra[0], None), extra_tokens, _who_text(ann, members - excluded, False, strip=False)
        who_tokens = members - excluded - q_tokens - {c for c in ann.children[g] if ann.tokens[c].dep == "conj"}
        who_tokens = _drop_conj_counts(ann, g, who_tokens, w)
        summed, alone = False, (quantity, set(q_tokens))
        for c in ann.children[g] if listed else ():
            if ann.tokens[c].dep == "conj" and quantity is not None and _other_kind(ann, c, trigger, w):
                continue  # "cinq morts et plus de 30 blessés": the wounded are another count, not more dead
            if ann.tokens[c].dep == "conj" and quantity is not None and is_person(ann, c, w):
                extra, extra_tokens, _ = _read_group(ann, c, trigger, w)
                if extra is None and quantity == (1, 1, 1) and _shares_determiner(ann, c):
                    extra, extra_tokens = (1, 1, 1), {c}  # "his mother and sister", "an officer and technician"
                if extra is not None and (_numbered(ann, extra_tokens) or not _subject_of_next_verb(ann, c)):
                    quantity = _add(quantity, extra)
                    q_tokens |= extra_tokens
                    summed = True
        if summed and alone[0] is not None and tok.lemma.casefold() in w.general_nouns and (
                quantity[0] - alone[0][0] <= alone[0][0]):
            # "three people, two soldiers and a civilian": the rest of the list says who the three were
            (quantity, q_tokens), summed = alone, False
        for c in ann.children[g] if listed else ():
            # (a number alone after a comma is an age: "the victim, also 14")
            if ann.tokens[c].dep == "appos" and quantity is not None and not is_quantity_word(ann.tokens[c], w):
                added = _listed_after(ann, c, quantity, trigger, w)
                if added is not None:
                    quantity = _add(quantity, added[0])
                    q_tokens |= added[1]
                    members |= set(subtree(ann, c))
                    excluded -= set(subtree(ann, c))
                    summed = True
        if summed:  # "three soldiers and two civilians": name the whole group, numbers included
            return quantity, q_tokens, _who_text(ann, members - excluded, False, strip=False)
    return quantity, q_tokens, _who_text(ann, who_tokens, g == trigger.i)


def _elliptic_count(ann: Annotations, group: int, trigger: Token, w: CasualtyWords) -> int:
    """The number standing alone after "and" when the group's own participle is of another kind ("eight soldiers
    killed and thirteen wounded", parsed with "soldiers" as the subject of "wounded"): the wounded are the thirteen."""
    kids = ann.children[group]
    if not any(ann.tokens[k].dep in ("acl", "amod") and _other_kind(ann, k, trigger, w) for k in kids):
        return group
    alone = [k for k in kids if ann.tokens[k].dep == "conj" and ann.tokens[k].pos == "NUM"]
    return alone[0] if alone else group


def _other_kind(ann: Annotations, c: int, trigger: Token, w: CasualtyWords) -> bool:
    """The conjunct is a count of another kind: its own word ("cinq morts et plus de 30 blessés"), a word on its
    number ("eight soldiers wounded and seven dead", "and an additional thirteen wounded"), or, for a number
    standing alone, the word right after it that the parser hung elsewhere ("eight soldiers killed and thirteen
    wounded")."""
    mine = trigger_kind(ann, trigger, w)
    words = [c, *(k for k in ann.children[c] if ann.tokens[k].dep in ("amod", "acl"))]
    if ann.tokens[c].pos == "NUM" and c + 1 < len(ann.tokens):
        words.append(c + 1)
    return bool({trigger_kind(ann, ann.tokens[k], w) for k in words} - {None, mine})


def _listed_after(ann: Annotations, appos: int, quantity: Quantity, trigger: Token, w: CasualtyWords
                  ) -> tuple[Quantity, set[int]] | None:
    """What an apposition adds to a group: the parser hangs the rest of a list on its first noun ("two soldiers, a
    policeman and two civilians", "a leader, a facilitator and several associates"), and a list of more people than
    the group goes on with it; one of no more says who the group were ("two people, a man and his wife"), and so
    does one after a name ("Emilie Holroyd, a longtime fixture ... and a frequent delegate"). An apposition between
    commas, or a name right after its noun, restates the group, and only the nouns listed after it add ("the man, an
    IED facilitator, and three suspects": 3 more; "his sister Katie and mother Alice": 1 more)."""
    own, own_tokens, _ = _read_group(ann, appos, trigger, w, listed=False)
    total, tokens, _ = _read_group(ann, appos, trigger, w)
    if own is None or total is None:
        return None
    toks = ann.tokens
    first = min(subtree(ann, appos))
    after = max(i for i in subtree(ann, appos) if not _listed_part(ann, appos, i) and toks[i].pos != "PUNCT") + 1
    if (first > 0 and toks[first - 1].text != ",") or (after < len(toks) and toks[after].text == ","):
        rest = (total[0] - own[0], total[1] - own[1], None if total[2] is None or own[2] is None else total[2] - own[2])
        return (rest, tokens - own_tokens) if rest[0] > 0 else None
    named = toks[toks[appos].head].pos == "PROPN"
    return (total, tokens) if total[0] > quantity[0] and not named else None


def _listed_part(ann: Annotations, head: int, i: int) -> bool:
    """Token ``i`` belongs to a noun listed after ``head`` (a conjunct, or the conjunction before it)."""
    kids = [c for c in ann.children[head] if ann.tokens[c].dep in ("conj", "cc")]
    return any(i in subtree(ann, c) for c in kids)


def _bound_before(ann: Annotations, quantity: Quantity | None, q_tokens: set[int], w: CasualtyWords
                  ) -> tuple[Quantity | None, set[int]]:
    """"At least" or "more than" right before the number but hung by the parser on the verb ("Au moins dix-huit
    civils ont été tués": "Au moins" an adverb of "tués") still bounds it."""
    if quantity is None or not q_tokens:
        return quantity, q_tokens
    first = min(q_tokens)
    sent = ann.sentences[sentence_index_at(ann, ann.tokens[first].start)]
    for phrases, how in w.bounds:
        if how not in ("at_least", "more_than"):
            continue
        for phrase in phrases:
            n = len(phrase.split())
            before = range(first - n, first)
            if first - n < sent.token_start:
                continue
            said = " ".join(ann.tokens[k].text.casefold() for k in before)
            if said == phrase.casefold():
                bounded = _quantity_of(ann, set(before) | q_tokens, w)
                if bounded is not None:
                    return bounded, q_tokens | set(before)
    return quantity, q_tokens


def _size_of(ann: Annotations, g: int, w: CasualtyWords) -> int | None:
    """The bare number after "of" on a group noun ("a family of eight"), or None ("a group of soldiers")."""
    for c in ann.children[g]:
        if ann.tokens[c].dep == "prep" and ann.tokens[c].text.casefold() == w.of:
            objs = [o for o in ann.children[c] if ann.tokens[o].dep == "pobj"]
            # a place the parser hung on the number is where, not whom ("a family of six in Beit Hanoun")
            if objs and is_quantity_word(ann.tokens[objs[0]], w) and all(
                    ann.tokens[k].dep == "prep" for k in ann.children[objs[0]]):
                return objs[0]
    return None


def _numbered(ann: Annotations, tokens: set[int]) -> bool:
    return any(ann.tokens[i].like_num or ann.tokens[i].pos == "NUM" for i in tokens)


_JOINING = frozenset({"cc", "punct", "nummod", "quantmod", "amod", "det", "advmod", "compound"})


def _objects_joined_to_verb(ann: Annotations, verb: Token, obj: int) -> list[int]:
    """Nouns after the object that the parser joined to the verb instead of to it ("killed himself and 11 others":
    "others" a conjunct of "killed")."""
    # right after the object, nothing but the joining words between: "killed seven people in Djibo and five
    # others near Arbinda" is a list, one place each (casualties.lists)
    return [c for c in ann.children[verb.i] if c > obj and ann.tokens[c].dep == "conj"
            and ann.tokens[c].pos in ("NOUN", "PROPN", "PRON")
            and all(ann.tokens[k].dep in _JOINING for k in range(obj + 1, c))]


def _subject_of_next_verb(ann: Annotations, c: int) -> bool:
    """The conjunct and what follows it, with no number, end right before a verb that has no subject: they are
    its subject ("wounding 30 others, a local official and a militia leader said"), not more victims."""
    nxt = max(subtree(ann, c)) + 1
    if nxt >= len(ann.tokens) or ann.tokens[nxt].pos != "VERB":
        return False
    return not any(ann.tokens[k].dep in ("nsubj", "nsubjpass") for k in ann.children[nxt])


def _drop_conj_counts(ann: Annotations, g: int, who_tokens: set[int], w: CasualtyWords) -> set[int]:
    """Keep conjoined nouns in "who" ("army and volunteer forces") but not a conjunct's own trigger."""
    out = set(who_tokens)
    for c in ann.children[g]:
        if ann.tokens[c].dep == "conj":
            out |= {i for i in subtree(ann, c) if trigger_kind(ann, ann.tokens[i], w) is None}
    return out


def _hung_on_modifier(ann: Annotations, g: int) -> list[int]:
    """A number the parser hung on a modifier of the noun rather than on the noun ("two U.S.-led coalition
    soldiers": "two" a compound of "U.S.-led"; "Two Chhattisgarh Armed Forces (CAF) personnel": "Two" on "Forces",
    a noun modifier)."""
    found: list[int] = []
    todo = [c for c in ann.children[g] if c < g and ann.tokens[c].dep in _MODIFIERS]
    for _ in range(3):  # down the modifiers before the noun: "two" of "U.S.-led" of "coalition" of "soldiers"
        kids = [k for c in todo for k in ann.children[c] if k < c]
        found += [k for k in kids if ann.tokens[k].dep in ("compound", "nummod") and ann.tokens[k].pos == "NUM"]
        todo = [k for k in kids if ann.tokens[k].dep in _MODIFIERS and ann.tokens[k].pos != "NUM"]
    return found[:1]


# Modifiers before a noun a number may hang on: adjectives, compounds, a unit's name ("Armed Forces" personnel).
_MODIFIERS = ("amod", "compound", "nmod")


def _is_quantity_child(child: Token, w: CasualtyWords) -> bool:
    lower = child.text.casefold()
    if child.dep in ("nummod", "quantmod"):
        return True
    return child.dep in ("amod", "det", "advmod", "predet", "preconj") and (
        is_quantity_word(child, w) or lower in w.quant_modifiers or lower in w.single_words)


def _quantity_of(ann: Annotations, indices: set[int], w: CasualtyWords) -> Quantity | None:
    if not indices:
        return None
    ordered = sorted(indices)
    if ann.tokens[ordered[0]].text.casefold() in w.degree_words:
        return None  # "so many people have died": an exclamation, not a count
    for first in range(len(ordered)):
        text = ann.text[ann.tokens[ordered[first]].start : ann.tokens[ordered[-1]].end]
        quantity = parse_quantity(text, lexicon=w)
        if quantity is not None:
            return quantity
    return None


def _singular(ann: Annotations, tok: Token, w: CasualtyWords) -> Quantity | None:
    """One person without a number: "an insurgent", "the individual", "he", a named person."""
    lower = tok.text.casefold()
    if tok.pos == "PRON":
        return (1, 1, 1) if lower in w.singular_pronouns else None
    if tok.tag not in ("NN", "NNP") or tok.lemma.casefold() in w.collective_nouns:
        return None
    if tok.pos == "PROPN":
        return (1, 1, 1) if is_named_person(ann, tok.i) else None
    determiners = {ann.tokens[c].text.casefold() for c in ann.children[tok.i] if ann.tokens[c].dep in ("det", "poss")}
    return (1, 1, 1) if determiners & w.singular_determiners else None


def _add(a: Quantity, b: Quantity) -> Quantity:
    high = None if a[2] is None or b[2] is None else a[2] + b[2]
    return (a[0] + b[0], a[1] + b[1], high)


def _who_text(ann: Annotations, indices: set[int], trigger_is_group: bool, *, strip: bool = True) -> str | None:
    if trigger_is_group or not indices:
        return None
    ordered = sorted(indices)
    while ordered and ann.tokens[ordered[0]].pos in (("DET", "PUNCT", "CCONJ", "ADP") if strip else ("PUNCT",)):
        ordered.pop(0)
    while ordered and ann.tokens[ordered[-1]].pos in ("PUNCT", "CCONJ", "ADP"):
        ordered.pop()
    if not ordered:
        return None
    return ann.text[ann.tokens[ordered[0]].start : ann.tokens[ordered[-1]].end] or None
