"""How a plan's rows read in the Plans tab: the RAG mark and dot beside each action in the
tree, and what an action or a measure holds, beside it, as the printed plan says it; and
each row found in the plan by the id its node in the tree holds."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from desktop_app.dates import long_date
from desktop_app.services.plans import links, outline
from desktop_app.services.plans.quarters import quarter_label

RAG_MARK = {"grey": "○", "green": "●", "amber": "◐", "red": "■", "blue": "✓"}
# As the printed progress report colours them (documents/styles.RAG, which needs reportlab).
RAG_COLOURS = {
    "grey": "#9a9a9a", "green": "#2e8b57", "amber": "#e6a100", "red": "#c0392b", "blue": "#2c6fbb",
}  # fmt: skip


def rag_icon(rag: str) -> QIcon:
    """A dot in the RAG colour the printed report uses (documents/styles.RAG)."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(RAG_COLOURS[rag]))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 12, 12)
    painter.end()
    return QIcon(pixmap)


def action_html(action: outline.ActionView) -> str:
    partners = "".join(f"<li>{escape(p.name)}</li>" for p in action.partners) or "<li>none yet</li>"
    notes = (
        "".join(
            f"<li><b>{quarter_label(n.quarter)}</b> ({escape(n.status)}): {escape(n.text)}</li>"
            for n in action.progress
        )
        or "<li>none yet</li>"
    )
    linked = (
        "".join(
            f"<li>{escape(a.body_name)}, {long_date(a.meeting_date)}, minute "
            f"{escape(a.minute_number)}: {escape(a.text)} ({escape(a.status)})</li>"
            for a in links.meeting_actions_of(action.id)
        )
        or "<li>none</li>"
    )
    return (
        f"<h3>{escape(action.code)}. {escape(action.text)}</h3>"
        f"<p><b>Lead:</b> {escape(action.lead or 'none')}<br/>"
        f"<b>Target date:</b> {escape(action.target_text or 'none')}<br/>"
        f"<b>RAG status:</b> {escape(action.status)}</p>"
        f"<p><b>Key partners</b></p><ul>{partners}</ul>"
        f"<p><b>Progress</b></p><ul>{notes}</ul>"
        f"<p><b>Actions from meetings serving it</b></p><ul>{linked}</ul>"
    )


def measure_html(measure: outline.MeasureView) -> str:
    def dated(value, day) -> str:
        shown = measure.figure(value) or "none"
        return f"{shown} ({long_date(day)})" if day and value is not None else shown

    readings = (
        "".join(
            f"<li>{long_date(r.date)}: {escape(measure.figure(r.value))}"
            f"{' — ' + escape(r.note) if r.note else ''}</li>"
            for r in reversed(measure.readings)
        )
        or "<li>none yet</li>"
    )
    return (
        f"<h3>{escape(measure.name)}</h3>"
        f"<p><b>Unit:</b> {escape(measure.unit)}<br/>"
        f"<b>Baseline:</b> {escape(dated(measure.baseline, measure.baseline_date))}<br/>"
        f"<b>{escape(measure.comparator_label.capitalize() or 'Comparator')}:</b> "
        f"{escape(measure.figure(measure.comparator) or 'none')}<br/>"
        f"<b>Target:</b> {escape(dated(measure.target, measure.target_date))}</p>"
        f"<p><b>Readings</b></p><ul>{readings}</ul>"
    )


def priority_in(plan: outline.PlanOutline, row_id: str) -> outline.PriorityView:
    return next(p for p in plan.priorities if p.id == row_id)


def outcome_in(plan: outline.PlanOutline, row_id: str) -> outline.OutcomeView:
    return next(o for p in plan.priorities for o in p.outcomes if o.id == row_id)


def action_in(plan: outline.PlanOutline, row_id: str) -> outline.ActionView:
    return next(a for a in plan.actions if a.id == row_id)


def measure_in(plan: outline.PlanOutline, row_id: str) -> outline.MeasureView:
    return next(m for m in plan.measures if m.id == row_id)


def priority_holding(plan: outline.PlanOutline, row_id: str) -> outline.PriorityView | None:
    """The priority the row is, or is under (its outcomes, actions and measures)."""
    for priority in plan.priorities:
        ids = {priority.id, *(o.id for o in priority.outcomes)}
        ids |= {a.id for a in priority.actions} | {m.id for m in priority.measures}
        if row_id in ids:
            return priority
    return None
