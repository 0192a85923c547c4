"""How the window was launched (the command line's choices)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class LaunchOptions:
    profile: Path
    smoke_test: bool = False
    exit_after_paint: bool = False
    screenshot: Path | None = None
    demo_conversations: int = 0  # fill an empty profile with this many generated conversations
    demo: bool = False  # the embedded relay with a demo seller (see app.ui.demo)
    first_run: bool = False  # offer the first-run choice when the profile has no account
    mailbox: str | None = None  # open the connect-my-mailbox dialog for this address ("": none)
    window_size: tuple[int, int] | None = None  # e.g. (1920, 1080) for screenshots
    started: float = 0.0
    log_level: str = "INFO"
