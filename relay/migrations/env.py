"""Alembic environment of the relay: always run programmatically by ``relay.db.ensure_schema``
with an open connection inside its transaction (never from an alembic.ini), so `serve`, the CLI,
the tests and the frozen build agree."""

from __future__ import annotations

from alembic import context

from relay.schema import metadata

context.configure(connection=context.config.attributes["connection"], target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
