"""Stable per-seller buyer aliases: HMAC of (seller, marketplace, address) under a relay secret."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from sqlalchemy import Connection, select

from relay import schema
from relay.store import upsert

DEFAULT_DOMAIN = "relay.example"


def relay_secret(conn: Connection) -> bytes:
    st = schema.settings.c
    row = conn.execute(select(st.value).where(st.key == "alias_secret")).first()
    if row is None:
        upsert(
            conn,
            schema.settings,
            {"key": "alias_secret", "value": secrets.token_hex(32)},
            ["key"],
        )
        row = conn.execute(select(st.value).where(st.key == "alias_secret")).one()
    return bytes.fromhex(row[0])


def make_alias(secret: bytes, seller_id: int, marketplace_id: str, email: str, domain: str) -> str:
    msg = f"{seller_id}\x00{marketplace_id}\x00{email.strip().lower()}".encode()
    digest = hmac.new(secret, msg, hashlib.sha256).digest()
    local = base64.b32encode(digest[:10]).decode("ascii").lower()
    return f"{local}@marketplace.{domain}"
