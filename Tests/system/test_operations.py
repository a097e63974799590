"""Operating the real binary: `svforms backup` under load restored onto a new server, `svforms
restore` refusing a live data directory, SIGTERM in the middle of a burst, and the log it writes."""

from __future__ import annotations

import json
import signal
import sqlite3
import time

from submission_load import SubmissionLoad
from rounds import submit_role_survey
from svforms_server import Respondent, SvformsServer

PASSWORD = "correct horse battery staple"


def submit_rated_good(respondent: Respondent) -> str:
    return submit_role_survey(respondent.server, "surrey-police", "good", "Analyst")


def stored_references(database_path) -> set[str]:
    connection = sqlite3.connect(database_path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {row[0] for row in connection.execute("SELECT reference FROM response")}
    finally:
        connection.close()


def test_a_backup_taken_under_load_restores_every_earlier_submission(tmp_path):
    server = SvformsServer(tmp_path / "live").start()
    added = server.cli("user", "add", "lead@example.org", "--role", "lead", input=(PASSWORD + "\n").encode())
    assert added.returncode == 0, added.stderr
    submit_rated_good(Respondent(server))  # signs a lead in and opens the round the load's invitations go to
    load = SubmissionLoad(server, workers=6, submit=submit_rated_good).start()
    try:
        time.sleep(2.5)
        backup_started = time.monotonic()
        backed_up = server.cli("backup", str(tmp_path / "copy.sqlite"))
        backup_ended = time.monotonic()
        time.sleep(0.5)
    finally:
        load.stop()
        server.stop()
    assert backed_up.returncode == 0, backed_up.stderr.decode()
    assert "integrity ok" in backed_up.stdout.decode()
    for database in (tmp_path / "copy.sqlite", server.database_path):
        with sqlite3.connect(database) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok", database
    before = load.acknowledged(before=backup_started)
    during = len(load.acknowledged(before=backup_ended)) - len(before)
    assert len(before) >= 5, "too few submissions before the backup to prove anything"
    assert len(load.acknowledged()) > len(before), "the load did not go on while the backup ran"

    restored = SvformsServer(tmp_path / "restored")
    result = restored.cli("restore", str(tmp_path / "copy.sqlite"))
    assert result.returncode == 0, result.stderr.decode()
    restored.start()
    try:
        lead = Respondent(restored)
        lead.sign_in("lead@example.org", PASSWORD)  # the account came back with the copy
        status, _, csv = lead.download("/admin/forms/role-understanding/responses.csv")
        assert status == 200
        listed = {line.split(",")[0] for line in csv.decode("utf-8-sig").splitlines()[1:]}
        missing = [reference for reference in before if reference not in listed]
        assert not missing, f"acknowledged before the backup began but not in the restored copy: {missing}"
        status, _, body = Respondent(restored).request("/readyz")
        assert status == 200, body
    finally:
        restored.stop()
    print(f"{len(before)} submissions before the backup, {during} acknowledged while it ran; all {len(before)} restored")


def test_restore_refuses_the_data_directory_of_a_running_server(tmp_path):
    server = SvformsServer(tmp_path / "live").start()
    try:
        submit_rated_good(Respondent(server))
        assert server.cli("backup", str(tmp_path / "copy.sqlite")).returncode == 0
        submit_rated_good(Respondent(server))
        refused = server.cli("restore", str(tmp_path / "copy.sqlite"))
        assert refused.returncode == 1
        assert "Stop the server first" in refused.stderr.decode()
        second = SvformsServer(server.data_dir)
        second_run = second.cli("serve", "--port", str(second.port))
        assert second_run.returncode == 1
        assert "another svforms process" in second_run.stderr.decode()
        status, _, _ = Respondent(server).request("/healthz")
        assert status == 200
    finally:
        server.stop()
    assert len(stored_references(server.database_path)) == 2  # nothing was replaced


def test_sigterm_during_a_burst_stores_everything_it_acknowledged_and_exits_0(tmp_path):
    for round_number in range(3):
        server = SvformsServer(tmp_path / "data").start()
        load = SubmissionLoad(server, workers=8).start()
        time.sleep(1.0)
        server.send_signal(signal.SIGTERM)
        exit_code = server.process.wait(timeout=30)
        load.stop()
        acknowledged = load.acknowledged()
        assert acknowledged, f"round {round_number}: nothing was acknowledged"
        assert exit_code == 0, server.log()
        missing = set(acknowledged) - stored_references(server.database_path)
        assert not missing, f"round {round_number}: acknowledged but not stored: {missing}"
        assert "database closed" in server.log()


def test_the_json_log_has_one_line_per_request_and_nothing_personal(tmp_path):
    server = SvformsServer(tmp_path / "data", env={"SVFORMS_LOG_FORMAT": "json"}).start()
    try:
        respondent = Respondent(server)
        submit_role_survey(server, "surrey-police", "good", "Marker-role-5521")
        respondent.request("/admin/login")
        respondent.request("/admin/login", [("email", "marker.person@example.org"), ("password", "Marker-pass")])
        status, headers, _ = respondent.request("/no-such-page?name=Marker-query")
        assert status == 404
    finally:
        server.stop()
    log = server.log()
    lines = [json.loads(line) for line in log.splitlines() if line.strip()]  # every line is one JSON object
    requests = [line for line in lines if line["message"] == "request"]
    assert len(requests) >= 15
    assert all({"time", "level", "request_id", "method", "route", "status", "duration_ms"} <= set(line) for line in requests)
    assert any(line["request_id"] == headers["x-request-id"] and line["status"] == "404" for line in requests)
    for marker in ["Marker-role", "marker.person", "Marker-pass", "Marker-query"]:
        assert marker not in log
