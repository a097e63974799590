"""CSV and XLSX formula injection against every export svforms offers, from a real server and
from `svforms export`.

Formula payloads — starting with `=`, `+`, `-`, `@`, a tab or a carriage return, among them
`=cmd|' /C calc'!A0`, `@SUM(1+1)*cmd|' /C calc'!A0`, `+HYPERLINK("http://x")` and
`-2+3+cmd|' /C calc'!A0`, each tagged with a marker — are put into the questionnaire files
(question labels, so column headings; option and scale labels; organisation and area names;
themes; form titles and the partnership's name, which no export holds) and into every free-text
answer (job role, comments, voice, "something else", contact email), round names and
representatives (also in no export). svforms trims the whitespace around what it reads, so a
leading tab or carriage return arrives as the formula after it. Then every download is fetched:
responses CSV and XLSX of each questionnaire, the measure CSV and XLSX, the voice counts CSV and
XLSX (as lead and, with small counts suppressed, as viewer), every download the dashboard links
to, and the same files from `svforms export`.

Proven for each file:
- CSV (after the byte-order mark, parsed with the csv module): no cell, headings included, starts
  with = + - @ tab or carriage return unless it is a plain number such as -3.5; each payload is
  there with the product's leading apostrophe (FormulaNeutraliser).
- XLSX: no `<f>` (formula) element in any part, no hyperlinks or external links; every cell is a
  string cell (t="s", "inlineStr" or "str") or a number whose value is a number; each payload is
  there intact as text.
- Each payload reached each export it belongs in, so a column that stopped being exported (or a
  payload that stopped being injected) fails rather than passing silently.
"""

from __future__ import annotations

import csv
import datetime
import email
import email.policy
import io
import re
import shutil
import time
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

import pytest
from attack_site import check_forms, page_links, yaml_string
from svforms_server import REPO_ROOT, Respondent, SvformsServer

PASSWORD = "correct horse battery staple"
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def formulas(marker: str) -> list[str]:
    """One payload per way a spreadsheet starts a formula, each carrying `marker`."""
    return [
        f"=cmd|' /C calc {marker}'!A0",
        f"@SUM(1+1)*cmd|' /C calc {marker}'!A0",
        f'+HYPERLINK("http://x/{marker}")',
        f"-2+3+cmd|' /C calc {marker}'!A0",
        f'\t=HYPERLINK("http://x/{marker}")',
        f'\r=HYPERLINK("http://x/{marker}")',
    ]


def formula(index: int, marker: str) -> str:
    return formulas(marker)[index % 6]


def email_formula(index: int, marker: str) -> str:
    """A formula that is still an email address the server accepts."""
    return [f"=1+cmd|{marker}@example.org", f"+1+cmd|{marker}@example.org", f"-1+cmd|{marker}@example.org"][index % 3]


# --- the forms folder: every label a column heading or cell is made of ----------------------


# (file, text in the shipped file, how to write the payload in its place, marker, payload kind)
YAML_PAYLOADS = [
    ("role-understanding.yaml", "title: Your organisation's role in the response to serious violence", "title: {}", "fy01", 0),
    ("role-understanding.yaml", "label: Which organisation do you represent?", "label: {}", "fy02", 1),
    ("role-understanding.yaml", "label: What is your job role?", "label: {}", "fy03", 2),
    ("role-understanding.yaml", "label: The Serious Violence Duty's requirements on your organisation", "label: {}", "fy04", 3),
    ("role-understanding.yaml", "label: How the partnership is governed and how it reports progress", "label: {}", "fy05", 4),
    ("role-understanding.yaml", "label: Is there anything else you want to tell us about your role?", "label: {}", "fy06", 5),
    ("role-understanding.yaml", '{ value: good, label: "Good understanding" }', "{{ value: good, label: {} }}", "fy07", 0),
    ("role-understanding.yaml", '{ value: limited, label: "Limited understanding" }', "{{ value: limited, label: {} }}",
     "fy08", 1),
    ("community-voice.yaml", "title: Tell us how violence affects your area", "title: {}", "fy09", 2),
    ("community-voice.yaml", "label: Which area are you telling us about?", "label: {}", "fy10", 3),
    ("community-voice.yaml", '{ value: town-centre, label: "Town centre" }', "{{ value: town-centre, label: {} }}", "fy11", 4),
    ("community-voice.yaml", '{ value: knife-crime, label: "Knife crime" }', "{{ value: knife-crime, label: {} }}", "fy12", 5),
    ("community-voice.yaml", '{ value: drugs, label: "Drugs and drug dealing" }', "{{ value: drugs, label: {} }}", "fy13", 0),
    ("community-voice.yaml", "label: What else worries you?", "label: {}", "fy14", 1),
    ("community-voice.yaml", "label: How safe do you feel in this place after dark?", "label: {}", "fy15", 2),
    ("community-voice.yaml", '{ value: fairly-unsafe, label: "Fairly unsafe" }', "{{ value: fairly-unsafe, label: {} }}",
     "fy16", 3),
    ("community-voice.yaml", "label: Tell us in your own words how violence or the fear of violence affects you there",
     "label: {}", "fy17", 4),
    ("community-voice.yaml", "label: Your email address", "label: {}", "fy18", 5),
    ("community-voice.yaml", '{ value: street-lighting, label: "Street lighting and the look of the place" }',
     "{{ value: street-lighting, label: {} }}", "fy19", 0),
    ("community-voice.yaml", "minimum_seconds: 10 ", "minimum_seconds: 0 ", None, None),  # no quarantine
    ("role-understanding.yaml", "public_link: false", "public_link: true", None, None),  # answered both ways
    ("partnership.yaml", "name: Surrey Police\n", "name: {}\n", "fy20", 1),
    ("partnership.yaml", "name: Surrey Fire and Rescue Service\n", "name: {}\n", "fy21", 2),
    ("partnership.yaml", "name: Surrey Probation Service\n", "name: {}\n", "fy22", 3),
    ("partnership.yaml", "name: Guildford\n", "name: {}\n", "fy23", 4),
    ("partnership.yaml", "name: Woking\n", "name: {}\n", "fy24", 5),
    ("partnership.yaml", "name: Surrey Serious Violence Reduction Partnership\n", "name: {}\n", "fy25", 0),
]


def payload_of(marker: str) -> str:
    entry = next(entry for entry in YAML_PAYLOADS if entry[3] == marker)
    return formula(entry[4], marker)



def hostile_forms(folder: Path) -> Path:
    shutil.copytree(REPO_ROOT / "forms", folder, ignore=shutil.ignore_patterns("examples"))
    for name, old, new, marker, kind in YAML_PAYLOADS:
        path = folder / name
        text = path.read_text()
        assert text.count(old) == 1, f"{name}: {old!r} is not in the file exactly once"
        path.write_text(text.replace(old, new if marker is None else new.format(yaml_string(formula(kind, marker)))))
    checked = check_forms(folder)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    return folder


# --- answering as people do ------------------------------------------------------------------

class Person(Respondent):
    def post(self, path: str, fields: list[tuple[str, str]], expect: int = 303) -> dict:
        status, headers, body = self.request(path, fields)
        assert status == expect, f"POST {path}: {status}\n{re.sub(r'<[^>]+>', ' ', body)[:1500]}"
        return headers

    def answer_page(self, base: str, page: str, fields: list[tuple[str, str]]) -> None:
        self.request(f"{base}/{page}")
        self.post(f"{base}/{page}", fields)

    def submit(self, base: str) -> None:
        self.request(f"{base}/check")
        self.post(f"{base}/submit", [])


ROLE_PAGES = {
    "duty-and-partnership": ["duty", "governance", "strategy-priorities"],
    "data-and-evidence": ["data-sharing", "needs-assessment", "interventions"],
    "ways-of-working": ["public-health-approach", "trauma-informed-practice", "community-engagement"],
}
ORGANISATIONS = ["surrey-police", "surrey-fire-and-rescue", "surrey-probation"]


def role_survey(person: Person, base: str, index: int) -> None:
    person.answer_page(base, "organisation", [("organisation", ORGANISATIONS[index % 3])])
    person.answer_page(base, "job-role", [("job-role", formula(index, "fa01"))])
    for page, aspects in ROLE_PAGES.items():
        person.answer_page(base, page, [(aspect, "good" if index % 2 else "limited") for aspect in aspects])
    person.answer_page(base, "comments", [("comments", formula(index, "fa02"))])
    person.submit(base)


def community_voice(person: Person, index: int) -> None:
    base = "/f/community-voice"
    person.request(base)
    person.answer_page(base, "area", [("area", "guildford" if index % 2 else "woking")])
    person.answer_page(base, "place", [("place", "town-centre")])
    person.answer_page(base, "worries", [("worries", "knife-crime" if index % 2 else "drugs"), ("worries", "other")])
    person.answer_page(base, "worries-other", [("worries-other", formula(index, "fa03"))])
    person.answer_page(base, "safe-after-dark", [("safe-after-dark", "fairly-unsafe")])
    person.answer_page(base, "voice", [("voice", formula(index, "fa04"))])
    person.answer_page(base, "age-band", [])
    if index < 3:
        person.answer_page(base, "contact-consent", [("contact-consent", "yes")])
        person.answer_page(base, "contact-email", [("contact-email", email_formula(index, "fa05"))])
    else:
        person.answer_page(base, "contact-consent", [])
    person.submit(base)



def download_links(body: str) -> set[str]:
    return {href for href in page_links(body) if re.search(r"\.(csv|xlsx)$", href)}


# --- the files -------------------------------------------------------------------------------

# What each export must hold: payload texts (as stored) by export kind.
ANSWERS_ROLE = [formula(i, "fa01") for i in range(6)] + [formula(i, "fa02") for i in range(6)]
ANSWERS_VOICE = ([formula(i, "fa03") for i in range(6)] + [formula(i, "fa04") for i in range(6)]
                 + [email_formula(i, "fa05") for i in range(3)])
EXPECTED = {
    "role-understanding/responses": ANSWERS_ROLE + [payload_of(m) for m in [
        "fy02", "fy03", "fy04", "fy05", "fy06", "fy07", "fy08", "fy20", "fy21", "fy22"]],
    "role-understanding/measure": [payload_of(m) for m in ["fy04", "fy05", "fy20", "fy21", "fy22"]],
    "community-voice/responses": ANSWERS_VOICE + [payload_of(m) for m in
                                                  ["fy10", "fy11", "fy12", "fy13", "fy14", "fy15", "fy16", "fy17", "fy18",
                                                   "fy23", "fy24"]],
    "community-voice/voice-counts": [payload_of(m) for m in ["fy12", "fy13", "fy15", "fy16", "fy19", "fy23", "fy24"]],
}


def kind_of(name: str) -> str:
    form = "community-voice" if "community-voice" in name else "role-understanding"
    if "voice-counts" in name:
        return f"{form}/voice-counts"
    if "measure" in name or "2.2.1.a" in name:
        return f"{form}/measure"
    return f"{form}/responses"


WEB_FILES = [
    ("lead", "/admin/forms/role-understanding/responses.{}"),
    ("lead", "/admin/forms/community-voice/responses.{}"),
    ("lead", "/admin/forms/role-understanding/measures/2.2.1.a.{}"),
    ("lead", "/admin/forms/community-voice/voice-counts.{}"),
    ("viewer", "/admin/forms/role-understanding/measures/2.2.1.a.{}"),
    ("viewer", "/admin/forms/community-voice/voice-counts.{}"),
]
CLI_FILES = [
    ("responses", "role-understanding", None), ("responses", "community-voice", None),
    ("measure", "role-understanding", "2.2.1.a"),
]
CSV_NAMES = [f"{who} {path.format('csv')}" for who, path in WEB_FILES] + [
    f"cli {what} {form}{' ' + measure if measure else ''} csv" for what, form, measure in CLI_FILES]
XLSX_NAMES = [name[:-3] + "xlsx" if name.startswith("cli") else name.replace(".csv", ".xlsx") for name in CSV_NAMES]


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("formulas")
    forms = hostile_forms(root / "forms")
    server = SvformsServer(root / "data", forms_dir=forms)
    server.start()
    try:
        for role in ["lead", "viewer"]:
            added = server.cli("user", "add", f"{role}@example.org", "--role", role, input=(PASSWORD + "\n").encode())
            assert added.returncode == 0, added.stderr
        lead, viewer = Person(server), Person(server)
        lead.sign_in("lead@example.org", PASSWORD)
        viewer.sign_in("viewer@example.org", PASSWORD)

        # A round named with a formula, representatives named with formulas; one answers by their link.
        today = datetime.datetime.now(datetime.timezone.utc).date()  # never after the partnership's (London) date
        closes = today + datetime.timedelta(days=14)
        lead.request("/admin/rounds/new")
        round_path = lead.post("/admin/rounds", [
            ("form", "role-understanding"), ("name", formula(0, "fr01")),
            ("opens-on-day", str(today.day)), ("opens-on-month", str(today.month)), ("opens-on-year", str(today.year)),
            ("closes-on-day", str(closes.day)), ("closes-on-month", str(closes.month)), ("closes-on-year", str(closes.year)),
        ])["location"]
        people = io.StringIO()
        writer = csv.writer(people, lineterminator="\n")
        writer.writerow([formula(1, "fr02"), "rep1@example.org", formula(1, "fy20")])  # the organisation by its name
        writer.writerow([formula(3, "fr03"), email_formula(2, "fr04"), "surrey-probation"])
        lead.request(round_path)
        lead.post(round_path + "/import", [("csv", people.getvalue())])
        lead.request(round_path)
        lead.post(round_path + "/invitations", [])
        deadline = time.monotonic() + 20
        invitation = None
        while invitation is None and time.monotonic() < deadline:
            messages = [email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
                        for path in (server.data_dir / "mail").glob("*.eml")]
            invitation = next((m for m in messages if "rep1@example.org" in str(m["To"])), None)
            time.sleep(0.05)
        assert invitation, "no invitation was written for the representative"
        text = invitation.get_body(preferencelist=("plain",)).get_content()
        link = re.search(r"https?://[^/\s]+(/i/[A-Za-z0-9_-]{43})", text).group(1)
        role_survey(Person(server), link, 0)
        for index in range(1, 6):
            person = Person(server)
            role_survey(person, "/f/role-understanding", index)
            # Through the public link: it counts, and is exported, once the lead accepts it.
            lead.request("/admin/link-responses")
            lead.post(f"/admin/link-responses/role-understanding/{person.receipt()}/accept", [])
        for index in range(6):
            community_voice(Person(server), index)

        files: dict[str, bytes] = {}
        people_by_role = {"lead": lead, "viewer": viewer}
        offered: set[tuple[str, str]] = set()
        for role, person in people_by_role.items():
            _, _, dashboard = person.request("/admin")
            offered |= {(role, link) for link in download_links(dashboard)}
        for role, path in WEB_FILES:
            for extension in ["csv", "xlsx"]:
                status, headers, body = people_by_role[role].download(path.format(extension))
                assert status == 200, (role, path, status)
                assert headers["content-disposition"].startswith("attachment;")
                assert headers.get("x-content-type-options") == "nosniff"
                files[f"{role} {path.format(extension)}"] = body
        for what, form, measure in CLI_FILES:
            for extension in ["csv", "xlsx"]:
                out = root / f"cli-{what}-{form}.{extension}"
                args = ["export", what, "--form", form, "--forms", str(forms), "--out", str(out)]
                result = server.cli(*args + (["--measure", measure] if measure else []))
                assert result.returncode == 0, result.stderr
                files[f"cli {what} {form}{' ' + measure if measure else ''} {extension}"] = out.read_bytes()
        yield {"files": files, "offered": offered, "server": server}
    finally:
        server.stop()


# --- reading the files ------------------------------------------------------------------------

def csv_cells(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def excel_unescaped(text: str) -> str:
    """Decodes Excel's `_xHHHH_` escapes (ECMA-376 ST_Xstring)."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda match: chr(int(match.group(1), 16)), text)


def xlsx_cells(data: bytes) -> list[tuple[str, str, str]]:
    """Every cell of every sheet as (reference, type, text); asserts there is no formula anywhere."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert not [name for name in names if "externalLink" in name], names
        shared: list[str] = []
        if "xl/sharedStrings.xml" in names:
            root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in item.iter(f"{MAIN}t")) for item in root.iter(f"{MAIN}si")]
        for name in names:
            if name.endswith(".xml"):
                xml = archive.read(name).decode("utf-8")
                assert not re.search(r"<(\w+:)?f[\s>/]", xml), f"{name} holds a formula element"
                assert "<hyperlink" not in xml, f"{name} holds a hyperlink"
        sheets = [name for name in names if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name)]
        assert sheets, names
        cells = []
        for sheet in sheets:
            root = ElementTree.fromstring(archive.read(sheet))
            for cell in root.iter(f"{MAIN}c"):
                assert cell.find(f"{MAIN}f") is None, f"{sheet} {cell.get('r')} is a formula"
                kind = cell.get("t", "n")
                value = cell.find(f"{MAIN}v")
                if kind == "s":
                    text = shared[int(value.text)]
                elif kind == "inlineStr":
                    text = "".join(t.text or "" for t in cell.iter(f"{MAIN}t"))
                elif kind in ("n", "str"):
                    text = value.text if value is not None else ""
                else:
                    raise AssertionError(f"{sheet} {cell.get('r')} has the unexpected type {kind!r}")
                cells.append((cell.get("r"), kind, excel_unescaped(text)))
        return cells


def stored(payload: str) -> set[str]:
    """What svforms stores for a payload: as typed, or without the surrounding whitespace it trims."""
    return {payload, payload.strip()}


# --- the tests -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", CSV_NAMES)
def test_no_csv_cell_can_run_as_a_formula_and_each_payload_is_neutralised(exports, name):
    rows = csv_cells(exports["files"][name])
    assert len(rows) > 1, rows
    cells = [cell for row in rows for cell in row]
    dangerous = [cell for cell in cells if cell.startswith(TRIGGERS) and not PLAIN_NUMBER.fullmatch(cell)]
    assert not dangerous, dangerous
    missing = [payload for payload in EXPECTED[kind_of(name)]
               if not any(cell.startswith("'" + text) for cell in cells for text in stored(payload))]
    assert not missing, f"not in {name} as neutralised text: {missing}"


@pytest.mark.parametrize("name", XLSX_NAMES)
def test_no_xlsx_cell_is_a_formula_and_each_payload_is_intact_text(exports, name):
    cells = xlsx_cells(exports["files"][name])
    assert len(cells) > 10
    for reference, kind, text in cells:
        if kind == "n":
            float(text)  # a number cell holds a number, nothing else
        else:
            assert kind in ("s", "inlineStr", "str"), (reference, kind)
    texts = [text for _, kind, text in cells if kind != "n"]
    missing = [payload for payload in EXPECTED[kind_of(name)]
               if not any(cell.startswith(variant) for cell in texts for variant in stored(payload))]
    assert not missing, f"not in {name} as text: {missing}"


def test_each_csv_and_xlsx_pair_holds_the_same_text(exports):
    """The XLSX is the CSV without the apostrophes: nothing is neutralised twice or left out."""
    for csv_name, xlsx_name in zip(CSV_NAMES, XLSX_NAMES):
        csv_texts = [cell for row in csv_cells(exports["files"][csv_name]) for cell in row if cell]
        xlsx_texts = [text for _, _, text in xlsx_cells(exports["files"][xlsx_name]) if text]
        unneutralised = [cell[1:] if cell.startswith("'") and cell[1:].startswith(TRIGGERS) else cell for cell in csv_texts]
        numbers = re.compile(r"-?\d+(\.\d+)?(E-?\d+)?")
        assert [t for t in unneutralised if not numbers.fullmatch(t)] == [t for t in xlsx_texts if not numbers.fullmatch(t)], \
            csv_name


def test_every_download_the_dashboard_offers_was_checked(exports):
    checked = {name for name in exports["files"] if not name.startswith("cli")}
    offered = {f"{role} {link}" for role, link in exports["offered"]}
    assert offered, "the dashboard links to no download"
    assert offered <= checked, sorted(offered - checked)
