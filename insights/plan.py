"""The plan of an opener: what it says, before any wording.

A careful mentee writes from a plan, not a template: the strongest specific thing the two share
(with its years), the one post of theirs that matters to this mentee with one real sentence from
it, tied to the mentee's own work when their profile supports it, who the mentee is in one
clause, and one small ask tied to their goal. ``plans`` returns a few such plans, best first;
each later one changes the anchor fact or the post ("another version"), not only the wording.

Every part of a plan is taken from a profile or a post as written; the wording (``compose``)
adds only frames that claim nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scraper.models import Position, Post, Profile

from .candidates import VAGUE_WORDS, extract_candidates
from .casing import lower_initial
from .facts import current_position
from .freetext import BASE_VERBS, GERUND_VERBS
from .goal import Ask, Goal, infer_ask, infer_goal
from .match_orgs import joined_positions, joined_schools
from .match_topics import GENERIC_WORDS, is_generic, is_now_page, sentences
from .models import TalkingPoint, Topic
from .normalize import fold, org_key, org_name, resolve_place, year_of, years_overlap
from .tagger import shared_tagger
from .text import tokenize

# Shared facts an opener can open with, strongest kinds first when scores tie. A topic or a skill
# is not one: the post says more about what they share.
ANCHOR_KINDS = ("school", "employer", "volunteering", "place", "language")
MAX_VERSIONS = 3
# A point is a sentence a reader can quote: long enough to say something, short enough to quote.
POINT_MIN, POINT_MAX = 45, 220
# Sentences that lean on the one before them read wrongly when quoted alone.
_CONTEXT_START = re.compile(
    r"^(this|that|these|those|it|they|he|she|but|and|so|or|then|also|here|there|which|such|"
    r"yes|no|well|now|again|still|however|instead|otherwise|because|both|neither|either)\b",
    re.IGNORECASE,
)
# A sentence that points at its neighbours ("Designers have a real advantage here.") needs them
# to be understood.
_DEICTIC_END = re.compile(r"\b(?:here|there|above|below)\s*[.!]$", re.IGNORECASE)
# A heading, not a sentence: "Part 1: The Fundamentals — Key Metrics for Subscription Success".
_HEADING = re.compile(r"^(part|chapter|step|section|lesson)\s+\w+\s*[:.—–-]", re.IGNORECASE)
_STOP = frozenset(
    """a an and the of to in on for with at by from is are was were be been how what why when
    we i you your our my it its this that these those do does did not no as or into about our
    us me if then than so but can could would should will just very more most also all any
    each every some one two""".split()
)
# "Substantial" until the posts carry their own verdict: a post with too little text to quote
# never anchors an opener.
MIN_POST_WORDS = 50
MIN_POST_SENTENCES = 3


@dataclass(frozen=True)
class Anchor:
    """A fact both share, with the years each side shows."""

    kind: str
    name: str  # as their profile writes it (the organisation, the city, the language)
    theirs: str  # their years ("2014–2016") or ""
    mine: str  # my years or ""
    overlap: tuple[int, int] | None
    their_title: str = ""  # their role there (an employer), as written
    point: TalkingPoint | None = None


@dataclass(frozen=True)
class PostPick:
    """The post the opener is about and the one point it takes from it."""

    post: Post
    title: str
    point: str  # a sentence of the post, verbatim
    subject: str  # the specific thing in that sentence the ask is about, verbatim
    mine: str | None = None  # the mentee's own work it ties to, a sentence in their voice
    talking_point: TalkingPoint | None = None


@dataclass(frozen=True)
class Plan:
    anchor: Anchor | None
    post: PostPick | None
    goal: Goal | None
    ask: Ask
    their_role: Position | None
    others: tuple[Anchor, ...] = field(default=())  # more shared facts, for the longer channels


# ---------------------------------------------------------------- anchors


def _span(start: str | None, end: str | None) -> str:
    first, last = year_of(start), year_of(end)
    if first and last:
        return f"{first}–{last}" if first != last else str(first)
    return f"{first}–present" if first else ""


def anchor_of(point: TalkingPoint, me: Profile, them: Profile) -> Anchor | None:
    """The anchor a talking point gives, with years from both profiles."""
    # The entries the point joins: the two names may differ ("TCS" and "Tata Consultancy
    # Services"), so they are found from the point, not by one key.
    schools = joined_schools(point, me, them)
    if schools is not None:
        theirs, mine = schools
        return Anchor(
            "school",
            org_name(theirs.school or ""),
            _span(theirs.start, theirs.end),
            _span(mine.start, mine.end),
            years_overlap(theirs.start, theirs.end, mine.start, mine.end),
            point=point,
        )
    roles = joined_positions(point, me, them)
    if roles is not None:
        their_role, my_role = roles
        return Anchor(
            point.kind,
            org_name(their_role.company or ""),
            _span(their_role.start, their_role.end),
            _span(my_role.start, my_role.end),
            years_overlap(their_role.start, their_role.end, my_role.start, my_role.end),
            their_title=(their_role.title or "").strip(),
            point=point,
        )
    if point.kind == "place":
        place = resolve_place(them.location)
        if place is None or not place.city or fold(place.city_key or "") != point.key:
            return None
        return Anchor("place", place.city, "", "", None, point=point)
    if point.kind == "language":
        return Anchor("language", point.theirs.split(" (")[0].strip(), "", "", None, point=point)
    return None


def anchors(points: list[TalkingPoint], me: Profile, them: Profile) -> list[Anchor]:
    """Shared facts, strongest first: the talking points' order, one per organisation."""
    out: list[Anchor] = []
    for point in points:
        if point.kind not in ANCHOR_KINDS:
            continue
        anchor = anchor_of(point, me, them)
        if anchor and all(org_key(a.name) != org_key(anchor.name) for a in out):
            out.append(anchor)
    return out


# ---------------------------------------------------------------- posts and their points


def _content_stems(text: str) -> set[str]:
    words = [w.lower() for w in tokenize(text) if re.match(r"\w", w)]
    return {_stem(w) for w in words if w not in _STOP and len(w) > 2}


def _stem(word: str) -> str:
    from .candidates import _stem as stem

    return stem(word)


def substantial(post: Post) -> bool:
    """Enough text to take a point from (a title with two lines is not a post to answer)."""
    if is_now_page(post):
        return False
    return (
        len(post.text.split()) >= MIN_POST_WORDS
        and len(point_sentences(post)) >= MIN_POST_SENTENCES - 1
    )


def point_sentences(post: Post) -> list[str]:
    """The post's sentences a reader could quote as its point: real sentences, not headings,
    not questions, not ones that lean on the sentence before."""
    title = fold(post.title or "")
    out = []
    for sentence in sentences(post.text):
        s = sentence.strip()
        if not (POINT_MIN <= len(s) <= POINT_MAX) or fold(s) == title:
            continue
        if s[-1] not in ".!" or _HEADING.match(s) or _CONTEXT_START.match(s):
            continue
        if _DEICTIC_END.search(s):
            continue
        words = s.split()
        # Title Case throughout is a heading that happens to end with a period.
        capitalised = sum(w[:1].isupper() for w in words)
        if len(words) < 7 or capitalised > len(words) * 0.6:
            continue
        out.append(s)
    return out


def _my_lines(me: Profile) -> list[str]:
    """What the mentee says they do, as sentences in their own voice.

    First-person sentences of the about text stay as written ("I run our A/B tests and build the
    weekly demand forecast."); each clause of a role's description becomes "At Tink I work on
    building payment APIs in Java and Postgres." (the clause as written, its first letter lowered
    only when that letter is a sentence's capital, see ``casing``).
    """
    lines = [
        s.strip()
        for s in sentences(me.about or "")
        if re.match(r"^I(?:'m| am| have| '?ve|\s)\b", s.strip()) and len(s) <= POINT_MAX
    ]
    for position in me.experience:
        if not position.company or not position.description:
            continue
        for clause in re.split(r"[;.\n•]+", position.description):
            clause = clause.strip(" -*")
            if 12 <= len(clause) <= 140 and not clause.lower().startswith(("i ", "we ")):
                lines.append(_work_line(position.company, clause, current=not position.end))
    return [line if line[-1] in ".!" else line + "." for line in lines]


_ROLE_NOUN = re.compile(r"^(?:[\w-]+(?:er|or|ist|ian)|lead|head|member|owner|founder)$", re.I)
# A clause's head: its words up to the first preposition, conjunction or punctuation.
_HEAD_END = re.compile(r"\s(?:for|of|on|in|at|with|to|and|&)\s|[,(;:]", re.I)


def _clause_verb(clause: str) -> str | None:
    """How a role description's clause begins: "past" ("Built the taxonomy"), "ing"
    ("Building payment APIs"), "present" ("Lead a team of 8", "Teach two courses") or None (a
    noun phrase: "Cell-based assays and ELISA", "EHR super-user for the go-live").

    The tagger reads the clause after "I", where a verb is what it expects; a word tagged a
    present verb only there ("Inflation", "Support for...") is a noun unless the tagger also
    reads it as a verb alone, or a determiner or number follows it ("Lead a team").
    """
    words = clause.split()
    first = words[0] if words[0].isupper() else words[0].lower()
    if "-" in first:
        return None  # "cell-based", "co-led" aside: a hyphenated word opens a noun phrase
    tagger = shared_tagger()
    after_i = tagger.tag(["I", first, *words[1:4]])
    alone = tagger.tag([first, *words[1:4]])[0]
    tag = after_i[1]
    if tag == "VBD":
        return "past"
    if tag == "VBG":
        return "ing"
    if tag == "VBP":
        follows = after_i[2] if len(after_i) > 2 else ""
        if alone in ("VB", "VBP", "VBN", "VBD") or follows in ("DT", "CD", "PRP$"):
            return "present"
    return None


def _work_line(company: str, clause: str, current: bool) -> str:
    """A clause of a role's description as a sentence in the user's voice, its words kept:
    "Building payment APIs" -> "At Tink I'm building payment APIs."; "Maintainer of an
    open-source library" -> "At Datadog I'm the maintainer of an open-source library.";
    "A/B tests for the web shop" -> "At Brightline Retail I work on A/B tests for the web shop."
    """
    text = lower_initial(clause)
    if re.search(r"\bI\b", clause):
        # Already in the first person ("Since 2023 I sit in on usability sessions"); its first
        # word starts the sentence only, unless it is a name ("Python", "Shopify").
        first, text = clause.split()[0], clause
        if first[1:].islower() and first.lower() in shared_tagger().tagdict:
            text = clause[0].lower() + clause[1:]
        return f"At {company}, {text}."
    verb = _clause_verb(clause)
    if verb is not None and not clause.split()[0].isupper():
        text = clause[0].lower() + clause[1:]  # a verb, never a name: "Wrote" -> "wrote"
    if verb == "ing":
        return f"At {company} I'm {text}." if current else f"At {company} I was {text}."
    if verb == "past":
        return f"At {company} I {text}."
    if verb == "present":
        return f"At {company} I {text}." if current else f"At {company} I used to {text}."
    head = _HEAD_END.split(clause, maxsplit=1)[0].split()
    if head and _ROLE_NOUN.match(head[-1]) and not text.startswith(("a ", "an ", "the ")):
        return f"At {company} I'm the {text}." if current else f"At {company} I was the {text}."
    return f"At {company} I {'work' if current else 'worked'} on {text}."


def _tie(me: Profile, post: Post, point: str) -> str | None:
    """The mentee's own line that shares the most specific words with the post's point."""
    target = _content_stems(point) | _content_stems(post.title or "")
    best, best_score = None, 0.0
    for line in _my_lines(me):
        shared = (_content_stems(line) & target) - {_stem(w) for w in GENERIC_WORDS}
        score = len(shared)
        if score > best_score:
            best, best_score = line, score
    return best if best_score >= 1 else None


_PEOPLE = re.compile(
    r"\b(?:researcher|engineer|manager|designer|developer|scientist|analyst|leader|people|"
    r"candidate|hire|student|founder|recruiter|person|colleague|junior|senior)s?$",
    re.IGNORECASE,
)


def _phrases(text: str, topics: set[str]) -> list[str]:
    """Noun phrases of ``text``; one word only when it is a name ("Raft", "LLVM") or a topic
    of the post: a lone common noun ("fact", "tutorials") says nothing specific."""
    out = []
    for c in extract_candidates(text):
        phrase = c.phrase
        if is_generic(phrase) or fold(phrase.split()[0]) in VAGUE_WORDS:
            continue
        if phrase.lower() not in text.lower():
            continue
        written = _as_written(phrase, text)
        if len(phrase.split()) == 1 and fold(phrase) not in topics and written.islower():
            continue
        if not phrase[:1].isalpha():
            continue  # "50K", "400 ms": a number is not a subject to ask about
        words = phrase.split()
        if len(words) > 1 and shared_tagger().tag(words)[0] in ("JJS", "RBS"):
            phrase = " ".join(words[1:])  # "cheapest user research": the subject is the rest
        if _PEOPLE.search(phrase):
            continue  # "junior quant researchers": people to meet, not a subject to learn
        # After "we", "I", "you" or "they" the first word is a verb the tagger took for a noun
        # ("How we interview senior engineers"): the phrase is what follows it.
        before = text.lower()[: text.lower().find(phrase.lower())].split()[-1:]
        if before and before[0] in ("we", "i", "you", "they") and len(phrase.split()) > 2:
            phrase = phrase.split(" ", 1)[1]
        out.append(phrase)
    return out


def subject_of(sentence: str, post: Post, topics: list[Topic], me: Profile | None = None) -> str:
    """The specific thing the ask is about, as the post writes it: one of the post's topics
    that its point or title names, else a noun phrase of the title, else one of the point.
    Phrases the mentee's own profile already names come after new ones (the ask is about what
    they want to learn)."""
    title = post.title or ""
    post_topics = {fold(t.phrase) for t in topics if any(e.url == post.url for e in t.evidence)}
    known = _content_stems(_profile_text(me)) if me else set()
    found: list[tuple[int, str, str]] = []  # (source rank, phrase, where it is written)
    # A topic of the post first, then a phrase of its title ("cold start", "alert fatigue"),
    # then one of the quoted sentence.
    for where, rank in ((sentence, 1), (title, 2)):
        for phrase in _phrases(where, post_topics):
            found.append((3 if fold(phrase) in post_topics else rank, phrase, where))
    found = [f for f in found if f[0] != 2] + [f for f in found if f[0] == 2]
    if not found:
        # A title is a sentence, not a subject ("about The sentence is the charts"): the ask
        # then goes without one.
        return ""

    def key(item: tuple[int, str, str]) -> tuple:
        rank, phrase, where = item
        words = len(phrase.split())
        # A lone lower-case word ("loads", "fact") says less than a phrase of two to four.
        sized = 2 <= words <= 4 or (words == 1 and not _as_written(phrase, where).islower())
        # Then the phrase a sentence opens with: its subject, what it is about.
        early = -where.lower().find(phrase.lower())
        return (bool(_content_stems(phrase) - known), sized, rank, -abs(words - 2), early)

    _, phrase, where = max(found, key=key)
    return _as_written(phrase, where)


def as_topic(phrase: str, text: str) -> str:
    """The phrase as a topic one asks about: a singular noun the post counts ("a consensus
    protocol", "our Helm chart") in the plural, "consensus protocols"; a mass noun ("distributed
    storage"), a plural or a name as written."""
    words = phrase.split()
    last = words[-1] if words else ""
    if not last.isalpha() or not last.islower() or last.endswith(("s", "ing")) or len(last) < 3:
        return phrase
    counted = re.search(
        rf"\b(?:a|an|one|every|each|another|our|this)\s+(?:[\w-]+\s+){{0,2}}{re.escape(last)}\b"
        rf"|\b{re.escape(last)}s\b",
        text,
        re.IGNORECASE,
    )
    if not counted:
        # "the captain experience area": a singular noun the post gives a determiner keeps one
        # ("learn first about the captain experience area", not "about captain experience area").
        determined = re.search(
            rf"\b(?:the|our|their|its|his|her|my|this|that)\s+{re.escape(phrase)}\b",
            text,
            re.IGNORECASE,
        )
        return f"the {phrase}" if determined and len(words) > 1 else phrase
    plural = last[:-1] + "ies" if last.endswith("y") and last[-2:-1] not in "aeiou" else last + "s"
    if last.endswith(("ch", "sh", "x")):
        plural = last + "es"
    return " ".join([*words[:-1], plural])


def _profile_text(me: Profile) -> str:
    parts = [me.headline, me.about, *me.skills, *me.interests]
    for p in me.experience:
        parts += [p.title, p.description]
    return " ".join(p for p in parts if p)


def _as_written(phrase: str, sentence: str) -> str:
    """The phrase with the case the sentence gives it (the tagger may lower a first word)."""
    match = re.search(re.escape(phrase).replace(r"\ ", r"\s+"), sentence, re.IGNORECASE)
    if not match:
        return phrase
    # Only a sentence's own capital is lowered; "our Helm chart" keeps "Helm".
    return lower_initial(match.group(0)) if match.start() == 0 else match.group(0)


def _relevance(post: Post, me: Profile, goal: Goal | None) -> int:
    mine = _content_stems(
        " ".join([*me.interests, *me.skills, me.headline or "", goal.text if goal else ""])
    )
    # The verbs goals are said with ("want", "move", "work on") say nothing about a field.
    mine -= _GOAL_VERB_STEMS
    return len(_content_stems(f"{post.title} {post.text[:1500]}") & mine)


_GOAL_VERB_STEMS = frozenset(
    _stem(w) for w in (*BASE_VERBS, *GERUND_VERBS, "want", "wants", "better", "who")
)


def pick_posts(
    me: Profile,
    posts: list[Post],
    points: list[TalkingPoint],
    topics: list[Topic],
    goal: Goal | None,
) -> list[PostPick]:
    """The posts worth writing about, best for this mentee first, each with its point."""
    usable = [p for p in posts if substantial(p) and point_sentences(p)]
    by_url = {p.url: p for p in usable}
    ordered: list[tuple[Post, TalkingPoint | None]] = []
    for point in points:
        post = by_url.get(point.key) or by_url.get(
            point.evidence[0].url or "" if point.evidence else ""
        )
        if point.kind == "post" and post and all(post is not o[0] for o in ordered):
            ordered.append((post, point))
    rest = [p for p in usable if all(p is not o[0] for o in ordered)]
    rest.sort(key=lambda p: (-_relevance(p, me, goal), -(p.published or "0").__len__()))
    # A post that shares nothing with what the mentee does or wants (a marathon report, to
    # someone who wants to work on compilers) is no version to send while another one is.
    if ordered or any(_relevance(p, me, goal) for p in rest):
        rest = [p for p in rest if _relevance(p, me, goal)]
    ordered += [(p, None) for p in rest]
    picks = []
    for post, picked in ordered:
        candidates = point_sentences(post)
        quote = picked.evidence[0].quote if picked and picked.evidence else ""
        chosen = quote if quote in candidates else _best_point(candidates, me, goal, post, topics)
        picks.append(
            PostPick(
                post=post,
                title=(post.title or "").strip(),
                point=chosen,
                subject=subject_of(chosen, post, topics, me),
                mine=_tie(me, post, chosen),
                talking_point=picked,
            )
        )
    return picks


def _best_point(
    candidates: list[str], me: Profile, goal: Goal | None, post: Post, topics: list[Topic]
) -> str:
    """The sentence closest to what the mentee does or wants, then one naming a topic of the
    post; early sentences break ties (a post states its point early)."""
    mine = _content_stems(" ".join([*_my_lines(me), *me.interests, goal.text if goal else ""]))
    title = _content_stems(post.title or "")
    post_topics = [fold(t.phrase) for t in topics if any(e.url == post.url for e in t.evidence)]

    def score(item: tuple[int, str]) -> tuple[int, int, int, int]:
        i, s = item
        stems = _content_stems(s)
        has_topic = any(t and t in fold(s) for t in post_topics)
        return (len(stems & mine), has_topic, len(stems & title), -i)

    return max(enumerate(candidates), key=score)[1]


# ---------------------------------------------------------------- plans


def plans(
    me: Profile,
    them: Profile,
    points: list[TalkingPoint],
    topics: list[Topic],
    posts: list[Post],
) -> list[Plan]:
    """Up to ``MAX_VERSIONS`` plans, best first; each differs from the one before it in its
    anchor fact or its post."""
    goal, ask = infer_goal(me), infer_ask(me)
    shared = anchors(points, me, them)
    picks = pick_posts(me, posts, points, topics, goal)
    role = current_position(them)
    strong = [a for a in shared if a.kind not in ("place", "language")]
    firsts = strong or shared
    out: list[Plan] = []
    seen: set[tuple[str, str]] = set()
    for k in range(MAX_VERSIONS * 2):
        anchor = firsts[k % len(firsts)] if firsts else None
        pick = picks[k % len(picks)] if picks else None
        key = (anchor.name if anchor else "", pick.post.url if pick else "")
        if key in seen:
            continue
        seen.add(key)
        # The email's further shared facts: schools, employers, volunteering, never a list of
        # languages ("We both speak Portuguese. We both speak Spanish.").
        rest = tuple(a for a in strong if a is not anchor)
        out.append(Plan(anchor, pick, goal, ask, role, rest))
        if len(out) == MAX_VERSIONS:
            break
    return out
