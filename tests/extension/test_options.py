"""Settings: backend URL and pairing token with "Test connection", and the user's own profile
("This is me", editable fields, the JSON), all against the real backend."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.extension.conftest import closed_port_url

pytestmark = pytest.mark.browser


@pytest.fixture
def restore_me(backend, me_profile):
    """The demo user's profile before and after the test, whatever the test does to it."""
    assert backend.api("PUT", "/api/me", json=me_profile).status_code == 200
    yield
    backend.api("PUT", "/api/me", json=me_profile)


def stored_settings(ext) -> dict:
    return ext.sw.evaluate("chrome.storage.local.get('settings')")["settings"]


def test_connection_ok_saves_the_settings(ext, backend):
    ext.configure("http://127.0.0.1:1", "")
    page = ext.open_page("options.html")
    page.locator("#backend-url").fill(backend.url)
    page.locator("#token").fill(backend.token)
    page.locator("#test-connection").click()
    expect(page.locator("#connection-status")).to_contain_text("Connected to the backend")
    assert stored_settings(ext)["backendUrl"] == backend.url
    assert stored_settings(ext)["token"] == backend.token


def test_connection_with_a_wrong_token(ext, backend):
    page = ext.open_page("options.html")
    page.locator("#token").fill("wrong")
    page.locator("#test-connection").click()
    expect(page.locator("#connection-status")).to_contain_text("refused the pairing token")
    expect(page.locator("#connection-status")).to_contain_text("commonground token")
    assert stored_settings(ext)["token"] == backend.token  # a failed test saves nothing


def test_connection_when_the_backend_is_not_running(ext, local_site_factory):
    page = ext.open_page("options.html")
    page.locator("#backend-url").fill(closed_port_url(local_site_factory))
    page.locator("#test-connection").click()
    expect(page.locator("#connection-status")).to_contain_text("not running")
    expect(page.locator("#connection-status")).to_contain_text("commonground serve")


def test_a_backend_elsewhere_is_refused_before_any_request(ext):
    page = ext.open_page("options.html")
    page.locator("#backend-url").fill("http://192.0.2.1:8765")
    page.locator("#test-connection").click()
    expect(page.locator("#connection-status")).to_contain_text("must run on this machine")


def test_this_is_me_imports_the_tab_and_fills_the_fields(ext, backend, demo_person, restore_me):
    _, tab_id = ext.open_target(demo_person)
    page = ext.open_page(f"options.html?tab={tab_id}")
    page.locator("#import-me").click()
    expect(page.locator("#me-name")).to_have_value("Maya Lindqvist")
    expect(page.locator("#me-status")).to_contain_text("Imported your profile")
    assert "Causal inference" in page.locator("#me-skills").input_value()
    assert backend.api("GET", "/api/me").json()["profile"]["name"] == "Maya Lindqvist"


def test_this_is_me_without_a_tab_says_what_to_do(ext):
    ext.reset_analyses()  # forgets the tab the popup was last opened on
    page = ext.open_page("options.html")
    page.locator("#import-me").click()
    expect(page.locator("#me-status")).to_contain_text("There is no page to import yet")
    expect(page.locator("#me-status")).to_contain_text("This is me")


def test_editable_fields_interests_included(ext, backend, restore_me):
    page = ext.open_page("options.html")
    expect(page.locator("#me-name")).to_have_value("Sam Rivera")
    page.locator("#me-headline").fill("Data Scientist at Brightline Retail")
    page.locator("#me-interests").fill("causal inference, survival analysis ,  mentoring")
    expect(page.locator("#me-goal-help")).to_contain_text("move from analytics into data science")
    expect(page.locator("#me-ask-help")).to_contain_text("a 20-minute call")
    page.locator("#me-goal").fill("move from analytics into data science")
    page.locator("#me-ask").fill("feedback on my portfolio")
    page.locator("#save-fields").click()
    expect(page.locator("#me-status")).to_have_text("Profile saved.")
    me = backend.api("GET", "/api/me").json()["profile"]
    assert (me["goal"], me["ask"]) == ("move from analytics into data science",
                                       "feedback on my portfolio")  # fmt: skip
    assert me["headline"] == "Data Scientist at Brightline Retail"
    assert me["interests"] == ["causal inference", "survival analysis", "mentoring"]
    assert me["skills"] == ["Python", "SQL", "pandas", "dbt"]  # untouched fields are kept
    assert me["education"][0]["school"] == "KTH"


def test_profile_json_round_trip_and_bad_json(ext, backend, me_profile, restore_me):
    page = ext.open_page("options.html")
    page.locator("details summary").click()
    expect(page.locator("#me-json")).not_to_have_value("")
    page.locator("#me-json").fill("{not json")
    page.locator("#save-me").click()
    expect(page.locator("#me-status")).to_contain_text("not valid JSON")
    edited = {**me_profile, "name": "Samira Rivera", "interests": ["forecasting"]}
    page.locator("#me-json").fill(json.dumps(edited))
    page.locator("#save-me").click()
    expect(page.locator("#me-status")).to_have_text("Profile saved.")
    expect(page.locator("#me-name")).to_have_value("Samira Rivera")
    assert backend.api("GET", "/api/me").json()["profile"]["interests"] == ["forecasting"]


def test_keyboard_reaches_and_uses_the_connection_controls(ext, backend):
    page = ext.open_page("options.html")
    page.locator("#backend-url").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "token"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "test-connection"
    page.keyboard.press("Enter")
    expect(page.locator("#connection-status")).to_contain_text("Connected")


def test_this_is_me_from_the_popup(ext, backend, demo_person, restore_me):
    _, tab_id = ext.open_target(demo_person)
    popup = ext.open_popup(tab_id)
    popup.locator("#result #this-is-me").evaluate("b => b.click()")  # shown with the result
    expect(popup.locator("#save-status")).to_have_text(
        "Saved as your own profile: Maya Lindqvist. Edit it in Settings."
    )
    assert backend.api("GET", "/api/me").json()["profile"]["name"] == "Maya Lindqvist"
