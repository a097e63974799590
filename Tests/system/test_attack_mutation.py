"""Mutated bodies and extreme numbers against the real server: the classes of request that once stopped it.

An outside attack test stopped svforms with one 66-byte multipart post (a parser trapped on a byte above
127 in a part header) and with `?page=9223372036854775807` (an overflow). This file looks for the whole
class, not the two examples:

- **Mutated bodies.** Real posts (a voice page, sign-in, a CSV upload, a personal link's page), each
  urlencoded and multipart, sent with 1 to 4 mutations: bytes flipped, CR and LF inserted, removed and
  swapped, bytes of 0x80 and above put in part header names and values, boundaries cut or changed in the
  body or in Content-Type, the body cut short. Each answer must be below 500, and after every batch of
  250 the server must still answer /healthz. `SVFORMS_FUZZ_BODIES` sets how many (default 3,000; the
  README gives the long run of 1,000,000 and its result).
- **Extreme numbers.** Every path segment that a route reads (each `{placeholder}` of routes.tsv) and
  every query parameter that any handler reads (found in the sources, so a new one is covered without
  editing this file) given Int.max, Int.min, 2^64, -1, 1e309, 40 digits and their neighbours, as a
  person of each role that may use the route. No answer may be 500 or above.

Throughout, the server must not die (conftest fails the test if it does), and its log must show no
internal error.
"""

from __future__ import annotations

import http.client
import os
import random
import re
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from attack_site import ROUTES, AttackSite, Client, Route
from svforms_server import REPO_ROOT, assert_server_unharmed, local_request

BODIES = int(os.environ.get("SVFORMS_FUZZ_BODIES", "3000"))
BATCH = 250
SEED = int(os.environ.get("SVFORMS_FUZZ_SEED", "17"))

# The numbers that overflow, or sit just either side of where something would.
EXTREMES = ["9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "18446744073709551616", "184467440737095517", "2147483648", "-1", "0", "1e309", "-1e309", "NaN",
            "1" + "0" * 40, "+1", "%2B1", "0x7fffffffffffffff", "9999-00-Q4", "0001-02-Q1"]
QUERY_EXTREMES = ["9223372036854775807", "-9223372036854775808", "18446744073709551616", "-1", "1e309", "1" + "0" * 40,
                  "9999/00 Q4"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = AttackSite(tmp_path_factory.mktemp("mutation") / "data")
    yield site
    site.stop()


def assert_unharmed(site: AttackSite, offset: int) -> None:
    assert_server_unharmed(site.server, offset)


# ---------------------------------------------------------------------------------------------
# Mutated bodies


BOUNDARY = b"----svformsFuzzBoundary7d3a"


def multipart(fields: list[tuple[str, str]], file_field: str | None = None) -> bytes:
    parts = []
    for name, value in fields:
        filename = f'; filename="{name}.csv"\r\nContent-Type: text/csv' if name == file_field else ""
        parts.append(b"--" + BOUNDARY + f'\r\nContent-Disposition: form-data; name="{name}"{filename}\r\n\r\n'.encode()
                     + value.encode() + b"\r\n")
    return b"".join(parts) + b"--" + BOUNDARY + b"--\r\n"


class Base:
    """A real post a browser sends, with the cookie and tokens its page handed out."""

    def __init__(self, name: str, path: str, client: Client, fields: list[tuple[str, str]], file_field: str | None = None,
                 page: str | None = None):
        client.request(page or path)
        tokens = [("_csrf", client.csrf or "")] + ([("_shown", client.shown)] if client.shown and path.startswith("/f/") else [])
        self.name, self.path, self.client = name, path, client
        self.urlencoded = urllib.parse.urlencode(tokens + fields).encode()
        self.multipart = multipart(tokens + fields, file_field)

    def headers(self, content_type: str) -> dict[str, str]:
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.client.cookies)
        return {"Content-Type": content_type, "Cookie": cookies, "X-Forwarded-For": self.client.address}


def bases(site: AttackSite) -> list[Base]:
    lead = site.signed_in("lead")
    round_path = f"/admin/rounds/{site.values['round']}"
    return [
        Base("voice page", "/f/community-voice/area", Client(site.server), [("area", "guildford"), ("website", "")]),
        Base("sign-in", "/admin/login", Client(site.server), [("email", "nobody@example.org"), ("password", "not the password")]),
        Base("CSV upload", round_path + "/import", lead, [("csv", "Cara Probation,cara@probation.example,surrey-probation\n")],
             file_field="csv", page=round_path),
        Base("personal link page", f"/i/{site.values['token']}/organisation", Client(site.server), [("organisation", "surrey-police")]),
    ]


def mutate(body: bytes, rng: random.Random) -> bytes:
    """1 to 4 of: a bit flipped, CR/LF/a high byte inserted, a byte removed, two swapped, a byte made high,
    a high byte put in a part header's name or value, a boundary changed, the body cut short."""
    data = bytearray(body)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(data)) if data else 0
        kind = rng.randrange(10)
        if kind == 0 and data:
            data[at] ^= 1 << rng.randrange(8)
        elif kind == 1:
            data[at:at] = rng.choice([b"\r", b"\n", b"\r\n", b"\n\r", b"\x80", b"\xff", b"\xc3\x28"])
        elif kind == 2 and data:
            del data[at]
        elif kind == 3 and len(data) > 1:
            other = rng.randrange(len(data))
            data[at], data[other] = data[other], data[at]
        elif kind == 4 and data:
            data[at] = rng.randrange(0x80, 0x100)
        elif kind == 5:
            # Into a part header: just after a line break that follows a boundary or a header line.
            breaks = [m.end() for m in re.finditer(rb"\r?\n", bytes(data))]
            if breaks:
                spot = rng.choice(breaks)
                data[spot:spot] = rng.choice([b"\xff", b"\x80: x\r\n", b"X-\xfe: y\r\n", b"Content-Disposition: form-\xe9data\r\n"])
        elif kind == 6:
            found = bytes(data).find(BOUNDARY)
            if found >= 0:
                end = found + rng.randrange(1, len(BOUNDARY))
                data[found:found + len(BOUNDARY)] = BOUNDARY[:end - found] + rng.choice([b"", b"x", b"\xff", b"\r\n"])
        elif kind == 7:
            del data[rng.randrange(len(data) + 1):]
        elif kind == 8:
            data[at:at] = b"\r\n--" + BOUNDARY + rng.choice([b"", b"--", b"\r\n", b"\n"])
        else:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
    return bytes(data)


def content_type(kind: str, rng: random.Random) -> str:
    if kind == "urlencoded":
        return "application/x-www-form-urlencoded"
    boundary = BOUNDARY.decode()
    return rng.choice([
        f"multipart/form-data; boundary={boundary}", f"multipart/form-data; boundary={boundary}",
        f"multipart/form-data; boundary={boundary}", f'multipart/form-data; boundary="{boundary}"',
        f"multipart/form-data; boundary={boundary[:-3]}", f"multipart/form-data; boundary={boundary}x",
        "multipart/form-data; boundary=", "multipart/form-data", f"multipart/form-data; boundary={'b' * 71}",
    ])


class Sender:
    """One keep-alive connection, reopened when the server closes it."""

    def __init__(self, port: int):
        self.port = port
        self.connection: http.client.HTTPConnection | None = None

    def post(self, path: str, headers: dict[str, str], body: bytes) -> int:
        for attempt in range(2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
            try:
                self.connection.request("POST", path, body=body, headers=headers)
                response = self.connection.getresponse()
                response.read()
                if response.getheader("connection", "").lower() == "close":
                    self.close()
                return response.status
            except (ConnectionError, http.client.HTTPException, TimeoutError):
                self.close()
                if attempt == 1:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
        self.connection = None


def test_mutated_bodies_never_stop_or_fail_the_server(site):
    offset = len(site.server.log())
    rng = random.Random(SEED)
    posts = bases(site)
    sender = Sender(site.server.port)
    outcomes: Counter = Counter()
    started = time.monotonic()
    for number in range(BODIES):
        base = rng.choice(posts)
        kind = rng.choice(["urlencoded", "multipart", "multipart"])
        body = mutate(base.urlencoded if kind == "urlencoded" else base.multipart, rng)
        headers = base.headers(content_type(kind, rng))
        try:
            status = sender.post(base.path, headers, body)
        except (ConnectionError, http.client.HTTPException, TimeoutError) as error:
            pytest.fail(f"{base.name} ({kind}) body {body[:400]!r}: no answer ({error!r}); "
                        f"server {'running' if site.server.process.poll() is None else 'stopped'}\n{site.server.log()[-3000:]}")
        assert status < 500, f"{base.name} ({kind}) body {body[:400]!r}: answered {status}\n{site.server.log()[-2000:]}"
        outcomes[(base.name, kind, status)] += 1
        if (number + 1) % BATCH == 0:
            assert local_request(site.server, "/healthz") == (200, "ok"), f"/healthz after {number + 1} bodies"
    sender.close()
    elapsed = time.monotonic() - started
    assert_unharmed(site, offset)
    parsed = sum(n for (_, _, status), n in outcomes.items() if status not in (400, 413))
    print(f"{BODIES} mutated bodies in {elapsed:.0f}s (seed {SEED}); past the parser: {parsed}; "
          + ", ".join(f"{name} {kind} {status}: {n}" for (name, kind, status), n in sorted(outcomes.items())))
    # The mutations must reach the grammar's edges, not all fail at the first byte.
    assert parsed >= BODIES // 20, "too few mutated bodies got past the parser to prove anything"


# ---------------------------------------------------------------------------------------------
# Extreme numbers in path segments and query parameters


def query_parameters() -> list[str]:
    """Every query parameter a handler reads, found in the sources."""
    names: set[str] = set()
    for path in (REPO_ROOT / "Sources").rglob("*.swift"):
        text = path.read_text()
        names |= set(re.findall(r'(?:queryParameters|\bquery)\["([A-Za-z0-9_-]+)"\]', text))
        if path.name.endswith("Query.swift"):
            names |= set(re.findall(r'value\("([A-Za-z0-9_-]+)"\)', text))
    assert {"page", "next", "quarter", "from", "unchanged"} <= names, names
    return sorted(names)


def with_extreme(site: AttackSite, route: Route, index: int, value: str) -> str:
    """The route's example path with its segment `index` (a placeholder of the route's path) set to `value`."""
    segments = site.example(route).split("/")
    segments[index] = value
    return "/".join(segments)


def placeholder_segments(route: Route) -> list[int]:
    return [i for i, segment in enumerate(route.path.split("/")) if segment.startswith("{")]


def who_may(route: Route) -> str:
    return {"anyone": "anyone", "link": "anyone"}.get(route.access, "admin")


def test_extreme_numbers_in_every_path_segment_never_fail_the_server(site):
    offset = len(site.server.log())
    clients = {"anyone": Client(site.server), "admin": site.signed_in("admin")}
    tried: Counter = Counter()

    def one(route: Route, index: int, value: str) -> tuple[str, int]:
        # Anonymous posts each come from a browser of their own, so no limit on one address answers for them.
        fresh = route.method == "POST" and who_may(route) == "anyone"
        client = Client(site.server) if fresh else clients[who_may(route)]
        path = with_extreme(site, route, index, value)
        if route.method == "POST":
            client.request(site.form_page(route))  # the page's token, so the post reaches the handler
            status = client.send("POST", path, [])[0]
        else:
            status = client.send("GET", path)[0]
        return f"{route.method} {path}", status

    work = [(route, index, value) for route in ROUTES for index in placeholder_segments(route) for value in EXTREMES]
    for route, index, value in work:
        described, status = one(route, index, urllib.parse.quote(value, safe="%+"))
        assert status < 500, f"{described}: {status}\n{site.server.log()[-2000:]}"
        tried[status] += 1
    assert_unharmed(site, offset)
    print(f"{len(work)} requests with extreme path segments:", dict(tried))


def test_extreme_numbers_in_every_query_parameter_never_fail_the_server(site):
    offset = len(site.server.log())
    parameters = query_parameters()
    routes = [route for route in ROUTES if route.method == "GET"]
    admin = site.signed_in("admin")
    visitors = [Client(site.server) for _ in range(4)]

    def one(item: tuple[int, Route, str, str]) -> tuple[str, int]:
        number, route, name, value = item
        client = admin if who_may(route) == "admin" else visitors[number % len(visitors)]
        path = site.example(route) + "?" + urllib.parse.urlencode({name: value})
        return path, client.send("GET", path)[0]

    work = [(n, route, name, value) for n, (route, name, value) in
            enumerate((r, p, v) for r in routes for p in parameters for v in QUERY_EXTREMES)]
    statuses: Counter = Counter()
    with ThreadPoolExecutor(max_workers=4) as pool:
        for path, status in pool.map(one, work):
            assert status < 500, f"GET {path}: {status}\n{site.server.log()[-2000:]}"
            statuses[status] += 1
    assert_unharmed(site, offset)
    print(f"{len(work)} requests, {len(parameters)} query parameters ({', '.join(parameters)}):", dict(statuses))


def test_head_is_answered_on_every_get_route(site):
    admin = site.signed_in("admin")
    for route in ROUTES:
        if route.method != "GET":
            continue
        client = admin if who_may(route) == "admin" else Client(site.server)
        status, headers, body = client.send("HEAD", site.example(route))
        get_status = client.send("GET", site.example(route))[0]
        assert status == get_status, f"HEAD {site.example(route)}: {status}, GET: {get_status}"
        assert body == "", f"HEAD {site.example(route)} sent a body"
