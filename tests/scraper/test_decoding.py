"""The bounded body reader: caps the unpacked size, refuses layered and unknown codings, and
still reads what well-behaved servers send (zlib or raw deflate, multi-member gzip)."""

from __future__ import annotations

import zlib

import pytest

from scraper.decoding import BoundedBody
from scraper.fetch import TooLarge, UnreadableBody


def _gzip(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


@pytest.mark.slow  # packs 256 MB of zeros
def test_bounded_body_never_asks_zlib_for_more_than_the_room_left():
    """The unit under the fetcher: 256 MB of zeros in, the cap fires after at most limit+1."""
    once = _gzip(bytes(256 << 20))
    body = BoundedBody("http://blog.example/x", "gzip", 1000)
    with pytest.raises(TooLarge, match="unpacks to more than"):
        body.feed(once)
    assert body.size == 1001


@pytest.mark.parametrize(
    ("encoding", "refused"),
    [("gzip, gzip", "layered"), ("gzip,deflate", "layered"), ("br", "cannot read"),
     ("zstd", "cannot read"), ("identity", None), ("", None), ("GZIP", None)],
)  # fmt: skip
def test_stacked_and_unknown_codings_are_refused(encoding, refused):
    if refused is None:
        BoundedBody("http://blog.example/x", encoding, 100)
        return
    with pytest.raises(UnreadableBody, match=refused):
        BoundedBody("http://blog.example/x", encoding, 100)


@pytest.mark.parametrize("raw", [False, True])
def test_deflate_zlib_wrapped_or_raw_and_multi_member_gzip_are_read(raw):
    text = b"<p>" + b"word " * 2000 + b"</p>"
    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS if raw else zlib.MAX_WBITS)
    deflated = packer.compress(text) + packer.flush()
    body = BoundedBody("http://blog.example/x", "deflate", 1_000_000)
    for i in range(0, len(deflated), 7):
        body.feed(deflated[i : i + 7])
    assert body.finish() == text
    two = _gzip(text[:100]) + _gzip(text[100:])
    body = BoundedBody("http://blog.example/x", "gzip", 1_000_000)
    body.feed(two)
    assert body.finish() == text
