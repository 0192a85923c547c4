"""Sending exactly once: Idempotency-Key + clientSubmissionId."""

from __future__ import annotations

from datetime import timedelta

from relay_testkit import USING, RelayUnderTest
from sqlalchemy import update

from relay import idempotency, schema
from relay.store import now


def _create(s, cid: str, csid: str, body: str = "It ships today.") -> dict:
    return {
        "using": USING,
        "methodCalls": [
            [
                "Submission/set",
                {
                    "accountId": s.account,
                    "create": {
                        "k": {
                            "clientSubmissionId": csid,
                            "conversationId": cid,
                            "body": body,
                            "contactReason": "other",
                        }
                    },
                },
                "0",
            ]
        ],
    }


def test_replay_conflict_mismatch_missing(relay: RelayUnderTest, conversation: dict) -> None:
    s = relay.seller
    cid = conversation["conversationId"]
    req = _create(s, cid, "u-1")
    r = s.http.post("/api", json=req)
    assert r.status_code == 400 and r.json()["type"].endswith("idempotencyKeyRequired")
    r = s.http.post("/api", json=req, headers={"Idempotency-Key": "bad key\x01"})
    assert r.status_code == 400
    first = s.http.post("/api", json=req, headers={"Idempotency-Key": "u-1"})
    again = s.http.post("/api", json=req, headers={"Idempotency-Key": "u-1"})
    assert first.status_code == again.status_code == 200
    assert again.headers.get("Idempotency-Replayed") == "true"
    assert first.json() == again.json()
    r = s.http.post(
        "/api", json=_create(s, cid, "u-1", "Different"), headers={"Idempotency-Key": "u-1"}
    )
    assert r.status_code == 422 and r.json()["type"].endswith("idempotencyKeyReused")
    assert len(s.ok("Submission/query", {})["ids"]) == 1
    # In flight: another worker holds the key right now.
    sid = int(s.account[1:])
    digest = idempotency.request_hash(_create(s, cid, "u-2"))
    assert idempotency.begin(relay.db, sid, "u-2", digest, 86400, 120).outcome == "new"
    r = s.http.post("/api", json=_create(s, cid, "u-2"), headers={"Idempotency-Key": "u-2"})
    assert r.status_code == 409 and r.headers["Retry-After"]
    idempotency.abandon(relay.db, sid, "u-2")
    r = s.http.post("/api", json=_create(s, cid, "u-2"), headers={"Idempotency-Key": "u-2"})
    assert r.status_code == 200 and r.json()["methodResponses"][0][1]["created"]


def test_already_exists_after_key_expired(relay: RelayUnderTest, conversation: dict) -> None:
    s = relay.seller
    req = _create(s, conversation["conversationId"], "u-3")
    created = s.http.post("/api", json=req, headers={"Idempotency-Key": "u-3"}).json()
    sub_id = created["methodResponses"][0][1]["created"]["k"]["id"]
    with relay.db.writing() as conn:
        conn.execute(update(schema.idempotency).values(created_at=now() - timedelta(days=2)))
    r = s.http.post("/api", json=req, headers={"Idempotency-Key": "u-3"})
    err = r.json()["methodResponses"][0][1]["notCreated"]["k"]
    assert err == {"type": "alreadyExists", "existingId": sub_id}
    assert len(s.ok("Submission/query", {})["ids"]) == 1
