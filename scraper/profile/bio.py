"""Facts from a prose bio: "I am a research scientist at Google DeepMind in San Francisco ...
I did my PhD at UC Berkeley" gives a title, an employer, a place and a school.

Personal sites often have no structured data, only a paragraph about the person. The sentences
that carry these facts follow a few shapes in English: "<I am | X is | I work as> a <title> at
<Organisation>", "based in / live in <Place>", "<degree> at|from <School>", "studied ... at
<School>". Names of organisations and places are runs of capitalised words (with "of", "for",
"de", "&" inside them), which is what separates "Google DeepMind" from "a small fintech".
A sentence about the past ("Previously I was a designer at Airbnb") gives no current role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scraper.models import Position

from .text import clean

# A capitalised word: a letter or digit first, then word characters, dots (Booking.com, Ph.D.)
# and apostrophes; or an all-caps acronym (ETH, IIT, UC).
# A capitalised word, or one spelled in camel case (eBay, mPharma, iRobot).
_WORD = r"(?:[A-Z0-9][\w.'’&-]*[\w’&])|[A-Z]|(?:[a-z][A-Z][\w.'’&-]*[\w’&])"
# "University of the Witwatersrand", "Universidad de los Andes": "of the", "de los" join too.
_JOINER = r"(?:of\s+the|de\s+l[ao]s?|of|for|de|di|da|del|der|du|and|&|am|an|in der|la|le|y|e)"
# "Google DeepMind", "Transport for London", "University of California", "Politecnico di Milano"
# The pronoun "I" never continues a name ("at Cloudflare and I live in Austin").
_NAME = rf"(?:{_WORD})(?:\s+(?:{_JOINER}\s+)?(?!I\b)(?:{_WORD}))*"
_PLACE = rf"(?:{_WORD})(?:\s+(?:{_WORD}))*(?:,\s*(?:{_WORD})(?:\s+(?:{_WORD}))*)?"
# "a research scientist", "an ML engineer", "a Staff Engineer" (a few words before "at")
_TITLE = r"(?P<title>[A-Za-z][\w-]*(?:\s+(?:of|in|and|for)?\s*[A-Za-z][\w-]*){0,6}?)"
_ORG = rf"(?P<org>(?:the\s+)?{_NAME})"
_BE = (
    r"(?:I\s+am|I['’]m|I\s+work\s+as|I['’]m\s+currently|I\s+am\s+currently|is|is\s+currently"
    r"|currently|by\s+day\s+I['’]m|,)"
)
_ROLE = re.compile(rf"(?:^|\b|,)\s*{_BE}\s+(?:a|an)\s+{_TITLE}\s+(?:at|with)\s+{_ORG}")
_WORK_AT = re.compile(
    rf"\bI\s+(?:work(?:\s+on\s+[\w\s]{{1,40}}?)?|lead\s+[\w\s]{{1,30}}?|run\s+[\w\s]{{1,30}}?"
    rf"|manage\s+[\w\s]{{1,30}}?)"
    rf"\s+(?:at|for)\s+{_ORG}"
)
# "at Adyen in Amsterdam", "at JetBrains Research, Prague." (a place after a comma only when
# the sentence ends there: "at Google, where I ..." names none).
_PLACE_AFTER_ORG = re.compile(
    rf"^(?:\s+in\s+(?P<place>{_PLACE})|,\s*(?P<end_place>{_PLACE})\s*(?:[.;!]|$))"
)
# "a mobile developer in Warsaw": a role in a place, no organisation named. Fields of study
# are written the same way ("a lecturer in Computer Science"), so those words are no place.
_ROLE_IN_PLACE = re.compile(
    rf"(?:^|\b(?:a|an)\s+){_TITLE}\s+(?:in|from)\s+(?P<place>{_PLACE})(?=\s*(?:[.:;!]|$))"
)
_ACADEMIC = {
    "lecturer", "professor", "reader", "fellow", "researcher", "student", "candidate",
    "scientist", "chair", "teacher", "instructor", "postdoc", "associate", "assistant",
}  # fmt: skip
_FIELD_WORDS = {
    "science", "sciences", "engineering", "studies", "learning", "department", "lab",
    "laboratory", "group", "team", "research", "mathematics", "physics", "biology", "economics",
}  # fmt: skip
_LIVE_IN = re.compile(
    rf"\b(?:based\s+(?:in|out\s+of)|I\s+live\s+in|living\s+in|located\s+in"
    rf"|(?:working|work)\s+(?:remotely\s+)?from|I['’]m\s+from)\s+(?P<place>{_PLACE})"
)
DEGREE = (
    r"(?:Ph\.?\s?D\.?|PhD|doctorate|DPhil|[Mm]aster['’]?s|MSc|M\.Sc\.|MBA|MA|MS|BSc|B\.Sc\.|BA|BS"
    r"|B\.S\.|M\.S\.|B\.A\.|M\.A\.|B\.\s?Eng\.?|M\.\s?Eng\.?|BEng|MEng|B\.?Des\.?|M\.?Des\.?"
    r"|B\.?Tech|M\.?Tech|[Bb]achelor['’]?s|Bachelor\s+of\s+\w+|Master\s+of\s+\w+|degree"
    r"|undergrad\w*|postdoc)"
)
# "PhD in Computer Science from Stanford": the field between the degree and the school.
_FIELD = (
    r"(?:\s+(?:candidate|student|researcher)\b)?"
    r"(?:\s+in\s+(?P<field>[A-Za-z][\w-]*"
    r"(?:\s+(?!(?:from|at)\b)(?:and\s+)?[A-Za-z][\w-]*){0,3}(?=\s+(?:from|at)\b)))?"
)
_SCHOOL = re.compile(
    rf"(?:\b(?P<degree>{DEGREE})(?!\w){_FIELD}|\b[Ss]tudied\b|\b[Ss]tudying\b|\bgraduated\b"
    rf"|\bgraduate\b|\bmy\s+\w+\s+degree\b)"
    # What lies between the degree and the school names no job and no other degree: in
    # "Before the PhD I worked as an engineer at eBay" the PhD is not from eBay.
    rf"(?:(?!\b(?:as\s+an?|worked|work|hold|{DEGREE})\b)[^.;]){{0,80}}?"
    rf"\b(?:at|from)\s+(?P<school>(?:the\s+)?{_NAME})"
)
# "... at the University of X, where I also studied computer science" (the school first).
_SCHOOL_BEFORE = re.compile(
    rf"\b(?:at|from)\s+(?P<school>(?:the\s+)?{_NAME}),?\s+where\s+I\s+(?:also\s+)?"
    rf"(?:studied|did\s+my|got\s+my|earned\s+my|graduated)\b"
)
# Words a job title ends with: "assistant professor in the Machine Learning Department" is an
# assistant professor; a title that names none of them is kept whole.
ROLE_NOUNS = set(
    """
    engineer developer scientist researcher professor lecturer designer manager director lead
    head founder co-founder cofounder architect analyst consultant writer editor student fellow
    postdoc administrator officer advocate specialist programmer instructor teacher intern
    partner principal cto ceo cfo coo vp president owner maintainer librarian economist
    statistician physician doctor journalist reporter producer artist photographer strategist
    coach technologist sre devops hacker investor chair dean associate assistant candidate
    illustrator animator forecaster planner nurse pharmacist lawyer attorney accountant curator
    translator tutor technician surveyor paralegal auditor pilot chef nutritionist therapist
    psychologist veterinarian dentist midwife surgeon actuary underwriter recruiter
    """.split()
)
# Role words long enough to end a compound job word ("biostatistician", "co-founder").
_SUFFIXES = ("statistician", "engineer", "scientist", "developer", "designer", "founder",
             "manager", "analyst", "intern", "architect", "researcher")  # fmt: skip
# A job held before: "I was a postdoc at X", "five years as a backend developer at Y".
_PAST_ROLE = re.compile(
    rf"(?:\bI\s+(?:was|worked|spent|served)\b(?:[\w\s,]{{0,30}}?\bas)?|\b(?:years?|months?)\s+as"
    rf"|\bwas\s+previously|\b(?i:previously)|\bwas(?=\s+an?\s))\s+(?:(?:a|an)\s+)?{_TITLE}"
    rf"\s+(?:at|with|for)\s+{_ORG}"
)
_YEARS = re.compile(r"\b(?:[Bb]etween|[Ff]rom)\s+(\d{4})\s+(?:and|to|until|-|–)\s+(\d{4})\b")
# "I joined UCT as a senior lecturer in 2016 and was promoted to associate professor in 2021",
# "I came to the Universidad de Chile as a postdoc in 2019 and became an assistant professor in
# 2022": a start at an organisation, and the role it led to.
_JOINED = re.compile(
    rf"\b(?:joined|came\s+to|moved\s+to|started\s+at)\s+{_ORG}\s+as\s+(?:a|an)\s+{_TITLE}"
    rf"\s+in\s+(?P<since>(?:19|20)\d\d)\b"
    rf"(?:[^.;]{{0,40}}?\b(?:promoted\s+to|became|made|named)\s+(?:(?:a|an)\s+)?"
    rf"(?P<next>[A-Za-z][\w-]*(?:\s+(?:of|in|and|for)?\s*[A-Za-z][\w-]*){{0,6}}?)"
    rf"\s+in\s+(?P<then>(?:19|20)\d\d)\b)?"
)
# A word that names a kind of school but no school by itself ("the University's admissions").
_GENERIC_SCHOOLS = {"university", "college", "school", "institute", "academy", "faculty"}
# A bio that opens with the role, without a subject: "Data engineer at Nubank."
_BARE_ROLE = re.compile(
    rf"^(?:(?i:currently|now|right\s+now)[,:]?\s+)?(?P<title>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){{0,4}}?)"
    rf"\s+(?:at|@)\s+{_ORG}"
)
# A sentence about the past gives no current role.
_PAST = re.compile(
    r"\b(?:previously|formerly|before\s+that|used\s+to|was|were|had\s+been|until\s+\d{4})\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+")
_BULLET = re.compile(r"^[•·*–-]\s*")
# Capitalised words that start a sentence or a clause but name nothing.
_NOT_NAMES = {"I", "The", "A", "An", "My", "We", "Our", "In", "At", "And", "But", "He", "She"}


@dataclass(frozen=True)
class BioFacts:
    title: str | None = None
    employer: str | None = None
    place: str | None = None
    schools: tuple[str, ...] = field(default_factory=tuple)
    # The degree a sentence names with a school ("I did my PhD at UC Berkeley"), by school.
    degrees: dict[str, str] = field(default_factory=dict)
    # The field named with it ("PhD in Computer Science from Stanford"), by school.
    fields: dict[str, str] = field(default_factory=dict)
    # Jobs the bio says were held before ("Before that, I was an analyst at Klarna").
    past: tuple[Position, ...] = field(default_factory=tuple)
    # The year the current role began, when the bio says ("promoted to professor in 2021").
    since: str | None = None

    @property
    def headline(self) -> str | None:
        if self.title and self.employer:
            return f"{self.title} at {self.employer}"
        return None


def _name(text: str | None) -> str | None:
    """An organisation's or place's name as written, without a leading "the" or a trailing dot."""
    text = clean(text)
    if not text:
        return None
    text = re.sub(r"^the\s+", "", text).rstrip(".,")
    # "Stanford University in 2019": a trailing joiner or number is not part of the name.
    text = re.sub(rf"\s+(?:{_JOINER}|\d+)$", "", text)
    return None if text in _NOT_NAMES else text


def _title(text: str | None) -> str | None:
    """The job title without the department after it, first letter capitalised."""
    text = clean(text)
    if not text:
        return None
    # "assistant professor in the Machine Learning Department": the title ends before "in".
    words = text.split()
    for i, word in enumerate(words):
        if word == "in" and i and _is_role(words[i - 1]):
            words = words[:i]
            break
    text = " ".join(words)
    return text[0].upper() + text[1:]


def _is_role(title: str | None) -> bool:
    """A title names a job: one of its words is a role word, or ends with one
    ("Biostatistician", "co-founder")."""
    words = (title or "").lower().split()
    return any(
        w in ROLE_NOUNS or w.rstrip("s") in ROLE_NOUNS or any(w.endswith(n) for n in _SUFFIXES)
        for w in words
    )


is_role = _is_role


def _graduate_job(text: str) -> bool:
    """'graduate engineer at Rand Water' is a job title, not a graduation."""
    m = re.match(r"graduate\s+(.{1,40}?)\s+(?:at|from)\b", text)
    return m is not None and _is_role(m.group(1))


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text or "") if s.strip()]


def read_bio(text: str | None) -> BioFacts:
    """The facts of a prose bio; fields it does not state stay None (or empty)."""
    title = employer = place = None
    schools: list[str] = []
    degrees: dict[str, str] = {}
    fields: dict[str, str] = {}
    past: list[Position] = []
    since = None
    for sentence in sentences(text or ""):
        sentence = _BULLET.sub("", sentence)
        joined = _JOINED.search(sentence) if employer is None else None
        if joined and _is_role(joined.group("title")):
            org, first = _name(joined.group("org")), _title(joined.group("title"))
            promoted = _title(joined.group("next"))
            if promoted and _is_role(promoted):
                past.append(
                    Position(title=first, company=org, start=joined.group("since"),
                             end=joined.group("then"))
                )  # fmt: skip
                title, employer, since = promoted, org, joined.group("then")
            else:
                title, employer, since = first, org, joined.group("since")
        is_past = bool(_PAST.search(sentence))
        if employer is None and not is_past:
            m = _ROLE.search(sentence)
            if m:
                title, employer = _title(m.group("title")), _name(m.group("org"))
            else:
                m = _WORK_AT.search(sentence)
                if m:
                    employer = _name(m.group("org"))
                else:
                    m = _BARE_ROLE.match(sentence)
                    if m and _is_role(m.group("title")):
                        title, employer = _title(m.group("title")), _name(m.group("org"))
                    else:
                        m = None
            if m and employer and place is None:
                after = _PLACE_AFTER_ORG.match(sentence[m.end() :])
                if after:
                    place = _name(after.group("place") or after.group("end_place"))
        for m in _PAST_ROLE.finditer(sentence):
            role, org = _title(m.group("title")), _name(m.group("org"))
            if role and org and _is_role(role) and org not in [p.company for p in past]:
                if org == employer:
                    continue  # the current employer, said with "was" ("was promoted to")
                years = _YEARS.search(sentence)
                start, end = (years.group(1), years.group(2)) if years else (None, None)
                past.append(Position(title=role, company=org, start=start, end=end))
        if place is None:
            m = _LIVE_IN.search(sentence)
            if m:
                place = _name(m.group("place"))
        if place is None:
            m = _ROLE_IN_PLACE.search(sentence)
            words = {w.lower() for w in m.group("place").split()} if m else set()
            role = m.group("title").split()[-1].lower() if m else ""
            # "a lecturer in Developmental Psychology": academic titles take a field, not a place.
            if m and _is_role(role) and role not in _ACADEMIC and not words & _FIELD_WORDS:
                place = _name(m.group("place"))
        found = [
            (m.group("school"), m.group("degree"), m.group("field"))
            for m in _SCHOOL.finditer(sentence)
            if not _graduate_job(m.group(0))
        ] + [(m.group("school"), None, None) for m in _SCHOOL_BEFORE.finditer(sentence)]
        for raw, degree, subject in found:
            school = _name(raw)
            # "a graduate engineer at Rand Water" is a job; "the University's" names no school.
            lone = (school or "").lower().replace("’", "'").removesuffix("'s")
            if lone in _GENERIC_SCHOOLS:
                continue
            if school and school not in schools:
                schools.append(school)
                if degree and degree.lower() not in ("degree", "postdoc"):
                    degrees[school] = degree
                    if subject:
                        fields[school] = clean(subject) or ""
    return BioFacts(title, employer, place, tuple(schools), degrees, fields, tuple(past), since)
