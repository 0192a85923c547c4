"""The out-of-process PDF render (app.services.pdf_render): real child processes on real files.

A real PDF becomes a PNG of its first page (the drawn red box where it was drawn, the page count
in the PNG); a password-protected, garbage, truncated or oversized file, a program named .pdf, a
child that hangs (killed), crashes or answers with a picture larger than asked, each ends in
its reason and never an exception; the child confines itself; the cache answers the second time
without a child; the frozen app's hidden sub-command runs the same child.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import textwrap
import time
import zlib
from pathlib import Path

import pytest
from pdf_samples import encrypted_pdf, make_pdf  # type: ignore[import-not-found]

from app.services import pdf_render
from app.services.pdf_render import (
    MAX_BYTES,
    MAX_SIDE,
    Failure,
    Rendered,
    RenderFailed,
    cached_render,
    check_png,
    png_pages,
    render_first_page,
)


def pixels(png: bytes) -> tuple[int, int, bytes]:
    """Width, height and the filtered rows of one of the child's PNGs (RGB, filter 0)."""
    width, height, depth, colour = struct.unpack(">IIBB", png[16:26])
    assert (depth, colour) == (8, 2)
    at, idat = 8, b""
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at : at + 8])
        if kind == b"IDAT":
            idat += png[at + 8 : at + 8 + length]
        at += 12 + length
    return width, height, zlib.decompress(idat)


def rgb(png: bytes, x: int, y: int) -> tuple[int, ...]:
    width, _, rows = pixels(png)
    start = y * (1 + width * 3) + 1 + x * 3
    assert rows[y * (1 + width * 3)] == 0  # filter "none" on every row
    return tuple(rows[start : start + 3])


def write(tmp_path: Path, data: bytes, name: str = "a.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_real_pdf_becomes_its_first_page(tmp_path: Path) -> None:
    png = render_first_page(write(tmp_path, make_pdf(pages=3)))
    assert isinstance(png, bytes), png
    assert check_png(png) is None and png_pages(png) == 3
    width, height, _ = pixels(png)
    assert (width, height) == (MAX_SIDE, MAX_SIDE // 2)  # 200 × 100 pt, longest side 1024
    scale = width / 200
    # The box is drawn from (20, 20) to (120, 80) pt, PDF's origin bottom left.
    assert rgb(png, int(70 * scale), height - int(50 * scale)) == (255, 0, 0)
    assert rgb(png, int(160 * scale), height - int(50 * scale)) == (255, 255, 255)
    assert rgb(png, int(70 * scale), height - int(90 * scale)) == (255, 255, 255)


def test_a_tall_page_is_capped_on_its_longest_side(tmp_path: Path) -> None:
    png = render_first_page(write(tmp_path, make_pdf(size=(14_400, 300))))  # 5 m wide
    assert isinstance(png, bytes), png
    width, height, _ = pixels(png)
    assert width == MAX_SIDE and 0 < height <= 22


def test_thousands_of_pages_render_the_first_only(tmp_path: Path) -> None:
    png = render_first_page(write(tmp_path, make_pdf(pages=20_000)))
    assert isinstance(png, bytes), png
    assert png_pages(png) == 20_000


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (encrypted_pdf(), Failure.ENCRYPTED),
        (b"%PDF-1.7\n" + bytes(range(256)) * 64, Failure.UNREADABLE),  # garbage after a header
        (make_pdf()[:60], Failure.UNREADABLE),  # truncated before its page
        (b"%PDF-1.4\n%%EOF\n", Failure.UNREADABLE),  # no objects at all
    ],
    ids=["encrypted", "garbage", "truncated", "empty"],
)
def test_pdfs_that_cannot_be_rendered_say_why(tmp_path: Path, data: bytes, reason: Failure) -> None:
    result = render_first_page(write(tmp_path, data))
    assert isinstance(result, RenderFailed) and result.reason is reason, result


def test_a_program_named_pdf_never_reaches_a_child(tmp_path: Path) -> None:
    program = write(tmp_path, b"MZ\x90\x00" + b"\x00" * 60 + b"PE\x00\x00", "invoice.pdf")
    marker = tmp_path / "started"
    spy = [sys.executable, "-c", f"open({str(marker)!r}, 'w').close()"]
    result = render_first_page(program, command=spy)
    assert result == RenderFailed(Failure.NOT_PDF)
    assert not marker.exists()


def test_a_file_over_the_limit_is_not_read(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    with open(big, "wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(MAX_BYTES + 1)  # sparse: no 25 MB written
    result = render_first_page(big)
    assert isinstance(result, RenderFailed) and result.reason is Failure.TOO_LARGE


def test_a_child_that_hangs_is_killed(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    hang = textwrap.dedent(f"""
        import os, time
        open({str(pid_file)!r}, "w").write(str(os.getpid()))
        time.sleep(120)
    """)
    pdf = write(tmp_path, make_pdf())
    result = render_first_page(pdf, timeout=1.0, command=[sys.executable, "-c", hang])
    assert isinstance(result, RenderFailed) and result.reason is Failure.TIMEOUT
    pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):  # killed and reaped: no such process any more
        os.kill(pid, 0)


def dead(pid: int) -> bool:
    """Gone, or a zombie waiting for whoever inherited it to reap it (Linux)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_what_a_hanging_child_started_is_killed_with_it(tmp_path: Path) -> None:
    """A grandchild holding the child's stdout open would keep the read waiting after the
    child is killed: the whole process group goes."""
    pid_file, survived = tmp_path / "pid", tmp_path / "survived"
    held = f"import time; time.sleep(30); open({str(survived)!r}, 'w').close()"
    spawn = textwrap.dedent(f"""
        import subprocess, sys, time
        held = subprocess.Popen([sys.executable, "-c", {held!r}])
        open({str(pid_file)!r}, "w").write(str(held.pid))
        time.sleep(600)
    """)
    pdf = write(tmp_path, make_pdf())
    result = render_first_page(pdf, timeout=2.0, command=[sys.executable, "-c", spawn])
    assert isinstance(result, RenderFailed) and result.reason is Failure.TIMEOUT
    grandchild = int(pid_file.read_text())
    for _ in range(100):  # reaped by init, not by us: give it up to ten seconds
        if dead(grandchild):
            break
        time.sleep(0.1)
    assert dead(grandchild) and not survived.exists()  # killed, not finished


def test_a_child_that_crashes_or_lies_is_refused(tmp_path: Path) -> None:
    pdf = write(tmp_path, make_pdf())
    crash = render_first_page(pdf, command=[sys.executable, "-c", "import os; os.abort()"])
    assert isinstance(crash, RenderFailed) and crash.reason is Failure.CRASHED
    # A child that answers "ok" with a PNG declaring 20000 × 20000 pixels (a bomb).
    bomb = textwrap.dedent("""
        import struct, sys, zlib
        ihdr = struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0)
        chunk = b"IHDR" + ihdr
        png = (b"\\x89PNG\\r\\n\\x1a\\n" + struct.pack(">I", 13) + chunk
               + struct.pack(">I", zlib.crc32(chunk)))
        sys.stdout.buffer.write(b'{"ok": true, "pages": 1}\\n' + png)
    """)
    lie = render_first_page(pdf, command=[sys.executable, "-c", bomb])
    assert isinstance(lie, RenderFailed) and lie.reason is Failure.CRASHED
    assert "20000" in lie.detail
    # One that floods its output is cut off at MAX_OUTPUT, not read to the end.
    flood = "import sys\nwhile True: sys.stdout.buffer.write(b'x' * 65536)"
    flooded = render_first_page(pdf, command=[sys.executable, "-c", flood])
    assert isinstance(flooded, RenderFailed) and flooded.reason is Failure.CRASHED


def test_the_cache_answers_the_second_time_without_a_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blobs = tmp_path / "blobs"
    blobs.mkdir()
    pdf = write(blobs, make_pdf(pages=2), "ab" * 32)  # blobs are named for their SHA-256
    locked = write(blobs, encrypted_pdf(), "cd" * 32)
    cache = tmp_path / "previews"
    first = cached_render(pdf, cache)
    assert isinstance(first, Rendered) and first.pages == 2 and first.png.parent == cache
    assert isinstance(cached_render(locked, cache), RenderFailed)

    def no_child(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a child was started")

    monkeypatch.setattr(pdf_render, "render_first_page", no_child)
    assert cached_render(pdf, cache) == first
    again = cached_render(locked, cache)
    assert isinstance(again, RenderFailed) and again.reason is Failure.ENCRYPTED
    if os.name == "posix":
        assert cache.stat().st_mode & 0o077 == 0  # the profile's private folder


def test_a_timeout_is_not_remembered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = write(tmp_path, make_pdf(), "ef" * 32)
    cache = tmp_path / "previews"
    monkeypatch.setattr(
        pdf_render, "render_first_page", lambda _p: RenderFailed(Failure.TIMEOUT, "test")
    )
    assert cached_render(pdf, cache) == RenderFailed(Failure.TIMEOUT, "test")
    monkeypatch.undo()
    assert isinstance(cached_render(pdf, cache), Rendered)  # tried again, this time in time


@pytest.mark.skipif(os.name != "posix", reason="resource limits are POSIX")
def test_the_child_confines_itself() -> None:
    probe = textwrap.dedent("""
        import json, resource, socket, subprocess, sys
        from app.services.pdf_render import MEMORY, confine
        applied = confine()
        out = {"applied": applied, "memory": resource.getrlimit(resource.RLIMIT_AS)[0] == MEMORY}
        if "no network" in applied:
            with open("/proc/self/net/dev") as dev:
                out["interfaces"] = sorted(l.split(":")[0].strip() for l in dev if ":" in l)
        for name, attempt in (
            ("socket", lambda: socket.socket()),
            ("process", lambda: subprocess.run(["true"])),
        ):
            try:
                attempt()
                out[name] = "allowed"
            except PermissionError:
                out[name] = "refused"
        print(json.dumps(out))
    """)
    done = subprocess.run(
        [sys.executable, "-I", "-c", probe], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    found = __import__("json").loads(done.stdout)
    assert {"memory", "cpu", "no core", "no files", "audit hook"} <= set(found["applied"])
    assert found["memory"] and found["socket"] == "refused" and found["process"] == "refused"
    if sys.platform.startswith("linux") and os.geteuid() == 0:
        assert "no network" in found["applied"]  # root can always unshare
    if "no network" in found["applied"]:
        assert found["interfaces"] == ["lo"]  # and it is down: nothing reachable


def test_the_frozen_apps_hidden_sub_command_runs_the_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert pdf_render.child_command() == [sys.executable, pdf_render.CHILD_COMMAND]
    monkeypatch.undo()
    # What the bundle runs: the app's command line with the sub-command first.
    via_cli = [sys.executable, "-I", "-c", "import sys; from app.cli import main; "
               "sys.exit(main(sys.argv[1:]))", pdf_render.CHILD_COMMAND]  # fmt: skip
    png = render_first_page(write(tmp_path, make_pdf(pages=4)), command=via_cli)
    assert isinstance(png, bytes) and png_pages(png) == 4
