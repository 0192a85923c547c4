"""Snoozing a conversation: the menu of presets, and the dialog for a date of one's own.

Both only collect the choice and say what it means; `chosen` carries it to whoever applies
it (`LocalChanges.set_snooze`). The marketplace's 24-hour clock keeps running under a snooze,
so a choice that would hide a conversation past its deadline asks first (`deadline_warning`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from app.domain.snooze import (
    MAX_REASON,
    Snooze,
    SnoozeKind,
    later_today,
    next_monday_morning,
    tomorrow_morning,
)
from app.ui import formats
from app.ui.theme import error_colour


@dataclass(frozen=True)
class SnoozeChoice:
    until: datetime | None  # None: until the buyer replies
    kind: SnoozeKind = SnoozeKind.SNOOZE
    reason: str | None = None


def local_now() -> datetime:
    return datetime.now().astimezone()


def deadline_warning(choice: SnoozeChoice, deadline: datetime | None, now: datetime) -> bool:
    """The conversation owes an answer that falls due while it sleeps."""
    return Snooze(choice.kind, now, choice.until).due_while_asleep(deadline)


class SnoozeMenu(QMenu):
    """Later today, tomorrow morning, Monday morning, until the buyer replies, a date…"""

    chosen = Signal(object)  # SnoozeChoice
    pick_date = Signal()

    def __init__(
        self, parent: QWidget | None = None, now: Callable[[], datetime] = local_now
    ) -> None:
        super().__init__(parent)
        self.setObjectName("snooze-menu")
        self.setTitle(self.tr("Snooze"))
        self._now = now
        self._presets: list[tuple[QAction, str, Callable[[datetime], datetime] | None]] = []
        for text, when in (
            (self.tr("Later today"), later_today),
            (self.tr("Tomorrow morning"), tomorrow_morning),
            (self.tr("Monday morning"), next_monday_morning),
            (self.tr("Until the buyer replies"), None),
        ):
            action = self.addAction(text)
            self._presets.append((action, text, when))
            action.triggered.connect(lambda _=False, w=when: self._choose(w))
        self.addSeparator()
        self.addAction(self.tr("Pick a date…")).triggered.connect(self.pick_date)
        self.aboutToShow.connect(self._label_times)

    def _label_times(self) -> None:
        """Each timed preset says when it ends, as the seller's clock reads it."""
        now = self._now()
        for action, text, when in self._presets:
            if when is not None:
                action.setText(f"{text}  ·  {formats.date_time(when(now))}")

    def _choose(self, when: Callable[[datetime], datetime] | None) -> None:
        self.chosen.emit(SnoozeChoice(None if when is None else when(self._now())))


class SnoozeDialog(QDialog):
    """A date and time of one's own, or a follow-up ("remind me if no reply"), with a reason;
    warns when the 24-hour deadline falls inside the snooze."""

    chosen = Signal(object)  # SnoozeChoice

    def __init__(
        self,
        deadline: datetime | None,
        *,
        follow_up: bool = False,
        parent: QWidget | None = None,
        now: Callable[[], datetime] = local_now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("snooze-dialog")
        self._deadline = deadline
        self._now = now
        self._kind = SnoozeKind.FOLLOW_UP if follow_up else SnoozeKind.SNOOZE
        self.setWindowTitle(
            self.tr("Remind me if there is no reply") if follow_up else self.tr("Snooze until")
        )
        start = tomorrow_morning(now())
        self.when = QDateTimeEdit(formats.qt_local(start))
        self.when.setObjectName("snooze-when")
        self.when.setCalendarPopup(True)
        self.when.setMinimumDateTime(formats.qt_local(now()))
        self.when.setDisplayFormat(formats.edit_pattern())
        self.reason = QLineEdit()
        self.reason.setObjectName("snooze-reason")
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(self.tr("Why (optional): shown when it comes back"))
        self.warning = QLabel()
        self.warning.setObjectName("snooze-warning")
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {error_colour()}")
        form = QFormLayout()
        form.addRow(self.tr("Until"), self.when)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.warning)
        box.addWidget(buttons)
        self.when.dateTimeChanged.connect(self._check)
        self._check()

    def choice(self) -> SnoozeChoice:
        until = self.when.dateTime().toPython()
        assert isinstance(until, datetime)
        return SnoozeChoice(until.astimezone(), self._kind, self.reason.text().strip() or None)

    def _check(self) -> None:
        due = self._deadline
        if due is not None and deadline_warning(self.choice(), due, self._now()):
            self.warning.setText(
                self.tr(
                    "The marketplace's 24-hour clock keeps running: the answer is due %1, "
                    "before this snooze ends."
                ).replace("%1", formats.date_time(due))
            )
            self.warning.show()
        else:
            self.warning.hide()

    def accept(self) -> None:
        self.chosen.emit(self.choice())
        super().accept()
