"""The embedded default: a relay in this process, a demo seller, and a buyer who keeps writing.

``seller-inbox --demo`` starts the relay on a free loopback port over a SQLite database kept in
the demo profile (seeded once, as ``seller-relay demo`` does), signs in as the demo seller and
lets a simulated buyer write every minute or so, so live sync is visible.

No Qt here: the window only calls ``start_demo`` (blocking; run it off the UI thread) and
``SimulatedBuyer.run``.
"""

from __future__ import annotations

import asyncio
import os
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEMO_SELLER = "demo"
RELAY_DB = "demo-relay.sqlite3"
# The demo token is kept in a plain file inside the demo profile. That is acceptable only
# because it opens a relay that lives in this process, on loopback, over demo data: a real
# relay's token goes to the keyring (or stays in memory: session-only).
TOKEN_FILE = "demo-token.txt"
BUYER_INTERVAL_ENV = "SELLER_INBOX_DEMO_BUYER_SECONDS"


@dataclass
class DemoRelay:
    url: str
    token: str
    db_url: str
    embedded: Any  # relay.embedded.EmbeddedRelay

    def stop(self) -> None:
        self.embedded.stop()

    def remember_token(self, token: str) -> None:
        """A new demo token the seller signed in with (the old one was revoked). Blocking."""
        self.token = token
        path = Path(self.db_url.removeprefix("sqlite:///")).parent / TOKEN_FILE
        path.write_text(token + "\n")
        os.chmod(path, 0o600)


def start_demo(profile: Path) -> DemoRelay:
    """Seed (first time only), mint or reuse the demo token, start the relay. Blocking."""
    from relay import auth
    from relay.db import open_database
    from relay.demo import seed_demo
    from relay.embedded import start_embedded

    db_path = profile / RELAY_DB
    db_url = f"sqlite:///{db_path}"
    token_path = profile / TOKEN_FILE
    fresh = not db_path.exists()
    if fresh:
        seed_demo(db_url, DEMO_SELLER)
    token = token_path.read_text().strip() if token_path.exists() and not fresh else ""
    if not token:
        db = open_database(db_url)
        try:
            token = auth.create_token(db, DEMO_SELLER)
        finally:
            db.dispose()
        token_path.write_text(token + "\n")
        os.chmod(token_path, 0o600)
    embedded = start_embedded(db_url)
    return DemoRelay(embedded.url, token, db_url, embedded)


# What the simulated buyers say. Letters only in anything unique: the relay scrubs digit runs
# that look like phone numbers.
_SCRIPTS: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "amazon.com",
        "en",
        "Megan Brooks",
        "Where is my parcel?",
        "Hi, the tracking has not moved since Monday. Could you check on it, please?",
    ),
    (
        "amazon.se",
        "sv",
        "Åsa Lindqvist",
        "Fel färg på muggen",
        "Hej! Jag fick en blå mugg men beställde en grön. Kan jag byta den?",
    ),
    (
        "amazon.es",
        "es",
        "Inés Navarro",
        "¿Cuándo llega mi pedido?",
        "Hola, ¿me puede decir cuándo llegará el pedido? Lo necesito para el sábado.",
    ),
    (
        "amazon.de",
        "de",
        "Jonas Weber",
        "Frage zur Lieferung",
        "Guten Tag, kann ich die Lieferung auf nächste Woche verschieben?",
    ),
    (
        "amazon.com",
        "en",
        "Daniel Price",
        "Gift wrapping",
        "Hello! Is it still possible to add gift wrapping to my order?",
    ),
)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def buyer_message(rng: random.Random) -> dict[str, Any]:
    from relay.simulate import message_body

    mid, locale, name, subject, text = rng.choice(_SCRIPTS)
    tag = "".join(rng.choice(_LETTERS) for _ in range(8))
    first = name.split()[0].lower().replace("å", "a").replace("é", "e").replace("ñ", "n")
    return message_body(
        seller=DEMO_SELLER,
        marketplace_id=mid,
        email=f"{first}.{tag}@buyers.example",
        name=name,
        text=text,
        subject=subject,
        locale=locale,
    )


class SimulatedBuyer:
    """Writes a new buyer message to the demo relay every ``interval`` seconds (±20 %)."""

    def __init__(self, db_url: str, interval: float | None = None, seed: int | None = None):
        self.db_url = db_url
        env = os.environ.get(BUYER_INTERVAL_ENV)
        self.interval = interval if interval is not None else float(env) if env else 60.0
        self.rng = random.Random(seed)
        self.sent = 0

    def write_one(self) -> dict[str, Any]:
        from relay.simulate import DirectBuyerSide

        side = DirectBuyerSide(self.db_url)
        try:
            result = side.message(buyer_message(self.rng))
        finally:
            side.close()
        self.sent += 1
        return result

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            delay = self.interval * self.rng.uniform(0.8, 1.2)
            try:
                await asyncio.wait_for(stop.wait(), timeout=delay)
                return
            except TimeoutError:
                pass
            try:
                await asyncio.to_thread(self.write_one)
            except Exception:  # a demo buyer must never take the window down
                continue
