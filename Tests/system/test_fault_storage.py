"""The real server on a disk that fills up or turns read-only under it: it answers 503 with a page
that says so (never a 500, never a confirmation it cannot keep), keeps the answers people gave,
reports the problem on /healthz and /readyz, and carries on by itself once the disk is usable again.
Each test ends with `PRAGMA integrity_check` = ok.

The full disk is a small tmpfs filled with a ballast file, then emptied again.

A read-only disk cannot be made with `mount -o remount,ro` under a running server: Linux refuses
it (EBUSY) while a process holds a file open for writing, as SQLite always does. So it is made in
two ways:
- for real: an ext4 image on a loop device mounted `errors=remount-ro`, which the kernel turns
  read-only on an error (/sys/fs/ext4/DEV/trigger_fs_error), the way a live server's disk goes
  read-only. The kernel keeps it so until it is unmounted, so recovery there is fsck and a restart;
- reversibly: the data directory on a tmpfs, with readonly_shim.c preloaded into the server
  (LD_PRELOAD): while a flag file exists, every write under the directory fails with EROFS, as after
  a remount; removing the flag is the remount rw, with the server left running.
The mounts need root and the shim a C compiler; without them the tests are skipped.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from svforms_server import COMMUNITY_VOICE, REPO_ROOT, Respondent, SvformsServer, local_request, submit_community_voice

UNAVAILABLE_HEADING = "Sorry, the service is unavailable"
VOICE_TEXT = "Groups gather by the station"  # part of the answer COMMUNITY_VOICE gives
LEAD_EMAIL = "lead@example.org"
LEAD_PASSWORD = "correct horse battery staple"


def run(*command: str) -> subprocess.CompletedProcess:
    """Runs a command, its output captured as text."""
    return subprocess.run(list(command), capture_output=True, text=True, timeout=60)


def mount_or_skip(*command: str) -> None:
    """Mounts, or skips the test when this machine does not let us (not root, no loop devices)."""
    result = run(*command)
    if result.returncode != 0:
        reason = result.stderr.strip() or f"exit {result.returncode}"
        if os.geteuid() != 0 or "permission denied" in reason.lower() or "EPERM" in reason:
            pytest.skip(f"cannot mount here: {reason}")
        pytest.skip(f"`{' '.join(command)}` failed: {reason}")


def unmount(mountpoint: Path) -> None:
    """Unmounts, lazily if something still holds the mount."""
    if run("umount", str(mountpoint)).returncode != 0:
        run("umount", "-l", str(mountpoint))  # something still holds it: detach it all the same


@pytest.fixture
def small_disk(tmp_path):
    """A 16 MB tmpfs, unmounted at the end whatever happened."""
    mountpoint = tmp_path / "disk"
    mountpoint.mkdir()
    mount_or_skip("mount", "-t", "tmpfs", "-o", "size=16m,mode=0755", "tmpfs", str(mountpoint))
    try:
        yield mountpoint
    finally:
        unmount(mountpoint)


def fill(directory: Path) -> Path:
    """Writes a ballast file until the filesystem says ENOSPC; returns it."""
    ballast = directory / "ballast"
    fd = os.open(ballast, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for size in (1 << 20, 1 << 12, 1):
            chunk = b"\0" * size
            while True:
                try:
                    os.write(fd, chunk)
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    break
    finally:
        os.close(fd)
    return ballast


def integrity(database_path: Path) -> str:
    """`PRAGMA integrity_check` of the database (the server stopped)."""
    connection = sqlite3.connect(database_path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def stored_references(database_path: Path) -> set[str]:
    """The reference of every stored response."""
    connection = sqlite3.connect(database_path)
    try:
        return {row[0] for row in connection.execute("SELECT reference FROM response")}
    finally:
        connection.close()


def answer_every_page(respondent: Respondent) -> None:
    """Answers each page of the community voice, stopping before Submit."""
    for page, fields in COMMUNITY_VOICE:
        respondent.answer("community-voice", page, fields)


def probe_until(server: SvformsServer, path: str, expected: int, situation: str, timeout: float = 3.0) -> str:
    """Asks `path` until it answers `expected` (its write check is reused for up to a second); returns the body."""
    deadline = time.monotonic() + timeout
    while True:
        status, body = local_request(server, path)
        if status == expected:
            return body
        if time.monotonic() > deadline:
            raise AssertionError(f"{path} still answered {status}, not {expected}, {timeout}s after {situation}: {body}")
        time.sleep(0.1)


def visible_text(html: str) -> str:
    """A page's words without its markup, for assertion messages."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def assert_unavailable_page(status: int, headers: dict, body: str, what: str) -> None:
    """The 503 page: HTML, saying the service is unavailable, no redirect (to a confirmation or elsewhere)."""
    assert status == 503, f"{what}: expected 503, got {status}: {visible_text(body)[:300]}"
    assert headers.get("content-type", "").startswith("text/html"), f"{what}: 503 is not an HTML page"
    assert UNAVAILABLE_HEADING in body, f"{what}: the 503 page does not say the service is unavailable"
    assert "location" not in headers, f"{what}: a 503 must not redirect"


def assert_answers_kept(person: Respondent, situation: str) -> None:
    """Check your answers still shows what the person gave: they can press Submit again."""
    status, _, check_page = person.request("/f/community-voice/check")
    assert status == 200, f"Check your answers on {situation} answered {status}: {visible_text(check_page)[:300]}"
    assert VOICE_TEXT in check_page, f"on {situation}, the answers given before the failed submit were lost"


def people_mid_form(server: SvformsServer) -> tuple[Respondent, Respondent, Respondent]:
    """Someone on Check your answers, someone on the first page, and the lead on the sign-in page."""
    person = Respondent(server)
    answer_every_page(person)
    person.request("/f/community-voice/check")
    late = Respondent(server)
    late.request("/f/community-voice/area")
    lead = Respondent(server)
    lead.request("/admin/login")
    return person, late, lead


def assert_writes_refused(server: SvformsServer, person: Respondent, late: Respondent, lead: Respondent,
                          situation: str) -> None:
    """While the database cannot take a write: both probes say so, each POST gets the 503 page
    (not a 500, not a receipt), and reading still works."""
    # The proxy and monitoring learn of it (each probe's write is reused for up to a second).
    assert "database cannot write" in probe_until(server, "/healthz", 503, situation)
    assert "database: cannot write" in probe_until(server, "/readyz", 503, situation)

    status, headers, body = late.request("/f/community-voice/area", [("area", "guildford")])
    assert_unavailable_page(status, headers, body, f"answer page on {situation}")
    status, headers, body = person.request("/f/community-voice/submit", [])
    assert_unavailable_page(status, headers, body, f"submit on {situation}")
    assert person.receipt() is None and "svf_receipt" not in headers.get("set-cookie", ""), \
        "a receipt cookie was set for a submission that was not stored"
    status, headers, body = lead.request("/admin/login", [("email", LEAD_EMAIL), ("password", LEAD_PASSWORD)])
    assert_unavailable_page(status, headers, body, f"sign-in on {situation}")
    assert_answers_kept(person, situation)
    assert server.process.poll() is None, f"the server died on {situation}:\n{server.log()[-3000:]}"


def assert_writes_work_again(server: SvformsServer, person: Respondent, late: Respondent, lead: Respondent,
                             situation: str) -> list[str]:
    """Once the disk takes writes: the same person presses Submit again and gets the confirmation,
    the others carry on, the probes are 200. Returns the new references."""
    status, headers, body = person.request("/f/community-voice/submit", [])
    assert (status, headers.get("location")) == (303, "/f/community-voice/confirmation"), \
        f"submit after {situation} answered {status}: {visible_text(body)[:300]}"
    reference = person.receipt()
    assert reference, f"no receipt for the submit after {situation}"
    status, _, body = person.request("/f/community-voice/confirmation")
    assert status == 200 and reference in body, f"the confirmation does not show {reference}"
    references = [reference, submit_community_voice(late)]
    lead.sign_in(LEAD_EMAIL, LEAD_PASSWORD)
    assert probe_until(server, "/healthz", 200, situation) == "ok"
    probe_until(server, "/readyz", 200, situation)
    return references


def assert_all_stored(server: SvformsServer, acknowledged: list[str]) -> None:
    """Every acknowledged reference is in the database, nothing else is, and the file is sound."""
    stored = stored_references(server.database_path)
    missing = [reference for reference in acknowledged if reference not in stored]
    assert not missing, f"acknowledged but not stored: {missing}"
    assert len(stored) == len(acknowledged), f"stored {len(stored)} responses, acknowledged {len(acknowledged)}"
    assert integrity(server.database_path) == "ok"


def add_lead(server: SvformsServer) -> None:
    """The lead account, added from the command line before the server starts."""
    added = server.cli("user", "add", LEAD_EMAIL, "--role", "lead", input=(LEAD_PASSWORD + "\n").encode())
    assert added.returncode == 0, added.stderr.decode()


def break_and_recover(server: SvformsServer, break_storage, restore_storage, broken: str, restored: str) -> None:
    """With the server running: storage broken → every write refused with a 503 page and the answers
    kept; storage restored → the same process takes the same people's submissions; nothing
    acknowledged is lost and the file is sound."""
    add_lead(server)
    server.start()
    try:
        acknowledged = [submit_community_voice(Respondent(server))]
        person, late, lead = people_mid_form(server)
        break_storage()
        try:
            assert_writes_refused(server, person, late, lead, broken)
        finally:
            restore_storage()
        acknowledged += assert_writes_work_again(server, person, late, lead, restored)
        assert "storage unavailable" in server.log()
    finally:
        server.stop()
    assert "internal error" not in server.log(), server.log()[-3000:]
    assert_all_stored(server, acknowledged)


def test_a_full_disk_gets_503s_keeps_the_answers_and_the_server_carries_on_once_there_is_space(small_disk, tmp_path):
    server = SvformsServer(small_disk)
    server.log_path = tmp_path / "server.log"  # not on the disk that fills up
    ballast: list[Path] = []
    break_and_recover(server, lambda: ballast.append(fill(small_disk)), lambda: ballast.pop().unlink(),
                      "a full disk", "space was freed")


@pytest.fixture
def ext4_disk(tmp_path):
    """A 64 MB ext4 image mounted on a loop device with errors=remount-ro; yields (mountpoint, device, image)."""
    image = tmp_path / "disk.img"
    mountpoint = tmp_path / "disk"
    mountpoint.mkdir()
    with open(image, "wb") as handle:
        handle.truncate(64 << 20)
    made = run("mkfs.ext4", "-q", "-F", str(image))
    if made.returncode != 0:
        pytest.skip(f"mkfs.ext4 failed: {made.stderr.strip()}")
    mount_or_skip("mount", "-o", "loop,errors=remount-ro", str(image), str(mountpoint))
    try:
        device = Path(run("findmnt", "-no", "SOURCE", str(mountpoint)).stdout.strip()).name
        if not (Path("/sys/fs/ext4") / device / "trigger_fs_error").exists():
            pytest.skip(f"this kernel has no /sys/fs/ext4/{device}/trigger_fs_error")
        yield mountpoint, device, image
    finally:
        unmount(mountpoint)


def turn_read_only(mountpoint: Path, device: str) -> None:
    """Has the kernel remount the ext4 filesystem read-only, as it does on an I/O error; checks it did."""
    (Path("/sys/fs/ext4") / device / "trigger_fs_error").write_text("svforms fault-injection test")
    try:
        (mountpoint / "probe").write_bytes(b"x")
    except OSError as error:
        assert error.errno == errno.EROFS, f"expected EROFS, got {error}"
    else:
        raise AssertionError("the filesystem still takes writes after the error")


def test_a_disk_the_kernel_turns_read_only_gets_503s_and_keeps_everything_for_after_fsck(ext4_disk, tmp_path):
    mountpoint, device, image = ext4_disk
    server = SvformsServer(mountpoint / "data")
    server.log_path = tmp_path / "server.log"  # not on the disk that turns read-only
    add_lead(server)
    server.start()
    try:
        acknowledged = [submit_community_voice(Respondent(server))]
        person, late, lead = people_mid_form(server)
        turn_read_only(mountpoint, device)
        assert_writes_refused(server, person, late, lead, "a read-only disk")
    finally:
        server.stop()
    assert "internal error" not in server.log(), server.log()[-3000:]

    # The kernel keeps an ext4 it turned read-only so until it is unmounted: an operator's
    # recovery is fsck, mount, start. Everything acknowledged is there, the person's answers too.
    unmount(mountpoint)
    checked = run("e2fsck", "-fy", str(image))
    assert checked.returncode in (0, 1), checked.stdout + checked.stderr
    subprocess.run(["mount", "-o", "loop,errors=remount-ro", str(image), str(mountpoint)], check=True)
    server.start()
    try:
        acknowledged += assert_writes_work_again(server, person, late, lead, "fsck and a restart")
    finally:
        server.stop()
    assert "internal error" not in server.log(), server.log()[-3000:]
    assert_all_stored(server, acknowledged)


@pytest.fixture
def readonly_shim(tmp_path) -> Path:
    """readonly_shim.c built for this test, or a skip when there is no C compiler."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if not compiler:
        pytest.skip("no C compiler to build readonly_shim.c")
    library = tmp_path / "readonly_shim.so"
    built = run(compiler, "-shared", "-fPIC", "-O2", "-o", str(library), str(REPO_ROOT / "Tests/system/readonly_shim.c"), "-ldl")
    assert built.returncode == 0, built.stderr
    return library


def test_a_disk_remounted_read_only_gets_503s_and_the_server_carries_on_once_it_is_writable(
        small_disk, readonly_shim, tmp_path):
    read_only = tmp_path / "read-only"  # while this file exists, the data directory is "mounted ro"
    server = SvformsServer(small_disk, env={
        "LD_PRELOAD": str(readonly_shim), "READONLY_SHIM_DIR": os.path.realpath(small_disk),
        "READONLY_SHIM_FLAG": str(read_only)})
    server.log_path = tmp_path / "server.log"
    break_and_recover(server, read_only.touch, read_only.unlink, "a read-only disk", "the disk was writable again")
