"""Relay fixtures. They live in ``relay_testkit`` (a name no other test folder uses), so test
modules can import its helpers without depending on which folder's conftest.py Python loaded
last under the shared name "conftest"."""

from mailserver import bridge_dovecot, mail_world  # noqa: F401 - pytest fixtures (the mailbox bridge)
from relay_testkit import conversation, db_url, pg_url, relay  # noqa: F401 - pytest fixtures
