"""One LinkedIn host classifier, used by the guard, the parsers and the store alike."""

from __future__ import annotations

import pytest

from scraper.hosts import is_linkedin, is_linkedin_url
from scraper.profile.jsonld import fetchable_sites
from scraper.profile.linkedin_dom import unwrap_redirect
from server.store import normalise_profile_url


@pytest.mark.parametrize(
    "host",
    ["linkedin.com", "www.linkedin.com", "de.linkedin.com", "WWW.LinkedIn.COM.", "lnkd.in",
     "media.licdn.com"],
)  # fmt: skip
def test_linkedin_and_its_subdomains_are_linkedin(host):
    assert is_linkedin(host)


@pytest.mark.parametrize(
    "host", ["notlinkedin.com", "linkedin.com.example.org", "mylnkd.in", "evil-licdn.com", ""]
)
def test_hosts_that_only_contain_the_name_are_not_linkedin(host):
    assert not is_linkedin(host)


def test_urls_are_classified_by_their_host_only():
    assert is_linkedin_url("https://www.linkedin.com/in/ada/")
    assert not is_linkedin_url("https://notlinkedin.com/in/ada/")
    assert not is_linkedin_url("https://example.org/linkedin.com/in/ada/")
    assert not is_linkedin_url("http://[::1")  # unreadable: not LinkedIn, and no exception


def test_every_user_of_the_classifier_tells_a_lookalike_from_linkedin():
    # Each of these once had its own test, and two matched notlinkedin.com.
    assert normalise_profile_url("https://notlinkedin.com/In/Ada") == "notlinkedin.com/In/Ada"
    assert normalise_profile_url("https://www.linkedin.com/in/Ada/") == "linkedin.com/in/ada"
    redirect = "/redir/redirect?url=https%3A%2F%2Fada.dev"
    assert unwrap_redirect("https://notlinkedin.com" + redirect).startswith("https://notlinkedin")
    assert unwrap_redirect("https://www.linkedin.com" + redirect) == "https://ada.dev"
    assert fetchable_sites(["https://notlinkedin.com/blog", "https://lnkd.in/x"]) == (
        "https://notlinkedin.com/blog",
    )
