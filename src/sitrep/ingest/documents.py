"""Turn raw input (plain text, HTML, bytes) into a clean ``Document``, or say why not.

Checks run before any NLP: binary content, broken encodings, empty or huge texts
and texts in a language sitrep does not read (``sitrep.lang``) are rejected with an
``IngestError`` whose ``code`` becomes the failure record's code. A text's language is
identified here and recorded on the ``Document``; it picks the pipeline that reads it.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from typing import Any

from sitrep.errors import ExtractionError, IngestError
from sitrep.ingest._raw import iso_date
from sitrep.ingest.html import extract_html
from sitrep.model import Document

log = logging.getLogger(__name__)

MAX_CHARS = 1_000_000
MIN_WORDS = 3

_HTML_SNIFF = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_WORD = re.compile(r"[^\W\d_]+")


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.match(text[:2000]))


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def decode_bytes(data: bytes, *, source: str = "") -> str:
    """Decode bytes as UTF-8 (with BOM) or fail clearly; binary data is refused."""
    return decode_guess(data, source=source)[0]


def decode_guess(data: bytes, *, source: str = "") -> tuple[str, str | None]:
    """The text of ``data`` and the codec used when it was not UTF-8 (None for UTF-8).

    UTF-16 and UTF-32 text with a byte-order mark is decoded (its NUL bytes are not binary); other bytes
    with NULs are refused as binary.  Bytes that are not UTF-8 are decoded with the charset the page
    declares, else as Windows-1252 when they decode cleanly, and the codec is returned so that the
    document records the guess; otherwise the input is refused rather than garbled."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                text = ""
            if text and not _odd_characters(text):
                return text, codec
            raise IngestError(f"{source or 'input'} starts with a {codec.upper()} byte-order mark but is not "
                              f"{codec.upper()} text: re-encode it as UTF-8", code="encoding")
    if b"\x00" in data[:8192]:
        raise IngestError(f"{source or 'input'} looks binary (it contains NUL bytes): give text, HTML or JSON",
                          code="binary")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        declared = _declared_charset(data)
        if declared:
            try:
                return data.decode(declared), declared
            except (LookupError, UnicodeDecodeError):
                log.debug("%s declares %s but does not decode as it", source, declared)
        # Windows-1252 is the usual non-UTF-8 encoding of English news pages; accept it only when
        # the bytes decode cleanly, otherwise the input is refused rather than garbled.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise IngestError(
                f"{source or 'input'} is not valid UTF-8 (byte {exc.start}): re-encode it as UTF-8", code="encoding"
            ) from exc
        log.info("%s is not UTF-8; decoded as Windows-1252 (recorded as the document's encoding)", source or "input")
        return text, "cp1252"


def _odd_characters(text: str) -> bool:
    """Unassigned, private-use or control characters near the start: bytes that only look like UTF-16."""
    return any(unicodedata.category(ch) in ("Cn", "Co", "Cs") or (unicodedata.category(ch) == "Cc" and ch not in "\t\n\r")
               for ch in text[:4096])


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


def _declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in a ``<meta charset>`` or an XML declaration (legacy pages: windows-1256, koi8-r…)."""
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return m.group(1).decode("ascii").lower() if m else None


def clean_text(text: str) -> str:
    """Normalise whitespace and line breaks; paragraphs end up separated by one newline."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    # Unicode's own line and paragraph separators (press releases use them) are line breaks like any other
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n")
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return _BLANK_LINES.sub("\n\n", text).strip()


def check_text(text: str, *, source: str = "", max_chars: int = MAX_CHARS) -> None:
    if not text.strip():
        raise IngestError(f"{source or 'input'} has no text", code="empty")
    if len(text) > max_chars:
        raise IngestError(
            f"{source or 'input'} has {len(text):,} characters, more than the limit of {max_chars:,}: split it",
            code="too_large",
        )
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS:
        raise IngestError(f"{source or 'input'} has only {len(words)} words", code="empty")


def text_language(text: str, *, source: str = "", language: str | None = None) -> str:
    """The language sitrep reads ``text`` in: the one the metadata declares when sitrep reads it ("fr", "en-US",
    "fr_FR"), else the identified one (``ingest._language``); a language sitrep does not read is refused, naming
    it. A declaration sitrep cannot use ("English", "de") is not trusted over the text itself."""
    from sitrep.ingest._language import reading_language
    from sitrep.lang import languages

    readable = languages()
    declared = re.split(r"[-_]", str(language or "").strip().lower())[0]
    lang = declared if declared in readable else reading_language(text, readable)
    if lang not in readable:
        raise IngestError(f"{source or 'input'} is in another language (detected: {lang}); sitrep reads "
                          f"{', '.join(readable)}, so it was skipped", code="language")
    return lang


def document_from_text(text: str, *, source: str = "", max_chars: int = MAX_CHARS, **meta: Any) -> Document:
    """A Document from plain text; metadata keys are Document fields (url, title, published, …)."""
    check_text(text, source=source, max_chars=max_chars)
    clean = clean_text(text)
    check_text(clean, source=source, max_chars=max_chars)
    meta["language"] = text_language(clean, source=source, language=meta.get("language"))
    meta["published"] = iso_date(meta.get("published"))
    return Document.create(clean, source=source or None, **_known(meta))


def document_from_html(html: str, *, source: str = "", max_chars: int = MAX_CHARS, **meta: Any) -> Document:
    """A Document from an HTML page: boilerplate removed, metadata read from the page.

    Explicit metadata (``published``, ``title``, …) wins over what the page says.
    """
    if len(html) > 20 * max_chars:
        raise IngestError(f"{source or 'input'} is an HTML page of {len(html):,} characters: too large", code="too_large")
    page = extract_html(html, url=meta.get("url"))
    if len(_WORD.findall(page.get("text") or "")) < MIN_WORDS:
        raise ExtractionError(f"no article text found in the HTML of {source or 'input'}", code="no_text")
    merged = {k: page.get(k) for k in ("title", "outlet", "author", "published", "url")}
    merged.update({k: v for k, v in meta.items() if v is not None})
    crawled = merged.pop("crawled", None)
    if not merged.get("published") and crawled:
        merged["published"] = crawled  # a crawl's date: the latest the page can have been published
    return document_from_text(page["text"], source=source, max_chars=max_chars, **merged)


def document_from_input(data: str | bytes, *, source: str = "", max_chars: int = MAX_CHARS, **meta: Any) -> Document:
    """Text or HTML, as bytes or str: sniff which and build the Document."""
    if isinstance(data, bytes):
        text, encoding = decode_guess(data, source=source)
        if encoding:
            meta["encoding"] = encoding
    else:
        text = data
    if looks_like_html(text):
        return document_from_html(text, source=source, max_chars=max_chars, **meta)
    return document_from_text(text, source=source, max_chars=max_chars, **meta)


_DOCUMENT_FIELDS = ("url", "title", "outlet", "author", "published", "language", "encoding")


def _known(meta: dict[str, Any]) -> dict[str, Any]:
    return {k: meta[k] for k in _DOCUMENT_FIELDS if meta.get(k) is not None}
