"""Malformed and abusive HTTP against the real server, over raw sockets where urllib cannot say it.

Proves, for each kind of request below, that svforms answers with a clear 4xx (an HTML error page
with the security headers when the request reaches the application; an empty 400 when the HTTP
parser refuses it first), never a 5xx and never an "internal error" in its log; that no answer or
draft is stored from the malformed request; and that afterwards the server still answers /healthz
and shows a form page, with the database passing `PRAGMA integrity_check`:

- invalid UTF-8 as raw bytes in a form body (urlencoded and multipart), percent-encoded in a form
  value (%C3%28, %FF), in the URL path and in the query string;
- a multipart post whose boundary is empty, or with a part header outside the grammar (a name that is
  not ASCII, a bare CR or LF, no name; the outside attack test's 66-byte reproduction), anonymous and
  with a real token, each on a server of its own, as it could take the server down;
- 10,000 fields in one post; a 5 MB body, sent with Content-Length and chunked;
- one 100 KB header, and 500 headers;
- duplicate parameters: two different anti-forgery tokens, two answers to a one-answer question,
  two `next` addresses on sign-in;
- a Content-Length that does not match the body;
- slow clients: 150 connections trickling a request line a byte at a time (slowloris) while an
  ordinary client is still served promptly, and a body sent a byte at a time, finished or abandoned.
"""

from __future__ import annotations

import hashlib
import json
import re
import socket
import sqlite3
import threading
import time
import urllib.request
from dataclasses import dataclass

import pytest
from svforms_server import Respondent, SvformsServer

PAGE = "/f/community-voice/area"
NEXT_PAGE = "/f/community-voice/place"
SUBMIT = "/f/community-voice/submit"
LEAD_EMAIL = "lead@example.org"
LEAD_PASSWORD = "correct horse battery staple"
FORM_TYPE = "application/x-www-form-urlencoded"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = SvformsServer(tmp_path_factory.mktemp("malformed") / "data").start()
    try:
        added = server.cli("user", "add", LEAD_EMAIL, "--role", "lead", input=(LEAD_PASSWORD + "\n").encode())
        assert added.returncode == 0, added.stderr
        yield server
    finally:
        server.stop()


# ---------------------------------------------------------------------------------------------
# Raw HTTP


@dataclass
class RawResponse:
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def parse_responses(data: bytes) -> list[RawResponse]:
    """Every complete response in what the server sent on one connection."""
    responses = []
    while data.startswith(b"HTTP/1.1 ") and b"\r\n\r\n" in data:
        head, rest = data.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ")[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", len(rest)))
        responses.append(RawResponse(status, headers, rest[:length]))
        data = rest[length:]
    return responses


def exchange(server: SvformsServer, data: bytes, timeout: float = 10.0) -> list[RawResponse]:
    """Sends `data` on a new connection and reads until the server closes it (or `timeout`).
    The sending runs in its own thread, so a server that answers before reading a large body
    (and stops reading) is seen answering rather than deadlocking the test."""
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=timeout)
    sender = threading.Thread(target=_send_all, args=(sock, data), daemon=True)
    sender.start()
    received = b""
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            try:
                chunk = sock.recv(65536)
            except (ConnectionResetError, TimeoutError, socket.timeout):
                break
            if not chunk:
                break
            received += chunk
    finally:
        _close(sock)
        sender.join(timeout=5)
    return parse_responses(received)


def _send_all(sock: socket.socket, data: bytes) -> None:
    try:
        sock.sendall(data)
    except OSError:
        pass  # the server answered and stopped reading: what it answered is what the test checks


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)  # wakes a sender blocked in sendall
    except OSError:
        pass
    sock.close()


def one_response(server: SvformsServer, data: bytes, timeout: float = 10.0) -> RawResponse:
    responses = exchange(server, data, timeout)
    assert len(responses) == 1, f"expected one answer, got {len(responses)} to {data[:120]!r}"
    return responses[0]


def http_request(method: str, target: bytes, headers: dict[str, str] | None = None, body: bytes = b"",
                 connection: str = "close", content_length: bool = True) -> bytes:
    """The bytes of one HTTP/1.1 request; `target` is sent exactly as given."""
    fields = {"Host": "127.0.0.1", "Connection": connection, **(headers or {})}
    if content_length and (body or method == "POST"):
        fields.setdefault("Content-Length", str(len(body)))
    head = b"".join(f"{name}: {value}\r\n".encode("latin-1") for name, value in fields.items())
    return method.encode() + b" " + target + b" HTTP/1.1\r\n" + head + b"\r\n" + body


# ---------------------------------------------------------------------------------------------
# A browser that has opened the form, and what the server stored


@dataclass
class Browser:
    """The cookie, anti-forgery token and page stamp a real page gave one browser."""
    cookie: str
    csrf: str
    shown: str
    address: str

    def headers(self, content_type: str = FORM_TYPE) -> dict[str, str]:
        return {"Cookie": self.cookie, "Content-Type": content_type, "X-Forwarded-For": self.address}

    def tokens(self) -> bytes:
        return f"_csrf={self.csrf}&_shown={self.shown}".encode()

    def post(self, path: str, body: bytes, connection: str = "close", **headers: str) -> bytes:
        """A urlencoded post of `body` (the anti-forgery fields are the caller's to add)."""
        return http_request("POST", path.encode(), {**self.headers(), **headers}, body, connection=connection)


def open_form(server: SvformsServer, path: str = PAGE) -> Browser:
    """A new browser that GETs the form page, as a person would before answering it."""
    respondent = Respondent(server)
    status, _, _ = respondent.request(path)
    assert status == 200, f"{path} answered {status}"
    cookie = next(c for c in respondent.cookies if c.name.endswith("svf_respondent"))
    assert respondent.csrf and respondent.shown, "the page carries the anti-forgery token and the shown stamp"
    return Browser(f"{cookie.name}={cookie.value}", respondent.csrf, respondent.shown, respondent.address)


def read_only(server: SvformsServer) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{server.database_path}?mode=ro", uri=True)


def stored_answers(server: SvformsServer) -> dict:
    """Every draft and submitted answer in the database."""
    connection = read_only(server)
    try:
        return {
            "drafts": connection.execute("SELECT hex(respondent_key), form_id, state FROM draft ORDER BY 1, 2").fetchall(),
            "responses": connection.execute("SELECT reference, form_id FROM response ORDER BY 1").fetchall(),
            "answers": connection.execute("SELECT count(*) FROM answer").fetchone()[0],
        }
    finally:
        connection.close()


def draft_answers(server: SvformsServer, browser: Browser) -> str | None:
    """The saved draft of `browser` on the community voice (its JSON), if any."""
    token = browser.cookie.split("=", 1)[1]
    connection = read_only(server)
    try:
        row = connection.execute(
            "SELECT state FROM draft WHERE respondent_key = ? AND form_id = 'community-voice'",
            (hashlib.sha256(token.encode()).digest(),)).fetchone()
        return row[0] if row else None
    finally:
        connection.close()


class Watch:
    """The stored answers and the length of the log when a test starts, to compare with afterwards."""

    def __init__(self, server: SvformsServer):
        self.server = server
        self.log_offset = len(server.log())
        self.before = stored_answers(server)

    def new_log(self) -> str:
        return self.server.log()[self.log_offset:]

    def wait_for_logged_requests(self, count: int, timeout: float = 3.0) -> None:
        """Waits until the server has logged `count` more requests (or `timeout`): a request the
        client abandoned is logged once the server has noticed."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and len(re.findall(r" request$", self.new_log(), re.M)) < count:
            time.sleep(0.05)

    def assert_nothing_stored(self) -> None:
        assert stored_answers(self.server) == self.before, "a malformed request changed the stored answers or drafts"

    def assert_server_unharmed(self) -> None:
        """Still serving, nothing failed inside, and the database file is sound."""
        with urllib.request.urlopen(self.server.base_url + "/healthz", timeout=5) as response:
            assert (response.status, response.read()) == (200, b"ok"), "/healthz after the attack"
        status, _, body = Respondent(self.server).request(PAGE)
        assert status == 200 and 'name="_csrf"' in body, f"the form page after the attack answered {status}"
        failures = [line for line in self.new_log().splitlines()
                    if "internal error" in line or re.search(r"\bstatus=5\d\d\b", line)]
        assert not failures, "the server failed inside while handling the attack:\n" + "\n".join(failures)
        connection = read_only(self.server)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            connection.close()


@pytest.fixture
def watch(server) -> Watch:
    return Watch(server)


def assert_error_page(response: RawResponse, statuses: set[int], what: str) -> None:
    """A refusal the application wrote: one of `statuses`, as an HTML page with the security headers."""
    assert response.status in statuses, f"{what}: expected {sorted(statuses)}, got {response.status}: {response.text[:300]}"
    assert response.headers.get("content-type", "").startswith("text/html"), f"{what}: not an HTML error page"
    assert "content-security-policy" in response.headers, f"{what}: the error page has no Content-Security-Policy"
    assert "<html" in response.text.lower(), f"{what}: the error page has no HTML"


def assert_parser_refusal(response: RawResponse, what: str) -> None:
    """A request the HTTP parser refused before the application saw it: an empty 400, connection closed."""
    assert response.status in (400, 414, 431), f"{what}: expected 400/414/431, got {response.status}"
    assert response.headers.get("connection") == "close", f"{what}: the connection is kept after a parse error"


# ---------------------------------------------------------------------------------------------
# Invalid UTF-8


@pytest.mark.parametrize("body", [
    b"area=guild\xffford",
    b"area=guild\xc3\x28ford",
    b"ar\xffea=guildford",
    b"area=guildford&voice=\xed\xa0\x80",  # an encoded UTF-16 surrogate: not UTF-8
], ids=["ff-in-value", "c328-in-value", "ff-in-name", "surrogate-after-a-good-answer"])
def test_raw_invalid_utf8_in_a_form_body_is_a_400(server, watch, body):
    browser = open_form(server)
    response = one_response(server, browser.post(PAGE, browser.tokens() + b"&" + body))
    assert_error_page(response, {400}, f"raw bytes {body!r}")
    watch.assert_nothing_stored()
    # The same browser's well-formed answer is taken: the 400 was for the bytes, not the token.
    assert one_response(server, browser.post(PAGE, browser.tokens() + b"&area=guildford")).status == 303
    watch.assert_server_unharmed()


def multipart(fields: list[tuple[bytes, bytes]], boundary: bytes = b"svforms-boundary") -> bytes:
    parts = [b"--" + boundary + b'\r\nContent-Disposition: form-data; name="' + name + b'"\r\n\r\n' + value + b"\r\n"
             for name, value in fields]
    return b"".join(parts) + b"--" + boundary + b"--\r\n"


@pytest.mark.parametrize("fields", [
    [(b"area", b"guild\xffford")],
    [(b"area", b"guildford"), (b"\xff\xfe", b"x")],
], ids=["ff-in-value", "ff-in-part-name-beside-a-good-answer"])
def test_raw_invalid_utf8_in_a_multipart_form_body_is_a_400(server, watch, fields):
    browser = open_form(server)
    body = multipart([(b"_csrf", browser.csrf.encode()), (b"_shown", browser.shown.encode()), *fields])
    request = http_request("POST", PAGE.encode(), browser.headers("multipart/form-data; boundary=svforms-boundary"), body)
    assert_error_page(one_response(server, request), {400}, f"multipart {fields!r}")
    watch.assert_nothing_stored()
    watch.assert_server_unharmed()


def crash_summary(server: SvformsServer) -> str:
    """Why the server process ended: its exit status, the crash message and the first frame in our sources."""
    try:
        server.process.wait(timeout=60)  # the crash backtrace takes a few seconds to write
    except Exception:
        return "still running, but closed the connection without an answer"
    log = server.log()
    signal = log.rfind("*** Signal")
    message = log[:signal].rstrip().splitlines()[-1] if signal >= 0 else "(no crash message)"
    frame = re.search(r"^ *\d+ .* in svforms at /work/main/Sources/\S+", log[max(signal, 0):], re.M)
    return f"exit status {server.process.returncode}: {message}; {frame.group(0).strip() if frame else ''}"


@pytest.mark.parametrize("path,content_type", [
    (PAGE, "multipart/form-data; boundary="),
    ("/admin/login", 'multipart/form-data; boundary=""'),
])
def test_a_multipart_post_with_an_empty_boundary_is_a_400(tmp_path, path, content_type):
    # Its own server: a request that kills the server must not take the other tests with it.
    own = SvformsServer(tmp_path / "data").start()
    try:
        watch = Watch(own)
        request = http_request("POST", path.encode(), {"Content-Type": content_type}, b"area=guildford")
        responses = exchange(own, request)
        assert responses, f"POST {path} with Content-Type {content_type!r}, anonymous: no answer; {crash_summary(own)}"
        assert_error_page(responses[0], {400}, f"an empty multipart boundary on {path}")
        watch.assert_nothing_stored()
        watch.assert_server_unharmed()
    finally:
        own.stop()


# The outside attack test's reproduction (66 bytes, anonymous): a bare LF ended the old guard's header
# line but not MultipartKit's, which then read the 0xFF as a header name and stopped the process.
OUTSIDE_REPRODUCTION = (b'--B\r\nContent-Disposition: form-data; name="a"\n\r\n\xff: x\r\n\r\nv\r\n--B--\r\n')
BAD_PART_HEADERS = [
    (b"svforms-boundary", b'--svforms-boundary\r\nContent-Disposition: form-data; name="area"\r\n' + header +
     b"\r\n\r\nguildford\r\n--svforms-boundary--\r\n")
    for header in [b"\xc3\x9e: x", b"Content-\xff-Type: text/plain", b"\x80", b"X: y\n\xff: z", b"X: y\r\xff: z", b": no name"]
] + [(b"B", OUTSIDE_REPRODUCTION)]


@pytest.mark.parametrize("boundary,body", BAD_PART_HEADERS)
@pytest.mark.parametrize("path,anonymous", [(PAGE, False), (PAGE, True), ("/admin/login", True)])
def test_a_multipart_part_header_outside_the_grammar_is_a_400(tmp_path_factory, path, anonymous, boundary, body):
    # MultipartKit 4.7.1 indexed a 128-entry table with the byte and stopped the process (found first by
    # test_attack_fuzz.py, then past the guard by an outside test). svforms now parses multipart itself.
    # Its own server, as it could take the server down.
    own = SvformsServer(tmp_path_factory.mktemp("multipart") / "data").start()
    try:
        watch = Watch(own)
        content_type = b"multipart/form-data; boundary=" + boundary
        if anonymous:
            request = (b"POST " + path.encode() + b" HTTP/1.1\r\nHost: x\r\nContent-Type: " + content_type +
                       b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
        else:
            browser = open_form(own)
            request = http_request("POST", path.encode(), browser.headers(content_type.decode("latin-1")), body)
        responses = exchange(own, request)
        assert responses, f"a part header in {body!r} on {path}: no answer; {crash_summary(own)}"
        assert_error_page(responses[0], {400}, f"a part header in {body!r} on {path}")
        watch.assert_nothing_stored()
        watch.assert_server_unharmed()
    finally:
        own.stop()


@pytest.mark.parametrize("value", [b"%C3%28", b"%FF", b"guild%FFford", b"%ED%A0%80", b"%C0%AF", b"%ZZ", b"%"])
@pytest.mark.parametrize("path", [PAGE, SUBMIT, "/admin/login"])
def test_percent_encoded_invalid_utf8_in_a_form_value_is_a_400(server, watch, path, value):
    browser = open_form(server)
    name = b"email" if path == "/admin/login" else b"area"
    response = one_response(server, browser.post(path, browser.tokens() + b"&" + name + b"=" + value))
    assert_error_page(response, {400}, f"{path} with {name.decode()}={value.decode()}")
    watch.assert_nothing_stored()
    watch.assert_server_unharmed()


@pytest.mark.parametrize("target", [
    b"/f/community-voice/\xff\xfe", b"/f/\xc3\x28/area", b"/i/\xff/organisation", b"/admin/setup/\xc0\xaf", b"/assets/\xff.css",
])
def test_raw_invalid_utf8_in_the_url_path_is_refused_by_the_parser(server, watch, target):
    assert_parser_refusal(one_response(server, http_request("GET", target)), f"GET {target!r}")
    watch.assert_server_unharmed()


@pytest.mark.parametrize("path", [
    "/f/community-voice/%C3%28", "/f/%FF/area", "/f/community-voice/%FF%FE/", "/i/%C3%28/organisation",
    "/admin/setup/%FF", "/assets/%C3%28.css", "/f/community-voice/%00",
])
def test_percent_encoded_invalid_utf8_in_the_url_path_is_page_not_found(server, watch, path):
    assert_error_page(one_response(server, http_request("GET", path.encode())), {404}, f"GET {path}")
    # A post there with a good answer and token stores nothing.
    browser = open_form(server)
    response = one_response(server, browser.post(path, browser.tokens() + b"&area=guildford"))
    assert_error_page(response, {404, 405}, f"POST {path}")
    watch.assert_nothing_stored()
    watch.assert_server_unharmed()


@pytest.mark.parametrize("query", [b"?from=\xff", b"?\xc3\x28=check", b"?next=/admin\xff"])
def test_raw_invalid_utf8_in_the_query_string_is_refused_by_the_parser(server, watch, query):
    for path in (PAGE.encode(), b"/admin/login"):
        assert_parser_refusal(one_response(server, http_request("GET", path + query)), f"GET {path + query!r}")
    watch.assert_server_unharmed()


@pytest.mark.parametrize("query", ["?from=%C3%28", "?from=%FF", "?%FF=%FE", "?from=check%FF", "?next=/admin%FF", "?next=%C3%28"])
def test_percent_encoded_invalid_utf8_in_the_query_string_is_ignored_not_echoed(server, watch, query):
    # The query only steers navigation (`from=check`, `next=`): undecodable values are treated as
    # absent. The page is shown as without them, and nothing of them comes back in it.
    page = one_response(server, http_request("GET", (PAGE + query).encode()))
    assert page.status == 200, f"GET {PAGE}{query} answered {page.status}"
    assert 'href="/f/community-voice"' in page.text and "from=check" not in page.text, "treated as coming back from check"
    login = one_response(server, http_request("GET", ("/admin/login" + query).encode()))
    assert login.status == 200, f"GET /admin/login{query} answered {login.status}"
    assert re.search(r'<form[^>]+action="/admin/login"', login.text), "the sign-in form posts to a next address it was given"
    for response in (page, login):
        assert "content-security-policy" in response.headers
        assert "%FF" not in response.text and "\ufffd" not in response.text, "the undecodable query is echoed in the page"
    watch.assert_server_unharmed()


# ---------------------------------------------------------------------------------------------
# Floods and sizes


def test_ten_thousand_fields_in_one_post_are_a_400(server, watch):
    browser = open_form(server)
    flood = b"&".join(b"field%d=1" % n for n in range(10_000))
    response = one_response(server, browser.post(PAGE, browser.tokens() + b"&area=guildford&" + flood))
    assert_error_page(response, {400}, "10,000 urlencoded fields")
    # The same as multipart: too many fields (400) or, at this size, too large (413).
    parts = [(b"_csrf", browser.csrf.encode()), (b"_shown", browser.shown.encode()), (b"area", b"guildford")]
    body = multipart(parts + [(b"field%d" % n, b"1") for n in range(10_000)])
    request = http_request("POST", PAGE.encode(), browser.headers("multipart/form-data; boundary=svforms-boundary"), body)
    assert_error_page(one_response(server, request), {400, 413}, "10,000 multipart fields")
    watch.assert_nothing_stored()
    watch.assert_server_unharmed()


FIVE_MB = 5 * 1024 * 1024


def chunked(body: bytes, size: int = 64 * 1024) -> bytes:
    chunks = [b"%x\r\n" % len(body[i:i + size]) + body[i:i + size] + b"\r\n" for i in range(0, len(body), size)]
    return b"".join(chunks) + b"0\r\n\r\n"


@pytest.mark.parametrize("framing", ["content-length", "chunked"])
@pytest.mark.parametrize("path", [PAGE, SUBMIT])
def test_a_five_megabyte_body_is_a_413(server, watch, path, framing):
    browser = open_form(server)
    body = browser.tokens() + b"&voice=" + b"a" * FIVE_MB
    if framing == "chunked":
        request = http_request("POST", path.encode(), {**browser.headers(), "Transfer-Encoding": "chunked"},
                               chunked(body), content_length=False)
    else:
        request = browser.post(path, body)
    started = time.monotonic()
    response = one_response(server, request)
    elapsed = time.monotonic() - started
    assert_error_page(response, {413}, f"5 MB body ({framing}) to {path}")
    assert elapsed < 5, f"the 413 took {elapsed:.1f}s"
    watch.assert_nothing_stored()
    watch.assert_server_unharmed()


def test_one_100_kb_header_is_refused(server, watch):
    response = one_response(server, http_request("GET", PAGE.encode(), {"X-Padding": "a" * 100 * 1024}))
    assert_parser_refusal(response, "one 100 KB header")
    browser = open_form(server)
    request = browser.post(PAGE, browser.tokens() + b"&area=guildford", **{"X-Padding": "a" * 100 * 1024})
    assert_parser_refusal(one_response(server, request), "a post with one 100 KB header")
    watch.assert_nothing_stored()
    watch.assert_server_unharmed()


def test_500_headers_are_refused_once_they_pass_the_header_limit(server, watch):
    browser = open_form(server)
    many = {f"X-Header-{n}": "v" * 200 for n in range(500)}  # about 105 KB of headers
    response = one_response(server, browser.post(PAGE, browser.tokens() + b"&area=guildford", **many))
    assert_parser_refusal(response, "500 headers of 200 bytes")
    watch.assert_nothing_stored()
    # 500 short headers (under 8 KB in all) are an ordinary request size: refused, or answered at once.
    started = time.monotonic()
    short = one_response(server, http_request("GET", PAGE.encode(), {f"X-H{n}": "v" for n in range(500)}))
    assert short.status in (200, 400, 431) and time.monotonic() - started < 2, f"500 short headers: {short.status}"
    watch.assert_server_unharmed()


# ---------------------------------------------------------------------------------------------
# Duplicate parameters


@pytest.mark.parametrize("order", ["valid-first", "valid-second"])
def test_two_different_anti_forgery_tokens_are_refused(server, watch, order):
    # An ambiguous token must not pass: a proxy or firewall that checks one copy and the
    # application that checks the other must never disagree on whether the post is genuine.
    browser = open_form(server)
    tokens = [browser.csrf, "forged-" + browser.csrf[7:]]
    if order == "valid-second":
        tokens.reverse()
    body = f"_csrf={tokens[0]}&_csrf={tokens[1]}&_shown={browser.shown}&area=guildford".encode()
    assert_error_page(one_response(server, browser.post(PAGE, body)), {403}, f"two _csrf ({order})")
    watch.assert_nothing_stored()
    watch.assert_server_unharmed()


@pytest.mark.parametrize("page,name,values", [
    ("area", "area", ["guildford", "woking"]),
    ("place", "place", ["town-centre", "online"]),
    ("safe-after-dark", "safe-after-dark", ["very-safe", "very-unsafe"]),
])
def test_two_answers_to_a_one_answer_question_are_refused(server, watch, page, name, values):
    browser = open_form(server)
    reach_page(server, browser, page)
    before = draft_answers(server, browser)
    body = browser.tokens() + b"".join(f"&{name}={value}".encode() for value in values)
    response = one_response(server, browser.post(f"/f/community-voice/{page}", body))
    assert_error_page(response, {400, 422}, f"two values for {name}")
    assert draft_answers(server, browser) == before, "two answers to a one-answer question changed the draft"
    watch.assert_server_unharmed()


@pytest.mark.parametrize("page,name,value", [
    ("area", "area", "guildford"), ("place", "place", "online"), ("worries", "worries", "drugs"),
])
def test_the_same_answer_sent_twice_is_stored_once(server, watch, page, name, value):
    # Not ambiguous, so it may be taken; but a question never holds the same choice twice,
    # which would count it twice in the figures.
    browser = open_form(server)
    reach_page(server, browser, page)
    body = browser.tokens() + f"&{name}={value}&{name}={value}&{name}={value}".encode()
    response = one_response(server, browser.post(f"/f/community-voice/{page}", body))
    assert response.status in (303, 400, 422), f"the same {name} three times answered {response.status}"
    if response.status == 303:
        answers = json.loads(draft_answers(server, browser))["answers"]
        assert answers[name] == [value], f"stored {answers[name]} for {name}"
    watch.assert_server_unharmed()


def reach_page(server: SvformsServer, browser: Browser, page: str) -> None:
    """Answers the community voice's pages before `page`, so `page` can be posted."""
    earlier = {"area": b"area=guildford", "place": b"place=town-centre", "worries": b"worries=drugs"}
    for before, answer in earlier.items():
        if before == page:
            return
        response = one_response(server, browser.post(f"/f/community-voice/{before}", browser.tokens() + b"&" + answer))
        assert response.status == 303, f"answering {before} on the way to {page}: {response.status}"


@pytest.mark.parametrize("query", [
    "?next=/admin/rounds&next=https://evil.example/",
    "?next=https://evil.example/&next=/admin/rounds",
    "?next=//evil.example/admin&next=/admin/rounds",
    "?next=/admin/rounds&next=//evil.example/admin",
])
def test_two_next_addresses_on_sign_in_never_leave_the_site(server, watch, query):
    lead = Respondent(server)
    lead.request("/admin/login" + query)
    status, headers, _ = lead.request("/admin/login" + query, [("email", LEAD_EMAIL), ("password", LEAD_PASSWORD)])
    assert status == 303, f"sign-in with {query} answered {status}"
    location = headers["location"]
    assert location.startswith("/admin") and not location.startswith("//") and "evil" not in location, \
        f"sign-in with {query} redirected to {location}"
    watch.assert_server_unharmed()


# ---------------------------------------------------------------------------------------------
# Content-Length that does not match the body


def test_a_body_longer_than_its_content_length_is_cut_there_and_the_rest_refused(server, watch):
    browser = open_form(server)
    body = browser.tokens() + b"&area=guildford"
    cut = len(body) - len(b"dford")  # the declared length ends in the middle of the answer: "area=guil"
    request = browser.post(PAGE, body, connection="keep-alive", **{"Content-Length": str(cut)})
    responses = exchange(server, request)
    statuses = [response.status for response in responses]
    assert statuses == [422, 400], f"expected the cut answer refused (422) and the rest a bad request (400): {statuses}"
    assert_error_page(responses[0], {422}, "the answer cut at its Content-Length")
    watch.assert_nothing_stored()
    watch.assert_server_unharmed()


def test_a_body_shorter_than_its_content_length_is_never_a_server_error(server, watch):
    # The client promises more than it sends, then closes its side: the body can never be complete.
    browser = open_form(server)
    body = browser.tokens() + b"&area=guildford"
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    try:
        sock.sendall(browser.post(PAGE, body, **{"Content-Length": str(len(body) + 100)}))
        sock.shutdown(socket.SHUT_WR)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    finally:
        sock.close()
    watch.wait_for_logged_requests(1)
    for response in parse_responses(received):  # answering is optional, the client has gone
        logged = [line for line in watch.new_log().splitlines() if "error" in line.split(" ")[1:2]]
        assert response.status < 500, f"a body shorter than its Content-Length answered {response.status}; log: {logged}"
        assert_error_page(response, {400}, "a body shorter than its Content-Length")
    watch.assert_nothing_stored()
    watch.assert_server_unharmed()


@pytest.mark.parametrize("lengths", [["abc"], ["-5"], ["10", "20"], ["99999999999999999999999"]],
                         ids=["not-a-number", "negative", "two-that-differ", "overflowing"])
def test_an_unusable_content_length_is_refused_by_the_parser(server, watch, lengths):
    browser = open_form(server)
    body = browser.tokens() + b"&area=guildford"
    head = (f"POST {PAGE} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: {browser.cookie}\r\n"
            f"Content-Type: {FORM_TYPE}\r\nX-Forwarded-For: {browser.address}\r\n").encode()
    request = head + b"".join(f"Content-Length: {length}\r\n".encode() for length in lengths) + b"\r\n" + body
    assert_parser_refusal(one_response(server, request), f"Content-Length {lengths}")
    watch.assert_nothing_stored()
    watch.assert_server_unharmed()


def test_content_length_with_chunked_transfer_encoding_is_refused(server, watch):
    browser = open_form(server)
    request = http_request("POST", PAGE.encode(), {**browser.headers(), "Content-Length": "5", "Transfer-Encoding": "chunked"},
                           chunked(browser.tokens() + b"&area=guildford"), content_length=False)
    assert_parser_refusal(one_response(server, request), "Content-Length and Transfer-Encoding together")
    watch.assert_nothing_stored()
    watch.assert_server_unharmed()


# ---------------------------------------------------------------------------------------------
# Slow clients


def ordinary_visit(server: SvformsServer) -> float:
    """Seconds an ordinary person takes to open the form page and the health check."""
    started = time.monotonic()
    status, _, body = Respondent(server, timeout=5).request(PAGE)
    assert status == 200 and 'name="_csrf"' in body
    with urllib.request.urlopen(server.base_url + "/healthz", timeout=5) as response:
        assert response.status == 200
    return time.monotonic() - started


SLOW_CONNECTIONS = 150


def test_slowloris_connections_do_not_delay_an_ordinary_client(server, watch):
    trickle = f"GET {PAGE} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".encode()
    sockets = [socket.create_connection(("127.0.0.1", server.port), timeout=5) for _ in range(SLOW_CONNECTIONS)]
    waits = []
    try:
        # A third only connect and say nothing; the rest send their request a byte per round.
        talkers = sockets[SLOW_CONNECTIONS // 3:]
        for position in range(len(trickle)):
            for sock in talkers:
                sock.sendall(trickle[position:position + 1])
            waits.append(ordinary_visit(server))
        assert max(waits) < 2.0, f"an ordinary visit took {max(waits):.2f}s beside {SLOW_CONNECTIONS} slow connections"
        # The slow requests are still served once they finish.
        for sock in talkers[:5]:
            sock.sendall(b"x\r\nConnection: close\r\n\r\n")
        for sock in talkers[:5]:
            assert sock.recv(12) == b"HTTP/1.1 200", "a slow but complete request was not served"
    finally:
        for sock in sockets:
            sock.close()
    print(f"{len(waits)} ordinary visits beside {SLOW_CONNECTIONS} slow connections, slowest {max(waits):.3f}s")
    watch.assert_server_unharmed()


def send_slowly(sock: socket.socket, data: bytes, seconds: float, server: SvformsServer) -> list[float]:
    """Sends `data` a byte at a time over about `seconds`, timing ordinary visits meanwhile."""
    pause = seconds / max(len(data), 1)
    waits = []
    for position in range(len(data)):
        sock.sendall(data[position:position + 1])
        if position % 20 == 0:
            waits.append(ordinary_visit(server))
        time.sleep(pause)
    return waits


def test_a_body_sent_a_byte_at_a_time_is_taken_once_complete(server, watch):
    browser = open_form(server)
    body = browser.tokens() + b"&area=guildford"
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    try:
        sock.sendall(browser.post(PAGE, body)[:-len(body)])  # the head, announcing the whole body
        waits = send_slowly(sock, body, 1.5, server)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    finally:
        sock.close()
    (response,) = parse_responses(received)
    assert (response.status, response.headers.get("location")) == (303, NEXT_PAGE), "the slow but complete answer"
    assert '"guildford"' in (draft_answers(server, browser) or ""), "the slow answer was not saved"
    assert max(waits) < 2.0, f"an ordinary visit took {max(waits):.2f}s beside the slow body"
    watch.assert_server_unharmed()


def test_a_body_abandoned_halfway_stores_nothing_and_is_no_server_error(server, watch):
    browser = open_form(server)
    body = browser.tokens() + b"&area=guildford&voice=" + b"x" * 200
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    try:
        sock.sendall(browser.post(PAGE, body)[:-len(body)])
        send_slowly(sock, body[:len(body) // 2], 0.5, server)
    finally:
        sock.close()  # the person closed the tab
    watch.wait_for_logged_requests(1)
    watch.assert_nothing_stored()
    watch.assert_server_unharmed()
