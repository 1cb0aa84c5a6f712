"""Which sites an analysis reads posts from: the person's own, never a LinkedIn page's."""

from __future__ import annotations

from pathlib import Path

from scraper.models import Profile
from scraper.profile import is_linkedin_capture
from server.analysis import blog_candidates

PROFILES = Path(__file__).resolve().parent.parent / "fixtures" / "profiles"


def test_a_personal_page_is_its_own_blog_candidate():
    them = Profile(name="Jo", websites=("https://jo.example/blog/",))
    assert blog_candidates(them, "https://jo.example/about/") == [
        "https://jo.example/blog/",
        "https://jo.example/about/",
    ]


def test_a_linkedin_page_is_never_read_as_a_blog_wherever_it_was_served_from():
    them = Profile(name="Jo", websites=("https://jo.example/",))
    assert blog_candidates(them, "https://www.linkedin.com/in/jo/") == ["https://jo.example/"]
    # A capture of LinkedIn served from a test server or a mirror: the page is not theirs.
    served = "http://127.0.0.1:8123/in/jo/"
    assert blog_candidates(them, served, page_is_theirs=False) == ["https://jo.example/"]


def test_linkedin_captures_are_told_by_their_content():
    sdui = (PROFILES / "linkedin-2026" / "en-daniel-okafor.html").read_text(encoding="utf-8")
    voyager = (PROFILES / "linkedin-voyager-2025.html").read_text(encoding="utf-8")
    personal = (PROFILES / "personal-jsonld-hcard.html").read_text(encoding="utf-8")
    assert is_linkedin_capture(sdui) and is_linkedin_capture(voyager)
    assert not is_linkedin_capture(personal)
    assert not is_linkedin_capture(None)
