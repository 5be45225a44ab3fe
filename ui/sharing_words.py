"""What the window says about sharing: the status bar's line, a sync's summary, and times
as the clerk reads them (local, short). Plain functions, so tests read them directly."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the sync modules load after the window shows (ui/sharing_actions.py)
    from desktop_app.sync.run import SyncReport
    from desktop_app.sync.sharing import SharingState


def counted(number: int, word: str) -> str:
    """ "1 change", "3 changes", "2 clashes"."""
    if number == 1:
        return f"{number} {word}"
    return f"{number} {word}es" if word.endswith(("s", "sh", "ch", "x")) else f"{number} {word}s"


def when(utc_iso: str, now: dt.datetime | None = None) -> str:
    """ "12:04" today, "3 Dec 12:04" this year, "3 Dec 2025 12:04" before; "" for ""."""
    if not utc_iso:
        return ""
    moment = dt.datetime.fromisoformat(utc_iso)
    if moment.tzinfo is None:  # stored times are UTC (STYLE.md), with or without the offset
        moment = moment.replace(tzinfo=dt.UTC)
    moment = moment.astimezone()
    now = (now or dt.datetime.now(dt.UTC)).astimezone()
    if moment.date() == now.date():
        return moment.strftime("%H:%M")
    if moment.year == now.year:
        return f"{moment.day} {moment:%b %H:%M}"
    return f"{moment.day} {moment:%b %Y %H:%M}"


def state_line(state: SharingState, now: dt.datetime | None = None) -> str:
    """The status bar's "Last sync 12:04 · 3 changes waiting", or "Not sharing"."""
    if state.share is None:
        return "Not sharing"
    last = f"Last sync {when(state.last_sync, now)}" if state.last_sync else "Never synced"
    waiting = f"{counted(state.waiting, 'change')} waiting" if state.waiting else "nothing waiting"
    return f"{last} · {waiting}"


def summary(report: SyncReport) -> str:
    """One line for a Sync now the clerk asked for."""
    sent = f"sent {counted(report.changes_sent, 'change')}" if report.changes_sent else ""
    came = f"received {counted(report.changes_applied, 'change')}" if report.changes_applied else ""
    parts = [part for part in (sent, came) if part] or ["nothing new either way"]
    line = ("Sync stopped: " if report.stopped else "Synced: ") + ", ".join(parts)
    if report.stopped:
        line += f"; {counted(report.stopped, 'file')} left for the next sync"
    if report.skipped:
        line += f"; {counted(len(report.skipped), 'file')} skipped"
    if report.files_awaited:
        line += f"; waiting for {counted(report.files_awaited, 'paper')}"
    if report.conflicts_found:
        line += f"; {counted(report.conflicts_found, 'new conflict')}"
    if report.clashes:
        line += f"; {counted(len(report.clashes), 'clash')} to put right"
    return line + "."


def news(report: SyncReport) -> str:
    """One sentence for a sync that ran by itself, or "" when there is nothing to tell."""
    if report.skipped:
        if len(report.skipped) == 1:
            return report.skipped[0]
        return f"{len(report.skipped)} files skipped at the last sync, first: {report.skipped[0]}"
    if report.conflicts_found or report.clashes:
        found = counted(report.conflicts_found + len(report.clashes), "conflict")
        return f"The last sync brought {found}: File ▸ Conflicts… shows them."
    if report.changes_applied:
        return f"The last sync brought {counted(report.changes_applied, 'change')}."
    return ""
