"""The per-marketplace signature: chosen in the buyer's language (else the one for all),
shown under the composer, checked by the rules with the reply, sent with it, and taken off
again by Undo; set in Settings › Signatures."""

from __future__ import annotations

import asyncio

from ui_testkit import (  # type: ignore[import-not-found]
    UiRelay,
    UiSession,
    buyer_writes,
    go_live,
    open_buyer,
    run,
    until,
)

from app.domain.signature import SEPARATOR, append, choose, language_of, strip

EMAIL = "signatur@buyers.example"
SIGS = {"amazon.de": {"": "Kind regards, Anna", "de": "Viele Grüße\nAnna"}}


def test_the_signature_is_chosen_appended_and_taken_off() -> None:
    assert language_of("de-AT") == language_of("DE_de") == "de"
    assert choose(SIGS, "amazon.de", "de-DE") == "Viele Grüße\nAnna"
    assert choose(SIGS, "amazon.de", "sv") == "Kind regards, Anna"  # none in Swedish
    assert choose(SIGS, "amazon.se", "de") == ""  # none on that marketplace
    body = append("Danke!\n\n", "Viele Grüße\nAnna")
    assert body == "Danke!" + SEPARATOR + "Viele Grüße\nAnna"
    assert strip(body, "Viele Grüße\nAnna") == "Danke!"
    assert append("   ", "Anna") == "   " and append("Hi", "  ") == "Hi"
    assert strip("Hi\n-- \nBob", "Anna") == "Hi\n-- \nBob"  # the seller's own: kept


def _mailbox(relay: UiRelay) -> list[dict]:  # type: ignore[type-arg]
    from relay.simulate import DirectBuyerSide

    side = DirectBuyerSide(relay.db_url)
    try:
        return list(side.mailbox("amazon.de", EMAIL)["messages"])
    finally:
        side.close()


def test_a_reply_goes_out_with_the_marketplaces_signature_in_the_buyers_language(
    ui_session: UiSession, empty_relay: UiRelay, qloop: asyncio.AbstractEventLoop
) -> None:
    s, w = ui_session.session, ui_session.window
    ui_session.settings.setValue("outbox/undo_seconds", 2)
    buyer_writes(
        empty_relay.db_url, marketplace_id="amazon.de", email=EMAIL, name="Sina Signatur",
        subject="Versand", text="Wann kommt mein Paket?", locale="de",
    )  # fmt: skip
    composer = w.composer

    async def scenario() -> None:
        await go_live(s, empty_relay)
        await open_buyer(w, "Sina Signatur")
        assert not composer.signature_label.isVisible()  # none set yet
        # Settings › Signatures, as the seller writes them.
        w.actions_by_name["settings"].trigger()
        tab = s.settings_dialog.signatures
        tab.marketplace.setCurrentIndex(tab.marketplace.findData("amazon.de"))
        tab.text.setPlainText("Kind regards, Anna")
        tab.language.setCurrentIndex(tab.language.findData("de"))
        assert tab.text.toPlainText() == ""
        assert "all languages" in tab.note.text()
        tab.text.setPlainText("Viele Grüße\nAnna")
        s.settings_dialog.close()
        # The open composer follows: the German one, shown apart from the text.
        assert composer.signature == "Viele Grüße\nAnna"
        assert composer.signature_label.isVisible()
        assert "Viele Grüße" in composer.signature_label.text()
        # Checked with the reply: a link in the signature is found like one in the text.
        tab.text.setPlainText("Viele Grüße\nAnna · www.nordic-mugs-shop.example")
        assert tab.note.text()  # flagged in Settings already, as it is written
        composer.body.setPlainText("Ihr Paket ist unterwegs.")
        assert any(f.start >= len("Ihr Paket ist unterwegs.") for f in composer.findings)
        assert composer.blocking_reason() is not None
        assert composer.body.extraSelections() == []  # nothing underlined in the text itself
        # The seller's own words: a promotion in the signature is found as in the text,
        # although below "-- " a pasted signature is only searched for links and contacts.
        tab.text.setPlainText("Viele Grüße\nAnna\nJetzt 20 % Rabatt auf alles mit dem Code DANKE20")
        assert tab.note.text()
        assert any(
            f.rule == "marketing" and f.start > len("Ihr Paket ist unterwegs.")
            for f in composer.findings
        )
        tab.text.setPlainText("Viele Grüße\nAnna")
        assert tab.note.text() == ""
        assert composer.blocking_reason() is None
        # Sent with it; Undo takes it off again (sent twice: never two signatures).
        composer.send_button.click()
        await until(lambda: w.undo_bar.isVisible(), what="the undo bar")
        w.undo_bar.undo_now()
        await until(lambda: composer.body.toPlainText() == "Ihr Paket ist unterwegs.", 10, "undone")
        await s.ops.idle()
        composer.send_button.click()
        await until(lambda: bool(_mailbox(empty_relay)), 30, "the buyer received it")
        [got] = _mailbox(empty_relay)
        assert (
            got["bodyText"].rstrip().endswith("Ihr Paket ist unterwegs.\n\n-- \nViele Grüße\nAnna")
        )
        assert got["bodyText"].count("Viele Grüße") == 1

    run(qloop, scenario())
