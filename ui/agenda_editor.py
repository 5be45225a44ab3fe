"""The agenda builder: items in order, sub-items indented, Part II at the end; every
change (add, edit, move, indent, delete, publish, attach a paper) is undoable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import ValidationError
from desktop_app.services.meeting_cycle import agenda
from desktop_app.services.papers import documents
from ui.agenda_item_form import fill_choices, item_form, item_values
from ui.commands import kinds
from ui.commands.desk import Desk
from ui.commands.edits import edit_fields
from ui.errors import show_error
from ui.events import Changes
from ui.icons import icon
from ui.models.agenda import AgendaModel
from ui.text_box import TextBox


class AgendaEditor(QWidget):
    def __init__(self, stack: QUndoStack, changes: Changes, parent=None):
        super().__init__(parent)
        self._stack, self._changes = stack, changes
        self._desk = Desk(self, stack, changes)
        self.meeting_id: str | None = None
        self.model = AgendaModel(self)
        self.model.move_requested.connect(self._drag_move)
        self.model.files_dropped.connect(self._attach_files)

        self.table = QTableView()
        self.table.setObjectName("agenda")
        self.table.setAccessibleName("Agenda items")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column, width in enumerate((64, 0, 130, 160, 110, 56, 90)):
            if width:
                header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())

        self.toolbar = QToolBar()
        self.actions_: dict[str, QAction] = {}
        for name, text, meaning, keys, slot in (
            ("add", "Add item", "add", "Insert", self.add_item),
            ("add sub", "Add sub-item", "add", "Ctrl+Insert", self.add_sub_item),
            ("delete", "Delete", "remove", "Delete", self.delete_item),
            ("up", "Move up", "up", "Alt+Up", lambda: self.move(-1)),
            ("down", "Move down", "down", "Alt+Down", lambda: self.move(1)),
            ("indent", "Indent", "indent", "Alt+Right", self.indent),
            ("outdent", "Outdent", "outdent", "Alt+Left", self.outdent),
            ("template", "Start from template", "template", "Ctrl+T", self.start_from_template),
            ("publish", "Publish agenda", "publish", "Ctrl+Shift+U", self.publish),
        ):
            action = QAction(icon(meaning), text, self)
            if keys:
                action.setShortcut(QKeySequence(keys))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                action.setToolTip(f"{text} ({keys})")
            action.triggered.connect(slot)
            self.addAction(action)
            self.toolbar.addAction(action)
            self.table.addAction(action)
            self.actions_[name] = action
        # The same actions on the agenda's own menu (the Menu key, Shift+F10 or a right
        # click), with their keys beside them: the toolbar above is not reached by Tab.
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        # Words on the actions a clerk looks for; the moves are icons with their keys as tips.
        for name in ("add", "add sub", "delete", "template", "publish"):
            self.toolbar.widgetForAction(self.actions_[name]).setToolButtonStyle(
                Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            )

        self.form = item_form(stack, changes, update=_update_item, load=self._item_values)
        # The clerk's private note: printed on the chair's brief only, never on the agenda.
        self.note = TextBox("Printed only on the chair's brief, under this item")
        self.note.setObjectName("brief_note")
        self.note.setMinimumHeight(48)
        self.note.committed.connect(self._save_note)
        self.note.edited.connect(self._keep_note)
        self._note_item: str | None = None
        self.form.layout_.addRow("Note for the chair", self.note)

        self.papers = QListWidget()
        self.papers.setObjectName("papers")
        self.papers.setAccessibleName("Papers of the item")
        self.attach_button = QPushButton(icon("attach"), "Attach PDF…")
        self.remove_paper_button = QPushButton(icon("remove"), "Remove")
        self.attach_button.clicked.connect(self.choose_papers)
        self.remove_paper_button.clicked.connect(self.remove_paper)
        paper_buttons = QHBoxLayout()
        paper_buttons.addWidget(self.attach_button)
        paper_buttons.addWidget(self.remove_paper_button)
        paper_buttons.addStretch()
        item_box = QWidget()
        item_layout = QVBoxLayout(item_box)
        item_layout.addWidget(QLabel("<b>Item</b>"))
        item_layout.addWidget(self.form)
        item_layout.addStretch()
        papers_box = QWidget()
        papers_layout = QVBoxLayout(papers_box)
        papers_layout.addWidget(QLabel("<b>Papers</b> (or drop PDF files on an item)"))
        papers_layout.addWidget(self.papers, 1)
        papers_layout.addLayout(paper_buttons)
        details = QWidget()
        details_layout = QHBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(item_box, 3)
        details_layout.addWidget(papers_box, 2)

        # The agenda takes the full width; the selected item's details sit below it.
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.status = QLabel()
        self.status.setObjectName("agendaStatus")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)

    # -- showing ---------------------------------------------------------------------------

    def show_meeting(self, meeting_id: str) -> None:
        selected = self.selected_id() if meeting_id == self.meeting_id else None
        self.meeting_id = meeting_id
        fill_choices(self.form, meeting_id)
        self.model.load(meeting_id)
        published = any(e.number for e in self.model.entries)
        self.status.setText(
            "Published: the numbers are fixed."
            if published
            else "Draft: numbers in grey are the ones publishing will give."
        )
        self.actions_["publish"].setEnabled(not published and bool(self.model.entries))
        self.actions_["template"].setEnabled(not self.model.entries)
        self.select(selected or (self.model.entries[0].id if self.model.entries else None))

    def refresh(self) -> None:
        if self.meeting_id:
            self.show_meeting(self.meeting_id)

    def select(self, item_id: str | None) -> None:
        row = self.model.row_of(item_id) if item_id else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 1))
        self._show_selected()

    def selected_id(self) -> str | None:
        row = self.table.currentIndex().row()
        return self.model.entries[row].id if 0 <= row < len(self.model.entries) else None

    def _show_selected(self) -> None:
        item_id = self.selected_id()
        if item_id != self._note_item:
            self.note.commit()  # typing for the item being left is saved to that item
            self._note_item = item_id
            self.note.keep_typed()
            self.note.blockSignals(True)
            self.note.setPlainText("")
            self.note.blockSignals(False)
        self.form.show_row(item_id)
        self.note.setEnabled(item_id is not None)
        if item_id:
            self.note.set_text(self._item_values(item_id)["brief_note"])
        self.papers.clear()
        if item_id:
            for paper in documents.list_documents(item_id):
                entry = QListWidgetItem(icon("paper"), paper.title)
                entry.setData(Qt.ItemDataRole.UserRole, paper.id)
                self.papers.addItem(entry)
        self.attach_button.setEnabled(item_id is not None)
        self.remove_paper_button.setEnabled(self.papers.count() > 0)

    def _item_values(self, item_id: str) -> dict:
        return item_values(next(e for e in self.model.entries if e.id == item_id))

    def _save_note(self, text: str) -> None:
        item_id = self._note_item
        if item_id is None or item_id not in {e.id for e in self.model.entries}:
            return
        try:
            edit_fields(
                self._stack,
                self._changes,
                text="Change note for the chair",
                update=_update_item,
                id_name="item_id",
                row_id=item_id,
                before={"brief_note": self._item_values(item_id)["brief_note"]},
                after={"brief_note": text},
            )
        except ValidationError as error:
            self.note.keep_typed()
            show_error(self, error)
            return
        self._changes.typed.emit(None, None)  # saved: nothing left to recover

    def _keep_note(self, text: str) -> None:
        if self._note_item is not None:
            target = {
                "label": "the note for the chair",
                "call": f"{__name__}:_update_item",
                "key": {"item_id": self._note_item},
                "field": "brief_note",
            }
            self._changes.typed.emit(target, text)

    # -- actions ---------------------------------------------------------------------------

    def add_item(self, *, parent_id: str | None = None) -> None:
        if not self.meeting_id:
            return
        meeting_id, after = self.meeting_id, self.selected_id()
        entry = next((e for e in self.model.entries if e.id == after), None)
        if parent_id is None and entry is not None:
            parent_id = entry.parent_id  # a new item goes beside the one selected
        else:
            after = None
        made = self._desk.create(
            "Add item",
            lambda: agenda.add_item(
                meeting_id=meeting_id, title="", parent_id=parent_id, after_id=after
            ),
            kinds.AGENDA_ITEM,
        )
        if made is not None:
            self.select(made.id)
        self.form.fields["title"].setFocus()

    def add_sub_item(self) -> None:
        parent = self.selected_id()
        if parent:
            self.add_item(parent_id=parent)

    def delete_item(self) -> None:
        item_id = self.selected_id()
        if item_id:
            self._desk.delete("Delete item", item_id, kinds.AGENDA_ITEM)

    def move(self, offset: int) -> None:
        self._rearrange("Move item", lambda item: agenda.move_item(item_id=item, offset=offset))

    def indent(self) -> None:
        self._rearrange("Indent item", lambda item_id: agenda.indent_item(item_id=item_id))

    def outdent(self) -> None:
        self._rearrange("Outdent item", lambda item_id: agenda.outdent_item(item_id=item_id))

    def _rearrange(self, text: str, change) -> None:
        """Move, indent or outdent the selected item; undo puts back the rank and parent it
        had (one row written each way), not a new place that merely looks the same."""
        item_id = self.selected_id()
        if not item_id:
            return

        place = agenda.place_of(item_id)
        self._desk.change(
            text, lambda: change(item_id), lambda: agenda.place_item(item_id=item_id, place=place)
        )
        self.select(item_id)

    def start_from_template(self) -> None:
        if not self.meeting_id:
            return
        meeting_id = self.meeting_id
        made: list[str] = []

        def apply():
            if made:
                for item_id in made:
                    agenda.restore_item(item_id=item_id)
            else:
                made.extend(item.id for item in agenda.start_agenda(meeting_id=meeting_id))

        def revert():
            for item_id in made:
                agenda.delete_item(item_id=item_id)

        self._desk.change("Start agenda from template", apply, revert)

    def publish(self) -> None:
        if not self.meeting_id:
            return
        meeting_id = self.meeting_id
        self._desk.change(
            "Publish agenda",
            lambda: agenda.publish_agenda(meeting_id=meeting_id),
            lambda: agenda.unpublish_agenda(meeting_id=meeting_id),
        )

    def choose_papers(self) -> None:
        item_id = self.selected_id()
        if not item_id:
            return
        names, _ = QFileDialog.getOpenFileNames(
            self, "Attach papers", str(Path.home()), "PDF documents (*.pdf)"
        )
        self._attach_files(item_id, names)

    def remove_paper(self) -> None:
        entry = self.papers.currentItem() or self.papers.item(0)
        if entry is None:
            return
        paper_id = entry.data(Qt.ItemDataRole.UserRole)
        self._desk.delete("Remove paper", paper_id, kinds.DOCUMENT)

    def _attach_files(self, item_id: str, paths: list) -> None:
        for name in paths:
            self._desk.create(
                f"Attach {Path(name).name}",
                lambda name=name: documents.attach_document(item_id=item_id, path=Path(name)),
                kinds.DOCUMENT,
            )
        self.select(item_id)

    def _drag_move(self, item_id: str, target_id: str) -> None:
        source = next(e for e in self.model.entries if e.id == item_id)
        target = next(e for e in self.model.entries if e.id == target_id)
        if source.parent_id != target.parent_id:
            show_error(
                self,
                ValidationError(
                    "Drag an item among its own neighbours; use Indent and Outdent to move it "
                    "into or out of another item."
                ),
            )
            return
        if source.position != target.position:
            self.select(item_id)
            self.move(target.position - source.position)


def _update_item(*, item_id: str, **fields) -> None:
    """The form's fields in the service's terms: one presenter choice is a person or an
    organisation; choosing a Part II paragraph makes the item confidential."""
    if "presenter" in fields:
        kind, _, row_id = (fields.pop("presenter") or "").partition(":")
        fields["presenter_person_id"] = row_id if kind == "person" else None
        fields["presenter_organisation_id"] = row_id if kind == "organisation" else None
    if "exempt_paragraph" in fields:
        fields["confidential"] = bool(fields["exempt_paragraph"])
    agenda.update_item(item_id=item_id, **fields)
