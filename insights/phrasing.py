"""The sentences openers are made of: one way to name each kind of fact, one question per kind
of link, the follow-up and the subject lines, each in a few wordings.

Which wording an analysis uses comes from a stable hash of the person (``variant``), so the same
input always gives the same text and two people rarely get the same frame.
"""

from __future__ import annotations

import hashlib

# {f} is the fact as it must appear in the text; {mine} the user's side; {when} optional years.
MENTION = {
    "post": (
        "I read your post “{f}”, and it stayed with me.",
        "Your post “{f}” is the reason I am writing.",
        "I just finished reading “{f}” on your blog.",
    ),
    "post_respond": (
        "Your post “{f}” asks something I worked through myself.",
        "I read “{f}”, and I have been through exactly that.",
        "Your question in “{f}” is one I had to answer at work.",
    ),
    "school": (
        "We both studied at {f}{when}.",
        "Like you, I studied at {f}{when}.",
        "I see we are both {f} alumni.",
    ),
    "employer": (
        "We have both worked at {f}{when}.",
        "Like you, I worked at {f}{when}.",
        "I noticed we both worked at {f}.",
    ),
    "volunteering": (
        "I volunteer with {f} too.",
        "We both give our time to {f}.",
        "Like you, I volunteer with {f}.",
    ),
    "place": ("I am also based in {f}.", "I am in {f} as well.", "I live in {f} too."),
    "skill": ("We both work with {f}.", "I work with {f} too.", "{f} is part of my work as well."),
    "topic": (
        "You write about {f}, which is what I want to get better at.",
        "Your writing on {f} is close to what I am learning.",
        "I have been reading what you write about {f}.",
    ),
    "current_work": (
        "What you are building at {f} is the kind of work I want to move into.",
        "I have been following your work at {f}.",
        "Your current work at {f} caught my attention.",
    ),
    "language": ("We both speak {f}.", "I speak {f} too.", "I saw that you speak {f}, as I do."),
    "role": (
        "I have been following your work at {f}.",
        "Your work at {f} caught my attention.",
        "I have read about what you do at {f}.",
    ),
    "post_read": (
        "I read your post “{f}”.",
        "I just read “{f}”.",
        "Your post “{f}” made me think.",
    ),
    "topic_read": (
        "I noticed you write about {f}.",
        "I have been reading your posts on {f}.",
        "Your writing on {f} caught my eye.",
    ),
}

# One direct question per kind of fact the message leads with. {f}: the fact; {mine}: the user's
# side; {role}: the person's current title.
QUESTION = {
    "post": (
        "Looking back at “{f}”, what would you do differently if you started again today?",
        "What is the one thing from “{f}” you would tell someone moving into {mine}?",
        "In “{f}”, which decision was the hardest to make, and how did you make it?",
    ),
    "post_respond": (
        "Which part of “{f}” is still open for you? I would be glad to share what worked for us.",
        "For “{f}”, what would help you most: what we tried first, or what we would skip?",
        "Where are you stuck on “{f}” right now? I can tell you what worked for us.",
    ),
    "school": (
        "What from your years at {f} helped you most on the way to {role}?",
        "What do you wish you had known at {f} about becoming {role}?",
        "Which course or person at {f} shaped your path to {role}?",
    ),
    "employer": (
        "What did your time at {f} teach you that you still use as {role}?",
        "Looking back at {f}, what made the move to {role} possible?",
        "What would you tell someone leaving {f} who wants to become {role}?",
    ),
    "volunteering": (
        "What has volunteering with {f} taught you that you use at work?",
        "How do you make time for {f} next to your work as {role}?",
        "What would you tell a volunteer at {f} who wants to grow into {role}?",
    ),
    "topic": (
        "What is one thing about {f} you wish you had known when you started?",
        "Which resource on {f} would you give someone at my stage?",
        "If you were starting out in {f} today, what would you learn first?",
    ),
    "current_work": (
        "What is the hardest problem at {f} right now that someone like me could learn from?",
        "What skill do people joining {f} most often lack?",
        "What would you look for in someone who wants to work on what {f} does?",
    ),
    "role": (
        "What would you tell someone at my stage who wants to do what you do at {f}?",
        "What skill mattered most in your work at {f}?",
        "What was the most useful step you took before joining {f}?",
    ),
    "post_read": (
        "In “{f}”, which decision was the hardest to make, and why?",
        "What would you add to “{f}” if you wrote it today?",
        "What happened after you wrote “{f}”?",
    ),
    "topic_read": (
        "What is one thing about {f} you wish you had known when you started?",
        "Which resource on {f} would you give a beginner?",
        "What is the most common mistake people make with {f}?",
    ),
}
# Links that make a poor question on their own (a shared city, skill or language): the question
# comes from the next fact, or from the person's role.
WEAK_KINDS = frozenset({"place", "skill", "language"})

FOLLOW_UP = (
    "Would you be open to me following up in a few months to tell you what I did with your advice?",
    "If it is useful, may I follow up in a few months with what I tried?",
    "No rush at all; would it be all right if I followed up in a few months?",
)
FOLLOW_UP_SHORT = (
    "May I follow up in a few months?",
    "Could I follow up later this year?",
    "Would a follow-up in a few months be OK?",
)

SUBJECT = {
    "post": ("A question about “{f}”", "“{f}”: one question from a reader", "Your post “{f}”"),
    "school": (
        "From a fellow {f} alum: one question",
        "A question from another {f} graduate",
        "{f} alum with one question",
    ),
    "employer": (
        "From a fellow {f} alum: one question",
        "Ex-{f}, with one question",
        "A question from someone who also worked at {f}",
    ),
}
SUBJECT_DEFAULT = ("A question about {f}", "One question about {f}", "{f}: a question")

SIGN_OFF = ("Best,", "Thank you,", "All the best,")


def variant(seed: str, slot: str, n: int) -> int:
    """A stable choice among ``n`` wordings for one slot of one person's message."""
    digest = hashlib.sha256(f"{seed}\x00{slot}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % n
