"""Alembic environment: always run programmatically by ``app.storage.migrate`` with an open
connection (never from an alembic.ini), so the app, the tests and the frozen build agree."""

from __future__ import annotations

from alembic import context

from app.storage.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
)
with context.begin_transaction():
    context.run_migrations()
