"""A lead's day in a real browser: the first admin is created from the setup link the server
printed, signs out and in again, reads measure 2.2.1.a on the dashboard, downloads both CSV
files and reads them back, and checks the audit log. axe-core checks every page and state."""

from __future__ import annotations

import re

import pytest
from conftest import check_accessibility
from playwright.sync_api import Page, expect
from rounds import submit_role_survey
from svforms_server import Respondent, SvformsServer

EMAIL = "chief.analyst@example.org"
PASSWORD = "four random words here"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = SvformsServer(tmp_path_factory.mktemp("admin") / "data").start()
    for organisation, rating in [("surrey-police", "good"), ("surrey-police", "full"), ("surrey-fire-and-rescue", "some")]:
        submit_role_survey(server, organisation, rating)
    yield server
    server.stop()


def sign_in(page: Page, email: str, password: str) -> None:
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_a_lead_signs_in_reads_the_dashboard_and_downloads_the_results(page: Page, server: SvformsServer):
    page.goto(server.setup_link())
    expect(page.get_by_role("heading", level=1)).to_have_text("Create the first administrator")
    check_accessibility(page, "admin-01-setup")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Confirm password").fill("something else entirely")
    page.get_by_role("button", name="Create account").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    check_accessibility(page, "admin-02-setup-error")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Confirm password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("status")).to_contain_text("You have signed out.")
    check_accessibility(page, "admin-03-signed-out")
    sign_in(page, EMAIL, "not my password at all")
    expect(page).to_have_title(re.compile(r"^Error: "))
    check_accessibility(page, "admin-04-sign-in-error")
    sign_in(page, EMAIL, PASSWORD)

    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")
    table = page.get_by_role("table", name="Measure 2.2.1.a by quarter")
    # Police good and full (18 met), fire "some" (9 counted, none met): 18 of 27 = 66.7%.
    expect(table).to_contain_text("18")
    expect(table).to_contain_text("27")
    expect(table).to_contain_text("66.7%")
    expect(page.get_by_role("img", name=re.compile(r"Measure 2\.2\.1\.a by quarter"))).to_be_visible()
    check_accessibility(page, "admin-05-dashboard")

    quarter = page.get_by_label("Quarter for the breakdowns").input_value()
    page.get_by_label("Quarter for the breakdowns").select_option(quarter)
    page.get_by_role("button", name="Show breakdowns").click()
    expect(page.get_by_role("table", name=f"Measure 2.2.1.a by organisation, {quarter}")).to_contain_text("Surrey Police")
    check_accessibility(page, "admin-06-dashboard-quarter")

    with page.expect_download() as measure_download:
        page.get_by_role("link", name="CSV file of measure 2.2.1.a").click()
    measure_csv = open(measure_download.value.path(), encoding="utf-8-sig", newline="").read()
    assert measure_download.value.suggested_filename.startswith("role-understanding-2.2.1.a-")
    assert f"{quarter},Overall,All ratings,18,27,66.7," in measure_csv

    with page.expect_download() as responses_download:
        page.get_by_role("link", name=re.compile(r"^CSV file of responses to Your organisation")).click()
    responses_csv = open(responses_download.value.path(), encoding="utf-8-sig", newline="").read().strip().split("\r\n")
    assert responses_csv[0].startswith("Reference,Form version,Submitted at,Quarter,Organisation,Organisation type")
    assert len(responses_csv) == 4
    assert sorted(line.split(",")[4] for line in responses_csv[1:]) == [
        "Surrey Fire and Rescue Service", "Surrey Police", "Surrey Police"]

    page.get_by_role("link", name="Audit log").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit log")
    audit = page.get_by_role("table")
    expect(audit).to_contain_text("download.responses.csv")
    expect(audit).to_contain_text("download.measure.csv")
    expect(audit).to_contain_text("login.failure")
    check_accessibility(page, "admin-07-audit")


def test_signed_in_pages_need_signing_in(page: Page, server: SvformsServer):
    page.goto(server.base_url + "/admin/audit")
    expect(page).to_have_url(re.compile(r"/admin/login\?next=/admin/audit$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    check_accessibility(page, "admin-08-sign-in")


def test_a_viewer_sees_scores_but_not_responses(page: Page, server: SvformsServer):
    added = server.cli("user", "add", "viewer@example.org", "--role", "viewer", input=(PASSWORD + "\n").encode())
    assert added.returncode == 0, added.stderr
    page.goto(server.base_url + "/admin/login")
    sign_in(page, "viewer@example.org", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")
    expect(page.get_by_role("link", name=re.compile(r"CSV file of responses"))).to_have_count(0)
    expect(page.get_by_role("link", name="Audit log")).to_have_count(0)
    check_accessibility(page, "admin-09-viewer-dashboard")
    response = page.goto(server.base_url + "/admin/forms/role-understanding/responses.csv")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("You do not have access to this page")
    check_accessibility(page, "admin-10-forbidden")


def test_the_pages_for_refusals_are_accessible(page: Page, server: SvformsServer):
    response = page.goto(server.base_url + "/admin/setup/" + "A" * 43)
    assert response.status == 404
    check_accessibility(page, "admin-11-setup-link-unknown")
    page.goto(server.base_url + "/admin/login")
    for _ in range(6):
        sign_in(page, "nobody@example.org", "wrong password here")
    expect(page.get_by_role("heading", level=1)).to_have_text("Too many attempts")
    check_accessibility(page, "admin-12-too-many-attempts")
