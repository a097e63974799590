"""The quarterly board report over three quarters of a partnership's history (framework_fixture.py):
each figure checked against values worked out by hand, the CSV upload of imported figures, the
history of a correction, publishing and withdrawing, and the public page's privacy."""

from __future__ import annotations

import csv
import html
import io
import math
import re
from html.parser import HTMLParser

import pytest
from framework_fixture import (
    ACTION_TEXT, DONE_ACTION_TEXT, Q0, Q1, Q1_ATTENDED, Q2, SUB_GROUP_ONLY, build, forms_with_sub_group, post,
)
from svforms_server import Respondent, SvformsServer


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("framework")
    server = SvformsServer(folder / "data", forms_dir=forms_with_sub_group(folder / "forms")).start()
    lead = build(server)
    yield server, lead
    server.stop()
    assert "internal error" not in server.log()


class Tables(HTMLParser):
    """Every table of a page by caption: rows of cell texts."""

    def __init__(self, page: str):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._caption: str | None = None
        self._rows: list[list[str]] | None = None
        self._cell: list[str] | None = None
        self._in_caption = False
        self._svg = 0
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        if tag == "svg":
            self._svg += 1
        elif tag == "table":
            self._rows, self._caption = [], ""
        elif tag == "caption":
            self._in_caption = True
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "svg":
            self._svg -= 1
        elif tag == "caption":
            self._in_caption = False
        elif tag in ("td", "th") and self._cell is not None:
            self._rows[-1].append(" ".join(" ".join(self._cell).split()))
            self._cell = None
        elif tag == "table" and self._rows is not None:
            self.tables[self._caption.strip()] = self._rows
            self._rows = None

    def handle_data(self, data):
        if self._svg:
            return
        if self._in_caption:
            self._caption += data
        elif self._cell is not None:
            self._cell.append(data)


def page_text(page: str) -> str:
    main = page[page.index("<main"):page.index("</main>")]
    main = re.sub(r"<svg.*?</svg>", " ", main, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def report(client: Respondent, quarter, prefix: str = "/admin") -> tuple[str, dict[str, list[list[str]]]]:
    status, _, page = client.request(f"{prefix}/reports/{quarter.slug}")
    assert status == 200, page
    return page, Tables(page).tables


def row(table: list[list[str]], starts: str) -> list[str]:
    matches = [r for r in table if r and r[0].startswith(starts)]
    assert len(matches) == 1, f"{starts!r} in {table}"
    return matches[0]


def wilson(successes: int, trials: int) -> tuple[float, float]:
    """The Wilson 95% interval, as percentages to 1 dp (worked here independently of the server)."""
    z, p = 1.959963984540054, successes / trials
    centre = (p + z * z / (2 * trials)) / (1 + z * z / trials)
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / (1 + z * z / trials)
    return round((centre - half) * 100 + 1e-9, 1), round((centre + half) * 100 + 1e-9, 1)


def test_the_previous_quarter_matches_the_figures_worked_out_by_hand(site):
    server, lead = site
    page, tables = report(lead, Q1)
    measures = tables[f"Performance framework measures, {Q1.label}"]
    assert row(measures, "1.1.1.a")[1:4] == ["36", "40", "−4 (better)"]  # the corrected figure, not 35
    assert row(measures, "1.1.1.b")[1:4] == ["110.5", "120", "−9.5 (better)"]
    assert row(measures, "1.1.1.c")[1].startswith("– No figure entered")
    assert row(measures, "2.1.1.a")[1:4] == ["8", "5", "+3 (better)"]
    assert row(measures, "2.2.1.a")[1:4] == ["71.4%", "50.0%", "+21.4 points (better)"]  # Q2: 9 of 18

    by_type = tables[f"2.2.1.a by organisation type, {Q1.label}"]
    low, high = wilson(45, 63)
    assert row(by_type, "All organisations")[1:5] == ["71.4%", f"{low}% to {high}%", "45 of 63", "7"]
    assert row(by_type, "Specified authorities")[1:5][0] == "66.7%"  # 4 of 6 responses, 36 of 54 ratings
    assert row(by_type, "Specified authorities")[3:5] == ["36 of 54", "6"]
    assert row(by_type, "Relevant authorities")[1] == "100.0%"

    text = page_text(page)
    # What the score is a share of, in the questionnaire's own words (role-understanding.yaml's scale).
    assert "ratings of Good understanding or Full understanding, as a share of ratings (Don't know left out)" in text
    assert "8 of 20 specified and relevant authorities attended at least one board meeting" in text
    attended = text[text.index("Attended "):text.index("Did not attend")]
    assert sorted(name for name in Q1_ATTENDED if name in attended) == sorted(Q1_ATTENDED)
    for name in SUB_GROUP_ONLY:
        assert f"{name} (attended a sub-group only)" in text
    assert "Woking Borough Council (attended a sub-group only)" in text
    assert f"Sub-group meetings (recorded, not counted): Data sub-group, {Q1.day(1, 12).day}" in text
    assert "No round of this survey opened" in text

    actions = tables["Open actions"]
    assert [r[0] for r in actions[1:]] == [ACTION_TEXT] and "(overdue)" in actions[1][2]
    assert DONE_ACTION_TEXT not in page


def test_the_current_quarter_has_no_board_meeting_and_reports_the_round(site):
    server, lead = site
    page, tables = report(lead, Q0)
    measures = tables[f"Performance framework measures, {Q0.label}"]
    assert row(measures, "2.1.1.a")[1] == "– No board meeting was recorded in this quarter"
    assert row(measures, "2.1.1.a")[2] == "8"
    assert row(measures, "2.2.1.a")[1:4] == ["60.0%", "71.4%", "−11.4 points (worse)"]
    assert "No board meeting was recorded in" in page_text(page)

    assert "People invited from the specified and relevant authorities who responded: 1 of 2 (50.0%). " \
           "Authorities asked with at least one response: 1 of 2." in page_text(page)
    rates = tables[f"Response rate by authority, {Q0.label}"]
    assert row(rates, "Surrey Police")[1:] == ["1", "1", "100.0%"]
    assert row(rates, "Surrey Fire and Rescue Service")[1:] == ["1", "0", "0.0%"]
    assert row(rates, "Woking Borough Council")[1:] == ["0", "0", "–"]

    voices = tables[f"Voices by area and theme, {Q0.label}"]
    header = voices[0]
    guildford, woking = row(voices, "Guildford"), row(voices, "Woking")
    assert guildford[1] == "6" and guildford[header.index("Knife crime")] == "6"
    assert woking[1] == "2"  # a lead sees small counts


def test_the_downloads_hold_the_same_figures(site):
    server, lead = site
    status, headers, body = lead.download(f"/admin/reports/{Q1.slug}/report.csv")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    measures = {r["Item"].split(" ")[0]: r for r in rows if r["Section"] == "Measures"}
    assert (measures["1.1.1.a"]["Value"], measures["1.1.1.a"]["Previous quarter"], measures["1.1.1.a"]["Change"]) == ("36.0", "40.0", "-4.0")
    assert (measures["2.1.1.a"]["Value"], measures["2.2.1.a"]["Value"]) == ("8.0", "71.4")
    overall = next(r for r in rows if r["Item"] == "All organisations")
    assert (overall["Numerator"], overall["Denominator"], overall["Responses"]) == ("45", "63", "7")
    assert sorted(r["Detail"] for r in rows if r["Item"] == "Attended the board") == sorted(Q1_ATTENDED)
    status, headers, body = lead.download(f"/admin/reports/{Q1.slug}/report.xlsx")
    assert status == 200 and body[:2] == b"PK"
    audit = server.cli("user", "list")  # the command line still works against the live database
    assert audit.returncode == 0


def test_a_bad_upload_is_reported_by_line_and_saves_nothing(site):
    server, lead = site
    before = lead.request("/admin/figures")[2]
    bad = (f"1.1.1.c,{Q1.label},3\n"               # fine on its own
           f"1.1.1.c,{Q1.label},1.25\n"            # two decimal places
           f"2.1.1.a,{Q1.label},9\n"               # counted by svforms, not entered
           f"1.1.1.d,2020 Q1,5\n"                  # not a quarter of an April year
           f"1.1.1.d,{Q0.label}\n"                 # too few values
           f"1.1.1.c,{Q1.label},4\n")              # the same figure twice
    status, _, page = post(lead, "/admin/figures", "/admin/figures/import", [("csv", bad)], expect=422)
    summary = page[page.index("error-summary"):page.index("</div>", page.index("error-summary"))]
    messages = [html.unescape(m) for m in re.findall(r"Line \d+: [^<]+", summary)]
    assert [m.split(":")[0] for m in messages] == ["Line 2", "Line 3", "Line 4", "Line 5", "Line 6"], messages
    assert "more than one decimal place" in messages[0] and "not a measure entered by hand" in messages[1]
    assert "already on line 1" in messages[4]
    assert "<title>Error: " in page
    after = lead.request("/admin/figures")[2]
    assert Tables(after).tables == Tables(before).tables  # nothing half-imported, line 1 included


def test_a_corrected_figure_keeps_its_history(site):
    server, lead = site
    status, _, page = lead.request(f"/admin/figures/1.1.1.a/{Q1.slug}")
    assert status == 200
    history = Tables(page).tables["Every version of this figure, newest first"]
    assert [r[0] for r in history[1:]] == ["36 (current)", "35"]
    assert [r[2] for r in history[1:]] == ["corrected after audit", "provisional"]
    assert all(r[3] == "lead@example.org" for r in history[1:])
    # Uploading the same figures again changes nothing and says so.
    _, headers, _ = post(lead, "/admin/figures", "/admin/figures/import",
                         [("csv", f"1.1.1.a,{Q1.label},36,ICB data,corrected after audit\n")])
    assert headers["location"] == "/admin/figures?saved=0&unchanged=1"
    assert len(Tables(lead.request(f"/admin/figures/1.1.1.a/{Q1.slug}")[2]).tables["Every version of this figure, newest first"]) == 3


def numbers_in(cell: str) -> list[int]:
    return [int(n.replace(",", "")) for n in re.findall(r"(?<![\d.])\d[\d,]*(?![\d.%])", cell)]


def test_the_public_report_shows_no_personal_data_and_no_count_under_5_and_can_be_withdrawn(site):
    server, lead = site
    for quarter in (Q0, Q1):
        post(lead, f"/admin/reports/{quarter.slug}/preview", f"/admin/reports/{quarter.slug}/publish", [("confirm", "yes")])
    visitor = Respondent(server)
    listing = visitor.request("/reports")[2]
    assert f"/reports/{Q0.slug}" in listing and f"/reports/{Q1.slug}" in listing
    page, tables = report(visitor, Q0, prefix="")
    assert "Sign out" not in page and "lead@example.org" not in page
    for private in ["Ada Police", "ada@police.example", "Ben Fire", ACTION_TEXT, "Groups gather after dark"]:
        assert private not in page
    # Counts from people's answers: responses, voices, people invited. None under 5 is shown.
    by_type = tables[f"2.2.1.a by organisation type, {Q0.label}"]
    low, high = wilson(27, 45)
    assert row(by_type, "All organisations")[1:4] == ["60.0%", f"{low}% to {high}%", "5"]  # no rating counts in public
    q1_page, q1_tables = report(visitor, Q1, prefix="")
    # Q2's 2 responses are not published: not its score, not the change from it, not even in the trend.
    assert row(q1_tables[f"Performance framework measures, {Q1.label}"], "2.2.1.a")[1:4] == ["71.4%", "–", "–"]
    assert row(q1_tables[f"2.2.1.a by organisation type, {Q1.label}"], "All organisations")[4] == "–"
    assert "50.0%" not in q1_page and "21.4" not in q1_page
    # Each type's responses are not given (the total would give a suppressed one away).
    assert row(q1_tables[f"2.2.1.a by organisation type, {Q1.label}"], "Specified authorities")[3] == "5 or more"
    relevant = row(q1_tables[f"2.2.1.a by organisation type, {Q1.label}"], "Relevant authorities")
    assert relevant[0].endswith("Fewer than 5 responses: not published") and relevant[1:] == ["–", "–", "fewer than 5", "–"]
    voices = tables[f"Voices by area and theme, {Q0.label}"]
    for cells in voices[1:]:
        for cell in cells[1:]:
            assert cell == "fewer than 5" or int(cell) >= 5, cells
    assert row(voices, "Woking")[1] == "fewer than 5" and row(voices, "Guildford")[1] == "6"
    text = page_text(page)
    # 1 of 2 people, from 1 of 2 authorities: the authorities' counts would give the people's away.
    assert "People invited from the specified and relevant authorities who responded: fewer than 5 of fewer than 5. " \
           "Authorities asked with at least one response: fewer than 5 of fewer than 5." in text
    assert "Response rate by authority" not in page and "Open actions" not in str(tables.keys())
    assert f"1 action from meetings up to the end of {Q1.label} is open or in progress today" in page_text(q1_page)
    # Withdrawn: gone from the public, and from the list.
    post(lead, f"/admin/reports/{Q0.slug}", f"/admin/reports/{Q0.slug}/withdraw", [("confirm", "yes")])
    assert visitor.request(f"/reports/{Q0.slug}")[0] == 404
    assert f"/reports/{Q0.slug}" not in visitor.request("/reports")[2]
    assert visitor.request(f"/reports/{Q1.slug}")[0] == 200
    # A quarter that has not started, and nonsense, are not found.
    assert visitor.request(f"/reports/{Q0.year + 3}-{(Q0.year + 4) % 100:02d}-Q1")[0] == 404
    assert lead.request("/admin/reports/2026-Q9")[0] == 404


def test_a_viewer_reads_the_report_with_small_counts_suppressed_but_cannot_publish(site):
    server, lead = site
    viewer = Respondent(server)
    viewer.sign_in("viewer@example.org", "correct horse battery staple")
    page, tables = report(viewer, Q0)
    assert row(tables[f"Voices by area and theme, {Q0.label}"], "Woking")[1] == "fewer than 5"
    assert "Preview the public version" not in page
    status, _, _ = viewer.request(f"/admin/reports/{Q0.slug}/publish", [])
    assert status == 403
    assert viewer.request("/admin/meetings")[0] == 403
