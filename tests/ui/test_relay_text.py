"""Relay notices and refusals reach the window as codes and are shown in its language: a
bounce from a real relay, synced and opened in a German window; each notice code and each
outbox reason worded in English, German, Swedish and Spanish; unknown codes fall back to the
relay's English."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from ui_testkit import (  # type: ignore[import-not-found]
    UiRelay,
    buyer_writes,
    go_live,
    run,
    until,
)

from app.domain import OutboxState
from app.storage.rows import OutboxItem
from app.ui.outbox_view import OutboxModel
from app.ui.relay_text import ATTENTION, NOTICES, attention_text, notice_text
from app.ui.thread_model import SUBJECT

BOUNCE = {  # the start of the opt-out bounce in each language
    "de": "Ihre Nachricht wurde nicht zugestellt: Dieser Käufer hat sich",
    "sv": "Ditt meddelande levererades inte: köparen har avanmält sig",
    "es": "Tu mensaje no se entregó: este comprador se ha dado de baja",
}


@pytest.mark.parametrize("lang", sorted(BOUNCE))
def test_a_bounce_from_the_relay_is_shown_in_the_windows_language(
    qtbot: Any, qloop: Any, language: Any, tmp_path: Any, empty_relay: UiRelay, lang: str
) -> None:
    """In the conversation and in the list: the row's preview line is the notice too."""
    from PySide6.QtCore import QSettings

    from app.services.relay_client import RelayClient
    from app.storage.lock import ProfileLock
    from app.ui.app import LaunchOptions
    from app.ui.main_window import MainWindow
    from app.ui.session import Session
    from relay.simulate import DirectBuyerSide

    email = "anna.opt@buyers.example"
    wrote = buyer_writes(empty_relay.db_url, marketplace_id="amazon.de", email=email,
                         name="Anna O.", subject="Frage", text="Wann kommt es?")  # fmt: skip
    side = DirectBuyerSide(empty_relay.db_url)
    try:
        assert side.opt_out("amazon.de", email)["updatedBuyers"] == 1
    finally:
        side.close()

    async def send_unsolicited() -> dict[str, Any]:
        """A seller-started message to the opted-out buyer: stored, bounced (protocol §6)."""
        client = RelayClient(empty_relay.url, empty_relay.token)
        try:
            got = await client.call_one("Conversation/get", {"ids": [wrote["conversationId"]]})
            key = str(uuid.uuid4())
            args = {"clientSubmissionId": key, "buyerId": got["list"][0]["buyerId"],
                    "subject": "Ihr Paket", "body": "Es ist unterwegs.",
                    "contactReason": "shipping-confirmation"}  # fmt: skip
            [(_, result)] = await client.call(
                [("Submission/set", {"create": {"k": args}})], idempotency_key=key
            )
            return result
        finally:
            await client.aclose()

    language(lang)
    lock = ProfileLock(tmp_path / "profile.lock")
    lock.acquire()
    window = MainWindow()
    qtbot.addWidget(window)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    session = Session(window, LaunchOptions(profile=tmp_path), lock, settings)
    window.show()

    async def scenario() -> None:
        sent = (await send_unsolicited())["created"]["k"]
        assert sent["deliveryStatus"] == "rejected"  # stored, with a bounce notice
        await go_live(session, empty_relay)
        await until(lambda: window.model.rowCount() == 2, what="both conversations")
        [row] = [r for r in range(2) if window.model.thread_at(r).subject == "Ihr Paket"]
        # The list, before the conversation is opened: the delegate's line and the model's.
        painted = window.threads.itemDelegate()._subject_layout(
            window.model.thread_at(row), 2000, False, window.threads.itemDelegate()._fonts_for(
                window.threads.font()))  # fmt: skip
        assert painted.preview.startswith("— " + BOUNCE[lang]), painted.preview
        shown = window.model.data(window.model.index(row, SUBJECT))
        assert shown.startswith(f"Ihr Paket  —  {BOUNCE[lang]}"), shown
        assert "opted out" not in shown + window.model.data(window.model.index(row, SUBJECT), 3)
        window.threads.selectRow(row)
        await until(lambda: BOUNCE[lang] in window.conversation.browser.toPlainText(),
                    what="the bounce in the window's language")  # fmt: skip
        assert "opted out" not in window.conversation.browser.toPlainText()
        await session.aclose()

    try:
        run(qloop, scenario())
    finally:
        session.close()
        lock.release()


EXPECTED = {  # a word of each language's wording of the opt-out bounce and a policy refusal
    "de": ("abgemeldet", "Regeln des Marktplatzes"),
    "sv": ("avanmält", "Marknadsplatsens regler"),
    "es": ("dado de baja", "normas del marketplace"),
}


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_every_notice_and_reason_has_a_wording(language: Any, code: str) -> None:
    language("en")
    english = {c: notice_text({"code": c, "params": {}}, "") for c in NOTICES}
    reasons = {t: attention_text(t, "") for t in ATTENTION}
    language(code)
    for c in NOTICES:  # every code is translated, none is empty
        worded = notice_text({"code": c, "params": {}}, "relay's English")
        assert worded and worded != english[c], c
    for t in ATTENTION:
        assert attention_text(t, "relay's English") not in ("", reasons[t], "relay's English"), t
    opted, rules = EXPECTED[code]
    assert opted in notice_text({"code": "buyerOptedOut"}, "")
    assert rules in attention_text("policyViolation", "")


def test_parameters_fill_in_and_unknown_codes_show_the_relays_text(language: Any) -> None:
    language("de")
    removed = notice_text(
        {"code": "attachmentsRemoved", "params": {"maxBytes": 7 * 1024 * 1024, "files": [
            {"name": "setup.exe", "type": "application/x-msdownload", "reason": "type"},
            {"name": "big.pdf", "type": "application/pdf", "reason": "size"}]}},
        "",
    )  # fmt: skip
    assert removed.splitlines() == [
        "Das Relay hat Anhänge entfernt, die nicht den Regeln des Marktplatzes entsprechen:",
        "- setup.exe: Dateityp application/x-msdownload ist nicht erlaubt",
        "- big.pdf: über der Grenze von 7 MB pro Nachricht",
    ]
    refused = notice_text(
        {"code": "smtpRejected", "params": {"status": "550", "description": "5.7.1 relay denied"}},
        "",
    )
    assert refused.startswith("Ihr Mailserver hat Ihre Antwort abgelehnt (550 5.7.1 relay denied).")
    late = notice_text({"code": "notDelivered", "params": {}}, "")
    assert late.startswith("Der Marktplatz hat Ihre Antwort nicht zugestellt. ")
    assert notice_text({"code": "fromTheFuture", "params": {}}, "As the relay said.") == (
        "As the relay said."
    )
    assert notice_text(None, "A marketplace's own mail.") == "A marketplace's own mail."
    assert attention_text("somethingNew", "The relay's words.") == "The relay's words."


def test_the_outbox_words_a_needs_attention_reason(qapp: Any, language: Any) -> None:
    language("es")
    now = datetime.now(UTC)
    item = OutboxItem(1, "k", OutboxState.NEEDS_ATTENTION, 1, None, None, "amazon.es", "Hola",
                      "b", "other", (), 1, now, None, "policyViolation",
                      "message refused by policy; rules: external-link", None, "d")  # fmt: skip
    model = OutboxModel()
    model.set_items([item])
    shown = model.data(model.index(0, 4))
    assert shown.startswith("Las normas del marketplace lo rechazaron.")
    tip = model.data(model.index(0, 4), 3)  # in full, then the relay's own words
    assert tip.startswith(shown) and tip.endswith("rules: external-link")


def test_a_code_recovered_from_an_old_notice_words_it_as_the_relay_did(language: Any) -> None:
    """Storage revision 0008 gives notices stored before codes their code back from the
    relay's English: worded in English again, each reads exactly as the relay wrote it."""
    import importlib.util

    from app.storage.migrate import MIGRATIONS_DIR
    from relay.mailbridge.apply import TOO_LARGE_TEXT, UNTRUSTED_TEXT
    from relay.rules import Attachment, removal_notice

    spec = importlib.util.spec_from_file_location(
        "m0008", MIGRATIONS_DIR / "versions" / "0008_preview_notices.py"
    )
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    removed = [
        (Attachment("b1", "setup.exe", "application/x-msdownload", 10), "type"),
        (Attachment("b2", "big.pdf", "application/pdf", 9 << 20), "size"),
    ]
    refused = (
        "Your mail server refused your reply (550 5.7.1 Sender not allowed). If it says the "
        "sender is not allowed, check the address you send from."
    )
    language("en")
    for text in (TOO_LARGE_TEXT, UNTRUSTED_TEXT, removal_notice(removed, 7 << 20), refused):
        notice = migration.recover(text)
        assert notice is not None and notice_text(notice, "") == text
    language("de")
    assert notice_text(migration.recover(refused), "").startswith("Ihr Mailserver hat Ihre")
