"""`seller-inbox check`: run the policy engine on a draft from a file or stdin.

Exit status: 0 nothing blocks, 1 something blocks, 2 usage error (bad option, unknown
marketplace, unreadable body file).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from app.domain.enums import ContactReason, OrderKind
from app.policy import (
    AttachmentInput,
    Finding,
    PackError,
    PolicyContext,
    PolicyDraft,
    check,
    has_blocking,
    load_pack,
)

EXIT_OK, EXIT_BLOCKED, EXIT_USAGE = 0, 1, 2
MAX_BODY_BYTES = 4 * 1024 * 1024  # a draft, not a data dump


class _UsageError(Exception):
    pass


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--marketplace", metavar="ID", help="rule pack, e.g. amazon.se")
    parser.add_argument("--subject", default="", metavar="TEXT")
    parser.add_argument(
        "--reason",
        default=ContactReason.OTHER.value,
        choices=[r.value for r in ContactReason],
        metavar="REASON",
        help="contact reason: " + ", ".join(r.value for r in ContactReason),
    )
    parser.add_argument(
        "--order-kind",
        default=OrderKind.STANDARD.value,
        choices=[k.value for k in OrderKind],
    )
    parser.add_argument("--buyer-opted-out", action="store_true")
    parser.add_argument("--buyer-initiated", action="store_true")
    parser.add_argument("--buyer-locale", metavar="LOCALE")
    parser.add_argument("--attach", action="append", default=[], metavar="FILE")
    parser.add_argument("--json", action="store_true", help="machine-readable findings")
    parser.add_argument("file", nargs="?", default="-", metavar="FILE|-", help="body (Markdown)")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register `check` on the `seller-inbox` sub-command parsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "check",
        help="check a draft against the marketplace's messaging rules",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _configure(parser)
    parser.set_defaults(func=run)
    return parser


def _read_body(name: str) -> str:
    try:
        if name == "-":
            raw = sys.stdin.buffer.read(MAX_BODY_BYTES + 1)
        else:
            with open(name, "rb") as fh:
                raw = fh.read(MAX_BODY_BYTES + 1)
    except OSError as exc:
        raise _UsageError(f"cannot read {name}: {exc.strerror or exc}") from exc
    if len(raw) > MAX_BODY_BYTES:
        raise _UsageError(f"{name}: body larger than {MAX_BODY_BYTES // (1024 * 1024)} MB")
    # Junk bytes are replaced, not fatal: the checker must still say something useful.
    return raw.decode("utf-8", errors="replace")


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _format(f: Finding, body: str, subject: str, attachments: Sequence[str]) -> str:
    if f.field == "body":
        line, col = _line_col(body, f.start)
        where = f"body:{line}:{col}"
    elif f.field == "subject":
        where = "subject"
    elif f.field == "attachment":
        where = "attachment " + (attachments[f.start] if f.start < len(attachments) else "")
    else:
        where = "draft"
    return f"{f.severity.value}\t{f.rule}\t{where.strip()}\t{f.message}"


def run(args: argparse.Namespace) -> int:
    try:
        pack = load_pack(args.marketplace)
        body = _read_body(args.file)
    except (PackError, _UsageError) as exc:
        print(f"seller-inbox check: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    ctx = PolicyContext(
        pack=pack,
        buyer_opted_out=args.buyer_opted_out,
        buyer_initiated=args.buyer_initiated,
        order_kind=OrderKind(args.order_kind),
        contact_reason=ContactReason(args.reason),
        buyer_locale=args.buyer_locale,
    )
    attachments = [AttachmentInput.from_path(p) for p in args.attach]
    findings = check(PolicyDraft(args.subject, body, attachments), ctx)
    if args.json:
        json.dump({"findings": [f.to_json() for f in findings]}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for f in findings:
            print(_format(f, body, args.subject, args.attach))
        if not findings:
            print("ok: no findings")
    return EXIT_BLOCKED if has_blocking(findings) else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="seller-inbox check", description=__doc__)
    _configure(parser)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
