"""Saved views ("overdue on .de"): the list's filter, marketplace, Flagged, sort and search
under a name, shown behind the filter bar's Views button and in the View menu, the first
four on Ctrl+6…Ctrl+9. Kept in the local settings (`Preferences.saved_views`), not synced
through the relay: a view is one seat's way of working."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QMenu, QToolButton

from app.storage.rows import ThreadFilter, ThreadSort

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QAction

    from app.ui.main_window import MainWindow
    from app.ui.prefs import Preferences

KEYED = 4  # Ctrl+6 … Ctrl+9


@dataclass(frozen=True)
class SavedView:
    name: str
    status: str  # a ConversationStatus value, or filter_bar.SNOOZED
    marketplace_id: str | None = None
    flagged: bool = False
    sort: str = str(ThreadSort.ACTIVITY)
    search: str = ""

    @classmethod
    def from_json(cls, data: Any) -> SavedView | None:
        """A stored view, or None for one this build cannot read (a hand-edited file)."""
        try:
            view = cls(**data)
            ThreadSort(view.sort)
        except (TypeError, ValueError):
            return None
        return view if isinstance(view.name, str) and view.name.strip() else None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class SavedViews(QObject):
    def __init__(self, window: MainWindow, prefs: Preferences) -> None:
        super().__init__(window)
        self.window = window
        self.prefs = prefs
        self.views = [v for d in prefs.saved_views() if (v := SavedView.from_json(d))]
        self.dialog: QInputDialog | None = None
        self.menu = QMenu(self.tr("Saved views"), window)
        self.menu.setObjectName("saved-views-menu")
        self.keyed: list[QAction] = [
            window.add_action(
                f"saved-view-{i + 1}",
                self.tr("Saved view %1").replace("%1", str(i + 1)),
                f"Ctrl+{6 + i}",
                self._applier(i),
            )
            for i in range(KEYED)
        ]
        self.save_action = window.add_action(
            "save-view", self.tr("Save this view…"), "Ctrl+Shift+K", self.ask_name
        )
        self.button = QToolButton()
        self.button.setObjectName("saved-views")
        self.button.setText(self.tr("Views"))
        self.button.setToolTip(self.tr("Saved views"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMenu(self.menu)
        row = window.filters.layout()
        assert isinstance(row, QHBoxLayout)
        row.insertWidget(3, self.button)  # after the marketplace, status and Flagged
        self._rebuild()

    # --- the views ---------------------------------------------------------------------

    def current(self, name: str) -> SavedView:
        w = self.window
        flt = w.filters.current()
        return SavedView(
            name=name.strip(),
            status=w.filters.status_key(),
            marketplace_id=flt.marketplace_id,
            flagged=flt.flagged_only,
            sort=str(flt.sort),
            search=w.search.text().strip(),
        )

    def save(self, name: str) -> None:
        """The list as it is now under ``name`` (a view of that name is replaced)."""
        if not name.strip():
            return
        view = self.current(name)
        self.views = [v for v in self.views if v.name != view.name] + [view]
        self._store()

    def delete(self, name: str) -> None:
        self.views = [v for v in self.views if v.name != name]
        self._store()

    def apply(self, view: SavedView) -> None:
        w = self.window
        w.search.setText(view.search)
        flt = ThreadFilter(
            marketplace_id=view.marketplace_id,
            flagged_only=view.flagged,
            sort=ThreadSort(view.sort),
        )
        w.filters.show_filter(flt, view.status)

    def _applier(self, index: int) -> Callable[[], None]:
        return lambda: self.apply_index(index)

    def apply_index(self, index: int) -> None:
        if 0 <= index < len(self.views):
            self.apply(self.views[index])

    def ask_name(self) -> None:
        dialog = QInputDialog(self.window)
        dialog.setObjectName("save-view-dialog")
        dialog.setWindowTitle(self.tr("Save this view"))
        dialog.setLabelText(self.tr("Name of the view:"))
        dialog.setTextValue(self.suggested_name())
        dialog.textValueSelected.connect(self.save)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def suggested_name(self) -> str:
        bar = self.window.filters
        parts = [bar.status.currentText()]
        if bar.marketplace.currentData() is not None:
            parts.append(bar.marketplace.currentText())
        if bar.flagged.isChecked():
            parts.append(bar.flagged.text())
        if self.window.search.text().strip():
            parts.append(f"“{self.window.search.text().strip()}”")
        parts.append(bar.sort.currentText())
        return " · ".join(parts)

    # --- keeping them ------------------------------------------------------------------

    def _store(self) -> None:
        self.prefs.set_saved_views([v.to_json() for v in self.views])
        self._rebuild()

    def _rebuild(self) -> None:
        """The menu and the keyed actions say the views' names."""
        self.menu.clear()
        for i, action in enumerate(self.keyed):
            named = i < len(self.views)
            action.setVisible(named)
            action.setEnabled(named)
            text = (
                self.views[i].name if named else self.tr("Saved view %1").replace("%1", str(i + 1))
            )
            action.setText(text)
        for i, view in enumerate(self.views):
            if i < KEYED:
                self.menu.addAction(self.keyed[i])
            else:
                self.menu.addAction(view.name).triggered.connect(
                    lambda _=False, v=view: self.apply(v)
                )
        if self.views:
            self.menu.addSeparator()
        self.menu.addAction(self.save_action)
        if self.views:
            remove = self.menu.addMenu(self.tr("Delete a saved view"))
            for view in self.views:
                remove.addAction(view.name).triggered.connect(
                    lambda _=False, n=view.name: self.delete(n)
                )
