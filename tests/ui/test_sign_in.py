"""Signing in: with no token the window asks for one; when the relay revokes the token the
window says so and asks again; a new token is kept by the credentials service and sync
resumes. Against a real relay on loopback."""

from __future__ import annotations

import asyncio

from ui_testkit import UiRelay, UiSession, buyer_writes, row_of_buyer, run, until  # type: ignore[import-not-found]  # type: ignore[import-not-found]

from relay.server import TOKEN_CACHE_SECONDS


def _new_token(relay: UiRelay) -> str:
    from relay import auth
    from relay.db import open_database

    db = open_database(relay.db_url)
    try:
        return auth.create_token(db, "demo")
    finally:
        db.dispose()


def _revoke(relay: UiRelay, token: str) -> None:
    from relay import auth
    from relay.db import open_database

    db = open_database(relay.db_url)
    try:
        assert auth.revoke(db, token=token) == 1
    finally:
        db.dispose()


def test_sign_in_prompt_on_no_token_and_on_a_revoked_token(
    qtbot, qloop, ui_relay: UiRelay, ui_session: UiSession
) -> None:  # type: ignore[no-untyped-def]
    window, session = ui_session.window, ui_session.session
    ui_session.settings.setValue("relay/url", ui_relay.url)  # an account, but no token stored
    bar = window.sign_in_bar

    async def sign_in_with(token: str) -> None:
        bar.button.click()
        dialog = session.account.sign_in_dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.url.text() == ui_relay.url
        dialog.token.setText(token)
        dialog.ok.click()

    async def scenario() -> None:
        await session.open_store()
        # No token: the window asks for one instead of sitting silently offline.
        assert bar.isVisible() and "Not connected" in bar.label.text()
        assert session.live is None

        # A token the relay does not know is refused in the dialog, which stays open.
        await sign_in_with("not-a-real-token")
        dialog = session.account.sign_in_dialog
        await until(lambda: dialog.error.isVisible(), what="the refusal shown")
        assert "refused" in dialog.error.text() and dialog.isVisible()
        assert session.live is None

        dialog.token.setText(ui_relay.token)
        dialog.ok.click()
        await until(lambda: not dialog.isVisible(), what="the dialog closed")
        await until(lambda: window.connection.status == "session-only", 20)
        assert not bar.isVisible()
        # Kept by the credentials service (this machine has no secure keyring: session-only).
        assert session.account.tokens.get(ui_relay.url) == ui_relay.token
        assert ui_session.settings.value("relay/url") == ui_relay.url

        # The relay revokes the token; the next sync is refused and the window says so.
        _revoke(ui_relay, ui_relay.token)
        await asyncio.sleep(TOKEN_CACHE_SECONDS + 0.5)  # the relay's cache of checked tokens
        buyer_writes(
            ui_relay.db_url, marketplace_id="amazon.se", email="revoked.case@buyers.example",
            name="Linnea Revoked", subject="Storlek", text="Finns den i storlek medium?",
        )  # fmt: skip
        session.live.runner.wake()
        await until(lambda: window.connection.status == "unauthorized", 20)
        await until(lambda: bar.isVisible())
        assert "refused your token" in bar.label.text()
        assert row_of_buyer(window, "Linnea Revoked") is None  # nothing synced while refused

        # A new token: sync resumes and the message written meanwhile arrives.
        fresh = _new_token(ui_relay)
        await sign_in_with(fresh)
        await until(
            lambda: not session.account.sign_in_dialog.isVisible(), what="the dialog closed"
        )
        await until(lambda: row_of_buyer(window, "Linnea Revoked") is not None, 20)
        assert window.connection.status == "session-only" and not bar.isVisible()
        assert session.account.tokens.get(ui_relay.url) == fresh

    run(qloop, scenario())


def test_demo_sign_in_after_revocation_keeps_the_new_token_in_the_demo_folder(
    qtbot, qloop, ui_session: UiSession
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.demo import TOKEN_FILE

    window, session = ui_session.window, ui_session.session
    session.opts.demo = True

    async def scenario() -> None:
        await session.open_store()  # starts the embedded demo relay and syncs with it
        demo = session.account.demo
        assert demo is not None
        await asyncio.wait_for(asyncio.shield(session.first_sync), 60)
        relay = UiRelay(demo.url, demo.db_url, demo.token, demo.embedded)
        _revoke(relay, demo.token)
        await asyncio.sleep(TOKEN_CACHE_SECONDS + 0.5)
        session.live.runner.wake()
        await until(lambda: window.sign_in_bar.isVisible(), 20)

        fresh = _new_token(relay)
        window.sign_in_bar.button.click()
        session.account.sign_in_dialog.token.setText(fresh)
        session.account.sign_in_dialog.ok.click()
        await until(lambda: window.connection.status == "online", 20)  # not "session-only"
        assert (ui_session.profile / TOKEN_FILE).read_text().strip() == fresh

    run(qloop, scenario())
