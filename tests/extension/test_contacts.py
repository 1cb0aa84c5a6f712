"""The outreach tracker: contacts stored by the backend, with status, dates and notes edited in
the extension; the follow-up badge; the prep sheet and follow-up draft one click away."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def people(backend):
    """Three contacts: one sent long ago (follow-up due), one drafted, one sent today."""
    made = {}
    for body in (
        {"name": "Ada Due", "url": "https://example.org/ada", "status": "sent",
         "sent_date": "2026-01-05", "message": "Hello Ada"},
        {"name": "Bo Later", "url": "https://example.org/bo", "status": "drafted",
         "message": "Hello Bo"},
        {"name": "Cy Future", "url": "https://example.org/cy", "status": "sent",
         "sent_date": date.today().isoformat()},
    ):  # fmt: skip
        answer = backend.api("POST", "/api/contacts", json=body)
        assert answer.status_code == 201, answer.text
        made[body["name"]] = answer.json()
    return made


def contact(page, name):
    return page.locator("#contacts li.contact").filter(has_text=name).first


def due_count(backend) -> int:
    return len(backend.api("GET", "/api/contacts?due=1").json()["contacts"])


def wait_for_badge(ext, expected: str, timeout_s: float = 10) -> None:
    deadline = time.monotonic() + timeout_s
    while ext.badge_text() != expected and time.monotonic() < deadline:
        time.sleep(0.1)
    assert ext.badge_text() == expected


def test_list_with_status_dates_and_due_marker(ext, people):
    page = ext.open_page("contacts.html")
    ada, bo, cy = (contact(page, n) for n in ("Ada Due", "Bo Later", "Cy Future"))
    expect(ada).to_be_visible()
    expect(ada.locator("select.status")).to_have_value("sent")
    expect(ada.locator("input.sent-date")).to_have_value("2026-01-05")
    expect(ada.locator("input.follow-up-date")).to_have_value("2026-03-06")  # two months on
    expect(ada).to_have_class("contact due")
    expect(bo.locator("select.status")).to_have_value("drafted")
    expect(bo).to_have_class("contact")
    in_two_months = (date.today() + timedelta(days=60)).isoformat()
    expect(cy.locator("input.follow-up-date")).to_have_value(in_two_months)
    page.locator("#due-only").check()
    expect(contact(page, "Ada Due")).to_be_visible()
    expect(page.locator("#contacts li.contact").filter(has_text="Bo Later")).to_have_count(0)
    expect(page.locator("#contacts li.contact").filter(has_text="Cy Future")).to_have_count(0)


def test_marking_sent_sets_the_dates_and_saves_notes(ext, backend, people):
    page = ext.open_page("contacts.html")
    bo = contact(page, "Bo Later")
    bo.locator("select.status").select_option("sent")
    expect(bo.locator("input.sent-date")).to_have_value(date.today().isoformat())
    in_two_months = (date.today() + timedelta(days=60)).isoformat()
    expect(bo.locator("input.follow-up-date")).to_have_value(in_two_months)
    bo.locator("textarea.notes").fill("Met at the meetup; asked about forecasting.")
    bo.locator("button.save").click()
    expect(bo.locator(".saved")).to_have_text("Saved")
    saved = backend.api("GET", "/api/contacts").json()["contacts"]
    row = next(c for c in saved if c["id"] == people["Bo Later"]["id"])
    assert row["status"] == "sent"
    assert row["sent_date"] == date.today().isoformat()
    assert row["follow_up_date"] == in_two_months
    assert row["notes"] == "Met at the meetup; asked about forecasting."
    # Stored by the backend: a fresh page (or a reset browser profile) shows the same.
    page.reload()
    expect(contact(page, "Bo Later").locator("textarea.notes")).to_have_value(row["notes"])


def test_badge_counts_the_follow_ups_due(ext, backend, people):
    page = ext.open_page("contacts.html")
    ada = contact(page, "Ada Due")
    ada.locator("button.save").click()  # any change makes the worker recount
    expect(ada.locator(".saved")).to_have_text("Saved")
    wait_for_badge(ext, str(due_count(backend)))
    assert int(ext.badge_text()) >= 1
    ada.locator("select.status").select_option("replied")
    ada.locator("button.save").click()
    expect(ada.locator(".saved")).to_have_text("Saved")
    expected = due_count(backend)
    wait_for_badge(ext, str(expected) if expected else "")


def test_an_error_is_shown_when_the_backend_is_down(ext, local_site_factory):
    from tests.extension.conftest import closed_port_url

    ext.configure(closed_port_url(local_site_factory), "token")
    page = ext.open_page("contacts.html")
    expect(page.locator("#contacts-error")).to_contain_text("not running")
    expect(page.locator("#contacts-error code")).to_have_text("commonground serve")


@pytest.mark.model
def test_prep_sheet_and_follow_up_one_click_away(ext, backend, demo_person, me_profile):
    backend.api("PUT", "/api/me", json=me_profile)
    started = backend.api("POST", "/api/analyses", json={"url": demo_person})
    assert started.status_code == 202, started.text
    analysis_id = started.json()["id"]
    deadline = time.monotonic() + 120
    while (job := backend.api("GET", f"/api/analyses/{analysis_id}").json())["status"] not in (
        "done",
        "failed",
    ):
        assert time.monotonic() < deadline, job
        time.sleep(0.3)
    assert job["status"] == "done", job
    made = backend.api(
        "POST",
        "/api/contacts",
        json={"name": "Maya Lindqvist", "url": demo_person, "status": "sent",
              "sent_date": "2026-02-01", "analysis_id": analysis_id},
    )  # fmt: skip
    assert made.status_code == 201, made.text
    page = ext.open_page("contacts.html")
    maya = page.locator(f"#contacts li.contact[data-id='{made.json()['id']}']")
    maya.locator("button.prep").click()
    expect(maya.locator(".prep-sheet")).to_be_visible(timeout=30_000)
    assert "Maya" in maya.locator(".prep-sheet").inner_text()
    follow_up = maya.locator("textarea.follow-up-text").input_value()
    assert len(follow_up) > 40
    page.bring_to_front()
    maya.locator("button.copy").click()
    expect(maya.locator("button.copy")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == follow_up
