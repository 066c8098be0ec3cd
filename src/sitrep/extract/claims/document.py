"""The claims stage's records: ``Found``, a claim before its speaker is resolved, and ``ClaimDoc``, the
per-document lookups every pass shares (quotes, which token is in which quote and sentence, cue tests)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from sitrep.extract.claims.parse import subject_of, subtree_set
from sitrep.extract.claims.quotes import pair_quotes
from sitrep.extract.claims.words import ClaimWords
from sitrep.model import Annotations, ClaimKind

_COMPLEMENTS = ("ccomp", "xcomp", "dobj")


@dataclass(frozen=True, slots=True, kw_only=True)
class Found:
    """A claim before its speaker is resolved: content spans, cue tokens and the speaker's head token."""

    parts: tuple[tuple[int, int], ...]
    cue: tuple[int, ...]
    speaker: int | None
    direct: bool
    anchor: int  # character offset used for document order
    quote_ids: tuple[int, ...] = ()
    kind: ClaimKind = ClaimKind.STATEMENT
    speaker_words: tuple[int, ...] = ()  # the speaker's tokens when no parse names them ("Poll: …" lines)

    def with_quote(self, q_i: int, start: int, end: int) -> Found:
        """The claim continued by quote ``q_i`` (content ``start``..``end``)."""
        return Found(parts=(*self.parts, (start, end)), cue=self.cue, speaker=self.speaker, direct=self.direct,
                     anchor=self.anchor, quote_ids=(*self.quote_ids, q_i), kind=self.kind,
                     speaker_words=self.speaker_words)


def is_according(ann: Annotations, k: int, w: ClaimWords) -> bool:
    """Whether token ``k`` opens one of the language's "according to" phrases."""
    return according_length(ann, k, w) > 0


def according_length(ann: Annotations, k: int, w: ClaimWords) -> int:
    """How many words the "according to" phrase opened by token ``k`` has (0: none opens there)."""
    toks = ann.tokens
    for phrase in w.according_to:
        n = len(phrase)
        if k + n <= len(toks) and all(toks[k + i].text.lower() == word for i, word in enumerate(phrase)):
            return n
    return 0


def according_object(ann: Annotations, k: int, w: ClaimWords) -> int | None:
    """The source of "according to X" opened at token ``k``: the object of the phrase's words ("according to
    X" hangs X off "to"; a UD parse rewritten for French hangs it off the first word of "d'après")."""
    n = according_length(ann, k, w)
    for j in reversed(range(k, k + n)):
        obj = next((g for g in ann.children[j] if ann.tokens[g].dep == "pobj"), None)
        if obj is not None:
            return obj
    return None


class ClaimDoc:
    """Per-document lookups shared by the passes."""

    def __init__(self, ann: Annotations, w: ClaimWords) -> None:
        self.ann, self.w = ann, w
        self.starts = [t.start for t in ann.tokens]
        self.sent_of = [0] * len(ann.tokens)
        for s_i, s in enumerate(ann.sentences):
            for k in range(s.token_start, s.token_end):
                self.sent_of[k] = s_i
        self.speaker_hint: dict[int, int] = {}  # cue -> speaker head found where the parse had none
        self.quotes = pair_quotes(ann, w)
        self.quote_of = [-1] * len(ann.tokens)
        for q_i, q in enumerate(self.quotes):
            for k in range(self.token_at(q.open), len(ann.tokens)):
                if ann.tokens[k].start >= q.outer_end:
                    break
                self.quote_of[k] = q_i

    def token_at(self, char: int) -> int:
        """First token starting at or after ``char``."""
        return bisect_left(self.starts, char)

    def sentence_range(self, k: int) -> range:
        s = self.ann.sentences[self.sent_of[k]]
        return range(s.token_start, s.token_end)

    def is_cue(self, k: int, *, quoting: bool) -> bool:
        tok = self.ann.tokens[k]
        if self.is_according(k):
            return True
        verbs = self.w.quoting_verbs if quoting else self.w.speech_verbs
        if tok.pos != "VERB" or (tok.lemma.lower() not in verbs and self.phrasal_part(k) is None):
            return False
        # "the blast claimed 12 lives": a toll, not a claim
        return not any(self.ann.tokens[c].dep == "dobj" and self.ann.tokens[c].lemma.lower() in self.w.taken_not_said
                       for c in self.ann.children[k])

    def phrasal_part(self, k: int) -> int | None:
        """The particle or adjective that makes a verb one of saying: "pointed out", "made clear"."""
        ann, w = self.ann, self.w
        lemma = ann.tokens[k].lemma.lower()
        for c in ann.children[k]:
            t = ann.tokens[c]
            if c > k and t.dep == "prt" and f"{lemma} {t.text.lower()}" in w.phrasal_speech_verbs:
                return c
            if c > k and t.dep in ("oprd", "acomp", "ccomp") and f"{lemma} {t.text.lower()}" in w.phrasal_speech_verbs:
                return c
            # "made clear his aim": the parse may hang the adjective on the object.
            for g in ann.children[c] if t.dep in ("ccomp", "dobj") else ():
                if g == k + 1 and ann.tokens[g].dep == "acomp" and \
                        f"{lemma} {ann.tokens[g].text.lower()}" in w.phrasal_speech_verbs:
                    return g
        return None

    def is_according(self, k: int) -> bool:
        return is_according(self.ann, k, self.w)

    def outside_complement(self, k: int, q_i: int) -> int:
        """How many content words of verb ``k``'s complement lie outside quote ``q_i``."""
        count = 0
        for c in self.ann.children[k]:
            if self.ann.tokens[c].dep in _COMPLEMENTS:
                for j in subtree_set(self.ann, c):
                    t = self.ann.tokens[j]
                    if self.quote_of[j] != q_i and t.pos != "PUNCT" and t.dep != "mark":
                        count += 1
        return count

    def second_cue_of(self, k: int) -> int | None:
        """The cue whose second verb ``k`` is: "Warren said the coalition had provided support and denied that …"
        is parsed with "denied" joined to "provided". A verb of saying or stance with no subject of its own, in the
        cue's own tense ("said … and denied", "says … and tells", "insists … and has championed") beside a clause
        verb in another ("had provided", "would sit", "be left"), is the speaker's, not part of what was said;
        in the same tense ("said the coalition provided … and denied") it may be either, and stays inside."""
        ann = self.ann
        tok = ann.tokens[k]
        if tok.dep != "conj" or not (self.is_cue(k, quoting=False) or self.takes_a_stance(k)):
            return None
        if any(ann.tokens[c].dep in ("nsubj", "nsubjpass") for c in ann.children[k]):
            return None
        joined = clause = tok.head
        while ann.tokens[clause].dep == "xcomp" and ann.tokens[clause].head != clause:
            clause = ann.tokens[clause].head  # "would take a year to rebuild and tells …": joined to "rebuild"
        cue = ann.tokens[clause].head
        if ann.tokens[clause].dep != "ccomp" or not cue < clause < k or not self.is_cue(cue, quoting=False):
            return None
        tense = ann.tokens[cue].tag
        if tense not in ("VBD", "VBZ") or self._finite_tag(k) != tense:
            return None
        plain = not any(ann.tokens[c].dep in ("aux", "auxpass") for c in ann.children[joined])
        return None if plain and ann.tokens[joined].tag == tense else cue

    def _finite_tag(self, k: int) -> str:
        """The tag of the word that carries a verb's tense: its first auxiliary, else the verb."""
        ann = self.ann
        aux = [c for c in ann.children[k] if c < k and ann.tokens[c].dep in ("aux", "auxpass")]
        return ann.tokens[min(aux)].tag if aux else ann.tokens[k].tag

    def takes_a_stance(self, k: int) -> bool:
        """Whether the verb at ``k`` is one of the language's verbs of stance, force of words, or characterising."""
        w, lemma = self.w, self.ann.tokens[k].lemma.lower()
        return self.ann.tokens[k].pos == "VERB" and (
            lemma in w.stance_verbs or lemma in w.verbal_force_verbs or lemma in w.characterize_verbs)

    def speaker_of(self, k: int) -> int | None:
        if k in self.speaker_hint:
            return self.speaker_hint[k]
        if self.is_according(k):
            return according_object(self.ann, k, self.w)
        if (cue := self.second_cue_of(k)) is not None:
            return self.speaker_of(cue)
        if (sender := self._sender(k)) is not None:
            return sender
        if (outer := self._cue_over_reported_clause(k)) is not None:
            return self.speaker_of(outer)
        head = subject_of(self.ann, k)
        if head is not None and self.quote_of[head] != -1:
            head = None
        if head is None and (before := self._cue_before_participle(k)) is not None:
            return self.speaker_of(before)
        if head is None:
            head = self._subject_left(k)
        return head

    def _sender(self, k: int) -> int | None:
        """ "The council issued a statement saying …", "sent a letter to the governor urging …": a participle that
        describes a document someone put out speaks for whoever put it out (PolNeAR's source); "a petition
        calling for …" with no one putting it out speaks for itself (None here)."""
        ann, w = self.ann, self.w
        tok = ann.tokens[k]
        if tok.tag != "VBG" or tok.dep != "acl" or tok.head == k:
            return None
        noun = tok.head
        up = ann.tokens[noun].head
        if ann.tokens[noun].dep == "pobj" and ann.tokens[up].dep in ("prep", "dative") and ann.tokens[up].head < noun:
            # "sent an email to supporters stating …": the addressee is not the document, whichever word the
            # parse hung "to supporters" on
            noun = ann.tokens[up].head
            if ann.tokens[noun].pos in ("VERB", "AUX"):
                noun = next((c for c in ann.children[noun] if ann.tokens[c].dep == "dobj"), noun)
        lemma = ann.tokens[noun].lemma.lower()
        verb = ann.tokens[noun].head
        if lemma not in w.document_nouns | w.statement_nouns or ann.tokens[noun].dep != "dobj" or \
                ann.tokens[verb].lemma.lower() not in w.issuing_verbs:
            return None  # "cited a memo saying …": the memo speaks, cited by someone else
        sender = subject_of(ann, verb)
        return sender if sender is not None and self.quote_of[sender] == -1 else None

    def _subject_left(self, k: int) -> int | None:
        """ "At the club, where dues are high, Jay Ruiz, its manager, suggested that …": a finite cue the parse gave
        no subject (it hung the name on the phrase before) speaks with the noun phrase that ends right before it
        — the name, climbing from its apposition (and from a place that ends the role: "a spokesman in Baghdad,"),
        not the phrase the name was hung on."""
        ann = self.ann
        tok = ann.tokens[k]
        if tok.pos != "VERB" or not (tok.tag in ("VBD", "VBZ", "VBP") or any(
                ann.tokens[c].dep == "aux" for c in ann.children[k])) or tok.dep not in ("ROOT", "ccomp"):
            return None
        if any(ann.tokens[c].dep in ("nsubj", "nsubjpass", "csubj", "expl") for c in ann.children[k]):
            return None
        for aux in ann.children[k]:  # "So I don't doubt …": the parse may hang the subject on the auxiliary
            if aux < k and ann.tokens[aux].dep == "aux":
                subject = next((c for c in ann.children[aux] if ann.tokens[c].dep == "nsubj"), None)
                if subject is not None:
                    return subject
        sentence = self.sentence_range(k)
        j = k - 1
        while j > sentence.start and ann.tokens[j].head == k and ann.tokens[j].dep in ("aux", "neg", "advmod"):
            j -= 1
        if j > sentence.start and ann.tokens[j].text == ",":
            j -= 1
        if j <= sentence.start or self.quote_of[j] != -1 or ann.tokens[j].pos not in ("NOUN", "PROPN", "PRON"):
            return None
        while ann.tokens[j].dep in ("conj", "compound") and sentence.start <= ann.tokens[j].head < j:
            j = ann.tokens[j].head
        j = self._noun_of_phrase(j, sentence)
        head = ann.tokens[j].head
        if ann.tokens[j].dep == "appos" and ann.tokens[j].pos == "NOUN" and sentence.start <= head < j and \
                ann.tokens[head].pos == "PROPN":
            j = head  # "Jay Ruiz, its manager,": the name the role describes
        if ann.tokens[j].dep in ("dobj", "pobj", "attr", "poss") or self.quote_of[j] != -1 or \
                ann.tokens[j].ent_type in ("DATE", "TIME", "GPE", "LOC", "FAC"):
            return None  # "last week said …", "…, speaking in Charleston, West Virginia, did not …": no speaker
        return j

    def _noun_of_phrase(self, j: int, sentence: range) -> int:
        """The noun a phrase ending at ``j`` modifies: "a military spokesman in Baghdad" ends on "Baghdad", is
        about the spokesman."""
        ann = self.ann
        while ann.tokens[j].dep == "pobj":
            prep = ann.tokens[j].head
            noun = ann.tokens[prep].head
            if ann.tokens[prep].dep != "prep" or not sentence.start <= noun < prep or \
                    ann.tokens[noun].pos not in ("NOUN", "PROPN"):
                break
            j = noun
        return j

    def _cue_over_reported_clause(self, k: int) -> int | None:
        """ 'It said 14 soldiers were killed and 15 wounded, adding …': a participle set off by a comma at the end
        of a reported clause goes on with the cue before it that reports the clause, not with the clause's own
        subject, though the parse hangs it on the clause's verb."""
        ann = self.ann
        tok = ann.tokens[k]
        if tok.tag != "VBG" or tok.dep != "advcl" or k < 1 or ann.tokens[k - 1].text != ",":
            return None
        j = tok.head
        while ann.tokens[j].dep == "conj" and ann.tokens[j].head != j:
            j = ann.tokens[j].head
        outer = ann.tokens[j].head
        # the cue comes first ("he allegedly called out, threatening the woman, police said" is the man's threat)
        # and neither it nor the cue is in a quote, and the clause is no report of its own ('"She said, 'well …'"
        # Rozen said, noting …')
        if ann.tokens[j].dep != "ccomp" or not outer < j or self.quote_of[j] != -1 or self.quote_of[outer] != -1 or \
                self.is_cue(j, quoting=True) or not self.is_cue(outer, quoting=True):
            return None
        return outer

    def _cue_before_participle(self, k: int) -> int | None:
        """ '“…,” he said, adding that …', '…, said Skelly, explaining …': a participle of saying right after the
        comma that closes another cue and its speaker goes on with that speaker, wherever the parse hung it."""
        ann = self.ann
        if ann.tokens[k].tag != "VBG" or k < 2 or ann.tokens[k - 1].text != ",":
            return None
        j = k - 2
        sentence = self.sentence_range(k)
        for _ in range(8):  # back over the speaker's words: "said Jock Finlayson, the council's head, adding"
            if j < sentence.start or self.quote_of[j] != -1:
                return None
            tok = ann.tokens[j]
            if tok.pos == "VERB" and self.is_cue(j, quoting=True) and (
                    subject_of(ann, j) is not None or j in self.speaker_hint):
                return j
            if tok.pos not in ("PROPN", "NOUN", "PRON", "DET", "ADJ", "PUNCT") and tok.dep != "compound" and \
                    not tok.text.istitle():  # the tagger may take a surname for an adverb ("said Skelly, …")
                return None
            j -= 1
        return None

    def cue_tokens(self, k: int) -> tuple[int, ...]:
        """The tokens of the cue at ``k``: the verb, or every word of "according to"."""
        if self.is_according(k):
            return tuple(range(k, k + according_length(self.ann, k, self.w)))
        part = self.phrasal_part(k)
        return (k,) if part is None else (k, part)
