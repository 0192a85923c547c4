"""Which endings are real domain suffixes: the Public Suffix List, offline.

The list is the snapshot bundled with `tldextract` (read as a file: importing tldextract pulls
in `requests`, ~0.4 s, and the list is all we need; never fetched over the network). Loaded
once, lazily, and warmed off the typing path by `app.policy.packs.warm_up`.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import sys
from pathlib import Path

log = logging.getLogger(__name__)

SNAPSHOT = ".tld_set_snapshot"
# Used only if the bundled list cannot be read (a broken install): the common endings.
_FALLBACK = frozenset(
    [
        "com",
        "net",
        "org",
        "info",
        "biz",
        "io",
        "co",
        "app",
        "dev",
        "shop",
        "store",
        "online",
        "site",
        "xyz",
        "tv",
        "eu",
        "uk",
        "ca",
        "au",
        "nz",
        "ie",
        "de",
        "se",
        "es",
        "fr",
        "it",
        "nl",
        "ch",
        "dk",
        "fi",
        "no",
        "at",
        "be",
        "pl",
        "pt",
        "cz",
        "jp",
        "cn",
        "br",
        "mx",
        "us",
        "link",
        "club",
        "top",
        "page",
        "blog",
        "tech",
        "live",
        "email",
        "ai",
        "gg",
        "cc",
        "ws",
    ]
)


def _snapshot_path() -> Path | None:
    folders: list[Path] = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen is not None:
        folders.append(Path(frozen) / "tldextract")  # packaging/seller-inbox.spec puts it there
    spec = importlib.util.find_spec("tldextract")  # finds the package without importing it
    if spec is not None and spec.submodule_search_locations:
        folders.extend(Path(f) for f in spec.submodule_search_locations)
    return next((f / SNAPSHOT for f in folders if (f / SNAPSHOT).is_file()), None)


@functools.cache
def public_suffixes() -> frozenset[str]:
    """Every ICANN and private suffix ("se", "co.uk", "github.io"), lower case, IDNs as text."""
    path = _snapshot_path()
    if path is None:
        log.warning("public suffix list not found; using %d common endings", len(_FALLBACK))
        return _FALLBACK
    out: set[str] = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("//"):
            continue
        out.add(line.lstrip("!*.").lower())
    return frozenset(out)


def suffix_of(host: str) -> str | None:
    """The longest public suffix `host` ends in ("shop.co.uk" -> "co.uk"), None for none."""
    labels = host.lower().rstrip(".").split(".")
    known = public_suffixes()
    for i in range(1, len(labels)):
        candidate = ".".join(labels[i:])
        if candidate in known:
            return candidate
    return None


def is_top_level(label: str) -> bool:
    return label.lower() in public_suffixes()
