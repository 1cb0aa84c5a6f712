"""Errors a fetch can end in. Each carries a ``.message`` a user can act on.

They live apart from ``fetch.py`` so that the address guard and the robots.txt cache can raise
them without importing the fetcher; ``scraper.fetch`` re-exports them all.
"""

from __future__ import annotations


class FetchError(Exception):
    """Base class: ``message`` says what happened and what the user can do about it."""

    def __init__(self, message: str, url: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.url = url


class AddressRefused(FetchError):
    """The host is one the scraper will not contact (private address, LinkedIn, ...)."""


class SchemeRefused(FetchError):
    """The URL is not http or https."""


class RobotsDisallowed(FetchError):
    """robots.txt forbids the URL, or could not be read (and so forbids everything)."""


class TooLarge(FetchError):
    """The body grew past the size limit; reading stopped."""


class UnreadableBody(FetchError):
    """The body came in a form that is refused unread: layered or unknown compression, or
    compressed data that does not unpack."""


class TooManyRedirects(FetchError):
    """A redirect loop, or more hops than the limit."""


class FetchTimeout(FetchError):
    """A connect/read timeout, or the caller's time budget ran out."""


class BudgetExhausted(FetchTimeout):
    """The caller's deadline passed: not the site's fault, so nothing about the site is cached."""


class FetchFailed(FetchError):
    """Anything else: connection refused, TLS error, an HTTP error status, not a web page."""

    def __init__(self, message: str, url: str | None = None, status: int | None = None) -> None:
        super().__init__(message, url)
        self.status = status
