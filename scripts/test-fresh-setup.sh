#!/usr/bin/env bash
# The README's first command's set-up, as on a fresh Debian 12 / Ubuntu 24.04 machine (.ci/run).
#
# A copy of the checkout (tracked files only: no .venv, no .tools), a clean HOME, a PATH of
# only /usr/bin and /bin (no uv, no ~/.local/bin, no pyenv), the system's python3. That python3
# must be "externally managed" (PEP 668): the script proves pip refuses `--user` installs there,
# so the set-up cannot lean on them. Then `./dev demo --smoke-test` must find no uv, install it
# into .tools/uv-venv, sync the locked dependencies and start the app (--smoke-test: offscreen,
# on a temporary profile, instead of the window). uv's download cache is shared with the caller
# (UV_CACHE_DIR) so CI does not fetch every wheel twice; uv itself is installed fresh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
python=/usr/bin/python3
[ -x "$python" ] || { echo "fresh-setup: no $python; nothing to test here" >&2; exit 1; }
cache=$(PATH="$PATH:$HOME/.local/bin" uv cache dir 2>/dev/null || true)
tmp=$(mktemp -d /tmp/seller-inbox-fresh-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/home" "$tmp/repo"
git -C "$root" ls-files -z --cached --others --exclude-standard \
  | (cd "$root" && xargs -0 tar cf - --no-recursion 2>/dev/null) | tar xf - -C "$tmp/repo"

# Only the machine's network settings (proxies, CA certificates, package index) carry over.
mapfile -t machine < <(env | grep -E '^([A-Za-z_]*_(PROXY|proxy)|SSL_CERT_[A-Z]*|[A-Z_]*CA_BUNDLE|[A-Z_]*CA_CERTS[A-Z_]*|PIP_[A-Z_]*|UV_(NATIVE_TLS|SYSTEM_CERTS|INDEX[A-Z_]*|DEFAULT_INDEX|EXTRA_INDEX_URL))=' || true)
clean_env=(env -i "${machine[@]}" HOME="$tmp/home" PATH=/usr/bin:/bin LANG=C.UTF-8
           QT_QPA_PLATFORM=offscreen ${cache:+UV_CACHE_DIR="$cache"} TMPDIR="$tmp")
marker=$("$python" -c 'import sysconfig; print(sysconfig.get_path("stdlib"))')/EXTERNALLY-MANAGED
if [ ! -f "$marker" ]; then
  echo "fresh-setup: $python is not externally managed (no $marker); PEP 668 not simulated" >&2
  exit 1
fi
if "${clean_env[@]}" "$python" -m pip install --user --quiet uv >"$tmp/pip.log" 2>&1; then
  echo "fresh-setup: pip install --user was allowed; this is not a PEP 668 Python" >&2
  exit 1
fi
grep -q externally-managed-environment "$tmp/pip.log" || { cat "$tmp/pip.log" >&2; exit 1; }
echo "ok   $python refuses pip install --user (PEP 668: externally-managed-environment)"
if "${clean_env[@]}" bash -c 'command -v uv' >/dev/null; then
  echo "fresh-setup: uv is on the clean PATH already" >&2
  exit 1
fi

started=$(date +%s)
if ! (cd "$tmp/repo" && "${clean_env[@]}" ./dev demo --smoke-test >"$tmp/out.log" 2>&1); then
  cat "$tmp/out.log" >&2
  echo "fresh-setup: ./dev demo --smoke-test failed" >&2
  exit 1
fi
grep -q "smoke-test: ok" "$tmp/out.log" || { cat "$tmp/out.log" >&2; exit 1; }
[ -x "$tmp/repo/.tools/uv-venv/bin/uv" ] || { echo "fresh-setup: uv not in .tools/uv-venv" >&2; exit 1; }
sed 's/^/     | /' "$tmp/out.log"
echo "ok   fresh set-up: no uv on PATH, clean HOME, PEP 668 python3 -> uv in .tools/uv-venv," \
     "locked dependencies, app started ($(($(date +%s) - started)) s)"
