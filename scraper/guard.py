"""The address guard: which URLs and IP addresses the scraper may contact at all.

A blog URL comes from a profile someone else wrote, so it may point at the user's router, a
cloud metadata service or a server on their machine. Every host is resolved here, every address
checked, and the fetcher then connects to the checked address itself (no second lookup, so a DNS
answer that changes between check and connect -- DNS rebinding -- cannot slip through).
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from urllib.parse import urlsplit

from scraper.errors import AddressRefused, FetchFailed, SchemeRefused
from scraper.hosts import is_linkedin

log = logging.getLogger(__name__)

ALLOWED_SCHEMES = ("http", "https")

# The one address tests may reach when a Fetcher is built with allow_hosts_loopback=True.
TEST_LOOPBACK = ipaddress.ip_address("127.0.0.1")

LINKEDIN_MESSAGE = (
    "Common Ground never fetches linkedin.com: LinkedIn profiles are read from the page you have "
    "open. Open the profile in your browser and click the Common Ground extension there."
)


def resolve(host: str, port: int) -> list[str]:
    """Every IP address ``host`` resolves to. One function so tests can patch it."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


def check_url(url: str) -> None:
    """Refuse what can be refused from the URL alone: other schemes, LinkedIn, no host."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a port out of range
    except ValueError as exc:
        raise SchemeRefused(f"{url!r} is not a valid web address ({exc}). Check it for typos.",
                            url) from exc  # fmt: skip
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise SchemeRefused(
            f"Only http and https addresses can be read; {url!r} uses "
            f"{(scheme + ':') if scheme else 'no scheme'}. "
            "Enter the web address of the blog, starting with https://.",
            url,
        )
    host = parts.hostname or ""
    if not host:
        raise SchemeRefused(
            f"{url!r} has no host name. Enter a full address such as https://example.com/blog.", url
        )
    if is_linkedin(host):
        raise AddressRefused(LINKEDIN_MESSAGE, url)


def refusal_reason(address: str, allow_loopback: bool = False) -> str | None:
    """Why ``address`` may not be contacted, or None when it is a public address."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if allow_loopback and ip == TEST_LOOPBACK:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        reason = refusal_reason(str(ip.ipv4_mapped), allow_loopback=False)
        return f"IPv4-mapped {reason}" if reason else None
    for kind, flag in (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
    ):
        if flag:
            return kind
    if not ip.is_global:  # shared (100.64/10), documentation ranges and the like
        return "non-public"
    return None


def checked_addresses(host: str, port: int, allow_loopback: bool = False) -> list[str]:
    """Resolve ``host`` and return its addresses if every one is public; else refuse.

    All addresses must pass, not just one: a host that answers with a public and a private
    address is a classic way to reach the private one.
    """
    if is_linkedin(host):
        raise AddressRefused(LINKEDIN_MESSAGE)
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError) as exc:
        raise FetchFailed(
            f"The host name {host!r} could not be found ({exc}). Check the address for typos."
        ) from exc
    if not addresses:
        raise AddressRefused(f"The host name {host!r} has no address.")
    for address in addresses:
        reason = refusal_reason(address, allow_loopback)
        if reason:
            log.warning("refused %s: resolves to %s (%s)", host, address, reason)
            raise AddressRefused(
                f"Refused to contact {host}: it resolves to {address}, a {reason} address. "
                "Common Ground reads only public web sites; check that the address is the "
                "person's public blog."
            )
    return addresses
