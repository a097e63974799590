"""The board report in the real browser: a lead records a meeting and enters figures through the
forms, reads the report, prints it to PDF (Chromium's own PDF output, read back with pdftotext) and
publishes it; axe-core checks every page of the framework, signed in and public."""

from __future__ import annotations

import re
import subprocess

import pytest
from conftest import check_accessibility
from framework_fixture import Q0, Q1, Q1_ATTENDED, build, forms_with_sub_group
from playwright.sync_api import Page, expect
from rounds import LEAD_PASSWORD
from svforms_server import SvformsServer


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("framework-browser")
    server = SvformsServer(folder / "data", forms_dir=forms_with_sub_group(folder / "forms")).start()
    build(server)
    yield server
    server.stop()


def sign_in(page: Page, server: SvformsServer) -> None:
    page.goto(server.base_url + "/admin/login")
    page.get_by_label("Email address").fill("lead@example.org")
    page.get_by_label("Password").fill(LEAD_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")


def test_a_lead_records_a_meeting_and_a_figure_through_the_forms(page: Page, server: SvformsServer):
    sign_in(page, server)
    page.get_by_role("link", name="Meetings").click()
    check_accessibility(page, "framework-01-meetings")
    page.get_by_role("link", name="Record a meeting").click()
    page.get_by_role("button", name="Record the meeting").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    check_accessibility(page, "framework-02-meeting-errors")
    day = Q0.day(0, 2)
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))
    page.get_by_label("Data sub-group").check()
    page.get_by_label("Surrey Police (specified authority)").check()
    page.get_by_role("button", name="Record the meeting").click()
    expect(page.get_by_role("status")).to_contain_text("The meeting is recorded.")
    expect(page.get_by_text("A sub-group meeting: recorded, but not counted towards measure 2.1.1.a.")).to_be_visible()
    check_accessibility(page, "framework-03-meeting")
    page.get_by_role("button", name="Add the action").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    check_accessibility(page, "framework-04-action-errors")

    page.get_by_role("link", name="Figures").click()
    check_accessibility(page, "framework-05-figures")
    page.get_by_label("1.1.1.c Police recorded non-domestic homicides").check()
    page.get_by_label(Q0.label, exact=True).check()
    page.get_by_label("Figure", exact=True).fill("12.34")
    page.get_by_role("button", name="Save the figure").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.get_by_role("alert")).to_contain_text("more than one decimal place")
    check_accessibility(page, "framework-06-figure-error")
    page.get_by_label("Figure", exact=True).fill("2")
    page.get_by_role("button", name="Save the figure").click()
    expect(page.get_by_role("status")).to_contain_text("1 figure saved")
    page.get_by_role("link", name=f"History of 1.1.1.a, {Q1.label}").click()
    check_accessibility(page, "framework-07-figure-history")


def test_the_report_prints_to_an_a4_pdf_with_its_figures(page: Page, server: SvformsServer, tmp_path):
    sign_in(page, server)
    page.get_by_role("link", name="Reports", exact=True).click()
    check_accessibility(page, "framework-08-reports")
    page.get_by_role("link", name=Q1.label).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"performance report, {Q1.label}")
    check_accessibility(page, "framework-09-report")

    pdf = tmp_path / "report.pdf"
    page.emulate_media(media="print")
    # The page size comes from the stylesheet's @page rule, as in the browser's own "Save as PDF".
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)", info), info
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    (tmp_path / "report.txt").write_text(text)
    flat = " ".join(text.split())
    assert f"performance report, {Q1.label}" in flat
    # The hand-worked figures, read back from the PDF.
    lines: dict[str, list[str]] = {}  # each measure's first line: its row of the measures table
    for line in text.splitlines():
        if re.match(r"\s*\d\.\d\.\d\.[a-z] ", line):
            lines.setdefault(line.split()[0], line.split())
    assert lines["1.1.1.a"][-4:] == ["36", "40", "−4", "(better)"], lines["1.1.1.a"]
    assert lines["2.1.1.a"][-4:] == ["8", "5", "+3", "(better)"], lines["2.1.1.a"]
    assert {"71.4%", "50.0%", "+21.4"} <= set(lines["2.2.1.a"]), lines["2.2.1.a"]
    assert "71.4%" in flat and "45 of 63" in flat
    assert "8 of 20 specified and relevant authorities attended" in flat
    for name in Q1_ATTENDED:
        assert name in flat, name
    # What a printed page does not need: the navigation, the buttons, the links to other pages.
    for screen_only in ["Sign out", "Preview the public version", "Download this report", "All quarterly reports"]:
        assert screen_only not in flat, screen_only


def test_the_published_report_is_accessible_and_public(page: Page, server: SvformsServer):
    sign_in(page, server)
    page.goto(f"{server.base_url}/admin/reports/{Q0.slug}")
    # Nothing public on one click: the public version first, then "Are you sure?".
    page.get_by_role("button", name="Preview the public version and publish").click()
    expect(page.get_by_role("region", name="Preview")).to_contain_text("Preview: this is not public yet.")
    check_accessibility(page, "framework-09a-publish-preview")
    assert page.request.get(f"{server.base_url}/reports/{Q0.slug}").status == 404
    page.get_by_role("button", name="Continue to publish").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Are you sure you want to publish the {Q0.label} report?")
    check_accessibility(page, "framework-09b-publish-confirm")
    assert page.request.get(f"{server.base_url}/reports/{Q0.slug}").status == 404, "neither step publishes"
    page.get_by_role("button", name="Yes, publish the report").click()
    expect(page.get_by_role("status")).to_contain_text("The report is published.")
    check_accessibility(page, "framework-10-report-published")
    public = page.context.browser.new_page()
    try:
        public.goto(f"{server.base_url}/reports")
        check_accessibility(public, "framework-11-public-list")
        public.get_by_role("link", name=Q0.label).click()
        expect(public.get_by_role("heading", level=1)).to_contain_text(f"performance report, {Q0.label}")
        expect(public.get_by_text("Sign out")).to_have_count(0)
        check_accessibility(public, "framework-12-public-report")
    finally:
        public.close()
