"""Everything that came from a page is rendered as text. The fixture person has HTML and script
payloads in every field (name, headline, employer, place, school, skills, about, post titles,
post text, feed entries, a javascript: link); each payload would fetch /pwned/<field> from the
fixture site if it ever ran. The test reads the popup, the contacts page and the settings page
and checks that no such request arrived, no element was injected, and the payloads show as text.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.extension.conftest import FIXTURES, serve_site, wait_for_result

pytestmark = [pytest.mark.browser, pytest.mark.model, pytest.mark.slow]

INJECTED = (
    "img, script:not([src]), svg, iframe, object, embed, b, [onerror], [onload], [onmouseover]"
)


def pwned(site) -> list[str]:
    return [r for r in site.requests if r.startswith("/pwned")]


def links_are_web_or_own(page) -> None:
    hrefs = page.locator("a[href]").evaluate_all("els => els.map(a => a.href)")
    for href in hrefs:
        assert href.startswith(("http://", "https://", "chrome-extension://")), href


def test_payloads_in_every_field_render_as_text(ext, backend, local_site_factory, me_profile):
    backend.api("PUT", "/api/me", json=me_profile)
    site = local_site_factory()
    url = serve_site(site, FIXTURES / "xss")
    target, tab_id = ext.open_target(url)
    popup = ext.open_popup(tab_id)
    assert not pwned(site), "the fixture page itself must not run its payloads"
    wait_for_result(popup)

    # The payloads arrived, and they are on screen as the characters they are.
    name = popup.locator("#person-name").inner_text()
    assert "<img src=x onerror=" in name and "Mallory" in name, name
    result_text = popup.locator("#result").inner_text()
    assert result_text.count("onerror") >= 2
    assert "<script>" in result_text or "<svg" in result_text

    popup.locator("#save-contact").click()
    expect(popup.locator("#save-status")).to_contain_text("Saved")
    popup.locator(".opener textarea.opener-text").first.fill(name)
    popup.locator(".opener button.check-draft").first.click()
    expect(popup.locator(".opener .findings li").first).to_be_visible(timeout=30_000)

    contacts = ext.open_page("contacts.html")
    expect(contacts.locator("#contacts .contact-name").first).to_be_visible()
    assert "<img src=x" in contacts.locator("#contacts").inner_text()
    contacts.locator(".contact .prep").first.click()
    prep_shown = contacts.locator(".prep-sheet, .prep-box .what").first
    expect(prep_shown).to_be_visible(timeout=30_000)

    settings = ext.open_page(f"options.html?tab={tab_id}")
    settings.locator("#import-me").click()
    expect(settings.locator("#me-name")).to_have_value(name, timeout=30_000)

    popup.wait_for_timeout(500)  # a payload that ran would have fetched by now
    assert not pwned(site), pwned(site)
    for page in (popup, contacts, settings):
        assert page.locator(INJECTED).count() == 0, page.url
        assert page.title() in ("Common Ground", "Common Ground contacts", "Common Ground settings")
        links_are_web_or_own(page)
    backend.api("PUT", "/api/me", json=me_profile)  # the next tests expect the demo user
