"""How the figures of one incident's mentions combine: the same dead told again, more dead, or other figures
for the same toll (a range over them, and who gives which)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sitrep.extract.common.text import token_index_at
from sitrep.extract.events.drafts import EventContext
from sitrep.extract.events.words import EventWords
from sitrep.model import AssertedKind, Count, Event


def same_victims(a: str | None, b: str | None, w: EventWords, *, same_count: bool = True) -> bool:
    if not a or not b or a.lower() in w.victim_pronouns or b.lower() in w.victim_pronouns:
        return True  # "killed one armed individual" ... "killing him"
    heads = {victim_head(a, w), victim_head(b, w)}
    # "ten civilians" told again as "ten people" or as "ten villagers": the same dead in other words, when the
    # number is the same too ("12 people were killed in the missile attack" retells no "95 rebels")
    if len(heads) == 1:
        return True
    return same_count and (bool(heads & w.general_victim_nouns) or all(
        any(h.startswith(c) for c in w.civilian_victim_words) for h in heads))


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
    if before is None or c is None or not (c.who and before.who) or before.high != before.low:
        return False
    if victim_head(c.who, ctx.words) == victim_head(before.who, ctx.words):
        return False
    # the word may stand on the verb a few words before the count ("a également coûté la vie à dix-sept")
    return told_in_addition(c, ctx, reach=4)


def told_in_addition(c: Count | None, ctx: EventContext, *, reach: int = 1) -> bool:
    if c is None or not c.evidence or c.high != c.low:
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
    # "a resident also said that ten people had been killed": one more source telling the toll, not more dead
    return any(ann.tokens[j].text.lower() in ctx.words.addition_words and (
        ann.tokens[ann.tokens[j].head].lemma or "").lower() not in ctx.words.reporting_verbs for j in around)


def competing_tolls(a: Event, b: Event, ctx: EventContext) -> str | None:
    """How two figures for one incident's dead or hurt relate when they are alternatives rather than parts:
    "sources" when two named speakers give them ("police said five were killed ... residents said eight"),
    "revised" when the later one is the toll told anew ("the death toll rose to 11"); None otherwise. Only a
    later figure that is larger: a smaller one after a toll is most often a part of it, told with its own place
    ("killing eight in the villages around the town ... there we had four killed"), and one source's two
    figures may count different people."""
    pairs = [(x, y) for x, y in ((a.killed, b.killed), (a.injured, b.injured))
             if x is not None and y is not None and 0 < x.best < y.best]
    if not pairs or not all(_alternatives(x, y, ctx.words) for x, y in pairs):
        return None
    if any(_revised(y, ctx) for _, y in pairs):
        return "revised"
    speakers = [e.asserted_by for e in (a, b)]
    if all(s.kind == AssertedKind.SPEAKER and s.name for s in speakers) and len(
            {(s.name or "").lower() for s in speakers}) == 2:
        return "sources"
    return None


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
    """The larger figure, or, for alternatives, one range over both: best the later figure when the toll was
    revised, else the larger."""
    if tolls is None or a is None or b is None or a.best == b.best:
        return _larger(a, b)
    kept = b if tolls == "revised" else _larger(a, b)
    high = None if a.high is None or b.high is None else max(a.high, b.high)
    evidence = tuple(sorted(set(a.evidence) | set(b.evidence), key=lambda e: e.start))
    return replace(kept, low=min(a.low, b.low), high=high, evidence=evidence)


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
    high = None if a.high is None or b.high is None else a.high + b.high
    return replace(a, best=a.best + b.best, low=a.low + b.low, high=high, evidence=a.evidence + b.evidence)


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
