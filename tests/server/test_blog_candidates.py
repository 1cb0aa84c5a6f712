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
        "https://jo.example/",
    ]


def test_a_link_to_the_sites_archive_or_tags_stands_for_the_whole_blog():
    # The home page's menu: "Archive" was read as the person's blog and listed alone (10 posts).
    them = Profile(name="Jo", websites=("https://jo.example/archive/", "https://jo.example/tag/x/",
                                        "https://github.com/jo"))  # fmt: skip
    assert blog_candidates(them, "https://jo.example/") == [
        "https://jo.example/",
        "https://github.com/jo",
    ]
    # Clicked on a post or a month archive: the blog is the site's, or its section's.
    assert blog_candidates(Profile(name="Jo"), "https://jo.example/2019/05/14/on-stoics/") == [
        "https://jo.example/"
    ]
    assert blog_candidates(Profile(name="Jo"), "https://jo.example/blog/2019/05/") == [
        "https://jo.example/blog/"
    ]


def test_the_profile_may_point_to_a_blog_elsewhere_which_comes_first():
    them = Profile(name="Jo", websites=("https://jo.substack.com/", "https://jo.example/archive/"))
    assert blog_candidates(them, "https://jo.example/about/") == [
        "https://jo.substack.com/",
        "https://jo.example/",
    ]
    # An archive page of another site is that site's blog, too.
    them = Profile(name="Jo", websites=("https://notes.jo.dev/archives/",))
    assert blog_candidates(them, "https://www.linkedin.com/in/jo/") == ["https://notes.jo.dev/"]


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
