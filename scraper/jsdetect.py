"""Does a page need JavaScript to show its text? Decided from the HTTP response alone.

The browser costs seconds and memory per page, so it is used only when the served HTML itself
says the text is not there: almost no visible text, plus an empty app root, a <noscript> asking
for JavaScript, or a page that is mostly scripts.
"""

from __future__ import annotations

import re

from scraper.forgettable import remembered_by_page
from scraper.soup import make_soup

# Below this many characters of visible text a page has not served its content.
MIN_VISIBLE_CHARS = 400
_APP_ROOTS = {"root", "app", "__next", "___gatsby", "svelte", "__nuxt", "main-app"}
_ENABLE_JS = re.compile(r"(enable|turn on|requires?)\s+javascript|javascript\s+(is\s+)?"
                        r"(required|disabled)", re.I)  # fmt: skip


_HIDDEN_BLOCKS = re.compile(
    r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S
)
_TAG = re.compile(r"<[^>]*>")
_BODY = re.compile(r"<body\b", re.I)


def _plainly_has_text(html: str) -> bool:
    """A quick look without parsing: a body with twice the visible text a served page needs.

    Most pages are plainly served; parsing them into a tree just to say so costs 6 ms a page."""
    body = _BODY.search(html)
    if body is None:
        return False
    text = _TAG.sub(" ", _HIDDEN_BLOCKS.sub(" ", html[body.start() :]))
    return len(" ".join(text.split())) >= 2 * MIN_VISIBLE_CHARS


@remembered_by_page
def needs_javascript(html: str) -> bool:
    if _plainly_has_text(html):
        return False
    soup = make_soup(html, keep_scripts=True)
    body = soup.body if soup is not None else None
    if soup is None or body is None:
        return False
    noscript_text = " ".join(n.get_text(" ") for n in body.find_all("noscript"))
    scripts = len(soup.find_all("script"))
    for tag in body.find_all(["script", "style", "noscript", "template"]):
        tag.decompose()
    visible = " ".join(body.get_text(" ").split())
    if len(visible) >= MIN_VISIBLE_CHARS:
        return False
    empty_root = any(
        el.get("id") in _APP_ROOTS and not el.get_text(strip=True)
        for el in body.find_all(["div", "main", "section"], id=True)
    )
    return empty_root or bool(_ENABLE_JS.search(noscript_text)) or scripts >= 3
