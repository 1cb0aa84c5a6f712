"""Matchers that compare meaning with the sentence embedder: shared topics, a post that matches an
interest of the user, a post the user could answer from experience, the person's current work.

"Meaning" is cosine similarity of all-MiniLM-L6-v2 vectors against thresholds calibrated on the
pairs in ``tests/fixtures/pairs/`` (``bench/common_ground.py`` prints the precision and recall
they give). A single generic word ("software", "data") is never a shared topic.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

import numpy as np

from scraper.forgettable import remembered
from scraper.models import Post, Profile

from .models import Evidence, TalkingPoint, Topic
from .normalize import fold, is_common_skill, org_key, skill_key, skill_name
from .text import lede, split_sentences

logger = logging.getLogger(__name__)

# Cosine thresholds, calibrated on the fixture pairs: below them MiniLM pairs merely adjacent
# fields ("product management" vs "software" scores 0.47); above them the phrases name the same
# subject ("distributed systems" vs "consensus protocols" scores 0.59).
TOPIC_THRESHOLD = 0.55
# Posts are compared sentence by sentence (see _best_interest); on the fixture pairs posts about
# the user's interest score 0.36-0.66 and the rest at most 0.19.
POST_THRESHOLD = 0.32
# An interest that joins a broad word to a specific one ("frontend performance") must match a
# post by its specific part too: a post on database write throughput shares the "performance"
# (0.37) but not the "frontend" (0.09); real matches keep their specific part at 0.30 or more.
SPECIFIC_PART_THRESHOLD = 0.2
# The same for the words of an interest that a post does not contain, when it contains some:
# a post on balcony furniture has "balcony" and "small" of "growing vegetables on a small
# balcony", and is 0.48 from it, but 0.09 from "growing vegetables". Real matches keep that part
# at 0.19 or more ("algorithms" of "consensus algorithms" for a post on running Raft).
UNSHARED_PART_THRESHOLD = 0.15
EXPERIENCE_THRESHOLD = 0.55
CURRENT_WORK_THRESHOLD = 0.50
# A reader reads three posts first; more post points would drown the rest.
MAX_POST_POINTS = 3
MAX_SENTENCES_PER_POST = 60
# Sentences compared one by one per analysis (see close_reading): about 0.45 s of embedding,
# three posts of 20 sentences. A post longer than that is read alone, whatever the budget.
SENTENCE_BUDGET = 64
NEXT_POST_WEIGHT = 0.5
MAX_POSTS = 20
# What a blog's ordinary post shares with a phrase is no evidence that one post is about it. On
# a firmware blog every post is 0.3-0.5 from "low-power firmware" through the word "firmware"
# alone (median 0.31 over 18 posts), while a phrase that names no theme of the blog is 0.03-0.18
# from its median post on the test blogs. So a post's similarity to a phrase counts only past
# what the blog's median post has beyond that unrelated level. A blog of a few posts has no
# ordinary post to compare with.
MIN_POSTS_FOR_BACKGROUND = 6
UNRELATED_SIMILARITY = 0.15
# A skill is a word in the sense the user's profile gives it: "Espresso" beside Kotlin for an
# Android developer is a test framework, not coffee. Said with that context ("Espresso (Android
# developer)"), a skill keeps its similarity to a post in that sense and loses it to a post in
# the word's everyday sense: a post on Espresso tests of a Compose screen moves -0.02, Kafka
# consumer lag -0.03 to -0.07, Spark or pandas jobs 0.00 to +0.09; a post on making espresso
# -0.18, reading Kafka's novels -0.16, a home office's airflow -0.11, giant pandas -0.19, swifts
# (the birds) -0.09, a rusty bicycle -0.18. A post (or a topic's posts) that loses more than
# this is not about the user's skill, whatever word they share.
SKILL_SENSE_DROP = 0.08

# Words too broad to be common ground on their own: everybody in tech "does software".
GENERIC_WORDS = frozenset(
    """software data code coding technology tech work team teams people business product
    products design development engineering programming computer computers internet web
    learning career management leadership communication time things life world startup
    startups company companies project projects problem problems solution solutions system
    systems tools tool innovation strategy growth success future community digital online
    value quality process information research science innovation ideas idea performance
    services service communities""".split()
)

_NOW_TITLES = {"now", "what i m doing now", "what i am doing now", "now page", "currently"}


def is_generic(phrase: str) -> bool:
    """True for a single broad word (or nothing): it would match anyone."""
    words = [w for w in fold(phrase).split() if w not in {"the", "a", "an", "and", "of"}]
    return not words or (len(words) == 1 and words[0] in GENERIC_WORDS)


def is_now_page(post: Post) -> bool:
    path = urlparse(post.url).path.rstrip("/")
    return path.endswith("/now") or fold(post.title or "") in _NOW_TITLES


def sentences(text: str, limit: int = MAX_SENTENCES_PER_POST) -> list[str]:
    """The text's sentences of a useful length (a quote, not a heading or a paragraph)."""
    out: list[str] = []
    for sentence in split_sentences(text or ""):
        sentence = sentence.strip(" -*•")
        if 25 <= len(sentence) <= 400:
            out.append(sentence)
            if len(out) >= limit:
                break
    return out


@dataclass(frozen=True)
class MyPhrase:
    """Something the user said they care about or can do, as the user typed it."""

    text: str
    key: str
    source: str  # "interest" or "skill"


def specific_part(phrase: str) -> str | None:
    """The words of a phrase left when its broad words are dropped ("frontend performance" ->
    "frontend"), or None when nothing or everything would be dropped."""
    words = phrase.split()
    kept = [w for w in words if fold(w) not in GENERIC_WORDS]
    return " ".join(kept) if kept and len(kept) < len(words) else None


_FUNCTION_WORDS = frozenset("the a an and of for in on with to without at by or".split())


def _words(phrase: str) -> list[str]:
    """Content words, folded, a plural's final s dropped ("audits" is "audit")."""
    out = []
    for word in fold(phrase).split():
        if word in _FUNCTION_WORDS:
            continue
        out.append(word[:-1] if len(word) > 3 and word.endswith("s") and word[-2] != "s" else word)
    return out


def unshared_part(mine: str, theirs: str) -> str | None:
    """The words of the user's phrase that ``theirs`` does not share, when the two share a word
    and what is left is not only broad words ("low-power" of "low-power firmware" against
    "firmware engineer"); else None."""
    shared = set(_words(mine)) & set(_words(theirs))
    if not shared:
        return None
    kept = [t for t in mine.split() if set(_words(t)) - shared]
    if not kept or all(w in GENERIC_WORDS for t in kept for w in _words(t)):
        return None
    return " ".join(kept)


def shares_only_a_word(mine: str, theirs: str, vectors: dict[str, np.ndarray]) -> bool:
    """True when ``theirs`` is close to the user's phrase only through a word they share: on a
    firmware blog "firmware engineer" is 0.63 from "low-power firmware", but "low-power" is 0.13
    from it. What the user cares about is the rest of their phrase, and it must match too (real
    matches keep it at 0.32 or more: "coral" against "long-term reef monitoring" is 0.54)."""
    part = unshared_part(mine, theirs)
    if part is None:
        return False
    if set(_words(theirs)) <= set(_words(mine)):
        return True  # "firmware" for "low-power firmware": the phrase less what it is about
    return float(_matrix([part], [theirs], vectors)[0, 0]) < SPECIFIC_PART_THRESHOLD


def my_phrases(me: Profile) -> list[MyPhrase]:
    seen: set[str] = set()
    out = []
    for source, items in (("interest", me.interests), ("skill", me.skills)):
        for item in items:
            key = skill_key(item)
            if key and key not in seen and not is_generic(item):
                seen.add(key)
                out.append(MyPhrase(skill_name(item), key, source))
    return out


def skill_contexts(me: Profile, phrase: MyPhrase) -> list[str]:
    """The skill said as the user's profile reads it: with their headline, and with the titles
    of their two latest roles ("Espresso (Android developer)"); none for an interest, or for a
    profile that says nothing of what the user does."""
    if phrase.source != "skill":
        return []
    where = [role_of(me.headline or ""), *(role_of(p.title or "") for p in me.experience[:2])]
    kept = {fold(w): w for w in reversed(where) if w and fold(phrase.text) not in fold(w)}
    return [f"{phrase.text} ({w})" for w in reversed(kept.values())]


# What a headline says the user is comes before where and on what: "Data scientist" of "Data
# scientist in retail forecasting". The rest moves the skill towards the subject ("Pandas (Data
# scientist in retail forecasting)" is 0.09 further from a post on a pandas groupby than
# "Pandas" is; "Pandas (Data scientist)" is as close).
_ROLE_END = re.compile(r"\s+(?:at|in|for|with|on|@)\s+|\s*[|,;:(/·•–—]\s*|\s+-\s+", re.I)


def role_of(headline: str) -> str:
    """The role a headline or a job title names, without where or on what."""
    return _ROLE_END.split(headline.strip(), maxsplit=1)[0].strip()


def in_other_sense(
    me: Profile, phrase: MyPhrase, texts: Sequence[str], vectors: dict[str, np.ndarray]
) -> bool:
    """True when every one of ``texts`` (a post's lede, a topic's posts) uses the user's skill in
    another sense than the profile gives it: said in the user's context, the skill is more than
    ``SKILL_SENSE_DROP`` further from each of them than the bare word is."""
    # The first context is what the user is now (the headline's role): a past role's context
    # ("Espresso (Junior QA Engineer)") can sit nearer the everyday sense than the bare word does.
    contexts = [c for c in skill_contexts(me, phrase)[:1] if c in vectors]
    texts = [t for t in texts if t in vectors]
    if not contexts or not texts or phrase.text not in vectors:
        return False
    bare = _matrix([phrase.text], texts, vectors)[0]
    read = _matrix(contexts, texts, vectors).max(axis=0)
    return bool(np.all(read - bare < -SKILL_SENSE_DROP))


def _specificity(phrase: str) -> float:
    """1 for a niche multi-word subject, lower for one word, lowest for a skill everyone lists."""
    if is_common_skill(phrase):
        return 0.3
    return 1.0 if len(fold(phrase).split()) > 1 else 0.75


def _scaled(similarity: float, threshold: float) -> float:
    return max(0.0, min(1.0, (similarity - threshold) / (1.0 - threshold)))


def match_topics(
    mine: list[MyPhrase],
    topics: list[Topic],
    vectors: dict[str, np.ndarray],
    me: Profile | None = None,
    posts: Sequence[Post] = (),
) -> list[TalkingPoint]:
    """For each of the user's phrases, the person's closest topic when it is close enough.

    With the user's profile and the posts, a skill does not match a topic whose posts all use
    its word in another sense (``in_other_sense``): "espresso machine" for the skill Espresso."""
    theirs = [t for t in topics if not is_generic(t.phrase) and t.evidence]
    if not mine or not theirs:
        return []
    sims = _matrix([m.text for m in mine], [t.phrase for t in theirs], vectors)
    ledes = {p.url: _doc_text(p) for p in posts if _post_lines(p)}
    points = []
    for i, phrase in enumerate(mine):
        for j, topic in enumerate(theirs):
            if skill_key(topic.phrase) == phrase.key:
                sims[i, j] = 1.0
            elif shares_only_a_word(phrase.text, topic.phrase, vectors):
                sims[i, j] = -1.0
            if me is not None and sims[i, j] >= TOPIC_THRESHOLD:
                where = [ledes[e.url] for e in topic.evidence if e.url in ledes]
                if in_other_sense(me, phrase, where, vectors):
                    sims[i, j] = -1.0
        j = int(np.argmax(sims[i]))
        similarity = float(sims[i, j])
        if similarity < TOPIC_THRESHOLD:
            continue
        topic = theirs[j]
        specificity = min(_specificity(phrase.text), _specificity(topic.phrase))
        score = 0.35 + 0.3 * specificity + 0.2 * _scaled(similarity, TOPIC_THRESHOLD)
        same = fold(topic.phrase) == fold(phrase.text)
        text = (
            f"They write about {topic.phrase}, which is one of your {phrase.source}s."
            if same
            else f"They write about {topic.phrase}, close to your {phrase.source} {phrase.text}."
        )
        points.append(
            TalkingPoint(
                kind="topic",
                key=phrase.key,
                text=text,
                score=score,
                evidence=tuple(topic.evidence[:3]),
                theirs=topic.phrase,
                mine=phrase.text,
            )
        )
    return points


def match_posts(
    me: Profile,
    mine: list[MyPhrase],
    posts: list[Post],
    vectors: dict[str, np.ndarray],
    background: Mapping[str, float] | None = None,
) -> list[TalkingPoint]:
    """Named posts that match an interest of the user, or that the user could answer from
    experience; all of them, best first (``choose_post_points`` keeps ``MAX_POST_POINTS``).

    A post's similarity counts only past what the blog's ordinary post shares with the same
    phrase (``blog_background``): the post that stands out on the user's interest wins, not the
    one that repeats the word the whole blog is about."""
    experience = _experience_sentences(me)
    best: list[TalkingPoint] = []
    for post in posts:
        lines = _post_lines(post)
        if not lines:
            continue
        candidates = []
        if mine:
            texts = [m.text for m in mine]
            sims = _matrix(texts, lines, vectors)
            doc = _matrix(texts, [_doc_text(post)], vectors)[:, 0]
            shared = _shared_excess(background, texts)
            # A skill whose word the post uses in another sense is not what the post is about.
            shared[[in_other_sense(me, m, [_doc_text(post)], vectors) for m in mine]] = np.inf
            i, similarity = _best_interest(sims, doc, shared)
            if similarity >= POST_THRESHOLD and _specific_part_matches(
                mine[i].text, post, lines, vectors
            ):
                j = int(np.argmax(sims[i]))
                candidates.append(
                    (
                        similarity - POST_THRESHOLD,
                        _post_point(
                            post,
                            lines[j],
                            mine[i].text,
                            f"Their post “{_title(post)}” is about {mine[i].text}, one of your "
                            f"{mine[i].source}s.",
                            similarity,
                            POST_THRESHOLD,
                        ),
                    )
                )
        if experience:
            texts = [e[0] for e in experience]
            sims = _matrix(texts, lines, vectors)
            shared = _shared_excess(background, texts)[:, None]
            i, j = (int(k) for k in np.unravel_index(int(np.argmax(sims - shared)), sims.shape))
            similarity = float(sims[i, j] - shared[i, 0])
            if similarity >= EXPERIENCE_THRESHOLD:
                sentence, role = experience[i]
                candidates.append(
                    (
                        similarity - EXPERIENCE_THRESHOLD,
                        _post_point(
                            post,
                            lines[j],
                            sentence,
                            f"Their post “{_title(post)}” touches what you did as {role}: "
                            f"you could answer it from your own experience.",
                            similarity,
                            EXPERIENCE_THRESHOLD,
                        ),
                    )
                )
        if candidates:
            best.append(max(candidates, key=lambda c: c[0])[1])
    best.sort(key=lambda p: -p.score)
    return best


def choose_post_points(posts: list[TalkingPoint], topics: list[TalkingPoint]) -> list[TalkingPoint]:
    """At most ``MAX_POST_POINTS`` named posts, best first, but a phrase that a topic point
    already backs with posts of its own comes after the phrases nothing else backs: a reader
    who is told "they write about urban heat" (three posts) learns more from a named post on
    another of their interests than from a fourth post on urban heat."""
    backed = {skill_key(t.mine) for t in topics}
    ranked = sorted(posts, key=lambda p: (skill_key(p.mine) in backed, -p.score))
    return sorted(ranked[:MAX_POST_POINTS], key=lambda p: -p.score)


def _specific_part_matches(
    interest: str, post: Post, lines: Sequence[str], vectors: dict[str, np.ndarray]
) -> bool:
    """The post matches the interest by more than a word they share: by its specific part
    ("frontend" of "frontend performance"), and by the words the post does not contain
    ("growing vegetables" of "growing vegetables on a small balcony", for a post on balcony
    furniture)."""
    for part, threshold in (
        (specific_part(interest), SPECIFIC_PART_THRESHOLD),
        (post_part(interest, post), UNSHARED_PART_THRESHOLD),
    ):
        if part is None or part not in vectors:
            continue
        sims = _matrix([part], lines, vectors)
        doc = _matrix([part], [_doc_text(post)], vectors)[:, 0]
        if _best_interest(sims, doc)[1] < threshold:
            return False
    return True


def post_part(interest: str, post: Post) -> str | None:
    """The words of an interest that the post does not contain, when it contains some."""
    return unshared_part(interest, f"{post.title or ''} {post.text}")


def _best_interest(
    sims: np.ndarray, doc: np.ndarray, shared: np.ndarray | None = None
) -> tuple[int, float]:
    """The interest a post is most about, and how much.

    The best sentence alone can be a fluke (one aside in a long post), so it is averaged with the
    better of two broader views: the mean of the two best sentences, and the whole post. What
    the blog's ordinary post shares with each interest (``shared``) is taken off.
    """
    top = np.sort(sims, axis=1)[:, ::-1]
    best_sentence = top[:, 0]
    top_two = top[:, :2].mean(axis=1)
    combined = (best_sentence + np.maximum(top_two, doc)) / 2
    if shared is not None:
        combined = combined - shared
    i = int(np.argmax(combined))
    return i, float(combined[i])


def match_current_work(
    them: Profile,
    mine: list[MyPhrase],
    posts: list[Post],
    vectors: dict[str, np.ndarray],
    me: Profile | None = None,
) -> list[TalkingPoint]:
    """Their "Now" page or current role, when it is about something the user cares about (a
    skill in the sense the user's profile gives it, ``in_other_sense``)."""
    sources: list[tuple[str, str | None, str, str]] = []  # (sentence, url, key, what)
    for post in posts:
        if is_now_page(post):
            sources += [(s, post.url, "now", "Now page") for s in sentences(post.text)]
    for position in them.experience:
        if position.start and not position.end and position.company:
            what = f"current role as {position.title or 'part of the team'} at {position.company}"
            # The title, not the company: "Designer at Tableau" would match a user who merely
            # lists Tableau as a tool.
            lines = [t for t in (position.title, *sentences(position.description or "")) if t]
            sources += [(s, them.source_url, org_key(position.company), what) for s in lines]
    if not mine or not sources:
        return []
    sims = _matrix([m.text for m in mine], [s[0] for s in sources], vectors)
    if me is not None:
        for row, phrase in enumerate(mine):
            for col, source in enumerate(sources):
                if sims[row, col] >= CURRENT_WORK_THRESHOLD and in_other_sense(
                    me, phrase, [source[0]], vectors
                ):
                    sims[row, col] = -1.0
    i, j = np.unravel_index(int(np.argmax(sims)), sims.shape)
    similarity = float(sims[i, j])
    if similarity < CURRENT_WORK_THRESHOLD:
        return []
    sentence, url, key, what = sources[j]
    return [
        TalkingPoint(
            kind="current_work",
            key=key,
            text=f"Their {what} is about {mine[i].text}, one of your {mine[i].source}s.",
            score=0.6 + 0.25 * _scaled(similarity, CURRENT_WORK_THRESHOLD),
            evidence=(Evidence(url, sentence),),
            theirs=sentence,
            mine=mine[i].text,
        )
    ]


def texts_to_embed(me: Profile, them: Profile, posts: list[Post], topics: list[Topic]) -> list[str]:
    """What the matchers compare before any post is read closely: the user's phrases and roles,
    the person's topics, current role and Now page, and each post's title and lede. One
    ``embed`` call covers them; the sentences of the posts worth it follow (``close_reading``)."""
    mine = my_phrases(me)
    texts = [m.text for m in mine] + [t.phrase for t in topics]
    texts += [part for m in mine if (part := specific_part(m.text))]
    texts += [context for m in mine for context in skill_contexts(me, m)]
    texts += [part for m in mine for t in topics if (part := unshared_part(m.text, t.phrase))]
    texts += [e[0] for e in _experience_sentences(me)]
    for post in posts:
        if is_now_page(post):
            texts += sentences(post.text)
        else:
            texts += [*_post_lines(post)[:1], _doc_text(post)]
    for position in them.experience:
        if position.start and not position.end and position.company:
            texts += [t for t in (position.title, *sentences(position.description or "")) if t]
    return list(dict.fromkeys(t for t in texts if t))


def close_reading(
    me: Profile,
    mine: list[MyPhrase],
    posts: list[Post],
    vectors: dict[str, np.ndarray],
    background: Mapping[str, float] | None = None,
) -> tuple[list[Post], list[str]]:
    """The posts to compare sentence by sentence, and their sentences not yet embedded.

    Twenty 1,000-word posts have about 1,200 sentences, seconds of embedding; the posts whose
    lede (title and first words) stands out most from the blog's ordinary post
    (``blog_background``) for something the user cares about or did come first, until
    ``SENTENCE_BUDGET`` sentences. A word the whole blog shares ("firmware" on a firmware blog)
    raises every post alike, so it does not decide which posts are read. A short blog is read
    whole.
    """
    readable = [p for p in posts if _post_lines(p)]
    probes = list(dict.fromkeys([m.text for m in mine] + [e[0] for e in _experience_sentences(me)]))
    if not probes or not readable:
        return [], []
    shared = np.array([(background or {}).get(p, 0.0) for p in probes])[:, None]
    contrast = head_similarity(probes, readable, vectors) - shared
    # A post that uses a skill's word in another sense is not read for that skill.
    for phrase in (m for m in mine if m.source == "skill"):
        for k, post in enumerate(readable):
            if in_other_sense(me, phrase, [_doc_text(post)], vectors):
                contrast[probes.index(phrase.text), k] = -1.0
    # One phrase with many close posts would take the whole budget: each post a phrase has
    # already had halves what its next one counts, so every phrase that has a close post gets one.
    weight = np.ones(len(probes))
    left = list(range(len(readable)))
    chosen: list[Post] = []
    total = 0
    while left:
        value = contrast[:, left]
        value = np.where(value > 0, value * weight[:, None], value)
        k = int(np.argmax(value.max(axis=0)))
        probe, post = int(np.argmax(value[:, k])), readable[left.pop(k)]
        lines = len(_post_lines(post))
        if chosen and total + lines > SENTENCE_BUDGET:
            continue
        chosen.append(post)
        total += lines
        weight[probe] *= NEXT_POST_WEIGHT
    missing = [t for p in chosen for t in _post_lines(p) if t not in vectors]
    missing += [part for p in chosen for m in mine if (part := post_part(m.text, p))]
    return [p for p in posts if p in chosen], list(dict.fromkeys(missing))


def head_similarity(
    probes: Sequence[str], posts: Sequence[Post], vectors: dict[str, np.ndarray]
) -> np.ndarray:
    """(probes x posts): each probe against each post's lede, its title and first words.

    Not the title alone: a title is a few words, and one shared word ("sensor board" against
    "battery-powered sensors") makes it look close to a post the opening shows is not."""
    return _matrix(probes, [_doc_text(p) for p in posts], vectors)


def blog_background(
    me: Profile, mine: list[MyPhrase], posts: list[Post], vectors: dict[str, np.ndarray]
) -> dict[str, float]:
    """How close each of the user's phrases and role sentences is to the blog's ordinary post:
    the median over its posts of the title-or-lede similarity; nothing for a blog of fewer than
    ``MIN_POSTS_FOR_BACKGROUND`` posts."""
    readable = [p for p in posts if _post_lines(p)]
    probes = list(dict.fromkeys([m.text for m in mine] + [e[0] for e in _experience_sentences(me)]))
    if len(readable) < MIN_POSTS_FOR_BACKGROUND or not probes:
        return {}
    medians = np.median(head_similarity(probes, readable, vectors), axis=1)
    return {probe: float(m) for probe, m in zip(probes, medians, strict=True)}


def _shared_excess(background: Mapping[str, float] | None, probes: Sequence[str]) -> np.ndarray:
    """Per probe, what the blog's ordinary post has of it beyond an unrelated post's level."""
    return np.array(
        [max(0.0, (background or {}).get(p, 0.0) - UNRELATED_SIMILARITY) for p in probes]
    )


def embed_all(embedder, texts: list[str]) -> dict[str, np.ndarray]:
    if not texts:
        return {}
    matrix = np.asarray(embedder.embed(texts), dtype=np.float32)
    return dict(zip(texts, matrix, strict=True))


def _matrix(rows: Sequence[str], cols: Sequence[str], vectors: dict[str, np.ndarray]) -> np.ndarray:
    a = np.stack([vectors[t] for t in rows])
    b = np.stack([vectors[t] for t in cols])
    return a @ b.T


def _title(post: Post) -> str:
    return (post.title or urlparse(post.url).path.rstrip("/").rsplit("/", 1)[-1]).strip()


def _doc_text(post: Post) -> str:
    # The same lede the topic extractor places the post by: one embedding serves both.
    return lede(post.title, post.text)


@remembered("sentences of posts", 256)
def _body_sentences(post: Post) -> tuple[str, ...]:
    """The post's sentences without its title's own line (extracted text starts with it)."""
    title = (post.title or "").strip()
    return tuple(s for s in sentences(post.text) if s != title)


@remembered("lines of posts", 256)
def _post_lines(post: Post) -> tuple[str, ...]:
    """The post's title, then its sentences; remembered, as every matcher reads them."""
    if is_now_page(post):
        return ()
    title = (post.title or "").strip()
    return ((title,) if len(title) >= 8 else ()) + _body_sentences(post)


def _experience_sentences(me: Profile) -> list[tuple[str, str]]:
    """(sentence, role) for what the user did: the descriptions of their roles."""
    out = []
    for position in me.experience:
        role = " at ".join(p for p in (position.title, position.company) if p) or "before"
        out += [(s, role) for s in sentences(position.description or "", limit=10)]
    return out


def _post_point(
    post: Post, line: str, mine: str, text: str, similarity: float, threshold: float
) -> TalkingPoint:
    quote = line if line != (post.title or "").strip() else next(iter(_body_sentences(post)), line)
    return TalkingPoint(
        kind="post",
        key=post.url,
        text=text,
        score=0.72 + 0.23 * _scaled(similarity, threshold),
        evidence=(Evidence(post.url, quote),),
        theirs=_title(post),
        mine=mine,
    )
