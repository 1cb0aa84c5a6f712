"""Every failure the popup can meet has its own message and a way forward: backend not
running, no or wrong token, a tab it cannot read, a page that is not a profile, a blog that
cannot be reached, an analysis that times out."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from tests.extension.conftest import (
    FIXTURES,
    closed_port_url,
    serve_site,
    wait_for_error,
    wait_for_result,
    words,
)

pytestmark = pytest.mark.browser


def test_backend_not_running_says_how_to_start_it(ext, local_site_factory, demo_person):
    ext.configure(closed_port_url(local_site_factory), "any-token")
    _, popup = ext.analyse(demo_person)
    text = wait_for_error(popup)
    assert "backend is not running" in text
    assert "commonground serve" in popup.locator("#error code").inner_text()
    expect(popup.locator("#retry")).to_be_visible()
    expect(popup.locator("#error-settings")).to_be_visible()
    expect(popup.locator("#result")).to_be_hidden()


def test_wrong_token_says_how_to_get_the_right_one(ext, backend, demo_person):
    ext.configure(backend.url, "not-the-token")
    _, popup = ext.analyse(demo_person)
    text = wait_for_error(popup)
    assert "refused the pairing token" in text
    assert popup.locator("#error code").inner_text() == "commonground token"
    expect(popup.locator("#error-settings")).to_be_visible()


def test_no_token_yet_says_how_to_pair(ext, backend, demo_person):
    ext.configure(backend.url, "")
    _, popup = ext.analyse(demo_person)
    assert "not paired" in wait_for_error(popup)
    assert popup.locator("#error code").inner_text() == "commonground token"


def test_a_tab_the_extension_cannot_read(ext):
    target, tab_id = ext.open_target("about:blank")
    popup = ext.open_popup(tab_id)
    text = wait_for_error(popup)
    assert "cannot read this tab" in text
    assert "profile page" in text  # what to do instead
    target.close()


def test_page_that_is_not_a_profile(ext, local_site_factory):
    url = serve_site(local_site_factory(), FIXTURES / "not-a-profile")
    _, popup = ext.analyse(url)
    text = wait_for_error(popup)
    assert "does not look like a profile" in text
    assert "profile page" in text
    expect(popup.locator("#error-settings")).to_be_hidden()  # settings are not the problem


def test_try_again_recovers_once_the_backend_runs(ext, backend, local_site_factory):
    url = serve_site(local_site_factory(), FIXTURES / "not-a-profile")
    ext.configure(closed_port_url(local_site_factory), backend.token)
    _, popup = ext.analyse(url)
    assert "not running" in wait_for_error(popup)
    ext.configure(backend.url, backend.token)  # the user starts the backend / fixes settings
    popup.locator("#retry").click()
    expect(popup.locator("#error")).to_contain_text("does not look like a profile", timeout=60_000)


def test_analysis_that_takes_too_long_times_out(ext, backend, local_site_factory):
    site = local_site_factory()
    url = serve_site(site, FIXTURES / "slow-blog")

    def slow(handler):
        time.sleep(4)
        return 404, {"Content-Type": "text/plain"}, b"not found"

    for path in ("/robots.txt", "/blog/", "/feed.xml", "/sitemap.xml"):
        site.routes[path] = slow
    ext.configure(backend.url, backend.token, timeoutSeconds=2)
    _, popup = ext.analyse(url)
    text = wait_for_error(popup, timeout_ms=30_000)
    assert "timed out" in text and "2 seconds" in text
    assert "Try again" in text
    expect(popup.locator("#retry")).to_be_visible()


@pytest.mark.model
def test_blog_unreachable_still_shows_the_profile_with_a_notice(
    ext, backend, local_site_factory, me_profile
):
    backend.api("PUT", "/api/me", json=me_profile)
    dead = closed_port_url(local_site_factory)
    url = serve_site(local_site_factory(), FIXTURES / "unreachable-blog", DEAD=dead)
    _, popup = ext.analyse(url)
    wait_for_result(popup)
    expect(popup.locator("#person-name")).to_have_text("Jonas Berg")
    expect(popup.locator("#notices")).to_be_visible()
    notice = words(popup.locator("#notices").inner_text())
    assert dead.split("//")[1] in notice or "blog" in notice.lower(), notice


def test_an_analysis_the_backend_forgot(ext, backend, local_site_factory):
    """A running analysis kept in the browser session, but unknown to a restarted backend."""
    url = serve_site(local_site_factory(), FIXTURES / "not-a-profile")
    target, tab_id = ext.open_target(url)
    ext.sw.evaluate(
        """([tabId, url]) => chrome.storage.session.set({[`analysis:${tabId}`]: {
             tabId, url, analysisId: "0123456789abcdef", status: "running",
             stage: "reading_posts", done: 2, total: 10, result: null, error: null,
             startedAt: Date.now(), updatedAt: Date.now()}})""",
        [tab_id, target.url],
    )
    popup = ext.open_popup(tab_id)
    text = wait_for_error(popup)
    assert "no longer knows this analysis" in text and "Try again" in text
