"""Always visible: the relay connection (with "work offline") and each marketplace's
messaging switch, so a marketplace on vacation is obvious at a glance."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget

from app.ui import formats

if TYPE_CHECKING:
    from app.services.connectivity import ConnectivityState
    from app.storage.queries import MarketplaceInfo

# (dot colour, chip background) per state
_CONN_COLOURS = {
    "online": "#2e7d32",
    "connecting": "#f9a825",
    "offline": "#9e9e9e",
    "session-only": "#1565c0",
    "unauthorized": "#c62828",
    "stalled": "#c62828",
    "none": "#9e9e9e",
}


def messaging_state(mp: MarketplaceInfo, now: datetime) -> tuple[str, str]:
    """("on" | "vacation" | "scheduled" | "off", detail) for one marketplace."""
    if not mp.messaging_enabled:
        return ("off", "")
    start, until = mp.vacation_from, mp.vacation_until
    if start is not None and start <= now and (until is None or now < until):
        return ("vacation", formats.day_month(until) if until else "")
    if start is not None and start > now:
        return ("scheduled", formats.day_month(start))
    return ("on", "")


class ConnectionIndicator(QWidget):
    work_offline_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dot = QLabel("●")
        self.label = QLabel(self.tr("No relay account"))
        self.label.setObjectName("connection-state")
        self.offline = QCheckBox(self.tr("Work offline"))
        self.offline.setToolTip(self.tr("Stop talking to the relay; keep reading and writing"))
        self.offline.toggled.connect(self.work_offline_changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 6, 0)
        row.setSpacing(6)
        row.addWidget(self.dot)
        row.addWidget(self.label)
        row.addSpacing(8)
        row.addWidget(self.offline)
        self._status = "none"
        self._paint("none")

    @property
    def status(self) -> str:
        return self._status

    def _paint(self, status: str) -> None:
        self._status = status
        self.dot.setStyleSheet(f"color:{_CONN_COLOURS.get(status, '#9e9e9e')};font-size:14px")

    def set_no_account(self) -> None:
        self.label.setText(self.tr("No relay account (Settings)"))
        self.label.setToolTip("")
        self._paint("none")

    def set_state(self, state: ConnectivityState) -> None:
        status = str(state.status)
        texts = {
            "online": self.tr("Online"),
            "connecting": self.tr("Connecting…"),
            "offline": self.tr("Offline"),
            "session-only": self.tr("Online · session-only sign-in"),
            "unauthorized": self.tr("Signed out: the relay refused the token"),
            "stalled": self.tr("Not syncing: see the details"),
        }
        text = texts.get(status, status)
        if status == "offline" and state.reason == "working offline":
            text = self.tr("Working offline")
        elif status == "stalled" and state.next_try is not None:
            text = self.tr("Not syncing · retrying at %1").replace(
                "%1", formats.time_with_seconds(state.next_try)
            )
        elif status == "offline" and state.next_try is not None:
            secs = max(0, int((state.next_try - datetime.now(UTC)).total_seconds()))
            text = (
                self.tr("Offline · retrying at %1 (in %2 s)")
                .replace("%1", formats.time_with_seconds(state.next_try))
                .replace("%2", str(secs))
            )
        self.label.setText(text)
        self.label.setToolTip(state.reason)
        self._paint(status)


class MarketplaceChips(QWidget):
    """One small chip per marketplace: green on, amber scheduled, red off / on vacation."""

    clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(4)
        self.chips: dict[str, QLabel] = {}
        self.states: dict[str, str] = {}

    def set_marketplaces(self, mps: list[MarketplaceInfo], now: datetime | None = None) -> None:
        now = now or datetime.now(UTC)
        for chip in self.chips.values():
            self.row.removeWidget(chip)
            chip.deleteLater()
        self.chips.clear()
        self.states.clear()
        for mp in mps:
            state, detail = messaging_state(mp, now)
            self.states[mp.id] = state
            short = mp.id.removeprefix("amazon")  # ".com", ".se": the brand is the same
            if state == "on":
                text, tip = f"● {short}", self.tr("%1: messaging on").replace("%1", mp.name)
                style = "color:#1b5e20;background:#e8f5e9"
            elif state == "scheduled":
                text = f"◔ {short}"
                tip = self.tr("%1: messaging on; vacation from %2").replace("%1", mp.name)
                tip = tip.replace("%2", detail)
                style = "color:#8d5a00;background:#fff3e0"
            elif state == "vacation":
                text = self.tr("✕ %1 vacation").replace("%1", short)
                tip = self.tr(
                    "%1: on vacation until %2. New buyers cannot write; earlier buyers still can."
                ).replace("%1", mp.name)
                tip = formats.fill(tip, "%2", detail or self.tr("further notice"))
                style = "color:#b71c1c;background:#ffebee;font-weight:bold"
            else:
                text = self.tr("✕ %1 off").replace("%1", short)
                tip = self.tr(
                    "%1: messaging off. New buyers cannot write; earlier buyers still can."
                ).replace("%1", mp.name)
                style = "color:#b71c1c;background:#ffebee;font-weight:bold"
            chip = QLabel(text)
            chip.setObjectName(f"chip-{mp.id}")
            chip.setToolTip(tip)
            chip.setStyleSheet(f"{style};border-radius:8px;padding:1px 7px")
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.mousePressEvent = lambda _e, mid=mp.id: self.clicked.emit(mid)  # type: ignore[method-assign,misc]
            self.chips[mp.id] = chip
            self.row.addWidget(chip)
