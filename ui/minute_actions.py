"""The actions in the minutes: those an item gave rise to, and, under "matters arising",
the open actions of earlier meetings whose progress is minuted there."""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QListWidget, QListWidgetItem, QVBoxLayout

from desktop_app.dates import short_date
from desktop_app.services.decisions import actions
from ui.action_dialogs import action_dialog, progress_dialog
from ui.buttons import button_row
from ui.commands import kinds
from ui.commands.desk import Desk

EDITABLE = ("text", "owner_person_id", "owner_organisation_id", "due", "status")


class _ActionList(QGroupBox):
    """A titled list of actions, each row holding its ActionEntry."""

    def __init__(self, title: str, desk: Desk, parent=None):
        super().__init__(title, parent)
        self._desk = desk
        self.meeting_id: str | None = None
        self.list = QListWidget()
        self.list.setAccessibleName(title)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.list)

    def _selected(self) -> actions.ActionEntry | None:
        row = self.list.currentItem()
        return row.data(Qt.ItemDataRole.UserRole) if row else None

    def _fill(self, entries, *, with_minute: bool = False) -> None:
        self.list.clear()
        for action in entries:
            self.list.addItem(_action_row(action, with_minute=with_minute))

    def add_progress(self, entry: actions.ActionEntry | None = None) -> None:
        """A progress note on the chosen action, made at this meeting."""
        entry = entry or self._selected()
        if entry is None:
            return
        meeting_id = self.meeting_id
        progress_dialog(
            self,
            self._desk.creating(
                "Progress",
                partial(actions.add_progress, action_id=entry.id, meeting_id=meeting_id),
                kinds.ACTION_NOTE,
            ),
            dt.date.today(),
        ).exec()


class ActionsBox(_ActionList):
    """The actions the item gave rise to."""

    def __init__(self, desk: Desk, parent=None):
        super().__init__("Actions", desk, parent)
        self.item_id: str | None = None
        self.list.setObjectName("actions")
        self.list.setAccessibleName("Actions arising")
        self.list.itemActivated.connect(lambda _: self.edit_action())
        self._layout.addLayout(
            button_row(
                ("Action…", "add", self.add_action),
                ("Edit…", "edit", self.edit_action),
                ("Progress…", "clock", lambda: self.add_progress()),
                ("Delete", "remove", self.delete_action),
            )
        )

    def show_item(self, meeting_id: str, item_id: str | None) -> None:
        self.meeting_id, self.item_id = meeting_id, item_id
        self._fill(actions.actions_of_item(item_id) if item_id else [])

    def add_action(self) -> None:
        item_id = self.item_id
        if item_id is None:
            return
        action_dialog(
            self,
            self._desk.creating(
                "Action", partial(actions.add_action, item_id=item_id), kinds.ACTION
            ),
        ).exec()

    def edit_action(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        before = {name: getattr(entry, name) for name in EDITABLE}
        submit = self._desk.submitting(
            "Edit action",
            lambda values: actions.update_action(action_id=entry.id, **values),
            lambda: actions.update_action(action_id=entry.id, **before),
        )
        action_dialog(self, submit, entry).exec()

    def delete_action(self) -> None:
        entry = self._selected()
        if entry is not None:
            self._desk.delete("Delete action", entry.id, kinds.ACTION)


class ArisingBox(_ActionList):
    """Under "matters arising": the open actions of earlier meetings."""

    def __init__(self, desk: Desk, parent=None):
        super().__init__("Open actions from earlier meetings", desk, parent)
        self.list.setObjectName("arising")
        self._layout.addLayout(button_row(("Progress…", "clock", lambda: self.add_progress())))

    def show_meeting(self, meeting_id: str) -> None:
        self.meeting_id = meeting_id
        self._fill(actions.open_actions_for(meeting_id), with_minute=True)


def _action_row(action: actions.ActionEntry, *, with_minute: bool = False) -> QListWidgetItem:
    due = f", by {short_date(action.due)}" if action.due else ""
    where = f"{action.minute_number} ({short_date(action.meeting_date)}): " if with_minute else ""
    latest = f" — latest: {action.last_note}" if action.last_note else ""
    row = QListWidgetItem(
        f"{where}{action.text} — {action.owner or 'no owner'}{due} [{action.status}]{latest}"
    )
    row.setData(Qt.ItemDataRole.UserRole, action)
    return row
