"""The composer: subject, contact reason, [Important], a Markdown body with a preview,
attachments (picker and drag and drop), and the live policy check.

Every keystroke re-checks the draft (the engine answers in a few ms), underlines the offending
spans in the editor, lists each finding with its explanation, and disables Send with the
reason on its tooltip while anything blocks. The composer knows nothing of the store or the
relay: it emits ``draft_changed`` (autosave), ``send_requested`` and ``attach_requested``.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import ContactReason
from app.domain.signature import append
from app.policy import (
    AttachmentInput,
    Finding,
    LiveChecker,
    PolicyContext,
    PolicyDraft,
    Severity,
    has_blocking,
)
from app.ui import finding_marks
from app.ui.attachment_chips import AttachmentList, BodyEdit, native
from app.ui.labels import plain_label
from app.ui.policy_panel import PolicyPanel
from app.ui.policy_text import explain
from app.ui.theme import error_colour, muted_colour
from app.ui.translations import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    # app.storage.drafts imports SQLAlchemy (~0.5 s): kept off the path to the first paint.
    from app.storage.rows import DraftData

_REASONS = (
    (ContactReason.OTHER, QT_TRANSLATE_NOOP("Composer", "Reply / other")),
    (ContactReason.SHIPPING_PROBLEM, QT_TRANSLATE_NOOP("Composer", "Shipping problem")),
    (ContactReason.CUSTOMIZATION, QT_TRANSLATE_NOOP("Composer", "Product customization")),
    (ContactReason.DELIVERY_SCHEDULING, QT_TRANSLATE_NOOP("Composer", "Delivery scheduling")),
    (ContactReason.OUT_OF_STOCK, QT_TRANSLATE_NOOP("Composer", "Out of stock")),
    (ContactReason.SHIPPING_CONFIRMATION, QT_TRANSLATE_NOOP("Composer", "Shipping confirmation")),
    (ContactReason.PRODUCT_MANUAL, QT_TRANSLATE_NOOP("Composer", "Product manual")),
    (ContactReason.REVIEW_REQUEST, QT_TRANSLATE_NOOP("Composer", "Review request")),
)


# Send from the keyboard: the main window's Send action takes this key, the composer's own
# hint and tooltip name it as Qt does on this platform and in this language ("Strg+Return",
# "⌘↩" on macOS).
SEND_SHORTCUT = "Ctrl+Return"


class Composer(QWidget):
    draft_changed = Signal(object)  # DraftData, on every edit (autosave debounces)
    send_requested = Signal(object)  # DraftData
    attach_requested = Signal(list)  # local paths to check and upload
    checked = Signal(float)  # milliseconds the last check took (bench, tests)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self._draft: DraftData | None = None
        self._checker: LiveChecker | None = None
        self._loading = False
        self.findings: list[Finding] = []
        self.attachments: list[dict[str, Any]] = []

        self.subject = QLineEdit()
        self.subject.setPlaceholderText(self.tr("Subject"))
        self.reason = QComboBox()
        for reason, label in _REASONS:
            self.reason.addItem(self.tr(label), str(reason))
        self.reason.setToolTip(self.tr("Why you are writing: some reasons reach opted-out buyers"))
        self.important = QCheckBox(self.tr("[Important]"))
        self.important.setToolTip(
            self.tr(
                "Mark an urgent message to an opted-out buyer; ask only for what the order needs"
            )
        )
        self.important.hide()
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.subject, 1)
        top.addWidget(self.reason)
        top.addWidget(self.important)

        self.body = BodyEdit()
        self.body.setPlaceholderText(
            self.tr("Write your reply (Markdown: **bold**, *italic*, lists)…")
        )
        self.body.files_dropped.connect(self.attach_requested)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.body, self.tr("Write"))
        self.tabs.addTab(self.preview, self.tr("Preview"))
        self.tabs.currentChanged.connect(self._tab_changed)
        # The marketplace's signature (Settings › Signatures): sent under the reply and
        # checked with it, shown apart from the text so it is never edited by accident.
        self.signature = ""
        self.signature_label = plain_label()
        self.signature_label.setObjectName("composer-signature")
        self.signature_label.setWordWrap(True)
        self.signature_label.setStyleSheet(f"color:{muted_colour()}")
        self.signature_label.setToolTip(self.tr("Added when you send; change it in Settings"))
        self.signature_label.hide()

        self.policy = PolicyPanel()
        self.policy.finding_activated.connect(self._select_finding)

        self.files = AttachmentList()
        self.files.setObjectName("composer-files")
        self.files.remove_requested.connect(self.remove_attachment)
        self.attach_notice = QLabel()
        self.attach_notice.setObjectName("attach-notice")
        self.attach_notice.setWordWrap(True)
        self.attach_notice.hide()
        self.file_dialog: QFileDialog | None = None
        self.attach_button = QPushButton(self.tr("Attach…"))
        self.attach_button.setToolTip(
            self.tr("PDF, Word, image or text; drop files on the text too")
        )
        self.attach_button.clicked.connect(self._pick_files)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setObjectName("send-button")
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self._send)
        self.send_hint = QLabel()
        self.send_keys = QKeySequence(SEND_SHORTCUT)
        self.send_hint.setText(native(self.send_keys))
        self.send_hint.setStyleSheet(f"color:{muted_colour()}")
        bottom = QHBoxLayout()
        bottom.addWidget(self.attach_button)
        bottom.addWidget(self.files, 1)
        bottom.addWidget(self.send_hint)
        bottom.addWidget(self.send_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 10)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.signature_label)
        layout.addWidget(self.policy)
        layout.addWidget(self.attach_notice)
        layout.addLayout(bottom)

        self.subject.textChanged.connect(self._edited)
        self.body.textChanged.connect(self._edited)
        self.reason.currentIndexChanged.connect(self._reason_changed)
        self.important.toggled.connect(self._important_toggled)
        self.set_enabled(False)

    # --- set-up ----------------------------------------------------------------------

    def set_send_keys(self, keys: QKeySequence) -> None:
        """Name the key of the window's Send action in the hint and the tooltip."""
        self.send_keys = keys
        self.send_hint.setText(native(keys))
        self._update_send()

    def set_enabled(self, on: bool) -> None:
        for w in (self.subject, self.reason, self.important, self.body, self.attach_button):
            w.setEnabled(on)
        self._update_send()

    def open_draft(self, draft: DraftData, ctx: PolicyContext | None) -> None:
        """Show a draft (loaded or new) with the context its checks need."""
        self._loading = True
        try:
            self._draft = draft
            self._checker = LiveChecker(ctx) if ctx is not None else None
            self.subject.setText(draft.subject)
            self.body.setPlainText(draft.body)
            i = self.reason.findData(draft.contact_reason)
            self.reason.setCurrentIndex(max(0, i))
            applies = bool(ctx and ctx.pack.important_tag_required and ctx.buyer_opted_out)
            self.important.setVisible(applies)
            self.important.setChecked(draft.important)
            self.attachments = [dict(a) for a in draft.attachments]
            self.attach_notice.hide()
            self._show_files()
            self.tabs.setCurrentIndex(0)
        finally:
            self._loading = False
        self.set_enabled(True)
        self.recheck()

    def set_signature(self, text: str) -> None:
        """The signature this reply gets (app.domain.signature.choose); "" for none."""
        self.signature = text
        self.signature_label.setText(f"-- \n{text}")
        self.signature_label.setVisible(bool(text.strip()))
        self.recheck()

    def clear(self) -> None:
        self._loading = True
        try:
            self._draft = None
            self._checker = None
            self.subject.clear()
            self.body.clear()
            self.attachments = []
            self.attach_notice.hide()
            self._show_files()
        finally:
            self._loading = False
        self.recheck()
        self.set_enabled(False)

    def add_attachment(self, info: dict[str, Any]) -> None:
        self.attachments.append(info)
        self.attach_notice.hide()
        self._show_files()
        self._edited()

    def show_attach_error(self, text: str) -> None:
        """A file was not attached: say why, in place (no modal box in the way of typing)."""
        self.attach_notice.setText(text)
        self.attach_notice.setStyleSheet(f"color:{error_colour()};font-weight:600")
        self.attach_notice.show()

    def clear_attach_error(self) -> None:
        self.attach_notice.hide()
        self.attach_notice.clear()

    def remove_attachment(self, index: int) -> None:
        if 0 <= index < len(self.attachments):
            del self.attachments[index]
            self._show_files()
            self._edited()

    # --- the draft -------------------------------------------------------------------

    def draft_conversation(self) -> int | None:
        """The conversation the shown draft replies to (None: no draft, or a new message)."""
        return self._draft.conversation_id if self._draft is not None else None

    def current_draft(self) -> DraftData:
        assert self._draft is not None
        return replace(
            self._draft,
            subject=self.subject.text(),
            body=self.body.toPlainText(),
            contact_reason=str(self.reason.currentData()),
            important=self.important.isChecked() and self.important.isVisible(),
            attachments=tuple(self.attachments),
        )

    def _edited(self) -> None:
        if self._loading:
            return
        self.recheck()
        if self._draft is not None:
            self.draft_changed.emit(self.current_draft())

    def _reason_changed(self) -> None:
        if self._checker is not None:
            ctx = self._checker.context
            self._checker.set_context(
                replace(ctx, contact_reason=ContactReason(str(self.reason.currentData())))
            )
        self._edited()

    def _important_toggled(self, on: bool) -> None:
        if self._loading or self._checker is None:
            return
        tag = (self._checker.context.pack.important_tags or ("[Important]",))[0]
        text = self.subject.text()
        if on and tag not in text:
            self.subject.setText(f"{tag} {text}".strip())
        elif not on and tag in text:
            self.subject.setText(text.replace(tag, "").strip())

    # --- checking --------------------------------------------------------------------

    def recheck(self) -> None:
        started = time.perf_counter()
        if self._checker is None:
            self.findings = []
        else:
            files = [
                AttachmentInput.from_path(a["path"])
                for a in self.attachments
                if a.get("path") and Path(a["path"]).exists()
            ]
            sent = append(self.body.toPlainText(), self.signature)
            self.findings = self._checker.check(
                PolicyDraft(self.subject.text(), sent, files), own_signature=self.signature
            )
        finding_marks.mark(self.body, self.subject, self.findings)
        self.policy.show_findings(self.findings)
        self._update_send()
        self.checked.emit((time.perf_counter() - started) * 1000)

    def blocking_reason(self) -> str | None:
        if self._draft is None or self._checker is None:
            return self.tr("Select a conversation to reply to")
        if not self.body.toPlainText().strip():
            return self.tr("Write a message first")
        if has_blocking(self.findings):
            first = next(f for f in self.findings if f.severity is Severity.BLOCK)
            return self.tr("Cannot send: %1").replace("%1", explain(first))
        return None

    def _update_send(self) -> None:
        reason = self.blocking_reason()
        self.send_button.setEnabled(reason is None)
        self.send_button.setToolTip(
            reason
            or self.tr("Send (%1); you can undo for a few seconds").replace(
                "%1", native(self.send_keys)
            )
        )

    def _select_finding(self, f: Finding) -> None:
        if finding_marks.select(self.body, self.subject, f):
            self.tabs.setCurrentIndex(0)  # the body's tab, where the finding is selected

    # --- actions ---------------------------------------------------------------------

    def _send(self) -> None:
        if self.blocking_reason() is None:
            self.send_requested.emit(self.current_draft())

    def try_send(self) -> None:
        self._send()

    def _pick_files(self) -> None:
        # A new dialog each time, in the seller's documents folder (a reused one kept the
        # last folder and selection). open(), not exec(): a nested event loop would stall
        # the asyncio work under qasync.
        from PySide6.QtCore import QStandardPaths

        if self.file_dialog is not None:
            self.file_dialog.deleteLater()
        self.file_dialog = QFileDialog(
            self,
            self.tr("Attach files"),
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation),
            self.tr(
                "Documents and images (*.pdf *.doc *.docx *.txt *.png *.jpg *.jpeg *.gif)"
                ";;All files (*)"
            ),
        )
        self.file_dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        self.file_dialog.filesSelected.connect(
            lambda paths: self.attach_requested.emit(list(paths))
        )
        self.file_dialog.open()

    def _show_files(self) -> None:
        self.files.set_files(self.attachments)

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            from PySide6.QtGui import QTextDocument

            self.preview.document().setMarkdown(
                self.body.toPlainText(),
                QTextDocument.MarkdownFeature.MarkdownDialectGitHub
                | QTextDocument.MarkdownFeature.MarkdownNoHTML,
            )

    def keyPressEvent(self, e: Any) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            e.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._send()
            return
        super().keyPressEvent(e)
