"""The rules an import checks once rows are written (issue 12): minute numbers given once
in each run of a body's numbering (rules/numbering.py), and votes that could have been cast
as recorded, by the window's own check (voting.py), which needs the attendance written.
importer.py calls these; each refusal names the place in the file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.exchange.records import BodyRecord, ResolutionRecord
from desktop_app.exchange.values import at, fail, join
from desktop_app.rules.numbering import repeated_number
from desktop_app.services.decisions import voting
from desktop_app.services.meeting_cycle import numbering
from desktop_app.storage.models import Body, Meeting

if TYPE_CHECKING:
    from desktop_app.exchange.import_run import ImportRun


def refuse_repeated_numbers(applier: ImportRun, body: BodyRecord, body_row: Body) -> None:
    """No minute number given twice in one run of the body's numbering (rules/numbering.py)."""
    paths = {row.id: item.path for _, item, row in applier.placed}
    repeat = repeated_number(numbering.numbered_items(body_row))
    if repeat is None:
        return
    number, first, again = repeat
    if again.id not in paths:
        first, again = again, first
    held = Meeting.get_by_id(first.__data__["meeting"])
    fail(
        join(paths[again.id], "number") if again.id in paths else body.path,
        f"“{number}” is already the minute number of “{first.title}” at the meeting of "
        f"{held.date.isoformat()}; the body gives each number once",
    )


def check_votes(applier: ImportRun) -> None:
    """Each vote could have been cast as recorded, by the window's own rule (voting.py)."""
    for row, resolution in applier.votes:
        with at(resolution.path):
            voting.check_votes(
                item_id=row.__data__["item"],
                votes_for=resolution.votes_for,
                votes_against=resolution.votes_against,
                votes_abstain=resolution.votes_abstain,
                proposer_id=applier.person_id(resolution.proposer),
                seconder_id=applier.person_id(resolution.seconder),
                named_votes={
                    applier.person_id(vote.person): vote.vote for vote in resolution.named_votes
                },
            )


def has_vote(resolution: ResolutionRecord) -> bool:
    """Whether the resolution records anything voting.check_votes looks at."""
    counts = (resolution.votes_for, resolution.votes_against, resolution.votes_abstain)
    return any(count is not None for count in counts) or bool(
        resolution.proposer or resolution.seconder or resolution.named_votes
    )
