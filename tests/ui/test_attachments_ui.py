"""Attachments in the window, against a real relay: adding them to a reply (picker, drag and
drop; a disguised program refused by its content), removing them before sending, and opening
or saving a buyer's attachment (a hostile file name cannot leave the chosen folder)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QObject, QPointF, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from ui_testkit import UiRelay, UiSession, buyer_writes, go_live, open_buyer, run, until  # type: ignore[import-not-found]  # type: ignore[import-not-found]

from app.policy import PolicyContext, load_pack
from app.storage.drafts import DraftData
from app.ui.composer import Composer
from relay.demo import DEMO_PDF

# The MZ header of a Windows program, saved under a harmless-looking name.
EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00"
    + b"\x00" * 200
    + b"This program cannot be run in DOS mode"
)


def _drop(target: Any, paths: list[Path]) -> bool:
    """Drag files over ``target`` and drop them, as the window system would deliver it."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(10, 10)
    enter = QDragEnterEvent(
        pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(target, enter)
    drop = QDropEvent(
        pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(target, drop)
    return enter.isAccepted() and drop.isAccepted()


def test_attach_by_picker_and_by_drop_and_refuse_a_disguised_program(
    qtbot, qloop, ui_relay: UiRelay, ui_session: UiSession, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window, session = ui_session.window, ui_session.session
    files = tmp_path / "files"
    files.mkdir()
    (files / "receipt.pdf").write_bytes(DEMO_PDF)
    (files / "notes.txt").write_text("Size chart: S, M, L\n")
    (files / "invoice.pdf").write_bytes(EXE)
    composer = window.composer

    async def scenario() -> None:
        await go_live(session, ui_relay)
        buyer_writes(
            ui_relay.db_url, marketplace_id="amazon.com", email="attach.case@buyers.example",
            name="Paula Attach", subject="Receipt please", text="Could you send the receipt?",
        )  # fmt: skip
        await open_buyer(window, "Paula Attach")
        saved: list[DraftData] = []
        composer.draft_changed.connect(saved.append)

        # The picker: a file dialog (non-blocking); the chosen file is checked and uploaded.
        composer.attach_button.click()
        dialog = composer.file_dialog
        assert dialog is not None and dialog.isVisible()
        dialog.setDirectory(str(files))
        dialog.selectFile("receipt.pdf")
        dialog.accept()
        await until(lambda: len(composer.attachments) == 1, what="the picked file attached")
        assert composer.attachments[0]["name"] == "receipt.pdf"
        assert composer.attachments[0]["blobId"]  # it is on the relay
        assert composer.attachments[0]["type"] == "application/pdf"

        # Drag and drop: the text file goes in, the program named .pdf is refused, clearly.
        assert _drop(composer.body.viewport(), [files / "notes.txt", files / "invoice.pdf"])
        await until(lambda: composer.attach_notice.isVisible(), what="the refusal shown")
        notice = composer.attach_notice.text()
        assert "Not attached" in notice and "invoice.pdf" in notice
        assert "invoice.pdf: This file is a Windows program, not a PDF." in notice
        await until(lambda: len(composer.attachments) == 2, what="the dropped text attached")
        assert [a["name"] for a in composer.attachments] == ["receipt.pdf", "notes.txt"]
        assert [c.label.text().split("  ")[0] for c in composer.files.chips] == [
            "receipt.pdf", "notes.txt",
        ]  # fmt: skip
        assert [a["name"] for a in saved[-1].attachments] == ["receipt.pdf", "notes.txt"]

    run(qloop, scenario())


def test_an_attachment_is_removed_by_button_context_menu_or_delete_key(qtbot) -> None:  # type: ignore[no-untyped-def]
    c = Composer()
    qtbot.addWidget(c)
    ctx = PolicyContext(pack=load_pack("amazon.com"), buyer_initiated=True)
    c.open_draft(DraftData(key="conv:1", subject="Re: x", conversation_id=1), ctx)
    c.show()
    c.activateWindow()
    qtbot.waitActive(c)
    for name in ("a.pdf", "b.txt", "c.png", "d.pdf"):
        c.add_attachment({"name": name, "size": 2000, "blobId": f"blob-{name}"})
    saved: list[DraftData] = []
    c.draft_changed.connect(saved.append)

    def names() -> list[str]:
        return [a["name"] for a in c.attachments]

    c.files.chips[1].button.click()  # the chip's ✕
    assert names() == ["a.pdf", "c.png", "d.pdf"]
    assert [a["name"] for a in saved[-1].attachments] == names()  # autosaved without it

    chip = c.files.chips[2]  # the context menu holds "Remove attachment"
    assert chip.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert chip.remove_action in chip.actions()
    chip.remove_action.trigger()
    assert names() == ["a.pdf", "c.png"]

    c.files.chips[0].setFocus()  # the Delete key on a focused chip
    qtbot.waitUntil(lambda: c.files.chips[0].hasFocus())
    qtbot.keyClick(c.files.chips[0], Qt.Key.Key_Delete)
    assert names() == ["c.png"]
    assert c.files.chips[0].hasFocus()  # focus stays in the row: keep deleting
    qtbot.keyClick(c.files.chips[0], Qt.Key.Key_Backspace)
    assert names() == [] and c.files.chips == []


class _Opened(QObject):
    """Receives what the app asks the desktop to open (QDesktopServices URL handler)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url)


def _rename_on_relay(relay: UiRelay, external_id: str, name: str) -> None:
    """A hostile or buggy relay: the attachment's name as stored on it, unsanitized."""
    from sqlalchemy import update

    from relay import schema
    from relay.db import open_database

    db = open_database(relay.db_url)
    try:
        m = schema.messages.c
        with db.writing() as conn:
            row = conn.execute(schema.messages.select().where(m.external_id == external_id)).one()
            atts = json.loads(row.attachments)
            atts[0]["name"] = name
            conn.execute(
                update(schema.messages)
                .where(m.external_id == external_id)
                .values(attachments=json.dumps(atts))
            )
    finally:
        db.dispose()


def test_open_and_save_a_buyers_attachment(
    qtbot, qloop, ui_relay: UiRelay, ui_session: UiSession, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window, session = ui_session.window, ui_session.session
    chosen = tmp_path / "chosen" / "inner"
    chosen.mkdir(parents=True)
    content = DEMO_PDF + b"% unique content for this test\n"
    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "handle")
    try:

        async def scenario() -> None:
            buyer_writes(
                ui_relay.db_url, marketplace_id="amazon.com", email="files.case@buyers.example",
                name="Oskar Files", subject="Damaged", text="Photo of the box attached.",
                files=[("box.pdf", content)], external_id="hostile-name-1",
            )  # fmt: skip
            _rename_on_relay(ui_relay, "hostile-name-1", "../../escape\r\nme.pdf")
            await go_live(session, ui_relay)
            await open_buyer(window, "Oskar Files")
            [att] = [a for m in window.conversation.messages for a in m.attachments]
            assert att.name == "../../escape\r\nme.pdf"  # stored as the relay sent it
            html = window.conversation.browser.toHtml()
            assert f"attachment:open:{att.id}" in html and f"attachment:save:{att.id}" in html

            # Open: a copy in the profile's exports, handed to the desktop.
            window.conversation.browser.anchorClicked.emit(QUrl(f"attachment:open:{att.id}"))
            await until(lambda: bool(opened.urls), what="the desktop asked to open it")
            path = Path(opened.urls[0].toLocalFile())
            assert path.parent == ui_session.profile / "exports"
            assert path.name == "escapeme.pdf"
            assert path.read_bytes() == content

            # Save: the dialog suggests a plain file name; the copy lands in the chosen folder.
            window.conversation.browser.anchorClicked.emit(QUrl(f"attachment:save:{att.id}"))
            await until(
                lambda: (
                    session.files.save_dialog is not None and session.files.save_dialog.isVisible()
                )
            )
            dialog = session.files.save_dialog
            suggested = Path(dialog.selectedFiles()[0]).name
            assert suggested == "escapeme.pdf"
            dialog.setDirectory(str(chosen))
            dialog.selectFile(suggested)
            dialog.accept()
            await until(lambda: (chosen / suggested).exists(), what="the saved copy")
            await until(lambda: (chosen / suggested).read_bytes() == content)
            written = [p for p in tmp_path.rglob("*escape*") if p.is_file()]
            assert sorted(written) == sorted([chosen / suggested, path])  # nowhere else

        run(qloop, scenario())
    finally:
        QDesktopServices.unsetUrlHandler("file")
