"""A partnership with three quarters of history for the board report tests: meetings and
attendance, imported figures (one corrected), role surveys, a round with invited people, community
voices and actions. Every figure the tests expect is worked out by hand in the comments below.

Quarters are counted back from today (April-start financial quarters), so the tests hold on any date:
Q0 is the current quarter, Q1 the one before, Q2 the one before that.
"""

from __future__ import annotations

import datetime
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from rounds import LEAD_PASSWORD, add_people, link_in, open_round, send_invitations, signed_in_lead
from svforms_server import (ROLE_ASPECT_PAGES, Respondent, SvformsServer, forms_with_public_role_survey,
                            submit_role_survey_by_public_link)

VIEWER_EMAIL = "viewer@example.org"


@dataclass(frozen=True)
class Quarter:
    year: int  # the year its reporting year starts in (2026 for 2026/27)
    number: int

    @property
    def label(self) -> str:
        return f"{self.year}/{(self.year + 1) % 100:02d} Q{self.number}"

    @property
    def slug(self) -> str:
        return self.label.replace("/", "-").replace(" ", "-")

    def month(self, index: int) -> tuple[int, int]:
        """Calendar year and month of the quarter's month 0, 1 or 2."""
        months = 3 + (self.number - 1) * 3 + index  # months after January of `year`
        return self.year + months // 12, months % 12 + 1

    def day(self, month_index: int, day: int) -> datetime.date:
        year, month = self.month(month_index)
        return datetime.date(year, month, day)

    def previous(self) -> "Quarter":
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)


def current_quarter(today: datetime.date) -> Quarter:
    months_into_year = (today.month - 4) % 12
    return Quarter(today.year if today.month >= 4 else today.year - 1, months_into_year // 3 + 1)


TODAY = datetime.date.today()
Q0 = current_quarter(TODAY)
Q1 = Q0.previous()
Q2 = Q1.previous()

# Attendance. Q2: one board meeting, 5 authorities (and the PCC's office, which is not one).
# Q1: two board meetings, 7 + Guildford = 8 authorities; a sub-group meeting with Woking and the
# education authority, who came to no board meeting: they are absent, "sub-group only". Q0: none.
MEETINGS = [
    (Q2.day(0, 10), "board", ["surrey-police", "surrey-county-council", "surrey-fire-and-rescue", "surrey-probation",
                              "nhs-frimley-icb", "surrey-opcc"]),
    (Q1.day(0, 10), "board", ["surrey-police", "surrey-county-council", "surrey-fire-and-rescue", "surrey-probation",
                              "surrey-youth-justice", "nhs-frimley-icb", "nhs-surrey-heartlands-icb"]),
    (Q1.day(1, 12), "data-group", ["woking-council", "surrey-education-authority"]),
    (Q1.day(2, 10), "board", ["surrey-police", "guildford-council"]),
]
Q1_ATTENDED = ["Guildford Borough Council", "NHS Frimley Integrated Care Board", "NHS Surrey Heartlands Integrated Care Board",
               "Surrey Fire and Rescue Service", "Surrey County Council", "Surrey County Council (Youth Justice Service)",
               "Surrey Police", "Surrey Probation Service"]
SUB_GROUP_ONLY = ["Surrey County Council (Education Authority)", "Woking Borough Council"]

# Role surveys (every aspect rated alike, 9 ratings each). Q1: specified 4 of 6 met, relevant 1 of 1:
# overall 5 of 7 responses = 45 of 63 ratings = 71.4%. Q0: 3 of 5 (one through a personal link) = 60.0%,
# so the change is 60.0 - 71.4 = -11.4 points.
Q1_SURVEYS = [("surrey-police", "good"), ("surrey-county-council", "good"), ("surrey-fire-and-rescue", "full"),
              ("surrey-probation", "limited"), ("surrey-youth-justice", "good"), ("nhs-frimley-icb", "none"),
              ("surrey-education-authority", "good")]
# Q2: 2 responses, 1 met = 50.0% (9 of 18 ratings): shown signed in (Q1's change is +21.4 points), but
# too few to publish, so the public Q1 report shows neither Q2's score nor the change from it.
Q2_SURVEYS = [("surrey-police", "good"), ("surrey-county-council", "none")]
Q0_SURVEYS = [("surrey-county-council", "limited"), ("surrey-fire-and-rescue", "limited"), ("surrey-probation", "good"),
              ("guildford-council", "good")]

# Imported figures: 1.1.1.a 40 then 35 corrected to 36 (change -4); 1.1.1.b 120 then 110.5 (-9.5).
FIGURES_CSV = f"Measure,Quarter,Value,Source,Note\n1.1.1.a,{Q2.label},40,ICB data,\n1.1.1.a,{Q1.label},35,ICB data,provisional\n" \
              f"1.1.1.b,{Q2.label},120,,\n1.1.1.b,{Q1.label},\"110.5\",,\n"
CORRECTION_CSV = f"1.1.1.a,{Q1.label},36,ICB data,corrected after audit\n"

ACTION_TEXT = "Share monthly knife crime data with the data group"
DONE_ACTION_TEXT = "Circulate the terms of reference"


def forms_with_sub_group(folder: Path) -> Path:
    """The shipped forms, with a sub-group added to the partnership's meetings and the role survey's
    public link on (its responses count once a lead accepts them, as `build` does)."""
    forms_with_public_role_survey(folder)
    partnership = folder / "partnership.yaml"
    text = partnership.read_text()
    board = "  board: Surrey Serious Violence Reduction Partnership board\n"
    assert board in text
    partnership.write_text(text.replace(board, board + "  sub_groups:\n    - id: data-group\n      name: Data sub-group\n"))
    return folder


def date_fields(name: str, day: datetime.date) -> list[tuple[str, str]]:
    return [(f"{name}-day", str(day.day)), (f"{name}-month", str(day.month)), (f"{name}-year", str(day.year))]


def post(client: Respondent, page: str, path: str, fields: list[tuple[str, str]], expect: int = 303) -> tuple[int, dict, str]:
    client.request(page)
    status, headers, body = client.request(path, fields)
    assert status == expect, f"POST {path}: {status} {re.sub(r'<[^>]+>', ' ', body)[:1500]}"
    return status, headers, body


def record_meeting(lead: Respondent, day: datetime.date, body: str, attended: list[str]) -> str:
    fields = date_fields("held-on", day) + [("body", body)] + [("attended", org) for org in attended]
    _, headers, _ = post(lead, "/admin/meetings/new", "/admin/meetings", fields)
    return headers["location"].split("?")[0]


def answer_by_link(server: SvformsServer, link: str, rating: str) -> None:
    """Fills in the role survey through a personal link, giving every aspect `rating`."""
    person = Respondent(server)
    person.request(link)
    pages = [("organisation", [("organisation", "surrey-police")]), ("job-role", [("job-role", "")])] + [(page, [(a, rating) for a in aspects]) for page, aspects in ROLE_ASPECT_PAGES.items()]
    pages.append(("comments", []))
    for page, fields in pages:
        post(person, f"{link}/{page}", f"{link}/{page}", fields)
    post(person, f"{link}/check", f"{link}/submit", [])


def voice(server: SvformsServer, area: str) -> str:
    """A community voice about `area`, worried about knife crime and drugs; returns its reference."""
    person = Respondent(server)
    pages = [("area", [("area", area)]), ("place", [("place", "town-centre")]),
             ("worries", [("worries", "knife-crime"), ("worries", "drugs")]),
             ("safe-after-dark", [("safe-after-dark", "fairly-unsafe")]), ("voice", [("voice", "Groups gather after dark.")]),
             ("age-band", []), ("contact-consent", [])]
    for page, fields in pages:
        person.answer("community-voice", page, fields)
    person.request("/f/community-voice/check")
    person.request("/f/community-voice/submit", [])
    return person.receipt()


def build(server: SvformsServer) -> Respondent:
    """Seeds the server; returns the signed-in lead."""
    lead = signed_in_lead(server)
    server.cli("user", "add", VIEWER_EMAIL, "--role", "viewer", input=(LEAD_PASSWORD + "\n").encode())
    meeting_paths = [record_meeting(lead, day, body, attended) for day, body, attended in MEETINGS]
    q1_board = meeting_paths[1]
    post(lead, q1_board, q1_board + "/actions",
         [("description", ACTION_TEXT), ("owner", "surrey-police"), ("status", "open")] + date_fields("due-on", Q1.day(2, 28)))
    post(lead, q1_board, q1_board + "/actions", [("description", DONE_ACTION_TEXT), ("owner", "surrey-opcc"), ("status", "done")])
    post(lead, "/admin/figures", "/admin/figures/import", [("csv", FIGURES_CSV)])
    post(lead, "/admin/figures", "/admin/figures/import", [("csv", CORRECTION_CSV)])

    # Sent through the survey's public link, so they count only once the lead accepts them.
    for organisation, rating in Q1_SURVEYS + Q2_SURVEYS + Q0_SURVEYS:
        accept(lead, submit_role_survey_by_public_link(Respondent(server), organisation, rating))
    # They were "submitted" in the middle of Q1 and of Q2 (the last two).
    server.stop()
    connection = sqlite3.connect(server.database_path)
    with connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM response WHERE form_id = 'role-understanding' ORDER BY id")]
        assert len(ids) == len(Q1_SURVEYS) + len(Q2_SURVEYS) + len(Q0_SURVEYS)
        for response_id in ids[:len(Q1_SURVEYS) + len(Q2_SURVEYS)]:
            quarter = Q1 if response_id in ids[:len(Q1_SURVEYS)] else Q2
            connection.execute("UPDATE response SET submitted_at = ? WHERE id = ?",
                               (quarter.day(1, 15).isoformat() + "T12:00:00.000Z", response_id))
    connection.close()
    server.start()
    lead.sign_in("lead@example.org", LEAD_PASSWORD)

    round_path = open_round(lead)
    add_people(lead, round_path, "Ada Police,ada@police.example,surrey-police\nBen Fire,ben@fire.example,surrey-fire-and-rescue")
    send_invitations(lead, round_path)
    answer_by_link(server, invitation_link(server, "ada@police.example"), "full")

    # Voices: 6 about Guildford, 2 about Woking; each was sent in a blink, so a lead releases it.
    for area in ["guildford"] * 6 + ["woking"] * 2:
        reference = voice(server, area)
        post(lead, f"/admin/voices/community-voice/{reference}", f"/admin/voices/community-voice/{reference}/release", [])
    return lead


def accept(lead: Respondent, reference: str) -> None:
    """The lead accepts a response that came through the public link, so it counts."""
    post(lead, "/admin/link-responses", f"/admin/link-responses/role-understanding/{reference}/accept", [])


def invitation_link(server: SvformsServer, address: str) -> str:
    import time
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        for eml in sorted((server.data_dir / "mail").glob("*.eml")):
            text = re.sub(r"=\r?\n", "", eml.read_bytes().decode("utf-8", errors="replace"))
            if address in text:
                return link_in(text)
        time.sleep(0.1)
    raise AssertionError(f"no invitation to {address} was written")
