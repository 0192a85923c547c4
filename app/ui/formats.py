"""Dates, times and sizes in the window's language.

Qt's default locale (set by ``app.ui.translations.install`` for the chosen language) names the
days and months ("Mo.", "nov."); the order of the parts is a Qt date pattern that each
catalogue translates under the "Dates" context ("d. MMM yyyy" in German), so English keeps
the forms it had ("23 Nov 2026", "Mon 14:05") and other languages read naturally.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime


def qt_local(at: datetime) -> QDateTime:
    # Python decides the local time (as strftime did); Qt only spells it out (and edits it).
    t = at.astimezone()
    return QDateTime(QDate(t.year, t.month, t.day), QTime(t.hour, t.minute, t.second))


def _format(at: datetime, pattern: str) -> str:
    return QLocale().toString(qt_local(at), pattern)


def time_of_day(at: datetime) -> str:
    """14:05"""
    return _format(at, QCoreApplication.translate("Dates", "HH:mm", "Qt date pattern: time"))


def time_with_seconds(at: datetime) -> str:
    """14:05:09"""
    pattern = QCoreApplication.translate("Dates", "HH:mm:ss", "Qt date pattern: time")
    return _format(at, pattern)


def weekday_time(at: datetime) -> str:
    """Mon 14:05 (this week)"""
    pattern = QCoreApplication.translate("Dates", "ddd HH:mm", "Qt date pattern: weekday, time")
    return _format(at, pattern)


def day_month(at: datetime) -> str:
    """23 Nov"""
    pattern = QCoreApplication.translate("Dates", "dd MMM", "Qt date pattern: day, month")
    return _format(at, pattern)


def date_pattern() -> str:
    return QCoreApplication.translate("Dates", "dd MMM yyyy", "Qt date pattern: date")


def date(at: datetime) -> str:
    """23 Nov 2026"""
    return _format(at, date_pattern())


def edit_pattern() -> str:
    """A date-and-time field's display format: the date and the time of day."""
    time = QCoreApplication.translate("Dates", "HH:mm", "Qt date pattern: time")
    return f"{date_pattern()} {time}"


def date_time(at: datetime) -> str:
    """Mon 23 Nov 2026, 14:05 (a message's header)"""
    pattern = QCoreApplication.translate(
        "Dates", "ddd dd MMM yyyy, HH:mm", "Qt date pattern: weekday, date, time"
    )
    return _format(at, pattern)


def data_size(size: int, decimals: int = 1) -> str:
    """8.0 MB in English, 8,0 MB in German (1 MB = 1024 × 1024 bytes, as the rule packs
    count)."""
    return QLocale().formattedDataSize(
        size, decimals, QLocale.DataSizeFormat.DataSizeTraditionalFormat
    )


def file_size(size: int) -> str:
    """An attachment's size in a chip or under a message: 1.2 MB (1,2 MB in German), 340 KB."""
    if size >= 1_000_000:
        return f"{QLocale().toString(size / 1_000_000, 'f', 1)} MB"
    return f"{max(1, size // 1000)} KB"


def percent(fraction: float) -> str:
    """0.5 → 50.0 % (50,0 % in German)."""
    return f"{QLocale().toString(fraction * 100, 'f', 1)} %"


def fill(template: str, marker: str, value: str) -> str:
    """``template`` with ``marker`` replaced by ``value``, without a doubled full stop where
    an abbreviated date ends a sentence (Swedish "14 dec." + "." was "14 dec..")."""
    if value.endswith("."):
        template = template.replace(marker + ".", marker)
    return template.replace(marker, value)
