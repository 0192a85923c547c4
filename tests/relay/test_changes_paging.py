"""Hypothesis: paging `Foo/changes` with any maxChanges reports every change exactly once."""

from __future__ import annotations

import itertools
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relay import auth
from relay.api.core import Context, run_calls
from relay.api.registry import METHODS
from relay.config import RelayConfig
from relay.db import Database, open_database
from relay.ingest import ingest_message

_counter = itertools.count()
_dbs: dict[str, Database] = {}
ops_strategy = st.lists(
    st.one_of(
        st.tuples(st.just("msg"), st.integers(0, 3)),
        st.tuples(st.just("kw"), st.integers(0, 50)),
    ),
    min_size=1,
    max_size=40,
)


@settings(
    max_examples=int(os.environ.get("RELAY_HYPOTHESIS_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(ops=ops_strategy, cut=st.integers(0, 40), page=st.integers(1, 7))
def test_paged_changes_report_each_change_once(db_url: str, ops, cut: int, page: int) -> None:
    assert METHODS
    if db_url not in _dbs:
        _dbs[db_url] = open_database(db_url)
    db = _dbs[db_url]
    cfg = RelayConfig()
    name = f"h{next(_counter)}-{os.getpid()}"
    with db.writing() as conn:
        sid = auth.ensure_seller(conn, name)
    ctx = Context(db, cfg, sid, name)
    acc = ctx.account_id

    def call(method: str, args: dict) -> dict:
        resp = run_calls(ctx, [[method, {"accountId": acc, **args}, "0"]])[0]
        assert resp[0] == method, resp
        return resp[1]

    messages: list[str] = []
    flagged: set[str] = set()
    since = "0"
    changed_after: set[str] = set()
    created_after: set[str] = set()
    for i, (kind, n) in enumerate(ops):
        if i == cut:
            since = call("Message/get", {"ids": []})["state"]
            changed_after, created_after = set(), set()
        if kind == "msg" or not messages:
            out = ingest_message(
                db,
                cfg,
                {
                    "seller": name,
                    "marketplaceId": "amazon.se",
                    "externalId": f"{name}-{i}",
                    "from": {"email": f"b{n}@example.net", "name": "B"},
                    "text": "hi",
                },
            ).body
            messages.append(out["messageId"])
            created_after.add(out["messageId"])
            changed_after.add(out["messageId"])
        else:
            mid = messages[n % len(messages)]
            flag = i % 2 == 0
            call("Message/set", {"update": {mid: {"keywords/$flagged": flag or None}}})
            if flag != (mid in flagged):  # setting what is already there changes nothing
                changed_after.add(mid)
                flagged.symmetric_difference_update({mid})
    if cut >= len(ops):
        since = call("Message/get", {"ids": []})["state"]
        changed_after, created_after = set(), set()

    seen: list[str] = []
    created: set[str] = set()
    state = since
    for _ in range(1000):
        res = call("Message/changes", {"sinceState": state, "maxChanges": page})
        assert len(res["created"]) + len(res["updated"]) + len(res["destroyed"]) <= page
        seen += res["created"] + res["updated"] + res["destroyed"]
        created |= set(res["created"])
        state = res["newState"]
        if not res["hasMoreChanges"]:
            break
    assert len(seen) == len(set(seen)), "an object was reported twice"
    # Flips that cancel out still count as a change: reported, exactly once.
    assert set(seen) == changed_after
    # Within a paged walk an object created before a later page boundary and changed after
    # it is reported once, as updated (JMAP allows it; clients upsert both lists).
    assert created <= created_after
    assert state == call("Message/get", {"ids": []})["state"]
