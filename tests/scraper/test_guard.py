"""The address guard: refusals come before any packet leaves, first hop and redirects alike."""

from __future__ import annotations

import socket

import pytest

from scraper import guard
from scraper.fetch import AddressRefused, Fetcher, FetchError, SchemeRefused

REAL_RESOLVE = guard.resolve


@pytest.fixture
def connects(monkeypatch) -> list:
    """Record every outgoing connect; let only 127.0.0.1 through, fail anything else loudly."""
    attempts: list = []
    real_connect = socket.socket.connect

    def recording_connect(self, address):
        attempts.append(address)
        if address[0] != "127.0.0.1":
            raise AssertionError(f"a connection to {address} was attempted")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", recording_connect)
    return attempts


def resolving(monkeypatch, mapping: dict[str, list[str]]) -> None:
    """Patch the guard's resolver: names in ``mapping`` resolve as given, others for real."""

    def fake(host: str, port: int) -> list[str]:
        return mapping[host] if host in mapping else REAL_RESOLVE(host, port)

    monkeypatch.setattr(guard, "resolve", fake)


@pytest.fixture
def fetcher():
    f = Fetcher(allow_hosts_loopback=True, delay=0.0, read_timeout=2)
    yield f
    f.close()


@pytest.mark.parametrize(
    "addresses",
    [
        ["10.0.0.5"],
        ["169.254.169.254"],
        ["192.168.1.1"],
        ["172.16.3.4"],
        ["::1"],
        ["0.0.0.0"],
        ["224.0.0.1"],
        ["240.0.0.1"],
        ["100.64.0.1"],
        ["fe80::1"],
        ["fc00::1"],
        ["::ffff:10.0.0.1"],
        ["::ffff:127.0.0.1"],
        ["127.0.0.2"],
        ["93.184.216.34", "10.0.0.5"],  # one public, one private answer: still refused
    ],
)
def test_private_addresses_are_refused_before_connecting(monkeypatch, connects, fetcher, addresses):
    resolving(monkeypatch, {"blog.example": addresses})
    with pytest.raises(AddressRefused) as caught:
        fetcher.get("http://blog.example/posts/")
    assert "public web sites" in caught.value.message
    assert connects == []


def test_loopback_refused_unless_explicitly_allowed(local_site, connects):
    local_site.routes["/"] = "<p>hello</p>"
    with Fetcher(delay=0.0) as strict:
        with pytest.raises(AddressRefused, match="loopback"):
            strict.get(local_site.url("/"))
    assert connects == []
    assert local_site.requests == []


def test_public_address_passes_the_guard_but_is_never_contacted_in_tests(monkeypatch):
    resolving(monkeypatch, {"blog.example": ["93.184.216.34"]})
    assert guard.checked_addresses("blog.example", 443) == ["93.184.216.34"]
    assert guard.refusal_reason("8.8.8.8") is None
    assert guard.refusal_reason("2606:4700:4700::1111") is None


def test_redirect_to_a_private_host_is_refused_before_connecting(
    monkeypatch, connects, fetcher, local_site
):
    port = local_site.base_url.rsplit(":", 1)[1]
    resolving(monkeypatch, {"internal.example": ["10.0.0.1"]})
    local_site.routes["/go"] = (302, {"Location": f"http://internal.example:{port}/admin"}, b"")
    with pytest.raises(AddressRefused, match="10.0.0.1"):
        fetcher.get(local_site.url("/go"))
    assert all(address[0] == "127.0.0.1" for address in connects)
    assert "/go" in local_site.requests


def test_connects_to_the_checked_address_without_resolving_again(monkeypatch, connects, local_site):
    """A name is resolved once, by the guard; the socket connects to that very address."""
    calls: list[str] = []
    port = local_site.base_url.rsplit(":", 1)[1]

    def counting(host, p):
        calls.append(host)
        return ["127.0.0.1"]

    monkeypatch.setattr(guard, "resolve", counting)
    real_getaddrinfo = socket.getaddrinfo

    def no_second_lookup(host, *args, **kwargs):
        if host == "blog.example":
            raise AssertionError("the host name was resolved a second time")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", no_second_lookup)
    local_site.routes["/"] = "<p>pinned</p>"
    with Fetcher(allow_hosts_loopback=True, delay=0.0) as f:
        page = f.get(f"http://blog.example:{port}/")
    assert "pinned" in page.html
    assert set(calls) == {"blog.example"}
    assert connects and all(a[0] == "127.0.0.1" for a in connects)


@pytest.mark.parametrize(
    "url",
    ["https://www.linkedin.com/in/someone/", "http://linkedin.com/", "https://uk.LinkedIn.com/x"],
)
def test_linkedin_is_refused_outright(connects, fetcher, url):
    with pytest.raises(AddressRefused, match="page you have open"):
        fetcher.get(url)
    assert connects == []


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/x", "javascript:alert(1)", "gopher://x/"]
)
def test_other_schemes_are_refused(connects, fetcher, url):
    with pytest.raises(SchemeRefused, match="http and https"):
        fetcher.get(url)
    assert connects == []


@pytest.mark.parametrize(
    "url",
    ["http://a.example:99999/", "http://[::1/", "http://\u2603.example/", "http://xn--/", "   "],
)
def test_malformed_urls_are_fetch_errors(monkeypatch, connects, fetcher, url):
    def not_found(host, port):
        raise OSError("name not found (test resolver)")

    monkeypatch.setattr(guard, "resolve", not_found)
    with pytest.raises(FetchError) as caught:
        fetcher.get(url)
    assert "address" in caught.value.message
    assert connects == []


# Every range the guard refuses (the IANA special-purpose registries, and what embeds an IPv4
# address), each with its first and last address and, where it matters, one inside.
REFUSED_RANGES = {
    "0.0.0.0/8 this network": ["0.0.0.0", "0.255.255.255"],
    "10.0.0.0/8 private": ["10.0.0.0", "10.255.255.255"],
    "100.64.0.0/10 shared (CGN)": ["100.64.0.0", "100.127.255.255"],
    "127.0.0.0/8 loopback": ["127.0.0.1", "127.255.255.255"],
    "169.254.0.0/16 link-local": ["169.254.0.0", "169.254.169.254", "169.254.255.255"],
    "172.16.0.0/12 private": ["172.16.0.0", "172.31.255.255"],
    "192.0.0.0/24 IETF protocol assignments": ["192.0.0.0", "192.0.0.8", "192.0.0.255"],
    "192.0.2.0/24 documentation": ["192.0.2.0", "192.0.2.255"],
    "192.88.99.0/24 6to4 relay": ["192.88.99.0", "192.88.99.1", "192.88.99.255"],
    "192.168.0.0/16 private": ["192.168.0.0", "192.168.255.255"],
    "198.18.0.0/15 benchmarking": ["198.18.0.0", "198.19.255.255"],
    "198.51.100.0/24 documentation": ["198.51.100.0", "198.51.100.255"],
    "203.0.113.0/24 documentation": ["203.0.113.0", "203.0.113.255"],
    "224.0.0.0/4 multicast": ["224.0.0.0", "239.255.255.255"],
    "240.0.0.0/4 reserved and broadcast": ["240.0.0.0", "255.255.255.255"],
    "::/128 unspecified": ["::"],
    "::1/128 loopback": ["::1"],
    "::ffff:0:0/96 IPv4-mapped": ["::ffff:10.0.0.1", "::ffff:127.0.0.1", "::ffff:192.88.99.1"],
    "::/8 IPv4-compatible and other": ["::8.8.8.8", "::ffff:0:8.8.8.8", "ff:ffff::"],
    "64:ff9b::/96 and 64:ff9b:1::/48 NAT64": ["64:ff9b::a00:1", "64:ff9b:1::a00:1"],
    "100::/64 discard": ["100::", "100::ffff:ffff:ffff:ffff"],
    "2001::/23 IETF protocol (Teredo, ORCHID)": ["2001::", "2001:0:4136:e378::1", "2001:1ff::"],
    "2001:db8::/32 documentation": ["2001:db8::", "2001:db8:ffff:ffff::"],
    # 0.0.0.0, 10.0.0.1, 127.0.0.1, 192.168.1.1, 169.254.169.254, 192.88.99.1, broadcast
    "2002::/16 6to4 leading to a non-public IPv4": [
        "2002::",
        "2002:a00:1::",
        "2002:7f00:1::1",
        "2002:c0a8:101::",
        "2002:a9fe:a9fe::",
        "2002:c058:6301::",
        "2002:ffff:ffff::",
    ],
    "3fff::/20 documentation": ["3fff::", "3fff:fff:ffff::"],
    "5f00::/16 SRv6": ["5f00::", "5f00:ffff::"],
    "fc00::/7 unique local": ["fc00::", "fdff:ffff::"],
    "fe80::/10 link-local": ["fe80::", "febf:ffff::"],
    "fec0::/10 site-local": ["fec0::", "fec0::1", "feff:ffff::"],
    "ff00::/8 multicast": ["ff00::", "ff02::1", "ffff:ffff::"],
}
REFUSED = [(name, address) for name, found in REFUSED_RANGES.items() for address in found]


@pytest.mark.parametrize(("name", "address"), REFUSED, ids=[a for _, a in REFUSED])
def test_every_refused_range_is_refused_before_connecting(monkeypatch, connects, name, address):
    resolving(monkeypatch, {"blog.example": [address]})
    with Fetcher(delay=0.0) as strict, pytest.raises(AddressRefused, match="public") as caught:
        strict.get("http://blog.example/posts/")
    assert address in caught.value.message, name
    assert connects == []


@pytest.mark.parametrize(
    "address",
    ["8.8.8.8", "1.1.1.1", "192.0.3.1", "192.88.98.255", "192.88.100.0", "2606:4700::1111",
     "2002:808:808::1", "2002:5db8:d822::", "3fff:1000::1", "2a00:1450::1"],
)  # fmt: skip
def test_public_addresses_next_to_refused_ranges_pass(monkeypatch, address):
    """The refusals are the ranges, not more: a 6to4 address of a public IPv4 is public."""
    resolving(monkeypatch, {"blog.example": [address]})
    assert guard.checked_addresses("blog.example", 443) == [address]
