"""Property-based fuzzing of every public endpoint of one running server, with Hypothesis.

Requests are generated for the open-link journey (/f/{form}, its pages, check, submit and
confirmation), personal invitation links (/i/{token}/...), sign-in (/admin/login), first-run setup
(/admin/setup/{token}), the stylesheet (/assets/{file}), /exit and the home page: generated path
segments and query strings, any method, and form fields whose names and values mix the real
question ids and answers with unicode, control characters, very long strings, percent signs,
SQL, HTML and template fragments, sent urlencoded, as multipart or as raw bytes. Some carry the
cookie, anti-forgery token and page stamp a real page handed out, so they get past the
anti-forgery check into the validators; others carry none, a stale one, or only the cookie.

Proves: no generated request gets a 5xx, every response carries a Content-Security-Policy, and
after each run the server still answers /healthz and a form page, its log holds no "internal
error" and no 5xx, and its database passes `PRAGMA integrity_check`. A 429 (the limits on
submissions, sign-in and link guessing) is an acceptable answer, not a failure. A request that
kills the server is reported with the crash it logged, and the server is started again so the
other tests still run.

The run is reproducible: examples are derandomized, and nothing is saved to .hypothesis/ (no example
database; Hypothesis' caches go to a temporary directory).
"""

from __future__ import annotations

import email
import email.policy
import http.client
import itertools
import re
import subprocess
import time
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.configuration import set_hypothesis_home_dir
from hypothesis import strategies as st
from rounds import add_people, link_in, open_round, send_invitations, signed_in_lead
from svforms_server import Respondent, SvformsServer, assert_server_unharmed

FUZZ_SETTINGS = dict(
    derandomize=True, deadline=None, database=None, print_blob=False, report_multiple_bugs=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example,
                           HealthCheck.filter_too_much],
)

PUBLIC_FORMS = ["community-voice", "role-understanding"]
COMMUNITY_PAGES = ["area", "place", "worries", "worries-other", "safe-after-dark", "voice", "age-band",
                   "contact-consent", "contact-email"]
ROLE_PAGES = ["organisation", "job-role", "duty-and-partnership", "data-and-evidence", "ways-of-working", "comments"]
JOURNEY_STEPS = ["check", "submit", "confirmation"]
FIELD_NAMES = [
    "_csrf", "_shown", "website", "area", "place", "worries", "worries-other", "safe-after-dark", "voice", "age-band",
    "contact-consent", "contact-email", "organisation", "job-role", "duty", "governance", "strategy-priorities",
    "data-sharing", "needs-assessment", "interventions", "public-health-approach", "trauma-informed-practice",
    "community-engagement", "comments", "email", "password", "confirm",
]
FIELD_VALUES = [
    "guildford", "woking", "town-centre", "online", "knife-crime", "drugs", "other", "very-safe", "fairly-unsafe",
    "dont-know", "yes", "no", "under-16", "surrey-police", "surrey-probation", "good", "full", "none",
    "lead@example.org", "a@b.example", "correct horse battery staple", "",
]
FRAGMENTS = [
    "' OR '1'='1", "'; DROP TABLE response; --", "1; SELECT * FROM account", "\" OR \"\"=\"", "') --",
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "</textarea><b>x", "javascript:alert(1)",
    "{{ partnershipName }}", "{{{layout}}}", "{{#forms}}x{{/forms}}", "${jndi:ldap://x}", "%s%n%x",
    "%", "%%", "%ZZ", "%C3%28", "%FF", "%00", "%2e%2e%2f", "+", "&", "=", "a=b&c", "../../etc/passwd", "..\\..\\",
    "\x00", "\r\n", "\u202e", "\ufeff", "\u0301", "𝒳𝒴", "🙂", "NaN", "-1", "1e999", "9" * 400,
    "9223372036854775807", "-9223372036854775808", "18446744073709551616", "1e309", "1" + "0" * 40, "1\u0301",
]
# Segments written into the URL exactly as given (each a valid request target).
RAW_SEGMENTS = ["%FF", "%C3%28", "%00", "%2F", "%2e%2e", "..", ".", "", "%", "%20", "a%2Fb", ";", "~"]
OTHER_METHODS = ["HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"]
LOGIN_ADDRESS = "203.0.113.7"  # one address for sign-in posts: its limit bounds the password checks the run costs

_addresses = itertools.count(1)


def next_address() -> str:
    """A client address of its own for each request, so the per-address limits rarely apply."""
    number = next(_addresses)
    return f"192.0.{number // 250 % 250}.{number % 250 + 1}"


# ---------------------------------------------------------------------------------------------
# The server and the real tokens the fuzz can borrow


@dataclass
class Tokens:
    """What real pages handed out: a browser's cookie, anti-forgery token and page stamp, the
    anti-forgery token of a personal link, and the links themselves."""
    cookie: str
    csrf: str
    shown: str
    invitation: str
    invitation_csrf: str
    setup: str


def invitation_link(server: SvformsServer) -> str:
    """Opens a round with one representative and returns their personal link (from the .eml written)."""
    lead = signed_in_lead(server)
    round_path = open_round(lead)
    add_people(lead, round_path, "Ada Police,ada@police.example,surrey-police")
    send_invitations(lead, round_path)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        messages = list((server.data_dir / "mail").glob("*.eml"))
        if messages:
            message = email.message_from_bytes(messages[0].read_bytes(), policy=email.policy.default)
            return link_in(message.get_body(preferencelist=("plain",)).get_content())
        time.sleep(0.1)
    raise AssertionError("no invitation was written")


@pytest.fixture(scope="module", autouse=True)
def hypothesis_home(tmp_path_factory):
    """Hypothesis keeps caches (unicode tables, source constants) in its home directory even
    without an example database: a temporary one here, so the run leaves nothing in the tree."""
    set_hypothesis_home_dir(tmp_path_factory.mktemp("hypothesis"))
    yield
    set_hypothesis_home_dir(None)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = SvformsServer(tmp_path_factory.mktemp("fuzz") / "data").start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def tokens(server) -> Tokens:
    setup = server.setup_link().split("/admin/setup/")[1]
    link = invitation_link(server)
    browser = Respondent(server)
    assert browser.request("/f/community-voice/area")[0] == 200
    cookie = next(c for c in browser.cookies if c.name.endswith("svf_respondent"))
    invited = Respondent(server)
    assert invited.request(link + "/organisation")[0] == 200
    return Tokens(f"{cookie.name}={cookie.value}", browser.csrf, browser.shown, link.split("/i/")[1], invited.csrf, setup)


# ---------------------------------------------------------------------------------------------
# Generated requests


@dataclass
class Fuzzed:
    """One generated request before the real tokens are filled in."""
    method: str
    segments: list[str]  # path segments; a "<...>" placeholder is filled from Tokens
    query: str
    fields: list[tuple[str, str]]
    body_kind: str  # urlencoded | multipart | raw | none
    raw_body: bytes
    content_type: str | None
    auth: str  # valid | none | cookie-only | stale
    forwarded_for: str | None
    extra_headers: dict[str, str] = field(default_factory=dict)


def encoded_segment(text: str) -> str:
    return urllib.parse.quote(text, safe="")


long_text = st.builds(lambda unit, times: unit * times, st.text(min_size=1, max_size=4), st.integers(500, 80_000))
control_text = st.text(st.characters(categories=["Cc", "Cf", "Zl", "Zp"]), min_size=1, max_size=20)
short_nasty_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(FRAGMENTS),
    control_text,
    st.lists(st.sampled_from(FRAGMENTS), min_size=2, max_size=4).map("".join),
)
# Very long values go in bodies (past the 256 KB limit at the top); URLs stay under the HTTP
# parser's 80 KB limit on a request head, which refuses longer ones before the application.
nasty_text = st.one_of(short_nasty_text, long_text)
field_names = st.one_of(st.sampled_from(FIELD_NAMES), st.sampled_from(FIELD_NAMES), short_nasty_text)
field_values = st.one_of(st.sampled_from(FIELD_VALUES), st.sampled_from(FIELD_VALUES), nasty_text)
segments = st.one_of(
    st.text(min_size=1, max_size=30).map(encoded_segment),
    st.sampled_from(FRAGMENTS).map(encoded_segment),
    st.sampled_from(RAW_SEGMENTS),
    st.builds(lambda n: "a" * n, st.integers(100, 3000)),
)
query_pairs = st.lists(st.tuples(st.one_of(st.sampled_from(["from", "next", "signed-out", "page"]), short_nasty_text),
                                 st.one_of(st.sampled_from(["check", "/admin", "/admin/rounds", "//evil.example", ""]),
                                           short_nasty_text)),
                       max_size=3)
queries = st.one_of(
    st.just(""),
    query_pairs.map(lambda pairs: urllib.parse.urlencode(pairs, quote_via=urllib.parse.quote) if pairs else ""),
    st.sampled_from(["from=check", "from=%FF", "%FF=%FE", "next=%C3%28", "&&&", "=", "a=%", "signed-out", "x=" + "y" * 5000]),
)
content_types = st.sampled_from([
    None, "text/plain", "application/json", "multipart/form-data", "multipart/form-data; boundary=",
    "application/x-www-form-urlencoded; charset=latin1", "multipart/form-data; boundary=\"q\"",
])
forwarded = st.one_of(
    st.none(), st.none(), st.none(),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=60),
    st.sampled_from(["unknown", "::1", "127.0.0.1", "999.1.1.1", "1.2.3.4, 127.0.0.1", ",,,", "fe80::1%eth0"]),
)

extra_headers = st.sampled_from([
    {}, {}, {}, {}, {"Cookie": "svf_respondent=" + "A" * 43}, {"Cookie": "svf_respondent=%FF; svf_receipt=x:../"},
    {"Accept-Language": "zz"}, {"Origin": "https://evil.example"}, {"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"},
    {"Sec-Fetch-Site": "same-origin", "Origin": "http://127.0.0.1"},
])


@st.composite
def fuzzed_requests(draw, paths) -> Fuzzed:
    segments_drawn = draw(paths)
    method = draw(st.sampled_from(["POST"] * 12 + ["GET"] * 6 + OTHER_METHODS))
    fields = draw(st.lists(st.tuples(field_names, field_values), max_size=8)) if method != "GET" else []
    body_kind = draw(st.sampled_from(["urlencoded"] * 6 + ["multipart", "multipart", "raw", "none"]))
    raw_body = draw(st.binary(max_size=300)) if body_kind == "raw" else b""
    return Fuzzed(
        method=method, segments=segments_drawn, query=draw(queries), fields=fields, body_kind=body_kind, raw_body=raw_body,
        content_type=draw(content_types) if draw(st.integers(0, 5)) == 0 else None,
        auth=draw(st.sampled_from(["valid", "valid", "none", "cookie-only", "stale"])),
        forwarded_for=draw(forwarded),
        extra_headers=draw(extra_headers),
    )


def form_segment(draw_from: list[str]):
    return weighted((st.sampled_from(draw_from), 2), (segments, 1))


def weighted(*choices) -> st.SearchStrategy:
    """One of the strategies, each as often as its weight says."""
    return st.sampled_from([strategy for strategy, weight in choices for _ in range(weight)]).flatmap(lambda s: s)


real_form_pages = st.one_of(
    st.sampled_from(COMMUNITY_PAGES + JOURNEY_STEPS).map(lambda page: ["f", "community-voice", page]),
    st.sampled_from(ROLE_PAGES + JOURNEY_STEPS).map(lambda page: ["f", "role-understanding", page]),
)
open_link_paths = weighted(
    (real_form_pages, 12),
    (st.tuples(st.just("f"), form_segment(PUBLIC_FORMS + ["partnership", "nope"])).map(list), 2),
    (st.tuples(st.just("f"), form_segment(PUBLIC_FORMS), form_segment(COMMUNITY_PAGES + ROLE_PAGES + JOURNEY_STEPS)).map(list), 3),
    (st.lists(segments, min_size=3, max_size=5).map(lambda rest: ["f", *rest]), 1),
)
invitation_token = weighted(
    (st.just("<invitation>"), 3),
    (st.text(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), min_size=43, max_size=43), 1),
    (segments, 1),
)
real_invitation_pages = st.sampled_from(ROLE_PAGES + JOURNEY_STEPS).map(lambda page: ["i", "<invitation>", page])
invitation_paths = weighted(
    (real_invitation_pages, 12),
    (st.tuples(st.just("i"), invitation_token).map(list), 2),
    (st.tuples(st.just("i"), invitation_token, form_segment(ROLE_PAGES + JOURNEY_STEPS)).map(list), 3),
)
admin_paths = weighted(
    (st.just(["admin", "login"]), 3),
    (st.tuples(st.just("admin"), st.just("setup"), weighted((st.just("<setup>"), 3), (invitation_token, 1))).map(list), 2),
)
other_public_paths = weighted(
    (st.sampled_from([[""], ["exit"], ["assets", "svforms.css"]]), 3),
    (st.tuples(st.just("assets"), segments).map(list), 2),
    (st.lists(segments, min_size=1, max_size=3), 1),
)


# ---------------------------------------------------------------------------------------------
# Sending one, and the property


def multipart_body(fields: list[tuple[str, str]], boundary: str = "fuzz-boundary") -> bytes:
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + value.encode() + b"\r\n"
              for name, value in fields]
    return b"".join(parts) + f"--{boundary}--\r\n".encode()


def build(request: Fuzzed, tokens: Tokens) -> tuple[str, str, dict[str, str], bytes | None]:
    """The method, target, headers and body to send, with the real tokens filled in."""
    placeholders = {"<invitation>": tokens.invitation, "<setup>": tokens.setup}
    path = "/" + "/".join(placeholders.get(segment, segment) for segment in request.segments)
    target = path + ("?" + request.query if request.query else "")
    is_invitation = request.segments[0] == "i"
    headers = dict(request.extra_headers)
    fields = list(request.fields)
    if request.auth == "valid":
        if is_invitation:
            fields = [("_csrf", tokens.invitation_csrf), *fields]
        else:
            headers["Cookie"] = tokens.cookie
            fields = [("_csrf", tokens.csrf), ("_shown", tokens.shown), *fields]
    elif request.auth == "cookie-only":
        headers["Cookie"] = tokens.cookie
    elif request.auth == "stale":
        headers["Cookie"] = "svf_respondent=" + "Q" * 43
        fields = [("_csrf", "Q" * 43), ("_shown", "1700000000000.x"), *fields]
    is_sign_in_post = request.method == "POST" and request.segments[:2] == ["admin", "login"]
    headers["X-Forwarded-For"] = LOGIN_ADDRESS if is_sign_in_post else request.forwarded_for or next_address()
    body = None
    if request.method not in ("GET", "HEAD") and request.body_kind != "none":
        if request.body_kind == "urlencoded":
            body = urllib.parse.urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif request.body_kind == "multipart":
            body = multipart_body(fields)
            headers["Content-Type"] = "multipart/form-data; boundary=fuzz-boundary"
        else:
            body = request.raw_body
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if request.content_type is not None:
            headers["Content-Type"] = request.content_type
    return request.method, target, headers, body


def send(server: SvformsServer, method: str, target: str, headers: dict[str, str], body: bytes | None):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=15)
    try:
        connection.request(method, target, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def is_answering(server: SvformsServer) -> bool:
    try:
        with urllib.request.urlopen(server.base_url + "/healthz", timeout=3) as response:
            return response.status == 200
    except OSError:
        return False


def crash_report(log: str) -> str:
    """The crash message and the top frames of the crashed thread, from the server's log."""
    signal = log.rfind("*** Signal")
    if signal < 0:
        return "(no crash report in the log)"
    message = log[:signal].rstrip().splitlines()[-1]
    crashed = re.search(r"^Thread \d+ .*crashed:\s*\n(.*?)\n\n", log[signal:], re.M | re.S)
    frames = re.findall(r"^ *\d+ .* in svforms at /work/main/\S+", crashed.group(1) if crashed else "", re.M)
    return "\n".join([message, *frames[:5]])


def recover(server: SvformsServer) -> str:
    """After a request killed the server: waits for it to finish dying (the backtrace takes
    seconds), starts it again on the same data and port, and returns what the crash logged."""
    try:
        server.process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill9()
    report = f"exit status {server.process.returncode}\n" + crash_report(server.log())
    server.start()
    return report


def check_one(server: SvformsServer, tokens: Tokens, request: Fuzzed, seen: Counter, crashes: list[str]) -> None:
    """Sends one request and checks the property. A request that kills the server is recorded
    (and the server restarted) rather than raised, so Hypothesis does not shrink against a dead server;
    after one, the rest of the run is skipped, as every further example would only take as long."""
    if crashes:
        return
    method, target, headers, body = build(request, tokens)
    described = f"{method} {target[:300]!r} headers={headers!r} body={(body or b'')[:300]!r}"
    try:
        status, response_headers, response_body = send(server, method, target, headers, body)
    except (OSError, http.client.HTTPException) as error:
        if is_answering(server):
            raise AssertionError(f"{described}\ngot no answer ({error!r}) though the server is up") from error
        crashes.append(f"{described}\nkilled the server: {recover(server)}")
        return
    assert status < 500, (f"{described}\nanswered {status}: {response_body[:500]!r}\n"
                          f"server log tail:\n{server.log()[-2000:]}")
    assert "content-security-policy" in response_headers, f"{described}\nanswered {status} without a Content-Security-Policy"
    seen[(request.auth, method, status)] += 1


def fuzz(server: SvformsServer, tokens: Tokens, paths, max_examples: int) -> Counter:
    """Runs `max_examples` generated requests on `paths` and checks the property on each, then the
    server. Returns how many requests got each (auth, method, status)."""
    log_offset = len(server.log())
    seen: Counter = Counter()
    crashes: list[str] = []

    @settings(max_examples=max_examples, **FUZZ_SETTINGS)
    @given(fuzzed_requests(paths))
    def run(request: Fuzzed) -> None:
        check_one(server, tokens, request, seen, crashes)

    run()
    assert not crashes, f"{len(crashes)} request(s) killed the server:\n\n" + "\n\n".join(crashes[:5])
    assert_server_unharmed(server, log_offset)
    print(f"{sum(seen.values())} requests:", ", ".join(f"{a} {m} {s}: {n}" for (a, m, s), n in sorted(seen.items())))
    return seen


def past_the_anti_forgery_check(seen: Counter) -> int:
    """Posts with the real token that the anti-forgery check let through to the validators
    (answered with a redirect, a page of errors or a limit, not 403 or a parse refusal)."""
    return sum(n for (auth, method, status), n in seen.items() if auth == "valid" and method == "POST" and status in (303, 422, 429))


# ---------------------------------------------------------------------------------------------


def test_fuzzed_open_link_journeys_never_fail_the_server(server, tokens):
    seen = fuzz(server, tokens, open_link_paths, max_examples=600)
    assert past_the_anti_forgery_check(seen) >= 20, "too few generated answers reached the validators"


def test_fuzzed_personal_links_never_fail_the_server(server, tokens):
    seen = fuzz(server, tokens, invitation_paths, max_examples=300)
    assert past_the_anti_forgery_check(seen) >= 10, "too few generated answers reached the validators"


def test_fuzzed_sign_in_and_setup_never_fail_the_server(server, tokens):
    seen = fuzz(server, tokens, admin_paths, max_examples=150)
    assert past_the_anti_forgery_check(seen) >= 5, "too few generated sign-ins reached the validators"


def test_fuzzed_home_exit_and_assets_never_fail_the_server(server, tokens):
    fuzz(server, tokens, other_public_paths, max_examples=100)
