"""The outside attack test's reproductions (issue 17), each against the real server as it was sent.

1. The 66-byte multipart post that stopped the process: `test_attack_malformed.py::
   test_a_multipart_part_header_outside_the_grammar_is_a_400`; its class: `test_attack_mutation.py`.
   Here: the sign-in throttle it made the server forget by restarting it.
2. `GET /admin/voices?page=9223372036854775807`, reached through the sign-in page's `next`.
3. Deleted words in the WAL: `test_erasure.py`.
4. One page's stamp kept (or many fetched ahead), 11 s waited, then whole journeys sent with them.
5. Three anonymous runs of the role survey's public link rating everything "No understanding".
6. 300 drafts from one address.
7. A lead locked out by five wrong passwords from anywhere; the second test's NUL after the address.
8. `/readyz` telling anonymous callers how much mail waits; HEAD on a GET route answering 404.
"""

from __future__ import annotations

import re
import time
import urllib.parse

import pytest
from attack_site import PASSWORD, AttackSite, Client
from svforms_server import COMMUNITY_VOICE, submit_role_survey_by_public_link


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = AttackSite(tmp_path_factory.mktemp("reproductions") / "data")
    yield site
    site.stop()


def sign_in(client: Client, email: str, password: str, next_path: str | None = None) -> tuple[int, dict, str]:
    path = "/admin/login" + (f"?next={urllib.parse.quote(next_path, safe='/')}" if next_path else "")
    client.request(path)
    return client.send("POST", path, [("email", email), ("password", password)])


def test_a_page_number_past_any_list_shows_the_list_even_through_a_sign_in_link(site):
    lead = Client(site.server)
    status, headers, _ = sign_in(lead, "lead@example.org", PASSWORD, "/admin/voices?page=9223372036854775807")
    assert status == 303 and headers["location"] == "/admin/voices?page=9223372036854775807"
    status, _, body = lead.send("GET", headers["location"])
    assert status == 200 and "Community voices" in body


def send_journey(bot: Client, stamp: str) -> None:
    """One whole community voice, every page posted with `stamp` in place of the one it was shown."""
    for page, fields in COMMUNITY_VOICE:
        bot.request(f"/f/community-voice/{page}")
        bot.shown = stamp
        assert bot.send("POST", f"/f/community-voice/{page}", fields)[0] == 303
    bot.request("/f/community-voice/check")
    bot.shown = stamp
    assert bot.send("POST", "/f/community-voice/submit", [])[0] == 303


def test_kept_or_prefetched_stamps_make_only_one_journey_look_human(site):
    keeper, prefetcher = Client(site.server), Client(site.server)
    keeper.request("/f/community-voice/area")
    kept = keeper.shown
    prefetched = []
    for _ in range(3):  # the outside test's second try: many first pages fetched ahead, one wait for all
        prefetcher.request("/f/community-voice/area")
        prefetched.append(prefetcher.shown)
    time.sleep(11)  # the outside test waited 11 s, past the 10 s minimum
    for bot, stamps in [(keeper, [kept] * 3), (prefetcher, prefetched)]:
        before = site.query("SELECT count(*) FROM voice")[0][0]
        started = time.monotonic()
        for stamp in stamps:
            send_journey(bot, stamp)
        assert time.monotonic() - started < 10, "the journeys were sent faster than a person could"
        statuses = [row[0] for row in site.query("SELECT status FROM voice ORDER BY response_id")[before:]]
        assert statuses == ["new", "quarantined", "quarantined"], statuses


def measure_overall(site: AttackSite) -> list[str]:
    viewer = site.signed_in("viewer")
    _, _, csv = viewer.download("/admin/forms/role-understanding/measures/2.2.1.a.csv")
    rows = [line.split(",") for line in csv.decode("utf-8-sig").splitlines()]
    return [row for row in rows if len(row) > 1 and row[1] == "Overall"][-1]  # the current quarter


def test_anonymous_answers_through_the_public_link_do_not_move_the_measure(site):
    before = measure_overall(site)
    for _ in range(3):
        submit_role_survey_by_public_link(Client(site.server), "surrey-police", "none")
    after = measure_overall(site)
    assert after[3:5] == before[3:5], f"numerator and denominator moved: {before} -> {after}"
    assert int(after[-1]) == int(before[-1]) + 3, "the download says how many were left out"


def test_one_address_cannot_start_hundreds_of_drafts(site):
    address = "203.0.113.66"
    before = site.query("SELECT count(*) FROM draft")[0][0]
    statuses = []
    for _ in range(300):
        client = Client(site.server)
        client.address = address
        client.request("/f/community-voice/area")
        status, headers, body = client.send("POST", "/f/community-voice/area", [("area", "guildford")])
        statuses.append(status)
        if status == 429:
            assert int(headers["retry-after"]) > 0 and 'value="guildford" checked' in body
    created = site.query("SELECT count(*) FROM draft")[0][0] - before
    assert statuses.count(303) <= 40 and created == statuses.count(303), (created, statuses.count(303))
    assert statuses.count(429) >= 250


def test_wrong_passwords_from_anywhere_do_not_lock_a_lead_out_of_their_own_browser_even_after_a_restart(site):
    site.server.cli("user", "add", "busy-lead@example.org", "--role", "lead", input=(PASSWORD + "\n").encode())
    usual = Client(site.server)
    assert sign_in(usual, "busy-lead@example.org", PASSWORD)[0] == 303
    for attempt in range(5):
        assert sign_in(Client(site.server), "busy-lead@example.org", f"guess {attempt}")[0] == 422
    assert sign_in(Client(site.server), "busy-lead@example.org", PASSWORD)[0] == 429, "an unknown browser is slowed"
    site.server.stop()  # a restart (after a crash, say) used to forget every limit
    site.server.start()
    assert sign_in(Client(site.server), "busy-lead@example.org", PASSWORD)[0] == 429, "the limit survived the restart"
    assert sign_in(usual, "busy-lead@example.org", PASSWORD)[0] == 303, "the lead's own browser signs in"
    # The second outside test's way round the account's limit: a NUL after the address.
    for suffix in ["", "1", "zzz"]:
        assert sign_in(Client(site.server), "busy-lead@example.org\x00" + suffix, PASSWORD)[0] == 400


def test_readyz_tells_outsiders_only_the_status_and_head_answers(site):
    status, _, body = Client(site.server).send("GET", "/readyz")
    assert (status, body) == (200, "ready")
    assert not re.search(r"mail|waiting|\d", body)
    for path in ["/f/community-voice", "/readyz", "/"]:
        status, _, body = Client(site.server).send("HEAD", path)
        assert status == 200 and body == "", f"HEAD {path}: {status}"
