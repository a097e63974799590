"""Stored and reflected cross-site scripting against the real server, as admin, lead, viewer and
anonymous respondent.

Payloads (`<script>`, `"><img onerror>`, `'><svg onload>`, `javascript:`, `</textarea><script>`,
`{{mustache}}` / `{{{triple}}}`), each tagged with a marker naming the field it went into, are put
into every text a person can type or configure: the questionnaire files (form titles, labels, hints,
error messages, option and scale labels, page and measure titles, descriptions, themes, the
partnership's name, organisations, areas and safeguarding contacts), every free-text answer of both
questionnaires (job role, comments, voice, "something else", contact email), round names,
representatives added one at a time, from a pasted CSV list and from an uploaded file, account
emails (the first admin's on the setup page, the others from the command line, a failed sign-in's
in the audit log), a forged X-Forwarded-For, voice themes, status and redaction input, the voice
search box (with more than a page of matching voices, so the page links carry it), every query
parameter the server reads and path segments. Then every page reachable by each kind of person is
fetched (following every link), with the question pages, round forms, setup, sign-in and voice
actions re-rendered with errors. The partnership's time zone is set so that it is about noon there,
the voices are moved to the day before and the server restarted, so the daily digest is sent.

Proven, for every response and every email svforms writes (invitations, reminders, submission
notices and the daily digest):
- no payload comes back unescaped, and no `href`/`src`/`action` is a `javascript:` URL;
- no HTML holds an inline `<script>` (nor any script but a file under /assets/, and svforms has
  none: its only asset is a stylesheet) or an `on*=` event-handler attribute, nor a frame,
  object, embed, base or meta-refresh element;
- every HTML response carries a Content-Security-Policy whose script sources (script-src, else
  default-src) allow no 'unsafe-inline', 'unsafe-eval', wildcard or data: scripts, and nosniff;
- each stored payload did reach a page, escaped (so a field that stopped being shown, or a test
  that stopped injecting, fails rather than passing silently), and `{{...}}` is shown as typed;
- no request, however malformed, gets a 5xx;
- downloads are attachments of a non-HTML type with nosniff; a `javascript:` URL for a
  safeguarding contact is refused by `svforms check`; sign-in never redirects off-site or to
  a `javascript:` URL.
"""

from __future__ import annotations

import csv
import datetime
import email
import email.policy
import io
import re
import shutil
import sqlite3
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlencode, urljoin, urlsplit

import pytest
from attack_site import check_forms, page_links, yaml_string
from svforms_server import REPO_ROOT, Respondent, SvformsServer

PASSWORD = "correct horse battery staple"


# --- payloads -------------------------------------------------------------------------------

def payloads(marker: str) -> list[str]:
    """Every payload, each carrying the marker of the field it is put into."""
    return [
        f"javascript:alert({marker})",
        f"<script>alert({marker})</script>",
        f"\"><img src=x onerror=alert({marker})>",
        f"'><svg onload=alert({marker})>",
        f"</textarea><script>alert({marker})</script>",
        "{{%s}} {{{%s}}}" % (marker, marker),
    ]


def full(marker: str) -> str:
    """All payloads in one text (it starts with `javascript:`, for fields used whole)."""
    return " ".join(payloads(marker))


def first_half(marker: str) -> str:
    return " ".join(payloads(marker)[:3])


def second_half(marker: str) -> str:
    return " ".join(payloads(marker)[3:])


def email_payload(marker: str) -> str:
    """What an email address may carry past the server's check: quotes, `=`, braces."""
    return f"{marker}'onfocus='{marker}'{{{{{marker}}}}}@example.org"


def path_payloads(marker: str) -> list[str]:
    """Payloads without spaces, for path segments and raw query strings."""
    return [
        f"<script>alert({marker})</script>", f"\"><img/src=x/onerror=alert({marker})>",
        f"'><svg/onload=alert({marker})>", f"javascript:alert({marker})", "{{%s}}{{{%s}}}" % (marker, marker),
    ]


def escaped(text: str) -> str:
    """Text as the templates escape it (swift-mustache: & < > \" ')."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


# Markers for the stored fields (and inputs shown again with an error), each shown to someone
# somewhere (checked by the coverage test). The other markers (xss53-xss65, xss69-xss81 for query
# parameters, xss99 and xss101 up for path segments) go into input that need not be shown at all.
STORED = {
    "xss01": "role survey title", "xss02": "job-role label", "xss03": "job-role hint",
    "xss04": "organisation question error_message", "xss05": "scale option label (Good understanding)",
    "xss06": "organisation name (Surrey Police)", "xss07": "safeguarding contact phone",
    "xss08": "safeguarding contact name and description", "xss09": "partnership name",
    "xss10": "round names", "xss11": "representative name (CSV import)",
    "xss12": "representative email (CSV import)", "xss13": "representative name (added one at a time)",
    "xss14": "representative email (added one at a time)", "xss15": "job role answer (invitation)",
    "xss16": "comments answer (invitation)", "xss17": "job role answer (public link)",
    "xss18": "comments answer (public link)", "xss20": "voice text", "xss21": "worries-other answer",
    "xss22": "contact email answer", "xss33": "community voice title", "xss34": "place option label",
    "xss35": "place option hint", "xss36": "worries option label (Knife crime)", "xss37": "feeling scale label",
    "xss38": "voice question label", "xss39": "voice question hint", "xss40": "extra theme label",
    "xss41": "area name (Guildford)", "xss42": "role survey description", "xss43": "role survey page title",
    "xss44": "rating question label", "xss45": "measure title", "xss46": "community voice confirmation text",
    "xss47": "admin account email", "xss48": "lead account email", "xss49": "viewer account email",
    "xss19": "job role too long (re-rendered)", "xss23": "voice text too long (re-rendered)",
    "xss24": "invalid contact email (re-rendered)", "xss27": "sign-in email (re-rendered)",
    "xss28": "round name too long (re-rendered)", "xss29": "round date parts (re-rendered)",
    "xss30": "round reminder days (re-rendered)", "xss31": "invalid representative email (re-rendered)",
    "xss32": "CSV import problems (re-rendered)", "xss26": "voice search box",
    "xss51": "short_name of the partnership", "xss52": "comments label",
    "xss66": "voice text of 51 voices, searched for (page links)", "xss67": "first admin's email on the setup page (re-rendered)",
    "xss50": "email of a failed sign-in (audit log)", "xss68": "representative name from an uploaded CSV file",
    "xss130": "meeting note", "xss131": "action text", "xss132": "imported figure source", "xss133": "imported figure note",
    "xss134": "figure upload problems (re-rendered)", "xss135": "sub-group name", "xss136": "board name",
    "xss137": "framework measure title", "xss138": "framework measure source", "xss139": "meeting note too long (re-rendered)",
}
EMAIL_MARKERS = {"xss12", "xss14", "xss22", "xss47", "xss48", "xss49", "xss50"}


# --- the forms folder -----------------------------------------------------------------------


def edit(path: Path, replacements: list[tuple[str, str]]) -> None:
    text = path.read_text()
    for old, new in replacements:
        assert text.count(old) == 1, f"{path.name}: {old!r} is not in the file exactly once"
        text = text.replace(old, new)
    path.write_text(text)


def utc_offset_for_noon() -> int:
    """An offset from UTC at which it is about noon now: the daily digest (sent after 07:00 for the
    day before) can then be triggered whatever time the tests run."""
    return 12 - datetime.datetime.now(datetime.timezone.utc).hour


def zone_name(offset: int) -> str:
    # POSIX-style names: Etc/GMT-9 is nine hours ahead of UTC.
    return "Etc/GMT" if offset == 0 else f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"



def hostile_forms(folder: Path, offset: int) -> Path:
    shutil.copytree(REPO_ROOT / "forms", folder, ignore=shutil.ignore_patterns("examples"))
    edit(folder / "role-understanding.yaml", [
        ("public_link: false", "public_link: true"),  # its public link is attacked too; a lead reviews what comes through
        ("title: Your organisation's role in the response to serious violence", "title: " + yaml_string(full("xss01"))),
        ("  This survey asks how well you understand", f"  {full('xss42')}\n  This survey asks how well you understand"),
        ("label: What is your job role?", "label: " + yaml_string(full("xss02"))),
        ("hint: For example, community safety manager.", "hint: " + yaml_string(full("xss03"))),
        ("error_message: Select the organisation you represent", "error_message: " + yaml_string(full("xss04"))),
        ('{ value: good, label: "Good understanding" }', "{ value: good, label: %s }" % yaml_string(full("xss05"))),
        ("title: The Duty and the partnership", "title: " + yaml_string(full("xss43"))),
        ("label: The Serious Violence Duty's requirements on your organisation", "label: " + yaml_string(full("xss44"))),
        ("title: Specified and relevant authorities understand their role", "title: " + yaml_string(full("xss45"))),
        ("label: Is there anything else you want to tell us about your role?", "label: " + yaml_string(full("xss52"))),
    ])
    edit(folder / "community-voice.yaml", [
        ("title: Tell us how violence affects your area", "title: " + yaml_string(full("xss33"))),
        ('{ value: town-centre, label: "Town centre" }', "{ value: town-centre, label: %s }" % yaml_string(full("xss34"))),
        ('hint: "For example, a station, bus stop or train"', "hint: " + yaml_string(full("xss35"))),
        ('{ value: knife-crime, label: "Knife crime" }', "{ value: knife-crime, label: %s }" % yaml_string(full("xss36"))),
        ('{ value: fairly-unsafe, label: "Fairly unsafe" }', "{ value: fairly-unsafe, label: %s }" % yaml_string(full("xss37"))),
        ("label: Tell us in your own words how violence or the fear of violence affects you there",
         "label: " + yaml_string(full("xss38"))),
        ("hint: >-\n          Please do not include the names of people, or anything else that could\n"
         "          identify someone.", "hint: " + yaml_string(full("xss39"))),
        ('{ value: street-lighting, label: "Street lighting and the look of the place" }',
         "{ value: street-lighting, label: %s }" % yaml_string(full("xss40"))),
        ("  Thank you for telling us.", f"  {full('xss46')}\n\n  Thank you for telling us."),
    ])
    edit(folder / "partnership.yaml", [
        ("name: Surrey Serious Violence Reduction Partnership\n", "name: %s\n" % yaml_string(full("xss09"))),
        ("short_name: Surrey SVRP\n", "short_name: %s\ntime_zone: %s\n" % (yaml_string("SVRP " + full("xss51")), zone_name(offset))),
        ("time_zone: Europe/London\n", ""),
        ("name: Surrey Police\n", "name: %s\n" % yaml_string("Surrey Police " + full("xss06"))),
        ("name: Guildford\n", "name: %s\n" % yaml_string("Guildford " + full("xss41"))),
        ("name: Crimestoppers\n", "name: %s\n" % yaml_string("Crimestoppers " + full("xss08"))),
        ('phone: "0800 555 111"', "phone: " + yaml_string("0800 555 111 " + full("xss07"))),
        ("description: Tell them what you know, 100% anonymously.", "description: " + yaml_string(full("xss08"))),
        ("  board: Surrey Serious Violence Reduction Partnership board\n",
         "  board: %s\n  sub_groups:\n    - { id: data-group, name: %s }\n" % (yaml_string(full("xss136")), yaml_string(full("xss135")))),
        ("title: Hospital admissions for assaults with a knife or sharp object", "title: " + yaml_string(full("xss137"))),
        ("source: ICB data (Home Office measure)", "source: " + yaml_string(full("xss138"))),
    ])
    checked = check_forms(folder)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    return folder


# --- recording every response ---------------------------------------------------------------

@dataclass
class Fetched:
    who: str
    method: str
    path: str
    status: int
    headers: dict
    body: str

    @property
    def is_html(self) -> bool:
        return self.headers.get("content-type", "").startswith("text/html")

    def __str__(self) -> str:
        return f"{self.who} {self.method} {self.path} -> {self.status}"


@dataclass
class Download:
    who: str
    path: str
    status: int
    headers: dict
    size: int


class Client(Respondent):
    """A Respondent that records every response it gets."""

    def __init__(self, server: SvformsServer, who: str, record: list[Fetched], downloads: list[Download]):
        super().__init__(server)
        self.who = who
        self.record = record
        self.downloads = downloads

    def request(self, path, fields=None):
        status, headers, body = super().request(path, fields)
        self.record.append(Fetched(self.who, "GET" if fields is None else "POST", path, status, headers, body))
        return status, headers, body

    def download(self, path):
        status, headers, body = super().download(path)
        self.downloads.append(Download(self.who, path, status, headers, len(body)))
        if headers.get("content-type", "").startswith("text/html"):
            self.record.append(Fetched(self.who, "GET", path, status, headers, body.decode("utf-8", "replace")))
        return status, headers, body

    def post(self, path: str, fields: list[tuple[str, str]], expect: int | tuple[int, ...] = 303) -> tuple[int, dict, str]:
        """GETs the page first when it is a page (for its token), then POSTs."""
        status, headers, body = self.request(path, fields)
        expected = expect if isinstance(expect, tuple) else (expect,)
        assert status in expected, f"{self.who} POST {path}: {status}\n{re.sub(r'<[^>]+>', ' ', body)[:1500]}"
        return status, headers, body

    def upload(self, path: str, name: str, filename: str, content: str, expect: int = 303) -> tuple[int, dict, str]:
        """POSTs a multipart form with one file (and the page's token), as a browser's file input does."""
        boundary = "svformsboundary7d3a"
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n{self.csrf or ""}\r\n',
                 f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                 f"Content-Type: text/csv\r\n\r\n{content}\r\n", f"--{boundary}--\r\n"]
        req = urllib.request.Request(self.server.base_url + path, data="".join(parts).encode(), headers={
            "X-Forwarded-For": self.address, "Content-Type": f"multipart/form-data; boundary={boundary}"})
        try:
            response = self.opener.open(req, timeout=self.timeout)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            body = response.read().decode("utf-8", errors="replace")
            headers = {k.lower(): v for k, v in response.headers.items()}
        self.record.append(Fetched(self.who, "POST", path, response.status, headers, body))
        assert response.status == expect, f"{self.who} upload {path}: {response.status}\n{re.sub(r'<[^>]+>', ' ', body)[:1500]}"
        return response.status, headers, body

    def answer(self, base: str, page: str, fields: list[tuple[str, str]], expect: int = 303, show: bool = True) -> str | None:
        if show:
            self.request(f"{base}/{page}")
        _, headers, _ = self.post(f"{base}/{page}", fields, expect)
        return headers.get("location")



DOWNLOAD = re.compile(r"\.(csv|xlsx)$")


def crawl(client: Client, seeds: list[str], limit: int = 400) -> set[str]:
    """Fetches every same-site page reachable by links from `seeds` (downloads fetched as files);
    never /exit, which would end the person's session."""
    seen: set[str] = set()
    queue = list(seeds)
    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        assert len(seen) <= limit, f"more than {limit} pages reachable by {client.who}: a crawler loop?"
        if DOWNLOAD.search(urlsplit(path).path):
            client.download(path)
            continue
        _, headers, body = client.request(path)
        if not headers.get("content-type", "").startswith("text/html"):
            continue
        for href in page_links(body):
            target = urljoin(path, href)
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if parts.path == "/exit" or parts.path.startswith("/assets/"):
                continue
            queue.append(target)
    return seen


# --- the journeys ---------------------------------------------------------------------------

ROLE_PAGES = {
    "duty-and-partnership": ["duty", "governance", "strategy-priorities"],
    "data-and-evidence": ["data-sharing", "needs-assessment", "interventions"],
    "ways-of-working": ["public-health-approach", "trauma-informed-practice", "community-engagement"],
}


def role_survey(client: Client, base: str, organisation: str, job_role: str, comments: str, crawl_check: bool) -> None:
    client.request(base)
    client.answer(base, "organisation", [("organisation", organisation)])
    client.answer(base, "job-role", [("job-role", job_role)])
    for page, aspects in ROLE_PAGES.items():
        client.answer(base, page, [(aspect, "good") for aspect in aspects])
    client.answer(base, "comments", [("comments", comments)])
    if crawl_check:
        # Every page again through the check page's Change links, answers filled in.
        crawl(client, [f"{base}/check"])
    client.request(f"{base}/check")
    _, headers, _ = client.post(f"{base}/submit", [])
    client.request(headers["location"])


def community_voice(client: Client, text: str, other: str | None = None, contact: str | None = None,
                    crawl_check: bool = False, show: bool = True) -> str:
    """Sends a voice; without `show` only the first page is fetched before answering (quicker)."""
    base = "/f/community-voice"
    client.request(base)
    client.answer(base, "area", [("area", "guildford")])
    client.answer(base, "place", [("place", "town-centre")], show=show)
    worries = [("worries", "knife-crime")] + ([("worries", "other")] if other else [])
    client.answer(base, "worries", worries, show=show)
    if other:
        client.answer(base, "worries-other", [("worries-other", other)], show=show)
    client.answer(base, "safe-after-dark", [("safe-after-dark", "fairly-unsafe")], show=show)
    client.answer(base, "voice", [("voice", text)], show=show)
    client.answer(base, "age-band", [], show=show)
    client.answer(base, "contact-consent", [("contact-consent", "yes")] if contact else [], show=show)
    if contact:
        client.answer(base, "contact-email", [("contact-email", contact)], show=show)
    if crawl_check:
        crawl(client, [f"{base}/check"])
    client.request(f"{base}/check")
    _, headers, _ = client.post(f"{base}/submit", [])
    assert headers["location"] == f"{base}/confirmation"
    client.request(headers["location"])
    return client.receipt()


def round_fields(name: str, opens: datetime.date, closes: datetime.date, **extra: str) -> list[tuple[str, str]]:
    fields = {
        "form": "role-understanding", "name": name,
        "opens-on-day": str(opens.day), "opens-on-month": str(opens.month), "opens-on-year": str(opens.year),
        "closes-on-day": str(closes.day), "closes-on-month": str(closes.month), "closes-on-year": str(closes.year),
    }
    fields.update(extra)
    return list(fields.items())


def eml_messages(server: SvformsServer) -> list[email.message.EmailMessage]:
    return [email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            for path in sorted((server.data_dir / "mail").glob("*.eml"))]


def wait_for_mail(server: SvformsServer, predicate, what: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate(eml_messages(server)):
            return
        time.sleep(0.1)
    raise AssertionError(f"no {what} was written under {server.data_dir / 'mail'}")


def kind_of(message) -> str:
    subject = str(message["Subject"])
    if subject.startswith("Reminder: "):
        return "reminder"
    if subject.startswith("Submitted: "):
        return "submission"
    if subject.startswith("Community voices: "):
        return "digest"
    return "invitation"


def html_part(message) -> str:
    part = message.get_body(preferencelist=("html",))
    assert part is not None, f"{message['Subject']}: no HTML part"
    return part.get_content()


@dataclass
class Site:
    server: SvformsServer
    forms: Path
    fetched: list[Fetched] = field(default_factory=list)
    downloads: list[Download] = field(default_factory=list)
    crawled: dict[str, set[str]] = field(default_factory=dict)
    sign_in_redirects: list[tuple[str, str | None]] = field(default_factory=list)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    root = tmp_path_factory.mktemp("xss")
    offset = utc_offset_for_noon()
    forms = hostile_forms(root / "forms", offset)
    server = SvformsServer(root / "data", forms_dir=forms)
    site = Site(server, forms)
    server.start()
    try:
        build(site, offset)
        yield site
    finally:
        server.stop()


def build(site: Site, offset: int) -> None:
    server = site.server
    today = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=offset)).date()

    def client(who: str) -> Client:
        return Client(server, who, site.fetched, site.downloads)

    # The first admin is made through the one-time setup link; a payload as the email is refused and shown again.
    accounts = {"admin": email_payload("xss47"), "lead": email_payload("xss48"), "viewer": email_payload("xss49")}
    admin = client("admin")
    setup = urlsplit(server.setup_link()).path
    admin.request(setup)
    admin.post(setup, [("email", full("xss67")), ("password", PASSWORD), ("confirm", PASSWORD)], expect=422)
    admin.post(setup, [("email", accounts["admin"]), ("password", PASSWORD), ("confirm", PASSWORD)])
    for role in ["lead", "viewer"]:
        added = server.cli("user", "add", accounts[role], "--role", role, input=(PASSWORD + "\n").encode())
        assert added.returncode == 0, added.stderr
    lead, viewer = client("lead"), client("viewer")
    for person, role in [(lead, "lead"), (viewer, "viewer")]:
        person.sign_in(accounts[role], PASSWORD)

    # The lead asks for every email there is.
    lead.request("/admin/account")
    lead.post("/admin/account", [("notify", "submissions"), ("notify", "digest")])

    # Sign-in: a payload as the email is shown again; `next` never leaves the site.
    stranger = client("anonymous")
    stranger.request("/admin/login")
    stranger.post("/admin/login", [("email", full("xss27")), ("password", "x")], expect=422)
    # A failed sign-in as an address that looks real is audited with it; a forged client address is not believed.
    stranger.post("/admin/login", [("email", email_payload("xss50")), ("password", "wrong password")], expect=422)
    forger = client("anonymous")
    forger.address = f"{path_payloads('xss69')[1]}, {path_payloads('xss69')[0]}"
    forger.request("/admin/login")
    forger.post("/admin/login", [("email", "nobody@example.org"), ("password", "wrong password")], expect=422)
    for target in ["javascript:alert(xss53)", "//evil.example/xss53", "/admin\"><script>alert(xss53)</script>",
                   "https://evil.example", "/\\evil.example", "/admin/../../javascript:alert(xss53)"]:
        visitor = client("anonymous")
        visitor.request("/admin/login?" + urlencode({"next": target}))
        _, headers, _ = visitor.post("/admin/login?" + urlencode({"next": target}),
                                     [("email", accounts["viewer"]), ("password", PASSWORD)])
        site.sign_in_redirects.append((target, headers.get("location")))

    # Rounds: names carrying payloads, people from a CSV list and one at a time, invitations, reminders.
    closes = today + datetime.timedelta(days=14)
    lead.request("/admin/rounds/new")
    lead.post("/admin/rounds", round_fields("x" * 121 + full("xss28"), today, closes), expect=422)
    lead.post("/admin/rounds", round_fields("Round", today, closes, **{
        "opens-on-day": full("xss29"), "closes-on-month": full("xss29"),
        "reminder-days": full("xss30")}), expect=422)
    lead.post("/admin/rounds", round_fields(full("xss54"), today, closes, form=full("xss54")), expect=422)
    rounds = []
    for name in [first_half("xss10"), second_half("xss10")]:
        _, headers, _ = lead.post("/admin/rounds", round_fields(name, today, closes))
        rounds.append(headers["location"])

    people = io.StringIO()
    writer = csv.writer(people, lineterminator="\n")
    writer.writerow([full("xss11"), email_payload("xss12"), "Surrey Police " + full("xss06")])
    writer.writerow(["Fire " + first_half("xss11"), "fire@example.org", "surrey-fire-and-rescue"])
    lead.request(rounds[0])
    lead.post(rounds[0] + "/import", [("csv", people.getvalue())])
    bad = io.StringIO()
    writer = csv.writer(bad, lineterminator="\n")
    writer.writerow([full("xss32"), "only two"])
    writer.writerow([full("xss32"), full("xss32"), "surrey-police"])
    writer.writerow([first_half("xss32"), "ok@example.org", full("xss32")])
    writer.writerow(["Name", email_payload("xss32"), "surrey-police"])
    writer.writerow(["Again", email_payload("xss32"), "surrey-police"])
    lead.post(rounds[0] + "/import", [("csv", bad.getvalue())], expect=422)
    lead.post(rounds[0] + "/import", [("csv", f'"{full("xss32")}')], expect=422)
    lead.post(rounds[0] + "/people", [("name", full("xss31")), ("email", full("xss31")), ("organisation", full("xss31"))],
              expect=422)
    lead.post(rounds[1] + "/people", [("name", full("xss13")), ("email", email_payload("xss14")),
                                      ("organisation", "surrey-police")])
    lead.post(rounds[1] + "/people", [("name", "Again"), ("email", email_payload("xss14")),
                                      ("organisation", "surrey-police")], expect=422)
    # A list chosen as a file (multipart), one with problems first; then someone added and removed (audited).
    lead.request(rounds[1])
    lead.upload(rounds[1] + "/import", "file", f"{path_payloads('xss68')[0]}.csv", bad.getvalue(), expect=422)
    uploaded = io.StringIO()
    csv.writer(uploaded, lineterminator="\n").writerow([full("xss68"), "removable@example.org", "surrey-police"])
    lead.upload(rounds[1] + "/import", "file", f"{path_payloads('xss68')[1]}.csv", uploaded.getvalue())
    _, _, page = lead.request(rounds[1])
    row = next((row for row in re.findall(r"<tr>.*?</tr>", page, re.S) if "removable@example.org" in row), "")
    person = re.search(r'href="(/admin/rounds/\d+/people/\d+)"', row)
    assert person, "the round page offers no way to the page of the person from the uploaded file"
    _, _, person_page = lead.request(person.group(1))
    removal = re.search(r'action="(/admin/rounds/\d+/people/\d+/remove)"', person_page)
    assert removal, "the person's page offers no way to remove them"
    lead.post(removal.group(1), [], expect=200)  # the confirmation page, naming them
    lead.post(removal.group(1), [("confirm", "yes")])
    for path in rounds:
        lead.request(path)
        lead.post(path + "/invitations", [])
    lead.request(rounds[0])
    lead.post(rounds[0] + "/reminders", [], expect=200)  # the round page, naming anyone not reminded again
    wait_for_mail(server, lambda ms: sum(kind_of(m) == "invitation" for m in ms) >= 3
                  and sum(kind_of(m) == "reminder" for m in ms) >= 2, "invitation and reminder")

    # The representative from the CSV list answers through their personal link.
    invitation = next(m for m in eml_messages(server)
                      if kind_of(m) == "invitation" and "xss12" in str(m["To"]))
    token_path = re.search(r"https?://[^/\s]+(/i/[A-Za-z0-9_-]{43})", invitation.get_body(("plain",)).get_content()).group(1)
    invited = client("invited")
    crawl(invited, [token_path])
    role_survey(invited, token_path, "surrey-police", first_half("xss15"), full("xss16"), crawl_check=True)
    crawl(invited, [token_path])

    # The public link of the role survey: answers with payloads, and pages re-rendered with errors.
    base = "/f/role-understanding"
    public = client("anonymous")
    public.request(base)
    public.answer(base, "organisation", [], expect=422)
    public.answer(base, "organisation", [("organisation", full("xss55"))], expect=422)
    public.answer(base, "organisation", [("organisation", "surrey-police")])
    public.answer(base, "job-role", [("job-role", full("xss19") + "x" * 100)], expect=422)
    public.answer(base, "job-role", [("job-role", "Analyst")])
    public.answer(base, "duty-and-partnership", [("duty", full("xss55")), ("governance", "good")], expect=422)
    public.request(f"{base}/job-role?" + urlencode({"from": full("xss56")}))
    role_survey(public, base, "surrey-police", first_half("xss17"), full("xss18"), crawl_check=True)
    for halves in [second_half("xss15"), second_half("xss17")]:
        role_survey(client("anonymous"), base, "surrey-police", halves, "", crawl_check=False)

    # Community voices: every free-text answer, pages re-rendered with errors, then the lead's review.
    voice_text = full("xss20") + " Bobby saw it."
    writer_of_voice = client("anonymous")
    writer_of_voice.request("/f/community-voice")
    writer_of_voice.answer("/f/community-voice", "area", [("area", full("xss57"))], expect=422)
    references = [community_voice(writer_of_voice, voice_text, other=full("xss21"), contact=email_payload("xss22"),
                                  crawl_check=True)]
    for text in ["Groups gather by the station after dark.", "The underpass has no lights at night."]:
        references.append(community_voice(client("anonymous"), text + " " + full("xss20")))
    erring = client("anonymous")
    base = "/f/community-voice"
    erring.request(base)
    for page, fields in [("area", [("area", "guildford")]), ("place", [("place", "town-centre")]),
                         ("worries", [("worries", "other")])]:
        erring.answer(base, page, fields)
    erring.answer(base, "worries-other", [("worries-other", full("xss58") + "x" * 200)], expect=422)
    erring.answer(base, "worries-other", [("worries-other", "loud music")])
    erring.answer(base, "safe-after-dark", [("safe-after-dark", "fairly-unsafe")])
    erring.answer(base, "voice", [("voice", full("xss23") + "x" * 5000)], expect=422)
    erring.answer(base, "voice", [("voice", "")], expect=422)
    erring.answer(base, "voice", [("voice", "Fine.")])
    erring.answer(base, "age-band", [("age-band", full("xss59"))], expect=422)
    erring.answer(base, "age-band", [])
    erring.answer(base, "contact-consent", [("contact-consent", "yes")])
    erring.answer(base, "contact-email", [("contact-email", full("xss24"))], expect=422)
    crawl(erring, [f"{base}/check"])

    # More than a page of voices whose words a search finds: the list's page links carry the search.
    bulk: list[Fetched] = []
    for _ in range(51):
        community_voice(Client(server, "anonymous", bulk, []), full("xss66"), show=False)

    # Every voice was sent in a blink, so each is quarantined: release two, keep the rest.
    voice_page = f"/admin/voices/community-voice/{references[0]}"
    for reference in references[:2]:
        lead.request(f"/admin/voices/community-voice/{reference}")
        lead.post(f"/admin/voices/community-voice/{reference}/release", [])
    lead.request(voice_page)
    lead.post(voice_page + "/themes", [("themes", full("xss60")), ("themes", "street-lighting"), ("themes", "knife-crime")])
    lead.post(voice_page + "/status", [("status", full("xss61"))], expect=422)
    lead.post(voice_page + "/redact", [("question", full("xss62")), ("passage", "Bobby")], expect=422)
    lead.post(voice_page + "/redact", [("question", "voice"), ("passage", full("xss63"))], expect=422)
    lead.post(voice_page + "/redact", [("question", "voice"), ("passage", "Bobby")], expect=200)
    lead.post(voice_page + "/redact", [("question", "voice"), ("passage", "Bobby"), ("confirm", "yes")])
    lead.post(voice_page + "/" + quote(path_payloads("xss64")[0], safe=""), [], expect=(404, 422))
    lead.post(voice_page + "/status", [("status", "reviewed")])
    lead.post(f"/admin/voices/community-voice/{references[2]}/delete", [("confirm", full("xss65"))], expect=(200, 422))

    # The daily digest counts yesterday's voices: move them to yesterday and restart, so the
    # scheduled job (run at start-up) sends it.
    server.stop()
    connection = sqlite3.connect(server.database_path)
    with connection:
        connection.execute("UPDATE response SET submitted_at = strftime('%Y-%m-%dT%H:%M:%fZ', submitted_at, '-1 day') "
                           "WHERE form_id = 'community-voice'")
        connection.execute("DELETE FROM job_run WHERE name LIKE 'digest:%'")
    connection.close()
    server.start()
    wait_for_mail(server, lambda ms: any(kind_of(m) == "digest" for m in ms), "daily digest")
    wait_for_mail(server, lambda ms: sum(kind_of(m) == "submission" for m in ms) >= 4, "submission notice")

    # The quarterly framework: a meeting, an action, figures, and a published report.
    meeting_day = [("held-on-day", str(today.day)), ("held-on-month", str(today.month)), ("held-on-year", str(today.year))]
    lead.request("/admin/meetings/new")
    lead.post("/admin/meetings", meeting_day + [("body", "board"), ("attended", "surrey-police"), ("note", full("xss139") + "x" * 2000)],
              expect=422)
    _, headers, _ = lead.post("/admin/meetings", meeting_day + [("body", "data-group"), ("attended", "surrey-police"),
                                                                  ("note", full("xss130"))])
    meeting = headers["location"].split("?")[0]
    lead.request(meeting)
    lead.post(meeting + "/actions", [("description", full("xss131")), ("owner", "surrey-police"), ("status", "open")])
    lead.request("/admin/figures")
    quarter = re.search(r'name="quarter" type="radio" value="([^"]+)"', lead.request("/admin/figures")[2]).group(1)
    lead.post("/admin/figures", [("measure", "1.1.1.a"), ("quarter", quarter), ("value", "42"), ("source", full("xss132")),
                                 ("note", full("xss133"))])
    lead.post("/admin/figures/import", [("csv", f"{second_half('xss134')},{quarter},1\n1.1.1.b,{first_half('xss134')},2")], expect=422)
    slug = quarter.replace("/", "-").replace(" ", "-")
    lead.request(f"/admin/reports/{slug}")
    lead.post(f"/admin/reports/{slug}/publish", [], expect=200)
    lead.post(f"/admin/reports/{slug}/publish", [("confirm", "yes")])

    # Reflected input: every query parameter the server reads, with payloads, as each person.
    reflected = {
        "/admin": ["quarter"],
        "/admin/voices": ["form", "area", "theme", "quarter", "status", "q", "page", "deleted"],
        "/admin/audit": ["page"],
        "/admin/mail": ["status", "retried"],
        "/admin/account": ["saved"],
        "/admin/retention": ["x"],
        "/admin/rounds": ["x"],
        "/admin/figures": ["saved", "unchanged"],
        "/admin/meetings": ["notice"],
        meeting: ["notice"],
        f"/admin/reports/{slug}": ["notice"],
        rounds[0]: ["notice", "closed", "skipped"],
        voice_page: ["done"],
        "/admin/login": ["next", "signed-out"],
        "/f/community-voice/area": ["from"],
        "/": ["x"],
    }
    for index, (path, names) in enumerate(reflected.items()):
        marker = f"xss{70 + index}"
        for person in [admin, lead, viewer, client("anonymous")]:
            person.request(path + "?" + urlencode({name: full(marker) for name in names}))
            raw = "&".join(f"{name}={value}" for name in names for value in path_payloads(marker)[:3])
            person.request(path + "?" + raw)
    lead.request("/admin/voices?" + urlencode({"form": "community-voice", "q": full("xss26")}))
    lead.request("/admin/voices?" + urlencode({"q": "{{xss26}}"}))

    # Path segments carrying payloads, percent-encoded and raw.
    segments = [
        "/f/{}/x", "/f/community-voice/{}", "/f/role-understanding/{}", "/f/{}", "/i/{}", "/i/{}/check",
        "/admin/rounds/{}", "/admin/voices/community-voice/{}", "/admin/voices/{}/ABCDEFGH",
        "/admin/forms/{}/responses.csv", "/admin/forms/role-understanding/measures/{}.csv",
        "/admin/forms/role-understanding/{}", "/admin/setup/{}", "/assets/{}", "/{}", "/admin/{}",
        "/admin/meetings/{}", "/admin/figures/{}/" + slug, "/admin/figures/1.1.1.a/{}", "/admin/reports/{}", "/reports/{}",
        "/admin/reports/" + slug + "/{}",
    ]
    for index, pattern in enumerate(segments):
        marker = f"xss{101 + index}"
        for segment in path_payloads(marker):
            for person in [lead, client("anonymous")]:
                person.request(pattern.format(quote(segment, safe="")))
                person.request(pattern.format(segment.replace("/", "")))
    # Error pages: a form without its anti-forgery token, and a method the route does not take.
    client("anonymous").request("/f/community-voice/area", [("area", full("xss99"))])
    lead.request("/admin/audit", [("x", full("xss99"))])

    # Finally every page each person can reach.
    framework_pages = ["/admin/meetings", "/admin/figures", "/admin/reports", f"/admin/reports/{slug}", meeting]
    site.crawled["admin"] = crawl(admin, framework_pages + ["/admin", "/admin/rounds", "/admin/voices", "/admin/mail",
                                          "/admin/mail?status=failed", "/admin/audit", "/admin/retention",
                                          "/admin/account", "/admin/rounds/new", voice_page] + rounds)
    site.crawled["lead"] = crawl(lead, framework_pages + ["/admin", "/admin/rounds", "/admin/voices", "/admin/voices?status=quarantined",
                                        "/admin/voices?" + urlencode({"form": "community-voice", "status": "quarantined",
                                                                      "q": full("xss66")}),
                                        "/admin/account", "/admin/retention", "/admin/rounds/new", "/admin/mail",
                                        "/admin/audit"] + rounds)
    site.crawled["viewer"] = crawl(viewer, ["/admin/reports", f"/admin/reports/{slug}", "/admin", "/admin/rounds", "/admin/voices", "/admin/mail", "/admin/audit",
                                            "/admin/account", "/admin/retention", voice_page] + rounds)
    visitor = client("anonymous")
    site.crawled["anonymous"] = crawl(visitor, ["/reports", f"/reports/{slug}", "/", "/f/community-voice", "/f/role-understanding",
                                                "/admin/login", "/healthz", "/readyz"])
    _, _, home = visitor.request("/")
    stylesheet = re.search(r'<link rel="stylesheet" href="(/assets/[^"]+)">', home)
    assert stylesheet, "the page links no stylesheet"
    visitor.request(stylesheet.group(1))
    for person in [admin, lead, viewer]:
        for path in ["/admin/forms/community-voice/voice-counts.csv", "/admin/forms/community-voice/voice-counts.xlsx",
                     "/admin/forms/role-understanding/responses.csv", "/admin/forms/role-understanding/responses.xlsx",
                     "/admin/forms/community-voice/responses.csv", "/admin/forms/community-voice/responses.xlsx",
                     "/admin/forms/role-understanding/measures/2.2.1.a.csv",
                     "/admin/forms/role-understanding/measures/2.2.1.a.xlsx",
                     f"/admin/reports/{slug}/report.csv", f"/admin/reports/{slug}/report.xlsx"]:
            person.download(path)


# --- what is wrong with a page --------------------------------------------------------------

UNSAFE = re.compile(
    r"<script>alert\((xss\d+)\)|<img[\s/][^>]*?onerror=alert\((xss\d+)\)|<svg[\s/][^>]*?onload=alert\((xss\d+)\)"
    r"""|(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.I)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite",
                  "srcset", "ping", "lowsrc", "dynsrc", "manifest", "codebase", "longdesc", "usemap"}
FORBIDDEN_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}


class Audit(HTMLParser):
    """The structural checks: elements and attributes that could run script."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "script":
            source = values.get("src") or ""
            if not source.startswith("/assets/"):
                self.problems.append(f"a <script> element: {self.get_starttag_text()}")
            self._in_script = True
        if tag in FORBIDDEN_ELEMENTS:
            self.problems.append(f"a <{tag}> element: {self.get_starttag_text()}")
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self.problems.append(f"a meta refresh: {self.get_starttag_text()}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"an event handler attribute {name}=: {self.get_starttag_text()}")
            if name in URL_ATTRIBUTES and value:
                squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
                if squeezed.startswith(("javascript:", "vbscript:", "data:")):
                    self.problems.append(f"a {squeezed.split(':')[0]}: URL in {name}=: {self.get_starttag_text()}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.problems.append(f"inline script: {data[:80]!r}")


def problems_in(html: str) -> list[str]:
    found = [f"unescaped payload {match.group(0)!r}" for match in UNSAFE.finditer(html)]
    audit = Audit()
    audit.feed(html)
    audit.close()
    return found + audit.problems


def csp_problems(headers: dict) -> list[str]:
    policy = headers.get("content-security-policy")
    if not policy:
        return ["no Content-Security-Policy"]
    directives = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = [word.lower() for word in words[1:]]
    problems = []
    if "default-src" not in directives:
        problems.append("no default-src")
    for name in ["default-src", "script-src", "script-src-elem", "script-src-attr"]:
        for source in directives.get(name, []):
            if source in ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:", "https:", "blob:"):
                problems.append(f"{name} allows {source}")
    if directives.get("frame-ancestors") != ["'none'"]:
        problems.append("frame-ancestors is not 'none'")
    if headers.get("x-content-type-options") != "nosniff":
        problems.append("no X-Content-Type-Options: nosniff")
    return problems


# --- the tests ------------------------------------------------------------------------------

def test_no_response_is_a_server_error(site):
    failures = [str(page) for page in site.fetched if page.status >= 500]
    failures += [f"{d.who} download {d.path} -> {d.status}" for d in site.downloads if d.status >= 500]
    assert not failures, "\n".join(failures)
    assert "internal error" not in site.server.log()


def test_no_page_shows_a_payload_unescaped_or_runs_script(site):
    pages = [page for page in site.fetched if page.is_html]
    assert len(pages) > 500, f"only {len(pages)} HTML responses were checked"
    failures = [f"{page}: {problem}" for page in pages for problem in problems_in(page.body)]
    assert not failures, "\n".join(failures[:60]) + f"\n({len(failures)} in all)"


def test_every_html_response_has_a_strict_content_security_policy(site):
    pages = [page for page in site.fetched if page.is_html]
    failures = [f"{page}: {problem}" for page in pages for problem in csp_problems(page.headers)]
    assert not failures, "\n".join(failures[:40])
    others = [page for page in site.fetched if not page.is_html]
    assert [str(page) for page in others if page.headers.get("x-content-type-options") != "nosniff"] == []
    # The only asset is the stylesheet, served as CSS.
    assets = [page for page in site.fetched if page.path.startswith("/assets/") and page.status == 200]
    assert assets and all(page.headers["content-type"].startswith("text/css") for page in assets), [str(p) for p in assets]


def test_every_person_reached_their_pages(site):
    for who, minimum in [("admin", 15), ("lead", 15), ("viewer", 4), ("anonymous", 4)]:
        assert len(site.crawled[who]) >= minimum, (who, sorted(site.crawled[who]))
    statuses = {page.status for page in site.fetched}
    assert {200, 303, 403, 404, 422} <= statuses, statuses
    def reached(who: str) -> set[str]:
        return {urlsplit(page.path).path for page in site.fetched if page.who == who and page.status == 200}
    lead_pages = reached("lead")
    for expected in ["/admin", "/admin/rounds", "/admin/rounds/new", "/admin/voices", "/admin/account"]:
        assert expected in lead_pages, expected
    for expected in ["/admin/mail", "/admin/audit", "/admin/retention"]:
        assert expected in reached("admin"), expected
    assert any(re.fullmatch(r"/admin/voices/community-voice/[A-Z0-9]{8}", path) for path in lead_pages)
    assert any(re.fullmatch(r"/admin/rounds/\d+", path) for path in lead_pages)
    assert any(page.path.endswith("/confirmation") and page.status == 200 for page in site.fetched)
    assert any(page.path.endswith("/check") and page.status == 200 for page in site.fetched)


def test_every_stored_payload_reached_a_page_escaped_and_mustache_text_shows_as_typed(site):
    bodies = [page.body for page in site.fetched if page.is_html]
    bodies += [html_part(message) for message in eml_messages(site.server)]
    missing = []
    for marker, what in STORED.items():
        if marker in EMAIL_MARKERS:
            shown = escaped(email_payload(marker))
        else:
            shown = escaped(f"<script>alert({marker})</script>")
        if not any(shown in body for body in bodies):
            missing.append(f"{marker} ({what}): {shown!r} is on no page")
        elif not any("{{%s}}" % marker in body for body in bodies):
            missing.append(f"{marker} ({what}): {{{{{marker}}}}} is not shown as typed")
    assert not missing, "\n".join(missing)
    # A triple-mustache payload is text too.
    assert any("{{{xss20}}}" in body for body in bodies)


def test_every_email_escapes_payloads_in_its_html_part(site):
    messages = eml_messages(site.server)
    kinds = {kind_of(message) for message in messages}
    assert kinds == {"invitation", "reminder", "submission", "digest"}, kinds
    failures = []
    for message in messages:
        body = html_part(message)
        failures += [f"{message['Subject']}: {problem}" for problem in problems_in(body)]
    assert not failures, "\n".join(failures)
    by_kind = {kind: [html_part(m) for m in messages if kind_of(m) == kind] for kind in kinds}
    expected = {
        "invitation": ["xss01", "xss06", "xss09", "xss11", "xss10"],
        "reminder": ["xss01", "xss06", "xss11", "xss10"],
        "submission": ["xss01", "xss06"],
        "digest": ["xss36", "xss41"],
    }
    for kind, markers in expected.items():
        for marker in markers:
            assert any(escaped(f"<script>alert({marker})</script>") in body for body in by_kind[kind]), (kind, marker)


def test_downloads_are_attachments_never_html(site):
    files = [d for d in site.downloads if d.status == 200]
    assert len(files) >= 16, [(d.who, d.path, d.status) for d in site.downloads]
    for download in files:
        assert download.headers.get("content-disposition", "").startswith("attachment;"), download
        content_type = download.headers.get("content-type", "")
        xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        assert content_type.split(";")[0] in ("text/csv", xlsx), download
        assert download.headers.get("x-content-type-options") == "nosniff", download
    # A viewer gets no response-level data.
    assert all(d.status in (403, 404) for d in site.downloads if d.who == "viewer" and "/responses." in d.path)


def test_sign_in_never_sends_anyone_off_site_or_to_a_javascript_url(site):
    assert len(site.sign_in_redirects) == 6
    base = site.server.base_url + "/admin/login"
    for target, location in site.sign_in_redirects:
        assert location and location.startswith("/") and not location.startswith("//"), (target, location)
        assert "\\" not in location, (target, location)
        resolved = urlsplit(urljoin(base, location))
        assert (resolved.scheme, resolved.netloc) == ("http", urlsplit(base).netloc), (target, location)


def test_a_javascript_url_for_a_safeguarding_contact_is_refused(tmp_path):
    forms = tmp_path / "forms"
    shutil.copytree(REPO_ROOT / "forms", forms, ignore=shutil.ignore_patterns("examples"))
    for url in ["javascript:alert(1)", " javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
                "http://crimestoppers-uk.org"]:
        text = (REPO_ROOT / "forms/partnership.yaml").read_text()
        (forms / "partnership.yaml").write_text(text.replace("url: https://crimestoppers-uk.org", "url: " + yaml_string(url)))
        checked = check_forms(forms)
        assert checked.returncode == 1, (url, checked.stdout)
        assert "must start with https://" in checked.stdout, (url, checked.stdout)
