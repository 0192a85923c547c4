"""One seller never reads or touches another's objects: every method with foreign ids."""

from __future__ import annotations

from relay_testkit import RelayUnderTest


def test_foreign_ids_everywhere(relay: RelayUnderTest, conversation: dict) -> None:
    alice = relay.seller
    s = alice.send(conversationId=conversation["conversationId"], body="Thanks, on its way.")[0]
    blob = alice.http.post(f"/upload/{alice.account}", content=b"%PDF-1.4 x").json()
    conv = alice.get_one("Conversation", conversation["conversationId"])
    mallory = relay.new_seller("mallory")
    try:
        foreign = {
            "Conversation": conv["id"],
            "Message": conversation["messageId"],
            "Buyer": conv["buyerId"],
            "Order": conv["orderId"],
            "Submission": s["id"],
        }
        for type_, oid in foreign.items():
            got = mallory.ok(f"{type_}/get", {"ids": [oid]})
            assert got["list"] == [] and got["notFound"] == [oid], type_
            assert mallory.ok(f"{type_}/get", {"ids": None})["list"] == []
            assert mallory.ok(f"{type_}/query", {})["ids"] == []
            assert mallory.ok(f"{type_}/changes", {"sinceState": "0"})["created"] == []
            # Alice's account id is not Mallory's.
            name, err = mallory.call(f"{type_}/get", {"accountId": alice.account, "ids": [oid]})
            assert name == "error" and err["type"] == "accountNotFound"
        assert mallory.ok("Marketplace/get", {"ids": ["amazon.se"]})["notFound"] == ["amazon.se"]
        res = mallory.ok("Marketplace/set", {"update": {"amazon.se": {"messagingEnabled": False}}})
        assert res["notUpdated"]["amazon.se"]["type"] == "notFound"
        res = mallory.ok(
            "Message/set", {"update": {conversation["messageId"]: {"keywords/$seen": True}}}
        )
        assert res["notUpdated"][conversation["messageId"]]["type"] == "notFound"
        assert mallory.ok("ResponseMetrics/get", {"ids": ["amazon.se"]})["notFound"] == [
            "amazon.se"
        ]
        _, err = mallory.send(conversationId=conv["id"], body="Hi")
        assert err["type"] == "notFound"
        _, err = mallory.send(buyerId=conv["buyerId"], subject="Hi", body="Hi")
        assert err["type"] == "notFound"
        # Reusing Alice's clientSubmissionId is not a collision for Mallory, nor a leak.
        _sent, err = mallory.send(conversationId=conv["id"], body="Hi", clientSubmissionId=s["id"])
        assert err["type"] == "notFound"
        r = mallory.http.get(f"/download/{alice.account}/{blob['blobId']}/x.pdf")
        assert r.status_code == 404
        r = mallory.http.get(f"/download/{mallory.account}/{blob['blobId']}/x.pdf")
        assert r.status_code == 404
        r = mallory.http.post(f"/upload/{alice.account}", content=b"%PDF-1.4")
        assert r.status_code == 404
        _, err = mallory.send(
            buyerId="B0",
            subject="x",
            body="x",
            attachments=[{"blobId": blob["blobId"], "name": "a.pdf"}],
        )
        assert err["type"] == "notFound"
        # Alice's data is untouched.
        assert alice.get_one("Marketplace", "amazon.se")["messagingEnabled"] is True
        assert "$seen" not in alice.get_one("Message", conversation["messageId"])["keywords"]
    finally:
        mallory.close()
