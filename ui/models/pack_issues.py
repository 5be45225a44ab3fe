"""The Pack issues dialog's table: each issue of a meeting's agenda pack, as kept."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont

from desktop_app.services.papers import pack_issues
from ui.icons import icon
from ui.models.rows import RowsModel

# The full pack holds Part II: the lock says it must not leave the building.
EDITION_ICONS = {False: "confidential", True: "publish"}
PAGES = 4  # the column of page counts, right-aligned


class PackIssuesModel(RowsModel):
    """Full pack first, each edition in the order issued; the latest of each in bold."""

    COLUMNS = ("Issue", "Edition", "Issued", "By", "Pages", "What changed")

    def load(self, meeting_id: str) -> None:
        self.replace(pack_issues.pack_issue_entries(meeting_id))

    def entry(self, row: int) -> pack_issues.IssueEntry | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry: pack_issues.IssueEntry = self.entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(entry.number),
                entry.edition + (" (latest)" if entry.latest else ""),
                entry.when,
                entry.issued_by,
                str(entry.page_count),
                entry.changes or "First issue",  # a line per change: the table wraps them
            )[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return icon(EDITION_ICONS[entry.public])
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return "For publication" if entry.public else "With Part II: not for publication"
        if role == Qt.ItemDataRole.FontRole and entry.latest:
            bold = QFont()
            bold.setBold(True)
            return bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, PAGES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
