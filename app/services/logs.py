"""The app's log: a rotating file in the profile's ``logs/`` folder.

The windowed Windows and macOS builds have no console, so this file is the only trace a bug
leaves. What goes in: start-up, connection changes, failures with their tracebacks. What
never does: message bodies (nothing logs them) and tokens (``Redact`` removes anything shaped
like one, whoever logged it). HTTP client chatter is kept at WARNING: its request lines name
relay URLs on every poll.
"""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "seller-inbox.log"
MAX_BYTES = 1_000_000
BACKUPS = 4  # five files: ~5 MB at most
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

# Bearer headers, token=/password= pairs, and long unbroken secrets (relay tokens are
# url-safe base64 of 32 bytes): replaced before a line reaches the file.
_SECRETS = (
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"),
    re.compile(r"(?i)((?:token|password|secret|authorization)[\"']?\s*[:=]\s*[\"']?)[^\s\"',;&]+"),
    re.compile(r"\b[A-Za-z0-9_-]{32,}\b"),
)


def redact(text: str) -> str:
    for pattern in _SECRETS[:2]:
        text = pattern.sub(r"\1[redacted]", text)
    return _SECRETS[2].sub("[redacted]", text)


class Redact(logging.Filter):
    """Rewrites each record's message (and its traceback text) without secrets."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def setup(profile: Path, level: str = "INFO") -> Path:
    """Log to ``profile/logs/seller-inbox.log`` from now on; returns the file's path."""
    folder = profile / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(Redact())
    close()
    root = logging.getLogger()
    handler.seller_inbox = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level.upper())
    for chatty in ("httpx", "httpcore", "asyncio", "alembic"):
        logging.getLogger(chatty).setLevel(max(logging.WARNING, root.level))
    logging.getLogger(__name__).info("log opened (level %s)", level.upper())
    return path


def close() -> None:
    """Stop logging to the file (tests; the app's log lives as long as the process)."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "seller_inbox", False)]:
        root.removeHandler(old)
        old.close()


def current_path() -> Path | None:
    """The file the log goes to, if ``setup`` ran."""
    for handler in logging.getLogger().handlers:
        if getattr(handler, "seller_inbox", False) and isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    return None
