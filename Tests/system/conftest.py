"""Shared fixtures for the real-browser tests (Playwright + Debian chromium + axe-core).

Set up with `bash scripts/install-test-tools.sh`, run with `.venv/bin/pytest Tests/system`.

Fixtures
    browser          session-scoped headless chromium (Debian's, never a downloaded one)
    context_options  keyword arguments for browser.new_context(); override it in a test
                     module (e.g. to set base_url) — the defaults are kept underneath
    context          fresh BrowserContext per test, with the network guard on
    page             a Page in that context
    blocked_requests list of the URLs the network guard aborted in this test

Network guard: every request whose host is not 127.0.0.1 / localhost / ::1 is aborted,
and a test that caused one fails at teardown (our pages must not load anything from
elsewhere). Mark a test `@pytest.mark.allow_external_requests` to only abort them.
Chromium is also started with host-resolver rules that resolve no other host name, so
requests the page-level guard cannot see (service workers, browser background work)
cannot leave the machine either.

Helpers
    wait_until_rendered(page) waits for the page's load to finish: the document and its
    stylesheets and fonts loaded, and two frames painted with them. Everything below calls
    it first, so no check looks at a page half-styled (axe measured an unstyled skip link
    once and failed a run that a rerun passed).
    check_accessibility(page, name) runs axe-core (WCAG 2.0/2.1/2.2 A and AA tags) on the
    current page, checks it reflows at 320 CSS px (WCAG 1.4.10: no sideways scrolling),
    saves test-output/screenshots/<name>.png (full page) and test-output/axe/<name>.json,
    and raises AccessibilityViolations (an AssertionError) listing each violation and its
    failing nodes. Import it with `from conftest import check_accessibility`.
    fits_width(page) says whether the page needs no sideways scrolling at its viewport.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright
from playwright.sync_api import Error as PlaywrightError
from svforms_server import SvformsServer

REPO_ROOT = Path(__file__).resolve().parents[2]
OUTPUT_DIR = REPO_ROOT / "test-output"
SCREENSHOT_DIR = OUTPUT_DIR / "screenshots"
AXE_DIR = OUTPUT_DIR / "axe"

# Debian's chromium binary (package `chromium`). /usr/bin/chromium is a shell wrapper
# that adds Debian's flags and API keys; Playwright must start the binary itself.
CHROMIUM_PATH = os.environ.get("SVFORMS_CHROMIUM", "/usr/lib/chromium/chromium")

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

DEFAULT_TIMEOUT_MS = 10_000


def chromium_args() -> list[str]:
    # Playwright itself already passes --no-sandbox (chromium_sandbox defaults to False)
    # and --disable-dev-shm-usage, plus --headless, --disable-background-networking,
    # --disable-component-update, … ; they are repeated here so the requirement is
    # explicit and survives a change of Playwright defaults.
    args = [
        # /dev/shm is often tiny in containers (64 MB in Docker); use /tmp instead.
        "--disable-dev-shm-usage",
        # No GPU here: skip probing for one (rendering uses software/SwiftShader).
        "--disable-gpu",
        # Resolve no host name but the loopback ones: nothing can leave the machine,
        # whatever the page or the browser itself tries.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    ]
    if os.geteuid() == 0:
        # Chromium refuses to run as root with its sandbox on.
        args.append("--no-sandbox")
    return args


def pytest_configure(config: pytest.Config) -> None:
    # Each run's screenshots and axe reports replace the last run's.
    for folder in (SCREENSHOT_DIR, AXE_DIR):
        shutil.rmtree(folder, ignore_errors=True)
    config.addinivalue_line(
        "markers",
        "allow_external_requests: abort requests to other hosts without failing the test",
    )


@pytest.fixture(autouse=True)
def servers_still_running():
    """Fails the test after which a server it could reach stopped without being told to: whatever the
    test asserted, a request that stops the process is a defect (every server of the module is checked,
    so a module-wide server killed by one test is blamed on that test, not on the next)."""
    yield
    dead = [server for server in SvformsServer.live if server.process is not None and server.process.poll() is not None]
    for server in dead:
        SvformsServer.live.discard(server)
    if dead:
        pytest.fail("the server process stopped during this test:\n" + "\n\n".join(
            f"exit status {server.process.returncode}; log tail:\n{server.log()[-3000:]}" for server in dead))


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not os.access(CHROMIUM_PATH, os.X_OK):
        pytest.exit(
            f"{CHROMIUM_PATH} not found: run `bash scripts/install-test-tools.sh` first",
            returncode=2,
        )
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM_PATH,
            headless=True,
            args=chromium_args(),
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def context_options() -> dict:
    """Extra keyword arguments for browser.new_context(); override to customise."""
    return {}


@pytest.fixture
def blocked_requests() -> list[str]:
    return []


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return (parts.hostname or "") in LOCAL_HOSTS


@pytest.fixture
def context(
    browser: Browser,
    context_options: dict,
    blocked_requests: list[str],
    request: pytest.FixtureRequest,
) -> BrowserContext:
    options = {
        "viewport": {"width": 1280, "height": 800},
        # context.route does not see requests a service worker handles; block them.
        "service_workers": "block",
        **context_options,
    }
    ctx = browser.new_context(**options)
    ctx.set_default_timeout(DEFAULT_TIMEOUT_MS)
    ctx.set_default_navigation_timeout(DEFAULT_TIMEOUT_MS)

    def guard(route: Route) -> None:
        url = route.request.url
        if _is_local(url):
            route.continue_()
        else:
            blocked_requests.append(url)
            route.abort("blockedbyclient")

    ctx.route("**/*", guard)
    try:
        yield ctx
    finally:
        ctx.close()
    if blocked_requests and request.node.get_closest_marker("allow_external_requests") is None:
        pytest.fail(
            "requests to non-local hosts were made (and blocked):\n  "
            + "\n  ".join(blocked_requests),
            pytrace=False,
        )


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


class AccessibilityViolations(AssertionError):
    """Raised by check_accessibility; .violations holds axe-core's violation dicts."""

    def __init__(self, message: str, violations: list[dict]):
        super().__init__(message)
        self.violations = violations


def _safe_name(name: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.")
    if not safe:
        raise ValueError(f"unusable name for output files: {name!r}")
    return safe


def _format_target(target) -> str:
    # Selectors are strings; in iframes / shadow DOM they are lists of strings.
    if isinstance(target, list):
        return " >> ".join(_format_target(t) for t in target)
    return str(target)


def format_violations(violations: list[dict], url: str = "") -> str:
    lines = [f"{len(violations)} accessibility violation(s)" + (f" on {url}" if url else "") + ":"]
    for v in violations:
        lines.append(f"- {v['id']} [{v.get('impact') or 'n/a'}] {v['help']}")
        lines.append(f"  {v.get('helpUrl', '')}")
        for node in v.get("nodes", []):
            target = ", ".join(_format_target(t) for t in node.get("target", []))
            html = " ".join((node.get("html") or "").split())
            if len(html) > 300:
                html = html[:297] + "..."
            lines.append(f"    * target: {target}")
            lines.append(f"      html:   {html}")
            summary = (node.get("failureSummary") or "").strip()
            for s in summary.splitlines():
                lines.append(f"      {s.strip()}")
    return "\n".join(lines)


_axe = Axe()

# Ready: parsed, every stylesheet's rules in place, web fonts settled.
_RENDERED = (
    "() => document.readyState === 'complete'"
    " && [...document.querySelectorAll('link[rel=\"stylesheet\"]')].every(link => link.sheet !== null)"
    " && document.fonts.status === 'loaded'"
)
# Two animation frames: the first runs before the styled layout is painted, the second after.
_TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"

REFLOW_WIDTH = 320  # CSS px: WCAG 1.4.10's 1280 px at 400% zoom


def wait_until_rendered(page: Page) -> None:
    """Wait until the page has finished loading and painted with its styles.

    A click that starts a navigation returns once the new page has begun to load, so this
    waits for that page's `load` event; a navigation still replacing the document is
    retried on the next one.
    """
    for _ in range(3):
        try:
            page.wait_for_load_state("load")
            page.wait_for_function(_RENDERED)
            page.evaluate(_TWO_FRAMES)
            return
        except PlaywrightError as error:
            if "context was destroyed" not in str(error) and "navigat" not in str(error):
                raise
    raise AssertionError(f"{page.url} kept navigating: never finished loading")


def fits_width(page: Page) -> bool:
    """Whether the page, as rendered at its viewport, needs no sideways scrolling."""
    wait_until_rendered(page)
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


# The outermost elements that stick out past the right edge, described for the failure report.
# An element inside a box that scrolls or clips sideways (a data table's wrapper) is left out:
# WCAG lets a table scroll inside its own region, and it does not widen the page.
_STICKING_OUT = """() => {
    const width = window.innerWidth, out = [];
    const clipped = element => {
        for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
            if (getComputedStyle(box).overflowX !== "visible") return true;
        }
        return false;
    };
    const all = [...document.body.querySelectorAll("*")];
    for (const skipClipped of [true, false]) {  // if nothing unclipped sticks out, say what does
        for (const element of all) {
            const box = element.getBoundingClientRect();
            if (box.right <= width + 0.5 || (skipClipped && clipped(element)) || out.some(outer => outer.contains(element))) continue;
            out.push(element);
        }
        if (out.length) break;
    }
    return [`the page is ${document.documentElement.scrollWidth} px wide`].concat(out.slice(0, 5).map(element => {
        const box = element.getBoundingClientRect();
        const name = element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
            + [...element.classList].map(c => "." + c).join("");
        return `${name} (${Math.round(box.width)} px wide, right edge at ${Math.round(box.right)} px)`;
    }));
}"""


def _reflow_problem(page: Page) -> str | None:
    """What scrolls sideways at 320 CSS px, or None; the viewport is put back afterwards."""
    viewport = page.viewport_size
    narrowed = viewport is not None and viewport["width"] > REFLOW_WIDTH
    if narrowed:
        page.set_viewport_size({"width": REFLOW_WIDTH, "height": viewport["height"]})
    try:
        if fits_width(page):
            return None
        return ", ".join(page.evaluate(_STICKING_OUT))
    finally:
        if narrowed:
            page.set_viewport_size(viewport)
            page.evaluate(_TWO_FRAMES)


def check_accessibility(
    page: Page,
    name: str,
    *,
    disable_rules: list[str] | tuple[str, ...] = (),
) -> dict:
    """Run axe-core on the page once it has finished loading, then check it reflows at 320 px;
    fail with a readable report on violations.

    Always saves test-output/screenshots/<name>.png (full page) and
    test-output/axe/<name>.json (the violations). Returns axe-core's raw results dict
    (only the "violations" result type is collected). `disable_rules` turns off axe
    rules by id — say why next to each use.
    """
    __tracebackhide__ = True
    wait_until_rendered(page)
    safe = _safe_name(name)
    options: dict = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        # Passing options replaces the library's default, so ask for violations only.
        "resultTypes": ["violations"],
    }
    if disable_rules:
        options["rules"] = {rule: {"enabled": False} for rule in disable_rules}
    results = _axe.run(page, options=options).response
    violations = results["violations"]

    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    AXE_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / f"{safe}.png"), full_page=True)
    (AXE_DIR / f"{safe}.json").write_text(
        json.dumps(
            {
                "url": results.get("url", page.url),
                "axe": results.get("testEngine", {}).get("version"),
                "tags": AXE_TAGS,
                "violations": violations,
            },
            indent=2,
        )
    )

    if violations:
        raise AccessibilityViolations(format_violations(violations, page.url), violations)
    problem = _reflow_problem(page)
    if problem:
        raise AccessibilityViolations(
            f"{name} ({page.url}) scrolls sideways at {REFLOW_WIDTH} CSS px (WCAG 1.4.10 reflow): {problem}", [])
    return results


# Tables wider than the column they sit in. A table may scroll sideways only inside its own labelled
# region (role="region" with a name), as WCAG 1.4.10 allows for data tables; anywhere else it must fit.
_TABLES_TOO_WIDE = """(mayScroll) => [...document.querySelectorAll("main table")].filter(table => {
    const region = table.closest('[role="region"][aria-label]');
    if (mayScroll && region && getComputedStyle(region).overflowX !== "visible") return false;
    const column = (region || table).parentElement;
    return table.getBoundingClientRect().width > column.clientWidth + 0.5;
}).map(table => (table.caption ? table.caption.textContent.trim() : table.outerHTML.slice(0, 60))
    + ` (${Math.round(table.getBoundingClientRect().width)} px in a ${Math.round(((table.closest('[role="region"]') || table).parentElement).clientWidth)} px column)`)"""


def tables_too_wide(page: Page, *, may_scroll: bool = True) -> list[str]:
    """The tables on the page wider than their column (see _TABLES_TOO_WIDE); empty when all fit."""
    wait_until_rendered(page)
    return page.evaluate(_TABLES_TOO_WIDE, may_scroll)
