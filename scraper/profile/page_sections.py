"""Experience, education and skills written as plain lists on a personal page or CV.

Personal pages often have a visible "Experience" list that says more than their JSON-LD (titles,
dates): "<strong>Data Scientist</strong>, Spotify, Stockholm · 2018 – 2022". Only list items
under a section found by its id or its heading are read, so prose elsewhere is never mistaken for
a job.
"""

from __future__ import annotations

import copy
import re

from bs4 import BeautifulSoup, Tag

from scraper.models import Position, School

from .bio import DEGREE, is_role
from .dates import MONTHS
from .text import clean, inline_text, parse_date_range
from .vocabulary import DEGREE_WORDS

_SECTION_NAMES = {
    "experience": (
        "experience",
        "work",
        "work experience",
        "employment",
        "career",
        "jobs",
        "professional experience",
        "work history",
        "employment history",
        "career history",
        "where i've worked",
        "where i’ve worked",
        "positions",
        "appointments",
        # Portfolio builders' grids of year | role | place rows (a degree row among them is
        # education: see page_schools).
        "timeline",
        "resume",
        "résumé",
        "my journey",
    ),
    "education": (
        "education",
        "studies",
        "academic background",
        "qualifications",
        "academic qualifications",
        "degrees",
    ),
    "skills": (
        "skills",
        "expertise",
        "technologies",
        "tools",
        "skills & tools",
        "toolbox",
        "tool kit",
        "toolkit",
        "tech stack",
        "stack",
        "services",
        "what i do",
        "tags",
    ),
}
# A month is a month's name ("Apr 2021", "März 2019"), never the word before a year: in
# "Anna University, Chennai 2012 – 2016" the range is the years alone.
_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_DATE = rf"(?:\b(?:{_MONTH})\.?\s+)?\d{{4}}"
_RANGE_IN_TEXT = re.compile(
    rf"({_DATE})\s*(?:[-–—]|to)\s*({_DATE}|present|now|today|current)\b", re.IGNORECASE
)
_SEPARATORS = re.compile(r"\s*(?:,|·|\||\s[-–—]\s|\bat\b|@)\s*")
MAX_ITEMS = 40
_HEADINGS = ("h1", "h2", "h3", "h4")


# A theme's section title that is not a heading element: <div class="section-title">.
_LABEL_CLASS = re.compile(r"(?:title|heading|header|label)", re.I)


def _is_label(node: Tag) -> bool:
    return node.name in _HEADINGS or (
        node.name in ("div", "span", "p", "h5", "h6", "dt")
        and bool(_LABEL_CLASS.search(" ".join(node.get("class") or [])))
        and len(clean(node.get_text(" ")) or "") <= 40
    )


def find_page_section(soup: BeautifulSoup, key: str) -> Tag | None:
    names = _SECTION_NAMES[key]
    node = soup.find(id=re.compile(rf"^(?:{'|'.join(map(re.escape, names))})$", re.I))
    if isinstance(node, Tag) and node.name in ("section", "div", "article"):
        # A one-pager's <section id="work"> whose own heading says "Selected work" or
        # "Projects" is a portfolio, not the person's jobs.
        heading = node.find(["h1", "h2", "h3"])
        own = (clean(heading.get_text(" ")) or "").lower().rstrip(":") if heading else None
        if own is None or own in names:
            return node

    for heading in soup.find_all(["h2", "h3", "h4"], limit=200):
        if (clean(heading.get_text(" ")) or "").lower().rstrip(":") in names:
            return heading
    for label in soup.find_all(class_=_LABEL_CLASS, limit=300):
        if _is_label(label) and (clean(label.get_text(" ")) or "").lower().rstrip(":") in names:
            return label
    return None


def _parts(section: Tag) -> list[Tag]:
    """What a section holds. A heading found by its text owns what follows it up to the next
    heading (a CV page often puts "Experience" and "Education" in one block); when nothing
    follows it, its section or parent does."""
    if not _is_label(section):
        return [section]
    parts = _following(section)
    if parts:
        return parts
    parent = section.find_parent(["section", "article"]) or section.parent
    return [parent] if parent is not None else []


def _level(node: Tag) -> int:
    """h1 is 1 ... h4 is 4; a themed section title counts as a top-level heading."""
    return int(node.name[1]) if node.name in _HEADINGS else 1


def _following(heading: Tag) -> list[Tag]:
    """The elements after a heading, up to the next heading of its level or above (the jobs
    under "Experience" may each have a heading of their own, one level down)."""
    level = _level(heading)
    parts: list[Tag] = []
    # A heading alone in its wrapper (page builders wrap every element): the wrapper's
    # siblings follow it.
    start: Tag = heading
    for _ in range(2):
        parent = start.parent
        if start.find_next_sibling() is not None or parent is None or parent.name == "body":
            break
        if clean(parent.get_text(" ")) != clean(heading.get_text(" ")):
            break
        start = parent
    for sibling in start.find_next_siblings(limit=50):
        inner = sibling.find(_HEADINGS)
        if (_is_label(sibling) and _level(sibling) <= level) or (
            inner is not None and _level(inner) <= level
        ):
            break
        parts.append(sibling)
    return parts


_NOT_FIELDS = ("i", "svg", "img", "script", "style", "br")


def cv_parts(soup: BeautifulSoup) -> list[Tag]:
    """The elements that hold the page's Experience, Education and Skills entries (not a whole
    page that merely contains one of those headings)."""
    out: list[Tag] = []
    for key in _SECTION_NAMES:
        section = find_page_section(soup, key)
        if section is None:
            continue
        out += [section, *_following(section)] if _is_label(section) else [section]
    return out


def _fields(item: Tag) -> list[Tag]:
    """An entry's parts when a theme puts each in its own element (title, organisation, dates),
    looking through a lone wrapper; fewer than two means the entry is one run of text."""
    for _ in range(4):
        # "<strong>Data Scientist</strong> · Swiggy · Bengaluru <em>2019 – 2021</em>": the
        # words between the tags are fields too, so the entry is one run of text.
        loose = "".join(str(t) for t in item.find_all(string=True, recursive=False))
        if re.search(r"\w", loose):
            return []
        children = [
            c for c in item.find_all(True, recursive=False)
            if c.name not in _NOT_FIELDS and clean(c.get_text(" "))
        ]  # fmt: skip
        if len(children) != 1 or children[0].name in ("strong", "b", "em", "a", "span"):
            return children if len(children) >= 2 else []
        item = children[0]
    return []


def _dated_entries(parts: list[Tag]) -> list[Tag]:
    """Blocks that are one entry each: separate fields, one of them a date range ("Careem ·
    2022 – Present" under an <h3> with the title). Their list items are descriptions."""
    found: list[Tag] = []
    for part in parts:
        blocks = part.find_all(["div", "li", "p", "article", "section"], limit=200)
        for block in [part, *blocks]:
            if block.name == "dl":
                continue
            fields = _fields(block)
            dated = len(fields) >= 2 and any(_RANGE_IN_TEXT.search(f.get_text(" ")) for f in fields)
            if not dated and _lines(block):
                dated = _RANGE_IN_TEXT.search(block.get_text(" ")) is not None
            if dated and not _holds_a_section_title(block):
                rows = _grid_rows(fields)
                if rows:
                    found += rows
                elif not any(block in f.parents or f is block for f in found):
                    found.append(block)
    # The innermost entries only: a wrapper of several entries is not one.
    return [b for b in found if not any(o is not b and b in o.parents for o in found)][:MAX_ITEMS]


def _grid_rows(fields: list[Tag]) -> list[Tag]:
    """A grid laid out as one run of cells, "2021 – Now | Lead Designer | Productboard | 2018 –
    2021 | ...": several cells hold a date range at a regular step, so every step is one row.
    The rows come back as new elements holding copies of their cells; [] for any other block."""
    dated = [i for i, f in enumerate(fields) if _RANGE_IN_TEXT.search(f.get_text(" "))]
    if len(dated) < 2:
        return []
    step = dated[1] - dated[0]
    if step < 2 or len(fields) % step or dated != list(range(dated[0], len(fields), step)):
        return []
    rows = []
    for start in range(0, len(fields), step):
        row = Tag(name="div")
        for cell in fields[start : start + step]:
            row.append(copy.copy(cell))
        rows.append(row)
    return rows


_ENTRY_HEADINGS = ("h3", "h4", "h5", "h6")


def _heading_entries(parts: list[Tag]) -> list[Tag]:
    """Entries written as a heading each, "Staff Engineer · Satispay · Milan", with the dates in
    a line below it (<time>, <span>, <em>): each heading and its first dated line as one entry.
    [] unless every heading among the parts has a date range before the next heading."""
    entries: list[Tag] = []
    heading: Tag | None = None
    dated: Tag | None = None
    for part in [*parts, None]:
        if part is None or part.name in _ENTRY_HEADINGS:
            if heading is not None:
                if dated is None:
                    return []
                entry = Tag(name="div")
                entry.append(copy.copy(heading))
                entry.append(copy.copy(dated))
                entries.append(entry)
            heading, dated = part, None
        elif heading is not None and dated is None:
            if _RANGE_IN_TEXT.search(part.get_text(" ")) and len(part.get_text(" ")) <= 80:
                dated = part
    return entries[:MAX_ITEMS]


def _items(section: Tag | None) -> list[Tag]:
    """The section's entries: blocks with a date range made of separate fields, else its list
    items, else its blocks made of separate fields."""
    if section is None:
        return []
    parts = _parts(section)
    # A definition list: each <dd> is an entry, the <dt> before it its years.
    terms = [dd for p in parts for dd in ([p] if p.name == "dd" else p.find_all("dd", limit=40))]
    if terms:
        return terms[:MAX_ITEMS]
    headed = _heading_entries(parts)
    if headed:
        return headed
    dated = _dated_entries(parts)
    if len(dated) >= 2 or (dated and not any(p.find("li") for p in parts)):
        return dated
    items: list[Tag] = []
    for part in parts:
        items += [part] if part.name == "li" else part.find_all("li", limit=MAX_ITEMS)
    if not items:
        entries = [p for p in parts if len(_fields(p)) >= 2]
        if not entries and len(parts) == 1:
            entries = [c for c in parts[0].find_all(True, recursive=False) if _fields(c)]
        items = entries
    return items[:MAX_ITEMS]


_BLOCKS = ["p", "div", "li", "ul", "ol", "table", "section", "article", *_HEADINGS]


def _holds_a_section_title(block: Tag) -> bool:
    """The block holds an "Experience" or "Education" heading: it is the section, not an entry."""
    names = {n for group in _SECTION_NAMES.values() for n in group}
    return any(
        (clean(h.get_text(" ")) or "").lower().rstrip(":") in names
        for h in block.find_all(_HEADINGS, limit=20)
    )


def _lines(block: Tag) -> list[str]:
    """A leaf block written as fields on lines or between bars ("Lund University | Lund, Sweden
    <br> PhD in Biostatistics | Sept 2014 - June 2019"); [] for any other block."""
    if block.find(_BLOCKS) is not None:
        return []
    text = "".join(
        "\n" if isinstance(node, Tag) and node.name == "br" else str(node)
        for node in block.descendants
        if not isinstance(node, Tag) or node.name == "br"
    )
    if "|" not in text and "\n" not in text.strip():
        return []
    return [p for p in (clean(x) for x in re.split(r"[|\n]", text)) if p]


def _without_range(text: str) -> tuple[str, str | None, str | None]:
    m = _RANGE_IN_TEXT.search(text)
    if not m:
        return text, None, None
    end = m.group(2)
    if end.lower() in ("now", "today", "current"):
        end = "Present"  # what the date reader knows an open range by
    dates = parse_date_range(f"{m.group(1)} - {end}")
    rest = (text[: m.start()] + text[m.end() :]).strip(" ,·|()—–-")
    return rest, (dates.start if dates else None), (dates.end if dates else None)


def _split(item: Tag) -> tuple[str | None, list[str], str | None, str | None]:
    """(emphasised title, other comma-separated parts, start, end) of a list item; for an entry
    of separate fields, (None, the fields in order, start, end), descriptions left out."""
    fields = _fields(item)
    if len(fields) >= 2:
        parts, start, end = [], None, None
        for field in fields:
            text, s, e = _without_range(inline_text(field) or "")
            start, end = start or s, end or e
            # "PhD in Electrical Engineering, 2023": the year of a degree is not part of it.
            text = re.sub(r",?\s*\b(?:19|20)\d\d$", "", text).strip(" ,·|")
            if text and not (len(text) > 80 or (text.endswith(".") and len(text.split()) >= 4)):
                parts.append(text)
        if len(parts) == 1:  # "Senior Frontend Engineer @ Shopify" in one heading
            parts = [p for p in (clean(x) for x in _SEPARATORS.split(parts[0])) if p]
        return None, parts, start, end
    lines = _lines(item)
    if len(lines) >= 2:
        parts, start, end = [], None, None
        for line in lines:
            rest, s, e = _without_range(line)
            start, end = start or s, end or e
            if rest:
                parts.append(rest)
        return None, parts, start, end
    text, start, end = _without_range(inline_text(item) or "")
    text = re.sub(r"\s*\((?:19|20)\d\d\)", "", text)  # "University of Edinburgh (2016)"
    term = item.find_previous_sibling("dt") if item.name == "dd" else None
    if term is not None and start is None:
        _, start, end = _without_range(inline_text(term) or "")
    strong = item.find(["strong", "b", "h3", "h4"])
    title = clean(strong.get_text(" ")) if strong is not None else None
    if title and text.startswith(title):
        text = text[len(title) :]
    parts = [p for p in (clean(x) for x in _SEPARATORS.split(text)) if p]
    return title, parts, start, end


# How a job was held, as CVs write it: "(internship)", "Freelance", "self-employed", "part-time".
_EMPLOYMENT = {
    "internship": "Internship",
    "intern": "Internship",
    "freelance": "Freelance",
    "freelancer": "Freelance",
    "self-employed": "Self-employed",
    "self employed": "Self-employed",
    "part-time": "Part-time",
    "part time": "Part-time",
    "full-time": "Full-time",
    "full time": "Full-time",
    "contract": "Contract",
    "contractor": "Contract",
    "temporary": "Temporary",
    "volunteer": "Volunteer",
    "seasonal": "Seasonal",
}
_EMPLOYMENT_WORDS = "|".join(sorted((re.escape(k) for k in _EMPLOYMENT), key=len, reverse=True))
# The closing bracket may have gone with a date range after it.
_IN_BRACKETS = re.compile(rf"\s*\((?P<kind>{_EMPLOYMENT_WORDS})(?:\)\s*|$)", re.I)
_LEADING_KIND = re.compile(r"^(?P<kind>freelance|self-employed|part-time|contract)\s+(?=\w)", re.I)
# Working for oneself: no company is named, whatever follows is the place.
_ON_ONES_OWN = {"Freelance", "Self-employed"}


def _employment(title: str, parts: list[str]) -> tuple[str, list[str], str | None, int | None]:
    """The title and parts without the employment type, the type, and the index of the part
    that was only the type ("Data analyst · Freelance")."""
    kind, alone = None, None
    out = []
    for i, part in enumerate([title, *parts]):
        m = _IN_BRACKETS.search(part)
        if m:
            kind = kind or _EMPLOYMENT[m.group("kind").lower()]
            part = (part[: m.start()] + " " + part[m.end() :]).strip()
        lowered = part.lower().strip(" .")
        if i and lowered in _EMPLOYMENT and lowered != "intern":
            kind, alone = kind or _EMPLOYMENT[lowered], alone if alone is not None else i - 1
            continue
        m = _LEADING_KIND.match(part) if i == 0 else None
        if m:  # "Freelance animator"
            kind = kind or _EMPLOYMENT[m.group("kind").lower()]
            part = part[m.end() :]
            part = part[:1].upper() + part[1:]
        if part:
            out.append(part)
    return out[0] if out else title, out[1:], kind, alone


def _is_education(title: str | None, parts: list[str]) -> bool:
    """A row of a Timeline or Resume grid that is a degree at a school, not a job."""
    texts = [t for t in (title, *parts) if t]
    if not any(names_school(t) for t in texts):
        return False
    # "MgA., Graphic Design | Academy of Arts": no job title beside a school is a degree too.
    return any(_is_degree(t) for t in texts) or not any(is_role(t) for t in texts)


def page_positions(soup: BeautifulSoup) -> list[Position]:
    out = []
    for item in _items(find_page_section(soup, "experience")):
        title, parts, start, end = _split(item)
        if _is_education(title, parts):
            continue  # read by page_schools
        # "Karolinska Institutet | Biostatistician": the company may come first.
        if title is None and len(parts) >= 2 and not is_role(parts[0]) and is_role(parts[1]):
            parts = [parts[1], parts[0], *parts[2:]]
        if title is None and parts:
            title, parts = parts[0], parts[1:]
        if not (title and (parts or start)):
            continue  # a lone phrase is not a job
        title, parts, kind, alone = _employment(title, parts)
        company = parts[0] if parts else None
        places = parts[1:]
        if kind in _ON_ONES_OWN and (alone in (None, 0)):
            company, places = None, parts  # "Freelance animator | Lagos": Lagos is no company
        out.append(
            Position(
                title=title,
                company=company,
                location=", ".join(places) or None,
                start=start,
                end=end,
                employment_type=kind,
            )
        )
    return out


# Words that name a school, in the languages CVs are written in, and bootcamp brands.
_SCHOOL_WORDS = re.compile(
    r"\b(?:universit(?:y|ies|ät|à|é|eit|et|y)|universidad|universidade|uniwersytet|institute|"
    r"institut|instituto|istituto|college|school|schule|hochschule|academy|akademie|accademia|"
    r"academia|polytechnic|politecnico|polytechnique|politécnica|conservatory|conservatoire|"
    r"seminary|bootcamp|école|escuela|escola|fachhochschule|technion|"
    r"ETH|EPFL|MIT|UCL|IIT|NIT|IIM|KTH|TU\s+\w+|Le\s+Wagon|Ironhack|General\s+Assembly|"
    r"Recurse\s+Center|Hack\s+Reactor|App\s+Academy|Lambda\s+School|Flatiron)\b",
    re.I,
)
# Separators between the parts of an education line stronger than a comma: "M.Tech, Computer
# Science — Indian Institute of Technology Madras, Chennai".
_STRONG_SEPARATORS = re.compile(r"\s+[-–—]\s+|\s*[·|]\s*")


def names_school(text: str | None) -> bool:
    """The text names a school ("Indian Institute of Technology Madras", "Le Wagon")."""
    return bool(text) and _SCHOOL_WORDS.search(text or "") is not None


def _school_groups(item: Tag) -> list[str] | None:
    """An education line of one run of text cut at its strong separators, when exactly one
    part names a school: that part, as written with its city, is the school."""
    if len(_fields(item)) >= 2 or len(_lines(item)) >= 2:
        return None
    text, _, _ = _without_range(inline_text(item) or "")
    text = re.sub(r"\s*\((?:19|20)\d\d\)", "", text).strip(" ,·|()—–-")
    groups = [g for g in (clean(x) for x in _STRONG_SEPARATORS.split(text)) if g]
    schools = [g for g in groups if names_school(g) and not _is_degree(g)]
    if len(groups) < 2 or len(schools) != 1:
        return None
    return [schools[0], *[g for g in groups if g is not schools[0]]]


def _degree_of(text: str) -> tuple[str, str | None]:
    """'M.Tech, Computer Science' or 'MSc in Physics' -> (degree, field)."""
    m = re.fullmatch(r"(?P<degree>[^,]+?),\s*(?P<field>.+)", text)
    if m and _is_degree(m.group("degree")):
        return m.group("degree"), m.group("field")
    return _degree_and_field(text)


def page_schools(soup: BeautifulSoup) -> list[School]:
    items = _items(find_page_section(soup, "education"))
    # A degree row of a Timeline or Resume grid (see page_positions).
    for item in _items(find_page_section(soup, "experience")):
        title, parts, _, _ = _split(item)
        if _is_education(title, parts):
            items.append(item)
    out = []
    for item in items:
        title, parts, start, end = _split(item)
        names = ([title] if title else []) + parts
        if not names:
            continue
        groups = _school_groups(item)
        if groups:
            written, subject = _degree_of(groups[1])
            out.append(
                School(
                    school=groups[0],
                    degree=written,
                    field=", ".join(f for f in (subject, *groups[2:]) if f) or None,
                    start=start,
                    end=end,
                )
            )
            continue
        if len(names) > 1 and not names_school(names[0]):
            # The part that names a school is the school, wherever it stands.
            at = next((i for i, n in enumerate(names) if names_school(n)), None)
            if at is not None:
                names = [names[at], *names[:at], *names[at + 1 :]]
        if len(names) > 1 and _is_degree(names[0]) and not _is_degree(names[1]):
            names = [names[1], names[0], *names[2:]]  # "MSc in Physics" above "University of X"
        elif len(names) > 2 and not _is_degree(names[1]):
            # "Lund University | Lund, Sweden | PhD in Biostatistics": the degree is further on,
            # and what comes between is the school's place.
            degrees = [n for n in names[2:] if _is_degree(n)]
            if degrees:
                names = [names[0], degrees[0]]
        degree, field = _degree_and_field(names[1]) if len(names) > 1 else (None, None)
        out.append(
            School(
                school=names[0],
                degree=degree,
                field=", ".join(f for f in (field, *names[2:]) if f) or None,
                start=start,
                end=end,
            )
        )
    return out


def _is_degree(text: str) -> bool:
    lowered = text.lower()
    return any(lowered.startswith(word) for word in DEGREE_WORDS) or bool(
        re.match(rf"(?:{DEGREE}|B\.E\.|M\.E\.)(?!\w)", text)
    )


def _degree_and_field(text: str) -> tuple[str, str | None]:
    """'MSc in Computer Science' -> ('MSc', 'Computer Science'); other text is the degree."""
    m = re.fullmatch(r"(?P<degree>\S+(?:\s+of\s+\w+)?)\s+in\s+(?P<field>.+)", text)
    if m and _is_degree(m.group("degree")):
        return m.group("degree"), m.group("field")
    return text, None


# A list that names itself a list of skills: <ul class="skills-list">, "tech-stack".
_SKILL_LIST = re.compile(r"(?:^|[-_])(?:skills?|tech-stack|technologies)(?:$|[-_])", re.I)


def page_skills(soup: BeautifulSoup) -> list[str]:
    section = find_page_section(soup, "skills") or soup.find(["ul", "ol"], class_=_SKILL_LIST)
    if section is None:
        return []
    items: list[str | None] = []
    parts = _parts(section)
    if not any(p.name == "li" or p.find("li") for p in parts):
        # Tags: a row of short <span>s or links, one skill each.
        for part in parts:
            row = part.find_all(["span", "a"], recursive=True, limit=60)
            leaves = [t for t in row if t.find(["span", "a", "div", "p"]) is None]
            if len(leaves) >= 2 and clean(part.get_text(" ")) == clean(
                " ".join(t.get_text(" ") for t in leaves)
            ):
                items += [inline_text(t) for t in leaves]
    items = items or [inline_text(li) for li in _items(section)]
    if not items:
        paragraphs = [p for part in _parts(section) for p in part.find_all("p", limit=5)]
        paragraphs += [part for part in _parts(section) if part.name == "p"]
        text = " ".join(inline_text(p) or "" for p in paragraphs[:5])
        items = re.split(r"\s*[,;·|]\s*", text)
    return [s for s in (clean(i) for i in items) if s and len(s) <= 60]
