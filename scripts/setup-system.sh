#!/usr/bin/env bash
# Checks what svforms builds against and installs what is missing:
# the Swift toolchain (checked only) and the Debian packages below.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/debian-packages.sh

# libsqlite3-dev: GRDB builds on the system SQLite.
# libcurl4-openssl-dev: email goes out through libcurl (SMTP with STARTTLS).
# libxlsxwriter-dev: the .xlsx downloads.
ensure_debian_packages libsqlite3-dev libcurl4-openssl-dev libxlsxwriter-dev

if ! command -v swift >/dev/null 2>&1; then
    echo "The Swift toolchain (6.2 or later) is not on PATH; install it from swift.org, then run this again." >&2
    exit 1
fi
