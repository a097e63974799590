"""Community voices in a real browser: a person on a small phone screen sends one at human pace,
a program filling the form in a blink is quarantined, and a lead reviews both. axe-core checks
every page; screenshots go to test-output/."""

from __future__ import annotations

import re

import pytest
from conftest import check_accessibility, fits_width
from playwright.sync_api import Browser, Page, expect
from svforms_server import SvformsServer

PHONE = {"width": 375, "height": 667}
PASSWORD = "four random words here"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = SvformsServer(tmp_path_factory.mktemp("voices") / "data").start()
    server.cli("user", "add", "admin@example.org", "--role", "admin", input=(PASSWORD + "\n").encode())
    server.cli("user", "add", "viewer@example.org", "--role", "viewer", input=(PASSWORD + "\n").encode())
    yield server
    server.stop()


def send_voice(page: Page, base_url: str, text: str, pause_ms: int, name: str | None = None) -> None:
    """Answers the voice form by its labels, pausing `pause_ms` on each page as a reader would."""
    def step(label: str, action) -> None:
        page.wait_for_timeout(pause_ms)
        if name:
            assert fits_width(page), f"{label}: the page is wider than the phone's screen"
            check_accessibility(page, f"{name}-{label}")
        action()
        page.get_by_role("button", name="Continue").click()

    page.goto(base_url + "/f/community-voice")
    page.get_by_role("button", name="Start now").click()
    step("area", lambda: page.get_by_label("Reigate and Banstead").check())
    step("place", lambda: page.get_by_label("Park or open space").check())
    step("worries", lambda: page.get_by_label("Violence involving young people").check())
    step("safe", lambda: page.get_by_label("Very unsafe").check())
    step("words", lambda: page.get_by_label("Tell us in your own words").fill(text))
    step("age", lambda: None)
    step("consent", lambda: None)
    page.wait_for_timeout(pause_ms)
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Form submitted")


def sign_in(page: Page, base_url: str, email: str) -> None:
    page.goto(base_url + "/admin/login")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_person_on_a_phone_and_a_program_then_a_lead_reviews_them(browser: Browser, server: SvformsServer):
    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    person = phone.new_page()
    send_voice(person, server.base_url, "Older boys hang around the skate park <b>after 9</b>.", pause_ms=1300, name="phone")
    check_accessibility(person, "phone-confirmation")
    assert fits_width(person)
    phone.close()

    program = browser.new_context()
    bot = program.new_page()
    send_voice(bot, server.base_url, "Buy cheap watches at example dot com", pause_ms=0)
    program.close()

    page = browser.new_page()
    sign_in(page, server.base_url, "admin@example.org")
    page.get_by_role("link", name="Community voices").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Community voices")
    expect(page.get_by_role("status").filter(has_text="in quarantine")).to_contain_text("1 voice is in quarantine")
    check_accessibility(page, "voices-list")

    page.get_by_label("Status").select_option("quarantined")
    page.get_by_role("button", name="Show voices").click()
    expect(page.get_by_text("1 voice matches.")).to_be_visible()
    page.locator("table a").first.click()
    expect(page.get_by_text("sent faster than a person could answer")).to_be_visible()
    check_accessibility(page, "voice-quarantined")
    page.get_by_role("button", name="Delete this voice").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Are you sure you want to delete voice")
    check_accessibility(page, "voice-delete-confirm")
    page.get_by_role("button", name="Delete this voice").click()
    expect(page.get_by_role("status").first).to_contain_text("was deleted")

    page.goto(server.base_url + "/admin/voices?status=new")
    page.locator("table a").first.click()
    expect(page.get_by_text("Older boys hang around the skate park <b>after 9</b>.")).to_be_visible()
    # One save for themes and status together: neither is dropped.
    page.get_by_label("Street lighting and the look of the place").check()
    page.get_by_label("Reviewed").check()
    page.get_by_role("button", name="Save your review").click()
    expect(page.get_by_text("Your review is saved.")).to_be_visible()
    expect(page.get_by_label("Street lighting and the look of the place")).to_be_checked()
    expect(page.get_by_label("Reviewed")).to_be_checked()
    expect(page.get_by_text("Status: Reviewed")).to_be_visible()
    page.get_by_label("Words to redact").fill("skate park")
    page.get_by_role("button", name="Redact").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Are you sure you want to redact these words?")
    check_accessibility(page, "voice-redact-confirm")
    page.get_by_role("button", name="Redact the words").click()
    expect(page.get_by_text("Older boys hang around the [redacted] <b>after 9</b>.")).to_be_visible()
    check_accessibility(page, "voice-reviewed")

    # A redaction with a mistake is explained in an error summary.
    page.get_by_label("Words to redact").fill("not in the text")
    page.get_by_role("button", name="Redact").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    check_accessibility(page, "voice-redact-error")

    page.goto(server.base_url + "/admin/retention")
    expect(page.get_by_role("heading", level=1)).to_have_text("Retention")
    check_accessibility(page, "voices-retention")
    page.goto(server.base_url + "/admin")
    expect(page.get_by_role("heading", name=re.compile("Community voices: "))).to_be_visible()
    check_accessibility(page, "voices-dashboard-lead")
    page.close()

    viewer = browser.new_page()
    sign_in(viewer, server.base_url, "viewer@example.org")
    expect(viewer.get_by_role("caption").filter(has_text="Voices by area and theme")).to_be_visible()
    expect(viewer.get_by_text("fewer than 5").first).to_be_visible()
    check_accessibility(viewer, "voices-dashboard-viewer")
    viewer.close()
