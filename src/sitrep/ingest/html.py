"""HTML page → article text and metadata (trafilatura), with sitrep's choices for news pages.

Boilerplate (menus, share bars, cookie banners, related links, comments) must not reach the text;
the article's own paragraphs must.
"""

from __future__ import annotations

from typing import Any


def extract_html(html: str, *, url: str | None = None) -> dict[str, Any]:
    """Article text and metadata of a page, via trafilatura (comments excluded)."""
    import trafilatura

    from sitrep.ingest.documents import iso_date

    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=False
    )
    if result is None:
        return {}
    d = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    return {
        "text": d.get("text") or "",
        "title": d.get("title"),
        "outlet": d.get("sitename") or d.get("hostname"),
        "author": d.get("author"),
        "published": iso_date(d.get("date")),
        "url": d.get("url") or url,
    }
