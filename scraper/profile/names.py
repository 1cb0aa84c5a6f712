"""A person's name as a page shows it, without the decoration around it.

LinkedIn and personal sites let people decorate their name: "Ross Martin 🚀", "✨ Ana Costa ✨",
"Jo Doe (she/her)". Openers greet the person by name, so the decoration is dropped; letters in
every script stay.
"""

from __future__ import annotations

import re
import unicodedata

from .text import clean

# Pronouns written after a name: "(she/her)", "(He/Him)", "(they/them/theirs)".
_PRONOUNS = re.compile(r"\s*\(\s*[^\W\d_]+(?:\s*/\s*[^\W\d_]+){1,2}\s*\)\s*$")
# Joiners and variation selectors that hold emoji sequences together.
_JOINERS = {"\u200d", "\ufe0e", "\ufe0f", "\u20e3"}


def _is_decoration(char: str) -> bool:
    if char in _JOINERS:
        return True
    category = unicodedata.category(char)
    # So: emoji and other pictographs; Sk: skin-tone modifiers; Co: private-use icon fonts.
    return category in ("So", "Sk", "Co")


def person_name(text: str | None) -> str | None:
    """'Ross Martin 🚀' -> 'Ross Martin'; 'Jo Doe (she/her)' -> 'Jo Doe'; None if nothing is left"""
    text = clean(text)
    if not text:
        return None
    text = "".join(" " if _is_decoration(c) else c for c in text)
    text = _PRONOUNS.sub("", text)
    text = clean(text)
    if text:
        text = text.strip(" |·•-–—,")
    return clean(text)
