"""The citations stage: references to other publications, "(Title, Outlet, 27 October 2015)" or inline.

Only references with an outlet-like part and a date or a title count, so "(IS)" or "(left)" do not.
Relative dates ("on Monday") stay as written; resolving them is the times stage's job.
"""

from __future__ import annotations

import logging
import re
from datetime import date

from sitrep.model import Annotations, Citation, Evidence, stable_id

log = logging.getLogger(__name__)

EXTRACTOR = "citations@2"
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ANY_MONTH = r"(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DATE_FORMS = [
    re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})", re.I),
    re.compile(rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})", re.I),
    re.compile(r"(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})"),
    re.compile(rf"{_MONTH}\s+(?P<year>\d{{4}})", re.I),
    re.compile(r"(?P<year>(?:19|20)\d{2})"),
    re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4})"),
    re.compile(rf"(?:{_WEEKDAY}|(?:\d{{1,2}}\s+{_ANY_MONTH})|(?:{_ANY_MONTH}\s+\d{{1,2}}))", re.I),
]
_PAREN = re.compile(r"\(([^()\n]{4,400})\)")
_BY_AUTHOR = re.compile(r"^(?P<title>.+?)\s+by\s+(?P<author>[A-Z][\w.'’-]*(?:\s+(?:al-|bin\s+|de\s+)?[A-Z][\w.'’-]*){1,3})$")
_OUTLET_WORD = re.compile(r"^(?:[A-Z0-9][\w&.'’+-]*|al-[A-Z][\w'’-]*|el-[A-Z][\w'’-]*|&)$")
_OUTLET_GLUE = frozenset({"of", "the", "and", "for", "on", "de", "al", "el", "in"})
_OUTLET = r"(?:[A-Z][\w&.'’-]*|al-[A-Z][\w'’-]*)(?:\s(?:of\s|the\s)?(?:[A-Z][\w&.'’-]*|al-[A-Z][\w'’-]*)){0,4}"
_DOC_NOUN = r"(?:report|article|story|investigation|analysis|dispatch|broadcast|interview|documentary)"
_DATEISH = (rf"(?:{_WEEKDAY}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_ANY_MONTH}(?:,?\s+\d{{4}})?|{_ANY_MONTH}\s+\d{{4}}"
            rf"|{_ANY_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?|(?:19|20)\d{{2}})\b")
_INLINE = [
    re.compile(rf"\b[Aa]ccording to (?:an?|the) (?:(?:recent|new|latest|separate) )?(?P<outlet>{_OUTLET}) "
               rf"{_DOC_NOUN}(?: (?:published |released |aired )?(?:on|from|dated|of|in) (?P<date>{_DATEISH}))?"),
    re.compile(rf"\b(?:[Aa]n?|[Tt]he) (?:(?:recent|new|latest|separate) )?{_DOC_NOUN} "
               rf"(?:by|in|from|published by|published in|aired by) (?:the )?(?P<outlet>{_OUTLET})"
               rf"(?: (?:published |released |aired )?(?:on|from|dated|of|in) (?P<date>{_DATEISH}))?"),
]


def extract_citations(ann: Annotations) -> list[Citation]:
    """Parenthesised references and inline mentions of another outlet's report, in text order."""
    text = ann.text
    found: list[Citation] = []
    places = {text[e.start:e.end] for e in ann.entities if e.label in _PLACE_LABELS}
    for m in _PAREN.finditer(text):
        citation = _from_parentheses(text, m.start(), m.end(), m.group(1))
        # "(Anbar, Iraq, 2014)", "(Kirkuk, 12 May 2016)": a place and a date, not a publication.
        if citation is not None and citation.outlet not in places:
            found.append(citation)
    taken = [(c.evidence[0].start, c.evidence[0].end) for c in found]
    for rx in _INLINE:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            outlet = _trim_outlet(m.group("outlet"))
            if outlet is None:
                continue
            raw_date = m.group("date")
            found.append(Citation(id=stable_id("ci", m.start(), m.end()), outlet=outlet,
                                  date=normalize_date(raw_date) if raw_date else None,
                                  evidence=(ann.evidence(m.start(), m.end()),), extractor=EXTRACTOR))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda c: c.evidence[0].start)
    log.debug("citations: %d found", len(found))
    return found


def _from_parentheses(text: str, start: int, end: int, inner: str) -> Citation | None:
    parts = [p.strip() for p in inner.split(",")]
    if len(parts) < 2 or any(not p for p in parts):
        return None
    # "October 27, 2015" was split at its comma: put it back together.
    if len(parts) >= 3 and re.fullmatch(r"\d{4}", parts[-1]) and re.search(r"\d{1,2}(?:st|nd|rd|th)?$", parts[-2]):
        parts = [*parts[:-2], f"{parts[-2]}, {parts[-1]}"]
    when = None
    if _date_form(parts[-1]) is not None:
        when = normalize_date(parts[-1])
        parts = parts[:-1]
    author = None
    by = [p for p in parts if p.lower().startswith("by ")]
    if by:
        author = by[0][3:].strip()
        parts = [p for p in parts if p is not by[0]]
    if not parts or not is_outlet_like(parts[-1]):
        return None
    outlet, rest = parts[-1], parts[:-1]
    title = ", ".join(rest) if rest else None
    if title is not None:
        m = _BY_AUTHOR.match(title)
        if m and author is None:
            title, author = m.group("title"), m.group("author")
        title = title.strip(" \"'“”‘’")
        if not _is_title_like(title):
            return None
    if when is None and title is None:
        return None
    return Citation(id=stable_id("ci", start, end), title=title, outlet=outlet, author=author, date=when,
                    evidence=(Evidence.of(text, start, end),), extractor=EXTRACTOR)


def is_outlet_like(part: str) -> bool:
    """A short capitalised name: "Al-Monitor", "The National", "Fars News Agency", "BBC"."""
    words = part.split()
    if not 1 <= len(words) <= 6 or _date_form(part) is not None or not part[:1].isupper():
        return False
    return all(_OUTLET_WORD.match(w) or w.lower() in _OUTLET_GLUE for w in words)


def _is_title_like(title: str) -> bool:
    words = title.split()
    return 3 <= len(words) <= 40 and (title[:1].isupper() or title[:1].isdigit())


def _trim_outlet(outlet: str) -> str | None:
    """Drop a trailing glue word the regex may have swallowed; refuse sentence-initial function words."""
    words = outlet.split()
    while words and words[-1].lower() in _OUTLET_GLUE:
        words.pop()
    if not words or words[0] in ("The", "A", "An", "It", "He", "She", "They") or _date_form(" ".join(words)):
        return None
    if words[0].lower() in _MONTHS or re.fullmatch(_WEEKDAY, words[0]):
        return None
    return " ".join(words)


def _date_form(s: str) -> re.Match[str] | None:
    for rx in _DATE_FORMS:
        m = rx.fullmatch(s.strip())
        if m:
            return m
    return None


def normalize_date(s: str) -> str:
    """ISO 8601 when the date is absolute and unambiguous ("2015-10-27", "2015-10", "2015"), else the text."""
    m = _date_form(s)
    if m is None:
        return s
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if year is None:
        return s  # "Monday", "27 October": needs an anchor
    if groups.get("month"):
        month = _MONTHS[groups["month"].lower().rstrip(".")]
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
