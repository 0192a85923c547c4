"""The thread list's view: a QTableView that does not repaint what a page load left alone.

A page of rows is appended (``fetchMore``) while the seller scrolls; Qt answers every change
in the row count with a deferred relayout that repaints the whole viewport, so a scroll frame
that loaded a page painted every visible row twice. Appended rows below the viewport change
only the scroll bar's range: that relayout updates the geometries and repaints the appended
rows that are in view, if any. Every other change (a reset, a new order, removed rows) takes
Qt's full relayout.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QTableView, QWidget

_RELAYOUT = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LayoutDirectionChange)


class ThreadView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._appended: tuple[int, int] | None = None  # rows appended since the last layout
        self._full = True  # something other than an append happened: Qt's own relayout

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            old.rowsInserted.disconnect(self._inserted)
            for signal in self._full_signals(old):
                signal.disconnect(self._changed)
        super().setModel(model)
        self._full = True
        if model is not None:
            model.rowsInserted.connect(self._inserted)
            for signal in self._full_signals(model):
                signal.connect(self._changed)

    @staticmethod
    def _full_signals(model: QAbstractItemModel) -> tuple:  # type: ignore[type-arg]
        return (
            model.modelReset,
            model.layoutChanged,
            model.rowsRemoved,
            model.rowsMoved,
            model.columnsInserted,
            model.columnsRemoved,
            model.columnsMoved,
        )

    def _changed(self, *_args: object) -> None:
        self._full = True

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _RELAYOUT:
            self._full = True  # a new font or style relays out every row
        super().changeEvent(event)

    def _inserted(self, parent: QModelIndex | QPersistentModelIndex, first: int, last: int) -> None:
        model = self.model()
        if parent.isValid() or model is None or last != model.rowCount() - 1:
            self._full = True  # rows inserted above others move what is shown
        elif self._appended is None:
            self._appended = (first, last)
        else:
            self._appended = (min(first, self._appended[0]), last)

    def doItemsLayout(self) -> None:
        appended, full = self._appended, self._full
        self._appended, self._full = None, False
        if full or appended is None:
            super().doItemsLayout()
            return
        self.updateGeometries()  # the scroll bar's range; nothing above the new rows moved
        top = self.rowViewportPosition(appended[0])
        if top < self.viewport().height():  # the new rows start inside the viewport
            viewport = self.viewport()
            viewport.update(0, max(0, top), viewport.width(), viewport.height())
