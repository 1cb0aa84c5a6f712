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
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


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


# Ranges that are not public web sites but that Python's ``ipaddress`` does not flag (or flags
# differently from one Python version to the next). From the IANA special-purpose registries.
UNLISTED_RANGES = tuple(
    (ipaddress.ip_network(network), kind)
    for network, kind in (
        ("192.0.0.0/24", "special-purpose"),  # IETF protocol assignments; Python flags parts
        ("192.88.99.0/24", "deprecated 6to4 relay"),
        ("fec0::/10", "site-local"),  # deprecated, still routed inside some networks
        ("3fff::/20", "documentation"),  # RFC 9637 (2024)
    )
)


def _embedded_ipv4(ip: ipaddress.IPv4Address | ipaddress.IPv6Address):
    """The IPv4 address an IPv6 address carries and leads to, with its kind: IPv4-mapped
    (::ffff:a.b.c.d) and 6to4 (2002:AABB:CCDD::/48 reaches a.b.c.d through a relay)."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return "IPv4-mapped", ip.ipv4_mapped
    if ip.sixtofour is not None:
        return "6to4", ip.sixtofour
    return None


def refusal_reason(address: str, allow_loopback: bool = False) -> str | None:
    """Why ``address`` may not be contacted, or None when it is a public address."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if allow_loopback and ip == TEST_LOOPBACK:
        return None
    embedded = _embedded_ipv4(ip)
    if embedded is not None:  # judged by the IPv4 address it leads to
        kind, inner = embedded
        reason = refusal_reason(str(inner), allow_loopback=False)
        return f"{kind} {reason}" if reason else None
    for network, kind in UNLISTED_RANGES:
        if ip.version == network.version and ip in network:
            return kind
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
            # The host is someone's blog: named at DEBUG only (the user gets it in the message).
            log.warning("refused a host resolving to a %s address", reason)
            log.debug("refused %s: resolves to %s (%s)", host, address, reason)
            raise AddressRefused(
                f"Refused to contact {host}: it resolves to {address}, a {reason} address. "
                "Common Ground reads only public web sites; check that the address is the "
                "person's public blog."
            )
    return addresses
