"""The frames openers are worded with, per tone: warm, brief, formal.

A frame adds only words that claim nothing (a greeting, "I read your post", "where would you
start with"); everything it carries in its slots comes from a profile or a post as written (see
``plan``). No frame says how the user felt or why they write: "it stayed with me" or "is the
reason I am writing" would be claims the user never made. Which of a slot's frames a person gets
comes from a stable hash (``variant``): the same input gives the same text.
"""

from __future__ import annotations

import hashlib

TONES = ("warm", "brief", "formal")
DEFAULT_TONE = "warm"

GREETING = {"warm": "Hi {first},", "brief": "Hi {first},", "formal": "Dear {full},"}

# Shared facts. {name}: the organisation, city or language; {a}-{b} the years both were there;
# {theirs}/{mine}: each side's years; {as_title}: ", you as Staff Engineer" or "".
ANCHOR = {
    "school_overlap": "We were both at {name} in {years}.",
    "school_since": "We have both been at {name} since {years}.",
    "school_years": "We both studied at {name} ({theirs} for you, {mine} for me).",
    "school": "We both studied at {name}.",
    "employer_overlap": "We were both at {name} in {years}{as_title}.",
    "employer_since": "We have both been at {name} since {years}{as_title}.",
    "employer_years": "We have both worked at {name} ({theirs} for you, {mine} for me).",
    "employer": "We have both worked at {name}.",
    "volunteering": "We both volunteer with {name}.",
    "place": "We are both in {name}.",
    "language": "We both speak {name}.",
}

# The post and its point. {title}: the title as written; {point}: one sentence, verbatim.
POST_WITH_POINT = {
    "warm": "I read your post “{title}”, where you wrote: “{point}”",
    "brief": "In “{title}” you wrote: “{point}”",
    "formal": "I read your post “{title}”, in which you wrote: “{point}”",
}
POST_NOTE = {
    "warm": "I read “{title}”.",
    "brief": "I read “{title}”.",
    "formal": "I read “{title}”.",
}
PROFILE_POINT = "On your profile you write: “{point}”"

WHO = {
    "warm": "I'm {name}, {role}.",
    "brief": "I'm {name}, {role}.",
    "formal": "I am {name}, {role}.",
}
WHO_NAME_ONLY = {"warm": "I'm {name}.", "brief": "I'm {name}.", "formal": "I am {name}."}

# The one ask. {lead}: "As someone moving into data science, " (the user named by their goal) or
# ""; {subject}: the specific thing of the post the question is about, a noun phrase that reads
# after "about"; {ask}: the user's ask as a clause (``freetext``), never as typed; {about}:
# " about {subject}" when the ask does not name its own topic, {when}: when, for a call.
# Each frame starts with a lower-case letter: ``compose`` capitalises the sentence's first word.
# "Learn first about" and "read first about" fit any subject; "start with" does not fit people
# ("start with platform teams").
QUESTION = {
    "warm": (
        "{lead}what would you suggest I learn first about {subject}?",
        "{lead}what would you suggest I read first about {subject}?",
    ),
    "brief": (
        "{lead}what should I learn first about {subject}?",
        "{lead}what should I read first about {subject}?",
    ),
    "formal": (
        "{lead}what would you recommend I learn first about {subject}?",
        "{lead}what would you recommend I read first about {subject}?",
    ),
}
# Without a post the question is about their current work.
ROLE_QUESTION = {
    "warm": "{lead}what would you look for in someone joining {company}?",
    "brief": "{lead}what would you look for in someone joining {company}?",
    "formal": "{lead}what would you look for in someone joining {company}?",
}
ROLE_NOTE = "I see you are {title} at {company}."
# Without a goal the question is still about the post, asked with no lead.
LEAD = "As {someone}, "
CALL = {
    "warm": "{lead}would you be open to {ask}{when}{about}?",
    "brief": "{lead}could I ask for {ask}{about}?",
    "formal": "{lead}would you be willing to have {ask}{when}{about}?",
}
CALL_WHEN = {"warm": " in the next few weeks", "brief": "", "formal": " in the coming weeks"}
# Feedback, advice, tips, thoughts: something the person gives.
GIVE = {
    "warm": "{lead}would you be open to giving me {ask}?",
    "brief": "{lead}could I ask for {ask}?",
    "formal": "{lead}would you be willing to give me {ask}?",
}
OTHER_ASK = {
    "warm": "{lead}would you be open to {ask}?",
    "brief": "{lead}could I ask for {ask}?",
    "formal": "{lead}would you be willing to consider {ask}?",
}
# The person is to do it ("look at my CV"), or the user would ("ask you two questions").
YOU_VERB_ASK = {
    "warm": "{lead}would you be willing to {ask}?",
    "brief": "{lead}could you {ask}?",
    "formal": "{lead}would you be willing to {ask}?",
}
ME_VERB_ASK = {
    "warm": "{lead}could I {ask}?",
    "brief": "{lead}could I {ask}?",
    "formal": "{lead}may I {ask}?",
}
MENTOR_ASK = {
    "warm": "{lead}would you be open to mentoring me?",
    "brief": "{lead}would you be open to mentoring me?",
    "formal": "{lead}would you be willing to consider mentoring me?",
}

# The easy out: the person may say no, or nothing.
EASY_OUT = {
    "warm": (
        "If you're too busy to reply, no worries at all.",
        "No worries at all if you don't have time.",
        "If now isn't a good time, no worries.",
    ),
    "brief": ("No worries if not.",),
    "formal": ("I understand if you do not have time to reply.",),
}
EASY_OUT_NOTE = {
    "warm": "No worries if you're busy.",
    "brief": "No worries if not.",
    "formal": "I understand if you are busy.",
}
SIGN_OFF = {"warm": ("Best,", "Thanks,", "All the best,"), "brief": ("Thanks,",),
            "formal": ("Kind regards,",)}  # fmt: skip

SUBJECT = {
    "warm": ("A question about {subject}", "Your post “{title}”: one question"),
    "brief": ("One question about {subject}",),
    "formal": ("A question about your post “{title}”",),
}
SUBJECT_NO_POST = "A question about your work at {company}"


def variant(seed: str, slot: str, n: int) -> int:
    """A stable choice among ``n`` wordings for one slot of one person's message."""
    digest = hashlib.sha256(f"{seed}\x00{slot}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % n


def pick(options: tuple[str, ...] | str, seed: str, slot: str) -> str:
    if isinstance(options, str):
        return options
    return options[variant(seed, slot, len(options))]
