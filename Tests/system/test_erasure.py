"""Deleted means gone: after a lead redacts words, deletes a voice, or once sent mail's content is dropped,
no copy of the words is left in the database file or in its write-ahead log, while the server runs.

An outside test found 6, 5 and 19 copies of redacted and deleted words in `svforms.sqlite-wal`, and every
sent invitation link, although the rows themselves were clean: `secure_delete` never reaches old log
frames. Each test here greps the raw bytes of both files of the real server's database.
"""

from __future__ import annotations

import re
import time

from mail_sink import MailSink, smtp_env
from rounds import add_people, link_in, open_round, send_invitations, signed_in_lead
from svforms_server import COMMUNITY_VOICE, Respondent, SvformsServer

WORDS = "Quokka-Zanzibar-7193"
EMAIL = "quokka.7193@example.org"


def copies(server: SvformsServer, text: str) -> tuple[int, int]:
    """Copies of `text` in the database file and in its write-ahead log, as raw bytes."""
    needle = text.encode()

    def count(path) -> int:
        return path.read_bytes().count(needle) if path.exists() else 0

    return count(server.database_path), count(server.database_path.with_name("svforms.sqlite-wal"))


def until_gone(server: SvformsServer, texts: list[str], timeout: float = 10) -> dict[str, tuple[int, int]]:
    deadline = time.monotonic() + timeout
    while True:
        left = {text: copies(server, text) for text in texts}
        if all(found == (0, 0) for found in left.values()) or time.monotonic() > deadline:
            return left
        time.sleep(0.1)


def voice_with_words(server: SvformsServer) -> str:
    """A voice whose words and email hold the markers, sent in a blink (so it is quarantined, and may be deleted)."""
    person = Respondent(server)
    pages = dict(COMMUNITY_VOICE)
    pages["voice"] = [("voice", f"{WORDS} saw it happen by the station.")]
    pages["contact-consent"] = [("contact-consent", "yes")]
    order = [page for page, _ in COMMUNITY_VOICE] + ["contact-email"]
    pages["contact-email"] = [("contact-email", EMAIL)]
    for page in order:
        person.answer("community-voice", page, pages[page])
    person.request("/f/community-voice/check")
    status, _, _ = person.request("/f/community-voice/submit", [])
    assert status == 303
    return person.receipt()


def lead_action(lead: Respondent, reference: str, action: str, fields: list[tuple[str, str]]) -> None:
    page = f"/admin/voices/community-voice/{reference}"
    lead.request(page)
    status, _, body = lead.request(f"{page}/{action}", fields)
    assert status == 303, re.sub(r"<[^>]+>", " ", body)[:1000]


def test_redacted_and_deleted_words_leave_no_copy_in_the_file_or_the_log(tmp_path):
    server = SvformsServer(tmp_path / "data").start()
    try:
        lead = signed_in_lead(server)
        kept = voice_with_words(server)
        assert copies(server, WORDS)[1] > 0, "the log holds the words before the redaction (the search works)"
        lead_action(lead, kept, "redact", [("question", "voice"), ("passage", WORDS), ("confirm", "yes")])
        lead_action(lead, kept, "redact", [("question", "contact-email"), ("passage", EMAIL), ("confirm", "yes")])
        assert until_gone(server, [WORDS, EMAIL]) == {WORDS: (0, 0), EMAIL: (0, 0)}

        quarantined = voice_with_words(server)
        assert copies(server, WORDS)[1] > 0
        lead_action(lead, quarantined, "delete", [("confirm", "yes")])
        assert until_gone(server, [WORDS, EMAIL]) == {WORDS: (0, 0), EMAIL: (0, 0)}
    finally:
        server.stop()


def test_a_sent_invitations_link_leaves_no_copy_once_it_is_delivered(tmp_path):
    sink = MailSink(tmp_path / "sink").start()
    server = SvformsServer(tmp_path / "data", env=smtp_env(sink.port)).start()
    try:
        lead = signed_in_lead(server)
        round_path = open_round(lead)
        add_people(lead, round_path, "Ada Police,ada@police.example,surrey-police\nBen Fire,ben@fire.example,surrey-fire-and-rescue")
        send_invitations(lead, round_path)
        links = [link_in(record["email"].get_body(preferencelist=("plain",)).get_content()) for record in sink.wait_for(2)]
        tokens = [link.rsplit("/", 1)[1] for link in links]
        assert until_gone(server, tokens) == {token: (0, 0) for token in tokens}
        # The links still work: only their copies in the database went.
        assert Respondent(server).request(links[0])[0] == 200
    finally:
        server.stop()
        sink.stop()


def test_a_reader_holding_the_log_delays_the_erasure_without_failing_the_deletion(tmp_path):
    import sqlite3
    server = SvformsServer(tmp_path / "data").start()
    try:
        lead = signed_in_lead(server)
        reference = voice_with_words(server)
        reader = sqlite3.connect(server.database_path, isolation_level=None)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM response").fetchone()  # holds a snapshot, as a long download would
        lead_action(lead, reference, "delete", [("confirm", "yes")])
        assert copies(server, WORDS)[1] > 0, "held in the log while the reader reads"
        reader.execute("COMMIT")
        reader.close()
        assert until_gone(server, [WORDS, EMAIL]) == {WORDS: (0, 0), EMAIL: (0, 0)}
    finally:
        server.stop()
