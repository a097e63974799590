"""Runs the real `svforms serve` binary on 127.0.0.1 for system tests, and talks to it
over HTTP as a browser would (cookies, anti-forgery token, redirects not followed)."""

from __future__ import annotations

import http.cookiejar
import itertools
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("SVFORMS_BINARY", REPO_ROOT / ".build/debug/svforms"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SvformsServer:
    """One `svforms serve` process with its own data directory."""

    # Servers started and not stopped on purpose (stop, kill9): conftest fails any test after which
    # one of them is no longer running, so a request that stops the process never goes unnoticed.
    live: "set[SvformsServer]" = set()

    def __init__(self, data_dir: Path, forms_dir: Path | None = None, exit_url: str | None = None,
                 env: dict[str, str] | None = None):
        self.data_dir = Path(data_dir)
        self.forms_dir = forms_dir or REPO_ROOT / "forms"
        self.exit_url = exit_url
        self.env = env or {}
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.log_path = self.data_dir.parent / f"{self.data_dir.name}-server.log"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 20.0) -> "SvformsServer":
        if not BINARY.exists():
            raise RuntimeError(f"{BINARY} not built: run `swift build --product svforms` first")
        args = [
            str(BINARY), "serve", "--host", "127.0.0.1", "--port", str(self.port),
            "--data", str(self.data_dir), "--forms", str(self.forms_dir),
            "--templates", str(REPO_ROOT / "templates"),
        ]
        if self.exit_url:
            args += ["--exit-url", self.exit_url]
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            args, stdout=log, stderr=subprocess.STDOUT, cwd=REPO_ROOT,
            # Each Respondent sends its own client address through the "proxy" on 127.0.0.1, as people
            # behind a reverse proxy would: the per-address limit on submissions applies to each alone.
            env={**os.environ, "SVFORMS_BASE_URL": self.base_url, "SVFORMS_TRUSTED_PROXIES": "127.0.0.1", **self.env})
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"svforms exited with {self.process.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.base_url + "/healthz", timeout=1) as response:
                    if response.status == 200:
                        SvformsServer.live.add(self)
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.05)
        raise RuntimeError(f"svforms did not answer /healthz within {timeout}s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def send_signal(self, sig: int) -> None:
        """Signals the process on purpose (SIGTERM to test a graceful stop): its end is then expected."""
        assert self.process is not None
        SvformsServer.live.discard(self)
        self.process.send_signal(sig)

    def kill9(self) -> None:
        assert self.process is not None
        SvformsServer.live.discard(self)
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        SvformsServer.live.discard(self)
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill9()

    def setup_link(self) -> str:
        """The one-time link the server printed because no admin exists yet."""
        match = re.search(r"setup_link=(\S+)", self.log())
        if not match:
            raise AssertionError("the server printed no setup link")
        return match.group(1)

    def cli(self, *args: str, input: bytes | None = None) -> subprocess.CompletedProcess:
        """Runs `svforms` against this server's data directory (and the shipped forms)."""
        return subprocess.run(
            [str(BINARY), *args, "--data", str(self.data_dir)], capture_output=True, cwd=REPO_ROOT, timeout=60, input=input)

    @property
    def database_path(self) -> Path:
        return self.data_dir / "svforms.sqlite"


def local_request(server: SvformsServer, path: str) -> tuple[int, str]:
    """GETs `path` as monitoring on the server's own machine would: from loopback, not through a proxy."""
    try:
        response = urllib.request.urlopen(server.base_url + path, timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        return response.status, response.read().decode("utf-8", errors="replace")


def assert_server_unharmed(server: SvformsServer, log_offset: int) -> None:
    """After an attack: /healthz answers, a form page is served, the log since `log_offset` shows no
    internal error or 5xx, and the database passes `PRAGMA integrity_check`."""
    import sqlite3
    assert local_request(server, "/healthz") == (200, "ok"), "/healthz after the attack"
    status, _, body = Respondent(server).request("/f/community-voice/area")
    assert status == 200 and 'name="_csrf"' in body, f"the form page after the attack answered {status}"
    failures = [line for line in server.log()[log_offset:].splitlines()
                if "internal error" in line or re.search(r"\bstatus=5\d\d\b", line)]
    assert not failures, "the server failed inside during the attack:\n" + "\n".join(failures[:20])
    connection = sqlite3.connect(f"file:{server.database_path}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_addresses = itertools.count(1)


class Respondent:
    """A person answering a form: their own cookies, client address, the page's anti-forgery token
    and (on community voices) the signed time the page was shown."""

    def __init__(self, server: SvformsServer, timeout: float = 10.0):
        self.server = server
        self.timeout = timeout
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect())
        self.csrf: str | None = None
        self.shown: str | None = None
        number = next(_addresses)
        self.address = f"198.51.{number // 250 % 250}.{number % 250 + 1}"

    def request(self, path: str, fields: list[tuple[str, str]] | None = None, *, method: str | None = None,
                headers: dict[str, str] | None = None, token: str | None = "own") -> tuple[int, dict, str]:
        """GET, or POST when there are fields (another method when given). The post carries the
        page's anti-forgery token ("own"), none (None) or the token given."""
        data = None
        if fields is not None or method not in (None, "GET", "HEAD"):
            own = self.csrf or ""
            extra = ([("_csrf", own if token == "own" else token)] if token is not None else []) + \
                ([("_shown", self.shown)] if self.shown else [])
            data = urllib.parse.urlencode((fields or []) + extra).encode()
        req = urllib.request.Request(self.server.base_url + path, data=data, method=method,
                                     headers={"X-Forwarded-For": self.address, **(headers or {})})
        try:
            response = self.opener.open(req, timeout=self.timeout)
        except urllib.error.HTTPError as error:  # 3xx (not followed) and 4xx/5xx
            response = error
        with response:
            body = response.read().decode("utf-8", errors="replace")
            headers = {k.lower(): v for k, v in response.headers.items()}
            match = re.search(r'name="_csrf" value="([^"]+)"', body)
            if match:
                self.csrf = match.group(1)
            stamp = re.search(r'name="_shown" value="([^"]+)"', body)
            if stamp:
                self.shown = stamp.group(1)
            return response.status, headers, body

    def answer(self, form: str, page: str, fields: list[tuple[str, str]]) -> str:
        """GETs the open-link page (for its token) and POSTs the answers; returns where it redirects."""
        return self.answer_at(f"/f/{form}/{page}", fields)

    def answer_at(self, path: str, fields: list[tuple[str, str]]) -> str:
        """GETs the page at `path` (for its token) and POSTs the answers; returns where it redirects."""
        self.request(path)
        status, headers, body = self.request(path, fields)
        if status != 303:
            raise AssertionError(f"{path}: expected 303, got {status}")
        return headers["location"]

    def sign_in(self, email: str, password: str) -> None:
        """Signs in through the login page, as a lead or admin would."""
        self.request("/admin/login")
        status, headers, _ = self.request("/admin/login", [("email", email), ("password", password)])
        if status != 303:
            raise AssertionError(f"sign-in answered {status}")

    def download(self, path: str) -> tuple[int, dict, bytes]:
        """GETs a file, returning its raw bytes."""
        try:
            response = self.opener.open(urllib.request.Request(self.server.base_url + path), timeout=self.timeout)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()

    def receipt(self) -> str | None:
        """The reference the server acknowledged in its receipt cookie, if any."""
        for cookie in self.cookies:
            if cookie.name.endswith("svf_receipt"):
                return cookie.value.split(":")[1]
        return None


# A complete, valid community voice: the answers for each page in order.
COMMUNITY_VOICE = [
    ("area", [("area", "guildford")]),
    ("place", [("place", "town-centre")]),
    ("worries", [("worries", "knife-crime"), ("worries", "drugs")]),
    ("safe-after-dark", [("safe-after-dark", "fairly-unsafe")]),
    ("voice", [("voice", "Groups gather by the station after dark and I avoid it.")]),
    ("age-band", []),
    ("contact-consent", []),
]


def submit_community_voice(respondent: Respondent) -> str:
    """Walks the whole community voice form and submits it; returns the acknowledged reference."""
    for page, fields in COMMUNITY_VOICE:
        respondent.answer("community-voice", page, fields)
    respondent.request("/f/community-voice/check")
    status, headers, _ = respondent.request("/f/community-voice/submit", [])
    if status != 303 or headers.get("location") != "/f/community-voice/confirmation":
        raise AssertionError(f"submit answered {status} {headers.get('location')}")
    reference = respondent.receipt()
    if not reference:
        raise AssertionError("no receipt after submit")
    return reference


ROLE_ASPECT_PAGES = {
    "duty-and-partnership": ["duty", "governance", "strategy-priorities"],
    "data-and-evidence": ["data-sharing", "needs-assessment", "interventions"],
    "ways-of-working": ["public-health-approach", "trauma-informed-practice", "community-engagement"],
}


def answer_role_survey(respondent: Respondent, base: str, organisation: str, rating: str, job_role: str = "") -> int:
    """Answers every page of the role survey under `base` (`/f/role-understanding` when its public link is
    on, or a personal link `/i/{token}`) giving every aspect the same rating, and submits; returns the
    submit's status."""
    respondent.answer_at(f"{base}/organisation", [("organisation", organisation)])
    respondent.answer_at(f"{base}/job-role", [("job-role", job_role)])
    for page, aspects in ROLE_ASPECT_PAGES.items():
        respondent.answer_at(f"{base}/{page}", [(aspect, rating) for aspect in aspects])
    respondent.answer_at(f"{base}/comments", [])
    respondent.request(f"{base}/check")
    return respondent.request(f"{base}/submit", [])[0]


def submit_role_survey_by_public_link(respondent: Respondent, organisation: str, rating: str, job_role: str = "") -> str:
    """Answers the role survey through its public link (a forms folder with `public_link: true`, see
    `forms_with_public_role_survey`); returns the acknowledged reference. The response waits for a lead."""
    status = answer_role_survey(respondent, "/f/role-understanding", organisation, rating, job_role)
    if status != 303:
        raise AssertionError(f"submit answered {status}")
    return respondent.receipt()


def forms_with_public_role_survey(folder: Path) -> Path:
    """A copy of the shipped forms in which the role survey's public link is on."""
    import shutil
    shutil.copytree(REPO_ROOT / "forms", folder, ignore=shutil.ignore_patterns("examples"))
    survey = folder / "role-understanding.yaml"
    text = survey.read_text()
    assert "public_link: false" in text
    survey.write_text(text.replace("public_link: false", "public_link: true"))
    return folder
