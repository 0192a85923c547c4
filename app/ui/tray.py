"""The tray icon: the window a click away, and a notification when a buyer writes."""

from __future__ import annotations

from PySide6.QtCore import QPoint
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
    tray.setToolTip(window.tr("Seller Inbox"))
    menu = QMenu(window)
    menu.addAction(window.tr("Show Seller Inbox"), window.showNormal)
    menu.addAction(window.tr("Quit"), window.close)
    tray.setContextMenu(menu)

    def bring_forward(*_args: object) -> None:
        window.showNormal()
        window.raise_()
        window.activateWindow()

    tray.activated.connect(bring_forward)
    tray.messageClicked.connect(bring_forward)
    tray.show()
    return tray
