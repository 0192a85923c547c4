"""The alias canary: buyer messages carrying real addresses and phone numbers; 0 leaks."""

from __future__ import annotations

import json
import logging
import os

import pytest
from relay_testkit import RelayUnderTest

from relay.config import RelayConfig
from relay.ingest import ingest_message

N = int(os.environ.get("RELAY_CANARY_MESSAGES", "1000"))
PHONES = ["+46 70 123 45 67", "(555) 010-9999", "+1-202-555-0147", "070-1234567", "+49 30 901820"]


def canary_email(i: int) -> str:
    return f"canary.{i}.zq@real-buyer.example"


def test_no_real_address_or_phone_reaches_the_seller(
    relay: RelayUnderTest, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    cfg = RelayConfig()
    for i in range(N):
        email = canary_email(i % 100)
        phone = PHONES[i % len(PHONES)]
        body = {
            "seller": "alice",
            "marketplaceId": "amazon.se",
            "externalId": f"canary-{i}",
            "from": {"email": email, "name": f"Anna <{email}> {phone}", "locale": "sv"},
            "subject": f"Order question {email} {phone}",
            "text": f"Hi, reach me at {email} or {phone}. Or {email.upper()}.\nThanks",
            "html": f'<p>Mail <a href="mailto:{email}">{email}</a> tel {phone}</p>',
            "headers": {"From": email, "Reply-To": email, "X-Phone": phone},
        }
        if i % 50 == 0:
            body["attachments"] = [{"name": f"{email}.txt", "contentBase64": "aGVsbG8="}]
        if i % 10 == 0:  # some over HTTP, the rest directly (same code path)
            assert relay.buyers.http.post("/ingest/messages", json=body).status_code == 200
        else:
            ingest_message(relay.db, cfg, body)
    s = relay.seller
    seen: list[str] = [json.dumps(s.http.get("/.well-known/jmap").json())]
    for type_ in ("Marketplace", "Buyer", "Conversation", "Message", "Order", "Submission"):
        ids = s.ok(f"{type_}/query", {"limit": 500, "calculateTotal": True})
        pos = 0
        while pos < ids["total"]:
            page = s.ok(f"{type_}/query", {"limit": 500, "position": pos})["ids"]
            seen.append(json.dumps(s.ok(f"{type_}/get", {"ids": page})))
            pos += len(page)
        seen.append(json.dumps(s.ok(f"{type_}/changes", {"sinceState": "0"})))
    seen.append(json.dumps(s.ok("ResponseMetrics/get", {})))
    msgs = json.loads(seen[-3])  # not needed: attachments are checked below
    del msgs
    for blob in [
        a
        for m in s.ok("Message/get", {"ids": s.ok("Message/query", {"limit": 500})["ids"]})["list"]
        for a in m["attachments"]
    ]:
        r = s.http.get(f"/download/{s.account}/{blob['blobId']}/{blob['name']}")
        seen.append(json.dumps(dict(r.headers)) + r.text)
    seen.append(caplog.text)
    text = "\n".join(seen).lower()
    assert "real-buyer.example" not in text
    assert "canary." not in text
    for phone in PHONES:
        assert phone.lower() not in text
        assert json.dumps(phone)[1:-1].lower() not in text
    assert "[email removed]" in text and "[phone removed]" in text
