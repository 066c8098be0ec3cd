"""The publication anchor written in a report's own header: a dateline ("KABUL, Afghanistan (Aug. 6, 2012)",
"LONDON, March 3 (Reuters) -"), a dated title line ("May 11: Afghan-ISAF Operations in ..."), or a date on the
first line; a press-release id ("2012-08-S-012") supplies the year a dateline leaves out.

Rules, from the ISAF releases (dev set: 208 releases, 2009-2013):
- only the first ``_HEADER`` characters are read: a dateline further down is a quoted or cited one;
- a dateline without a year takes it from the release id, choosing the year (id year -1, 0, +1) that puts the
  date nearest the id's month ("(Jan. 3)" under "2010-12-..." is 2011-01-03); without an id, from a year
  written in the header before the dateline; otherwise the date stays unknown (never today's year);
- the dateline wins over a title date, which wins over a date on the first line;
- a header with a release id and no date at all ("2011-07-S-039" and no dateline) is dated to the id's month
  only (``kind="release_id"``, ``date=None``, ``month=(2011, 7)``): the day is not in the text; so is a text
  that opens with a month ("date 2024-03 ...", a page's date widget: ``kind="header_month"``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache

from sitrep.extract.common.records import Dateline
from sitrep.extract.times.periods import Period
from sitrep.extract.times.rules import find_candidates
from sitrep.extract.times.words import TimesWords
from sitrep.model import Precision

_HEADER = 600
_BREAK = r"(?:^|(?<=[\n\u2028\u2029]))[ \t\u00a0]*"
_PLACE = r"[A-Z][A-Za-z.'\- ]{2,40}(?:,\s*[A-Z][A-Za-z.'\- ]{1,30})?"
# "KABUL, Afghanistan (Aug. 6, 2012)": the date in brackets after a place in capitals.
_BRACKETED = re.compile(rf"{_BREAK}(?P<place>{_PLACE})\s*\((?P<date>[^()\n\u2028]{{3,30}})\)", re.MULTILINE)
_RELEASE_ID = re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-[A-Z]{1,3}\s*[-–]\s*\d{1,4}\b")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# A text that opens with a month, perhaps after one word ("date 2024-03 ...", a page's date widget): the month.
_HEADER_MONTH = re.compile(r"\A\s*(?:[^\W\d_]+[ \t]+)?(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])(?=\s|\Z)")


@lru_cache(maxsize=8)
def _header_patterns(w: TimesWords) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """"LONDON, March 3 (Reuters) -" or "MOGADISHU, March 6 -": the date after the place, before the agency or
    the dash that opens the story; "May 11: Afghan-ISAF Operations ...": a title opening with a day and a colon.
    The date's shape is the language's."""
    agency = re.compile(rf"{_BREAK}(?P<place>{_PLACE}),\s+(?P<date>{w.header_date})(?:\s*\([^()\n]{{1,40}}\)|\s*(?:--?|–|—)\s)",
                        re.MULTILINE)
    title = re.compile(rf"\A\s*(?P<date>{w.header_date}):\s")
    return agency, title


@lru_cache(maxsize=16)  # asked by the pipeline and by the times stage for the same text
def find_dateline(text: str, w: TimesWords) -> Dateline | None:
    """The header's publication anchor, or None if the header has no date."""
    head = text[:_HEADER]
    release = _RELEASE_ID.search(head)
    agency, title = _header_patterns(w)
    for pattern, kind in ((_BRACKETED, "dateline"), (agency, "dateline")):
        for m in pattern.finditer(head):
            # a place in ordinary case is a dateline only with its date then an agency or a dash ("Bamako, 14 mars
            # 2024 (AFP) -"): the agency pattern asks for both
            if m.group("place").strip().isupper() or "," in m.group("place") or pattern is agency:
                found = _dated(w, head, m.start("date"), m.end("date"), release)
                if found is not None:
                    date, year_from = found
                    return Dateline(start=m.start("date"), end=m.end("date"), date=date, body_start=m.end(),
                                    kind=kind, year_from=year_from)
    m = title.match(head)
    if m:
        found = _dated(w, head, m.start("date"), m.end("date"), release)
        if found is not None:
            return Dateline(start=m.start("date"), end=m.end("date"), date=found[0],
                            body_start=_line_end(text, m.end()), kind="title", year_from=found[1])
    first_end = _line_end(text, 0)
    for cand in find_candidates(head[:first_end], w):
        if cand.precision is Precision.DAY and cand.year is not None and cand.year.kind == "abs" and cand.build \
                and _the_pages_own(head[:first_end], cand.start, cand.end, w):
            period = cand.build(cand.year.n)
            if period is not None:
                return Dateline(start=cand.start, end=cand.end, date=period.start, body_start=first_end,
                                kind="first_line", year_from="text")
    if release is not None:
        return Dateline(start=release.start(), end=release.end(), date=None,
                        body_start=_line_end(text, release.end()), kind="release_id", year_from="release_id",
                        month=(int(release.group("y")), int(release.group("m"))))
    month = _HEADER_MONTH.match(head)
    if month is not None:
        return Dateline(start=month.start("y"), end=month.end("m"), date=None, body_start=month.end(),
                        kind="header_month", year_from="header_month", month=(int(month.group("y")), int(month.group("m"))))
    return None


# What may follow a page's own date on its first line: a clock time ("2:36 pm", "à 21:22", "20: 09 IST"), a
# separator or an agency's name in brackets ("mardi 28/11/2023 - Plusieurs affrontements", "| AFP", "(dépêche)"), or
# the dateline that opens the story ("Gannett March 24, 2009 MANSFIELD --").
_CLOCK_AFTER = re.compile(r"\A[\s,]*(?:[^\W\d_]{1,3}\s+)?\d{1,2}\s*[:hH]\s*\d{2}")
_SEPARATOR_AFTER = re.compile(r"\A\s*(?:[-–—|(]|$|[^\W\d_a-z]{3,}\b)")
_STANDS_ALONE = 12  # letters besides the date on a line that is only a date ("Friday August 19 2011")
_PUBLISHED_BEFORE = 40  # characters before the date where "Updated", "Publié le" is looked for


def _the_pages_own(line: str, start: int, end: int, w: TimesWords) -> bool:
    """A date on the first line is when the page was put out when the line opens with it or is that date alone, or
    the date has a clock time, a separator or a dateline after it, or a publishing word before it ("Updated at 1:33 p.m. on Thursday, March
    29, 2018"); a date told inside a sentence there (a photo caption's "after twin blasts ... on June 23, 2017", a
    lead's "L'attaque, survenue le 12 juin 2023, ...") dates what the sentence tells, not the page."""
    rest = line[:start] + line[end:]
    if not line[:start].strip() or len(re.sub(r"[\W\d_]", "", rest)) <= _STANDS_ALONE:
        return True
    after = line[end:]
    if _CLOCK_AFTER.match(after) or _SEPARATOR_AFTER.match(after):
        return True
    return w.publishing_words.search(line[max(0, start - _PUBLISHED_BEFORE):start]) is not None


def _dated(w: TimesWords, head: str, start: int, end: int, release: re.Match[str] | None
           ) -> tuple[dt.date | None, str | None] | None:
    """The date of the words head[start:end] (None with no year to be had), or None if they are not a day."""
    for cand in find_candidates(head[:end], w):
        if cand.start < start or cand.precision is not Precision.DAY or cand.year is None or cand.build is None:
            continue
        if cand.year.kind == "abs":
            period = cand.build(cand.year.n)
            return (period.start, "text") if period else None
        if cand.year.kind != "missing":
            return None
        if release is not None:
            return _nearest(cand.build, int(release.group("y")), int(release.group("m"))), "release_id"
        years = _YEAR.findall(head[:start])
        if years:
            period = cand.build(int(years[-1]))
            return (period.start if period else None), "header_year"
        probe = cand.build(2000)  # a leap year: only checks that the day exists
        return (None, None) if probe is not None else None
    return None


def _nearest(build: Callable[[int], Period | None], year: int, month: int) -> dt.date | None:
    """The reading of a yearless day nearest the middle of the release id's month."""
    target = dt.date(year, month, 15)
    options = [p.start for p in (build(y) for y in (year - 1, year, year + 1)) if p is not None]
    return min(options, key=lambda d: abs((d - target).days)) if options else None


def _line_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(c, pos) for c in "\n\u2028\u2029") if i >= 0]
    return min(ends) + 1 if ends else len(text)

