"""The citations stage: references to other publications, "(Title, Outlet, 27 October 2015)" or inline.

Passes: bracketed references (split into title, outlet, author and date; "(Anbar, Iraq, 2014)" is a place
and a date, not a publication) → inline mentions of another outlet's report → text order.

Only references with an outlet-like part and a date or a title count, so "(IS)" or "(left)" do not.
Relative dates ("on Monday") stay as written; resolving them is the times stage's job. The words and
patterns are the language's (``lang/<code>/citations.yaml``).
"""

from __future__ import annotations

import logging
import re
from datetime import date

from sitrep.extract.citations.words import CitationWords, citation_words
from sitrep.lang import Lexicon, default_lexicon
from sitrep.model import Annotations, Citation, Evidence, stable_id

log = logging.getLogger(__name__)

EXTRACTOR = "citations@2"
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PAREN = re.compile(r"\(([^()\n]{4,400})\)")
_YEAR_PART = re.compile(r"\d{4}")


def extract_citations(ann: Annotations, *, lexicon: Lexicon | None = None) -> list[Citation]:
    """Parenthesised references and inline mentions of another outlet's report, in text order."""
    w = citation_words(lexicon or default_lexicon())
    found = bracketed_citations(ann, w)
    found += inline_citations(ann, w, taken=[(c.evidence[0].start, c.evidence[0].end) for c in found])
    found.sort(key=lambda c: c.evidence[0].start)
    log.debug("citations: %d found", len(found))
    return found


def bracketed_citations(ann: Annotations, w: CitationWords) -> list[Citation]:
    text = ann.text
    places = {text[e.start:e.end] for e in ann.entities if e.label in _PLACE_LABELS}
    found = []
    for m in _PAREN.finditer(text):
        citation = _from_parentheses(w, text, m.start(), m.end(), m.group(1))
        # "(Anbar, Iraq, 2014)", "(Kirkuk, 12 May 2016)": a place and a date, not a publication.
        if citation is not None and citation.outlet not in places:
            found.append(citation)
    return found


def inline_citations(ann: Annotations, w: CitationWords, *, taken: list[tuple[int, int]]) -> list[Citation]:
    text = ann.text
    found = []
    for rx in w.inline:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            outlet = _trim_outlet(w, m.group("outlet"))
            if outlet is None:
                continue
            raw_date = m.group("date")
            found.append(Citation(id=stable_id("ci", m.start(), m.end()), outlet=outlet,
                                  date=normalize_date(raw_date, lexicon=w) if raw_date else None,
                                  evidence=(ann.evidence(m.start(), m.end()),), extractor=EXTRACTOR))
            taken.append((m.start(), m.end()))
    return found


def _from_parentheses(w: CitationWords, text: str, start: int, end: int, inner: str) -> Citation | None:
    parts = [p.strip() for p in inner.split(",")]
    if len(parts) < 2 or any(not p for p in parts):
        return None
    # "October 27, 2015" was split at its comma: put it back together.
    if len(parts) >= 3 and _YEAR_PART.fullmatch(parts[-1]) and w.split_day.search(parts[-2]):
        parts = [*parts[:-2], f"{parts[-2]}, {parts[-1]}"]
    when = None
    if _date_form(w, parts[-1]) is not None:
        when = normalize_date(parts[-1], lexicon=w)
        parts = parts[:-1]
    author = None
    by = [p for p in parts if p.lower().startswith(w.author_opener)]
    if by:
        author = by[0][len(w.author_opener):].strip()
        parts = [p for p in parts if p is not by[0]]
    if not parts or not is_outlet_like(parts[-1], lexicon=w):
        return None
    outlet, rest = parts[-1], parts[:-1]
    title = ", ".join(rest) if rest else None
    if title is not None:
        m = w.by_author.match(title)
        if m and author is None:
            title, author = m.group("title"), m.group("author")
        title = title.strip(" \"'“”‘’")
        if not _is_title_like(title):
            return None
    if when is None and title is None:
        return None
    return Citation(id=stable_id("ci", start, end), title=title, outlet=outlet, author=author, date=when,
                    evidence=(Evidence.of(text, start, end),), extractor=EXTRACTOR)


def _words_of(lexicon: Lexicon | CitationWords | None) -> CitationWords:
    return lexicon if isinstance(lexicon, CitationWords) else citation_words(lexicon or default_lexicon())


def is_outlet_like(part: str, *, lexicon: Lexicon | CitationWords | None = None) -> bool:
    """A short capitalised name: "Al-Monitor", "The National", "Fars News Agency", "BBC"."""
    w = _words_of(lexicon)
    words = part.split()
    if not 1 <= len(words) <= 6 or _date_form(w, part) is not None or not part[:1].isupper():
        return False
    return all(w.outlet_word.match(x) or x.lower() in w.outlet_glue for x in words)


def _is_title_like(title: str) -> bool:
    words = title.split()
    return 3 <= len(words) <= 40 and (title[:1].isupper() or title[:1].isdigit())


def _trim_outlet(w: CitationWords, outlet: str) -> str | None:
    """Drop a trailing glue word the pattern may have swallowed; refuse sentence-initial function words."""
    words = outlet.split()
    while words and words[-1].lower() in w.outlet_glue:
        words.pop()
    if not words or words[0] in w.not_outlet_openers or _date_form(w, " ".join(words)):
        return None
    if words[0].lower() in w.months or w.weekday.fullmatch(words[0]):
        return None
    return " ".join(words)


def _date_form(w: CitationWords, s: str) -> re.Match[str] | None:
    for rx in w.date_forms:
        m = rx.fullmatch(s.strip())
        if m:
            return m
    return None


def normalize_date(s: str, *, lexicon: Lexicon | CitationWords | None = None) -> str:
    """ISO 8601 when the date is absolute and unambiguous ("2015-10-27", "2015-10", "2015"), else the text."""
    w = _words_of(lexicon)
    m = _date_form(w, s)
    if m is None:
        return s
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if year is None:
        return s  # "Monday", "27 October": needs an anchor
    if groups.get("month"):
        month = w.months[groups["month"].lower().rstrip(".")]
    elif groups.get("mon"):
        month = int(groups["mon"])
    elif groups.get("a"):
        a, b = int(groups["a"]), int(groups["b"])
        if a == b or (a > 12) == (b > 12):
            return s  # 03/04/2015: day-month or month-day, the text does not say
        month, groups["day"] = (b, str(a)) if a > 12 else (a, str(b))
    else:
        return f"{year:04d}"
    if not groups.get("day"):
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, int(groups["day"])).isoformat()
    except ValueError:
        return s


__all__ = ["EXTRACTOR", "extract_citations", "is_outlet_like", "normalize_date"]
