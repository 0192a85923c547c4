"""`seller-inbox`: the window by default, plus subcommands for scripts and support.

Kept free of heavy imports: the window path imports Qt first and the store only after the
first paint (see ``app.ui.app``).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

_STARTED = time.perf_counter()
DEMO_CONVERSATIONS = 2000


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seller-inbox",
        description="Seller Inbox: answer marketplace buyers, on time and within the rules.",
    )
    parser.add_argument("--profile", type=Path, help="data folder (default: your user data folder)")
    parser.add_argument(
        "--demo", action="store_true", help="open a demo inbox filled with sample conversations"
    )
    parser.add_argument(
        "--mailbox",
        nargs="?",
        const="",
        metavar="ADDRESS",
        help="connect your own mailbox (IMAP/SMTP): opens the connect dialog, pre-filled for "
        "ADDRESS if given",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="build the window offscreen on a temporary profile and exit",
    )
    parser.add_argument(
        "--screenshot", type=Path, metavar="FILE", help="render the main window to a PNG and exit"
    )
    parser.add_argument(
        "--window-size", metavar="WxH", help="window size, e.g. 1920x1080 (for screenshots)"
    )
    parser.add_argument(
        "--lang",
        metavar="CODE",
        help="window language for this run: en, sv, es or de (default: Settings, else the system's)",
    )
    parser.add_argument(
        "--about", action="store_true", help="print the version and the licences, and exit"
    )
    parser.add_argument(
        "--log-level",
        choices=("DEBUG", "INFO", "WARNING", "ERROR"),
        type=str.upper,
        default="INFO",
        help="how much goes to the log in the profile's logs/ folder (default: INFO)",
    )
    parser.add_argument("--exit-after-paint", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gen = sub.add_parser("generate", help="fill a profile with generated conversations")
    gen.add_argument("--profile", type=Path, required=True, dest="gen_profile")
    gen.add_argument("--conversations", type=int, default=1000)
    gen.add_argument("--messages-per-conversation", type=float, default=4.0)
    gen.add_argument("--seed", type=int, default=1)

    from app import sync_cli

    sync_cli.add_parser(sub)
    # Listed for --help only: `main` hands "check" to app.policy_cli before parsing, which
    # keeps the policy engine's imports off the window's start-up path.
    sub.add_parser(
        "check",
        add_help=False,
        help="check a draft against the marketplace rules (see: check --help)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["render-pdf-page"]:  # hidden: the bundle's PDF render child (pdf_render)
        from app.services.pdf_render import child_main

        return child_main(argv[1:])
    if argv[:1] == ["check"]:
        from app import policy_cli

        return int(policy_cli.main(argv[1:]))
    args = build_parser().parse_args(argv)
    if args.about:
        from app.about import about_text

        print(about_text())
        return 0
    if args.command == "generate":
        return _generate(args)
    if args.command == "sync":
        from app import sync_cli

        return sync_cli.run(args)
    return _window(args)


def _window(args: argparse.Namespace) -> int:
    from app.ui.app import LaunchOptions, run, temporary_profile

    if args.smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        profile = temporary_profile()
    elif args.profile is not None:
        profile = args.profile
    else:
        from app.storage.profile import default_profile_dir

        profile = default_profile_dir()
        if args.demo:
            profile = profile.parent / "demo"
    if args.screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _offscreen_fonts()
    if args.lang:
        from app.ui.translations import ENV

        os.environ[ENV] = args.lang  # read where the translator is installed
    opts = LaunchOptions(
        profile=profile,
        smoke_test=args.smoke_test,
        exit_after_paint=args.exit_after_paint,
        screenshot=args.screenshot,
        # The smoke test stays offline and fast: generated conversations, no relay.
        demo_conversations=DEMO_CONVERSATIONS if args.smoke_test else 0,
        demo=args.demo and not args.smoke_test,
        mailbox=None if args.smoke_test else args.mailbox,
        first_run=not (args.smoke_test or args.demo or args.exit_after_paint or args.screenshot),
        window_size=_size(args.window_size),
        started=_STARTED,
        log_level=args.log_level,
    )
    try:
        return run(opts)
    finally:
        if args.smoke_test:
            import shutil

            shutil.rmtree(profile, ignore_errors=True)  # every smoke run made a new one in /tmp


def _offscreen_fonts() -> None:
    """Windows: the offscreen platform (smoke test, screenshots) reads fonts from a folder, by
    default one inside Qt that has none ("QFontDatabase: Cannot find font directory"); point it
    at the system's fonts unless the caller chose a folder."""
    if sys.platform == "win32" and os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        windows = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or r"C:\Windows"
        os.environ.setdefault("QT_QPA_FONTDIR", os.path.join(windows, "Fonts"))


def _size(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    w, _, h = text.lower().partition("x")
    return (int(w), int(h))


def _generate(args: argparse.Namespace) -> int:
    from app.demodata.generator import generate
    from app.storage.errors import StoreError
    from app.storage.store import Store

    try:
        store = Store.open(args.gen_profile)
    except StoreError as exc:
        print(f"seller-inbox: {exc}", file=sys.stderr)
        return 3

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total} conversations", end="", file=sys.stderr, flush=True)

    try:
        report = generate(
            store,
            args.conversations,
            messages_per_conversation=args.messages_per_conversation,
            seed=args.seed,
            progress=progress,
        )
    except StoreError as exc:
        print(f"\nseller-inbox: {exc}", file=sys.stderr)
        return 3
    finally:
        store.close()
    print(file=sys.stderr)
    print(
        f"generated {report.conversations} conversations, {report.messages} messages "
        f"in {report.seconds:.1f} s ({report.messages_per_second:,.0f} messages/s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
