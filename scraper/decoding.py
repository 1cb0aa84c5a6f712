"""Content-Encoding, unpacked with a bounded output: the size cap holds before memory is spent.

A site may send a tiny compressed body that unpacks to gigabytes (a decompression bomb), or
stack codings (``Content-Encoding: gzip, gzip``) so that each layer multiplies the last. httpx
decodes a whole network chunk through every layer before its caller can count a byte, so a
1,827-byte answer became a gigabyte in memory before the 5 MB cap could fire. Here the fetcher
reads the raw bytes and unpacks them itself, asking zlib for no more output than the room left
under the cap, and refuses stacked or unknown codings outright.
"""

from __future__ import annotations

import zlib
from urllib.parse import urlsplit

from scraper.errors import TooLarge, UnreadableBody

# The only codings we ask for: the ones zlib can unpack with a bounded output (``max_length``).
ACCEPT_ENCODING = "gzip, deflate"
_GZIP_MAGIC = b"\x1f\x8b"
_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


def codings(header: str) -> list[str]:
    """The codings of a Content-Encoding header, in the order they were applied."""
    names = (name.strip().lower() for name in header.split(","))
    return [name for name in names if name and name != "identity"]


class BoundedBody:
    """Collects a body from raw (possibly compressed) chunks; never holds more than ``limit``
    bytes of it, compressed or not. ``feed`` each chunk, then ``finish`` for the bytes."""

    def __init__(self, url: str, content_encoding: str, limit: int) -> None:
        self.url, self.limit = url, limit
        self.size = 0
        self._parts: list[bytes] = []
        applied = codings(content_encoding)
        host = urlsplit(url).hostname or url
        if len(applied) > 1:
            raise UnreadableBody(
                f"{host} sent {url} compressed {len(applied)} times over (Content-Encoding: "
                f"{content_encoding}); Common Ground does not unpack layered compression, a "
                "trick to hide a huge body in a small one. The site is misconfigured or hostile.",
                url,
            )
        if applied and applied[0] not in _WBITS:
            raise UnreadableBody(
                f"{host} sent {url} in a compression Common Ground cannot read "
                f"({applied[0]}), though it asked for {ACCEPT_ENCODING} only. Try another "
                "address of the same page.",
                url,
            )
        self.coding = applied[0] if applied else None
        self._unpacker = self._new_unpacker() if self.coding else None
        self._first = True

    def feed(self, raw: bytes) -> None:
        """Add the next raw chunk; raises TooLarge as soon as the body passes the limit."""
        if self._unpacker is None:
            self._keep(raw)
            return
        data = raw
        while data:
            # One byte more than the room left is enough to know the body is too large.
            room = self.limit - self.size + 1
            try:
                out = self._unpacker.decompress(data, room)
            except zlib.error as exc:
                if self._first and self.coding == "deflate":
                    # "deflate" is zlib-wrapped by the standard, raw by some servers: retry raw.
                    self._unpacker = zlib.decompressobj(-zlib.MAX_WBITS)
                    self._first = False
                    continue
                raise self._broken(exc) from exc
            self._first = False
            self._keep(out)
            data = self._unpacker.unconsumed_tail
            if self._unpacker.eof:
                # gzip allows several members one after another; anything else after the end
                # of the stream is trailing junk, ignored as browsers do.
                rest = self._unpacker.unused_data
                if not rest.startswith(_GZIP_MAGIC) or self.coding == "deflate":
                    return
                self._unpacker = self._new_unpacker()
                data = rest

    def finish(self) -> bytes:
        """The whole body, unpacked."""
        if self._unpacker is not None and not self._unpacker.eof:
            try:
                self._keep(self._unpacker.flush())
            except zlib.error as exc:
                raise self._broken(exc) from exc
        return b"".join(self._parts)

    def _new_unpacker(self):
        return zlib.decompressobj(_WBITS[self.coding or "gzip"])

    def _keep(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            self._parts.clear()  # let the memory go now, not when the error is handled
            raise too_large(self.url, self.limit, compressed=self.coding is not None)
        if data:
            self._parts.append(data)

    def _broken(self, exc: zlib.error) -> UnreadableBody:
        return UnreadableBody(
            f"{self.url} came compressed ({self.coding}) but could not be unpacked ({exc}); "
            "the site sent a broken answer. Try again later.",
            self.url,
        )


def too_large(url: str, limit: int, *, compressed: bool = False) -> TooLarge:
    size = f"{limit / 1_000_000:g} MB"
    what = f"unpacks to more than {size} (it was sent compressed)" if compressed else (
        f"is larger than {size}")  # fmt: skip
    return TooLarge(
        f"{url} {what}, so Common Ground stopped reading it. Try the address of a single post "
        "instead.",
        url,
    )
