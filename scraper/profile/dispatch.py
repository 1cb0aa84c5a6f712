"""Choose the parser for a page: by its URL first, then by what its markup contains."""

from __future__ import annotations

import logging

from bs4 import BeautifulSoup

from scraper.hosts import is_linkedin
from scraper.models import Profile

from .github import github_user, parse_github
from .linkedin_dom import looks_like_logged_in_linkedin, parse_linkedin_dom
from .linkedin_public import parse_linkedin_public
from .personal import parse_personal
from .text import host_of

log = logging.getLogger(__name__)


def pick_and_parse(soup: BeautifulSoup, url: str) -> Profile | None:
    """Run the parser of the page's family; a page of no known family is read as a personal page."""
    host = host_of(url)
    linkedin = is_linkedin(host)
    # The extension sends the DOM with the page's URL. A saved file (file:// or no URL) is
    # recognised by LinkedIn's anchors; a page on any other web host never is, because personal
    # pages use the same ids (id="about", id="experience").
    on_the_web = (url or "").lower().startswith(("http://", "https://"))
    if (linkedin or not on_the_web) and looks_like_logged_in_linkedin(soup):
        log.debug("%s: LinkedIn, logged-in DOM", url)
        return parse_linkedin_dom(soup, url)
    if linkedin:
        log.debug("%s: LinkedIn public page", url)
        return parse_linkedin_public(soup, url)
    if github_user(url):
        log.debug("%s: GitHub user page", url)
        return parse_github(soup, url) or parse_personal(soup, url)
    log.debug("%s: personal page", url)
    return parse_personal(soup, url)
