"""The first page of a buyer's PDF as a picture, rendered in a short-lived child process.

A PDF from a buyer is hostile input and PDFium is a large C++ parser, so it never runs in the
window's process. ``render_first_page`` starts a child (``python -I -m app.services.pdf_render``
from source, the frozen app re-invoked with the hidden sub-command ``CHILD_COMMAND`` in a
bundle), hands it the file's bytes on stdin and reads the page back on stdout as a PNG no
larger than ``MAX_SIDE`` on its longest side. The child confines itself before it parses
anything (``confine``): an address-space and CPU limit, no core file, no files written; on
Linux a network namespace of its own (no interface but a dead loopback) where the kernel
allows one; everywhere an audit hook refusing sockets and new processes. The parent kills it
after ``TIMEOUT`` seconds, reads at most ``MAX_OUTPUT`` bytes from it, and checks the PNG's
header before anything decodes it. Any failure (not a PDF, too large, password-protected,
malformed, timed out, crashed) is a ``RenderFailed`` with its reason, never an exception.

Renders are cached in the profile's ``previews/`` folder under the file's SHA-256 (the blob's
name), with the page count in the PNG; a PDF that cannot be rendered is remembered too
(``.failed``), except after a timeout or crash, which a less busy machine may not repeat.
No Qt here: the window decodes the PNG (app/ui/previews.py).
"""

from __future__ import annotations

import json
import logging
import os
import struct
import subprocess
import sys
import tempfile
import threading
import zlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

log = logging.getLogger(__name__)

CHILD_COMMAND = "render-pdf-page"  # the frozen app's hidden sub-command (app/cli.py)
MAX_BYTES = 25 * 1024 * 1024  # a larger PDF is not handed to the renderer
MAX_SIDE = 1024  # pixels on the rendered page's longest side
MAX_OUTPUT = MAX_SIDE * MAX_SIDE * 3 + (1 << 16)  # an uncompressed page at most, and a header
TIMEOUT = 15.0  # seconds, wall clock, for the whole child
MEMORY = 1 << 30  # the child's address space (POSIX)
CACHE_VERSION = 1  # part of the cache's file names: bump when the rendering changes
_PNG = b"\x89PNG\r\n\x1a\n"
_ONE_AT_A_TIME = threading.Semaphore(1)  # two renders at once only slow each other down


class Failure(StrEnum):
    NOT_PDF = "not-pdf"  # the content is not a PDF (sniffed again in the child)
    TOO_LARGE = "too-large"  # over MAX_BYTES
    ENCRYPTED = "encrypted"  # needs a password, or a security handler PDFium lacks
    UNREADABLE = "unreadable"  # malformed, truncated, no pages
    TIMEOUT = "timeout"  # killed after TIMEOUT seconds
    CRASHED = "crashed"  # died, or answered nonsense


@dataclass(frozen=True, slots=True)
class Rendered:
    png: Path  # the cached page, at most MAX_SIDE on its longest side
    pages: int


@dataclass(frozen=True, slots=True)
class RenderFailed:
    reason: Failure
    detail: str = ""  # for the log


# --- the parent's side -------------------------------------------------------------------


def child_command() -> list[str]:
    """How to start a render child: the frozen app with its hidden sub-command, or this module
    in an isolated interpreter (-I: no PYTHON* variables, no user site, not the cwd)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, CHILD_COMMAND]
    return [sys.executable, "-I", "-m", "app.services.pdf_render"]


def cached_render(pdf: Path, cache: Path) -> Rendered | RenderFailed:
    """The first page of ``pdf`` (a blob named for its SHA-256), from ``cache`` or rendered
    into it (blocking: run it on a thread)."""
    from app.storage.profile import private_dir

    png = cache / f"{pdf.name}-pdf{CACHE_VERSION}-{MAX_SIDE}.png"
    failed = png.with_suffix(".failed")
    if png.is_file():
        with open(png, "rb") as handle:
            pages = png_pages(handle.read(4096))  # the count comes before the pixels
        if pages is not None:
            return Rendered(png, pages)
    if failed.is_file():
        reason = failed.read_text(encoding="ascii", errors="replace").strip()
        if reason in Failure.__members__.values():
            return RenderFailed(Failure(reason), "remembered")
    result = render_first_page(pdf)
    private_dir(cache)
    if isinstance(result, bytes):
        _write_atomically(png, result)
        pages = png_pages(result)
        assert pages is not None  # checked by render_first_page
        return Rendered(png, pages)
    if result.reason not in (Failure.TIMEOUT, Failure.CRASHED):
        _write_atomically(failed, result.reason.value.encode())
    return result


def render_first_page(
    pdf: Path, *, timeout: float = TIMEOUT, command: list[str] | None = None
) -> bytes | RenderFailed:
    """The first page of ``pdf`` as checked PNG bytes (with its page count in them), rendered
    by a child process; or why not. ``command`` replaces the child (tests)."""
    try:
        size = pdf.stat().st_size
        if size > MAX_BYTES:
            return RenderFailed(Failure.TOO_LARGE, f"{size} bytes")
        data = pdf.read_bytes()
    except OSError as exc:
        return RenderFailed(Failure.UNREADABLE, exc.strerror or str(exc))
    if not _looks_like_pdf(data):
        return RenderFailed(Failure.NOT_PDF)
    with _ONE_AT_A_TIME:
        code, out, err = _run_child(command or child_command(), data, timeout)
    if code is None:
        log.info("pdf render: killed after %.1f s", timeout)
        return RenderFailed(Failure.TIMEOUT, f"{timeout:.1f} s")
    head, _, png = out.partition(b"\n")
    try:
        answer = json.loads(head)
    except ValueError:
        answer = None
    if code == 0 and isinstance(answer, dict) and answer.get("ok") is True:
        problem = check_png(png)
        if problem is None:
            return png
        log.warning("pdf render: the child's PNG is refused: %s", problem)
        return RenderFailed(Failure.CRASHED, problem)
    if code == 3 and isinstance(answer, dict) and answer.get("error") in _CHILD_FAILURES:
        return RenderFailed(Failure(answer["error"]), str(answer.get("detail", ""))[:200])
    detail = f"exit {code}: {err.decode('utf-8', 'replace').strip()[-300:]}"
    log.warning("pdf render: the child failed (%s)", detail)
    return RenderFailed(Failure.CRASHED, detail)


_CHILD_FAILURES = {f.value for f in (Failure.NOT_PDF, Failure.ENCRYPTED, Failure.UNREADABLE)}


def _run_child(command: list[str], data: bytes, timeout: float) -> tuple[int | None, bytes, bytes]:
    """Run the child on ``data``: (exit code or None when it was killed for time, its stdout
    up to MAX_OUTPUT, the end of its stderr)."""
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # Windows: no console flashing up
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=err,
            cwd=tempfile.gettempdir(),
            env=env,
            creationflags=flags,
            start_new_session=os.name == "posix",  # its own process group, killed whole
        )
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            _kill(proc)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            assert proc.stdin is not None and proc.stdout is not None
            try:
                proc.stdin.write(data)
                proc.stdin.close()
            except OSError:  # it stopped reading: died or was killed; its exit code says
                pass
            out = proc.stdout.read(MAX_OUTPUT + 1)
            if len(out) > MAX_OUTPUT:
                _kill(proc)  # more than any page: not our child's answer
                out = b""
            code = proc.wait()
        finally:
            timer.cancel()
            if proc.poll() is None:
                _kill(proc)
                proc.wait()
            proc.stdout.close() if proc.stdout else None
        err.seek(max(0, err.seek(0, os.SEEK_END) - 2000))
        tail = err.read()
    return (None if timed_out.is_set() and code != 0 else code), out, tail


def _kill(proc: subprocess.Popen[bytes]) -> None:
    """Kill the child and, on POSIX, anything it started (which could hold its stdout open)."""
    if os.name == "posix":
        import signal

        try:
            os.killpg(proc.pid, signal.SIGKILL)
            return
        except OSError:  # already gone
            pass
    proc.kill()


def _looks_like_pdf(data: bytes) -> bool:
    # PDF readers accept the header within the first 1024 bytes; the sniffer wants it first.
    return data.startswith(b"%PDF-")


def check_png(png: bytes) -> str | None:
    """Why ``png`` is not a page we asked for (not a PNG, over MAX_SIDE, no page count); None
    when it is. Read from its header only: nothing is decoded here."""
    if not png.startswith(_PNG) or png[12:16] != b"IHDR" or len(png) < 33:
        return "not a PNG"
    width, height = struct.unpack(">II", png[16:24])
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
        return f"{width}×{height} pixels"
    if png_pages(png) is None:
        return "no page count"
    return None


def png_pages(png: bytes) -> int | None:
    """The page count the child wrote into the PNG (a ``tEXt`` chunk "pages")."""
    at = 8
    while at + 8 <= len(png):
        length, kind = struct.unpack(">I4s", png[at : at + 8])
        body = png[at + 8 : at + 8 + length]
        if kind == b"tEXt" and body.startswith(b"pages\0"):
            text = body[6:]
            return int(text) if text.isdigit() and 0 < len(text) < 10 else None
        if kind in (b"IDAT", b"IEND"):
            return None  # ours is written before the pixels
        at += 12 + length
    return None


def _write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(".incoming-" + path.name)
    tmp.write_bytes(data)
    os.replace(tmp, path)


# --- the child's side --------------------------------------------------------------------


def confine(memory: int = MEMORY, cpu_seconds: int = int(TIMEOUT) + 1) -> list[str]:
    """Limit this process before it parses anything; returns the limits in force. Call it
    after the imports (they read files; afterwards nothing is written but stdout)."""
    applied = []
    if os.name == "posix":
        import resource

        limits = {
            "memory": (resource.RLIMIT_AS, memory),
            "cpu": (resource.RLIMIT_CPU, cpu_seconds),
            "no core": (resource.RLIMIT_CORE, 0),
            "no files": (resource.RLIMIT_FSIZE, 0),
        }
        if hasattr(resource, "RLIMIT_NPROC") and os.geteuid() != 0:  # root is exempt anyway
            limits["no processes"] = (resource.RLIMIT_NPROC, 0)
        for name, (which, value) in limits.items():
            try:
                resource.setrlimit(which, (value, value))
                applied.append(name)
            except (ValueError, OSError):  # macOS refuses some: the others still hold
                pass
    if sys.platform.startswith("linux") and _own_network():
        applied.append("no network")
    sys.addaudithook(_refuse_escapes)
    applied.append("audit hook")
    return applied


def _own_network() -> bool:
    """Linux: move into a network namespace of our own (as root, or in a user namespace
    where unprivileged ones are allowed): no interface reaches anything."""
    import ctypes

    clone_newuser, clone_newnet = 0x10000000, 0x40000000
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    if os.geteuid() == 0 and libc.unshare(clone_newnet) == 0:
        return True
    return bool(libc.unshare(clone_newuser | clone_newnet) == 0)


_REFUSED = ("socket.", "subprocess.", "os.exec", "os.posix_spawn", "os.spawn", "os.system")


def _refuse_escapes(event: str, _args: object) -> None:
    if event.startswith(_REFUSED) or event == "os.fork":
        raise PermissionError(f"not in the PDF renderer: {event}")


def render_page_png(data: bytes, max_side: int = MAX_SIDE) -> tuple[bytes, int]:
    """Render the first page of the PDF ``data``: (PNG bytes with the page count in them,
    the page count). Raises ``ChildFailure``."""
    import pypdfium2 as pdfium  # loaded before confine() in the child

    if not _looks_like_pdf(data):
        raise ChildFailure(Failure.NOT_PDF)
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        codes = (pdfium.raw.FPDF_ERR_PASSWORD, pdfium.raw.FPDF_ERR_SECURITY)
        reason = Failure.ENCRYPTED if exc.err_code in codes else Failure.UNREADABLE
        raise ChildFailure(reason, str(exc)) from exc
    try:
        pages = len(doc)
        if pages < 1:
            raise ChildFailure(Failure.UNREADABLE, "no pages")
        page = doc[0]
        width, height = page.get_size()
        if not (width > 0 and height > 0):
            raise ChildFailure(Failure.UNREADABLE, "an empty page")
        scale = (max_side - 0.5) / max(width, height)  # rounded up, still within max_side
        bitmap = page.render(scale=scale, rev_byteorder=True, may_draw_forms=False)
        png = encode_png(
            bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, bitmap.n_channels,
            {"pages": str(pages)},
        )  # fmt: skip
    except pdfium.PdfiumError as exc:
        raise ChildFailure(Failure.UNREADABLE, str(exc)) from exc
    finally:
        doc.close()
    return png, pages


class ChildFailure(Exception):
    def __init__(self, reason: Failure, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}")
        self.reason = reason
        self.detail = detail


def encode_png(
    pixels: bytes, width: int, height: int, stride: int, channels: int, text: dict[str, str]
) -> bytes:
    """An 8-bit RGB (3 channels) or grey (1) PNG of ``pixels``, rows ``stride`` bytes apart,
    with ``text`` as tEXt chunks before the pixels."""
    colour = {1: 0, 3: 2}[channels]
    row = width * channels
    raw = b"".join(b"\0" + pixels[y * stride : y * stride + row] for y in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)
    notes = b"".join(chunk(b"tEXt", k.encode() + b"\0" + v.encode()) for k, v in text.items())
    return (
        _PNG + chunk(b"IHDR", header) + notes + chunk(b"IDAT", zlib.compress(raw, 6))
        + chunk(b"IEND", b"")
    )  # fmt: skip


def child_main(_argv: list[str]) -> int:
    """The child: a PDF on stdin; on stdout a JSON line, then the PNG. Exit 0 rendered,
    3 a failure it could name (the JSON says which); anything else is a crash."""
    import pypdfium2  # noqa: F401 - before confine(): loading it reads files and maps memory

    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    out = sys.stdout.buffer
    confine()
    try:
        if len(data) > MAX_BYTES:
            raise ChildFailure(Failure.UNREADABLE, "over the size limit")
        try:
            png, pages = render_page_png(data)
        except MemoryError as exc:
            raise ChildFailure(Failure.UNREADABLE, "memory") from exc
    except ChildFailure as exc:
        out.write(json.dumps({"error": exc.reason.value, "detail": exc.detail}).encode() + b"\n")
        out.flush()
        return 3
    out.write(json.dumps({"ok": True, "pages": pages}).encode() + b"\n" + png)
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
