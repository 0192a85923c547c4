#!/usr/bin/env bash
# The Debian packages Seller Inbox needs beyond Python wheels.
#   app:  Qt's runtime libraries (GL, EGL, fontconfig, xkbcommon, the xcb platform plugin)
#   test: the above plus PostgreSQL (relay tests run on it too), Xvfb (real-window checks)
#         and Dovecot + openssl (a private IMAP server with a self-signed certificate)
#   packaging: app plus binutils (PyInstaller runs objdump and strip) and Xvfb (the bundle's
#              X11 check in packaging/build.py)
#   wine: Wine (64- and 32-bit: Inno Setup is 32-bit), mingw-w64, Xvfb, npm, for
#         packaging/windows/build-under-wine.sh
#   venv: Python's venv module with ensurepip (scripts/find-uv.sh installs uv into a venv)
# As root on Debian/Ubuntu, installs what is missing, waiting (with a message) while another
# package manager holds apt's lock; otherwise lists what is missing and carries on.
set -euo pipefail
what="${1:-app}"
pkgs=(libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 fonts-dejavu-core
      libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
      libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1)
if [ "$what" = test ]; then
  pkgs+=(postgresql xvfb dovecot-imapd openssl)  # real IMAP server for the mailbox tests
elif [ "$what" = packaging ]; then
  pkgs+=(binutils xvfb)
elif [ "$what" = wine ]; then
  pkgs=(wine wine64 wine32:i386 gcc-mingw-w64-x86-64-win32 xvfb fonts-dejavu-core)
  command -v npm >/dev/null 2>&1 || pkgs+=(npm)
elif [ "$what" = venv ]; then
  pkgs=(python3-venv)
fi
command -v dpkg-query >/dev/null 2>&1 || exit 0  # not Debian: the wheels usually suffice
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: missing Debian packages (install them for a full run): ${missing[*]}" >&2
  [ "$what" = venv ] && exit 1  # nothing to fall back on
  exit 0
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# apt-get, waiting up to 15 minutes while another apt, dpkg or unattended-upgrades holds the
# lock (a fresh cloud machine often runs one at boot) instead of failing at once.
apt_get() {
  local waited=0
  while ! apt-get -o DPkg::Lock::Timeout=5 "$@" >"$log" 2>&1; do
    if grep -q -E "Could not get lock|Unable to acquire the dpkg frontend lock|Unable to lock" "$log" \
        && [ "$waited" -lt 900 ]; then
      if [ $((waited % 60)) = 0 ]; then
        holder=$(grep -o -E "held by process [0-9]+ \([^)]*\)" "$log" | head -1 || true)
        echo "system-deps: waiting for another package manager to finish (${holder:-apt lock busy})..." >&2
      fi
      sleep 5
      waited=$((waited + 5))
      continue
    fi
    cat "$log" >&2
    return 1
  done
}

echo "system-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if [[ " ${missing[*]} " == *":i386 "* ]] && ! dpkg --print-foreign-architectures | grep -qx i386; then
  dpkg --add-architecture i386
fi
apt_get update -qq
apt_get install -y -qq --no-install-recommends "${missing[@]}"
