"""The live policy panel: each finding with its severity and its explanation; clicking one
selects the offending text in the editor."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.policy import Finding, Severity
from app.ui.policy_text import explain
from app.ui.theme import clock_colour

BLOCK_COLOUR = QColor("#c62828")
WARN_COLOUR = QColor("#e08a00")


def _text_colour(block: bool) -> QColor:
    return clock_colour("overdue" if block else "soon")


class PolicyPanel(QWidget):
    finding_activated = Signal(object)  # Finding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("policy-summary")
        self.list = QListWidget()
        self.list.setObjectName("policy-findings")
        self.list.setWordWrap(True)
        self.list.setMaximumHeight(96)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        self.findings: list[Finding] = []
        self._shown: list[Finding] | None = None
        self.show_findings([])

    def show_findings(self, findings: list[Finding]) -> None:
        if findings == self._shown:
            return  # a keystroke that changed no finding repaints nothing
        self._shown = list(findings)
        self.findings = list(findings)
        self.list.clear()
        blocks = sum(1 for f in findings if f.severity is Severity.BLOCK)
        warns = len(findings) - blocks
        if not findings:
            self.summary.setText(self.tr("✓ Within the marketplace's rules"))
            self.summary.setStyleSheet(f"color:{clock_colour('calm').name()}")
            self.list.hide()
            return
        self.list.show()
        parts = []
        if blocks:
            parts.append(self.tr("%n problem(s) block sending", "", blocks))
        if warns:
            parts.append(self.tr("%n warning(s)", "", warns))
        self.summary.setText(" · ".join(parts))
        # Text in the theme's readable status colours; the editor's underlines keep the
        # brighter BLOCK/WARN colours (a wavy line is not text).
        self.summary.setStyleSheet(f"color:{_text_colour(bool(blocks)).name()}")
        for f in sorted(findings, key=lambda f: (f.severity is not Severity.BLOCK, f.start)):
            mark = "✕" if f.severity is Severity.BLOCK else "⚠"
            item = QListWidgetItem(f"{mark}  {explain(f)}")
            item.setData(Qt.ItemDataRole.UserRole, self.findings.index(f))
            item.setForeground(_text_colour(f.severity is Severity.BLOCK))
            item.setToolTip(f.rule)
            self.list.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        index = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(index, int) and 0 <= index < len(self.findings):
            self.finding_activated.emit(self.findings[index])
