"""Settings › Signatures: one signature per marketplace, and per buyer language where the
seller wants one (app.domain.signature picks it; the composer shows it under the reply and
the rules check reads it with the body). Kept in the profile's settings, not on the relay:
the relay has no seller-settings type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.signature import ANY_LANGUAGE
from app.ui.theme import error_colour, muted_colour

if TYPE_CHECKING:
    from app.storage.rows import MarketplaceInfo
    from app.ui.prefs import Preferences

# The buyers' languages the rules engine knows (docs/policy.md).
LANGUAGE_CODES = ("en", "sv", "es", "de", "fr", "it")
MAX_SIGNATURE = 1000  # characters: a signature, not a second message


class SignaturesTab(QWidget):
    def __init__(
        self, prefs: Preferences, marketplaces: list[MarketplaceInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signatures-tab")
        self.prefs = prefs
        self.signatures = prefs.signatures()
        intro = QLabel(
            self.tr(
                "Added under every reply on that marketplace, below a “-- ” line. Write one "
                "for all buyers, and one per language where you want: a buyer gets the one "
                "in their language, else the one for all. The rules check reads it with your "
                "reply."
            )
        )
        intro.setWordWrap(True)
        self.marketplace = QComboBox()
        self.marketplace.setObjectName("signature-marketplace")
        for mp in marketplaces:
            self.marketplace.addItem(f"{mp.name} ({mp.id})", mp.id)
        self.language = QComboBox()
        self.language.setObjectName("signature-language")
        self.language.addItem(self.tr("All languages"), ANY_LANGUAGE)
        for code in LANGUAGE_CODES:
            name = QLocale(code).nativeLanguageName() or code
            self.language.addItem(f"{name[:1].upper()}{name[1:]} ({code})", code)
        self.text = QPlainTextEdit()
        self.text.setObjectName("signature-text")
        self.text.setPlaceholderText(self.tr("e.g. Kind regards, Anna – Nordic Mugs"))
        self.note = QLabel()
        self.note.setStyleSheet(f"color: {muted_colour()}")
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Marketplace"), self.marketplace)
        form.addRow(self.tr("Buyer's language"), self.language)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.note)
        self._loading = False
        self.marketplace.currentIndexChanged.connect(lambda _i: self._load())
        self.language.currentIndexChanged.connect(lambda _i: self._load())
        self.text.textChanged.connect(self._edited)
        self._load()

    def _key(self) -> tuple[str, str]:
        return str(self.marketplace.currentData() or ""), str(self.language.currentData() or "")

    def _load(self) -> None:
        mid, lang = self._key()
        self._loading = True
        try:
            self.text.setPlainText(self.signatures.get(mid, {}).get(lang, ""))
        finally:
            self._loading = False
        self.text.setEnabled(bool(mid))
        self._explain()

    def _edited(self) -> None:
        if self._loading:
            return
        mid, lang = self._key()
        if not mid:
            return
        text = self.text.toPlainText()[:MAX_SIGNATURE]
        self.signatures.setdefault(mid, {})[lang] = text
        self.prefs.set_signatures(self.signatures)  # published: open composers follow
        self._explain()

    def _explain(self) -> None:
        """What the rules find in this signature (as they will under every reply), else which
        signature these buyers get."""
        mid, lang = self._key()
        texts = self.signatures.get(mid, {})
        problems = self._problems(mid, texts.get(lang, ""))
        if problems:
            self.note.setStyleSheet(f"color: {error_colour()}")
            self.note.setText("\n".join(problems))
            return
        self.note.setStyleSheet(f"color: {muted_colour()}")
        if lang and not texts.get(lang, "").strip():
            self.note.setText(
                self.tr("Buyers in this language get the one for all languages.")
                if texts.get(ANY_LANGUAGE, "").strip()
                else self.tr("No signature for these buyers.")
            )
        else:
            self.note.setText("")

    @staticmethod
    def _problems(marketplace_id: str, signature: str) -> list[str]:
        """What the rules find in this signature: the seller's own words, checked as the
        composer checks them under a reply (app.policy.signatures)."""
        if not signature.strip():
            return []
        from app.policy import pack_for
        from app.policy.signatures import signature_findings
        from app.ui.policy_text import explain

        return [explain(f) for f in signature_findings(signature, pack_for(marketplace_id))][:3]
