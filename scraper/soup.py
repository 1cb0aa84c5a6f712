"""The one way to turn page text into a BeautifulSoup tree, with the same limits for every page.

Every parser (profiles, blog posts, feeds' HTML, index pages) goes through ``make_soup`` so that
the limits are the same everywhere: a page never needs its scripts (except JSON-LD), styles or
inline SVG, and cutting them before parsing is what keeps a 600 KB LinkedIn capture well under
150 ms and a 50 MB junk input bounded.

It is safe in threads: bs4's advisory warnings (markup that "looks like a URL", XML parsed as
HTML) are avoided by how the text is handed over, not by ``warnings.catch_warnings``, which swaps
process-wide state while other threads parse.
"""

from __future__ import annotations

import codecs
import logging
import re

from bs4 import BeautifulSoup, Tag

log = logging.getLogger(__name__)

# Real profile pages are 0.5-1 MB with scripts, ~300 KB without. Anything past these sizes is
# junk or an attack, and parsing it would blow the 2 s budget, so the tail is cut (with a warning).
MAX_INPUT_CHARS = 20_000_000
MAX_PARSED_CHARS = 2_500_000
# Parse time follows the number of elements, not bytes: a real profile page has ~5,000 tags once
# scripts are gone; 20,000 is far beyond any real page and still parses in well under a second.
MAX_TAGS = 20_000
# Links any reader looks at on one page. A blog's index lists tens of posts among a few hundred
# links; more is junk or an attack, and each link costs URL parsing (an index page of 100,000
# links took 26 s to sift, ten of them queued for minutes).
MAX_LINKS = 1000

# Elements whose content never holds a page's text; dropped before parsing. JSON-LD scripts stay,
# and so does visible <code>; LinkedIn hides megabytes of JSON in <code style="display: none">.
# Comments go too ("<!---->" markers pad LinkedIn's text).
_START = re.compile(r"<(script|style|svg|template|iframe|code)\b|<!--", re.IGNORECASE)
_HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_JSON_LD = re.compile(r"type\s*=\s*[\"']?application/ld\+json", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Decode page bytes: BOM, then the header's charset, then <meta charset>, then UTF-8.

    Never raises: bytes that fit no declared charset are decoded as UTF-8 with replacement
    characters (or Windows-1252 when they are clearly not UTF-8), which keeps the readable parts.
    """
    if not data:
        return ""
    if len(data) > MAX_INPUT_CHARS:
        log.warning("page is %d bytes; reading only the first %d", len(data), MAX_INPUT_CHARS)
    data = bytes(data[:MAX_INPUT_CHARS])
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace")
    # Images, PDFs and archives have NUL bytes in their first kilobytes; no HTML page does.
    if b"\x00" in data[:4096]:
        log.warning("the page is binary data (%d bytes), not HTML", len(data))
        return ""
    candidates: list[str] = []
    declared = _HEADER_CHARSET.search(content_type) if content_type else None
    meta = _META_CHARSET.search(data[:4096])
    for label in (
        declared.group(1) if declared else None,
        meta.group(1).decode("ascii", "ignore") if meta else None,
    ):
        if codec := _codec(label):
            candidates.append(codec)
    candidates.append("utf-8")
    for name in candidates:
        if name in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
            continue  # a <meta> claiming UTF-16 in an ASCII-readable document is always wrong
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    # Mostly-ASCII bytes that are not UTF-8 are usually Windows-1252 (the web's de-facto Latin-1).
    # A sample decides, so that a 20 MB page is not decoded once more just to count errors.
    sample = data[:65536].decode("utf-8", errors="replace")
    if sample.count("\ufffd") > len(sample) // 100:
        return data.decode("cp1252", errors="replace")
    return data.decode("utf-8", errors="replace")


def _strip_heavy_elements(html: str) -> str:
    """Drop scripts (but JSON-LD), styles, SVG, templates, hidden <code>, comments: one pass.

    A regex with ``.*?`` would rescan to the end for every unclosed tag (quadratic on junk).
    Here every search starts where the last one stopped, and the end of the current start tag
    (the next ">") is remembered, so no character is looked at more than a few times.
    """
    out: list[str] = []
    pos = 0
    lower = html.lower()
    next_gt = -1
    while True:
        m = _START.search(html, pos)
        if not m:
            out.append(html[pos:])
            break
        if m.group(0) == "<!--":
            out.append(html[pos : m.start()])
            end = html.find("-->", m.end())
            if end < 0:
                break
            pos = end + 3
            continue
        if next_gt < m.end():
            next_gt = html.find(">", m.end())
        if next_gt < 0:
            out.append(html[pos:])  # no ">" anywhere after: no complete tag is left
            break
        tag, start_tag = m.group(1).lower(), html[m.start() : next_gt + 1]
        if tag == "script" and _JSON_LD.search(start_tag):
            # Keep JSON-LD whole: its strings may hold "<!--" or "<script" that are only text.
            end = lower.find("</script", next_gt)
            stop = len(html) if end < 0 else end
            out.append(html[pos:stop])
            pos = stop
            if end < 0:
                break
            continue
        if tag == "code" and not _HIDDEN.search(start_tag):
            out.append(html[pos : next_gt + 1])
            pos = next_gt + 1
            continue
        out.append(html[pos : m.start()])
        end = lower.find("</" + tag, next_gt)
        if end < 0:
            break  # unclosed: everything after it would be inside the dropped element anyway
        close = html.find(">", end)
        pos = len(html) if close < 0 else close + 1
    return "".join(out)


def within_input_limit(text: str) -> str:
    """``text`` cut at MAX_INPUT_CHARS (with a warning): the bound every page and feed shares."""
    if len(text) > MAX_INPUT_CHARS:
        log.warning("page is %d characters; reading only the first %d", len(text), MAX_INPUT_CHARS)
        return text[:MAX_INPUT_CHARS]
    return text


def prepare(html: str | bytes | None, *, keep_scripts: bool = False) -> str:
    """Text ready for the parser: decoded, size-capped, without control characters or heavy tags
    (unless ``keep_scripts``)."""
    if html is None:
        return ""
    if isinstance(html, bytes | bytearray):
        html = decode_html(bytes(html))
    if not isinstance(html, str):
        return ""
    html = within_input_limit(html)
    if not keep_scripts:
        html = _strip_heavy_elements(html)
    if len(html) > MAX_PARSED_CHARS:
        log.warning(
            "page text after dropping scripts is %d characters; reading only the first %d",
            len(html),
            MAX_PARSED_CHARS,
        )
        html = html[:MAX_PARSED_CHARS]
    html = _cap_tags(html)
    return _CONTROL.sub(" ", html)


def _cap_tags(html: str) -> str:
    """Cut the page after MAX_TAGS tags (a page of 100,000 empty <div>s is junk, not a profile)."""
    pos = -1
    for _ in range(MAX_TAGS):
        pos = html.find("<", pos + 1)
        if pos < 0:
            return html
    log.warning("page has more than %d tags; reading only the first %d", MAX_TAGS, MAX_TAGS)
    return html[:pos]


def make_soup(html: str | bytes | None, *, keep_scripts: bool = False) -> BeautifulSoup | None:
    """A BeautifulSoup (lxml) of the prepared page, or None when nothing is left to parse.

    ``keep_scripts`` keeps every element as served (only the size and tag limits apply), for
    the one reader that judges a page by its scripts (``scraper.jsdetect``)."""
    return soup_of_prepared(prepare(html, keep_scripts=keep_scripts))


def soup_of_prepared(text: str) -> BeautifulSoup | None:
    """A BeautifulSoup of text that already went through ``prepare`` (the profile dispatcher
    prepares a page once, then builds the tree its parser reads: lxml or BeautifulSoup)."""
    if not text.strip():
        return None
    try:
        # The leading newline keeps BeautifulSoup from warning that a short input "looks like a
        # URL" or that "<?xml" is XML: both are still pages to read. (warnings.catch_warnings
        # would do it too, but it swaps process-wide state and the server parses in threads.)
        return BeautifulSoup("\n" + text, "lxml")
    except Exception:  # lxml can still choke on pathological input; a parser must not raise
        log.warning("could not parse the page as HTML", exc_info=True)
        return None


def attr_text(tag: Tag, name: str) -> str:
    """A tag's attribute as text: "" when it is absent, a many-valued one (class, rel) joined
    by spaces. bs4 gives either a string or a list, depending on the attribute."""
    value = tag.get(name)
    if value is None:
        return ""
    return value if isinstance(value, str) else " ".join(value)


def attr_values(tag: Tag, name: str) -> list[str]:
    """A many-valued attribute (class, rel) as its list of values, whatever bs4 made of it."""
    value = tag.get(name)
    if value is None:
        return []
    return value.split() if isinstance(value, str) else list(value)
