"""LinkedIn's lazy sections, end to end: real Chromium with the extension, the real backend and
model, and a 2026-layout profile on a loopback site whose Experience and Education cards are
added to the page only when they scroll into view (as LinkedIn does). The profile has no Skills
card at all, so that one stays missing after scrolling and the popup says so."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.extension.conftest import FIXTURES, serve_site, wait_for_result, words

pytestmark = [pytest.mark.browser, pytest.mark.model, pytest.mark.slow]

LAZY_PROFILE = FIXTURES / "linkedin-2026-lazy"
EXPERIENCE = 'section[componentkey$="ExperienceTopLevelSection"]'


def test_scrolled_in_experience_card_reaches_the_talking_points(
    ext, backend, me_profile, local_site_factory
):
    assert backend.api("PUT", "/api/me", json=me_profile).status_code == 200
    site = local_site_factory()
    url = serve_site(site, LAZY_PROFILE)
    target, tab_id = ext.open_target(url)
    # As opened: the top card, About and Activity only; the user has scrolled a little.
    assert target.locator(EXPERIENCE).count() == 0
    target.evaluate("document.getElementById('workspace').scrollTop = 40")
    tabs_before = len(ext.context.pages)

    popup = ext.open_popup(tab_id)
    # The real popup opens over the profile, which stays visible (the browser renders it, so its
    # cards can load); here the popup is a tab of its own, so the profile's tab is brought back.
    target.bring_to_front()
    expect(popup.locator("#stage")).to_have_text("Loading the profile's sections", timeout=15_000)
    wait_for_result(popup)

    # The extension scrolled the profile in the user's tab, the cards came, and the scroll is
    # back where the user left it.
    assert target.evaluate("window.__scrolled") > 1
    assert target.locator(EXPERIENCE).count() == 1
    assert target.evaluate("document.getElementById('workspace').scrollTop") == 40
    # The shared employer is only in the Experience card that loaded on scrolling (the top card
    # names the current one, Spotify; the mentee worked at Brightline Retail).
    points = words(popup.locator("#talking-points").inner_text())
    assert "Brightline Retail" in points, points
    # Skills never appeared: the result says so, with what to do; the loaded sections are not named.
    notice = words(popup.locator("#notices").inner_text())
    assert "did not show their Skills section" in notice, notice
    assert "Experience" not in notice and "Education" not in notice
    # It opened nothing else: no new tab, and the site served the profile page alone (the
    # backend does not read a LinkedIn capture's site as the person's blog either).
    assert len(ext.context.pages) == tabs_before + 1  # the popup itself
    assert set(site.requests) <= {"/", "/favicon.ico"}, site.requests


def test_a_page_that_needs_no_scrolling_is_not_scrolled(ext, backend, me_profile, local_site):
    """A page that is not a LinkedIn profile is captured as it is, without the loading stage."""
    assert backend.api("PUT", "/api/me", json=me_profile).status_code == 200
    url = serve_site(local_site, FIXTURES.parent.parent.parent / "server" / "demo_site")
    target, tab_id = ext.open_target(url)
    target.evaluate(
        "window.__scrolled = 0; addEventListener('scroll', () => { window.__scrolled += 1; })"
    )
    popup = ext.open_popup(tab_id)
    wait_for_result(popup)
    assert target.evaluate("window.__scrolled") == 0
    assert "did not show" not in words(popup.locator("#result").inner_text())


def test_the_stage_and_the_missing_sections_read_well(extension):
    page = extension.context.new_page()
    page.goto(extension.base + "contacts.html")
    try:
        label = page.evaluate(
            "async () => (await import('./lib/stages.js'))"
            ".stageLabel({status: 'capturing', stage: 'loading_sections'})"
        )
        assert label == "Loading the profile's sections"
        notice = lambda missing: page.evaluate(  # noqa: E731
            "async (m) => (await import('./lib/result-view.js')).missingSectionsNotice(m)", missing
        )
        assert notice([]) == ""
        assert notice(["skills"]).startswith("The page did not show their Skills section,")
        assert "leaves it out" in notice(["skills"])
        assert notice(["experience", "education", "skills"]).startswith(
            "The page did not show their Experience, Education and Skills sections,"
        )
        assert "click Common Ground again" in notice(["education"])
    finally:
        page.close()
