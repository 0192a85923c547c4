"""Window speed at seller scale (issue 6). Prints one line per figure.

    uv run python bench/ui_bench.py --profile DIR   # a profile filled by `seller-inbox generate`

Launch (first painted inbox page, warm) is a subprocess; the rest runs offscreen in-process:
scrolling (p95 of a scroll step with repaint), opening a conversation, keystroke to updated
warnings, search as you type.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def p95(xs: list[float]) -> float:
    return sorted(xs)[max(0, int(len(xs) * 0.95) - 1)]


def launch(profile: Path) -> tuple[int, int]:
    out = subprocess.run(
        [sys.executable, "-m", "app.cli", "--profile", str(profile), "--exit-after-paint"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    vals = dict(line.split(": ") for line in out.splitlines() if ": " in line)
    return int(vals["first-paint-ms"]), int(vals["inbox-ready-ms"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--profile", type=Path, required=True)
    args = ap.parse_args()
    launch(args.profile)  # warm the file cache
    paint, ready = min(launch(args.profile) for _ in range(3))
    print(f"launch: first paint {paint} ms, first inbox page {ready} ms (warm)")

    from PySide6.QtWidgets import QApplication

    from app.policy import PolicyContext, load_pack
    from app.storage import queries
    from app.storage.drafts import DraftData
    from app.storage.store import Store
    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    store = Store.open(args.profile)
    with store.read() as conn:
        total = queries.count_threads(conn, queries.ThreadFilter())

    def page(after):  # type: ignore[no-untyped-def]
        with store.read() as conn:
            return queries.thread_page(conn, queries.ThreadFilter(), after)

    w = MainWindow()
    w.resize(1280, 800)
    w.show()
    w.show_threads(page)
    app.processEvents()
    bar = w.threads.verticalScrollBar()
    steps = []
    for _ in range(400):
        t = time.perf_counter()
        bar.setValue(bar.value() + 3 * w.threads.verticalHeader().defaultSectionSize())
        w.threads.viewport().repaint()
        app.processEvents()
        steps.append((time.perf_counter() - t) * 1000)
    print(
        f"scroll ({total:,} conversations, {w.model.rowCount()} rows paged in): p95 frame {p95(steps):.1f} ms"
    )

    opens = []
    for i in range(0, 200, 4):
        row = w.model.thread_at(i)
        assert row is not None
        t = time.perf_counter()
        with store.read() as conn:
            msgs = queries.conversation_messages(conn, row.id)
        w.conversation.show_conversation(row, msgs)
        app.processEvents()
        opens.append((time.perf_counter() - t) * 1000)
    print(f"open conversation: median {statistics.median(opens):.1f} ms, max {max(opens):.1f} ms")

    w.composer.open_draft(
        DraftData(key="conv:1", conversation_id=1),
        PolicyContext(pack=load_pack("amazon.com"), buyer_initiated=True),
    )
    text = (
        "Thanks for your order! The parcel left our warehouse today and should arrive soon. " * 24
    )[:2000]
    w.composer.body.setPlainText(text)
    keys = []
    for ch in "Write to me at seller@example.com or call for a discount":
        t = time.perf_counter()
        w.composer.body.insertPlainText(ch)
        keys.append((time.perf_counter() - t) * 1000)
    print(
        f"keystroke to warnings (2 KB draft): p95 {p95(keys):.1f} ms, {len(w.composer.findings)} findings"
    )

    searches = []
    for prefix in ("w", "wh", "whe", "wher", "where", "where i", "where is", "bestell", "123-45"):
        t = time.perf_counter()
        with store.read() as conn:
            found = queries.search_threads(conn, prefix)
        w.model.reset(lambda after, rows=found.rows: [] if after else rows)
        app.processEvents()
        searches.append((time.perf_counter() - t) * 1000)
    print(
        f"search as you type: median {statistics.median(searches):.0f} ms, max {max(searches):.0f} ms"
    )
    store.close()


if __name__ == "__main__":
    main()
