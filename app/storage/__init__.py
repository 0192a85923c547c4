"""The local store: SQLite (WAL) through SQLAlchemy 2, one file per profile.

Import ``app.storage.store`` and friends directly; this package stays empty so importing
``app.storage.errors`` (for example) does not drag SQLAlchemy in.
"""
