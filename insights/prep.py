"""The prep sheet (Markdown) for a conversation with a mentor, and the follow-up to send after it.

The sheet answers what a mentee would want in front of them before a call: which three posts to
read first and why, questions drawn from those posts, and the common ground with its evidence.
"""

from __future__ import annotations

import logging

from scraper.models import Post, Profile

from .common_ground import no_common_ground_advice
from .facts import current_position
from .match_topics import is_now_page, sentences
from .models import TalkingPoint, Topic

logger = logging.getLogger(__name__)

POSTS_TO_READ = 3

# Questions drawn from a post: {title} and {quote} are the post's title and a sentence of it.
POST_QUESTIONS = (
    "You wrote “{quote}” — what would you do differently if you started that again today?",
    "In “{title}”, what was the hardest decision, and what made you choose as you did?",
    "What happened after “{title}”: did it hold up, and what would you add now?",
)


def _md(text: str) -> str:
    """Text from a page, safe inside Markdown: no accidental links, headings or emphasis."""
    for char in ("\\", "[", "]", "*", "_", "`", "<", ">", "#"):
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


def posts_to_read(
    posts: list[Post], topics: list[Topic], points: list[TalkingPoint]
) -> list[tuple[Post, str, str]]:
    """Up to three (post, why, quote): posts that are talking points first, then the posts
    behind the person's top topics, then the newest."""
    by_url = {p.url: p for p in posts if not is_now_page(p)}
    chosen: dict[str, tuple[Post, str, str]] = {}
    for point in points:
        # The key is the post URL; a point read back without its key still has the evidence URL.
        url = point.key or point.evidence[0].url
        if point.kind == "post" and url in by_url and url not in chosen:
            chosen[url] = (by_url[url], point.text, point.evidence[0].quote)
    for topic in topics:
        for evidence in topic.evidence:
            if evidence.url in by_url and evidence.url not in chosen:
                why = f"It is where they write most about {topic.phrase}."
                chosen[evidence.url] = (by_url[evidence.url], why, evidence.quote)
    newest = sorted(by_url.values(), key=lambda p: p.published or "", reverse=True)
    for post in newest:
        if post.url not in chosen:
            first = sentences(post.text, limit=1)
            chosen[post.url] = (
                post,
                "It is one of their most recent posts.",
                first[0] if first else "",
            )
    return list(chosen.values())[:POSTS_TO_READ]


def prep_sheet(
    me: Profile,
    them: Profile,
    posts: list[Post],
    topics: list[Topic],
    points: list[TalkingPoint],
) -> str:
    """The prep sheet as Markdown."""
    name = them.name or "this person"
    lines = [f"# Prep: {_md(name)}", ""]
    current = current_position(them)
    if them.headline or current:
        role = them.headline or f"{current.title or ''} at {current.company or ''}".strip()
        lines += [f"{_md(role)}" + (f" ({them.source_url})" if them.source_url else ""), ""]

    reading = posts_to_read(posts, topics, points)
    lines += ["## Read first", ""]
    if reading:
        for i, (post, why, _quote) in enumerate(reading, 1):
            lines.append(f"{i}. [{_md(post.title or post.url)}]({post.url}) — {_md(why)}")
    else:
        lines.append("No posts were found. Read their profile and recent activity instead.")
    lines.append("")

    lines += ["## Questions to ask", ""]
    for i, (post, _why, quote) in enumerate(reading):
        template = POST_QUESTIONS[i % len(POST_QUESTIONS)]
        if "{quote}" in template and not quote:
            template = POST_QUESTIONS[1]
        lines.append("- " + _md(template.format(title=post.title or post.url, quote=quote)))
    if current and current.company:
        lines.append(
            f"- What is the hardest problem you are working on at {_md(current.company)} right now?"
        )
    lines.append("- What would you do in my position, with what I have told you?")
    lines.append("")

    lines += ["## Common ground", ""]
    if points:
        for point in points:
            evidence = point.evidence[0]
            source = f" ([source]({evidence.url}))" if evidence.url else ""
            lines.append(f"- {_md(point.text)}{source} — “{_md(evidence.quote)}”")
    advice = no_common_ground_advice(them, posts, topics, points)
    if advice:
        lines += ([""] if points else []) + [f"- {_md(a)}" for a in advice]
    lines.append("")

    # An indented code block, not a fenced one: a page's text cannot close it and escape.
    follow_up = "\n".join("    " + line for line in follow_up_draft(me, them, points).split("\n"))
    lines += [
        "## After the conversation",
        "",
        "Send this within a few weeks, once you have acted on the advice:",
        "",
        follow_up,
        "",
    ]
    return "\n".join(lines)


def follow_up_draft(me: Profile, them: Profile, points: list[TalkingPoint]) -> str:
    """A follow-up for later: "here is what I did with your advice", with blanks to fill in."""
    first = (them.name or "").split()[0] if them.name else "there"
    subject = next((p for p in points if p.kind in ("post", "topic", "current_work")), None)
    if subject is None:
        about = ""
    elif subject.kind == "post":
        about = f" after your post “{subject.theirs}”"
    else:
        about = f" about {subject.theirs}"
    sign = f"\n\nBest,\n{me.name}" if me.name else "\n\nBest,"
    return (
        f"Hi {first},\n\n"
        f"Thank you again for your advice{about}. Here is what I did with it: "
        f"[what you tried]. The result so far: [what happened].\n\n"
        f"One thing I am still unsure about is [one specific question]. Would you have a "
        f"minute for it? No worries if not; I am grateful for the help you already gave."
        f"{sign}"
    )
