"""Choose the parser for a page: by its URL first, then by what its markup contains."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from scraper.hosts import is_linkedin
from scraper.models import Profile

from .github import github_user, parse_github
from .linkedin_dom import looks_like_logged_in_linkedin, parse_linkedin_dom
from .linkedin_public import parse_linkedin_public
from .linkedin_sdui import looks_like_sdui, parse_sdui
from .linkedin_voyager import fill_gaps, parse_voyager, voyager_entities
from .markup import prepare, soup_of_prepared
from .personal import parse_personal
from .tree import make_tree

log = logging.getLogger(__name__)


def pick_and_parse(page: str, url: str) -> Profile | None:
    """Run the parser of the page's family; a page of no known family is read as a personal page.

    ``page`` is the page's text as captured (its hidden <code> data blobs included).
    """
    host = urlsplit(url or "").hostname or ""
    linkedin = is_linkedin(host)
    # LinkedIn's own data, when the page embeds it, is LinkedIn's whatever host served the page.
    exact = parse_voyager(voyager_entities(page), url)
    text = prepare(page)
    if not text.strip():
        return exact
    # The 2026 layout's componentkeys are in no other page: they say "LinkedIn" on any host
    # (a saved page, a test page on 127.0.0.1).
    if looks_like_sdui(text):
        log.debug("%s: LinkedIn, 2026 layout", url)
        return _with(exact, parse_sdui(make_tree(text, prepared=True), url))
    # The classic layout's anchors (id="about", id="experience") are also on personal pages, so
    # they count only on LinkedIn's host or in a saved file (file:// or no URL).
    on_the_web = (url or "").lower().startswith(("http://", "https://"))
    if linkedin or not on_the_web or exact is not None:
        tree = make_tree(text, prepared=True)
        if tree is not None and looks_like_logged_in_linkedin(tree):
            log.debug("%s: LinkedIn, logged-in DOM", url)
            return _with(exact, parse_linkedin_dom(tree, url))
    if exact is not None:
        return exact
    soup = soup_of_prepared(text)
    if soup is None:
        return None
    if linkedin:
        log.debug("%s: LinkedIn public page", url)
        return parse_linkedin_public(soup, url)
    if github_user(url):
        log.debug("%s: GitHub user page", url)
        return parse_github(soup, url) or parse_personal(soup, url)
    log.debug("%s: personal page", url)
    return parse_personal(soup, url)


def _with(exact: Profile | None, seen: Profile | None) -> Profile | None:
    return fill_gaps(exact, seen) if exact is not None else seen
