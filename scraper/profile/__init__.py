"""Profile parsers: ``parse_profile(html, url)`` picks the right one by URL and content.

Each parser is a pure function of the page text; none fetches anything. Families:
LinkedIn as seen logged in (the DOM the extension captures: the 2026 layout, the classic layout,
and the voyager JSON some pages embed), LinkedIn public pages (JSON-LD), GitHub user pages, and
any other personal page or blog (JSON-LD, microdata, h-card, rel=me, OpenGraph, prose).
"""

from __future__ import annotations

import logging

from scraper.models import Profile

from .markup import decode_html
from .personal import about_page_of
from .site_owner import feed_author, with_about_page

log = logging.getLogger(__name__)

__all__ = [
    "about_page_of",
    "decode_html",
    "feed_author",
    "is_linkedin_capture",
    "parse_profile",
    "with_about_page",
]


def parse_profile(html: str | bytes | None, url: str) -> Profile | None:
    """The person the page shows, or None when it shows nobody. Never raises on bad input."""
    try:
        return _parse(html, url or "")
    except RecursionError:
        # BeautifulSoup walks deeply nested junk recursively; such a page holds no profile.
        log.warning("page %s is nested too deeply to read", url)
        return None
    except Exception:
        # The page is untrusted input and the caller only needs "a profile or not": a parser bug
        # must not turn a strange page into a server error. It is logged with its traceback;
        # the family parsers are tested without this net (tests/scraper/test_profile_robust.py).
        log.exception("could not read a profile from %s; treating it as no profile", url)
        return None


def is_linkedin_capture(html: str | None) -> bool:
    """True when the page is a capture of LinkedIn, wherever it was served from: it carries the
    2026 layout's card keys or LinkedIn's own profile data. (The classic layout's anchors are on
    personal pages too, so they do not count here.) Such a page is never the person's own site.
    """
    from .linkedin_sdui import MARKER as SDUI_MARKER
    from .linkedin_voyager import MARKER as VOYAGER_MARKER

    return isinstance(html, str) and (SDUI_MARKER in html or VOYAGER_MARKER in html)


def _parse(html: str | bytes | None, url: str) -> Profile | None:
    from .dispatch import pick_and_parse

    if isinstance(html, bytes | bytearray):
        html = decode_html(bytes(html))
    if not isinstance(html, str) or not html.strip():
        return None
    return pick_and_parse(html, url)
