"""The optional peer of the benchmark (issue 7): django-survey-and-report 1.5.0 (Django 5.2.19, gunicorn
27.0.1, SQLite in WAL with synchronous=FULL, as svforms keeps it) under the same page and submission
load, so bench.py can print svforms' figures as ratios to it.

    with Peer(work) as peer:
        page = peer.measure_page(10, 64)          # wrk GET of the survey page: bench/wrk/report.lua's figures
        posts = peer.measure_submissions(10, 64)  # ... plus acknowledged_per_s and stored
        seconds = peer.measure_export(100_000)    # slow: 400-550 s for 100,000 responses

The virtual environment is cached in VENV (rebuilt when bench/peer/requirements.txt or the Python
changes); the Django project, its database and gunicorn's log live in `work`. Everything listens on
127.0.0.1 and gunicorn is killed at exit, even when a measurement fails. Standard library only.
"""

from __future__ import annotations

import atexit
import fcntl
import json
import os
import random
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from datetime import datetime, timedelta
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PEER_DIR = ROOT / "bench/peer"
WRK_DIR = ROOT / "bench/wrk"  # report.lua (the shared result line) and get.lua (the page load)
VENV = Path(os.environ.get("SVFORMS_PEER_VENV", "/tmp/svforms-bench-peer-venv"))
CHOICES = ["no-understanding", "limited-understanding", "some-understanding", "good-understanding",
           "full-understanding"]  # the survey app's values (slugs) of create_survey.py's options
TEXTS = ["More worked examples please", "Shorter sessions", "Nothing to add", "A glossary would help", ""]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_venv() -> Path:
    """The pinned virtual environment, made once and reused while its requirements are unchanged
    (a lock keeps two benchmarks from building it at once). Returns its python."""
    wanted = f"{sys.executable} {sys.version}\n" + (PEER_DIR / "requirements.txt").read_text()
    stamp = VENV / ".svforms-requirements"
    with open(f"{VENV}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (stamp.exists() and stamp.read_text() == wanted):
            shutil.rmtree(VENV, ignore_errors=True)
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
            subprocess.run([str(VENV / "bin/pip"), "install", "--quiet", "--disable-pip-version-check",
                            "-r", str(PEER_DIR / "requirements.txt")], check=True)
            stamp.write_text(wanted)  # last: an interrupted install is redone next time
    return VENV / "bin/python"


class Peer:
    """django-survey-and-report with one 14-question survey, under gunicorn -w 2 on 127.0.0.1."""

    def __init__(self, work: Path):
        started = time.monotonic()
        self.python = ensure_venv()
        self.venv_seconds = time.monotonic() - started
        self.project = Path(work) / "peer"
        self.project.mkdir(parents=True)
        self.env = {**os.environ, "SQLITE_SYNC": "FULL", "PYTHONDONTWRITEBYTECODE": "1"}
        self._django("-m", "django", "startproject", "peersite", ".")
        settings = self.project / "peersite/settings.py"
        settings.write_text(settings.read_text() + "\n" + (PEER_DIR / "settings_overrides.py").read_text())
        shutil.copy(PEER_DIR / "urls.py", self.project / "peersite/urls.py")
        for folder in ("csv", "tex"):
            (self.project / folder).mkdir()
        self._django("manage.py", "migrate", "--verbosity", "0")
        self.password = "peer-" + secrets.token_hex(12)
        created = json.loads(self._django("manage.py", "shell", stdin=(PEER_DIR / "create_survey.py").read_text(),
                                          env={"BENCH_PEER_PASSWORD": self.password}).splitlines()[-1])
        # synchronous 2 is FULL: equal durability with svforms, or the comparison means nothing.
        if created["pragmas"] != {"journal_mode": "wal", "synchronous": 2}:
            raise RuntimeError(f"peer database settings are not WAL + FULL: {created['pragmas']}")
        self.survey = created["survey"]
        self.radios = [f"question_{q}" for q in created["radios"]]
        self.texts = [f"question_{q}" for q in created["texts"]]
        self.database = self.project / "db.sqlite3"

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(Path(work) / "peer-gunicorn.log", "ab")
        # Its own session, so stop() can end the master and its workers together.
        self.process = subprocess.Popen(
            [str(VENV / "bin/gunicorn"), "peersite.wsgi:application", "-w", "2", "-b", f"127.0.0.1:{self.port}",
             # The export of 100,000 responses takes minutes in one request: gunicorn's default
             # 30 s timeout would kill the worker.
             "--timeout", "3600", "--graceful-timeout", "5"],
            cwd=self.project, env=self.env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        atexit.register(self._kill)
        self._wait_until_up()
        self.setup_seconds = time.monotonic() - started

    def _django(self, *args: str, stdin: str | None = None, env: dict | None = None) -> str:
        return subprocess.run([str(self.python), *args], cwd=self.project, input=stdin, text=True, check=True,
                              capture_output=True, env={**self.env, **(env or {})}).stdout

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}; see {self.log.name}")
            try:
                with urllib.request.urlopen(self.page_url(), timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the peer did not start")

    def page_url(self) -> str:
        return f"{self.url}/survey/{self.survey}/"

    # -- measurements --------------------------------------------------------------------------------

    def _wrk(self, script: Path, seconds: int, connections: int, env: dict | None = None) -> dict:
        """As bench.py's wrk(): two threads, 10 s timeout, one JSON line from report.lua."""
        threads = 2
        output = subprocess.run(
            ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(script),
             self.page_url()],
            capture_output=True, text=True, check=True,
            env={**os.environ, "BENCH_WRK_DIR": str(WRK_DIR), "BENCH_THREADS": str(threads), **(env or {})}).stdout
        return json.loads(next(line for line in output.splitlines() if line.startswith("{")))

    def _responses(self) -> int:
        connection = sqlite3.connect(self.database, timeout=30)
        try:
            return connection.execute("SELECT count(*) FROM survey_response").fetchone()[0]
        finally:
            connection.close()

    def _settle(self) -> int:
        """Waits for requests still queued in gunicorn's backlog when wrk stopped (sync workers take
        them one by one), so they neither count towards nor slow the next run. Returns stored responses."""
        count, deadline = self._responses(), time.monotonic() + 60
        while time.monotonic() < deadline:
            time.sleep(1)
            count, before = self._responses(), count
            if count == before:
                break
        return count

    def measure_page(self, seconds: int, connections: int) -> dict:
        """wrk GET of the survey page (all 14 questions): report.lua's dict (rps, p50_ms, p99_ms, errors, ...)."""
        self._settle()
        return self._wrk(WRK_DIR / "get.lua", seconds, connections)

    def measure_submissions(self, seconds: int, connections: int) -> dict:
        """wrk POSTs of complete, valid submissions with CSRF protection on. report.lua's dict plus
        acknowledged_per_s (302s to the confirmation page) and stored (responses actually added)."""
        token, cookie = self._csrf_pair(self.page_url())
        before = self._settle()
        result = self._wrk(PEER_DIR / "submit.lua", seconds, connections, env={
            "BENCH_PEER_CSRF_TOKEN": token, "BENCH_PEER_CSRF_COOKIE": cookie, "BENCH_PEER_CHOICES": ",".join(CHOICES),
            "BENCH_PEER_RADIOS": ",".join(self.radios), "BENCH_PEER_TEXTS": ",".join(self.texts)})
        if result["requests"] and not result["acknowledged"]:
            raise RuntimeError(f"the peer acknowledged no submission: {result}; see {self.log.name}")
        result["acknowledged_per_s"] = result["acknowledged"] / result["seconds"]
        result["stored"] = self._settle() - before
        return result

    def measure_export(self, responses: int) -> float:
        """Tops the survey up to `responses` stored responses (14 answers each, written straight into
        SQLite in the app's shape) and times the app's CSV export, GET /survey/csv/<id>/ by a signed-in
        admin with no cached file (the app regenerates it whenever an answer is newer). Seconds."""
        self._settle()
        self._seed(responses)
        for old in (self.project / "csv").glob("*.csv"):
            old.unlink()
        opener = self._signed_in()
        started = time.perf_counter()
        with opener.open(f"{self.url}/survey/csv/{self.survey}/", timeout=3600) as r:
            body = r.read()
            seconds = time.perf_counter() - started
            assert r.status == 200 and r.headers.get_content_type() == "text/csv", (r.status, r.headers)
        lines = body.count(b"\n")
        if lines < responses:  # a header line and one a response
            raise RuntimeError(f"the peer's export has {lines} lines for {responses} responses")
        self.export_bytes = len(body)
        return seconds

    # -- helpers -------------------------------------------------------------------------------------

    def _csrf_pair(self, url: str, opener=None) -> tuple[str, str]:
        """The masked form token of the page at `url` and the csrftoken cookie it set."""
        if opener is None:
            opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        page = opener.open(url, timeout=30).read().decode()
        token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        cookie = next(c.value for c in self._jar(opener) if c.name == "csrftoken")
        return token, cookie

    @staticmethod
    def _jar(opener) -> CookieJar:
        return next(h.cookiejar for h in opener.handlers if isinstance(h, urllib.request.HTTPCookieProcessor))

    def _signed_in(self):
        """An opener holding an admin session, signed in through Django's admin login page. (The survey
        does not require sign-in, so the app would serve its export without one; svforms' export is
        signed in, so the peer's is too.)"""
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        token, _ = self._csrf_pair(f"{self.url}/admin/login/", opener)
        body = urllib.parse.urlencode({"username": "bench", "password": self.password,
                                       "csrfmiddlewaretoken": token, "next": "/admin/"}).encode()
        opener.open(f"{self.url}/admin/login/", data=body, timeout=30).read()
        if not any(c.name == "sessionid" for c in self._jar(opener)):
            raise RuntimeError("could not sign in to the peer's admin")
        return opener

    def _seed(self, target: int) -> None:
        """Responses up to `target`: one survey_response and 14 survey_answer rows each, as the app
        writes them, over one year; written with synchronous=OFF as set-up, not measured."""
        connection = sqlite3.connect(self.database, timeout=30)
        have = connection.execute("SELECT count(*) FROM survey_response WHERE survey_id = ?", (self.survey,)).fetchone()[0]
        questions = [int(field.split("_")[1]) for field in self.radios + self.texts]
        rng, base = random.Random(42), datetime(2025, 1, 1)
        step = 365 * 86400 / max(target - have, 1)
        with connection:
            connection.execute("PRAGMA synchronous = OFF")
            first = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM survey_response").fetchone()[0]
            responses, answers = [], []
            for i in range(target - have):
                stamp = (base + timedelta(seconds=i * step)).strftime("%Y-%m-%d %H:%M:%S.%f")
                responses.append((first + i, stamp, stamp, self.survey, None, uuid.UUID(int=rng.getrandbits(128)).hex))
                answers += [(q, first + i, stamp, stamp, rng.choice(CHOICES)) for q in questions[:12]]
                answers += [(q, first + i, stamp, stamp, f"{rng.choice(TEXTS)} #{i}") for q in questions[12:]]
            connection.executemany("INSERT INTO survey_response (id, created, updated, survey_id, user_id,"
                                   " interview_uuid) VALUES (?, ?, ?, ?, ?, ?)", responses)
            connection.executemany("INSERT INTO survey_answer (question_id, response_id, created, updated, body)"
                                   " VALUES (?, ?, ?, ?, ?)", answers)
        connection.close()

    def _kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)  # the group of the session gunicorn leads
            self.process.wait()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # gunicorn stops its workers (5 s grace) and exits
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # any worker left behind
        except ProcessLookupError:
            pass
        self.process.wait()
        self.log.close()

    def __enter__(self) -> Peer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
