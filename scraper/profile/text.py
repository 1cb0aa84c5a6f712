"""Small text helpers every profile parser shares: whitespace, links, de-duplication."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urljoin, urlsplit

from bs4 import Tag

# Dates live in their own module; the parsers import them from here with the other text helpers.
from .dates import DateRange, is_duration, normalise_date, parse_date_range

__all__ = [
    "DateRange",
    "absolute_url",
    "blog_urls_in_text",
    "block_text",
    "clean",
    "clean_block",
    "host_of",
    "inline_text",
    "is_duration",
    "normalise_date",
    "parse_date_range",
    "unique",
]

_SPACE = re.compile(r"\s+")


def clean(text: str | None) -> str | None:
    """Collapse whitespace; None for empty text."""
    if text is None:
        return None
    out = _SPACE.sub(" ", str(text)).strip()
    return out or None


def clean_block(text: str | None) -> str | None:
    """Keep paragraph breaks but collapse the rest of the whitespace; None for empty text."""
    if text is None:
        return None
    lines = [clean(line) for line in str(text).splitlines()]
    out = "\n".join(line for line in lines if line)
    return out or None


def unique(items: Iterable[str | None]) -> tuple[str, ...]:
    """Cleaned, non-empty, first occurrence kept (case-insensitive)."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        value = clean(item)
        if value and value.lower() not in seen:
            seen.add(value.lower())
            out.append(value)
    return tuple(out)


def absolute_url(href: str | None, base: str | None) -> str | None:
    """An absolute http(s) URL, or None for mailto:, javascript:, fragments and junk."""
    href = clean(href)
    if not href or href.startswith("#"):
        return None
    try:
        url = urljoin(base or "", href)
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return url


def host_of(url: str | None) -> str:
    """The lower-case host without 'www.', or '' when the URL has none."""
    try:
        host = urlsplit(url or "").hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "dd", "dt")


def inline_text(el: Tag) -> str | None:
    """Text of an inline run: parts joined by spaces, but no space before ',' or '.'."""
    return clean(re.sub(r"\s+([,.;:!?])", r"\1", el.get_text(" ")))


def block_text(el: Tag, limit: int = 200) -> str | None:
    """One line per paragraph, heading or list item (links and emphasis stay inside their line)."""
    lines = []
    for block in el.find_all(_BLOCKS, limit=limit):
        if block.find(_BLOCKS) is None:  # the innermost blocks only, so nothing is read twice
            line = inline_text(block)
            if line:
                lines.append(line)
    return "\n".join(lines) if lines else inline_text(el)


_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)
# Hosts and paths that are blogs whatever else the text says.
_BLOG_HOSTS = (
    "medium.com",
    "substack.com",
    "dev.to",
    "hashnode.dev",
    "wordpress.com",
    "blogspot.com",
    "ghost.io",
    "bearblog.dev",
    "write.as",
    "mataroa.blog",
    "tumblr.com",
)
_BLOG_PATH = re.compile(r"/(?:blog|weblog|posts|writing|articles|essays|notes)(?:/|$)", re.I)


def blog_urls_in_text(text: str | None) -> list[str]:
    """URLs in free text (an About section) that are clearly blogs: blog.x, /blog, Substack...

    Other URLs in the text (a project, an award page) stay out: the server reads posts from
    these, and a wrong site would give someone else's writing.
    """
    out = []
    for match in _URL_IN_TEXT.finditer(text or ""):
        url = match.group(0).rstrip(".,;:!?")
        host = host_of(url)
        path = urlsplit(url).path if host else ""
        if (
            host.startswith(("blog.", "writing.", "notes."))
            or host.endswith(_BLOG_HOSTS)
            or _BLOG_PATH.search(path)
        ):
            out.append(url)
    return out
