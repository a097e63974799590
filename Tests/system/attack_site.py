"""A running server seeded with something behind every route, for the attack suite: accounts of each
role, role surveys, community voices, a survey round with invited people, their personal links,
sent mail and the one-time setup link. Also the route list (routes.tsv), a snapshot of the
database's data for "nothing changed" checks, and raw requests with any method, headers and token.
"""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
import subprocess
import time
import urllib.parse
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from rounds import add_people, open_round, send_invitations, link_in, submit_role_survey
from svforms_server import (BINARY, Respondent, SvformsServer, forms_with_public_role_survey, submit_community_voice,
                            submit_role_survey_by_public_link)

ROUTES_FILE = Path(__file__).with_name("routes.tsv")
ACCESS_LEVELS = ["anyone", "link", "viewer", "lead", "admin"]
ROLES = ["viewer", "lead", "admin"]
PASSWORD = "correct horse battery staple"

# Tables a request may change as bookkeeping, not data: sign-in sessions, the audit log (downloads
# and sign-ins are audited), the readiness probe's row, the scheduler's record of its runs, the
# throttles' counts of attempts and the journeys already submitted.
BOOKKEEPING_TABLES = {"session", "audit_event", "readiness_probe", "job_run", "attempt", "attempt_refusal", "spent_journey"}


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    access: str
    example: str
    form_page: str  # for a POST, the page whose form posts to it ("-" for a GET)

    @property
    def is_signed_in(self) -> bool:
        return self.access in ROLES

    def allows(self, role: str) -> bool:
        """Whether a signed-in account of this role may use the route."""
        return ROLES.index(role) >= ROLES.index(self.access)

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


def load_routes() -> list[Route]:
    routes = []
    for line in ROUTES_FILE.read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        method, path, access, example, form_page = line.split("\t")
        assert access in ACCESS_LEVELS, f"routes.tsv: unknown access {access!r} for {method} {path}"
        routes.append(Route(method, path, access, example, form_page))
    return routes


ROUTES = load_routes()


class Client(Respondent):
    """A Respondent that can also send any method with any headers and any anti-forgery token."""

    def send(self, method: str, path: str, fields: list[tuple[str, str]] | None = None,
             token: str | None = "own", headers: dict[str, str] | None = None) -> tuple[int, dict, str]:
        """token: "own" adds this client's current token, None sends none, any other string is sent as it is."""
        return self.request(path, fields, method=method, headers=headers, token=token)


class AttackSite:
    """The seeded server and the values that fill the placeholders of routes.tsv."""

    def __init__(self, data_dir: Path, seed: bool = True):
        # The role survey's public link is on, so its routes and a response waiting for a lead are attacked too.
        forms = forms_with_public_role_survey(data_dir.parent / f"{data_dir.name}-forms")
        self.server = SvformsServer(data_dir, forms_dir=forms).start()
        self.values: dict[str, str] = {}
        self.values["setup"] = self.server.setup_link().rsplit("/", 1)[1]
        if seed:
            self._seed()

    @classmethod
    def without_accounts(cls, data_dir: Path) -> "AttackSite":
        """A first start: no account yet, so the one-time setup link is live."""
        return cls(data_dir, seed=False)

    def _seed(self) -> None:
        for role in ROLES:
            added = self.server.cli("user", "add", f"{role}@example.org", "--role", role,
                                    input=(PASSWORD + "\n").encode())
            assert added.returncode == 0, added.stderr
        for organisation, rating in [("surrey-police", "good"), ("surrey-county-council", "limited")]:
            submit_role_survey(self.server, organisation, rating, "Analyst")
        self.values["link_response"] = submit_role_survey_by_public_link(Client(self.server), "surrey-police", "good", "Analyst")
        self.values["voice"] = submit_community_voice(Client(self.server))
        submit_community_voice(Client(self.server))

        lead = self.signed_in("lead")
        round_path = open_round(lead)
        self.values["round"] = round_path.rsplit("/", 1)[1]
        add_people(lead, round_path, "Ada Police,ada@police.example,surrey-police\n"
                                     "Ben Fire,ben@fire.example,surrey-fire-and-rescue\n"
                                     "Cy Council,cy@council.example,surrey-county-council")
        send_invitations(lead, round_path)
        self.values["token"] = self._invitation_link("ada@police.example").split("/")[2]
        self.values["other_token"] = self._invitation_link("ben@fire.example").split("/")[2]
        self.values["stylesheet"] = re.search(r'rel="stylesheet" href="/assets/([^"]+)"', Client(self.server).request("/")[2])[1]
        self.values["person"] = str(self.query("SELECT max(id) FROM representative")[0][0])
        self.values["mail"] = str(self.query("SELECT min(id) FROM outbox")[0][0])
        self._seed_framework(lead)

    def _seed_framework(self, lead: Client) -> None:
        """Two meetings (one to delete), an action, an imported figure and two published reports."""
        quarters = re.findall(r'href="/admin/reports/([0-9]{4}-[0-9]{2}-Q[1-4])"', lead.request("/admin/reports")[2])
        today = time.localtime()
        day = [("held-on-day", str(today.tm_mday)), ("held-on-month", str(today.tm_mon)), ("held-on-year", str(today.tm_year))]
        for name in ["meeting", "spare_meeting"]:
            lead.request("/admin/meetings/new")
            status, headers, _ = lead.send("POST", "/admin/meetings", day + [("body", "board"), ("attended", "surrey-police")])
            assert status == 303, status
            self.values[name] = headers["location"].split("?")[0].rsplit("/", 1)[1]
        meeting = f"/admin/meetings/{self.values['meeting']}"
        lead.request(meeting)
        lead.send("POST", meeting + "/actions", [("description", "Share data"), ("owner", "surrey-police"), ("status", "open")])
        self.values["action"] = str(self.query("SELECT max(id) FROM meeting_action")[0][0])
        lead.request("/admin/figures")
        current = quarters[0].replace("-", "/", 1).replace("-", " ")
        status, _, _ = lead.send("POST", "/admin/figures", [("measure", "1.1.1.a"), ("quarter", current), ("value", "12")])
        assert status == 303, status
        self.values["quarter"], self.values["previous_quarter"] = quarters[0], quarters[1]
        for quarter in quarters[:2]:
            lead.request(f"/admin/reports/{quarter}")
            assert lead.send("POST", f"/admin/reports/{quarter}/publish", [("confirm", "yes")])[0] == 303

    def _invitation_link(self, address: str) -> str:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            for eml in sorted((self.server.data_dir / "mail").glob("*.eml")):
                text = eml.read_bytes().decode("utf-8", errors="replace")
                if address in text:
                    return link_in(re.sub(r"=\r?\n", "", text))
            time.sleep(0.1)
        raise AssertionError("no invitation was written")

    def stop(self) -> None:
        self.server.stop()

    def example(self, route: Route, **overrides: str) -> str:
        """The route's example path with the seeded values (or the overrides) in its placeholders."""
        return self.fill(route.example, **overrides)

    def form_page(self, route: Route, **overrides: str) -> str:
        """Where a browser gets the token for a route: its form's page for a POST, the page itself for a GET."""
        return self.fill(route.example if route.method == "GET" else route.form_page, **overrides)

    def fill(self, template: str, **overrides: str) -> str:
        values = {**self.values, **overrides}
        return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], template)

    def signed_in(self, role: str) -> Client:
        client = Client(self.server)
        client.sign_in(f"{role}@example.org", PASSWORD)
        client.request("/admin")  # the session's anti-forgery token
        return client

    def client_for(self, access: str) -> Client:
        """A client allowed through the route's access: signed in for admin routes, a fresh browser otherwise."""
        return self.signed_in(access) if access in ROLES else Client(self.server)

    def query(self, sql: str, *args) -> list[tuple]:
        connection = sqlite3.connect(f"file:{self.server.database_path}?mode=ro", uri=True)
        try:
            return connection.execute(sql, args).fetchall()
        finally:
            connection.close()

    def snapshot(self, skip: set[str] = frozenset()) -> dict[str, list[tuple]]:
        """Every row of every data table (and the schema), to compare before and after an attack."""
        connection = sqlite3.connect(f"file:{self.server.database_path}?mode=ro", uri=True)
        try:
            tables = [row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
            shot = {"schema": connection.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()}
            for table in tables:
                if table not in BOOKKEEPING_TABLES | set(skip):
                    shot[table] = sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            return shot
        finally:
            connection.close()

    def integrity(self) -> str:
        return self.query("PRAGMA integrity_check")[0][0]


def changed_tables(before: dict, after: dict) -> list[str]:
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))


def random_token() -> str:
    """A well-formed personal link token that was never issued (43 base64url characters)."""
    return secrets.token_urlsafe(32)


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of YAML's)."""
    return json.dumps(text)


def check_forms(folder: Path) -> subprocess.CompletedProcess:
    """`svforms check --forms FOLDER`."""
    return subprocess.run([str(BINARY), "check", "--forms", str(folder)], capture_output=True, text=True, timeout=60)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def page_links(html: str) -> list[str]:
    """The href of every link on a page, in order."""
    parser = _Links()
    parser.feed(html)
    return parser.hrefs


class _FormFields(HTMLParser):
    """The names of the fields of each form on a page, by the form's action."""

    def __init__(self):
        super().__init__()
        self.forms: dict[str, list[str]] = {}
        self._action: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self._action = urllib.parse.urlsplit(attributes.get("action") or "").path
            self.forms.setdefault(self._action, [])
        elif tag in ("input", "select", "textarea") and self._action is not None:
            name = attributes.get("name")
            if name and name not in ("_csrf", "_shown") and name not in self.forms[self._action]:
                self.forms[self._action].append(name)

    def handle_endtag(self, tag):
        if tag == "form":
            self._action = None


def form_fields(html: str) -> dict[str, list[str]]:
    parser = _FormFields()
    parser.feed(html)
    return parser.forms
