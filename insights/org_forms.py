"""Other ways of writing one organisation's name, found by rule rather than listed.

- Words in another language or abbreviated: "Universität Wien" is "University of Vienna",
  "Universidade de São Paulo" is "University of São Paulo", "Univ. of Michigan" is "University of
  Michigan". ``loose_words`` writes a name in English words, with each city under one of its
  names (``aliases_places.json``: Wien and Vienna, Bombay and Mumbai) and without the words that
  name nothing ("of", "the", legal forms); two names with the same loose words and one word that
  is not a kind of organisation are one organisation. Word order is kept: "University of Miami"
  and "Miami University" stay two.
- Short forms made of words: "Penn State" is "The Pennsylvania State University", "Cal Poly" is
  "California Polytechnic State University", "Virginia Tech" is "Virginia Polytechnic Institute
  and State University" (``abbreviates``).
- An old name in brackets: "Ontario Tech University (formerly UOIT)" (``former_names``).
- A unit after a firm's name: "Microsoft IDC", "Deloitte USI", "SAP Labs India", "EY GDS",
  "Grab Holdings" (``parent_of``). Only for employers: after a school's name a word is a campus
  ("IIT Bombay" is not "IIT Delhi").
"""

from __future__ import annotations

import re
from functools import cache

from .acronyms import KIND_WORDS, OPTIONAL_WORDS, acronym_parts
from .normalize import LEGAL_SUFFIXES, _load, _place_tables, fold, org_key, strip_legal

# The English word a name uses for a word of another language or an abbreviation.
_WORD_FORMS = {
    "university": "universitat universitaet universite universidad universidade universita "
    "universiteit universitet universitetet universitatea uniwersytet univerzita univerzitet "
    "universiti universitas univ uni",
    "technical": "technische technischen tecnica tecnico technicka tekniska teknisk tekniske",
    "technological": "tecnologica tecnologico technologique",
    "polytechnic": "politecnico politecnica polytechnique politechnika",
    "institute": "instituto istituto institut inst",
    "school": "escuela ecole scuola escola",
    "college": "colegio collegio coll",
    "national": "nacional nazionale nationale nationaal natl",
    "international": "internacional internazionale intl",
    "catholic": "catolica catolico cattolica catholique katholieke katholische",
    "autonomous": "autonoma autonomo autonome",
    "free": "freie libre libera vrije",
    "federal": "federale",
    "academy": "academia akademie academie akademia",
}
WORD_FORMS = {form: word for word, forms in _WORD_FORMS.items() for form in forms.split()}
# One word of another language for several English ones: a German-speaking "FH" or
# "Fachhochschule" is a "University of Applied Sciences" ("FH Technikum Wien").
_PHRASE_FORMS = {
    "fh": ("university", "applied", "sciences"),
    "fachhochschule": ("university", "applied", "sciences"),
}

# US states as their schools' short forms write them ("Penn State", "Cal Poly", "UMass").
STATE_SHORT = {
    "penn": "pennsylvania", "cal": "california", "mass": "massachusetts", "mich": "michigan",
    "minn": "minnesota", "tenn": "tennessee", "ariz": "arizona", "okla": "oklahoma",
    "conn": "connecticut", "wisc": "wisconsin", "colo": "colorado", "fla": "florida",
}  # fmt: skip
# What "Tech" and "Poly" stand for after a state's or a city's name.
_TECH = frozenset({"technology", "technological", "technical", "polytechnic"})
_POLY = frozenset({"polytechnic"})

# Words after a firm's name that name a part of it, not another firm ("Microsoft Research",
# "SAP Labs India", "Microsoft India Development Center", "Grab Holdings").
UNIT_WORDS = frozenset(
    "research labs lab laboratories digital cloud technologies technology services solutions "
    "electronics "
    "systems software global consulting engineering studios innovation center centre "
    "development delivery operations hub office division unit group holdings holding strategy "
    "advisory interactive assurance networks "
    "international worldwide".split()
)
# Units that are the firm itself, not a part of it ("Grab Holdings" is Grab).
_SAME_FIRM = frozenset("group holdings holding international worldwide global networks".split())
# A name made only of these is no firm's name ("Air" of "Air India", "Bank of" of "Bank of
# India"): it never stands as the parent of a unit.
_GENERIC = (
    frozenset(
        "bank banking air airlines airways national general first united american british royal "
        "state city new energy capital media health power data tech partners insurance financial "
        "motors electric foods pharma pharmaceuticals trust mutual life".split()
    )
    | UNIT_WORDS
    | KIND_WORDS
    | OPTIONAL_WORDS
    | LEGAL_SUFFIXES
)

_BRACKET = re.compile(r"\(([^)]*)\)")
_FORMER = re.compile(
    r"(?:\(\s*|,\s*|\s[-–—]\s*)(?:formerly|previously|earlier|originally|once|ex)\b[\s:-]*"
    r"(?:known as\s+)?([^)]+?)\s*\)?\s*$",
    flags=re.IGNORECASE,
)


@cache
def _city_names() -> dict[tuple[str, ...], str]:
    """Every city name of one to three words -> the city's one name, folded."""
    cities, _, _ = _place_tables()
    out: dict[tuple[str, ...], str] = {}
    for alias, place in cities.items():
        words = tuple(alias.split())
        if place.city and 0 < len(words) <= 3:
            out[words] = fold(place.city)
    return out


def _cities_as_one(words: list[str]) -> list[str]:
    table = _city_names()
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            city = table.get(tuple(words[i : i + n]))
            if city:
                out.extend(city.split())
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return out


@cache
def loose_words(name: str) -> tuple[str, ...]:
    """A name in English words, its cities under one name, without "of", "the", legal forms."""
    words = [
        english
        for w in fold(_BRACKET.sub(" ", name or "")).split()
        for english in _PHRASE_FORMS.get(w, (WORD_FORMS.get(w, w),))
    ]
    words = strip_legal(" ".join(_cities_as_one(words))).split()
    return tuple(w for w in words if w not in OPTIONAL_WORDS)


def _loose_forms(name: str) -> set[tuple[str, ...]]:
    """The loose words, and for a kind word before a one-word name ("Università Bocconi",
    "Universitas Indonesia") the English order too ("Bocconi University"). Never across an
    "of": "University of Miami" is not "Miami University"."""
    words = loose_words(name)
    forms = {words}
    raw = fold(name).split()
    if (
        len(words) == 2
        and words[0] in KIND_WORDS
        and len(raw) == 2
        and words[1] not in KIND_WORDS
        and words[1] not in _SHARED_NAMES
    ):
        forms.add((words[1], words[0]))
    return forms


def same_loose_name(a: str, b: str) -> bool:
    """ "Universität Wien" and "University of Vienna"; "Univ. of Michigan" and "University of
    Michigan". A name of kind words alone ("Universidad", "University") is no name."""
    forms_a, forms_b = _loose_forms(a), _loose_forms(b)
    shared = forms_a & forms_b
    if any(form and any(w not in KIND_WORDS for w in form) for form in shared):
        return True
    # "Price Waterhouse Coopers" and "PricewaterhouseCoopers", "Data Bricks" and "Databricks":
    # one name with and without its spaces (at least six letters, and a word that is no kind).
    return any(
        "".join(fa) == "".join(fb)
        and len("".join(fa)) >= 6
        and any(w not in KIND_WORDS for w in (*fa, *fb))
        for fa in forms_a
        for fb in forms_b
    )


# One-word names that many schools share ("Trinity College" is in Dublin, Cambridge and
# Hartford): written alone they name no one school.
_SHARED_NAMES = frozenset(
    "trinity concordia union christ national central state city metropolitan international "
    "american european open free catholic christian methodist baptist lutheran saint st "
    "technical technological polytechnic royal imperial".split()
)
_SCHOOL_KINDS = frozenset({"university", "college", "institute", "polytechnic", "academy"})


def bare_school_name(short: str, long: str) -> bool:
    """ "Purdue" of "Purdue University", "Tsinghua" of "Tsinghua University": a school written
    without its kind word. Never a place ("Boston" is Boston University and Boston College,
    "Miami" two more) nor a name many schools share ("Trinity")."""
    mine = fold(short).split()
    words = fold(long).split()
    if words[:1] == ["the"]:
        words = words[1:]
    if len(mine) != 1 or len(words) != 2 or words[0] != mine[0] or words[1] not in _SCHOOL_KINDS:
        return False
    word = mine[0]
    cities, countries, regions = _place_tables()
    if word in cities or word in countries or word in regions or word in _city_names_words():
        return False
    # "Miami University" and the "University of Miami": a name two schools share.
    if org_key(f"University of {word}") != org_key(long):
        if org_key(f"University of {word}") in _org_keys():
            return False
    return len(word) >= 4 and word not in _SHARED_NAMES and word not in KIND_WORDS


@cache
def _org_keys() -> frozenset[str]:
    return frozenset(entry["key"] for entry in _load("aliases_orgs.json")["entries"])


@cache
def _city_names_words() -> frozenset[str]:
    """Every word of a city's names but "of", "the"... ("delhi" of "New Delhi")."""
    return frozenset(w for words in _city_names() for w in words if w not in OPTIONAL_WORDS)


def former_names(name: str) -> tuple[str, tuple[str, ...]]:
    """("Ontario Tech University", ("UOIT",)) of "Ontario Tech University (formerly UOIT)";
    ("LSE", ("London School of Economics",)) of "LSE (London School of Economics)": a short
    form with its long name in brackets."""
    found = _FORMER.search(name or "")
    if found:
        return name[: found.start()].strip(" ,-–—"), (found.group(1).strip(),)
    outside = _BRACKET.sub(" ", name or "").strip()
    inside = [b.strip() for b in _BRACKET.findall(name or "") if len(b.split()) >= 2]
    if inside and acronym_parts(outside):
        return outside, tuple(inside)
    return name, ()


def first_words_before_and(short: str, long: str) -> bool:
    """ "London School of Economics" of "London School of Economics and Political Science": a
    name written without the words after its "and", when what is left still names something
    (two words that are neither a kind of organisation nor "of": not "University of Science"
    of "University of Science and Technology")."""
    words = fold(long).split()
    if words[:1] == ["the"]:
        words = words[1:]
    if "and" not in words[1:]:
        return False
    head = words[: words.index("and", 1)]
    mine = fold(short).split()
    if mine[:1] == ["the"]:
        mine = mine[1:]
    named = [w for w in head if w not in KIND_WORDS and w not in OPTIONAL_WORDS]
    return mine == head and len(named) >= 2


@cache
def renamed_kind(name: str) -> tuple[str, str] | None:
    """A name whose kind of school was renamed as a whole ("Regional Engineering College,
    Warangal"), written with the new kind ("National Institute of Technology, Warangal"), and the
    note that says so; None otherwise."""
    folded = fold(name)
    for rename in _load("aliases_orgs.json").get("renamed_kinds", ()):
        old = fold(rename["old"])
        if folded.startswith(old + " ") and name.strip().lower().startswith(rename["old"].lower()):
            rest = name.strip()[len(rename["old"]) :]
            note = f"{rename['old_plural']} became {rename['new_plural']} in {rename['year']}"
            return rename["new"] + rest, note
    return None


def _word_matches(short: str, long: str) -> bool:
    if short == long or STATE_SHORT.get(short) == long or WORD_FORMS.get(short) == long:
        return True
    return (short == "tech" and long in _TECH) or (short == "poly" and long in _POLY)


def abbreviates(short: str, long: str) -> bool:
    """Is ``short`` a short form of ``long`` made of its words ("Penn State", "Cal Poly",
    "Georgia Tech", "Ohio State")? Each word of ``short`` stands for a word of ``long`` in
    order (the same word, a state's short name, "Tech" for Technology or Polytechnic); the long
    name may skip kind words and "of", "and" in between, and end with "State University" and a
    campus after its kind word. Both begin with the same name, never with a kind word."""
    s = fold(short).split()
    words = fold(long).split()
    if words[:1] == ["the"]:
        words = words[1:]
    if len(s) < 2 or not words or s == words or s[0] in KIND_WORDS or s[0] in OPTIONAL_WORDS:
        return False
    if not _word_matches(s[0], words[0]):
        return False
    skippable = KIND_WORDS | OPTIONAL_WORDS | LEGAL_SUFFIXES
    j = 1
    for word in s[1:]:
        while j < len(words) and not _word_matches(word, words[j]) and words[j] in skippable:
            j += 1
        if j == len(words) or not _word_matches(word, words[j]):
            return False
        j += 1
    rest = words[j:]
    # "... and State University" and "..., San Luis Obispo": what may follow; a kind word must
    # come before any campus ("Ohio State" is not "Ohio State Buckeyes").
    k = 0
    while k < len(rest) and (rest[k] in skippable or rest[k] == "state"):
        k += 1
    return k == len(rest) or any(w in KIND_WORDS for w in rest[:k])


def parent_of(name: str, places: bool = True) -> tuple[str, str] | None:
    """(parent, note) when an employer's name is another firm's name and a unit: "Microsoft
    IDC" -> Microsoft; "SAP Labs India", "Deloitte USI", "EY GDS", "Grab Holdings". A unit is
    made of unit words, a country or a city (unless ``places`` is false: after a school's
    name a place is a campus), or a short form in capitals. None otherwise."""
    tokens = _BRACKET.sub(" ", name or "").replace(",", " ").split()
    cities, countries, _ = _place_tables()
    cut = len(tokens)
    while cut > 1:
        token = tokens[cut - 1]
        word = fold(token)
        capitals = token.isupper() and 0 < len(acronym_parts(token)) <= 4
        place = places and (word in countries or word in cities)
        legal = bool(word) and all(part in LEGAL_SUFFIXES for part in word.split())  # "FZ-LLC"
        if not (word in UNIT_WORDS or legal or place or capitals):
            break
        cut -= 1
    unit = {fold(t) for t in tokens[cut:]}
    unit = {w for w in unit if not all(part in LEGAL_SUFFIXES for part in w.split())}
    if not unit or cut == 0:
        return None
    parent = " ".join(tokens[:cut])
    words = fold(parent).split()
    if not words or all(w in _GENERIC for w in words) or words[-1] in OPTIONAL_WORDS:
        return None
    if len("".join(words)) < 2:
        return None
    note = (
        f"{name.strip()} is {parent}"
        if unit <= _SAME_FIRM
        else f"{name.strip()} is part of {parent}"
    )
    return parent, note


_SEPARATOR = re.compile(r"\s*,\s*|\s+[-–—|]\s+")
_SCHOOL_UNITS = frozenset({"school", "college", "faculty", "department", "dept"})


def school_parent(name: str) -> tuple[str, str] | None:
    """(university, note) of a school written with one of its schools or faculties after a
    comma or a dash: "University of Michigan - Ross School of Business" is the University of
    Michigan. A part that names a place is a campus and stays ("Jawaharlal Nehru Technological
    University, College of Engineering Hyderabad" is not JNTU Kakinada)."""
    head, *tails = _SEPARATOR.split(_BRACKET.sub(" ", name or "").strip())
    if not tails or len(fold(head).split()) < 2:
        return None
    cities, countries, regions = _place_tables()
    for tail in tails:
        words = fold(tail).split()
        if not _SCHOOL_UNITS & set(words):
            return None
        names = set(words) | {" ".join(words[i : i + 2]) for i in range(len(words) - 1)}
        if names & (set(cities) | set(countries) | set(regions) | _city_names_words()):
            return None
    return head, f"{', '.join(tails)} is part of {head}"
