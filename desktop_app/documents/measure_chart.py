"""A small chart of a performance measure over time (reportlab.graphics): its baseline and
readings joined by a line, the target as a dashed line to its date, the comparator (the
national or county figure) as a dotted one, and the years along the foot.

Drawn by hand rather than with reportlab's LinePlot so that every string is in the embedded
font and the few marks a clerk needs are all there is."""

from __future__ import annotations

import datetime as dt

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.lib.units import mm

from desktop_app.documents import styles
from desktop_app.documents.fonts import REGULAR
from desktop_app.services.plans.outline import MeasureView, figure

WIDTH, HEIGHT = 78 * mm, 38 * mm
LEFT, RIGHT, BOTTOM, TOP = 14 * mm, 3 * mm, 7 * mm, 4 * mm
LABEL = 6.5


def measure_chart(measure: MeasureView, *, starts: dt.date, ends: dt.date) -> Drawing:
    """The measure from the plan's start (or its first reading) to its target date or the
    plan's end, whichever is later."""
    points = []
    if measure.baseline is not None:
        points.append((measure.baseline_date or starts, measure.baseline))
    points += [(r.date, r.value) for r in measure.readings]
    points.sort()
    first = min([starts, *(day for day, _ in points)])
    last = max([ends, measure.target_date or ends, *(day for day, _ in points)])
    values = [v for _, v in points] + [
        v for v in (measure.target, measure.comparator) if v is not None
    ]
    low, high = _range(values)
    drawing = Drawing(WIDTH, HEIGHT)
    span_x, span_y = WIDTH - LEFT - RIGHT, HEIGHT - BOTTOM - TOP

    def x(day: dt.date) -> float:
        return LEFT + span_x * (day - first).days / max((last - first).days, 1)

    def y(value: float) -> float:
        return BOTTOM + span_y * (value - low) / (high - low)

    ink, muted = styles.INK, styles.MUTED
    drawing.add(Line(LEFT, BOTTOM, LEFT + span_x, BOTTOM, strokeColor=muted, strokeWidth=0.5))
    drawing.add(Line(LEFT, BOTTOM, LEFT, BOTTOM + span_y, strokeColor=muted, strokeWidth=0.5))
    for value in {min(values, default=low), max(values, default=high)}:
        drawing.add(
            _label(
                LEFT - 1.5 * mm,
                y(value) - 2,
                figure(value, "%" if measure.unit == "%" else ""),
                "end",
            )
        )
    for year in range(first.year, last.year + 1):
        day = dt.date(year, 1, 1)
        if first <= day <= last:
            drawing.add(Line(x(day), BOTTOM, x(day), BOTTOM - 1.2 * mm, strokeColor=muted))
            drawing.add(_label(x(day), BOTTOM - 4.5 * mm, str(year), "middle"))
    if measure.comparator is not None:
        drawing.add(
            Line(LEFT, y(measure.comparator), LEFT + span_x, y(measure.comparator),
                 strokeColor=muted, strokeWidth=0.6, strokeDashArray=[1, 1.5])
        )  # fmt: skip
        label = measure.comparator_label or "comparator"
        drawing.add(_label(LEFT + 1.5 * mm, y(measure.comparator) + 1.5, label, "start"))
    if measure.target is not None:
        end = x(measure.target_date or last)
        drawing.add(
            Line(LEFT, y(measure.target), end, y(measure.target),
                 strokeColor=styles.RAG["green"], strokeWidth=0.9, strokeDashArray=[3, 2])
        )  # fmt: skip
        drawing.add(_label(end, y(measure.target) + 1.5, "target", "end", styles.RAG["green"]))
    if len(points) > 1:
        line = [c for day, value in points for c in (x(day), y(value))]
        drawing.add(PolyLine(line, strokeColor=ink, strokeWidth=1.1))
    for day, value in points:
        drawing.add(Circle(x(day), y(value), 1.3, fillColor=ink, strokeColor=ink))
    return drawing


def _range(values: list[float]) -> tuple[float, float]:
    """A little room above and below the values (a flat line is given some height)."""
    if not values:
        return 0.0, 1.0
    low, high = min(values), max(values)
    pad = (high - low) * 0.15 or abs(high) * 0.1 or 1.0
    return low - pad, high + pad


def _label(x: float, y: float, text: str, anchor: str, colour=None) -> String:
    return String(
        x, y, text, fontName=REGULAR, fontSize=LABEL, fillColor=colour or styles.MUTED,
        textAnchor=anchor,
    )  # fmt: skip
