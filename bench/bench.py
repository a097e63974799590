#!/usr/bin/env python3
"""svforms benchmark (run through bench/run, which builds the release binary first).

Each figure is measured --runs times; the table shows the median and min–max, and ratios to the
machine's own limits measured in the same run. Results go to bench/results/<UTC time>.json.
Standard library only: it runs on Debian's python3 without the test virtual environment.
"""

from __future__ import annotations

import argparse
import atexit
import base64
import datetime
import hashlib
import hmac
import json
import os
import platform
import secrets
import shutil
import socket
import sqlite3
import statistics
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BINARY = Path(os.environ.get("SVFORMS_BINARY", ROOT / ".build/release/svforms"))  # another build, for trying the script
WRK_DIR = ROOT / "bench/wrk"
RATINGS = ["duty", "governance", "strategy-priorities", "data-sharing", "needs-assessment", "interventions",
           "public-health-approach", "trauma-informed-practice", "community-engagement"]
PAGES = ["organisation", "job-role", "duty-and-partnership", "data-and-evidence", "ways-of-working", "comments"]
SCALE = ["none", "limited", "some", "good", "full", "dont-know"]
SECTIONS = ["limits", "server", "seeded"]
REFERENCE_LETTERS = "ABCDEFGHJKMNPQRSTWXYZ23456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`svforms serve` (release) on 127.0.0.1 with its own data directory, logging at info to a file."""

    def __init__(self, data: Path, forms: Path = ROOT / "forms"):
        self.data = data
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.started = time.monotonic()
        self.log = open(data.parent / f"{data.name}.log", "ab")
        self.process = subprocess.Popen(
            [str(BINARY), "serve", "--host", "127.0.0.1", "--port", str(self.port), "--data", str(data),
             "--forms", str(forms), "--templates", str(ROOT / "templates")],
            stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT,
            env={**os.environ, "SVFORMS_BASE_URL": self.url, "SVFORMS_TRUSTED_PROXIES": "127.0.0.1"})
        atexit.register(self._kill_if_running)  # a failed measurement leaves no server behind
        self.startup_seconds = self._first_answer()

    def _first_answer(self) -> float:
        """Seconds from starting the process to its first served request."""
        while time.monotonic() - self.started < 30:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1):
                    return time.monotonic() - self.started
            except OSError:
                time.sleep(0.002)
        raise RuntimeError("svforms did not start")

    def memory_kb(self, field: str = "VmRSS") -> int:
        for line in open(f"/proc/{self.process.pid}/status"):
            if line.startswith(field + ":"):
                return int(line.split()[1])
        raise RuntimeError(field)

    def _kill_if_running(self) -> None:
        if self.process.poll() is None:
            self.process.kill()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()

    @property
    def database(self) -> Path:
        return self.data / "svforms.sqlite"


def wrk(url: str, script: str, seconds: int, connections: int, env: dict | None = None) -> dict:
    """One wrk run; its report.lua prints the figures as one JSON line."""
    threads = 2
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(WRK_DIR / script), url],
        capture_output=True, text=True, check=True,
        env={**os.environ, "BENCH_WRK_DIR": str(WRK_DIR), "BENCH_THREADS": str(threads), **(env or {})}).stdout
    return json.loads(next(line for line in output.splitlines() if line.startswith("{")))


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def seed_complete_drafts(database: Path, count: int, tokens_file: Path) -> None:
    """Complete role-survey drafts written as the server writes them, and each browser's
    cookie and anti-forgery token, so the benchmark posts only the final Submit."""
    connection = sqlite3.connect(database, timeout=30)
    secret = connection.execute("SELECT value FROM server_secret WHERE name = 'cookies'").fetchone()[0]
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    rows, lines = [], []
    for n in range(count):
        token = b64url(secrets.token_bytes(32))
        csrf = b64url(hmac.new(secret, ("csrf:" + token).encode(), hashlib.sha256).digest())
        answers = {"organisation": ["surrey-police"], **{q: [SCALE[(n + i) % 5]] for i, q in enumerate(RATINGS)}}
        state = json.dumps({"answers": answers, "completedPages": PAGES})
        rows.append((hashlib.sha256(token.encode()).digest(), "role-understanding", 1, state, now))
        lines.append(f"{token} {csrf}")
    with connection:
        connection.executemany("INSERT INTO draft VALUES (?, ?, ?, ?, ?)", rows)
    connection.close()
    tokens_file.write_text("\n".join(lines) + "\n")


def reference(n: int) -> str:
    letters = []
    for _ in range(8):
        n, digit = divmod(n, len(REFERENCE_LETTERS))
        letters.append(REFERENCE_LETTERS[digit])
    return "".join(letters)


def seeding_connection(database: Path) -> sqlite3.Connection:
    """A connection for writing seed data into a stopped server's database (durability off: seeding only)."""
    connection = sqlite3.connect(database)
    connection.create_function("reference", 1, reference)
    connection.execute("PRAGMA synchronous = OFF")
    return connection


def insert_responses(connection: sqlite3.Connection, form: str, first_id: int, count: int, days: int) -> None:
    """`count` responses to `form` with ids after `first_id`, spread evenly over the last `days` days."""
    start = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=days)
    step = int(days * 86400 / count)
    connection.execute(f"""
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
        INSERT INTO response (id, reference, form_id, form_version, submitted_at)
        SELECT {first_id} + i, reference({first_id} + i), '{form}', 1,
               strftime('%Y-%m-%dT%H:%M:%fZ', '{start:%Y-%m-%d %H:%M:%S}', '+' || (i * {step}) || ' seconds')
        FROM n""")


def seed_responses(database: Path, count: int) -> None:
    """`count` role-survey responses (organisation + 9 ratings + job role + comments = 12 answers)
    over the last eight quarters, written straight into the stopped server's database."""
    connection = seeding_connection(database)
    organisations = ["surrey-police", "surrey-county-council", "surrey-fire-and-rescue", "surrey-probation"]
    with connection:
        insert_responses(connection, "role-understanding", first_id=1_000_000, count=count, days=730)
        questions = [(q, f"(id * 31 + {k}) % 6") for k, q in enumerate(RATINGS)]
        for question, value in questions:
            connection.execute(f"""INSERT INTO answer (response_id, question_id, position, value)
                SELECT id, '{question}', 0, CASE {value} {' '.join(f"WHEN {i} THEN '{s}'" for i, s in enumerate(SCALE))} END
                FROM response WHERE id > 1000000""")
        connection.execute(f"""INSERT INTO answer (response_id, question_id, position, value)
            SELECT id, 'organisation', 0, CASE id % 4 {' '.join(f"WHEN {i} THEN '{o}'" for i, o in enumerate(organisations))} END
            FROM response WHERE id > 1000000""")
        for question, text in [("job-role", "Analyst"), ("comments", "Partnership meetings help, more data sharing would too.")]:
            connection.execute(f"""INSERT INTO answer (response_id, question_id, position, value)
                SELECT id, '{question}', 0, '{text}' FROM response WHERE id > 1000000""")
    connection.close()


def forms_with_bench_form(work: Path) -> Path:
    """The shipped forms plus bench/forms/bench-fourteen.yaml, the peer-shaped questionnaire."""
    forms = work / "forms"
    forms.mkdir()
    for source in list((ROOT / "forms").glob("*.yaml")) + [ROOT / "bench/forms/bench-fourteen.yaml"]:
        shutil.copy(source, forms)
    return forms


def seed_fourteen(database: Path, count: int) -> None:
    """`count` responses to bench-fourteen (12 ratings + 2 sentences = 14 answers), written straight in."""
    connection = seeding_connection(database)
    with connection:
        insert_responses(connection, "bench-fourteen", first_id=3_000_000, count=count, days=365)
        for k in range(1, 13):
            connection.execute(f"""INSERT INTO answer (response_id, question_id, position, value)
                SELECT id, 'topic-{k}', 0, CASE (id * 7 + {k}) % 5 {' '.join(f"WHEN {i} THEN '{v}'" for i, v in enumerate(SCALE[:5]))} END
                FROM response WHERE id > 3000000""")
        for question, text in [("helped", "The quarterly meetings, and someone to ask about data sharing."),
                               ("would-help", "Shorter guidance, with examples from other partnerships.")]:
            connection.execute(f"""INSERT INTO answer (response_id, question_id, position, value)
                SELECT id, '{question}', 0, '{text}' FROM response WHERE id > 3000000""")
    connection.close()


def signed_in_cookie(server: Server, password: str) -> str:
    """An admin's session cookie, signed in through the login page as a browser would."""
    subprocess.run([str(BINARY), "user", "add", "bench@example.org", "--role", "admin", "--data", str(server.data)],
                   input=(password + "\n").encode(), check=True, capture_output=True)
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
    page = opener.open(server.url + "/admin/login").read().decode()
    csrf = page.split('name="_csrf" value="')[1].split('"')[0]
    body = urllib.parse.urlencode({"email": "bench@example.org", "password": password, "_csrf": csrf}).encode()
    opener.open(server.url + "/admin/login", data=body)
    jar = opener.handlers[[type(h).__name__ for h in opener.handlers].index("HTTPCookieProcessor")].cookiejar
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def timed_download(server: Server, path: str, cookie: str) -> tuple[float, int, int]:
    """Seconds, bytes and the growth of peak memory (kB) for one download."""
    Path(f"/proc/{server.process.pid}/clear_refs").write_text("5")  # resets VmHWM to the current RSS
    before = server.memory_kb("VmRSS")
    started = time.perf_counter()
    with urllib.request.urlopen(urllib.request.Request(server.url + path, headers={"Cookie": cookie}), timeout=120) as r:
        size = len(r.read())
        assert r.status == 200, r.status
    return time.perf_counter() - started, size, server.memory_kb("VmHWM") - before


def measure(args, work: Path) -> dict:
    figures: dict[str, list] = {}

    def add(name: str, value) -> None:
        figures.setdefault(name, []).append(value)

    if "limits" in args.only:
        sqlite_limits(args, work, add)
    if "server" in args.only:
        fresh_server_figures(args, work, add)
    if "seeded" in args.only:
        seeded_server_figures(args, work, add)
    if args.peer:
        peer_figures(args, work, add)
    return figures


def peer_figures(args, work: Path, add) -> None:
    """The same page and submission load against django-survey-and-report (bench/peer.py)."""
    from peer import Peer  # only with --peer: it builds a virtual environment on first use
    with Peer(work) as peer:
        for _ in range(args.runs):
            page = peer.measure_page(args.duration, 64)
            add("peer: survey page GET (req/s)", page["rps"])
            posts = peer.measure_submissions(args.duration, 64)
            add("peer: submissions (acknowledged/s)", posts["acknowledged_per_s"])
            add("peer: submission p99 (ms)", posts["p99_ms"])
        if args.peer_export:
            seconds = peer.measure_export(args.peer_export)
            add(f"peer: CSV export of {args.peer_export:,} responses × 14 answers (s)", seconds)
            add("peer: CSV export per 1,000 responses (ms)", seconds * 1_000_000 / args.peer_export)


def sqlite_limits(args, work: Path, add) -> None:
    limits = work / "sqlite_limits"
    subprocess.run(["gcc", "-O2", "-o", str(limits), str(ROOT / "bench/sqlite_limits.c"), "-lsqlite3"], check=True)
    for run in range(args.runs):
        database = work / f"limits-{run}.sqlite"
        result = json.loads(subprocess.run([str(limits), str(database), "2"], capture_output=True, text=True, check=True).stdout)
        add("sqlite single-row commits/s", result["single_row_commits_per_s"])
        add("sqlite 100-row batch rows/s", result["batch_100_rows_per_s"])


def forms_with_open_role_survey(work: Path) -> Path:
    """The shipped forms with the role survey made public. It ships invited-only (issue 17), and answers by
    its open link would be screened and wait for a lead; as a public questionnaire without a voices block
    each submission is stored and counted at once, which is the durable path the figure has always timed."""
    forms = work / "forms-public-role-survey"
    if not forms.exists():
        forms.mkdir()
        for source in (ROOT / "forms").glob("*.yaml"):
            text = source.read_text()
            if source.name == "role-understanding.yaml":
                text = text.replace("audience: invited", "audience: public")
                text = "\n".join(line for line in text.split("\n") if not line.startswith("public_link:"))
            (forms / source.name).write_text(text)
    return forms


def fresh_server_figures(args, work: Path, add) -> None:
    for run in range(args.runs):
        server = Server(work / f"fresh-{run}", forms=forms_with_open_role_survey(work))
        add("start-up to first request (ms)", server.startup_seconds * 1000)
        time.sleep(2)
        add("idle RSS (MB)", server.memory_kb() / 1024)
        ceiling = wrk(server.url + "/exit", "get.lua", args.duration, 64)
        add("ceiling GET /exit (req/s)", ceiling["rps"])
        page = wrk(server.url + "/f/role-understanding/organisation", "get.lua", args.duration, 64)
        if page["errors"] > page["requests"] // 100:
            # A page that answers 404 or 500 would be measured as fast as a real one: refuse to report it.
            raise RuntimeError(f"the question page failed {page['errors']} of {page['requests']} requests")
        add("question page GET (req/s)", page["rps"])
        add("question page p99 (ms)", page["p99_ms"])
        tokens = work / f"tokens-{run}.txt"
        seed_complete_drafts(server.database, args.drafts, tokens)
        before = sqlite3.connect(server.database).execute("SELECT count(*) FROM response").fetchone()[0]
        submitted = wrk(server.url + "/f/role-understanding/submit", "submit.lua", args.duration, 64,
                        env={"BENCH_TOKENS": str(tokens)})
        stored = sqlite3.connect(server.database).execute("SELECT count(*) FROM response").fetchone()[0] - before
        add("durable submissions (acknowledged/s)", submitted["acknowledged"] / submitted["seconds"])
        add("submission p99 (ms)", submitted["p99_ms"])
        add("submissions acknowledged", submitted["acknowledged"])
        add("submissions stored", stored)
        # Stored may exceed acknowledged (requests in flight when wrk stopped); the reverse is a loss.
        add("acknowledged but not stored (must be 0)", max(0, submitted["acknowledged"] - stored))
        server.stop()


def seeded_server_figures(args, work: Path, add) -> None:
    seeded = work / "seeded"
    forms = forms_with_bench_form(work)
    Server(seeded, forms).stop()  # creates the database with every migration
    seed_responses(seeded / "svforms.sqlite", args.responses)
    seed_fourteen(seeded / "svforms.sqlite", args.export_responses)
    server = Server(seeded, forms)
    cookie = signed_in_cookie(server, "benchmark passphrase " + secrets.token_hex(8))
    # Seeded straight into SQLite, the responses are not in the rating tally yet: the first report builds it.
    seconds, _, _ = timed_download(server, "/admin/forms/role-understanding/measures/2.2.1.a.csv", cookie)
    add("scoring, first report: builds the rating tally (ms)", seconds * 1000)
    for _ in range(args.runs):
        seconds, _, _ = timed_download(server, "/admin/forms/role-understanding/measures/2.2.1.a.csv", cookie)
        add(f"scoring 2.2.1.a over {args.responses * 9:,} ratings (ms)", seconds * 1000)
        seconds, size, growth = timed_download(server, "/admin/forms/bench-fourteen/responses.csv", cookie)
        add(f"CSV export of {args.export_responses:,} responses × 14 answers (s)", seconds)
        add("CSV export per 1,000 responses (ms)", seconds * 1_000_000 / args.export_responses)
        add("CSV export peak memory growth (MB)", growth / 1024)
    server.stop()


def ratios_of(medians: dict) -> dict:
    """Each ratio whose figures were measured in this run."""
    wanted = {
        "question page / ceiling": ("question page GET (req/s)", "ceiling GET /exit (req/s)", 1),
        "submissions / ceiling": ("durable submissions (acknowledged/s)", "ceiling GET /exit (req/s)", 1),
        "submissions / sqlite single-row commits": ("durable submissions (acknowledged/s)", "sqlite single-row commits/s", 1),
        # A submission writes 14 rows (response, 12 answers, draft removed), so batch rows ÷ 14 is SQLite's own ceiling.
        "submissions / (sqlite batch rows ÷ 14 rows a submission)": (
            "durable submissions (acknowledged/s)", "sqlite 100-row batch rows/s", 14),
        "question page / peer's survey page": ("question page GET (req/s)", "peer: survey page GET (req/s)", 1),
        "submissions / peer's submissions": ("durable submissions (acknowledged/s)", "peer: submissions (acknowledged/s)", 1),
        "peer's export time / svforms' (per response)": (
            "peer: CSV export per 1,000 responses (ms)", "CSV export per 1,000 responses (ms)", 1),
    }
    return {name: medians[top] / (medians[bottom] / per) for name, (top, bottom, per) in wanted.items()
            if top in medians and bottom in medians}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--drafts", type=int, default=60_000, help="complete drafts seeded per submission run")
    parser.add_argument("--responses", type=int, default=111_112, help="seeded role-survey responses for scoring")
    parser.add_argument("--export-responses", type=int, default=100_000, help="seeded 14-answer responses for the export")
    parser.add_argument("--peer", action="store_true", help="also measure django-survey-and-report 1.5 (bench/peer.py)")
    parser.add_argument("--peer-export", type=int, default=0, metavar="N",
                        help="with --peer, also time the peer's CSV export of N responses (about 9 s per 1,000)")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=SECTIONS,
                        help="measure only these sections (for working on one figure; the full run is the benchmark)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="svforms-bench-") as folder:
        figures = measure(args, Path(folder))
    medians = {name: statistics.median(values) for name, values in figures.items()}
    ratios = ratios_of(medians)
    print(f"\n{'figure':<58} {'median':>12} {'min – max':>24}")
    for name, values in figures.items():
        print(f"{name:<58} {medians[name]:>12,.1f} {min(values):>11,.1f} – {max(values):<11,.1f}")
    print()
    for name, ratio in ratios.items():
        print(f"{name:<58} {ratio:>12.3f}")
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    result = {"time": stamp, "commit": commit, "machine": {"cpus": os.cpu_count(), "kernel": platform.release(),
              "loadavg": open("/proc/loadavg").read().split()[:3]}, "settings": vars(args),
              "runs": figures, "medians": medians, "ratios": ratios}
    out = ROOT / "bench/results" / f"{stamp}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nwritten to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
