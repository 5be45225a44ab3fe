"""The list of a meeting's agenda items beside an editor (the minutes, the reports): each
title read whole, wrapped onto another line rather than cut off or scrolled sideways, as
"33 Troubled Families - County Overview and Maidstone's Proposal" must be."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView, QListWidget


def item_list(object_name: str, accessible_name: str) -> QListWidget:
    items = QListWidget()
    items.setObjectName(object_name)
    items.setAccessibleName(accessible_name)
    items.setWordWrap(True)
    items.setTextElideMode(Qt.TextElideMode.ElideNone)
    items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    items.setResizeMode(QListView.ResizeMode.Adjust)  # the lines wrap anew as it is widened
    return items
