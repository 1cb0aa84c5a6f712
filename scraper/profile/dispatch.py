"""Choose the parser for a page: by its URL first, then by what its markup contains."""

from __future__ import annotations

import logging

from bs4 import BeautifulSoup

from scraper.models import Profile

from .linkedin_dom import looks_like_logged_in_linkedin, parse_linkedin_dom
from .text import host_of

log = logging.getLogger(__name__)


def pick_and_parse(soup: BeautifulSoup, url: str) -> Profile | None:
    host = host_of(url)
    if looks_like_logged_in_linkedin(soup):
        return parse_linkedin_dom(soup, url)
    return None
