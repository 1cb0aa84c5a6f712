"""Case of text taken from profiles and posts: kept as written, with one exception.

A sentence's first word is capitalised because it starts the sentence ("Moving into data
science", "Building payment APIs"); set inside another sentence it is written in lower case, as
a person would. A phrase in title case ("Data Analyst at Shopify"), a name or an acronym keeps
its case: lowering only its first letter gives "data Analyst", which no person writes.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def can_lower_initial(text: str) -> bool:
    """True when the first word is capitalised only because it starts the text."""
    words = _WORD.findall(text)
    if not words:
        return False
    first = words[0]
    if not (first[0].isupper() and first[1:].islower()) or len(first) < 2:
        return False
    # The next word tells title case ("Data Analyst") from a sentence ("Data pipelines ...").
    following = words[1:3]
    if following and any(w[0].isupper() for w in following[:1]):
        return False
    return first.lower() not in _KEEP


# Capitalised first words that are names in any position.
_KEEP = frozenset({"i", "english", "python", "java", "swift", "rust", "go", "monday"})


def lower_initial(text: str) -> str:
    """``text`` with its first letter lowered when ``can_lower_initial`` allows it."""
    text = text.strip()
    if can_lower_initial(text):
        return text[0].lower() + text[1:]
    return text
