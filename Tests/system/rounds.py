"""Drives survey rounds over HTTP as a lead would, for the mail and invitation tests."""

from __future__ import annotations

import datetime
import re
import threading
import time
import weakref

from svforms_server import Respondent, SvformsServer, answer_role_survey

LEAD_PASSWORD = "correct horse battery staple"


def signed_in_lead(server: SvformsServer) -> Respondent:
    """A lead account (added from the command line) signed in."""
    server.cli("user", "add", "lead@example.org", "--role", "lead", input=(LEAD_PASSWORD + "\n").encode())
    lead = Respondent(server)
    lead.sign_in("lead@example.org", LEAD_PASSWORD)
    return lead


def open_round(lead: Respondent, days: int = 14) -> str:
    """Opens a round of the role survey from today; returns the round page's path."""
    today = datetime.date.today()
    close = today + datetime.timedelta(days=days)
    lead.request("/admin/rounds/new")
    status, headers, body = lead.request("/admin/rounds", [
        ("form", "role-understanding"), ("name", "Test round"),
        ("opens-on-day", str(today.day)), ("opens-on-month", str(today.month)), ("opens-on-year", str(today.year)),
        ("closes-on-day", str(close.day)), ("closes-on-month", str(close.month)), ("closes-on-year", str(close.year)),
    ])
    assert status == 303, body
    return headers["location"]


def add_people(lead: Respondent, round_path: str, csv: str) -> None:
    lead.request(round_path)
    status, headers, body = lead.request(round_path + "/import", [("csv", csv)])
    assert status == 303, re.sub(r"<[^>]+>", " ", body)[:2000]


def send_invitations(lead: Respondent, round_path: str) -> str:
    """Sends the invitations; returns the notice the round page shows."""
    lead.request(round_path)
    status, headers, _ = lead.request(round_path + "/invitations", [])
    assert status == 303
    return headers["location"]


def link_in(text: str) -> str:
    """The personal link's path in an invitation."""
    return re.search(r"https?://[^/\s]+(/i/[A-Za-z0-9_-]{43})", text).group(1)


class _Invitations:
    """One open round per server that `submit_role_survey` adds each new person to."""

    def __init__(self, server: SvformsServer):
        self.server = server
        self.lock = threading.Lock()
        self.lead: Respondent | None = None
        self.round_path = ""
        self.people = 0
        self.seen: dict[str, str] = {}  # .eml file name -> its text, so each file is read once

    def invite(self, organisation: str) -> str:
        """Adds a new person of `organisation` to the round, invites them, and returns their personal link."""
        with self.lock:
            if self.lead is None:
                self.lead = signed_in_lead(self.server)
                self.round_path = open_round(self.lead, days=60)
            self.people += 1
            address = f"person{self.people}.{organisation}@invited.example"
            add_people(self.lead, self.round_path, f"Person {self.people},{address},{organisation}")
            send_invitations(self.lead, self.round_path)
        return self.link_for(address)

    def link_for(self, address: str) -> str:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with self.lock:
                for eml in (self.server.data_dir / "mail").glob("*.eml"):
                    if eml.name not in self.seen:
                        self.seen[eml.name] = re.sub(r"=\r?\n", "", eml.read_bytes().decode("utf-8", errors="replace"))
                for text in self.seen.values():
                    if f"To: {address}" in text or f"<{address}>" in text:
                        return link_in(text)
            time.sleep(0.05)
        raise AssertionError(f"no invitation to {address} was written")


_invitations: "weakref.WeakKeyDictionary[SvformsServer, _Invitations]" = weakref.WeakKeyDictionary()
_invitations_lock = threading.Lock()


def personal_link(server: SvformsServer, organisation: str) -> str:
    """The path of a new representative's personal link (`/i/{token}`) in a round of the role survey."""
    with _invitations_lock:
        invitations = _invitations.setdefault(server, _Invitations(server))
    return invitations.invite(organisation)


def submit_role_survey(server: SvformsServer, organisation: str, rating: str, job_role: str = "") -> str:
    """Answers the role survey as an invited representative of `organisation` would, through a personal
    link (the survey's public link is off, as shipped), giving every aspect the same rating; returns the
    reference the confirmation page shows. The first call signs in a lead and opens a round."""
    link = personal_link(server, organisation)
    respondent = Respondent(server)
    status = answer_role_survey(respondent, link, organisation, rating, job_role)
    if status != 303:
        raise AssertionError(f"submit answered {status}")
    _, _, page = respondent.request(link + "/confirmation")
    match = re.search(r'class="reference">([A-Z0-9]{8})<', page)
    if not match:
        raise AssertionError("the confirmation page shows no reference")
    return match.group(1)
