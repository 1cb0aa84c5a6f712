"""Positions and schools from the lines an entry shows, whatever layout the lines came from.

A LinkedIn entry, in every layout since 2022, shows its role as a few lines in a fixed order:
title, "Company · Employment type", "Start – End · Duration", "Place · Workplace type", and a
school as: school, "Degree, Field", "Start – End". The classic layout (``aria-hidden`` spans) and
the 2026 layout (``<p>`` elements) differ only in how the lines are found; this module reads them.
Lines are recognised by what they are (a date range, a known employment type), never by their
position alone, so a missing line does not shift the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from scraper.models import Position, School

from .text import clean, is_duration, parse_date_range
from .vocabulary import DEGREE_WORDS, EMPLOYMENT_TYPES, WORKPLACE_TYPES


def split_type(text: str) -> tuple[str | None, str | None]:
    """'Novare Potential · Full-time' -> ('Novare Potential', 'Full-time')."""
    parts = [p.strip() for p in text.split(" · ")]
    if len(parts) > 1 and parts[-1].lower() in EMPLOYMENT_TYPES:
        return clean(" · ".join(parts[:-1])), parts[-1]
    if parts[0].lower() in EMPLOYMENT_TYPES and len(parts) == 1:
        return None, parts[0]
    return clean(text), None


def split_location(text: str | None) -> str | None:
    """'Stockholm, Sweden · Hybrid' -> 'Stockholm, Sweden'; 'Hybrid' alone is no place.

    A role under a company group often shows only its workplace type; the group's place is then
    the role's place (the caller falls back to it).
    """
    if not text:
        return None
    parts = [p.strip() for p in text.split(" · ")]
    kept = [p for p in parts if p.lower() not in WORKPLACE_TYPES]
    return clean(" · ".join(kept)) if kept else None


def date_index(lines: list[str]) -> int:
    """Where the date line is among an entry's lines, or -1."""
    return next((i for i, line in enumerate(lines) if parse_date_range(line)), -1)


def role_from_lines(
    lines: list[str],
    *,
    company: str | None = None,
    group_type: str | None = None,
    group_location: str | None = None,
    has_location: bool = True,
    description: str | None = None,
    company_url: str | None = None,
) -> Position | None:
    """One role from its lines: title, [company · type | type], dates · duration, [location].

    In a volunteering card the line after the dates is the cause ("Education"), not a place.
    """
    if not lines:
        return None
    title = lines[0]
    d = date_index(lines)
    middle = lines[1:d] if d > 0 else lines[1:2]
    employment_type = None
    for line in middle:
        name, kind = split_type(line)
        employment_type = employment_type or kind
        if name and company is None:
            company = name
    dates = parse_date_range(lines[d]) if d > 0 else None
    after = lines[d + 1 :] if d > 0 else lines[2:]
    location = split_location(after[0]) if after and has_location else None
    return Position(
        title=title,
        company=company,
        start=dates.start if dates else None,
        end=dates.end if dates else None,
        duration=dates.duration if dates else None,
        employment_type=employment_type or group_type,
        location=location or group_location,
        description=description,
        company_url=company_url,
    )


@dataclass(frozen=True)
class Entry:
    """An Experience entry as a layout shows it: its own lines, its long text, the organisation
    it links, and the roles nested under it when it is a company with several."""

    lines: list[str]
    description: str | None = None
    link: str | None = None
    roles: list[Entry] = field(default_factory=list)


def positions_of(entries: Iterable[Entry], volunteering: bool = False) -> list[Position]:
    """Every role of an Experience (or volunteering) card, a company's grouped roles flattened."""
    out: list[Position] = []
    for entry in entries:
        if not entry.lines:
            continue
        if not entry.roles:
            role = role_from_lines(
                entry.lines,
                has_location=not volunteering,
                description=entry.description,
                company_url=entry.link,
            )
            out.extend([role] if role else [])
            continue
        header = group_header(entry.lines)
        for sub in entry.roles:
            role = role_from_lines(
                sub.lines,
                company=header.company,
                group_type=header.employment_type,
                group_location=header.location,
                has_location=not volunteering,
                description=sub.description,
                company_url=sub.link or entry.link,
            )
            out.extend([role] if role else [])
    return out


@dataclass(frozen=True)
class GroupHeader:
    """The lines above several roles at one company: its name, employment type, place."""

    company: str | None
    employment_type: str | None = None
    location: str | None = None


def group_header(lines: list[str]) -> GroupHeader:
    """Company, then "Full-time · 5 yrs 3 mos" or "5 yrs 11 mos", then maybe a place."""
    if not lines:
        return GroupHeader(None)
    kind = place = None
    for line in lines[1:]:
        parts = [p.strip() for p in line.split(" · ")]
        if all(p.lower() in EMPLOYMENT_TYPES or is_duration(p) for p in parts):
            kind = next((p for p in parts if p.lower() in EMPLOYMENT_TYPES), kind)
        elif place is None:
            place = split_location(line)
    return GroupHeader(lines[0], kind, place)


def split_degree(line: str | None) -> tuple[str | None, str | None]:
    """'Master's degree, Media Management' -> (degree, field); a lone line is one or the other."""
    if not line:
        return None, None
    if ", " in line:
        degree, field = line.split(", ", 1)
        return clean(degree), clean(field)
    if any(word in line.lower() for word in DEGREE_WORDS):
        return line, None
    return None, line


def school_from_lines(lines: list[str], school_url: str | None = None) -> School | None:
    """School, [Degree, Field], [dates]: the lines of an education entry."""
    if not lines:
        return None
    d = date_index(lines)
    dates = parse_date_range(lines[d]) if d > 0 else None
    degree_line = lines[1] if len(lines) > 1 and d != 1 else None
    degree, field = split_degree(degree_line)
    return School(
        school=lines[0],
        degree=degree,
        field=field,
        start=dates.start if dates else None,
        end=dates.end if dates else None,
        school_url=school_url,
    )
