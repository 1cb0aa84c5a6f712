"""An organisation's LinkedIn page, from the link a profile gives for a school or an employer.

Two profiles linking one page name one organisation, whatever each calls it. Links come written
many ways: ``https://www.linkedin.com/company/2353/``, ``https://fr.linkedin.com/company/2353?trk=
...``, ``linkedin.com/school/2353/life/``. LinkedIn's schools and companies share one numbering
(real pages link a school's logo to ``/company/<id>/`` and its name to ``/school/<id>/`` with the
same id), so the page is its id alone. ``insights`` may not import the scraper's host check, so
the same test (the host is linkedin.com or a subdomain of it, never ``notlinkedin.com``) is here.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

_ORG_PATHS = frozenset({"company", "school"})
# Paths under /company/ that are LinkedIn's own pages, not an organisation's.
_NOT_AN_ORG = frozenset({"setup", "new", "admin"})


def _is_linkedin(host: str) -> bool:
    host = host.lower().rstrip(".")
    return host == "linkedin.com" or host.endswith(".linkedin.com")


def _org_path(url: str | None) -> tuple[str, str] | None:
    """("company" or "school", page id) of a LinkedIn organisation link, else None."""
    text = (url or "").strip()
    if not text:
        return None
    if "://" not in text:
        text = "https://" + text.lstrip("/")
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
    except ValueError:
        return None
    if not _is_linkedin(host):
        return None
    segments = [unquote(s).strip().lower() for s in parts.path.split("/") if s.strip()]
    if len(segments) < 2 or segments[0] not in _ORG_PATHS or segments[1] in _NOT_AN_ORG:
        return None
    return segments[0], segments[1]


def linkedin_org_id(url: str | None) -> str | None:
    """The page id of a LinkedIn /company/ or /school/ link ("2353", "sopra-steria"), else None."""
    found = _org_path(url)
    return found[1] if found else None


def org_page(url: str | None) -> str | None:
    """The link written one way (``https://www.linkedin.com/school/<id>/``), else None."""
    found = _org_path(url)
    return f"https://www.linkedin.com/{found[0]}/{found[1]}/" if found else None
