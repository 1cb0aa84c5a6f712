"""One way to turn page text into a BeautifulSoup tree, with bs4's advisory warnings off.

bs4 warns when markup looks like a file name or a URL, or when XML is parsed as HTML; for a
scraper fed by strangers' pages those are expected inputs, not mistakes, and the test suite turns
warnings into errors.
"""

from __future__ import annotations

import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning


def make_soup(html: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(html or "", "lxml")
