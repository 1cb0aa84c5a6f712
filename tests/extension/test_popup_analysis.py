"""The popup's main flow, end to end: real Chromium, the real extension, the real backend and
model, and the demo person's profile and 10-post blog on a loopback site."""

from __future__ import annotations

import re
import time
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.extension.conftest import DEMO_SITE, serve_site, wait_for_result, words

pytestmark = [pytest.mark.browser, pytest.mark.model, pytest.mark.slow]

LIMITS = {"Connection note": 300, "Message": 1000, "Email": 2000}


@pytest.fixture(scope="module")
def analysed(extension, backend, demo_person, me_profile):
    """One analysis of the demo person, shared by the tests that read its result."""
    assert backend.api("PUT", "/api/me", json=me_profile).status_code == 200
    extension.configure(backend.url, backend.token)
    extension.reset_analyses()
    target, popup = extension.analyse(demo_person)
    wait_for_result(popup)
    yield popup
    popup.close()
    target.close()


def test_who_this_is(analysed):
    expect(analysed.locator("#person-name")).to_have_text("Maya Lindqvist")
    expect(analysed.locator("#person-headline")).to_contain_text("Senior Data Scientist")
    expect(analysed.locator("#status")).to_be_hidden()
    expect(analysed.locator("#error")).to_be_hidden()
    assert analysed.locator("#result img").count() == 0  # photo-free


def test_talking_points_each_carry_evidence(analysed, demo_person):
    points = analysed.locator("#talking-points li.point")
    assert points.count() >= 3
    for point in points.all():
        assert words(point.locator(".point-text").inner_text())
        assert point.locator(".quote").count() >= 1
        assert all(words(q) for q in point.locator(".quote").all_inner_texts())
        links = point.locator("a.evidence")
        assert links.count() >= 1
        for href in (links.nth(i).get_attribute("href") for i in range(links.count())):
            assert href.startswith(demo_person), href
            assert links.first.get_attribute("target") == "_blank"
    # Something the two really share comes up: the user studied at KTH and does A/B tests.
    text = words(analysed.locator("#talking-points").inner_text())
    assert "KTH" in text or "A/B" in text or "forecast" in text.lower(), text


def test_topics_as_chips_with_the_shared_ones_highlighted(analysed):
    chips = analysed.locator("#topics .chip")
    assert chips.count() >= 5
    shared = analysed.locator("#topics .chip.shared")
    assert shared.count() >= 1
    assert shared.count() < chips.count()
    shared_text = " ".join(shared.all_inner_texts()).lower()
    assert any(w in shared_text for w in ("causal", "forecast", "a/b", "dbt")), shared_text
    # The highlight is not colour alone: screen readers hear it too.
    assert "shared with you" in shared.first.inner_text()


def test_posts_to_read_first_link_to_the_blog(analysed, demo_person):
    posts = analysed.locator("#posts-to-read li")
    assert 1 <= posts.count() <= 5
    hrefs = posts.locator("a").evaluate_all("els => els.map(a => a.href)")
    assert len(hrefs) == posts.count()  # every post to read is a link, so the loop checks each
    for href in hrefs:
        assert href.startswith(demo_person + "blog/"), href


def test_openers_show_channel_count_verdict_and_facts(analysed):
    openers = analysed.locator("#openers .opener")
    assert openers.count() >= 2
    channels = [words(c) for c in openers.locator(".channel").all_inner_texts()]
    assert "Connection note" in channels and "Message" in channels
    for opener in openers.all():
        channel = words(opener.locator(".channel").inner_text())
        text = opener.locator("textarea.opener-text").input_value()
        assert len(text) > 40
        expect(opener.locator(".count")).to_have_text(f"{len(text)} / {LIMITS[channel]}")
        verdict = opener.locator(".swap-verdict").inner_text()
        assert re.match(r"(Passes|Fails) the swap test", verdict)
        assert opener.locator(".facts li").count() >= 1


def test_tone_and_another_version_switch_the_openers_at_once(analysed):
    box = analysed.locator(".opener[data-channel=message] textarea.opener-text")
    warm = box.input_value()
    analysed.locator("#tone").select_option("formal")
    expect(box).not_to_have_value(warm)
    assert box.input_value().startswith("Dear ")
    expect(analysed.locator("#version-label")).to_contain_text("Version 1 of")
    analysed.locator("#another-version").click()
    expect(analysed.locator("#version-label")).to_contain_text("Version 2 of")
    formal_two = box.input_value()
    assert formal_two.startswith("Dear ") and formal_two != warm
    analysed.locator("#tone").select_option("warm")
    analysed.locator("#another-version").click()  # back round to the first version
    while "Version 1 of" not in analysed.locator("#version-label").inner_text():
        analysed.locator("#another-version").click()
    expect(box).to_have_value(warm)


def test_character_count_is_live_and_flags_going_over(analysed):
    note = analysed.locator(".opener[data-channel=connection_note]")
    box = note.locator("textarea.opener-text")
    original = box.input_value()
    box.fill("Hello Maya")
    expect(note.locator(".count")).to_have_text("10 / 300")
    expect(note.locator(".count")).not_to_have_class(re.compile(r"\bover\b"))
    box.fill("x" * 301)
    expect(note.locator(".count")).to_have_text("301 / 300")
    expect(note.locator(".count")).to_have_class(re.compile(r"\bover\b"))
    box.fill(original)


def test_copy_puts_the_edited_text_on_the_clipboard_and_says_so(analysed):
    opener = analysed.locator(".opener[data-channel=message]")
    box = opener.locator("textarea.opener-text")
    edited = box.input_value() + " (edited)"
    box.fill(edited)
    analysed.bring_to_front()
    opener.locator("button.copy").click()
    expect(opener.locator("button.copy")).to_have_text("Copied")
    assert analysed.evaluate("navigator.clipboard.readText()") == edited


def test_check_my_draft_marks_the_findings_in_place(analysed):
    opener = analysed.locator(".opener[data-channel=message]")
    draft = "Hi, I hope this message finds you well. I would love to pick your brain sometime."
    opener.locator("textarea.opener-text").fill(draft)
    opener.locator("button.check-draft").click()
    findings = opener.locator(".findings li")
    expect(findings.first).to_be_visible(timeout=30_000)
    assert "No problems found" not in findings.first.inner_text()
    marks = opener.locator(".marked mark")
    assert marks.count() >= 1
    # The verdict now speaks of the user's draft, not of the suggested text.
    expect(opener.locator(".swap-verdict")).to_have_text(re.compile(r"^Your draft (passes|fails)"))
    for mark in marks.all_inner_texts():
        assert mark in draft  # the marks are spans of what the user typed
    # "Show" selects the flagged words in the box itself.
    opener.locator(".findings button.show-in-text").first.click()
    selected = analysed.evaluate(
        "() => { const t = document.querySelector('.opener[data-channel=message] textarea');"
        " return t.value.slice(t.selectionStart, t.selectionEnd); }"
    )
    assert selected and selected in draft


def test_save_as_contact_records_the_person_with_the_message_used(analysed, backend):
    opener = analysed.locator(".opener[data-channel=connection_note]")
    message = opener.locator("textarea.opener-text").input_value()
    opener.locator("textarea.opener-text").focus()  # the message the user chose
    analysed.locator("#save-contact").click()
    expect(analysed.locator("#save-status")).to_contain_text("Saved Maya Lindqvist")
    contacts = backend.api("GET", "/api/contacts").json()["contacts"]
    saved = [c for c in contacts if c["name"] == "Maya Lindqvist"]
    assert saved, contacts
    assert saved[0]["message"] == message
    assert saved[0]["status"] == "drafted"
    follow_up = date.fromisoformat(saved[0]["follow_up_date"])
    assert timedelta(days=50) < follow_up - date.today() < timedelta(days=70)


def slow_copy_of_demo_site(site, delay_s: float) -> str:
    """The demo site where every post page takes ``delay_s``: long enough to watch the stages."""
    url = serve_site(site, DEMO_SITE)
    for path, body in list(site.routes.items()):
        if path.startswith("/blog/") and path.count("/") == 3 and path.endswith("/"):

            def slow(handler, body=body):
                time.sleep(delay_s)
                return 200, {"Content-Type": "text/html; charset=utf-8"}, body

            site.routes[path] = slow
    return url


def test_stages_show_live_and_survive_closing_the_popup(ext, local_site_factory, me_profile):
    url = slow_copy_of_demo_site(local_site_factory(), delay_s=0.4)
    target, tab_id = ext.open_target(url)
    popup = ext.open_popup(tab_id)
    seen: list[str] = []
    values: list[float] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        stage = popup.locator("#stage").inner_text()
        if not seen or seen[-1] != stage:
            seen.append(stage)
            values.append(float(popup.locator("#progress").get_attribute("value") or 0))
        if re.match(r"Reading posts \d+ of \d+", stage) and len(seen) > 2:
            break
        popup.wait_for_timeout(50)
    assert any(re.match(r"Reading posts \d+ of 10", s) for s in seen), seen
    assert values == sorted(values), (seen, values)

    # Closing the popup mid-analysis loses nothing: reopening shows the same analysis go on.
    started = ext.sw.evaluate(f"chrome.storage.session.get('analysis:{tab_id}')")
    analysis_id = started[f"analysis:{tab_id}"]["analysisId"]
    popup.close()
    popup = ext.open_popup(tab_id)
    wait_for_result(popup)
    expect(popup.locator("#person-name")).to_have_text("Maya Lindqvist")
    finished = ext.sw.evaluate(f"chrome.storage.session.get('analysis:{tab_id}')")
    assert finished[f"analysis:{tab_id}"]["analysisId"] == analysis_id

    # Reopened once done, it shows the result at once and starts nothing new.
    popup.close()
    popup = ext.open_popup(tab_id)
    expect(popup.locator("#result")).to_be_visible(timeout=3000)
    again = ext.sw.evaluate(f"chrome.storage.session.get('analysis:{tab_id}')")
    assert again[f"analysis:{tab_id}"]["analysisId"] == analysis_id
