"""The OpenAPI 3.1 document served at /openapi.json (prose lives in docs/protocol.md)."""

from __future__ import annotations

from typing import Any

from relay.config import CORE, RELAY

PROBLEM_REF = {"$ref": "#/components/responses/Problem"}


def _problem_responses(*codes: int) -> dict[str, Any]:
    return {str(c): PROBLEM_REF for c in codes}


def _ingest(summary: str, schema: dict[str, Any], ok: dict[str, Any]) -> dict[str, Any]:
    return {
        "post": {
            "summary": summary,
            "security": [{"ingestKey": []}],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": schema}},
            },
            "responses": {
                "200": {"description": "done", "content": {"application/json": {"schema": ok}}},
                **_problem_responses(400, 401, 403, 404, 413, 429),
            },
        }
    }


def _seller_mail() -> dict[str, Any]:
    """`POST /ingest/seller-mail`: a seller's mail to a buyer alias (relay.seller_mail)."""
    text = {"type": "string"}
    path = _ingest(
        "Seller side: a mail a seller sent from their own mail client to a buyer alias "
        "(idempotent on messageId)",
        {
            "type": "object",
            "required": ["from", "to", "messageId"],
            "properties": {
                "mailFrom": {"type": "string", "maxLength": 320},
                "from": PERSON,
                "to": {"type": "string", "maxLength": 320},
                "messageId": {"type": "string", "maxLength": 260},
                "inReplyTo": {"type": "string", "maxLength": 1000},
                "references": {"type": "string", "maxLength": 20_000},
                "subject": {"type": "string", "maxLength": 1000},
                "text": text,
                "html": text,
                "headers": {"type": "object"},
                "contactReason": text,
                "attachments": {
                    "type": "array",
                    "maxItems": 20,
                    "items": {
                        "type": "object",
                        "required": ["contentBase64"],
                        "properties": {"name": text, "contentBase64": text},
                    },
                },
            },
        },
        {
            "type": "object",
            "required": ["status", "submissionId", "messageId", "conversationId"],
            "properties": {
                "status": {"const": "accepted"},
                "deliveryStatus": {"const": "delivered"},
                "submissionId": text,
                "messageId": text,
                "conversationId": text,
                "duplicate": {"type": "boolean"},
                "removedAttachments": {"type": "array", "items": {"type": "object"}},
            },
        },
    )
    # Refused (setError: policyViolation, importantTagRequired, invalidProperties...) or
    # stored but bounced (buyerOptedOut, with submissionId/messageId/conversationId).
    path["post"]["responses"]["422"] = PROBLEM_REF
    return path


PERSON = {
    "type": "object",
    "required": ["email"],
    "properties": {
        "email": {"type": "string", "format": "email", "maxLength": 320},
        "name": {"type": "string", "maxLength": 200},
        "locale": {"type": "string", "maxLength": 16},
    },
}


ACCOUNT_ID = {"type": "string", "pattern": "^A[0-9]{1,18}$"}
ID = {"type": "string", "minLength": 1, "maxLength": 64}
STATE = {"type": "string", "pattern": "^[0-9]{1,18}$"}
UNSIGNED = {"type": "integer", "minimum": 0, "maximum": 2**53 - 1}
DATE = {"type": "string", "format": "date-time"}

SUBMISSION_CREATE = {
    "type": "object",
    "required": ["clientSubmissionId", "body"],
    "properties": {
        "clientSubmissionId": {"type": "string", "minLength": 1, "maxLength": 128},
        "conversationId": ID,
        "buyerId": ID,
        "orderId": ID,
        "subject": {"type": "string", "maxLength": 200},
        "body": {"type": "string", "maxLength": 100_000},
        "contactReason": {"type": "string"},
        "attachments": {
            "type": "array",
            "maxItems": 20,
            "items": {
                "type": "object",
                "required": ["blobId", "name"],
                "properties": {"blobId": ID, "name": {"type": "string", "maxLength": 120}},
            },
        },
        "onOptOut": {"type": "string", "enum": ["bounce", "refuse"]},
        "onAttachmentRejected": {"type": "string", "enum": ["remove", "refuse"]},
    },
}
TEMPLATE = {
    "type": "object",
    "properties": {
        "name": {"type": "string", "minLength": 1, "maxLength": 80},
        "contactReason": {"type": "string"},
        "texts": {
            "type": "object",
            "minProperties": 1,
            "maxProperties": 12,
            "propertyNames": {"pattern": "^[a-z]{2,3}(-[A-Z]{2})?$"},
            "additionalProperties": {"type": "string", "minLength": 1, "maxLength": 10_000},
        },
    },
}
NOTE_BODY = {"type": "string", "minLength": 1, "maxLength": 20_000}
SET_CREATES = {
    "Submission": SUBMISSION_CREATE,
    "Template": {**TEMPLATE, "required": ["name", "texts"]},
    "Note": {
        "type": "object",
        "required": ["conversationId", "body"],
        "properties": {
            "conversationId": ID,
            "body": NOTE_BODY,
            "author": {"type": "string", "maxLength": 100},
        },
    },
}
KEYWORDS = ["$seen", "$flagged", "$answered", "$noResponseNeeded"]
SET_UPDATES = {
    "Conversation": {
        "type": "object",
        "properties": {
            "snooze": {
                "anyOf": [
                    {"type": "null"},
                    {
                        "type": "object",
                        "properties": {
                            "kind": {"enum": ["snooze", "followUp"]},
                            "until": {"anyOf": [DATE, {"type": "null"}]},
                            "reason": {"type": ["string", "null"], "maxLength": 200},
                        },
                    },
                ]
            }
        },
    },
    "Template": TEMPLATE,
    "Note": {"type": "object", "properties": {"body": NOTE_BODY}},
    "Message": {
        "type": "object",
        "properties": {
            "keywords": {
                "type": "object",
                "propertyNames": {"enum": KEYWORDS},
                "additionalProperties": {"const": True},
            },
            **{f"keywords/{k}": {"enum": [True, None]} for k in KEYWORDS},
        },
    },
    "Marketplace": {
        "type": "object",
        "properties": {
            "messagingEnabled": {"type": "boolean"},
            "vacationFrom": {"anyOf": [DATE, {"type": "null"}]},
            "vacationUntil": {"anyOf": [DATE, {"type": "null"}]},
        },
    },
}


def _method_args(name: str) -> dict[str, Any]:
    """The arguments of one method (RFC 8620 §5), as far as a schema can say."""
    type_, verb = name.split("/", 1)
    props: dict[str, Any] = {"accountId": ACCOUNT_ID}
    if name == "Core/echo":
        return {"type": "object"}
    if verb == "get":
        props["ids"] = {
            "anyOf": [{"type": "array", "items": ID, "maxItems": 500}, {"type": "null"}]
        }
        props["properties"] = {"type": "array", "items": {"type": "string"}}
    elif verb == "changes":
        props["sinceState"] = STATE
        props["maxChanges"] = {"type": "integer", "minimum": 1, "maximum": 2**53 - 1}
    elif verb == "query":
        props["filter"] = {
            "type": "object",
            "additionalProperties": {"type": ["string", "boolean"]},
        }
        props["sort"] = {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["property"],
                "properties": {
                    "property": {"type": "string"},
                    "isAscending": {"type": "boolean"},
                },
            },
        }
        props["position"] = UNSIGNED
        props["limit"] = UNSIGNED
        props["calculateTotal"] = {"type": "boolean"}
    elif verb == "set":
        props["ifInState"] = STATE
        if type_ in SET_CREATES:
            props["create"] = {"type": "object", "additionalProperties": SET_CREATES[type_]}
        props["update"] = {
            "type": "object",
            "additionalProperties": SET_UPDATES.get(type_, {"type": "object"}),
        }
        props["destroy"] = {"type": "array", "items": ID}
    return {"type": "object", "required": ["accountId"], "properties": props}


def _method_call(name: str) -> dict[str, Any]:
    return {
        "type": "array",
        "prefixItems": [{"const": name}, _method_args(name), {"type": "string", "maxLength": 64}],
        "minItems": 3,
        "maxItems": 3,
    }


def openapi_document(methods: list[str]) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Seller Relay",
            "version": "1",
            "description": "A JMAP profile between a marketplace's buyers and its sellers. "
            "Methods available through POST /api: " + ", ".join(methods) + ". "
            "See docs/protocol.md.",
        },
        "servers": [{"url": "/"}],
        "components": {
            "securitySchemes": {
                "sellerToken": {"type": "http", "scheme": "bearer"},
                "ingestKey": {"type": "http", "scheme": "bearer"},
            },
            "schemas": {
                "Problem": {
                    "type": "object",
                    "required": ["type", "status"],
                    "properties": {
                        "type": {"type": "string"},
                        "title": {"type": "string"},
                        "status": {"type": "integer"},
                        "detail": {"type": "string"},
                        "limit": {"type": "string"},
                        "reason": {"type": "string"},
                    },
                },
                "Request": {
                    "type": "object",
                    "required": ["using", "methodCalls"],
                    "properties": {
                        "using": {
                            "type": "array",
                            "items": {"type": "string", "enum": [CORE, RELAY]},
                        },
                        "methodCalls": {
                            "type": "array",
                            "maxItems": 32,
                            "items": {"oneOf": [_method_call(m) for m in methods]},
                        },
                    },
                },
                "Response": {
                    "type": "object",
                    "required": ["methodResponses", "sessionState"],
                    "properties": {
                        "methodResponses": {"type": "array", "items": {"type": "array"}},
                        "sessionState": {"type": "string"},
                    },
                },
            },
            "responses": {
                "Problem": {
                    "description": "RFC 7807 problem (see docs/protocol.md §3)",
                    "content": {
                        "application/problem+json": {
                            "schema": {"$ref": "#/components/schemas/Problem"}
                        }
                    },
                }
            },
        },
        "security": [{"sellerToken": []}],
        "paths": {
            "/.well-known/jmap": {
                "get": {
                    "summary": "Session: capabilities, limits, account, URLs",
                    "responses": {
                        "200": {
                            "description": "the session",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        },
                        **_problem_responses(401, 429),
                    },
                }
            },
            "/api": {
                "post": {
                    "summary": "JMAP method calls",
                    "parameters": [
                        {
                            "name": "Idempotency-Key",
                            "in": "header",
                            "required": False,
                            "schema": {"type": "string", "pattern": "^[!-~]{1,128}$"},
                        }
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Request"}}
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "method responses",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Response"}
                                }
                            },
                        },
                        **_problem_responses(400, 401, 409, 413, 422, 429),
                    },
                }
            },
            "/upload/{accountId}": {
                "post": {
                    "summary": "Upload a blob (streamed, capped, type sniffed from content)",
                    "parameters": [
                        {"name": "accountId", "in": "path", "required": True, "schema": ACCOUNT_ID}
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/octet-stream": {
                                "schema": {"type": "string", "format": "binary"}
                            }
                        },
                    },
                    "responses": {
                        "201": {
                            "description": "stored",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "accountId": {"type": "string"},
                                            "blobId": {"type": "string"},
                                            "type": {"type": "string"},
                                            "size": {"type": "integer"},
                                        },
                                    }
                                }
                            },
                        },
                        **_problem_responses(401, 404, 413, 415, 429),
                    },
                }
            },
            "/download/{accountId}/{blobId}/{name}": {
                "get": {
                    "summary": "Download a blob as an attachment",
                    "parameters": [
                        {"name": "accountId", "in": "path", "required": True, "schema": ACCOUNT_ID},
                        {"name": "blobId", "in": "path", "required": True, "schema": ID},
                        {
                            "name": "name",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "minLength": 1, "maxLength": 120},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "the blob",
                            "content": {
                                "application/octet-stream": {
                                    "schema": {"type": "string", "format": "binary"}
                                }
                            },
                        },
                        **_problem_responses(401, 404, 429),
                    },
                }
            },
            "/events": {
                "get": {
                    "summary": "Server-Sent Events: StateChange and pings",
                    "parameters": [
                        {"name": "types", "in": "query", "schema": {"type": "string"}},
                        {
                            "name": "closeafter",
                            "in": "query",
                            "schema": {"type": "string", "enum": ["no", "state"]},
                        },
                        {
                            "name": "ping",
                            "in": "query",
                            "schema": {"type": "integer", "minimum": 0, "maximum": 3600},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "an event stream",
                            "content": {"text/event-stream": {"schema": {"type": "string"}}},
                        },
                        **_problem_responses(400, 401, 429),
                    },
                }
            },
            "/ingest/orders": _ingest(
                "Buyer side: an order",
                {
                    "type": "object",
                    "required": ["seller", "marketplaceId", "orderId", "buyer"],
                    "properties": {
                        "seller": {"type": "string"},
                        "marketplaceId": {"type": "string"},
                        "orderId": {"type": "string"},
                        "kind": {
                            "type": "string",
                            "enum": ["standard", "handmade", "custom", "wine"],
                        },
                        "placedAt": {"type": "string", "format": "date-time"},
                        "items": {
                            "type": "array",
                            "maxItems": 100,
                            "items": {
                                "type": "object",
                                "properties": {
                                    "sku": {"type": "string"},
                                    "title": {"type": "string"},
                                    "quantity": {
                                        "type": "integer",
                                        "minimum": 1,
                                        "maximum": 100_000,
                                    },
                                },
                            },
                        },
                        "buyer": PERSON,
                    },
                },
                {"type": "object"},
            ),
            "/ingest/messages": _ingest(
                "Buyer side: a buyer's message (idempotent on externalId)",
                {
                    "type": "object",
                    "required": ["seller", "marketplaceId", "externalId", "from"],
                    "properties": {
                        "seller": {"type": "string"},
                        "marketplaceId": {"type": "string"},
                        "externalId": {"type": "string"},
                        "from": PERSON,
                        "orderId": {"type": "string"},
                        "conversationId": {"type": "string"},
                        "subject": {"type": "string"},
                        "text": {"type": "string"},
                        "html": {"type": "string"},
                        "headers": {"type": "object"},
                        "receivedAt": {"type": "string", "format": "date-time"},
                        "attachments": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "name": {"type": "string"},
                                    "contentBase64": {"type": "string"},
                                },
                            },
                        },
                    },
                },
                {"type": "object"},
            ),
            "/ingest/opt-out": _ingest(
                "Buyer side: opt out of (or back into) unsolicited messages",
                {
                    "type": "object",
                    "required": ["marketplaceId", "email", "optedOut"],
                    "properties": {
                        "marketplaceId": {"type": "string"},
                        "email": {"type": "string"},
                        "optedOut": {"type": "boolean"},
                    },
                },
                {"type": "object"},
            ),
            "/ingest/seller-mail": _seller_mail(),
            "/ingest/mailbox": _ingest(
                "Buyer side: messages delivered to a buyer",
                {
                    "type": "object",
                    "required": ["marketplaceId", "email"],
                    "properties": {
                        "marketplaceId": {"type": "string"},
                        "email": {"type": "string"},
                    },
                },
                {"type": "object"},
            ),
            "/openapi.json": {
                "get": {
                    "summary": "This document",
                    "security": [],
                    "responses": {
                        "200": {
                            "description": "OpenAPI document",
                            "content": {"application/json": {"schema": {}}},
                        }
                    },
                }
            },
            "/healthz": {
                "get": {
                    "summary": "Liveness",
                    "security": [],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {}}},
                        }
                    },
                }
            },
        },
    }
