"""`make screenshots`: every picture in the README, made afresh from the example body.

The pictures tell one story on a new install. The clerk's laptop starts with the example
(the Maidstone Locality Board's meeting of 17 December 2012); papers go on its agenda and the
pack is issued on 7 December, then reissued with a late paper on 12 December; the window,
its documents and its dialogs are pictured; an officer's laptop joins through a shared folder
and changes a minute at the same time as the clerk, and the conflict is pictured; last, the
board's meeting of 18 March 2013 approves the December minutes and Cllr Garland, who chaired
it, signs them. Windows are grabbed offscreen; PDF pages are drawn by poppler's pdftoppm.
Everything is made in a scratch folder, and only the pictures are written to the folder
given: `python -m ui.readme_pictures docs`. The story's clock, who acts in it and the papers
it attaches are ui/readme_props.py.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QWidget  # noqa: E402

from ui import readme_props as props  # noqa: E402
from ui.screenshot import grab, settle, show_view  # noqa: E402

# Every picture the README shows, by file name in docs/, in the order they are made.
PICTURES = tuple(
    "pack-pdf pack-issues meeting agenda attendance live minutes reports search body plans "
    "updates tracker minutes-pdf agenda-pdf report-pdf plan-pdf update-pdf action-log-pdf "
    "preview conflicts signed-minutes signed-preview".split()
)
BOARD = "Maidstone Locality Board"
MEETING, APPROVING = dt.date(2012, 12, 17), dt.date(2013, 3, 18)
PASSPHRASE = "pictures only"


def make_pictures(out: Path, *, scratch: Path | None = None) -> list[Path]:
    """Write every picture in PICTURES into `out`, making the story in `scratch` (removed
    afterwards); returns the pictures' paths."""
    from desktop_app.services.signatures.signing import KEYS_ENV

    # A fixed place by default, since the window's status bar shows the data folder.
    scratch = scratch or Path(tempfile.gettempdir()) / "minute-book-pictures"
    shutil.rmtree(scratch, ignore_errors=True)
    keys = os.environ.get(KEYS_ENV)
    os.environ[KEYS_ENV] = str(scratch / "keys")  # the story's keys are not the user's own
    try:
        return _Story(scratch, out).tell()
    finally:
        from desktop_app.services.session import close_data_folder

        close_data_folder()
        shutil.rmtree(scratch, ignore_errors=True)
        if keys is None:
            os.environ.pop(KEYS_ENV)
        else:
            os.environ[KEYS_ENV] = keys


class _Story:
    def __init__(self, scratch: Path, out: Path):
        from desktop_app.first_run import ensure_example
        from desktop_app.services.session import open_data_folder
        from ui.app import application
        from ui.main_window import MainWindow

        self.scratch, self.out = scratch, out
        self.out.mkdir(parents=True, exist_ok=True)
        self.app = application()
        self.clerk_folder = scratch / "minute-book"
        # The first start, as ui.app.start_window makes it, on the story's clock.
        props.CLOCK.now_ms = props.ms(props.CLOCK.START)
        open_data_folder(self.clerk_folder, now_ms=props.CLOCK)
        ensure_example(self.clerk_folder)  # the example
        self.window = MainWindow(self.clerk_folder)
        self.window.open_first_board()
        self.window.resize(1280, 820)
        self.window.show()  # as at a start: the status bar's sharing line follows
        settle()
        props.acting(*props.CLERK)
        self.made: list[Path] = []

    def tell(self) -> list[Path]:
        from desktop_app.services.directory import bodies
        from desktop_app.services.meeting_cycle import meetings

        board = bodies.find_body(name=BOARD)
        self.meeting = meetings.find_meeting(body_id=board.id, date=MEETING)
        self.board = board
        self.issue_the_pack()
        self.picture_the_window()
        self.picture_the_documents()
        self.picture_a_conflict()
        self.approve_and_sign()
        self.window.close()
        return self.made

    # -- the pack: papers, a Part II item, an issue and a reissue with a late paper ---------

    def issue_the_pack(self) -> None:
        from desktop_app.services.meeting_cycle import agenda
        from desktop_app.services.papers import documents, pack_issues
        from desktop_app.services.papers.pack_issues import latest_issue

        item = self.item("Locality Board Priorities and Performance")
        props.at(dt.datetime(2012, 12, 7, 10, 15))
        self.attach(item, "Priorities and Performance report", pages=3, author="Chris Inwood")
        self.attach(item, "Performance appendix", pages=16, author="Chris Inwood")
        depot = agenda.add_item(
            meeting_id=self.meeting.id,
            title="Sale of the Quarrington depot",
            kind="report",
            confidential=True,
            exempt_paragraph="3",
        )
        self.attach(depot, "Valuation of the depot", pages=1, author="Zanzibarite")
        pack_issues.issue_packs(meeting_id=self.meeting.id)
        props.at(dt.datetime(2012, 12, 12, 9, 5))
        self.attach(item, "Performance dashboard, quarter 3", pages=2, author="Chris Inwood")
        pack_issues.issue_packs(meeting_id=self.meeting.id)
        documents.extract_missing_texts()

        pack = pack_issues.pack_issue_pdf(latest_issue(self.meeting.id).id)
        self.pdf_page("pack-pdf", pack, page=props.page_starting(pack, "Index"), dpi=70)
        self.pack_issues_dialog()

    def attach(self, item, title: str, *, pages: int, author: str) -> None:
        from desktop_app.services.papers.documents import attach_document

        path = self.scratch / f"{title}.pdf"
        path.write_bytes(props.paper_pdf(title, author=author, pages=pages))
        attach_document(item_id=item.id, path=path, title=title, author=author)

    def pack_issues_dialog(self) -> None:
        from ui.pack_issues_dialog import PackIssuesDialog

        dialog = PackIssuesDialog(
            self.meeting.id,
            stack=self.window.undo_stack,
            changes=self.window.changes,
            open_issue=lambda entry: None,
            issue=lambda: None,
            parent=self.window,
        )
        dialog.show()
        dialog.table.selectRow(1)  # the full pack's second issue: what changed, in bold
        self.picture("pack-issues", dialog)
        dialog.close()

    # -- the window --------------------------------------------------------------------------

    def picture_the_window(self) -> None:
        from ui.action_tracker import ActionTracker
        from ui.search_panel import SearchPanel

        window = self.window
        window.refresh()
        window.select("meeting", self.meeting.id)
        window.show()
        self.picture("meeting", window)
        page = window.meeting_page
        for view in ("agenda", "attendance", "live"):
            shown = show_view(window, view)
            if view == "agenda":
                page.agenda.table.selectRow(4)  # item 34, with its papers
            if view == "live":  # its clock at a moment of the meeting, the same every run
                shown._opened = dt.datetime.combine(MEETING, dt.time(14, 30))
                shown._now = lambda: dt.datetime.combine(MEETING, dt.time(14, 52))
                shown.show_time()
            self.picture(view, shown)
            if shown is not window:
                shown.close()
        window.open_item(self.meeting.id, self.item("Troubled Families").id)
        self.picture("minutes", window)
        # The example's report of seed 003 on item 34, submitted for approval.
        page.tabs.setCurrentWidget(page.reports)
        page.reports.select_item(self.item("Locality Board Priorities").id)
        self.picture("reports", window)
        window.open_search()
        search = window.findChild(SearchPanel)
        search.box.setText("families")
        search.run()
        search.results.setCurrentRow(0)  # the hit the minute shown was opened at
        self.picture("search", window)
        search.close()
        window.select("body", self.board.id)
        self.picture("body", window)
        # The example's plan of seed 001, at its first action.
        window.body_page.show_plans()
        plans = window.body_page.plans
        plans.select_row("action", plans.plan.actions[0].id)
        self.picture("plans", window)
        # Seed 000: the Economic Development and Regeneration group's Quarter 2 update.
        window.select("body", self.group_with_updates().id)
        window.body_page.show_updates(self.first_update().id)
        self.picture("updates", window)
        window.select("body", self.board.id)
        window.body_page.tabs.setCurrentIndex(0)
        window.open_tracker()
        tracker = window.findChild(ActionTracker)
        self.picture("tracker", tracker)
        tracker.close()

    # -- documents ----------------------------------------------------------------------------

    def picture_the_documents(self) -> None:
        from desktop_app.documents import catalogue
        from desktop_app.documents.report_pdf import render_report
        from desktop_app.services.reports.writing import report_of_item

        target = catalogue.meeting_target(self.meeting.id)
        minutes = catalogue.document("minutes").render(target.id)
        self.pdf_page("minutes-pdf", minutes, page=1, dpi=96)
        self.pdf_page("agenda-pdf", catalogue.document("agenda").render(target.id), page=1, dpi=70)
        report = report_of_item(self.item("Locality Board Priorities").id)
        self.pdf_page("report-pdf", render_report(report.id), page=1, dpi=70)
        from desktop_app.documents.plan_pdf import render_plan
        from desktop_app.services.plans.plans import plans_of_body

        (plan,) = plans_of_body(self.board.id)
        self.pdf_page("plan-pdf", render_plan(plan.id), page=1, dpi=70)
        from desktop_app.documents.update_pdf import render_update

        self.pdf_page("update-pdf", render_update(self.first_update().id), page=1, dpi=70)
        # As at the approving meeting, not today: the same picture whenever it is made.
        register = catalogue.body_target(self.board.id, date=APPROVING)
        actions = catalogue.document("actions").render(register.id, today=APPROVING)
        self.pdf_page("action-log-pdf", actions, page=1, dpi=96)
        self.preview("preview", minutes, size=(1000, 820), last_page=False)

    def preview(self, name: str, data: bytes, *, size: tuple[int, int], last_page: bool) -> None:
        from ui.pdf_preview import PdfPreview

        preview = PdfPreview(
            data,
            title="Minutes",
            file_name=f"{MEETING.isoformat()} {BOARD} minutes.pdf",
            parent=self.window,
        )
        preview.resize(*size)
        preview.show()
        settle()
        if last_page:  # scrolled to its foot, where the chair's signature box is
            preview.go_to(preview.page_count() - 1)
            bar = preview.view.verticalScrollBar()
            bar.setValue(bar.maximum())
            settle()
        self.picture(name, preview)
        preview.close()

    # -- sharing -------------------------------------------------------------------------------

    def picture_a_conflict(self) -> None:
        """The officer's laptop joins through a shared folder (its first sync brings the
        record); the clerk and the officer each add to the overview of minute 35 before
        seeing the other's change. The clerk keeps hers once the conflict is pictured."""
        from desktop_app.services.decisions import minutes
        from desktop_app.services.session import close_data_folder, open_data_folder
        from desktop_app.sync.conflicts import open_conflicts, resolve_conflict
        from desktop_app.sync.run import sync_now
        from ui.conflicts_dialog import ConflictsDialog

        share = self.scratch / "share"
        share.mkdir()
        item = self.item("Kent Commissioning Plan")
        overview = minutes.minute_of(item.id).overview
        sync_now(share)
        close_data_folder()
        open_data_folder(self.scratch / "officer", now_ms=props.CLOCK)
        props.acting(*props.OFFICER)
        sync_now(share)
        props.at(dt.datetime(2012, 12, 18, 10, 20))
        minutes.update_minute(
            item_id=item.id,
            overview=f"{overview} Places in the Maidstone primary schools are to be reviewed "
            "again in the spring.",
        )
        sync_now(share)
        close_data_folder()
        open_data_folder(self.clerk_folder, now_ms=props.CLOCK)
        props.acting(*props.CLERK)
        props.at(dt.datetime(2012, 12, 18, 10, 25))
        minutes.update_minute(
            item_id=item.id,
            overview=f"{overview} The Board asked for the figures by ward at its next meeting.",
        )
        sync_now(share)
        dialog = ConflictsDialog(
            stack=self.window.undo_stack, changes=self.window.changes, parent=self.window
        )
        dialog.show()
        dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
        self.picture("conflicts", dialog)
        dialog.close()
        for conflict in open_conflicts():
            resolve_conflict(conflict.id, keep="mine")

    # -- approval and signing ------------------------------------------------------------------

    def approve_and_sign(self) -> None:
        """The board meets on 18 March 2013 with Cllr Garland in the chair; it approves the
        December minutes, and he signs them that afternoon with a key made that day."""
        from desktop_app.documents import catalogue
        from desktop_app.documents.minutes_pdf import render_minutes
        from desktop_app.services.decisions import minutes_versions
        from desktop_app.services.directory.people import person_by_key
        from desktop_app.services.meeting_cycle import agenda, attendance, meetings
        from desktop_app.services.meeting_cycle.agenda_publishing import publish_agenda
        from desktop_app.services.meeting_cycle.meeting_status import change_status
        from desktop_app.services.signatures import signing

        march = meetings.create_meeting(
            body_id=self.board.id, date=APPROVING, start_time="14:30", end_time="16:30"
        )
        item = agenda.add_item(meeting_id=march.id, title="Minutes", kind="previous minutes")
        publish_agenda(meeting_id=march.id)
        change_status(meeting_id=march.id, status="held")
        garland = person_by_key("garland")
        attendance.mark_attendance(meeting_id=march.id, person_id=garland.id, status="present")
        attendance.set_chair(meeting_id=march.id, person_id=garland.id)
        minutes_versions.approve(meeting_id=self.meeting.id, at_item_id=item.id)
        signed_at = dt.datetime(2013, 3, 18, 16, 45, tzinfo=dt.UTC)
        _, key = signing.create_signer(
            person_id=garland.id, passphrase=PASSPHRASE, now=signed_at - dt.timedelta(hours=2)
        )
        signing.sign_minutes(
            meeting_id=self.meeting.id,
            key_path=key,
            passphrase=PASSPHRASE,
            render=render_minutes,
            now=lambda: signed_at,
        )
        signed = catalogue.minutes_as_kept(self.meeting.id)
        self.pdf_page("signed-minutes", signed, page=props.page_count(signed), dpi=80)
        self.preview("signed-preview", signed, size=(900, 1000), last_page=True)

    # -- the pictures ---------------------------------------------------------------------------

    def group_with_updates(self):
        from desktop_app.services.directory import bodies

        return bodies.find_body(name="Economic Development and Regeneration")

    def first_update(self):
        from desktop_app.services.updates.writing import updates_of_body

        return min(updates_of_body(self.group_with_updates().id), key=lambda u: u.quarter)

    def item(self, title_starts: str):
        from desktop_app.services.meeting_cycle.agenda_entries import list_agenda

        return next(e for e in list_agenda(self.meeting.id) if e.title.startswith(title_starts))

    def picture(self, name: str, widget: QWidget) -> None:
        path = self.out / f"{name}.png"
        grab(widget, path)
        self.made.append(path)

    def pdf_page(self, name: str, data: bytes, *, page: int, dpi: int) -> None:
        """Page `page` (from 1) of the PDF, drawn by pdftoppm at `dpi`."""
        source = self.scratch / f"{name}.pdf"
        source.write_bytes(data)
        path = self.out / f"{name}.png"
        subprocess.run(
            ["pdftoppm", "-png", "-singlefile", "-r", str(dpi), "-f", str(page), "-l", str(page)]
            + [str(source), str(path.with_suffix(""))],
            check=True,
            timeout=120,
        )
        self.made.append(path)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("Usage: python -m ui.readme_pictures FOLDER")
    for made in make_pictures(Path(sys.argv[1])):
        print(f"Wrote {made}")
