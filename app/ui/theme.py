"""Light and dark, following the system: Fusion with a palette for the system's colour
scheme, and a small style sheet for spacing and headings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

_system_palette: QPalette | None = None  # the platform's own, before ours replaced it
_applied: QPalette | None = None  # the palette we set last
_dark: bool | None = None  # the scheme last applied (read per painted row: kept, not asked)
_following = False


def is_dark() -> bool:
    """The system's colour scheme; where the platform does not say (Unknown: many Linux
    desktops), a dark system palette (light text on a dark window) counts as dark."""
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    palette = _system_palette or QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2)."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 to 21; body text wants at least 4.5."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _grey_out(p: QPalette, colour: str) -> QPalette:
    """Disabled controls look disabled: without this every group shares the active colours
    and a disabled Send button reads exactly like an enabled one."""
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return p


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
        (QPalette.ColorRole.Highlight, QColor("#04395e")),  # grey text stays readable on it
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.ToolTipBase, QColor("#2d3137")),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.PlaceholderText, QColor("#9ba1aa")),
        (QPalette.ColorRole.Link, QColor("#7fb0ff")),
    ):
        p.setColor(role, colour)
    return _grey_out(p, "#6b7078")


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
        # Grey secondary text still at 4.5:1 on white and on the selection colour.
        (QPalette.ColorRole.PlaceholderText, QColor("#565d66")),
        (QPalette.ColorRole.Link, QColor("#1a5fb4")),
    ):
        p.setColor(role, colour)
    return _grey_out(p, "#a0a5ad")


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
QFrame#attachment-chip { border: 1px solid palette(mid); border-radius: 10px; background: palette(button); }
QFrame#attachment-chip:focus { border: 1px solid palette(highlight); }
"""


def apply(app: QApplication) -> None:
    """Fusion with our palette for the system's scheme, following it when it changes."""
    global _following
    _remember_system_palette(app)
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE)
    refresh(app)
    if not _following:  # one connection, however often apply() runs (tests, restarts)
        _following = True
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: refresh(app))


def refresh(app: QApplication) -> None:
    global _applied, _dark
    _dark = is_dark()
    app.setPalette(_dark_palette() if _dark else _light_palette())
    _applied = app.palette()


def _remember_system_palette(app: QApplication) -> None:
    """The palette in place before ours is the system's (a palette we set is not)."""
    global _system_palette
    if _applied is None or app.palette() != _applied:
        _system_palette = QPalette(app.palette())


def bubble_colours() -> dict[str, str]:
    if is_dark():
        return {"in": "#2b2f36", "out": "#1f3a2c", "system": "#3d3420"}
    return {"in": "#f1f3f6", "out": "#e7f3ec", "system": "#fff4d6"}


# Status colours readable (>= 4.5:1) on the list's background in each scheme.
_CLOCK = {
    "overdue": ("#b71c1c", "#ff8a80"),
    "soon": ("#9a3d00", "#ffb74d"),
    "calm": ("#1b5e20", "#81c784"),
}


_CLOCK_COLOURS = {
    (kind, dark): QColor(pair[1] if dark else pair[0])
    for kind, pair in _CLOCK.items()
    for dark in (False, True)
}


def clock_colour(kind: str) -> QColor:
    """The 24-hour clock's colour: "overdue", "soon" or "calm" (called for every painted row)."""
    return _CLOCK_COLOURS[(kind, _dark if _dark is not None else is_dark())]


def error_colour() -> str:
    return "#ff8a80" if is_dark() else "#b3261e"


def muted_colour() -> str:
    return "#9ba1aa" if is_dark() else "#565d66"


# An information bar (sign-in, remote content): a tinted background with the palette's own
# text colour, so it reads in light and dark alike.
NOTICE_STYLE = (
    "#notice{background:rgba(240,170,40,0.16);border:1px solid rgba(200,140,20,0.55);"
    "border-radius:4px}"
)
