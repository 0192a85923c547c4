#!/usr/bin/env bash
# The Debian packages Seller Inbox needs beyond Python wheels.
#   app:  Qt's runtime libraries (GL, EGL, fontconfig, xkbcommon, the xcb platform plugin)
#   test: the above plus PostgreSQL (relay tests run on it too), Xvfb (real-window checks)
#         and Dovecot + openssl (a private IMAP server with a self-signed certificate)
#   packaging: app plus binutils (PyInstaller runs objdump and strip) and Xvfb (the bundle's
#              X11 check in packaging/build.py)
# As root on Debian/Ubuntu, installs what is missing; otherwise lists it and carries on.
set -euo pipefail
what="${1:-app}"
pkgs=(libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 fonts-dejavu-core
      libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
      libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1)
if [ "$what" = test ]; then
  pkgs+=(postgresql xvfb dovecot-imapd openssl)  # real IMAP server for the mailbox tests
elif [ "$what" = packaging ]; then
  pkgs+=(binutils xvfb)
fi
command -v dpkg-query >/dev/null 2>&1 || exit 0  # not Debian: the wheels usually suffice
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  log=$(mktemp)
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
      >"$log" 2>&1; then
    cat "$log" >&2
    exit 1
  fi
else
  echo "system-deps: missing Debian packages (install them for a full run): ${missing[*]}" >&2
fi
