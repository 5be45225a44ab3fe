"""What the window keeps of the tree of bodies as it is drawn: which nodes are open (to
open them again after a reload), and opening the way down to one node."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTreeView

from ui.models.body_tree import ID_ROLE, KIND_ROLE


def expanded_keys(tree: QTreeView) -> list[tuple[str, str]]:
    """The (kind, id) of every open node, parents before their children."""
    model = tree.model()
    keys = []

    def walk(parent: QModelIndex):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if tree.isExpanded(index):
                keys.append((index.data(KIND_ROLE), index.data(ID_ROLE)))
                walk(index)

    walk(QModelIndex())
    return keys


def expand_to(tree: QTreeView, index: QModelIndex) -> None:
    """Open `index` and every node above it."""
    chain = []
    while index.isValid():
        chain.append(index)
        index = index.parent()
    for ancestor in reversed(chain):
        tree.expand(ancestor)
