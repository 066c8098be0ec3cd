"""How the figures of one incident's mentions combine: the same dead told again, more dead, or other figures
for the same toll (a range over them, and who gives which)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import islice
from typing import Any

from sitrep.extract.common.text import ancestors, subtree, token_index_at
from sitrep.extract.events.asserted import asserting_claim
from sitrep.extract.events.drafts import EventContext
from sitrep.extract.events.words import EventWords
from sitrep.model import Annotations, AssertedKind, CasualtyMention, Count, Event


def same_victims(a: str | None, b: str | None, w: EventWords, *, same_count: bool = True) -> bool:
    if not a or not b or a.lower() in w.victim_pronouns or b.lower() in w.victim_pronouns:
        return True  # "killed one armed individual" ... "killing him"
    heads = {victim_head(a, w), victim_head(b, w)}
    # "ten civilians" told again as "ten people" or as "ten villagers": the same dead in other words, when the
    # number is the same too ("12 people were killed in the missile attack" retells no "95 rebels")
    if len(heads) == 1:
        return True
    return same_count and (bool(heads & w.general_victim_nouns) or all(map(w.civilian, heads)))


def distinct_groups(counts: Sequence[Count], w: EventWords) -> bool:
    """Counts of plainly different people ("14 soldiers" and "17 of the attackers"): each names its people, by
    different nouns, none of them "people" (which may hold the others) and not two kinds of civilian ("six
    civilians" may hold "two children")."""
    heads = [victim_head(c.who, w) if c.who and c.who.lower() not in w.victim_pronouns else "" for c in counts]
    if len(counts) < 2 or not all(heads) or len(set(heads)) < len(heads) or set(heads) & w.general_victim_nouns:
        return False
    return sum(map(w.civilian, heads)) < 2


def different_dead(a: Count | None, b: Count | None, w: EventWords) -> bool:
    """Two different numbers of dead that name different people ("95 rebels" after "over a dozen people"; "Alice
    and Katie" after "Alice McMeekin and Katie Jenkin" are the same two)."""
    if a is None or b is None or not a.who or not b.who or a.best <= 0 or b.best <= 0:
        return False
    return a.best != b.best and not same_victims(a.who, b.who, w, same_count=False)


def victim_head(who: str, w: EventWords) -> str:
    """The counted noun: "armed insurgents" -> "insurgent", "insurgents in Nawah district" -> "insurgent"."""
    words = w.victim_phrase_end.sub("", who.lower()).split()
    word = words[-1].strip(".,;") if words else ""
    return word[: -len(w.plural_suffix)] if word.endswith(w.plural_suffix) else word


def detained_in_addition(b: Event, ctx: EventContext) -> bool:
    """The mention's detention count is an exact number told as more people: the word of addition inside the
    count ("two additional suspects were detained") or right before it ("the force also detained one suspected
    insurgent"); not "several suspects were also detained" (it may retell them), nor "detained several suspects
    for further questioning"."""
    return told_in_addition(b.detained, ctx)


def killed_in_addition(before: Count | None, b: Event, ctx: EventContext) -> bool:
    """The mention's dead are another group told as more ("L'attaque a également coûté la vie à dix-sept
    assaillants" after "Six soldats ont trouvé la mort"; "also killed 17 attackers"): exact, with a word of
    addition, and naming others than the dead before (a retold toll names the same people)."""
    c = b.killed
    # "at least four" (no upper bound) takes more dead; a range ("four to six") is left as it is
    if before is None or c is None or not (c.who and before.who) or before.high not in (None, before.low):
        return False
    if victim_head(c.who, ctx.words) == victim_head(before.who, ctx.words) and c.best == before.best:
        return False  # the same dead told again ("a resident also said that ten people had been killed")
    if _other_side(before.who, c.who, ctx.words) and (c.high is None or c.high == c.low) and (
            b.date_rule not in _OWN_DATE):
        # "23 soldiers were killed ... 40 assailants were killed in the ensuing clashes"; not dead told with a day of
        # their own ("Earlier this month ... at least 400 civilians were killed"), which may be another happening's
        return True
    # the word may stand on the verb a few words before the count ("a également coûté la vie à dix-sept", "Also
    # killed in the strike were more than a dozen armed insurgents"); an open count adds too
    return told_in_addition(c, ctx, reach=4, exact=False)


_OWN_DATE = ("sentence", "clause")


def _other_side(a: str, b: str, w: EventWords) -> bool:
    """Two counted nouns, one of the attackers' side and one of the side attacked (events.yaml attacker_nouns,
    attacked_nouns, or civilians): the dead of the two sides of one happening."""
    heads = {victim_head(x, w) for x in (a, b)}
    attackers = {h for h in heads if h in w.attacker_nouns}
    attacked = {h for h in heads if h in w.attacked_nouns or w.civilian(h)}
    return len(heads) == 2 and len(attackers) == 1 and len(attacked) == 1 and not attackers & attacked


def told_in_addition(c: Count | None, ctx: EventContext, *, reach: int = 1, exact: bool = True) -> bool:
    # exact, or (with exact False) open: "more than a dozen", not a range
    if c is None or not c.evidence or (c.high != c.low and (exact or c.high is not None)):
        return False
    ann = ctx.ann
    first = token_index_at(ann, c.evidence[0].start)
    last = token_index_at(ann, c.evidence[0].end - 1)
    if first is None or last is None:
        return False
    start = first
    while start > max(first - reach, 0) and ann.tokens[start - 1].pos != "PUNCT":
        start -= 1
    around = range(start, last + 1)
    # "a resident also said that ten people had been killed": one more source telling the toll, not more dead; and in
    # an open count the comparative is its bound, not an addition ("More than 100 civilians and soldiers")
    return any(ann.tokens[j].text.lower() in ctx.words.addition_words and (
        ann.tokens[ann.tokens[j].head].lemma or "").lower() not in ctx.words.reporting_verbs
        and not (c.high is None and ann.tokens[j].tag in ("JJR", "RBR")) for j in around)


def competing_tolls(a: Event, b: Event, ctx: EventContext) -> str | None:
    """How two figures for one incident's dead or hurt relate when they are alternatives rather than parts:
    "sources" when two named speakers give them ("police said five were killed ... residents said eight"),
    "revised" when the later one is the toll told anew ("the death toll rose to 11", "cut the death toll to
    eight"); None otherwise. Only a later figure that is larger, or one given by the noun of a toll, which counts
    the whole incident: a smaller one after a toll is most often a part of it, told with its own place ("killing
    eight in the villages around the town ... there we had four killed"), and one source's two figures may count
    different people."""
    pairs = [(x, y) for x, y in ((a.killed, b.killed), (a.injured, b.injured))
             if x is not None and y is not None and 0 < x.best != y.best and (
                 x.best < y.best or told_as_toll(ctx.ann, y, ctx.words))]
    if not pairs or not all(_alternatives(x, y, ctx.words) for x, y in pairs):
        return None
    if any(_revised(y, ctx) or y.best < x.best for x, y in pairs):
        return "revised"
    speakers = [e.asserted_by for e in (a, b)]
    if all(s.kind == AssertedKind.SPEAKER and s.name for s in speakers) and len(
            {(s.name or "").lower() for s in speakers}) == 2:
        return "sources"
    return None


def told_as_toll(ann: Annotations, c: Count | None, w: EventWords) -> bool:
    """The count is given by the noun of a toll ("the death toll rose to eight", "put the number of the dead at
    15"), not by a verb of the happening."""
    return c is not None and _toll_noun(ann, c, w) is not None


def toll_giver(ann: Annotations, counts: Sequence[Count], w: EventWords) -> str | None:
    """Who gives a toll as the subject of the verb that takes it ("A military officer put the number of the dead
    at 15", "officials estimated the death toll at 30"): that figure is theirs, as if they had said it."""
    for c in counts:
        j = _toll_noun(ann, c, w)
        if j is not None and ann.tokens[j].dep == "dobj" and ann.tokens[j].head != j:
            return _subject_phrase(ann, ann.tokens[j].head)
    return None


def _toll_noun(ann: Annotations, c: Count, w: EventWords) -> int | None:
    """The noun of the toll a count's words give it, at the count's first word or up to ``_TOLL_STEPS`` above it
    ("dead" in "the number of the dead at 15" is two steps below "number")."""
    for ev in c.evidence:
        i = token_index_at(ann, ev.start)
        if i is None:
            continue
        for j in (i, *islice(ancestors(ann, i), _TOLL_STEPS)):
            if (ann.tokens[j].lemma or "").lower() in w.toll_words:
                return j
    return None


_TOLL_STEPS = 3


def _subject_phrase(ann: Annotations, verb: int) -> str | None:
    """The verb's subject as written, without a leading determiner ("A military officer" -> "military officer")."""
    subject = next((c for c in ann.children[verb] if ann.tokens[c].dep == "nsubj"
                    and ann.tokens[c].pos in ("NOUN", "PROPN")), None)
    if subject is None:
        return None
    words = sorted(subtree(ann, subject))
    while words and ann.tokens[words[0]].pos == "DET":
        words = words[1:]
    return ann.text[ann.tokens[words[0]].start : ann.tokens[words[-1]].end] if words else None


def _alternatives(a: Count, b: Count, w: EventWords) -> bool:
    """Two figures that may count the same people: the same or no counted noun; a pronoun ("killed him") is
    one person of a toll, not another figure for it."""
    if any((c.who or "").lower() in w.victim_pronouns for c in (a, b)):
        return False
    return same_victims(a.who, b.who, w, same_count=False)


def _revised(c: Count, ctx: EventContext) -> bool:
    """The count is a toll that changed: a verb of change inside its words ("the death toll had risen to 11")."""
    ann = ctx.ann
    for ev in c.evidence:
        first, last = token_index_at(ann, ev.start), token_index_at(ann, ev.end - 1)
        if first is not None and last is not None and any(
                (ann.tokens[j].lemma or "").lower() in ctx.words.toll_verbs for j in range(first, last + 1)):
            return True
    return False


def _toll(a: Count | None, b: Count | None, tolls: str | None) -> Count | None:
    """The larger figure, or, for alternatives, one range over both whose best is the later figure."""
    if tolls is None or a is None or b is None or a.best == b.best:
        return _larger(a, b)
    high = None if a.high is None or b.high is None else max(a.high, b.high)
    evidence = tuple(sorted(set(a.evidence) | set(b.evidence), key=lambda e: e.start))
    return replace(b, low=min(a.low, b.low), high=high, evidence=evidence)


def more_dead(b: Event, ctx: EventContext) -> bool:
    """The mention's dead are told as more than those before ("three more people died in hospital")."""
    return b.killed is not None and any(ctx.words.added_count.search(e.text) for e in b.killed.evidence)


def _union(a: dict[str, dict[str, Any]], b: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Contested values of two mentions, field by field (a's figure for a speaker wins)."""
    return {field: {**b.get(field, {}), **a.get(field, {})} for field in {*a, *b}}


def _contested_tolls(a: Event, b: Event) -> dict[str, dict[str, Any]]:
    """The figures each speaker gives, by field ({"killed": {"police": 5, "residents": 8}})."""
    out = _union(a.contested, b.contested)
    for field in ("killed", "injured"):
        x, y = getattr(a, field), getattr(b, field)
        if x is not None and y is not None and x.best != y.best:
            by = out.setdefault(field, {})
            by.setdefault(a.asserted_by.name or "", x.best)
            by[b.asserted_by.name or ""] = y.best
    return out


def _sum(a: Count | None, b: Count | None) -> Count | None:
    if a is None or b is None:
        return a or b
    return total([a, b])


def total(counts: Sequence[Count]) -> Count:
    """Counts of different people added up, the first one's words for who."""
    high = None if any(c.high is None for c in counts) else sum(c.high or 0 for c in counts)
    evidence = tuple(e for c in counts for e in c.evidence)
    return replace(counts[0], best=sum(c.best for c in counts), low=sum(c.low for c in counts), high=high,
                   evidence=evidence)


def _larger(a: Count | None, b: Count | None) -> Count | None:
    if a is None:
        return b
    if b is None:
        return a
    if b.best != a.best:
        return b if b.best > a.best else a
    return b if (b.who and not a.who) else a  # same number: keep the mention that says who


def merged_counts(a: Event, b: Event, *, more_detained: bool = False, more_killed: bool = False,
                  tolls: str | None = None) -> dict[str, Any]:
    """The dead, hurt and detained of two mentions of one event, and the figures speakers contest."""
    return {
        "killed": _sum(a.killed, b.killed) if more_killed else _toll(a.killed, b.killed, tolls),
        "injured": _toll(a.injured, b.injured, tolls),
        "detained": _sum(a.detained, b.detained) if more_detained else _larger(a.detained, b.detained),
        "contested": _contested_tolls(a, b) if tolls == "sources" else _union(a.contested, b.contested),
    }


def sentence_toll(mentions: Sequence[CasualtyMention], ctx: EventContext) -> tuple[Count | None, dict[str, int]]:
    """One sentence's counts of one event as one toll, and who gives which figure. Two groups of one happening's
    dead add up ("killing 14 soldiers, while 17 of the attackers were killed"); named speakers' different figures
    for the same people ("police said five were killed, but residents said eight") are one range (best the
    largest) with each speaker's figure, the field's contested values; else the largest count."""
    live = [m.count for m in mentions if not m.negated]
    names = [_speaker_of(c, ctx) for c in live]
    if len(set(names)) == 1 and distinct_groups(live, ctx.words) and not _one_within_another(mentions, ctx):
        return total(live), {}
    kept = combine_counts(mentions)
    if kept is None or len({c.best for c in live}) < 2 or any(
            different_dead(a, b, ctx.words) or (a.who or "").lower() in ctx.words.victim_pronouns for a in live
            for b in live):
        return kept, {}
    by: dict[str, int] = {}
    for c, name in zip(live, names, strict=True):
        if not name or by.get(name, c.best) != c.best:
            return kept, {}  # a figure no one is named for, or one speaker's two figures: parts, not alternatives
        by[name] = c.best
    if len(by) < 2:
        return kept, {}
    high = None if any(c.high is None for c in live) else max(c.high for c in live if c.high is not None)
    evidence = tuple(sorted({e for c in live for e in c.evidence}, key=lambda e: e.start))
    return replace(kept, low=min(c.low for c in live), high=high, evidence=evidence), by


def _speaker_of(c: Count, ctx: EventContext) -> str | None:
    claim = asserting_claim(c.evidence[0].start, ctx.claims, hedges=ctx.words.hedge_words) if c.evidence else None
    return claim and (claim.speaker.name or claim.speaker.role)


def _one_within_another(mentions: Sequence[CasualtyMention], ctx: EventContext) -> bool:
    """A count told in a clause on a noun ("the death of the insurgent behind the attack that killed one
    soldier") or in a clause of what came before ("died on Tuesday, a day after a major was killed") that the
    other counts lie outside: two happenings' dead, not two groups of one happening's."""
    ann, w = ctx.ann, ctx.words
    tokens = {m.token for m in mentions if not m.negated}

    def apart(k: int) -> bool:
        tok = ann.tokens[k]
        return tok.dep in ("relcl", "acl") or (tok.dep == "prep" and tok.text.lower() in w.antecedent_prepositions) or any(
            ann.tokens[c].dep == "mark" and ann.tokens[c].text.lower() in w.antecedent_prepositions
            for c in ann.children[k])

    for i in tokens:
        clause = next((k for k in (i, *ancestors(ann, i)) if apart(k)), None)
        if clause is not None and any(j != clause and clause not in ancestors(ann, j) for j in tokens - {i}):
            return True
    return False


def combine_counts(mentions: Sequence[CasualtyMention]) -> Count | None:
    """Several counts of one event in one sentence: the largest (``sentence_toll`` says when they add up)."""
    live = [m for m in mentions if not m.negated] or list(mentions)
    if not live:
        return None
    return max(live, key=lambda m: (m.count.best, m.count.low)).count
