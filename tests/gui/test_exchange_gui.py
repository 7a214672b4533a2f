"""File menu › packages between laptops, driven as a person would (dialogs answered by the test)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLabel

from facilitator_app.core.exchange.packages import export_package, import_packages
from facilitator_app.core.store.device import Device
from facilitator_app.core.store.store import Store
from facilitator_app.gui.exchange.actions import ExportDialog
from facilitator_app.gui.exchange.conflicts import ConflictsDialog
from facilitator_app.gui.exchange.summary import SummaryDialog


@pytest.fixture
def world(ctx, tmp_path):
    """The secretariat (ctx.store) with a plenary, a group and a note; a group laptop started from it."""
    s = ctx.store
    with s.transaction():
        pid = s.insert("plenaries", {"number": 2, "date": "2099-04-13", "title": "Caldo in città"})
        gid = s.insert("groups", {"plenary_id": pid, "name": "Stili di vita", "facilitator": "Elena"})
        nid = s.insert("notes", {"plenary_id": pid, "group_id": gid, "text": "Fontanelle nei parchi"})
    lap = Store(tmp_path / "laptop.sqlite", Device("dev-lap", "Tavolo stili di vita"))
    export_package(s, tmp_path / "start.assemblea", full=True)
    import_packages(lap, [tmp_path / "start.assemblea"])
    yield {"pid": pid, "gid": gid, "nid": nid, "lap": lap, "tmp": tmp_path}
    lap.close()


@pytest.fixture
def window(ctx, qtbot):
    from facilitator_app.gui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    return win


def laptop_package(world, text="Ombra alle fermate"):
    lap = world["lap"]
    with lap.transaction():
        lap.insert("notes", {"plenary_id": world["pid"], "group_id": world["gid"], "text": text})
    path = world["tmp"] / f"{len(text)}.assemblea"
    export_package(lap, path, to="Segreteria")
    return path


def test_the_file_menu_has_the_exchange_actions(window):
    texts = [a.text() for a in window.file_menu.actions()]
    for t in ("Export package…", "Import package…", "Prepare the laptops…", "Collect from a folder…",
              "Conflicts…"):
        assert t in texts
    assert texts.index("Export package…") < texts.index("Device name…")


def test_export_asks_for_whom_and_writes_the_package(window, ctx, world, monkeypatch):
    def fake_exec(dialog):
        dialog.destination.setEditText("Tavolo 1")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", fake_exec)
    target = world["tmp"] / "out" / "segreteria"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.exchange.export_action.trigger()
    assert (target.parent / "segreteria.assemblea").exists()
    kind, title, text = ctx.prompts.shown[-1]
    assert kind == "info" and "everything this laptop has" in text
    assert ctx.store.local("exchange.sent:Tavolo 1")
    window.exchange.export_action.trigger()   # again: only what Tavolo 1 has not received
    assert "0 changes" in ctx.prompts.shown[-1][2] and "Tavolo 1 had not received yet" in ctx.prompts.shown[-1][2]


def test_the_export_dialog_offers_known_laptops(ctx, world, qtbot):
    import_packages(ctx.store, [laptop_package(world)])
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    names = [dialog.destination.itemText(i) for i in range(dialog.destination.count())]
    assert "Tavolo stili di vita" in names
    dialog.full.setChecked(True)
    assert dialog.choice() == (names[0], True)


def test_import_merges_and_shows_what_came_from_where(window, ctx, world, monkeypatch, qtbot):
    path = laptop_package(world)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    seen = []
    ctx.changed.connect(lambda ch: seen.append(ch))
    window.exchange.import_action.trigger()
    dialog = window.exchange.last_dialog
    assert isinstance(dialog, SummaryDialog) and dialog.isVisible()
    rows = [[dialog.model.data(dialog.model.index(r, c)) for c in range(5)] for r in range(dialog.model.rowCount())]
    assert rows == [["Tavolo stili di vita", path.name, "Notes", "1", "0"]]
    assert any(ch.touches("notes") for ch in seen)
    assert [n["text"] for n in ctx.store.select("notes", order_by="text")] == ["Fontanelle nei parchi",
                                                                                "Ombra alle fermate"]


def test_a_bad_package_is_refused_with_a_clear_message(window, ctx, world, monkeypatch):
    bad = world["tmp"] / "rotto.assemblea"
    bad.write_bytes(laptop_package(world).read_bytes()[:150])
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(bad)], ""))
    before = ctx.store.scalar("SELECT count(*) FROM changes")
    window.exchange.import_action.trigger()
    kind, title, text = ctx.prompts.shown[-1]
    assert kind == "error" and "rotto.assemblea is damaged or incomplete" in text and "Nothing was imported" in text
    assert ctx.store.scalar("SELECT count(*) FROM changes") == before


def test_prepare_writes_one_package_per_laptop(window, ctx, world, monkeypatch):
    asked = []

    def get_item(parent, title, label, items, current, editable):
        asked.append((items, current))
        return items[current], True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    monkeypatch.setattr(window.exchange, "ask_include", lambda parent: frozenset())
    out = world["tmp"] / "chiavetta"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    window.exchange.prepare_action.trigger()
    assert asked[0][0] == ["Plenary 2 — 13/04/2099 — Caldo in città"]
    assert sorted(p.name for p in out.iterdir()) == ["P02-ingresso.assemblea", "P02-stili-di-vita-elena.assemblea"]
    assert ctx.prompts.shown[-1][0] == "info" and "P02-ingresso.assemblea" in ctx.prompts.shown[-1][2]
    assert "no phone numbers" in ctx.prompts.shown[-1][2]


def test_collect_shows_progress_then_the_summary(window, ctx, world, monkeypatch):
    folder = world["tmp"] / "raccolta"
    folder.mkdir()
    for text in ("Alberi", "Acqua per tutti"):
        laptop_package(world, text).rename(folder / f"{len(text)}.assemblea")
    (folder / "zz-rotto.assemblea").write_text("?")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    window.exchange.collect_action.trigger()
    assert [s[0] for s in window.exchange.progress_steps] == [0, 1, 2, 3, 4]
    assert window.exchange.progress_steps[-2][2] == ""   # the merge step
    dialog = window.exchange.last_dialog
    assert isinstance(dialog, SummaryDialog) and dialog.summary.tables["notes"].new == 2
    texts = " ".join(w.text() for w in dialog.findChildren(QLabel))
    assert "Not imported: zz-rotto.assemblea is not an exchange package" in texts


def test_collect_from_an_empty_folder_says_so(window, ctx, world, monkeypatch):
    (world["tmp"] / "vuota").mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(world["tmp"] / "vuota"))
    window.exchange.collect_action.trigger()
    assert ctx.prompts.shown[-1][0] == "error" and "no packages" in ctx.prompts.shown[-1][2]


def make_conflict(ctx, world):
    lap = world["lap"]
    with lap.transaction():
        lap.update("notes", world["nid"], {"text": "Fontanelle in ogni parco"})
    with ctx.store.transaction():
        ctx.store.update("notes", world["nid"], {"text": "Fontanelle e ombra nei parchi"})
    path = world["tmp"] / "conflict.assemblea"
    export_package(lap, path, to="Segreteria")
    return import_packages(ctx.store, [path])


def test_conflicts_dialog_restores_a_version_undoably(window, ctx, world, qtbot):
    summary = make_conflict(ctx, world)
    assert summary.conflicts == 1
    assert window.exchange.conflicts_action.text() == "Conflicts (1)…"
    window.exchange.conflicts_action.trigger()
    dialog = window.exchange.last_dialog
    assert isinstance(dialog, ConflictsDialog) and dialog.model.rowCount() == 1
    cells = [dialog.model.data(dialog.model.index(0, c)) for c in range(8)]
    assert cells[:6] == ["Notes", "group Stili di vita", "Text", "Fontanelle e ombra nei parchi",
                         "Fontanelle in ogni parco", "Tavolo stili di vita"] and cells[7] == "Open"
    assert dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert ctx.store.get("notes", world["nid"])["text"] == "Fontanelle in ogni parco"
    assert dialog.model.rowCount() == 0 and not dialog.empty.isHidden()
    assert window.exchange.conflicts_action.text() == "Conflicts…"
    ctx.undo_stack.undo()
    assert ctx.store.get("notes", world["nid"])["text"] == "Fontanelle e ombra nei parchi"
    assert dialog.model.rowCount() == 1
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0 and ctx.store.get("notes", world["nid"])["text"] == \
        "Fontanelle e ombra nei parchi"
    dialog.show_resolved.setChecked(True)
    assert dialog.model.rowCount() == 1 and dialog.model.data(dialog.model.index(0, 7)) == "Resolved"
    assert not dialog.restore_button.isEnabled()


def test_the_summary_leads_to_the_conflicts(window, ctx, world, monkeypatch):
    lap = world["lap"]
    with lap.transaction():
        lap.update("notes", world["nid"], {"text": "Fontanelle ovunque"})
    with ctx.store.transaction():
        ctx.store.update("notes", world["nid"], {"text": "Fontanelle nei giardini"})
    path = world["tmp"] / "c.assemblea"
    export_package(lap, path, to="Segreteria")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    window.exchange.import_action.trigger()
    summary = window.exchange.last_dialog
    assert summary.conflicts_button is not None
    summary.conflicts_button.click()
    assert isinstance(window.exchange.last_dialog, ConflictsDialog)


def test_two_plenaries_with_one_number_are_a_conflict_to_resolve(window, ctx, world, qtbot):
    from facilitator_app.core.plenaries.plenaries import create_plenary, duplicate_numbers, get_plenary

    mine = create_plenary(ctx.store, 9, "2099-05-10", "Palazzo Marino")
    theirs = create_plenary(world["lap"], 9, "2099-05-17", "Base")
    path = world["tmp"] / "nine.assemblea"
    export_package(world["lap"], path, to="Segreteria")
    import_packages(ctx.store, [path])
    assert window.exchange.conflicts_action.text() == "Conflicts (1)…"
    window.exchange.conflicts_action.trigger()
    dialog = window.exchange.last_dialog
    box = dialog.duplicates
    assert not box.isHidden()
    text = " ".join(w.text() for w in box.findChildren(QLabel))
    assert "2 plenaries are numbered 9" in text and "10/05/2099" in text and "17/05/2099" in text
    assert "Tavolo stili di vita" in text  # which laptop made the other one
    qtbot.mouseClick(box.buttons[theirs], Qt.MouseButton.LeftButton)
    assert get_plenary(ctx.store, "9")["id"] == mine and ctx.store.get("plenaries", theirs)["number"] == 10
    assert duplicate_numbers(ctx.store) == [] and box.isHidden()
    assert window.exchange.conflicts_action.text() == "Conflicts…"
    ctx.undo_stack.undo()
    assert len(duplicate_numbers(ctx.store)) == 1 and not box.isHidden()
