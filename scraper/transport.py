"""The guarded HTTP transport: httpx connects only to addresses the guard checked.

httpx resolves and connects inside httpcore's network backend; replacing that backend is the one
place where resolution and connection can be tied together. ``GuardedBackend.connect_tcp``
resolves through ``scraper.guard``, refuses if any address is private, and connects to the
checked address itself -- there is no second lookup for a rebinding DNS server to answer
differently. TLS still uses the host name (httpcore passes it as SNI and checks the certificate
against it), and the Host header is unchanged.
"""

from __future__ import annotations

import functools
import re
import ssl

import httpcore
import httpx

from scraper import guard

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.I)


class GuardedBackend(httpcore.SyncBackend):
    """Resolves through the guard and connects to the checked address, never re-resolving."""

    def __init__(self, allow_loopback: bool) -> None:
        self.allow_loopback = allow_loopback

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        last_error: Exception | None = None
        for address in guard.checked_addresses(host, port, self.allow_loopback):
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_error = exc
        raise last_error or httpcore.ConnectError(f"no address for {host}")


@functools.cache
def _default_ssl_context() -> ssl.SSLContext:
    # Loading the system's CA bundle takes 20 ms; every analysis makes a fetcher, so the
    # verifying context is built once per process (it is safe to share between threads).
    return httpx.create_ssl_context(verify=True, trust_env=False)


def guarded_transport(
    allow_loopback: bool, http2: bool, verify: ssl.SSLContext | bool = True
) -> httpx.HTTPTransport:
    # trust_env=False: an HTTP(S)_PROXY from the environment would connect to the proxy, not to
    # the checked address, and so bypass the guard.
    context = (
        _default_ssl_context()
        if verify is True
        else httpx.create_ssl_context(verify=verify, trust_env=False)
    )
    transport = httpx.HTTPTransport(http2=http2, trust_env=False, verify=context)
    transport._pool = httpcore.ConnectionPool(  # httpx has no public hook for the backend
        ssl_context=context,
        max_connections=50,
        max_keepalive_connections=20,
        keepalive_expiry=30.0,
        http1=True,
        http2=http2,
        network_backend=GuardedBackend(allow_loopback),
    )
    return transport


def decode_body(body: bytes, content_type: str) -> str:
    """Text from bytes: the header's charset, else a <meta charset>, else UTF-8."""
    match = re.search(r"charset=([\w.:-]+)", content_type, re.I)
    meta = _META_CHARSET.search(body[:4096])
    for name in (match and match.group(1), meta and meta.group(1).decode("ascii", "ignore")):
        if name:
            try:
                return body.decode(name, errors="replace")
            except LookupError:
                continue
    return body.decode("utf-8", errors="replace")
