"""The outbox against a real SMTP server (aiosmtpd, Tests/system/slow_smtp_sink.py) that misbehaves:
down at first and then slow to accept each message, and holding a message open while the
svforms process is killed. Every queued message ends sent and arrives, the web pages stay fast
while the worker waits on the mail server, and the database passes `PRAGMA integrity_check`.

(Mail queued while the SMTP server is down arriving once it is up, 100 invitations, is
test_mail.py::test_mail_queued_while_the_server_is_down_all_arrives_once_it_is_up; here the
same start is followed by a slow server, and each message is counted to arrive exactly once.)
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections import Counter, defaultdict

from mail_sink import MailSink, smtp_env
from rounds import add_people, open_round, send_invitations, signed_in_lead
from svforms_server import REPO_ROOT, Respondent, SvformsServer, free_port


class SlowMailSink(MailSink):
    """The SMTP sink, holding each of the first `hold_count` messages (all, when None) for
    `delay` seconds after its data arrived, before it answers 250."""

    def __init__(self, directory, delay: float, hold_count: int | None = None, port: int | None = None):
        super().__init__(directory, port=port)
        self.delay = delay
        self.hold_count = hold_count

    def start(self) -> "SlowMailSink":
        env = {**os.environ, "SINK_DATA_DELAY": str(self.delay)}
        if self.hold_count is not None:
            env["SINK_HOLD_COUNT"] = str(self.hold_count)
        self.process = subprocess.Popen(
            [sys.executable, str(REPO_ROOT / "Tests/system/slow_smtp_sink.py"), "--dir", str(self.directory),
             "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        deadline = time.monotonic() + 15
        while not (self.directory / "port").exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the slow SMTP sink did not start")
            time.sleep(0.05)
        return self

    def held(self) -> int:
        """How many messages the sink is holding open right now."""
        return len(list(self.directory.glob("held-*")))

    def released(self) -> int:
        """How many held messages it has since stored."""
        return len(list(self.directory.glob("released-*")))


def outbox(server: SvformsServer) -> list[tuple]:
    """(recipient, status, attempts, message_id) of every row."""
    connection = sqlite3.connect(server.database_path)
    try:
        return connection.execute("SELECT recipient, status, attempts, message_id FROM outbox ORDER BY id").fetchall()
    finally:
        connection.close()


def integrity(server: SvformsServer) -> str:
    connection = sqlite3.connect(server.database_path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def wait_until(predicate, timeout: float, message: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(message)


def deliveries(sink: MailSink) -> dict[str, list[str]]:
    """For each recipient, the Message-ID of every copy the sink stored."""
    by_recipient = defaultdict(list)
    for record in sink.messages():
        for recipient in record["rcpt_tos"]:
            by_recipient[recipient].append(record["email"]["Message-ID"])
    return by_recipient


def invite(server: SvformsServer, count: int) -> list[str]:
    """A lead opens a round and invites `count` people; returns their addresses."""
    lead = signed_in_lead(server)
    round_path = open_round(lead)
    addresses = [f"person{n}@example.org" for n in range(count)]
    add_people(lead, round_path, "\n".join(f"Person {n},{address},surrey-police" for n, address in enumerate(addresses)))
    assert send_invitations(lead, round_path).endswith(f"notice=invited-{count}")
    return addresses


def timed(respondent: Respondent, path: str, fields=None) -> tuple[float, int]:
    started = time.monotonic()
    status, _, _ = respondent.request(path, fields)
    return time.monotonic() - started, status


def test_a_slow_mail_server_gets_every_message_once_and_the_pages_stay_fast(tmp_path):
    port = free_port()  # nothing listens here until the sink starts
    sink = SlowMailSink(tmp_path / "sink", delay=2.5, port=port)
    server = SvformsServer(tmp_path / "data", env=smtp_env(port)).start()
    try:
        addresses = invite(server, 8)
        wait_until(lambda: all(row[2] > 0 for row in outbox(server)), 20, "no delivery was attempted while SMTP was down")
        assert all(row[1] == "queued" for row in outbox(server)), "nothing may be sent or failed while SMTP is down"

        sink.start()
        # While the worker waits on the slow server (four sends at a time), people keep answering.
        person = Respondent(server)
        timings: list[tuple[str, float, int]] = []
        samples_while_held = 0
        deadline = time.monotonic() + 60
        while len(sink.messages()) < len(addresses) and time.monotonic() < deadline:
            held_before = sink.held()
            timings.append(("GET area page", *timed(person, "/f/community-voice/area")))
            timings.append(("POST area page", *timed(person, "/f/community-voice/area", [("area", "guildford")])))
            if held_before and sink.held():
                samples_while_held += 1
            time.sleep(0.05)
        assert samples_while_held >= 5, f"only {samples_while_held} page loads overlapped a held message: the test proved nothing"
        slowest = max(timings, key=lambda timing: timing[1])
        assert all(status in (200, 303) for _, _, status in timings), [t for t in timings if t[2] not in (200, 303)]
        assert slowest[1] < 1.0, f"{slowest[0]} took {slowest[1]:.2f}s while the worker waited on SMTP"

        wait_until(lambda: all(row[1] == "sent" for row in outbox(server)), 30,
                   f"not every outbox row was marked sent: {outbox(server)}")
        time.sleep(1.5)  # a duplicate would come from a retry, a second or more later
        received = deliveries(sink)
        assert sorted(received) == sorted(addresses), f"arrived: {sorted(received)}"
        twice = {recipient: ids for recipient, ids in received.items() if len(ids) != 1}
        assert not twice, f"delivered more than once: {twice}"
        sent_ids = {row[0]: row[3] for row in outbox(server)}
        assert all(received[recipient] == [sent_ids[recipient]] for recipient in addresses)
    finally:
        server.stop()
        sink.stop()
    assert integrity(server) == "ok"
    print(f"{len(addresses)} messages, each once; {len(timings)} page loads while sending, slowest {slowest[1] * 1000:.0f} ms")


def test_a_message_the_mail_server_was_accepting_when_svforms_was_killed_is_delivered_after_restart(tmp_path):
    hold = 4.0
    sink = SlowMailSink(tmp_path / "sink", delay=hold, hold_count=1).start()
    server = SvformsServer(tmp_path / "data", env=smtp_env(sink.port)).start()
    try:
        [address] = invite(server, 1)
        wait_until(lambda: sink.held() == 1, 20, "the message never reached the mail server's DATA")
        server.kill9()  # the sink has the whole message and has not yet answered 250
        [(_, status, attempts, message_id)] = outbox(server)
        assert (status, attempts) == ("queued", 0), "a message the mail server has not accepted must stay queued"

        server.start()
        wait_until(lambda: outbox(server)[0][1] == "sent", 20, f"the message was not sent after the restart: {outbox(server)}")
        assert deliveries(sink).get(address), "the outbox says sent but nothing arrived"
        wait_until(lambda: sink.released() == 1, hold + 10, "the held message never finished")
        time.sleep(1.5)
        copies = deliveries(sink)[address]
        [(_, status, attempts, _)] = outbox(server)
        assert status == "sent" and attempts == 1, (status, attempts)
    finally:
        server.stop()
        sink.stop()
    assert 1 <= len(copies) <= 2, f"{len(copies)} copies of one message arrived"
    assert set(copies) == {message_id}, f"copies carry Message-IDs {Counter(copies)}, the outbox row {message_id}"
    assert integrity(server) == "ok"
    print(f"killed while the mail server held the message: {len(copies)} copies arrived, all Message-ID {message_id}")
