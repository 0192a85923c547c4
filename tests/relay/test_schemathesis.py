"""Schemathesis against the relay's own /openapi.json: no generated request may produce a 5xx.

Every operation of the document is exercised with positive (schema-valid) and negative
(schema-violating) requests, with the seller token or the ingest key its `security` names, and
with the seeded account id as well as generated ones. Size: RELAY_SCHEMATHESIS_EXAMPLES examples
per operation and generation mode (default 40: about 10 s per backend on 2 cores).
"""

from __future__ import annotations

import contextlib
import os
from typing import Any

import hypothesis
import requests
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import strategies as st
from relay_testkit import RelayUnderTest
from schemathesis import GenerationMode

EXAMPLES = int(os.environ.get("RELAY_SCHEMATHESIS_EXAMPLES", "40"))


def _own_account(case: Any, account: str) -> Any:
    """The same case with every method call addressed to the seller's own account."""
    body = case.body
    if isinstance(body, dict) and isinstance(body.get("methodCalls"), list):
        for call in body["methodCalls"]:
            if isinstance(call, list) and len(call) > 1 and isinstance(call[1], dict):
                call[1]["accountId"] = account
    return case


def _strategy(operation: Any, mode: GenerationMode, account: str) -> Any:
    # Generated account ids almost never name the seller's own account: half the cases do.
    names = {p.name for p in operation.path_parameters}
    if "accountId" in names:
        own = operation.as_strategy(mode, path_parameters={"accountId": account})
    elif operation.path == "/api":
        own = operation.as_strategy(mode).map(lambda case: _own_account(case, account))
    else:
        return operation.as_strategy(mode)
    return st.one_of(operation.as_strategy(mode), own)


def _credential(relay: RelayUnderTest, operation: Any) -> str | None:
    security = operation.definition.raw.get("security")
    if security == []:
        return None
    if security and "ingestKey" in security[0]:
        return relay.ingest_key
    return relay.seller.token


def _fuzz(
    operation: Any,
    mode: GenerationMode,
    relay: RelayUnderTest,
    session: requests.Session,
    failures: list[str],
) -> int:
    """Run one operation in one generation mode; returns how many requests were made."""
    credential = _credential(relay, operation)
    headers = {"Authorization": f"Bearer {credential}"} if credential else {}
    streaming = operation.path == "/events"
    made = 0

    @hypothesis.settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
    )
    @given(case=_strategy(operation, mode, relay.seller.account))
    def run(case: Any) -> None:
        nonlocal made
        made += 1
        if streaming:  # an event stream never ends: look at the status line only
            kw = case.as_transport_kwargs(base_url=relay.url, headers=headers)
            with session.request(**kw, stream=True, timeout=30) as raw:
                status, text = raw.status_code, "" if raw.ok else raw.text
        else:
            response = case.call(base_url=relay.url, session=session, headers=headers, timeout=30)
            status, text = response.status_code, response.text
        # A method that raised answers `serverFail` inside a 200: a server error too.
        if status >= 500 or '"serverFail"' in text:
            failures.append(
                f"{operation.label} [{mode.value}] -> {status}\n"
                f"{case.as_curl_command()}\n{text[:500]}"
            )

    # Nothing to vary (e.g. a negative /healthz): Hypothesis gives up, which is fine.
    with contextlib.suppress(hypothesis.errors.Unsatisfiable):
        run()
    return made


def test_no_server_errors(relay: RelayUnderTest, conversation: dict[str, Any]) -> None:
    schema = schemathesis.openapi.from_url(f"{relay.url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10, [op.label for op in operations]
    failures: list[str] = []
    with requests.Session() as session:
        for operation in operations:
            made = sum(
                _fuzz(operation, mode, relay, session, failures)
                for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
            )
            assert made > 0, operation.label  # every operation is exercised
    assert not failures, "\n\n".join(failures[:10])
