"""The confidential sweep (issue 12): a marker word in every text field of an item, its paper
and a confidential paper, issued publicly while the item was still Part I, then put into Part
II; every public document, made every way one can be made (rendered, published by the
service and by `python main.py publish`, the public pack issued and shown, the public
registers, search as the window and the command line show it), must carry none of the
markers in its text, bookmarks or metadata, and the pack issued before the change must never
come out again. Each PDF read back is counted; the count is printed and asserted."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from desktop_app import publishing
from desktop_app.documents import catalogue
from desktop_app.errors import ValidationError
from desktop_app.exchange import import_file
from desktop_app.paths import EXAMPLE_FILE
from desktop_app.services import search
from desktop_app.services.decisions import actions, minutes, resolutions
from desktop_app.services.directory import organisations
from desktop_app.services.meeting_cycle import agenda, declarations, meetings
from desktop_app.services.papers import documents, pack_issues
from desktop_app.storage.models import AgendaItem, Attendance, Body, Document
from tests.documents.conftest import make_report
from tests.test_cli import ROOT

BODY = "Maidstone Locality Board"
MEETING = ("--body", BODY, "--date", "2012-12-17")
# One word per field, found nowhere else: any of them in a public document is a leak. (An
# item's purpose is one of three fixed words and cannot carry one.)
MARKERS = {
    field: f"Qz{field}mark"
    for field in (
        "title",
        "presenter",
        "chairnote",
        "overview",
        "keypoint",
        "recommendation",
        "decision",
        "notes",
        "resolution",
        "action",
        "progress",
        "declaration",
        "papertitle",
        "paperauthor",
        "papertext",
        "secondtitle",
        "secondtext",
    )
}
STALE = "Issue 1 of the public agenda pack is stale"


class Sweep:
    """Reads each public PDF back whole and keeps count of the documents checked."""

    def __init__(self):
        self.checked: list[str] = []

    def clean(self, what: str, data: bytes) -> None:
        """Count a public document, failing if any marker is in it."""
        found = self.markers(data)
        assert found == [], f"{what} leaks {found}"
        self.checked.append(what)

    @staticmethod
    def markers(data: bytes) -> list[str]:
        words = pdf_words(data).casefold()
        return [m for m in MARKERS.values() if m.casefold() in words]


def pdf_words(data: bytes) -> str:
    """Everything a reader of the PDF can see: its pages' text, its bookmarks, its metadata
    (document information and XMP) and the names of any files attached."""
    reader = PdfReader(io.BytesIO(data))
    parts = [page.extract_text() or "" for page in reader.pages]
    parts += _outline_titles(reader.outline)
    parts += [str(value) for value in (reader.metadata or {}).values()]
    xmp = reader.xmp_metadata
    if xmp is not None:
        parts.append(xmp.stream.get_data().decode("utf-8", "replace"))
    parts += list(reader.attachments)
    return "\n".join(parts)


def _outline_titles(outline) -> list[str]:
    titles = []
    for entry in outline:
        if isinstance(entry, list):
            titles += _outline_titles(entry)
        else:
            titles.append(str(entry.title))
    return titles


def _register(key: str, body_id: str) -> bytes:
    """The public edition of a register, over a period holding the meeting."""
    kind = catalogue.document(key)
    options = {"public": True}
    if kind.period:
        options.update(from_date="2012-01-01", to_date="2013-12-31")
    return kind.render(body_id, **options)


def cli(data_dir: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def marked_meeting(tmp_path: Path) -> tuple[str, str, str]:
    """The example meeting with a public item carrying every marker (and a paper), and a
    second marked paper on item 34; returns the meeting's, the item's and the paper's ids."""
    import_file(EXAMPLE_FILE)
    body = Body.get(Body.name == BODY)
    meeting = meetings.find_meeting(body_id=body.id, date="2012-12-17")
    presenter = organisations.create_organisation(name=f"{MARKERS['presenter']} Trust")
    item = agenda.add_item(
        meeting_id=meeting.id,
        title=f"Future of the depot {MARKERS['title']}",
        presenter_organisation_id=presenter.id,
        purpose="for decision",
    )
    agenda.update_item(item_id=item.id, brief_note=f"Keep it short {MARKERS['chairnote']}")
    minutes.update_minute(
        item_id=item.id,
        overview=f"The board heard {MARKERS['overview']}",
        key_points=[f"Point {MARKERS['keypoint']}"],
        recommendations=[f"Recommend {MARKERS['recommendation']}"],
        decision=f"Agreed {MARKERS['decision']}",
        notes=f"Clerk's note {MARKERS['notes']}",
    )
    resolutions.add_resolution(
        item_id=item.id, text=f"That the depot be sold {MARKERS['resolution']}"
    )
    action = actions.add_action(item_id=item.id, text=f"Value the site {MARKERS['action']}")
    actions.add_progress(action_id=action.id, text=f"Valuer booked {MARKERS['progress']}")
    present = Attendance.get(
        (Attendance.meeting == meeting.id) & (Attendance.status == "present")
    ).__data__["person"]
    declarations.declare_interest(
        meeting_id=meeting.id,
        item_id=item.id,
        person_id=present,
        kind="other",
        description=f"Owns land nearby {MARKERS['declaration']}",
    )
    documents.attach_document(
        item_id=item.id,
        path=make_report(tmp_path / "depot.pdf", "Depot", 2, marker=MARKERS["papertext"]),
        title=f"Depot valuation {MARKERS['papertitle']}",
        author=f"A {MARKERS['paperauthor']}",
    )
    item_34 = AgendaItem.get((AgendaItem.meeting == meeting.id) & (AgendaItem.number == "34"))
    second = documents.attach_document(
        item_id=item_34.id,
        path=make_report(tmp_path / "lease.pdf", "Lease", 1, marker=MARKERS["secondtext"]),
        title=f"Lease terms {MARKERS['secondtitle']}",
    )
    documents.extract_missing_texts()  # the papers' words, for search
    return meeting.id, item.id, second.id


def test_no_marker_of_confidential_content_reaches_any_public_document(
    database, data_dir, tmp_path
):
    meeting_id, item_id, second_paper = marked_meeting(tmp_path)
    body_id = Body.get(Body.name == BODY).id
    sweep = Sweep()

    # While the item is in Part I, its public pack is issued with every marker in it, and
    # the public agenda is open in a preview.
    first = pack_issues.issue_pack(meeting_id=meeting_id, public=True)
    held = pack_issues.pack_issue_pdf(first.id)
    shown = catalogue.document("public-agenda").render(meeting_id)
    seen = set(sweep.markers(held))
    for kind in ("minutes", "brief"):
        seen |= set(sweep.markers(catalogue.document(kind).render(meeting_id)))
    for key in ("actions", "decisions"):
        seen |= set(sweep.markers(_register(key, body_id)))
    # Each marker shows somewhere while it is not confidential (the chair's note only in the
    # brief, which is never public): the sweep below can see every one of them.
    assert seen == set(MARKERS.values())

    # Then it goes into Part II, and the paper on item 34 is marked confidential.
    agenda.update_item(item_id=item_id, confidential=True, exempt_paragraph="3")
    documents.update_document(document_id=second_paper, confidential=True)
    assert Document.get_by_id(second_paper).confidential

    # Every public document as rendered.
    for kind in catalogue.DOCUMENTS.values():
        if kind.publishable:
            sweep.clean(f"render {kind.key}", kind.render(meeting_id))
    for key in ("actions", "decisions"):
        sweep.clean(f"render public {key}", _register(key, body_id))

    # The issue made before the change never comes out again, whichever way is asked.
    site = tmp_path / "site"
    site.mkdir()
    for refused in (
        lambda: pack_issues.pack_issue_pdf(first.id),
        lambda: publishing.publish_meeting(meeting_id, site),
        lambda: publishing.publish_document("public-pack", meeting_id, site),
        lambda: publishing.publish_document("public-pack", meeting_id, site, held),
    ):
        try:
            refused()
        except pack_issues.StaleIssue as stale:
            assert str(stale).startswith(STALE)
        else:
            raise AssertionError("a stale public pack was written out")
    try:
        publishing.publish_document("public-agenda", meeting_id, site, shown)
    except ValidationError as error:
        assert "has changed since it was shown" in str(error)
    else:
        raise AssertionError("a public agenda shown before the change was published")
    assert list(site.iterdir()) == []
    out = tmp_path / "shown.pdf"
    result = cli(data_dir, "pack", "show", *MEETING, "--public", "--out", str(out))
    assert (result.returncode, result.stderr.startswith(STALE)) == (2, True), result.stderr
    assert not out.exists()
    result = cli(data_dir, "publish", *MEETING, "--to", str(site))
    assert (result.returncode, result.stderr.startswith(STALE)) == (2, True), result.stderr
    assert list(site.iterdir()) == []

    # The new public edition, issued by the service and by `pack issue --public`.
    second = pack_issues.issue_pack(meeting_id=meeting_id, public=True)
    sweep.clean("pack issue 2 (service)", pack_issues.pack_issue_pdf(second.id))
    result = cli(data_dir, "pack", "issue", *MEETING, "--public")
    assert result.returncode == 2 and "Nothing has changed" in result.stderr
    agenda.update_item(item_id=item_id, exempt_paragraph="1")  # a change, so a third issue
    result = cli(data_dir, "pack", "issue", *MEETING, "--public")
    assert result.returncode == 0, result.stderr
    for label, argv in (
        ("pack show --public", ()),
        ("pack show --public --issue 2", ("--issue", "2")),
    ):
        result = cli(data_dir, "pack", "show", *MEETING, "--public", *argv, "--out", str(out))
        assert result.returncode == 0, result.stderr
        sweep.clean(label, out.read_bytes())

    # Published, by the service, one document at a time and by the command line.
    for path in publishing.publish_meeting(meeting_id, site):
        sweep.clean(f"publish {path.name}", path.read_bytes())
    for kind in publishing.publishable(meeting_id):
        path = publishing.publish_document(kind.key, meeting_id, site)
        sweep.clean(f"publish_document {kind.key}", path.read_bytes())
    cli_site = tmp_path / "cli-site"
    cli_site.mkdir()
    result = cli(data_dir, "publish", *MEETING, "--to", str(cli_site))
    assert result.returncode == 0, result.stderr
    for path in sorted(cli_site.iterdir()):
        sweep.clean(f"main.py publish {path.name}", path.read_bytes())
    for document, extra in (
        ("agenda", ("--public", *MEETING)),
        ("pack", ("--public", *MEETING)),
        ("minutes", MEETING),
        ("actions", ("--public", "--body", BODY)),
        ("decisions", ("--public", "--body", BODY, "--from", "2012-01-01", "--to", "2013-12-31")),
    ):
        result = cli(data_dir, "render", document, *extra, "--out", str(out))
        assert result.returncode == 0, result.stderr
        sweep.clean(f"main.py render {document} {' '.join(extra[:1])}", out.read_bytes())

    # The archive is the full record, never public: there is no public edition of it.
    assert not catalogue.document("archive").publishable
    try:
        publishing.publish_document("archive", meeting_id, site)
    except ValidationError as error:
        assert "never published" in str(error)
    else:
        raise AssertionError("the archive was published")

    # Search shows confidential hits to the clerk only, each marked as confidential.
    for marker in MARKERS.values():
        for hit in search.search(marker):
            assert hit.confidential, (marker, hit)
    result = cli(data_dir, "search", MARKERS["resolution"])
    lines = result.stdout.splitlines()
    assert lines and all(line.endswith("[confidential]") for line in lines), result.stdout

    print(f"\nconfidential sweep: {len(sweep.checked)} public documents checked, none leaked")
    assert len(sweep.checked) == 22, sweep.checked
