"""lxml element trees for LinkedIn captures, and the few ways the parsers read them.

A logged-in LinkedIn capture is 0.5-1 MB with 5,000-10,000 elements. BeautifulSoup builds such a
page in 100-250 ms on a shared core (it makes a Python object per node); lxml builds the same tree
in C in about a tenth of that, which is what keeps parsing under the 150 ms bar. So the LinkedIn
parsers walk lxml trees, with ``make_tree`` going through the same ``prepare`` as every other
parser (the same size, tag and script limits); the small personal pages keep BeautifulSoup.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from lxml import etree
from lxml import html as lxml_html
from lxml.html import HtmlElement as Element

from .markup import prepare
from .text import clean

log = logging.getLogger(__name__)


# No network, no comments (LinkedIn pads its text with "<!---->"), no processing instructions.
_PARSER = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)


def make_tree(page: str | bytes | Element | None, prepared: bool = False) -> Element | None:
    """The page as an lxml tree, or None when nothing is left to read. Never raises.

    ``prepared`` says the text already went through ``markup.prepare`` (the dispatcher prepares
    a page once for both tree kinds).
    """
    if isinstance(page, Element):
        return page
    text = page if prepared and isinstance(page, str) else prepare(page)
    if not text.strip():
        return None
    try:
        return lxml_html.document_fromstring(text, parser=_PARSER)
    except ValueError:
        # lxml refuses a str that declares its own encoding (<?xml encoding=...?>): give it bytes.
        try:
            return lxml_html.document_fromstring(text.encode("utf-8"), parser=_PARSER)
        except Exception:
            log.warning("could not parse the page as HTML", exc_info=True)
            return None
    except Exception:  # lxml's ParserError on pathological input; a parser must not raise
        log.warning("could not parse the page as HTML", exc_info=True)
        return None


def text_of(el: Element | None) -> str | None:
    """All text under ``el``, parts joined by spaces, whitespace collapsed; None when empty."""
    if el is None:
        return None
    return clean(" ".join(el.itertext()))


def text_with_breaks(el: Element) -> str:
    """The element's text with <br> as a line break (itertext would glue the lines together)."""
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if not isinstance(node.tag, str):
            continue
        if event == "start":
            if node.tag == "br":
                parts.append("\n")
            elif node.text:
                parts.append(node.text)
        elif node is not el and node.tail:
            parts.append(node.tail)
    return "".join(parts)


def parent_of(el: Element, tags: str | Iterable[str]) -> Element | None:
    """The nearest ancestor whose tag is one of ``tags``."""
    names = (tags,) if isinstance(tags, str) else tuple(tags)
    return next(el.iterancestors(*names), None)


def has_ancestor(el: Element, ancestor: Element) -> bool:
    return any(node is ancestor for node in el.iterancestors())


def outermost(elements: Iterable[Element]) -> list[Element]:
    """The elements not nested inside another one of them, in document order."""
    chosen = list(elements)
    inside = set(chosen)
    return [el for el in chosen if not any(a in inside for a in el.iterancestors())]


def strings(root: Element) -> Iterator[tuple[str, Element]]:
    """Each text node under ``root`` in document order, with the element that holds it."""
    for event, node in etree.iterwalk(root, events=("start", "end")):
        if not isinstance(node.tag, str):
            continue
        if event == "start":
            if node.text:
                yield node.text, node
        elif node is not root and node.tail:
            parent = node.getparent()
            if parent is not None:
                yield node.tail, parent
