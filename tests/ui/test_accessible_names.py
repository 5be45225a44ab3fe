"""Every widget the keyboard can reach has a name a screen reader can say (issue 14): the
main window on the example data, walked page by page — the body, the meeting with each
tab and each item's minute, search, the action tracker, the registers, live mode, a
document's preview — and every dialog those pages open."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop_app.exchange import import_file
from desktop_app.paths import EXAMPLE_FILE
from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import attendance, meetings
from desktop_app.services.meeting_cycle.attendance_sheet import attendance_sheet
from desktop_app.services.signatures import signing
from ui.main_window import MainWindow
from ui.people_dialog import name_dialog, person_dialog
from ui.sign_dialog import SignDialog


def unnamed(top: QWidget) -> list[str]:
    """The visible widgets under `top` that Tab can reach, by class and object name, that
    have no accessible name (their own, a label's they are the buddy of, or their text)."""
    found = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible() or widget.focusProxy() is not None:
            continue  # a focus proxy's owner (an editable list's line) is named instead
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        face = QAccessible.queryAccessibleInterface(widget)
        if not (face and face.text(QAccessible.Text.Name).strip()):
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found


@pytest.fixture
def example(qtbot, database, data_dir, monkeypatch, warnings):
    import_file(EXAMPLE_FILE)
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    body = bodies.find_body(name="Maidstone Locality Board")
    meeting = meetings.find_meeting(body_id=body.id, date="2012-12-17")
    return window, body, meeting


@pytest.fixture
def dialogs(monkeypatch) -> dict[str, list[str]]:
    """Each dialog opened with exec(): looked at as it shows, then closed."""
    seen: dict[str, list[str]] = {}

    def look(dialog: QDialog) -> int:
        dialog.show()
        QApplication.processEvents()
        seen[dialog.windowTitle()] = unnamed(dialog)
        dialog.reject()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QDialog, "exec", look)
    return seen


def test_every_focusable_widget_on_every_page_and_dialog_has_a_name(qtbot, example, dialogs):
    window, body, meeting = example
    pages: dict[str, list[str]] = {"start": unnamed(window)}

    window.select("body", body.id)
    pages["body page"] = unnamed(window)
    page = window.body_page
    page.table.selectRow(0)
    for opens in (
        window.new_body,
        window.new_meeting,
        window.schedule_series,
        page.add_member,
        page.edit_member,
        page.edit_template,
        window.open_people,
        window.open_organisations,
        lambda: person_dialog(window, "New person", lambda values: None).exec(),
        lambda: name_dialog(window, "New organisation", "", lambda values: None).exec(),
        window.sharing.open_sharing,
    ):
        opens()
    page.show_plans()
    plans = page.plans
    for kind in ("priority", "outcome", "action", "measure"):
        node = next(n for n in plans._nodes() if n.data(0, Qt.ItemDataRole.UserRole)[0] == kind)
        plans.tree.setCurrentItem(node)
        pages[f"plans, {kind}"] = unnamed(window)
        plans.steps.edit()
    for opens in (
        plans.steps.new_plan,
        plans.steps.add_priority,
        plans.steps.add_measure,
        plans.steps.record_reading,
        plans.steps.print_progress,
    ):
        opens()
    plans.tree.setCurrentItem(
        next(n for n in plans._nodes() if n.data(0, Qt.ItemDataRole.UserRole)[0] == "action")
    )
    for opens in (plans.steps.add_action, plans.steps.add_partner, plans.steps.record_progress):
        opens()

    window.select("meeting", meeting.id)
    page = window.meeting_page
    window.edit_meeting()
    page.change_status("postponed")
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        pages[f"meeting tab {page.tabs.tabText(index)}"] = unnamed(window)

    page.tabs.setCurrentWidget(page.attendance)
    page.attendance.table.selectRow(0)
    for opens in (
        page.attendance.add_substitute,
        page.attendance.add_in_attendance,
        page.attendance.edit_times,
    ):
        opens()
    page.tabs.setCurrentWidget(page.interests)
    page.interests.table.selectRow(0)
    page.interests.add()
    page.interests.edit()

    page.tabs.setCurrentWidget(page.minutes)
    minutes = page.minutes
    for row in range(minutes.items.count()):
        minutes.items.setCurrentRow(row)
        pages[f"minute {minutes.items.item(row).text().strip()}"] = unnamed(window)
        if minutes.resolved.list.count():
            minutes.resolved.list.setCurrentRow(0)
            minutes.resolved.edit_resolution()
            minutes.resolved.named_votes()
        if minutes.actions.list.count():
            minutes.actions.list.setCurrentRow(0)
            minutes.actions.edit_action()
            minutes.actions.add_progress()
    for opens in (
        minutes.resolved.add_resolution,
        minutes.resolved.elect,
        minutes.resolved.co_opt,
        minutes.resolved.appoint,
        minutes.actions.add_action,
    ):
        opens()

    window.documents.open_document("attendance")  # asks for the period
    window.documents.packs.issue_pack(meeting.id)  # asks which editions
    with qtbot.waitSignal(window.documents.opened, timeout=20_000) as shown:
        window.documents.open_document("agenda")
    pages["document preview"] = unnamed(shown.args[0])

    present = next(e for e in attendance_sheet(meeting.id) if e.status == "present")
    attendance.set_chair(meeting_id=meeting.id, person_id=present.person_id)
    earlier = meetings.get_meeting(meeting.id).previous_id
    SignDialog(signing.presiding_signer(earlier), window).exec()

    window.open_search()
    qtbot.keyClicks(window._search.box, "housing")
    window._search.run()
    pages["search"] = unnamed(window)
    for name, opens in (
        ("action tracker", window.open_tracker),
        ("registers", window.open_registers),
        ("conflicts", window.sharing.open_conflicts),
        ("pack issues", lambda: window.documents.packs.show_issues(meeting.id)),
    ):
        before = set(QApplication.topLevelWidgets())
        opens()
        opened = [w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()]
        pages[name] = [problem for w in opened for problem in unnamed(w)]
        for w in opened:
            w.close()
    page.open_live()
    pages["live meeting"] = unnamed(page.live)
    page.live.close()

    assert len(dialogs) >= 35, sorted(dialogs)
    problems = {where: found for where, found in {**pages, **dialogs}.items() if found}
    assert not problems, "\n".join(
        f"{where}: {', '.join(found)}" for where, found in problems.items()
    )
