"""Attacks on accounts, sessions and secret links against a real, seeded server: password and link
guessing is throttled, nothing tells a real account, link or reference from a made-up one, sessions
cannot be fixed or replayed, cookies carry the strict attributes, and HSTS is sent over TLS."""

from __future__ import annotations

import http.client
import re
import statistics
import time
import urllib.parse

import pytest
from attack_site import PASSWORD, AttackSite, Client, random_token
from svforms_server import SvformsServer, submit_community_voice

FAILURE_MESSAGE = "Enter the email address and password of an active account"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = AttackSite(tmp_path_factory.mktemp("attack-accounts") / "data")
    yield site
    site.stop()
    assert site.integrity() == "ok"
    assert "internal error" not in site.server.log()


def sign_in(client: Client, email: str, password: str) -> tuple[int, dict, str]:
    client.request("/admin/login")
    return client.send("POST", "/admin/login", [("email", email), ("password", password)])


def page_text(body: str) -> str:
    """What a person reads on the page: no markup, no per-browser token, no request id."""
    body = re.sub(r'name="_csrf" value="[^"]*"', "", body)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)).strip()


# --- Brute force --------------------------------------------------------------------------------

def test_password_guessing_on_one_account_is_throttled_from_any_address(site):
    site.server.cli("user", "add", "target@example.org", "--role", "viewer", input=(PASSWORD + "\n").encode())
    for attempt in range(5):
        status, _, body = sign_in(Client(site.server), "target@example.org", f"guess {attempt}")
        assert status == 422 and FAILURE_MESSAGE in body, f"attempt {attempt + 1}: {status}"
    # From a new address, even with the right password: the account is locked for a while.
    status, headers, body = sign_in(Client(site.server), "target@example.org", PASSWORD)
    assert status == 429, status
    assert 0 < int(headers["retry-after"]) <= 15 * 60
    assert "Too many attempts" in body


def test_one_address_guessing_across_accounts_is_throttled(site):
    guesser = Client(site.server)
    statuses = [sign_in(guesser, f"nobody{n}@example.org", "password")[0] for n in range(21)]
    assert statuses[:20] == [422] * 20 and statuses[20] == 429, statuses
    # Someone else signs in as usual meanwhile.
    assert sign_in(Client(site.server), "lead@example.org", PASSWORD)[0] == 303


def test_guessing_personal_links_is_throttled_but_real_links_still_open(site):
    guesser = Client(site.server)
    statuses = [guesser.send("GET", f"/i/{random_token()}")[0] for _ in range(21)]
    assert statuses[:20] == [404] * 20 and statuses[20] == 429, statuses
    assert guesser.send("GET", f"/i/{random_token()}")[1]["retry-after"]
    assert Client(site.server).send("GET", f"/i/{site.values['token']}")[0] == 200


# --- Nothing to enumerate -----------------------------------------------------------------------

def test_an_unknown_account_and_a_wrong_password_look_and_take_the_same(site):
    known, unknown = [], []
    pages = set()
    for n in range(4):
        for email, times in [("lead@example.org", known), (f"nobody-{n}@example.org", unknown)]:
            client = Client(site.server)
            client.request("/admin/login")
            started = time.perf_counter()
            status, _, body = client.send("POST", "/admin/login", [("email", email), ("password", f"wrong {n}")])
            times.append(time.perf_counter() - started)
            assert status == 422
            pages.add(page_text(body).replace(email, "EMAIL"))
    assert len(pages) == 1, "the page differs between a known and an unknown account"
    ratio = statistics.median(known) / statistics.median(unknown)
    assert 0.5 < ratio < 2, f"sign-in takes {ratio:.2f}× as long for a real account (bcrypt runs for both)"
    assert sign_in(Client(site.server), "lead@example.org", PASSWORD)[0] == 303  # success clears the failures


def test_a_removed_persons_link_looks_like_a_link_that_never_existed(site):
    lead = site.signed_in("lead")
    round_path = f"/admin/rounds/{site.values['round']}"
    lead.request(round_path)
    removed = site.query("SELECT id FROM representative WHERE email = 'ben@fire.example'")[0][0]
    status, _, _ = lead.send("POST", f"{round_path}/people/{removed}/remove", [("confirm", "yes")])
    assert status == 303
    token = site.values["other_token"]  # Ben's link
    gone = Client(site.server).send("GET", f"/i/{token}")
    never = Client(site.server).send("GET", f"/i/{random_token()}")
    malformed = Client(site.server).send("GET", "/i/not-a-token")
    assert gone[0] == never[0] == malformed[0] == 404
    assert page_text(gone[2]) == page_text(never[2]) == page_text(malformed[2])


def test_voice_references_cannot_be_probed(site):
    lead = site.signed_in("lead")
    real = site.values["voice"]
    assert lead.send("GET", f"/admin/voices/community-voice/{real}")[0] == 200
    answers = [lead.send("GET", f"/admin/voices/community-voice/{reference}")
               for reference in ["ZZZZZZZZ", "zzzz", "00000000", real.lower() + "x"]]
    assert {status for status, _, _ in answers} == {404}
    assert len({page_text(body) for _, _, body in answers}) == 1
    # A browser that sets its own receipt cookie to someone's reference sees no one's answers.
    nosy = Client(site.server)
    status, _, body = nosy.send("GET", "/f/community-voice/confirmation",
                                headers={"Cookie": f"svf_receipt=community-voice:{real}"})
    assert "by the station" not in body and status in (200, 303)


# --- Sessions -----------------------------------------------------------------------------------

def cookie(client: Client, name: str) -> str | None:
    return next((c.value for c in client.cookies if c.name == name), None)


def test_a_planted_session_cookie_is_replaced_at_sign_in_and_worthless(site):
    planted = random_token()
    victim = Client(site.server)
    victim.request("/admin/login")
    status, headers, _ = victim.send("POST", "/admin/login", [("email", "lead@example.org"), ("password", PASSWORD)],
                                     headers={"Cookie": f"svf_session={planted}; svf_respondent={cookie(victim, 'svf_respondent')}"})
    assert status == 303
    assert cookie(victim, "svf_session") not in (None, planted)
    attacker = Client(site.server)
    status, headers, _ = attacker.send("GET", "/admin", headers={"Cookie": f"svf_session={planted}"})
    assert status == 303 and headers["location"].startswith("/admin/login")


def test_a_signed_out_session_cannot_be_replayed(site):
    lead = site.signed_in("lead")
    stolen = cookie(lead, "svf_session")
    assert lead.send("POST", "/admin/logout")[0] == 303
    replay = Client(site.server)
    for path in ["/admin", "/admin/voices", "/admin/forms/role-understanding/responses.csv"]:
        status, headers, _ = replay.send("GET", path, headers={"Cookie": f"svf_session={stolen}"})
        assert status == 303 and headers["location"].startswith("/admin/login"), path
    assert replay.send("POST", "/admin/rounds", [("name", "x")], headers={"Cookie": f"svf_session={stolen}"})[0] in (303, 403)


@pytest.fixture(scope="module")
def https_server(tmp_path_factory):
    """A server whose public address is https (as behind the TLS proxy in deploy/)."""
    server = SvformsServer(tmp_path_factory.mktemp("https") / "data",
                           env={"SVFORMS_BASE_URL": "https://forms.example"}).start()
    server.cli("user", "add", "lead@example.org", "--role", "lead", input=(PASSWORD + "\n").encode())
    yield server
    server.stop()


def set_cookies(headers_list: list[tuple[str, str]]) -> dict[str, str]:
    return {value.split("=", 1)[0]: value for name, value in headers_list if name.lower() == "set-cookie"}


def raw(server: SvformsServer, method: str, path: str, body: str | None = None,
        cookie_header: str = "") -> tuple[int, list[tuple[str, str]], str]:
    """A request with only the cookies given: the https server's cookies are Secure, so a cookie jar
    would not send them back over the test's plain connection."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    headers = {"Cookie": cookie_header} if cookie_header else {}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    result = response.status, response.getheaders(), response.read().decode()
    connection.close()
    return result


def test_over_tls_cookies_are_host_only_secure_http_only_and_same_site(https_server):
    status, headers, body = raw(https_server, "GET", "/admin/login")
    respondent = set_cookies(headers)["__Host-svf_respondent"]
    token = re.search(r'name="_csrf" value="([^"]+)"', body)[1]
    pair = respondent.split(";", 1)[0]
    status, headers, _ = raw(https_server, "POST", "/admin/login", urllib.parse.urlencode(
        {"email": "lead@example.org", "password": PASSWORD, "_csrf": token}), cookie_header=pair)
    assert status == 303
    session = set_cookies(headers)["__Host-svf_session"]
    for value in (respondent, session):
        attributes = [part.strip().lower() for part in value.split(";")[1:]]
        assert "secure" in attributes and "httponly" in attributes, value
        assert "path=/" in attributes and not any(a.startswith("domain=") for a in attributes), value
        assert any(a in ("samesite=lax", "samesite=strict") for a in attributes), value


@pytest.mark.parametrize("path", ["/", "/f/community-voice/area", "/admin/login", "/nowhere", "/healthz"])
def test_over_tls_every_response_sends_hsts(https_server, path):
    _, headers, _ = raw(https_server, "GET", path)
    values = [value for name, value in headers if name.lower() == "strict-transport-security"]
    assert values == ["max-age=31536000; includeSubDomains"], path


def test_a_confirmation_is_only_shown_to_the_browser_that_sent_it(site):
    sender = Client(site.server)
    reference = submit_community_voice(sender)
    status, _, body = sender.send("GET", "/f/community-voice/confirmation")
    assert status == 200 and reference in body
    status, _, body = Client(site.server).send("GET", "/f/community-voice/confirmation")
    assert reference not in body
