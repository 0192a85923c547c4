"""Load the window's translations: the chosen language, else the system's, else English.

English has a catalogue too: it holds the plural forms ("1 conversation", "2 conversations")
that the source strings can only write as "%n conversation(s)". Catalogues are
``resources/translations/seller_inbox_<lang>.ts``, compiled to ``.qm`` with
``pyside6-lrelease`` (see docs/translations.md); a test keeps the two in step.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.resources import resource_path

CATALOGUE = "seller_inbox"


def install(app: QCoreApplication, language: str = "") -> QTranslator | None:
    """Install the best catalogue for ``language`` ("" = the system's). Returns the
    translator (keep a reference: Qt does not) or None when none could be loaded."""
    folder = str(resource_path("translations"))
    wanted = [language] if language else []
    wanted += [QLocale.system().name().split("_")[0], "en"]
    for code in wanted:
        translator = QTranslator(app)
        if translator.load(f"{CATALOGUE}_{code}", folder):
            app.installTranslator(translator)
            return translator
    return None
