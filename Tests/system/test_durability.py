"""Every acknowledged submission survives `kill -9` of the server in the middle of a burst.

Twenty rounds by default (about a minute); the longer run is documented as

    SVFORMS_KILL_ROUNDS=200 .venv/bin/python -m pytest Tests/system/test_durability.py -q -s
"""

from __future__ import annotations

import os
import sqlite3
import time

from submission_load import SubmissionLoad
from svforms_server import Respondent, SvformsServer

ROUNDS = int(os.environ.get("SVFORMS_KILL_ROUNDS", "20"))
WORKERS = 8
BURST_SECONDS = 0.75  # of submissions going on after the first acknowledgement
FIRST_ACKNOWLEDGEMENT_TIMEOUT = 30.0


def burst_then_kill(server: SvformsServer) -> tuple[list[str], int]:
    """Submits from several respondents at once, kills the server mid-burst (a little after the
    first acknowledgement, however busy the machine is). Returns the references the server
    acknowledged and how many attempts failed."""
    load = SubmissionLoad(server, workers=WORKERS).start()
    deadline = time.monotonic() + FIRST_ACKNOWLEDGEMENT_TIMEOUT
    while not load.acknowledged() and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(BURST_SECONDS)
    server.kill9()  # while requests are in flight
    load.stop()
    return load.acknowledged(), load.failures


def stored_references(database_path) -> set[str]:
    """Complete community voices in the database, after checking the file is sound."""
    connection = sqlite3.connect(database_path)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        assert integrity == "ok", f"integrity_check after kill -9: {integrity}"
        rows = connection.execute(
            "SELECT reference FROM response r WHERE form_id = 'community-voice' "
            "AND (SELECT count(*) FROM answer a WHERE a.response_id = r.id) = 6"
        ).fetchall()
        return {row[0] for row in rows}
    finally:
        connection.close()


def test_acknowledged_submissions_survive_kill_9(tmp_path):
    assert ROUNDS > 0, "SVFORMS_KILL_ROUNDS must be a positive number"
    data = tmp_path / "data"
    all_acknowledged: list[str] = []
    for round_number in range(ROUNDS):
        server = SvformsServer(data).start()
        acknowledged, _ = burst_then_kill(server)
        assert acknowledged, f"round {round_number}: no submission was acknowledged before the kill"
        all_acknowledged += acknowledged

        # The database opens cleanly after the crash, holds every acknowledged submission
        # with all its answers, and the server starts again on it.
        stored = stored_references(server.database_path)
        missing = [reference for reference in all_acknowledged if reference not in stored]
        assert not missing, f"round {round_number}: acknowledged but not stored: {missing}"

    restarted = SvformsServer(data).start()
    try:
        status, _, body = Respondent(restarted).request("/healthz")
        assert (status, body) == (200, "ok")
    finally:
        restarted.stop()
    assert len(set(all_acknowledged)) == len(all_acknowledged), "one reference was acknowledged twice"
    print(f"{ROUNDS} rounds, {len(all_acknowledged)} acknowledged, lost=0")
