"""How close an extraction is to a reference: token F1 for text, lenient matches for metadata.

Used by the extraction test and bench/blog.py on Readability's test pages, so that both report
the same figures.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_WORD = re.compile(r"\w+")
_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", ": ", " · ", " » ")


def tokens(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text or "").casefold())


def token_f1(got: str, expected: str) -> float:
    """Bag-of-words F1 between two texts (1.0 when both are empty)."""
    a, b = Counter(tokens(got)), Counter(tokens(expected))
    if not a and not b:
        return 1.0
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").replace("’", "'").replace("“", '"')
    return " ".join(text.replace("”", '"').split()).casefold()


def title_matches(got: str | None, expected: str | None) -> bool:
    """Equal, or equal to the expected title without its site name ("Post | Site")."""
    if expected is None:
        return True
    g, e = _norm(got or ""), _norm(expected)
    if not g:
        return False
    return g == e or any(e.startswith(g + s.casefold()) or e.endswith(s + g) for s in _SEPARATORS)


def byline_matches(got: str | None, expected: str | None) -> bool:
    """Same person: the names' words agree, ignoring punctuation and a trailing (handle/URL).

    A reference without a byline asks for nothing: Readability misses bylines that pages do
    declare, so finding one there is not an error.
    """
    if expected is None:
        return True
    g = " ".join(tokens(re.sub(r"\([^)]*\)", " ", got or "")))
    e = " ".join(tokens(re.sub(r"\([^)]*\)", " ", expected)))
    return bool(g) and (g == e or g in e or e in g)
