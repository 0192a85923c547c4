"""Response metrics from the relay: late-response rate and average response time per
marketplace over 7 / 30 / 90 days, with a small bar chart of the late rate."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui import formats
from app.ui.list_model import ListTableModel
from app.ui.theme import clock_colour, muted_colour
from app.ui.translations import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
WINDOWS = ("7", "30", "90")
LATE_TARGET = 0.04  # above 4 % late responses marketplaces start to warn sellers
_COLUMNS = (
    QT_TRANSLATE_NOOP("MetricsModel", "Marketplace"),
    QT_TRANSLATE_NOOP("MetricsModel", "Late responses"),
    QT_TRANSLATE_NOOP("MetricsModel", "Average response"),
    QT_TRANSLATE_NOOP("MetricsModel", "Answered"),
    QT_TRANSLATE_NOOP("MetricsModel", "Late"),
    QT_TRANSLATE_NOOP("MetricsModel", "Waiting"),
)


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class MetricsModel(ListTableModel[tuple[str, dict[str, Any]]]):
    columns = _COLUMNS

    def __init__(self) -> None:
        super().__init__()
        self.window = "30"
        self._all: dict[str, dict[str, dict[str, Any]]] = {}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        mid, w = self.rows[index.row()]
        col = index.column()
        late = w.get("lateRate")
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                mid,
                "—" if late is None else formats.percent(late),
                duration(w.get("averageResponseSeconds")),
                str(w.get("answered", 0)),
                str(w.get("late", 0)),
                str(w.get("pending", 0)),
            )[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 1 and late is not None:
            return QBrush(clock_colour("overdue" if late > LATE_TARGET else "calm"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def set_metrics(self, metrics: dict[str, dict[str, dict[str, Any]]]) -> None:
        self._all = metrics
        self._fill()

    def set_window(self, window: str) -> None:
        self.window = window
        self._fill()

    def _fill(self) -> None:
        self.beginResetModel()
        self.rows = [(mid, dict(w.get(self.window) or {})) for mid, w in sorted(self._all.items())]
        self.endResetModel()


class LateChart(QWidget):
    """Horizontal bars: late-response rate per marketplace, with the 4 % line."""

    def __init__(self, model: MetricsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setMinimumHeight(150)
        model.modelReset.connect(self.update)

    def paintEvent(self, _e: QPaintEvent) -> None:
        rows = self.model.rows
        if not rows:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_w, pad = 110, 8
        w = self.width() - label_w - 70
        bar_h = min(22, (self.height() - 2 * pad) / len(rows) - 6)
        top_rate = max(0.1, *(float(r[1].get("lateRate") or 0) for r in rows))
        text = self.palette().color(self.foregroundRole())
        for i, (mid, win) in enumerate(rows):
            y = pad + i * (bar_h + 6)
            rate = float(win.get("lateRate") or 0)
            p.setPen(text)
            p.drawText(
                QRectF(0, y, label_w - 8, bar_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                mid,
            )
            colour = QColor("#e57373" if rate > LATE_TARGET else "#81c784")
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawRoundedRect(QRectF(label_w, y, max(2.0, w * rate / top_rate), bar_h), 3, 3)
            p.setPen(text)
            p.drawText(
                QRectF(label_w + w * rate / top_rate + 6, y, 64, bar_h),
                Qt.AlignmentFlag.AlignVCenter,
                formats.percent(rate),
            )
        x = label_w + w * LATE_TARGET / top_rate
        p.setPen(clock_colour("overdue"))
        p.drawLine(int(x), pad - 4, int(x), int(pad + len(rows) * (bar_h + 6)))
        p.end()


class MetricsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Response metrics"))
        self.resize(720, 460)
        self.model = MetricsModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        # Each figure's column as wide as its header ("Tiempo medio de respuesta"); the
        # marketplace takes the rest. Too narrow a dialog scrolls instead of clipping them.
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.chart = LateChart(self.model)
        picker = QHBoxLayout()
        picker.addWidget(QLabel(self.tr("Period:")))
        self.group = QButtonGroup(self)
        for days in WINDOWS:
            b = QPushButton(self.tr("%n day(s)", "", int(days)))
            b.setCheckable(True)
            b.setChecked(days == self.model.window)
            b.clicked.connect(lambda _c=False, d=days: self.model.set_window(d))
            self.group.addButton(b)
            picker.addWidget(b)
        picker.addStretch(1)
        note = QLabel(self.tr(
            "Each buyer message should be answered within 24 hours, weekends included. "
            "“No response needed” takes a message out of these figures. The red line is 4 %."
        ))  # fmt: skip
        note.setWordWrap(True)
        note.setStyleSheet(f"color:{muted_colour()}")
        layout = QVBoxLayout(self)
        layout.addLayout(picker)
        layout.addWidget(self.chart)
        layout.addWidget(self.view, 1)
        layout.addWidget(note)

    def set_metrics(self, metrics: dict[str, dict[str, dict[str, Any]]]) -> None:
        self.model.set_metrics(metrics)
