"""Which sites a host belongs to: the one place that says what counts as LinkedIn.

A host belongs to a domain when it is the domain or a subdomain of it: ``www.linkedin.com`` and
``de.linkedin.com`` are LinkedIn, ``notlinkedin.com`` and ``linkedin.com.example`` are not (a
suffix or substring test would say they are).
"""

from __future__ import annotations

from urllib.parse import urlsplit

# LinkedIn's own site, its link shortener and its media CDN: the backend never fetches any of
# them, and a link to one is never a person's own website.
LINKEDIN_DOMAINS = ("linkedin.com", "lnkd.in", "licdn.com")


def in_domain(host: str, domain: str) -> bool:
    """``host`` is ``domain`` or one of its subdomains (case and a trailing dot ignored)."""
    host = host.lower().rstrip(".")
    return host == domain or host.endswith("." + domain)


def is_linkedin(host: str) -> bool:
    """A LinkedIn host (linkedin.com and its subdomains, lnkd.in, licdn.com)."""
    return any(in_domain(host, domain) for domain in LINKEDIN_DOMAINS)


def is_linkedin_url(url: str | None) -> bool:
    """``url`` points at a LinkedIn host; an unreadable URL does not."""
    try:
        return is_linkedin(urlsplit(url or "").hostname or "")
    except ValueError:
        return False
