"""`seller-relay`: placeholder until the relay service lands (issue 4)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    print("seller-relay: the relay service is not built yet (see issue 4).", file=sys.stderr)
    return 2
