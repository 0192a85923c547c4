"""Light and dark, following the system: Fusion with a palette for the system's colour
scheme, and a small style sheet for spacing and headings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


def is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def _dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor("#1e2126"), QColor("#25282e"), QColor("#e6e8eb")
    for role, colour in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, QColor("#23262b")),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, QColor("#2d3137")),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.Highlight, QColor("#2f6fd1")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.ToolTipBase, QColor("#2d3137")),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.PlaceholderText, QColor("#8a8f98")),
        (QPalette.ColorRole.Link, QColor("#7fb0ff")),
    ):
        p.setColor(role, colour)
    return p


def _light_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor("#ffffff"), QColor("#f5f6f8"), QColor("#1f2328")
    for role, colour in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, QColor("#f8f9fb")),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, QColor("#ffffff")),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.Highlight, QColor("#d7e6fb")),
        (QPalette.ColorRole.HighlightedText, text),
        (QPalette.ColorRole.ToolTipBase, QColor("#ffffff")),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.PlaceholderText, QColor("#8a8f98")),
        (QPalette.ColorRole.Link, QColor("#1a5fb4")),
    ):
        p.setColor(role, colour)
    return p


STYLE = """
QToolBar#main-toolbar { spacing: 8px; padding: 6px 10px; border: none; }
QLineEdit#search { padding: 5px 8px; border-radius: 6px; min-width: 360px; }
QLabel#conversation-title { font-size: 17px; font-weight: 600; }
QLabel#conversation-subtitle { color: palette(placeholder-text); }
QLabel#panel-heading { font-weight: 600; color: palette(placeholder-text); }
QFrame#details-panel { background: palette(base); }
QTableView#threads { border: none; }
QHeaderView::section { padding: 4px 6px; border: none; border-bottom: 1px solid palette(mid); background: palette(window); }
QPushButton { padding: 4px 12px; }
QPushButton#send-button { padding: 5px 22px; font-weight: 600; }
QStatusBar QLabel { padding: 0 4px; }
"""


def apply(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setPalette(_dark_palette() if is_dark() else _light_palette())
    app.setStyleSheet(STYLE)

    def follow(_scheme: object) -> None:
        app.setPalette(_dark_palette() if is_dark() else _light_palette())

    QGuiApplication.styleHints().colorSchemeChanged.connect(follow)


def bubble_colours() -> dict[str, str]:
    if is_dark():
        return {"in": "#2b2f36", "out": "#1f3a2c", "system": "#3d3420"}
    return {"in": "#f1f3f6", "out": "#e7f3ec", "system": "#fff4d6"}
