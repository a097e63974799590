"""Drives survey rounds over HTTP as a lead would, for the mail and invitation tests."""

from __future__ import annotations

import datetime
import re

from svforms_server import Respondent, SvformsServer

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
