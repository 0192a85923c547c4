"""Load the window's translations: the chosen language, else the system's, else English.

Catalogues are ``resources/translations/seller_inbox_<lang>.ts``, compiled to ``.qm`` by
``scripts/update-translations`` (see docs/translations.md); English has one too, for its
plural forms ("1 conversation", "2 conversations" where the source says "%n conversation(s)").
Qt's own catalogue (``qtbase_<lang>.qm``) is installed beside ours so standard dialogs and
buttons speak the same language. ``SELLER_INBOX_LANG`` (or ``seller-inbox --lang``) overrides
the setting, for screenshots and support.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.resources import resource_path

CATALOGUE = "seller_inbox"
ENV = "SELLER_INBOX_LANG"
# The languages with a catalogue, as the Settings list shows them (each in its own language).
LANGUAGES = {"en": "English", "sv": "Svenska", "es": "Español", "de": "Deutsch"}

_installed: list[QTranslator] = []  # Qt does not keep translators alive; we do


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Mark ``text`` for lupdate under ``context`` where it is written (a table of column
    headers, combo items); translate it where it is shown, with ``self.tr(text)`` in that
    context's class. PySide6's own returns ``object`` to type checkers."""
    return text


def install(app: QCoreApplication, language: str = "") -> QTranslator | None:
    """Install the best catalogue for ``language`` ("" = the system's) and Qt's own for the
    same language, replacing any installed before. Returns our translator, or None when no
    catalogue could be loaded (the source texts then show)."""
    uninstall(app)
    language = os.environ.get(ENV, "") or language
    locale = QLocale(language) if language else QLocale.system()
    ours = _load(app, locale, CATALOGUE, str(resource_path("translations")))
    if ours is None:  # a language we have no catalogue for: English, not the bare sources
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        ours = _load(app, locale, CATALOGUE, str(resource_path("translations")))
    # Dates and numbers that Qt formats follow the language the window speaks.
    QLocale.setDefault(locale)
    _load(app, locale, "qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return ours


def uninstall(app: QCoreApplication) -> None:
    """Back to the source texts and the system's formats."""
    while _installed:
        app.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale.system())


def _load(app: QCoreApplication, locale: QLocale, name: str, folder: str) -> QTranslator | None:
    translator = QTranslator(app)
    # Tries each of the locale's UI languages in order ("de-AT", "de", …): a Swiss German
    # system gets the German catalogue.
    if not translator.load(locale, name, "_", folder):
        return None
    app.installTranslator(translator)
    _installed.append(translator)
    return translator
