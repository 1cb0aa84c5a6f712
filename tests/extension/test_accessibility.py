"""Keyboard access, labelled controls, and text readable in light and dark mode: checked on the
popup with a real result, the settings page and the contacts page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.extension.conftest import wait_for_result

pytestmark = [pytest.mark.browser, pytest.mark.model, pytest.mark.slow]

# WCAG 2.1 AA: 4.5:1 for body text.
MIN_CONTRAST = 4.5
# Text whose colour carries meaning: names, quotes, counts, verdicts, chips, errors, links.
TEXT_SELECTORS = [
    "#person-name", "#person-headline", ".point-text", ".quote", ".point .kind", "a.evidence",
    ".chip", ".chip.shared", "#posts-to-read a", ".muted", ".count", ".swap-verdict",
    ".opener-text", "button.copy", "button.check-draft", "#save-contact", "h3",
]  # fmt: skip

# The colour of an element's text and of the first opaque background behind it.
COLOURS_JS = """(els) => els.filter(e => e.offsetParent !== null).map(e => {
  let bg = null;
  for (let n = e; n; n = n.parentElement) {
    const c = getComputedStyle(n).backgroundColor;
    if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; }
  }
  return [getComputedStyle(e).color, bg || 'rgb(255, 255, 255)'];
})"""


def luminance(rgb: str) -> float:
    r, g, b = (int(v) / 255 for v in re.findall(r"\d+(?:\.\d+)?", rgb)[:3])
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(fg: str, bg: str) -> float:
    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.fixture(scope="module")
def popup(extension, backend, demo_person, me_profile):
    backend.api("PUT", "/api/me", json=me_profile)
    extension.configure(backend.url, backend.token)
    extension.reset_analyses()
    target, page = extension.analyse(demo_person)
    wait_for_result(page)
    yield page
    page.close()
    target.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_is_readable_in_light_and_dark_mode(popup, scheme):
    popup.emulate_media(color_scheme=scheme)
    body_bg = popup.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (luminance(body_bg) > 0.5) == (scheme == "light"), body_bg
    checked = 0
    for selector in TEXT_SELECTORS:
        for fg, bg in popup.locator(selector).evaluate_all(COLOURS_JS):
            ratio = contrast(fg, bg)
            assert ratio >= MIN_CONTRAST, f"{scheme}: {selector} {fg} on {bg} is {ratio:.2f}:1"
            checked += 1
    assert checked >= 20
    popup.emulate_media(color_scheme="light")


def unlabelled_controls(page) -> list[str]:
    return page.locator("input, textarea, select, button").evaluate_all(
        """els => els.filter(e => e.offsetParent !== null).filter(e => {
             const name = (e.labels && e.labels.length ? e.labels[0].textContent : '')
               || e.getAttribute('aria-label') || (e.tagName === 'BUTTON' ? e.textContent : '');
             return !name.trim();
           }).map(e => e.outerHTML.slice(0, 80))"""
    )


def test_every_control_has_a_label(popup, extension):
    assert unlabelled_controls(popup) == []
    for name in ("options.html", "contacts.html"):
        page = extension.open_page(name)
        if name == "options.html":
            page.locator("details summary").click()  # the JSON editor is folded away
        page.wait_for_load_state()
        assert unlabelled_controls(page) == [], name
        page.close()


def test_keyboard_alone_copies_an_opener(popup):
    popup.bring_to_front()
    note = popup.locator(".opener[data-channel=connection_note]")
    note.locator("textarea.opener-text").focus()
    text = note.locator("textarea.opener-text").input_value()
    popup.keyboard.press("Tab")  # the focus leaves the text box for its buttons
    focused = popup.evaluate("document.activeElement.className")
    assert "check-draft" in focused
    popup.keyboard.press("Tab")
    assert "copy" in popup.evaluate("document.activeElement.className")
    popup.keyboard.press("Enter")
    expect(note.locator("button.copy")).to_have_text("Copied")
    assert popup.evaluate("navigator.clipboard.readText()") == text
    # Focus is visible: an outline is drawn around the focused button.
    outline = popup.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
