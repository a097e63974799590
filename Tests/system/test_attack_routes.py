"""Every route of a real, seeded server attacked in turn (the list is routes.tsv, which
RouteInventoryTests keeps equal to the server's router): access control for each role, forged
posts (CSRF), state changes on GET, the security headers, SQL injection in every parameter and
open redirects. Each attack ends with the database's data unchanged and integrity_check ok."""

from __future__ import annotations

import urllib.parse

import pytest
from attack_site import (
    ROLES, ROUTES, AttackSite, Client, changed_tables, form_fields, random_token,
)

SIGNED_IN_ROUTES = [route for route in ROUTES if route.is_signed_in]
POST_ROUTES = [route for route in ROUTES if route.method == "POST"]
GET_ROUTES = [route for route in ROUTES if route.method == "GET"]
EVIL_ORIGIN = "https://evil.example"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = AttackSite(tmp_path_factory.mktemp("attack-routes") / "data")
    yield site
    site.stop()
    assert "internal error" not in site.server.log()


@pytest.fixture(autouse=True)
def database_stays_sound(site):
    yield
    assert site.integrity() == "ok"


def authorised_client(site: AttackSite, route, **overrides: str) -> Client:
    """A client the route lets in (the lowest role allowed), holding the token of its form's page."""
    client = site.client_for(route.access)
    client.request(site.form_page(route, **overrides))
    return client


# --- Access control -----------------------------------------------------------------------------

@pytest.mark.parametrize("route", SIGNED_IN_ROUTES, ids=str)
def test_signed_in_routes_refuse_anonymous_visitors_and_lower_roles(site, route):
    before = site.snapshot()
    path = site.example(route)
    anonymous = Client(site.server)
    anonymous.request("/admin/login")
    status, headers, _ = anonymous.send(route.method, path)
    assert status in (303, 403), f"anonymous {route}: {status}"
    if route.method == "GET":
        assert headers["location"].startswith("/admin/login"), headers.get("location")

    for role in ROLES:
        client = site.signed_in(role)
        if route.allows(role):
            if route.method == "GET":
                status, _, body = client.send("GET", path)
                assert status == 200, f"{role} {route}: {status} (the example path must be real)"
            continue
        status, _, body = client.send(route.method, path)
        assert status == 403, f"{role} may not use {route} but got {status}"
        assert "You do not have access to this page" in body
    assert changed_tables(before, site.snapshot()) == []


@pytest.mark.parametrize("route", [r for r in ROUTES if r.access == "link"], ids=str)
def test_link_routes_need_the_real_link(site, route):
    before = site.snapshot()
    placeholder = "setup" if "{setup}" in route.example else "token"
    forged = site.example(route, **{placeholder: random_token()})
    client = Client(site.server)
    client.request("/")
    status, _, body = client.send(route.method, forged)
    assert status in (403, 404), f"{route} with a made-up token: {status}"
    assert changed_tables(before, site.snapshot()) == []


def test_every_route_is_listed_once_with_a_known_access(site):
    assert len({str(route) for route in ROUTES}) == len(ROUTES)
    for route in ROUTES:
        site.example(route)  # every placeholder has a seeded value


# --- CSRF ---------------------------------------------------------------------------------------

FORGERIES = {
    "no token": dict(token=None),
    "empty token": dict(token=""),
    "wrong token": dict(token=random_token()),
    "cross-site Origin": dict(headers={"Origin": EVIL_ORIGIN}),
    "cross-site fetch": dict(headers={"Sec-Fetch-Site": "cross-site"}),
    "null Origin": dict(headers={"Origin": "null"}),
}


def assert_forgeries_refused(client: Client, other: Client, path: str, base_url: str, snapshot) -> None:
    """Every forged post is a 403 and changes nothing; the same post with the page's own token is not refused."""
    assert client.csrf and other.csrf and client.csrf != other.csrf
    before = snapshot()
    for name, forgery in {**FORGERIES, "another browser's token": dict(token=other.csrf)}.items():
        status, _, body = client.send("POST", path, **forgery)
        assert status == 403, f"POST {path} with {name}: {status}"
        assert "Sorry, we could not save that page" in body
    assert changed_tables(before, snapshot()) == [], path
    # As browsers post the site's own forms: with its Origin, or `Origin: null` from a no-referrer page.
    for own_origin in (base_url, "null"):
        status, _, _ = client.send("POST", path, headers={"Origin": own_origin, "Sec-Fetch-Site": "same-origin"})
        assert status != 403, f"POST {path} from the site itself (Origin {own_origin}): refused even with its own token"


@pytest.mark.parametrize("route", [r for r in POST_ROUTES if "{setup}" not in r.example], ids=str)
def test_posts_without_their_own_token_or_from_another_site_are_refused(site, route):
    client = authorised_client(site, route)
    # A personal link's pages are bound to the link: the other browser is someone else's link.
    other = authorised_client(site, route, token=site.values["other_token"])
    assert_forgeries_refused(client, other, site.example(route), site.server.base_url, site.snapshot)


def test_the_first_run_setup_form_refuses_forged_posts(tmp_path):
    fresh = AttackSite.without_accounts(tmp_path / "data")
    try:
        route = next(r for r in POST_ROUTES if "{setup}" in r.example)
        client, other = Client(fresh.server), Client(fresh.server)
        for browser in (client, other):
            assert browser.request(fresh.form_page(route))[0] == 200
        assert_forgeries_refused(client, other, fresh.example(route), fresh.server.base_url, fresh.snapshot)
        assert fresh.integrity() == "ok"
    finally:
        fresh.stop()


@pytest.mark.parametrize("who", ["anonymous", "link", *ROLES])
def test_no_get_request_changes_any_data(site, who):
    client = site.signed_in(who) if who in ROLES else Client(site.server)
    routes = [r for r in GET_ROUTES if r.access == "anyone" or r.access == who or (who in ROLES and r.is_signed_in)]
    before = site.snapshot()
    for route in routes:
        status, _, _ = client.send("GET", site.example(route))
        assert status < 500, f"{who} GET {route}: {status}"
    assert changed_tables(before, site.snapshot()) == [], f"GET as {who} changed data"


# --- Headers ------------------------------------------------------------------------------------

def assert_security_headers(path: str, status: int, headers: dict) -> None:
    where = f"{path} ({status})"
    csp = headers.get("content-security-policy", "")
    directives = dict((d.strip().split(" ", 1) + [""])[:2] for d in csp.split(";") if d.strip())
    assert directives.get("default-src") == "'none'", where
    assert "script-src" not in directives or "unsafe" not in directives["script-src"], where
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, where
    assert directives.get("frame-ancestors") == "'none'", where
    assert headers.get("x-content-type-options") == "nosniff", where
    secret = path.startswith("/i/") or path.startswith("/admin/setup/")
    assert headers.get("referrer-policy") in (("no-referrer",) if secret else ("no-referrer", "same-origin")), where
    if path.startswith("/admin") or path.startswith("/i/") or path.startswith("/f/"):
        assert headers.get("cache-control") == "no-store", where
    assert not [name for name in headers if name.startswith("access-control-")], where
    assert "strict-transport-security" not in headers, f"{where}: HSTS over plain http"


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_every_response_carries_the_security_headers(site, route):
    client = authorised_client(site, route)
    path = site.example(route)
    cross_site = {"Origin": EVIL_ORIGIN}
    if route.method == "GET":
        status, headers, _ = client.send("GET", path, headers=cross_site)
        # The setup link is spent once an admin exists: its page is a 404, with the same headers.
        assert status in ((404,) if "{setup}" in route.example else (200, 303)), f"{route}: {status}"
    else:
        status, headers, _ = client.send("POST", path, token=None)  # refused, but still a response
        assert status in ((404,) if "{setup}" in route.example else (403,)), f"{route}: {status}"
    assert_security_headers(path, status, headers)


# Any method but GET/HEAD from another origin is refused before routing, so those are 403s.
@pytest.mark.parametrize("method,path,expected", [
    ("GET", "/nowhere", 404), ("GET", "/admin/nowhere", 404), ("DELETE", "/f/community-voice/area", 403),
    ("PUT", "/admin", 403), ("OPTIONS", "/admin/login", 403), ("GET", "/f/no-such-form", 404),
])
def test_errors_carry_the_security_headers_too(site, method, path, expected):
    status, headers, _ = Client(site.server).send(method, path, token=None, headers={"Origin": EVIL_ORIGIN})
    assert status == expected, f"{method} {path}: {status}"
    assert_security_headers(path, status, headers)


# --- SQL injection ------------------------------------------------------------------------------

SQL_PAYLOADS = [
    "' OR '1'='1",
    "1; DROP TABLE response; --",
    "\" OR 1=1 --",
    "1 UNION SELECT password_hash FROM account --",
    "') ; DELETE FROM answer; --",
    "1' AND randomblob(1000000000) --",
    "%' OR reference LIKE '%",
    "1) OR (SELECT count(*) FROM sqlite_master) > 0 --",
]
DATABASE_ERRORS = ["SQLITE_", "syntax error", "no such table", "no such column", "unrecognized token", "GRDB"]
QUERY_NAMES = ["q", "form", "status", "quarter", "area", "theme", "page", "next", "done", "id", "round", "sort"]


def injected_path(site: AttackSite, route, payload: str) -> str:
    """The example path with the payload in each placeholder, or the route's own path if it has none."""
    encoded = urllib.parse.quote(payload, safe="")
    return site.example(route, **{name: encoded for name in site.values})


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_sql_injection_in_every_parameter_changes_nothing(site, route):
    client = authorised_client(site, route)
    own_path = site.example(route)
    page_html = client.send("GET", site.form_page(route))[2]
    field_names = form_fields(page_html).get(own_path, [])
    before = site.snapshot(skip={"draft"})
    tried = 0
    for payload in SQL_PAYLOADS:
        query = "?" + urllib.parse.urlencode([(name, payload) for name in QUERY_NAMES])
        attempts = [(injected_path(site, route, payload), None), (own_path + query, None)]
        if route.method == "POST" and field_names:
            attempts.append((own_path, [(name, payload) for name in field_names]))
        for path, fields in attempts:
            if route.method == "POST" and fields is None and path.startswith(own_path) and not field_names:
                continue  # a post that takes no input (send reminders, sign out) would simply do its work
            status, _, body = client.send(route.method, path, fields)
            tried += 1
            assert status < 500, f"{route.method} {path} {fields}: {status}"
            leaks = [text for text in DATABASE_ERRORS if text in body]
            assert not leaks, f"{route.method} {path}: the page shows {leaks}"
    print(f"{route}: {tried} injections")
    assert changed_tables(before, site.snapshot(skip={"draft"})) == [], f"{route}: data changed"


def test_an_answer_that_looks_like_sql_is_stored_as_typed(site):
    from svforms_server import COMMUNITY_VOICE
    words = "Robert'); DROP TABLE response;-- and ' OR 1=1 --"
    voice = Client(site.server)
    for page, fields in COMMUNITY_VOICE:
        voice.answer("community-voice", page, [("voice", words)] if page == "voice" else fields)
    voice.request("/f/community-voice/check")
    status, headers, _ = voice.send("POST", "/f/community-voice/submit", [])
    assert status == 303
    reference = voice.receipt()
    stored = site.query("SELECT a.value FROM answer a JOIN response r ON r.id = a.response_id "
                        "WHERE r.reference = ? AND a.question_id = 'voice'", reference)
    assert stored == [(words,)]


# --- Open redirects -----------------------------------------------------------------------------

EVIL_TARGETS = [
    "https://evil.example/", "//evil.example/", "/\\evil.example", "\\\\evil.example", "/admin@evil.example",
    "/admin//evil.example", "https:evil.example", "javascript:alert(1)", "/admin/../\\evil.example",
    "%2F%2Fevil.example", "/%09/evil.example", "http://127.0.0.1.evil.example/admin",
]


def assert_stays_on_site(location: str | None, what: str) -> None:
    if location is None:
        return
    split = urllib.parse.urlsplit(location)
    assert not split.scheme and not split.netloc, f"{what} redirects off-site to {location}"
    assert location.startswith("/") and not location.startswith("//") and "\\" not in location, f"{what}: {location}"


@pytest.mark.parametrize("target", EVIL_TARGETS)
def test_sign_in_never_returns_to_another_site(site, target):
    client = Client(site.server)
    status, headers, body = client.send("GET", "/admin/login?next=" + urllib.parse.quote(target, safe=""))
    assert status == 200
    assert "evil.example" not in body
    status, headers, _ = client.send("POST", "/admin/login?next=" + urllib.parse.quote(target, safe=""),
                                     [("email", "lead@example.org"), ("password", "correct horse battery staple"),
                                      ("next", target)])
    assert status == 303
    assert_stays_on_site(headers.get("location"), f"sign-in with next={target}")
    assert headers["location"] == "/admin"


@pytest.mark.parametrize("route", GET_ROUTES, ids=str)
def test_no_redirect_parameter_leads_off_site(site, route):
    client = authorised_client(site, route)
    for name in ["next", "return", "returnTo", "redirect", "url", "continue"]:
        for target in EVIL_TARGETS[:4]:
            path = site.example(route) + "?" + urllib.parse.urlencode({name: target})
            status, headers, _ = client.send("GET", path)
            assert status < 500
            if route.path == "/exit":  # leaves on purpose, for the configured neutral site only
                assert "evil" not in headers.get("location", ""), path
                continue
            assert_stays_on_site(headers.get("location"), f"GET {path}")
