"""What a personal page says about its owner in its own words: the About text (lists kept), a
home page's opening bio, the line under the name, a sidebar's About-me widget, the place a theme
prints with a map-marker icon. Pure functions of the parsed page; ``personal`` puts them together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bs4 import BeautifulSoup, NavigableString, Tag

from scraper.models import Position
from scraper.soup import attr_values

from .names import person_name
from .page_sections import cv_parts
from .text import clean, clean_block

MAX_ABOUT_CHARS = 3000
# A bio is in the first few paragraphs of a home page.
INTRO_PARAGRAPHS = 4


def main_text(soup: BeautifulSoup, limit: int = MAX_ABOUT_CHARS) -> str | None:
    """The opening text of a page's main part: its paragraphs and list items, in order.

    Lists stay: an About page's facts are often a bulleted list ("teaches in Udacity's
    programs", "loves sci-fi"). Navigation, header, footer and sidebars are left out, and so is
    a list item that is only a link (a menu or a list of posts).
    """
    root: Tag | None = soup.find("main") or soup.find("article") or soup.body
    if root is None:
        return None
    blocks = []
    size = 0
    # The Experience, Education and Skills entries are read as such, not as About text.
    cv = {id(part) for part in cv_parts(soup)}
    for block in root.find_all(["p", "li"], limit=400):
        if block.find_parent(["nav", "footer", "header", "aside"]) is not None:
            continue
        if cv and (id(block) in cv or any(id(a) in cv for a in block.parents)):
            continue
        if block.find(["p", "li"]) is not None:
            continue  # the innermost blocks only, so that nothing is read twice
        text = clean_block(_rendered_text(block))
        if not text:
            continue
        links = clean(" ".join(a.get_text(" ") for a in block.find_all("a"))) or ""
        if block.name == "li":
            if links == clean(text):
                continue
            text = "• " + text
        elif len(links) * 10 >= len(clean(text) or "") * 7:
            continue  # "GitHub · Hugging Face · Mail": a row of links, not words about them
        blocks.append(text)
        size += len(text)
        if size > limit:
            break
    return "\n".join(blocks)[:limit] or None


def _rendered_text(block: Tag) -> str:
    """A block's text as a browser shows it: inline parts glued ("Udacity's", not "Udacity 's"),
    <br> as a line break, comments left out."""
    parts = []
    for node in block.descendants:
        if isinstance(node, Tag):
            if node.name == "br":
                parts.append("\n")
        elif type(node) is NavigableString:
            parts.append(str(node))
    return "".join(parts)


def _own_text_blocks(root: Tag, skip: list[str]) -> list[str]:
    """Paragraphs, list items and blocks of bare text (a theme's <div> with the words directly
    in it, a table cell), in order, outside ``skip``; only the innermost, so none is read twice."""
    out = []
    for block in root.find_all(["p", "li", "div", "td", "section", "span"], limit=800):
        if block.find_parent(skip) is not None:
            continue
        if block.name in ("div", "td", "section"):
            # A leaf block: its words may sit in inline <span>s (Notion's blocks), but no block
            # is inside it.
            if block.find(_BLOCK_TAGS) is not None:
                continue
        elif block.name == "span":
            # A sentence-long <span> straight inside a container of blocks (a subtitle under a
            # heading) is a block of its own; other spans are inside one.
            parent = block.parent
            if parent is None or parent.find(_BLOCK_TAGS) is None or parent.name in ("p", "li"):
                continue
            if len(clean(block.get_text(" ")) or "") < 40 or block.find(_BLOCK_TAGS) is not None:
                continue
        elif block.find(["p", "li"]) is not None:
            continue
        text = clean(_rendered_text(block))
        # A block that is mostly a link is a post listed ("Mar 22 · What my test taught me") or
        # a menu, not the owner's words.
        linked = sum(len(a.get_text(" ").strip()) for a in block.find_all("a", limit=20))
        if text and linked * 2 < len(text):
            out.append(text)
        if len(out) >= 80:
            break
    return out


_BLOCK_TAGS = [
    "p", "li", "div", "table", "ul", "ol", "section", "article",
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dl",
]  # fmt: skip
_FIRST_PERSON = re.compile(r"\b(?:I|I['’]m|I['’]ve|[Mm]y|me)\b")


def home_intro(soup: BeautifulSoup, name: str) -> str | None:
    """A home page's bio: its opening paragraphs, from the first that speaks of the owner ("I am
    an assistant professor ...", "Jo Doe is ..."), before any post listed on it. An address
    block or a site's tagline before it is not the bio."""
    root: Tag | None = soup.find("main") or soup.body
    if root is None:
        return None
    # Several <article>s are a list of posts; a single one is the page's own text. A home-info
    # <article> (PaperMod's) that is not a post is read too.
    skip = ["nav", "footer", "header", "aside"]
    articles = root.find_all("article", limit=3)
    blocks = []
    if len(articles) > 1:
        first = articles[0]
        if first.find("a", href=True, recursive=False) is None and "post" not in " ".join(
            attr_values(first, "class")
        ):
            blocks = _own_text_blocks(first, ["nav", "footer", "header", "aside"])
        skip.append("article")
    blocks += _own_text_blocks(root, skip)
    # "Jo Doe is a data engineer ...": a bio in the third person.
    third = re.compile(rf"\b{re.escape(name.split()[-1])}\s+(?:is|was|works|leads|has)\b")
    for i, text in enumerate(blocks):
        if _FIRST_PERSON.search(text) or third.search(text):
            return "\n".join(blocks[i : i + INTRO_PARAGRAPHS]) or None
    return None


def names_person(text: str | None, name: str) -> bool:
    """The text names the person ("Sam Okafor writes about ..."): a bio, not the site's tagline
    (which may well say "I": "Notes on Go and the bugs I made")."""
    names = [re.escape(w) for w in name.split() if len(w) > 1]
    if not text or not names:
        return False
    return re.search(rf"\b(?:{'|'.join(names)})\b", text) is not None


def current_role(experience: tuple[Position, ...]) -> str | None:
    """'Senior Backend Engineer at Productboard' for a CV's entry that runs to the present."""
    for p in experience:
        if p.start and not p.end and p.title and p.company:
            return f"{p.title} at {p.company}"
    # Working for oneself names no company: the title alone ("Illustrator and brand designer").
    on_own = ("Freelance", "Self-employed")
    for p in experience:
        if p.start and not p.end and p.title and p.employment_type in on_own:
            return p.title
    return None


_ABOUT_HEADINGS = {"about", "about me", "about the author", "who am i", "hi, i'm", "hello"}


def about_widget(soup: BeautifulSoup, name: str) -> str | None:
    """A sidebar's "About me" / "About the author" widget: the owner's bio on a blog's home."""
    for heading in soup.find_all(["h2", "h3", "h4"], limit=100):
        text = (clean(heading.get_text(" ")) or "").lower().rstrip(":!")
        if text not in _ABOUT_HEADINGS or heading.find_parent(["aside", "section", "div"]) is None:
            continue
        container = heading.parent
        if container is None or container.find_parent("article") is not None:
            continue
        blocks = _own_text_blocks(container, ["nav", "footer"])
        speaks = [b for b in blocks if _FIRST_PERSON.search(b) or names_person(b, name)]
        if speaks:
            return "\n".join(blocks[blocks.index(speaks[0]) :][:INTRO_PARAGRAPHS])
    return None


def tagline(soup: BeautifulSoup, name: str) -> str | None:
    """The line right under the owner's name in their page's header ("Site reliability engineer
    at Hetzner", "Assistant Professor, Carnegie Mellon University")."""
    for heading in soup.find_all(["h1", "h2", "h3"], limit=20):
        shown = (person_name(heading.get_text(" ")) or "").casefold()
        # The heading is the name, perhaps with a title before it ("Dr Amelia Hart").
        if not shown.endswith(name.casefold()) or len(shown) > len(name) + 12:
            continue
        # The heading may sit alone in a wrapper: the line is then the wrapper's next sibling.
        node: Tag | None = heading
        for _ in range(2):
            if node is None:
                break
            following = node.find_next_sibling(["p", "h2", "h3", "h4", "div", "span"])
            text = clean(following.get_text(" ")) if following is not None else None
            if text and len(text) <= 200:
                return text
            parent = node.parent
            node = parent if parent is not None and len(parent.find_all(True)) <= 3 else None
    return None


def reads_as_sentences(text: str | None) -> bool:
    """'Staff engineer. I write about Postgres.' is a short bio; 'Data Engineer @ Talkdesk ·
    Lisbon' is a title line."""
    if not text:
        return False
    return text.rstrip().endswith((".", "!", "?")) or ". " in text


# Label and value pairs a profile page prints: "Work: Staff Engineer at X", "Education: Y".
_LABELS = {
    "work": "work", "company": "work", "employer": "work", "job": "work", "position": "work",
    "education": "education", "school": "education", "university": "education",
    "location": "location", "based in": "location", "lives in": "location",
}  # fmt: skip


def labelled(soup: BeautifulSoup) -> dict[str, str]:
    """{"work": ..., "education": ..., "location": ...} from label/value pairs."""
    out: dict[str, str] = {}
    for label in soup.find_all(["strong", "dt", "th", "span", "div", "b"], limit=2000):
        key = _LABELS.get((clean(label.get_text(" ")) or "").lower().rstrip(":"))
        if key is None or key in out or label.find_parent(["nav", "footer", "article"]):
            continue
        value = label.find_next_sibling(["dd", "p", "span", "div", "td"])
        text = clean(value.get_text(" ")) if value is not None else None
        if text and len(text) <= 100:
            out[key] = text
    return out


# Where themes print the owner's place: h-card's p-locality, "author-location", "location".
_LOCATION_CLASS = re.compile(r"(?:^p-locality$|^p-adr$|location$|^locality$)", re.I)


# A map-marker icon before the place: <li><i class="fa fa-map-marker"></i> Accra, Ghana</li>.
_PIN_CLASS = re.compile(r"(?:map-marker|map-pin|location-dot|location-pin|icon-location)", re.I)


# A postal address block: <address>, or a theme's <div class="address">.
_ADDRESS_CLASS = re.compile(r"(?:^|[-_])(?:address|postal|contact-address)$", re.I)
_NOT_A_PLACE = re.compile(
    r"\b(?:department|dept|faculty|school|building|room|office|floor|hall|lab|laboratory|"
    r"universit\w*|institut\w*|college|street|road|avenue|box)\b",
    re.I,
)


def address_lines(soup: BeautifulSoup) -> list[str]:
    """The lines of the page's address block (outside posts), or []."""
    blocks = [*soup.find_all("address", limit=3), *soup.find_all(class_=_ADDRESS_CLASS, limit=5)]
    for node in blocks:
        if node.find_parent("article", class_=re.compile("post")) is not None:
            continue
        parts = node.find_all(["p", "div", "span", "li"], limit=20)
        leaves = [p for p in parts if p.find(["p", "div", "li"]) is None]
        if leaves:
            lines = [clean(p.get_text(" ")) for p in leaves]
        else:
            text = "".join(
                "\n" if isinstance(n, Tag) and n.name == "br" else str(n)
                for n in node.descendants
                if not isinstance(n, Tag) or n.name == "br"
            )
            lines = [clean(x) for x in text.split("\n")]
        found = [x for x in lines if x]
        if found:
            return found
    return []


def address_place(lines: list[str]) -> str | None:
    """The town of an address block: its last line written "Town, Region" that is no building,
    department or street (no digits)."""
    for line in reversed(lines):
        if (
            "," in line
            and len(line) <= 50
            and not any(c.isdigit() for c in line)
            and not _NOT_A_PLACE.search(line)
            and all(w[:1].isupper() for w in re.split(r"[\s,]+", line) if len(w) > 3)
        ):
            return line
    return None


_UNIT = re.compile(
    r"^(?:department|dept\.?|faculty|school|division|institute|centre|center|lab|laboratory|"
    r"group)\s+(?:of|for)\s",
    re.I,
)
_INSTITUTION = re.compile(
    r"\b(?:universit\w*|universidad|universidade|institut\w*|college|polytechnic|politecnico|"
    r"hochschule|école|ETH|EPFL|MIT)\b",
    re.I,
)


def affiliation(lines: Sequence[str | None]) -> str | None:
    """The university of an academic's affiliation line, "Department of Civil Engineering ·
    University of Cape Town" or an address block's "Department of X" above "University of Y":
    the employer, when a line or block names a unit of it."""
    cut = re.compile(r"\s*[·|,\n—]\s*")
    parts = [p for line in lines if line for p in (clean(x) for x in cut.split(line)) if p]
    if not any(_UNIT.match(p) for p in parts):
        return None
    return next((p for p in parts if _INSTITUTION.search(p) and not _UNIT.match(p)), None)


def card_location(soup: BeautifulSoup) -> str | None:
    for icon in soup.find_all(["i", "span", "svg"], class_=_PIN_CLASS, limit=5):
        holder = icon.parent
        text = clean(holder.get_text(" ")) if holder is not None else None
        if text and len(text) <= 60 and not any(c.isdigit() for c in text):
            return text
    for node in soup.find_all(class_=_LOCATION_CLASS, limit=10):
        if node.find_parent("article", class_=re.compile("post")) is not None:
            continue
        text = clean(node.get_text(" "))
        if text and len(text) <= 60 and not any(c.isdigit() for c in text):
            return text
    return address_place(address_lines(soup))
