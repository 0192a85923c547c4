# Sourced by ./dev and packaging scripts: puts uv on PATH, installing it if there is none.
#
# uv is looked for on PATH, where its installers put it (~/.local/bin, ~/.cargo/bin), where pip
# may have put it (`python3 -m uv`), and in the project's own .tools/uv-venv. If none is found
# it is installed from PyPI into .tools/uv-venv: a virtual environment is not "externally
# managed", so this works on Debian 12 and Ubuntu 24.04 (PEP 668) where `pip install --user`
# is refused, and needs no root. When Python's venv module cannot make one (Debian and Ubuntu
# split ensurepip into python3-venv), scripts/system-deps.sh venv installs it as root, or
# says what to install.
UV_VERSION="0.13.9"  # the uv the lock was written with; newer ones read it too

_uv_candidates() {
  command -v uv 2>/dev/null || true
  printf '%s\n' "$HOME/.local/bin/uv" "$HOME/.cargo/bin/uv" "$PWD/.tools/uv-venv/bin/uv"
  python3 -c 'import uv; print(uv.find_uv_bin())' 2>/dev/null || true
}

_find_uv() {
  local c
  while IFS= read -r c; do
    if [ -n "$c" ] && [ -x "$c" ] && "$c" --version >/dev/null 2>&1; then
      printf '%s\n' "$c"
      return 0
    fi
  done < <(_uv_candidates)
  return 1
}

_install_uv() {
  local venv="$PWD/.tools/uv-venv"
  echo "dev: installing uv $UV_VERSION from PyPI into .tools/uv-venv (a private virtual environment)" >&2
  if ! python3 -m venv --clear "$venv" >/dev/null 2>&1; then
    bash scripts/system-deps.sh venv  # ensurepip missing: python3-venv (root) or a message
    python3 -m venv --clear "$venv" >&2
  fi
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION" >&2
}

if ! command -v python3 >/dev/null 2>&1 && ! _find_uv >/dev/null; then
  echo "dev: needs Python 3.11 or newer (python3) or uv; install one of them first" >&2
  exit 1
fi
UV_BIN=$(_find_uv) || { _install_uv && UV_BIN=$(_find_uv); } || {
  echo "dev: could not install uv; install it yourself (see README) and run this again" >&2
  exit 1
}
PATH="$(dirname "$UV_BIN"):$PATH"
export PATH UV_BIN
