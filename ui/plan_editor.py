"""The Plans tab of a body's page: its strategy plans (seed 001) as a tree of priorities,
outcomes and actions, and each priority's performance measures; beside it what the chosen
row holds, with the steps it takes (ui/plan_steps.py, the PlanSteps it owns: add, edit,
delete, set the RAG status, record progress or a reading). Every step is undoable; a
refusal is the service's one sentence, and the form stays open with what was typed. The
plan and its progress report print in the background, behind a progress bar, into the
preview.

Keys: Insert adds under the chosen row, Enter edits it, Delete deletes it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app import vocabulary
from desktop_app.dates import long_date
from desktop_app.errors import ValidationError
from desktop_app.services.plans import outline, plans
from ui.body_tab import BodyTab, refill
from ui.events import Changes
from ui.plan_rows import (
    RAG_MARK,
    action_html,
    action_in,
    measure_html,
    measure_in,
    outcome_in,
    priority_in,
    rag_icon,
)
from ui.plan_steps import PlanSteps
from ui.record_dialog import choices

ROLE = Qt.ItemDataRole.UserRole


class PlanEditor(BodyTab):
    def __init__(self, stack: QUndoStack, changes: Changes, parent=None, *, today=None):
        super().__init__(stack, changes, parent, today=today)
        self.plan: outline.PlanOutline | None = None
        self.steps = steps = PlanSteps(
            self,
            stack,
            changes,
            body_id=lambda: self.body_id,
            plan=lambda: self.plan,
            chosen=self._chosen,
            choose_plan=self.choose_plan,
            select_row=self.select_row,
            today=lambda: self.today,
        )

        self.plans = QComboBox()
        self.plans.setObjectName("plans")
        self.plans.setAccessibleName("Plan")
        self.plans.currentIndexChanged.connect(lambda _: self._show_plan())
        top = QHBoxLayout()
        top.addWidget(QLabel("&Plan:", buddy=self.plans))
        top.addWidget(self.plans, 1)
        for name, text, meaning, tip, slot in (
            ("new_plan", "&New plan…", "add", "A plan of this body for a period", steps.new_plan),
            ("edit_plan", "Plan de&tails…", "edit", "The plan's title, period and introduction",
             steps.edit_plan),
            ("delete_plan", "Delete plan", "remove", "Delete the plan (undo brings it back)",
             steps.delete_plan),
            ("print_plan", "Print p&lan", "print", "The plan as it prints", steps.print_plan),
            ("progress_report", "Progress &report…", "documents",
             "A quarter's progress: RAG per action, each measure against its target",
             steps.print_progress),
        ):  # fmt: skip
            top.addWidget(self._button(name, text, meaning, tip, slot))

        self.tree = QTreeWidget()
        self.tree.setObjectName("planTree")
        self.tree.setAccessibleName("Priorities, outcomes, actions and measures")
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumWidth(300)
        self.tree.currentItemChanged.connect(lambda *_: self._show_row())
        self.tree.itemActivated.connect(lambda *_: steps.edit())  # Enter or a double click
        self.tree.installEventFilter(self)

        self.details = QLabel()
        self.details.setObjectName("planDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.status = QComboBox()
        self.status.setObjectName("planStatus")
        self.status.setAccessibleName("RAG status of the action")
        for text, value in choices(vocabulary.PLAN_STATUSES):
            self.status.addItem(text, value)
        self.status.activated.connect(lambda _: steps.set_status(self.status.currentData()))
        self.status_label = QLabel("R&AG status:", buddy=self.status)
        grid = QGridLayout()
        for place, (name, text, meaning, tip, slot) in enumerate((
            ("add_priority", "Add pr&iority…", "add", "A new priority of the plan",
             steps.add_priority),
            ("add_outcome", "Add &outcome…", "add", "An outcome of the priority (1a, 1b)",
             steps.add_outcome),
            ("add_action", "Add a&ction…", "add", "An action for the outcome", steps.add_action),
            ("add_measure", "Add &measure…", "add", "A performance measure of the priority",
             steps.add_measure),
            ("add_partner", "Add partner…", "organisation", "A key partner in the action",
             steps.add_partner),
            ("record_progress", "Record pro&gress…", "status",
             "Progress in a quarter, with the RAG status then", steps.record_progress),
            ("record_reading", "Record rea&ding…", "registers", "The measure's value on a date",
             steps.record_reading),
            ("edit", "&Edit…", "edit", "Change the chosen row (Enter)", steps.edit),
            ("delete", "Delete", "remove", "Delete the chosen row (Delete)", steps.delete),
        )):  # fmt: skip
            grid.addWidget(self._button(name, text, meaning, tip, slot), place // 3, place % 3)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label)
        status_row.addWidget(self.status)
        status_row.addStretch()
        right_layout.addLayout(grid)
        right_layout.addLayout(status_row)
        scroll = QScrollArea()
        scroll.setAccessibleName("The chosen row of the plan")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.details)
        right_layout.addWidget(scroll, 1)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 560])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        changes.changed.connect(self.refresh)

    def eventFilter(self, watched, event) -> bool:
        """Insert adds under the chosen row and Delete deletes it, while the tree has the
        keyboard."""
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            keys = {Qt.Key.Key_Insert: self.steps.add, Qt.Key.Key_Delete: self.steps.delete}
            step = keys.get(event.key())
            if step is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                step()
                return True
        return super().eventFilter(watched, event)

    # -- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        found = plans.plans_of_body(self.body_id) if self.body_id else []
        refill(self.plans, [(f"{p.title} {p.starts.year}–{p.ends.year}", p.id) for p in found])
        self._show_plan()

    def choose_plan(self, plan_id: str) -> None:
        index = self.plans.findData(plan_id)
        if index >= 0:
            self.plans.setCurrentIndex(index)

    def _show_plan(self) -> None:
        chosen = self._chosen()
        plan_id = self.plans.currentData()
        try:
            self.plan = outline.plan_outline(plan_id) if plan_id else None
        except ValidationError:  # deleted since
            self.plan = None
        self.tree.blockSignals(True)
        self.tree.clear()
        if self.plan is not None:
            for priority in self.plan.priorities:
                top = self._node(
                    self.tree,
                    "priority",
                    priority.id,
                    f"Priority {priority.number}: {priority.title}",
                )
                for o in priority.outcomes:
                    under = self._node(top, "outcome", o.id, f"{o.code}. {o.text}")
                    for a in o.actions:
                        target = f" — {a.target_text}" if a.target_text else ""
                        node = self._node(
                            under, "action", a.id, f"{RAG_MARK[a.rag]} {a.text}{target}"
                        )
                        node.setIcon(0, rag_icon(a.rag))
                        node.setToolTip(0, f"{a.status.capitalize()}: {a.text}{target}")
                group = self._node(top, "measures", priority.id, "Performance measures")
                for m in priority.measures:
                    latest = m.latest()
                    shown = f" — latest {m.figure(latest.value)}" if latest else ""
                    self._node(group, "measure", m.id, f"{m.name}{shown}")
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self._select(chosen)
        self._show_row()

    def _node(self, parent, kind: str, row_id: str, text: str) -> QTreeWidgetItem:
        node = QTreeWidgetItem(parent, [text])
        node.setData(0, ROLE, (kind, row_id))
        node.setToolTip(0, text)
        return node

    def _select(self, chosen: tuple | None) -> None:
        if chosen is None:
            return
        for node in self._nodes():
            if node.data(0, ROLE) == chosen:
                self.tree.setCurrentItem(node)
                return

    def select_row(self, kind: str, row_id: str) -> None:
        self._select((kind, row_id))

    def _nodes(self):
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            node = stack.pop(0)
            yield node
            stack += [node.child(i) for i in range(node.childCount())]

    def _chosen(self) -> tuple[str, str] | None:
        node = self.tree.currentItem()
        return node.data(0, ROLE) if node is not None else None

    def _show_row(self) -> None:
        chosen = self._chosen()
        kind = chosen[0] if chosen else None
        has_plan = self.plan is not None
        for name, on in (
            ("new_plan", self.body_id is not None),
            ("edit_plan", has_plan),
            ("delete_plan", has_plan),
            ("print_plan", has_plan),
            ("progress_report", has_plan),
            ("add_priority", has_plan),
            ("add_outcome", kind in ("priority", "outcome", "action")),
            ("add_action", kind in ("outcome", "action")),
            ("add_measure", kind in ("priority", "measures", "measure")),
            ("add_partner", kind == "action"),
            ("record_progress", kind == "action"),
            ("record_reading", kind == "measure"),
            ("edit", kind in ("priority", "outcome", "action", "measure")),
            ("delete", kind in ("priority", "outcome", "action", "measure")),
        ):
            self.buttons[name].setEnabled(on)
        action = action_in(self.plan, chosen[1]) if kind == "action" else None
        self.status.setVisible(action is not None)
        self.status_label.setVisible(action is not None)
        if action is not None:
            self.status.setCurrentIndex(self.status.findData(action.status))
        self.details.setText(self._describe(chosen))

    def _describe(self, chosen) -> str:
        if self.plan is None:
            return "This body has no plan yet: <b>New plan…</b> starts one." if self.body_id else ""
        plan = self.plan
        head = (
            f"<h3>{escape(plan.title)} {plan.period}</h3>"
            f"<p>{long_date(plan.starts)} to {long_date(plan.ends)}</p>"
        )
        if chosen is None:
            return head + "<p>Choose a row of the plan, or <b>Add priority…</b>.</p>"
        kind, row_id = chosen
        if kind in ("priority", "measures"):
            priority = priority_in(plan, row_id)
            points = "".join(f"<li>{escape(p)}</li>" for p in priority.why_points)
            return (
                f"<h3>Priority {priority.number}: {escape(priority.title)}</h3>"
                f"<p><b>Why is this important?</b></p><ul>{points}</ul>"
            )
        if kind == "outcome":
            found = outcome_in(plan, row_id)
            return f"<h3>Outcome {found.code}</h3><p>{escape(found.text)}</p>"
        if kind == "action":
            return action_html(action_in(plan, row_id))
        return measure_html(measure_in(plan, row_id))
