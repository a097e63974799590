"""A lead runs a round in a real browser with mail going to a real SMTP server: pressing "remind"
twice reminds nobody twice (counted at the SMTP server) and the page names who was skipped; a
corrected address gets a new link and the old one stops; removing someone and closing the round
each ask first. Every page passes axe-core and reflows at 320 px; the people table fits its column
at 1280 px without scrolling, and at 375 px scrolls only inside its labelled region."""

from __future__ import annotations

import time

import pytest
from conftest import check_accessibility, tables_too_wide
from mail_sink import MailSink, parts
from playwright.sync_api import Browser, Page, expect
from rounds import LEAD_PASSWORD, add_people, link_in, open_round, send_invitations, signed_in_lead
from svforms_server import SvformsServer

PEOPLE = ("Ada Police,ada@police.example,surrey-police\n"
          "Ben Fire,ben@fire.example,surrey-fire-and-rescue\n"
          "Cy Council,cy@council.example,surrey-county-council")
PHONE = {"width": 375, "height": 667}


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rounds")
    sink = MailSink(folder / "sink").start()
    server = SvformsServer(folder / "data", env={
        "SVFORMS_SMTP_URL": sink.url, "SVFORMS_MAIL_FROM": "svforms@partnership.example"}).start()
    lead = signed_in_lead(server)
    round_path = open_round(lead)
    add_people(lead, round_path, PEOPLE)
    send_invitations(lead, round_path)
    sink.wait_for(3)
    yield server, sink, round_path
    server.stop()
    sink.stop()


def sign_in(page: Page, server: SvformsServer, path: str) -> None:
    page.goto(server.base_url + "/admin/login")
    page.get_by_label("Email address").fill("lead@example.org")
    page.get_by_label("Password").fill(LEAD_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.goto(server.base_url + path)


def messages_to(sink: MailSink, address: str) -> list[tuple[str, str]]:
    """(subject, text) of every message the SMTP server accepted for `address`, in arrival order."""
    return [(m["email"]["Subject"], parts(m["email"])[0]) for m in sink.messages() if m["rcpt_tos"] == [address]]


def settled(sink: MailSink, count: int) -> list[dict]:
    """The messages once `count` have arrived and nothing more came for two seconds."""
    sink.wait_for(count)
    while True:
        before = len(sink.messages())
        time.sleep(2)
        if len(sink.messages()) == before:
            return sink.messages()


def test_pressing_remind_twice_reminds_each_person_once_and_names_who_was_skipped(page: Page, running):
    server, sink, round_path = running
    sign_in(page, server, round_path)
    check_accessibility(page, "round-01-invited")
    expect(page.get_by_text("Everyone in the round has been invited.")).to_be_visible()
    assert tables_too_wide(page, may_scroll=False) == [], "at 1280 px every table fits its column"
    # The slip: the same page open in a second tab, where the button is pressed again after the first.
    stale = page.context.new_page()
    stale.goto(page.url)
    page.get_by_role("button", name="Remind 3 who have not submitted").click()
    expect(page.get_by_role("status")).to_contain_text("Reminders queued for 3 people.")
    check_accessibility(page, "round-02-reminded")
    page.close()
    page = stale
    page.get_by_role("button", name="Remind 3 who have not submitted").click()
    expect(page.get_by_role("status")).to_contain_text("Reminders queued for 0 people.")
    expect(page.get_by_role("alert")).to_contain_text(
        "3 people were not reminded again, as they were reminded in the last 24 hours: Ada Police")
    expect(page.get_by_text("Everyone who has not submitted was reminded in the last 24 hours.")).to_be_visible()
    check_accessibility(page, "round-03-reminded-again")
    received = settled(sink, 6)
    reminders = [m for m in received if m["email"]["Subject"].startswith("Reminder: ")]
    assert sorted(address for m in reminders for address in m["rcpt_tos"]) == [
        "ada@police.example", "ben@fire.example", "cy@council.example"]
    expect(page.get_by_role("row", name="Ada Police")).to_contain_text("Reminded")


def test_a_corrected_address_gets_a_new_link_and_the_old_one_stops(page: Page, running):
    server, sink, round_path = running
    old_link = link_in(messages_to(sink, "ben@fire.example")[0][1])
    assert page.request.get(server.base_url + old_link).status == 200
    sign_in(page, server, round_path)
    page.get_by_role("link", name="Ben Fire").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ben Fire")
    check_accessibility(page, "round-04-person")
    page.get_by_label("Email address").fill("not an address")
    page.get_by_role("button", name="Save their details").click()
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_contain_text("is not an email address")
    check_accessibility(page, "round-05-person-error")
    page.get_by_label("Email address").fill("ben.fire@fire.example")
    page.get_by_role("button", name="Save their details").click()
    expect(page.get_by_role("status")).to_contain_text("A new invitation is queued for the new address")
    deadline = time.monotonic() + 30
    while not messages_to(sink, "ben.fire@fire.example") and time.monotonic() < deadline:
        time.sleep(0.1)
    subject, text = messages_to(sink, "ben.fire@fire.example")[0]
    assert not subject.startswith("Reminder"), subject
    new_link = link_in(text)
    assert page.request.get(server.base_url + old_link).status == 404
    assert page.request.get(server.base_url + new_link).status == 200
    expect(page.get_by_text("ben.fire@fire.example")).to_be_visible()

    page.get_by_role("button", name="Show their personal link").click()
    link = page.get_by_label("Copy this link and send it to Ben Fire yourself").input_value()
    assert page.request.get(link).status == 200
    check_accessibility(page, "round-06-person-link")


def test_removing_a_person_and_closing_the_round_each_ask_first(browser: Browser, page: Page, running):
    server, _, round_path = running
    sign_in(page, server, round_path)
    page.get_by_role("link", name="Cy Council").click()
    page.get_by_role("button", name="Show their personal link").click()
    cy_link = page.get_by_label("Copy this link and send it to Cy Council yourself").input_value()
    page.get_by_role("button", name="Remove Cy Council").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Are you sure you want to remove Cy Council from Test round?")
    check_accessibility(page, "round-07-remove-confirm")
    page.get_by_role("link", name="No, go back").click()
    assert page.request.get(cy_link).status == 200, "going back removed nobody"
    page.get_by_role("button", name="Remove Cy Council").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Are you sure you want to remove Cy Council from Test round?")
    page.get_by_role("button", name="Remove Cy Council").click()
    expect(page.get_by_role("status")).to_contain_text("1 person removed from the round.")
    assert page.request.get(cy_link).status == 404

    page.get_by_role("button", name="Close the round now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Are you sure you want to close Test round now?")
    check_accessibility(page, "round-08-close-confirm")
    page.get_by_role("link", name="No, go back").click()
    expect(page.get_by_text("Open", exact=True)).to_be_visible()
    page.get_by_role("button", name="Close the round now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Are you sure you want to close Test round now?")
    page.get_by_role("button", name="Close the round", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("The round is closed")
    check_accessibility(page, "round-09-closed")

    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        small = phone.new_page()
        sign_in(small, server, round_path)
        check_accessibility(small, "round-10-phone")
        assert tables_too_wide(small) == [], "at 375 px a table scrolls only inside its labelled region"
    finally:
        phone.close()
