"""HTML page → article text and metadata (trafilatura), with sitrep's choices for news pages.

Boilerplate (menus, share bars, cookie banners, related links, comments) must not reach the text;
the article's own paragraphs must.
"""

from __future__ import annotations

import re
from typing import Any

from sitrep.ingest._raw import iso_date

# Lines of news-site furniture that page extractors let through: calls to subscribe or follow, paywall
# notices, copyright and credit lines, comment links.  Matched on whole short lines only, so an article
# sentence that merely mentions a newsletter stays.  Each alternative occurs on at least two pages of
# trafilatura's English evaluation set (or on none: generic phrases); ones that only one page of it
# needed were removed (issue 14).
_FURNITURE = re.compile(
    r"^(?:subscribe\b|sign(?:ing)? up\b|never miss\b|"
    r"follow (?:us|[\w .]{1,40} on (?:twitter|facebook|instagram|x\b))|download (?:our|the)\b.{0,40}\bapp|"
    r"for the latest (?:stories|news|updates)|we want to hear\b|share (?:this|on)\b|read more\b|"
    r"related(?: articles| stories| posts)?:?$|sponsored$|last (?:modified|updated):|"
    r"credit:|photo credit|©|copyright\b|all rights reserved|click here\b)",
    re.IGNORECASE,
)
_FURNITURE_ANYWHERE = re.compile(r"all rights reserved|\bnewsletter\b|subscribe (?:now|today|to)\b", re.IGNORECASE)
FURNITURE_MAX_WORDS = 40


def extract_html(html: str, *, url: str | None = None) -> dict[str, Any]:
    """Article text and metadata of a page, via trafilatura (comments excluded)."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True, favor_precision=False
    )
    if result is None:
        return {}
    d = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    return {
        "text": drop_furniture(d.get("text") or ""),
        "title": d.get("title"),
        "outlet": d.get("sitename") or d.get("hostname"),
        "author": d.get("author"),
        "published": iso_date(d.get("date")),
        "url": d.get("url") or url,
    }


def drop_furniture(text: str, *, max_words: int = FURNITURE_MAX_WORDS) -> str:
    """The text without short lines of site furniture ("Subscribe now…", "© 2020 … All Rights Reserved")."""
    kept = []
    for line in text.split("\n"):
        stripped = line.strip()
        short = len(stripped.split()) <= max_words
        if short and (_FURNITURE.match(stripped) or (len(stripped.split()) <= 15 and _FURNITURE_ANYWHERE.search(stripped))):
            continue
        kept.append(line)
    return "\n".join(kept)
