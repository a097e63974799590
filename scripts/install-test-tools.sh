#!/usr/bin/env bash
# Installs what the real-browser tests (Tests/system) need, offline-safe:
#   - Debian packages: chromium, fonts, python3-venv, caddy, systemd, poppler-utils (apt; `apt-get update` only when
#     something is missing);
#   - a Python virtual environment at .venv with the pinned packages of
#     Tests/system/requirements.txt (rebuilt only when that file changes).
# Idempotent; a second run takes well under a second.
# Never runs `playwright install` (it downloads browsers, which fails here): Playwright
# drives Debian's chromium through executable_path=/usr/lib/chromium/chromium.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

VENV="$ROOT/.venv"
REQUIREMENTS="$ROOT/Tests/system/requirements.txt"
STAMP="$VENV/.svforms-requirements.sha256"
CHROMIUM_BIN=/usr/lib/chromium/chromium
# Debian's own interpreter: python3-venv below provides its venv/ensurepip, and it is
# the same on every machine whatever else (pyenv, …) is on PATH. Override with PYTHON=.
PYTHON="${PYTHON:-/usr/bin/python3}"

# chromium: the browser. fonts-liberation: Arial/Helvetica/Times/Courier-metric fonts,
# so pages render as designed and legibly (chromium only *recommends* it, and
# recommends are not installed). fonts-dejavu-core: wide-coverage fallback font.
# python3-venv: `python3 -m venv` for Debian's python3.
# caddy, systemd: `caddy validate` and `systemd-analyze verify` check the files in deploy/.
# poppler-utils: `pdftotext` reads back the board report Chromium prints to PDF.
APT_PACKAGES=(chromium fonts-liberation fonts-dejavu-core python3-venv caddy systemd poppler-utils)

log() { printf 'install-test-tools: %s\n' "$*" >&2; }
source scripts/lib/debian-packages.sh

# --- Debian packages ----------------------------------------------------------------
ensure_debian_packages "${APT_PACKAGES[@]}"

if [[ ! -x "$CHROMIUM_BIN" ]]; then
    log "expected the browser at $CHROMIUM_BIN (Debian package chromium), but it is not there"
    exit 1
fi

# --- Python virtual environment -------------------------------------------------------
want="$( { sha256sum <"$REQUIREMENTS"; "$PYTHON" -c 'import sys; print(sys.version)'; } | sha256sum | cut -d' ' -f1)"
have="$(cat "$STAMP" 2>/dev/null || true)"

if [[ "$want" != "$have" ]] || ! "$VENV/bin/python" -c '' 2>/dev/null; then
    # Rebuild from scratch so packages dropped from requirements.txt go away too.
    log "creating $VENV from Tests/system/requirements.txt"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
        --no-input --requirement "$REQUIREMENTS"
    "$VENV/bin/python" -m pip check --disable-pip-version-check >/dev/null
    printf '%s\n' "$want" >"$STAMP"
fi

# --- Sanity: Playwright's Chromium major version vs Debian's ---------------------------
# Installed chromium is never upgraded here, but a fresh machine gets Debian's newest;
# Playwright tolerates small gaps, a warning says when the pin should follow.
deb_major="$(dpkg-query -W -f='${Version}' chromium 2>/dev/null | sed 's/^[0-9]*://' | cut -d. -f1 || true)"
pw_major="$("$VENV/bin/python" - <<'PY' 2>/dev/null || true
import json, pathlib, playwright
p = pathlib.Path(playwright.__file__).parent / "driver/package/browsers.json"
b = {x["name"]: x for x in json.loads(p.read_text())["browsers"]}
print(b["chromium"]["browserVersion"].split(".")[0])
PY
)"
if [[ -n "$deb_major" && -n "$pw_major" && "$deb_major" != "$pw_major" ]]; then
    log "warning: Debian chromium is $deb_major, the pinned playwright targets Chromium $pw_major;"
    log "         if browser tests misbehave, pin the playwright release built for Chromium $deb_major"
fi
