"""The thread list's filter bar: marketplace, status, Flagged, and the sort order."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from app.domain import ConversationStatus
from app.storage.rows import ThreadFilter, ThreadSort

SNOOZED = "snoozed"  # the status combo's view of what sleeps (ThreadFilter.snoozed)


class FilterBar(QWidget):
    changed = Signal(object)  # ThreadFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.marketplace = QComboBox()
        self.marketplace.addItem(self.tr("All marketplaces"), None)
        self.status = QComboBox()
        for status, label in (
            (ConversationStatus.ALL, self.tr("All conversations")),
            (ConversationStatus.NEEDS_RESPONSE, self.tr("Needs response")),
            (ConversationStatus.WAITING_ON_BUYER, self.tr("Waiting on buyer")),
        ):
            self.status.addItem(label, str(status))
        self.status.addItem(self.tr("Snoozed"), SNOOZED)
        self.flagged = QCheckBox(self.tr("Flagged"))
        self.sort = QComboBox()
        self.sort.addItem(self.tr("Newest activity"), str(ThreadSort.ACTIVITY))
        self.sort.addItem(self.tr("Deadline first"), str(ThreadSort.DEADLINE))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.setSpacing(6)
        row.addWidget(self.marketplace)
        row.addWidget(self.status)
        row.addWidget(self.flagged)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Sort:")))
        row.addWidget(self.sort)
        for combo in (self.marketplace, self.status, self.sort):
            combo.currentIndexChanged.connect(self._emit)
        self.flagged.toggled.connect(self._emit)

    def set_marketplaces(self, ids: list[str]) -> None:
        current = self.marketplace.currentData()
        self.marketplace.blockSignals(True)
        self.marketplace.clear()
        self.marketplace.addItem(self.tr("All marketplaces"), None)
        for mid in ids:
            self.marketplace.addItem(mid, mid)
        self.marketplace.setCurrentIndex(max(0, self.marketplace.findData(current)))
        self.marketplace.blockSignals(False)

    def current(self) -> ThreadFilter:
        status = self.status.currentData()
        return ThreadFilter(
            marketplace_id=self.marketplace.currentData(),
            status=ConversationStatus.ALL if status == SNOOZED else ConversationStatus(status),
            flagged_only=self.flagged.isChecked(),
            sort=ThreadSort(self.sort.currentData()),
            snoozed=status == SNOOZED,
        )

    def show_status(self, status: str) -> None:
        """Select a status view (a ConversationStatus value, or SNOOZED) as if clicked."""
        self.status.setCurrentIndex(max(0, self.status.findData(status)))

    def show_sort(self, sort: ThreadSort) -> None:
        self.sort.setCurrentIndex(max(0, self.sort.findData(str(sort))))

    def show_filter(self, flt: ThreadFilter, status: str) -> None:
        """Set every control at once (a saved view): one change, not one per control."""
        controls = (self.marketplace, self.status, self.flagged, self.sort)
        for control in controls:
            control.blockSignals(True)
        try:
            self.marketplace.setCurrentIndex(max(0, self.marketplace.findData(flt.marketplace_id)))
            self.status.setCurrentIndex(max(0, self.status.findData(status)))
            self.flagged.setChecked(flt.flagged_only)
            self.sort.setCurrentIndex(max(0, self.sort.findData(str(flt.sort))))
        finally:
            for control in controls:
                control.blockSignals(False)
        self._emit()

    def status_key(self) -> str:
        """The status control's choice: a ConversationStatus value, or SNOOZED."""
        return str(self.status.currentData())

    def _emit(self) -> None:
        self.changed.emit(self.current())
