"""The command-line contract: `svforms check` and `svforms serve` as operators run them."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.request

from svforms_server import BINARY, REPO_ROOT, free_port


def run(*args: str, env: dict | None = None, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BINARY), *args], capture_output=True, text=True, timeout=timeout, cwd=REPO_ROOT,
        env={**os.environ, **(env or {})},
    )


def broken_forms(tmp_path):
    forms = tmp_path / "forms"
    forms.mkdir()
    shutil.copy(REPO_ROOT / "forms/partnership.yaml", forms / "partnership.yaml")
    (forms / "broken.yaml").write_text(
        "id: broken\n"
        "version: 1\n"
        "title: Broken\n"
        "audience: public\n"
        "pages:\n"
        "  - id: p\n"
        "    questions:\n"
        "      - { id: q, type: stars, label: Q }\n"
        "      - { id: r, type: short_text, lable: R }\n"
    )
    return forms


def test_check_passes_the_shipped_forms():
    for folder in ["forms", "forms/examples/hampshire-iow"]:
        result = run("check", "--forms", folder)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "are valid" in result.stdout


def test_check_lists_every_problem_as_file_line_message(tmp_path):
    forms = broken_forms(tmp_path)
    result = run("check", "--forms", str(forms))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert f"{forms}/broken.yaml:8: unknown question type \"stars\"; use one of: short_text, long_text, " \
        "single_choice, multiple_choice, rating, number, date, email, organisation, area, consent" in lines
    assert f"{forms}/broken.yaml:9: unknown key \"lable\" in question \"r\" (did you mean \"label\"?)" in lines
    assert "2 problems found" in result.stderr


def test_check_reads_the_folder_from_the_environment(tmp_path):
    result = run("check", env={"SVFORMS_FORMS": str(broken_forms(tmp_path))})
    assert result.returncode == 1


def test_serve_refuses_to_start_with_a_broken_questionnaire(tmp_path):
    forms = broken_forms(tmp_path)
    result = run("serve", "--port", str(free_port()), "--data", str(tmp_path / "data"), "--forms", str(forms))
    assert result.returncode == 1
    assert "svforms cannot start" in result.stderr
    assert f"{forms}/broken.yaml:8: unknown question type" in result.stderr
    # It stopped before touching any data: no database was created to be left half-made.
    assert not (tmp_path / "data" / "svforms.sqlite").exists()


def test_serve_takes_its_settings_from_svforms_environment_variables(tmp_path):
    port = free_port()
    env = {**os.environ, "SVFORMS_PORT": str(port), "SVFORMS_HOST": "127.0.0.1", "SVFORMS_DATA": str(tmp_path / "envdata"),
           "SVFORMS_FORMS": str(REPO_ROOT / "forms/examples/hampshire-iow"), "SVFORMS_TEMPLATES": str(REPO_ROOT / "templates")}
    process = subprocess.Popen([str(BINARY), "serve"], env=env, cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        body = ""
        for _ in range(200):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1) as response:
                    body = response.read().decode()
                    break
            except OSError:
                time.sleep(0.05)
        assert "Hampshire" in body
        assert (tmp_path / "envdata" / "svforms.sqlite").exists()
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_command_line_and_a_running_server_share_the_database_safely(tmp_path):
    """Regression: the health check once opened the database file itself, which dropped SQLite's
    locks in the server process; a `svforms user add` at the same time then corrupted the database."""
    import sqlite3

    from svforms_server import Respondent, SvformsServer, submit_community_voice

    server = SvformsServer(tmp_path / "data").start()
    try:
        visitor = Respondent(server)
        references = []
        for index in range(5):
            assert visitor.request("/healthz")[0] == 200
            added = server.cli("user", "add", f"lead{index}@example.org", "--role", "lead", input=b"a long enough password\n")
            assert added.returncode == 0, added.stderr
            references.append(submit_community_voice(Respondent(server)))
        listed = server.cli("user", "list").stdout.decode()
        assert all(f"lead{index}@example.org" in listed for index in range(5))
    finally:
        server.stop()
    connection = sqlite3.connect(server.database_path)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row[0] for row in connection.execute("SELECT reference FROM response")}
    assert set(references) <= stored
