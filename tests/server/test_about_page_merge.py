"""A blog's home page that is only an intro has its owner's CV on the About page it links:
reading the home page over real HTTP (127.0.0.1) fills the jobs, schools and skills from there,
and keeps the home page's own name and intro."""

from __future__ import annotations

from pathlib import Path

from scraper.fetch import Fetcher
from scraper.models import Profile
from scraper.profile import parse_profile, with_about_page
from server.analysis import AnalysisRequest, Tools, _Analysis, no_progress
from tests.server.conftest import serve_site

SITE = Path(__file__).resolve().parents[1] / "fixtures" / "blogs" / "hugo-stack-home"


def _no_model():
    raise AssertionError("reading a profile needs no model")


def test_a_thin_home_page_gets_the_cv_of_its_about_page(local_site):
    serve_site(local_site, SITE)
    home = parse_profile((SITE / "index.html").read_text("utf-8"), local_site.url("/"))
    assert home is not None and home.about and not home.experience  # the case: an intro only
    with Fetcher(allow_hosts_loopback=True, delay=0) as fetcher:
        request = AnalysisRequest(local_site.url("/"), None, Profile(name="Me"))
        profile = _Analysis(request, Tools(fetcher=fetcher, embedder=_no_model), no_progress)
        got = profile.read_profile()
    assert "/about/" in local_site.requests
    assert got.name == "Nadia Haddad"
    assert got.about == home.about
    jobs = [(p.title, p.company, p.location, p.start, p.end) for p in got.experience]
    assert jobs == [
        ("Lead Relevance Engineer", "Zalando", "Berlin", "2022-03", None),
        ("Search Engineer", "Bayt.com", "Dubai", "2017-06", "2022-02"),
    ]
    schools = [(s.school, s.degree, s.field) for s in got.education]
    assert schools == [("American University of Beirut, Beirut", "MSc", "Computer Science")]
    assert got.skills[:3] == ("Elasticsearch", "Python", "Learning to rank")
    assert got.headline == "Lead Relevance Engineer at Zalando"


def test_an_about_page_about_someone_else_lends_no_cv():
    home = Profile(name="Nadia Haddad", about="Hi, I'm Nadia.")
    other = parse_profile(
        (SITE / "about" / "index.html").read_text("utf-8").replace("Nadia Haddad", "Omar Aziz"),
        "https://nadia.example/about/",
    )
    assert other is not None and other.name == "Omar Aziz" and other.experience
    merged = with_about_page(home, other)
    assert merged is not None
    assert merged.name == "Nadia Haddad" and not merged.experience and not merged.education
