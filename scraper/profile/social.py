"""A person's profiles elsewhere (GitHub, Scholar, X, Bluesky, Mastodon...), linked from their page.

Few personal sites mark these links rel="me"; most just link "GitHub · Scholar · Twitter" under
the name or in the footer. Such a link counts when two things agree:

- the address is a profile, not a page on the service: ``github.com/<user>``, not a repository;
  ``x.com/<user>``, not a post; ``scholar.google.com/citations?user=...``; ``bsky.app/profile/...``;
  any Mastodon-style ``https://<server>/@<user>``;
- the link reads as the owner's own: its text names the service or is a handle ("@jdoe") or an
  icon; and it sits in the site's furniture (header, nav, footer, the owner's h-card) or on the
  owner's home or About page. A link whose text is a person's name ("Theme by Jo Doe") or that
  sits in a post is about someone else.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Tag

from scraper.soup import attr_text

from .text import absolute_url, clean, host_of

# Host -> the first path segments that are pages of the service, not people.
_SERVICES = {
    "github.com": {"orgs", "topics", "features", "about", "sponsors", "marketplace", "explore"},
    "gitlab.com": {"explore", "help", "users"},
    "codeberg.org": {"explore"},
    "twitter.com": {"home", "search", "intent", "share", "i", "hashtag"},
    "x.com": {"home", "search", "intent", "share", "i", "hashtag"},
    "huggingface.co": {"docs", "models", "datasets", "spaces", "blog", "papers"},
    "kaggle.com": {"competitions", "datasets", "code", "learn", "discussions"},
    "instagram.com": {"p", "explore", "reel"},
    "youtube.com": {"watch", "results", "feed", "playlist", "shorts"},
    "medium.com": {"tag", "topic", "search"},
    "dev.to": {"t", "search", "top"},
    "stackoverflow.com": set(),
    "orcid.org": set(),
    "keybase.io": set(),
    "dribbble.com": {"shots", "search"},
    "behance.net": {"search", "galleries"},
}
# Words a link to one's own profile reads as (the service's name, or a generic word).
_SERVICE_WORDS = {
    "github", "gitlab", "codeberg", "twitter", "x", "x (twitter)", "bluesky", "bsky", "mastodon",
    "fediverse", "scholar", "google scholar", "orcid", "researchgate", "semantic scholar",
    "hugging face", "huggingface", "kaggle", "instagram", "youtube", "medium", "dev.to",
    "stack overflow", "stackoverflow", "keybase", "dribbble", "behance", "threads", "linkedin",
    "code", "papers", "publications", "profile",
}  # fmt: skip
_HANDLE = re.compile(r"^@?[\w.-]+(?:@[\w.-]+)?$")


def _single_segment(path: str) -> str | None:
    parts = [p for p in path.split("/") if p]
    return parts[0] if len(parts) == 1 else None


def profile_address(url: str) -> bool:
    """True when ``url`` is a person's profile on a known service (or a Mastodon server)."""
    parts = urlsplit(url)
    host, path = host_of(url), parts.path
    if host.startswith("scholar.google."):
        return path.startswith("/citations") and "user" in parse_qs(parts.query)
    if host in ("bsky.app",):
        return bool(re.fullmatch(r"/profile/[^/]+/?", path))
    if host == "orcid.org":
        return bool(re.fullmatch(r"/\d{4}-\d{4}-\d{4}-\d{3}[\dX]/?", path))
    if host == "stackoverflow.com":
        return bool(re.fullmatch(r"/users/\d+(?:/[^/]+)?/?", path))
    if host == "researchgate.net":
        return path.startswith("/profile/")
    if host == "medium.com" or host == "youtube.com":
        segment = _single_segment(path)
        return bool(segment and segment.startswith("@"))
    if host in _SERVICES:
        segment = _single_segment(path)
        return segment is not None and segment.lower() not in _SERVICES[host] and not parts.query
    # Mastodon and other fediverse servers: https://<server>/@<user>
    return bool(re.fullmatch(r"/@[\w.]+/?", path)) and "." in host


def _reads_as_own(a: Tag) -> bool:
    text = (clean(a.get_text(" ")) or "").lower().strip(" :·|")
    if not text:
        return True  # an icon
    if text in _SERVICE_WORDS or _HANDLE.fullmatch(text) and text.startswith("@"):
        return True
    return any(text.startswith(word + " ") or text.endswith(" " + word) for word in _SERVICE_WORDS)


def _in_furniture(a: Tag) -> bool:
    return (
        a.find_parent(["nav", "header", "footer", "aside"]) is not None
        or a.find_parent(class_="h-card") is not None
    )


def profile_links(soup: BeautifulSoup, base: str, whole_page: bool) -> list[str]:
    """The owner's profiles on other services that the page links.

    ``whole_page`` is for a home or About page, where links in the text are the owner's too;
    on any other page (a post) only the site's furniture counts.
    """
    out: list[str] = []
    for a in soup.find_all("a", href=True, limit=5000):
        href = absolute_url(attr_text(a, "href"), base)
        if not href or not profile_address(href):
            continue
        # "Theme by <a href=github.com/someone>someone</a>" in a footer is not the owner's.
        if _reads_as_own(a) and (whole_page or _in_furniture(a)):
            if href not in out:
                out.append(href)
    return out
