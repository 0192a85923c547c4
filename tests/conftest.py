"""Suite-wide settings: Qt offscreen, and helpers shared by the store tests."""

from __future__ import annotations

import os

# Before any QApplication exists: the suite never needs a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
