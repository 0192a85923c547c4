"""The response-metrics view shows the relay's figures: conversations with known response
times are seeded on a real relay, synced, and read back from the view for 7/30/90 days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ui_testkit import UiRelay, UiSession, buyer_writes, go_live, run, until  # type: ignore[import-not-found]  # type: ignore[import-not-found]

from app.ui.metrics_view import MetricsDialog

NOW = datetime.now(UTC)


def _seed(relay: UiRelay) -> None:
    """amazon.se: answered after 2 h (2 days ago), 30 h (20 days ago, late), 4 h (60 days
    ago). amazon.de: one left unanswered 3 days ago (overdue), one written an hour ago."""
    from relay.db import open_database
    from relay.demo import _reply  # the seeding helper: a seller reply at a given time
    from relay.store import iso

    db = open_database(relay.db_url)
    try:
        for n, (mid, days_ago, answer_hours) in enumerate(
            [("amazon.se", 2, 2), ("amazon.se", 20, 30), ("amazon.se", 60, 4),
             ("amazon.de", 3, None), ("amazon.de", 1 / 24, None)]
        ):  # fmt: skip
            asked = NOW - timedelta(days=days_ago)
            got = buyer_writes(
                relay.db_url, marketplace_id=mid, email=f"metrics.{n}@buyers.example",
                name=f"Metric Buyer {n}", subject=f"Question {n}", text="When does it ship?",
                received_at=iso(asked),
            )  # fmt: skip
            if answer_hours is not None:
                at = asked + timedelta(hours=answer_hours)
                assert _reply(db, "demo", got["conversationId"], f"Re: Question {n}",
                              "It ships tomorrow.", f"metrics-reply-{n}", at)  # fmt: skip
    finally:
        db.dispose()


def test_metrics_view_shows_the_relays_late_rate_and_averages(
    qtbot, qloop, empty_relay: UiRelay, ui_session: UiSession
) -> None:  # type: ignore[no-untyped-def]
    window, session = ui_session.window, ui_session.session
    _seed(empty_relay)

    async def scenario() -> None:
        await go_live(session, empty_relay)
        window.actions_by_name["metrics"].trigger()
        await until(
            lambda: session.metrics_dialog is not None and session.metrics_dialog.isVisible()
        )
        dialog: MetricsDialog = session.metrics_dialog
        model = dialog.model

        def shown(days: str) -> dict[str, tuple[str, ...]]:
            [button] = [b for b in dialog.group.buttons() if b.text().startswith(days + " ")]
            button.click()
            return {
                model.data(model.index(r, 0)): tuple(
                    model.data(model.index(r, c)) for c in range(1, model.columnCount())
                )
                for r in range(model.rowCount())
            }

        # columns: late responses, average response, answered, late, waiting
        week, month, quarter = shown("7"), shown("30"), shown("90")
        assert week["amazon.se"] == ("0.0 %", "2 h 00 min", "1", "0", "0")
        assert month["amazon.se"] == ("50.0 %", "16 h 00 min", "2", "1", "0")
        assert quarter["amazon.se"] == ("33.3 %", "12 h 00 min", "3", "1", "0")
        for figures in (week, month, quarter):
            assert figures["amazon.de"] == ("100.0 %", "—", "0", "1", "1")
        assert len(dialog.chart.model.rows) == model.rowCount()  # the chart draws these rows

    run(qloop, scenario())
