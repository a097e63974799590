"""A person completes both shipped forms in a real browser (Debian chromium driven by
Playwright), by the labels they read; axe-core checks every page and state for WCAG
2.0/2.1/2.2 A and AA, and each page is saved as a screenshot under test-output/."""

from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import check_accessibility
from playwright.sync_api import Page, expect
from rounds import personal_link
from svforms_server import SvformsServer

REFERENCE = re.compile(r"^[ABCDEFGHJKMNPQRSTWXYZ2-9]{8}$")


class NeutralPage(BaseHTTPRequestHandler):
    """Stands in for the neutral site "Exit this page" leads to, so nothing leaves the machine."""

    def do_GET(self):
        body = b"<!doctype html><html lang=en><title>Weather</title><h1>Weather forecast</h1></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def neutral_site():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), NeutralPage)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/weather"
    httpd.shutdown()


@pytest.fixture(scope="module")
def server(tmp_path_factory, neutral_site):
    server = SvformsServer(tmp_path_factory.mktemp("browser") / "data", exit_url=neutral_site).start()
    yield server
    server.stop()


def continue_(page: Page) -> None:
    page.get_by_role("button", name="Continue").click()


def test_community_voice_by_a_person(page: Page, server: SvformsServer):
    page.goto(server.base_url + "/")
    check_accessibility(page, "voice-01-home")
    page.get_by_role("link", name="Tell us how violence affects your area").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tell us how violence affects your area")
    expect(page.get_by_role("link", name="Exit this page")).to_be_visible()
    expect(page.get_by_text("999").first).to_be_visible()
    check_accessibility(page, "voice-02-start")

    page.get_by_role("button", name="Start now").click()
    check_accessibility(page, "voice-03-area")
    page.get_by_label("Guildford").check()
    continue_(page)

    # One mistake on the way: continuing without choosing.
    continue_(page)
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    expect(summary.get_by_role("link", name="Select the kind of place")).to_have_attribute("href", "#q-place")
    check_accessibility(page, "voice-04-place-error")
    page.get_by_label("Town centre").check()
    continue_(page)

    check_accessibility(page, "voice-05-worries")
    page.get_by_label("Knife crime").check()
    page.get_by_label("Drugs and drug dealing").check()
    page.get_by_label("Something else").check()
    continue_(page)

    # "Something else" opens a follow-up question.
    check_accessibility(page, "voice-05b-worries-other")
    page.get_by_label("What else worries you?").fill("Broken street lights on the way home")
    continue_(page)

    check_accessibility(page, "voice-06-safe-after-dark")
    page.get_by_label("Fairly unsafe").check()
    continue_(page)

    check_accessibility(page, "voice-07-voice")
    page.get_by_label("Tell us in your own words").fill("There is a lot of fighting near the station at night.")
    continue_(page)

    check_accessibility(page, "voice-08-age-band")
    page.get_by_label("Prefer not to say").check()
    continue_(page)

    check_accessibility(page, "voice-09-consent")
    page.get_by_label("Yes").check()
    continue_(page)

    # Consent opens the email question.
    check_accessibility(page, "voice-09b-contact-email")
    page.get_by_label("Your email address").fill("resident@example.org")
    continue_(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers before sending them")
    expect(page.get_by_text("Guildford")).to_be_visible()
    expect(page.get_by_text("Broken street lights on the way home")).to_be_visible()
    expect(page.get_by_text("resident@example.org")).to_be_visible()
    check_accessibility(page, "voice-10-check")

    # Change an answer and come straight back.
    page.get_by_role("link", name=re.compile(r"Change.*Which area")).click()
    check_accessibility(page, "voice-10b-change-area")
    page.get_by_label("Woking").check()
    continue_(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers before sending them")
    expect(page.get_by_text("Woking")).to_be_visible()

    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Form submitted")
    reference = page.locator("strong.reference").inner_text()
    assert REFERENCE.match(reference), reference
    check_accessibility(page, "voice-11-confirmation")


def rate(page: Page, aspect: str, rating: str) -> None:
    page.get_by_role("group", name=aspect).get_by_label(rating, exact=True).check()


def test_role_survey_by_a_representative(page: Page, server: SvformsServer):
    # By the personal link of an invitation: the survey's public link is off, as shipped.
    page.goto(server.base_url + personal_link(server, "surrey-police"))
    expect(page.get_by_role("link", name="Exit this page")).to_have_count(0)
    check_accessibility(page, "role-01-start")
    page.get_by_role("button", name="Start now").click()

    check_accessibility(page, "role-02-organisation")
    page.get_by_label("Surrey Police").check()
    continue_(page)

    check_accessibility(page, "role-03-job-role")
    page.get_by_label("What is your job role?").fill("Violence reduction analyst")
    continue_(page)

    # The first group of ratings, with one left out: an error names the missing one.
    rate(page, "The Serious Violence Duty's requirements on your organisation", "Good understanding")
    rate(page, "How the partnership is governed and how it reports progress", "Some understanding")
    continue_(page)
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.get_by_role("alert")).to_contain_text("Select an answer for")
    expect(page.get_by_role("group", name="The Serious Violence Duty's requirements on your organisation")
           .get_by_label("Good understanding", exact=True)).to_be_checked()
    check_accessibility(page, "role-04-ratings-error")
    rate(page, "The Surrey strategy's 4 priorities: Leadership, Evidence, Connections and Focus", "Full understanding")
    continue_(page)

    check_accessibility(page, "role-05-data-and-evidence")
    rate(page, "Sharing data and information with partners", "Good understanding")
    rate(page, "The strategic needs assessment", "Limited understanding")
    rate(page, "Commissioning and evaluating interventions", "Don't know")
    continue_(page)

    check_accessibility(page, "role-06-ways-of-working")
    rate(page, "The public health approach to serious violence", "Full understanding")
    rate(page, "Trauma-informed practice", "No understanding")
    rate(page, "Engaging communities and young people", "Good understanding")
    continue_(page)

    check_accessibility(page, "role-07-comments")
    continue_(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers before sending them")
    expect(page.get_by_text("Violence reduction analyst")).to_be_visible()
    check_accessibility(page, "role-08-check")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Form submitted")
    assert REFERENCE.match(page.locator("strong.reference").inner_text())
    check_accessibility(page, "role-09-confirmation")


def test_exit_this_page_works_without_javascript(browser, server: SvformsServer, neutral_site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server.base_url + "/f/community-voice")
        page.get_by_role("link", name="Exit this page").click()
        expect(page).to_have_url(neutral_site)
        expect(page).to_have_title("Weather")
    finally:
        context.close()


def test_error_pages_are_accessible(page: Page, server: SvformsServer):
    response = page.goto(server.base_url + "/f/no-such-form")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    check_accessibility(page, "error-404")
