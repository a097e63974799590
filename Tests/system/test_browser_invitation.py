"""A representative's invitation arrives by real SMTP; they answer the role survey in two sittings
from its link in a real browser; the pages pass axe-core."""

from __future__ import annotations

import re

import pytest
from conftest import check_accessibility
from mail_sink import MailSink, parts
from playwright.sync_api import Browser, expect
from rounds import add_people, link_in, open_round, send_invitations, signed_in_lead
from svforms_server import SvformsServer


@pytest.fixture(scope="module")
def invited(tmp_path_factory):
    folder = tmp_path_factory.mktemp("invitation")
    sink = MailSink(folder / "sink").start()
    server = SvformsServer(folder / "data", env={
        "SVFORMS_SMTP_URL": sink.url, "SVFORMS_MAIL_FROM": "svforms@partnership.example"}).start()
    lead = signed_in_lead(server)
    round_path = open_round(lead)
    add_people(lead, round_path, "Ada Police,ada@police.example,surrey-police")
    send_invitations(lead, round_path)
    message = sink.wait_for(1)[0]
    yield server, message, lead, round_path
    server.stop()
    sink.stop()


def test_the_invitation_leads_to_the_survey_answered_in_two_sittings(browser: Browser, invited):
    server, message, lead, round_path = invited
    assert message["rcpt_tos"] == ["ada@police.example"]
    text, html = parts(message["email"])
    assert "Dear Ada Police" in text
    link = server.base_url + link_in(text)

    # First sitting: answer the first two pages, then close the browser.
    first = browser.new_context()
    page = first.new_page()
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your organisation's role in the response to serious violence")
    check_accessibility(page, "invite-01-start")
    page.get_by_role("button", name="Start now").click()
    page.get_by_label("Surrey Police").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("What is your job role?").fill("Inspector")
    page.get_by_role("button", name="Continue").click()
    first.close()

    # Second sitting, a fresh browser with nothing stored: the link finds the answers.
    second = browser.new_context()
    page = second.new_page()
    page.goto(link)
    page.get_by_role("link", name="Continue where you left off").click()
    for group in ["The Serious Violence Duty's requirements on your organisation",
                  "How the partnership is governed and how it reports progress",
                  "The Surrey strategy's 4 priorities: Leadership, Evidence, Connections and Focus"]:
        page.get_by_role("group", name=group).get_by_label("Good understanding", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    for group in ["Sharing data and information with partners", "The strategic needs assessment",
                  "Commissioning and evaluating interventions"]:
        page.get_by_role("group", name=group).get_by_label("Some understanding", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    for group in ["The public health approach to serious violence", "Trauma-informed practice",
                  "Engaging communities and young people"]:
        page.get_by_role("group", name=group).get_by_label("Full understanding", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Inspector")).to_be_visible()
    check_accessibility(page, "invite-02-check")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Form submitted")
    reference = page.locator("strong.reference").inner_text()
    check_accessibility(page, "invite-03-confirmation")
    # The link now shows the confirmation, whichever browser opens it.
    page.goto(link)
    expect(page.locator("strong.reference")).to_have_text(reference)
    second.close()

    _, _, body = lead.request(round_path)
    assert re.search(r"Ada Police.*?Submitted", re.sub(r"<[^>]+>", " ", body), re.S)


def test_the_lead_pages_for_rounds_and_mail_are_accessible(page, invited):
    server, _, lead, round_path = invited
    server.cli("user", "add", "admin@example.org", "--role", "admin", input=b"four random words here\n")
    page.goto(server.base_url + "/admin/login")
    page.get_by_label("Email address").fill("admin@example.org")
    page.get_by_label("Password").fill("four random words here")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Survey rounds", exact=True).click()
    check_accessibility(page, "invite-04-rounds")
    page.get_by_role("link", name="Test round").click()
    expect(page.get_by_role("table", name="People")).to_contain_text("Ada Police")
    check_accessibility(page, "invite-05-round")
    page.get_by_role("button", name="Add person").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    check_accessibility(page, "invite-06-round-error")
    page.goto(server.base_url + "/admin/rounds/new")
    check_accessibility(page, "invite-07-new-round")
    page.get_by_role("link", name="Mail", exact=True).click()
    expect(page.get_by_role("table")).to_contain_text("ada@police.example")
    check_accessibility(page, "invite-08-mail")
    page.get_by_role("link", name="Your emails").click()
    check_accessibility(page, "invite-09-your-emails")
