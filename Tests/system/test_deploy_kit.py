"""The files in deploy/ pass their own tools' checks: systemd's verifier (and its security score),
Caddy's validator, hadolint on the container file, and the Litestream example really replicating
a running server's database and restoring it through `svforms restore`."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from rounds import submit_role_survey
from svforms_server import BINARY, REPO_ROOT, Respondent, SvformsServer

DEPLOY = REPO_ROOT / "deploy"
VENV_BIN = Path(sys.executable).parent
UNITS = ["svforms.service", "svforms-backup.service", "svforms-backup.timer"]


def run(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, env={**os.environ, **(env or {})})


def units_using_this_build(folder: Path) -> list[Path]:
    """The units as shipped, with ExecStart pointing at the binary built here instead of /opt/svforms."""
    paths = []
    for name in UNITS:
        text = (DEPLOY / name).read_text().replace("/opt/svforms/bin/svforms", str(BINARY.resolve()))
        (folder / name).write_text(text)
        paths.append(folder / name)
    return paths


def test_the_systemd_units_verify_cleanly(tmp_path):
    result = run("systemd-analyze", "verify", *map(str, units_using_this_build(tmp_path)))
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_the_service_is_sandboxed(tmp_path):
    service = units_using_this_build(tmp_path)[0]
    result = run("systemd-analyze", "security", "--offline=yes", "--threshold=25", str(service))
    assert result.returncode == 0, result.stdout[-2000:]
    text = (DEPLOY / "svforms.service").read_text()
    for line in ["User=svforms", "ProtectSystem=strict", "ReadWritePaths=/var/lib/svforms", "NoNewPrivileges=yes",
                 "Restart=on-failure", "EnvironmentFile=/etc/svforms/svforms.env"]:
        assert line in text.splitlines()


def test_the_caddy_configuration_validates():
    result = run("caddy", "validate", "--config", str(DEPLOY / "Caddyfile"), "--adapter", "caddyfile")
    assert result.returncode == 0, result.stderr
    assert "Valid configuration" in result.stdout + result.stderr


def test_the_container_file_passes_hadolint():
    result = run(str(VENV_BIN / "hadolint"), str(DEPLOY / "Containerfile"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_litestream_example_replicates_and_restores(tmp_path):
    data = tmp_path / "data"
    server = SvformsServer(data).start()
    environment = {"SVFORMS_DATA": str(data), "SVFORMS_REPLICA_URL": f"file://{tmp_path / 'replica'}"}
    log = tmp_path / "litestream.log"
    replicate = subprocess.Popen(
        [str(VENV_BIN / "litestream"), "replicate", "-config", str(DEPLOY / "litestream.yml")],
        stdout=log.open("wb"), stderr=subprocess.STDOUT, env={**os.environ, **environment})
    try:
        reference = submit_role_survey(server, "surrey-police", "good")
        copy = tmp_path / "from-replica.sqlite"
        deadline = time.monotonic() + 45  # the example syncs every 10 s
        while True:
            copy.unlink(missing_ok=True)
            restored = run(str(VENV_BIN / "litestream"), "restore", "-config", str(DEPLOY / "litestream.yml"),
                           "-o", str(copy), str(data / "svforms.sqlite"), env=environment)
            if restored.returncode == 0 and reference in references(copy):
                break
            assert time.monotonic() < deadline, f"the submission never reached the replica: {restored.stderr}"
            time.sleep(1)
    finally:
        replicate.terminate()
        replicate.wait(timeout=10)
        server.stop()
    # The retention the README promises is the one Litestream runs (0.5 ignores misplaced keys silently):
    # snapshots (its level 9) every hour, and local change files kept a minute.
    started = log.read_text()
    assert "level=9 interval=1h0m0s" in started and "retention=1m0s" in started, started

    again = SvformsServer(tmp_path / "again")
    assert again.cli("restore", str(copy)).returncode == 0
    again.start()
    try:
        assert Respondent(again).request("/readyz")[0] == 200
    finally:
        again.stop()
    assert reference in references(again.database_path)


def references(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {row[0] for row in connection.execute("SELECT reference FROM response")}
    except sqlite3.DatabaseError:
        return set()
    finally:
        connection.close()
