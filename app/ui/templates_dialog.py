"""Manage templates: the team's reply templates, one text per language.

The editor checks each text as the seller types it, filled with sample values (a placeholder
is judged as the words it becomes), so a template that breaks the rules is flagged before it
is saved; the relay checks it again on save and every seat sees its findings. The dialog only
edits and shows: `save_requested`, `delete_requested`, `import_requested` and
`export_requested` go to whoever talks to the relay, which answers with `show_templates`,
`saved` or `show_error`.
"""

from __future__ import annotations

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import ContactReason
from app.domain import templates as tpl
from app.policy.templates import check_template_text
from app.storage.rows import TemplateInfo
from app.ui.policy_panel import PolicyPanel
from app.ui.theme import error_colour, muted_colour

LANGUAGE_NAMES = {
    "en": "English",
    "sv": "Svenska",
    "es": "Español",
    "de": "Deutsch",
    "fr": "Français",
    "it": "Italiano",
}


class TemplatesDialog(QDialog):
    save_requested = Signal(object, str, str, dict)  # relay id or None, name, reason, texts
    delete_requested = Signal(str)  # relay id
    import_requested = Signal(str)  # path
    export_requested = Signal(str)  # path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templates-dialog")
        self.setWindowTitle(self.tr("Templates"))
        self.resize(900, 560)
        self._templates: list[TemplateInfo] = []
        self._current: TemplateInfo | None = None
        self._editors: dict[str, QPlainTextEdit] = {}
        self._placeholder_error = False  # the error line shows an unknown placeholder

        self.list = QListWidget()
        self.list.setObjectName("templates-list")
        self.list.currentItemChanged.connect(self._select)
        new = QPushButton(self.tr("New"))
        new.setObjectName("template-new")
        new.clicked.connect(self.new_template)
        more = QPushButton(self.tr("Import / export"))
        menu = QMenu(more)
        menu.addAction(self.tr("Import from a file…")).triggered.connect(self._import)
        menu.addAction(self.tr("Export all to a file…")).triggered.connect(self._export)
        more.setMenu(menu)
        left = QWidget()
        lbox = QVBoxLayout(left)
        lbox.setContentsMargins(0, 0, 0, 0)
        lbox.addWidget(self.list)
        row = QHBoxLayout()
        row.addWidget(new)
        row.addWidget(more)
        lbox.addLayout(row)

        self.name = QLineEdit()
        self.name.setObjectName("template-name")
        self.name.setMaxLength(tpl.MAX_NAME)
        self.reason = QComboBox()
        self.reason.setObjectName("template-reason")
        for r in ContactReason:
            self.reason.addItem(r.value, r.value)
        self.reason.currentIndexChanged.connect(self._recheck)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("template-texts")
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self._remove_language)
        self.tabs.currentChanged.connect(self._recheck)
        add_language = QPushButton(self.tr("Add language"))
        add_language.setObjectName("template-add-language")
        lang_menu = QMenu(add_language)
        for code, label in LANGUAGE_NAMES.items():
            lang_menu.addAction(label).triggered.connect(
                lambda _=False, c=code: self.add_language(c)
            )
        add_language.setMenu(lang_menu)
        insert = QPushButton(self.tr("Insert placeholder"))
        insert.setObjectName("template-insert-placeholder")
        ph_menu = QMenu(insert)
        for name in tpl.PLACEHOLDERS:
            ph_menu.addAction("{" + name + "}").triggered.connect(
                lambda _=False, n=name: self._insert_placeholder(n)
            )
        insert.setMenu(ph_menu)
        hint = QLabel(
            self.tr(
                "Placeholders are filled from the conversation when you insert the template. "
                "The text in the buyer's language is chosen for you."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {muted_colour()}")
        self.findings = PolicyPanel()
        self.findings.setObjectName("template-findings")
        self.error = QLabel()
        self.error.setObjectName("template-error")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {error_colour()}")
        self.error.hide()
        self.save = QPushButton(self.tr("Save"))
        self.save.setObjectName("template-save")
        self.save.setDefault(True)
        self.save.clicked.connect(self._save)
        self.delete = QPushButton(self.tr("Delete"))
        self.delete.setObjectName("template-delete")
        self.delete.clicked.connect(self._delete)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Contact reason"), self.reason)
        tools = QHBoxLayout()
        tools.addWidget(add_language)
        tools.addWidget(insert)
        tools.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete)
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        buttons.addWidget(close)
        right = QWidget()
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        rbox.addLayout(form)
        rbox.addLayout(tools)
        rbox.addWidget(self.tabs, 1)
        rbox.addWidget(hint)
        rbox.addWidget(self.findings)
        rbox.addWidget(self.error)
        rbox.addLayout(buttons)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 640])
        box = QVBoxLayout(self)
        box.addWidget(split)
        self.new_template()

    # --- what the owner calls --------------------------------------------------------------

    def show_templates(self, templates: list[TemplateInfo], select: str | None = None) -> None:
        # Kept by the local id: a template saved offline gets the relay's id when it is sent.
        keep = next((t.id for t in templates if select and t.relay_id == select), None)
        if keep is None and self._current is not None:
            keep = self._current.id
        self._templates = templates
        self.list.blockSignals(True)
        self.list.clear()
        for t in templates:
            item = QListWidgetItem(("⚠ " if t.flagged() else "") + t.name)
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            if t.flagged():
                item.setToolTip(self.tr("The rules check flagged this template"))
            if t.pending:  # saved here, not yet on the relay (or refused by it)
                item.setText(f"{item.text()}  · {self.sync_text(t)}")
                item.setToolTip(self.sync_text(t))
            self.list.addItem(item)
            if t.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        current = next((t for t in templates if t.id == keep), None)
        if current is not None:
            self._load(current)

    def saved(self, template: TemplateInfo) -> None:
        self.show_error("")
        self._current = template

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # --- editing ---------------------------------------------------------------------------

    def new_template(self) -> None:
        self.list.clearSelection()
        self._load(None)

    def add_language(self, code: str, text: str = "") -> QPlainTextEdit:
        if code in self._editors:
            editor = self._editors[code]
        else:
            editor = QPlainTextEdit()
            editor.setObjectName(f"template-text-{code}")
            editor.textChanged.connect(self._recheck)
            self._editors[code] = editor
            self.tabs.addTab(editor, LANGUAGE_NAMES.get(code, code))
        editor.setPlainText(text)
        self.tabs.setCurrentWidget(editor)
        return editor

    def texts(self) -> dict[str, str]:
        return {c: e.toPlainText() for c, e in self._editors.items() if e.toPlainText().strip()}

    def _load(self, template: TemplateInfo | None) -> None:
        self._current = template
        self.tabs.clear()
        self._editors.clear()
        self.name.setText(template.name if template else "")
        reason = template.contact_reason if template else ContactReason.OTHER.value
        self.reason.setCurrentIndex(max(0, self.reason.findData(reason)))
        for code, text in (template.texts if template else {"en": ""}).items():
            self.add_language(code, text)
        self.tabs.setCurrentIndex(0)
        self.delete.setEnabled(template is not None)
        self.show_error(self.sync_text(template) if template and template.refused else "")
        self._recheck()

    def sync_text(self, template: TemplateInfo) -> str:
        """Where an edit saved offline stands: waiting for the relay, or refused by it."""
        if template.refused == "alreadyExists":
            return self.tr("Not shared: a teammate's template has this name. Rename it.")
        if template.refused:
            return self.tr("Not shared: the relay refused it (%1).").replace("%1", template.refused)
        return self.tr("waiting for the connection")

    def _select(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        local_id = item.data(Qt.ItemDataRole.UserRole)
        found = next((t for t in self._templates if t.id == local_id), None)
        if found is not None:
            self._load(found)

    def _remove_language(self, index: int) -> None:
        editor = self.tabs.widget(index)
        code = next((c for c, e in self._editors.items() if e is editor), None)
        if code is not None and editor is not None and len(self._editors) > 1:
            del self._editors[code]
            self.tabs.removeTab(index)
            editor.deleteLater()

    def _insert_placeholder(self, name: str) -> None:
        editor = self.tabs.currentWidget()
        if isinstance(editor, QPlainTextEdit):
            editor.insertPlainText("{" + name + "}")
            editor.setFocus()

    def _recheck(self) -> None:
        """The current language's text, checked as it will be sent."""
        editor = self.tabs.currentWidget()
        code = next((c for c, e in self._editors.items() if e is editor), "en")
        text = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else ""
        reason = ContactReason(self.reason.currentData() or ContactReason.OTHER.value)
        unknown = tpl.unknown_placeholders(text)
        if unknown or self._placeholder_error:
            self._placeholder_error = bool(unknown)
            self.show_error(
                self.tr("Unknown placeholder: %1").replace(
                    "%1", ", ".join("{" + u + "}" for u in unknown)
                )
                if unknown
                else ""
            )
        self.findings.show_findings(check_template_text(text, code, reason) if text.strip() else [])

    def _save(self) -> None:
        name = self.name.text().strip()
        texts = self.texts()
        bad = tpl.validate(name, texts)
        if "name" in bad:
            self.show_error(self.tr("Give the template a name."))
            return
        if bad:
            self.show_error(
                self.tr("Each text needs words, at most 10,000 characters and known placeholders.")
            )
            return
        relay_id = self._current.relay_id if self._current else None
        self.save_requested.emit(relay_id, name, self.reason.currentData(), texts)

    def _delete(self) -> None:
        if self._current is not None and self._current.relay_id:
            self.delete_requested.emit(self._current.relay_id)

    # --- files (dialogs opened with open(), never exec(): docs/architecture.md) -------------

    def _documents(self) -> str:
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    def _import(self) -> None:
        dialog = QFileDialog(self, self.tr("Import templates"), self._documents())
        dialog.setNameFilter(self.tr("Template exports (*.json)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.import_requested)
        dialog.open()

    def _export(self) -> None:
        dialog = QFileDialog(self, self.tr("Export templates"), self._documents())
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("json")
        dialog.selectFile("seller-inbox-templates.json")
        dialog.fileSelected.connect(self.export_requested)
        dialog.open()
