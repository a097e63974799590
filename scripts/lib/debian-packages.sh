# Sourced by the set-up scripts: `ensure_debian_packages PKG...` installs the Debian packages
# that are missing (running `apt-get update` only then), or says exactly what to do when it cannot.

ensure_debian_packages() {
    local missing=() pkg status
    for pkg in "$@"; do
        status="$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)"
        [[ "$status" == installed ]] || missing+=("$pkg")
    done
    ((${#missing[@]})) || return 0

    if ! command -v apt-get >/dev/null 2>&1; then
        echo "svforms needs these Debian packages, and this machine has no apt-get: ${missing[*]}" >&2
        echo "Install the equivalent packages with your system's package manager, then run this again." >&2
        return 1
    fi
    local sudo=()
    if [[ "$(id -u)" -ne 0 ]]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo=(sudo)
        else
            echo "svforms needs these Debian packages: ${missing[*]}" >&2
            echo "Ask an administrator to run, or run as root:" >&2
            echo "  apt-get update && apt-get install --no-install-recommends ${missing[*]}" >&2
            return 1
        fi
    fi
    echo "Installing Debian packages: ${missing[*]}" >&2
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -qq update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -y -qq \
        --no-install-recommends install "${missing[@]}" >/dev/null
}
