"""Buyer messages that only say thanks, in the six marketplace languages (app.domain.thanks)."""

from __future__ import annotations

import time

import pytest

from app.domain.thanks import thanks_only

ONLY_THANKS = [
    "Perfect, thank you so much!",
    "Thanks!! 🙏",
    "Got it, thanks a lot.",
    "Received today, all good. Thank you!",
    "thx",
    "Great, thanks for the quick reply!\n\nAnna",
    "Tack så mycket!",
    "Toppen, tack för snabb leverans!",
    "Paketet har kommit, tack!",
    "¡Muchas gracias!",
    "Perfecto, recibido. Gracias!",
    "Vale, muchas gracias por la ayuda.\nSaludos",
    "Vielen Dank!",
    "Super, alles angekommen. Danke!",
    "Danke für die schnelle Antwort 👍\nLG",
    "Merci beaucoup !",
    "Parfait, colis reçu, merci.",
    "Grazie mille!",
    "Perfetto, ricevuto. Grazie!\n\nCordiali saluti",
    "Thanks!\n\nOn Mon, 2 Dec 2026, Nordic Home wrote:\n> Where is my order?\n> Please help",
]
NOT_ONLY_THANKS = [
    "Thanks, but it arrived broken.",
    "Thank you! When will it ship?",
    "Thanks. Can you send an invoice?",
    "Thanks, I still haven't received it",
    "Tack, men den är trasig.",
    "Gracias, pero falta una pieza.",
    "¿Gracias, cuándo llega?",
    "Danke, aber das Paket fehlt noch.",
    "Merci, mais le colis n'est pas arrivé.",
    "Grazie, ma il pacco non è arrivato.",
    "Thanks for the tea pot. The lid does not fit.",
    "Thank you, I would like a refund please",
    "The parcel arrived.",  # no thanks at all
    "",
    "Thanks " * 100,  # too long to be a quick thank-you
]


@pytest.mark.parametrize("text", ONLY_THANKS)
def test_thanks_only(text: str) -> None:
    assert thanks_only(text, "Anna K.")


@pytest.mark.parametrize("text", NOT_ONLY_THANKS)
def test_not_thanks_only(text: str) -> None:
    assert not thanks_only(text, "Anna K.")


def test_the_buyers_own_name_may_sign_it() -> None:
    assert thanks_only("Thanks!\nJosé", "José García")
    assert not thanks_only("Thanks!\nJosé", "Anna K.")


def test_hostile_text_is_bounded() -> None:
    start = time.perf_counter()
    for text in ("a" * 1_000_000, "on " * 300_000, ">" * 1_000_000, "thanks\n" * 200_000):
        thanks_only(text)
    assert time.perf_counter() - start < 5
