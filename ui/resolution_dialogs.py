"""Dialogs for what a meeting resolved: a resolution and its vote, named votes, and the
appointments made by resolution (elections, co-options, sub-group chairs)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from desktop_app import vocabulary
from desktop_app.errors import ValidationError
from desktop_app.services.decisions import voting
from desktop_app.services.decisions.resolutions import ResolutionEntry
from ui.errors import show_error
from ui.record_dialog import RecordDialog, choices

VOTE_FIELDS = ("votes_for", "votes_against", "votes_abstain")
COUNT = re.compile(r"(\d+)\s*[-–—]\s*(\d+)(?:\s*[-–—]\s*(\d+))?")  # for–against(–abstaining)


def resolution_dialog(
    parent: QWidget, item_id: str, submit, entry: ResolutionEntry | None = None
) -> RecordDialog:
    dialog = RecordDialog(
        "Resolution" if entry is None else "Edit resolution",
        lambda values: submit(_votes_as_numbers(values)),
        parent,
    )
    dialog.setMinimumWidth(620)
    dialog.add_line("text", "Resolved", entry.text if entry else "That ", "That …", lead_in="That ")
    dialog.add_choice(
        "outcome", "Outcome", choices(vocabulary.OUTCOMES), entry.outcome if entry else "resolved"
    )
    add_vote_fields(dialog, item_id, entry)
    return dialog


def add_vote_fields(dialog: RecordDialog, item_id: str, entry=None) -> None:
    """Proposer, seconder and the count, offered from those who may vote on the item."""
    voters = [("(not recorded)", None)] + [
        (v.name, v.person_id) for v in voting.eligible_voters(item_id)
    ]
    dialog.add_choice("proposer_id", "Proposed by", voters, entry.proposer_id if entry else None)
    dialog.add_choice("seconder_id", "Seconded by", voters, entry.seconder_id if entry else None)
    for name, label in zip(VOTE_FIELDS, ("For", "Against", "Abstentions"), strict=True):
        value = getattr(entry, name) if entry else None
        hint = "number, or the whole count: 3–1, 3–1–2" if name == "votes_for" else "number"
        dialog.add_line(name, label, "" if value is None else str(value), hint)
    dialog.add_check("unopposed", "Carried unopposed", entry.unopposed if entry else False)
    dialog.add_check(
        "casting_vote",
        "Carried on the chair's casting vote",
        entry.casting_vote if entry else False,
    )


def _votes_as_numbers(values: dict) -> dict:
    # "3-1" or "3–1–0" typed as For is the whole count, as clerks say it ("carried 3–1").
    count = COUNT.fullmatch((values.get("votes_for") or "").strip())
    if count:
        if any((values.get(name) or "").strip() for name in VOTE_FIELDS[1:]):
            raise ValidationError(
                f"“{count.group(0)}” is the whole count; leave Against and Abstentions empty, "
                "or give For alone."
            )
        values.update(zip(VOTE_FIELDS, (count[1], count[2], count[3] or ""), strict=True))
    for name in VOTE_FIELDS:
        if name not in values:
            continue
        text = (values[name] or "").strip()
        if not text:
            values[name] = None
        elif text.isdigit():
            values[name] = int(text)
        else:
            raise ValidationError(f"“{text}” is not a number of votes.")
    return values


def appointment_dialog(
    parent: QWidget,
    title: str,
    submit,
    item_id: str,
    *,
    people: list[tuple[str, str]],
    bodies=None,
    roles=None,
    terms=None,
) -> RecordDialog:
    dialog = RecordDialog(title, lambda values: submit(_votes_as_numbers(values)), parent)
    dialog.add_person("person_id", "Who", people)
    if bodies is not None:
        dialog.add_choice("body_id", "Of", bodies)
    if roles is not None:
        dialog.add_choice("role", "As", roles)
    if terms is not None:
        dialog.add_choice("term", "For", terms)
    add_vote_fields(dialog, item_id)
    return dialog


class NamedVotesDialog(QDialog):
    """How each member voted, for a recorded vote."""

    def __init__(self, parent: QWidget, item_id: str, entry: ResolutionEntry, submit):
        super().__init__(parent)
        self.setWindowTitle("Named votes")
        self._submit = submit
        given = {person_id: vote for person_id, _, vote in entry.named_votes}
        form = QFormLayout(self)
        self.combos: dict[str, QComboBox] = {}
        for voter in voting.eligible_voters(item_id):
            combo = QComboBox()
            combo.addItem("—", None)
            for vote in vocabulary.VOTES:
                combo.addItem(vote.capitalize(), vote)
            combo.setCurrentIndex(max(0, combo.findData(given.get(voter.person_id))))
            form.addRow(voter.name, combo)
            self.combos[voter.person_id] = combo
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def votes(self) -> dict[str, str]:
        return {p: c.currentData() for p, c in self.combos.items() if c.currentData()}

    def accept(self) -> None:
        try:
            self._submit(self.votes())
        except ValidationError as error:
            show_error(self, error)
            return
        super().accept()
