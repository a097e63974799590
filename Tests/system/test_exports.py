"""Downloads from the real server: the command line gives the same bytes as the web, and a
formula typed into a free-text answer is never a formula in CSV or XLSX."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from rounds import submit_role_survey
from svforms_server import Respondent, SvformsServer

PASSWORD = "correct horse battery staple"
FORMULA = '=HYPERLINK("http://x")'


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = SvformsServer(tmp_path_factory.mktemp("exports") / "data").start()
    added = server.cli("user", "add", "lead@example.org", "--role", "lead", input=(PASSWORD + "\n").encode())
    assert added.returncode == 0, added.stderr
    for organisation, rating, role in [
        ("surrey-police", "good", "Analyst"), ("surrey-police", "limited", FORMULA),
        ("surrey-fire-and-rescue", "full", "Station manager"), ("surrey-probation", "dont-know", ""),
    ]:
        submit_role_survey(server, organisation, rating, role)
    yield server
    server.stop()


@pytest.fixture
def lead(server):
    respondent = Respondent(server)
    respondent.sign_in("lead@example.org", PASSWORD)
    return respondent


def sheet_cells(xlsx: bytes) -> list[list[tuple[str, str, bool]]]:
    """The first sheet as rows of (cell type, text, has formula), from the file's XML."""
    with zipfile.ZipFile(io.BytesIO(xlsx)) as archive:
        assert archive.testzip() is None
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    rows = []
    for row in re.findall(r"<row[^>]*>(.*?)</row>", xml, re.S):
        cells = []
        for attributes, body in re.findall(r"<c([^>]*)>(.*?)</c>", row, re.S):
            kind = (re.search(r't="(\w+)"', attributes) or [None, "n"])[1]
            text = "".join(re.findall(r"<(?:t|v)[^>]*>(.*?)</(?:t|v)>", body, re.S))
            cells.append((kind, text.replace("&quot;", '"').replace("&amp;", "&"), "<f" in body))
        rows.append(cells)
    return rows


@pytest.mark.parametrize("kind,path,args", [
    ("responses", "/admin/forms/role-understanding/responses.csv", ["responses", "--form", "role-understanding"]),
    ("measure", "/admin/forms/role-understanding/measures/2.2.1.a.csv",
     ["measure", "--form", "role-understanding", "--measure", "2.2.1.a"]),
])
def test_command_line_export_gives_the_web_downloads_bytes(server, lead, tmp_path, kind, path, args):
    status, headers, web = lead.download(path)
    assert status == 200
    assert headers["content-disposition"].startswith("attachment;")
    out = tmp_path / f"{kind}.csv"
    result = server.cli("export", *args, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == web
    assert web.startswith(b"\xef\xbb\xbf")
    # Without --out the same bytes go to standard output.
    assert server.cli("export", *args).stdout == web


def test_a_formula_in_an_answer_is_neutralised_in_csv_and_a_string_in_xlsx(lead):
    _, _, csv = lead.download("/admin/forms/role-understanding/responses.csv")
    text = csv.decode("utf-8-sig")
    assert '"\'=HYPERLINK(""http://x"")"' in text
    assert ",=HYPERLINK" not in text

    status, headers, xlsx = lead.download("/admin/forms/role-understanding/responses.xlsx")
    assert status == 200
    assert headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    cells = [cell for row in sheet_cells(xlsx) for cell in row]
    formula_cells = [cell for cell in cells if cell[1] == FORMULA]
    assert formula_cells, "the answer is in the workbook"
    assert all(kind in ("inlineStr", "s", "str") and not has_formula for kind, _, has_formula in formula_cells)
    assert not any(has_formula for _, _, has_formula in cells)


def test_xlsx_measure_holds_the_same_figures_as_csv(lead):
    _, _, csv = lead.download("/admin/forms/role-understanding/measures/2.2.1.a.csv")
    _, _, xlsx = lead.download("/admin/forms/role-understanding/measures/2.2.1.a.xlsx")
    csv_rows = [line.split(",") for line in csv.decode("utf-8-sig").strip().split("\r\n")]
    sheet = sheet_cells(xlsx)
    assert [text for _, text, _ in sheet[0]] == csv_rows[0]
    overall_csv = next(row for row in csv_rows if row[1] == "Overall")
    overall_xlsx = next([text for _, text, _ in row] for row in sheet if len(row) > 1 and row[1][1] == "Overall")
    # Numerator, denominator and percentage: 3 police/fire good-or-full of 4 responses × 9 aspects,
    # don't know left out: met 18 (good 9 + full 9) of 27 counted (the limited 9 count, the don't-know 9 do not).
    assert overall_csv[3:6] == ["18", "27", "66.7"]
    assert [int(overall_xlsx[3]), int(overall_xlsx[4]), round(float(overall_xlsx[5]), 1)] == [18, 27, 66.7]


def test_dashboard_web_download_and_command_line_show_the_same_numbers(server, lead, tmp_path):
    out = tmp_path / "measure.csv"
    assert server.cli("export", "measure", "--form", "role-understanding", "--measure", "2.2.1.a", "--out", str(out)).returncode == 0
    cli_rows = [line.split(",") for line in out.read_text(encoding="utf-8-sig").strip().split("\n")]
    _, _, web = lead.download("/admin/forms/role-understanding/measures/2.2.1.a.csv")
    web_rows = [line.split(",") for line in web.decode("utf-8-sig").strip().split("\r\n")]
    assert [row[:6] for row in cli_rows] == [row[:6] for row in web_rows]

    _, _, page = lead.request("/admin")
    table = re.search(r"<caption>Measure 2\.2\.1\.a by quarter</caption>(.*?)</table>", page, re.S).group(1)
    dashboard = [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]
    ]
    overall = [row for row in web_rows[1:] if row[1] == "Overall"]
    assert dashboard and len(dashboard) == len(overall)
    for shown, downloaded in zip(dashboard, overall):
        quarter, met, counted, percentage = shown[:4]
        expected_percentage = f"{downloaded[5]}%" if downloaded[5] else "–"
        assert [quarter, met, counted, percentage] == [downloaded[0], downloaded[3], downloaded[4], expected_percentage]


def test_command_line_xlsx_gives_the_web_downloads_bytes(server, lead, tmp_path):
    _, _, web = lead.download("/admin/forms/role-understanding/responses.xlsx")
    out = tmp_path / "responses.xlsx"  # the format follows the file name
    result = server.cli("export", "responses", "--form", "role-understanding", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == web


def test_no_download_file_is_left_behind(server, lead):
    for path in ["/admin/forms/role-understanding/responses.xlsx", "/admin/forms/role-understanding/measures/2.2.1.a.xlsx"]:
        assert lead.download(path)[0] == 200
    leftovers = list((server.data_dir / "tmp").glob("export-*"))
    assert leftovers == []
