"""Shutting down leaves nothing running: no task stepped after the loop stopped.

qasync's ``run_until_complete`` processes Qt events once more after the loop has stopped,
with no running loop set. A push-listener task still pending then fails inside httpx/anyio
("NoEventLoopError", "Task exception was never retrieved"). The session now resolves ``done``
only after every service task has finished.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_testkit import launch  # type: ignore[import-not-found]

NOISE = ("Traceback", "Error", "exception", "never retrieved", "Task was destroyed")


@pytest.mark.parametrize("run", ["fresh profile", "second start", "after a full sync"])
def test_demo_shutdown_leaves_no_errors_on_stderr(tmp_path: Path, run: str) -> None:
    profile = tmp_path / "demo"
    if run == "second start":  # the relay database and token exist; sync starts at once
        first = launch("--profile", str(profile), "--demo", "--exit-after-paint")
        assert first.returncode == 0, first.stderr
    if run == "after a full sync":  # the screenshot waits for the first sync, push connected
        done = launch("--profile", str(profile), "--demo", "--screenshot", str(tmp_path / "s.png"))
        assert (tmp_path / "s.png").exists()
    else:
        done = launch("--profile", str(profile), "--demo", "--exit-after-paint")
        assert "inbox-ready-ms" in done.stdout
    assert done.returncode == 0, done.stderr
    found = [word for word in NOISE if word in done.stderr]
    assert not found, done.stderr
    assert done.stderr == ""
