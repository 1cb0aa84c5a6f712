"""Value objects the scraper produces and every other package reads.

All are frozen: a parsed page is a fact, not a work area. ``to_dict`` gives the JSON shape the
API, the CLI and the extension share (see README, "Shapes"); ``from_dict`` reads it back,
tolerating missing keys so that a user's hand-written profile JSON loads.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


def _tuple_of(cls, items) -> tuple:
    return tuple(cls.from_dict(i) if isinstance(i, dict) else i for i in (items or ()))


def _strings(items) -> tuple[str, ...]:
    return tuple(str(i).strip() for i in (items or ()) if i is not None and str(i).strip())


@dataclass(frozen=True)
class Position:
    """A role at an organisation: a job, or a volunteering role. Dates are "YYYY-MM" or "YYYY"."""

    title: str | None = None
    company: str | None = None
    start: str | None = None
    end: str | None = None  # None with a start means "Present"
    location: str | None = None
    description: str | None = None
    employment_type: str | None = None
    duration: str | None = None  # as the page says it, e.g. "3 yrs 1 mo"
    # The organisation's own page when the profile links it (LinkedIn's /company/<id>/): the same
    # link on two profiles is the same organisation, whatever each calls it.
    company_url: str | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Position:
        names = {f.name for f in fields(cls)}
        return cls(**{k: (str(v) if v is not None else None) for k, v in d.items() if k in names})


@dataclass(frozen=True)
class School:
    school: str | None = None
    degree: str | None = None
    field: str | None = None
    start: str | None = None
    end: str | None = None
    school_url: str | None = None  # LinkedIn's /school/<id>/ link, when the profile gives one

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> School:
        names = {f.name for f in fields(cls)}
        return cls(**{k: (str(v) if v is not None else None) for k, v in d.items() if k in names})


@dataclass(frozen=True)
class Profile:
    """A person as a page shows them. ``source_url`` is where it was read."""

    name: str | None = None
    headline: str | None = None
    location: str | None = None
    about: str | None = None
    experience: tuple[Position, ...] = ()
    education: tuple[School, ...] = ()
    skills: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    websites: tuple[str, ...] = ()
    source_url: str | None = None
    volunteering: tuple[Position, ...] = ()
    languages: tuple[str, ...] = ()
    certifications: tuple[str, ...] = ()
    # Things the person built (GitHub pinned repositories: "name: description") and honours.
    projects: tuple[str, ...] = ()
    awards: tuple[str, ...] = ()
    # The user's own profile only: what they are working towards ("move from analytics into data
    # science") and what they want from the person they write to ("a 20-minute call").
    goal: str | None = None
    ask: str | None = None
    # Sections the page did not show (LinkedIn loads Experience, Education and Skills lazily):
    # names from ("experience", "education", "skills"), so the result can say what is missing.
    missing_sections: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for key, value in d.items():
            if isinstance(value, tuple):
                d[key] = list(value)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Profile:
        if not isinstance(d, dict):
            raise TypeError("a profile is a JSON object")
        text = {
            k: (str(d[k]).strip() or None) if d.get(k) is not None else None
            for k in ("name", "headline", "location", "about", "source_url", "goal", "ask")
        }
        return cls(
            **text,
            experience=_tuple_of(Position, d.get("experience")),
            education=_tuple_of(School, d.get("education")),
            skills=_strings(d.get("skills")),
            interests=_strings(d.get("interests")),
            websites=_strings(d.get("websites")),
            volunteering=_tuple_of(Position, d.get("volunteering")),
            languages=_strings(d.get("languages")),
            certifications=_strings(d.get("certifications")),
            projects=_strings(d.get("projects")),
            awards=_strings(d.get("awards")),
            missing_sections=_strings(d.get("missing_sections")),
        )

    @property
    def is_empty(self) -> bool:
        """True when nothing identifies a person: no name and nothing else of substance."""
        return not self.name and not (self.headline or self.experience or self.education)


@dataclass(frozen=True)
class Post:
    """One blog post: its own text, without the site's furniture. ``published`` is ISO 8601."""

    url: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    tags: tuple[str, ...] = ()
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["tags"] = list(self.tags)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Post:
        return cls(
            url=d["url"],
            title=d.get("title"),
            published=d.get("published"),
            author=d.get("author"),
            tags=_strings(d.get("tags")),
            text=d.get("text") or "",
        )


@dataclass(frozen=True)
class Page:
    """What a fetch produced. ``url`` is what was asked for, ``final_url`` where it ended."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    html: str = ""
    from_cache: bool = False
    rendered: bool = False  # True when a browser produced the HTML

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()
