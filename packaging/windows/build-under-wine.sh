#!/usr/bin/env bash
# The Windows installer, built and proven on Linux under Wine (docs/packaging.md, "Windows,
# under Wine"). Needs Debian or Ubuntu as root for the packages (Wine, mingw-w64, npm), or
# those packages already installed; everything else comes from PyPI and npm.
#   bash packaging/windows/build-under-wine.sh [--runs N] [--keep] [--screenshot-to FILE]
# Output: dist/windows/SellerInbox-<version>-windows-x64-setup.exe and the demo's screenshot.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/system-deps.sh wine
# shellcheck source=scripts/find-uv.sh
. scripts/find-uv.sh
uv sync --frozen --quiet --group packaging
exec uv run --group packaging python packaging/windows/wine_build.py "$@"
