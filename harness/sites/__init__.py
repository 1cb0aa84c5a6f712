"""Whole blogs written for the tests, served by the tests' local server (tests/conftest.py)."""


def slug(title: str) -> str:
    """A URL segment from a title: "Stoic philosophy, at work" -> "stoic-philosophy-at-work"."""
    kept = "".join(c.lower() if c.isalnum() else "-" for c in title)
    return "-".join(part for part in kept.split("-") if part)
