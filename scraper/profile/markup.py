"""Profile parsers take page text (or bytes) or a soup the dispatcher already made.

The soup itself, with its size and tag limits, is made by ``scraper.soup.make_soup``.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from scraper.soup import decode_html, make_soup, prepare, soup_of_prepared

__all__ = ["as_soup", "decode_html", "make_soup", "prepare", "soup_of_prepared"]


def as_soup(page: str | bytes | BeautifulSoup | None) -> BeautifulSoup | None:
    """Parsers accept page text (or bytes) or an already-made soup; the dispatcher parses once."""
    if isinstance(page, BeautifulSoup):
        return page
    return make_soup(page)
