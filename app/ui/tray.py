"""The tray icon: the window a click away, and a notification when a buyer writes.

Whether to notify is decided by ``decide`` (plain data in, plain data out); ``Notifier``
shows the result on the tray when the platform has one (offscreen and some Linux desktops
do not) and always emits ``notified``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygon
from PySide6.QtWidgets import QMainWindow, QMenu, QSystemTrayIcon


def app_icon() -> QIcon:
    """A speech bubble drawn in code (no image files to package)."""
    pix = QPixmap(64, 64)
    pix.fill(QColor(0, 0, 0, 0))
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor("#1a73e8"))
    p.setPen(QColor("#1a73e8"))
    p.drawRoundedRect(6, 8, 52, 38, 10, 10)
    p.drawPolygon(QPolygon([QPoint(18, 44), QPoint(18, 58), QPoint(32, 44)]))
    p.setPen(QColor("white"))
    p.setBrush(QColor("white"))
    for x in (20, 32, 44):
        p.drawEllipse(x - 3, 24, 6, 6)
    p.end()
    return QIcon(pix)


def make_tray(window: QMainWindow) -> QSystemTrayIcon | None:
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    tray = QSystemTrayIcon(app_icon(), window)
    tray.setToolTip(QCoreApplication.translate("Tray", "Seller Inbox"))
    menu = QMenu(window)
    menu.addAction(QCoreApplication.translate("Tray", "Show Seller Inbox"), window.showNormal)
    menu.addAction(QCoreApplication.translate("Tray", "Quit"), window.close)
    tray.setContextMenu(menu)

    def bring_forward(*_args: object) -> None:
        window.showNormal()
        window.raise_()
        window.activateWindow()

    tray.activated.connect(bring_forward)
    tray.messageClicked.connect(bring_forward)
    tray.show()
    return tray


@dataclass(frozen=True, slots=True)
class Notification:
    title: str
    body: str
    message_id: int


# Linux notification servers read a notification's body as markup (<b>, <a href>, <img src>
# that some of them fetch) and Qt's balloon fallback guesses rich text: a buyer's name or
# subject must not become either. Escaping would show "&lt;" on the platforms that take plain
# text, so the three markup characters become look-alikes instead. It is a preview: the
# message itself is shown as the buyer wrote it.
_LOOKALIKES = str.maketrans({"<": "\u2039", ">": "\u203a", "&": "\uff06"})
_TITLE_MAX, _BODY_MAX = 80, 160


def plain_preview(text: str, limit: int) -> str:
    """``text`` as one line of inert text for a notification, at most ``limit`` characters."""
    text = "".join(
        " " if unicodedata.category(ch)[0] in "CZ" and ch != "\u200d" else ch for ch in text
    )
    text = " ".join(text.split()).translate(_LOOKALIKES)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def decide(
    newest: int, seen: int, headline: tuple[str, str] | None, *, enabled: bool
) -> Notification | None:
    """Notify about buyer message ``newest`` (headline: buyer name, subject)?

    Not when notifications are off, not for a message already announced (``seen``), and not
    for the first download into an empty inbox (``seen == 0``): that is history, not news."""
    if not enabled or seen == 0 or newest <= seen or headline is None:
        return None
    name, subject = plain_preview(headline[0], _TITLE_MAX), plain_preview(headline[1], _BODY_MAX)
    title = QCoreApplication.translate("Tray", "New message from %1").replace("%1", name)
    return Notification(title, subject, newest)


class Notifier(QObject):
    notified = Signal(object)  # Notification

    def __init__(
        self,
        window: QMainWindow,
        tray_factory: Callable[[QMainWindow], QSystemTrayIcon | None] = make_tray,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.tray_factory = tray_factory
        self.tray: QSystemTrayIcon | None = None

    def notify(self, note: Notification) -> None:
        if self.tray is None:
            self.tray = self.tray_factory(self.window)
        if self.tray is not None:
            self.tray.showMessage(
                note.title, note.body, QSystemTrayIcon.MessageIcon.Information, 10_000
            )
        self.notified.emit(note)
