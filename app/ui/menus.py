"""The menu bar: every window action where a desktop user looks for it (File, Edit, View,
Conversation, Help). Built from the actions the window and the session's parts registered
(`MainWindow.actions_by_name`), so a menu item and its shortcut are the same QAction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.ui.filter_bar import FilterBar
    from app.ui.main_window import MainWindow

# Menu -> action names in order ("-" a separator). An action not named here goes to
# Conversation, so a part's new action is never unreachable.
LAYOUT: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("&File", ("new", "-", "outbox", "metrics", "-", "settings", "-", "quit")),
    ("&Edit", ("undo-send", "-", "select-all", "search", "-", "insert-template", "templates")),
    (
        "&View",
        (
            "view-all",
            "view-needs-response",
            "view-waiting",
            "view-snoozed",
            "view-flagged",
            "-",
            "save-view",
            "saved-view-1",
            "saved-view-2",
            "saved-view-3",
            "saved-view-4",
            "-",
            "sort-activity",
            "sort-deadline",
            "-",
            "next",
            "previous",
        ),
    ),
    (
        "&Conversation",
        (
            "reply",
            "send",
            "-",
            "read",
            "flag",
            "no-response",
            "-",
            "snooze",
            "follow-up",
            "wake",
            "-",
            "note",
        ),
    ),
    ("&Help", ("shortcuts",)),
)


def add_view_actions(window: MainWindow) -> None:
    """Keyboard triage: a key for each list view (Ctrl+1..4), Flagged (Ctrl+5), and Quit."""
    from PySide6.QtGui import QKeySequence

    from app.ui.filter_bar import SNOOZED

    bar = window.filters
    views = (
        ("view-all", QCoreApplication.translate("Menus", "All conversations"), "all"),
        (
            "view-needs-response",
            QCoreApplication.translate("Menus", "Needs response"),
            "needs-response",
        ),
        (
            "view-waiting",
            QCoreApplication.translate("Menus", "Waiting on buyer"),
            "waiting-on-buyer",
        ),
        ("view-snoozed", QCoreApplication.translate("Menus", "Snoozed"), SNOOZED),
    )
    for n, (name, text, status) in enumerate(views, start=1):
        window.add_action(name, text, f"Ctrl+{n}", _show(bar, status))
    window.add_action(
        "view-flagged",
        QCoreApplication.translate("Menus", "Flagged only"),
        "Ctrl+5",
        bar.flagged.toggle,
    )
    window.add_action(
        "quit",
        QCoreApplication.translate("Menus", "Quit"),
        QKeySequence.StandardKey.Quit,
        window.close,
    )


def _show(bar: FilterBar, status: str) -> Callable[[], None]:
    return lambda: bar.show_status(status)


def build(window: MainWindow) -> None:
    # Written out for lupdate: the titles of LAYOUT.
    titles = {
        "&File": QCoreApplication.translate("Menus", "&File"),
        "&Edit": QCoreApplication.translate("Menus", "&Edit"),
        "&View": QCoreApplication.translate("Menus", "&View"),
        "&Conversation": QCoreApplication.translate("Menus", "&Conversation"),
        "&Help": QCoreApplication.translate("Menus", "&Help"),
    }
    actions = window.actions_by_name
    placed: set[str] = set()
    bar = window.menuBar()
    bar.clear()
    menus = {}
    for title, names in LAYOUT:
        menu = bar.addMenu(titles[title])
        menus[title] = menu
        for name in names:
            if name == "-":
                menu.addSeparator()
            elif name in actions:
                menu.addAction(actions[name])
                placed.add(name)
    for name, action in actions.items():
        if name not in placed:
            menus["&Conversation"].addAction(action)
