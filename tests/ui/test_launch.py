"""The app as a user starts it: smoke test, screenshot, one writer per profile, bad profiles."""

from __future__ import annotations

from pathlib import Path

from ui_testkit import launch  # type: ignore[import-not-found]

from app.storage.lock import ProfileLock


def test_smoke_test_exits_0_with_nothing_on_stderr(tmp_path: Path) -> None:
    done = launch("--smoke-test", env={"TMPDIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "smoke-test: ok" in done.stdout
    assert "keyring:" in done.stdout
    assert list(tmp_path.iterdir()) == []  # its temporary profile is gone


def test_screenshot_renders_a_png_of_the_demo_inbox(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    done = launch("--profile", str(tmp_path / "p"), "--demo", "--screenshot", str(shot))
    assert done.returncode == 0, done.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000


def test_a_second_instance_does_not_become_a_second_writer(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    with ProfileLock(profile / "profile.lock"):
        done = launch("--profile", str(profile), "--exit-after-paint")
    assert done.returncode == 3
    assert "already running" in done.stderr
    assert not (profile / "inbox.sqlite3").exists()


def test_a_corrupt_profile_database_is_reported_and_left_untouched(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    junk = b"not a database at all\x00" * 500
    (profile / "inbox.sqlite3").write_bytes(junk)
    done = launch("--profile", str(profile), "--exit-after-paint")
    assert done.returncode == 4
    assert "not a Seller Inbox database" in done.stderr
    assert (profile / "inbox.sqlite3").read_bytes() == junk


def test_generate_fills_a_profile(tmp_path: Path) -> None:
    done = launch("generate", "--profile", str(tmp_path / "g"), "--conversations", "300")
    assert done.returncode == 0, done.stderr
    assert "generated 300 conversations" in done.stdout
