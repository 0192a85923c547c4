"""Relay settings and the limits it publishes in the session object."""

from __future__ import annotations

from dataclasses import dataclass

CORE = "urn:ietf:params:jmap:core"
RELAY = "urn:seller-relay:params:jmap:relay"
CAPABILITIES = (CORE, RELAY)


@dataclass(frozen=True)
class RelayConfig:
    alias_domain: str = "relay.example"
    max_size_upload: int = 0  # 0: the largest per-message limit of any rule pack
    max_size_request: int = 1_000_000
    max_calls_in_request: int = 32
    max_objects_in_get: int = 500
    max_objects_in_set: int = 100
    max_changes: int = 1000
    max_concurrent_upload: int = 4
    max_concurrent_requests: int = 8
    idempotency_ttl_seconds: int = 86400
    idempotency_stale_seconds: int = 120  # an in-flight key older than this was abandoned
    rate_per_second: float = 50.0  # per credential
    rate_burst: int = 200
    ping_default: int = 30
    max_ingest_bytes: int = 20 * 1024 * 1024
    mail_bridge: bool = False  # run the mailbox bridge (relay.mailbridge) with the relay

    def core_capability(self) -> dict[str, object]:
        return {
            "maxSizeUpload": self.max_size_upload,
            "maxConcurrentUpload": self.max_concurrent_upload,
            "maxSizeRequest": self.max_size_request,
            "maxConcurrentRequests": self.max_concurrent_requests,
            "maxCallsInRequest": self.max_calls_in_request,
            "maxObjectsInGet": self.max_objects_in_get,
            "maxObjectsInSet": self.max_objects_in_set,
            "collationAlgorithms": [],
        }

    def relay_capability(self) -> dict[str, object]:
        return {
            "aliasDomain": f"marketplace.{self.alias_domain}",
            "maxChanges": self.max_changes,
            "idempotencyKeyTtlSeconds": self.idempotency_ttl_seconds,
            "responseWindowSeconds": 86400,
        }
