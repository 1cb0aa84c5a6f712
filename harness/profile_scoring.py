"""Scoring a parsed profile against a hand-checked gold file, field by field.

The gold format is that of ../shared/data/linkedin/logged-in/ (see its README, "How the gold files
read"). bench/profiles.py prints the figures; the parser tests assert on the same items.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from scraper.models import Profile
from scraper.profile.text import clean, parse_date_range

ABOUT_CHARS = 120  # the gold keeps the first 120 characters of About, whitespace collapsed


def _about(text: str | None) -> str | None:
    # Cut, then trimmed: a cut that ends on a space must not count against a gold that was trimmed.
    return (clean(text) or "")[:ABOUT_CHARS].rstrip() or None


def _dates(text: str | None) -> str | None:
    """Gold writes 'Jul 2021 - Present'; compare the normalised (start, end) pair."""
    if not text:
        return None
    r = parse_date_range(text)
    return f"{r.start}..{r.end or 'present'}" if r else clean(text)


def _our_dates(start: str | None, end: str | None) -> str | None:
    if not start:
        return None
    return f"{start}..{end or 'present'}"


def gold_items(gold: dict[str, Any]) -> Counter:
    """The gold file as a multiset of (field, value) items; nulls are not items."""
    items: list[tuple[str, str | None]] = [
        ("name", clean(gold.get("name"))),
        ("headline", clean(gold.get("headline"))),
        ("location", clean(gold.get("location"))),
        ("about", _about(gold.get("about"))),
    ]
    for p in gold.get("experience") or []:
        items += [
            ("position.title", clean(p.get("title"))),
            ("position.company", clean(p.get("company"))),
            ("position.dates", _dates(p.get("dates"))),
            ("position.duration", clean(p.get("duration"))),
            ("position.employment_type", clean(p.get("employment_type"))),
            ("position.location", clean(p.get("location"))),
        ]
    for s in gold.get("education") or []:
        items += [
            ("school.name", clean(s.get("school"))),
            ("school.degree", clean(s.get("degree"))),
            ("school.dates", _dates(s.get("dates"))),
        ]
    items += [("skill", clean(s)) for s in gold.get("skills") or []]
    items += _optional_gold_items(gold)
    return Counter(i for i in items if i[1])


# Fields only some gold files give: compared only for the pages whose gold gives them.
OPTIONAL_FIELDS = ("position.company_url", "school.school_url", "missing_section")


def declared_fields(gold: dict[str, Any]) -> set[str]:
    """The optional fields this gold file gives (an empty list counts: it says "none")."""
    out = set()
    if any("company_url" in p for p in gold.get("experience") or []):
        out.add("position.company_url")
    if any("school_url" in s for s in gold.get("education") or []):
        out.add("school.school_url")
    if "missing_sections" in gold:
        out.add("missing_section")
    return out


def _optional_gold_items(gold: dict[str, Any]) -> list[tuple[str, str | None]]:
    items: list[tuple[str, str | None]] = []
    items += [("position.company_url", p.get("company_url")) for p in gold.get("experience") or []]
    items += [("school.school_url", s.get("school_url")) for s in gold.get("education") or []]
    items += [("missing_section", m) for m in gold.get("missing_sections") or []]
    return items


def _optional_profile_items(profile: Profile) -> list[tuple[str, str | None]]:
    items: list[tuple[str, str | None]] = []
    items += [("position.company_url", p.company_url) for p in profile.experience]
    items += [("school.school_url", s.school_url) for s in profile.education]
    items += [("missing_section", m) for m in profile.missing_sections]
    return items


def profile_items(profile: Profile | None, gold: dict[str, Any] | None = None) -> Counter:
    """Our parse as the same multiset; the gold joins degree and field as 'degree, field'.

    With ``gold``, the optional fields that gold file gives are compared too.
    """
    if profile is None:
        return Counter()
    items: list[tuple[str, str | None]] = [
        ("name", clean(profile.name)),
        ("headline", clean(profile.headline)),
        ("location", clean(profile.location)),
        ("about", _about(profile.about)),
    ]
    for p in profile.experience:
        items += [
            ("position.title", clean(p.title)),
            ("position.company", clean(p.company)),
            ("position.dates", _our_dates(p.start, p.end)),
            ("position.duration", clean(p.duration)),
            ("position.employment_type", clean(p.employment_type)),
            ("position.location", clean(p.location)),
        ]
    for s in profile.education:
        degree = ", ".join(x for x in (s.degree, s.field) if x) or None
        items += [
            ("school.name", clean(s.school)),
            ("school.degree", clean(degree)),
            ("school.dates", _our_dates(s.start, s.end)),
        ]
    items += [("skill", clean(s)) for s in profile.skills]
    wanted = declared_fields(gold) if gold is not None else set()
    items += [i for i in _optional_profile_items(profile) if i[0] in wanted]
    return Counter(i for i in items if i[1])


def score(expected: Counter, got: Counter) -> dict[str, dict[str, float | int]]:
    """Per field and in total: true positives, predicted, gold, precision, recall."""
    fields = sorted({k for k, _ in expected} | {k for k, _ in got})
    out: dict[str, dict[str, float | int]] = {}
    for name in [*fields, "TOTAL"]:
        exp = Counter({k: v for k, v in expected.items() if name in ("TOTAL", k[0])})
        pred = Counter({k: v for k, v in got.items() if name in ("TOTAL", k[0])})
        tp = sum((exp & pred).values())
        n_pred, n_gold = sum(pred.values()), sum(exp.values())
        out[name] = {
            "tp": tp,
            "predicted": n_pred,
            "gold": n_gold,
            "precision": tp / n_pred if n_pred else 1.0,
            "recall": tp / n_gold if n_gold else 1.0,
        }
    return out


def missing_and_extra(expected: Counter, got: Counter) -> tuple[list, list]:
    return sorted((expected - got).elements()), sorted((got - expected).elements())
