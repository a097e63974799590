"""Email through the outbox and a real SMTP server (aiosmtpd on 127.0.0.1): nothing is lost while
the server is down, a refused recipient does not hold up the rest, and nothing can be injected."""

from __future__ import annotations

import email
import email.policy
import sqlite3
import time
from collections import defaultdict

from mail_sink import MailSink, parts, smtp_env
from rounds import add_people, link_in, open_round, send_invitations, signed_in_lead
from svforms_server import SvformsServer, free_port


def outbox(server: SvformsServer) -> list[tuple]:
    connection = sqlite3.connect(server.database_path)
    try:
        return connection.execute("SELECT recipient, status, attempts, last_error, message_id FROM outbox").fetchall()
    finally:
        connection.close()


def wait_until(predicate, timeout: float = 60, message: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(message or "timed out")


def test_without_smtp_each_message_is_written_as_an_eml_file(tmp_path):
    server = SvformsServer(tmp_path / "data").start()
    try:
        lead = signed_in_lead(server)
        round_path = open_round(lead)
        add_people(lead, round_path, "Ada Police,ada@police.example,surrey-police")
        send_invitations(lead, round_path)
        folder = server.data_dir / "mail"
        wait_until(lambda: list(folder.glob("*.eml")), 20, "no .eml file was written")
        message = email.message_from_bytes(next(folder.glob("*.eml")).read_bytes(), policy=email.policy.default)
        assert message["To"] == "Ada Police <ada@police.example>"
        text, html = parts(message)
        assert link_in(text) in html
        assert "eml" in server.log()
    finally:
        server.stop()


def test_mail_queued_while_the_server_is_down_all_arrives_once_it_is_up(tmp_path):
    port = free_port()
    server = SvformsServer(tmp_path / "data", env=smtp_env(port)).start()
    sink = MailSink(tmp_path / "sink", port=port)
    try:
        lead = signed_in_lead(server)
        round_path = open_round(lead)
        people = [f"Person {n},person{n}@example.org,surrey-police" for n in range(100)]
        add_people(lead, round_path, "\n".join(people))
        assert send_invitations(lead, round_path).endswith("notice=invited-100")
        wait_until(lambda: any(row[2] > 0 for row in outbox(server)), 20, "no delivery was attempted")
        assert all(row[1] == "queued" for row in outbox(server)), "nothing may be sent or failed while the server is down"

        sink.start()
        received = sink.wait_for(100, timeout=90)
        by_recipient = defaultdict(set)
        for record in received:
            for recipient in record["rcpt_tos"]:
                by_recipient[recipient].add(record["email"]["Message-ID"])
        assert set(by_recipient) == {f"person{n}@example.org" for n in range(100)}
        # A message sent twice would carry the same Message-ID: never two different ones for one person.
        assert all(len(ids) == 1 for ids in by_recipient.values())
        wait_until(lambda: all(row[1] == "sent" for row in outbox(server)), 30, "not every row was marked sent")
    finally:
        sink.stop()
        server.stop()


def test_a_refused_recipient_fails_and_the_others_are_delivered(tmp_path):
    sink = MailSink(tmp_path / "sink", reject=("nobody@example.org",)).start()
    server = SvformsServer(tmp_path / "data", env=smtp_env(sink.port)).start()
    try:
        lead = signed_in_lead(server)
        round_path = open_round(lead)
        add_people(lead, round_path, "A,a@example.org,surrey-police\nNobody,nobody@example.org,surrey-police\nB,b@example.org,surrey-police")
        send_invitations(lead, round_path)
        received = sink.wait_for(2)
        assert sorted(r for record in received for r in record["rcpt_tos"]) == ["a@example.org", "b@example.org"]

        def refused_failed():
            rows = {row[0]: row for row in outbox(server)}
            return rows["nobody@example.org"][1] == "failed"
        wait_until(refused_failed, 30, "the refused message was not marked failed")
        rows = {row[0]: row for row in outbox(server)}
        assert "550" in rows["nobody@example.org"][3]
        assert rows["a@example.org"][1] == rows["b@example.org"][1] == "sent"
    finally:
        server.stop()
        sink.stop()


def test_header_injection_is_refused_and_html_is_escaped(tmp_path):
    sink = MailSink(tmp_path / "sink").start()
    server = SvformsServer(tmp_path / "data", env=smtp_env(sink.port)).start()
    try:
        lead = signed_in_lead(server)
        round_path = open_round(lead)
        lead.request(round_path)
        status, _, body = lead.request(round_path + "/people", [
            ("name", "Victim"), ("email", "victim@example.org\r\nBcc: x@example.org"), ("organisation", "surrey-police")])
        assert status == 422
        assert "is not an email address in the correct format" in body
        status, _, body = lead.request(round_path + "/people", [
            ("name", "Eve\r\nBcc: x@example.org"), ("email", "eve@example.org"), ("organisation", "surrey-police")])
        assert status == 422
        assert "The name contains a line break or control character" in body
        # The same from a pasted list: a quoted name may hold a line break.
        status, _, body = lead.request(round_path + "/import", [
            ("csv", '"Mallory\nBcc: x@example.org",mallory@example.org,surrey-police')])
        assert status == 422
        assert "Line 1: the name contains a line break or control character" in body
        add_people(lead, round_path, '"<script>alert(1)</script> Smith",smith@example.org,surrey-police')
        _, _, page = lead.request(round_path)
        assert "victim@example.org" not in page and "eve@example.org" not in page and "mallory@example.org" not in page
        send_invitations(lead, round_path)
        received = sink.wait_for(1)
        time.sleep(1)
        assert all(r in ("smith@example.org",) for record in sink.messages() for r in record["rcpt_tos"])
        message = received[0]["email"]
        assert message.get_all("Bcc") is None
        to = message.get_all("To")
        assert len(to) == 1 and to[0].endswith("<smith@example.org>"), to
        text, html = parts(message)
        assert "<script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Smith" in html
        assert "<script>alert(1)</script> Smith" in text  # plain text is not HTML: shown as typed
        assert "x@example.org" not in message.as_string()
    finally:
        server.stop()
        sink.stop()
